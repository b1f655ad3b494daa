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

/* 1 when layout has a function that draws blocks of kind k (every kind
 * of enum block_kind must). */
int		 layout_draws(enum block_kind k);
/* Lay out blocks on paper (a4 or letter) with the template's geometry.
 * Returns a new doc owned by the caller, or NULL (reported). */
struct doc	*layout(const struct blocks *, const struct template *,
		    struct fonts *, int a4, const char *title);

/* Where layout_spot() drew the fields at the top of a worksheet (the name
 * and period blanks), so that a copy for another student can be made from
 * that layout by layout_refill() rather than laid out again. */
struct fieldspot {
	int		 ok;		/* one fields block, placed on its own */
	int		 blocks;	/* fields blocks seen */
	size_t		 page;		/* the page they are on */
	size_t		 first, n;	/* its items [first, first + n) */
	double		 y;		/* how far down the page they went */
	double		 h;		/* their height */
};

/* layout(), also saying in *spot where the fields went. */
struct doc	*layout_spot(const struct blocks *, const struct template *,
		    struct fonts *, int a4, const char *title,
		    struct fieldspot *spot);

/* layout(), also writing in *anchors (emptied first; free it with
 * anchors_free) where each answer space went: for answer strips. */
struct doc	*layout_anchored(const struct blocks *,
		    const struct template *, struct fonts *, int a4,
		    const char *title, struct anchors *anchors);

/* A copy of base, laid out by layout_spot() from blocks that differ from
 * the copy's only in what is filled in the fields (and, when footer is
 * not NULL, in the words of the footer: a student's own draw names them),
 * with the copy's fields block (and footer) drawn in instead.  Returns 0
 * with *out set; 1 when the copy's
 * layout could differ from base's (its fields take another shape or font:
 * lay it out in full); -1 when its fields cannot be printed (reported as
 * layout() reports it). */
int		 layout_refill(const struct doc *base,
		    const struct fieldspot *spot, const struct block *fields,
		    const struct footer *footer, const struct template *,
		    struct fonts *, struct doc **out);

/* Add a page to d that says "This page is intentionally blank" (the
 * template's label), for padding a copy to an even page count.  Its
 * footer is that of d's pages ("Title — Version B"), with name (when not
 * NULL) after it, so a dropped pile can be sorted; no page number: d's
 * pages count without it. */
void		 layout_blank_page(struct doc *, const struct template *,
		    struct fonts *, const char *name);

/* Stamp the pages of one part of a packet, before it is joined to the
 * others (so that pages repeated across parts keep their own stamps):
 * "Packet page n of total" at the top right of every page, numbered from
 * first (0-based), and when teacher is set a band across the top saying
 * the page is for the teacher only (the template's labels). */
void		 layout_packet_marks(struct doc *, const struct template *,
		    struct fonts *, int teacher, size_t first, size_t total);

#endif
