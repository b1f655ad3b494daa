/*
 * compose_tally.c - the class marking grid of `mimeo tally` (SPEC section
 * 10): a form to mark a stack of papers by hand.  First the students down
 * the side in roster order (or numbered rows), the problems across with
 * their points, a total; then the item analysis: each choice and multi
 * problem by choice, the right one said, each wrong one with its feedback,
 * with room to tally how many picked it.  See compose.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "roster.h"
#include "set.h"
#include "util.h"
#include "vary.h"

#define TALLY_ROWS	30	/* numbered rows without a roster */
#define TALLY_COLS	12	/* problem columns on a landscape page */
#define TALLY_COLS_UP	8	/* on an upright page */
#define TALLY_ROW_EM	1.9	/* a student's row: room to write a score */
#define ITEM_ROW_EM	4.2	/* an item row: room for tally marks */

/* "2 pt" of the k-th printed problem: its points in every version, or
 * each version's ("2/1 pt") when a shuffle put other problems there; ""
 * when not given. */
static char *
ct_points(const struct keyplan *kp, size_t k, const struct template *t)
{
	char *s = NULL, *n, *joined;
	double seen[3];
	size_t i, j, nseen = 0;

	for (i = 0; i < kp->nins; i++) {
		const struct pinst *pi = instance_nth(kp->ins[i], k);
		double pts = pi != NULL ? pi->p->points : -1;

		for (j = 0; j < nseen && seen[j] != pts; j++)
			continue;
		if (j < nseen || pts < 0)
			continue;
		if (nseen == 3) {	/* per student: many */
			joined = xasprintf("%s/\xe2\x80\xa6", s);
			free(s);
			s = joined;
			break;
		}
		seen[nseen++] = pts;
		n = xasprintf("%g", pts);
		joined = s ? xasprintf("%s/%s", s, n) : xstrdup(n);
		free(n);
		free(s);
		s = joined;
	}
	if (s == NULL)
		return xstrdup("");
	n = label_fmt(t, L_PTS, s, NULL);
	free(s);
	return n;
}

/* A text of two lines (a header "3" over "2 pt"). */
static void
ct_two_lines(struct table *tb, size_t r, size_t c, const char *a,
    const char *b, const struct mark *m)
{
	table_cell(tb, r, c, *b ? xasprintf("%s\n%s", a, b) : xstrdup(a), m);
	tb->cells[r * tb->ncols + c].style = NS_LITERAL;
}

/* The marking grid of problems [from, to), with the total column when
 * total is set. */
static struct table *
ct_grid(const struct keyplan *kp, const struct template *t, size_t from,
    size_t to, int total, int vcol)
{
	const struct set *s = kp->ins[0]->set;
	struct mark m = { s->file, 1, 1 };
	size_t nrows = kp->names != NULL ? kp->nnames : TALLY_ROWS, r, k, c;
	size_t ncols = 1 + (size_t)vcol + (to - from) + (size_t)total;
	struct table *tb = table_new(nrows + 1, ncols, NULL);
	double sum = 0;
	char *pts, num[24];

	tb->form = 1;
	tb->row_h = t->size_body * TALLY_ROW_EM;
	table_cell(tb, 0, 0, xstrdup(t->labels[L_STUDENT_COL]), &m);
	if (vcol)
		table_cell(tb, 0, 1, xstrdup(t->labels[L_VERSION_COL]), &m);
	for (k = from; k < to; k++) {
		pts = ct_points(kp, k, t);
		snprintf(num, sizeof(num), "%zu", k + 1);
		ct_two_lines(tb, 0, 1 + (size_t)vcol + k - from, num, pts, &m);
		free(pts);
	}
	for (k = 0; k < s->nproblems; k++)
		if (instance_nth(kp->ins[0], k)->p->points > 0)
			sum += instance_nth(kp->ins[0], k)->p->points;
	if (total) {
		char *of = sum > 0 ? xasprintf("/ %g", sum) : xstrdup("");

		ct_two_lines(tb, 0, ncols - 1, t->labels[L_TOTAL_COL], of, &m);
		free(of);
	}
	for (r = 0; r < nrows; r++) {
		table_cell(tb, r + 1, 0, kp->names != NULL ?
		    compose_escape(kp->names[r]) : xasprintf("%zu", r + 1), &m);
		if (vcol)
			table_cell(tb, r + 1, 1, kp->names != NULL ?
			    xasprintf("%c", 'A' + (int)kp->which[r]) :
			    xstrdup(""), &m);
		for (c = 1 + (size_t)vcol; c < ncols; c++)
			table_cell(tb, r + 1, c, xstrdup(""), &m);
	}
	return tb;
}

/* The choices of the choice and multi problems of in, a row each: the
 * right one said, the others with their feedback, room to tally under
 * each.  NULL when in has none. */
/* The k-th problem of in: as printed, or with written set, the k-th as
 * written in the set (wherever in printed it). */
static const struct pinst *
ct_nth(const struct instance *in, size_t k, int written)
{
	const struct pinst *pi;
	size_t j;

	if (!written)
		return instance_nth(in, k);
	for (j = 0; (pi = instance_nth(in, j)) != NULL; j++)
		if (pi->src->number == (int)k + 1)
			return pi;
	return NULL;
}

