/*
 * vary.h - the seeded stage: from a set and a seed, one instance of it.
 *
 * An instance fixes everything chance decides: the order of problems and
 * choices (when the set asks for shuffling), the order of a match's right
 * column and of an order problem's items (always mixed, so the answer is
 * not printed in place).  The generator is PCG32 (O'Neill, pcg-random.org),
 * our own, so a seed gives the same instance on every machine and libc.
 */
#ifndef MIMEO_VARY_H
#define MIMEO_VARY_H

#include <stddef.h>
#include <stdint.h>

#include "set.h"

struct rng {
	uint64_t	state, inc;
};

void		rng_seed(struct rng *, uint64_t seed, uint64_t stream);
uint32_t	rng_next(struct rng *);
/* Uniform in [0, bound), without modulo bias. */
uint32_t	rng_below(struct rng *, uint32_t bound);
/* Fisher-Yates shuffle of perm[0..n). */
void		rng_shuffle(struct rng *, int *perm, size_t n);

struct pinst {
	const struct problem *p;
	int		 number;	/* as printed */
	int		*choices;	/* printed position -> written index */
	int		*right;		/* match: printed row -> index into
					 * right[] then extra[] */
	int		*items;		/* order: printed row -> written index */
};

struct sinst {
	const struct section *s;
	struct pinst	*problems;	/* in printed order */
	size_t		 nproblems;
};

struct instance {
	const struct set *set;
	struct sinst	*sections;
	size_t		 nsections;
};

/* Draw an instance of set for seed.  Owns its arrays; never fails. */
struct instance	*vary(const struct set *, long seed);
void		 instance_free(struct instance *);

#endif
