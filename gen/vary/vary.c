/* vary.c - seeded instances of a set; see vary.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
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

#define VARY_GOLDEN	0x9E3779B97F4A7C15ULL
#define STREAM_ORDER	0x6d696d656fULL		/* "mimeo" */
#define STREAM_VARS	0x76617273ULL		/* "vars" */

static uint64_t
vary_seed(long seed, int version)
{
	return (uint64_t)seed + (uint64_t)version * VARY_GOLDEN;
}

/* One value for each variable of p. */
static void
vary_draw(struct rng *r, const struct problem *p, struct var *vals)
{
	const struct vardef *vd;
	size_t i;

	for (i = 0; i < p->nvars; i++) {
		vd = &p->vars[i];
		vals[i].name = vd->name;
		if (vd->nvalues > 0) {
			vals[i].v = vd->values[rng_below(r,
			    (uint32_t)vd->nvalues)];
			continue;
		}
		memset(&vals[i].v, 0, sizeof(vals[i].v));
		vals[i].v.kind = VAL_NUM;
		vals[i].v.r.n = vd->lo + (int64_t)rng_below(r,
		    (uint32_t)(vd->hi - vd->lo + 1));
		vals[i].v.r.d = 1;
	}
}

/* " (with a = 3, b = 4)", or "" without variables. */
static void
vary_values(const struct problem *p, const struct var *vals, char *buf,
    size_t len)
{
	char v[VAL_TEXT_MAX];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < p->nvars && n + 1 < len; i++) {
		value_format(&vals[i].v, v);
		n += (size_t)snprintf(buf + n, len - n, "%s%s = %s",
		    i == 0 ? " (with " : ", ", vals[i].name, v);
	}
	if (p->nvars > 0 && n + 1 < len)
		snprintf(buf + n, len - n, ")");
}

/* An expression of p that failed with these values (division by zero, a
 * number too large): where, why, the values, and what to do about it.
 * The first failure of a draw fills fail; later ones go to fail->more. */
static void
vary_eval_fail(struct vary_fail *fail, const struct text *t,
    const struct expr_err *e, const struct problem *p, const struct var *vals)
{
	char desc[400], msg[sizeof(fail->msg)];
	struct mark at;

	text_mark_at(t, e->off, &at);
	vary_values(p, vals, desc, sizeof(desc));
	snprintf(msg, sizeof(msg), "%s%s%s", e->msg, desc,
	    p->nvars > 0 ? "; if only some values do this, change the "
	    "ranges or add a \"where\" that rules them out" : "");
	if (fail->why == VF_NONE) {
		fail->why = VF_EVAL;
		fail->mark = at;
		memcpy(fail->msg, msg, sizeof(msg));
		return;
	}
	fail->more = xrealloc(fail->more, (fail->nmore + 1) *
	    sizeof(*fail->more));
	fail->more[fail->nmore].mark = at;
	fail->more[fail->nmore++].msg = xstrdup(msg);
}

void
vary_fail_free(struct vary_fail *fail)
{
	size_t i;

	for (i = 0; i < fail->nmore; i++)
		free(fail->more[i].msg);
	free(fail->more);
	fail->more = NULL;
	fail->nmore = 0;
}

struct fillctx {
	struct scope	 sc;
	struct vary_fail *fail;
	const struct problem *p;
	const struct var *vals;
	const struct text *t;		/* the text being filled */
};

/* expr_report_fn while filling: every mistake of the draw is kept. */
static void
vary_report_eval(const struct expr_err *e, void *arg)
{
	struct fillctx *c = arg;

	vary_eval_fail(c->fail, c->t, e, c->p, c->vals);
}

/* fig_report_fn: a figure that cannot be drawn with these values. */
static void
vary_report_figure(const struct text *t, const char *msg, void *arg)
{
	struct fillctx *c = arg;
	struct expr_err e;

	e.off = 0;
	snprintf(e.msg, sizeof(e.msg), "%s", msg);
	vary_eval_fail(c->fail, t, &e, c->p, c->vals);
}

