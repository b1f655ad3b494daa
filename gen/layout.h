/*
 * layout.h - blocks to pages: wrap text with real font metrics, keep every
 * problem whole on one page, number the pages.
 *
 * The result is a display list (page.h) that every backend draws as is.
 * Layout is where a problem taller than a page, or a character no font
 * has, is found: both are reported at the text's mark and make layout()
 * return NULL.
 */
#ifndef MIMEO_LAYOUT_H
#define MIMEO_LAYOUT_H

#include "compose.h"
#include "font.h"
#include "page.h"
#include "template.h"

/* Paper sizes in points. */
#define PAPER_LETTER_W	612.0
#define PAPER_LETTER_H	792.0
#define PAPER_A4_W	595.276
#define PAPER_A4_H	841.89

/* Lay out blocks on paper (a4 or letter) with the template's geometry.
 * Returns a new doc owned by the caller, or NULL (reported). */
struct doc	*layout(const struct blocks *, const struct template *,
		    struct fonts *, int a4, const char *title);

/* Add a page to d that says only "This page is intentionally blank" (the
 * template's label), for padding a copy to an even page count. */
void		 layout_blank_page(struct doc *, const struct template *,
		    struct fonts *);

/* Stamp the pages of one part of a packet, before it is joined to the
 * others (so that pages repeated across parts keep their own stamps):
 * "Packet page n of total" at the top right of every page, numbered from
 * first (0-based), and when teacher is set a band across the top saying
 * the page is for the teacher only (the template's labels). */
void		 layout_packet_marks(struct doc *, const struct template *,
		    struct fonts *, int teacher, size_t first, size_t total);

#endif
