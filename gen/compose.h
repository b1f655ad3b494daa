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
	BK_END,		/* closes a problem */
	/* substitute packets (compose_packet.c, layout_packet.c) */
	BK_INFO,	/* label: a short gray line, centred */
	BK_BULLET,	/* text (or label): an item of a list, after a bullet */
	BK_STEP,	/* a plan step kept whole: tick box, label (its time),
			 * text (what to do), aside (what to read aloud) */
	BK_ROW,		/* a table row of cells[]; key: the header row */
	BK_WRITE	/* label, then n ruled lines to write on (a form) */
};

struct block {
	enum block_kind	 kind;
	const struct text *text;	/* borrowed; TITLE, HEADING: when NULL,
					 * label is printed instead */
	const struct text *aside;	/* STEP: read aloud; borrowed */
	char		*cells[3];	/* ROW: owned */
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

struct packet;

/* One line of a packet's print list. */
struct printitem {
	const char	*what;		/* "Answer Key: Fractions"; borrowed */
	size_t		 first, last;	/* pages of the packet, 1-based */
	long		 copies;	/* 0: as many as needed */
};

/* Who a copy is for: printed in the name and period fields. */
struct copyfor {
	const char	*name;		/* NULL: an unnamed copy */
	const char	*period;	/* NULL: not given */
};

/* Compose the blocks of a document; who may be NULL.  Never fails. */
struct blocks	*compose(const struct instance *, const struct template *,
		    enum doc_kind, const struct copyfor *who);
void		 blocks_free(struct blocks *);
/* Append a zeroed block of kind k; valid until the next push. */
struct block	*blocks_push(struct blocks *, enum block_kind k);

/* A packet's pages of its own (compose_packet.c).  The cover: title, the
 * notes for the substitute, the print list of items[0..n), the plan as a
 * timed checklist with read-aloud boxes.  Never fail. */
struct blocks	*compose_cover(const struct packet *, const struct template *,
		    const struct printitem *items, size_t n);
/* The student page for early finishers (the packet has early_finishers). */
struct blocks	*compose_early(const struct packet *, const struct template *);
/* The substitute's report form, with lines to write on. */
struct blocks	*compose_report(const struct packet *,
		    const struct template *);

#endif
