/*
 * render.h - backends that draw a laid-out struct doc, behind one small
 * interface (mandoc's device table, lowdown's new/render/free): a device
 * is started on a doc, given the pages to draw, finished into a file and
 * freed.  output.c picks one from its table by --format.
 *
 * Each backend only draws: positions, line breaks, fonts and the contact
 * sheet's grid (contact.h) were decided by layout.  Output is
 * deterministic: the same doc gives the same bytes; no clock is written
 * unless SOURCE_DATE_EPOCH is set (then that time is used).
 *
 * Errors: new() returns NULL, page() and finish() -1, each with a
 * one-line reason (without "error:") in the err given to new(); never
 * exit.  finish() opens path only once the whole output is made in memory,
 * but for the PDF device, which opens it before its first page and writes
 * each page as it is drawn (pdf_stream.h) so that memory does not grow
 * with the pages (a failed write can leave part of a file: the caller
 * handles temp file + rename).  free() releases everything the device
 * made, finished or not.
 *
 * The cairo devices (render_cairo.c) draw with the doc's font files,
 * opened with FreeType, so glyphs and advances are those layout measured.
 * cairo keeps font faces in process-wide caches after a device is freed
 * (still reachable, not leaked); render_cairo_done() releases them.
 */
#ifndef MIMEO_RENDER_H
#define MIMEO_RENDER_H

#include <stddef.h>

struct contact;
struct doc;

/* What a device takes besides the doc. */
struct devopts {
	double			 dpi;	/* PNG: 1..1200 pixels per inch */
	const struct contact	*sheet;	/* dev_contact: the grid */
};

struct device {
	const char	*name;
	int		 per_page;	/* a file holds one page (PNG, SVG) */
	void		*(*new)(const struct doc *, const struct devopts *,
			    char *err, size_t errlen);
	/* Draw page p (0-based): the one page of a per_page device, else
	 * every page in order. */
	int		 (*page)(void *, size_t p);
	int		 (*finish)(void *, const char *path);
	void		 (*free)(void *);
};

/* PDF with libharu (render_pdf.c): every page, fonts subset and
 * embedded. */
extern const struct device dev_pdf;
/* One page as PNG: white, ceil(size * dpi / 72) pixels, rasterized as
 * poppler rasterizes the PDF (pixel-snapped strokes and baselines).  As
 * SVG: in points, transparent, dpi unused; text as <text> in fonts the
 * file embeds (subsets), so it can be selected and read aloud, except on
 * a page with a picture or a shaped glyph, which cairo's SVG surface
 * draws (glyphs as outlines). */
extern const struct device dev_png, dev_svg;
/* Every page in one PostScript file (for lpr); no %%CreationDate unless
 * SOURCE_DATE_EPOCH is set (then that, in UTC). */
extern const struct device dev_ps;
/* Every page as a thumbnail in the grid of opts->sheet, one PNG. */
extern const struct device dev_contact;
/* The doc as text, one line per drawn item, repeats resolved
 * (render_tree.c): what the golden files in tests/regress/ hold. */
extern const struct device dev_tree;

/* Draw doc with dev at path: page (0-based) alone on a per_page device,
 * else every page.  Returns 0, or -1 with a one-line reason in err. */
int	render_doc(const struct device *dev, const struct doc *,
	    const struct devopts *, size_t page, const char *path, char *err,
	    size_t errlen);

/* Release cairo's process-wide caches (fonts, scaled fonts); call once at
 * exit, after the last render, so valgrind reports nothing. */
void	render_cairo_done(void);

#endif
