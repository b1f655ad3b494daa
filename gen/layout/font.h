/*
 * font.h - fonts found by family name with fontconfig, measured with
 * FreeType, the one set of metrics layout uses for every backend.
 *
 * A font set holds, for each style, a chain of faces: the template's body
 * family first, then its fallback families.  fonts_pick() answers which face
 * of the chain has a code point, so every glyph printed exists in the font
 * that prints it.  Widths are in thousandths of an em, truncated as libharu
 * truncates its /W entries, so the PDF viewer advances exactly as we did.
 * fonts_shape() sets the text of a script whose letters combine
 * (Devanagari, Bengali) as HarfBuzz shapes it in a face: glyphs with
 * advances and offsets, unrounded.
 */
#ifndef MIMEO_FONT_H
#define MIMEO_FONT_H

#include <stddef.h>

enum fstyle { FS_REGULAR, FS_BOLD, FS_ITALIC, FS_BOLDITALIC, FS__MAX };

struct fonts;
struct template;

/* Find and open the template's families.  Returns NULL after printing why
 * (a missing family names the Debian package when we know it). */
struct fonts	*fonts_open(const struct template *);
void		 fonts_free(struct fonts *);

/* The face of style's chain that has cp, or -1 if none has it (or cp is
 * outside what the PDF backend can print: above U+FFFF). */
int		 fonts_pick(struct fonts *, enum fstyle, long cp);
/* Nonzero if face has a glyph for cp. */
int		 fonts_has(struct fonts *, int face, long cp);
/* Advance width of cp in face, in 1/1000 em. */
int		 fonts_advance(struct fonts *, int face, long cp);
/* Ascender and descender (positive, below baseline) in 1/1000 em. */
int		 fonts_ascent(struct fonts *, int face);
int		 fonts_descent(struct fonts *, int face);
/* Ink box of cp's glyph in face, 1/1000 em, y up from the baseline:
 * left, bottom, right, top (all 0 for an empty glyph such as a space). */
void		 fonts_bbox(struct fonts *, int face, long cp, int box[4]);
const char	*fonts_path(struct fonts *, int face);

/* One glyph of a shaped run: its id in the face, the byte of the run its
 * characters start at, its advance and its offset from where the advances
 * put it (x right, y up), in 1/1000 em.  nominal: the glyph is its
 * cluster's one character as the font's cmap draws it, not moved (what a
 * text item of that character draws); kern: what the shaper added to its
 * own advance (kerning before the next glyph). */
struct fglyph {
	unsigned int	 id;
	size_t		 cluster;
	double		 advance, dx, dy;
	int		 nominal;
	double		 kern;
};

/* Shape the n bytes of UTF-8 at s with HarfBuzz in face (its script and
 * direction from the text, one script; a right-to-left script's glyphs
 * come in the order they are drawn, left to right, so their clusters
 * descend), into *out
 * (allocated; the caller frees it).  Returns the number of glyphs; 0 with
 * *out NULL when the face cannot be read for shaping. */
size_t		 fonts_shape(struct fonts *, int face, const char *s,
		    size_t n, struct fglyph **out);
int		 fonts_index(struct fonts *, int face);

struct hb_face_t;
/* HarfBuzz's face of the font file at path (face index), as fonts_shape()
 * read it, while a font set is open that has shaped in it; else NULL.  A
 * new reference (hb_face_destroy() it): the PDF backend subsets the face
 * shaping read (its tables already checked and loaded) instead of
 * reading the file again. */
struct hb_face_t *fonts_hb_face(const char *path, int index);

#endif
