/*
 * render_cairo.c - draw a struct doc with cairo 1.16: PNG and SVG pages,
 * a PostScript file of every page, and a PNG contact sheet.
 *
 * The PDF backend (render_pdf.c) is the reference: every item is drawn
 * with the same path (point for point as libharu writes it), dash, width,
 * colours and fill-then-stroke order.
 *
 * Fonts: each doc font file is opened with FreeType (the exact file and
 * face index layout measured, never a fontconfig name) and wrapped with
 * cairo_ft_font_face_create_for_ft_face(), hinting off for metrics and
 * outlines.  We place every glyph ourselves: each advances by its width
 * in 1/1000 em, truncated, as font.c measured it for layout and as the
 * PDF's /W array tells a viewer (cairo_show_text would advance by the
 * exact widths and drift from the PDF by up to 1/1000 em a glyph).
 *
 * PS gets the drawing as is, in points; SVG too, but for text, which is
 * written as text in embedded fonts (sv_page(), below) where a page
 * allows.  A PNG is drawn as poppler
 * rasterizes the PDF, so the preview looks like the PDF in a viewer, not
 * merely like the same geometry: strokes and filled rectangles snapped to
 * whole pixels and never thinner than one (poppler's stroke adjustment),
 * glyph baselines on whole pixels and glyphs on quarter pixels, colours
 * rounded to 8 bits as poppler rounds them, all computed from the numbers
 * the PDF holds.  tests/cairo.sh holds the PNGs to pdftoppm's.
 *
 * Lifetimes: cairo may keep a font face (and so its FT_Face) in its caches
 * after we drop our reference, so every FT_Face is closed by a destroy
 * callback attached to its cairo font face, and the FT_Library is
 * reference counted by those faces.  Nothing here is static; cairo's own
 * caches are released only by cairo_debug_reset_static_data() at exit.
 *
 * Output is deterministic.  Each file is built in memory and written only
 * when cairo finished without error (so a failure writes nothing), after
 * two repairs:
 *   PS   cairo 1.16 always writes "%%CreationDate: <now>"; the line is
 *        dropped, or holds SOURCE_DATE_EPOCH (UTC) when that is set.
 *   SVG  cairo 1.16 names surfaces "surfaceN" and pictures "imageN" from
 *        process-wide counters, so the same page differs with how many
 *        were made before it; both are renumbered 1, 2, ... in order of
 *        appearance.
 * PNG has no time in it (cairo writes no tIME chunk).
 *
 * Pictures (ITEM_IMAGE) are decoded by image.c, once per device (render.h),
 * into cairo image surfaces, and painted scaled into their box.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <png.h>
#include <zlib.h>
#include <cairo-ft.h>
#include <cairo-ps.h>
#include <cairo-svg.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "contact.h"
#include "image.h"
#include "page.h"
#include "render.h"
#include "subset.h"
#include "util.h"

#define CR_MAX_PX	32767		/* cairo's largest image side */
#define CR_MAX_DPI	1200.0
#define CR_KAPPA	0.552		/* libharu's HPDF_Page_Circle */

/* A FreeType library shared by the faces opened from it: alive while the
 * render call or any cairo font face still uses it. */
struct cr_lib {
	FT_Library	 ft;
	int		 refs;
};

/* What a cairo font face owns, released by its destroy callback. */
struct cr_hold {
	FT_Face		 face;
	struct cr_lib	*lib;
};

struct cr_font {
	FT_Face		 face;		/* borrowed from the cairo face */
	cairo_font_face_t *cface;	/* our reference; NULL until used */
};

/* A growing byte buffer that cairo writes the output into. */
struct cr_buf {
	unsigned char	*p;
	size_t		 n, cap;
};

struct cr_ctx {
	const struct doc *d;
	struct cr_lib	*lib;
	struct cr_font	*fonts;		/* d->nfonts */
	struct pixels	*images;	/* d->nimages; decoded when drawn */
	cairo_font_options_t *opts;
	double		 px;		/* device pixels per point; 0: vector */
	double		 h;		/* height of the page being drawn */
	char		*err;
	size_t		 errlen;
};

static const cairo_user_data_key_t cr_hold_key;

