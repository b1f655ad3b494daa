/*
 * cairo_driver.c - what tests/cairo.sh needs beside the command line
 * (which draws the pages: mimeo --format png|svg|ps, --contact-sheet):
 *
 *   cairo_driver glyphs [-k] [-a4] SET.yaml
 *	lays SET out as mimeo does (the key with -k; on A4 with -a4, as
 *	--paper a4) and prints "pages N", then "page N glyphs G" per page:
 *	G code points in its text items, to count against an SVG.
 *   cairo_driver compare A.png B.png
 *	prints "rows R cols C dx X dy Y": the correlation of the two images'
 *	row and column ink profiles (darkness summed per row, per column)
 *	and how far B's ink centroid is from A's, in pixels.
 *   cairo_driver ppm A.png
 *	writes A as a binary PPM (P6) on standard output, transparency laid
 *	over white, for the shell's pixel checks (tests/images.sh).
 *   cairo_driver errors SET.yaml DIR
 *	calls each backend where it must fail and prints "ok: REASON" or
 *	"FAIL: ..." per case.
 *
 * Exit status 0, or 1 with a message on stderr.  Frees everything, and at
 * the end cairo's static caches, so valgrind reports no leak.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "compose.h"
#include "contact.h"
#include "font.h"
#include "layout.h"
#include "page.h"
#include "render.h"
#include "set.h"
#include "settings.h"
#include "template.h"
#include "vary.h"

/* Lays out the worksheet (or key) of file as mimeo does by default, its
 * settings as mimeo resolves them (settings.h). */
static struct doc *
load_doc(const char *file, int key, int force_a4)
{
	struct opts o;
	struct settings st;
	struct settings_from from = { &o, NULL, NULL, NULL, NULL };
	struct set *s;
	struct instance *in = NULL;
	struct blocks *b;
	struct doc *d = NULL;

	if ((s = set_load(file)) == NULL)
		return NULL;
	memset(&o, 0, sizeof(o));
	o.paper = force_a4 ? PAPER_A4 : PAPER_UNSET;
	from.set = s;
	settings_resolve(&st, &from);
	if (settings_open(&st) < 0)
		goto out;
	in = vary(s, st.seed, 0, NULL, NULL);
	b = compose(in, st.tpl, key ? DOC_KEY : DOC_WORKSHEET, NULL);
	d = layout(b, st.tpl, st.fs, st.paper == PAPER_A4, s->title.s);
	blocks_free(b);
out:
	instance_free(in);
	settings_close(&st);
	settings_forget();
	set_free(s);
	return d;
}

/* Glyphs of the text items of page p: a code point each, or one for a
 * shaped glyph (a ligature stands for its characters). */
static size_t
glyphs(const struct doc *d, size_t p)
{
	const struct item *it;
	const char *c;
	size_t i, n = 0;

	for (i = 0; i < d->pages[p].nitems; i++) {
		it = &d->pages[p].items[i];
		if (it->kind != ITEM_TEXT || it->text == NULL)
			continue;
		if (it->glyph) {
			n++;
			continue;
		}
		for (c = it->text; *c != '\0'; c++)
			if (((unsigned char)*c & 0xC0) != 0x80)
				n++;
	}
	return n;
}

static int
glyph_counts(int key, int a4, const char *file)
{
	struct doc *d;
	size_t p;

	if ((d = load_doc(file, key, a4)) == NULL) {
		fprintf(stderr, "cannot lay out %s\n", file);
		return 1;
	}
	printf("pages %zu\n", d->npages);
	for (p = 0; p < d->npages; p++)
		printf("page %zu glyphs %zu\n", p + 1, glyphs(d, p));
	doc_free(d);
	return 0;
}

/* Darkness (255 - luma, as poppler's gray output) of an image's pixels
 * summed per row and per column, and its ink centroid. */
struct profile {
	int	 w, h;
	double	*row, *col, cx, cy;
	double	 ink;		/* darkness of the whole page */
};

static int
profile(const char *path, struct profile *pr)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	const unsigned char *data;
	double total = 0, v;
	uint32_t px;
	int x, y, stride;

	memset(pr, 0, sizeof(*pr));
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: %s\n", path, cairo_status_to_string(
		    cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_surface_flush(s);
	pr->w = cairo_image_surface_get_width(s);
	pr->h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	data = cairo_image_surface_get_data(s);
	pr->row = calloc((size_t)pr->h, sizeof(double));
	pr->col = calloc((size_t)pr->w, sizeof(double));
	for (y = 0; y < pr->h; y++)
		for (x = 0; x < pr->w; x++) {
			memcpy(&px, data + y * stride + 4 * x, 4);
			v = 255.0 - (0.3 * ((px >> 16) & 255) +
			    0.59 * ((px >> 8) & 255) + 0.11 * (px & 255));
			pr->row[y] += v;
			pr->col[x] += v;
			pr->cx += v * x;
			pr->cy += v * y;
			total += v;
		}
	if (total > 0) {
		pr->cx /= total;
		pr->cy /= total;
	}
	pr->ink = total;
	cairo_surface_destroy(s);
	return 0;
}

static double
correlate(const double *a, const double *b, int n)
{
	double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
	int i;

	for (i = 0; i < n; i++) {
		ma += a[i];
		mb += b[i];
	}
	ma /= n;
	mb /= n;
	for (i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) * (a[i] - ma);
		sbb += (b[i] - mb) * (b[i] - mb);
	}
	if (saa == 0 || sbb == 0)
		return saa == sbb ? 1 : 0;
	return sab / sqrt(saa * sbb);
}

