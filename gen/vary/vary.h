/*
 * vary.h - the seeded stage: from a set and a seed, one instance of it.
 *
 * An instance fixes everything chance decides: the order of problems and
 * choices (when the set asks for shuffling), the order of a match's right
 * column and of an order problem's items (always mixed, so the answer is
 * not printed in place), and the values of every problem's variables,
 * with its texts filled in ({a}, {= expr}).  The generator is PCG32
 * (O'Neill, pcg-random.org), our own, so a seed gives the same instance
 * on every machine and libc.
 *
 * Versions: version v (0 for A, 1 for B ...; with --versions per-student
 * the student's row, 0-based) uses the seed s + v * 0x9E3779B97F4A7C15
 * (mod 2^64).  The order of problems and choices comes from PCG32 seeded
 * with it on stream "mimeo"; the variables of the problem written k-th
 * (1-based) from PCG32 seeded with it on stream "vars" + k, so a problem
 * draws the same values whatever the order and the other problems.
 * Version 0 is exactly what a set without versions prints.
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
	const struct problem *p;	/* the problem with its texts filled
					 * in (owned by the instance) */
	const struct problem *src;	/* as written in the set */
	struct var	*vals;		/* the values drawn, src->nvars */
	int		 number;	/* as printed */
	int		*choices;	/* printed position -> written index */
	int		*right;		/* match: printed row -> index into
					 * right[] then extra[] */
	int		*items;		/* order: printed row -> written index */
	struct pinst	*parts;		/* parts: (a), (b) ... in order, each
					 * with its own choices' order; vals
					 * and number their problem's */
	size_t		 nparts;
};

struct sinst {
	const struct section *s;
	struct pinst	*problems;	/* in printed order */
	size_t		 nproblems;
};

struct instance {
	const struct set *set;
	int		 version;	/* 0-based */
	char		*label;		/* printed after the title: "Version
					 * B", a student's name; NULL for a
					 * set printed in one version */
	int		 named;		/* label is a student's name (a draw
					 * per student) */
	int		 borrowed;	/* sections are another instance's
					 * (instance_share) */
	struct sinst	*sections;
	size_t		 nsections;
};

/* Why a draw failed: what and where, for a message. */
enum vary_why { VF_NONE, VF_WHERE, VF_EVAL, VF_SAME };

/* A further mistake of the same draw. */
struct vary_msg {
	struct mark	 mark;
	char		*msg;		/* owned */
};

struct vary_fail {
	enum vary_why	 why;
	struct mark	 mark;
	char		 msg[1024];	/* without "problem N: " */
	struct vary_msg	*more;		/* VF_EVAL: the other {= ...} that
					 * failed with the same values, in
					 * the order of the problem's texts */
	size_t		 nmore;
};

#define VARY_TRIES	1000

/* Draw the variables of p (the problem written k-th, 1-based) for seed
 * and version until every "where" holds (at most VARY_TRIES draws), and
 * fill its texts into *out (which the caller frees with
 * vary_problem_free) and the values into vals (p->nvars).  Two choices
 * (or items, or right-column entries) that come out the same are a draw
 * that failed too; with strict set they are reported instead of drawn
 * again (mimeo check --stress).  dec() prints decimal between the whole
 * part and the decimals (the language's label; NULL: ".").  Returns 0,
 * or -1 with *fail filled
 * (free it with vary_fail_free). */
int		 vary_fill(const struct problem *p, int k, long seed,
		    int version, int strict, const char *decimal,
		    struct problem *out, struct var *vals,
		    struct vary_fail *fail);
void		 vary_problem_free(struct problem *);
/* Free what a failed vary_fill left in *fail (its further mistakes). */
void		 vary_fail_free(struct vary_fail *);

/* Draw version (0-based) of set for seed, dec() printing decimal (see
 * vary_fill).  Returns NULL after reporting
 * (as FILE:LINE:COL: error: problem N (WHO): ...; who names the version
 * or the student, or is NULL) when a problem's variables cannot be drawn
 * or its texts not computed. */
struct instance	*vary(const struct set *, long seed, int version,
		    const char *who, const char *decimal);
void		 instance_free(struct instance *);
/* Whether two instances of one set drew alike (the same problems in the
 * same order, each with the same values and the same orders of choices,
 * columns and items), so that they print the same; the label is not
 * looked at.  instance_draw_hash() is equal for instances that drew
 * alike, to find them among many. */
int		 instance_same_draw(const struct instance *,
		    const struct instance *);
uint64_t	 instance_draw_hash(const struct instance *);
/* Make in, which drew alike like (instance_same_draw()), hold like's
 * draw instead of its own copy of it: in keeps its label, version and
 * named; like must outlive every use of in (instance_free(in) leaves
 * like's draw alone). */
void		 instance_share(struct instance *in,
		    const struct instance *like);

#endif
