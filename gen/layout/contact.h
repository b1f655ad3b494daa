/*
 * contact.h - the layout of a contact sheet (--contact-sheet): every page
 * of a laid-out doc as a thumbnail in a grid, each with a border and its
 * page number under it, in one PNG.  The grid is decided here, in the
 * layout stage; the PNG backend (render_cairo.c) only draws it.
 */
#ifndef MIMEO_CONTACT_H
#define MIMEO_CONTACT_H

#include <stddef.h>

struct doc;

#define CONTACT_LABEL_SIZE	11.0	/* the page numbers, pixels */

struct contact {
	const struct doc *d;		/* not owned */
	double		 dpi;		/* of the thumbnails */
	size_t		 cols;		/* thumbnails across */
	double		 tw, th;	/* a cell's thumbnail room, pixels:
					 * the largest page, turned or not */
	double		 w, h;		/* the sheet, pixels */
};

/* Where page p goes: its thumbnail's top-left corner, and the centre and
 * baseline of its page number; pixels from the sheet's top-left. */
struct contact_cell {
	double		 x, y;
	double		 w, h;		/* this page's thumbnail */
	double		 label_x, label_y;
};

/* The grid of doc's pages at dpi (20-30 suits): four across up to 16
 * pages, then about as many columns as rows, an even number.  Returns 0,
 * or -1 with a one-line reason in err when the sheet would pass 40
 * million pixels or cairo's largest side. */
int	contact_layout(const struct doc *, double dpi, struct contact *,
	    char *err, size_t errlen);
void	contact_cell(const struct contact *, size_t page,
	    struct contact_cell *);

#endif
