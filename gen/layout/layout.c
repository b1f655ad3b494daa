/*
 * layout.c - blocks to positioned items on pages; see layout.h.
 *
 * Everything is first drawn into a strip (a page-less list of items whose
 * y is relative to the strip's top).  A problem is one strip, placed whole:
 * on the current page if it fits, else at the top of the next.  Running
 * text outside problems is placed line by line, so a reading passage can
 * flow across pages.  A heading waits and is placed with what follows it.
 * The blocks of problems are drawn in layout_problem.c.
 *
 * Right to left: a line holding a letter written right to left is set in
 * the order FriBidi gives (lay_emit_bidi), after it was broken in the
 * order written.  A set in a language written right to left (template's
 * rtl) is drawn as a left-to-right page and mirrored in one place, as each
 * strip goes on its page (lay_move, lay_mirror): a line of text, math and
 * a figure that keeps its drawing are units (lay_unit) moved whole; rules,
 * boxes and the rest are turned round.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "layout_int.h"
#include "script.h"
#include "util.h"

/* ---- strips and pages ------------------------------------------------ */

struct item *
lay_text_item(struct lay *L, double x, double y, int face, double size,
    struct color c, const char *s, size_t len)
{
	struct item *it = page_push(&L->strip, ITEM_TEXT);

	it->x = x;
	it->y = y;
	it->font = face;
	it->size = size;
	it->color = c;
	it->text = xstrndup(s, len);
	return it;
}

struct item *
lay_line(struct lay *L, double x, double y, double x2, double y2, double w,
    struct color c, int dash)
{
	struct item *it = page_push(&L->strip, ITEM_LINE);

	it->x = x;
	it->y = y;
	it->x2 = x2;
	it->y2 = y2;
	it->width = w;
	it->color = c;
	it->dash = dash;
	return it;
}

struct item *
lay_rect(struct lay *L, double x, double y, double w, double h,
    double width, struct color c)
{
	struct item *it = page_push(&L->strip, ITEM_RECT);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->width = width;
	it->color = c;
	return it;
}

void
lay_strip_clear(struct page *p)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		free(p->items[i].text);
	p->nitems = 0;
}

void
lay_unit(struct lay *L, size_t from, double x0, double x1)
{
	struct item *it;

	if (!L->rtl)
		return;
	for (; from < L->strip.nitems; from++) {
		it = &L->strip.items[from];
		it->unit = 1;
		it->unit_off = it->x - x0;
		it->unit_w = x1 - x0;
	}
}

/* Mirror item it about the vertical axis a / 2 (a: the text frame's left
 * plus its right): a drawing of a unit (lay_unit) is moved whole, the
 * rest is turned round. */
static void
lay_mirror(struct item *it, double a)
{
	double x = it->x;

	if (it->unit) {
		it->x = a - (x - it->unit_off) - it->unit_w + it->unit_off;
		if (it->kind == ITEM_LINE)
			it->x2 += it->x - x;
		it->unit = 0;
		it->unit_off = it->unit_w = 0;
		return;
	}
	switch (it->kind) {
	case ITEM_LINE:
		it->x2 = a - it->x2;
		it->x = a - x;
		break;
	case ITEM_RECT:
	case ITEM_IMAGE:
		it->x = a - x - it->w;
		break;
	case ITEM_ARC:
		x = it->a0;
		it->a0 = 180 - it->a1;
		it->a1 = 180 - x;
		it->x = a - it->x;
		break;
	default:
		it->x = a - x;
		break;
	}
}

/* Move strip items [from, to) down by dy. */
void
lay_shift(struct lay *L, size_t from, size_t to, double dy)
{
	size_t i;

	for (i = from; i < to && i < L->strip.nitems; i++) {
		L->strip.items[i].y += dy;
		if (L->strip.items[i].kind == ITEM_LINE)
			L->strip.items[i].y2 += dy;
	}
}

/* Note how far down the page being left (or the last) is filled; cols:
 * it is left from column 1, the columns going on. */
static void
lay_page_done(struct lay *L, int cols)
{
	struct pageend *pe;

	if (L->bpage == NULL || L->page == NULL)
		return;
	xgrow((void **)&L->page_end, &L->page_end_cap, L->npage_end,
	    sizeof(*L->page_end));
	pe = &L->page_end[L->npage_end++];
	memset(pe, 0, sizeof(*pe));
	pe->y = L->ncols == 2 && L->col == 1 && L->col0_end > L->y ?
	    L->col0_end : L->y;
	pe->cols = cols;
	pe->col[0] = L->col0_end;
	pe->col[1] = L->y;
}

void
lay_new_page(struct lay *L)
{
	lay_page_done(L, L->ncols == 2 && L->col == 1);
	L->page = doc_add_page(L->doc);
	L->page->turned = L->turned;
	L->y = L->top;
}

/* Move the items of src, shifted down by dy, to the end of dst. */
void
lay_move(struct page *dst, struct page *src, double dy,
    struct lay *L, int to_doc)
{
	size_t i;
	struct item *it;

	/* a page is filled block by block, so exact growth costs few
	 * copies and leaves no doubled capacity on each finished page */
	page_reserve(dst, src->nitems);
	for (i = 0; i < src->nitems; i++) {
		it = page_push(dst, src->items[i].kind);
		*it = src->items[i];
		it->y += dy;
		if (it->kind == ITEM_LINE)
			it->y2 += dy;
		if (to_doc && item_has_font(it->kind))
			it->font = doc_font(L->doc, fonts_path(L->fs, it->font),
			    fonts_index(L->fs, it->font));
		/* a right-to-left page: mirrored as it goes on the page, in
		 * the text frame of the template's margins */
		if (to_doc && L->rtl)
			lay_mirror(it, L->t->margin[3] - L->t->margin[1] +
			    (L->turned ? L->doc->height : L->doc->width));
	}
	src->nitems = 0;	/* texts now belong to dst */
}

/* The top of what is being filled: the page's, or the columns'. */
static double
lay_top(const struct lay *L)
{
	return L->ncols == 2 ? L->col_top : L->top;
}

int
lay_breaks(const struct lay *L, double h, double gap)
{
	return L->page != NULL && L->y > lay_top(L) + EPS &&
	    L->y + gap + h > L->bottom + EPS;
}

/* Where the strip goes in two columns: on in this column, else at the
 * top of column 1, else of column 0 on a new page; moved across for
 * column 1. */
static void
lay_place_col(struct lay *L, double h, double gap)
{
	size_t i;

	if (L->page == NULL) {
		lay_new_page(L);
		L->col_top = L->top;
		L->col = 0;
	} else if (lay_breaks(L, h, gap)) {
		if (L->col == 0) {
			L->col0_end = L->y;
			L->col = 1;
			L->y = L->col_top;
		} else {
			lay_new_page(L);
			L->col_top = L->top;
			L->col = 0;
		}
	} else if (L->y > L->col_top + EPS)
		L->y += gap;
	for (i = 0; L->col == 1 && i < L->strip.nitems; i++) {
		L->strip.items[i].x += L->col_dx;
		if (L->strip.items[i].kind == ITEM_LINE)
			L->strip.items[i].x2 += L->col_dx;
	}
}

/*
 * Place the strip (height h) on the page, gap points below what is there,
 * or at the top of a new page when it does not fit.  A waiting heading goes
 * first, on the same page.  Returns -1 if the strip is taller than a page.
 */
static void
lay_anchor_add(struct lay *L, int sub, const struct text *answer, double y)
{
	struct anchors *a = L->anchors;

	if (a == NULL || L->problem == NULL || !L->in_problem)
		return;
	xgrow((void **)&a->v, &a->cap, a->n, sizeof(*a->v));
	/* a problem in parts: the part whose answer it is */
	a->v[a->n].nth = L->problem->nth;
	a->v[a->n].part = L->part != NULL ? L->part->prob.part : 0;
	a->v[a->n].sub = sub;
	a->v[a->n].answer = answer;
	a->v[a->n].page = 0;
	a->v[a->n++].y = y;
}

void
lay_anchor(struct lay *L, int sub, double y)
{
	lay_anchor_add(L, sub, NULL, y);
}

void
lay_anchor_text(struct lay *L, const struct text *answer, double y)
{
	lay_anchor_add(L, -1, answer, y);
}

/* The anchors drawn in the strip go where the strip goes: on this page,
 * dy (a heading's height joined over it) and L->y lower. */
static void
lay_anchors_place(struct lay *L, double dy)
{
	struct anchors *a = L->anchors;
	size_t i;

	if (a == NULL)
		return;
	for (i = L->anchor_from; i < a->n; i++) {
		a->v[i].page = L->doc->npages - 1;
		a->v[i].y += dy + L->y;
	}
	L->anchor_from = a->n;
}

void
anchors_free(struct anchors *a)
{
	free(a->v);
	memset(a, 0, sizeof(*a));
}

int
lay_place(struct lay *L, double h, double gap)
{
	double body = L->bottom - L->top, joined_h = 0;
	size_t anchor_first;

	if (L->pending.nitems > 0) {
		struct page joined;

		memset(&joined, 0, sizeof(joined));
		lay_move(&joined, &L->pending, 0, L, 0);
		lay_move(&joined, &L->strip, L->pending_h, L, 0);
		joined_h = L->pending_h;
		free(L->strip.items);
		L->strip = joined;
		h += L->pending_h;
		L->pending_h = 0;
	}
	if (h > body + EPS) {
		lay_strip_clear(&L->strip);
		if (L->anchors != NULL)
			L->anchors->n = L->anchor_from;
		return -1;
	}
	if (L->ncols == 2)
		lay_place_col(L, h, gap);
	else if (L->page == NULL || lay_breaks(L, h, gap))
		lay_new_page(L);
	else if (L->y > L->top + EPS)
		L->y += gap;
	L->placed = L->y;
	anchor_first = L->anchor_from;
	lay_anchors_place(L, joined_h);
	if (L->ncols == 2 && L->col == 0) {
		if (L->y <= L->col_top + EPS)
			L->ncs = 0;	/* a new page's column */
		xgrow((void **)&L->cs, &L->cscap, L->ncs, sizeof(*L->cs));
		L->cs[L->ncs].first = L->page->nitems;
		L->cs[L->ncs].anchor = anchor_first;
		L->cs[L->ncs].y = L->y;
		L->cs[L->ncs++].h = h;
	}
	lay_move(L->page, &L->strip, L->y, L, 1);
	L->y += h;
	L->sy = 0;
	for (; L->bpage != NULL && L->unplaced <= L->bi; L->unplaced++) {
		L->bpage[L->unplaced] = L->doc->npages - 1;
		L->bcol[L->unplaced] = L->ncols == 2 ? L->col + 1 : 0;
	}
	return 0;
}

#define COL_GUTTER	18.0	/* pt between two columns */

/*
 * Columns that end with column 0 of their last page not full: the strips
 * placed there are shared between both columns, the first ones left, so
 * that the taller column is as short as it can be (column 0 the taller
 * when both cannot be even).
 */
static void
lay_balance(struct lay *L)
{
	const struct colstrip *cs = L->cs;
	double end = L->y, best = end - L->col_top, h0, h1, dy;
	size_t n = L->ncs, k, split = n, i;
	struct item *it;

	for (k = 1; k < n; k++) {
		h0 = cs[k - 1].y + cs[k - 1].h - L->col_top;
		h1 = end - cs[k].y;
		if ((h0 > h1 ? h0 : h1) <= best + EPS) {
			best = h0 > h1 ? h0 : h1;
			split = k;
		}
	}
	if (split == n)
		return;
	dy = L->col_top - cs[split].y;
	/* the answer spaces moved go up with them, for the answer strips */
	for (i = cs[split].anchor; L->anchors != NULL && i < L->anchors->n;
	    i++)
		L->anchors->v[i].y += dy;
	for (i = cs[split].first; i < L->page->nitems; i++) {
		it = &L->page->items[i];
		it->x += L->rtl ? -L->col_dx : L->col_dx;	/* mirrored */
		it->y += dy;
		if (it->kind == ITEM_LINE) {
			it->x2 += L->rtl ? -L->col_dx : L->col_dx;
			it->y2 += dy;
		}
	}
	h0 = cs[split - 1].y + cs[split - 1].h;
	L->y = h0 > end + dy ? h0 : end + dy;
}

