/*
 * amath.h - the AsciiMath subset of SPEC section 3 "Text", between
 * backticks: parsed into a tree (amath_parse.c); amath_layout.h lays the
 * tree out as boxes.
 *
 * math_parse() reads the span as written (backslash escapes included) and
 * returns a tree, or NULL with the byte offset and wording of the first
 * mistake, so the caller can point at the exact column.
 *
 * What a span means (as AsciiMath does): 3/5 a stacked fraction, 1 1/2 a
 * mixed number, x^2 and x_1 raised and lowered, sqrt(x) a root with a bar
 * over it; parentheses around the two sides of /, after ^ and _ and after
 * sqrt only group and do not print; xx -: +- != <= >= pi deg print as
 * x ÷ ± ≠ ≤ ≥ π °; "quoted words" print as they are.
 *
 * math_linear() reads the tree back as one line of text, which the PDF
 * gives text extraction in place of the drawn glyphs (README "Math"):
 * the printed symbols (× ÷ − ≤ π ...) in AsciiMath's linear shapes, a/b,
 * x^2, x_1, √(x), with parentheses put back around any side of /, ^ and _
 * that is more than a number, a word or a bracket, and always after √:
 * "3/5", "2 3/4", "(x+1)/(2y)", "x^(n+1)", "√(16)".  Operators and
 * relations are spaced in the span's own row ("3 × 4 = 12") and tight
 * inside a fraction, a script or a root; a fraction is set off by a space
 * from a number, letter or group beside it (the mixed number "2 3/4").
 */
#ifndef MIMEO_AMATH_H
#define MIMEO_AMATH_H

#include <stddef.h>

enum mkind {
	M_ROW,		/* kids side by side */
	M_ATOM,		/* characters: a number, letters, an operator */
	M_FRAC,		/* kid[0] over kid[1] */
	M_SCRIPT,	/* kid[0] the base, kid[1] lowered or NULL, kid[2]
			 * raised or NULL */
	M_SQRT,		/* kid[0] under a radical */
	M_FENCE		/* kid[0] between the brackets open and close */
};

/* How an atom is spaced from its neighbours (as TeX spaces them). */
enum mclass {
	MC_ORD,		/* numbers, letters, ° % ! */
	MC_BIN,		/* + - × ÷ ± · : a space each side, unless unary */
	MC_REL,		/* = < > ≤ ≥ ≠ ≈ : a wider space each side */
	MC_PUNCT,	/* , ; : a space after */
	MC_TEXT		/* "quoted words": the spaces written around them */
};

struct mnode {
	enum mkind	 kind;
	enum mclass	 cls;		/* ATOM */
	int		 italic;	/* ATOM: a variable, set in italic */
	int		 spaced;	/* a space was written before it */
	char		*s;		/* ATOM: UTF-8 to print; FENCE: the
					 * open bracket; owned */
	char		*close;		/* FENCE: the close bracket, owned */
	struct mnode	**kid;
	size_t		 nkid, capkid;	/* kids, and room for them */
};

/* Flags of math_parse(). */
#define MP_DECIMAL_COMMA 1	/* 1,5 is one and a half (a language that
				 * writes the decimal comma, Spanish); else
				 * 1,000 is a thousand */

/* Parse s[0..n).  Returns the tree (free with math_free()), or NULL after
 * writing the offset of the mistake in s to *erroff and a message for a
 * teacher (without the file and position) into err. */
struct mnode	*math_parse(const char *s, size_t n, int flags,
		    size_t *erroff, char *err, size_t errlen);
void		 math_free(struct mnode *);
/* The tree as one line of UTF-8 text, as described above, for the caller
 * to free; NULL only when out of memory. */
char		*math_linear(const struct mnode *);

/* Reading a row as it is spaced, for the linear text and the boxes
 * alike: the class of kid i after a kid of class prev (a sign at the
 * start, after an operator or after an opening bar |-3| is unary, spaced
 * as a number is); whether kid i keeps the space written before it
 * ("words" and units, 5 cm); whether kid i is the fraction of a mixed
 * number (1 1/2).  i > 0 for the last two. */
enum mclass	 math_row_class(const struct mnode *row, size_t i,
		    enum mclass prev);
int		 math_row_word_space(const struct mnode *row, size_t i,
		    enum mclass prev, enum mclass cur);
int		 math_row_mixed(const struct mnode *row, size_t i);

#endif