static void
vary_fill_text(struct text *t, void *arg)
{
	struct fillctx *c = arg;
	char *s;

	c->t = t;
	s = expr_subst_each(t->s, &c->sc, vary_report_eval, c);
	t->s = s != NULL ? s : xstrdup("");
}

static void
vary_free_text(struct text *t, void *arg)
{
	(void)arg;
	free(t->s);
	t->s = NULL;
}

static void
vary_copy_list(struct textlist *l)
{
	struct text *v = xcalloc(l->n + 1, sizeof(*v));

	if (l->n > 0)
		memcpy(v, l->v, l->n * sizeof(*v));
	l->v = v;
}

void
vary_problem_free(struct problem *p)
{
	struct textlist *lists[] = { &p->choices, &p->blanks, &p->left,
	    &p->right, &p->extra, &p->items, &p->rubric, &p->word_bank,
	    &p->hints, &p->feedback };
	size_t i;

	problem_texts(p, vary_free_text, NULL);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		free(lists[i]->v);
	figure_free_copy(p->figures, p->nfigures);
	ptable_dup_free(p->table);
	for (i = 0; i < p->nparts; i++)
		vary_problem_free(&p->parts[i]);
	free(p->parts);
	memset(p, 0, sizeof(*p));
}

/* Texts compared as a student reads them: spaces and backticks aside. */
static int
vary_same_text(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '`')
			a++;
		while (*b == ' ' || *b == '`')
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

/* Two entries of a list that read the same: 1 and a message. */
static int
vary_same_in(const struct textlist *a, const struct textlist *b,
    const struct problem *p, struct vary_fail *f)
{
	size_t n = a->n + (b ? b->n : 0), i, j;
	const struct text *x, *y;

	for (i = 1; i < n; i++)
		for (j = 0; j < i; j++) {
			x = i < a->n ? &a->v[i] : &b->v[i - a->n];
			y = j < a->n ? &a->v[j] : &b->v[j - a->n];
			if (!vary_same_text(x->s, y->s))
				continue;
			f->mark = x->mark;
			if (a == &p->choices && ((p->correct >> i) & 1) !=
			    ((p->correct >> j) & 1))
				snprintf(f->msg, sizeof(f->msg), "choice %c reads "
				    "the same as the right answer %c (\"%s\")",
				    'A' + (int)((p->correct >> i) & 1 ? j : i),
				    'A' + (int)((p->correct >> i) & 1 ? i : j),
				    x->s);
			else if (a == &p->choices)
				snprintf(f->msg, sizeof(f->msg), "choices %c and "
				    "%c both read \"%s\"", 'A' + (int)j,
				    'A' + (int)i, x->s);
			else
				snprintf(f->msg, sizeof(f->msg), "items %zu and "
				    "%zu both read \"%s\"", j + 1, i + 1, x->s);
			return 1;
		}
	return 0;
}

static int
vary_same(const struct problem *p, struct vary_fail *f)
{
	char msg[sizeof(f->msg)];
	size_t i;

	if (vary_same_in(&p->choices, NULL, p, f) ||
	    vary_same_in(&p->right, &p->extra, p, f) ||
	    vary_same_in(&p->items, NULL, p, f))
		return 1;
	for (i = 0; i < p->nparts; i++)
		if (vary_same(&p->parts[i], f)) {
			snprintf(msg, sizeof(msg), "part (%c): %.1000s",
			    'a' + (int)i, f->msg);
			memcpy(f->msg, msg, sizeof(msg));
			return 1;
		}
	return 0;
}

/* Fill the texts of a copy of p with the values vals (sc.n of them, its
 * problem's), and those of its parts. */
