/* glyphcodes.c - codes for shaped glyphs in a PDF font; see glyphcodes.h */
#include <stdlib.h>
#include <string.h>

#include "glyphcodes.h"
#include "util.h"

static size_t
gcodes_hash(unsigned int gid, const char *text)
{
	size_t h = 2166136261u ^ gid;

	for (; *text != '\0'; text++)
		h = (h ^ (unsigned char)*text) * 16777619u;
	return h;
}

/* The slot of (gid, text): the pair's, or the empty one it would take. */
static size_t *
gcodes_slot(const struct gcodes *g, unsigned int gid, const char *text)
{
	size_t i = gcodes_hash(gid, text) & (g->nslot - 1);
	const struct gcode *c;

	for (;; i = (i + 1) & (g->nslot - 1)) {
		if (g->slot[i] == 0)
			return &g->slot[i];
		c = &g->v[g->slot[i] - 1];
		if (c->gid == gid && strcmp(c->text, text) == 0)
			return &g->slot[i];
	}
}

/* Doubles the hash table (kept at most half full) and fills it anew. */
static void
gcodes_rehash(struct gcodes *g)
{
	size_t i;

	free(g->slot);
	g->nslot = g->nslot == 0 ? 64 : g->nslot * 2;
	g->slot = xcalloc(g->nslot, sizeof(*g->slot));
	for (i = 0; i < g->n; i++)
		*gcodes_slot(g, g->v[i].gid, g->v[i].text) = i + 1;
}

void
gcodes_add(struct gcodes *g, unsigned int gid, const char *text)
{
	size_t *slot;

	if (2 * (g->n + 1) > g->nslot)
		gcodes_rehash(g);
	if (*(slot = gcodes_slot(g, gid, text)) != 0)
		return;
	xgrow((void **)&g->v, &g->cap, g->n, sizeof(*g->v));
	g->v[g->n].gid = gid;
	g->v[g->n].text = xstrdup(text);
	g->v[g->n].code = 0;
	*slot = ++g->n;
}

/* The first code from cp on that is free for a glyph (not a character
 * of chars), in the order codes are given: from U+0100 up to the
 * surrogates (which no UTF-8 holds), then the private use area and the
 * rest of the BMP after it; ncodes when none is left. */
static unsigned long
gcodes_free_code(const unsigned char *chars, unsigned long cp,
    unsigned long ncodes)
{
	for (;; cp++) {
		if (cp == 0xD800)
			cp = 0xE000;
		if (cp >= ncodes || cp >= 0xFFFE)
			return ncodes;
		if (!((chars[cp >> 3] >> (cp & 7)) & 1))
			return cp;
	}
}

int
gcodes_assign(struct gcodes *g, const unsigned char *chars,
    unsigned char *codes, unsigned long ncodes)
{
	unsigned long cp = 0x0100;
	size_t i;

	for (i = 0; i < g->n; i++) {
		if ((cp = gcodes_free_code(chars, cp, ncodes)) >= ncodes)
			return -1;
		g->v[i].code = cp;
		codes[cp >> 3] |= 1u << (cp & 7);
		cp++;
	}
	return 0;
}

const struct gcode *
gcodes_find(const struct gcodes *g, unsigned int gid, const char *text)
{
	size_t slot;

	if (g->nslot == 0 || (slot = *gcodes_slot(g, gid, text)) == 0)
		return NULL;
	return &g->v[slot - 1];
}

void
gcodes_free(struct gcodes *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->v[i].text);
	free(g->v);
	free(g->slot);
	memset(g, 0, sizeof(*g));
}
