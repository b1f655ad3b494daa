/*
 * scripts_ink.c - compares the ink of two renderings of the same line of
 * text, for tests/scripts.sh (a line mimeo shaped against the same line
 * shaped by pango, both rasterized by poppler):
 *
 *   scripts_ink REF.pgm OURS.pgm
 *
 * Each image (binary PGM, as pdftoppm -gray writes) is cut to the box of
 * its ink (pixels darker than mid-gray), so where the line sits on its page
 * does not count.  Prints "size RWxRH OWxOH differ F cols C": the boxes'
 * sizes, the share of the reference's ink pixels that differ (dark in one,
 * light in the other, after aligning the boxes' top-left corners, best of
 * the shifts within 1 pixel), and the correlation of the column ink
 * profiles.  Exits 0 when the line is the same: sizes within 2 pixels,
 * differ < 0.08, cols > 0.97; else 1 (2 when a file cannot be read).
 *
 *   scripts_ink --bands IMG.pgm
 *
 * prints "bands N": how many bands of rows with ink the image holds, each
 * apart from the next by a row with none (lines of text that do not touch
 * are a band each, or more; lines whose letters touch are one).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gray {
	int		 w, h;
	unsigned char	*px;
	int		 x0, y0, x1, y1;	/* ink box, inclusive */
};

static int
ink_read(const char *path, struct gray *g)
{
	FILE *f = fopen(path, "rb");
	int max, x, y;

	if (f == NULL)
		return -1;
	if (fscanf(f, "P5 %d %d %d", &g->w, &g->h, &max) != 3 || max != 255 ||
	    g->w <= 0 || g->h <= 0 || fgetc(f) == EOF) {
		fclose(f);
		return -1;
	}
	g->px = malloc((size_t)g->w * (size_t)g->h);
	if (g->px == NULL || fread(g->px, 1, (size_t)g->w * (size_t)g->h, f) !=
	    (size_t)g->w * (size_t)g->h) {
		fclose(f);
		return -1;
	}
	fclose(f);
	g->x0 = g->w;
	g->y0 = g->h;
	g->x1 = g->y1 = -1;
	for (y = 0; y < g->h; y++)
		for (x = 0; x < g->w; x++)
			if (g->px[y * g->w + x] < 128) {
				if (x < g->x0) g->x0 = x;
				if (x > g->x1) g->x1 = x;
				if (y < g->y0) g->y0 = y;
				if (y > g->y1) g->y1 = y;
			}
	return g->x1 < 0 ? -1 : 0;
}

/* Ink at (x, y) of g's box, 0 outside it. */
static int
ink_at(const struct gray *g, int x, int y)
{
	x += g->x0;
	y += g->y0;
	if (x < g->x0 || x > g->x1 || y < g->y0 || y > g->y1)
		return 0;
	return g->px[y * g->w + x] < 128;
}

/* The share of a's ink pixels that differ from b's, b shifted by dx, dy. */
static double
ink_differ(const struct gray *a, const struct gray *b, int dx, int dy)
{
	int w = a->x1 - a->x0 + 3, h = a->y1 - a->y0 + 3, x, y;
	long inked = 0, differ = 0;

	for (y = -1; y < h; y++)
		for (x = -1; x < w; x++) {
			int ia = ink_at(a, x, y), ib = ink_at(b, x + dx, y + dy);

			inked += ia;
			differ += ia != ib;
		}
	return inked > 0 ? (double)differ / inked : 1;
}

/* Correlation of the column profiles of a's and b's boxes, each column
 * summed with its neighbours INK_SPREAD pixels either side: two renderings
 * of a line place a word a pixel apart as their fractions of a pixel
 * round, which a profile of single columns would count as a change. */
#define INK_SPREAD	2

static double
ink_cols(const struct gray *a, const struct gray *b)
{
	int w = a->x1 - a->x0 + 1, x, y, k;
	double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, pa, pb, n = w;

	for (x = 0; x < w; x++) {
		pa = pb = 0;
		for (k = x - INK_SPREAD; k <= x + INK_SPREAD; k++)
			for (y = 0; y <= a->y1 - a->y0 || y <= b->y1 - b->y0;
			    y++) {
				pa += ink_at(a, k, y);
				pb += ink_at(b, k, y);
			}
		sa += pa;
		sb += pb;
		saa += pa * pa;
		sbb += pb * pb;
		sab += pa * pb;
	}
	return (n * sab - sa * sb) /
	    (sqrt(n * saa - sa * sa) * sqrt(n * sbb - sb * sb) + 1e-9);
}

/* The bands of inked rows in g's ink box. */
static int
ink_bands(const struct gray *g)
{
	int x, y, bands = 0, inked, was = 0;

	for (y = g->y0; y <= g->y1; y++) {
		for (inked = 0, x = g->x0; x <= g->x1 && !inked; x++)
			inked = g->px[y * g->w + x] < 128;
		bands += inked && !was;
		was = inked;
	}
	return bands;
}

int
main(int argc, char **argv)
{
	struct gray r, o;
	double differ = 1, d, cols;
	int dx, dy, rw, rh, ow, oh;

	if (argc == 3 && strcmp(argv[1], "--bands") == 0) {
		if (ink_read(argv[2], &r) < 0)
			return 2;
		printf("bands %d\n", ink_bands(&r));
		free(r.px);
		return 0;
	}
	if (argc != 3 || ink_read(argv[1], &r) < 0 || ink_read(argv[2], &o) < 0) {
		fprintf(stderr, "usage: scripts_ink REF.pgm OURS.pgm (binary "
		    "PGM files with ink)\n");
		return 2;
	}
	for (dy = -1; dy <= 1; dy++)
		for (dx = -1; dx <= 1; dx++)
			if ((d = ink_differ(&r, &o, dx, dy)) < differ)
				differ = d;
	cols = ink_cols(&r, &o);
	rw = r.x1 - r.x0 + 1;
	rh = r.y1 - r.y0 + 1;
	ow = o.x1 - o.x0 + 1;
	oh = o.y1 - o.y0 + 1;
	printf("size %dx%d %dx%d differ %.3f cols %.3f\n", rw, rh, ow, oh,
	    differ, cols);
	free(r.px);
	free(o.px);
	return abs(rw - ow) <= 2 && abs(rh - oh) <= 2 && differ < 0.08 &&
	    cols > 0.97 ? 0 : 1;
}