/* Puts a one-line reason in ctx->err.  Returns -1. */
static int
cr_msg(struct cr_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
cr_msg(struct cr_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrfmt(ctx->err, ctx->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static void
cr_lib_unref(struct cr_lib *lib)
{
	if (lib != NULL && --lib->refs == 0) {
		FT_Done_FreeType(lib->ft);
		free(lib);
	}
}

/* Destroy callback of a cairo font face: closes its FT_Face. */
static void
cr_hold_free(void *arg)
{
	struct cr_hold *h = arg;

	FT_Done_Face(h->face);
	cr_lib_unref(h->lib);
	free(h);
}

/*
 * Checks what cairo would draw wrongly or not at all: no pages, a text
 * item naming a font the doc lacks.  Then starts FreeType.  Returns 0, or
 * -1 with ctx->err set; cr_end() must run either way.
 */
static int
cr_begin(struct cr_ctx *ctx, const struct doc *d, char *err, size_t errlen)
{
	const struct item	*it;
	size_t			 i, j;

	memset(ctx, 0, sizeof(*ctx));
	ctx->d = d;
	ctx->err = err;
	ctx->errlen = errlen;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (d->npages == 0)
		return cr_msg(ctx, "document has no pages");
	if (!(d->width > 0 && d->height > 0 && d->width < 1e5 &&
	    d->height < 1e5))
		return cr_msg(ctx, "page size %gx%g", d->width, d->height);
	for (i = 0; i < d->npages; i++)
		for (j = 0; j < page_nitems(d, i); j++) {
			it = page_item(d, i, j);
			if (it->kind == ITEM_TEXT && it->text != NULL &&
			    (it->text[0] != '\0' || it->glyph) && (it->font < 0 ||
			    (size_t)it->font >= d->nfonts))
				return cr_msg(ctx, "page %zu: text uses "
				    "unknown font %d", i + 1, it->font);
			if (it->kind == ITEM_IMAGE && (it->image < 0 ||
			    (size_t)it->image >= d->nimages))
				return cr_msg(ctx, "page %zu: unknown image "
				    "%d", i + 1, it->image);
		}
	ctx->fonts = xcalloc(d->nfonts ? d->nfonts : 1, sizeof(*ctx->fonts));
	ctx->images = xcalloc(d->nimages + 1, sizeof(*ctx->images));
	ctx->lib = xcalloc(1, sizeof(*ctx->lib));
	if (FT_Init_FreeType(&ctx->lib->ft) != 0) {
		free(ctx->lib);
		ctx->lib = NULL;
		return cr_msg(ctx, "FreeType cannot start");
	}
	ctx->lib->refs = 1;
	ctx->opts = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(ctx->opts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(ctx->opts, CAIRO_HINT_STYLE_NONE);
	if (cairo_font_options_status(ctx->opts) != CAIRO_STATUS_SUCCESS)
		return cr_msg(ctx, "cairo: %s", cairo_status_to_string(
		    cairo_font_options_status(ctx->opts)));
	return 0;
}

/* Drops our references to fonts and FreeType (cairo may hold its own). */
static void
cr_end(struct cr_ctx *ctx)
{
	size_t i;

	for (i = 0; ctx->fonts != NULL && i < ctx->d->nfonts; i++)
		if (ctx->fonts[i].cface != NULL)
			cairo_font_face_destroy(ctx->fonts[i].cface);
	free(ctx->fonts);
	for (i = 0; ctx->images != NULL && i < ctx->d->nimages; i++)
		pixels_free(&ctx->images[i]);
	free(ctx->images);
	if (ctx->opts != NULL)
		cairo_font_options_destroy(ctx->opts);
	cr_lib_unref(ctx->lib);
	memset(ctx, 0, sizeof(*ctx));
}

/* Returns doc font i, opening it on first use, or NULL with ctx->err
 * set.  The font belongs to ctx. */
static struct cr_font *
cr_font(struct cr_ctx *ctx, int i)
{
	struct cr_font		*f = &ctx->fonts[i];
	const struct docfont	*df = &ctx->d->fonts[i];
	struct cr_hold		*h;
	cairo_font_face_t	*cf;
	cairo_status_t		 st;
	FT_Face			 face;
	FT_Error		 fe;

	if (f->cface != NULL)
		return f;
	if (df->index < 0) {
		cr_msg(ctx, "cannot load font %s: bad face index %d",
		    df->path, df->index);
		return NULL;
	}
	if ((fe = FT_New_Face(ctx->lib->ft, df->path, df->index, &face))
	    != 0) {
		cr_msg(ctx, "cannot load font %s (face %d): %s", df->path,
		    df->index, fe == FT_Err_Cannot_Open_Resource ?
		    "cannot open the file" : fe == FT_Err_Unknown_File_Format ?
		    "not a font file" : fe == FT_Err_Invalid_Argument ?
		    "no such face in the file" : "FreeType cannot read it");
		return NULL;
	}
	cf = cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_NO_HINTING);
	if ((st = cairo_font_face_status(cf)) != CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(cf);
		FT_Done_Face(face);
		cr_msg(ctx, "cannot use font %s: %s", df->path,
		    cairo_status_to_string(st));
		return NULL;
	}
	h = xmalloc(sizeof(*h));
	h->face = face;
	h->lib = ctx->lib;
	st = cairo_font_face_set_user_data(cf, &cr_hold_key, h, cr_hold_free);
	if (st != CAIRO_STATUS_SUCCESS) {
		free(h);
		cairo_font_face_destroy(cf);
		FT_Done_Face(face);
		cr_msg(ctx, "cannot use font %s: %s", df->path,
		    cairo_status_to_string(st));
		return NULL;
	}
	ctx->lib->refs++;
	f->face = face;
	f->cface = cf;
	return f;
}

/* Advance of glyph gi in 1/1000 em, truncated: what font.c gives layout
 * and what libharu writes in /W. */
static int
cr_advance(FT_Face face, FT_UInt gi)
{
	if (FT_Load_Glyph(face, gi, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)
	    != 0)
		return 0;
	return (int)(face->glyph->metrics.horiAdvance * 1000L /
	    face->units_per_EM);
}

/*
 * Sets colour c.  On an image each component is first rounded to 8 bits
 * as poppler does (0.93 -> 237): cairo would round 0.93 * 65535 to 16
 * bits and keep the high byte (238), a level lighter over a whole shaded
 * box.
 */
static void
cr_rgb(cairo_t *cr, const struct color *c)
{
	double r = c->r, g = c->g, b = c->b;

	if (cairo_surface_get_type(cairo_get_target(cr)) ==
	    CAIRO_SURFACE_TYPE_IMAGE) {
		r = floor(r * 255 + 0.5) / 255;
		g = floor(g * 255 + 0.5) / 255;
		b = floor(b * 255 + 0.5) / 255;
	}
	cairo_set_source_rgb(cr, r, g, b);
}

/*
 * The number libharu 2.3.0 writes for v: a float (HPDF_REAL) printed by
 * HPDF_FToA with five decimals, truncated after adding 0.000005.  So
 * 515.52 is "515.52002" in the PDF.
 */
static double
cr_pdf_real(double v)
{
	float	 f = (float)v, a;
	int32_t	 ip, fp;
	double	 r;

	if (f > 32767.0f)
		f = 32767.0f;
	else if (f < -32767.0f)
		f = -32767.0f;
	a = f < 0 ? -f : f;
	ip = (int32_t)(a + 0.000005);
	fp = (int32_t)((float)((double)(a - (float)ip) + 0.000005) * 100000);
	r = ip + fp / 100000.0;
	return f < 0 ? -r : r;
}

/*
 * Draws a TEXT item: one glyph per code point, each placed after the
 * advances of those before it (1/1000 em, truncated: what layout measured
 * and what the PDF's /W array tells a viewer), summed as poppler sums
 * them.  Vector surfaces get glyphs.  An image gets filled outlines (cairo
 * 1.16 would round every glyph to a whole pixel) placed where poppler's
 * Splash::fillChar places its glyph bitmaps: the baseline rounded down to
 * a whole pixel, each glyph's x down to a quarter pixel, computed from the
 * numbers in the PDF (cr_pdf_real) with poppler's arithmetic, so a glyph
 * on a pixel edge falls on the same side.  Returns 0 or -1 with ctx->err
 * set.
 */
static int
cr_text(struct cr_ctx *ctx, cairo_t *cr, const struct item *it)
{
	struct cr_font	*f;
	cairo_glyph_t	*g;
	size_t		 n = strlen(it->text), i, len, ng = 0;
	long		 cp;
	double		 k = ctx->px, x = it->x, y = it->y, size = it->size;
	double		 ypdf, xd;

	if ((f = cr_font(ctx, it->font)) == NULL)
		return -1;
	if (k > 0) {
		x = cr_pdf_real(it->x);
		ypdf = cr_pdf_real(ctx->h - it->y);
		size = cr_pdf_real(it->size);
		/* poppler's CTM: [k 0 0 -k 0 k*H] */
		y = floor(x * 0.0 + ypdf * -k +
		    k * cr_pdf_real(ctx->h)) / k;
	}
	if (it->glyph)		/* one shaped glyph (page.h), by its id */
		n = 1;
	g = xmalloc((n + 1) * sizeof(*g));
	for (i = 0; i < n; i += len) {
		len = 1;
		if (it->glyph)
			g[ng].index = it->gid;
		else if ((cp = utf8_decode(it->text + i, n - i, &len)) < 0)
			g[ng].index = 0;
		else
			g[ng].index = FT_Get_Char_Index(f->face, (FT_ULong)cp);
		g[ng].x = x;
		if (k > 0) {
			xd = x * k;
			g[ng].x = (floor(xd) + floor((xd - floor(xd)) * 4) /
			    4) / k;
		}
		g[ng].y = y;
		x += cr_advance(f->face, (FT_UInt)g[ng].index) * 0.001 * size;
		ng++;
	}
	cr_rgb(cr, &it->color);
	cairo_set_font_face(cr, f->cface);
	cairo_set_font_size(cr, size);
	cairo_set_font_options(cr, ctx->opts);
	if (k > 0) {
		cairo_glyph_path(cr, g, (int)ng);
		cairo_fill(cr);
	} else
		cairo_show_glyphs(cr, g, (int)ng);
	free(g);
	return 0;
}

/* An arc (a wedge when filled) as render_pdf.c draws it. */
static void
cr_arc(cairo_t *cr, const struct item *it)
{
	double c[8][8];
	int n = arc_beziers(it, c), i;

	if (it->fill) {
		cairo_move_to(cr, it->x, it->y);
		cairo_line_to(cr, c[0][0], c[0][1]);
	} else
		cairo_move_to(cr, c[0][0], c[0][1]);
	for (i = 0; i < n; i++)
		cairo_curve_to(cr, c[i][2], c[i][3], c[i][4], c[i][5],
		    c[i][6], c[i][7]);
	if (it->fill)
		cairo_close_path(cr);
}

/* The path of a LINE/RECT/CIRCLE/ARC, point for point as libharu writes it
 * (so dashes start where they do in the PDF), in top-down coordinates. */
static void
cr_path(cairo_t *cr, const struct item *it)
{
	double x = it->x, y = it->y, r = it->w, k = r * CR_KAPPA;

	cairo_new_path(cr);
	switch (it->kind) {
	case ITEM_LINE:
		cairo_move_to(cr, it->x, it->y);
		cairo_line_to(cr, it->x2, it->y2);
		break;
	case ITEM_RECT:
		/* "x y w h re": from the bottom-left corner, rightward */
		cairo_move_to(cr, x, y + it->h);
		cairo_line_to(cr, x + it->w, y + it->h);
		cairo_line_to(cr, x + it->w, y);
		cairo_line_to(cr, x, y);
		cairo_close_path(cr);
		break;
	case ITEM_CIRCLE:
		/* four quarters from the left point, over the top, and no
		 * closepath, as HPDF_Page_Circle does */
		cairo_move_to(cr, x - r, y);
		cairo_curve_to(cr, x - r, y - k, x - k, y - r, x, y - r);
		cairo_curve_to(cr, x + k, y - r, x + r, y - k, x + r, y);
		cairo_curve_to(cr, x + r, y + k, x + k, y + r, x, y + r);
		cairo_curve_to(cr, x - k, y + r, x - r, y + k, x - r, y);
		break;
	case ITEM_ARC:
		cr_arc(cr, it);
		break;
	case ITEM_TEXT:
	case ITEM_IMAGE:
	case ITEM_SPAN:
	case ITEM_SPAN_END:
		break;
	}
}

/* Sets the pen of a stroked item: colour, width, dash.  A width of 0 is
 * PDF's thinnest line, one device pixel. */
static void
cr_pen(cairo_t *cr, const struct item *it)
{
	static const double dashed[] = { 4, 3 }, dotted[] = { 1, 2 };
	double w = it->width, dx = 1, dy = 0;

	cr_rgb(cr, &it->color);
	if (w <= 0) {
		cairo_device_to_user_distance(cr, &dx, &dy);
		w = sqrt(dx * dx + dy * dy);
	}
	cairo_set_line_width(cr, w);
	if (it->dash == 1)
		cairo_set_dash(cr, dashed, 2, 0);
	else if (it->dash == 2)
		cairo_set_dash(cr, dotted, 2, 0);
	else
		cairo_set_dash(cr, NULL, 0, 0);
}

/*
 * Poppler's stroke adjustment (SplashXPath): a stroke of device width w
 * centred at c covers the pixels from round(c - w/2) to round(c + w/2),
 * and at least one.  Returns that span's centre; *span gets its width.
 */
static double
cr_adjust(double c, double w, double *span)
{
	double p0 = floor(c - w / 2 + 0.5), p1 = floor(c + w / 2 + 0.5);

	if (p1 == p0)
		p1 = p0 + 1;
	*span = p1 - p0;
	return (p0 + p1) / 2;
}

/* Swaps *lo and *hi if needed so that *lo <= *hi. */
static void
cr_order(double *lo, double *hi)
{
	double t;

	if (*hi < *lo) {
		t = *lo;
		*lo = *hi;
		*hi = t;
	}
}

/*
 * Strokes a LINE or RECT on an image as PDF rasterizers do: poppler (and
 * Acrobat) put horizontal and vertical strokes on whole pixels and never
 * thinner than one ("stroke adjustment").  Without this a 0.4 pt grid line
 * at 50 dpi is a faint 0.3-pixel smear here and a crisp pixel in any PDF
 * viewer.  Works in device space (pixels); each edge is placed as
 * cr_adjust() says.  A rectangle's outline is filled as the ring between
 * its outer and inner edges, so each side keeps its own width as in
 * poppler; a dashed one is stroked along the adjusted centres.  A slanted
 * line is only kept at least one pixel wide.
 */
static void
cr_stroke_px(struct cr_ctx *ctx, cairo_t *cr, const struct item *it)
{
	static const double dashed[] = { 4, 3 }, dotted[] = { 1, 2 };
	double	w = it->width * ctx->px, dash[2], ws[4], c[4];
	double	x0 = it->x, y0 = it->y, x1, y1;
	int	i, ndash = it->dash == 1 || it->dash == 2 ? 2 : 0;

	if (it->kind == ITEM_LINE) {
		x1 = it->x2;
		y1 = it->y2;
	} else {
		x1 = it->x + it->w;
		y1 = it->y + it->h;
	}
	cairo_user_to_device(cr, &x0, &y0);
	cairo_user_to_device(cr, &x1, &y1);
	cairo_identity_matrix(cr);
	cairo_new_path(cr);
	cr_rgb(cr, &it->color);
	for (i = 0; i < 2; i++)
		dash[i] = (it->dash == 1 ? dashed : dotted)[i] * ctx->px;
	cairo_set_dash(cr, dash, ndash, 0);
	if (it->kind == ITEM_LINE && x0 != x1 && y0 != y1) {
		cairo_set_line_width(cr, w < 1 ? 1 : w);
		cairo_move_to(cr, x0, y0);
		cairo_line_to(cr, x1, y1);
		cairo_stroke(cr);
		return;
	}
	if (it->kind == ITEM_LINE) {
		if (y0 == y1) {
			y0 = y1 = cr_adjust(y0, w, &ws[0]);
			x0 = floor(x0 + 0.5);
			x1 = floor(x1 + 0.5);
		} else {
			x0 = x1 = cr_adjust(x0, w, &ws[0]);
			y0 = floor(y0 + 0.5);
			y1 = floor(y1 + 0.5);
		}
		cairo_set_line_width(cr, ws[0]);
		cairo_move_to(cr, x0, y0);
		cairo_line_to(cr, x1, y1);
		cairo_stroke(cr);
		return;
	}
	cr_order(&x0, &x1);
	cr_order(&y0, &y1);
	c[0] = cr_adjust(x0, w, &ws[0]);	/* left */
	c[1] = cr_adjust(x1, w, &ws[1]);	/* right */
	c[2] = cr_adjust(y0, w, &ws[2]);	/* top */
	c[3] = cr_adjust(y1, w, &ws[3]);	/* bottom */
	if (ndash > 0) {
		cairo_set_line_width(cr, ws[0] > ws[2] ? ws[0] : ws[2]);
		cairo_move_to(cr, c[0], c[3]);
		cairo_line_to(cr, c[1], c[3]);
		cairo_line_to(cr, c[1], c[2]);
		cairo_line_to(cr, c[0], c[2]);
		cairo_close_path(cr);
		cairo_stroke(cr);
		return;
	}
	/* the ring: outer edges, then the inner hole if there is one */
	x0 = c[0] - ws[0] / 2;
	x1 = c[1] + ws[1] / 2;
	y0 = c[2] - ws[2] / 2;
	y1 = c[3] + ws[3] / 2;
	cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
	x0 = c[0] + ws[0] / 2;
	x1 = c[1] - ws[1] / 2;
	y0 = c[2] + ws[2] / 2;
	y1 = c[3] - ws[3] / 2;
	if (x1 > x0 && y1 > y0)
		cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
	cairo_fill(cr);
}

/* Fills a RECT on an image as poppler does (Splash::fillWithPattern
 * adjusts a filled rectangle like a stroke): each edge on the nearest
 * pixel boundary, at least one pixel across. */
static void
cr_fill_px(cairo_t *cr, const struct item *it)
{
	double	x0 = it->x, y0 = it->y, x1 = it->x + it->w,
		y1 = it->y + it->h;

	cairo_user_to_device(cr, &x0, &y0);
	cairo_user_to_device(cr, &x1, &y1);
	cr_order(&x0, &x1);
	cr_order(&y0, &y1);
	x0 = floor(x0 + 0.5);
	x1 = floor(x1 + 0.5);
	y0 = floor(y0 + 0.5);
	y1 = floor(y1 + 0.5);
	if (x1 == x0)
		x1 = x0 + 1;
	if (y1 == y0)
		y1 = y0 + 1;
	cairo_save(cr);
	cairo_identity_matrix(cr);
	cairo_new_path(cr);
	cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
	cr_rgb(cr, &it->fill_color);
	cairo_fill(cr);
	cairo_restore(cr);
}

/*
 * Copies item it into q with every position and size as the PDF file
 * holds it (render_pdf flips y with the page height h; libharu rounds as
 * cr_pdf_real says), back in top-down coordinates.  Images snap baselines
 * and strokes to pixels as poppler does, so a coordinate that falls on a
 * pixel edge must be the PDF's to fall on the same side.  q borrows
 * it->text.
 */
static void
cr_as_pdf(const struct item *it, double h, struct item *q)
{
	double H = cr_pdf_real(h), by;

	*q = *it;
	q->width = cr_pdf_real(it->width);
	switch (it->kind) {
	case ITEM_TEXT:		/* cr_text() places text itself */
	case ITEM_SPAN:		/* not drawn */
	case ITEM_SPAN_END:
		break;
	case ITEM_LINE:
		q->x = cr_pdf_real(it->x);
		q->y = H - cr_pdf_real(h - it->y);
		q->x2 = cr_pdf_real(it->x2);
		q->y2 = H - cr_pdf_real(h - it->y2);
		break;
	case ITEM_RECT:
	case ITEM_IMAGE:
		/* "x (h - y - height) w height re"; an image's "w 0 0 h x
		 * (h - y - height) cm" */
		by = cr_pdf_real(h - it->y - it->h);
		q->x = cr_pdf_real(it->x);
		q->w = cr_pdf_real(it->w);
		q->h = cr_pdf_real(it->h);
		q->y = H - (by + q->h);
		break;
	case ITEM_CIRCLE:
	case ITEM_ARC:
		q->x = cr_pdf_real(it->x);
		q->y = H - cr_pdf_real(h - it->y);
		q->w = cr_pdf_real(it->w);
		break;
	}
}

static int	cr_surface_ok(struct cr_ctx *, cairo_surface_t *, const char *);

/* Returns doc image i decoded, decoding it on first use; NULL with
 * ctx->err set.  The pixels belong to ctx. */
static const struct pixels *
cr_pixels(struct cr_ctx *ctx, int i)
{
	char why[512];

	if (ctx->images[i].color == NULL && image_decode(ctx->d->images[i],
	    &ctx->images[i], why, sizeof(why)) == -1) {
		cr_msg(ctx, "image %d %s", i + 1, why);
		return NULL;
	}
	return &ctx->images[i];
}

/*
 * Box-averages n-sample pixels src (sw x sh) down to dst (dw x dh, both
 * no larger) as poppler's Splash::scaleImageYdXd does: boxes of whole
 * source pixels, one wider or taller where the division leaves a
 * remainder, the sum scaled by a 23-bit fixed-point reciprocal.
 */
static void
cr_box_plane(const unsigned char *src, int sw, int sh, int n,
    unsigned char *dst, int dw, int dh)
{
	int yp = sh / dh, yq = sh % dh, xp = sw / dw, xq = sw % dw;
	int x, y, c, i, j, sx, sy = 0, xt, yt = 0, xs, ys;
	unsigned long sum, d;

	for (y = 0; y < dh; y++, sy += ys) {
		ys = yp;
		if ((yt += yq) >= dh) {
			yt -= dh;
			ys++;
		}
		for (x = 0, xt = 0, sx = 0; x < dw; x++, sx += xs) {
			xs = xp;
			if ((xt += xq) >= dw) {
				xt -= dw;
				xs++;
			}
			d = (1UL << 23) / (unsigned long)(ys * xs);
			for (c = 0; c < n; c++) {
				for (sum = 0, i = 0; i < ys; i++)
					for (j = 0; j < xs; j++)
						sum += src[((size_t)(sy + i) *
						    (size_t)sw + (size_t)(sx +
						    j)) * (size_t)n + (size_t)c];
				dst[((size_t)y * (size_t)dw + (size_t)x) *
				    (size_t)n + (size_t)c] =
				    (unsigned char)((sum * d) >> 23);
			}
		}
	}
}

/* px scaled down to w x h (no larger than px) into out, as poppler
 * scales an image it draws smaller than its pixels. */
static void
cr_box_scale(const struct pixels *px, int w, int h, struct pixels *out)
{
	out->w = w;
	out->h = h;
	out->channels = px->channels;
	out->color = xmalloc((size_t)w * (size_t)h * (size_t)px->channels);
	cr_box_plane(px->color, px->w, px->h, px->channels, out->color, w, h);
	out->alpha = NULL;
	if (px->alpha != NULL) {
		out->alpha = xmalloc((size_t)w * (size_t)h);
		cr_box_plane(px->alpha, px->w, px->h, 1, out->alpha, w, h);
	}
}

/* Returns a new cairo surface of px (premultiplied ARGB32, or RGB24 when
 * opaque), or NULL with ctx->err set. */
static cairo_surface_t *
cr_surface_of(struct cr_ctx *ctx, const struct pixels *px)
{
	cairo_surface_t	*s;
	unsigned char	*row;
	const unsigned char *c;
	uint32_t	 a, r, g, b;
	size_t		 k;
	int		 x, y, stride;

	s = cairo_image_surface_create(px->alpha != NULL ? CAIRO_FORMAT_ARGB32 :
	    CAIRO_FORMAT_RGB24, px->w, px->h);
	if (cr_surface_ok(ctx, s, "cannot hold an image") == -1) {
		cairo_surface_destroy(s);
		return NULL;
	}
	cairo_surface_flush(s);
	stride = cairo_image_surface_get_stride(s);
	for (y = 0; y < px->h; y++) {
		row = cairo_image_surface_get_data(s) + (size_t)y * stride;
		for (x = 0; x < px->w; x++) {
			k = (size_t)y * (size_t)px->w + (size_t)x;
			c = px->color + k * (size_t)px->channels;
			a = px->alpha != NULL ? px->alpha[k] : 255;
			r = c[0];
			g = c[px->channels == 3 ? 1 : 0];
			b = c[px->channels == 3 ? 2 : 0];
			/* cairo holds colour premultiplied by alpha */
			r = (r * a + 127) / 255;
			g = (g * a + 127) / 255;
			b = (b * a + 127) / 255;
			((uint32_t *)(void *)row)[x] = a << 24 | r << 16 |
			    g << 8 | b;
		}
	}
	cairo_surface_mark_dirty(s);
	return s;
}

/*
 * Paints an IMAGE item scaled into its box.  On a raster it is drawn as
 * poppler draws it: the box widened to whole pixels (Splash::drawImage:
 * from floor(lower edge) to floor(upper edge) + 1), a picture drawn
 * smaller than its pixels box-averaged to that size (cr_box_scale), a
 * larger one interpolated with its edge pixels extended.  Vector outputs
 * get the picture at its own pixels.
 */
static int
cr_image(struct cr_ctx *ctx, cairo_t *cr, const struct item *it)
{
	const struct pixels *px = cr_pixels(ctx, it->image);
	struct pixels	 small;
	cairo_surface_t	*s;
	cairo_pattern_t	*pat;
	double x = it->x, y = it->y, w = it->w, h = it->h;
	double x1 = x + w, y1 = y + h;

	if (px == NULL)
		return -1;
	memset(&small, 0, sizeof(small));
	cairo_save(cr);
	if (ctx->px > 0) {
		cairo_user_to_device(cr, &x, &y);
		cairo_user_to_device(cr, &x1, &y1);
		cairo_identity_matrix(cr);	/* device pixels */
		x = floor(x);
		y = floor(y);
		w = floor(x1) + 1 - x;
		h = floor(y1) + 1 - y;
		if (w < px->w && h < px->h) {
			cr_box_scale(px, (int)w, (int)h, &small);
			px = &small;
		}
	}
	if ((s = cr_surface_of(ctx, px)) == NULL) {
		cairo_restore(cr);
		pixels_free(&small);
		return -1;
	}
	cairo_rectangle(cr, x, y, w, h);
	cairo_clip(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / px->w, h / px->h);
	cairo_set_source_surface(cr, s, 0, 0);
	pat = cairo_get_source(cr);
	cairo_pattern_set_filter(pat, px == &small ? CAIRO_FILTER_NEAREST :
	    CAIRO_FILTER_GOOD);
	if (ctx->px > 0)
		cairo_pattern_set_extend(pat, CAIRO_EXTEND_PAD);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(s);
	pixels_free(&small);
	return 0;
}

/* Draws one item, leaving no state behind it.  Returns 0 or -1 with
 * ctx->err set. */
static int
cr_item(struct cr_ctx *ctx, cairo_t *cr, const struct item *it)
{
	struct item	 q;
	int		 fill, stroke, rc;

	/* a span only marks text for PDF extraction */
	if (it->kind == ITEM_SPAN || it->kind == ITEM_SPAN_END)
		return 0;
	if (it->kind == ITEM_TEXT) {
		if (it->text == NULL || (it->text[0] == '\0' && !it->glyph))
			return 0;
		cairo_save(cr);
		rc = cr_text(ctx, cr, it);
		cairo_restore(cr);
		return rc;
	}
	if (ctx->px > 0) {
		cr_as_pdf(it, ctx->h, &q);
		it = &q;
	}
	if (it->kind == ITEM_IMAGE)
		return cr_image(ctx, cr, it);
	fill = it->kind != ITEM_LINE && it->fill;
	stroke = it->kind == ITEM_LINE || it->stroke;
	if (!fill && !stroke)
		return 0;
	cairo_save(cr);
	if (fill && ctx->px > 0 && it->kind == ITEM_RECT)
		cr_fill_px(cr, it);
	else if (fill) {
		cr_path(cr, it);
		cr_rgb(cr, &it->fill_color);
		cairo_fill(cr);
	}
	if (stroke && ctx->px > 0 && it->kind != ITEM_CIRCLE &&
	    it->kind != ITEM_ARC)
		cr_stroke_px(ctx, cr, it);
	else if (stroke) {
		/* fill consumed the path */
		cr_path(cr, it);
		cr_pen(cr, it);
		if (ctx->px > 0 && it->width * ctx->px < 1)
			cairo_set_line_width(cr, 1 / ctx->px);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
	return 0;
}

/* Draws page p on cr in points from the top-left.  Returns 0 or -1 with
 * ctx->err set (cairo's own error included). */
static int
cr_page(struct cr_ctx *ctx, cairo_t *cr, size_t p)
{
	cairo_status_t		 st;
	size_t			 i;

	ctx->h = page_height(ctx->d, p);
	for (i = 0; i < page_nitems(ctx->d, p); i++) {
		if (cr_item(ctx, cr, page_item(ctx->d, p, i)) == -1)
			return -1;
		if ((st = cairo_status(cr)) != CAIRO_STATUS_SUCCESS)
			return cr_msg(ctx, "page %zu, item %zu: cairo: %s",
			    p + 1, i + 1, cairo_status_to_string(st));
	}
	return 0;
}

/* cairo's write callback: appends to a struct cr_buf. */
static cairo_status_t
cr_buf_write(void *arg, const unsigned char *data, unsigned int len)
{
	struct cr_buf *b = arg;

	if (len == 0)
		return CAIRO_STATUS_SUCCESS;
	if (b->n + len > b->cap) {
		while (b->n + len > b->cap)
			b->cap = b->cap ? 2 * b->cap : 65536;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
	return CAIRO_STATUS_SUCCESS;
}

/* Writes n bytes at p to path, checking every write and the close.  A
 * partly written file is left for the caller to remove.  Returns 0 or -1
 * with ctx->err set. */
static int
cr_save(struct cr_ctx *ctx, const char *path, const unsigned char *p,
    size_t n)
{
	FILE	*fp;
	int	 e;

	if ((fp = fopen(path, "wb")) == NULL)
		return cr_msg(ctx, "cannot write %s: %s", path,
		    strerror(errno));
	if (fwrite(p, 1, n, fp) != n) {
		e = errno;
		fclose(fp);
		return cr_msg(ctx, "cannot write %s: %s", path,
		    strerror(e ? e : EIO));
	}
	if (fclose(fp) != 0)
		return cr_msg(ctx, "cannot write %s: %s", path,
		    strerror(errno));
	return 0;
}

/* Checks a surface cairo made.  Returns 0 or -1 with ctx->err set. */
static int
cr_surface_ok(struct cr_ctx *ctx, cairo_surface_t *s, const char *what)
{
	cairo_status_t st = cairo_surface_status(s);

	if (st != CAIRO_STATUS_SUCCESS)
		return cr_msg(ctx, "%s: cairo: %s", what,
		    cairo_status_to_string(st));
	return 0;
}

/* Finishes surface s (flushing it into its stream) and destroys it with
 * cr.  Returns 0 or -1 with ctx->err set. */
static int
cr_finish(struct cr_ctx *ctx, cairo_t *cr, cairo_surface_t *s,
    const char *what)
{
	cairo_status_t st = cr != NULL ? cairo_status(cr) :
	    CAIRO_STATUS_SUCCESS;

	if (cr != NULL)
		cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		return cr_msg(ctx, "%s: cairo: %s", what,
		    cairo_status_to_string(st));
	return 0;
}

/* Pixels for len points at dpi, rounded up as pdftoppm does. */
static int
cr_px(double len, double dpi)
{
	return (int)ceil(len * dpi / 72.0 - 1e-9);
}

static int
cr_check_dpi(struct cr_ctx *ctx, double dpi)
{
	if (!(dpi >= 1 && dpi <= CR_MAX_DPI))
		return cr_msg(ctx, "resolution %g dpi is not in 1..%g", dpi,
		    CR_MAX_DPI);
	/* either side may be across: a page may be turned */
	if (cr_px(ctx->d->width, dpi) > CR_MAX_PX ||
	    cr_px(ctx->d->height, dpi) > CR_MAX_PX)
		return cr_msg(ctx, "%g dpi makes an image over %d pixels "
		    "wide", dpi, CR_MAX_PX);
	return 0;
}

/* libpng's write callback: appends to the struct cr_buf. */
static void
cr_png_write(png_structp png, png_bytep data, png_size_t len)
{
	cr_buf_write(png_get_io_ptr(png), data, (unsigned int)len);
}

static void
cr_png_flush(png_structp png)
{
	(void)png;
}

/*
 * Encodes image surface s as a PNG appended to out: 8-bit grey when every
 * pixel is grey (a worksheet is black on white; a key's red answers make
 * it colour), else 8-bit RGB.  One filter (Up), and zlib's run-length
 * strategy for grey or deflate level 3 for colour, instead of libpng's
 * adaptive filtering and level 6, which took 87 % of a page's time
 * (callgrind): 5x fewer instructions a page, grey pages half the bytes,
 * colour ones 7 % fewer (a 4-page worksheet and key).  Deterministic: no time chunk.  Returns 0, or -1 with ctx->err
 * set.
 */
static int
cr_png_encode(struct cr_ctx *ctx, cairo_surface_t *s, struct cr_buf *out)
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	int w = cairo_image_surface_get_width(s);
	int h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s), x, y, grey = 1;
	png_structp png;
	png_infop info;
	unsigned char *row;

	for (y = 0; y < h && grey; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y *
		    stride);

		uint32_t diff = 0;

		/* r ^ g and g ^ b, for the whole row at once */
		for (x = 0; x < w; x++)
			diff |= (px[x] >> 8 ^ px[x]) & 0xffff;
		grey = diff == 0;
	}
	png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	info = png != NULL ? png_create_info_struct(png) : NULL;
	row = xmalloc((size_t)w * 3);
	if (info == NULL || setjmp(png_jmpbuf(png))) {
		png_destroy_write_struct(&png, &info);
		free(row);
		return cr_msg(ctx, "%s", "cannot encode PNG: libpng failed");
	}
	png_set_write_fn(png, out, cr_png_write, cr_png_flush);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, grey ?
	    PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	    PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
	png_set_compression_strategy(png, grey ? Z_RLE :
	    Z_DEFAULT_STRATEGY);
	png_set_compression_level(png, 3);
	png_write_info(png, info);
	for (y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y *
		    stride);

		for (x = 0; x < w; x++) {
			if (grey)
				row[x] = px[x] & 0xff;
			else {
				row[3 * x] = (px[x] >> 16) & 0xff;
				row[3 * x + 1] = (px[x] >> 8) & 0xff;
				row[3 * x + 2] = px[x] & 0xff;
			}
		}
		png_write_row(png, row);
	}
	png_write_end(png, NULL);
	png_destroy_write_struct(&png, &info);
	free(row);
	return 0;
}

/* Draws page p on a new white image at dpi and appends its PNG to out.
 * Returns 0 or -1 with ctx->err set. */
static int
cr_png_page(struct cr_ctx *ctx, size_t p, double dpi, struct cr_buf *out)
{
	cairo_surface_t	*s;
	cairo_t		*cr;
	int		 rc;

	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    cr_px(page_width(ctx->d, p), dpi),
	    cr_px(page_height(ctx->d, p), dpi));
	if (cr_surface_ok(ctx, s, "cannot make the image") == -1) {
		cairo_surface_destroy(s);
		return -1;
	}
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, dpi / 72.0, dpi / 72.0);
	ctx->px = dpi / 72.0;
	if (cr_page(ctx, cr, p) == -1) {
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_destroy(cr);
	cairo_surface_flush(s);
	rc = cr_png_encode(ctx, s, out);
	cairo_surface_destroy(s);
	return rc;
}

