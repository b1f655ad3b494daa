/*
 * layout_grid.c - the objects a prompt carries that are not pictures: a
 * ruled table (BK_GRID: a problem's, a section's, a discussion problem's,
 * or the grade table), a word bank (BK_WORDBANK), and a hint card to cut
 * apart (BK_HINTCARD).  In a problem they go into its strip, indented
 * under the prompt, and move whole with it; outside one they are placed
 * whole, with a waiting heading when there is one.
 *
 * A table is ruled like a textbook's ratio table: every cell boxed, the
 * header bold on a light shade with a heavier rule under it (or beside
 * it, with orientation: columns).  Columns are as wide as their widest
 * cell (a blank as wide as its answer, and at least BLANK_EM ems, room
 * for a hand-written number); rows at least a writing line's pitch high.
 * Numbers are centred: a ratio or input/output table is read across, as
 * pairs, not summed down a column, so there are no place values to line
 * up (what right alignment is for); textbooks centre them, and a
 * centred number sits where the student writes in the box beside it.
 * Phrases are set flush left, as in any table of words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

#define BLANK_EM	3.5	/* least width of a blank's column, in ems */
/* The most rows or columns a printed table has (turned, a table's rows
 * are columns). */
#define LG_MAX		(PTABLE_MAX_ROWS + 1)

/* Cell padding: grows with the type, so large print is not cramped. */
static double
lg_pad(const struct lay *L)
{
	return L->t->size_body * LG_PAD_RATIO;
}

/* Nonzero when a cell reads as a phrase (three words or more outside
 * math): it is set flush left; numbers, a variable, a fraction, a word
 * or two are centred. */
static int
lg_phrase(const char *s)
{
	int spaces = 0, math = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		else if (*s == '`')
			math = !math;
		else if (*s == ' ' && !math && s[1] != ' ' && s[1] != '\0')
			spaces++;
	}
	return spaces >= 2;
}

/* Where an object in the strip starts: under the prompt in a problem. */
static double
lg_x0(const struct lay *L)
{
	return L->in_problem ? L->left + L->indent : L->left;
}

/* Outside a problem, place what is in the strip: with a heading that
 * waits for its first problem, or on its own. */
static void
lg_place(struct lay *L, const struct mark *m, const char *what)
{
	if (L->in_problem)
		return;
	if (L->pending.nitems > 0 && L->sy <= (L->bottom - L->top) / 2) {
		lay_move(&L->pending, &L->strip, L->pending_h, L, 0);
		L->pending_h += L->sy +
		    L->t->gap_problem * LG_PENDING_GAP_SHARE;
		L->sy = 0;
		return;
	}
	if (lay_place(L, L->sy, L->t->gap_paragraph) < 0) {
		if (lay_first_at(L, m))
			diag_error(m, "%s is taller than a page; shorten it",
			    what);
		L->failed = 1;
	}
}

static const struct tstyle *
lg_style(const struct gcell *gc, const struct tstyle *hs,
    const struct tstyle *ts, const struct tstyle *ks)
{
	return gc->head ? hs : gc->blank ? ks : ts;
}

/* The columns' widths into w; returns their sum. */
static double
lg_widths(struct lay *L, const struct grid *g, const struct tstyle *hs,
    const struct tstyle *ts, const struct tstyle *ks, double room, double *w)
{
	double pad = lg_pad(L), cw, sum = 0, most;
	size_t r, c;

	for (c = 0; c < g->ncols; c++) {
		w[c] = 0;
		for (r = 0; r < g->nrows; r++) {
			const struct gcell *gc = &g->cells[r * g->ncols + c];

			L->mark = &gc->text->mark;
			cw = lay_text_width(L, gc->text, lg_style(gc, hs, ts,
			    ks));
			if (gc->blank && cw < BLANK_EM * ts->size)
				cw = BLANK_EM * ts->size;
			if (cw + 2 * pad > w[c])
				w[c] = cw + 2 * pad;
		}
		sum += w[c];
	}
	/* a table of short cells (a ratio table) gets columns of one
	 * width, as a textbook prints it, when they fit */
	for (c = 0, most = 0; c < g->ncols; c++)
		if (w[c] > most)
			most = w[c];
	if (most * (double)g->ncols <= room && most <=
	    BLANK_EM * LG_EVEN_MAX * ts->size) {
		for (c = 0; c < g->ncols; c++)
			w[c] = most;
		sum = most * (double)g->ncols;
	}
	return sum;
}

