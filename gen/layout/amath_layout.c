/*
 * amath_layout.c - AsciiMath boxes: a parsed tree (amath.h) measured with
 * the body fonts and turned into positioned items; see amath_layout.h.
 *
 * Boxes follow TeX's rules in spirit, in the body font: fractions are set
 * smaller with the bar on the math axis (the height of the minus sign),
 * scripts are smaller and raised or lowered by fractions of the font size,
 * and operators get TeX's medium and thick spaces.
 */
#include <stdlib.h>
#include <string.h>

#include "amath_layout.h"
#include "font.h"
#include "layout_metrics.h"
#include "script.h"
#include "util.h"

/* ---- boxes ------------------------------------------------------------- */

/* Proportions, in ems of the size being set (TeX's, rounded, with
 * fractions a little larger than TeX's for young readers). */
#define FRAC_SCALE	0.8	/* numerator and denominator */
#define FRAC_LARGE	16.0	/* pt: in text this large or larger (large
				 * print's 18 pt), fraction numerals are
				 * no smaller, for low-vision readers:
				 * 0.8 of 18 pt read smaller than the
				 * words beside them */
#define SCRIPT_SCALE	0.7	/* exponents and subscripts */
#define INDEX_SCALE	0.55	/* a root's index */
#define MIN_SCALE	0.5	/* of the span's size: nothing smaller */
#define RULE		0.05	/* fraction bar and root overbar */
#define FRAC_GAP	0.09	/* between bar and numerator / denominator */
#define FRAC_OVER	0.08	/* bar beyond the wider of the two */
#define FRAC_SIDE	0.06	/* space outside the bar, each side */
#define SUP_RAISE	0.42
#define SUB_DROP	0.17
#define SCRIPT_AFTER	0.05
#define ROOT_GAP	0.1	/* between radicand and overbar */
#define SPACE_BIN	0.22	/* 4/18 em */
#define SPACE_REL	0.28	/* 5/18 em */
#define SPACE_PUNCT	0.17	/* 3/18 em */
#define SPACE_MIXED	0.06	/* between the whole and the fraction */

struct ml {
	struct fonts	*fs;
	int		 bold;
	double		 size;		/* the span's */
	double		 axis;		/* em: middle of the minus sign */
	long		 missing;
};

void
mbox_free(struct mbox *b)
{
	size_t i;

	for (i = 0; i < b->items.nitems; i++)
		free(b->items.items[i].text);
	free(b->items.items);
	memset(&b->items, 0, sizeof(b->items));
	free(b->text);
	b->text = NULL;
}

/* Move src's items into dst, shifted by (dx, dy); src is emptied. */
static void
box_put(struct mbox *dst, struct mbox *src, double dx, double dy)
{
	page_copy(&dst->items, &src->items, dx, dy);
	mbox_free(src);
}

/* A stroke: a fraction bar, a root's bar or part of its sign. */
static void
box_stroke(struct mbox *b, double x, double y, double x2, double y2,
    double width)
{
	struct item *it = page_push(&b->items, ITEM_LINE);

	it->x = x;
	it->y = y;
	it->x2 = x2;
	it->y2 = y2;
	it->width = width;
}

/* Characters s at size, one text item per face. */
static void
ml_text(struct ml *m, const char *s, int italic, double size,
    struct mbox *b)
{
	enum fstyle st = (enum fstyle)((m->bold ? FS_BOLD : FS_REGULAR) +
	    (italic ? FS_ITALIC : 0));
	struct item *it = NULL;
	size_t n = strlen(s), len, have = 0;	/* bytes in it->text */
	int face, box[4];
	long cp;
	const char *refusal;

	for (; n > 0; s += len, n -= len) {
		cp = utf8_decode(s, n, &len);
		if (script_refused(cp, &refusal) != SCRIPT_OK ||
		    (face = fonts_pick(m->fs, st, cp)) < 0) {
			if (m->missing == 0)
				m->missing = cp;
			continue;
		}
		if (it == NULL || it->font != face) {
			it = page_push(&b->items, ITEM_TEXT);
			it->x = b->w;
			it->font = face;
			it->size = size;
			/* room for all of s: no realloc per character */
			it->text = xmalloc(n + 1);
			have = 0;
		}
		memcpy(it->text + have, s, len);
		have += len;
		it->text[have] = '\0';
		b->w += fonts_advance(m->fs, face, cp) * size / FONT_UNITS;
		fonts_bbox(m->fs, face, cp, box);
		if (box[3] * size / FONT_UNITS > b->h)
			b->h = box[3] * size / FONT_UNITS;
		if (-box[1] * size / FONT_UNITS > b->d)
			b->d = -box[1] * size / FONT_UNITS;
	}
}

