/* compose.c - the blocks of a worksheet and of a key; see compose.h */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "roster.h"
#include "set.h"
#include "util.h"
#include "vary.h"

#define TABLE_MAX_COLS	6	/* versions or problems side by side */
#define GLANCE_ONE_COL	10	/* problems a one-version table lists in
				 * one pair of columns */

struct block *
blocks_push(struct blocks *b, enum block_kind k)
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
	blocks_push(b, k)->label = owned;
}

static void
cm_keynote(struct blocks *b, const struct template *t, enum label l,
    const struct text *text, const struct textlist *list)
{
	struct block *bl = blocks_push(b, BK_KEYNOTE);

	bl->label = xstrdup(t->labels[l]);
	bl->text = text;
	bl->u.list = list;
	bl->key = 1;
}

/* acc (owned, or NULL), then sep and more when acc is not NULL. */
static char *
cm_join(char *acc, const char *sep, const char *more)
{
	char *s = xasprintf("%s%s%s", acc ? acc : "", acc ? sep : "", more);

	free(acc);
	return s;
}

/* A number of points as the teacher wrote it: 2, 1.5. */
static char *
cm_number(double v)
{
	return xasprintf("%g", v);
}

void
compose_figures(struct blocks *b, const struct figure *figs, size_t n,
    int key)
{
	struct block *bl;

	if (n == 0)
		return;
	bl = blocks_push(b, BK_FIGURES);
	bl->figs = figs;
	bl->nfigs = n;
	bl->key = key;
}

/* The prompt of pi (a problem or a part) as a BK_PROBLEM or BK_PART
 * block's payload; key: its blanks show their answers. */
static struct prompt *
cm_prompt(const struct pinst *pi, int key)
{
	const struct problem *p = pi->p;
	struct prompt *pr = xcalloc(1, sizeof(*pr));

	pr->text = p->prompt.s != NULL ? &p->prompt : NULL;
	pr->number = pi->number;
	pr->blanks = p->type == P_BLANK ? &p->blanks : NULL;
	pr->key = key;
	return pr;
}

/* Push pi's picture (BK_IMAGE); none when it has none. */
static void
cm_picture(struct blocks *b, const struct pinst *pi)
{
	const struct problem *p = pi->p;
	struct block *bl;

	if (p->image == NULL)
		return;
	bl = blocks_push(b, BK_IMAGE);
	bl->u.picture = xcalloc(1, sizeof(*bl->u.picture));
	bl->u.picture->image = p->image;
	bl->u.picture->width = p->image_w;
	bl->u.picture->share = p->image_pct;
	bl->u.picture->mark = p->mark;
	bl->u.picture->number = pi->number;
}

/* The choices of pi as printed; with key, the right ones and their
 * feedback. */
static struct choicelist *
cm_choices(const struct pinst *pi, int key)
{
	const struct problem *p = pi->p;
	struct choicelist *cl = xcalloc(1, sizeof(*cl));
	size_t i, n = p->choices.n;

	cl->n = n;
	cl->multi = p->type == P_MULTI;
	cl->columns = p->columns;
	cl->choices = xcalloc(n + 1, sizeof(*cl->choices));
	if (key) {
		cl->right = xcalloc(n + 1, sizeof(*cl->right));
		if (p->feedback.n > 0)
			cl->feedback = xcalloc(n + 1, sizeof(*cl->feedback));
	}
	for (i = 0; i < n; i++) {
		int orig = pi->choices[i];

		cl->choices[i] = &p->choices.v[orig];
		if (cl->right != NULL)
			cl->right[i] = (p->correct >> orig) & 1;
		if (cl->feedback != NULL && p->feedback.v[orig].s != NULL)
			cl->feedback[i] = &p->feedback.v[orig];
	}
	return cl;
}

/* The two columns of a match problem pi as printed; with key, the
 * letter each left item is matched with. */
static struct matching *
cm_matching(const struct pinst *pi, int key)
{
	const struct problem *p = pi->p;
	struct matching *m = xcalloc(1, sizeof(*m));
	size_t i, j, k;

	m->nleft = p->left.n;
	m->nright = p->right.n + p->extra.n;
	m->left = xcalloc(m->nleft + 1, sizeof(*m->left));
	m->right = xcalloc(m->nright + 1, sizeof(*m->right));
	for (i = 0; i < m->nleft; i++)
		m->left[i] = &p->left.v[i];
	for (i = 0; i < m->nright; i++) {
		k = (size_t)pi->right[i];
		m->right[i] = k < p->right.n ? &p->right.v[k] :
		    &p->extra.v[k - p->right.n];
	}
	if (key) {
		m->match = xcalloc(m->nleft + 1, sizeof(*m->match));
		for (i = 0; i < m->nleft; i++) {
			for (j = 0; j < m->nright; j++)
				if (pi->right[j] == (int)i)
					break;
			m->match[i] = (int)j;
		}
	}
	return m;
}

/* An answer space of pi that layout draws from its payload: a short
 * answer's line, True / False, items to order; with key, its answer in
 * it. */