static void
vary_fill_copy(const struct problem *p, struct fillctx *c, struct problem *out)
{
	struct textlist *lists[] = { &out->choices, &out->blanks, &out->left,
	    &out->right, &out->extra, &out->items, &out->rubric,
	    &out->word_bank, &out->hints, &out->feedback };
	size_t i;

	*out = *p;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		vary_copy_list(lists[i]);
	out->table = ptable_dup(p->table);
	out->figures = figure_copy(p->figures, p->nfigures);
	problem_texts(out, vary_fill_text, c);
	if (c->fail->why == VF_NONE)
		figure_eval(out->figures, out->nfigures, vary_report_figure, c);
	if (p->nparts == 0)
		return;
	out->parts = xcalloc(p->nparts, sizeof(*out->parts));
	for (i = 0; i < p->nparts; i++)
		vary_fill_copy(&p->parts[i], c, &out->parts[i]);
}

/* Fill the texts of a copy of p with the values drawn. */
static int
vary_fill_texts(const struct problem *p, const struct var *vals,
    const char *decimal, struct problem *out, struct vary_fail *fail)
{
	struct fillctx c;

	memset(&c, 0, sizeof(c));
	c.sc.v = vals;
	c.sc.n = p->nvars;
	c.sc.decimal = decimal;
	c.fail = fail;
	c.p = p;
	c.vals = vals;
	vary_fill_copy(p, &c, out);
	if (fail->why != VF_NONE) {
		vary_problem_free(out);
		return -1;
	}
	return 0;
}

int
vary_fill(const struct problem *p, int k, long seed, int version,
    int strict, const char *decimal, struct problem *out, struct var *vals,
    struct vary_fail *fail)
{
	struct rng r;
	struct scope sc = { vals, p->nvars, 0, decimal };
	struct expr_err e;
	struct value ok;
	size_t *misses = xcalloc(p->where.n + 1, sizeof(size_t)), i, worst;
	char desc[400];
	int try, rc = -1, same = 0;

	memset(fail, 0, sizeof(*fail));
	memset(out, 0, sizeof(*out));
	rng_seed(&r, vary_seed(seed, version), STREAM_VARS + (uint64_t)k);
	for (try = 0; try < VARY_TRIES; try++) {
		vary_draw(&r, p, vals);
		for (i = 0; i < p->where.n; i++) {
			if (expr_eval(p->where.v[i].s, &sc, &ok, &e) < 0) {
				vary_eval_fail(fail, &p->where.v[i], &e, p,
				    vals);
				goto out;
			}
			if (ok.kind != VAL_NUM || ok.r.n == 0)
				break;
		}
		if (i < p->where.n) {
			misses[i]++;
			if (p->nvars == 0)
				break;	/* nothing to draw again */
			continue;
		}
		if (vary_fill_texts(p, vals, decimal, out, fail) < 0)
			goto out;
		if (!vary_same(out, fail)) {
			rc = 0;
			goto out;
		}
		vary_values(p, vals, desc, sizeof(desc));
		strncat(fail->msg, desc, sizeof(fail->msg) -
		    strlen(fail->msg) - 1);
		vary_problem_free(out);
		same++;
		if (strict || p->nvars == 0) {
			fail->why = VF_SAME;
			goto out;
		}
	}
	for (i = 1, worst = 0; i < p->where.n; i++)
		if (misses[i] > misses[worst])
			worst = i;
	if (p->where.n > 0 && misses[worst] > 0) {
		fail->why = VF_WHERE;
		fail->mark = p->where.v[worst].mark;
		snprintf(fail->msg, sizeof(fail->msg), "no values met every "
		    "condition of \"where\" in %d draws; \"%s\" failed %zu "
		    "time%s%s; widen the ranges or change the condition",
		    try == 0 ? 1 : try, p->where.v[worst].s,
		    misses[worst], misses[worst] == 1 ? "" : "s", same > 0 ?
		    " (and choices that read the same were drawn again)" :
		    "");
	} else {
		char last[sizeof(fail->msg)];

		fail->why = VF_SAME;
		memcpy(last, fail->msg, sizeof(last));
		snprintf(fail->msg, sizeof(fail->msg), "in every one of %d "
		    "draws two choices read the same; in the last, %.600s; "
		    "change the choices or the ranges, or add a \"where\" "
		    "that keeps them apart", same, last);
	}
out:
	free(misses);
	return rc;
}