void
lay_columns_block(struct lay *L, const struct block *b)
{
	double w;

	if (b->columns == 2 && L->ncols != 2) {
		if (L->pending.nitems > 0)	/* a heading over both */
			lay_place(L, 0, 0);
		if (L->page == NULL)
			lay_new_page(L);
		if (L->y > L->top + EPS)
			L->y += L->t->gap_problem;
		w = (lay_width(L) - COL_GUTTER) / 2;
		L->full_right = L->right;
		L->right = L->left + w;
		L->col_dx = w + COL_GUTTER;
		L->ncols = 2;
		L->col = 0;
		L->col_top = L->y;
		L->col0_end = L->y;
	} else if (b->columns == 1 && L->ncols == 2) {
		if (L->col == 0)
			lay_balance(L);
		else if (L->col0_end > L->y)
			L->y = L->col0_end;
		L->ncs = 0;
		L->right = L->full_right;
		L->ncols = 0;
		L->col = 0;
	}
}

/* ---- measuring and setting text --------------------------------------- */

static void
lay_words_free(struct words *ws)
{
	size_t i, j;

	for (i = 0; i < ws->n; i++) {
		for (j = 0; j < ws->v[i].n; j++) {
			free(ws->v[i].p[j].s);
			free(ws->v[i].p[j].g);
			if (ws->v[i].p[j].math != NULL)
				mbox_free(ws->v[i].p[j].math);
			free(ws->v[i].p[j].math);
		}
		free(ws->v[i].p);
	}
	free(ws->v);
	memset(ws, 0, sizeof(*ws));
}

static struct word *
lay_word_new(struct words *ws)
{
	xgrow((void **)&ws->v, &ws->cap, ws->n, sizeof(*ws->v));
	memset(&ws->v[ws->n], 0, sizeof(ws->v[0]));
	return &ws->v[ws->n++];
}

static struct piece *
lay_piece_new(struct word *w)
{
	w->p = xrealloc(w->p, (w->n + 1) * sizeof(*w->p));
	memset(&w->p[w->n], 0, sizeof(w->p[0]));
	return &w->p[w->n++];
}

/* Where the first s of the text being laid out is: its own line and
 * column when the text shows it as written (text_mark_at), else the
 * text's start; NULL after a mistake of the text was said. */
static const struct mark *
lay_mark_of(struct lay *L, const char *s, struct mark *at)
{
	const char *p;

	if (L->mark == NULL)
		return NULL;
	*at = *L->mark;
	if (L->text != NULL && L->text->s != NULL &&
	    (p = strstr(L->text->s, s)) != NULL)
		text_mark_at(L->text, (size_t)(p - L->text->s), at);
	return at;
}

/* 1 when the text being set has had a character or math it cannot set
 * said (in an earlier layout of it: measured, then drawn; the worksheet,
 * then the key); else notes that it has now. */
static int
lay_font_said(struct lay *L)
{
	if (L->font_said == NULL)
		return 0;
	if (*L->font_said)
		return 1;
	*L->font_said = 1;
	return 0;
}

/* Report a character that cannot be printed, once per text: one no
 * font has, or one of a script mimeo cannot lay out yet (script.h), or
 * (in_math) of a script shaped in text but not in math, which is set a
 * glyph per character. */
static void
lay_no_glyph(struct lay *L, long cp, int in_math)
{
	char c[8];
	size_t len = utf8_encode(cp, c);
	struct mark at;
	const struct mark *m;
	const char *name = NULL;

	c[len] = '\0';
	m = lay_mark_of(L, c, &at);
	if ((L->failed && L->mark == NULL) || lay_font_said(L))
		;	/* said once per text */
	else if (cp > 0xffff)
		sc_error(m, "\"%.*s\" (U+%04lX) is an emoji or another "
		    "character beyond U+FFFF, which mimeo cannot print; remove "
		    "it or write a word instead", (int)len, c, cp);
	else switch (script_refused(cp, &name)) {
	case SCRIPT_RTL:
	case SCRIPT_SHAPED:
		if (in_math && script_shapes(cp))
			sc_error(m, "\"%.*s\" (U+%04lX) is %s, which prints "
			    "in text but not in math (set a glyph per "
			    "character, left to right: its letters would not "
			    "join): write the words outside the backticks",
			    (int)len, c, cp, name);
		else if (in_math && script_rtl(cp))
			sc_error(m, "\"%.*s\" (U+%04lX) is %s, which prints "
			    "in text but not in math (set a glyph per "
			    "character, left to right): write the number "
			    "outside the backticks, or in digits 0-9",
			    (int)len, c, cp, name);
		else
			sc_error(m, "\"%.*s\" (U+%04lX) is %s, which mimeo "
			    "cannot lay out yet (its letters are shaped, "
			    "or its lines break inside words written without "
			    "spaces): it would print wrong; write it in a "
			    "picture instead (see Pictures in the README)",
			    (int)len, c, cp, name);
		break;
	case SCRIPT_BIDI_CONTROL:
		sc_error(m, "U+%04lX %s is an invisible control that turns "
		    "the direction of text, which mimeo does not follow: "
		    "remove it", cp, name);
		break;
	case SCRIPT_OK:
		sc_error(m, "character U+%04lX \"%.*s\" cannot be "
		    "printed: no installed font has it; remove it, or install "
		    "a font that has it", cp, (int)len, c);
		break;
	}
	L->failed = 1;
	L->mark = NULL;		/* once per text */
}

/* A piece of word w: the n bytes at s shaped in face.  Returns it, its
 * width set. */
static struct piece *
lay_shaped_piece(struct lay *L, struct word *w, const char *s, size_t n,
    int face, const struct tstyle *ts)
{
	struct piece *pc = lay_piece_new(w);
	size_t i;

	pc->face = face;
	pc->s = xstrndup(s, n);
	pc->ng = fonts_shape(L->fs, face, s, n, &pc->g);
	for (i = 0; i < pc->ng; i++)
		pc->w += pc->g[i].advance * ts->size / FONT_UNITS;
	return pc;
}

/* The most bytes of shaped piece pc (a cluster's start) whose glyphs fit
 * in room; the first cluster when none does and whole is set; 0 if none
 * does. */
static size_t
lay_shaped_fit(const struct piece *pc, double room, double size, int whole)
{
	size_t i, fit = 0, first = 0, n = strlen(pc->s);
	double x = 0;

	if (pc->ng > 0 && script_rtl(utf8_decode(pc->s, n, &i))) {
		/* right to left: a word is never cut (its clusters come
		 * last first) */
		for (i = 0; i < pc->ng; i++)
			x += pc->g[i].advance * size / FONT_UNITS;
		return x <= room + EPS ? n : 0;
	}
	for (i = 0; i < pc->ng; i++) {
		if (pc->g[i].cluster > 0 && first == 0)
			first = pc->g[i].cluster;
		if (pc->g[i].cluster > fit && x <= room + EPS)
			fit = pc->g[i].cluster;	/* all before it fit */
		x += pc->g[i].advance * size / FONT_UNITS;
	}
	if (x <= room + EPS)
		fit = n;
	return fit == 0 && whole ? (first > 0 ? first : n) : fit;
}

/* A word written right to left wider than its line: it cannot be cut
 * (a cut would have to fall between its joined letters and be read from
 * the right) nor run into the margin; said once per text. */
static void
lay_rtl_too_wide(struct lay *L, const char *s, size_t n, double w,
    double maxw)
{
	struct mark at;
	char *word = xstrndup(s, n);

	if (!(L->failed && L->mark == NULL) && !lay_font_said(L))
		sc_error(lay_mark_of(L, word, &at), "the word \"%s\" is "
		    "%.1f cm wide, but its line has only %.1f cm; a word "
		    "written right to left is not cut across lines: put "
		    "spaces in it, or give it more room", word, PT_CM(w),
		    PT_CM(maxw));
	free(word);
	L->failed = 1;
	L->mark = NULL;		/* once per text */
}

/* The first letter of the n bytes at s that face (of style fst's chain)
 * lacks, or -1 if it has them all. */
static long
lay_face_lacks(struct lay *L, int fst, int face, const char *s, size_t n)
{
	size_t i, len;
	long cp;

	for (i = 0; i < n; i += len) {
		cp = utf8_decode(s + i, n - i, &len);
		if (fonts_pick(L->fs, fst, cp) != face &&
		    !fonts_has(L->fs, face, cp))
			return cp;
	}
	return -1;
}

/*
 * Append the n bytes at s, letters of a script that must be shaped
 * (script_shapes()), to word w shaped by HarfBuzz in the face of their
 * first letter.  A word that would grow wider than maxw is cut between
 * clusters (letters with their signs: never inside one), a new word
 * starting with no space between, as lay_run() cuts.  A word is shaped in
 * one font: its first letter's, or else the first found for a later
 * letter that has them all; a letter none of them has is reported as one
 * no font has.
 */
static struct word *
lay_shaped(struct lay *L, struct words *ws, struct word *w, const char *s,
    size_t n, const struct tstyle *ts, int fst, double maxw)
{
	struct piece *pc;
	size_t i, len, fit;
	long lacks;
	int face = fonts_pick(L->fs, fst, utf8_decode(s, n, &len)), other;

	if (face < 0) {
		lay_no_glyph(L, utf8_decode(s, n, &len), 0);
		return w;
	}
	/* a face without one of its letters (Urdu's ہ in an Arabic font):
	 * the face found for a later letter, if it has them all */
	lacks = lay_face_lacks(L, fst, face, s, n);
	for (i = 0; i < n && lacks >= 0; i += len) {
		other = fonts_pick(L->fs, fst, utf8_decode(s + i, n - i, &len));
		if (other >= 0 && other != face &&
		    lay_face_lacks(L, fst, other, s, n) < 0) {
			face = other;
			lacks = -1;
		}
	}
	if (lacks >= 0) {
		lay_no_glyph(L, lacks, 0);
		return w;
	}
	while (n > 0) {
		pc = lay_shaped_piece(L, w, s, n, face, ts);
		fit = lay_shaped_fit(pc, maxw - w->w, ts->size, w->n == 1);
		if (fit == 0 && w->n == 1)
			lay_rtl_too_wide(L, s, n, pc->w, maxw);
		if (fit == n || (fit == 0 && w->n == 1)) {
			w->w += pc->w;
			break;
		}
		/* too wide: keep what fits here, the rest starts a word */
		free(pc->s);
		free(pc->g);
		w->n--;
		if (fit > 0) {
			w->w += lay_shaped_piece(L, w, s, fit, face, ts)->w;
			s += fit;
			n -= fit;
		}
		w->cut = 1;	/* glued to the next: no space */
		w = lay_word_new(ws);
	}
	return w;
}

/*
 * Where a line may break inside run s (UAX #14, script_breaks()), read with
 * the last character of word w before it: brk[i] is 1 when a line may start
 * at s[i].  NULL when it may break nowhere in s: a run with no character
 * from U+0800 on (Latin, Greek, Cyrillic ...) breaks only at spaces, and
 * needs no look.
 */
static char *
lay_run_breaks(const struct word *w, const char *s)
{
	const char *prev = "", *p;
	size_t n = strlen(s), ctx = 0;
	char *buf, *brk;

	for (p = s; *p != '\0' && (unsigned char)*p < 0xe0; p++)
		;
	if (*p == '\0')
		return NULL;
	if (w->n > 0 && w->p[w->n - 1].s != NULL) {
		prev = w->p[w->n - 1].s;
		ctx = strlen(prev);
		while (ctx > 0 && (prev[ctx - 1] & 0xc0) == 0x80)
			ctx--;		/* back to its last character */
		if (ctx > 0)
			ctx--;
		prev += ctx;
		ctx = strlen(prev);
	}
	buf = xasprintf("%s%s", prev, s);
	brk = xmalloc(ctx + n + 1);
	script_breaks(buf, ctx + n, ctx, brk);
	memmove(brk, brk + ctx, n);
	free(buf);
	return brk;
}

/*
 * Append a run's characters to word w, a piece per change of face.  Where
 * the run's script breaks lines between letters (Chinese, Japanese) or
 * words (Thai), a new word starts with no space between; so does one
 * where a word would grow wider than maxw (it is cut), so no word is wider
 * than a line.  Characters no font has are reported once per text.
 */