static void
cm_answer_space(struct blocks *b, const struct pinst *pi, enum block_kind k,
    int key)
{
	const struct problem *p = pi->p;
	struct block *bl = blocks_push(b, k);
	size_t i;

	bl->key = key;
	switch (k) {
	case BK_ANSWER:
		bl->u.answer = xcalloc(1, sizeof(*bl->u.answer));
		bl->u.answer->answer = key ? &p->answer : NULL;
		break;
	case BK_TRUEFALSE:
		bl->u.tf = xcalloc(1, sizeof(*bl->u.tf));
		bl->u.tf->boxed = !key ? 0 : p->truth ? 1 : 2;
		break;
	case BK_ORDER:
		bl->u.order = xcalloc(1, sizeof(*bl->u.order));
		bl->u.order->n = p->items.n;
		bl->u.order->items = xcalloc(p->items.n + 1,
		    sizeof(*bl->u.order->items));
		if (key)
			bl->u.order->place = xcalloc(p->items.n + 1,
			    sizeof(*bl->u.order->place));
		for (i = 0; i < p->items.n; i++) {
			bl->u.order->items[i] = &p->items.v[pi->items[i]];
			if (key)
				bl->u.order->place[i] = pi->items[i] + 1;
		}
		break;
	case BK_CHOICES:
		bl->u.choices = cm_choices(pi, key);
		break;
	case BK_MATCH:
		bl->u.match = cm_matching(pi, key);
		break;
	default:
		break;
	}
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
		bl = blocks_push(b, BK_SPACE);
		bl->h = space >= 0 ? space : t->space_short;
		bl->stretch = 1;
		cm_answer_space(b, pi, BK_ANSWER, 0);
		return;
	case P_OPEN:
		bl = blocks_push(b, BK_LINES);
		bl->stretch = 1;
		bl->n = p->space_lines > 0 ? p->space_lines :
		    p->space_pt >= 0 ? (int)floor(p->space_pt / t->line_pitch) :
		    p->lines;
		if (bl->n < 1)
			bl->n = 1;
		return;
	case P_WORK:
		bl = blocks_push(b, BK_BOX);
		bl->h = space >= 0 ? space : t->space_work;
		bl->grid = p->grid;
		bl->stretch = 1;
		return;
	default:
		break;
	}
	if (space > 0)
		blocks_push(b, BK_SPACE)->h = space;
	switch (p->type) {
	case P_MULTI:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_SELECT_ALL]));
		cm_answer_space(b, pi, BK_CHOICES, 0);
		break;
	case P_CHOICE:
		cm_answer_space(b, pi, BK_CHOICES, 0);
		break;
	case P_TRUEFALSE:
		cm_answer_space(b, pi, BK_TRUEFALSE, 0);
		break;
	case P_MATCH:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_MATCH_HINT]));
		cm_answer_space(b, pi, BK_MATCH, 0);
		break;
	case P_ORDER:
		cm_label(b, BK_HINT, xstrdup(t->labels[L_ORDER_HINT]));
		cm_answer_space(b, pi, BK_ORDER, 0);
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
	if (k != BK_END)
		cm_answer_space(b, pi, k, 1);
	if (p->solution.s != NULL)
		cm_keynote(b, t, L_SOLUTION, &p->solution, NULL);
}

/* The points of p as printed by its number: "(2 points)", "(2 bonus
 * points)", "(bonus)"; NULL when it has none. */
static char *
cm_points(const struct template *t, const struct problem *p)
{
	char *n, *s;

	if (p->points < 0)
		return p->bonus ? xstrdup(t->labels[L_BONUS]) : NULL;
	n = cm_number(p->points);
	s = label_fmt(t, p->bonus ? p->points == 1 ? L_BONUS_POINT :
	    L_BONUS_POINTS : p->points == 1 ? L_POINT : L_POINTS, n, NULL);
	free(n);
	return s;
}

/* pi (a problem printed nth, or one of its parts) as layout knows it. */
static struct probref
cm_probref(const struct pinst *pi, size_t nth)
{
	struct probref r;

	r.nth = nth;
	r.part = pi->p->part;
	r.number = pi->number;
	r.mark = pi->p->mark;
	r.image = pi->p->image != NULL;
	return r;
}

/* The parts of a problem in parts (printed nth), each with its letter,
 * points, and what the student or the key has of it. */