/*
 * Renumbers cairo's ids named pat ("surface", "image") in SVG text b
 * (id="surfaceN" and "#surfaceN") 1, 2, ... in order of first appearance:
 * a one-to-one renaming, so every reference still names its element.
 * cairo writes no document text into SVG (glyphs are paths), so these
 * strings are its own.
 */
static void
cr_svg_ids(struct cr_buf *b, const char *pat)
{
	const size_t		 plen = strlen(pat);
	struct cr_buf		 q = { NULL, 0, 0 };
	unsigned long		*seen = NULL, num;
	size_t			 nseen = 0, cap = 0, i, j, k, from = 0;
	char			 digits[24];
	int			 dl;

	for (i = 1; i + plen < b->n; i++) {
		if ((b->p[i - 1] != '"' && b->p[i - 1] != '#') ||
		    memcmp(b->p + i, pat, plen) != 0)
			continue;
		num = 0;
		for (j = i + plen; j < b->n && j - i - plen < 9 &&
		    b->p[j] >= '0' && b->p[j] <= '9'; j++)
			num = num * 10 + (unsigned long)(b->p[j] - '0');
		if (j == i + plen || j >= b->n || b->p[j] != '"')
			continue;
		for (k = 0; k < nseen && seen[k] != num; k++)
			continue;
		if (k == nseen) {
			xgrow((void **)&seen, &cap, nseen, sizeof(*seen));
			seen[nseen++] = num;
		}
		dl = snprintf(digits, sizeof(digits), "%zu", k + 1);
		cr_buf_write(&q, b->p + from, (unsigned int)(i + plen - from));
		cr_buf_write(&q, (const unsigned char *)digits,
		    (unsigned int)dl);
		from = i = j;
	}
	if (q.p == NULL)
		return;			/* no ids */
	cr_buf_write(&q, b->p + from, (unsigned int)(b->n - from));
	free(seen);
	free(b->p);
	*b = q;
}

