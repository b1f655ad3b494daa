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

#endif