static void
cm_parts(struct blocks *b, const struct template *t, const struct pinst *pi,
    size_t nth, enum doc_kind kind)
{
	struct block *bl;
	char n[24];
	size_t i;

	snprintf(n, sizeof(n), "%d", pi->number);
	for (i = 0; i < pi->nparts; i++) {
		bl = blocks_push(b, BK_PART);
		bl->key = kind == DOC_KEY;
		bl->label = cm_points(t, pi->parts[i].p);
		bl->u.part = xcalloc(1, sizeof(*bl->u.part));
		bl->u.part->prompt = cm_prompt(&pi->parts[i], kind == DOC_KEY);
		bl->u.part->prob = cm_probref(&pi->parts[i], nth);
		bl->u.part->letter = (char)('a' + (int)i);
		bl->u.part->mark = label_lettered(t, LT_PART, i);
		bl->u.part->first = i == 0;
		bl->u.part->continued = label_fmt(t, L_CONTINUED, n, NULL);
		compose_figures(b, pi->parts[i].p->figures,
		    pi->parts[i].p->nfigures, kind == DOC_KEY);
		cm_picture(b, &pi->parts[i]);
		if (kind == DOC_KEY)
			cm_key(b, t, &pi->parts[i]);
		else
			cm_student(b, t, &pi->parts[i]);
	}
}

/* Where a roster's period goes when the set has no period field: the
 * class field, else the name's; -1 for none. */
static int
cm_period_home(const struct block *bl)
{
	int i, name = -1, class = -1;

	for (i = 0; i < F__MAX && bl->fields[i] >= 0; i++) {
		if (bl->fields[i] == F_PERIOD)
			return -1;
		if (bl->fields[i] == F_CLASS)
			class = i;
		if (bl->fields[i] == F_NAME)
			name = i;
	}
	return class >= 0 ? class : name;
}

struct block *
compose_fill(struct blocks *b, const struct template *t,
    const struct copyfor *who)
{
	struct block *bl;
	size_t k;
	int i, home;

	for (k = 0; k < b->n && b->v[k].kind != BK_FIELDS; k++)
		continue;
	if (k == b->n)
		return NULL;
	bl = &b->v[k];
	free(bl->label);
	bl->label = NULL;
	for (i = 0; i < F__MAX && bl->fields[i] >= 0; i++)
		bl->filled[i] = who == NULL ? NULL :
		    bl->fields[i] == F_NAME ? who->name :
		    bl->fields[i] == F_PERIOD ? who->period : NULL;
	if (who == NULL || who->period == NULL ||
	    (home = cm_period_home(bl)) < 0)
		return bl;
	/* a teacher sorting the pile by period finds it on every copy */
	bl->label = bl->filled[home] != NULL ? xasprintf("%s \xc2\xb7 %s %s",
	    bl->filled[home], t->labels[L_PERIOD], who->period) :
	    xasprintf("%s %s", t->labels[L_PERIOD], who->period);
	bl->filled[home] = bl->label;
	return bl;
}

static struct table *cm_glance(const struct instance *,
    const struct template *);

/* A problem (printed nth): its number and points, its prompt's objects
 * (table, picture, word bank), then where the student answers or the
 * key. */
static void
cm_problem(struct blocks *b, const struct template *t,
    const struct pinst *pi, size_t nth, enum doc_kind kind)
{
	const struct problem *p = pi->p;
	struct block *bl;

	if (p->new_page)
		blocks_push(b, BK_NEWPAGE);
	bl = blocks_push(b, BK_PROBLEM);
	bl->prob = cm_probref(pi, nth);
	bl->key = kind == DOC_KEY;
	bl->u.prompt = cm_prompt(pi, kind == DOC_KEY);
	bl->label = cm_points(t, p);
	/* prompt, figure(s), table, picture: in that order */
	compose_figures(b, p->figures, p->nfigures, kind == DOC_KEY);
	if (p->table != NULL)
		compose_grid(b, p->table, kind == DOC_KEY);
	cm_picture(b, pi);
	compose_word_bank(b, t, &p->word_bank);
	if (kind == DOC_KEY)
		cm_key(b, t, pi);
	else
		cm_student(b, t, pi);
	cm_parts(b, t, pi, nth, kind);
	blocks_push(b, BK_END)->prob = cm_probref(pi, nth);
}

/* The grade table (the exam class's \gradetable): problems, their
 * points (a bonus marked) and a blank score for each to write in, and
 * the total; split into rows of the page by layout when too wide. */
static void
cm_grade_table(struct blocks *b, const struct template *t,
    const struct instance *in, double total)
{
	static const enum label heads[] = { L_PROBLEM_COL, L_POINTS_COL,
	    L_SCORE_COL };
	struct grid *g = xcalloc(1, sizeof(*g));
	const struct pinst *pi;
	struct gcell *cell;
	size_t i, j, c = 1, r;

	g->ncols = in->set->nproblems + 2;
	g->nrows = 3;
	g->cells = xcalloc(3 * g->ncols, sizeof(*g->cells));
	g->split = 1;
	for (r = 0; r < 3; r++) {
		g->cells[r * g->ncols].own.s = xstrdup(t->labels[heads[r]]);
		g->cells[r * g->ncols].head = 1;
	}
	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++, c++) {
			pi = &in->sections[i].problems[j];
			g->cells[c].own.s = pi->p->bonus ? xasprintf("%d (%s)",
			    pi->number, t->labels[L_BONUS_COL]) :
			    xasprintf("%d", pi->number);
			g->cells[c].head = 1;
			g->cells[g->ncols + c].own.s = pi->p->points >= 0 ?
			    cm_number(pi->p->points) : xstrdup("");
			g->mark = pi->p->mark;
		}
	g->cells[c].own.s = xstrdup(t->labels[L_TOTAL_COL]);
	g->cells[c].head = 1;
	g->cells[g->ncols + c].own.s = cm_number(total);
	for (c = 0; c < 3 * g->ncols; c++) {
		cell = &g->cells[c];
		if (cell->own.s == NULL) {	/* a score to write in */
			cell->own.s = xstrdup("");
			cell->blank = 1;
		}
		cell->own.mark = g->mark;
		cell->text = &cell->own;
	}
	blocks_push(b, BK_GRID)->u.tab = g;
}

