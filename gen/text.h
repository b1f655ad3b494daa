/*
 * text.h - the inline markup of SPEC section 3 "Text": paragraphs,
 * **bold**, *italic*, `math`, \ escapes, and ___ blanks.
 *
 * rich_parse() turns one text into atoms: styled runs of characters,
 * breakable spaces, paragraph breaks, line breaks and blanks.  A blank line
 * starts a paragraph; a single line end is a space, except in a text
 * written as a YAML literal block (|), where it ends the line (a poem, an
 * address) and the spaces that start the next line stay, as spaces at the
 * start of its first run (a tab as four).  Layout measures and wraps
 * atoms; it never looks at markup.  A math span becomes one atom holding
 * its tree (amath.h).  Errors (an unclosed ** or backtick, a mistake in
 * math, {variables} that this version cannot fill) are reported where they
 * are and make rich_parse() return -1.
 */
#ifndef MIMEO_TEXT_H
#define MIMEO_TEXT_H

#include <stddef.h>

#include "amath.h"
#include "schema.h"

enum atom_kind {
	A_RUN,		/* characters in one style; never broken inside a word */
	A_SPACE,	/* a place the line may break */
	A_PARA,		/* paragraph break */
	A_BREAK,	/* a forced line break: a line end in a | text */
	A_BLANK		/* a fill-in blank (only when blanks are asked for) */
};

#define ST_BOLD		1
#define ST_ITALIC	2
#define ST_MATH		4	/* inside `...`: kept on one line */

struct atom {
	enum atom_kind	 kind;
	int		 style;		/* ST_* bits */
	char		*s;		/* A_RUN: UTF-8, owned */
	int		 blank;		/* A_BLANK: 0-based index */
	struct mnode	*math;		/* A_RUN with ST_MATH: the parsed span
					 * (s holds it as written); owned */
};

struct rich {
	struct atom	*v;
	size_t		 n, cap;
	struct mark	 mark;
	const struct text *text;	/* parsed from (rich_parse), to say
					 * where in it a character is; or
					 * NULL */
};

/* Flags of rich_parse(). */
#define RP_BLANKS	1	/* runs of three or more _ are blanks */
#define RP_QUIET	2	/* do not report (measuring a text that is
				 * reported when it is set) */
#define RP_DECIMAL_COMMA 4	/* math reads 1,5 as a number
				 * (MP_DECIMAL_COMMA) */

/* Parse t into r (zeroed by the caller).  With RP_BLANKS, runs of three or
 * more underscores become A_BLANK atoms.  Returns 0, or -1 (reported at
 * the exact line and column, with the sc_prefix() of schema.h, unless
 * RP_QUIET). */
int	rich_parse(const struct text *t, int flags, struct rich *r);
/* Parse plain words (labels, numbers) that hold no markup. */
void	rich_plain(const char *s, int style, struct rich *r);
void	rich_free(struct rich *);

#endif
