/*
 * compose.h - which blocks a document holds, in what order.
 *
 * A worksheet and its key differ only in the blocks compose() emits: the
 * key drops work space and adds answers, solutions and notes.  Layout walks
 * the blocks without knowing which document it is drawing (STYLE.md:
 * compose is data, not code paths).  Blocks borrow their texts from the set
 * and the template; a struct blocks owns only its array and footer.
 */
#ifndef MIMEO_COMPOSE_H
#define MIMEO_COMPOSE_H

#include "set.h"
#include "template.h"
#include "vary.h"

enum block_kind {
	BK_TITLE,	/* text: the title, centred, large and bold */
	BK_SUBTITLE,	/* label: e.g. "Answer Key", centred */
	BK_FIELDS,	/* the blanks at the top: fields[] */
	BK_TOTAL,	/* label: total points, right-aligned */
	BK_TEXT,	/* text: paragraphs (instructions, a passage) */
	BK_HEADING,	/* text: a section title, kept with what follows */
	BK_PROBLEM,	/* opens a problem kept whole: number, points, prompt */
	BK_HINT,	/* label: a short italic direction under a prompt */
	BK_SPACE,	/* h points of empty work space */
	BK_ANSWER,	/* "Answer: ____"; with key, the answer on the line */
	BK_CHOICES,	/* lettered choices; with key, the right ones marked */
	BK_TRUEFALSE,	/* True / False; with key, the right one boxed */
	BK_MATCH,	/* two columns to connect; with key, letters filled */
	BK_ORDER,	/* items with boxes to number; with key, numbers */
	BK_LINES,	/* n ruled writing lines */
	BK_BOX,		/* an empty box h high; graph paper when grid */
	BK_KEYNOTE,	/* key only: label, then text or list, shaded */
	BK_END		/* closes a problem */
};

struct block {
	enum block_kind	 kind;
	const struct text *text;	/* borrowed */
	const struct textlist *list;	/* KEYNOTE: rubric items, borrowed */
	char		*label;		/* owned */
	const struct pinst *pi;		/* problem blocks */
	double		 h;		/* SPACE, BOX */
	int		 n;		/* LINES: count */
	int		 grid;		/* BOX */
	int		 key;		/* show answers */
	int		 fields[F__MAX];/* FIELDS; -1 ends */
	const char	*filled[F__MAX];/* FIELDS: printed in the blank */
};

struct blocks {
	struct block	*v;
	size_t		 n, cap;
	char		*footer;	/* left footer text, owned */
};

enum doc_kind { DOC_WORKSHEET, DOC_KEY };

/* Who a copy is for: printed in the name and period fields. */
struct copyfor {
	const char	*name;		/* NULL: an unnamed copy */
	const char	*period;	/* NULL: not given */
};

/* Compose the blocks of a document; who may be NULL.  Never fails. */
struct blocks	*compose(const struct instance *, const struct template *,
		    enum doc_kind, const struct copyfor *who);
void		 blocks_free(struct blocks *);

#endif
