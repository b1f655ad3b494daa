/*
 * layout_figure.c - drawing figures (figure.h) into the strip: lines, arcs,
 * wedges, rectangles and text set like the page's (math for numbers, so a
 * tick at 3/4 is a stacked 3/4).  Every size is in units of the body size,
 * so large print draws larger figures with larger labels.  A figure is
 * drawn around an origin of its own, then moved under what precedes it;
 * its items are wrapped in a span whose text is the figure read aloud
 * ("number line from 0 to 2 in steps of 1/4; point A at 3/4"), which is
 * what text extraction reads.  Key items are drawn only when the block is
 * the key's, in the answer colour.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "figure.h"
#include "font.h"
#include "layout_int.h"
#include "util.h"

#define ALT_MAX	2000
#define FG_BOXES	64

/* A figure being drawn. */
struct fg {
	struct lay	*L;
	int		 key;		/* the key's copy: key items too */
	double		 u;		/* the unit: the body size */
	double		 lw;		/* a line's weight */
	struct tstyle	 ts, ks;	/* labels; the key's labels */
	const struct mark *mark;	/* the figure, for messages */
	int		 backed;	/* text over a white box: labels set
					 * on a grid */
	double		 tx0, tx1;	/* left and right of the text set, as
					 * measured */
	char		 alt[ALT_MAX];	/* read aloud, for extraction */
	size_t		 altn;
	double		 box[FG_BOXES][4];	/* point labels placed: x0 y0 x1
					 * y1, so the next goes elsewhere */
	const char	*boxof[FG_BOXES];	/* whose label each is */
	size_t		 nbox;
};

/* The label placed before that the box x0 y0 x1 y1 would touch, or
 * NULL. */
static const char *
fg_touches(const struct fg *g, double x0, double y0, double x1, double y1)
{
	size_t i;

	for (i = 0; i < g->nbox; i++)
		if (x0 < g->box[i][2] && g->box[i][0] < x1 &&
		    y0 < g->box[i][3] && g->box[i][1] < y1)
			return g->boxof[i];
	return NULL;
}

static void
fg_claim(struct fg *g, const char *who, double x0, double y0, double x1,
    double y1)
{
	if (g->nbox == FG_BOXES)
		return;
	g->box[g->nbox][0] = x0;
	g->box[g->nbox][1] = y0;
	g->box[g->nbox][2] = x1;
	g->box[g->nbox][3] = y1;
	g->boxof[g->nbox++] = who;
}

/* Whether an item of the figure is drawn on this copy. */
static int
fg_shows(const struct fg *g, int key)
{
	return !key || g->key;
}

static struct color
fg_ink(int key)
{
	return key ? key_ink : ink;
}

