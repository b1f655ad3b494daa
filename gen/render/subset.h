/*
 * subset.h - a TrueType font cut down to the characters a document draws,
 * with HarfBuzz's subsetter, for the PDF backend to embed.
 *
 * libharu embeds a whole TrueType file but for the outlines of unused
 * glyphs: for a 670 KB font that is ~150 KB to compress per face, and
 * mapping every BMP code point through a large cmap when the font is set
 * up.  A subset holding only the drawn characters makes both small.
 * Metrics are unchanged (layout keeps measuring the original file).
 */
#ifndef MIMEO_SUBSET_H
#define MIMEO_SUBSET_H

#include <stddef.h>

struct hb_face_t;

/* The subset of face index of the font at path (read from shaped if not
 * NULL: HarfBuzz's face of that file, fonts_hb_face()) holding the code
 * points below ncodes whose bit is set in used (bit cp % 8 of byte cp /
 * 8), as the bytes of a TrueType file in *data (the caller frees it) and
 * *len.
 * The glyph ids below ncodes set in glyphs (NULL: none) are kept too, so
 * a shaped glyph no character maps to can be drawn by its id: the subset
 * numbers its glyphs anew, and each of the nids face glyph ids in ids
 * that it keeps becomes its id in the subset (others stay as they are).
 * The same font and characters give the same bytes.  Returns 0, or -1
 * with err set. */
int	subset_make(const char *path, int index, struct hb_face_t *shaped,
	    const unsigned char *used,
	    const unsigned char *glyphs, unsigned int *ids, size_t nids,
	    unsigned long ncodes, char **data, size_t *len, char *err,
	    size_t errlen);

#endif