static struct word *
lay_run(struct lay *L, struct words *ws, struct word *w, const char *s,
    const struct tstyle *ts, int style, double maxw)
{
	size_t len, k, n = strlen(s);
	long cp;
	int face, fst = ((style & ST_BOLD) ? 1 : 0) +
	    ((style & ST_ITALIC) ? 2 : 0);
	double cw;
	struct piece *pc;
	const char *refusal, *start = s;
	char *brk = lay_run_breaks(w, s);

	while (n > 0) {
		cp = utf8_decode(s, n, &len);
		if (brk != NULL && brk[s - start] && w->n > 0) {
			w->cut = 1;	/* glued to the next: no space */
			w = lay_word_new(ws);
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			s += len;
			n -= len;
			continue;
		}
		if (script_shapes(cp)) {
			len = script_shaped_len(s, n);
			/* a word of Thai ends where a line may break */
			for (k = 1; brk != NULL && k < len; k++)
				if (brk[s - start + k]) {
					len = k;
					break;
				}
			w = lay_shaped(L, ws, w, s, len, ts, fst, maxw);
			s += len;
			n -= len;
			continue;
		}
		face = script_refused(cp, &refusal) != SCRIPT_OK &&
		    !script_rtl(cp) ? -1 : fonts_pick(L->fs, fst, cp);
		if (face < 0) {
			lay_no_glyph(L, cp, 0);
			s += len;
			n -= len;
			continue;
		}
		cw = fonts_advance(L->fs, face, cp) * ts->size / FONT_UNITS;
		if (w->n > 0 && w->w + cw > maxw) {
			w->cut = 1;	/* glued to the next: no space */
			w = lay_word_new(ws);
		}
		pc = w->n > 0 ? &w->p[w->n - 1] : NULL;
		/* not onto a shaped piece: its glyphs are drawn, not its
		 * characters (Arabic's ، after a word, in its font) */
		if (pc == NULL || pc->face != face || pc->g != NULL) {
			pc = lay_piece_new(w);
			pc->face = face;
			pc->s = xstrdup("");
		}
		pc->s = xrealloc(pc->s, strlen(pc->s) + len + 1);
		strncat(pc->s, s, len);
		pc->w += cw;
		w->w += cw;
		s += len;
		n -= len;
	}
	free(brk);
	return w;
}

/* Replaces piece j of word w (text in one face) by pieces of at most the
 * same bytes, set as HarfBuzz shapes them: runs of characters drawn as
 * text (each ending where a glyph is kerned) and runs of glyphs that are
 * not their characters' own (a ligature "fi", a mark placed by the font),
 * drawn as glyphs.  Returns the number of pieces now in its place. */
static size_t
lay_shape_piece(struct lay *L, struct word *w, size_t j, double size)
{
	struct piece *pc = &w->p[j], *out = NULL;
	struct fglyph *g;
	char *s = pc->s;
	size_t i = 0, a, nout = 0, n = strlen(s), start, end, len;
	size_t ng = fonts_shape(L->fs, pc->face, s, n, &g);
	double k = size / FONT_UNITS;

	for (a = 0; a < ng && g[a].nominal && g[a].kern == 0; a++)
		;
	if (a == ng) {		/* as a text item draws it already */
		free(g);
		return 1;
	}
	while (i < ng) {
		out = xrealloc(out, (nout + 1) * sizeof(*out));
		memset(&out[nout], 0, sizeof(*out));
		out[nout].face = pc->face;
		start = g[i].cluster;
		if (g[i].nominal) {
			do {
				out[nout].w += fonts_advance(L->fs, pc->face,
				    utf8_decode(s + g[i].cluster, n -
				    g[i].cluster, &len)) * k + g[i].kern * k;
				out[nout].kerned = g[i].kern != 0;
			} while (++i < ng && g[i].nominal &&
			    !out[nout].kerned);
		} else {
			for (a = i; i < ng && !g[i].nominal; i++)
				out[nout].w += g[i].advance * k;
			out[nout].ng = i - a;
			out[nout].inline_glyphs = 1;
			out[nout].g = xmalloc((i - a) * sizeof(*g));
			memcpy(out[nout].g, g + a, (i - a) * sizeof(*g));
			for (a = 0; a < out[nout].ng; a++)
				out[nout].g[a].cluster -= start;
		}
		end = i < ng ? g[i].cluster : n;
		out[nout++].s = xstrndup(s + start, end - start);
	}
	free(g);
	for (i = 0; i < nout; i++)
		w->w += out[i].w;
	w->w -= pc->w;
	free(pc->s);
	w->p = xrealloc(w->p, (w->n + nout - 1) * sizeof(*w->p));
	memmove(w->p + j + nout, w->p + j + 1,
	    (w->n - j - 1) * sizeof(*w->p));
	memcpy(w->p + j, out, nout * sizeof(*out));
	w->n += nout - 1;
	free(out);
	return nout;
}

/* Nonzero when UTF-8 text s holds a character of a script written right
 * to left (Arabic-Indic digits, in a piece set a glyph per character so
 * that FriBidi orders them: lay_emit_bidi). */
static int
lay_has_rtl(const char *s)
{
	size_t k, len;

	for (k = 0; s[k] != '\0'; k += len)
		if ((unsigned char)s[k] >= 0xd6 && script_rtl(utf8_decode(s + k,
		    strlen(s + k), &len)))
			return 1;
		else
			len = 1;
	return 0;
}

/*
 * Shape the text of words ws as HarfBuzz sets it in its fonts: kerning
 * and ligatures (Latin, Greek, Cyrillic ...).  Pieces shaped already (the
 * Indic scripts) and math are left as they are; so is a text written as a
 * YAML literal block (|), set as typed, letter by letter (a spelling list,
 * a word cut into its sounds, letters to trace).  Words are cut to their
 * room (lay_run()) before: kerning narrows them, a ligature hardly widens
 * them.
 */
static void
lay_shape_words(struct lay *L, struct words *ws, const struct rich *r,
    double size)
{
	struct piece *pc;
	size_t i, j;

	if (r->text != NULL && r->text->style == NS_LITERAL)
		return;
	for (i = 0; i < ws->n; i++)
		for (j = 0; j < ws->v[i].n; j++) {
			pc = &ws->v[i].p[j];
			if (pc->face >= 0 && pc->g == NULL && pc->math == NULL &&
			    pc->s != NULL && pc->s[0] != '\0' &&
			    pc->s[1] != '\0' && !lay_has_rtl(pc->s))
				j += lay_shape_piece(L, &ws->v[i], j, size) - 1;
		}
}

/* Width of a space in face at size. */
double
lay_space(struct lay *L, int face, double size)
{
	return fonts_advance(L->fs, face, ' ') * size / FONT_UNITS;
}

/* A math span: one piece, as wide as its box, never cut. */
static void
lay_math_piece(struct lay *L, struct word *w, const struct atom *a,
    const struct tstyle *ts)
{
	struct piece *pc = lay_piece_new(w);

	pc->face = -1;
	pc->math = xcalloc(1, sizeof(*pc->math));
	math_layout(L->fs, a->math, ts->size,
	    ((a->style | ts->style) & ST_BOLD) != 0, pc->math);
	if (pc->math->missing != 0)
		lay_no_glyph(L, pc->math->missing, 1);
	pc->w = pc->math->w;
	pc->h = pc->math->h;
	pc->d = pc->math->d;
	w->w += pc->w;
}

/* Math is never broken: a span wider than its room (a line, a column of
 * choices) would run off the page, so it is an error, said once per
 * text. */
static void
lay_math_too_wide(struct lay *L, const struct atom *a, double w, double maxw)
{
	size_t n = strlen(a->s);
	struct mark at;

	if ((L->failed && L->mark == NULL) || lay_font_said(L)) {
		L->failed = 1;
		return;
	}
	sc_error(lay_mark_of(L, a->s, &at), "the math `%.*s%s` is %.1f cm "
	    "wide, but has only %.1f cm here (a line%s, or a column of "
	    "choices); break it into shorter pieces of math with words "
	    "between, or give the choices fewer columns",
	    (int)(n > 40 ? 37 : n), a->s, n > 40 ? "..." : "",
	    PT_CM(w), PT_CM(maxw), L->ncols == 2 ? " of a column "
	    "of two" : "");
	L->failed = 1;
	L->mark = NULL;		/* once per text */
}

/* Height and depth of the math in words [from, to), and how far the ink
 * of their text reaches above and below the baseline (the pieces' rise
 * and sink); 0 where there is none. */
static void
lay_words_extent(const struct words *ws, size_t from, size_t to,
    double ext[4])
{
	const struct piece *pc;
	size_t i, j;

	ext[0] = ext[1] = ext[2] = ext[3] = 0;
	for (i = from; i < to; i++)
		for (j = 0; j < ws->v[i].n; j++) {
			pc = &ws->v[i].p[j];
			ext[0] = pc->h > ext[0] ? pc->h : ext[0];
			ext[1] = pc->d > ext[1] ? pc->d : ext[1];
			ext[2] = pc->rise > ext[2] ? pc->rise : ext[2];
			ext[3] = pc->sink > ext[3] ? pc->sink : ext[3];
		}
}

/* Grows pc's rise and sink to hold a glyph raised dy whose ink reaches
 * from reach[1] up to reach[0] (fonts_glyph_ink), at k points a unit. */
static void
lay_ink_add(struct piece *pc, const double reach[2], double dy, double k)
{
	if (reach[0] == 0 && reach[1] == 0)
		return;		/* draws nothing */
	if ((reach[0] + dy) * k > pc->rise)
		pc->rise = (reach[0] + dy) * k;
	if (-(reach[1] + dy) * k > pc->sink)
		pc->sink = -(reach[1] + dy) * k;
}

/* Sets text piece pc's rise and sink at size: the ink of the glyphs
 * HarfBuzz set, moved as it moved them, or of the font's glyph of each
 * character. */
static void
lay_piece_ink(struct lay *L, struct piece *pc, double size)
{
	double reach[2], k = size / FONT_UNITS;
	size_t i, len, n;

	pc->rise = pc->sink = 0;
	if (pc->g != NULL) {
		for (i = 0; i < pc->ng; i++) {
			fonts_glyph_ink(L->fs, pc->face, pc->g[i].id, reach);
			lay_ink_add(pc, reach, pc->g[i].dy, k);
		}
		return;
	}
	for (i = 0, n = strlen(pc->s); i < n; i += len) {
		fonts_char_ink(L->fs, pc->face, utf8_decode(pc->s + i, n - i,
		    &len), reach);
		lay_ink_add(pc, reach, 0, k);
	}
}

static void lay_words(struct lay *L, const struct rich *r,
    const struct tstyle *ts, double maxw, struct words *ws);

/* The style a blank's answer is set in, in a key. */
static struct tstyle
lay_fill_style(const struct tstyle *ts)
{
	struct tstyle fs = *ts;

	fs.style |= ST_BOLD;
	fs.color = key_ink;
	fs.blank_w = NULL;
	fs.blank_fill = NULL;
	return fs;
}

/* Measure rich text r into words, none wider than maxw. */
static void
lay_words(struct lay *L, const struct rich *r, const struct tstyle *ts,
    double maxw, struct words *ws)
{
	struct word *w = NULL;
	struct piece *pc;
	size_t i, j;
	int regular = fonts_pick(L->fs, FS_REGULAR, ' ');

	L->mark = &r->mark;
	L->text = r->text;
	L->font_said = r->font_said;
	for (i = 0; i < r->n; i++) {
		const struct atom *a = &r->v[i];

		switch (a->kind) {
		case A_SPACE:
		case A_PARA:
		case A_BREAK:
			if (w != NULL) {
				w->end = a->kind == A_PARA ? END_PARA :
				    a->kind == A_BREAK ? END_LINE : END_NONE;
				w = NULL;
			}
			break;
		case A_BLANK:
			if (w == NULL)
				w = lay_word_new(ws);
			pc = lay_piece_new(w);
			pc->face = -1;
			pc->blank = a->blank;
			pc->w = ts->blank_w != NULL &&
			    (size_t)a->blank < ts->nblanks ?
			    ts->blank_w[a->blank] : BLANK_W_DEFAULT;
			w->w += pc->w;
			if (ts->blank_fill != NULL &&
			    (size_t)a->blank < ts->nblanks) {
				/* the line grows for math in the answer */
				struct tstyle fs = lay_fill_style(ts);
				struct words fw;
				double ext[4];

				memset(&fw, 0, sizeof(fw));
				lay_words(L, ts->blank_fill[a->blank], &fs, 1e9,
				    &fw);
				lay_words_extent(&fw, 0, fw.n, ext);
				pc->h = ext[0];
				pc->d = ext[1];
				pc->rise = ext[2];
				pc->sink = ext[3];
				lay_words_free(&fw);
				L->mark = &r->mark;
				L->text = r->text;
				L->font_said = r->font_said;
			}
			break;
		case A_RUN:
			if (w == NULL)
				w = lay_word_new(ws);
			if (a->math != NULL) {
				lay_math_piece(L, w, a, ts);
				if (w->p[w->n - 1].w > maxw + EPS &&
				    !L->in_cell)
					lay_math_too_wide(L, a,
					    w->p[w->n - 1].w, maxw);
				break;
			}
			w = lay_run(L, ws, w, a->s, ts, a->style | ts->style,
			    maxw);
			break;
		}
	}
	lay_shape_words(L, ws, r, ts->size);
	for (i = 0; i < ws->n; i++) {
		w = &ws->v[i];
		if (!w->cut && i + 1 < ws->n) {
			/* space after a word: in its last face (merging) */
			int f = w->n > 0 && w->p[w->n - 1].face >= 0 ?
			    w->p[w->n - 1].face : regular;

			w->space = lay_space(L, f, ts->size);
		}
		for (j = 0; j < w->n; j++)
			if (w->p[j].face >= 0 && w->p[j].s != NULL)
				lay_piece_ink(L, &w->p[j], ts->size);
	}
	L->mark = NULL;
	L->text = NULL;
	L->font_said = NULL;
}