/*
 * SOURCE_DATE_EPOCH as a DSC line "%%CreationDate: ...\n" in line (UTC, in
 * the ctime shape cairo uses).  Returns 1 if it is set, 0 if not, -1
 * (ctx->err set) if it is not a usable number of seconds.
 */
static int
cr_epoch_line(struct cr_ctx *ctx, char *line, size_t len)
{
	struct tm	 tm;
	int		 have;

	if ((have = source_date_epoch(&tm, ctx->err, ctx->errlen)) != 1)
		return have;
	if (strftime(line, len, "%%%%CreationDate: %a %b %e %H:%M:%S %Y UTC\n",
	    &tm) == 0)
		return cr_msg(ctx, "SOURCE_DATE_EPOCH out of range");
	return 1;
}

/*
 * Replaces the "%%CreationDate:" line of the DSC header (before
 * "%%EndComments") in PostScript b by date (a whole line), or removes it
 * when date is NULL.  Nothing else changes.
 */
static void
cr_ps_date(struct cr_buf *b, const char *date)
{
	static const char	 key[] = "%%CreationDate:", end[] =
	    "%%EndComments";
	size_t			 i = 0, eol, dl = date ? strlen(date) : 0;

	while (i < b->n) {
		for (eol = i; eol < b->n && b->p[eol] != '\n'; eol++)
			continue;
		if (eol < b->n)
			eol++;			/* past the newline */
		if (eol - i >= sizeof(key) - 1 &&
		    memcmp(b->p + i, key, sizeof(key) - 1) == 0) {
			if (b->n - (eol - i) + dl > b->cap) {
				b->cap = b->n - (eol - i) + dl;
				b->p = xrealloc(b->p, b->cap);
			}
			memmove(b->p + i + dl, b->p + eol, b->n - eol);
			if (dl > 0)
				memcpy(b->p + i, date, dl);
			b->n = b->n - (eol - i) + dl;
			return;
		}
		if (eol - i >= sizeof(end) - 1 &&
		    memcmp(b->p + i, end, sizeof(end) - 1) == 0)
			return;
		i = eol;
	}
}

