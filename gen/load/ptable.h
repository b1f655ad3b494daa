/*
 * ptable.h - a table a prompt carries (SPEC 8.1): on a problem, a
 * section's instructions or a discussion problem.  One of the "objects"
 * of a prompt (a figure, a table, an image), loaded here from its YAML
 * and drawn by compose/layout from a struct grid (compose.h), never from
 * this struct.
 *
 * ptable_load() reports every mistake through sc_error() and returns NULL
 * when the table cannot be used.  A struct ptable owns its strings;
 * ptable_free() releases them.  A shallow copy (ptable_dup()) shares the
 * strings until its texts are replaced (vary.c fills each one in, frees
 * the texts it filled, then the copy with ptable_dup_free()).
 */
#ifndef MIMEO_PTABLE_H
#define MIMEO_PTABLE_H

#include "schema.h"

#define PTABLE_MAX_COLS	12
#define PTABLE_MAX_ROWS	60

/* A cell: its text, or for a blank the answer printed only in the key. */
struct tcell {
	struct text	 text;
	int		 blank;		/* {blank: X}: an empty box to fill */
};

struct ptable {
	struct mark	 mark;		/* the table's mapping */
	struct text	 caption;	/* s NULL: none */
	int		 header;	/* row 0 is the header */
	int		 columns;	/* orientation: columns: the header
					 * down the left side, each written
					 * row a column */
	size_t		 nrows, ncols;	/* as written, header included */
	struct tcell	*cells;		/* nrows * ncols, row by row */
	size_t		 nblanks;
};

/* Read table: at n (its key's mark for messages about the whole).
 * Returns NULL when n is not a usable table (reported). */
struct ptable	*ptable_load(const struct node *n);
void		 ptable_free(struct ptable *);
/* A copy sharing t's strings (texts and their sources); NULL for NULL. */
struct ptable	*ptable_dup(const struct ptable *t);
/* Free a copy made by ptable_dup(), not the texts it holds. */
void		 ptable_dup_free(struct ptable *);
/* Call fn on the caption, then every cell as written (row by row). */
void		 ptable_texts(struct ptable *,
		    void (*fn)(struct text *, void *), void *arg);
/* The cell printed at row r, column c (orientation applied), and the
 * printed size. */
const struct tcell *ptable_at(const struct ptable *, size_t r, size_t c);
size_t		 ptable_prows(const struct ptable *);
size_t		 ptable_pcols(const struct ptable *);

#endif