void
compose_grid(struct blocks *b, const struct ptable *pt, int key)
{
	struct grid *g = xcalloc(1, sizeof(*g));
	const struct tcell *tc;
	size_t r, c;

	g->nrows = ptable_prows(pt);
	g->ncols = ptable_pcols(pt);
	g->cells = xcalloc(g->nrows * g->ncols, sizeof(*g->cells));
	g->caption = pt->caption.s != NULL ? &pt->caption : NULL;
	g->mark = pt->mark;
	g->key = key;
	g->turned = pt->columns;
	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < g->ncols; c++) {
			struct gcell *gc = &g->cells[r * g->ncols + c];

			tc = ptable_at(pt, r, c);
			gc->text = &tc->text;
			gc->blank = tc->blank;
			/* the header: the first row, or with orientation:
			 * columns the first column */
			gc->head = pt->header && (pt->columns ? c : r) == 0;
		}
	blocks_push(b, BK_GRID)->u.tab = g;
}

char *
compose_table_answer(const struct ptable *pt, const struct template *t)
{
	/* "1,5; 3" where the decimal comma would make "1,5, 3" ambiguous
	 * (not the Arabic comma: "1,5، 3") */
	const char *sep = t->labels[L_LIST_COMMA][0] == t->labels[L_DECIMAL][0]
	    ? t->labels[L_LIST_SEP] : t->labels[L_LIST_COMMA];
	const struct tcell *tc;
	char *s = NULL;
	size_t r, c;

	if (pt == NULL || pt->nblanks == 0)
		return NULL;
	for (r = 0; r < ptable_prows(pt); r++)
		for (c = 0; c < ptable_pcols(pt); c++)
			if ((tc = ptable_at(pt, r, c))->blank)
				s = cm_join(s, sep, tc->text.s);
	return s;
}

void
compose_word_bank(struct blocks *b, const struct template *t,
    const struct textlist *words)
{
	struct block *bl;

	if (words->n == 0)
		return;
	bl = blocks_push(b, BK_WORDBANK);
	bl->u.words = words;
	bl->label = xstrdup(t->labels[L_WORD_BANK]);
}

void
compose_hint_cards(struct blocks *b, const struct template *t,
    const char *label, const struct textlist *hints)
{
	struct hintcard *card;
	char *k, *n, *of;
	size_t i;

	for (i = 0; i < hints->n; i++) {
		card = xcalloc(1, sizeof(*card));
		if (hints->n > 1) {
			k = xasprintf("%zu", i + 1);
			n = xasprintf("%zu", hints->n);
			of = label_fmt(t, L_HINT_OF, k, n);
			card->label = xasprintf("%s %s", label, of);
			free(of);
			free(k);
			free(n);
		} else
			card->label = xstrdup(label);
		card->text = &hints->v[i];
		blocks_push(b, BK_HINTCARD)->u.card = card;
	}
}

/* After the key's pages, a page of hint cards to cut apart, when any
 * problem has hints: the student never sees them on a worksheet. */
static void
cm_hint_pages(struct blocks *b, const struct template *t,
    const struct instance *in)
{
	size_t i, j;
	int any = 0;
	char *num, *label;

	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++)
			any |= in->sections[i].problems[j].p->hints.n > 0;
	if (!any)
		return;
	blocks_push(b, BK_NEWPAGE);
	cm_label(b, BK_HEADING, xstrdup(t->labels[L_HINT_CARDS]));
	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++) {
			const struct pinst *pi = &in->sections[i].problems[j];

			num = xasprintf("%d", pi->number);
			label = label_fmt(t, L_HINT_FOR, num, NULL);
			compose_hint_cards(b, t, label, &pi->p->hints);
			free(label);
			free(num);
		}
}

struct blocks *
compose(const struct instance *in, const struct template *t,
    enum doc_kind kind, const struct copyfor *who)
{
	const struct set *s = in->set;
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct block *bl;
	size_t i, j, nth = 0;
	double total = 0;
	int any_points = 0, cols;

