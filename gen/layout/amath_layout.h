/*
 * amath_layout.h - a parsed math span (amath.h) laid out as a box, in the
 * layout stage.  math_layout() measures the tree with the body fonts (and
 * their fallbacks) and returns a box: its width, height above the
 * baseline and depth below it, and the ITEM_TEXT and ITEM_LINE items that
 * draw it, positioned from the box's left end on its baseline.  Layout
 * copies those items where the box sits.
 */
#ifndef MIMEO_AMATH_LAYOUT_H
#define MIMEO_AMATH_LAYOUT_H

#include "amath.h"
#include "page.h"

struct fonts;

struct mbox {
	double		 w, h, d;	/* width; height above and depth below
					 * the baseline; points */
	struct page	 items;		/* TEXT (font: a face of struct fonts)
					 * and LINE; x from the left end, y
					 * from the baseline, down positive;
					 * colours left for the caller */
	long		 missing;	/* first code point no font has, or 0:
					 * it was left out */
	char		*text;		/* math_linear() of the tree, owned;
					 * NULL: read the glyphs */
};

/* Lay n out at size points, bold when bold is set.  Fills box (zeroed by
 * the caller), text included; free its items and text with mbox_free(). */
void	math_layout(struct fonts *, const struct mnode *n, double size,
	    int bold, struct mbox *box);
void	mbox_free(struct mbox *);

#endif
