/*
 * compose_strips.c - the key's answer strips (SPEC section 10): for each
 * page of a student's copy, its answers in a column, each at the height
 * where layout drew its answer space on that page (struct anchor), to cut
 * out and lay beside a student's paper.  See compose.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "set.h"
#include "vary.h"
#include "util.h"

/* The answer of one answer space of pi (sub: see struct anchor), and the
 * mark of the text it comes from in *m.  A fresh string. */
static char *
cs_answer(const struct pinst *pi, int sub, const struct template *t,
    struct mark *m)
{
	const struct problem *p = pi->p;
	size_t j;

	*m = p->mark;
	if (sub >= 0 && p->type == P_BLANK && (size_t)sub < p->blanks.n) {
		*m = p->blanks.v[sub].mark;
		return xstrdup(p->blanks.v[sub].s);
	}
	if (sub >= 0 && p->type == P_MATCH && (size_t)sub < p->left.n) {
		for (j = 0; j < p->right.n + p->extra.n; j++)
			if (pi->right[j] == sub)
				return xasprintf("%d\xe2\x80\x91%s", sub + 1,
				    label_letter(t, LT_CHOICE, j));
	}
	if (sub >= 0 && p->type == P_ORDER && (size_t)sub < p->items.n)
		return xasprintf("%d", pi->items[sub] + 1);
	if (p->type == P_SHORT)
		*m = p->answer.mark;
	return compose_answer(pi, t);
}

/* "3." before a problem's first answer, "4a." before a part's. */
static char *
cs_number(const struct pinst *pi, const struct template *t)
{
	if (pi->p->part > 0)
		return xasprintf("%d%s.", pi->number, label_letter(t, LT_PART,
		    (size_t)pi->p->part - 1));
	return xasprintf("%d.", pi->number);
}

/* pt: answers of two problems side by side (two columns) closer than
 * this in height share a line of the strip: a line's height, less a
 * little, so that they never crowd each other */
#define STRIP_SIDE	10.0

/* Anchors by height, those drawn first first at one height. */
static int
cs_cmp(const void *va, const void *vb)
{
	const struct anchor *a = *(const struct anchor *const *)va;
	const struct anchor *b = *(const struct anchor *const *)vb;

	if (fabs(a->y - b->y) >= 1)
		return a->y < b->y ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* The problem or part of in whose answer space an is. */
static const struct pinst *
cs_whose(const struct instance *in, const struct anchor *an)
{
	const struct pinst *pi = instance_nth(in, an->nth);

	return an->part > 0 ? &pi->parts[an->part - 1] : pi;
}

/* a and b are answer spaces of the same problem or part */
static int
cs_same(const struct anchor *a, const struct anchor *b)
{
	return a->nth == b->nth && a->part == b->part;
}

/* The strip of page pg of a copy: NULL when no answer space is on it. */
static struct strip *
cs_strip(const struct instance *in, const struct anchors *a, size_t pg,
    const struct template *t)
{
	struct strip *st;
	struct stripline *l;
	const struct anchor *prev = NULL, **order;
	struct mark m;
	char num[24], *s, *joined;
	size_t i, n, k;

	for (i = 0; i < a->n && a->v[i].page != pg; i++)
		continue;
	if (i == a->n)
		return NULL;
	st = xcalloc(1, sizeof(*st));
	snprintf(num, sizeof(num), "%zu", pg + 1);
	s = label_fmt(t, L_STRIP_PAGE, num, NULL);
	/* "Version B · Page 2", "Ana López · Page 1", "Page 1" */
	st->head = in->label != NULL ? xasprintf("%s \xc2\xb7 %s", in->label,
	    s) : xstrdup(s);
	free(s);
	st->v = xcalloc(a->n, sizeof(*st->v));
	/* top to bottom: in two columns the right column's answers were
	 * drawn after the left's but sit beside them */
	order = xcalloc(a->n, sizeof(*order));
	for (n = 0; i < a->n; i++)
		if (a->v[i].page == pg)
			order[n++] = &a->v[i];
	qsort(order, n, sizeof(*order), cs_cmp);
	for (k = 0; k < n; k++) {
		const struct anchor *an = order[k];

		if (an->answer != NULL) {	/* a table's blank cell */
			s = xstrdup(an->answer->s);
			m = an->answer->mark;
		} else
			s = cs_answer(cs_whose(in, an), an->sub, t, &m);
		/* two blanks on one line of a prompt, or two problems side
		 * by side in two columns: one line of answers */
		if (prev != NULL && fabs(prev->y - an->y) < (cs_same(prev,
		    an) ? 1 : STRIP_SIDE)) {
			l = &st->v[st->n - 1];
			if (cs_same(prev, an))
				joined = xasprintf("%s%s%s", l->answer.s,
				    t->labels[L_LIST_SEP], s);
			else {
				char *no = cs_number(cs_whose(in, an), t);

				joined = xasprintf("%s \xc2\xb7 %s %s",
				    l->answer.s, no, s);
				free(no);
			}
			free(l->answer.s);
			free(s);
			l->answer.s = joined;
			continue;
		}
		l = &st->v[st->n++];
		l->y = an->y;
		if (prev == NULL || !cs_same(prev, an))
			l->number = cs_number(cs_whose(in, an), t);
		l->answer.s = s;
		l->answer.mark = m;
		prev = an;
	}
	free(order);
	return st;
}

struct blocks *
compose_strips(struct instance *const *in, const struct anchors *anchors,
    const size_t *npages, size_t n, const struct template *t, int hint)
{
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct strip *st;
	size_t i, pg;

	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_STRIPS]));
	if (n > 0)
		footer_add(&b->footer, FP_TITLE, xstrdup(in[0]->set->title.s));
	for (i = 0; i < n; i++)
		for (pg = 0; pg < npages[i]; pg++)
			if ((st = cs_strip(in[i], &anchors[i], pg, t)) !=
			    NULL) {
				st->hint = hint;
				blocks_push(b, BK_STRIP)->u.strip = st;
			}
	return b;
}

void
strip_free(struct strip *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->n; i++) {
		free(st->v[i].number);
		free(st->v[i].answer.s);
	}
	free(st->v);
	free(st->head);
	free(st);
}
