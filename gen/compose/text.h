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
	int		 wrong;		/* from rtexts_get(): a mistake was
					 * said; the atoms are those before
					 * it */
	int		*font_said;	/* from rtexts_get(): set once a
					 * character of it that no font can
					 * print, or math too wide, has been
					 * said (layout says a text's first
					 * such mistake once); else NULL */
};

/* Flags of rich_parse(). */
#define RP_BLANKS	1	/* runs of three or more _ are blanks */
#define RP_DERIVED	8	/* a copy made of texts that say their own
				 * mistakes (an answer in the key's table
				 * at a glance): none said of it */
#define RP_DECIMAL_COMMA 4	/* math reads 1,5 as a number
				 * (MP_DECIMAL_COMMA) */

/* Parse t into r (zeroed by the caller).  With RP_BLANKS, runs of three or
 * more underscores become A_BLANK atoms.  Returns 0, or -1 (reported at
 * the exact line and column, with the sc_prefix() of schema.h). */
int	rich_parse(const struct text *t, int flags, struct rich *r);
/* Parse plain words (labels, numbers) that hold no markup. */
void	rich_plain(const char *s, int style, struct rich *r);
void	rich_free(struct rich *);

/*
 * The parsed texts of a build: each text is parsed once, the first time
 * it is asked for, and its mistakes said then, at its marks; a text laid
 * out again (measured, then drawn; in the worksheet, then the key; in
 * another version with the same words) gets the same parse.  Texts are
 * known by where they were written and what they say, not by address: a
 * version's copy of a problem's text is the same text, and layout's own
 * (a figure's label) may live on the stack.
 */
struct rtexts;

/* An empty store; rtexts_free() frees every parse it gave out. */
struct rtexts	*rtexts_new(void);
void		 rtexts_free(struct rtexts *);
/* 1 the first time it is asked of m: a mistake of layout at m that is
 * not of a text's characters (a picture, table or figure too wide, a
 * problem too tall) is said once, though the worksheet and the key lay the
 * same thing out; 0 after.  m may be NULL (then 1). */
int		 rtexts_first_at(struct rtexts *, const struct mark *m);
/* t parsed with flags (RP_*); wrong set when it is (said when first
 * asked).  Never NULL.  The parse lives as long as the store; its text is the store's
 * copy of t.  t->s must not be NULL. */
const struct rich *rtexts_get(struct rtexts *, const struct text *t,
		    int flags);

#endif