/* See render.h. */
void
render_cairo_done(void)
{
	cairo_debug_reset_static_data();
}

/*
 * SVG with its text as text.  cairo's SVG surface draws every glyph as a
 * <use> of an outline (96 to 134 KB a page of bench/fractions12.yaml,
 * nothing to select or read aloud); here each TEXT item is a <text> in
 * a font the file embeds (a HarfBuzz subset of the characters the page
 * draws, base64 in an @font-face rule), with every character's x given,
 * so glyphs sit where layout put them, as in the PDF; a span's linear
 * text is the aria-label of a group around its drawing; lines, boxes,
 * circles and arcs are paths, point for point those cr_path() makes.
 * A page with a picture or a shaped glyph (which no character names) is
 * left to cairo's surface (sv_page() returns 1).
 */
#define SV_NCODES	0x110000UL

/* Appends printf-style text to b. */
static void
sv_put(struct cr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
sv_put(struct cr_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[512], *big = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(small)) {
		big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	cr_buf_write(b, (const unsigned char *)(big ? big : small),
	    (unsigned int)n);
	free(big);
}

/* Appends s with XML's special characters escaped. */
static void
sv_escape(struct cr_buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': sv_put(b, "&amp;"); break;
		case '<': sv_put(b, "&lt;"); break;
		case '>': sv_put(b, "&gt;"); break;
		case '"': sv_put(b, "&quot;"); break;
		default:
			if ((unsigned char)*s >= ' ')
				cr_buf_write(b, (const unsigned char *)s, 1);
		}
}

