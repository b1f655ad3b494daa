/*
 * layout.c - blocks to positioned items on pages; see layout.h.
 *
 * Everything is first drawn into a strip (a page-less list of items whose
 * y is relative to the strip's top).  A problem is one strip, placed whole:
 * on the current page if it fits, else at the top of the next.  Running
 * text outside problems is placed line by line, so a reading passage can
 * flow across pages.  A heading waits and is placed with what follows it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "text.h"
#include "util.h"

#define EPS	0.01

static const struct color ink = { 0, 0, 0 };
static const struct color key_ink = { 0.70, 0.05, 0.05 };
static const struct color gray = { 0.40, 0.40, 0.40 };
static const struct color light = { 0.75, 0.75, 0.75 };
static const struct color shade = { 0.93, 0.93, 0.93 };

/* One measured piece of a word: text in one face, or a blank. */
struct piece {
	int		 face;		/* -1 for a blank */
	double		 w;
	char		*s;		/* owned */
	int		 blank;		/* index of the blank */
};

struct word {
	struct piece	*p;
	size_t		 n;
	double		 w;
	double		 space;		/* width of the space after it */
	int		 para;		/* a paragraph ends after it */
	int		 cut;		/* a long word cut here: no space */
};

struct words {
	struct word	*v;
	size_t		 n, cap;
};

/* How to set a text: size, style, colour, and the blanks' widths. */
struct tstyle {
	double		 size;
	int		 style;		/* ST_BOLD | ST_ITALIC */
	struct color	 color;
	const double	*blank_w;	/* width of each blank, or NULL */
	const struct rich *blank_fill;	/* key: text set in each blank */
	size_t		 nblanks;
};

struct lay {
	const struct template *t;
	struct fonts	*fs;
	struct doc	*doc;
	double		 left, right, top, bottom;
	double		 y;		/* cursor on the current page */
	struct page	*page;
	struct page	 strip;		/* being drawn; y relative */
	double		 sy;		/* cursor in the strip */
	int		 in_problem;
	const struct pinst *problem;
	struct page	 pending;	/* a heading waiting for its follower */
	double		 pending_h;
	int		 failed;
	const struct mark *mark;	/* the text being set, for messages */
	double		 lh;		/* body line height */
	double		 indent;	/* prompt indent after the number */
};

/* ---- strips and pages ------------------------------------------------ */

static struct item *
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

static struct item *
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

static struct item *
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

static void
lay_strip_clear(struct page *p)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		free(p->items[i].text);
	p->nitems = 0;
}

static void
lay_new_page(struct lay *L)
{
	L->page = doc_add_page(L->doc);
	L->y = L->top;
}

/* Move the items of src, shifted down by dy, to the end of dst. */
static void
lay_move(struct page *dst, struct page *src, double dy,
    struct lay *L, int to_doc)
{
	size_t i;
	struct item *it;

	for (i = 0; i < src->nitems; i++) {
		it = page_push(dst, src->items[i].kind);
		*it = src->items[i];
		it->y += dy;
		if (it->kind == ITEM_LINE)
			it->y2 += dy;
		if (to_doc && it->kind == ITEM_TEXT)
			it->font = doc_font(L->doc, fonts_path(L->fs, it->font),
			    fonts_index(L->fs, it->font));
	}
	src->nitems = 0;	/* texts now belong to dst */
}

/*
 * Place the strip (height h) on the page, gap points below what is there,
 * or at the top of a new page when it does not fit.  A waiting heading goes
 * first, on the same page.  Returns -1 if the strip is taller than a page.
 */
static int
lay_place(struct lay *L, double h, double gap)
{
	double body = L->bottom - L->top;

	if (L->pending.nitems > 0) {
		struct page joined;

		memset(&joined, 0, sizeof(joined));
		lay_move(&joined, &L->pending, 0, L, 0);
		lay_move(&joined, &L->strip, L->pending_h, L, 0);
		free(L->strip.items);
		L->strip = joined;
		h += L->pending_h;
		L->pending_h = 0;
	}
	if (h > body + EPS) {
		lay_strip_clear(&L->strip);
		return -1;
	}
	if (L->page == NULL)
		lay_new_page(L);
	else if (L->y > L->top + EPS) {
		if (L->y + gap + h > L->bottom + EPS)
			lay_new_page(L);
		else
			L->y += gap;
	}
	lay_move(L->page, &L->strip, L->y, L, 1);
	L->y += h;
	L->sy = 0;
	return 0;
}

/* ---- measuring and setting text --------------------------------------- */

