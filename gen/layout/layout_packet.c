/*
 * layout_packet.c - drawing the blocks of a substitute packet's own pages
 * (the plan's steps, the print list's rows, bullets, write-in lines) and
 * stamping the finished packet's pages; see layout_int.h and layout.h.
 * Each block is drawn into the strip and placed whole, so a step never
 * leaves its read-aloud box behind on another page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

static const struct color white = { 1, 1, 1 };

#define TICK		11.0	/* side of a tick box, pt */
#define STEP_TIME_X	20.0	/* where a step's time starts */
#define STEP_TEXT_X	112.0	/* where a step's text starts */
#define ROW_GUTTER	10.0	/* between the print list's columns */

/* An empty tick box whose middle sits on the middle of the first line of
 * text at the strip's cursor, x from the left margin. */
static void
lp_tick(struct lay *L, double x, double size)
{
	double y = L->sy + (lay_lh(L, size) - TICK) / 2;

	lay_rect(L, L->left + x, y, TICK, TICK, L->t->rule * PK_TICK_RULE, ink);
}

/* The strip, h high, waits to go on the page of what is placed next, as
 * a heading does (gap below it). */
static void
lp_keep_with_next(struct lay *L, double h, double gap)
{
	lay_move(&L->pending, &L->strip, L->pending_h, L, 0);
	L->pending_h += h + gap;
	L->sy = 0;
}

void
lay_bullet(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);

	L->sy = 0;
	lay_plain(L, "\xe2\x80\xa2", &ts, L->left + PK_BULLET_X,
	    PK_BULLET_W, AL_LEFT);
	L->sy = 0;
	if (b->text != NULL)
		lay_text(L, b->text, 0, &ts, L->left + PK_BULLET_TEXT_X,
		    lay_width(L) - PK_BULLET_TEXT_X, AL_LEFT, 0);
	else
		lay_plain(L, b->label, &ts, L->left + PK_BULLET_TEXT_X,
		    lay_width(L) - PK_BULLET_TEXT_X, AL_LEFT);
	if (b->key)
		lp_keep_with_next(L, L->sy, PK_HEAD_GAP);
	else
		lay_place(L, L->sy, PK_ITEM_GAP);
}

void
lay_step(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle tm = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double indent = L->indent, h;

	L->sy = 0;
	lp_tick(L, 0, ts.size);
	lay_plain(L, b->label, &tm, L->left + STEP_TIME_X,
	    STEP_TEXT_X - STEP_TIME_X - PK_STEP_TIME_ROOM, AL_LEFT);
	h = L->sy;
	L->sy = 0;
	lay_text(L, b->text, 0, &ts, L->left + STEP_TEXT_X,
	    lay_width(L) - STEP_TEXT_X, AL_LEFT, 0);
	if (L->sy < h)
		L->sy = h;
	if (b->u.aside != NULL) {
		/* the read-aloud box, under the text it goes with */
		struct block say;

		memset(&say, 0, sizeof(say));
		say.kind = BK_KEYNOTE;
		say.label = L->t->labels[L_READ_ALOUD];
		say.text = b->u.aside;
		L->in_problem = 1;
		L->indent = STEP_TEXT_X;
		lay_keynote(L, &say);
		L->in_problem = 0;
		L->indent = indent;
	}
	lay_line(L, L->left, L->sy + PK_STEP_RULE_DROP, L->right,
	    L->sy + PK_STEP_RULE_DROP, PK_RULE_LIGHT, light, 0);
	if (lay_place(L, L->sy + PK_STEP_RULE_DROP, PK_STEP_GAP) < 0) {
		if (lay_first_at(L, &b->text->mark))
			diag_error(&b->text->mark, "this step of the plan is "
			    "taller than a page; shorten what to do or to say");
		L->failed = 1;
	}
}

/* One row of the print list drawn into the strip at L->sy: a tick box
 * (not on the header), the document, pages, copies, each wrapping within
 * its column, and the rule under it.  Returns its height. */
