/*
 * render.h - backends that draw a laid-out struct doc.
 *
 * Each backend only draws: positions, line breaks and fonts were decided by
 * layout.  Output is deterministic: the same doc gives the same bytes; no
 * clock is written unless SOURCE_DATE_EPOCH is set (then that time is used).
 */
#ifndef MIMEO_RENDER_H
#define MIMEO_RENDER_H

#include <stddef.h>

struct doc;

/* Write doc as a PDF file at path (the caller handles temp-file + rename).
 * Returns 0 on success; on failure returns -1 and puts a one-line reason in
 * err (without "error:" prefix).  Never exits; frees everything it made. */
int	render_pdf(const struct doc *, const char *path, char *err, size_t errlen);

/*
 * The cairo backends (render_cairo.c).  Same contract as render_pdf: each
 * returns 0, or -1 with a one-line reason in err; never exits; opens path
 * only once the whole output is made in memory (a failed write can still
 * leave part of a file: the caller handles temp file + rename); frees
 * what it made.  Fonts are the doc's files, opened with
 * FreeType, so glyphs and advances are those layout measured.  cairo keeps
 * font faces in process-wide caches after a call returns (still reachable,
 * not leaked); a program that wants them freed at exit calls
 * cairo_debug_reset_static_data() after its last render.
 */
enum raster_format { RASTER_PNG, RASTER_SVG };

/* Draw page `page` (0-based) of doc as one PNG or SVG file at path.  PNG:
 * at dpi (1..1200), white, ceil(size * dpi / 72) pixels, rasterized as
 * poppler rasterizes the PDF (pixel-snapped strokes and baselines).  SVG:
 * in points, transparent, dpi unused; text as <text> in fonts the file
 * embeds (subsets), so it can be selected and read aloud, except on a
 * page with a picture or a shaped glyph, which cairo's SVG surface draws
 * (glyphs as outlines).  Deterministic bytes. */
int	render_cairo_page(const struct doc *, size_t page, enum raster_format,
	    double dpi, const char *path, char *err, size_t errlen);
/* Draw every page of doc into one PostScript file (for lpr).  No
 * %%CreationDate unless SOURCE_DATE_EPOCH is set (then that, in UTC). */
int	render_cairo_ps(const struct doc *, const char *path, char *err,
	    size_t errlen);
/* Draw a contact sheet: every page of doc as a thumbnail at dpi (20-30
 * suits) in a grid (four across up to 16 pages, then about as many
 * columns as rows, an even number), each with a border and its page
 * number under it, in one PNG of at most 40 million pixels. */
int	render_cairo_contact(const struct doc *, double dpi, const char *path,
	    char *err, size_t errlen);
/* Write doc as text at path, one line per drawn item, repeats resolved
 * (render_tree.c): what the golden files in tests/regress/ hold.  Same
 * contract as render_pdf. */
int	render_tree(const struct doc *, const char *path, char *err,
	    size_t errlen);
/* Release cairo's process-wide caches (fonts, scaled fonts); call once at
 * exit, after the last render, so valgrind reports nothing. */
void	render_cairo_done(void);

#endif
