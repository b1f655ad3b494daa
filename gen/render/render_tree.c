/*
 * render_tree.c - the display list as text, one item a line.
 *
 * What layout decided, read without a PDF reader: golden files in
 * tests/regress/ are diffed against it, so a layout change is a
 * reviewable diff of positions and texts (lowdown's and mandoc's
 * `make regress`).  Repeats are resolved (each page lists everything it
 * draws); coordinates are points from the top-left corner, two decimals;
 * fonts are named by file name only, so the dump does not depend on where
 * a machine keeps its fonts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "page.h"
#include "render.h"
#include "util.h"

static const char *const tree_kinds[] = { "text", "line", "rect", "circle",
	"image", "arc", "span", "end" };

/* The last part of a path. */
static const char *
tree_base(const char *path)
{
	const char *s = strrchr(path, '/');

	return s != NULL ? s + 1 : path;
}

/* Writes s as a C string: quotes, with \" \\ and \n escaped. */
static void
tree_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		if (*s == '\n')
			fputs("\\n", fp);
		else
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
tree_color(FILE *fp, const char *name, const struct color *c)
{
	if (c->r != 0 || c->g != 0 || c->b != 0)
		fprintf(fp, " %s=%.2f,%.2f,%.2f", name, c->r, c->g, c->b);
}

/* One item: its kind, where it is, and what of it is drawn. */
static void
tree_item(FILE *fp, const struct item *it)
{
	fprintf(fp, "  %s %.2f %.2f", tree_kinds[it->kind], it->x, it->y);
	switch (it->kind) {
	case ITEM_TEXT:
	case ITEM_SPAN:
		fprintf(fp, " f%d %.2f ", it->font, it->size);
		if (it->glyph)		/* a shaped glyph, then its text */
			fprintf(fp, "glyph%u ", it->gid);
		tree_string(fp, it->text != NULL ? it->text : "");
		tree_color(fp, "color", &it->color);
		break;
	case ITEM_SPAN_END:
		fprintf(fp, " f%d %.2f", it->font, it->size);
		break;
	case ITEM_LINE:
		fprintf(fp, " to %.2f %.2f w%.2f", it->x2, it->y2, it->width);
		break;
	case ITEM_RECT:
	case ITEM_CIRCLE:
	case ITEM_ARC:
	case ITEM_IMAGE:
		if (it->kind == ITEM_ARC)
			fprintf(fp, " r%.2f %.2f..%.2f", it->w, it->a0, it->a1);
		else if (it->kind == ITEM_CIRCLE)
			fprintf(fp, " r%.2f", it->w);
		else
			fprintf(fp, " %.2fx%.2f", it->w, it->h);
		if (it->kind == ITEM_IMAGE) {
			fprintf(fp, " image%d", it->image);
			break;
		}
		if (it->stroke)
			fprintf(fp, " w%.2f", it->width);
		if (it->fill) {
			fprintf(fp, " fill=%.2f,%.2f,%.2f", it->fill_color.r,
			    it->fill_color.g, it->fill_color.b);
		}
		break;
	}
	if (it->kind == ITEM_LINE || it->kind == ITEM_RECT ||
	    it->kind == ITEM_CIRCLE || it->kind == ITEM_ARC) {
		tree_color(fp, "color", &it->color);
		if (it->dash != 0)
			fprintf(fp, " dash%d", it->dash);
	}
	fputc('\n', fp);
}

/* The tree device of render.h: the text is made in memory, head first,
 * then a page at a time, and written by finish(). */
struct tree_dev {
	const struct doc *d;
	FILE		*fp;		/* onto text */
	char		*text;
	size_t		 len;
	char		*err;
	size_t		 errlen;
};

static void
tree_free(void *arg)
{
	struct tree_dev *dv = arg;

	if (dv->fp != NULL)
		fclose(dv->fp);
	free(dv->text);
	free(dv);
}

/* The doc's size, title, fonts, pictures and outline. */
static void *
tree_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct tree_dev *dv = xcalloc(1, sizeof(*dv));
	FILE *fp;
	size_t i;

	(void)o;
	dv->d = d;
	dv->err = err;
	dv->errlen = errlen;
	if ((fp = dv->fp = open_memstream(&dv->text, &dv->len)) == NULL) {
		errfmt(err, errlen, "cannot make the text: %s",
		    strerror(errno));
		tree_free(dv);
		return NULL;
	}
	fprintf(fp, "doc %.2fx%.2f pages %zu\n", d->width, d->height,
	    d->npages);
	if (d->title != NULL) {
		fputs("title ", fp);
		tree_string(fp, d->title);
		fputc('\n', fp);
	}
	for (i = 0; i < d->nfonts; i++)
		fprintf(fp, "font f%zu %s %d\n", i, tree_base(d->fonts[i].path),
		    d->fonts[i].index);
	for (i = 0; i < d->nimages; i++)
		fprintf(fp, "image%zu %dx%d\n", i, d->images[i]->w,
		    d->images[i]->h);
	for (i = 0; i < d->noutline; i++) {
		fprintf(fp, "outline p%zu ", d->outline[i].page + 1);
		tree_string(fp, d->outline[i].title);
		fputc('\n', fp);
	}
	return dv;
}

static int
tree_page(void *arg, size_t p)
{
	struct tree_dev *dv = arg;
	size_t k, n = page_nitems(dv->d, p);

	fprintf(dv->fp, dv->d->pages[p].turned ? "page %zu turned\n" :
	    "page %zu\n", p + 1);
	for (k = 0; k < n; k++)
		tree_item(dv->fp, page_item(dv->d, p, k));
	return 0;
}

static int
tree_finish(void *arg, const char *path)
{
	struct tree_dev *dv = arg;
	FILE *fp;
	int bad;

	bad = fclose(dv->fp) != 0;
	dv->fp = NULL;
	if (bad)
		return errfmt(dv->err, dv->errlen, "cannot make the text: %s",
		    strerror(errno));
	if ((fp = fopen(path, "w")) == NULL)
		return errfmt(dv->err, dv->errlen, "cannot write %s: %s", path,
		    strerror(errno));
	bad = fwrite(dv->text, 1, dv->len, fp) != dv->len;
	if ((fclose(fp) != 0) | bad)
		return errfmt(dv->err, dv->errlen, "cannot write %s: %s", path,
		    strerror(errno != 0 ? errno : EIO));
	return 0;
}

const struct device dev_tree = { "tree", 0, tree_new, tree_page,
	tree_finish, tree_free };
