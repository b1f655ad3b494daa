/* page.c - the display list; see page.h */
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "page.h"
#include "util.h"

struct doc *
doc_new(double width, double height)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->width = width;
	d->height = height;
	return d;
}

void
doc_free(struct doc *d)
{
	size_t i, j;

	if (d == NULL)
		return;
	for (i = 0; i < d->npages; i++) {
		for (j = 0; j < d->pages[i].nitems; j++)
			free(d->pages[i].items[j].text);
		free(d->pages[i].items);
	}
	for (i = 0; i < d->nfonts; i++)
		free(d->fonts[i].path);
	for (i = 0; i < d->noutline; i++)
		free(d->outline[i].title);
	for (i = 0; i < d->nimages; i++)
		image_unref(d->images[i]);
	free(d->images);
	free(d->pages);
	free(d->fonts);
	free(d->outline);
	free(d->title);
	free(d);
}

struct page *
doc_add_page(struct doc *d)
{
	xgrow((void **)&d->pages, &d->cap, d->npages, sizeof(*d->pages));
	memset(&d->pages[d->npages], 0, sizeof(*d->pages));
	return &d->pages[d->npages++];
}

int
doc_font(struct doc *d, const char *path, int index)
{
	size_t i;

	for (i = 0; i < d->nfonts; i++)
		if (d->fonts[i].index == index &&
		    strcmp(d->fonts[i].path, path) == 0)
			return (int)i;
	d->fonts = xrealloc(d->fonts, (d->nfonts + 1) * sizeof(*d->fonts));
	d->fonts[d->nfonts].path = xstrdup(path);
	d->fonts[d->nfonts].index = index;
	return (int)d->nfonts++;
}

int
doc_image(struct doc *d, struct image *img)
{
	size_t i;

	for (i = 0; i < d->nimages; i++)
		if (d->images[i] == img)
			return (int)i;
	d->images = xrealloc(d->images, (d->nimages + 1) * sizeof(*d->images));
	d->images[d->nimages] = image_ref(img);
	return (int)d->nimages++;
}

struct item *
page_push(struct page *p, enum item_kind kind)
{
	struct item *it;

	xgrow((void **)&p->items, &p->cap, p->nitems, sizeof(*p->items));
	it = &p->items[p->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->width = 0.75;
	it->stroke = 1;
	return it;
}

void
doc_add_outline(struct doc *d, const char *title, size_t page)
{
	d->outline = xrealloc(d->outline,
	    (d->noutline + 1) * sizeof(*d->outline));
	d->outline[d->noutline].title = xstrdup(title);
	d->outline[d->noutline].page = page;
	d->noutline++;
}

void
doc_append(struct doc *dst, struct doc *src)
{
	size_t i, j, first = dst->npages;
	struct page *p;

	for (i = 0; i < src->npages; i++) {
		p = doc_add_page(dst);
		*p = src->pages[i];
		for (j = 0; j < p->nitems; j++)
			if (p->items[j].kind == ITEM_TEXT)
				p->items[j].font = doc_font(dst,
				    src->fonts[p->items[j].font].path,
				    src->fonts[p->items[j].font].index);
			else if (p->items[j].kind == ITEM_IMAGE)
				p->items[j].image = doc_image(dst,
				    src->images[p->items[j].image]);
	}
	src->npages = 0;
	for (i = 0; i < src->noutline; i++) {
		doc_add_outline(dst, src->outline[i].title,
		    first + src->outline[i].page);
		free(src->outline[i].title);
	}
	src->noutline = 0;
}

void
page_copy(struct page *dst, const struct page *src, double dx, double dy)
{
	size_t i;
	struct item *it;

	for (i = 0; i < src->nitems; i++) {
		it = page_push(dst, src->items[i].kind);
		*it = src->items[i];
		it->x += dx;
		it->x2 += dx;
		it->y += dy;
		it->y2 += dy;
		if (it->text != NULL)
			it->text = xstrdup(it->text);
	}
}