/* The orders chance decides for pi->p (and each of its parts, whose own
 * choices shuffle while the parts keep their order). */
static void
vary_problem(struct rng *r, const struct set *set, struct pinst *pi)
{
	const struct problem *p = pi->p;
	size_t i;

	if (p->choices.n > 0) {
		pi->choices = vary_identity(p->choices.n);
		/* pinned last choices ("All of the above") stay put */
		if (set->shuffle == SHUFFLE_ALL ||
		    set->shuffle == SHUFFLE_CHOICES)
			rng_shuffle(r, pi->choices, p->choices.n -
			    (size_t)p->pin_last);
	}
	if (p->type == P_MATCH) {
		pi->right = vary_identity(p->right.n + p->extra.n);
		vary_mix(r, pi->right, p->right.n + p->extra.n);
	}
	if (p->type == P_ORDER) {
		pi->items = vary_identity(p->items.n);
		vary_mix(r, pi->items, p->items.n);
	}
	if (p->nparts == 0)
		return;
	pi->parts = xcalloc(p->nparts, sizeof(*pi->parts));
	pi->nparts = p->nparts;
	for (i = 0; i < p->nparts; i++) {
		pi->parts[i].p = &p->parts[i];
		pi->parts[i].src = &pi->src->parts[i];
		pi->parts[i].vals = pi->vals;
		pi->parts[i].number = pi->number;
		vary_problem(r, set, &pi->parts[i]);
	}
}

/* Free what vary_problem() gave pi. */
static void
vary_pinst_free(struct pinst *pi)
{
	size_t i;

	for (i = 0; i < pi->nparts; i++)
		vary_pinst_free(&pi->parts[i]);
	free(pi->parts);
	free(pi->choices);
	free(pi->right);
	free(pi->items);
}

/* Print the failure of p's draw, each mistake where it is. */
static void
vary_report(const struct problem *p, const char *who, struct vary_fail *fail)
{
	char prefix[300];
	size_t i;

	snprintf(prefix, sizeof(prefix), "problem %d%s%s%s", p->number,
	    who ? " (" : "", who ? who : "", who ? ")" : "");
	diag_error(&fail->mark, "%s: %s", prefix, fail->msg);
	for (i = 0; i < fail->nmore; i++)
		diag_error(&fail->more[i].mark, "%s: %s", prefix,
		    fail->more[i].msg);
	vary_fail_free(fail);
}

struct instance *
vary(const struct set *set, long seed, int version, const char *who,
    const char *decimal)
{
	struct instance *in = xcalloc(1, sizeof(*in));
	struct rng r;
	struct vary_fail fail;
	struct problem *own;
	size_t i, j;
	int *order, number = 0, failed = 0;

	rng_seed(&r, vary_seed(seed, version), STREAM_ORDER);
	in->set = set;
	in->version = version;
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
			struct pinst *pi = &si->problems[j];

			pi->src = &s->problems[order[j]];
			pi->number = ++number;
			if (pi->src->broken)	/* reported already */
				continue;
			pi->vals = xcalloc(pi->src->nvars + 1,
			    sizeof(*pi->vals));
			own = xcalloc(1, sizeof(*own));
			pi->p = own;
			if (vary_fill(pi->src, pi->src->number, seed, version, 0,
			    decimal, own, pi->vals, &fail) < 0) {
				vary_report(pi->src, who, &fail);
				failed = 1;
				continue;
			}
			vary_problem(&r, set, pi);
		}
		free(order);
	}
	if (failed) {
		instance_free(in);
		return NULL;
	}
	return in;
}

/* Free what in drew (its sections), unless they are borrowed. */
static void
vary_free_draw(struct instance *in)
{
	size_t i, j;

	for (i = 0; !in->borrowed && i < in->nsections; i++) {
		for (j = 0; j < in->sections[i].nproblems; j++) {
			struct problem *own = (struct problem *)
			    in->sections[i].problems[j].p;

			if (own != NULL)
				vary_problem_free(own);
			free(own);
			free(in->sections[i].problems[j].vals);
			vary_pinst_free(&in->sections[i].problems[j]);
		}
		free(in->sections[i].problems);
	}
	if (!in->borrowed)
		free(in->sections);
	in->sections = NULL;
	in->nsections = 0;
}