/* Appends n bytes at p in base64. */
static void
sv_base64(struct cr_buf *b, const unsigned char *p, size_t n)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789+/";
	unsigned char q[4];
	unsigned long v;
	size_t i, k;

	for (i = 0; i < n; i += 3) {
		v = (unsigned long)p[i] << 16;
		if (i + 1 < n)
			v |= (unsigned long)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		for (k = 0; k < 4; k++)
			q[k] = (unsigned char)abc[(v >> (18 - 6 * k)) & 63];
		if (i + 1 >= n)
			q[2] = '=';
		if (i + 2 >= n)
			q[3] = '=';
		cr_buf_write(b, q, 4);
	}
}

/* "#rrggbb" of c into buf (8 bytes). */
static void
sv_rgb(const struct color *c, char *buf)
{
	snprintf(buf, 8, "#%02x%02x%02x", (int)floor(c->r * 255 + 0.5),
	    (int)floor(c->g * 255 + 0.5), (int)floor(c->b * 255 + 0.5));
}

/* Whether page p can be written as text: no picture, no shaped glyph. */
static int
sv_can(const struct doc *d, size_t p)
{
	const struct item *it;
	size_t i;

	for (i = 0; i < page_nitems(d, p); i++) {
		it = page_item(d, p, i);
		if (it->kind == ITEM_IMAGE || (it->kind == ITEM_TEXT &&
		    it->glyph))
			return 0;
	}
	return 1;
}

/* The @font-face rules of the fonts page p draws text in: each a subset
 * holding the page's characters.  Returns 0 or -1 with ctx->err set. */