/* The ink box of cp as the root or a bracket prints it, 1/1000 em. */
static int
ml_glyph(struct ml *m, long cp, int box[4])
{
	int face = fonts_pick(m->fs, m->bold ? FS_BOLD : FS_REGULAR, cp);

	if (face < 0) {
		box[0] = box[1] = box[2] = box[3] = 0;
		return -1;
	}
	fonts_bbox(m->fs, face, cp, box);
	return face;
}

static double
ml_smaller(struct ml *m, double size, double scale)
{
	return size * scale > m->size * MIN_SCALE ? size * scale :
	    m->size * MIN_SCALE;
}

static void ml_node(struct ml *, const struct mnode *, double, struct mbox *);

/* Space before kid i of a row, whose class is cur after prev. */
static double
ml_space(struct ml *m, const struct mnode *row, size_t i, enum mclass prev,
    enum mclass cur, double size)
{
	/* tighter in fractions and scripts, as TeX sets them (TeX drops
	 * these spaces there; young readers are helped by a little) */
	double em = size < m->size ? size / 2 : size;

	if (prev == MC_REL || cur == MC_REL)
		return prev == cur ? 0 : SPACE_REL * em;
	if (prev == MC_BIN || cur == MC_BIN)
		return SPACE_BIN * em;
	if (prev == MC_PUNCT)
		return SPACE_PUNCT * em;
	if (math_row_word_space(row, i, prev, cur))
		return fonts_advance(m->fs, fonts_pick(m->fs, FS_REGULAR, ' '),
		    ' ') * size / FONT_UNITS;
	/* 1 1/2: the whole number just before the fraction */
	if (math_row_mixed(row, i))
		return SPACE_MIXED * size;
	return 0;
}

static void
ml_row(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	enum mclass prev = MC_ORD, cur;
	struct mbox k;
	size_t i;

	for (i = 0; i < n->nkid; i++) {
		cur = math_row_class(n, i, prev);
		if (i > 0)
			b->w += ml_space(m, n, i, prev, cur, size);
		memset(&k, 0, sizeof(k));
		ml_node(m, n->kid[i], size, &k);
		box_put(b, &k, b->w, 0);
		b->w += k.w;
		if (k.h > b->h)
			b->h = k.h;
		if (k.d > b->d)
			b->d = k.d;
		prev = cur;
	}
}

static void
ml_frac(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	struct mbox num, den;
	double cs = ml_smaller(m, size, FRAC_SCALE), axis = m->axis * size;

	if (size >= FRAC_LARGE && cs < FRAC_LARGE)
		cs = FRAC_LARGE;
	double t = RULE * size, gap = FRAC_GAP * size, bar, up, down;

	memset(&num, 0, sizeof(num));
	memset(&den, 0, sizeof(den));
	ml_node(m, n->kid[0], cs, &num);
	ml_node(m, n->kid[1], cs, &den);
	bar = (num.w > den.w ? num.w : den.w) + 2 * FRAC_OVER * size;
	up = axis + t / 2 + gap + num.d;	/* numerator's baseline */
	down = axis - t / 2 - gap - den.h;	/* denominator's, below 0 */
	b->w = bar + 2 * FRAC_SIDE * size;
	b->h = up + num.h;
	b->d = -down + den.d;
	/* numerator first: text extraction reads top, then bottom */
	box_put(b, &num, FRAC_SIDE * size + (bar - num.w) / 2, -up);
	box_stroke(b, FRAC_SIDE * size, -axis, FRAC_SIDE * size + bar, -axis,
	    t);
	box_put(b, &den, FRAC_SIDE * size + (bar - den.w) / 2, -down);
}