	bl = blocks_push(b, BK_TITLE);
	bl->text = &s->title;
	if (kind == DOC_KEY) {
		cm_label(b, BK_SUBTITLE, in->label ? xasprintf("%s " DASH
		    " %s", t->labels[L_ANSWER_KEY], in->label) :
		    xstrdup(t->labels[L_ANSWER_KEY]));
		footer_add(&b->footer, FP_WORDS,
		    xstrdup(t->labels[L_ANSWER_KEY]));
	} else {
		b->fit_pages = s->pages;
		b->fit_mark = s->pages_mark;
		bl = blocks_push(b, BK_FIELDS);
		memcpy(bl->fields, s->has_fields ? s->fields : t->fields,
		    sizeof(bl->fields));
		/* a lettered version's letter by the name, not a
		 * student's own draw */
		if (in->label != NULL && !in->named)
			bl->version[0] = (char)('A' + in->version);
		compose_fill(b, t, who);
	}
	/* "Answer Key — Title — Version B", "Title — Ana López" */
	footer_add(&b->footer, FP_TITLE, xstrdup(s->title.s));
	if (in->label != NULL)
		footer_add(&b->footer, in->named ? FP_NAME : FP_WORDS,
		    xstrdup(in->label));
	for (i = 0; i < in->nsections; i++)
		for (j = 0; j < in->sections[i].nproblems; j++)
			if (in->sections[i].problems[j].p->points >= 0) {
				any_points = 1;
				/* a bonus's points are not in the total */
				if (!in->sections[i].problems[j].p->bonus)
					total += in->sections[i].problems[j].
					    p->points;
			}
	if (any_points) {
		char *n = cm_number(total);

		cm_label(b, BK_TOTAL, label_fmt(t, L_TOTAL, n, NULL));
		free(n);
	}
	if (kind == DOC_KEY && in->label == NULL) {
		/* one version: its answer table opens the key (several
		 * versions have theirs on pages of their own before) */
		bl = blocks_push(b, BK_TABLE);
		bl->u.table = cm_glance(in, t);
		bl->u.table->derived = 1;	/* the answers below say theirs */
	}
	if (s->grade_table)
		cm_grade_table(b, t, in, total);
	if (kind == DOC_KEY && s->notes.s != NULL)
		cm_keynote(b, t, L_NOTES, &s->notes, NULL);
	if (s->instructions.s != NULL)
		blocks_push(b, BK_TEXT)->text = &s->instructions;
	compose_word_bank(b, t, &s->word_bank);
	for (i = 0; i < in->nsections; i++) {
		const struct sinst *si = &in->sections[i];

		if (si->s->new_page)
			blocks_push(b, BK_NEWPAGE);
		if (si->s->title.s != NULL)
			blocks_push(b, BK_HEADING)->text = &si->s->title;
		if (si->s->instructions.s != NULL)
			blocks_push(b, BK_TEXT)->text = &si->s->instructions;
		compose_figures(b, si->s->figures, si->s->nfigures,
		    kind == DOC_KEY);
		if (si->s->table != NULL)
			compose_grid(b, si->s->table, kind == DOC_KEY);
		compose_word_bank(b, t, &si->s->word_bank);
		cols = si->s->columns > 0 ? si->s->columns : s->columns;
		if (cols == 2)
			blocks_push(b, BK_COLUMNS)->columns = 2;
		for (j = 0; j < si->nproblems; j++)
			cm_problem(b, t, &si->problems[j], nth++, kind);
		if (cols == 2)
			blocks_push(b, BK_COLUMNS)->columns = 1;
	}
	if (kind == DOC_KEY)
		cm_hint_pages(b, t, in);
	return b;
}

static void
table_free(struct table *tb)
{
	size_t i;

	if (tb == NULL)
		return;
	for (i = 0; i < tb->nrows * tb->ncols; i++)
		free(tb->cells[i].s);
	free(tb->cells);
	free(tb->caption);
	free(tb);
}

static void
grid_free(struct grid *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->nrows * g->ncols; i++)
		free(g->cells[i].own.s);
	free(g->cells);
	free(g);
}

/* Letters "A, C" ("أ، ج") of the printed choices that are right. */
static char *
cm_letters(const struct pinst *pi, const struct template *t)
{
	char *s = NULL;
	size_t k;

	for (k = 0; k < pi->p->choices.n; k++)
		if ((pi->p->correct >> pi->choices[k]) & 1)
			s = cm_join(s, t->labels[L_LIST_COMMA],
			    label_letter(t, LT_CHOICE, k));
	return s ? s : xstrdup("");
}


char *
compose_answer(const struct pinst *pi, const struct template *t)
{
	const struct problem *p = pi->p;
	char *s = NULL, buf[32];
	size_t i, j;

	switch (p->type) {
	case P_SHORT:
		return xstrdup(p->answer.s);
	case P_CHOICE:
	case P_MULTI:
		return cm_letters(pi, t);
	case P_TRUEFALSE:
		return xstrdup(t->labels[p->truth ? L_TRUE : L_FALSE]);
	case P_BLANK:
		for (i = 0; i < p->blanks.n; i++)
			s = cm_join(s, t->labels[L_LIST_SEP],
			    p->blanks.v[i].s);
		return s ? s : xstrdup("");
	case P_MATCH:
		for (i = 0; i < p->left.n; i++)
			for (j = 0; j < p->right.n + p->extra.n; j++)
				if (pi->right[j] == (int)i) {
					snprintf(buf, sizeof(buf), "%zu\xe2\x80\x91%s",
					    i + 1, label_letter(t, LT_CHOICE, j));
					s = cm_join(s, " ", buf);
				}
		return s ? s : xstrdup("");
	case P_ORDER:
		for (i = 0; i < p->items.n; i++) {
			snprintf(buf, sizeof(buf), "%d", pi->items[i] + 1);
			s = cm_join(s, " ", buf);
		}
		return s ? s : xstrdup("");
	default:
		return xstrdup(DASH);	/* open, work: see the worked key */
	}
}

