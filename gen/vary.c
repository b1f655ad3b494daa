/* vary.c - seeded instances of a set; see vary.h */
#include <stdlib.h>

#include "util.h"
#include "vary.h"

void
rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	r->state = 0;
	r->inc = (stream << 1) | 1;
	rng_next(r);
	r->state += seed;
	rng_next(r);
}

uint32_t
rng_next(struct rng *r)
{
	uint64_t old = r->state;
	uint32_t xorshifted, rot;

	r->state = old * 6364136223846793005ULL + r->inc;
	xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
	rot = (uint32_t)(old >> 59);
	return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

uint32_t
rng_below(struct rng *r, uint32_t bound)
{
	uint32_t threshold = -bound % bound, x;

	do
		x = rng_next(r);
	while (x < threshold);
	return x % bound;
}

void
rng_shuffle(struct rng *r, int *perm, size_t n)
{
	size_t i, j;
	int t;

	for (i = n; i > 1; i--) {
		j = rng_below(r, (uint32_t)i);
		t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
}

static int *
vary_identity(size_t n)
{
	int *p = xmalloc(n * sizeof(int));
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (int)i;
	return p;
}

/* Shuffle until the order differs from the written one (the answer), when
 * there is more than one item.  Two items: just swap. */
static void
vary_mix(struct rng *r, int *perm, size_t n)
{
	size_t i;
	int same;

	if (n < 2)
		return;
	do {
		rng_shuffle(r, perm, n);
		for (i = 0, same = 1; i < n && same; i++)
			same = perm[i] == (int)i;
	} while (same);
}

static void
vary_problem(struct rng *r, const struct set *set, struct pinst *pi)
{
	const struct problem *p = pi->p;

	if (p->choices.n > 0) {
		pi->choices = vary_identity(p->choices.n);
		if (set->shuffle == SHUFFLE_ALL ||
		    set->shuffle == SHUFFLE_CHOICES)
			rng_shuffle(r, pi->choices, p->choices.n);
	}
	if (p->type == P_MATCH) {
		pi->right = vary_identity(p->right.n + p->extra.n);
		vary_mix(r, pi->right, p->right.n + p->extra.n);
	}
	if (p->type == P_ORDER) {
		pi->items = vary_identity(p->items.n);
		vary_mix(r, pi->items, p->items.n);
	}
}

struct instance *
vary(const struct set *set, long seed)
{
	struct instance *in = xcalloc(1, sizeof(*in));
	struct rng r;
	size_t i, j;
	int *order, number = 0;

	rng_seed(&r, (uint64_t)seed, 0x6d696d656fULL);	/* "mimeo" */
	in->set = set;
	in->nsections = set->nsections;
	in->sections = xcalloc(set->nsections, sizeof(*in->sections));
	for (i = 0; i < set->nsections; i++) {
		const struct section *s = &set->sections[i];
		struct sinst *si = &in->sections[i];

		si->s = s;
		si->nproblems = s->nproblems;
		si->problems = xcalloc(s->nproblems, sizeof(*si->problems));
		order = vary_identity(s->nproblems);
		if (set->shuffle == SHUFFLE_ALL ||
		    set->shuffle == SHUFFLE_PROBLEMS)
			rng_shuffle(&r, order, s->nproblems);
		for (j = 0; j < s->nproblems; j++) {
			si->problems[j].p = &s->problems[order[j]];
			si->problems[j].number = ++number;
			vary_problem(&r, set, &si->problems[j]);
		}
		free(order);
	}
	return in;
}

void
instance_free(struct instance *in)
{
	size_t i, j;

	if (in == NULL)
		return;
	for (i = 0; i < in->nsections; i++) {
		for (j = 0; j < in->sections[i].nproblems; j++) {
			free(in->sections[i].problems[j].choices);
			free(in->sections[i].problems[j].right);
			free(in->sections[i].problems[j].items);
		}
		free(in->sections[i].problems);
	}
	free(in->sections);
	free(in);
}