/* Natural width of words set without wrapping: the widest of the lines
 * that forced line breaks make (paragraphs run on, as one line). */
static double
lay_words_width(const struct words *ws)
{
	double w = 0, widest = 0;
	size_t i;

	for (i = 0; i < ws->n; i++) {
		w += ws->v[i].w;
		if (ws->v[i].end == END_LINE || i + 1 == ws->n) {
			if (w > widest)
				widest = w;
			w = 0;
		} else
			w += ws->v[i].space;
	}
	return widest;
}

struct emit {
	struct lay	*L;
	int		 face;		/* of the open text item, -1 none */
	double		 x0, x;		/* its start and current end */
	double		 y;
	struct color	 c;
	double		 size;
	char		*buf;
	size_t		 len, cap;
	int		 sealed;	/* the open item takes no more but a
					 * space: its last glyph is kerned, or
					 * it is that space */
};

static void
emit_flush(struct emit *e)
{
	if (e->face >= 0 && e->len > 0)
		lay_text_item(e->L, e->x0, e->y, e->face, e->size, e->c,
		    e->buf, e->len);
	e->face = -1;
	e->len = 0;
	e->sealed = 0;
}

static void
emit_addn(struct emit *e, const char *s, size_t n)
{
	if (e->len + n + 1 > e->cap) {
		e->cap = (e->len + n + 1) * 2;
		e->buf = xrealloc(e->buf, e->cap);
	}
	memcpy(e->buf + e->len, s, n);
	e->len += n;
}

static void
emit_add(struct emit *e, const char *s)
{
	emit_addn(e, s, strlen(s));
}

/*
 * The space after word w, before word next on its line, as a character
 * where the item that ends w would not go on with next's first letters
 * (after glyphs, or a kerned letter; before glyphs): text extraction reads
 * a gap between items as a space only when it is wide.  After glyphs it
 * is an item of its own at x.
 */
static void
emit_space(struct emit *e, const struct word *w, const struct word *next,
    double x)
{
	const struct piece *last = w->n > 0 ? &w->p[w->n - 1] : NULL;
	const struct piece *first = next->n > 0 ? &next->p[0] : NULL;

	if (last == NULL || first == NULL || last->face < 0 ||
	    last->math != NULL || !(e->sealed || last->g != NULL ||
	    (first->g != NULL && first->face == last->face)))
		return;
	if (e->face < 0) {
		e->face = last->face;
		e->x0 = x;
	}
	emit_add(e, " ");
	e->sealed = 1;
}

/* A span mark of math m set at size with its baseline from x to x + m->w;
 * in the face of its first characters.  Returns it. */
static struct item *
lay_math_mark(struct lay *L, enum item_kind kind, const struct mbox *m,
    double x, double base, double size)
{
	struct item *it = page_push(&L->strip, kind);
	size_t i;

	it->x = kind == ITEM_SPAN ? x : x + m->w;
	it->y = base;
	it->size = size;
	for (i = 0; i < m->items.nitems; i++)
		if (m->items.items[i].kind == ITEM_TEXT) {
			it->font = m->items.items[i].font;
			break;
		}
	return it;
}

/* Copy a math box's items (size: the span's) to the strip, its baseline's
 * left end at (x, base), inside a span that reads as its linear text. */
static void
lay_put_math(struct lay *L, const struct mbox *m, double x, double base,
    const struct tstyle *ts)
{
	size_t i = L->strip.nitems;

	if (m->text != NULL)
		lay_math_mark(L, ITEM_SPAN, m, x, base, ts->size)->text =
		    xstrdup(m->text);
	page_copy(&L->strip, &m->items, x, base);
	for (; i < L->strip.nitems; i++)
		L->strip.items[i].color = ts->color;
	if (m->text != NULL)
		lay_math_mark(L, ITEM_SPAN_END, m, x, base, ts->size);
}

/*
 * The characters glyph i of a piece shaped right to left stands for (its
 * clusters descend): *len bytes at *at.  A cluster's glyphs, drawn from
 * its end, stand for its characters in turn from the last glyph; the
 * first drawn takes all those left.  So every character is some glyph's,
 * and a reader that takes glyphs as drawn gets every letter.
 */
static void
lay_glyph_rtl(const struct piece *pc, size_t i, size_t *at, size_t *len)
{
	size_t first = i, last = i, end, pos, l = 0, c = pc->g[i].cluster;

	while (first > 0 && pc->g[first - 1].cluster == c)
		first--;
	while (last + 1 < pc->ng && pc->g[last + 1].cluster == c)
		last++;
	end = first > 0 ? pc->g[first - 1].cluster : strlen(pc->s);
	if (end < c)			/* not in order: the rest */
		end = strlen(pc->s);
	for (pos = c; last > i && pos < end; last--) {
		(void)utf8_decode(pc->s + pos, end - pos, &l);
		pos += l;
	}
	*at = pos;
	*len = i == first ? end - pos : (pos < end ?
	    (utf8_decode(pc->s + pos, end - pos, &l), l) : 0);
}

/* Draw shaped piece pc with its baseline's left end at (x, base): a text
 * item per glyph, where HarfBuzz put it, each holding the characters it
 * stands for; unless pc->inline_glyphs, inside a span that reads as the
 * piece's characters (a vowel sign drawn before its consonant reads after
 * it). */
static void
lay_put_glyphs(struct lay *L, const struct piece *pc, double x, double base,
    const struct tstyle *ts)
{
	struct item *it;
	size_t i, j, at, end, len, n = strlen(pc->s);
	double k = ts->size / FONT_UNITS;
	/* right to left: drawn from the last character */
	int rtl = pc->ng > 1 && pc->g[0].cluster > pc->g[pc->ng - 1].cluster;

	if (!pc->inline_glyphs) {
		it = page_push(&L->strip, ITEM_SPAN);
		it->x = x;
		it->y = base;
		it->font = pc->face;
		it->size = ts->size;
		it->text = xstrdup(pc->s);
	}
	for (i = 0, at = 0; i < pc->ng; i++) {
		if (rtl) {
			lay_glyph_rtl(pc, i, &at, &len);
			it = lay_text_item(L, x + pc->g[i].dx * k,
			    base - pc->g[i].dy * k, pc->face, ts->size,
			    ts->color, pc->s + at, len);
			it->glyph = 1;
			it->gid = pc->g[i].id;
			x += pc->g[i].advance * k;
			continue;
		}
		/* a cluster's glyphs stand for its characters in turn, the
		 * last for all those left: read in order, they spell it */
		for (j = i + 1; j < pc->ng && pc->g[j].cluster <=
		    pc->g[i].cluster; j++)
			;
		end = j < pc->ng ? pc->g[j].cluster : n;	/* its end */
		if (at < pc->g[i].cluster || at > end)
			at = pc->g[i].cluster;
		if (i + 1 < pc->ng && pc->g[i + 1].cluster == pc->g[i].cluster) {
			len = 0;	/* more glyphs to come: one character */
			if (at < end)
				(void)utf8_decode(pc->s + at, end - at, &len);
			end = at + len;
		}
		it = lay_text_item(L, x + pc->g[i].dx * k,
		    base - pc->g[i].dy * k, pc->face, ts->size, ts->color,
		    pc->s + at, end - at);
		at = end;
		it->glyph = 1;
		it->gid = pc->g[i].id;
		x += pc->g[i].advance * k;
	}
	if (pc->inline_glyphs)
		return;
	it = page_push(&L->strip, ITEM_SPAN_END);
	it->x = x;
	it->y = base;
	it->font = pc->face;
	it->size = ts->size;
}

static void lay_emit_line(struct lay *L, const struct words *ws, size_t from,
    size_t to, double x, double base, const struct tstyle *ts);

#define BLANK_MIN_SCALE	0.6	/* a key's answer set smaller, at the least */

/* A blank's answer too long for the line the blank can have, even set
 * smaller. */
static void
lay_blank_too_long(struct lay *L, const struct tstyle *ts,
    const struct piece *pc, double w)
{
	const struct rich *r = ts->blank_fill[pc->blank];

	sc_error(&r->mark, "the answer of blank %d is %.1f cm long; a blank "
	    "can be at most a line (%.1f cm) and the key will not print an "
	    "answer smaller than %d%%: shorten it", pc->blank + 1,
	    PT_CM(w), PT_CM(pc->w - BLANK_FILL_ROOM),
	    (int)(BLANK_MIN_SCALE * 100));
	L->failed = 1;
}

/* Draw a blank: a line under where the answer goes; in a key, the
 * answer centred on it. */
static void
lay_blank(struct lay *L, const struct tstyle *ts, const struct piece *pc,
    double x, double base)
{
	lay_line(L, x + BLANK_RULE_INSET, base + BLANK_RULE_DROP,
	    x + pc->w - BLANK_RULE_INSET, base + BLANK_RULE_DROP, L->t->rule,
	    ink, 0);
	if (ts->blank_fill != NULL && (size_t)pc->blank < ts->nblanks) {
		struct words fw;
		struct tstyle fs = lay_fill_style(ts);
		double w;

		memset(&fw, 0, sizeof(fw));
		lay_words(L, ts->blank_fill[pc->blank], &fs, 1e9, &fw);
		/* a blank is at most a line long: a longer answer is set
		 * smaller to stay on it (and on the page), down to 60%; one
		 * longer still is a mistake */
		if ((w = lay_words_width(&fw)) > pc->w - BLANK_FILL_ROOM &&
		    pc->w > BLANK_FILL_ROOM) {
			if ((pc->w - BLANK_FILL_ROOM) / w < BLANK_MIN_SCALE) {
				lay_blank_too_long(L, ts, pc, w);
				lay_words_free(&fw);
				return;
			}
			fs.size *= (pc->w - BLANK_FILL_ROOM) / w;
			lay_words_free(&fw);
			lay_words(L, ts->blank_fill[pc->blank], &fs, 1e9, &fw);
			w = lay_words_width(&fw);
		}
		lay_emit_line(L, &fw, 0, fw.n, x + (pc->w - w) / 2, base, &fs);
		lay_words_free(&fw);
	}
}

/* Nonzero when words [from, to) are ordered by the bidi algorithm: on a
 * right-to-left page, or when they hold a letter written right to left. */
static int
lay_line_bidi(const struct lay *L, const struct words *ws, size_t from,
    size_t to)
{
	size_t i, j;

	if (L->rtl)
		return 1;
	for (i = from; i < to; i++)
		for (j = 0; j < ws->v[i].n; j++)
			if (ws->v[i].p[j].s != NULL &&
			    lay_has_rtl(ws->v[i].p[j].s))
				return 1;
	return 0;
}

/* A piece of a line as FriBidi orders it: a character of a piece set a
 * glyph per character (len bytes at off of its s), a whole piece
 * (shaped, math, a blank: len 0), or the space after a word (pc NULL). */
struct bunit {
	const struct piece *pc;
	size_t		 off, len;
	double		 w;
};

struct bline {
	struct bunit	*u;
	size_t		 nu, ucap;
	FriBidiChar	*c;		/* the line's characters, logical */
	size_t		*owner;		/* the unit of each character */
	size_t		 nc, ccap;
};

static void
bline_char(struct bline *b, FriBidiChar c)
{
	if (b->nc == b->ccap) {
		b->ccap = b->ccap ? 2 * b->ccap : 64;
		b->c = xrealloc(b->c, b->ccap * sizeof(*b->c));
		b->owner = xrealloc(b->owner, b->ccap * sizeof(*b->owner));
	}
	b->c[b->nc] = c;
	b->owner[b->nc++] = b->nu - 1;
}

static void
bline_unit(struct bline *b, const struct piece *pc, size_t off, size_t len,
    double w)
{
	xgrow((void **)&b->u, &b->ucap, b->nu, sizeof(*b->u));
	b->u[b->nu].pc = pc;
	b->u[b->nu].off = off;
	b->u[b->nu].len = len;
	b->u[b->nu++].w = w;
}