static void
fg_say(struct fg *g, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
fg_say(struct fg *g, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (g->altn + 1 >= sizeof(g->alt))
		return;
	va_start(ap, fmt);
	n = vsnprintf(g->alt + g->altn, sizeof(g->alt) - g->altn, fmt, ap);
	va_end(ap);
	if (n > 0)
		g->altn += (size_t)n;
	if (g->altn >= sizeof(g->alt))
		g->altn = sizeof(g->alt) - 1;
}

/* Add sep and label l (its {n} and {total} filled) to the text read
 * aloud: the words are the language's (templates/labels/). */
static void
fg_sayl(struct fg *g, const char *sep, enum label l, const char *n,
    const char *total)
{
	char *s = label_fmt(g->L->t, l, n, total);

	/* the language's separators: "؛ " and "، " in Arabic */
	if (strcmp(sep, "; ") == 0)
		sep = g->L->t->labels[L_LIST_SEP];
	else if (strcmp(sep, ", ") == 0)
		sep = g->L->t->labels[L_LIST_COMMA];
	fg_say(g, "%s%s", sep, s);
	free(s);
}

static struct item *
fg_line(struct fg *g, double x, double y, double x2, double y2, double w,
    struct color c)
{
	return lay_line(g->L, x, y, x2, y2, w, c, 0);
}

/* A filled dot. */
static void
fg_dot(struct fg *g, double x, double y, double r, struct color c)
{
	struct item *it = page_push(&g->L->strip, ITEM_CIRCLE);

	it->x = x;
	it->y = y;
	it->w = r;
	it->fill = 1;
	it->stroke = 0;
	it->fill_color = c;
	it->color = c;
}

static struct item *
fg_arc(struct fg *g, double x, double y, double r, double a0, double a1)
{
	struct item *it = page_push(&g->L->strip, ITEM_ARC);

	it->x = x;
	it->y = y;
	it->w = r;
	it->a0 = a0;
	it->a1 = a1;
	it->width = g->lw;
	it->color = ink;
	it->stroke = 1;
	return it;
}

/* An arrowhead with its tip at (x, y) pointing along (dx, dy). */
static void
fg_arrow(struct fg *g, double x, double y, double dx, double dy,
    struct color c)
{
	double back = atan2(dy, -dx) * 180 / M_PI;	/* page y grows down */
	struct item *it = fg_arc(g, x, y, FG_ARROW_LEN * g->u,
	    back - FG_ARROW_SPREAD, back + FG_ARROW_SPREAD);

	it->fill = 1;
	it->stroke = 0;
	it->fill_color = c;
	it->color = c;
}

/* Where text sits against the point given. */
enum fg_anchor { FA_TOP, FA_BOTTOM, FA_MIDDLE };

/* Set s (markup and math) centred on cx (al AL_CENTER) or starting or
 * ending there, its top, bottom or middle at y.  Returns its width; *h
 * its height when h is not NULL. */
static double
fg_text(struct fg *g, const char *s, double cx, double y, enum align al,
    enum fg_anchor an, const struct tstyle *ts, double *h)
{
	struct lay *L = g->L;
	struct text t;
	double w, x, save = L->sy;
	size_t from = L->strip.nitems;

	memset(&t, 0, sizeof(t));
	t.s = (char *)s;
	t.mark = *g->mark;
	w = lay_text_width(L, &t, ts);
	x = al == AL_CENTER ? cx - w / 2 : al == AL_RIGHT ? cx - w : cx;
	if (x < g->tx0)
		g->tx0 = x;
	if (x + w > g->tx1)
		g->tx1 = x + w;
	L->sy = 0;
	lay_text(L, &t, 0, ts, x - FG_TEXT_SLACK, w + FG_TEXT_ROOM, al, 0);
	if (h != NULL)
		*h = L->sy;
	lay_shift(L, from, L->strip.nitems, an == FA_TOP ? y : an ==
	    FA_BOTTOM ? y - L->sy : y - L->sy / 2);
	if (g->backed) {
		/* a white box under the text, first so that it is below */
		struct item *it = page_push(&L->strip, ITEM_RECT), box;
		double top = an == FA_TOP ? y : an == FA_BOTTOM ? y - L->sy :
		    y - L->sy / 2;

		it->x = x - FG_BACK_PAD * g->u;
		it->y = top + FG_BACK_TOP * L->sy;
		it->w = w + FG_BACK_WIDEN * g->u;
		it->h = FG_BACK_H * L->sy;
		it->fill = 1;
		it->stroke = 0;
		it->fill_color.r = it->fill_color.g = it->fill_color.b = 1;
		box = *it;
		memmove(&L->strip.items[from + 1], &L->strip.items[from],
		    (L->strip.nitems - 1 - from) * sizeof(*it));
		L->strip.items[from] = box;
	}
	L->sy = save;
	return w;
}

/* A point's label at the first of n places (left x0[i], top y0[i]) where
 * it touches no label placed before; all taken: an error naming both. */
static void
fg_place_label(struct fg *g, const struct text *label, const struct tstyle *ts,
    const double *x0, const double *y0, size_t n, const char *fix)
{
	struct lay *L = g->L;
	double w = lay_text_width(L, label, ts), h = lay_lh(L, ts->size);
	const char *other = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if ((other = fg_touches(g, x0[i], y0[i], x0[i] + w,
		    y0[i] + h)) == NULL)
			break;
	if (i == n) {
		if (lay_first_at(L, &label->mark))
			sc_error(&label->mark, "the labels %s and %s touch; %s",
			    other, label->s, fix);
		L->failed = 1;
		i = 0;
	}
	fg_text(g, label->s, x0[i], y0[i], AL_LEFT, FA_TOP, ts, NULL);
	fg_claim(g, label->s, x0[i], y0[i], x0[i] + w, y0[i] + h);
}

/* A number as math, so that 3/4 stacks and -2 has a minus sign. */
static char *
fg_math(struct fg *g, struct rat v, int places)
{
	char b[VAL_TEXT_MAX], *dot;

	fig_format(v, places, b);
	/* the language's decimal mark: 0,25 in Spanish */
	if ((dot = strchr(b, '.')) != NULL && (g->L->parse & RP_DECIMAL_COMMA))
		*dot = ',';
	return xasprintf("`%s`", b);
}

static double
fg_math_width(struct fg *g, struct rat v, int places)
{
	struct text t;
	double w;

	memset(&t, 0, sizeof(t));
	t.s = fg_math(g, v, places);
	t.mark = *g->mark;
	w = lay_text_width(g->L, &t, &g->ts);
	free(t.s);
	return w;
}

/* ---- number lines ------------------------------------------------------- */

/* The decimals a line's generated values print with: the most of from
 * and ticks, or -1 (fractions) when both are written without. */
static int
nl_places(const struct numberline *nl)
{
	int p = nl->from.places > nl->ticks.places ? nl->from.places :
	    nl->ticks.places;

	return p;
}

static long
nl_steps(const struct numberline *nl)
{
	struct rat span, q;

	if (rat_sub(nl->to.v, nl->from.v, &span, NULL) < 0 ||
	    rat_div(span, nl->ticks.v, &q, NULL) < 0)
		return 1;
	return (long)q.n;
}

/* x of value v on a line from lx0 (from) to lx1 (to). */
static double
nl_x(const struct numberline *nl, struct rat v, double lx0, double lx1)
{
	double f = fig_d(nl->from.v), t = fig_d(nl->to.v);

	return lx0 + (fig_d(v) - f) / (t - f) * (lx1 - lx0);
}

/* The value of tick i. */
static struct rat
nl_tick(const struct numberline *nl, long i)
{
	struct rat r = nl->from.v, k;

	if (rat_make(i, 1, &k, NULL) == 0 && rat_mul(k, nl->ticks.v, &k,
	    NULL) == 0)
		rat_add(nl->from.v, k, &r, NULL);
	return r;
}

static int
nl_is_blank(const struct numberline *nl, struct rat v)
{
	size_t i;

	for (i = 0; i < nl->blanks.n; i++)
		if (rat_cmp(nl->blanks.v[i].v, v) == 0)
			return 1;
	return 0;
}

/* Widest label the line could print (its ends and ticks), for room. */
static double
nl_widest(struct fg *g, const struct numberline *nl)
{
	long n = nl_steps(nl), i, stride = n > 40 ? n / 40 : 1;
	double w, most = 0;

	for (i = 0; i <= n; i += stride) {
		w = fg_math_width(g, nl_tick(nl, i), nl_places(nl));
		if (w > most)
			most = w;
	}
	return most;
}

/* Labels every k-th of n ticks, k the least of 1, 2, 4, 5, 10, 20 ...
 * whose labels do not touch. */
static long
nl_stride_n(long n, double spacing, double widest, double gap)
{
	static const long mult[] = { 1, 2, 4, 5 };
	long scale = 1, k = 1;
	int i = 0;

	while (spacing * k < widest + gap && k < n) {
		if (++i == 4) {
			i = 0;
			scale *= 10;
		}
		k = mult[i] * scale;
		if (i == 0)
			k = scale;
	}
	return k;
}

/* A number set as math at (x, y), aligned and anchored so. */
static void
fg_num_at(struct fg *g, struct rat v, int places, double x, double y,
    enum align al, enum fg_anchor an)
{
	char *s = fg_math(g, v, places);

	fg_text(g, s, x, y, al, an, &g->ts, NULL);
	free(s);
}

/* A value's label on a line, under it (side 1) or over it (side -1). */
static void
nl_label(struct fg *g, struct rat v, int places, double x, double ly,
    int side, int key)
{
	char *s = fg_math(g, v, places);

	fg_text(g, s, x, ly + side * NL_VALUE_GAP * g->u, AL_CENTER, side > 0 ?
	    FA_TOP : FA_BOTTOM, key ? &g->ks : &g->ts, NULL);
	free(s);
}

/* One line: from at lx0, to at lx1, at height ly; labels under it
 * (side 1) or over it (side -1), points and jumps on the other side for a
 * single line (other) or beyond the labels. */
static void
nl_draw(struct fg *g, const struct numberline *nl, double lx0, double lx1,
    double ly, int side, enum label name)
{
	struct lay *L = g->L;
	double pad = NL_END_PAD * g->u, spacing, x, half;
	long n = nl_steps(nl), i, k;
	char a[VAL_TEXT_MAX], b[VAL_TEXT_MAX], c[VAL_TEXT_MAX];
	int places = nl_places(nl), shown;
	size_t j, njumps = 0;
	double *lx;

	/* the line, with an arrowhead at each end */
	fg_line(g, lx0 - pad, ly, lx1 + pad, ly, g->lw * FG_STROKE_MID, ink);
	fg_arrow(g, lx1 + pad + FG_ARROW_GAP * g->u, ly, 1, 0, ink);
	fg_arrow(g, lx0 - pad - FG_ARROW_GAP * g->u, ly, -1, 0, ink);
	if (nl->title.s != NULL)
		fg_text(g, nl->title.s, lx0 - pad - FG_TITLE_GAP * g->u, ly,
		    AL_RIGHT,
		    FA_MIDDLE, &g->ts, NULL);
	fig_format(nl->from.v, nl->from.places, a);
	fig_format(nl->to.v, nl->to.places, b);
	fig_format(nl->ticks.v, nl->ticks.places, c);
	fg_sayl(g, g->altn ? "; " : "", name, NULL, NULL);
	if (nl->title.s != NULL)
		fg_say(g, " (%s)", nl->title.s);
	fg_sayl(g, " ", L_FIG_FROM_TO, a, b);
	fg_sayl(g, " ", L_FIG_STEPS, c, NULL);
	spacing = (lx1 - lx0) / (double)n;
	for (i = 0; i <= n; i++) {
		struct rat v = nl_tick(nl, i);

		x = lx0 + spacing * (double)i;
		/* wholes longer than the parts between them */
		half = (v.d == 1 && nl->ticks.v.d != 1 ? NL_TICK_WHOLE :
		    NL_TICK_PART) * g->u;
		if (nl->ticks.v.d == 1)
			half = NL_TICK_EVERY * g->u;
		fg_line(g, x, ly - half, x, ly + half, g->lw, ink);
	}
	/* labels: all (thinned so that they do not touch), ends, a list */
	k = nl->labels == NL_ALL ? nl_stride_n(n, spacing, nl_widest(g, nl),
	    NL_LABEL_GAP * g->u) : n;
	if (nl->labels == NL_ALL || nl->labels == NL_ENDS)
		for (i = 0; i <= n; i += k) {
			struct rat v = nl_tick(nl, i);

			if (!nl_is_blank(nl, v))
				nl_label(g, v, places, lx0 + spacing *
				    (double)i, ly, side, 0);
			if (i + k > n && i != n && nl->labels == NL_ENDS)
				k = n - i;
		}
	lx = xcalloc(nl->at.n + 1, sizeof(*lx));
	for (j = 0; j < nl->at.n; j++) {
		const struct fnum *f = &nl->at.v[j];

		if (!fg_shows(g, f->key) || nl_is_blank(nl, f->v))
			continue;
		x = nl_x(nl, f->v, lx0, lx1);
		nl_label(g, f->v, f->places, x, ly, side, f->key);
		lx[j] = x;
	}
	/* list labels that touch: say which */
	for (j = 1; j < nl->at.n; j++) {
		double wa = fg_math_width(g, nl->at.v[j - 1].v,
		    nl->at.v[j - 1].places);
		double wb = fg_math_width(g, nl->at.v[j].v,
		    nl->at.v[j].places);

		if (!fg_shows(g, nl->at.v[j].key) ||
		    !fg_shows(g, nl->at.v[j - 1].key))
			continue;
		if (fabs(lx[j] - lx[j - 1]) < (wa + wb) / 2 + NL_LABEL_TOUCH *
		    g->u) {
			if (lay_first_at(L, &nl->at.v[j].t.mark))
				sc_error(&nl->at.v[j].t.mark, "the labels %s "
				    "and %s of the number line touch; make the "
				    "figure wider (width:) or label fewer "
				    "values", nl->at.v[j - 1].t.s,
				    nl->at.v[j].t.s);
			L->failed = 1;
		}
	}
	free(lx);
	/* blanks: an empty box where the label would be; the key fills it */
	if (nl->blanks.n > 0)
	{
		snprintf(a, sizeof(a), "%zu", nl->blanks.n);
		fg_sayl(g, "; ", L_FIG_BOXES, a, NULL);
	}
	for (j = 0; j < nl->blanks.n; j++) {
		const struct fnum *f = &nl->blanks.v[j];
		double bw = NL_BOX_W * g->u, bh = NL_BOX_H * g->u, top;

		x = nl_x(nl, f->v, lx0, lx1);
		top = side > 0 ? ly + NL_BOX_GAP * g->u : ly - NL_BOX_GAP *
		    g->u - bh;
		lay_rect(L, x - bw / 2, top, bw, bh, g->lw, ink);
		if (g->key) {
			char *s = fg_math(g, f->v, f->places);

			fig_format(f->v, f->places, a);
			fg_say(g, "%s%s", j ? g->L->t->labels[L_LIST_COMMA] :
			    " (", a);
			if (j + 1 == nl->blanks.n)
				fg_say(g, ")");
			fg_text(g, s, x, top + bh / 2, AL_CENTER, FA_MIDDLE,
			    &g->ks, NULL);
			free(s);
		}
	}
	/* jumps: arcs on the side away from the labels, landing arrows */
	for (j = 0; j < nl->njumps; j++) {
		const struct fjump *jp = &nl->jumps[j];
		double x1 = nl_x(nl, jp->from.v, lx0, lx1);
		double x2 = nl_x(nl, jp->to.v, lx0, lx1);
		double chord = fabs(x2 - x1), s, R, th, cx, cy, top;
		struct item *it;
		struct color col = fg_ink(jp->key);
		int right = x2 > x1;

		if (!fg_shows(g, jp->key))
			continue;
		s = chord * NL_JUMP_RISE < NL_JUMP_RISE_MAX * g->u ?
		    chord * NL_JUMP_RISE : NL_JUMP_RISE_MAX * g->u;
		R = (chord * chord / 4 + s * s) / (2 * s);
		th = asin((R - s) / R) * 180 / M_PI;
		cx = (x1 + x2) / 2;
		cy = ly + side * (R - s);
		/* over the line (side 1): from th to 180 - th */
		if (side > 0)
			it = fg_arc(g, cx, cy, R, th, 180 - th);
		else
			it = fg_arc(g, cx, cy, R, 180 + th, 360 - th);
		it->color = col;
		it->width = g->lw * FG_STROKE_AXIS;
		/* the landing's direction along the arc */
		fg_arrow(g, x2, ly, right ? sin(th * M_PI / 180) :
		    -sin(th * M_PI / 180), side * cos(th * M_PI / 180), col);
		top = ly - side * (s + NL_JUMP_LABEL_GAP * g->u);
		if (jp->label.s != NULL)
			fg_text(g, jp->label.s, cx, top, AL_CENTER, side > 0 ?
			    FA_BOTTOM : FA_TOP, jp->key ? &g->ks : &g->ts,
			    NULL);
		fig_format(jp->from.v, jp->from.places, a);
		fig_format(jp->to.v, jp->to.places, b);
		if (g->key)
			fg_sayl(g, "; ", L_FIG_JUMP, a, b);
		else
			njumps++;
	}
	if (njumps > 0) {
		snprintf(a, sizeof(a), "%zu", njumps);
		fg_sayl(g, "; ", L_FIG_JUMPS, a, NULL);
	}
	/* points: dots on the line, letters on the jumps' side */
	for (j = 0; j < nl->npoints; j++) {
		const struct fpoint *p = &nl->points[j];
		struct color col = fg_ink(p->key);

		if (!fg_shows(g, p->key))
			continue;
		x = nl_x(nl, p->x.v, lx0, lx1);
		fg_dot(g, x, ly, FG_DOT_R * g->u, col);
		shown = p->label.s != NULL && p->label.s[0] != '\0';
		if (shown) {
			struct tstyle bs = p->key ? g->ks : g->ts;
			double w, h, px[3], py[3];
			int lv;

			bs.style = ST_BOLD;
			/* over the dot; points close together stack their
			 * letters */
			w = lay_text_width(g->L, &p->label, &bs);
			h = lay_lh(g->L, bs.size);
			for (lv = 0; lv < 3; lv++) {
				px[lv] = x - w / 2;
				py[lv] = side > 0 ? ly - NL_POINT_LABEL_GAP *
				    g->u - h *
				    (double)(lv + 1) : ly + NL_POINT_LABEL_GAP *
				    g->u + h *
				    (double)lv;
			}
			fg_place_label(g, &p->label, &bs, px, py, 3, "move the "
			    "points apart or make the line wider (width:)");
		}
		fig_format(p->x.v, p->x.places, a);
		if (g->key)
			fg_sayl(g, "; ", L_FIG_POINT, shown ? p->label.s : "",
			    a);
		else	/* where it is, is for the student to find */
			fg_sayl(g, "; ", L_FIG_POINT_MARK, shown ? p->label.s :
			    "", NULL);
	}
}

static void
fg_numberline(struct fg *g, const struct numberline *nl, double x,
    double w)
{
	double titlew = 0, tw, pad, lx0, lx1, widest;
	const struct numberline *bl = nl->below;

	if (nl->title.s != NULL)
		titlew = lay_plain_width(g->L, nl->title.s, &g->ts);
	if (bl != NULL && bl->title.s != NULL &&
	    (tw = lay_plain_width(g->L, bl->title.s, &g->ts)) > titlew)
		titlew = tw;
	if (titlew > 0)
		titlew += FG_TITLE_GAP * g->u;
	widest = nl_widest(g, nl);
	if (bl != NULL && nl_widest(g, bl) > widest)
		widest = nl_widest(g, bl);
	pad = NL_SIDE_PAD * g->u;
	if (widest / 2 + NL_LABEL_TOUCH * g->u > pad)
		pad = widest / 2 + NL_LABEL_TOUCH * g->u;
	lx0 = x + titlew + pad;
	lx1 = x + w - pad;
	if (bl == NULL) {
		nl_draw(g, nl, lx0, lx1, 0, 1, L_FIG_NUMBERLINE);
		return;
	}
	/* a double number line: values over the top line, under the bottom
	 * one, ticks in the same places */
	nl_draw(g, nl, lx0, lx1, 0, -1, L_FIG_DOUBLE_TOP);
	nl_draw(g, bl, lx0, lx1, NL_DOUBLE_GAP * g->u, 1, L_FIG_DOUBLE_BOTTOM);
}

/* ---- coordinate planes -------------------------------------------------- */

/* Where a plane's values land on the page. */
struct pmap {
	double		 px0, py0;	/* (x0, y0): bottom-left corner */
	double		 cx, cy;	/* points per unit across, up */
	double		 x0, x1, y0, y1;
};

static double
pm_x(const struct pmap *m, double v)
{
	return m->px0 + (v - m->x0) * m->cx;
}

static double
pm_y(const struct pmap *m, double v)
{
	return m->py0 - (v - m->y0) * m->cy;
}

/* The ends of line l inside the plane, in values; 0 if it misses it. */
static int
pl_clip(const struct pmap *m, const struct fline *l, double *ax, double *ay,
    double *bx, double *by)
{
	double mm = fig_d(l->m), b = fig_d(l->b), xs[2], ys[2], x, y, t;
	int n = 0, side;

	if (l->vertical) {
		if (b < m->x0 - 1e-9 || b > m->x1 + 1e-9)
			return 0;
		*ax = *bx = b;
		*ay = m->y0;
		*by = m->y1;
		return 1;
	}
	/* where it crosses each side, kept when on that side */
	for (side = 0; side < 4 && n < 2; side++) {
		if (side < 2) {
			x = side == 0 ? m->x0 : m->x1;
			y = mm * x + b;
		} else {
			if (mm == 0)
				continue;
			y = side == 2 ? m->y0 : m->y1;
			x = (y - b) / mm;
		}
		if (x < m->x0 - 1e-9 || x > m->x1 + 1e-9 || y < m->y0 - 1e-9 ||
		    y > m->y1 + 1e-9)
			continue;
		if (n == 1 && fabs(xs[0] - x) < 1e-9 && fabs(ys[0] - y) < 1e-9)
			continue;	/* a corner, met twice */
		xs[n] = x;
		ys[n++] = y;
	}
	if (n < 2)
		return 0;
	if (xs[0] > xs[1]) {
		t = xs[0], xs[0] = xs[1], xs[1] = t;
		t = ys[0], ys[0] = ys[1], ys[1] = t;
	}
	*ax = xs[0], *ay = ys[0], *bx = xs[1], *by = ys[1];
	return 1;
}

static void
pl_point_label(struct fg *g, const struct pmap *m, const struct fpoint *p,
    struct color col)
{
	struct tstyle bs = p->key ? g->ks : g->ts;
	double x = pm_x(m, fig_d(p->x.v)), y = pm_y(m, fig_d(p->y.v));
	double w, h, px[4], py[4];

	fg_dot(g, x, y, FG_DOT_R * g->u, col);
	if (p->label.s == NULL || p->label.s[0] == '\0')
		return;
	bs.style = ST_BOLD;
	/* up and right of the dot, off the grid's crossing; else up left,
	 * down right, down left */
	w = lay_text_width(g->L, &p->label, &bs);
	h = lay_lh(g->L, bs.size);
	px[0] = px[2] = x + PL_LABEL_DX * g->u;
	px[1] = px[3] = x - PL_LABEL_DX * g->u - w;
	py[0] = py[1] = y - PL_LABEL_DY * g->u - h;
	py[2] = py[3] = y + PL_LABEL_DY * g->u;
	fg_place_label(g, &p->label, &bs, px, py, 4, "move the points "
	    "apart or make the plane wider (width:)");
}

/* "; WHAT (x, y)", or ", (x, y)" going on with the same thing (what
 * L__MAX); a labelled point says its label. */
static void
pl_say_point(struct fg *g, enum label what, const struct fpoint *p)
{
	char x[VAL_TEXT_MAX], y[VAL_TEXT_MAX], *xy;

	fig_format(p->x.v, p->x.places, x);
	fig_format(p->y.v, p->y.places, y);
	xy = xasprintf("(%s, %s)", x, y);
	if (!g->key) {
		/* a worksheet: where things are is for the student to find */
		if (what == L_FIG_POINT)
			fg_sayl(g, "; ", L_FIG_POINT_MARK, p->label.s ?
			    p->label.s : "", NULL);
		else if (what != L__MAX)
			fg_sayl(g, "; ", what, NULL, NULL);
	} else if (what == L_FIG_POINT)
		fg_sayl(g, "; ", what, p->label.s ? p->label.s : "", xy);
	else if (what != L__MAX) {
		fg_sayl(g, "; ", what, NULL, NULL);
		fg_say(g, " %s", xy);
	} else
		fg_say(g, "%s%s", g->L->t->labels[L_LIST_COMMA], xy);
	free(xy);
}

/* The value of step i of a scale from lo in steps of st. */
static int
pl_tick(struct rat lo, struct rat st, long i, struct rat *r)
{
	return rat_make((int64_t)i, 1, r, NULL) == 0 && rat_mul(*r, st, r,
	    NULL) == 0 && rat_add(lo, *r, r, NULL) == 0 ? 0 : -1;
}

/* The widest label of a scale of n steps. */
static double
pl_widest(struct fg *g, struct rat lo, struct rat st, long n, int places)
{
	double most = 0, lw;
	struct rat r;
	long i;

	for (i = 0; i <= n; i++)
		if (pl_tick(lo, st, i, &r) == 0 &&
		    (lw = fg_math_width(g, r, places)) > most)
			most = lw;
	return most;
}

static void
fg_plane(struct fg *g, const struct plane *pl, double x, double w)
{
	struct pmap m;
	long nx, ny, i, kx, ky;
	double sx = fig_d(pl->grid.v), sy = fig_d(pl->gridy.v), lm, rm, v;
	double ax, ay, bx, by, px, py, widest, xwidest, ox, oy, cell;
	char a[VAL_TEXT_MAX], b[VAL_TEXT_MAX];
	size_t j;

	m.x0 = fig_d(pl->x0.v);
	m.x1 = fig_d(pl->x1.v);
	m.y0 = fig_d(pl->y0.v);
	m.y1 = fig_d(pl->y1.v);
	nx = (long)floor((m.x1 - m.x0) / sx + 0.5);
	ny = (long)floor((m.y1 - m.y0) / sy + 0.5);
	/* room for the y labels at the left, the x-axis' name at the right */
	widest = pl_widest(g, pl->y0.v, pl->gridy.v, ny, pl->gridy.places);
	xwidest = pl_widest(g, pl->x0.v, pl->grid.v, nx, pl->grid.places);
	lm = widest + PL_NUM_GAP * g->u;
	rm = PL_RIGHT_ROOM * g->u + (pl->xname.s != NULL ? lay_plain_width(g->L,
	    pl->xname.s, &g->ts) + PL_NAME_GAP * g->u : 0);
	/* grid squares are square; a tall plane no taller than 1.2 times
	 * its width */
	cell = (w - lm - rm) / (double)nx;
	if (cell * (double)ny > PL_MAX_ASPECT * (w - lm - rm))
		cell = PL_MAX_ASPECT * (w - lm - rm) / (double)ny;
	m.cx = cell / sx;
	m.cy = cell / sy;
	m.px0 = x + lm;
	m.py0 = 0;
	/* grid: thin and gray */
	for (i = 0; i <= nx; i++)
		fg_line(g, pm_x(&m, m.x0 + i * sx), pm_y(&m, m.y0),
		    pm_x(&m, m.x0 + i * sx), pm_y(&m, m.y1), PL_GRID_W, light);
	for (i = 0; i <= ny; i++)
		fg_line(g, pm_x(&m, m.x0), pm_y(&m, m.y0 + i * sy),
		    pm_x(&m, m.x1), pm_y(&m, m.y0 + i * sy), PL_GRID_W, light);
	/* axes through 0 (or along the edge), arrows at the ends */
	ox = m.x0 > 0 ? m.x0 : m.x1 < 0 ? m.x1 : 0;
	oy = m.y0 > 0 ? m.y0 : m.y1 < 0 ? m.y1 : 0;
	fg_line(g, pm_x(&m, m.x0), pm_y(&m, oy),
	    pm_x(&m, m.x1) + PL_AXIS_OVER * g->u, pm_y(&m, oy),
	    g->lw * FG_STROKE_AXIS, ink);
	fg_arrow(g, pm_x(&m, m.x1) + PL_ARROW_OVER * g->u, pm_y(&m, oy), 1, 0,
	    ink);
	fg_line(g, pm_x(&m, ox), pm_y(&m, m.y0), pm_x(&m, ox),
	    pm_y(&m, m.y1) - PL_AXIS_OVER * g->u, g->lw * FG_STROKE_AXIS, ink);
	fg_arrow(g, pm_x(&m, ox), pm_y(&m, m.y1) - PL_ARROW_OVER * g->u, 0, -1,
	    ink);
	if (m.x0 < 0)
		fg_arrow(g, pm_x(&m, m.x0) - FG_ARROW_GAP * g->u, pm_y(&m, oy),
		    -1, 0,
		    ink);
	if (m.y0 < 0)
		fg_arrow(g, pm_x(&m, ox), pm_y(&m, m.y0) + FG_ARROW_GAP * g->u,
		    0, 1,
		    ink);
	if (pl->xname.s != NULL)
		fg_text(g, pl->xname.s, pm_x(&m, m.x1) + PL_XNAME_DX * g->u,
		    pm_y(&m, oy), AL_LEFT, FA_MIDDLE, &g->ts, NULL);
	if (pl->yname.s != NULL)
		fg_text(g, pl->yname.s, pm_x(&m, ox),
		    pm_y(&m, m.y1) - PL_YNAME_DY * g->u, AL_CENTER, FA_BOTTOM,
		    &g->ts, NULL);
	/* scale: under the x-axis, left of the y-axis, 0 once; thinned;
	 * on white where the grid runs under them */
	g->backed = 1;
	kx = nl_stride_n(nx, cell, xwidest, PL_XNUM_GAP * g->u);
	ky = nl_stride_n(ny, cell, g->u, PL_YNUM_GAP * g->u);
	for (i = 0; i <= nx; i++) {
		struct rat r;

		v = m.x0 + i * sx;
		if (fabs(v - ox) < 1e-9 && ox != 0)
			continue;
		if ((long)floor((v - ox) / sx + 0.5) % kx != 0 ||
		    pl_tick(pl->x0.v, pl->grid.v, i, &r) < 0)
			continue;
		if (r.n == 0 && m.y0 < 0)
			continue;	/* the -1 under it would cover it */
		if (r.n == 0) {
			fg_num_at(g, r, pl->grid.places,
			    pm_x(&m, ox) - PL_ORIGIN_DX * g->u,
			    pm_y(&m, oy) + PL_ORIGIN_DY * g->u, AL_RIGHT, FA_TOP);
			continue;
		}
		fg_num_at(g, r, pl->grid.places, pm_x(&m, v), pm_y(&m, oy) +
		    PL_XNUM_DY * g->u, AL_CENTER, FA_TOP);
	}
	for (i = 0; i <= ny; i++) {
		struct rat r;

		v = m.y0 + i * sy;
		if (fabs(v - oy) < 1e-9)
			continue;
		if ((long)floor((v - oy) / sy + 0.5) % ky != 0 ||
		    pl_tick(pl->y0.v, pl->gridy.v, i, &r) < 0)
			continue;
		fg_num_at(g, r, pl->gridy.places,
		    pm_x(&m, ox) - PL_YNUM_DX * g->u, pm_y(&m, v), AL_RIGHT,
		    FA_MIDDLE);
	}
	g->backed = 0;
	fg_sayl(g, "", L_FIG_PLANE, NULL, NULL);
	fg_sayl(g, ", x ", L_FIG_FROM_TO, pl->x0.t.s, pl->x1.t.s);
	fg_sayl(g, ", y ", L_FIG_FROM_TO, pl->y0.t.s, pl->y1.t.s);
	/* lines: arrows at both ends */
	for (j = 0; j < pl->nlines; j++) {
		const struct fline *l = &pl->lines[j];
		struct color col = fg_ink(l->key);
		double dx, dy, len;

		if (!fg_shows(g, l->key) || !pl_clip(&m, l, &ax, &ay, &bx,
		    &by))
			continue;
		px = pm_x(&m, ax), py = pm_y(&m, ay);
		dx = pm_x(&m, bx) - px, dy = pm_y(&m, by) - py;
		len = sqrt(dx * dx + dy * dy);
		if (len < g->u)
			continue;
		dx /= len, dy /= len;
		fg_line(g, px, py, px + dx * len, py + dy * len,
		    g->lw * FG_STROKE_BOLD,
		    col);
		fg_arrow(g, px, py, -dx, -dy, col);
		fg_arrow(g, px + dx * len, py + dy * len, dx, dy, col);
		fg_sayl(g, "; ", L_FIG_LINE, l->eq.s, NULL);
	}
	for (j = 0; j < pl->nsegs; j++) {
		const struct fseg *s = &pl->segs[j];
		struct color col = fg_ink(s->key);

		if (!fg_shows(g, s->key))
			continue;
		fg_line(g, pm_x(&m, fig_d(s->a.x.v)), pm_y(&m, fig_d(s->a.y.v)),
		    pm_x(&m, fig_d(s->b.x.v)), pm_y(&m, fig_d(s->b.y.v)),
		    g->lw * FG_STROKE_BOLD, col);
		pl_say_point(g, L_FIG_SEGMENT, &s->a);
		pl_say_point(g, L__MAX, &s->b);
	}
	for (j = 0; j < pl->npoly; j++) {
		const struct fpoint *p = &pl->poly[j], *q =
		    &pl->poly[(j + 1) % pl->npoly];

		if (!fg_shows(g, p->key))
			continue;
		fg_line(g, pm_x(&m, fig_d(p->x.v)), pm_y(&m, fig_d(p->y.v)),
		    pm_x(&m, fig_d(q->x.v)), pm_y(&m, fig_d(q->y.v)),
		    g->lw * FG_STROKE_BOLD, fg_ink(p->key));
		pl_say_point(g, j == 0 ? L_FIG_POLYGON : L__MAX, p);
	}
	for (j = 0; j < pl->npoints; j++) {
		if (!fg_shows(g, pl->points[j].key))
			continue;
		pl_point_label(g, &m, &pl->points[j],
		    fg_ink(pl->points[j].key));
		pl_say_point(g, L_FIG_POINT, &pl->points[j]);
	}
	(void)a;
	(void)b;
}

/* ---- fraction models, tapes, arrays ------------------------------------ */

static const struct color given_fill = { 0.55, 0.55, 0.55 };
static const struct color key_fill = { 0.93, 0.62, 0.62 };

/* A filled rectangle, outlined. */
static void
fg_box(struct fg *g, double x, double y, double w, double h, int filled,
    struct color fill, struct color edge, double width)
{
	struct item *it = lay_rect(g->L, x, y, w, h, width, edge);

	it->fill = filled;
	it->fill_color = fill;
}

/* Columns of a grid of n cells: as square as n allows. */
static long
fr_columns(long n)
{
	long c;

	for (c = (long)ceil(sqrt((double)n)); c <= n; c++)
		if (n % c == 0)
			return c;
	return n;
}

static const enum label fr_shape_says[] = { L_FIG_BAR, L_FIG_CIRCLE,
    L_FIG_GRID };

/* One model, left edge x, w wide, top at 0; returns its height. */
static double
fr_model(struct fg *g, const struct fmodel *m, double x, double w)
{
	long parts = (long)m->parts.v.n, sh = (long)m->shaded.v.n, i, c, r;
	long ksh = g->key ? (long)m->keyshaded.v.n : 0, nkeyed = 0;
	struct fpair { double x, y; } *keyed = xcalloc((size_t)parts + 1,
	    sizeof(*keyed));
	double mx = 0, my = 0;
	double h, cw, ch, R, a;
	struct color fill;
	struct item *it;

	for (i = 0; i < parts; i++) {
		int filled = i < sh + ksh;

		fill = i < sh ? given_fill : key_fill;
		switch (m->shape) {
		case FR_BAR:
			cw = w / (double)parts;
			fg_box(g, x + cw * (double)i, 0, cw, FR_BAR_H * g->u,
			    filled,
			    fill, ink, g->lw * FG_STROKE_MID);
			mx = x + cw * ((double)i + 0.5);
			my = g->u;
			break;
		case FR_GRID:
			c = fr_columns(parts);
			cw = w / (double)c;
			r = i / c;
			fg_box(g, x + cw * (double)(i % c), cw * (double)r, cw,
			    cw, filled, fill, ink, g->lw);
			mx = x + cw * ((double)(i % c) + 0.5);
			my = cw * ((double)r + 0.5);
			break;
		case FR_CIRCLE:
			R = w / 2;
			/* from 12 o'clock, clockwise: the shaded wedges, then
			 * the radii and the rim as lines over them */
			a = 90 - 360.0 * (double)(i + 1) / (double)parts;
			mx = x + R + FR_DOT_OUT * R * cos((a + 180.0 /
			    (double)parts) *
			    M_PI / 180);
			my = R - FR_DOT_OUT * R * sin((a + 180.0 /
			    (double)parts) *
			    M_PI / 180);
			if (filled) {
				it = fg_arc(g, x + R, R, R, a, a + 360.0 /
				    (double)parts);
				it->fill = 1;
				it->stroke = 0;
				it->fill_color = fill;
			}
			if (parts > 1)
				fg_line(g, x + R, R, x + R + R * cos(a * M_PI /
				    180), R - R * sin(a * M_PI / 180), g->lw *
				    FG_STROKE_MID, ink);
			if (i + 1 == parts) {
				it = page_push(&g->L->strip, ITEM_CIRCLE);
				it->x = x + R;
				it->y = R;
				it->w = R;
				it->width = g->lw * FG_STROKE_MID;
				it->color = ink;
			}
			break;
		}
		/* the key's parts: a dot in the answer colour besides their
		 * tint, so they stand apart from the given ones in gray */
		if (filled && i >= sh)
			keyed[nkeyed++] = (struct fpair){ mx, my };
	}
	for (i = 0; i < nkeyed; i++)
		fg_dot(g, keyed[i].x, keyed[i].y, FR_KEY_DOT_R * g->u, key_ink);
	free(keyed);
	c = fr_columns(parts);
	h = m->shape == FR_BAR ? FR_BAR_H * g->u : m->shape == FR_CIRCLE ? w :
	    w / (double)c * (double)(parts / c);
	ch = h;
	if (m->label.s != NULL) {
		double lh;

		fg_text(g, m->label.s, x + w / 2, ch + FR_LABEL_GAP * g->u,
		    AL_CENTER,
		    FA_TOP, &g->ts, &lh);
		h += FR_LABEL_GAP * g->u + lh;
	}
	{
		char pn[24], sn[24];

		snprintf(pn, sizeof(pn), "%ld", parts);
		snprintf(sn, sizeof(sn), "%ld", sh + ksh);
		fg_sayl(g, g->altn ? "; " : "", fr_shape_says[m->shape], NULL,
		    NULL);
		if (g->key || sh == 0)
			fg_sayl(g, ", ", L_FIG_PARTS_SHADED, pn, sn);
		else	/* how many: for the student to count */
			fg_sayl(g, ", ", L_FIG_PARTS_SOME, pn, NULL);
	}
	return h;
}

static double
fr_model_width(const struct fmodel *m, double u)
{
	long parts = m->parts.v.d == 1 ? (long)m->parts.v.n : 1;

	return m->shape == FR_BAR ? FR_BAR_W * u :
	    m->shape == FR_CIRCLE ? FR_CIRCLE_W * u :
	    FR_CELL_W * u * (double)fr_columns(parts > 0 ? parts : 1);
}

static void
fg_fraction(struct fg *g, const struct fraction *fr, double x, double w)
{
	double natural = 0, gap = FR_GAP * g->u, scale, mw;
	size_t i;

	for (i = 0; i < fr->n; i++)
		natural += fr_model_width(&fr->v[i], g->u) + (i ? gap : 0);
	scale = natural > 0 ? w / natural : 1;
	for (i = 0; i < fr->n; i++) {
		mw = fr_model_width(&fr->v[i], g->u) * scale;
		fr_model(g, &fr->v[i], x, mw);
		x += mw + gap * scale;
	}
}

/* A brace over [x0, x1] whose tips touch y, its point up to y - 2r. */
static void
fg_brace(struct fg *g, double x0, double x1, double y, double r)
{
	double mid = (x0 + x1) / 2;
	struct item *it;

	it = fg_arc(g, x0 + r, y, r, 90, 180);
	it = fg_arc(g, mid - r, y - 2 * r, r, 270, 360);
	it = fg_arc(g, mid + r, y - 2 * r, r, 180, 270);
	it = fg_arc(g, x1 - r, y, r, 0, 90);
	(void)it;
	fg_line(g, x0 + r, y - r, mid - r, y - r, g->lw, ink);
	fg_line(g, mid + r, y - r, x1 - r, y - r, g->lw, ink);
}

/* A brace right of x from y0 to y1, its point out to x + 2r. */
static void
fg_vbrace(struct fg *g, double x, double y0, double y1, double r)
{
	double mid = (y0 + y1) / 2;

	fg_arc(g, x, y0 + r, r, 0, 90);
	fg_arc(g, x + 2 * r, mid - r, r, 180, 270);
	fg_arc(g, x + 2 * r, mid + r, r, 90, 180);
	fg_arc(g, x, y1 - r, r, 270, 360);
	fg_line(g, x + r, y0 + r, x + r, mid - r, g->lw, ink);
	fg_line(g, x + r, mid + r, x + r, y1 - r, g->lw, ink);
}

static void
fg_tape(struct fg *g, const struct tape *tp, double x, double w)
{
	double labw = 0, lw, unit, y = 0, rowh = 2 * g->u, px, totw = 0;
	long most = 1, parts, i;
	size_t j;
	const char *tot;

	for (j = 0; j < tp->nrows; j++) {
		if (tp->rows[j].label.s != NULL &&
		    (lw = lay_text_width(g->L, &tp->rows[j].label, &g->ts)) >
		    labw)
			labw = lw;
		if ((long)tp->rows[j].parts.v.n > most)
			most = (long)tp->rows[j].parts.v.n;
	}
	if (labw > 0)
		labw += TP_LABEL_GAP * g->u;
	tot = g->key && tp->keytotal.s != NULL ? tp->keytotal.s : tp->total.s;
	/* several rows: the total's brace stands at their right */
	if (tot != NULL && tp->nrows > 1) {
		struct text t;

		memset(&t, 0, sizeof(t));
		t.s = (char *)tot;
		t.mark = *g->mark;
		totw = lay_text_width(g->L, &t, tot == tp->total.s ? &g->ts :
		    &g->ks) + TP_TOTAL_ROOM * g->u;
	}
	unit = (w - labw - totw) / (double)most;
	fg_sayl(g, "", L_FIG_TAPE, NULL, NULL);
	for (j = 0; j < tp->nrows; j++) {
		const struct trow *r = &tp->rows[j];

		parts = (long)r->parts.v.n;
		if (r->label.s != NULL)
			fg_text(g, r->label.s, x + labw - TP_LABEL_GAP * g->u,
			    y + rowh / 2,
			    AL_RIGHT, FA_MIDDLE, &g->ts, NULL);
		{
			char pn[24];

			snprintf(pn, sizeof(pn), "%ld", parts);
			if (r->label.s != NULL)
				fg_say(g, "%s%s", g->L->t->labels[L_LIST_SEP],
				    r->label.s);
			fg_sayl(g, r->label.s != NULL ? ", " : "; ", L_FIG_PARTS,
			    pn, NULL);
		}
		for (i = 0; i < parts; i++) {
			/* one value names every part (equal groups) */
			size_t vi = r->values.n == 1 ? 0 : (size_t)i;
			size_t ki = r->keyvalues.n == 1 ? 0 : (size_t)i;
			const struct text *v = vi < r->values.n ?
			    &r->values.v[vi] : NULL;
			const struct text *k = g->key && ki <
			    r->keyvalues.n && r->keyvalues.v[ki].s != NULL &&
			    r->keyvalues.v[ki].s[0] != '\0' ?
			    &r->keyvalues.v[ki] : NULL;

			px = x + labw + unit * (double)i;
			fg_box(g, px, y, unit, rowh, 0, ink, ink,
			    g->lw * FG_STROKE_MID);
			if (k != NULL)
				fg_text(g, k->s, px + unit / 2, y + rowh / 2,
				    AL_CENTER, FA_MIDDLE, &g->ks, NULL);
			else if (v != NULL && v->s != NULL)
				fg_text(g, v->s, px + unit / 2, y + rowh / 2,
				    AL_CENTER, FA_MIDDLE, &g->ts, NULL);
			if (k != NULL || (v != NULL && v->s != NULL))
				fg_say(g, "%s%s", g->L->t->labels[L_LIST_COMMA],
				    k != NULL ? k->s : v->s);
		}
		y += rowh + TP_ROW_GAP * g->u;
	}
	if (tot != NULL && tp->nrows > 1) {
		double r0 = TP_BRACE_R * g->u,
		    bx = x + labw + unit * (double)most +
		    TP_BRACE_GAP * g->u;

		y -= TP_ROW_GAP * g->u;
		fg_vbrace(g, bx, 0, y, r0);
		fg_text(g, tot, bx + 2 * r0 + TP_BRACE_GAP * g->u, y / 2,
		    AL_LEFT,
		    FA_MIDDLE, tot == tp->keytotal.s ? &g->ks : &g->ts, NULL);
	} else if (tot != NULL) {
		double r0 = TP_BRACE_R * g->u;

		parts = (long)tp->rows[0].parts.v.n;
		fg_brace(g, x + labw, x + labw + unit * (double)parts,
		    -TP_BRACE_GAP * g->u, r0);
		fg_text(g, tot, x + labw + unit * (double)parts / 2,
		    -TP_BRACE_GAP *
		    g->u - 2 * r0 - TP_TOTAL_GAP * g->u, AL_CENTER, FA_BOTTOM,
		    tot == tp->keytotal.s ? &g->ks : &g->ts, NULL);
	}
	if (tot != NULL && tot == tp->total.s)
		fg_sayl(g, "; ", L_FIG_TOTAL, tot, NULL);
}

/* A loop around dots: two half circles joined by lines. */
static void
fg_loop(struct fg *g, double x0, double y0, double x1, double y1,
    struct color c)
{
	double r = (y1 - y0) / 2;
	struct item *it;

	it = fg_arc(g, x0 + r, y0 + r, r, 90, 270);
	it->color = c;
	it = fg_arc(g, x1 - r, y0 + r, r, -90, 90);
	it->color = c;
	if (x1 - r > x0 + r) {
		fg_line(g, x0 + r, y0, x1 - r, y0, g->lw, c);
		fg_line(g, x0 + r, y1, x1 - r, y1, g->lw, c);
	}
}

static void
fg_array(struct fg *g, const struct farray *ar, double x, double w)
{
	long rows = (long)ar->rows.v.n, cols = (long)ar->columns.v.n, i, j;
	long gsz = ar->group.t.s != NULL ? (long)ar->group.v.n : 0;
	double s = w / (double)cols, r, pad;

	if (s > AR_CELL_MAX * g->u)
		s = AR_CELL_MAX * g->u;
	r = s * AR_DOT_R;
	pad = s * AR_LOOP_PAD;
	for (i = 0; i < rows; i++)
		for (j = 0; j < cols; j++)
			fg_dot(g, x + s / 2 + s * (double)j, s / 2 + s *
			    (double)i, r, ink);
	{
		char rn[24], cn[24];

		snprintf(rn, sizeof(rn), "%ld", rows);
		snprintf(cn, sizeof(cn), "%ld", cols);
		fg_sayl(g, "", L_FIG_ARRAY, rn, cn);
	}
	if (gsz == 0 || !fg_shows(g, ar->group.key))
		return;
	if (cols % gsz == 0)
		for (i = 0; i < rows; i++)
			for (j = 0; j < cols; j += gsz)
				fg_loop(g, x + s / 2 + s * (double)j - pad,
				    s / 2 + s * (double)i - pad, x + s / 2 +
				    s * (double)(j + gsz - 1) + pad, s / 2 +
				    s * (double)i + pad, fg_ink(ar->group.key));
	else
		for (i = 0; i < rows; i += gsz / cols) {
			double y0 = s / 2 + s * (double)i - pad;
			double y1 = s / 2 + s * (double)(i + gsz / cols - 1) +
			    pad;
			struct color c = fg_ink(ar->group.key);

			fg_box(g, x + s / 2 - pad, y0, s * (double)(cols - 1) +
			    2 * pad, y1 - y0, 0, c, c, g->lw);
		}
	{
		char gn[24];

		snprintf(gn, sizeof(gn), "%ld", gsz);
		fg_sayl(g, ", ", L_FIG_GROUPS, gn, NULL);
	}
}

/* ---- clocks and shapes -------------------------------------------------- */

/* A hand from the centre at angle a (degrees from 12, clockwise). */
static void
ck_hand(struct fg *g, double cx, double cy, double len, double a,
    double width, struct color c)
{
	double r = a * M_PI / 180;

	fg_line(g, cx, cy, cx + len * sin(r), cy - len * cos(r), width, c);
}

static void
ck_hands(struct fg *g, double cx, double cy, double R, int h, int m,
    struct color c)
{
	/* the hour hand moves with the minutes: 3:45 is 3/4 of the way
	 * to 4 */
	ck_hand(g, cx, cy, CK_HOUR_LEN * R, (h % 12) * 30 + m * 0.5,
	    g->lw * CK_HOUR_W, c);
	ck_hand(g, cx, cy, CK_MINUTE_LEN * R, m * 6, g->lw * CK_STROKE, c);
	fg_dot(g, cx, cy, CK_HUB_R * R, c);
}

static void
fg_clock(struct fg *g, const struct clock *ck, double x, double w)
{
	double R = w / 2, cx = x + R, cy = R, a, in;
	struct tstyle ns;
	struct item *it;
	char num[16];
	int i;

	it = page_push(&g->L->strip, ITEM_CIRCLE);
	it->x = cx;
	it->y = cy;
	it->w = R;
	it->width = g->lw * CK_STROKE;
	it->color = ink;
	/* the hours' marks, and a dot for each minute between them */
	for (i = 0; i < 60; i++) {
		a = i * 6 * M_PI / 180;
		in = CK_MARK_IN;
		if (i % 5 == 0)
			fg_line(g, cx + R * in * sin(a), cy - R * in * cos(a),
			    cx + R * CK_MARK_OUT * sin(a),
			    cy - R * CK_MARK_OUT * cos(a),
			    g->lw * CK_STROKE, ink);
		else
			fg_dot(g, cx + R * CK_MINUTE_AT * sin(a),
			    cy - R * CK_MINUTE_AT *
			    cos(a), CK_MINUTE_R * R, ink);
	}
	/* a small face sets its numbers smaller, so 10, 11 and 12 keep
	 * clear of each other and of the marks */
	ns = g->ts;
	if (ns.size > CK_NUM_MAX * R)
		ns.size = CK_NUM_MAX * R;
	for (i = 1; i <= 12; i++) {
		a = i * 30 * M_PI / 180;
		snprintf(num, sizeof(num), "%d", i);
		fg_text(g, num, cx + CK_NUM_AT * R * sin(a),
		    cy - CK_NUM_AT * R * cos(a),
		    AL_CENTER, FA_MIDDLE, &ns, NULL);
	}
	if (ck->hands && ck->time.s != NULL) {
		ck_hands(g, cx, cy, R, ck->h, ck->m, ink);
		if (g->key)
			fg_sayl(g, "", L_FIG_CLOCK, ck->time.s, NULL);
		else	/* the time is for the student to read */
			fg_sayl(g, "", L_FIG_CLOCK_HANDS, NULL, NULL);
	} else
		fg_sayl(g, "", L_FIG_CLOCK_FACE, NULL, NULL);
	if (g->key && ck->keytime.s != NULL) {
		ck_hands(g, cx, cy, R, ck->kh, ck->km, key_ink);
		fg_sayl(g, "; ", L_FIG_HANDS, ck->keytime.s, NULL);
	}
	if (!(ck->hands && ck->time.s != NULL) && !(g->key &&
	    ck->keytime.s != NULL))
		fg_dot(g, cx, cy, CK_PIN_R * R, ink);
}

static const char *
sh_label(const struct textlist *l, const struct textlist *k, size_t i,
    int key, int *keyed)
{
	*keyed = 0;
	if (key && i < k->n && k->v[i].s != NULL && k->v[i].s[0] != '\0') {
		*keyed = 1;
		return k->v[i].s;
	}
	return i < l->n ? l->v[i].s : NULL;
}

static void
fg_shape(struct fg *g, const struct shape *sh, double x, double w)
{
	double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9, s, m;
	double px[SHAPE_MAXV], py[SHAPE_MAXV], area = 0, orient;
	size_t n = sh->nv, i, said = 0;
	int keyed;
	char num[24];

	for (i = 0; i < n; i++) {
		minx = sh->vx[i] < minx ? sh->vx[i] : minx;
		maxx = sh->vx[i] > maxx ? sh->vx[i] : maxx;
		miny = sh->vy[i] < miny ? sh->vy[i] : miny;
		maxy = sh->vy[i] > maxy ? sh->vy[i] : maxy;
		area += sh->vx[i] * sh->vy[(i + 1) % n] -
		    sh->vx[(i + 1) % n] * sh->vy[i];
	}
	orient = area > 0 ? 1 : -1;
	m = SH_MARGIN * g->u;	/* room for the labels around it */
	s = (w - 2 * m) / (maxx - minx > 0 ? maxx - minx : 1);
	if (sh->scale.t.s != NULL && fig_d(sh->scale.v) > 0)
		s = fig_d(sh->scale.v) * PT_PER_INCH / CM_PER_INCH;
	else if ((maxy - miny) * s > SH_MAX_ASPECT * (w - 2 * m))
		s = SH_MAX_ASPECT * (w - 2 * m) / (maxy - miny);
	for (i = 0; i < n; i++) {
		px[i] = x + m + (sh->vx[i] - minx) * s;
		py[i] = (maxy - sh->vy[i]) * s;
	}
	for (i = 0; i < n; i++)
		fg_line(g, px[i], py[i], px[(i + 1) % n], py[(i + 1) % n],
		    g->lw * FG_STROKE_BOLD, ink);
	fg_sayl(g, "", n == 3 ? L_FIG_TRIANGLE : sh->rect.n == 2 ?
	    L_FIG_RECTANGLE : L_FIG_POLYGON, NULL, NULL);
	/* equal sides: as many short strokes across their middles */
	for (i = 0; i < n && i < sh->marks.n; i++) {
		double dx = px[(i + 1) % n] - px[i], dy = py[(i + 1) % n] -
		    py[i], len = sqrt(dx * dx + dy * dy), mx, my;
		long k, nk = (long)sh->marks.v[i].v.n;

		if (len <= 0)
			continue;
		dx /= len, dy /= len;
		for (k = 0; k < nk; k++) {
			double off = ((double)k - (double)(nk - 1) / 2) *
			    SH_TICK_GAP *
			    g->u;

			mx = (px[i] + px[(i + 1) % n]) / 2 + dx * off;
			my = (py[i] + py[(i + 1) % n]) / 2 + dy * off;
			fg_line(g, mx - dy * SH_TICK_HALF * g->u,
			    my + dx * SH_TICK_HALF * g->u,
			    mx + dy * SH_TICK_HALF * g->u,
			    my - dx * SH_TICK_HALF * g->u,
			    g->lw * FG_STROKE_MID, ink);
		}
	}
	/* side labels outside each side, near its middle */
	for (i = 0; i < n; i++) {
		const char *lab = sh_label(&sh->sides, &sh->keysides, i, g->key,
		    &keyed);
		double dx = px[(i + 1) % n] - px[i], dy = py[(i + 1) % n] -
		    py[i], len = sqrt(dx * dx + dy * dy), nx, ny, lw, lh, d;
		struct text t;

		if (lab == NULL || lab[0] == '\0' || len <= 0)
			continue;
		memset(&t, 0, sizeof(t));
		t.mark = *g->mark;
		/* outward: to the left of the way round in page space
		 * (y down) for a counterclockwise polygon (y up) */
		nx = -orient * dy / len;
		ny = orient * dx / len;
		/* measured first: a wide label stands further off a
		 * vertical side */
		t.s = (char *)lab;
		lw = lay_text_width(g->L, &t, keyed ? &g->ks : &g->ts);
		lh = lay_lh(g->L, g->u);
		d = SH_SIDE_LABEL_GAP * g->u + fabs(nx) * lw / 2 + fabs(ny) *
		    lh / 2;
		fg_text(g, lab, (px[i] + px[(i + 1) % n]) / 2 + nx * d,
		    (py[i] + py[(i + 1) % n]) / 2 + ny * d, AL_CENTER,
		    FA_MIDDLE, keyed ? &g->ks : &g->ts, NULL);
		fg_sayl(g, said++ ? ", " : "; ", L_FIG_SIDE, lab, NULL);
	}
	/* angles: a right angle's square, else an arc and the label inside */
	for (i = 0; i < n; i++) {
		size_t p = (i + n - 1) % n, q = (i + 1) % n, k;
		double ax = px[q] - px[i], ay = py[q] - py[i];
		double bx = px[p] - px[i], by = py[p] - py[i];
		double la = sqrt(ax * ax + ay * ay), lb = sqrt(bx * bx + by * by);
		double k0 = SH_RIGHT_MARK * g->u, a0, a1, mid;
		const char *lab = sh_label(&sh->angles, &sh->keyangles, i,
		    g->key, &keyed);
		int right = 0;

		for (k = 0; k < sh->right.n; k++)
			right |= sh->right.v[k].v.n == (int64_t)i + 1;
		ax /= la, ay /= la, bx /= lb, by /= lb;
		if (right) {
			fg_line(g, px[i] + ax * k0, py[i] + ay * k0, px[i] +
			    (ax + bx) * k0, py[i] + (ay + by) * k0, g->lw, ink);
			fg_line(g, px[i] + bx * k0, py[i] + by * k0, px[i] +
			    (ax + bx) * k0, py[i] + (ay + by) * k0, g->lw, ink);
			snprintf(num, sizeof(num), "%zu", i + 1);
			fg_sayl(g, "; ", L_FIG_RIGHT_ANGLE, num, NULL);
		}
		if (lab == NULL || lab[0] == '\0')
			continue;
		/* the inside runs counterclockwise (y up) from the next
		 * corner to the previous one */
		a0 = atan2(-ay, ax) * 180 / M_PI;
		a1 = atan2(-by, bx) * 180 / M_PI;
		if (orient < 0) {
			double t = a0;

			a0 = a1;
			a1 = t;
		}
		while (a1 < a0)
			a1 += 360;
		if (!right)
			fg_arc(g, px[i], py[i], SH_ARC_R * g->u, a0,
			    a1)->color =
			    fg_ink(keyed);
		mid = (a0 + a1) / 2 * M_PI / 180;
		fg_text(g, lab, px[i] + SH_ANGLE_LABEL_AT * g->u * cos(mid),
		    py[i] - SH_ANGLE_LABEL_AT * g->u * sin(mid), AL_CENTER,
		    FA_MIDDLE, keyed ? &g->ks : &g->ts, NULL);
		snprintf(num, sizeof(num), "%zu", i + 1);
		fg_sayl(g, "; ", L_FIG_ANGLE, lab, num);
	}
}

/* ---- bar graphs and dot plots ------------------------------------------- */

static void
fg_bars(struct fg *g, const struct graph *gr, double x, double w)
{
	double top = 0, step = fig_d(gr->step.v), H = GR_H * g->u, lm, slot;
	double widest = 0, lw, bx, v, y;
	long nsteps, i, k;
	size_t j, given = 0, keyed = 0;
	char b[VAL_TEXT_MAX];

	for (j = 0; j < gr->values.n; j++)
		if (fig_d(gr->values.v[j].v) > top)
			top = fig_d(gr->values.v[j].v);
	nsteps = (long)ceil(top / step - 1e-9);
	if (nsteps < 1)
		nsteps = 1;
	for (i = 0; i <= nsteps; i++) {
		struct rat r = { (int64_t)i * gr->step.v.n, gr->step.v.d };

		if ((lw = fg_math_width(g, r, gr->step.places)) > widest)
			widest = lw;
	}
	lm = widest + GR_NUM_GAP * g->u;
	slot = (w - lm) / (double)(gr->categories.n ? gr->categories.n : 1);
	/* taller for many steps; the scale's labels thinned to not touch */
	if (H < GR_STEP_MIN * g->u * (double)nsteps)
		H = GR_STEP_MIN * g->u * (double)nsteps;
	if (H > GR_H_MAX * g->u)
		H = GR_H_MAX * g->u;
	k = nl_stride_n(nsteps, H / (double)nsteps, g->u, GR_NUM_TOUCH * g->u);
	/* the value axis from 0, its steps ruled faintly */
	for (i = 0; i <= nsteps; i++) {
		struct rat r = { (int64_t)i * gr->step.v.n, gr->step.v.d };

		rat_make(r.n, r.d, &r, NULL);
		y = -H * (double)i / (double)nsteps;
		if (i > 0)
			fg_line(g, x + lm, y, x + w, y, GR_GRID_W, light);
		if (i % k == 0)
			fg_num_at(g, r, gr->step.places,
			    x + lm - GR_NUM_DX * g->u,
			    y, AL_RIGHT, FA_MIDDLE);
	}
	fg_line(g, x + lm, 0, x + lm, -H - GR_AXIS_OVER * g->u,
	    g->lw * FG_STROKE_AXIS, ink);
	fg_line(g, x + lm, 0, x + w, 0, g->lw * FG_STROKE_AXIS, ink);
	if (gr->title.s != NULL) {
		struct tstyle bs = g->ts;

		bs.style = ST_BOLD;
		fg_text(g, gr->title.s, x + lm + (w - lm) / 2,
		    -H - GR_TITLE_UP * g->u,
		    AL_CENTER, FA_BOTTOM, &bs, NULL);
	}
	fg_sayl(g, "", L_FIG_BARS, NULL, NULL);
	if (gr->title.s != NULL)
		fg_say(g, ": %s", gr->title.s);
	if (gr->yname.s != NULL)
		fg_text(g, gr->yname.s, x + lm, -H - GR_YNAME_UP * g->u,
		    AL_LEFT,
		    FA_BOTTOM, &g->ts, NULL);
	for (j = 0; j < gr->values.n; j++)
		given += !gr->values.v[j].key;
	for (j = 0; j < gr->categories.n; j++) {
		const struct fnum *f = NULL;
		struct color edge = ink, fill = given_fill;

		bx = x + lm + slot * (double)j;
		fg_text(g, gr->categories.v[j].s ? gr->categories.v[j].s : "",
		    bx + slot / 2, GR_CAT_GAP * g->u, AL_CENTER, FA_TOP, &g->ts,
		    NULL);
		if (j < given)
			f = &gr->values.v[j];
		else if (g->key && given + (j - given) < gr->values.n) {
			/* the key's values go on where the given ones stop */
			f = &gr->values.v[j];
			edge = key_ink;
			fill = key_fill;
			keyed++;
		}
		if (f == NULL)
			continue;
		v = fig_d(f->v);
		/* the key's bars outlined heavier, to tell them in gray */
		fg_box(g, bx + slot * GR_BAR_INSET,
		    -H * v / (step * (double)nsteps),
		    slot * GR_BAR_SHARE, H * v / (step * (double)nsteps), 1,
		    fill, edge,
		    edge.r == key_ink.r ? g->lw * GR_KEY_BAR_W : g->lw);
		fig_format(f->v, f->places, b);
		fg_say(g, "; %s %s", gr->categories.v[j].s ?
		    gr->categories.v[j].s : "", b);
	}
	if (gr->xname.s != NULL)
		fg_text(g, gr->xname.s, x + lm + (w - lm) / 2,
		    GR_XNAME_DOWN * g->u,
		    AL_CENTER, FA_TOP, &g->ts, NULL);
}

static void
fg_dots(struct fg *g, const struct graph *gr, double x, double w)
{
	struct numberline nl;
	double lx0 = x + DP_SIDE_PAD * g->u, lx1 = x + w - DP_SIDE_PAD * g->u,
	    px, r;
	double top = -DP_TOP * g->u;
	long *count, n, k;
	size_t j;
	char b[VAL_TEXT_MAX];

	memset(&nl, 0, sizeof(nl));
	nl.from = gr->from;
	nl.to = gr->to;
	nl.ticks = gr->step;
	nl.labels = NL_ALL;
	n = nl_steps(&nl);
	r = (lx1 - lx0) / (double)n * DP_X_SHARE;
	if (r > DP_X_MAX * g->u)
		r = DP_X_MAX * g->u;
	/* the plot's line: every value from least to greatest, no arrows */
	fg_line(g, lx0 - DP_LINE_OVER * g->u, 0, lx1 + DP_LINE_OVER * g->u, 0,
	    g->lw * FG_STROKE_MID, ink);
	for (k = 0; k <= n; k += 1) {
		px = lx0 + (lx1 - lx0) * (double)k / (double)n;
		fg_line(g, px, -DP_TICK_HALF * g->u, px, DP_TICK_HALF * g->u,
		    g->lw, ink);
	}
	k = nl_stride_n(n, (lx1 - lx0) / (double)n, nl_widest(g, &nl),
	    DP_LABEL_GAP * g->u);
	for (j = 0; j <= (size_t)n; j += (size_t)k)
		nl_label(g, nl_tick(&nl, (long)j), nl_places(&nl), lx0 +
		    (lx1 - lx0) * (double)j / (double)n, 0, 1, 0);
	fg_sayl(g, "", L_FIG_DOTS, NULL, NULL);
	if (gr->title.s != NULL)
		fg_say(g, ": %s", gr->title.s);
	fg_sayl(g, " ", L_FIG_FROM_TO, gr->from.t.s, gr->to.t.s);
	count = xcalloc((size_t)n + 1, sizeof(*count));
	for (j = 0; j < gr->values.n; j++) {
		const struct fnum *f = &gr->values.v[j];
		long at = (long)floor((fig_d(f->v) - fig_d(gr->from.v)) /
		    fig_d(gr->step.v) + 0.5);
		double cy;

		if (!fg_shows(g, f->key) || at < 0 || at > n)
			continue;
		px = lx0 + (lx1 - lx0) * (double)at / (double)n;
		cy = -DP_FIRST_UP * g->u - DP_X_PITCH * r * (double)count[at]++;
		if (cy - r < top)
			top = cy - r;
		/* an X per value, stacked evenly */
		fg_line(g, px - r, cy - r, px + r, cy + r, g->lw * DP_X_W,
		    fg_ink(f->key));
		fg_line(g, px - r, cy + r, px + r, cy - r, g->lw * DP_X_W,
		    fg_ink(f->key));
		fig_format(f->v, f->places, b);
		if (j == 0)
			fg_sayl(g, "; ", L_FIG_VALUES, b, NULL);
		else
			fg_say(g, "%s%s", g->L->t->labels[L_LIST_COMMA], b);
	}
	free(count);
	if (gr->title.s != NULL) {
		struct tstyle bs = g->ts;

		bs.style = ST_BOLD;
		fg_text(g, gr->title.s, (lx0 + lx1) / 2,
		    top - DP_TITLE_UP * g->u,
		    AL_CENTER, FA_BOTTOM, &bs, NULL);
	}
	if (gr->xname.s != NULL)
		fg_text(g, gr->xname.s, (lx0 + lx1) / 2, DP_NAME_DOWN * g->u,
		    AL_CENTER,
		    FA_TOP, &g->ts, NULL);
}

/* ---- column arithmetic -------------------------------------------------- */

static int
co_digits(int64_t v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* The number v's digits, its units in the cell whose right edge is xr,
 * each digit centred in its cell so that columns line up whatever the
 * font's figures. */
static void
co_number(struct fg *g, int64_t v, double xr, double y, double cw,
    const struct tstyle *ts)
{
	char d[2] = { 0, 0 };
	int i, n = co_digits(v);

	for (i = 0; i < n; i++) {
		d[0] = (char)('0' + v % 10);
		v /= 10;
		fg_text(g, d, xr - cw * ((double)i + 0.5), y, AL_CENTER, FA_TOP,
		    ts, NULL);
	}
}

static const char *const co_signs[] = { "+", "\xe2\x88\x92", "\xc3\x97",
    "\xc3\xb7" };

/* Addition, subtraction, multiplication: the numbers right-aligned, the
 * operator before the last, a rule, the result (key) under it. */
static void
co_vertical(struct fg *g, const struct column *co, double x)
{
	double cw = CO_CELL_W * g->u, rh = CO_ROW_H * g->u, y = 0, xr, rule;
	int64_t res = co->numbers.v[0].v.n, a, b;
	size_t i, nparts = 0;
	int width = 1, k, carry;
	char b1[32];

	for (i = 1; i < co->numbers.n; i++) {
		b = co->numbers.v[i].v.n;
		res = co->op == CO_ADD ? res + b : co->op == CO_SUB ? res - b :
		    res * b;
	}
	if (co->op == CO_MUL && co->numbers.v[1].v.n >= 10)
		nparts = (size_t)co_digits(co->numbers.v[1].v.n);
	for (i = 0; i < co->numbers.n; i++)
		if (co_digits(co->numbers.v[i].v.n) > width)
			width = co_digits(co->numbers.v[i].v.n);
	if (co_digits(res) > width)
		width = co_digits(res);
	xr = x + cw * (double)(width + 1);
	if (co->carry && co->op == CO_ADD) {
		/* a box over each column but the units for the digit
		 * carried into it; the key writes the carries */
		for (k = 1, carry = 0; k < width; k++) {
			int sum = carry;

			for (i = 0; i < co->numbers.n; i++) {
				a = co->numbers.v[i].v.n;
				for (b = 0; b < k - 1; b++)
					a /= 10;
				sum += (int)(a % 10);
			}
			carry = sum / 10;
			lay_rect(g->L, xr - cw * ((double)k + CO_CARRY_X), y,
			    cw * CO_CARRY_SIDE,
			    cw * CO_CARRY_H, g->lw * CO_CARRY_STROKE, gray);
			if (g->key && carry > 0) {
				struct tstyle small = g->ks;

				/* written small, as a carry is */
				small.size *= CO_CARRY_SIZE;
				snprintf(b1, sizeof(b1), "%d", carry);
				fg_text(g, b1, xr - cw * ((double)k + 0.5), y +
				    cw * CO_CARRY_MID, AL_CENTER, FA_MIDDLE,
				    &small,
				    NULL);
			}
		}
		y += cw * CO_CARRY_ROW;
	}
	for (i = 0; i < co->numbers.n; i++) {
		co_number(g, co->numbers.v[i].v.n, xr, y, cw, &g->ts);
		if (i + 1 == co->numbers.n)
			fg_text(g, co_signs[co->op], x + cw * 0.5, y, AL_CENTER,
			    FA_TOP, &g->ts, NULL);
		fg_say(g, "%s%s", i ? (co->op == CO_ADD ? " + " : co->op ==
		    CO_SUB ? " - " : " x ") : "", co->numbers.v[i].t.s);
		y += rh;
	}
	fg_sayl(g, " ", L_FIG_COLUMNS, NULL, NULL);
	rule = y + CO_RULE_GAP * g->u;
	fg_line(g, x, rule, xr, rule, g->lw * FG_STROKE_BOLD, ink);
	y = rule + CO_RULE_AFTER * g->u;
	/* the partial products of a many-digit multiplier, then a rule */
	for (i = 0; i < nparts; i++) {
		int64_t d = co->numbers.v[1].v.n, p = 1;

		for (k = 0; k < (int)i; k++) {
			d /= 10;
			p *= 10;
		}
		if (g->key)
			co_number(g, co->numbers.v[0].v.n * (d % 10) * p, xr, y,
			    cw, &g->ks);
		y += rh;
	}
	if (nparts > 0) {
		fg_line(g, x, y + CO_RULE_GAP * g->u, xr,
		    y + CO_RULE_GAP * g->u, g->lw, ink);
		y += CO_KEY_RULE_AFTER * g->u;
	}
	if (g->key) {
		co_number(g, res, xr, y, cw, &g->ks);
		snprintf(b1, sizeof(b1), "%lld", (long long)res);
		fg_say(g, " = %s", b1);
	}
	/* room for the answer: the key's height on the worksheet too */
	fg_line(g, x, y + rh, x, y + rh, 0.01, (struct color){ 1, 1, 1 });
}

/* Long division as English-speaking schools write it: the divisor, a
 * bracket, the dividend under a bar, the quotient over it (key) and the
 * worked steps under it (key; room for them on the worksheet). */
static void
co_division(struct fg *g, const struct column *co, double x)
{
	double cw = CO_CELL_W * g->u, rh = CO_ROW_H * g->u, xd, top, y;
	int64_t D = co->dvd, d = co->dvs, cur = 0, q, prod;
	int n = co_digits(D), i, started = 0, dw = co_digits(d);
	char digits[24], b1[48];
	struct item *it;

	snprintf(digits, sizeof(digits), "%lld", (long long)D);
	xd = x + cw * ((double)dw +
	    CO_DIVISOR_GAP);	/* the dividend's first cell */
	top = rh;				/* the quotient's row above */
	co_number(g, d, x + cw * (double)dw, top, cw, &g->ts);
	co_number(g, D, xd + cw * (double)n, top, cw, &g->ts);
	/* the bar over the dividend and the bracket before it */
	fg_line(g, xd - CO_BAR_BEFORE * cw, top - CO_BAR_UP * g->u,
	    xd + cw * (double)n + CO_BAR_AFTER * cw, top - CO_BAR_UP * g->u,
	    g->lw * FG_STROKE_BOLD, ink);
	it = fg_arc(g, xd - CO_BAR_BEFORE * cw - CO_BRACKET_X * g->u,
	    top + CO_BRACKET_Y * g->u,
	    CO_BRACKET_R * g->u, -CO_BRACKET_SPREAD, CO_BRACKET_SPREAD);
	it->width = g->lw * FG_STROKE_BOLD;
	fg_sayl(g, "", L_FIG_DIVISION, co->numbers.n == 2 ?
	    co->numbers.v[0].t.s : co->dividend.t.s, co->numbers.n == 2 ?
	    co->numbers.v[1].t.s : co->divisor.t.s);
	y = top + rh;
	for (i = 0; i < n; i++) {
		cur = cur * 10 + (digits[i] - '0');
		q = cur / d;
		if (q == 0 && !started && i + 1 < n)
			continue;
		started = 1;
		if (!g->key) {
			y += 2 * rh;
			continue;
		}
		snprintf(b1, sizeof(b1), "%d", (int)q);
		fg_text(g, b1, xd + cw * ((double)i + 0.5), 0, AL_CENTER,
		    FA_TOP, &g->ks, NULL);
		prod = q * d;
		co_number(g, prod, xd + cw * (double)(i + 1), y, cw, &g->ks);
		/* each product is taken away: a minus before it */
		fg_text(g, co_signs[CO_SUB], xd + cw * ((double)(i + 1 -
		    co_digits(prod)) - 0.5), y, AL_CENTER, FA_TOP, &g->ks, NULL);
		fg_line(g,
		    xd + cw * (double)(i + 1 - co_digits(prod)) -
		    CO_SUB_RULE_IN * cw,
		    y + rh - CO_RULE_GAP * g->u, xd + cw * (double)(i + 1),
		    y + rh -
		    CO_RULE_GAP * g->u, g->lw, key_ink);
		cur -= prod;
		y += rh;
		/* the difference, with the next digit brought down */
		co_number(g, i + 1 < n ? cur * 10 + (digits[i + 1] - '0') : cur,
		    xd + cw * (double)(i + (i + 1 < n ? 2 : 1)), y, cw, &g->ks);
		y += rh;
	}
	if (g->key) {
		snprintf(b1, sizeof(b1), "%lld", (long long)(D / d));
		fg_say(g, " = %s", b1);
		if (D % d != 0) {
			snprintf(b1, sizeof(b1), "R %lld", (long long)(D % d));
			fg_text(g, b1, xd + cw * ((double)n + CO_REMAINDER_GAP),
			    0, AL_LEFT,
			    FA_TOP, &g->ks, NULL);
			fg_say(g, " %s", b1);
		}
	}
	fg_line(g, x, y, x, y, 0.01, (struct color){ 1, 1, 1 });
}

static void
fg_column(struct fg *g, const struct column *co, double x)
{
	if (co->op == CO_DIV)
		co_division(g, co, x);
	else
		co_vertical(g, co, x);
}

/* The width of a column figure: its widest row and the sign's cell. */
static double
co_width(const struct column *co, double u)
{
	int w = 1, d;
	size_t i;

	for (i = 0; i < co->numbers.n; i++)
		if ((d = co_digits(co->numbers.v[i].v.n)) > w)
			w = d;
	if (co->op == CO_DIV)
		w = co_digits(co->dvd) + co_digits(co->dvs) + 5;
	else if (co->op == CO_MUL && co->numbers.n == 2)
		w = co_digits(co->numbers.v[0].v.n * co->numbers.v[1].v.n);
	else
		w += 1;
	return CO_CELL_W * u * (double)(w + 2);
}

/* ---- a figure ---------------------------------------------------------- */

typedef void	(*fg_kind_fn)(struct fg *, const struct figure *, double x,
		    double w);

static void
fk_numberline(struct fg *g, const struct figure *f, double x, double w)
{
	fg_numberline(g, &f->u.nl, x, w);
}

static void
fk_plane(struct fg *g, const struct figure *f, double x, double w)
{
	fg_plane(g, &f->u.pl, x, w);
}

static void
fk_fraction(struct fg *g, const struct figure *f, double x, double w)
{
	fg_fraction(g, &f->u.fr, x, w);
}

static void
fk_tape(struct fg *g, const struct figure *f, double x, double w)
{
	fg_tape(g, &f->u.tp, x, w);
}

static void
fk_array(struct fg *g, const struct figure *f, double x, double w)
{
	fg_array(g, &f->u.ar, x, w);
}

static void
fk_clock(struct fg *g, const struct figure *f, double x, double w)
{
	fg_clock(g, &f->u.ck, x, w);
}

static void
fk_shape(struct fg *g, const struct figure *f, double x, double w)
{
	fg_shape(g, &f->u.sh, x, w);
}

static void
fk_graph(struct fg *g, const struct figure *f, double x, double w)
{
	if (f->kind == FK_BARS)
		fg_bars(g, &f->u.gr, x, w);
	else
		fg_dots(g, &f->u.gr, x, w);
}

static void
fk_column(struct fg *g, const struct figure *f, double x, double w)
{
	(void)w;
	fg_column(g, &f->u.co, x);
}

/* One drawing function per kind. */
static const fg_kind_fn fg_kinds[FK__MAX] = {
	[FK_NUMBERLINE] = fk_numberline, [FK_PLANE] = fk_plane,
	[FK_FRACTION] = fk_fraction, [FK_TAPE] = fk_tape,
	[FK_ARRAY] = fk_array, [FK_CLOCK] = fk_clock, [FK_SHAPE] = fk_shape,
	[FK_BARS] = fk_graph, [FK_DOTS] = fk_graph, [FK_COLUMN] = fk_column,
};

/* The width a figure takes in a column avail wide. */
static double
fg_width(const struct figure *f, double avail, double u)
{
	double w;
	size_t i;

	if (f->width_pct > 0)
		w = avail * f->width_pct / 100;
	else if (f->width_pt > 0)
		w = f->width_pt * u / FG_WIDTH_AT;
	else {
		switch (f->kind) {
		case FK_NUMBERLINE:
			w = avail;
			break;
		case FK_PLANE:
			w = PL_W * u;
			break;
		case FK_FRACTION:
			for (i = 0, w = 0; i < f->u.fr.n; i++)
				w += fr_model_width(&f->u.fr.v[i], u) +
				    (i ? FR_GAP * u : 0);
			break;
		case FK_TAPE:
			w = avail * TP_W_SHARE;
			break;
		case FK_ARRAY:
			w = AR_CELL_MAX * u * (double)f->u.ar.columns.v.n;
			break;
		case FK_CLOCK:
			w = CK_W * u;
			break;
		case FK_SHAPE:
			w = SH_W * u;
			break;
		case FK_BARS:
			w = GR_W_AXIS * u + GR_W_CAT * u *
			    (double)f->u.gr.categories.n;
			break;
		case FK_COLUMN:
			w = co_width(&f->u.co, u);
			break;
		default:
			w = FG_W_DEFAULT * u;
			break;
		}
	}
	return w < avail ? w : avail;
}

/* The box of an arc: its ends, the compass points it passes, and the
 * centre of a wedge. */
static void
fg_arc_extent(const struct item *it, double *x0, double *y0, double *x1,
    double *y1)
{
	double a, px, py, q;

	*x0 = *x1 = it->fill ? it->x : it->x + it->w * cos(it->a0 * M_PI /
	    180);
	*y0 = *y1 = it->fill ? it->y : it->y - it->w * sin(it->a0 * M_PI /
	    180);
	for (q = ceil(it->a0 / 90) * 90; ; q += 90) {
		a = q > it->a1 ? it->a1 : q;
		if (q == ceil(it->a0 / 90) * 90 && a > it->a0) {
			px = it->x + it->w * cos(it->a0 * M_PI / 180);
			py = it->y - it->w * sin(it->a0 * M_PI / 180);
			*x0 = px < *x0 ? px : *x0;
			*x1 = px > *x1 ? px : *x1;
			*y0 = py < *y0 ? py : *y0;
			*y1 = py > *y1 ? py : *y1;
		}
		px = it->x + it->w * cos(a * M_PI / 180);
		py = it->y - it->w * sin(a * M_PI / 180);
		*x0 = px < *x0 ? px : *x0;
		*x1 = px > *x1 ? px : *x1;
		*y0 = py < *y0 ? py : *y0;
		*y1 = py > *y1 ? py : *y1;
		if (q >= it->a1)
			break;
	}
}

/* The extent of strip items [from, to): top and bottom, left and right
 * (text reckoned from its size). */
static void
fg_extent(const struct page *s, size_t from, size_t to, double *top,
    double *bot, double *left, double *right)
{
	const struct item *it;
	double y0, y1, x0, x1;
	size_t i;

	*top = *left = 1e9;
	*bot = *right = -1e9;
	for (i = from; i < to; i++) {
		it = &s->items[i];
		switch (it->kind) {
		case ITEM_TEXT:
			y0 = it->y - it->size * FG_TEXT_ASCENT;
			y1 = it->y + it->size * FG_TEXT_DESCENT;
			x0 = x1 = it->x;	/* widths: fg_text measured */
			break;
		case ITEM_LINE:
			y0 = it->y < it->y2 ? it->y : it->y2;
			y1 = it->y < it->y2 ? it->y2 : it->y;
			x0 = it->x < it->x2 ? it->x : it->x2;
			x1 = it->x < it->x2 ? it->x2 : it->x;
			break;
		case ITEM_RECT:
			y0 = it->y;
			y1 = it->y + it->h;
			x0 = it->x;
			x1 = it->x + it->w;
			break;
		case ITEM_CIRCLE:
			y0 = it->y - it->w;
			y1 = it->y + it->w;
			x0 = it->x - it->w;
			x1 = it->x + it->w;
			break;
		case ITEM_ARC:
			fg_arc_extent(it, &x0, &y0, &x1, &y1);
			break;
		default:
			continue;
		}
		*top = y0 < *top ? y0 : *top;
		*bot = y1 > *bot ? y1 : *bot;
		*left = x0 < *left ? x0 : *left;
		*right = x1 > *right ? x1 : *right;
	}
}

/* Draw f with its left edge at x, w wide; its items start at the strip's
 * end and are left with their top at 0.  Returns its height. */
static double
fg_figure(struct lay *L, const struct figure *f, int key, double x, double w)
{
	struct fg g;
	size_t span = L->strip.nitems, i, j;
	struct item *it;
	double top, bot, left, right, sy = L->sy;

	memset(&g, 0, sizeof(g));
	g.L = L;
	g.key = key;
	g.u = L->t->size_body;
	g.lw = FG_LINE_W * g.u / FG_LINE_W_AT;
	g.ts = lay_style(L, g.u, 0, ink);
	g.ks = lay_style(L, g.u, ST_BOLD, key_ink);
	g.mark = &f->mark;
	g.tx0 = 1e9;
	g.tx1 = -1e9;
	it = page_push(&L->strip, ITEM_SPAN);
	it->font = fonts_pick(L->fs, FS_REGULAR, 'a');
	it->size = g.u;
	fg_kinds[f->kind](&g, f, x, w);
	fg_extent(&L->strip, span + 1, L->strip.nitems, &top, &bot, &left,
	    &right);
	if (top > bot)
		top = bot = 0;
	if (g.tx0 < left)
		left = g.tx0;
	if (g.tx1 > right)
		right = g.tx1;
	lay_shift(L, span, L->strip.nitems, -top);
	/* the labels' own spans go: a reader takes the innermost span's
	 * text (poppler), and the figure reads as a whole */
	for (i = j = span + 1; i < L->strip.nitems; i++)
		if (L->strip.items[i].kind == ITEM_SPAN ||
		    L->strip.items[i].kind == ITEM_SPAN_END)
			free(L->strip.items[i].text);
		else
			L->strip.items[j++] = L->strip.items[i];
	L->strip.nitems = j;
	it = &L->strip.items[span];
	it->x = x;
	it->y = FG_ALT_BASE *
	    g.u;	/* a baseline at its top: read after the prompt */
	/* the labels' markup (` and *) is not read; decimals are read with
	 * the language's mark */
	for (i = j = 0; g.alt[i] != '\0'; i++)
		if (g.alt[i] == '.' && (L->parse & RP_DECIMAL_COMMA) && j > 0 &&
		    g.alt[j - 1] >= '0' && g.alt[j - 1] <= '9' &&
		    g.alt[i + 1] >= '0' && g.alt[i + 1] <= '9')
			g.alt[j++] = ',';
		else if (g.alt[i] != '`' && g.alt[i] != '*')
			g.alt[j++] = g.alt[i];
	g.alt[j] = '\0';
	it->text = xstrdup(g.alt);
	it = page_push(&L->strip, ITEM_SPAN_END);
	it->font = L->strip.items[span].font;
	it->size = g.u;
	it->x = x + w;
	it->y = L->strip.items[span].y;
	if ((left < L->left - EPS || right > L->right + EPS) &&
	    lay_first_at(L, &f->mark))
		sc_error(&f->mark, "the %s is wider than the column (%.1f cm "
		    "of %.1f cm); give it a smaller width: or shorter labels",
		    fig_kind_names[f->kind],
		    (right - left) / PT_PER_INCH * CM_PER_INCH,
		    (L->right - L->left) / PT_PER_INCH * CM_PER_INCH);
	if (left < L->left - EPS || right > L->right + EPS)
		L->failed = 1;
	L->sy = sy;
	return bot - top;
}

/* Nonzero when a figure of kind k keeps its left-to-right drawing on a
 * right-to-left page (moved whole, not mirrored): a number line, the
 * plane, a dot plot and a bar graph count up to the right as they are
 * taught there, column arithmetic lines up its digits as numbers are
 * written, a clock and a shape are as drawn.  Tape diagrams, arrays and
 * fraction models are mirrored: their labels at the right, their parts
 * counted from it. */
static int
fg_reads_ltr(enum fig_kind k)
{
	return k != FK_TAPE && k != FK_ARRAY && k != FK_FRACTION;
}

void
lay_figures(struct lay *L, const struct block *b)
{
	double x0 = L->left + (L->in_problem ? L->indent : 0);
	double avail = L->right - x0, gap = FIGS_GAP * L->t->size_body;
	double *w = xcalloc(b->nfigs + 1, sizeof(*w)), sum = 0, x, h, row;
	size_t i, from;
	int side = 1;

	for (i = 0; i < b->nfigs; i++) {
		w[i] = fg_width(&b->figs[i], avail, L->t->size_body);
		sum += w[i] + (i > 0 ? gap : 0);
	}
	if (sum > avail + EPS)
		side = 0;	/* one under another */
	if (!L->in_problem)
		L->sy = 0;	/* a section's: a strip of their own */
	L->sy += FIGS_ABOVE * L->t->size_body;
	x = x0;
	row = 0;
	for (i = 0; i < b->nfigs; i++) {
		if (!side && i > 0) {
			L->sy += row + gap / 2;
			row = 0;
		}
		from = L->strip.nitems;
		h = fg_figure(L, &b->figs[i], b->key, side ? x : x0, w[i]);
		lay_shift(L, from, L->strip.nitems, L->sy);
		if (fg_reads_ltr(b->figs[i].kind))
			lay_unit(L, from, side ? x : x0, (side ? x : x0) + w[i]);
		if (h > row)
			row = h;
		x += w[i] + gap;
	}
	L->sy += row + FIGS_BELOW * L->t->size_body;
	free(w);
	if (!L->in_problem)
		lay_place(L, L->sy, L->t->gap_paragraph);
}