static void
ml_script(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	struct mbox base, sub, sup;
	double ss = ml_smaller(m, size, SCRIPT_SCALE), x, u = 0, v = 0;

	memset(&base, 0, sizeof(base));
	memset(&sub, 0, sizeof(sub));
	memset(&sup, 0, sizeof(sup));
	ml_node(m, n->kid[0], size, &base);
	*b = base;
	memset(&base, 0, sizeof(base));
	x = b->w;
	if (n->kid[2] != NULL) {
		ml_node(m, n->kid[2], ss, &sup);
		/* above a tall base (a fraction) it rides on the base's top */
		u = SUP_RAISE * size;
		if (b->h - AM_SUP_UNDER_TOP * ss > u)
			u = b->h - AM_SUP_UNDER_TOP * ss;
		if (u + sup.h > b->h)
			b->h = u + sup.h;
	}
	if (n->kid[1] != NULL) {
		ml_node(m, n->kid[1], ss, &sub);
		v = SUB_DROP * size;
		if (n->kid[2] != NULL)
			v *= AM_SUB_WITH_SUP;
		if (b->d + AM_SUB_UNDER_FOOT * ss > v &&
		    n->kid[0]->kind != M_ATOM)
			v = b->d + AM_SUB_UNDER_FOOT * ss;
		if (v + sub.d > b->d)
			b->d = v + sub.d;
	}
	b->w = x + (sup.w > sub.w ? sup.w : sub.w) + SCRIPT_AFTER * size;
	box_put(b, &sup, x, -u);
	box_put(b, &sub, x, v);
}

/*
 * A root: the font's radical sign when the radicand is no taller than
 * it (so text extraction reads "√2"), else a radical drawn to the
 * radicand's full height as TeX's larger ones are: a short tick, a thick
 * stroke down, a thin one up.  Then a bar from its top over the radicand.
 */
/* The radical sign over radicand r, into b; *hook is how far in from the
 * sign's left end its short upstroke reaches (where an index sits). */
static void
ml_radical(struct ml *m, const struct mnode *r, double size, struct mbox *b,
    double *hook)
{
	struct mbox rad, sign;
	int g[4];
	double t = RULE * size, gap = ROOT_GAP * size, top, bottom, sw, k;

	memset(&rad, 0, sizeof(rad));
	memset(&sign, 0, sizeof(sign));
	ml_node(m, r, size, &rad);
	ml_glyph(m, 0x221a, g);
	top = rad.h + gap + t;
	/* the font's sign, a little larger if that is enough */
	k = g[3] > 0 ? top * FONT_UNITS / g[3] : 0;
	if (k < size)
		k = size;
	if (g[3] > 0 && k <= AM_SIGN_GROW * size &&
	    -g[1] * k / FONT_UNITS >= rad.d - AM_SIGN_FOOT * size) {
		ml_text(m, "\xe2\x88\x9a", 0, k, &sign);
		top = g[3] * k / FONT_UNITS;
		bottom = -g[1] * k / FONT_UNITS;
		sw = g[2] * k / FONT_UNITS;
		t = RULE * k;
		box_put(b, &sign, 0, 0);
	} else {
		bottom = rad.d + AM_SIGN_FOOT * size;
		sw = AM_SIGN_W * size;
		box_stroke(b, AM_TICK_X0 * size, bottom - AM_TICK_Y0 * size,
		    AM_TICK_X1 * size, bottom - AM_TICK_Y1 * size, t);
		box_stroke(b, AM_STEM_X0 * size, bottom - AM_STEM_Y0 * size,
		    AM_STEM_X1 * size, bottom, 2 * t);
		box_stroke(b, AM_STEM_X1 * size, bottom, sw, -top + t / 2, t);
	}
	box_stroke(b, sw - t / 2, -top + t / 2, sw + rad.w + 2 * FRAC_OVER *
	    size, -top + t / 2, t);
	box_put(b, &rad, sw + FRAC_OVER * size, 0);
	b->w = sw + rad.w + 2 * FRAC_OVER * size + SCRIPT_AFTER * size;
	b->h = top;
	b->d = rad.d > bottom ? rad.d : bottom;
	*hook = 0.5 * sw;
}