/* The units and characters of words [from, to): math reads as a letter
 * written left to right (it stays as written), a blank as an object. */
static void
bline_make(struct lay *L, const struct words *ws, size_t from, size_t to,
    const struct tstyle *ts, struct bline *b)
{
	const struct piece *pc;
	size_t i, j, k, len, n;
	long cp;
	double cw, left;

	for (i = from; i < to; i++) {
		for (j = 0; j < ws->v[i].n; j++) {
			pc = &ws->v[i].p[j];
			if (pc->math != NULL || pc->face < 0) {
				bline_unit(b, pc, 0, 0, pc->w);
				bline_char(b, pc->math != NULL ? 'x' : 0xfffc);
				continue;
			}
			n = strlen(pc->s);
			if (pc->g != NULL)
				bline_unit(b, pc, 0, 0, pc->w);
			for (k = 0, left = pc->w; k < n; k += len) {
				cp = utf8_decode(pc->s + k, n - k, &len);
				/* the last takes what is left: a kerned
				 * piece's last glyph is narrower */
				cw = k + len < n ? fonts_advance(L->fs,
				    pc->face,
				    cp) * ts->size / FONT_UNITS : left;
				if (pc->g == NULL)
					bline_unit(b, pc, k, len, cw);
				left -= cw;
				bline_char(b, (FriBidiChar)cp);
			}
		}
		if (i + 1 < to && !ws->v[i].cut) {
			bline_unit(b, NULL, 0, 0, ws->v[i].space);
			bline_char(b, ' ');
		}
	}
}

/*
 * A bracket set right to left (len bytes at off of pc's text) drawn as
 * its mirror m, w wide, from x: a span that reads as the bracket
 * written, so that a reader putting the line back in reading order gets
 * "أ)", not "أ(".
 */
static void
lay_put_turned(struct lay *L, const struct piece *pc, size_t off,
    size_t len, FriBidiChar m, double x, double w, double base,
    const struct tstyle *ts)
{
	struct item *it = page_push(&L->strip, ITEM_SPAN);
	char c[8];

	it->x = x;
	it->y = base;
	it->font = pc->face;
	it->size = ts->size;
	it->text = xstrndup(pc->s + off, len);
	lay_text_item(L, x, base, pc->face, ts->size, ts->color, c,
	    utf8_encode((long)m, c));
	it = page_push(&L->strip, ITEM_SPAN_END);
	it->x = x + w;
	it->y = base;
	it->font = pc->face;
	it->size = ts->size;
}

/*
 * Set words [from, to) on one line from x in the order of the Unicode
 * bidirectional algorithm (FriBidi), the line's base direction the page's:
 * right-to-left words, each shaped right to left by HarfBuzz, go from the
 * right; numbers and math stay left to right; a bracket set right to left
 * is turned round (its mirror glyph).  The line is broken first, in
 * logical order.  Returns the line's right end.
 */
static double
lay_emit_bidi(struct lay *L, struct emit *e, const struct words *ws,
    size_t from, size_t to, double x, double base, const struct tstyle *ts)
{
	struct bline b;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiStrIndex *map;
	FriBidiParType dir = L->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	const struct bunit *u;
	char *done;
	size_t v, k, n, len;
	FriBidiChar m;
	int turned;

	memset(&b, 0, sizeof(b));
	bline_make(L, ws, from, to, ts, &b);
	n = b.nc;
	types = xcalloc(n + 1, sizeof(*types));
	brackets = xcalloc(n + 1, sizeof(*brackets));
	levels = xcalloc(n + 1, sizeof(*levels));
	map = xcalloc(n + 1, sizeof(*map));
	done = xcalloc(b.nu + 1, 1);
	fribidi_get_bidi_types(b.c, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(b.c, (FriBidiStrIndex)n, types, brackets);
	for (k = 0; k < n; k++)
		map[k] = (FriBidiStrIndex)k;
	if (fribidi_get_par_embedding_levels_ex(types, brackets,
	    (FriBidiStrIndex)n, &dir, levels) == 0 ||
	    fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types,
	    (FriBidiStrIndex)n, 0, dir, levels, NULL, map) == 0)
		for (k = 0; k < n; k++)		/* no memory: as written */
			map[k] = (FriBidiStrIndex)k;
	for (v = 0; v < n; v++) {
		k = (size_t)map[v];
		if (done[b.owner[k]])
			continue;
		done[b.owner[k]] = 1;
		u = &b.u[b.owner[k]];
		/* a bracket set right to left: its mirror, also when it is a
		 * shaped piece of its own (")" after an Arabic letter: the
		 * shaper, told the bracket's script, would set it as is) */
		turned = u->pc != NULL && u->pc->math == NULL &&
		    u->pc->face >= 0 && FRIBIDI_LEVEL_IS_RTL(levels[k]) &&
		    (u->pc->g == NULL || (utf8_decode(u->pc->s,
		    strlen(u->pc->s), &len), len == strlen(u->pc->s))) &&
		    fribidi_get_mirror_char(b.c[k], &m) &&
		    fonts_has(L->fs, u->pc->face, (long)m);
		if (u->pc == NULL) {
			x += u->w;	/* a space: the text item ends */
			continue;
		} else if (u->pc->math != NULL) {
			emit_flush(e);
			lay_put_math(L, u->pc->math, x, base, ts);
		} else if (turned) {
			emit_flush(e);
			lay_put_turned(L, u->pc, u->pc->g != NULL ? 0 : u->off,
			    u->pc->g != NULL ? strlen(u->pc->s) : u->len, m,
			    x, u->w, base, ts);
		} else if (u->pc->g != NULL) {
			emit_flush(e);
			lay_put_glyphs(L, u->pc, x, base, ts);
		} else if (u->pc->face < 0) {
			emit_flush(e);
			lay_blank(L, ts, u->pc, x, base);
			lay_anchor(L, u->pc->blank, base);
		} else {
			if (e->face != u->pc->face || fabs(e->x - x) >= EPS) {
				emit_flush(e);
				e->face = u->pc->face;
				e->x0 = x;
			}
			emit_addn(e, u->pc->s + u->off, u->len);
		}
		x += u->w;
		e->x = x;
	}
	free(types);
	free(brackets);
	free(levels);
	free(map);
	free(done);
	free(b.u);
	free(b.c);
	free(b.owner);
	return x;
}

/* Set words [from, to) on one line starting at x, baseline base; on a
 * right-to-left page, one unit (lay_unit), mirrored whole. */
static void
lay_emit_line(struct lay *L, const struct words *ws, size_t from, size_t to,
    double x, double base, const struct tstyle *ts)
{
	struct emit e;
	size_t i, j, first = L->strip.nitems;
	double x0 = x, end = x;

	memset(&e, 0, sizeof(e));
	e.L = L;
	e.face = -1;
	e.y = base;
	e.c = ts->color;
	e.size = ts->size;
	if (lay_line_bidi(L, ws, from, to)) {
		end = lay_emit_bidi(L, &e, ws, from, to, x, base, ts);
		to = from;
	}
	for (i = from; i < to; i++) {
		const struct word *w = &ws->v[i];

		for (j = 0; j < w->n; j++) {
			const struct piece *pc = &w->p[j];

			if (pc->math != NULL) {
				emit_flush(&e);
				lay_put_math(L, pc->math, x, base, ts);
			} else if (pc->g != NULL) {
				emit_flush(&e);
				lay_put_glyphs(L, pc, x, base, ts);
			} else if (pc->face < 0) {
				emit_flush(&e);
				lay_blank(L, ts, pc, x, base);
				lay_anchor(L, pc->blank, base);
			} else if (e.face == pc->face && !e.sealed &&
			    fabs(e.x - x) < EPS)
				emit_add(&e, pc->s);
			else if (e.face == pc->face && j == 0 && !e.sealed &&
			    fabs(e.x + ws->v[i - 1].space - x) < EPS) {
				emit_add(&e, " ");
				emit_add(&e, pc->s);
			} else {
				emit_flush(&e);
				e.face = pc->face;
				e.x0 = x;
				emit_add(&e, pc->s);
			}
			x += pc->w;
			e.x = x;
			if (pc->kerned)		/* the viewer would not kern */
				e.sealed = 1;
		}
		end = x;
		if (i + 1 < to && !w->cut)
			emit_space(&e, w, &ws->v[i + 1], x);
		x += w->space;
	}
	emit_flush(&e);
	free(e.buf);
	lay_unit(L, first, x0, end);
}

/* Line height and baseline offset for text of size. */
double
lay_lh(struct lay *L, double size)
{
	return size * L->t->leading;
}

double
lay_base(struct lay *L, double size)
{
	int f = fonts_pick(L->fs, FS_REGULAR, 'x');
	double a = fonts_ascent(L->fs, f), d = fonts_descent(L->fs, f);

	return (lay_lh(L, size) - (a + d) * size / FONT_UNITS) / 2 +
	    a * size / FONT_UNITS;
}

/*
 * The room above and below the baseline of a line of text of size whose
 * glyphs' ink reaches rise above it and sink below: the template's line
 * (lay_lh, lay_base).  Letters may reach INK_SLACK of the size into the
 * space between lines, as the body font's accented capitals, Arabic's
 * vowel marks over a letter that falls and Devanagari's do: their lines
 * do not move.  Letters taller still (Urdu's Nastaliq, climbing and
 * falling 2.5 em) get room for their ink and INK_PAD of the size more
 * each side, so that no letter touches the next line's.
 */
void
lay_line_room(struct lay *L, double size, double rise, double sink,
    double *above, double *below)
{
	double base = lay_base(L, size), pad = INK_PAD * size;

	*above = base;
	*below = lay_lh(L, size) - base;
	if (rise + sink <= *above + *below + INK_SLACK * size + EPS)
		return;
	if (rise + pad > *above)
		*above = rise + pad;
	if (sink + pad > *below)
		*below = sink + pad;
}

/* The width of the spaces that start word w (a | text's indent, joined
 * to its first word), at most half of width.  0 for any other word. */
static double
lay_lead(struct lay *L, const struct word *w, const struct tstyle *ts,
    double width)
{
	const struct piece *p = w->n > 0 ? &w->p[0] : NULL;
	double lead;
	size_t n = 0;

	if (p == NULL || p->face < 0 || p->s == NULL)
		return 0;
	while (p->s[n] == ' ')
		n++;
	lead = n * fonts_advance(L->fs, p->face, ' ') * ts->size / FONT_UNITS;
	return lead < width / 2 ? lead : width / 2;
}

/*
 * Set rich text r in the strip from its cursor, x to x + width, wrapping at
 * spaces.  With flow set (running text outside a problem) every line is
 * placed on the page as soon as it is set, so text may cross pages.
 * Returns the height used (0 for flow, whose lines are already placed).
 */
double
lay_rich(struct lay *L, const struct rich *r, const struct tstyle *ts,
    double x, double width, enum align al, int flow)
{
	struct words ws;
	size_t i = 0, start;
	double lw, ox, used = 0, above, below, ext[4];
	double base = lay_base(L, ts->size), text_above, text_below;
	double pad = MATH_PAD * ts->size, hang = 0, room;

	memset(&ws, 0, sizeof(ws));
	lay_words(L, r, ts, width, &ws);
	/* every line of a text as tall as its tallest letters need: evenly
	 * spaced */
	lay_words_extent(&ws, 0, ws.n, ext);
	lay_line_room(L, ts->size, ext[2], ext[3], &text_above, &text_below);
	L->drop = L->overhang = 0;
	while (i < ws.n) {
		/* a line of a | text that starts with spaces wraps under its
		 * first word, not back at the margin (a poem's indented line) */
		start = i;
		if (start == 0 || ws.v[start - 1].end != END_NONE)
			hang = al == AL_LEFT ? lay_lead(L, &ws.v[start], ts,
			    width) : 0;
		room = start > 0 && ws.v[start - 1].end == END_NONE ?
		    hang : 0;
		/* greedy: as many words as fit, up to a paragraph's end */
		lw = ws.v[i++].w;
		while (i < ws.n && ws.v[i - 1].end == END_NONE &&
		    lw + ws.v[i - 1].space + ws.v[i].w <= width - room + EPS) {
			lw += ws.v[i - 1].space + ws.v[i].w;
			i++;
		}
		ox = al == AL_CENTER ? (width - lw) / 2 :
		    al == AL_RIGHT ? width - lw : room;
		/* a line grows to hold a stacked fraction */
		above = text_above;
		below = text_below;
		lay_words_extent(&ws, start, i, ext);
		if (ext[0] + pad > above)
			above = ext[0] + pad;
		if (ext[1] + pad > below)
			below = ext[1] + pad;
		if (start == 0)
			L->drop = above - base;
		L->overhang = ext[3] > below ? ext[3] - below : 0;
		lay_emit_line(L, &ws, start, i, x + ox, L->sy + above, ts);
		L->sy += above + below;
		used += above + below;
		if (ws.v[i - 1].end == END_PARA && i < ws.n) {
			L->sy += L->t->gap_paragraph;
			used += L->t->gap_paragraph;
		}
		if (flow) {
			lay_place(L, L->sy, 0);
			used = 0;
		}
	}
	lay_words_free(&ws);
	return used;
}