/* The styles of a table's cells. */
struct lgstyle {
	struct tstyle	 head, cell, key;
};

/* Row r of g at the strip's L->sy, its columns cols[0..n) at x[] w[]
 * wide: the shade of its header cells under the texts.  Returns the
 * row's height. */
static double
lg_row(struct lay *L, const struct grid *g, size_t r, const size_t *cols,
    size_t n, const double *x, const double *w, const struct lgstyle *st)
{
	double pad = lg_pad(L), top = L->sy, h, th[LG_MAX];
	size_t k, shade_at[LG_MAX], from[LG_MAX + 1];
	struct item *it;

	h = L->t->line_pitch;
	for (k = 0; k < n; k++) {
		const struct gcell *gc = &g->cells[r * g->ncols + cols[k]];
		const struct text *t = gc->text;

		shade_at[k] = (size_t)-1;
		if (gc->head) {
			shade_at[k] = L->strip.nitems;
			it = lay_rect(L, x[k], top, w[cols[k]], 0, 0, ink);
			it->stroke = 0;
			it->fill = 1;
			it->fill_color = shade;
		}
		from[k] = L->strip.nitems;
		L->sy = top + pad;
		if (!gc->blank || g->key) {
			L->mark = &t->mark;
			L->in_cell = 1;
			if (lay_text(L, t, 0, lg_style(gc, &st->head, &st->cell,
			    &st->key), x[k] + pad,
			    w[cols[k]] - 2 * pad + LG_CELL_SLACK,
			    !gc->head && lg_phrase(t->s) ? AL_LEFT : AL_CENTER,
			    0) < 0)
				L->failed = 1;
			L->in_cell = 0;
		}
		th[k] = L->sy - top - pad;
		if (th[k] + 2 * pad > h)
			h = th[k] + 2 * pad;
	}
	from[n] = L->strip.nitems;
	/* each cell's text in the middle of its row's height */
	for (k = 0; k < n; k++) {
		const struct gcell *gc = &g->cells[r * g->ncols + cols[k]];

		lay_shift(L, from[k], from[k + 1], (h - 2 * pad - th[k]) / 2);
		if (shade_at[k] != (size_t)-1)
			L->strip.items[shade_at[k]].h = h;
		/* a blank to fill in: where its answer goes (answer strips) */
		if (gc->blank && !g->key)
			lay_anchor_text(L, gc->text, top + (h - lay_lh(L,
			    st->key.size)) / 2 + lay_base(L, st->key.size));
	}
	L->sy = top + h;
	return h;
}

/* Columns cols[0..n) of g as one ruled table at the strip's L->sy, from
 * x0: every cell boxed, the header's edge heavier. */
static void
lg_draw(struct lay *L, const struct grid *g, const size_t *cols, size_t n,
    double x0, const double *w, const struct lgstyle *st)
{
	double x[LG_MAX + 1], ys[LG_MAX + 1], top = L->sy;
	size_t r, k, last = g->nrows - 1;

	x[0] = x0;
	for (k = 0; k < n; k++)
		x[k + 1] = x[k] + w[cols[k]];
	for (r = 0; r < g->nrows; r++) {
		ys[r] = L->sy;
		lg_row(L, g, r, cols, n, x, w, st);
	}
	ys[g->nrows] = L->sy;
	for (r = 0; r <= g->nrows; r++)
		lay_line(L, x0, ys[r], x[n], ys[r], r > 0 && r < g->nrows &&
		    g->cells[(r - 1) * g->ncols + cols[n - 1]].head &&
		    !g->cells[r * g->ncols + cols[n - 1]].head ?
		    LG_RULE_HEAD : r == 0 || r == g->nrows ? LG_RULE_EDGE :
		    LG_RULE_INNER, ink, 0);
	for (k = 0; k <= n; k++)
		lay_line(L, x[k], top, x[k], L->sy, k > 0 && k < n &&
		    g->cells[last * g->ncols + cols[k - 1]].head &&
		    !g->cells[last * g->ncols + cols[k]].head ?
		    LG_RULE_HEAD : k == 0 || k == n ? LG_RULE_EDGE :
		    LG_RULE_INNER, ink, 0);
}