/* sqrt(x), or root(n)(x) with the index n small in the crook of the
 * sign, as printed books set a cube root. */
static void
ml_sqrt(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	struct mbox r, ix;
	double hook, shift, raise;

	if (n->nkid < 2 || n->kid[1] == NULL) {
		ml_radical(m, n->kid[0], size, b, &hook);
		return;
	}
	memset(&r, 0, sizeof(r));
	memset(&ix, 0, sizeof(ix));
	ml_radical(m, n->kid[0], size, &r, &hook);
	ml_node(m, n->kid[1], ml_smaller(m, size, INDEX_SCALE), &ix);
	/* the index's foot just above the middle of the sign's height */
	raise = 0.5 * (r.h - r.d) + ix.d + AM_INDEX_RISE * size;
	shift = ix.w > hook ? ix.w - hook : 0;
	b->w = shift + r.w;
	b->h = r.h > raise + ix.h ? r.h : raise + ix.h;
	b->d = r.d;
	/* the index first: text extraction reads "3" then the root */
	box_put(b, &ix, shift + hook - ix.w > 0 ? shift + hook - ix.w : 0,
	    -raise);
	box_put(b, &r, shift, 0);
}

/* One bracket, grown around a tall body and centred on the axis. */
static void
ml_bracket(struct ml *m, const char *s, const struct mbox *body, double size,
    struct mbox *b)
{
	struct mbox br;
	size_t len;
	int g[4];
	double k = size, dy = 0, a = m->axis * size;
	/* as much above the axis as below, like TeX's delimiters */
	double need = 2 * (body->h - a > body->d + a ? body->h - a :
	    body->d + a);

	memset(&br, 0, sizeof(br));
	ml_glyph(m, utf8_decode(s, strlen(s), &len), g);
	/* a little taller than the bracket, like x^2, does not grow it */
	if (g[3] > g[1] &&
	    need > AM_BRACKET_SLACK * (g[3] - g[1]) * size / FONT_UNITS) {
		k = need / ((g[3] - g[1]) / FONT_UNITS);
		/* middle of the glyph on the axis */
		dy = (g[3] + g[1]) / 2000.0 * k - m->axis * size;
	}
	ml_text(m, s, 0, k, &br);
	br.h -= dy;
	br.d += dy;
	box_put(b, &br, b->w, dy);
	b->w += br.w;
	if (br.h > b->h)
		b->h = br.h;
	if (br.d > b->d)
		b->d = br.d;
}

static void
ml_fence(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	struct mbox body;

	memset(&body, 0, sizeof(body));
	ml_node(m, n->kid[0], size, &body);
	ml_bracket(m, n->s, &body, size, b);
	if (body.h > b->h)
		b->h = body.h;
	if (body.d > b->d)
		b->d = body.d;
	box_put(b, &body, b->w, 0);
	b->w += body.w;
	ml_bracket(m, n->close, &body, size, b);
}

static void
ml_node(struct ml *m, const struct mnode *n, double size, struct mbox *b)
{
	switch (n->kind) {
	case M_ROW:
		ml_row(m, n, size, b);
		break;
	case M_ATOM:
		ml_text(m, n->s, n->italic, size, b);
		break;
	case M_FRAC:
		ml_frac(m, n, size, b);
		break;
	case M_SCRIPT:
		ml_script(m, n, size, b);
		break;
	case M_SQRT:
		ml_sqrt(m, n, size, b);
		break;
	case M_FENCE:
		ml_fence(m, n, size, b);
		break;
	}
}

void
math_layout(struct fonts *fs, const struct mnode *n, double size, int bold,
    struct mbox *b)
{
	struct ml m;
	int g[4];

	memset(&m, 0, sizeof(m));
	m.fs = fs;
	m.bold = bold;
	m.size = size;
	/* the math axis: where the minus sign's bar is */
	if (ml_glyph(&m, 0x2212, g) >= 0 && g[3] > g[1])
		m.axis = (g[3] + g[1]) / 2000.0;
	else
		m.axis = AM_AXIS_DEFAULT;
	ml_node(&m, n, size, b);
	if (m.missing != 0)
		b->missing = m.missing;
	b->text = math_linear(n);
}