/* Set a text, parsed once (rtexts_get()); returns -1 if the text is wrong
 * (said when it was parsed). */
int
lay_text(struct lay *L, const struct text *t, int blanks,
    const struct tstyle *ts, double x, double width, enum align al, int flow)
{
	const struct rich *r;

	if ((r = lay_parsed(L, t, blanks))->wrong) {
		L->drop = L->overhang = 0;
		L->failed = 1;
		return -1;
	}
	lay_rich(L, r, ts, x, width, al, flow);
	return 0;
}

void
lay_plain(struct lay *L, const char *s, const struct tstyle *ts, double x,
    double width, enum align al)
{
	struct rich r;

	memset(&r, 0, sizeof(r));
	rich_plain(s, 0, &r);
	r.font_said = L->plain_said;
	lay_rich(L, &r, ts, x, width, al, 0);
	rich_free(&r);
}

/* Natural one-line width of plain words; with reach, how far their ink
 * reaches above (reach[0]) and below (reach[1]) the baseline too. */
double
lay_plain_measure(struct lay *L, const char *s, const struct tstyle *ts,
    double reach[2])
{
	struct rich r;
	struct words ws;
	double w, ext[4];

	memset(&r, 0, sizeof(r));
	memset(&ws, 0, sizeof(ws));
	rich_plain(s, 0, &r);
	r.font_said = L->plain_said;
	lay_words(L, &r, ts, 1e9, &ws);
	w = lay_words_width(&ws);
	if (reach != NULL) {
		lay_words_extent(&ws, 0, ws.n, ext);
		reach[0] = ext[2];
		reach[1] = ext[3];
	}
	lay_words_free(&ws);
	rich_free(&r);
	return w;
}

double
lay_plain_width(struct lay *L, const char *s, const struct tstyle *ts)
{
	return lay_plain_measure(L, s, ts, NULL);
}

/* Natural one-line width of plain words, and in *above the room their
 * line takes above its baseline (lay_rich's, lay_line_room's: lay_base
 * unless its letters are taller). */
double
lay_plain_box(struct lay *L, const char *s, const struct tstyle *ts,
    double *above)
{
	double reach[2], below, w = lay_plain_measure(L, s, ts, reach);

	lay_line_room(L, ts->size, reach[0], reach[1], above, &below);
	return w;
}

/* Natural one-line width of a text with markup (0 if it is wrong). */
double
lay_text_width(struct lay *L, const struct text *t, const struct tstyle *ts)
{
	const struct rich *r;
	struct words ws;
	double w;

	if ((r = lay_parsed(L, t, 0))->wrong)
		return 0;
	memset(&ws, 0, sizeof(ws));
	lay_words(L, r, ts, 1e9, &ws);
	w = lay_words_width(&ws);
	lay_words_free(&ws);
	return w;
}

struct tstyle
lay_style(struct lay *L, double size, int style, struct color c)
{
	struct tstyle ts;

	(void)L;
	memset(&ts, 0, sizeof(ts));
	ts.size = size;
	ts.style = style;
	ts.color = c;
	return ts;
}

/* ---- blocks ------------------------------------------------------------ */

double
lay_width(struct lay *L)
{
	return L->right - L->left;
}

/* A block's text across the width, or its label when it has no text. */
static void
lay_text_or_label(struct lay *L, const struct block *b,
    const struct tstyle *ts, enum align al)
{
	if (b->text != NULL)
		lay_text(L, b->text, 0, ts, L->left, lay_width(L), al, 0);
	else
		lay_plain(L, b->label, ts, L->left, lay_width(L), al);
}

void
lay_turn(struct lay *L, int turned)
{
	L->turned = turned;
	L->right = (turned ? L->doc->height : L->doc->width) -
	    L->t->margin[1];
	L->bottom = (turned ? L->doc->width : L->doc->height) -
	    L->t->margin[2];
}

void
lay_begin(struct lay *L, struct doc *d, const struct template *t,
    struct fonts *fs)
{
	memset(L, 0, sizeof(*L));
	L->t = t;
	L->fs = fs;
	L->doc = d;
	L->left = t->margin[3];
	L->top = t->margin[0];
	lay_turn(L, 0);
	L->parse = lay_parse_flags(t);
	L->rtl = t->rtl;
}

int
lay_parse_flags(const struct template *t)
{
	return strcmp(t->labels[L_DECIMAL], ",") == 0 ? RP_DECIMAL_COMMA : 0;
}

int
lay_first_at(struct lay *L, const struct mark *m)
{
	return rtexts_first_at(L->texts, m);
}

size_t
lay_prefixed(struct rich *r, const char *label, int style,
    const struct rich *text)
{
	size_t own, i;

	rich_plain(label, style, r);
	own = r->n;
	xgrow((void **)&r->v, &r->cap, r->n, sizeof(*r->v));
	memset(&r->v[r->n], 0, sizeof(r->v[0]));
	r->v[r->n++].kind = A_SPACE;
	for (i = 0; i < text->n; i++) {
		xgrow((void **)&r->v, &r->cap, r->n, sizeof(*r->v));
		r->v[r->n++] = text->v[i];
	}
	r->mark = text->mark;
	r->font_said = text->font_said;
	return own;
}

void
lay_prefixed_free(struct rich *r, size_t own)
{
	while (own > 0)
		free(r->v[--own].s);
	free(r->v);
	memset(r, 0, sizeof(*r));
}

const struct rich *
lay_parsed(struct lay *L, const struct text *t, int blanks)
{
	return rtexts_get(L->texts, t, blanks | L->parse);
}

/* Place the fields' strip, noting where when layout_spot() asked.  Only
 * fields placed on their own (no heading waiting to go with them) can be
 * refilled alone. */
static void
lay_fields_place(struct lay *L)
{
	struct fieldspot *spot = L->spot;
	size_t n = L->strip.nitems;
	double h = L->sy;
	int alone = L->pending.nitems == 0;
	int placed = lay_place(L, h, GAP_AFTER_FIELDS) == 0;

	if (spot == NULL)
		return;
	spot->ok = ++spot->blocks == 1 && alone && placed;
	spot->page = L->doc->npages - 1;
	spot->first = L->page->nitems - n;
	spot->n = n;
	spot->y = L->placed;
	spot->h = h;
}

/* A work space as large as the pass of layout wants it (see
 * layout_spot()): lines whole, at least one. */
static const struct block *
lay_scaled(struct lay *L, const struct block *b, struct block *tmp)
{
	double f;

	if (!b->stretch || L->scale == NULL || L->scale[L->bi] == 1)
		return b;
	f = L->scale[L->bi];
	*tmp = *b;
	tmp->h = b->h * f;
	tmp->n = (int)floor(b->n * f + 1e-6);
	if (tmp->n < 1)
		tmp->n = 1;
	return tmp;
}

/* Blocks drawn in layout.c itself; the other kinds' functions are in
 * the layout_*.c of their documents (layout_int.h). */
static void
lay_title(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_title, ST_BOLD, ink);

	lay_text_or_label(L, b, &ts, AL_CENTER);
	lay_place(L, L->sy, 0);
}

static void
lay_subtitle(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_heading, ST_BOLD, key_ink);

	lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_CENTER);
	lay_place(L, L->sy, GAP_AFTER_CENTRED);
}

static void
lay_fields_block(struct lay *L, const struct block *b)
{
	lay_fields(L, b);
	lay_fields_place(L);
}

static void
lay_total(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);

	lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_RIGHT);
	lay_place(L, L->sy, 0);
}

/* Paragraphs: a section's short instructions stay with its heading, and
 * both wait for the first problem; a long passage flows on its own. */
static void
lay_paragraphs(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);

	L->sy = 0;
	if (L->pending.nitems > 0) {
		lay_text(L, b->text, 0, &ts, L->left, lay_width(L), AL_LEFT,
		    0);
		if (L->sy <= (L->bottom - L->top) / INSTRUCTIONS_MAX_SHARE) {
			lay_move(&L->pending, &L->strip, L->pending_h, L, 0);
			L->pending_h += L->sy + L->t->gap_paragraph;
			L->sy = 0;
			return;
		}
		lay_strip_clear(&L->strip);	/* a long passage */
		L->sy = 0;
	} else if (L->y > L->top + EPS)
		L->y += L->t->gap_paragraph;
	lay_text(L, b->text, 0, &ts, L->left, lay_width(L), AL_LEFT, 1);
}

/* A section's title, ruled, waiting for the first thing under it. */
static void
lay_heading(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_heading, ST_BOLD, ink);

	L->sy = HEADING_TOP;
	lay_text_or_label(L, b, &ts, AL_LEFT);
	/* under the letters that reach below the line (Nastaliq's) */
	if (L->overhang > INK_PAD * ts.size)
		L->sy += L->overhang + INK_PAD * ts.size;
	lay_line(L, L->left, L->sy, L->right, L->sy, HEADING_RULE_W, gray, 0);
	L->sy += HEADING_RULE_GAP;
	lay_move(&L->pending, &L->strip, 0, L, 0);
	L->pending_h = L->sy;
	L->sy = 0;
	if (L->y > L->top + EPS)
		L->y += L->t->gap_problem;
}

static void
lay_hint(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * NOTE_SIZE_RATIO,
	    ST_ITALIC,
	    gray);

	lay_plain(L, b->label, &ts, L->left + L->indent, lay_width(L) -
	    L->indent, AL_LEFT);
}

static void
lay_space_block(struct lay *L, const struct block *b)
{
	L->sy += b->h;
}

/* A key's note: in a problem it goes with it; else placed alone. */
static void
lay_keynote_block(struct lay *L, const struct block *b)
{
	lay_keynote(L, b);
	if (!L->in_problem)
		lay_place(L, L->sy, L->t->gap_paragraph);
}

static void
lay_info(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * NOTE_SIZE_RATIO, 0,
	    gray);

	lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_CENTER);
	lay_place(L, L->sy, GAP_AFTER_CENTRED);
}

/* What draws each kind of block (mandoc's mdoc_term_acts[]): one
 * function per kind, in the order of enum block_kind. */
static void (*const lay_acts[BK__MAX])(struct lay *, const struct block *) = {
	[BK_TITLE] = lay_title,
	[BK_SUBTITLE] = lay_subtitle,
	[BK_FIELDS] = lay_fields_block,
	[BK_TOTAL] = lay_total,
	[BK_TEXT] = lay_paragraphs,
	[BK_HEADING] = lay_heading,
	[BK_PROBLEM] = lay_problem,
	[BK_COLUMNS] = lay_columns_block,
	[BK_PART] = lay_part,
	[BK_HINT] = lay_hint,
	[BK_SPACE] = lay_space_block,
	[BK_ANSWER] = lay_answer,
	[BK_CHOICES] = lay_choices,
	[BK_TRUEFALSE] = lay_truefalse,
	[BK_MATCH] = lay_match,
	[BK_ORDER] = lay_order,
	[BK_LINES] = lay_lines,
	[BK_BOX] = lay_box,
	[BK_KEYNOTE] = lay_keynote_block,
	[BK_TABLE] = lay_table,
	[BK_FIGURES] = lay_figures,
	[BK_END] = lay_problem_end,
	[BK_INFO] = lay_info,
	[BK_BULLET] = lay_bullet,
	[BK_STEP] = lay_step,
	[BK_ROW] = lay_row,
	[BK_WRITE] = lay_write,
	[BK_NEWPAGE] = lay_newpage,
	[BK_FRAME] = lay_frame,
	[BK_PHASE] = lay_phase,
	[BK_APPROACH] = lay_approach,
	[BK_TALLY] = lay_tally,
	[BK_MONITOR] = lay_monitor,
	[BK_LIST] = lay_list,
	[BK_BOARD] = lay_board,
	[BK_PANELS] = lay_panels,
	[BK_MEMBERS] = lay_members,
	[BK_PROMPT] = lay_prompt,
	[BK_STRIP] = lay_strip,
	[BK_CARDS] = lay_cards,
	[BK_GRID] = lay_grid,
	[BK_IMAGE] = lay_picture,
	[BK_WORDBANK] = lay_wordbank,
	[BK_HINTCARD] = lay_hintcard
};

