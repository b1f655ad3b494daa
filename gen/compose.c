/* compose.c - the blocks of a worksheet and of a key; see compose.h */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "util.h"

static struct block *
cm_push(struct blocks *b, enum block_kind k)
{
	struct block *bl;

	xgrow((void **)&b->v, &b->cap, b->n, sizeof(*b->v));
	bl = &b->v[b->n++];
	memset(bl, 0, sizeof(*bl));
	bl->kind = k;
	return bl;
}

static void
cm_label(struct blocks *b, enum block_kind k, char *owned)
{
	cm_push(b, k)->label = owned;
}

static void
cm_keynote(struct blocks *b, const struct template *t, enum label l,
    const struct text *text, const struct textlist *list)
{
	struct block *bl = cm_push(b, BK_KEYNOTE);

	bl->label = xstrdup(t->labels[l]);
	bl->text = text;
	bl->list = list;
	bl->key = 1;
}

/* A number of points as the teacher wrote it: 2, 1.5. */
static char *
cm_number(double v)
{
	return xasprintf("%g", v);
}

/* The student's part of a problem: where they answer. */
static void
cm_student(struct blocks *b, const struct template *t,
    const struct pinst *pi)
{
	const struct problem *p = pi->p;
	double space = p->space_pt;
	struct block *bl;

	if (p->space_lines > 0)
		space = p->space_lines * t->line_pitch;
	switch (p->type) {
	case P_SHORT:
		cm_push(b, BK_SPACE)->h = space >= 0 ? space : t->space_short;
		cm_push(b, BK_ANSWER)->pi = pi;
		return;
	case P_OPEN:
		bl = cm_push(b, BK_LINES);
		bl->n = p->space_lines > 0 ? p->space_lines :
		    p->space_pt >= 0 ? (int)floor(p->space_pt / t->line_pitch) :
		    p->lines;
		if (bl->n < 1)
			bl->n = 1;
		return;
	case P_WORK:
		bl = cm_push(b, BK_BOX);
		bl->h = space >= 0 ? space : t->space_work;
		bl->grid = p->grid;
		return;
	default:
		break;
	}
	if (space > 0)
		cm_push(b, BK_SPACE)->h = space;
	switch (p->type) {
	case P_MULTI:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_SELECT_ALL]));
		cm_push(b, BK_CHOICES)->pi = pi;
		break;
	case P_CHOICE:
		cm_push(b, BK_CHOICES)->pi = pi;
		break;
	case P_TRUEFALSE:
		cm_push(b, BK_TRUEFALSE)->pi = pi;
		break;
	case P_MATCH:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_MATCH_HINT]));
		cm_push(b, BK_MATCH)->pi = pi;
		break;
	case P_ORDER:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_ORDER_HINT]));
		cm_push(b, BK_ORDER)->pi = pi;
		break;
	default:
		break;
	}
}

/* The key's part of a problem: every answer, worked solution and rubric. */
static void
cm_key(struct blocks *b, const struct template *t, const struct pinst *pi)
{
	const struct problem *p = pi->p;
	enum block_kind k = BK_END;

	switch (p->type) {
	case P_SHORT:
		k = BK_ANSWER;
		break;
	case P_CHOICE:
	case P_MULTI:
		k = BK_CHOICES;
		break;
	case P_TRUEFALSE:
		k = BK_TRUEFALSE;
		break;
	case P_MATCH:
		k = BK_MATCH;
		break;
	case P_ORDER:
		k = BK_ORDER;
		break;
	case P_OPEN:
	case P_WORK:
		if (p->answer.s != NULL)
			cm_keynote(b, t, L_MODEL_ANSWER, &p->answer, NULL);
		if (p->rubric.n > 0)
			cm_keynote(b, t, L_RUBRIC, NULL, &p->rubric);
		break;
	default:
		break;	/* blank: the answers fill the prompt's blanks */
	}
	if (k != BK_END) {
		struct block *bl = cm_push(b, k);

		bl->pi = pi;
		bl->key = 1;
	}
	if (p->solution.s != NULL)
		cm_keynote(b, t, L_SOLUTION, &p->solution, NULL);
}

struct blocks *
compose(const struct instance *in, const struct template *t,
    enum doc_kind kind, const struct copyfor *who)
{
	const struct set *s = in->set;
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct block *bl;
	size_t i, j;
	double total = 0;
	int any_points = 0;

	bl = cm_push(b, BK_TITLE);
	bl->text = &s->title;
	if (kind == DOC_KEY) {
		cm_label(b, BK_SUBTITLE, xstrdup(t->labels[L_ANSWER_KEY]));
		b->footer = xasprintf("%s \xe2\x80\x94 %s",
		    t->labels[L_ANSWER_KEY], s->title.s);
	} else {
		bl = cm_push(b, BK_FIELDS);
		memcpy(bl->fields, s->has_fields ? s->fields : t->fields,
		    sizeof(bl->fields));
		for (i = 0; who != NULL && i < F__MAX && bl->fields[i] >= 0;
		    i++)
			bl->filled[i] = bl->fields[i] == F_NAME ? who->name :
			    bl->fields[i] == F_PERIOD ? who->period : NULL;
		b->footer = xstrdup(s->title.s);
	}
	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++)
			if (in->sections[i].problems[j].p->points >= 0) {
				total += in->sections[i].problems[j].p->points;
				any_points = 1;
			}
	if (any_points) {
		char *n = cm_number(total);

		cm_label(b, BK_TOTAL, label_fmt(t, L_TOTAL, n, NULL));
		free(n);
	}
	if (kind == DOC_KEY && s->notes.s != NULL)
		cm_keynote(b, t, L_NOTES, &s->notes, NULL);
	if (s->instructions.s != NULL)
		cm_push(b, BK_TEXT)->text = &s->instructions;
	for (i = 0; i < in->nsections; i++) {
		const struct sinst *si = &in->sections[i];

		if (si->s->title.s != NULL)
			cm_push(b, BK_HEADING)->text = &si->s->title;
		if (si->s->instructions.s != NULL)
			cm_push(b, BK_TEXT)->text = &si->s->instructions;
		for (j = 0; j < si->nproblems; j++) {
			const struct pinst *pi = &si->problems[j];

			bl = cm_push(b, BK_PROBLEM);
			bl->pi = pi;
			bl->key = kind == DOC_KEY;
			if (pi->p->points >= 0) {
				char *n = cm_number(pi->p->points);

				bl->label = label_fmt(t, pi->p->points == 1 ?
				    L_POINT : L_POINTS, n, NULL);
				free(n);
			}
			if (kind == DOC_KEY)
				cm_key(b, t, pi);
			else
				cm_student(b, t, pi);
			cm_push(b, BK_END)->pi = pi;
		}
	}
	return b;
}

struct block *
blocks_push(struct blocks *b, enum block_kind k)
{
	return cm_push(b, k);
}

void
blocks_free(struct blocks *b)
{
	size_t i, j;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		free(b->v[i].label);
		for (j = 0; j < sizeof(b->v[i].cells) /
		    sizeof(b->v[i].cells[0]); j++)
			free(b->v[i].cells[j]);
	}
	free(b->v);
	free(b->footer);
	free(b);
}
