/* page.c - the display list; see page.h */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "layout_metrics.h"
#include "page.h"
#include "util.h"

/* How far back doc_append looks for a page to repeat, in copies (enough
 * for versions dealt in turn), and how many items a repeat may replace. */
#define REPEAT_COPIES	8
#define REPEAT_ITEMS	8
/* ... and how many a page of a long table may (doc_share_pages): a
 * name in each row and the page number */
#define REPEAT_ROWS	40

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
			free(d->pages[i].items != NULL ?
			    d->pages[i].items[j].text : d->pages[i].texts[j]);
		free(d->pages[i].items);
		free(d->pages[i].slot);
		free(d->pages[i].texts);
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
	doc_set_meta(d, NULL, NULL, NULL);
	footer_clear(&d->footer);
	free(d);
}

struct doc *
doc_clone(const struct doc *d)
{
	struct doc *c = doc_new(d->width, d->height);
	const struct page *from;
	struct page *p;
	size_t i, k;

	c->title = d->title != NULL ? xstrdup(d->title) : NULL;
	doc_set_meta(c, d->subject, d->keywords, d->lang);
	footer_copy(&c->footer, &d->footer);
	c->footer_widest = d->footer_widest;
	for (i = 0; i < d->npages; i++) {
		from = &d->pages[i];
		p = doc_add_page(c);
		p->nitems = p->cap = from->nitems;
		p->base = from->base;
		p->turned = from->turned;
		/* copied whole, not cleared first: a class set clones its
		 * model layout for each copy */
		if (from->base != 0) {
			p->slot = xmalloc((from->nitems ? from->nitems : 1) *
			    sizeof(*p->slot));
			p->texts = xmalloc((from->nitems ? from->nitems : 1) *
			    sizeof(*p->texts));
			memcpy(p->slot, from->slot, from->nitems *
			    sizeof(*p->slot));
			for (k = 0; k < from->nitems; k++)
				p->texts[k] = from->texts[k] != NULL ?
				    xstrdup(from->texts[k]) : NULL;
			continue;
		}
		p->items = xmalloc((from->nitems ? from->nitems : 1) *
		    sizeof(*p->items));
		memcpy(p->items, from->items, from->nitems *
		    sizeof(*p->items));
		for (k = 0; k < from->nitems; k++)
			if (p->items[k].text != NULL)
				p->items[k].text = xstrdup(p->items[k].text);
	}
	/* in d's order, so every item's font and image index holds */
	for (i = 0; i < d->nfonts; i++)
		doc_font(c, d->fonts[i].path, d->fonts[i].index);
	for (i = 0; i < d->nimages; i++)
		doc_image(c, d->images[i]);
	for (i = 0; i < d->noutline; i++)
		doc_add_outline(c, d->outline[i].title, d->outline[i].page);
	return c;
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
	it->width = ITEM_LINE_W;
	it->stroke = 1;
	return it;
}

void
page_reserve(struct page *p, size_t n)
{
	if (p->nitems + n <= p->cap)
		return;
	p->cap = p->nitems + n;
	p->items = xrealloc(p->items, p->cap * sizeof(*p->items));
}

void
doc_add_outline(struct doc *d, const char *title, size_t page)
{
	xgrow((void **)&d->outline, &d->outline_cap, d->noutline,
	    sizeof(*d->outline));
	d->outline[d->noutline].title = xstrdup(title);
	d->outline[d->noutline].page = page;
	d->noutline++;
}

/* Returns nonzero if a and b draw the same thing but for their text. */
static int
item_same_place(const struct item *a, const struct item *b)
{
	return a->kind == b->kind && a->x == b->x && a->y == b->y &&
	    a->x2 == b->x2 && a->y2 == b->y2 && a->w == b->w && a->h == b->h &&
	    a->color.r == b->color.r && a->color.g == b->color.g &&
	    a->color.b == b->color.b && a->width == b->width &&
	    a->dash == b->dash && a->fill == b->fill &&
	    a->stroke == b->stroke && a->fill_color.r == b->fill_color.r &&
	    a->fill_color.g == b->fill_color.g &&
	    a->fill_color.b == b->fill_color.b && a->font == b->font &&
	    a->size == b->size && a->image == b->image &&
	    a->glyph == b->glyph && a->gid == b->gid && a->a0 == b->a0 && a->a1 == b->a1;
}

static int
item_same_text(const struct item *a, const struct item *b)
{
	if (a->text == NULL || b->text == NULL)
		return a->text == b->text;
	return strcmp(a->text, b->text) == 0;
}

/* Makes p (fonts already dst's) a repeat of dst's page base if they differ
 * only in the text of at most most (<= REPEAT_ROWS) items.  Returns
 * nonzero if it did; p then holds only the replacing items. */
static int
page_repeat(struct doc *dst, size_t base, struct page *p, size_t most)
{
	struct page	*b = &dst->pages[base];
	size_t		 k, n = 0, diff[REPEAT_ROWS];

	if (b->base != 0 || b->nitems != p->nitems || b->turned != p->turned)
		return 0;
	for (k = 0; k < p->nitems; k++) {
		if (!item_same_place(&b->items[k], &p->items[k]))
			return 0;
		if (item_same_text(&b->items[k], &p->items[k]))
			continue;
		if (n == most)
			return 0;
		diff[n++] = k;
	}
	/* what a class set of thousands holds: only the replacing texts (the
	 * copy's items freed whole: realloc() shrinking them in place would
	 * leave a small block that splits the space the next copy needs) */
	p->slot = xcalloc(n ? n : 1, sizeof(*p->slot));
	p->texts = xcalloc(n ? n : 1, sizeof(*p->texts));
	for (k = 0; k < n; k++) {
		b->items[diff[k]].varies = 1;
		p->slot[k] = diff[k];
		p->texts[k] = p->items[diff[k]].text;
		p->items[diff[k]].text = NULL;
	}
	for (k = 0; k < p->nitems; k++)
		free(p->items[k].text);
	free(p->items);
	p->items = NULL;
	p->nitems = p->cap = n;
	p->base = base + 1;
	return 1;
}

