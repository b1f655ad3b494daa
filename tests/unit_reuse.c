/*
 * unit_reuse.c - a class set's copies made from one model layout
 * (layout_refill) are the layout of the copy itself, and are made so for
 * the names that keep the fields' shape; the others are refused.
 */
#include <stdio.h>
#include <string.h>

#include "compose.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "page.h"
#include "set.h"
#include "template.h"
#include "vary.h"

#include "unit.h"

/* Nonzero if a and b hold the same pages, items, fonts and title. */
static int
docs_same(const struct doc *a, const struct doc *b)
{
	const struct item *x, *y;
	size_t p, k;

	if (a->npages != b->npages || a->nfonts != b->nfonts ||
	    strcmp(a->title, b->title) != 0)
		return 0;
	for (k = 0; k < a->nfonts; k++)
		if (strcmp(a->fonts[k].path, b->fonts[k].path) != 0 ||
		    a->fonts[k].index != b->fonts[k].index)
			return 0;
	for (p = 0; p < a->npages; p++) {
		if (a->pages[p].nitems != b->pages[p].nitems ||
		    a->pages[p].base != b->pages[p].base)
			return 0;
		for (k = 0; a->pages[p].base != 0 &&
		    k < a->pages[p].nitems; k++)
			if (a->pages[p].slot[k] != b->pages[p].slot[k] ||
			    (a->pages[p].texts[k] == NULL) !=
			    (b->pages[p].texts[k] == NULL) ||
			    (a->pages[p].texts[k] != NULL &&
			    strcmp(a->pages[p].texts[k],
			    b->pages[p].texts[k]) != 0))
				return 0;
		for (k = 0; a->pages[p].base == 0 &&
		    k < a->pages[p].nitems; k++) {
			x = &a->pages[p].items[k];
			y = &b->pages[p].items[k];
			if (x->kind != y->kind || x->x != y->x ||
			    x->y != y->y || x->x2 != y->x2 ||
			    x->y2 != y->y2 || x->w != y->w || x->h != y->h ||
			    x->font != y->font || x->size != y->size ||
			    x->width != y->width || x->color.r != y->color.r ||
			    x->fill != y->fill || x->image != y->image ||
			    x->varies != y->varies ||
			    (x->text == NULL) != (y->text == NULL) ||
			    (x->text != NULL && strcmp(x->text, y->text) != 0))
				return 0;
		}
	}
	return 1;
}

void
test_reuse(void)
{
	static const struct {
		const char	*name, *period;
		int		 rc;	/* layout_refill's answer */
	} copies[] = {
		{ "Bo Chen", "2", 0 },
		{ "Nguyễn Thị Minh Khai", "4", 0 },
		{ "Ana Ruiz", "3", 0 },		/* only the period */
		/* a line of its own: everything below moves */
		{ "Wilhelmina Anastasia Featherstonehaugh-Cholmondeley-"
		  "Marjoribanks of Upper Piddlehinton", "2", 1 },
		{ "Cy Diaz", NULL, 1 },		/* no period: one item less */
		{ "Bo \xf0\x9f\x98\x80 Chen", "2", -1 },	/* an emoji */
	};
	struct copyfor who = { "Ana Ruiz", "1" };
	struct fieldspot spot;
	struct set *s = set_load("bench/fractions12.yaml");
	struct template *t = template_load("worksheet", "en");
	struct fonts *fs = t != NULL ? fonts_open(t) : NULL;
	struct instance *in;
	struct blocks *model, *own;
	struct doc *base, *full, *d;
	char name[64];
	size_t i;
	int rc;

	if (s == NULL || fs == NULL) {
		expect(0, "reuse setup", "cannot load the bench set or fonts");
		set_free(s);
		template_free(t);
		return;
	}
	in = vary(s, 1, 0, NULL, NULL);
	model = compose(in, t, DOC_WORKSHEET, &who);
	base = layout_spot(model, t, fs, 0, s->title.s, &spot);
	expect(base != NULL && spot.ok && spot.page == 0 && spot.n > 0,
	    "reuse model", "layout_spot found no fields to refill");
	diag_capture(1);	/* the emoji's message */
	for (i = 0; base != NULL && i < sizeof(copies) / sizeof(copies[0]);
	    i++) {
		who.name = copies[i].name;
		who.period = copies[i].period;
		rc = layout_refill(base, &spot, compose_fill(model, t, &who), NULL, t,
		    fs, &d);
		snprintf(name, sizeof(name), "reuse copy %zu", i + 1);
		expect(rc == copies[i].rc && (rc == 0) == (d != NULL), name,
		    "layout_refill's answer is not the one expected");
		if (rc != 0)
			continue;
		own = compose(in, t, DOC_WORKSHEET, &who);
		full = layout(own, t, fs, 0, s->title.s);
		snprintf(name, sizeof(name), "reuse copy %zu as laid out",
		    i + 1);
		expect(full != NULL && docs_same(d, full) && !docs_same(d,
		    base), name, "the refilled copy differs from its layout");
		doc_free(full);
		blocks_free(own);
		doc_free(d);
	}
	diag_capture(0);
	diag_reset();
	doc_free(base);
	blocks_free(model);
	instance_free(in);
	fonts_free(fs);
	template_free(t);
	set_free(s);
}
