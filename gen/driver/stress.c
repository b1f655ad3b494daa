/*
 * stress.c - mimeo check --stress N: a self-check before printing.
 *
 * Every problem with variables is drawn for versions 0 .. N-1 exactly as
 * --versions and --versions per-student would draw it (draw 1 is version
 * A), but strictly: choices (or items) that come out the same are
 * reported instead of drawn again.  Failures are counted by kind per
 * problem and reported once each, with the first draw that failed:
 * conditions no draw meets, division by zero and overflow, choices that
 * read the same (a wrong choice equal to the right answer, in particular).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "diag.h"
#include "packet.h"
#include "set.h"
#include "util.h"
#include "vary.h"

/* Failures of one kind for one problem. */
struct tally {
	size_t		 count;
	long		 first;		/* 1-based draw */
	struct vary_fail example;
};

static void
stress_report(const struct problem *p, const struct tally *t, long draws)
{
	if (t->count == 0)
		return;
	diag_error(&t->example.mark, "problem %d: %zu of %ld draws fail "
	    "(first: draw %ld): %s", p->number, t->count, draws, t->first,
	    t->example.msg);
}

/* Draw p n times; returns the number of kinds of failure reported. */
static int
stress_problem(const struct problem *p, long seed, long n)
{
	struct tally t[VF_SAME + 1];
	struct vary_fail fail;
	struct problem out;
	struct var *vals = xcalloc(p->nvars + 1, sizeof(*vals));
	long v, draws = p->nvars > 0 ? n : 1;
	int kinds = 0, k;

	memset(t, 0, sizeof(t));
	for (v = 0; v < draws; v++) {
		if (vary_fill(p, p->number, seed, (int)v, 1, NULL, &out, vals,
		    &fail) == 0) {
			vary_problem_free(&out);
			continue;
		}
		if (t[fail.why].count++ == 0) {
			t[fail.why].first = v + 1;
			t[fail.why].example = fail;
			/* the first mistake stands for the draw */
			t[fail.why].example.more = NULL;
			t[fail.why].example.nmore = 0;
		}
		vary_fail_free(&fail);
	}
	for (k = VF_WHERE; k <= VF_SAME; k++) {
		stress_report(p, &t[k], draws);
		kinds += t[k].count > 0;
	}
	free(vals);
	return kinds;
}

/* Draws every problem with variables of s (read from file) o->stress
 * times and reports each that fails; prints a summary line. */
static void
stress_one(const struct opts *o, const char *file, const struct set *s)
{
	struct settings_from from = { o, s, NULL, NULL, NULL };
	struct settings st;
	size_t i, j, nvars = 0, failing = 0;
	long seed;

	settings_resolve(&st, &from);
	seed = st.seed;
	for (i = 0; i < s->nsections; i++)
		for (j = 0; j < s->sections[i].nproblems; j++) {
			const struct problem *p = &s->sections[i].problems[j];

			if (p->broken)
				continue;
			nvars += p->nvars > 0;
			failing += stress_problem(p, seed, o->stress) > 0;
		}
	if (!o->quiet || failing > 0)
		printf("%s: stress: %ld draws of each of %zu problem%s with "
		    "variables: %zu failing\n", file, o->stress, nvars,
		    nvars == 1 ? "" : "s", failing);
}

void
stress_set(const struct opts *o, const char *file)
{
	struct set *s;
	struct packet *pk;
	size_t i;
	int draft;

	/* a set with mistakes too: its other problems are stressed (the
	 * mistakes, read again, are not said twice) */
	if (library_load(file, &pk, &s, &draft) < 0 && s == NULL)
		return;
	if (s != NULL) {
		stress_one(o, file, s);
		set_free(s);
		return;
	}
	/* a packet: each set it includes, once (includes of one file share
	 * it: the one that owns it) */
	for (i = 0; i < pk->ninc; i++)
		if (pk->inc[i].set != NULL && pk->inc[i].owns_set)
			stress_one(o, pk->inc[i].path, pk->inc[i].set);
	packet_free(pk);
}
