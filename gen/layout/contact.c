/*
 * contact.c - the grid of a contact sheet; see contact.h.
 */
#include <math.h>

#include "contact.h"
#include "page.h"
#include "util.h"

#define CS_COLS		4		/* across, up to CS_COLS^2 pages */
#define CS_MAX_AREA	40e6		/* 160 MB of image at the most */
#define CS_MAX_SIDE	32767		/* cairo's largest image side */
#define CS_PAD		16		/* around the grid and between cells */
#define CS_LABEL	18		/* under each thumbnail */
#define CS_LABEL_DROP	4		/* baseline above the cell's foot */

/*
 * Columns of a contact sheet of n pages: four across up to 16 pages (one
 * row for a short worksheet); beyond that about as many columns as rows,
 * rounded up to even, so each two-sided copy of a class set stays on one
 * row.
 */
static size_t
cs_columns(size_t n)
{
	size_t cols = CS_COLS;

	if (n <= CS_COLS)
		return n;
	while (cols * cols < n)
		cols += 2;
	return cols;
}

/* Pixels for len points at dpi, rounded up as pdftoppm does (and as the
 * PNG backend sizes a page). */
static double
cs_px(double len, double dpi)
{
	return (int)ceil(len * dpi / 72.0 - 1e-9);
}

int
contact_layout(const struct doc *d, double dpi, struct contact *cs,
    char *err, size_t errlen)
{
	size_t rows, p;

	cs->d = d;
	cs->dpi = dpi;
	cs->cols = cs_columns(d->npages);
	rows = cs->cols > 0 ? (d->npages + cs->cols - 1) / cs->cols : 0;
	/* a cell each page fits in, turned or not */
	cs->tw = cs->th = 0;
	for (p = 0; p < d->npages; p++) {
		if (cs_px(page_width(d, p), dpi) > cs->tw)
			cs->tw = cs_px(page_width(d, p), dpi);
		if (cs_px(page_height(d, p), dpi) > cs->th)
			cs->th = cs_px(page_height(d, p), dpi);
	}
	cs->w = CS_PAD + (double)cs->cols * (cs->tw + CS_PAD);
	cs->h = CS_PAD + (double)rows * (cs->th + CS_LABEL + CS_PAD);
	if (cs->w > CS_MAX_SIDE || cs->h > CS_MAX_SIDE ||
	    cs->w * cs->h > CS_MAX_AREA)
		return errfmt(err, errlen, "a contact sheet of %zu pages at "
		    "%g dpi would be too big (%.0fx%.0f pixels); make it of "
		    "fewer copies", d->npages, dpi, cs->w, cs->h);
	return 0;
}

void
contact_cell(const struct contact *cs, size_t p, struct contact_cell *c)
{
	c->x = CS_PAD + (double)(p % cs->cols) * (cs->tw + CS_PAD);
	c->y = CS_PAD + (double)(p / cs->cols) * (cs->th + CS_LABEL + CS_PAD);
	c->w = cs_px(page_width(cs->d, p), cs->dpi);
	c->h = cs_px(page_height(cs->d, p), cs->dpi);
	c->label_x = c->x + cs->tw / 2;
	c->label_y = c->y + cs->th + CS_LABEL - CS_LABEL_DROP;
}