/* Nonzero when columns [from, from + per) of g (and the first beside
 * them) fit in room, for each such run of the columns after the first. */
static int
lg_runs_fit(const struct grid *g, const double *w, size_t per, double room)
{
	size_t c, k;
	double used;

	for (c = 1; c < g->ncols; c += per) {
		used = w[0];
		for (k = c; k < c + per && k < g->ncols; k++)
			used += w[k];
		if (used > room + EPS && per > 1)
			return 0;
	}
	return 1;
}

/* A table too wide that may be split (the grade table): its columns
 * after the first in rows of the page as even as fit (8 and 7, not 14
 * and 1), the first column again at the left of each. */
static void
lg_draw_split(struct lay *L, const struct grid *g, double x0, double room,
    const double *w, const struct lgstyle *st)
{
	size_t cols[LG_MAX], n, c, k, runs, per, rest = g->ncols - 1;

	for (runs = 2; ; runs++) {
		per = (rest + runs - 1) / runs;
		if (lg_runs_fit(g, w, per, room))
			break;
	}
	for (c = 1; c < g->ncols; c += per) {
		cols[0] = 0;
		n = 1;
		for (k = c; k < c + per && k < g->ncols; k++)
			cols[n++] = k;
		lg_draw(L, g, cols, n, x0, w, st);
		if (c + per < g->ncols)
			L->sy += L->t->gap_paragraph;
	}
}

void
lay_grid(struct lay *L, const struct block *b)
{
	const struct grid *g = b->u.tab;
	struct lgstyle st;
	struct tstyle cs = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double x0 = lg_x0(L), room = L->right - x0, total;
	double w[LG_MAX];
	size_t c, cols[LG_MAX];

	st.head = lay_style(L, L->t->size_body, ST_BOLD, ink);
	st.cell = lay_style(L, L->t->size_body, 0, ink);
	st.key = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	if (!L->in_problem)
		L->sy = 0;
	if (g->ncols == 0 || g->ncols > LG_MAX || g->nrows > LG_MAX)
		return;
	total = lg_widths(L, g, &st.head, &st.cell, &st.key, room, w);
	if (total > room + EPS && !g->split) {
		char what[40] = "";

		if (L->in_problem)
			snprintf(what, sizeof(what), "problem %d: ",
			    L->problem->number);
		/* turning it helps when it has more columns than rows */
		if (lay_first_at(L, &g->mark))
			diag_error(&g->mark, "%sthe table is %.1f cm wide, but "
			    "the line holds %.1f cm; shorten its cells%s%s",
			    what, total / PT_PER_INCH * CM_PER_INCH,
			    room / PT_PER_INCH * CM_PER_INCH,
			    g->ncols > g->nrows ? ", or turn it with "
			    "orientation: " : " or split it in two",
			    g->ncols > g->nrows ? g->turned ? "rows" :
			    "columns" : "");
		L->failed = 1;
		return;
	}
	if (L->in_problem)
		L->sy += LG_TOP;
	if (g->caption != NULL) {
		L->mark = &g->caption->mark;
		if (lay_text(L, g->caption, 0, &cs, x0, room, AL_LEFT, 0) < 0)
			L->failed = 1;
		L->sy += LG_CAPTION_GAP;
	}
	if (total > room + EPS)
		lg_draw_split(L, g, x0, room, w, &st);
	else {
		for (c = 0; c < g->ncols; c++)
			cols[c] = c;
		lg_draw(L, g, cols, g->ncols, x0, w, &st);
	}
	lg_place(L, &g->mark, "a table");
}