/* A name from the roster as a text: markup characters escaped. */
char *
compose_escape(const char *s)
{
	char *out = xmalloc(strlen(s) * 2 + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (strchr("\\*`{}_", *s) != NULL)
			*o++ = '\\';
		*o++ = *s;
	}
	*o = '\0';
	return out;
}

struct table *
table_new(size_t nrows, size_t ncols, char *caption)
{
	struct table *tb = xcalloc(1, sizeof(*tb));

	tb->nrows = nrows;
	tb->ncols = ncols;
	tb->cells = xcalloc(nrows * ncols, sizeof(*tb->cells));
	tb->caption = caption;
	return tb;
}

void
table_cell(struct table *tb, size_t r, size_t c, char *owned,
    const struct mark *m)
{
	tb->cells[r * tb->ncols + c].s = owned;
	tb->cells[r * tb->ncols + c].mark = *m;
}

/* The problems of an instance in printed order. */
const struct pinst *
instance_nth(const struct instance *in, size_t n)
{
	size_t i;

	for (i = 0; i < in->nsections; i++) {
		if (n < in->sections[i].nproblems)
			return &in->sections[i].problems[n];
		n -= in->sections[i].nproblems;
	}
	return NULL;
}

/* One answer the key's tables list: the problem printed at pos, one of
 * its parts, or the blanks of its table ("3 (table)"). */
struct slot {
	size_t		 pos;
	int		 part;		/* 0: the problem; k: its part k - 1;
					 * -1: its parts in one cell, "(a) 9
					 * cups; (b) B", when some version has
					 * there a problem in parts and some
					 * not, or with other parts (shuffled) */
	int		 table;
};

/* The answers to list, in order: each problem (a problem in parts a row
 * per part, "4a", "4b" ..., when every version has the same there), then
 * its table's blanks when the problem at that place has any in some
 * version.  Returns how many; *out is the caller's to free. */
static size_t
cm_slots(const struct keyplan *kp, struct slot **out)
{
	size_t np = kp->ins[0]->set->nproblems, n = 0, cap = 0, pos, i;
	size_t most;
	struct slot *v = NULL;
	const struct pinst *pi;
	int blanks, same, k;

	for (pos = 0; pos < np; pos++) {
		most = instance_nth(kp->ins[0], pos)->nparts;
		for (i = 1, same = 1; i < kp->nins; i++)
			same &= instance_nth(kp->ins[i], pos)->nparts == most;
		for (k = !same ? -1 : most > 0 ? 1 : 0; k <= (int)most &&
		    (same || k < 0); k++) {
			xgrow((void **)&v, &cap, n, sizeof(*v));
			memset(&v[n], 0, sizeof(*v));
			v[n].pos = pos;
			v[n++].part = k;
		}
		for (i = 0, blanks = 0; i < kp->nins && !blanks; i++)
			blanks = (pi = instance_nth(kp->ins[i], pos)) != NULL &&
			    pi->p->table != NULL && pi->p->table->nblanks > 0;
		if (blanks) {
			xgrow((void **)&v, &cap, n, sizeof(*v));
			memset(&v[n], 0, sizeof(*v));
			v[n].pos = pos;
			v[n++].table = 1;
		}
	}
	*out = v;
	return n;
}

/* A slot's name: "4", "4a", "4 (table)". */
static char *
cm_slot_name(const struct slot *sl, const struct template *t)
{
	char *n = xasprintf("%zu", sl->pos + 1), *s;

	if (sl->part > 0) {
		s = xasprintf("%s%s", n, label_letter(t, LT_PART,
		    (size_t)sl->part - 1));
		free(n);
		return s;
	}
	if (!sl->table)
		return n;
	s = label_fmt(t, L_TABLE_ANSWER, n, NULL);
	free(n);
	return s;
}

/* The answer of slot sl in the problem pi printed there ("" when that
 * version's problem there has no such part); *m where it was written. */