static double
lp_row_cells(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body,
	    b->key ? ST_BOLD : 0, ink);
	double w = lay_width(L), top = L->sy, bottom = top;
	/* x of each column; a gutter keeps a long title off the pages */
	const double x[4] = { PK_ROW_TEXT_X, w * PK_ROW_PAGES_AT,
	    w * PK_ROW_COPIES_AT, w + ROW_GUTTER };
	size_t i;

	if (!b->key)
		lp_tick(L, 0, ts.size);
	for (i = 0; i < 3; i++) {
		L->sy = top;
		lay_plain(L, b->cells[i], &ts, L->left + x[i], x[i + 1] -
		    x[i] - ROW_GUTTER, AL_LEFT);
		if (L->sy > bottom)
			bottom = L->sy;
	}
	L->sy = bottom + PK_ROW_RULE_DROP;
	lay_line(L, L->left, L->sy, L->right, L->sy, b->key ? PK_RULE_HEAD :
	    PK_RULE_LIGHT,
	    b->key ? ink : light, 0);
	return L->sy - top;
}

/* The print list's rows.  The header row waits for the first row (it is
 * never left alone at the foot of a page), and a row that starts a new
 * page gets the header over it again, as the key's tables do: the header
 * is drawn below the row in the strip, then the two swap. */
void
lay_row(struct lay *L, const struct block *b)
{
	double hrow, hhead;
	size_t nrow;

	L->sy = 0;
	hrow = lp_row_cells(L, b);
	if (b->key) {
		L->row_head = b;
		lp_keep_with_next(L, hrow, PK_ITEM_GAP);
		return;
	}
	if (L->row_head != NULL && L->pending.nitems == 0 &&
	    lay_breaks(L, hrow, PK_ITEM_GAP)) {
		nrow = L->strip.nitems;
		hhead = lp_row_cells(L, L->row_head);
		lay_shift(L, 0, nrow, hhead);
		lay_shift(L, nrow, L->strip.nitems, -hrow);
		L->sy = hrow + hhead;
	}
	lay_place(L, L->sy, PK_ITEM_GAP);
}

/* A question of a form, then lines to write the answer on. */
void
lay_write(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct block lines;
	double indent = L->indent;

	L->sy = 0;
	if (b->label != NULL)
		lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_LEFT);
	memset(&lines, 0, sizeof(lines));
	lines.kind = BK_LINES;
	lines.n = b->n;
	L->indent = 0;
	lay_lines(L, &lines);
	L->indent = indent;
	lay_place(L, L->sy, L->t->gap_problem);
}

/* The top of a page: the band when teacher-only, the packet page. */
static void
lp_stamp(struct lay *L, size_t i, int teacher, size_t first, size_t total)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	struct tstyle band = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, white);
	double top = L->t->margin[0], bh = lay_lh(L, band.size) + PK_BAND_PAD;
	double y = top - bh - PK_BAND_GAP;
	char n[24], of[24], *mark;

	if (y < PRINTABLE_TOP)
		y = PRINTABLE_TOP;
	snprintf(n, sizeof(n), "%zu", first + i + 1);
	snprintf(of, sizeof(of), "%zu", total);
	mark = label_fmt(L->t, L_PACKET_PAGE, n, of);
	if (teacher) {
		struct item *r = lay_rect(L, L->left, y, lay_width(L), bh, 0,
		    key_ink);

		r->fill = 1;
		r->stroke = 0;
		r->fill_color = key_ink;
		ts.color = white;
		L->sy = y + PK_BAND_TEXT_DROP;
		lay_plain(L, L->t->labels[L_TEACHER_COPY], &band,
		    L->left + PK_BAND_INSET,
		    lay_width(L) * PK_BAND_LABEL_SHARE - PK_BAND_INSET,
		    AL_LEFT);
	}
	L->sy = y + PK_BAND_TEXT_DROP + lay_base(L, band.size) -
	    lay_base(L, ts.size);
	lay_plain(L, mark, &ts, L->left + lay_width(L) * PK_PAGE_NUM_FROM,
	    lay_width(L) * PK_PAGE_NUM_SHARE - PK_BAND_INSET, AL_RIGHT);
	free(mark);
	lay_move(&L->doc->pages[i], &L->strip, 0, L, 1);
}

void
layout_packet_marks(struct doc *d, const struct template *t,
    struct fonts *fs, int teacher, size_t first, size_t total)
{
	struct lay L;
	size_t i;

	/* a repeat cannot take items of its own: resolve them all before
	 * their bases are stamped */
	for (i = 0; i < d->npages; i++)
		page_own(d, i);
	lay_begin(&L, d, t, fs);
	for (i = 0; i < d->npages; i++) {
		lay_turn(&L, d->pages[i].turned);
		lp_stamp(&L, i, teacher, first, total);
	}
	free(L.strip.items);
}
