/*
 * page.h - the display list: what layout produces and every backend draws.
 *
 * Coordinates are PDF points (1/72 in) measured from the TOP-LEFT corner of
 * the page, y growing downward; a backend flips y if its device needs it.
 * Text items hold UTF-8 that the layout already checked: every code point is
 * present in the item's font, so a backend never has to fall back.
 *
 * Ownership: a struct doc owns its pages, their items, every item's text and
 * the font table, and a reference to each image of its image table.
 * doc_free() releases all of it.
 *
 * Repeats: in a class set most pages are an earlier copy's page with only
 * the student's name (and period) changed.  doc_append() keeps such a page
 * as a repeat: a reference to that earlier page (its base) and the texts
 * of the few items whose text differs from the base's (nothing else of a
 * repeat's items may differ), so that thousands of copies cost a few
 * bytes a page.  Read pages through page_nitems() and page_item(), which
 * resolve repeats; a backend may also draw a base's items that never vary
 * (item.varies == 0) once for all its repeats.
 *
 * Spans: ITEM_SPAN ... ITEM_SPAN_END pairs nest like brackets on a page,
 * so text extraction can read a drawing of math as its linear text.  A
 * backend that cannot mark text skips them.
 */
#ifndef MIMEO_PAGE_H
#define MIMEO_PAGE_H

#include <stddef.h>

#include "footer.h"

struct image;

enum item_kind {
	ITEM_TEXT,	/* a run of text on one baseline, one font, one size */
	ITEM_LINE,	/* a straight stroke from (x, y) to (x2, y2) */
	ITEM_RECT,	/* a rectangle, top-left (x, y), size (w, h) */
	ITEM_CIRCLE,	/* a circle, centre (x, y), radius w */
	ITEM_IMAGE,	/* a picture filling top-left (x, y), size (w, h) */
	ITEM_ARC,	/* an arc of the circle centre (x, y), radius w, from
			 * angle a0 to a1 (degrees, a0 < a1, counterclockwise
			 * as seen from 3 o'clock); with fill, the pie wedge
			 * it bounds (figures: jumps, clock, fraction circles,
			 * arrowheads) */
	ITEM_SPAN,	/* the items up to the matching ITEM_SPAN_END read as
			 * text, not as what they draw (a stacked fraction
			 * reads "3/5"); (x, y) the start of its baseline;
			 * font and size those of that text; draws nothing */
	ITEM_SPAN_END	/* ends the innermost open ITEM_SPAN; (x, y) the end
			 * of its baseline, font and size as the SPAN's */
};

struct color {
	double r, g, b;		/* 0..1 each */
};

/* The ints in pairs (dash beside kind, unit beside font), so no padding
 * falls between the fields: a key's table of 3000 students holds 200,000
 * items while it is laid out. */
struct item {
	enum item_kind	 kind;
	int		 dash;		/* LINE/RECT: 0 solid, 1 dashed, 2 dotted */
	double		 x, y;		/* TEXT: start of baseline */
	double		 x2, y2;	/* LINE: end point */
	double		 w, h;		/* RECT: size; CIRCLE, ARC: w = radius */
	double		 a0, a1;	/* ARC: start and end angle, degrees */
	struct color	 color;		/* text fill, or stroke colour */
	double		 width;		/* LINE/RECT/CIRCLE: stroke width */
	int		 fill;		/* RECT/CIRCLE/ARC: 1 fill with fill_color */
	int		 stroke;	/* RECT/CIRCLE/ARC: 1 stroke the outline */
	struct color	 fill_color;
	int		 font;		/* TEXT, SPAN, SPAN_END: index into
					 * doc->fonts */
	int		 unit;		/* 1: part of a drawing that keeps its
					 * left-to-right inside when a right-
					 * to-left page is mirrored (a line of
					 * text in visual order, math, a
					 * figure): the drawing spans unit_w
					 * from unit_off left of x */
	double		 size;		/* TEXT, SPAN, SPAN_END: font size in
					 * points */
	char		*text;		/* TEXT, SPAN: UTF-8, owned */
	int		 image;		/* IMAGE: index into doc->images */
	int		 varies;	/* a base's item some repeat replaces */
	int		 glyph;		/* TEXT: 1 when the item draws glyph
					 * gid of the font, not text's
					 * characters: a glyph a shaper chose
					 * (a ligature, a conjunct, a vowel
					 * sign's form), which may have no
					 * character of its own; text holds
					 * the characters it stands for (its
					 * cluster's, "" for a cluster's later
					 * glyphs).  A SPAN around it says what
					 * the glyphs read as */
	unsigned int	 gid;		/* TEXT with glyph: its glyph id */
	double		 unit_off, unit_w;
};

struct page {
	struct item	*items;		/* NULL for a repeat */
	size_t		 nitems, cap;	/* a repeat: its texts */
	size_t		 base;		/* 0, or 1 + index of the page repeated */
	size_t		*slot;		/* repeat: base item whose text each of
					 * texts[] replaces, ascending; owned */
	char		**texts;	/* repeat: those texts (UTF-8), owned */
	int		 turned;	/* 1: the doc's paper turned, its long
					 * side across (a board plan that
					 * needs the width); a repeat is
					 * turned as its base is */
};

