/*
 * set.h - the model of a problem set (SPEC section 3), as loaded from YAML.
 *
 * set_load() checks everything that can be checked without laying out a
 * page: keys, types, answers against choices, blanks against answers.  It
 * reports every problem it finds and returns NULL if there was any.  The
 * struct set owns all its strings; set_free() releases them.
 */
#ifndef MIMEO_SET_H
#define MIMEO_SET_H

struct discussion;

#include "expr.h"
#include "field.h"
#include "paper.h"
#include "ptable.h"
#include "schema.h"

struct image;
struct figure;

enum ptype {
	P_SHORT, P_CHOICE, P_MULTI, P_TRUEFALSE, P_BLANK, P_MATCH, P_ORDER,
	P_OPEN, P_WORK, P_PARTS, P__MAX
};

/* Parts a problem in parts may have: lettered (a) to (z). */
#define PARTS_MAX	26

extern const char *const ptype_names[];

/* A variable of a problem: an inclusive integer range, or a list of
 * numbers or of words to pick from. */
struct vardef {
	char		*name;
	struct mark	 mark;
	int64_t		 lo, hi;	/* range, when nvalues == 0 */
	struct value	*values;
	size_t		 nvalues;
};

struct problem {
	enum ptype	 type;
	struct mark	 mark;		/* the problem's mapping */
	int		 number;	/* 1-based, across sections */
	int		 broken;	/* had mistakes of its own (only in
					 * set_load_draft's sets) */
	struct text	 prompt;
	double		 points;	/* < 0: not given */
	double		 space_pt;	/* work space; < 0: template default */
	int		 space_lines;	/* > 0: space given as N lines */
	struct text	 solution;
	char		*id;
	struct textlist	 choices;	/* choice, multi */
	int		 columns;	/* 0: automatic */
	unsigned	 correct;	/* choice, multi: bit i = choice i */
	int		 truth;		/* truefalse */
	struct text	 answer;	/* short, open, work */
	struct textlist	 blanks;	/* blank: one answer per ___ */
	struct textlist	 left, right;	/* match: pairs, column by column */
	struct textlist	 extra;		/* match: right-column distractors */
	struct textlist	 items;		/* order: in the correct order */
	int		 lines;		/* open: ruled lines */
	struct textlist	 rubric;	/* open */
	int		 grid;		/* work: graph paper */
	struct image	*image;		/* a reference; NULL: none */
	double		 image_w;	/* width in points; 0: see image_pct */
	double		 image_pct;	/* width in % of the text column; 0:
					 * natural size at 150 dpi */
	struct figure	*figures;	/* figure: or figures: (figure.h) */
	size_t		 nfigures;
	struct vardef	*vars;		/* drawn per version (vary.c) */
	size_t		 nvars;
	struct textlist	 where;		/* expressions every draw must meet */
	struct textlist	 feedback;	/* choice, multi: n 0, or one per
					 * choice as written (s NULL: none) */
	int		 pin_last;	/* choice, multi: the last N choices
					 * stay last when shuffled */
	struct problem	*parts;		/* parts: (a), (b) ... of any other
					 * type, sharing this problem's vars */
	size_t		 nparts;
	int		 part;		/* a part: 1 for (a), 2 for (b) ...
					 * (number is its problem's); 0 for
					 * a problem */
	struct ptable	*table;		/* printed under the prompt; NULL: none */
	struct textlist	 word_bank;	/* words boxed under the prompt */
	struct textlist	 hints;		/* in order, on cut-apart cards after
					 * the key; never on a worksheet */
	int		 bonus;		/* points not in the total */
	int		 new_page;	/* starts a new page */
};

struct section {
	struct text	 title;
	struct text	 instructions;
	struct ptable	*table;		/* after the instructions; NULL: none */
	struct textlist	 word_bank;	/* before the first problem */
	int		 new_page;	/* starts a new page */
	struct figure	*figures;	/* after the instructions (figure.h) */
	size_t		 nfigures;
	struct problem	*problems;
	size_t		 nproblems;
	int		 columns;	/* 2: its problems in two columns; 0:
					 * the set's */
};

enum shuffle { SHUFFLE_NONE, SHUFFLE_ALL, SHUFFLE_PROBLEMS, SHUFFLE_CHOICES };

struct set {
	const char	*file;		/* as given on the command line */
	struct text	 title;
	char		*subject;
	char		*grade;
	struct textlist	 tags;
	char		*language;	/* NULL: not given */
	enum paper	 paper;		/* PAPER_UNSET: not given */
	char		*template;	/* NULL: not given */
	struct text	 instructions;
	int		 fields[F__MAX];/* order of fields; -1 ends */
	int		 has_fields;
	long		 seed;
	int		 has_seed;
	enum shuffle	 shuffle;
	struct text	 notes;
	struct textlist	 word_bank;	/* before the first problem */
	int		 grade_table;	/* problems, points and a score column
					 * on the first page */
	struct section	*sections;
	size_t		 nsections;
	size_t		 nproblems;	/* across sections */
	struct discussion *discussion;	/* NULL: the set has none */
	int		 columns;	/* 2: problems in two columns; 1 */
	int		 pages;		/* > 0: the worksheet in at most this
					 * many pages (work spaces shrunk) */
	struct mark	 pages_mark;
	long		 class_size;	/* students a print list counts copies
					 * for; 0: not given (SET_CLASS) */
};

#define SET_CLASS	30	/* students when neither roster nor
				 * class_size says */
#define SET_MAX_CLASS	200

/* Returns the loaded set, or NULL when anything was wrong (reported). */
struct set	*set_load(const char *path);
/* As set_load, but a set whose YAML reads is returned even with mistakes
 * (reported), *bad set and each problem with mistakes of its own marked
 * broken: the others can still be drawn, so that a draw that cannot meet
 * its "where" is said in the same run as a misspelled key. */
struct set	*set_load_draft(const char *path, int *bad);
/* set_load_draft() of the tree root already read from path (owned: freed
 * here), so that its messages are not said twice. */
struct set	*set_from_tree(const char *path, struct node *root, int *bad);
void		 set_free(struct set *);
/* Call fn on every text of a problem (prompt, choices, answers, blanks,
 * pairs, items, rubric, solution, table, word bank, hints, figures'
 * numbers and labels), in a fixed order; not its parts' (each part is a
 * problem of its own for this). */
void		 problem_texts(struct problem *,
		    void (*fn)(struct text *, void *), void *arg);
/* The variables of a problem as a scope for checking (values unset);
 * v holds at least p->nvars entries. */
void		 problem_scope(const struct problem *, struct var *v,
		    struct scope *);
/* Number of "___" blanks (3 or more underscores, unescaped) in s. */
size_t		 set_count_blanks(const char *s);

#endif