void
lay_wordbank(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ls = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, gray);
	double x0 = lg_x0(L), room = L->right - x0;
	double pad = lg_pad(L) * WB_PAD_RATIO;
	double gap = WB_WORD_GAP * ts.size;
	double lh = lay_lh(L, ts.size) * WB_LINE_RATIO;
	double top, line, used, ww[256], x;
	size_t i, first, n = b->u.words->n < 256 ? b->u.words->n : 256, k, ri;

	if (!L->in_problem)
		L->sy = 0;
	else
		L->sy += WB_TOP;
	top = L->sy;
	ri = L->strip.nitems;
	lay_rect(L, x0, top, room, 0, WB_FRAME_W, gray);
	L->sy = top + pad * WB_PAD_TOP;
	lay_plain(L, b->label, &ls, x0 + pad, room - 2 * pad, AL_LEFT);
	line = L->sy + WB_LABEL_GAP;
	for (i = 0; i < n; i++) {
		L->mark = &b->u.words->v[i].mark;
		ww[i] = lay_text_width(L, &b->u.words->v[i], &ts);
		if (ww[i] > room - 2 * pad)
			ww[i] = room - 2 * pad;
	}
	/* the words of each line spread out, centred in the box */
	for (first = 0; first < n; first = i) {
		used = ww[first];
		for (i = first + 1; i < n && used + gap + ww[i] <= room -
		    2 * pad; i++)
			used += gap + ww[i];
		x = x0 + (room - used) / 2;
		for (k = first; k < i; k++) {
			L->sy = line;
			L->mark = &b->u.words->v[k].mark;
			if (lay_text(L, &b->u.words->v[k], 0, &ts, x,
			    ww[k] + WB_TEXT_SLACK,
			    AL_LEFT, 0) < 0)
				L->failed = 1;
			x += ww[k] + gap;
		}
		line += lh;
	}
	L->sy = line - lh + lay_lh(L, ts.size) + pad * WB_PAD_TOP;
	L->strip.items[ri].h = L->sy - top;
	lg_place(L, b->u.words->n > 0 ? &b->u.words->v[0].mark : NULL,
	    "a word bank");
}

/* A hint to cut apart: the width of the page, dashed all round, its
 * problem named at the top. */
void
lay_hintcard(struct lay *L, const struct block *b)
{
	const struct hintcard *hc = b->u.card;
	struct tstyle ls = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, gray);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	double pad = lg_pad(L) * HC_PAD_RATIO;

	L->sy = 0;
	L->sy = pad;
	lay_plain(L, hc->label, &ls, L->left + pad, lay_width(L) - 2 * pad,
	    AL_LEFT);
	L->sy += HC_LABEL_GAP;
	L->mark = &hc->text->mark;
	if (lay_text(L, hc->text, 0, &ts, L->left + pad, lay_width(L) -
	    2 * pad, AL_LEFT, 0) < 0)
		L->failed = 1;
	L->sy += pad;
	/* the frame as four dashed lines drawn left to right and top to
	 * bottom, so that where two cards touch their edges' dashes fall
	 * on each other and one cut separates them */
	lay_line(L, L->left, 0, L->right, 0, HC_FRAME_W, gray, 1);
	lay_line(L, L->left, L->sy, L->right, L->sy, HC_FRAME_W, gray, 1);
	lay_line(L, L->left, 0, L->left, L->sy, HC_FRAME_W, gray, 1);
	lay_line(L, L->right, 0, L->right, L->sy, HC_FRAME_W, gray, 1);
	if (lay_place(L, L->sy, 0) < 0) {
		if (lay_first_at(L, &hc->text->mark))
			diag_error(&hc->text->mark, "a hint is taller than a "
			    "page; shorten it");
		L->failed = 1;
	}
}
