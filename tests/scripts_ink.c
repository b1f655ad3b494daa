/*
 * scripts_ink.c - compares the ink of two renderings of the same line of
 * text, for tests/scripts.sh and tests/inkpage.sh (a line mimeo shaped
 * against the same line shaped by pango, both rasterized by poppler):
 *
 *   scripts_ink REF.pgm OURS.pgm
 *   scripts_ink -b < JOBS
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
 * -b (tests/inkpage.sh): a comparison per line of JOBS,
 *   ID REF PAGE.pgm X0 Y0 X1 Y1 BASE SIZE CUT N B1 S1 ... BN SN
 * REF is an image of the reference (REF.pgm) or REF.pgm:K, the K-th line
 * (from 0) of an image of references set one under the other.
 * OURS is the box X0..X1, Y0..Y1 (pixels, inclusive) of the page image,
 * less the ink of other lines that reaches into it: each connected piece
 * of ink is kept when it is nearer this line's letters (the band from
 * BASE, its baseline, up 0.55 SIZE, its font size) than those of any
 * other line, baseline Bi and size Si (the lines above and below).  CUT 1:
 * Y1 is above a rule the line is written on (a name on the name line), so
 * the reference is cut as far below the top of its ink.  The test is
 * ink_same's, which forgives what poppler's placing of each glyph on the
 * pixel grid does to a long line (the single-line test's differ and cols
 * do not): "ID size RWxRH OWxOH miss M blob B same" (or "differs", or
 * "ID differs" and why there is nothing to compare) per job; exits 0
 * (2 when a job or the page cannot be read).
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

/* Sets g's ink box; -1 when it has no ink. */
static int
ink_box(struct gray *g)
{
	int x, y;

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

static int
ink_read(const char *path, struct gray *g)
{
	FILE *f = fopen(path, "rb");
	int max;

	g->px = NULL;
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
	return ink_box(g);
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

/* Whether g has ink within a pixel of (x, y) of its box. */
static int
ink_near(const struct gray *g, int x, int y)
{
	int ax, ay;

	for (ay = y - 1; ay <= y + 1; ay++)
		for (ax = x - 1; ax <= x + 1; ax++)
			if (ink_at(g, ax, ay))
				return 1;
	return 0;
}

/* The share of a's ink pixels, b shifted by dx, dy, that have no ink of
 * the other within a pixel, in a or in b: poppler places each glyph of a
 * line on the pixel grid as its own fraction of a pixel falls, so two
 * renderings of the same line differ by a pixel at strokes' edges, while
 * a glyph misplaced, changed or missing leaves strokes away from any. */
static double
ink_miss(const struct gray *a, const struct gray *b, int dx, int dy,
    struct gray *mask)
{
	int w = a->x1 - a->x0 + 3, h = a->y1 - a->y0 + 3, x, y, m;
	int bw = b->x1 - b->x0 + 3, bh = b->y1 - b->y0 + 3;
	long inked = 0, miss = 0;

	if (bw > w) w = bw;
	if (bh > h) h = bh;
	if (mask != NULL) {
		mask->w = w + 2;
		mask->h = h + 2;
		mask->px = malloc((size_t)mask->w * (size_t)mask->h);
		if (mask->px == NULL)
			exit(2);
		memset(mask->px, 255, (size_t)mask->w * (size_t)mask->h);
	}
	for (y = -2; y < h; y++)
		for (x = -2; x < w; x++) {
			int ia = ink_at(a, x, y), ib = ink_at(b, x + dx, y + dy);

			inked += ia;
			m = (ia && !ink_near(b, x + dx, y + dy)) +
			    (ib && !ink_near(a, x, y));
			miss += m;
			if (m && mask != NULL)
				mask->px[(y + 2) * mask->w + x + 2] = 0;
		}
	return inked > 0 ? (double)miss / inked : 1;
}

/* The connected ink (8 neighbours) of g at pixel i, not yet seen: its
 * pixels into stack, marked in seen.  Returns how many. */
static int
ink_flood(const struct gray *g, unsigned char *seen, int *stack, int i)
{
	int n = 0, k;

	stack[n++] = i;
	seen[i] = 1;
	for (k = 0; k < n; k++) {
		int px = stack[k] % g->w, py = stack[k] / g->w, ax, ay;

		for (ay = py - 1; ay <= py + 1; ay++)
			for (ax = px - 1; ax <= px + 1; ax++) {
				int j = ay * g->w + ax;

				if (ax < 0 || ay < 0 || ax >= g->w ||
				    ay >= g->h || seen[j] || g->px[j] >= 128)
					continue;
				seen[j] = 1;
				stack[n++] = j;
			}
	}
	return n;
}

/* The pixels of the largest connected piece of ink of g. */
static long
ink_blob(const struct gray *g)
{
	int *stack, n, i;
	long most = 0;
	unsigned char *seen = calloc((size_t)g->w * (size_t)g->h, 1);

	stack = malloc((size_t)g->w * (size_t)g->h * sizeof(*stack));
	if (seen == NULL || stack == NULL)
		exit(2);
	for (i = 0; i < g->w * g->h; i++)
		if (!seen[i] && g->px[i] < 128 &&
		    (n = ink_flood(g, seen, stack, i)) > most)
			most = n;
	free(stack);
	free(seen);
	return most;
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

/* Compares r and o: prints the scores (no newline); 0 when they are the
 * same line. */
static int
ink_compare(const struct gray *r, const struct gray *o)
{
	double differ = 1, d, cols;
	int dx, dy, rw, rh, ow, oh;

	for (dy = -1; dy <= 1; dy++)
		for (dx = -1; dx <= 1; dx++)
			if ((d = ink_differ(r, o, dx, dy)) < differ)
				differ = d;
	cols = ink_cols(r, o);
	rw = r->x1 - r->x0 + 1;
	rh = r->y1 - r->y0 + 1;
	ow = o->x1 - o->x0 + 1;
	oh = o->y1 - o->y0 + 1;
	printf("size %dx%d %dx%d differ %.3f cols %.3f", rw, rh, ow, oh,
	    differ, cols);
	return abs(rw - ow) <= 2 && abs(rh - oh) <= 2 && differ < 0.08 &&
	    cols > 0.97 ? 0 : 1;
}

/* -b's test: the boxes' sizes within 2 pixels, less than INK_MISS of the
 * ink a pixel away from the other's (ink_miss), and no piece of such ink
 * of INK_BLOB pixels or more (an accent changed in a long line is a small
 * share of its ink, but all in one place).  Prints the scores. */
#define INK_MISS	0.02
#define INK_BLOB	8

static int
ink_same(const struct gray *r, const struct gray *o)
{
	double miss = 1, d;
	int dx, dy, bx = 0, by = 0, rw, rh, ow, oh;
	struct gray mask;
	long blob;

	for (dy = -1; dy <= 1; dy++)
		for (dx = -1; dx <= 1; dx++)
			if ((d = ink_miss(r, o, dx, dy, NULL)) < miss) {
				miss = d;
				bx = dx;
				by = dy;
			}
	ink_miss(r, o, bx, by, &mask);
	blob = ink_blob(&mask);
	free(mask.px);
	rw = r->x1 - r->x0 + 1;
	rh = r->y1 - r->y0 + 1;
	ow = o->x1 - o->x0 + 1;
	oh = o->y1 - o->y0 + 1;
	printf("size %dx%d %dx%d miss %.4f blob %ld ", rw, rh, ow, oh, miss,
	    blob);
	return abs(rw - ow) <= 2 && abs(rh - oh) <= 2 && miss < INK_MISS &&
	    blob < INK_BLOB;
}

#define INK_MAXC	64	/* other lines' heights a job may name */

/* How far rows top..bot are from the band of letters of a line on
 * baseline base, size size (0 when they meet it). */
static double
ink_band(double top, double bot, double base, double size)
{
	double d = base - 0.55 * size - bot;

	if (top - base > d)
		d = top - base;
	return d > 0 ? d : 0;
}

/* The box x0..x1, y0..y1 of page pg as an image of its own, less the
 * connected ink (8 neighbours) nearer another line's letters (baselines
 * and sizes in other[]) than its own.  -1 when nothing is left. */
static int
ink_crop(const struct gray *pg, int x0, int y0, int x1, int y1, double base,
    double size, const double *other, int nother, struct gray *c)
{
	int *stack, n, i, x, y, k, top, bot;
	unsigned char *seen;

	if (x0 < 0) x0 = 0;
	if (y0 < 0) y0 = 0;
	if (x1 >= pg->w) x1 = pg->w - 1;
	if (y1 >= pg->h) y1 = pg->h - 1;
	if (x1 < x0 || y1 < y0)
		return -1;
	c->w = x1 - x0 + 1;
	c->h = y1 - y0 + 1;
	c->px = malloc((size_t)c->w * (size_t)c->h);
	seen = calloc((size_t)c->w * (size_t)c->h, 1);
	stack = malloc((size_t)c->w * (size_t)c->h * sizeof(*stack));
	if (c->px == NULL || seen == NULL || stack == NULL)
		exit(2);
	for (y = 0; y < c->h; y++)
		for (x = 0; x < c->w; x++)
			c->px[y * c->w + x] = pg->px[(y + y0) * pg->w + x + x0];
	for (i = 0; i < c->w * c->h; i++) {
		double d;
		int keep = 1;

		if (seen[i] || c->px[i] >= 128)
			continue;
		n = ink_flood(c, seen, stack, i);
		top = bot = i / c->w;
		for (k = 0; k < n; k++) {
			if (stack[k] / c->w < top) top = stack[k] / c->w;
			if (stack[k] / c->w > bot) bot = stack[k] / c->w;
		}
		d = ink_band(y0 + top, y0 + bot, base, size);
		for (k = 0; k < nother; k++)
			if (ink_band(y0 + top, y0 + bot, other[2 * k],
			    other[2 * k + 1]) < d)
				keep = 0;
		if (!keep)
			for (k = 0; k < n; k++)
				c->px[stack[k]] = 255;
	}
	free(stack);
	free(seen);
	return ink_box(c);
}

/* References set together, one under the other (REF.pgm:K is the K-th
 * from the top): each line's ink is apart from the next by more than
 * INK_GAP blank rows, and less within a line. */
#define INK_GAP		100
#define INK_SHEETS	64

static struct sheet {
	char		 path[2048];
	int		 n;
	struct gray	*line;
} ink_sheets[INK_SHEETS];
static int ink_nsheets;

/* Cuts the image of path into its lines, kept in a new sheet.  NULL when
 * it cannot be read or there are too many. */
static struct sheet *
ink_sheet(const char *path)
{
	struct sheet *sh;
	struct gray g = { 0 };
	int y, top = -1, blank = 0, end;

	if (ink_nsheets == INK_SHEETS)
		return NULL;
	if (ink_read(path, &g) < 0) {
		free(g.px);
		return NULL;
	}
	sh = &ink_sheets[ink_nsheets++];
	snprintf(sh->path, sizeof(sh->path), "%s", path);
	sh->n = 0;
	sh->line = NULL;
	for (y = 0; y <= g.h; y++) {
		int x, inked = 0;

		for (x = 0; y < g.h && x < g.w && !inked; x++)
			inked = g.px[y * g.w + x] < 128;
		if (inked) {
			if (top < 0)
				top = y;
			blank = 0;
			continue;
		}
		if (top < 0 || (++blank < INK_GAP && y < g.h))
			continue;
		/* a line: rows top to end, and a row either side */
		end = y - blank + 1;
		sh->line = realloc(sh->line, (size_t)(sh->n + 1) *
		    sizeof(*sh->line));
		if (sh->line == NULL)
			exit(2);
		top = top > 0 ? top - 1 : 0;
		if (end >= g.h)
			end = g.h - 1;
		sh->line[sh->n].w = g.w;
		sh->line[sh->n].h = end - top + 1;
		sh->line[sh->n].px = malloc((size_t)g.w * (size_t)(end - top + 1));
		if (sh->line[sh->n].px == NULL)
			exit(2);
		memcpy(sh->line[sh->n].px, g.px + (size_t)top * (size_t)g.w,
		    (size_t)g.w * (size_t)(end - top + 1));
		ink_box(&sh->line[sh->n++]);
		top = -1;
	}
	free(g.px);
	return sh;
}

/* The reference of a job: an image of its own (REF.pgm), or line K of a
 * sheet of them (REF.pgm:K), copied into r.  -1 when there is none. */
static int
ink_ref(const char *spec, struct gray *r)
{
	char path[2048];
	const char *colon = strrchr(spec, ':');
	struct sheet *sh = NULL;
	int i, k;

	r->px = NULL;
	if (colon == NULL)
		return ink_read(spec, r);
	snprintf(path, sizeof(path), "%.*s", (int)(colon - spec), spec);
	k = atoi(colon + 1);
	for (i = 0; i < ink_nsheets; i++)
		if (strcmp(ink_sheets[i].path, path) == 0)
			sh = &ink_sheets[i];
	if (sh == NULL && (sh = ink_sheet(path)) == NULL)
		return -1;
	if (k < 0 || k >= sh->n)
		return -1;
	*r = sh->line[k];
	r->px = malloc((size_t)r->w * (size_t)r->h);
	if (r->px == NULL)
		exit(2);
	memcpy(r->px, sh->line[k].px, (size_t)r->w * (size_t)r->h);
	return ink_box(r);
}

/* -b: the jobs on stdin, one a line (see the head comment). */
static int
ink_batch(void)
{
	char line[8192], id[256], ref[2048], page[2048], last[2048] = "";
	struct gray pg = { 0 }, r, c;
	double base, size, other[2 * INK_MAXC];
	int x0, y0, x1, y1, cut, n, k, used, x, y;
	char *p;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		if (sscanf(line, "%255s %2047s %2047s %d %d %d %d %lf %lf %d %d%n",
		    id, ref, page, &x0, &y0, &x1, &y1, &base, &size, &cut, &n,
		    &used) != 11 ||
		    n < 0 || n > INK_MAXC) {
			fprintf(stderr, "scripts_ink -b: bad job: %s", line);
			return 2;
		}
		for (p = line + used, k = 0; k < 2 * n; k++, p += used)
			if (sscanf(p, "%lf%n", &other[k], &used) != 1) {
				fprintf(stderr, "scripts_ink -b: bad job: %s",
				    line);
				return 2;
			}
		if (strcmp(page, last) != 0) {
			free(pg.px);
			pg.px = NULL;
			if (ink_read(page, &pg) < 0 && pg.px == NULL) {
				fprintf(stderr, "scripts_ink: cannot read %s\n",
				    page);
				return 2;
			}
			snprintf(last, sizeof(last), "%s", page);
		}
		if (ink_ref(ref, &r) < 0) {
			printf("%s differs no ink in the reference\n", id);
			free(r.px);
			continue;
		}
		c.px = NULL;
		if (ink_crop(&pg, x0, y0, x1, y1, base, size, other, n, &c) < 0) {
			printf("%s differs no ink on the page\n", id);
			free(r.px);
			free(c.px);
			continue;
		}
		if (cut)
			for (y = r.y0 + c.h - c.y0; y < r.h; y++)
				for (x = 0; x < r.w; x++)
					r.px[y * r.w + x] = 255;
		printf("%s ", id);
		puts(ink_box(&r) == 0 && ink_same(&r, &c) ? "same" : "differs");
		free(r.px);
		free(c.px);
	}
	free(pg.px);
	for (k = 0; k < ink_nsheets; k++) {
		for (n = 0; n < ink_sheets[k].n; n++)
			free(ink_sheets[k].line[n].px);
		free(ink_sheets[k].line);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct gray r, o;
	int st;

	if (argc == 2 && strcmp(argv[1], "-b") == 0)
		return ink_batch();
	if (argc != 3 || ink_read(argv[1], &r) < 0 || ink_read(argv[2], &o) < 0) {
		fprintf(stderr, "usage: scripts_ink REF.pgm OURS.pgm (binary "
		    "PGM files with ink)\n       scripts_ink -b < JOBS\n");
		return 2;
	}
	st = ink_compare(&r, &o);
	putchar('\n');
	free(r.px);
	free(o.px);
	return st;
}
