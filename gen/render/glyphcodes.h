/*
 * glyphcodes.h - the codes a PDF font draws shaped glyphs with.
 *
 * The PDF backend draws characters in a Unicode font whose codes are
 * their code points (render_pdf.c).  A shaped glyph (item.glyph: a
 * ligature, a conjunct) has no code point of its own, so it gets a code
 * the font draws no character with, and the font's CIDToGIDMap points
 * that code at the glyph while its ToUnicode CMap maps it to the
 * characters the glyph stands for (see GCODE_BLANK).  A glyph that
 * stands for different characters in different places (a half form in
 * two conjuncts) gets a code for each, so each reads back as it should.
 * Codes are the lowest the font's characters leave free from U+0100 up
 * (skipping the surrogates), so the font's CIDToGIDMap, two bytes for
 * every code up to the highest, stays short (from the private use area
 * up it was 114 KB for a Latin ligature): a font can draw as many
 * glyphs as it has (a CJK font's 65,000 ids), up to some 60,000
 * different glyph-and-text pairs in one document.
 */
#ifndef MIMEO_GLYPHCODES_H
#define MIMEO_GLYPHCODES_H

#include <stddef.h>

/* The gid of a code that draws nothing and does not advance: a glyph
 * that stands for several characters (a ligature "fi") is drawn as its
 * code for the first ("f") and then such a code for each other ("i"),
 * so every code reads back as one character: Ghostscript 10.0 reads a
 * code mapped to several characters with their bytes swapped. */
#define GCODE_BLANK	0x10000u
/* The gid of a pair that is a character drawn by its own glyph (the
 * font's cmap gives it): a font that draws shaped glyphs gives its
 * characters from U+0100 up codes too, after the glyphs', so its
 * CIDToGIDMap ends a few codes past U+0100 instead of at its highest
 * character (U+2212 MINUS SIGN in a Latin worksheet: 17 KB to
 * compress). */
#define GCODE_CHAR	0x10001u

struct gcode {
	unsigned int	 gid;		/* the glyph's id in the face */
	char		*text;		/* the characters it stands for, owned */
	unsigned long	 code;		/* its code (gcodes_assign()) */
};

/* A font's pairs of glyph and text, in the order first added. */
struct gcodes {
	struct gcode	*v;
	size_t		 n, cap;
	size_t		*slot;		/* hash: 1 + index into v, 0 empty */
	size_t		 nslot;
};

/* Adds the pair (gid, text) if new. */
void			 gcodes_add(struct gcodes *, unsigned int gid,
			    const char *text);
/* Gives each pair, in order, the next code below ncodes whose bit is
 * clear in chars (bit cp % 8 of byte cp / 8: the characters the font
 * draws), in the order glyphcodes.c gives them (U+0100 up, skipping the
 * surrogates);
 * sets the codes' bits in codes.  Returns 0, or -1 when there are more
 * pairs than free codes. */
int			 gcodes_assign(struct gcodes *,
			    const unsigned char *chars, unsigned char *codes,
			    unsigned long ncodes);
/* The pair (gid, text), or NULL. */
const struct gcode	*gcodes_find(const struct gcodes *, unsigned int gid,
			    const char *text);
void			 gcodes_free(struct gcodes *);

#endif