static int
sv_fonts(struct cr_ctx *ctx, size_t p, struct cr_buf *b)
{
	const struct doc *d = ctx->d;
	unsigned char **used = xcalloc(d->nfonts + 1, sizeof(*used));
	const struct item *it;
	size_t i, n, len, k;
	long cp;
	char *data;
	int rc = 0;

	for (i = 0; i < page_nitems(d, p); i++) {
		it = page_item(d, p, i);
		if (it->kind != ITEM_TEXT || it->text == NULL)
			continue;
		if (used[it->font] == NULL)
			used[it->font] = xcalloc(SV_NCODES / 8, 1);
		n = strlen(it->text);
		for (k = 0; k < n; k += len)
			if ((cp = utf8_decode(it->text + k, n - k, &len)) >= 0 &&
			    (unsigned long)cp < SV_NCODES)
				used[it->font][cp / 8] |= (unsigned char)(1 <<
				    (cp % 8));
	}
	sv_put(b, "<style>\ntext{white-space:pre;font-kerning:none;"
	    "font-variant-ligatures:none}\n");
	for (i = 0; i < d->nfonts && rc == 0; i++) {
		if (used[i] == NULL)
			continue;
		if (subset_make(d->fonts[i].path, d->fonts[i].index, NULL,
		    used[i], NULL, NULL, 0, SV_NCODES, &data, &len, ctx->err,
		    ctx->errlen) < 0) {
			rc = -1;
			break;
		}
		sv_put(b, "@font-face{font-family:\"mimeo-f%zu\";src:url("
		    "data:font/ttf;base64,", i);
		sv_base64(b, (const unsigned char *)data, len);
		sv_put(b, ")}\n");
		free(data);
	}
	sv_put(b, "</style>\n");
	for (i = 0; i < d->nfonts; i++)
		free(used[i]);
	free(used);
	return rc;
}

/* A TEXT item: every character at the x layout gave it (the advances of
 * those before it, as cr_text() places glyphs). */
static int
sv_text(struct cr_ctx *ctx, const struct item *it, struct cr_buf *b)
{
	struct cr_font *f;
	size_t n = strlen(it->text), i, len;
	double x = it->x;
	char rgb[8];
	long cp;

	if ((f = cr_font(ctx, it->font)) == NULL)
		return -1;
	sv_put(b, "<text font-family=\"mimeo-f%d\" font-size=\"%.2f\" "
	    "y=\"%.2f\" x=\"", it->font, it->size, it->y);
	for (i = 0; i < n; i += len) {
		cp = utf8_decode(it->text + i, n - i, &len);
		sv_put(b, i > 0 ? " %.2f" : "%.2f", x);
		x += cr_advance(f->face, cp < 0 ? 0 : FT_Get_Char_Index(
		    f->face, (FT_ULong)cp)) * 0.001 * it->size;
	}
	sv_put(b, "\"");
	sv_rgb(&it->color, rgb);
	if (strcmp(rgb, "#000000") != 0)
		sv_put(b, " fill=\"%s\"", rgb);
	sv_put(b, ">");
	sv_escape(b, it->text);
	sv_put(b, "</text>\n");
	return 0;
}

/* A LINE, RECT, CIRCLE or ARC as a path: cr_path()'s points, filled
 * and stroked as cr_item() does. */
static void
sv_shape(cairo_t *cr, const struct item *it, struct cr_buf *b)
{
	static const char *const dash[] = { NULL, "4 3", "1 2" };
	int fill = it->kind != ITEM_LINE && it->fill;
	int stroke = it->kind == ITEM_LINE || it->stroke;
	cairo_path_t *path;
	cairo_path_data_t *pd;
	char rgb[8];
	int i;

	if (!fill && !stroke)
		return;
	cr_path(cr, it);
	path = cairo_copy_path(cr);
	sv_put(b, "<path d=\"");
	for (i = 0; path->status == CAIRO_STATUS_SUCCESS &&
	    i < path->num_data; i += path->data[i].header.length) {
		pd = &path->data[i];
		switch (pd->header.type) {
		case CAIRO_PATH_MOVE_TO:
			sv_put(b, "M%.2f %.2f", pd[1].point.x, pd[1].point.y);
			break;
		case CAIRO_PATH_LINE_TO:
			sv_put(b, "L%.2f %.2f", pd[1].point.x, pd[1].point.y);
			break;
		case CAIRO_PATH_CURVE_TO:
			sv_put(b, "C%.2f %.2f %.2f %.2f %.2f %.2f",
			    pd[1].point.x, pd[1].point.y, pd[2].point.x,
			    pd[2].point.y, pd[3].point.x, pd[3].point.y);
			break;
		case CAIRO_PATH_CLOSE_PATH:
			sv_put(b, "Z");
			break;
		}
	}
	cairo_path_destroy(path);
	cairo_new_path(cr);
	sv_put(b, "\"");
	if (fill) {
		sv_rgb(&it->fill_color, rgb);
		sv_put(b, " fill=\"%s\"", rgb);
	} else
		sv_put(b, " fill=\"none\"");
	if (stroke) {
		sv_rgb(&it->color, rgb);
		/* PDF's width 0 is the thinnest line a device draws */
		sv_put(b, " stroke=\"%s\" stroke-width=\"%.2f\"", rgb,
		    it->width > 0 ? it->width : 0.25);
		if (it->dash > 0 && it->dash < 3)
			sv_put(b, " stroke-dasharray=\"%s\"", dash[it->dash]);
	}
	sv_put(b, "/>\n");
}

/* Page p as SVG with text as text into b.  Returns 0, 1 when the page
 * has what only cairo's surface draws (sv_can()), or -1 with ctx->err
 * set. */
static int
sv_page(struct cr_ctx *ctx, size_t p, struct cr_buf *b)
{
	const struct doc *d = ctx->d;
	const struct item *it;
	cairo_surface_t *s;
	cairo_t *cr;
	size_t i;
	int rc = 0;

	if (!sv_can(d, p))
		return 1;
	sv_put(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="
	    "\"http://www.w3.org/2000/svg\" width=\"%gpt\" height=\"%gpt\" "
	    "viewBox=\"0 0 %g %g\" version=\"1.1\">\n", page_width(d, p),
	    page_height(d, p), page_width(d, p), page_height(d, p));
	if (d->title != NULL) {
		sv_put(b, "<title>");
		sv_escape(b, d->title);
		sv_put(b, "</title>\n");
	}
	if (sv_fonts(ctx, p, b) < 0)
		return -1;
	/* a surface only to build paths on */
	s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
	cr = cairo_create(s);
	for (i = 0; i < page_nitems(d, p) && rc == 0; i++) {
		it = page_item(d, p, i);
		switch (it->kind) {
		case ITEM_TEXT:
			if (it->text != NULL && it->text[0] != '\0')
				rc = sv_text(ctx, it, b);
			break;
		case ITEM_SPAN:
			sv_put(b, "<g aria-label=\"");
			sv_escape(b, it->text != NULL ? it->text : "");
			sv_put(b, "\">\n");
			break;
		case ITEM_SPAN_END:
			sv_put(b, "</g>\n");
			break;
		case ITEM_IMAGE:
			break;
		default:
			sv_shape(cr, it, b);
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	sv_put(b, "</svg>\n");
	return rc;
}

/*
 * The devices of render.h.  One struct serves them all: the context, the
 * file being made in memory, and for PS and the contact sheet the surface
 * every page is drawn on.
 */
struct cr_dev {
	struct cr_ctx	 ctx;
	struct devopts	 o;
	struct cr_buf	 out;
	cairo_surface_t	*s;
	cairo_t		*cr;
	int		 have_date;	/* PS: date holds a %%CreationDate */
	char		 date[80];
};

/* Starts a device on d.  Returns it, or NULL with err set. */
static struct cr_dev *
cr_dev_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct cr_dev *dv = xcalloc(1, sizeof(*dv));

	dv->o = *o;
	if (cr_begin(&dv->ctx, d, err, errlen) == -1) {
		cr_end(&dv->ctx);
		free(dv);
		return NULL;
	}
	return dv;
}

static void
cr_dev_free(void *arg)
{
	struct cr_dev *dv = arg;

	if (dv->cr != NULL)
		cairo_destroy(dv->cr);
	if (dv->s != NULL)
		cairo_surface_destroy(dv->s);
	free(dv->out.p);
	cr_end(&dv->ctx);
	free(dv);
}

/* A device that cannot go on: freed, NULL returned (err is set). */
static void *
cr_dev_fail(struct cr_dev *dv)
{
	cr_dev_free(dv);
	return NULL;
}

static int
cr_dev_save(void *arg, const char *path)
{
	struct cr_dev *dv = arg;

	return cr_save(&dv->ctx, path, dv->out.p, dv->out.n);
}

/* The one page of a PNG or SVG file must be one of the doc's. */
static int
cr_dev_has(struct cr_dev *dv, size_t page)
{
	if (page >= dv->ctx.d->npages)
		return cr_msg(&dv->ctx, "no page %zu: the document has %zu",
		    page + 1, dv->ctx.d->npages);
	return 0;
}

static void *
cr_png_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct cr_dev *dv = cr_dev_new(d, o, err, errlen);

	if (dv != NULL && cr_check_dpi(&dv->ctx, o->dpi) == -1)
		return cr_dev_fail(dv);
	return dv;
}