static void
lay_words_free(struct words *ws)
{
	size_t i, j;

	for (i = 0; i < ws->n; i++) {
		for (j = 0; j < ws->v[i].n; j++)
			free(ws->v[i].p[j].s);
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

/*
 * Append a run's characters to word w, a piece per change of face.  A word
 * that would grow wider than maxw is cut (a new word starts with no space
 * between), so no word is wider than a line.  Characters no font has are
 * reported once per text.
 */
static struct word *
lay_run(struct lay *L, struct words *ws, struct word *w, const char *s,
    const struct tstyle *ts, int style, double maxw)
{
	size_t len, n = strlen(s);
	long cp;
	int face, fst = ((style & ST_BOLD) ? 1 : 0) +
	    ((style & ST_ITALIC) ? 2 : 0);
	double cw;
	struct piece *pc;

	while (n > 0) {
		cp = utf8_decode(s, n, &len);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			s += len;
			n -= len;
			continue;
		}
		face = fonts_pick(L->fs, fst, cp);
		if (face < 0) {
			if (!L->failed || L->mark != NULL)
				diag_error(L->mark, "character U+%04lX \"%.*s\" "
				    "cannot be printed: %s", cp, (int)len, s,
				    cp > 0xffff ? "emoji and other characters "
				    "beyond U+FFFF cannot be printed; remove it or "
				    "write a word instead" :
				    "no installed font has it; remove it, or "
				    "install a font that has it");
			L->failed = 1;
			L->mark = NULL;		/* once per text */
			s += len;
			n -= len;
			continue;
		}
		cw = fonts_advance(L->fs, face, cp) * ts->size / 1000.0;
		if (w->n > 0 && w->w + cw > maxw) {
			w->cut = 1;	/* glued to the next: no space */
			w = lay_word_new(ws);
		}
		pc = w->n > 0 ? &w->p[w->n - 1] : NULL;
		if (pc == NULL || pc->face != face) {
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
	return w;
}

/* Width of a space in face at size. */
static double
lay_space(struct lay *L, int face, double size)
{
	return fonts_advance(L->fs, face, ' ') * size / 1000.0;
}

/* Measure rich text r into words, none wider than maxw. */
static void
lay_words(struct lay *L, const struct rich *r, const struct tstyle *ts,
    double maxw, struct words *ws)
{
	struct word *w = NULL;
	struct piece *pc;
	size_t i;
	int regular = fonts_pick(L->fs, FS_REGULAR, ' ');

	L->mark = &r->mark;
	for (i = 0; i < r->n; i++) {
		const struct atom *a = &r->v[i];

		switch (a->kind) {
		case A_SPACE:
		case A_PARA:
			if (w != NULL) {
				w->para = a->kind == A_PARA;
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
			    ts->blank_w[a->blank] : 60;
			w->w += pc->w;
			break;
		case A_RUN:
			if (w == NULL)
				w = lay_word_new(ws);
			w = lay_run(L, ws, w, a->s, ts, a->style | ts->style,
			    maxw);
			break;
		}
	}
	for (i = 0; i < ws->n; i++) {
		w = &ws->v[i];
		if (!w->cut && i + 1 < ws->n) {
			/* space after a word: in its last face (merging) */
			int f = w->n > 0 && w->p[w->n - 1].face >= 0 ?
			    w->p[w->n - 1].face : regular;

			w->space = lay_space(L, f, ts->size);
		}
	}
	L->mark = NULL;
}

/* Natural width of words on one line. */
static double
lay_words_width(const struct words *ws)
{
	double w = 0;
	size_t i;

	for (i = 0; i < ws->n; i++)
		w += ws->v[i].w + (i + 1 < ws->n ? ws->v[i].space : 0);
	return w;
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
};

static void
emit_flush(struct emit *e)
{
	if (e->face >= 0 && e->len > 0)
		lay_text_item(e->L, e->x0, e->y, e->face, e->size, e->c,
		    e->buf, e->len);
	e->face = -1;
	e->len = 0;
}

static void
emit_add(struct emit *e, const char *s)
{
	size_t n = strlen(s);

	if (e->len + n + 1 > e->cap) {
		e->cap = (e->len + n + 1) * 2;
		e->buf = xrealloc(e->buf, e->cap);
	}
	memcpy(e->buf + e->len, s, n);
	e->len += n;
}

/* Draw a blank: a line under where the answer goes; in a key, the
 * answer centred on it. */
static void
lay_blank(struct lay *L, const struct tstyle *ts, const struct piece *pc,
    double x, double base)
{
	lay_line(L, x + 2, base + 2, x + pc->w - 2, base + 2, L->t->rule, ink,
	    0);
	if (ts->blank_fill != NULL && (size_t)pc->blank < ts->nblanks) {
		struct words fw;
		struct tstyle fs = *ts;
		struct emit e;
		double fx;
		size_t i, j;

		memset(&fw, 0, sizeof(fw));
		fs.style |= ST_BOLD;
		fs.blank_w = NULL;
		fs.blank_fill = NULL;
		lay_words(L, &ts->blank_fill[pc->blank], &fs, 1e9, &fw);
		fx = x + (pc->w - lay_words_width(&fw)) / 2;
		memset(&e, 0, sizeof(e));
		e.L = L;
		e.face = -1;
		e.y = base;
		e.c = key_ink;
		e.size = ts->size;
		for (i = 0; i < fw.n; i++) {
			for (j = 0; j < fw.v[i].n; j++) {
				const struct piece *p = &fw.v[i].p[j];

				if (p->face < 0)
					continue;
				emit_flush(&e);
				e.face = p->face;
				e.x0 = fx;
				emit_add(&e, p->s);
				emit_flush(&e);
				fx += p->w;
			}
			fx += fw.v[i].space;
		}
		free(e.buf);
		lay_words_free(&fw);
	}
}

/* Set words [from, to) on one line starting at x, baseline base. */
static void
lay_emit_line(struct lay *L, const struct words *ws, size_t from, size_t to,
    double x, double base, const struct tstyle *ts)
{
	struct emit e;
	size_t i, j;

	memset(&e, 0, sizeof(e));
	e.L = L;
	e.face = -1;
	e.y = base;
	e.c = ts->color;
	e.size = ts->size;
	for (i = from; i < to; i++) {
		const struct word *w = &ws->v[i];

		for (j = 0; j < w->n; j++) {
			const struct piece *pc = &w->p[j];

			if (pc->face < 0) {
				emit_flush(&e);
				lay_blank(L, ts, pc, x, base);
			} else if (e.face == pc->face && fabs(e.x - x) < EPS)
				emit_add(&e, pc->s);
			else if (e.face == pc->face && j == 0 &&
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
		}
		x += w->space;
	}
	emit_flush(&e);
	free(e.buf);
}

/* Line height and baseline offset for text of size. */
static double
lay_lh(struct lay *L, double size)
{
	return size * L->t->leading;
}

static double
lay_base(struct lay *L, double size)
{
	int f = fonts_pick(L->fs, FS_REGULAR, 'x');
	double a = fonts_ascent(L->fs, f), d = fonts_descent(L->fs, f);

	return (lay_lh(L, size) - (a + d) * size / 1000) / 2 + a * size / 1000;
}

enum align { AL_LEFT, AL_CENTER, AL_RIGHT };

/*
 * Set rich text r in the strip from its cursor, x to x + width, wrapping at
 * spaces.  With flow set (running text outside a problem) every line is
 * placed on the page as soon as it is set, so text may cross pages.
 * Returns the height used (0 for flow, whose lines are already placed).
 */
static double
lay_rich(struct lay *L, const struct rich *r, const struct tstyle *ts,
    double x, double width, enum align al, int flow)
{
	struct words ws;
	size_t i = 0, start;
	double lw, ox, used = 0, lh = lay_lh(L, ts->size);
	double base = lay_base(L, ts->size);

	memset(&ws, 0, sizeof(ws));
	lay_words(L, r, ts, width, &ws);
	while (i < ws.n) {
		/* greedy: as many words as fit, up to a paragraph's end */
		start = i;
		lw = ws.v[i++].w;
		while (i < ws.n && !ws.v[i - 1].para &&
		    lw + ws.v[i - 1].space + ws.v[i].w <= width + EPS) {
			lw += ws.v[i - 1].space + ws.v[i].w;
			i++;
		}
		ox = al == AL_CENTER ? (width - lw) / 2 :
		    al == AL_RIGHT ? width - lw : 0;
		lay_emit_line(L, &ws, start, i, x + ox, L->sy + base, ts);
		L->sy += lh;
		used += lh;
		if (ws.v[i - 1].para && i < ws.n) {
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

/* Parse a text and set it; returns -1 if the text was wrong (reported). */
static int
lay_text(struct lay *L, const struct text *t, int blanks,
    const struct tstyle *ts, double x, double width, enum align al, int flow)
{
	struct rich r;

	memset(&r, 0, sizeof(r));
	if (rich_parse(t, blanks, &r) < 0) {
		rich_free(&r);
		L->failed = 1;
		return -1;
	}
	lay_rich(L, &r, ts, x, width, al, flow);
	rich_free(&r);
	return 0;
}

static void
lay_plain(struct lay *L, const char *s, const struct tstyle *ts, double x,
    double width, enum align al)
{
	struct rich r;

	memset(&r, 0, sizeof(r));
	rich_plain(s, 0, &r);
	lay_rich(L, &r, ts, x, width, al, 0);
	rich_free(&r);
}

/* Natural one-line width of plain words. */
static double
lay_plain_width(struct lay *L, const char *s, const struct tstyle *ts)
{
	struct rich r;
	struct words ws;
	double w;

	memset(&r, 0, sizeof(r));
	memset(&ws, 0, sizeof(ws));
	rich_plain(s, 0, &r);
	lay_words(L, &r, ts, 1e9, &ws);
	w = lay_words_width(&ws);
	lay_words_free(&ws);
	rich_free(&r);
	return w;
}

/* Natural one-line width of a text with markup (0 if it is wrong). */
static double
lay_text_width(struct lay *L, const struct text *t, const struct tstyle *ts)
{
	struct rich r;
	struct words ws;
	double w = 0;

	memset(&r, 0, sizeof(r));
	memset(&ws, 0, sizeof(ws));
	if (rich_parse(t, 0, &r) == 0) {
		lay_words(L, &r, ts, 1e9, &ws);
		w = lay_words_width(&ws);
		lay_words_free(&ws);
	}
	rich_free(&r);
	return w;
}

static struct tstyle
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

static double
lay_width(struct lay *L)
{
	return L->right - L->left;
}

static const double field_weight[F__MAX] = { 5, 2.5, 1.5, 2, 1.5 };
static const enum label field_label[F__MAX] = { L_NAME, L_DATE, L_PERIOD,
    L_CLASS, L_SCORE };

/* Width a field needs: its label, and what is printed in it if anything. */
static double
lay_field_need(struct lay *L, const struct block *b, int i)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle fs = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double w = lay_plain_width(L, L->t->labels[field_label[b->fields[i]]],
	    &ts) + 40;

	if (b->filled[i] != NULL)
		w += lay_plain_width(L, b->filled[i], &fs);
	return w;
}

/* One row of fields [from, to): "Label ______" each, widths by weight, a
 * filled-in value (a student's name) printed on its line. */
static void
lay_field_row(struct lay *L, const struct block *b, int from, int to)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	double total = 0, x = L->left, w, lw, base, room;
	int i;

	for (i = from; i < to; i++)
		total += field_weight[b->fields[i]];
	L->sy += 6;
	base = L->sy + lay_base(L, ts.size) + 4;
	for (i = from; i < to; i++) {
		const char *label = L->t->labels[field_label[b->fields[i]]];

		w = lay_width(L) * field_weight[b->fields[i]] / total;
		if (to - from == 1)
			w = lay_width(L);
		lw = lay_plain_width(L, label, &ts);
		L->sy = base - lay_base(L, ts.size);
		lay_plain(L, label, &ts, x, w, AL_LEFT);
		lay_line(L, x + lw + 4, base + 2, x + w - 14, base + 2,
		    L->t->rule, ink, 0);
		if (b->filled[i] != NULL) {
			struct tstyle fs = lay_style(L, ts.size, ST_BOLD, ink);
			double nw = lay_plain_width(L, b->filled[i], &fs);

			/* only a name longer than the whole line shrinks */
			room = w - lw - 24;
			if (nw > room && room > 0)
				fs.size *= room / nw;
			L->sy = base - lay_base(L, fs.size);
			lay_plain(L, b->filled[i], &fs, x + lw + 10, room + 1,
			    AL_LEFT);
		}
		x += w;
	}
	L->sy = base + lay_lh(L, ts.size) - lay_base(L, ts.size) + 6;
}

/* The fields at the top; a name too long for its share of the line gets a
 * line of its own, the other fields go on the next. */
static void
lay_fields(struct lay *L, const struct block *b)
{
	double total = 0;
	int i, n;

	for (n = 0; n < F__MAX && b->fields[n] >= 0; n++)
		total += field_weight[b->fields[n]];
	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		if (b->filled[i] != NULL && n > 1 && lay_field_need(L, b, i) >
		    lay_width(L) * field_weight[b->fields[i]] / total)
			break;
	if (i == n) {
		lay_field_row(L, b, 0, n);
		return;
	}
	/* the long one alone, then the others */
	lay_field_row(L, b, i, i + 1);
	if (i > 0)
		lay_field_row(L, b, 0, i);
	if (i + 1 < n)
		lay_field_row(L, b, i + 1, n);
}

/* Widths of a blank problem's blanks: room for the answer, at least 1in. */
static double *
lay_blank_widths(struct lay *L, const struct problem *p,
    const struct tstyle *ts, struct rich **fill, int key)
{
	double *bw = xcalloc(p->blanks.n, sizeof(double));
	struct tstyle bs = *ts;
	size_t i;

	bs.style |= ST_BOLD;
	*fill = key ? xcalloc(p->blanks.n, sizeof(struct rich)) : NULL;
	for (i = 0; i < p->blanks.n; i++) {
		bw[i] = lay_text_width(L, &p->blanks.v[i], &bs) + 20;
		if (bw[i] < 72)
			bw[i] = 72;
		if (bw[i] > lay_width(L) - L->indent)
			bw[i] = lay_width(L) - L->indent;
		if (key && rich_parse(&p->blanks.v[i], 0, &(*fill)[i]) < 0)
			L->failed = 1;
	}
	return bw;
}

static void
lay_problem(struct lay *L, const struct block *b)
{
	const struct problem *p = b->pi->p;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct rich r, *fill = NULL;
	double *bw = NULL;
	char *num;
	size_t i;

	L->in_problem = 1;
	L->problem = b->pi;
	L->sy = 0;
	num = xasprintf("%d.", b->pi->number);
	/* right-aligned, one space from the prompt, so that text readers
	 * take number and prompt as one line */
	lay_plain(L, num, &ns, L->left, L->indent - lay_space(L,
	    fonts_pick(L->fs, FS_BOLD, ' '), ns.size), AL_RIGHT);
	free(num);
	L->sy = 0;
	memset(&r, 0, sizeof(r));
	if (b->label != NULL)
		rich_plain(b->label, 0, &r);
	if (p->prompt.s == NULL)
		return;
	if (b->label != NULL) {
		struct rich pr;

		memset(&pr, 0, sizeof(pr));
		if (rich_parse(&p->prompt, p->type == P_BLANK, &pr) < 0)
			L->failed = 1;
		/* points first, then the prompt, as one paragraph */
		xgrow((void **)&r.v, &r.cap, r.n, sizeof(*r.v));
		r.v[r.n].kind = A_SPACE;
		r.v[r.n++].s = NULL;
		for (i = 0; i < pr.n; i++) {
			xgrow((void **)&r.v, &r.cap, r.n, sizeof(*r.v));
			r.v[r.n++] = pr.v[i];
		}
		free(pr.v);
		r.mark = p->prompt.mark;
	} else if (rich_parse(&p->prompt, p->type == P_BLANK, &r) < 0)
		L->failed = 1;
	if (p->type == P_BLANK) {
		bw = lay_blank_widths(L, p, &ts, &fill, b->key);
		ts.blank_w = bw;
		ts.blank_fill = fill;
		ts.nblanks = p->blanks.n;
	}
	lay_rich(L, &r, &ts, L->left + L->indent, lay_width(L) - L->indent,
	    AL_LEFT, 0);
	rich_free(&r);
	if (fill != NULL)
		for (i = 0; i < p->blanks.n; i++)
			rich_free(&fill[i]);
	free(fill);
	free(bw);
}

static void
lay_answer(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	const char *label = L->t->labels[L_ANSWER];
	double lw = lay_plain_width(L, label, &ts), aw, x, base, save;

	aw = lay_width(L) * 0.45;
	if (b->key)
		aw = lay_text_width(L, &b->pi->p->answer, &ks) + lw + 24;
	if (aw < lay_width(L) * 0.45)
		aw = lay_width(L) * 0.45;
	if (aw > lay_width(L) - L->indent)
		aw = lay_width(L) - L->indent;
	x = L->right - aw;
	L->sy += 6;
	save = L->sy;
	base = L->sy + lay_base(L, ts.size);
	lay_plain(L, label, &ts, x, lw + 1, AL_LEFT);
	if (b->key) {
		L->sy = save;
		lay_text(L, &b->pi->p->answer, 0, &ks, x + lw + 8,
		    aw - lw - 8, AL_LEFT, 0);
	} else
		lay_line(L, x + lw + 6, base + 3, L->right, base + 3,
		    L->t->rule, ink, 0);
}

/* Columns for choices: as the teacher asked, else as many as fit. */
static int
lay_columns(struct lay *L, const struct problem *p, const struct tstyle *ts,
    double marker)
{
	double widest = 0, w, avail = lay_width(L) - L->indent;
	size_t i;
	int cols;

	if (p->columns > 0)
		return p->columns;
	for (i = 0; i < p->choices.n; i++) {
		w = lay_text_width(L, &p->choices.v[i], ts);
		if (w > widest)
			widest = w;
	}
	for (cols = 4; cols > 1; cols /= 2)
		if ((widest + marker + 18) * cols <= avail &&
		    (p->choices.n % (size_t)cols == 0 ||
		    p->choices.n < (size_t)cols + 1))
			break;
	return cols;
}

static void
lay_choices(struct lay *L, const struct block *b)
{
	const struct problem *p = b->pi->p;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ls = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double letterw = lay_plain_width(L, "W.", &ls) + 7;
	double marker = letterw + (p->type == P_MULTI ? ls.size * 1.2 : 0);
	double colw, rowtop, rowh = 0, x, h;
	double lh = lay_lh(L, ts.size), base = lay_base(L, ts.size);
	int cols = lay_columns(L, p, &ts, marker);
	size_t i, rows, k;
	char letter[4];

	colw = (lay_width(L) - L->indent) / cols;
	rows = (p->choices.n + (size_t)cols - 1) / (size_t)cols;
	L->sy += 4;
	for (k = 0; k < rows; k++) {
		rowtop = L->sy;
		rowh = lh;
		for (i = k * (size_t)cols; i < (k + 1) * (size_t)cols &&
		    i < p->choices.n; i++) {
			int orig = b->pi->choices[i];
			int right = (p->correct >> orig) & 1;
			double cx = L->left + L->indent +
			    colw * (double)(i % (size_t)cols);
			double bx = cx, by = rowtop + base - ts.size * 0.72;
			double bs = ts.size * 0.8;

			if (p->type == P_MULTI) {
				lay_rect(L, bx, by, bs, bs, L->t->rule,
				    b->key && right ? key_ink : ink)->width =
				    b->key && right ? 1.5 : L->t->rule;
				if (b->key && right) {
					lay_line(L, bx + 2, by + 2, bx + bs - 2,
					    by + bs - 2, 1.5, key_ink, 0);
					lay_line(L, bx + 2, by + bs - 2,
					    bx + bs - 2, by + 2, 1.5, key_ink, 0);
				}
				bx += bs + 6;
			}
			snprintf(letter, sizeof(letter), "%c.", 'A' + (int)i);
			L->sy = rowtop;
			ls.color = b->key && right ? key_ink : ink;
			lay_plain(L, letter, &ls, bx, marker, AL_LEFT);
			if (b->key && right && p->type == P_CHOICE) {
				struct item *c = page_push(&L->strip,
				    ITEM_CIRCLE);

				c->x = bx + ts.size * 0.38;
				c->y = rowtop + base - ts.size * 0.33;
				c->w = ts.size * 0.72;
				c->width = 1.5;
				c->color = key_ink;
			}
			/* one space after the letter: text readers then keep
			 * letter and choice together */
			x = bx + lay_plain_width(L, letter, &ls) + lay_space(L,
			    fonts_pick(L->fs, FS_BOLD, ' '), ls.size);
			L->sy = rowtop;
			ts.color = b->key && right ? key_ink : ink;
			lay_text(L, &p->choices.v[orig], 0, &ts, x,
			    cx + colw - x - 8, AL_LEFT, 0);
			h = L->sy - rowtop;
			if (h > rowh)
				rowh = h;
		}
		L->sy = rowtop + rowh + 2;
	}
}

static void
lay_truefalse(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, ST_BOLD, ink);
	const char *words[2] = { L->t->labels[L_TRUE], L->t->labels[L_FALSE] };
	double x = L->left + L->indent + 8, w, top, base;
	int i;

	L->sy += 4;
	top = L->sy;
	base = lay_base(L, ts.size);
	for (i = 0; i < 2; i++) {
		int right = b->key && (b->pi->p->truth == (i == 0));

		w = lay_plain_width(L, words[i], &ts);
		L->sy = top;
		ts.color = right ? key_ink : ink;
		lay_plain(L, words[i], &ts, x, w + 1, AL_LEFT);
		if (right)
			lay_rect(L, x - 6, top + base - ts.size * 0.95, w + 12,
			    ts.size * 1.3, 1.5, key_ink);
		x += w + 60;
	}
}

static void
lay_match(struct lay *L, const struct block *b)
{
	const struct problem *p = b->pi->p;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	size_t nl = p->left.n, nr = p->right.n + p->extra.n, rows, i, j;
	double half = (lay_width(L) - L->indent) / 2, blank = 36, top, h;
	double x0 = L->left + L->indent, base = lay_base(L, ts.size);
	char buf[32];

	rows = nl > nr ? nl : nr;
	L->sy += 4;
	for (i = 0; i < rows; i++) {
		top = L->sy;
		h = lay_lh(L, ts.size);
		if (i < nl) {
			lay_line(L, x0, top + base + 2, x0 + blank - 6,
			    top + base + 2, L->t->rule, ink, 0);
			if (b->key) {
				for (j = 0; j < nr; j++)
					if (b->pi->right[j] == (int)i)
						break;
				snprintf(buf, sizeof(buf), "%c", 'A' + (int)j);
				lay_plain(L, buf, &ks, x0, blank - 6, AL_CENTER);
				L->sy = top;
			}
			snprintf(buf, sizeof(buf), "%zu.", i + 1);
			lay_plain(L, buf, &ts, x0 + blank, 24, AL_LEFT);
			L->sy = top;
			lay_text(L, &p->left.v[i], 0, &ts, x0 + blank + 22,
			    half - blank - 30, AL_LEFT, 0);
			h = L->sy - top;
		}
		if (i < nr) {
			int k = b->pi->right[i];
			const struct text *t = (size_t)k < p->right.n ?
			    &p->right.v[k] : &p->extra.v[(size_t)k -
			    p->right.n];

			L->sy = top;
			snprintf(buf, sizeof(buf), "%c.", 'A' + (int)i);
			lay_plain(L, buf, &ts, x0 + half, 24, AL_LEFT);
			L->sy = top;
			lay_text(L, t, 0, &ts, x0 + half + 22, half - 22,
			    AL_LEFT, 0);
			if (L->sy - top > h)
				h = L->sy - top;
		}
		L->sy = top + h + 4;
	}
}

static void
lay_order(struct lay *L, const struct block *b)
{
	const struct problem *p = b->pi->p;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	double x0 = L->left + L->indent, bs = ts.size * 1.5, top;
	double base = lay_base(L, ts.size);
	size_t i;
	char buf[16];

	L->sy += 4;
	for (i = 0; i < p->items.n; i++) {
		top = L->sy;
		lay_rect(L, x0, top + base - bs * 0.78, bs, bs, L->t->rule, ink);
		if (b->key) {
			snprintf(buf, sizeof(buf), "%d", b->pi->items[i] + 1);
			lay_plain(L, buf, &ks, x0, bs, AL_CENTER);
		}
		L->sy = top;
		lay_text(L, &p->items.v[b->pi->items[i]], 0, &ts,
		    x0 + bs + 10, lay_width(L) - L->indent - bs - 10,
		    AL_LEFT, 0);
		if (L->sy - top < bs + 4)
			L->sy = top + bs + 4;
	}
}

static void
lay_lines(struct lay *L, const struct block *b)
{
	double pitch = L->t->line_pitch;
	int i;

	for (i = 0; i < b->n; i++) {
		L->sy += pitch;
		lay_line(L, L->left + L->indent, L->sy, L->right, L->sy,
		    L->t->rule * 0.8, gray, 0);
	}
	L->sy += 6;
}

static void
lay_box(struct lay *L, const struct block *b)
{
	double x0 = L->left + L->indent, w = L->right - x0, g = L->t->grid;
	double y0 = L->sy + 6, v;

	if (b->grid)
		for (v = g; v < w - EPS; v += g)
			lay_line(L, x0 + v, y0, x0 + v, y0 + b->h, 0.4, light, 0);
	if (b->grid)
		for (v = g; v < b->h - EPS; v += g)
			lay_line(L, x0, y0 + v, x0 + w, y0 + v, 0.4, light, 0);
	lay_rect(L, x0, y0, w, b->h, L->t->rule, ink);
	L->sy = y0 + b->h + 4;
}

/* Key-only notes: a shaded box holding a label and text or a list. */
static void
lay_keynote(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * 0.92, 0, ink);
	struct tstyle ls = lay_style(L, L->t->size_body * 0.92, ST_BOLD, ink);
	double x0 = L->in_problem ? L->left + L->indent : L->left;
	double w = L->right - x0, top, pad = 6;
	size_t ri, i;

	L->sy += 6;
	top = L->sy;
	ri = L->strip.nitems;
	lay_rect(L, x0, top, w, 0, 0.5, light);
	L->sy += pad;
	lay_plain(L, b->label, &ls, x0 + pad, w - 2 * pad, AL_LEFT);
	if (b->text != NULL)
		lay_text(L, b->text, 0, &ts, x0 + pad, w - 2 * pad, AL_LEFT, 0);
	for (i = 0; b->list != NULL && i < b->list->n; i++) {
		double t = L->sy;

		lay_plain(L, "\xe2\x80\xa2", &ts, x0 + pad + 2, 12, AL_LEFT);
		L->sy = t;
		lay_text(L, &b->list->v[i], 0, &ts, x0 + pad + 16,
		    w - 2 * pad - 16, AL_LEFT, 0);
	}
	L->sy += pad;
	L->strip.items[ri].h = L->sy - top;
	L->strip.items[ri].fill = 1;
	L->strip.items[ri].fill_color = shade;
}

static void
lay_block(struct lay *L, const struct block *b)
{
	struct tstyle ts;
	double top;

	switch (b->kind) {
	case BK_TITLE:
		ts = lay_style(L, L->t->size_title, ST_BOLD, ink);
		lay_text(L, b->text, 0, &ts, L->left, lay_width(L), AL_CENTER,
		    0);
		lay_place(L, L->sy, 0);
		break;
	case BK_SUBTITLE:
		ts = lay_style(L, L->t->size_heading, ST_BOLD, key_ink);
		lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_CENTER);
		lay_place(L, L->sy, 2);
		break;
	case BK_FIELDS:
		lay_fields(L, b);
		lay_place(L, L->sy, 4);
		break;
	case BK_TOTAL:
		ts = lay_style(L, L->t->size_small, 0, gray);
		lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_RIGHT);
		lay_place(L, L->sy, 0);
		break;
	case BK_TEXT:
		ts = lay_style(L, L->t->size_body, 0, ink);
		L->sy = 0;
		if (L->pending.nitems > 0) {
			/* a section's short instructions stay with its
			 * heading, and both wait for the first problem */
			lay_text(L, b->text, 0, &ts, L->left, lay_width(L),
			    AL_LEFT, 0);
			if (L->sy <= (L->bottom - L->top) / 3) {
				lay_move(&L->pending, &L->strip, L->pending_h,
				    L, 0);
				L->pending_h += L->sy + L->t->gap_paragraph;
				L->sy = 0;
				break;
			}
			lay_strip_clear(&L->strip);	/* a long passage */
			L->sy = 0;
		} else if (L->y > L->top + EPS)
			L->y += L->t->gap_paragraph;
		lay_text(L, b->text, 0, &ts, L->left, lay_width(L), AL_LEFT,
		    1);
		break;
	case BK_HEADING:
		ts = lay_style(L, L->t->size_heading, ST_BOLD, ink);
		L->sy = 6;
		lay_text(L, b->text, 0, &ts, L->left, lay_width(L), AL_LEFT, 0);
		lay_line(L, L->left, L->sy, L->right, L->sy, 0.5, gray, 0);
		L->sy += 4;
		/* wait for the first thing under it */
		lay_move(&L->pending, &L->strip, 0, L, 0);
		L->pending_h = L->sy;
		L->sy = 0;
		if (L->y > L->top + EPS)
			L->y += L->t->gap_problem;
		break;
	case BK_PROBLEM:
		lay_problem(L, b);
		break;
	case BK_HINT:
		ts = lay_style(L, L->t->size_body * 0.9, ST_ITALIC, gray);
		lay_plain(L, b->label, &ts, L->left + L->indent,
		    lay_width(L) - L->indent, AL_LEFT);
		break;
	case BK_SPACE:
		L->sy += b->h;
		break;
	case BK_ANSWER:
		lay_answer(L, b);
		break;
	case BK_CHOICES:
		lay_choices(L, b);
		break;
	case BK_TRUEFALSE:
		lay_truefalse(L, b);
		break;
	case BK_MATCH:
		lay_match(L, b);
		break;
	case BK_ORDER:
		lay_order(L, b);
		break;
	case BK_LINES:
		lay_lines(L, b);
		break;
	case BK_BOX:
		lay_box(L, b);
		break;
	case BK_KEYNOTE:
		lay_keynote(L, b);
		if (!L->in_problem)
			lay_place(L, L->sy, L->t->gap_paragraph);
		break;
	case BK_END:
		top = L->sy;
		L->in_problem = 0;
		if (lay_place(L, top, L->t->gap_problem) < 0) {
			diag_error(&b->pi->p->mark, "problem %d is taller "
			    "than a page (%.1f cm of %.1f cm); give it less "
			    "space or split it", b->pi->number,
			    (top + L->pending_h) / 72 * 2.54,
			    (L->bottom - L->top) / 72 * 2.54);
			L->failed = 1;
		}
		break;
	}
}

/* Footers: the document's name on the left, "Page n of N" on the right. */
static void
lay_footers(struct lay *L, const char *footer)
{
	struct tstyle ts = lay_style(L, L->t->size_small, 0, gray);
	char n[24], total[24], *page;
	size_t i;
	double y = L->doc->height - L->t->margin[2] + 14;

	snprintf(total, sizeof(total), "%zu", L->doc->npages);
	for (i = 0; i < L->doc->npages; i++) {
		snprintf(n, sizeof(n), "%zu", i + 1);
		page = label_fmt(L->t, L_PAGE, n, total);
		L->sy = 0;
		if (footer != NULL)
			lay_plain(L, footer, &ts, L->left, lay_width(L) * 0.7,
			    AL_LEFT);
		L->sy = 0;
		lay_plain(L, page, &ts, L->left + lay_width(L) * 0.7,
		    lay_width(L) * 0.3, AL_RIGHT);
		free(page);
		lay_move(&L->doc->pages[i], &L->strip, y, L, 1);
	}
}

struct doc *
layout(const struct blocks *bs, const struct template *t, struct fonts *fs,
    int a4, const char *title)
{
	struct lay L;
	size_t i;
	struct tstyle ns;
	struct doc *d;

	memset(&L, 0, sizeof(L));
	L.t = t;
	L.fs = fs;
	L.doc = d = doc_new(a4 ? PAPER_A4_W : PAPER_LETTER_W,
	    a4 ? PAPER_A4_H : PAPER_LETTER_H);
	d->title = xstrdup(title);
	L.left = t->margin[3];
	L.right = d->width - t->margin[1];
	L.top = t->margin[0];
	L.bottom = d->height - t->margin[2];
	ns = lay_style(&L, t->size_body, ST_BOLD, ink);
	L.indent = lay_plain_width(&L, "00.", &ns) +
	    lay_space(&L, fonts_pick(fs, FS_BOLD, ' '), ns.size);
	for (i = 0; i < bs->n; i++)
		lay_block(&L, &bs->v[i]);
	if (L.pending.nitems > 0)
		lay_place(&L, 0, 0);
	if (d->npages == 0)
		lay_new_page(&L);
	lay_footers(&L, bs->footer);
	lay_strip_clear(&L.strip);
	lay_strip_clear(&L.pending);
	free(L.strip.items);
	free(L.pending.items);
	if (L.failed) {
		doc_free(d);
		return NULL;
	}
	return d;
}

void
layout_blank_page(struct doc *d, const struct template *t, struct fonts *fs)
{
	struct lay L;
	struct tstyle ts;

	memset(&L, 0, sizeof(L));
	L.t = t;
	L.fs = fs;
	L.doc = d;
	L.left = t->margin[3];
	L.right = d->width - t->margin[1];
	ts = lay_style(&L, t->size_small, ST_ITALIC, gray);
	L.page = doc_add_page(d);
	L.sy = d->height / 2;
	lay_plain(&L, t->labels[L_BLANK_PAGE], &ts, L.left, lay_width(&L),
	    AL_CENTER);
	lay_move(L.page, &L.strip, 0, &L, 1);
	free(L.strip.items);
}
