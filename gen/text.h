/*
 * text.h - the inline markup of SPEC section 3 "Text": paragraphs,
 * **bold**, *italic*, `math`, \ escapes, and ___ blanks.
 *
 * rich_parse() turns one text into atoms: styled runs of characters,
 * breakable spaces, paragraph breaks and blanks.  Layout measures and wraps
 * atoms; it never looks at markup.  Errors (an unclosed ** or backtick,
 * {variables} that this version cannot fill) are reported at the text's
 * mark and make rich_parse() return -1.
 */
#ifndef MIMEO_TEXT_H
#define MIMEO_TEXT_H

#include <stddef.h>

#include "schema.h"

enum atom_kind {
	A_RUN,		/* characters in one style; never broken inside a word */
	A_SPACE,	/* a place the line may break */
	A_PARA,		/* paragraph break */
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
};

struct rich {
	struct atom	*v;
	size_t		 n, cap;
	struct mark	 mark;
};

/* Parse t into r (zeroed by the caller).  With blanks set, runs of three or
 * more underscores become A_BLANK atoms.  Returns 0, or -1 (reported). */
int	rich_parse(const struct text *t, int blanks, struct rich *r);
/* Parse plain words (labels, numbers) that hold no markup. */
void	rich_plain(const char *s, int style, struct rich *r);
void	rich_free(struct rich *);

#endif