int
layout_draws(enum block_kind k)
{
	return (unsigned)k < BK__MAX && lay_acts[k] != NULL;
}

/* A block, its work space scaled to fill its page (lay_scaled()). */
static void
lay_block(struct lay *L, const struct block *b)
{
	struct block scaled;

	b = lay_scaled(L, b, &scaled);
	lay_acts[b->kind](L, b);
}

/* The footer's left text on page p, from x = left; when right is not
 * NULL, right ("Page n of N") at the right. */
static void
lay_footer(struct lay *L, struct page *p, const char *left,
    const char *right)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	double la = 0, ra = 0;

	/* both on one baseline, as low as the taller needs (a title in
	 * Nastaliq beside a page number) */
	if (left != NULL)
		lay_plain_box(L, left, &ts, &la);
	if (right != NULL)
		lay_plain_box(L, right, &ts, &ra);
	L->sy = la > ra ? 0 : ra - la;
	if (left != NULL)
		lay_plain(L, left, &ts, L->left, lay_width(L), AL_LEFT);
	L->sy = ra > la ? 0 : la - ra;
	if (right != NULL)
		lay_plain(L, right, &ts,
		    L->left + lay_width(L) * FOOTER_RIGHT_FROM,
		    lay_width(L) * FOOTER_RIGHT_SHARE, AL_RIGHT);
	lay_move(p, &L->strip, L->bottom + FOOTER_DROP, L, 1);
}

/* The length of s[0, n) without the spaces, dashes and middle dots that
 * end it. */
static size_t
lay_trim_joint(const char *s, size_t n)
{
	static const char *const joint[] = { " ", "\xe2\x80\x94",
	    "\xc2\xb7", "-" };
	size_t i, k;

	for (i = 0; i < sizeof(joint) / sizeof(joint[0]); i++) {
		k = strlen(joint[i]);
		if (n >= k && memcmp(s + n - k, joint[i], k) == 0) {
			n -= k;
			i = (size_t)-1;		/* again from the first */
		}
	}
	return n;
}

/*
 * The lengths s may be cut to before an ellipsis, longest first, in *n:
 * whole words while there are two (the first word is cut anywhere), with
 * no dash or space before the ellipsis; the last is 0.  One pass from the
 * end, each byte looked at a few times at most.  Fresh array.
 */
static size_t *
lay_cut_points(const char *s, size_t *count)
{
	size_t n = strlen(s), k, *v = xcalloc(n + 1, sizeof(*v));
	int one_word = 0;	/* no space left before n */

	*count = 0;
	while (n > 0) {
		while (n > 0 && ((unsigned char)s[n - 1] & 0xc0) == 0x80)
			n--;		/* back to the start of a character */
		if (n == 0)
			break;
		n--;
		if (s[n] != ' ' && !one_word) {
			/* a whole word, not part of one */
			for (k = n; k > 0 && s[k - 1] != ' '; k--)
				;
			if (k > 0)
				n = k - 1;
			else
				one_word = 1;
		}
		n = lay_trim_joint(s, n);	/* no dash before "…" */
		v[(*count)++] = n;
	}
	if (*count == 0 || v[*count - 1] != 0)
		v[(*count)++] = 0;
	return v;
}

/* v[0, n) joined by em dashes (fresh string). */
static char *
lay_join(char *const *v, size_t n)
{
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = xasprintf(i == 0 ? "%s%s" : "%s " DASH " %s", s, v[i]);
		free(s);
		s = t;
	}
	return s;
}

/* Nonzero if v[0, n) joined fits one line of width. */
static int
lay_joined_fits(struct lay *L, char *const *v, size_t n,
    const struct tstyle *ts, double width)
{
	char *s = lay_join(v, n);
	int fits = lay_plain_width(L, s, ts) <= width;

	free(s);
	return fits;
}

/*
 * Cut v[k] (v[0, n) being the parts of a line, joined by em dashes) at the
 * longest of its cut points with which the line fits width, and end it in
 * an ellipsis; at the last (the ellipsis alone) when none does.  The line
 * only grows with the length kept, so a binary search finds that cut
 * point measuring the line a few times, not once per character.  Returns
 * nonzero if the line fits.
 */
static int
lay_cut_part(struct lay *L, char **v, size_t n, size_t k,
    const struct tstyle *ts, double width)
{
	char *whole = v[k];
	size_t count, lo = 0, hi, mid, *cut = lay_cut_points(whole, &count);
	int fits;

	if (count == 0) {		/* nothing to cut */
		free(cut);
		return lay_joined_fits(L, v, n, ts, width);
	}
	/* the first cut point that fits is in [lo, hi] (hi: the last) */
	hi = count - 1;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		v[k] = xasprintf("%.*s\xe2\x80\xa6", (int)cut[mid], whole);
		fits = lay_joined_fits(L, v, n, ts, width);
		free(v[k]);
		if (fits)
			hi = mid;
		else
			lo = mid + 1;
	}
	v[k] = xasprintf("%.*s\xe2\x80\xa6", (int)cut[lo], whole);
	free(whole);
	free(cut);
	return lay_joined_fits(L, v, n, ts, width);
}

/*
 * Footer f fitted to one line of width: its parts as fresh strings in
 * v[0, return), each as it is while the line fits, else the title cut
 * short with "…" ("Answer Key — A Very Long… — Version B"), and only when
 * the rest alone is too wide the names too, the last first.  Labels are
 * never cut, unless they alone are too wide for the line (a template's
 * words), when the line's end is: then v holds the line as one part.
 */
static size_t
lay_footer_fit(struct lay *L, const struct footer *f,
    const struct tstyle *ts, double width, char **v)
{
	size_t i, k;
	char *line;

	for (i = 0; i < f->n; i++)
		v[i] = xstrdup(f->part[i]);
	if (lay_joined_fits(L, v, f->n, ts, width))
		return f->n;
	for (i = 0; i < f->n; i++)
		if (f->kind[i] == FP_TITLE &&
		    lay_cut_part(L, v, f->n, i, ts, width))
			return f->n;
	for (k = f->n; k > 0; k--)
		if (f->kind[k - 1] == FP_NAME &&
		    lay_cut_part(L, v, f->n, k - 1, ts, width))
			return f->n;
	line = lay_join(v, f->n);
	for (i = 0; i < f->n; i++)
		free(v[i]);
	v[0] = line;
	lay_cut_part(L, v, 1, 0, ts, width);
	return 1;
}

/* Footers: the document's footer on the left, fitted to one line that
 * stops short of the widest "Page n of N", which is on the right; a
 * banner (teacher only) over the top of every page.  The doc keeps the
 * footer for the blank page that may pad it. */
/* The footer's left text (fresh; NULL when f is empty): f fitted to
 * one line that stops an em short of the widest page number, widest
 * wide. */
static char *
lay_footer_left(struct lay *L, const struct footer *f, double widest)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	char *left, *v[FOOTER_MAX];
	size_t i, nv;

	if (f->n == 0)
		return NULL;
	nv = lay_footer_fit(L, f, &ts, lay_width(L) - widest - ts.size, v);
	left = lay_join(v, nv);
	for (i = 0; i < nv; i++)
		free(v[i]);
	return left;
}

static void
lay_footers(struct lay *L, const struct blocks *doc)
{
	const char *banner = doc->banner;
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	struct tstyle bs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, key_ink);
	char n[24], total[24], **page, *left;
	double widest = 0, w;
	size_t i;
	int said = 1;

	/* the title in a footer is said at the top, where it is written */
	L->plain_said = &said;
	footer_clear(&L->doc->footer);
	footer_copy(&L->doc->footer, &doc->footer);
	snprintf(total, sizeof(total), "%zu", L->doc->npages);
	page = xcalloc(L->doc->npages, sizeof(*page));
	for (i = 0; i < L->doc->npages; i++) {
		snprintf(n, sizeof(n), "%zu", i + 1);
		page[i] = label_fmt(L->t, L_PAGE, n, total);
		if ((w = lay_plain_width(L, page[i], &ts)) > widest)
			widest = w;
	}
	L->doc->footer_widest = widest;
	left = lay_footer_left(L, &doc->footer, widest);
	for (i = 0; i < L->doc->npages; i++) {
		lay_turn(L, L->doc->pages[i].turned);
		lay_footer(L, &L->doc->pages[i], left, page[i]);
		free(page[i]);
		if (banner == NULL)
			continue;
		L->sy = 0;
		lay_plain(L, banner, &bs, L->left, lay_width(L), AL_LEFT);
		lay_line(L, L->left, L->sy + BANNER_RULE_DROP, L->right,
		    L->sy + BANNER_RULE_DROP, BANNER_RULE_W,
		    key_ink, 0);
		lay_move(&L->doc->pages[i], &L->strip,
		    L->top - L->sy - BANNER_GAP, L,
		    1);
	}
	L->plain_said = NULL;
	lay_turn(L, 0);
	free(page);
	free(left);
}

/* What one pass of layout found, for filling pages. */
struct pass {
	struct doc	*doc;		/* NULL: failed (reported) */
	struct fieldspot spot;
	size_t		*bpage;		/* per block: its page */
	int		*bcol;		/* per block: across, column 0 or 1 */
	struct pageend	*page_end;	/* per page: how far down it is */
	size_t		 npage_end;	/* pages noted (all of doc's) */
	double		 bottom;	/* the foot of the text on a page */
	struct anchors	 anchors;	/* where answer spaces landed */
};

static void
pass_free(struct pass *p)
{
	doc_free(p->doc);
	anchors_free(&p->anchors);
	free(p->bpage);
	free(p->bcol);
	free(p->page_end);
	memset(p, 0, sizeof(*p));
}

/* Lay out bs once, each stretch block's work space times scale[i] (NULL:
 * as composed). */
static void
lay_pass(const struct blocks *bs, const struct template *t, struct fonts *fs,
    int a4, const char *title, const double *scale, int anchored,
    struct rtexts *texts, struct pass *out)
{
	struct lay L;
	size_t i;
	struct tstyle ns;
	struct doc *d;

	memset(out, 0, sizeof(*out));
	d = doc_new(a4 ? PAPER_A4_W : PAPER_LETTER_W,
	    a4 ? PAPER_A4_H : PAPER_LETTER_H);
	if (bs->landscape) {
		double w = d->width;

		d->width = d->height;
		d->height = w;
	}
	d->title = xstrdup(title);
	lay_begin(&L, d, t, fs);
	L.texts = texts;
	L.spot = &out->spot;
	L.anchors = anchored ? &out->anchors : NULL;
	L.scale = scale;
	L.bpage = xcalloc(bs->n + 1, sizeof(*L.bpage));
	L.bcol = xcalloc(bs->n + 1, sizeof(*L.bcol));
	ns = lay_style(&L, t->size_body, ST_BOLD, ink);
	L.indent = lay_plain_width(&L, "00.", &ns) +
	    lay_space(&L, fonts_pick(fs, FS_BOLD, ' '), ns.size);
	for (i = 0; i < bs->n; i++) {
		L.bi = i;
		lay_block(&L, &bs->v[i]);
	}
	L.bi = bs->n;
	if (L.pending.nitems > 0)
		lay_place(&L, 0, 0);
	if (d->npages == 0)
		lay_new_page(&L);
	lay_page_done(&L, 0);
	lay_footers(&L, bs);
	lay_strip_clear(&L.strip);
	lay_strip_clear(&L.pending);
	free(L.strip.items);
	free(L.pending.items);
	free(L.cs);
	out->bpage = L.bpage;
	out->bcol = L.bcol;
	out->page_end = L.page_end;
	out->npage_end = L.npage_end;
	out->bottom = L.bottom;
	if (L.failed)
		doc_free(d);
	else
		out->doc = d;
}

/* The height of stretch block b's work space at scale f. */
static double
lay_stretch_h(const struct template *t, const struct block *b, double f)
{
	if (b->kind == BK_LINES)
		return floor(b->n * f + 1e-6) * t->line_pitch;
	return b->h * f;
}

#define FILL_MAX	2.0	/* a work space grows to twice its size */
#define SHRINK_MIN	0.6	/* and shrinks (pages:) to 60 % at most */
#define FILL_SAFE	1.0	/* pt left at the foot, for rounding */

/*
 * Where block i's work space may grow: a region, 3 a page (across it,
 * column 0, column 1), and how much blank it has at its foot; -1 when it
 * is not filled (the last page unless all is set; columns that end on
 * the page, what follows them being filled instead; on a page whose
 * columns go on, what is across the page above them).
 */