static struct table *
ct_items(const struct instance *in, const struct template *t, char *caption,
    int written)
{
	const struct set *s = in->set;
	struct mark m = { s->file, 1, 1 };
	const struct pinst *pi;
	struct table *tb;
	size_t k, nrows = 0, ncols = 0, r = 0, i;

	for (k = 0; k < s->nproblems; k++) {
		pi = ct_nth(in, k, written);
		if (pi->p->type != P_CHOICE && pi->p->type != P_MULTI)
			continue;
		nrows++;
		if (pi->p->choices.n > ncols)
			ncols = pi->p->choices.n;
	}
	if (nrows == 0) {
		free(caption);
		return NULL;
	}
	tb = table_new(nrows + 1, ncols + 1, caption);
	tb->form = 1;
	tb->row_h = t->size_body * ITEM_ROW_EM;
	table_cell(tb, 0, 0, xstrdup(t->labels[L_PROBLEM_COL]), &m);
	for (i = 0; i < ncols; i++)
		table_cell(tb, 0, i + 1, xstrdup(label_letter(t, LT_CHOICE, i)),
		    &m);
	for (k = 0; k < s->nproblems; k++) {
		const struct problem *p;

		pi = ct_nth(in, k, written);
		p = pi->p;
		if (p->type != P_CHOICE && p->type != P_MULTI)
			continue;
		r++;
		table_cell(tb, r, 0, xasprintf("%d", written ? (int)k + 1 :
		    pi->number), &p->mark);
		for (i = 0; i < ncols; i++) {
			int orig = i >= p->choices.n ? -1 : written ? (int)i :
			    pi->choices[i];
			const struct text *fb = orig >= 0 &&
			    p->feedback.n > 0 ? &p->feedback.v[orig] : NULL;

			if (orig < 0)
				table_cell(tb, r, i + 1, xstrdup(DASH), &m);
			else if ((p->correct >> orig) & 1)
				ct_two_lines(tb, r, i + 1,
				    p->choices.v[orig].s,
				    t->labels[L_RIGHT_CHOICE],
				    &p->choices.v[orig].mark);
			else if (fb != NULL && fb->s != NULL) {
				char *said = xasprintf(DASH " %s", fb->s);

				ct_two_lines(tb, r, i + 1,
				    p->choices.v[orig].s, said, &fb->mark);
				free(said);
			} else
				table_cell(tb, r, i + 1,
				    xstrdup(p->choices.v[orig].s),
				    &p->choices.v[orig].mark);
		}
	}
	return tb;
}

/* Do all versions number the choice problems and letter their choices
 * alike (nothing shuffled)? */
static int
ct_same_items(const struct keyplan *kp)
{
	const struct pinst *a, *b;
	size_t i, k;

	for (i = 1; i < kp->nins; i++)
		for (k = 0; k < kp->ins[0]->set->nproblems; k++) {
			a = instance_nth(kp->ins[0], k);
			b = instance_nth(kp->ins[i], k);
			if (a->src != b->src || ((a->p->type == P_CHOICE ||
			    a->p->type == P_MULTI) && memcmp(a->choices,
			    b->choices, a->p->choices.n * sizeof(int)) != 0))
				return 0;
		}
	return 1;
}

struct blocks *
compose_tally(const struct keyplan *kp, const struct template *t,
    int landscape)
{
	const struct set *s = kp->ins[0]->set;
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct table *tb;
	size_t from, to, n = s->nproblems, i;
	/* the version each paper is: printed with a roster, written in
	 * by hand without one */
	int vcol = kp->nins > 1 && !kp->per_student, first = 1, same;
	size_t cols = landscape ? TALLY_COLS : TALLY_COLS_UP;

	b->landscape = landscape;
	blocks_push(b, BK_TITLE)->text = &s->title;
	blocks_push(b, BK_SUBTITLE)->label = xstrdup(t->labels[L_TALLY]);
	blocks_push(b, BK_INFO)->label = xstrdup(t->labels[L_TALLY_HINT]);
	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_TALLY]));
	footer_add(&b->footer, FP_TITLE, xstrdup(s->title.s));
	/* too many problems for a page's width: the next ones on pages of
	 * their own, the names again down their side */
	/* shared out evenly: 15 problems are 8 and 7, not 12 and 3 */
	if (n > cols)
		cols = (n + (n + cols - 1) / cols - 1) / ((n + cols - 1) / cols);
	for (from = 0; from < n || from == 0; from = to) {
		to = from + cols < n ? from + cols : n;
		if (!first)
			blocks_push(b, BK_NEWPAGE);
		blocks_push(b, BK_TABLE)->u.table = ct_grid(kp, t, from, to,
		    to == n, vcol);
		first = 0;
		if (n == 0)
			break;
	}
	/* one grid per version, when the versions' letters differ */
	same = kp->per_student || ct_same_items(kp);
	for (i = 0; i < (same ? 1 : kp->nins); i++) {
		tb = ct_items(kp->ins[i], t, !same ? xstrdup(kp->ins[i]->label) :
		    NULL, kp->per_student);
		if (tb == NULL)
			break;
		if (i == 0) {
			blocks_push(b, BK_NEWPAGE);
			blocks_push(b, BK_SUBTITLE)->label =
			    xstrdup(t->labels[L_ITEMS]);
			blocks_push(b, BK_INFO)->label =
			    xstrdup(t->labels[L_ITEMS_HINT]);
			/* each student's own draw: no letter is everyone's */
			if (kp->per_student)
				blocks_push(b, BK_INFO)->label =
				    xstrdup(t->labels[L_ITEMS_WRITTEN]);
		}
		blocks_push(b, BK_TABLE)->u.table = tb;
	}
	return b;
}