void
instance_free(struct instance *in)
{
	if (in == NULL)
		return;
	vary_free_draw(in);
	free(in->label);
	free(in);
}

void
instance_share(struct instance *in, const struct instance *like)
{
	vary_free_draw(in);
	in->sections = like->sections;
	in->nsections = like->nsections;
	in->borrowed = 1;
}

/* Whether a and b, the values of one variable, are the same value. */
static int
vary_same_value(const struct value *a, const struct value *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == VAL_NUM)
		return a->r.n == b->r.n && a->r.d == b->r.d;
	return a->printed == b->printed && strcmp(a->text, b->text) == 0;
}

/* Whether the orders perm a and b of n entries are the same (both NULL:
 * nothing to order). */
static int
vary_same_order(const int *a, const int *b, size_t n)
{
	if (a == NULL || b == NULL)
		return a == b;
	return memcmp(a, b, n * sizeof(*a)) == 0;
}

/* Whether pi and pj, problems at the same place, drew alike; with vals
 * their values too (a part shares its problem's). */
static int
vary_same_pinst(const struct pinst *pi, const struct pinst *pj, int vals)
{
	const struct problem *p = pi->src;
	size_t i;

	if (pi->src != pj->src || pi->nparts != pj->nparts ||
	    (pi->p == NULL) != (pj->p == NULL))
		return 0;
	for (i = 0; vals && pi->vals != NULL && i < p->nvars; i++)
		if (!vary_same_value(&pi->vals[i].v, &pj->vals[i].v))
			return 0;
	if (pi->p == NULL)
		return 1;
	if (!vary_same_order(pi->choices, pj->choices, pi->p->choices.n) ||
	    !vary_same_order(pi->right, pj->right, pi->p->right.n +
	    pi->p->extra.n) ||
	    !vary_same_order(pi->items, pj->items, pi->p->items.n))
		return 0;
	for (i = 0; i < pi->nparts; i++)
		if (!vary_same_pinst(&pi->parts[i], &pj->parts[i], 0))
			return 0;
	return 1;
}

int
instance_same_draw(const struct instance *a, const struct instance *b)
{
	size_t i, j;

	if (a->set != b->set || a->nsections != b->nsections)
		return 0;
	for (i = 0; i < a->nsections; i++) {
		if (a->sections[i].nproblems != b->sections[i].nproblems)
			return 0;
		for (j = 0; j < a->sections[i].nproblems; j++)
			if (!vary_same_pinst(&a->sections[i].problems[j],
			    &b->sections[i].problems[j], 1))
				return 0;
	}
	return 1;
}

/* FNV-1a over n bytes of p, onto h. */
static uint64_t
vary_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n-- > 0)
		h = (h ^ *c++) * 0x100000001b3ULL;
	return h;
}

/* The hash of the problems' order, values and choices' orders: what
 * instance_same_draw() looks at, less a match's columns, an order
 * problem's items and the parts (which comparing finds). */
uint64_t
instance_draw_hash(const struct instance *in)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	const struct pinst *pi;
	const struct value *v;
	size_t i, j, k;

	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++) {
			pi = &in->sections[i].problems[j];
			h = vary_fnv(h, &pi->src->number,
			    sizeof(pi->src->number));
			for (k = 0; pi->vals != NULL && k < pi->src->nvars;
			    k++) {
				v = &pi->vals[k].v;
				h = v->kind == VAL_NUM ? vary_fnv(vary_fnv(h,
				    &v->r.n, sizeof(v->r.n)), &v->r.d,
				    sizeof(v->r.d)) : vary_fnv(h, v->text,
				    strlen(v->text));
			}
			if (pi->choices != NULL)
				h = vary_fnv(h, pi->choices, pi->p->choices.n *
				    sizeof(*pi->choices));
		}
	return h;
}