static long
lay_region(const struct pass *p, size_t i, int all, double *slack)
{
	size_t pg = p->bpage[i];
	const struct pageend *pe = &p->page_end[pg];
	int c = p->bcol[i];

	if (pg + 1 == p->doc->npages && !all)
		return -1;
	if ((c > 0) != (pe->cols != 0))
		return -1;	/* columns that end here; or the rest of a page
				 * whose columns go on, whose feet are theirs */
	*slack = p->bottom - (c > 0 ? pe->col[c - 1] : pe->y) - FILL_SAFE;
	return *slack > 0 ? (long)(pg * 3) + c : -1;
}

/*
 * Pages are filled: the blank left at the foot of each page of p (and of
 * each of two columns that go on to the next page) is shared among the
 * work spaces above it, in proportion to their size now (scale), each up
 * to FILL_MAX times its own; scale gets the new factors (lines whole:
 * never more than their share).  Returns 0 when nothing grows.
 */
static int
lay_fill_scale(const struct blocks *bs, const struct template *t,
    const struct pass *p, int all, double *scale)
{
	double *have = xcalloc(p->doc->npages * 3, sizeof(double));
	double slack, want, most;
	const struct block *b;
	long r;
	size_t i;
	int any = 0;

	for (i = 0; i < bs->n; i++)
		if (bs->v[i].stretch && (r = lay_region(p, i, all, &slack)) >= 0)
			have[r] += lay_stretch_h(t, &bs->v[i], scale[i]);
	for (i = 0; i < bs->n; i++) {
		b = &bs->v[i];
		if (!b->stretch || (r = lay_region(p, i, all, &slack)) < 0 ||
		    have[r] <= 0)
			continue;
		want = lay_stretch_h(t, b, scale[i]) * (1 + slack / have[r]);
		most = lay_stretch_h(t, b, FILL_MAX);
		if (want > most)
			want = most;
		if (b->kind == BK_LINES)
			scale[i] = floor(want / t->line_pitch + 1e-6) / b->n;
		else if (b->h > 0)
			scale[i] = want / b->h;
		any = 1;
	}
	free(have);
	return any;
}

/* The first problem that starts on page pg (0-based) of p or later; or,
 * when none does, with *rest set, the problem whose parts go on there. */
static int
lay_first_from(const struct blocks *bs, const struct pass *p, size_t pg,
    int *rest)
{
	size_t i;
	int last = 0;

	*rest = 0;
	for (i = 0; i < bs->n; i++) {
		if (bs->v[i].kind != BK_PROBLEM)
			continue;
		if (p->bpage[i] >= pg)
			return bs->v[i].prob.number;
		last = bs->v[i].prob.number;
	}
	*rest = 1;
	return last;
}

/* pages: n cannot be met: say what does not fit on page n. */
static void
lay_no_fit(const struct blocks *bs, const struct pass *p)
{
	int rest, first = lay_first_from(bs, p, (size_t)bs->fit_pages, &rest);

	diag_error(&bs->fit_mark, "even with its work spaces at %.0f %% the "
	    "worksheet needs %zu pages, not %d: page %d cannot also hold %s"
	    "problem %d%s; ask for pages: %zu, or take problems out",
	    SHRINK_MIN * 100, p->doc->npages, bs->fit_pages, bs->fit_pages,
	    rest ? "the rest of " : "", first, rest ? "" : " and those after "
	    "it", p->doc->npages);
}

struct doc *
layout(const struct blocks *bs, const struct template *t, struct fonts *fs,
    int a4, const char *title)
{
	return layout_spot(bs, t, fs, a4, title, NULL);
}

static struct doc *lay_doc(const struct blocks *, const struct template *,
    struct fonts *, int a4, const char *title, struct fieldspot *,
    struct anchors *);

struct doc *
layout_spot(const struct blocks *bs, const struct template *t,
    struct fonts *fs, int a4, const char *title, struct fieldspot *spot)
{
	return lay_doc(bs, t, fs, a4, title, spot, NULL);
}

struct doc *
layout_anchored(const struct blocks *bs, const struct template *t,
    struct fonts *fs, int a4, const char *title, struct anchors *anchors)
{
	memset(anchors, 0, sizeof(*anchors));
	return lay_doc(bs, t, fs, a4, title, NULL, anchors);
}

/*
 * Lay out at the natural size; with pages: asked for, shrink every work
 * space (by tenths, to SHRINK_MIN) until the set fits.  Then fill the
 * pages (lay_fill_scale()) and lay out again: what grows on a page fits
 * in its blank, so the page breaks stay where they were (else the first
 * layout is kept).  The anchors (NULL: none wanted) are those of the
 * layout kept.
 */
static struct doc *
lay_doc(const struct blocks *bs, const struct template *t,
    struct fonts *fs, int a4, const char *title, struct fieldspot *spot,
    struct anchors *anchors)
{
	struct pass p, filled;
	double *scale = xcalloc(bs->n + 1, sizeof(double)), s = 1;
	size_t i;
	/* blocks composed on their own (not in a build) have their texts
	 * parsed here, once for every pass */
	struct rtexts *own = bs->texts == NULL ? rtexts_new() : NULL;
	struct rtexts *texts = own != NULL ? own : bs->texts;

	for (i = 0; i < bs->n; i++)
		scale[i] = 1;
	for (;;) {
		lay_pass(bs, t, fs, a4, title, scale, anchors != NULL, texts,
		    &p);
		if (p.doc == NULL || bs->fit_pages <= 0 ||
		    p.doc->npages <= (size_t)bs->fit_pages)
			break;
		if (s <= SHRINK_MIN + EPS) {
			lay_no_fit(bs, &p);
			pass_free(&p);
			break;
		}
		s -= SHRINK_STEP;
		for (i = 0; i < bs->n; i++)
			if (bs->v[i].stretch)
				scale[i] = s;
		pass_free(&p);
	}
	if (p.doc != NULL && p.npage_end == p.doc->npages &&
	    lay_fill_scale(bs, t, &p, bs->fit_pages > 0, scale)) {
		lay_pass(bs, t, fs, a4, title, scale, anchors != NULL, texts,
		    &filled);
		if (filled.doc != NULL &&
		    filled.doc->npages == p.doc->npages) {
			pass_free(&p);
			p = filled;
		} else
			pass_free(&filled);
	}
	if (spot != NULL)
		*spot = p.spot;
	if (anchors != NULL)
		*anchors = p.anchors;
	else
		anchors_free(&p.anchors);
	free(scale);
	rtexts_free(own);
	free(p.bpage);
	free(p.bcol);
	free(p.page_end);
	return p.doc;
}

/*
 * The fields are drawn as layout() draws them (from a fresh strip, as after
 * the title) and must come out the same items but for their texts, and as
 * high: then nothing after them moves, and the copy is base with those
 * texts.  (What else lay_fields() leaves in struct lay, L->drop, is set
 * anew by the next text before anything reads it.)
 */
/*
 * Give every page of d (refilled from a copy laid out with another
 * footer) the footer f: its left text, one text item in the same font
 * and place as the one it replaces, where the footers differ only in
 * their words (a student's name).  0, or 1 when it would take another
 * shape (a font, a second item): lay it out in full.
 */
static int
lay_refill_footer(struct lay *L, struct doc *d, const struct footer *f)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	char *was = lay_footer_left(L, &d->footer, d->footer_widest);
	char *now = lay_footer_left(L, f, d->footer_widest);
	double y = d->height - L->t->margin[2] + FOOTER_DROP;
	struct page drawn;
	size_t i, k, nfonts = d->nfonts;
	int rc = 0;

	memset(&drawn, 0, sizeof(drawn));
	if (was != NULL && now != NULL && strcmp(was, now) != 0) {
		L->sy = 0;
		lay_plain(L, now, &ts, L->left, lay_width(L), AL_LEFT);
		rc = L->strip.nitems != 1;
		lay_move(&drawn, &L->strip, y, L, 1);
	}
	for (i = 0; i < d->npages && rc == 0 && drawn.nitems == 1; i++) {
		for (k = 0; k < d->pages[i].nitems; k++)
			if (d->pages[i].items[k].kind == ITEM_TEXT &&
			    d->pages[i].items[k].text != NULL &&
			    strcmp(d->pages[i].items[k].text, was) == 0)
				break;
		/* page_refill() takes the text: each page its own */
		if (i > 0)
			drawn.items[0].text = xstrdup(now);
		/* not on the old one's baseline (lowered for a taller page
		 * number, lay_footer): laid out in full */
		rc |= k == d->pages[i].nitems || d->nfonts != nfonts ||
		    fabs(d->pages[i].items[k].y - drawn.items[0].y) > EPS ||
		    page_refill(&d->pages[i], k, &drawn) < 0;
	}
	lay_strip_clear(&drawn);
	if ((was == NULL) != (now == NULL))
		rc = 1;
	free(drawn.items);
	free(was);
	free(now);
	if (rc == 0) {
		footer_clear(&d->footer);
		footer_copy(&d->footer, f);
	}
	return rc;
}

int
layout_refill(const struct doc *base, const struct fieldspot *spot,
    const struct block *fields, const struct footer *footer,
    const struct template *t, struct fonts *fs, struct doc **out)
{
	struct lay L;
	struct page drawn;
	struct doc *d;
	int rc = 1;

	*out = NULL;
	if (!spot->ok || fields == NULL)
		return 1;
	d = doc_clone(base);
	lay_begin(&L, d, t, fs);
	lay_fields(&L, fields);
	memset(&drawn, 0, sizeof(drawn));
	if (L.failed)
		rc = -1;
	else if (L.sy == spot->h && L.strip.nitems == spot->n) {
		/* onto the page as lay_place() moves them: fonts numbered in
		 * d, where a font base does not use yet would be new */
		lay_move(&drawn, &L.strip, spot->y, &L, 1);
		if (d->nfonts == base->nfonts &&
		    page_refill(&d->pages[spot->page], spot->first,
		    &drawn) == 0 && (footer == NULL ||
		    lay_refill_footer(&L, d, footer) == 0)) {
			*out = d;
			d = NULL;
			rc = 0;
		}
	}
	lay_strip_clear(&drawn);
	lay_strip_clear(&L.strip);
	free(drawn.items);
	free(L.strip.items);
	doc_free(d);
	return rc;
}

void
layout_blank_page(struct doc *d, const struct template *t, struct fonts *fs,
    const char *name)
{
	struct lay L;
	struct tstyle ts;
	struct footer f;
	char *v[FOOTER_MAX], *left;
	size_t nv, i;
	double x = 0;
	int said = 1;

	lay_begin(&L, d, t, fs);
	L.plain_said = &said;	/* the footer's words said where written */
	ts = lay_style(&L, t->size_small, ST_ITALIC, gray);
	L.page = doc_add_page(d);
	L.sy = d->height / 2;
	lay_plain(&L, t->labels[L_BLANK_PAGE], &ts, L.left, lay_width(&L),
	    AL_CENTER);
	lay_move(L.page, &L.strip, 0, &L, 1);
	/* no page number: the copy's pages say "of N" without this one;
	 * the line is the copy's footer and the name, fitted as a page's */
	ts = lay_style(&L, t->size_small, 0, gray);
	memset(&f, 0, sizeof(f));
	footer_copy(&f, &d->footer);
	footer_add(&f, FP_NAME, name != NULL ? xstrdup(name) : NULL);
	nv = lay_footer_fit(&L, &f, &ts, lay_width(&L), v);
	if (name == NULL || nv < f.n)
		left = lay_join(v, nv);
	else {
		/* the name a text of its own, so that the blank pages of a
		 * class set differ only in it and are stored once (page.c) */
		left = nv > 1 ? lay_join(v, nv - 1) : NULL;
		if (left != NULL) {
			char *dash = xasprintf("%s " DASH, left);

			free(left);
			left = dash;
			x = lay_plain_width(&L, left, &ts) + lay_space(&L,
			    fonts_pick(fs, FS_REGULAR, ' '), ts.size);
		}
	}
	lay_footer(&L, L.page, left, NULL);
	if (name != NULL && nv == f.n) {
		L.sy = 0;
		lay_plain(&L, v[nv - 1], &ts, L.left + x, lay_width(&L) - x,
		    AL_LEFT);
		lay_move(L.page, &L.strip,
		    d->height - t->margin[2] + FOOTER_DROP, &L,
		    1);
	}
	for (i = 0; i < nv; i++)
		free(v[i]);
	free(left);
	footer_clear(&f);
	free(L.strip.items);
}