static int
compare(const char *a, const char *b)
{
	struct profile pa, pb;
	int rc = 1;

	if (profile(a, &pa) == 0 && profile(b, &pb) == 0) {
		if (pa.w != pb.w || pa.h != pb.h)
			fprintf(stderr, "sizes differ: %dx%d and %dx%d\n",
			    pa.w, pa.h, pb.w, pb.h);
		else {
			printf("rows %.4f cols %.4f dx %.2f dy %.2f ink %.4f\n",
			    correlate(pa.row, pb.row, pa.h),
			    correlate(pa.col, pb.col, pa.w),
			    pb.cx - pa.cx, pb.cy - pa.cy,
			    pa.ink > 0 ? pb.ink / pa.ink : pb.ink > 0 ? 99 : 1);
			rc = 0;
		}
		free(pb.row);
		free(pb.col);
	}
	free(pa.row);
	free(pa.col);
	return rc;
}

/* Writes the PNG at path as a PPM on stdout.  Returns 0, or 1 with a
 * message. */
static int
ppm(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	unsigned char *data;
	uint32_t px;
	int x, y, w, h, stride, c, a;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "%s: %s\n", path, cairo_status_to_string(
		    cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return 1;
	}
	cairo_surface_flush(s);
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	stride = cairo_image_surface_get_stride(s);
	data = cairo_image_surface_get_data(s);
	printf("P6\n%d %d\n255\n", w, h);
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			memcpy(&px, data + y * stride + 4 * x, 4);
			/* premultiplied ARGB (RGB24: alpha byte unused) */
			a = cairo_image_surface_get_format(s) ==
			    CAIRO_FORMAT_ARGB32 ? (int)(px >> 24) : 255;
			for (c = 16; c >= 0; c -= 8)
				putchar((int)((px >> c) & 255) + 255 - a);
		}
	cairo_surface_destroy(s);
	return 0;
}

/* Draws page of d (every page, unless dev is one page a file) at dpi
 * with dev at path, as output.c does. */
static int
draw(const struct device *dev, const struct doc *d, size_t page, double dpi,
    const char *path, char *err, size_t errlen)
{
	struct devopts o = { dpi, NULL };

	return render_doc(dev, d, &o, page, path, err, errlen);
}

/* Each case must return -1 and say why. */
static int
errors(const char *file, const char *dir)
{
	struct doc *d, *empty;
	struct contact sheet;
	struct devopts sheet_opts = { 0, &sheet };
	char path[4096], bad[4096], err[512];
	int fails = 0, i, r;

	if ((d = load_doc(file, 0, 0)) == NULL)
		return 1;
	empty = doc_new(612, 792);
	snprintf(path, sizeof(path), "%s/ok.png", dir);
	snprintf(bad, sizeof(bad), "%s/no-such-dir/x", dir);
	for (i = 0; i < 10; i++) {
		err[0] = '\0';
		switch (i) {
		case 0:
			r = draw(&dev_png, d, 0, 50, bad, err, sizeof(err));
			break;
		case 1:
			r = draw(&dev_svg, d, 0, 50, bad, err, sizeof(err));
			break;
		case 2:
			r = draw(&dev_ps, d, 0, 0, bad, err, sizeof(err));
			break;
		case 3:
			r = contact_layout(d, 24, &sheet, err, sizeof(err));
			if (r == 0)
				r = render_doc(&dev_contact, d, &sheet_opts, 0,
				    bad, err, sizeof(err));
			break;
		case 4:
			r = draw(&dev_png, d, d->npages, 50, path, err,
			    sizeof(err));
			break;
		case 5:
			r = draw(&dev_png, d, 0, 0, path, err, sizeof(err));
			break;
		case 6:
			r = draw(&dev_png, d, 0, 5000, path, err, sizeof(err));
			break;
		case 7:
			r = draw(&dev_ps, empty, 0, 0, path, err, sizeof(err));
			break;
		case 8:
			/* a full disk: only the close can tell */
			r = draw(&dev_ps, d, 0, 0, "/dev/full", err,
			    sizeof(err));
			break;
		default:
			/* a font file that is not there */
			free(d->fonts[0].path);
			d->fonts[0].path = strdup("/nonexistent/font.ttf");
			r = draw(&dev_png, d, 0, 50, path, err, sizeof(err));
			break;
		}
		if (r == -1 && err[0] != '\0' && strchr(err, '\n') == NULL)
			printf("ok: %s\n", err);
		else {
			printf("FAIL: case %d returned %d (%s)\n", i, r, err);
			fails++;
		}
	}
	doc_free(empty);
	doc_free(d);
	return fails != 0;
}

int
main(int argc, char **argv)
{
	int rc = 2, key = 0, a4 = 0;

	if (argc > 2 && strcmp(argv[1], "glyphs") == 0) {
		for (;;) {
			if (argc > 2 && strcmp(argv[2], "-k") == 0)
				key = 1;
			else if (argc > 2 && strcmp(argv[2], "-a4") == 0)
				a4 = 1;
			else
				break;
			argv++;
			argc--;
		}
		if (argc == 3)
			rc = glyph_counts(key, a4, argv[2]);
	} else if (argc == 4 && strcmp(argv[1], "compare") == 0)
		rc = compare(argv[2], argv[3]);
	else if (argc == 3 && strcmp(argv[1], "ppm") == 0)
		rc = ppm(argv[2]);
	else if (argc == 4 && strcmp(argv[1], "errors") == 0)
		rc = errors(argv[2], argv[3]);
	if (rc == 2)
		fprintf(stderr, "usage: cairo_driver glyphs [-k] [-a4] SET |"
		    " compare A.png B.png | ppm A.png | errors SET DIR\n");
	cairo_debug_reset_static_data();
	return rc;
}