/* A font file the document uses; backends load each one once. */
struct docfont {
	char		*path;		/* TrueType file, owned */
	int		 index;		/* face index inside the file */
};

/* A bookmark (PDF outline entry) pointing at the top of a page. */
struct mark_entry {
	char		*title;		/* UTF-8, owned */
	size_t		 page;		/* 0-based page index */
};

struct doc {
	double		 width, height;	/* paper size in points (a turned
					 * page swaps them: page_width()) */
	char		*title;		/* document title (metadata), owned */
	char		*subject;	/* the set's subject, owned; NULL */
	char		*keywords;	/* its tags, "a, b", owned; NULL */
	char		*lang;		/* language of its labels ("es"),
					 * owned; NULL: none said */
	struct footer	 footer;	/* the left footer of its pages, for a
					 * blank page that pads it */
	double		 footer_widest;	/* its widest "Page n of N", which
					 * the footer stops short of */
	struct page	*pages;
	size_t		 npages, cap;
	struct docfont	*fonts;
	size_t		 nfonts;
	struct image   **images;	/* backends load each one once */
	size_t		 nimages;
	struct mark_entry *outline;
	size_t		 noutline, outline_cap;
};

/* The size of page i (0-based) of d in points: the doc's paper, turned
 * when the page is. */
static inline double
page_width(const struct doc *d, size_t i)
{
	return d->pages[i].turned ? d->height : d->width;
}

static inline double
page_height(const struct doc *d, size_t i)
{
	return d->pages[i].turned ? d->width : d->height;
}

/* Nonzero if an item of kind k names a font. */
static inline int
item_has_font(enum item_kind k)
{
	return k == ITEM_TEXT || k == ITEM_SPAN || k == ITEM_SPAN_END;
}

/* The arc of an ITEM_ARC as at most 8 cubic Bezier curves of 90 degrees
 * or less, each 4 points (x0 y0 x1 y1 x2 y2 x3 y3, top-down page
 * coordinates), so every backend traces the same curve.  Returns the
 * number of curves. */
int		 arc_beziers(const struct item *, double out[8][8]);

struct doc	*doc_new(double width, double height);
void		 doc_free(struct doc *);
/* A copy of d sharing nothing with it but references to its images. */
struct doc	*doc_clone(const struct doc *d);
struct page	*doc_add_page(struct doc *);
/* Returns the index of the font (path, index), adding it if new. */
int		 doc_font(struct doc *, const char *path, int index);
/* Returns the index of img, adding it (and a reference) if new. */
int		 doc_image(struct doc *, struct image *img);
/* Append a zeroed item of the given kind; the pointer is valid until the
 * next push on the same page. */
struct item	*page_push(struct page *, enum item_kind);
/* Make room for exactly n more items (no doubling): for whole blocks
 * moved onto a page, so that a long table's hundreds of pages hold no
 * spare capacity.  Pointers into the page's items go stale. */
void		 page_reserve(struct page *, size_t n);
/* Append copies of src's items (texts copied too) to dst, shifted by
 * (dx, dy). */
void		 page_copy(struct page *dst, const struct page *src, double dx,
		    double dy);
void		 doc_add_outline(struct doc *, const char *title, size_t page);
/* The metadata a PDF carries beside the title (each may be NULL: none);
 * copied. */
void		 doc_set_meta(struct doc *, const char *subject,
		    const char *keywords, const char *lang);
/* Move every page and outline entry of src to the end of dst (same paper
 * size), re-numbering fonts and images; src is left empty but must still
 * be freed.  A page equal to the same page of one of the last few copies
 * appended (same page count) but for the text of a few items becomes a
 * repeat. */
void		 doc_append(struct doc *dst, struct doc *src);
/* Make each page of d that differs from the page before it (or what that
 * one repeats) only in the texts of a few dozen items a repeat of it: the
 * pages of a long table whose cells are alike down the columns, a name
 * in each row. */
void		 doc_share_pages(struct doc *d);
/* Give p's items [first, first + with->nitems) the texts of with's items
 * (which move to p), if each draws the same as its counterpart but for its
 * text.  Returns -1, with p and with unchanged, if any item differs or p is
 * a repeat. */
int		 page_refill(struct page *p, size_t first, struct page *with);
/* Make page (0-based) of d a page of its own when it is a repeat: every
 * item it draws copied into it, so that items can be added to it. */
void		 page_own(struct doc *d, size_t page);
/* The items page (0-based) of d draws, in order, repeats resolved.  An
 * item a repeat replaces is made in a buffer of page.c's: the pointer
 * page_item() returns holds only until its next call. */
size_t		 page_nitems(const struct doc *d, size_t page);
const struct item *page_item(const struct doc *d, size_t page, size_t k);

#endif