static int
cr_png_draw(void *arg, size_t page)
{
	struct cr_dev *dv = arg;

	if (cr_dev_has(dv, page) == -1)
		return -1;
	return cr_png_page(&dv->ctx, page, dv->o.dpi, &dv->out);
}

static void *
cr_svg_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	return cr_dev_new(d, o, err, errlen);
}

static int
cr_svg_draw(void *arg, size_t page)
{
	struct cr_dev *dv = arg;
	cairo_surface_t *s;
	cairo_t *cr;

	if (cr_dev_has(dv, page) == -1)
		return -1;
	switch (sv_page(&dv->ctx, page, &dv->out)) {
	case 0:
		return 0;
	case -1:
		return -1;
	}
	/* a page only cairo draws: sv_page() wrote nothing */
	s = cairo_svg_surface_create_for_stream(cr_buf_write, &dv->out,
	    page_width(dv->ctx.d, page), page_height(dv->ctx.d, page));
	if (cr_surface_ok(&dv->ctx, s, "cannot make the SVG") == -1) {
		cairo_surface_destroy(s);
		return -1;
	}
	cr = cairo_create(s);
	if (cr_page(&dv->ctx, cr, page) == -1) {
		cairo_destroy(cr);
		cairo_surface_destroy(s);
		return -1;
	}
	if (cr_finish(&dv->ctx, cr, s, "cannot finish the SVG") == -1)
		return -1;
	cr_svg_ids(&dv->out, "surface");
	cr_svg_ids(&dv->out, "image");
	return 0;
}

/* Returns nonzero if s is printable ASCII, fit for a DSC text line. */
static int
cr_dsc_text(const char *s)
{
	if (s == NULL || *s == '\0' || strlen(s) > 200)
		return 0;
	for (; *s != '\0'; s++)
		if (*s < ' ' || *s > '~')
			return 0;
	return 1;
}

static void *
cr_ps_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct cr_dev *dv = cr_dev_new(d, o, err, errlen);
	char *title;

	if (dv == NULL || (dv->have_date = cr_epoch_line(&dv->ctx, dv->date,
	    sizeof(dv->date))) == -1)
		return dv == NULL ? NULL : cr_dev_fail(dv);
	dv->s = cairo_ps_surface_create_for_stream(cr_buf_write, &dv->out,
	    d->width, d->height);
	if (cr_surface_ok(&dv->ctx, dv->s, "cannot make the PostScript") == -1)
		return cr_dev_fail(dv);
	if (cr_dsc_text(d->title)) {
		title = xasprintf("%%%%Title: %s", d->title);
		cairo_ps_surface_dsc_comment(dv->s, title);
		free(title);
	}
	dv->cr = cairo_create(dv->s);
	return dv;
}

static int
cr_ps_draw(void *arg, size_t page)
{
	struct cr_dev *dv = arg;

	cairo_ps_surface_set_size(dv->s, page_width(dv->ctx.d, page),
	    page_height(dv->ctx.d, page));
	if (cr_page(&dv->ctx, dv->cr, page) == -1)
		return -1;
	cairo_show_page(dv->cr);
	return 0;
}

static int
cr_ps_finish(void *arg, const char *path)
{
	struct cr_dev *dv = arg;
	int rc = cr_finish(&dv->ctx, dv->cr, dv->s,
	    "cannot finish the PostScript");

	dv->cr = NULL;
	dv->s = NULL;
	if (rc == -1)
		return -1;
	cr_ps_date(&dv->out, dv->have_date ? dv->date : NULL);
	return cr_dev_save(dv, path);
}

/* Writes "n" centred at (cx, baseline y) in the doc's first font.
 * Returns 0 or -1 with ctx->err set. */
static int
cr_label(struct cr_ctx *ctx, cairo_t *cr, size_t n, double cx, double y)
{
	struct cr_font		*f;
	cairo_text_extents_t	 te;
	char			 s[32];

	if (ctx->d->nfonts == 0)
		return 0;
	if ((f = cr_font(ctx, 0)) == NULL)
		return -1;
	snprintf(s, sizeof(s), "%zu", n);
	cairo_save(cr);
	cairo_set_font_face(cr, f->cface);
	cairo_set_font_size(cr, CONTACT_LABEL_SIZE);
	cairo_set_font_options(cr, ctx->opts);
	cairo_text_extents(cr, s, &te);
	cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
	cairo_move_to(cr, floor(cx - te.x_advance / 2 + 0.5), y);
	cairo_show_text(cr, s);
	cairo_restore(cr);
	return 0;
}

/* The contact sheet: the grey sheet of opts->sheet's size. */
static void *
cr_contact_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct cr_dev *dv = cr_dev_new(d, o, err, errlen);

	if (dv == NULL || cr_check_dpi(&dv->ctx, o->sheet->dpi) == -1)
		return dv == NULL ? NULL : cr_dev_fail(dv);
	dv->s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)o->sheet->w, (int)o->sheet->h);
	if (cr_surface_ok(&dv->ctx, dv->s, "cannot make the image") == -1)
		return cr_dev_fail(dv);
	dv->cr = cairo_create(dv->s);
	cairo_set_source_rgb(dv->cr, 0.85, 0.85, 0.85);
	cairo_paint(dv->cr);
	return dv;
}

/* Page p's thumbnail in its cell, with its number under it. */
static int
cr_contact_draw(void *arg, size_t p)
{
	struct cr_dev *dv = arg;
	const struct contact *cs = dv->o.sheet;
	struct contact_cell c;
	cairo_t *cr = dv->cr;

	contact_cell(cs, p, &c);
	/* a one-pixel border just outside the page */
	cairo_rectangle(cr, c.x - 0.5, c.y - 0.5, c.w + 1, c.h + 1);
	cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
	cairo_set_line_width(cr, 1);
	cairo_stroke(cr);
	cairo_save(cr);
	cairo_rectangle(cr, c.x, c.y, c.w, c.h);
	cairo_clip(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, c.x, c.y);
	cairo_scale(cr, cs->dpi / 72.0, cs->dpi / 72.0);
	dv->ctx.px = cs->dpi / 72.0;
	if (cr_page(&dv->ctx, cr, p) == -1)
		return -1;
	cairo_restore(cr);
	return cr_label(&dv->ctx, cr, p + 1, c.label_x, c.label_y);
}

static int
cr_contact_finish(void *arg, const char *path)
{
	struct cr_dev *dv = arg;
	cairo_status_t st;

	if ((st = cairo_status(dv->cr)) != CAIRO_STATUS_SUCCESS)
		return cr_msg(&dv->ctx, "contact sheet: cairo: %s",
		    cairo_status_to_string(st));
	cairo_surface_flush(dv->s);
	if (cr_png_encode(&dv->ctx, dv->s, &dv->out) == -1)
		return -1;
	return cr_dev_save(dv, path);
}

const struct device dev_png = { "png", 1, cr_png_new, cr_png_draw,
	cr_dev_save, cr_dev_free };
const struct device dev_svg = { "svg", 1, cr_svg_new, cr_svg_draw,
	cr_dev_save, cr_dev_free };
const struct device dev_ps = { "ps", 0, cr_ps_new, cr_ps_draw, cr_ps_finish,
	cr_dev_free };
const struct device dev_contact = { "contact", 0, cr_contact_new,
	cr_contact_draw, cr_contact_finish, cr_dev_free };
