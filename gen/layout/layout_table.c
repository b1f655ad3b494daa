/*
 * layout_table.c - the key's answer tables (BK_TABLE): a caption, a
 * header row in bold over a rule, then one row per problem or student,
 * each row placed on its own so a long table breaks between rows.  The
 * first column takes what its widest cell needs (at most a third of the
 * line); the others share the rest.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

#define CELL_PAD	4.0

static double
lay_table_first_col(struct lay *L, const struct table *tb,
    const struct tstyle *ts)
{
	double w, need = 0;
	size_t r;

	for (r = 0; r < tb->nrows; r++) {
		w = lay_text_width(L, &tb->cells[r * tb->ncols], ts);
		if (w > need)
			need = w;
	}
	need += 2 * CELL_PAD + TB_CELL_SLACK;
	return need < lay_width(L) / TB_LABEL_MAX_SHARE ? need :
	    lay_width(L) / TB_LABEL_MAX_SHARE;
}

/*
 * The cells of a column laid out so far, by their text: a key's table
 * per student repeats each answer down its column (students who drew
 * alike, answers that come out the same), and a stacked fraction costs
 * far more to lay out than to copy.  Items are kept with y from the
 * cell's top; at most MEMO_MAX texts a column.
 */
#define MEMO_MAX	64

struct memo_cell {
	char		*text;
	struct item	*items;
	size_t		 n;
	double		 h;		/* how far down the text went */
};

struct memo {
	struct memo_cell cell[MEMO_MAX];
	size_t		 n;
};

static void
lay_memo_free(struct memo *m, size_t ncols)
{
	size_t c, i, k;

	for (c = 0; m != NULL && c < ncols; c++)
		for (i = 0; i < m[c].n; i++) {
			for (k = 0; k < m[c].cell[i].n; k++)
				free(m[c].cell[i].items[k].text);
			free(m[c].cell[i].items);
			free(m[c].cell[i].text);
		}
	free(m);
}

/* Items [from, to) of the strip as memo m's cell of text s, from top. */
static void
lay_memo_keep(struct lay *L, struct memo *m, const char *s, size_t from,
    size_t to, double top)
{
	struct memo_cell *mc;
	size_t k;

	for (k = from; k < to; k++)
		if (L->strip.items[k].kind == ITEM_IMAGE)
			return;
	if (m->n == MEMO_MAX || L->failed)
		return;
	mc = &m->cell[m->n++];
	mc->text = xstrdup(s);
	mc->n = to - from;
	mc->items = xcalloc(mc->n + 1, sizeof(*mc->items));
	mc->h = L->sy - top;
	for (k = 0; k < mc->n; k++) {
		mc->items[k] = L->strip.items[from + k];
		mc->items[k].y -= top;
		mc->items[k].y2 -= top;
		if (mc->items[k].text != NULL)
			mc->items[k].text = xstrdup(mc->items[k].text);
	}
}

/* Draw memo m's cell of text s at top, if it has one: 1, else 0. */
static int
lay_memo_draw(struct lay *L, const struct memo *m, const char *s, double top)
{
	const struct memo_cell *mc = NULL;
	struct item *it;
	size_t i, k;

	for (i = 0; i < m->n && mc == NULL; i++)
		if (strcmp(m->cell[i].text, s) == 0)
			mc = &m->cell[i];
	if (mc == NULL)
		return 0;
	for (k = 0; k < mc->n; k++) {
		it = page_push(&L->strip, mc->items[k].kind);
		*it = mc->items[k];
		it->y += top;
		it->y2 += top;
		if (it->text != NULL)
			it->text = xstrdup(it->text);
	}
	L->sy = top + mc->h;
	return 1;
}

/* One row into the strip at L->sy; returns its height.  memo: the
 * columns' cells laid out before (NULL: none kept). */
static double
lay_table_row(struct lay *L, const struct table *tb, size_t r,
    const double *x, const double *w, const struct tstyle *ts,
    const struct tstyle *first, struct memo *memo)
{
	double top = L->sy, bottom = r > 0 ? top + tb->row_h : top;
	const struct text *cell;
	size_t c, from;

	for (c = 0; c < tb->ncols; c++) {
		int label = c == 0 || (tb->pairs && c % 2 == 0);

		cell = &tb->cells[r * tb->ncols + c];
		L->sy = top + CELL_PAD;
		if (memo != NULL && !label && cell->s != NULL &&
		    lay_memo_draw(L, &memo[c], cell->s, L->sy)) {
			if (L->sy + CELL_PAD > bottom)
				bottom = L->sy + CELL_PAD;
			continue;
		}
		from = L->strip.nitems;
		L->mark = &cell->mark;
		L->in_cell = 1;
		lay_text(L, cell, tb->derived ? RP_DERIVED : 0, label ? first :
		    ts, x[c] + CELL_PAD, w[c] - 2 * CELL_PAD, AL_LEFT, 0);
		L->in_cell = 0;
		if (memo != NULL && !label && cell->s != NULL)
			lay_memo_keep(L, &memo[c], cell->s, from,
			    L->strip.nitems, top + CELL_PAD);
		if (L->sy + CELL_PAD > bottom)
			bottom = L->sy + CELL_PAD;
	}
	lay_line(L, L->left, bottom, L->right, bottom, r == 0 ? TB_RULE_HEAD :
	    TB_RULE_LIGHT, r == 0 ? ink : light, 0);
	for (c = 1; c < tb->ncols; c++)	/* a pair apart from the next */
		lay_line(L, x[c], top, x[c], bottom, tb->pairs && c % 2 == 0 ?
		    TB_RULE_HEAD : TB_RULE_LIGHT,
		    tb->pairs && c % 2 == 0 ? ink : light, 0);
	L->sy = bottom;
	return bottom - top;
}