void
doc_append(struct doc *dst, struct doc *src)
{
	size_t i, j, m, back, first = dst->npages;
	struct page *p;

	for (i = 0; i < src->npages; i++) {
		p = doc_add_page(dst);
		*p = src->pages[i];
		for (j = 0; p->items != NULL && j < p->nitems; j++)
			if (item_has_font(p->items[j].kind))
				p->items[j].font = doc_font(dst,
				    src->fonts[p->items[j].font].path,
				    src->fonts[p->items[j].font].index);
			else if (p->items[j].kind == ITEM_IMAGE)
				p->items[j].image = doc_image(dst,
				    src->images[p->items[j].image]);
		if (p->base != 0) {
			/* already a repeat of a page of src: of that page,
			 * where it now is */
			p->base += first;
			continue;
		}
		/* the same page of an earlier copy, or what it repeats */
		for (m = 1; m <= REPEAT_COPIES; m++) {
			if ((back = m * src->npages) > first)
				break;
			j = first - back + i;
			if (dst->pages[j].base != 0)
				j = dst->pages[j].base - 1;
			if (page_repeat(dst, j, p, REPEAT_ITEMS))
				break;
		}
	}
	src->npages = 0;
	for (i = 0; i < src->noutline; i++) {
		doc_add_outline(dst, src->outline[i].title,
		    first + src->outline[i].page);
		free(src->outline[i].title);
	}
	src->noutline = 0;
}

int
page_refill(struct page *p, size_t first, struct page *with)
{
	size_t k;

	if (p->base != 0 || first > p->nitems ||
	    with->nitems > p->nitems - first)
		return -1;
	for (k = 0; k < with->nitems; k++)
		if (!item_same_place(&p->items[first + k], &with->items[k]) ||
		    p->items[first + k].varies != with->items[k].varies)
			return -1;
	for (k = 0; k < with->nitems; k++) {
		free(p->items[first + k].text);
		p->items[first + k].text = with->items[k].text;
		with->items[k].text = NULL;
	}
	return 0;
}

void
page_own(struct doc *d, size_t page)
{
	struct page *p = &d->pages[page];
	struct item *items;
	size_t n = page_nitems(d, page), k;

	if (p->base == 0)
		return;
	items = xcalloc(n ? n : 1, sizeof(*items));
	for (k = 0; k < n; k++) {
		items[k] = *page_item(d, page, k);
		items[k].varies = 0;
		if (items[k].text != NULL)
			items[k].text = xstrdup(items[k].text);
	}
	for (k = 0; k < p->nitems; k++)
		free(p->texts[k]);
	free(p->texts);
	free(p->slot);
	p->texts = NULL;
	p->slot = NULL;
	p->items = items;
	p->nitems = p->cap = n;
	p->base = 0;
}

size_t
page_nitems(const struct doc *d, size_t page)
{
	const struct page *p = &d->pages[page];

	return p->base != 0 ? d->pages[p->base - 1].nitems : p->nitems;
}

const struct item *
page_item(const struct doc *d, size_t page, size_t k)
{
	const struct page *p = &d->pages[page];
	size_t i;

	static struct item made;	/* a replaced item: see page.h */

	if (p->base == 0)
		return &p->items[k];
	for (i = 0; i < p->nitems && p->slot[i] <= k; i++)
		if (p->slot[i] == k) {
			made = d->pages[p->base - 1].items[k];
			made.text = p->texts[i];
			made.varies = 0;	/* as the copy's own item */
			return &made;
		}
	return &d->pages[p->base - 1].items[k];
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

void
doc_set_meta(struct doc *d, const char *subject, const char *keywords,
    const char *lang)
{
	free(d->subject);
	free(d->keywords);
	free(d->lang);
	d->subject = subject != NULL ? xstrdup(subject) : NULL;
	d->keywords = keywords != NULL ? xstrdup(keywords) : NULL;
	d->lang = lang != NULL ? xstrdup(lang) : NULL;
}

int
arc_beziers(const struct item *it, double out[8][8])
{
	double span = it->a1 - it->a0, step, a, b, k, r = it->w;
	int n, i;

	if (span > 360)
		span = 360;
	n = (int)ceil(span / 90 - 1e-9);
	if (n < 1)
		n = 1;
	step = span / n * M_PI / 180;
	/* the control distance that makes a cubic hug a circle */
	k = 4.0 / 3 * tan(step / 4) * r;
	for (i = 0; i < n; i++) {
		a = it->a0 * M_PI / 180 + i * step;
		b = a + step;
		/* y grows downward: counterclockwise on paper is -sin */
		out[i][0] = it->x + r * cos(a);
		out[i][1] = it->y - r * sin(a);
		out[i][2] = out[i][0] - k * sin(a);
		out[i][3] = out[i][1] - k * cos(a);
		out[i][6] = it->x + r * cos(b);
		out[i][7] = it->y - r * sin(b);
		out[i][4] = out[i][6] + k * sin(b);
		out[i][5] = out[i][7] + k * cos(b);
	}
	return n;
}

void
doc_share_pages(struct doc *d)
{
	size_t i, base;

	for (i = 1; i < d->npages; i++) {
		if (d->pages[i].base != 0)
			continue;
		base = d->pages[i - 1].base != 0 ? d->pages[i - 1].base - 1 :
		    i - 1;
		page_repeat(d, base, &d->pages[i], REPEAT_ROWS);
	}
}