static char *
cm_slot_answer(const struct slot *sl, const struct pinst *pi,
    const struct template *t, const struct mark **m)
{
	char *s = NULL, *a, *one, *mark;
	size_t i;

	*m = &pi->p->mark;
	if (sl->table)
		return (s = compose_table_answer(pi->p->table, t)) != NULL ?
		    s : xstrdup(DASH);
	if (pi->nparts == 0)
		return compose_answer(pi, t);
	if (sl->part < 0) {
		for (i = 0; i < pi->nparts; i++) {
			a = compose_answer(&pi->parts[i], t);
			mark = label_lettered(t, LT_PART, i);
			one = xasprintf("%s\xc2\xa0%s", mark, a);
			s = cm_join(s, t->labels[L_LIST_SEP], one);
			free(mark);
			free(a);
			free(one);
		}
		return s;
	}
	if (sl->part == 0 || (size_t)sl->part > pi->nparts)
		return xstrdup("");
	*m = &pi->parts[sl->part - 1].p->mark;
	return compose_answer(&pi->parts[sl->part - 1], t);
}

/*
 * Answers in a grid: rows = answers (slots) and columns = versions
 * [from, to), or per student rows = students and columns = answers
 * [from, to).
 */
static struct table *
cm_answers(const struct keyplan *kp, const struct template *t,
    const struct slot *slots, size_t nslots, size_t from, size_t to)
{
	const struct set *s = kp->ins[0]->set;
	struct mark m = { s->file, 1, 1 };
	size_t nrows = kp->per_student ? kp->nnames : nslots, r, c, k;
	/* the first table per student says whose worked key is which */
	size_t lead = 1 + (kp->per_student && kp->keypage != NULL &&
	    from == 0);
	struct table *tb = table_new(nrows + 1, to - from + lead, from > 0 ?
	    NULL : xstrdup(t->labels[kp->per_student ? L_BY_STUDENT :
	    L_BY_VERSION]));
	const struct slot *sl;
	const struct pinst *pi;
	const struct mark *at;
	char *a, num[24], page[24];

	table_cell(tb, 0, 0, xstrdup(t->labels[kp->per_student ?
	    L_STUDENT_COL : L_PROBLEM_COL]), &m);
	if (lead > 1)
		table_cell(tb, 0, 1, xstrdup(t->labels[L_WORKED_COL]), &m);
	for (c = from; c < to; c++)
		table_cell(tb, 0, c - from + lead, kp->per_student ?
		    cm_slot_name(&slots[c], t) : xasprintf("%c",
		    'A' + (int)c), &m);
	for (r = 0; r < nrows; r++) {
		table_cell(tb, r + 1, 0, kp->per_student ?
		    compose_escape(kp->names[r]) : cm_slot_name(&slots[r], t), &m);
		if (lead > 1) {
			k = kp->draw[kp->which[r]];
			snprintf(num, sizeof(num), "%zu", k + 1);
			snprintf(page, sizeof(page), "%zu", kp->keypage[k]);
			table_cell(tb, r + 1, 1, label_fmt(t, L_WORKED_AT, num,
			    page), &m);
		}
		for (c = from; c < to; c++) {
			sl = kp->per_student ? &slots[c] : &slots[r];
			pi = kp->per_student ? instance_nth(kp->ins[kp->which[r]],
			    sl->pos) : instance_nth(kp->ins[c], sl->pos);
			a = cm_slot_answer(sl, pi, t, &at);
			table_cell(tb, r + 1, c - from + lead, a, at);
		}
	}
	return tb;
}

/*
 * The answer table of a key in one version: each problem's number (and a
 * table's blanks as a row of their own, "3 (table)") and answer; more than
 * GLANCE_ONE_COL rows in two pairs of columns, the first half down the
 * left and the rest down the right, so that the table stays short on the
 * key's first page.
 */
static struct table *
cm_glance(const struct instance *in, const struct template *t)
{
	const struct set *s = in->set;
	struct mark m = { s->file, 1, 1 };
	struct keyplan kp;
	struct slot *slots;
	size_t n, halves, rows, r, h, k;
	struct table *tb;
	const struct pinst *pi;
	const struct mark *at;
	char *a;

	memset(&kp, 0, sizeof(kp));
	kp.ins = (struct instance *const *)&in;
	kp.nins = 1;
	n = cm_slots(&kp, &slots);
	halves = n > GLANCE_ONE_COL ? 2 : 1;
	rows = (n + halves - 1) / halves;
	tb = table_new(rows + 1, 2 * halves, xstrdup(t->labels[L_ANSWERS]));
	tb->pairs = halves > 1;
	for (h = 0; h < halves; h++) {
		table_cell(tb, 0, 2 * h, xstrdup(t->labels[L_PROBLEM_COL]), &m);
		table_cell(tb, 0, 2 * h + 1, xstrdup(t->labels[L_ANSWER_COL]),
		    &m);
		for (r = 0; r < rows; r++) {
			k = h * rows + r;
			if (k >= n) {
				table_cell(tb, r + 1, 2 * h, xstrdup(""), &m);
				table_cell(tb, r + 1, 2 * h + 1, xstrdup(""), &m);
				continue;
			}
			pi = instance_nth(in, slots[k].pos);
			table_cell(tb, r + 1, 2 * h, cm_slot_name(&slots[k], t),
			    &m);
			a = cm_slot_answer(&slots[k], pi, t, &at);
			table_cell(tb, r + 1, 2 * h + 1, a, at);
		}
	}
	free(slots);
	return tb;
}