/* A row that starts a new page gets the header row over it again, so a
 * column is never read without its version (or problem) at the top: the
 * header is drawn below the row in the strip, then the two swap. */
static void
lay_table_header_over(struct lay *L, const struct table *tb, const double *x,
    const double *w, const struct tstyle *hs)
{
	size_t nrow = L->strip.nitems;
	double hrow = L->sy, hhead;

	hhead = lay_table_row(L, tb, 0, x, w, hs, hs, NULL);
	lay_shift(L, 0, nrow, hhead);
	lay_shift(L, nrow, L->strip.nitems, -hrow);
}

/* A form's columns after the first as wide as their headers need at the
 * least (the word "Version" over a letter), the others sharing what is
 * left evenly. */
static void
lay_table_headers_fit(struct lay *L, const struct table *tb,
    const struct tstyle *hs, double *w)
{
	double room = 0, need[32], all = 0, share = 0, left;
	size_t c, nfree = 0;

	for (c = 1; c < tb->ncols; c++) {
		room += w[c];
		need[c] = lay_text_width(L, &tb->cells[c], hs) + 2 * CELL_PAD +
		    TB_CELL_SLACK;
		all += need[c];
	}
	if (all > room) {	/* too many: each in proportion, headers wrap */
		for (c = 1; c < tb->ncols; c++)
			w[c] = room * need[c] / all;
		return;
	}
	/* the columns that need more than an even share get it; the others
	 * share what is left, as long as that still covers their needs */
	for (;;) {
		left = room;
		nfree = 0;
		for (c = 1; c < tb->ncols; c++)
			if (w[c] < 0)
				left -= need[c];
			else
				nfree++;
		if (nfree == 0)
			break;
		share = left / (double)nfree;
		for (c = 1; c < tb->ncols; c++)
			if (w[c] >= 0 && need[c] > share)
				break;
		if (c == tb->ncols)
			break;
		w[c] = -1;	/* fixed at its need */
	}
	for (c = 1; c < tb->ncols; c++)
		w[c] = w[c] < 0 ? need[c] : share;
}

void
lay_table(struct lay *L, const struct block *b)
{
	const struct table *tb = b->u.table;
	struct tstyle hs = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ts = tb->form ? lay_style(L, L->t->size_small, 0, ink) :
	    lay_style(L, L->t->size_body, 0, key_ink);
	struct tstyle ls = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle cs = lay_style(L, L->t->size_heading, ST_BOLD, ink);
	double x[32], w[32], first, rest;
	struct memo *memo;
	size_t c, r;

	if (tb->ncols == 0 || tb->ncols > 32)
		return;
	first = lay_table_first_col(L, tb, &hs);
	rest = (lay_width(L) - first) / (double)(tb->ncols > 1 ?
	    tb->ncols - 1 : 1);
	for (c = 0; c < tb->ncols; c++)
		w[c] = c == 0 ? first : rest;
	if (tb->pairs)	/* labels as wide as the first, answers the rest */
		for (c = 0; c < tb->ncols; c++)
			w[c] = c % 2 == 0 ? first : (lay_width(L) - first *
			    (double)(tb->ncols / 2)) / (double)(tb->ncols / 2);
	if (tb->form)
		lay_table_headers_fit(L, tb, &hs, w);
	for (c = 0; c < tb->ncols; c++)
		x[c] = c == 0 ? L->left : x[c - 1] + w[c - 1];
	L->sy = 0;
	if (tb->caption != NULL) {
		L->sy = TB_CAPTION_TOP;
		lay_plain(L, tb->caption, &cs, L->left, lay_width(L), AL_LEFT);
		L->sy += TB_CAPTION_GAP;
	}
	/* the caption and header stay with the first row */
	memo = xcalloc(tb->ncols, sizeof(*memo));
	for (r = 0; r < tb->nrows; r++) {
		lay_table_row(L, tb, r, x, w, r == 0 ? &hs : &ts,
		    r == 0 ? &hs : &ls, r == 0 ? NULL : memo);
		if (r == 0 && tb->nrows > 1)
			continue;
		if (r > 1 && lay_breaks(L, L->sy, 0))
			lay_table_header_over(L, tb, x, w, &hs);
		lay_place(L, L->sy, r <= 1 ? L->t->gap_paragraph * 2 : 0);
	}
	lay_memo_free(memo, tb->ncols);
}