struct blocks *
compose_answer_tables(const struct keyplan *kp, const struct template *t)
{
	const struct set *s = kp->ins[0]->set;
	struct mark m = { s->file, 1, 1 };
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct table *tb;
	struct slot *slots;
	size_t i, n, nslots, next;
	int periods = 0;

	blocks_push(b, BK_TITLE)->text = &s->title;
	cm_label(b, BK_SUBTITLE, xstrdup(t->labels[L_ANSWER_KEY]));
	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_ANSWER_KEY]));
	footer_add(&b->footer, FP_TITLE, xstrdup(s->title.s));
	/* a key per student: say what it holds, and how to get the rest */
	if (kp->per_student)
		cm_label(b, BK_INFO, xstrdup(t->labels[kp->keypage != NULL ?
		    L_KEY_WORKED_NOTE : L_KEY_TABLE_ONLY]));
	nslots = cm_slots(kp, &slots);
	n = kp->per_student ? nslots : kp->nins;
	/* the worked key's column takes the room of two answers */
	for (i = 0; i < n; i = next) {
		next = i + TABLE_MAX_COLS - (i == 0 && kp->per_student &&
		    kp->keypage != NULL ? 2 : 0);
		blocks_push(b, BK_TABLE)->u.table = cm_answers(kp, t, slots,
		    nslots, i, next < n ? next : n);
	}
	free(slots);
	if (kp->names == NULL || kp->per_student)
		return b;
	/* a period column when the roster has periods: papers are
	 * collected and marked by period */
	for (i = 0; kp->r != NULL && i < kp->r->n && !periods; i++)
		periods = kp->r->v[i].period != NULL;
	tb = table_new(kp->nnames + 1, 2 + (size_t)periods,
	    xstrdup(t->labels[L_WHO_GOT]));
	table_cell(tb, 0, 0, xstrdup(t->labels[L_STUDENT_COL]), &m);
	if (periods)
		table_cell(tb, 0, 1, xstrdup(t->labels[L_PERIOD]), &m);
	table_cell(tb, 0, 1 + (size_t)periods, xstrdup(t->labels[L_VERSION_COL]),
	    &m);
	for (i = 0; i < kp->nnames; i++) {
		const char *period = periods ? kp->r->v[i].period : NULL;

		table_cell(tb, i + 1, 0, compose_escape(kp->names[i]), &m);
		if (periods)
			table_cell(tb, i + 1, 1, period != NULL ?
			    compose_escape(period) : xstrdup(""), &m);
		table_cell(tb, i + 1, 1 + (size_t)periods, xasprintf("%c",
		    'A' + (int)kp->which[i]), &m);
	}
	blocks_push(b, BK_TABLE)->u.table = tb;
	return b;
}

/* Free the payload a block of its kind owns (a union: the kind says
 * which member is set). */
static void
block_payload_free(struct block *bl)
{
	switch (bl->kind) {
	case BK_TABLE:
		table_free(bl->u.table);
		break;
	case BK_STRIP:
		strip_free(bl->u.strip);
		break;
	case BK_GRID:
		grid_free(bl->u.tab);
		break;
	case BK_HINTCARD:
		if (bl->u.card != NULL)
			free(bl->u.card->label);
		free(bl->u.card);
		break;
	case BK_PART:
		if (bl->u.part != NULL) {
			free(bl->u.part->continued);
			free(bl->u.part->mark);
			free(bl->u.part->prompt);
		}
		free(bl->u.part);
		break;
	case BK_ANSWER:
		free(bl->u.answer);
		break;
	case BK_TRUEFALSE:
		free(bl->u.tf);
		break;
	case BK_ORDER:
		if (bl->u.order != NULL) {
			free(bl->u.order->items);
			free(bl->u.order->place);
		}
		free(bl->u.order);
		break;
	case BK_CHOICES:
		if (bl->u.choices != NULL) {
			free(bl->u.choices->choices);
			free(bl->u.choices->feedback);
			free(bl->u.choices->right);
		}
		free(bl->u.choices);
		break;
	case BK_MATCH:
		if (bl->u.match != NULL) {
			free(bl->u.match->left);
			free(bl->u.match->right);
			free(bl->u.match->match);
		}
		free(bl->u.match);
		break;
	case BK_IMAGE:
		free(bl->u.picture);
		break;
	case BK_PROBLEM:
		free(bl->u.prompt);
		break;
	default:	/* none, or borrowed (MONITOR, BOARD) */
		break;
	}
}

void
blocks_free(struct blocks *b)
{
	size_t i, j;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		free(b->v[i].label);
		block_payload_free(&b->v[i]);
		for (j = 0; j < b->v[i].ncells; j++)
			free(b->v[i].cells[j]);
		free(b->v[i].cells);
	}
	free(b->v);
	footer_clear(&b->footer);
	free(b->banner);
	free(b);
}
