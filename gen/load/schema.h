/*
 * schema.h - typed reading of marked YAML nodes, shared by the problem-set,
 * template and label loaders.  Each reader reports a positioned error and
 * returns -1 when the node is not what it should be; 0 on success.  Strings
 * they return are freshly allocated and owned by the caller.
 *
 * Messages go through sc_error().  Between sc_collect() and sc_flush() they
 * are held and then printed sorted by position, so that a file's mistakes
 * read top to bottom whatever order the checks ran in; sc_prefix() names
 * what is being read ("problem 3") at the start of every message.  Outside
 * sc_collect() messages are printed at once, without a prefix unless one is
 * set.
 */
#ifndef MIMEO_SCHEMA_H
#define MIMEO_SCHEMA_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* The most characters one text (a prompt, a choice, a title...) may hold. */
#define SC_MAX_TEXT	10000

/* Text as the teacher wrote it, with where it was written. */
struct text {
	char		*s;		/* NULL when absent */
	struct mark	 mark;
	enum node_style	 style;		/* how the scalar was written */
	char		*src;		/* its source (node.h), owned; may be
					 * NULL: then messages point at mark */
};

struct textlist {
	struct text	*v;
	size_t		 n;
};

/* Start holding messages; sc_flush() prints them in file order (stable
 * for messages at the same place) and stops holding. */
void	sc_collect(void);
/* Errors so far, held by sc_collect() or already reported. */
size_t	sc_count(void);
void	sc_flush(void);
/* "problem 3": printed as "problem 3: " before each message; NULL: none.
 * The string is copied. */
void	sc_prefix(const char *);
/* An error at m, with the prefix, held or printed (see above). */
void	sc_error(const struct mark *m, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* 1 when the node is YAML null: absent, empty, ~ or null unquoted. */
int	sc_is_null(const struct node *);
/* 1 when the node is text with nothing but spaces and line ends in it
 * (including null). */
int	sc_is_blank(const struct node *);
/* Report that n (null or blank) is empty where what must be given; hint
 * says what to write.  When a comment follows on the line ("prompt: #1
 * is"), says that YAML read it as a comment. */
void	sc_empty(const struct node *n, const char *what, const char *hint);
/* Check every key of map against the NULL-terminated list allowed; report
 * each unknown one, with a "did you mean" hint or the list of keys.  what
 * names the map ("the template"), or NULL to rely on the prefix.  Returns
 * the number of unknown keys. */
int	sc_check_keys(const struct node *map, const char *const *allowed,
	    const char *what);
/* 1 when map has an unknown key (not in allowed) that looks like a typo of
 * key: "promt" for "prompt".  Used to leave out "no prompt" after "did you
 * mean prompt?". */
int	sc_misspelled(const struct node *map, const char *key,
	    const char *const *allowed);
/* Closest word to w in list (NULL-terminated) within a small edit
 * distance, or that w starts with; NULL if none. */
const char *sc_suggest(const char *w, const char *const *list);

int	sc_text(const struct node *, const char *what, struct text *);
int	sc_textlist(const struct node *, const char *what, struct textlist *);
int	sc_string(const struct node *, const char *what, char **);
int	sc_int(const struct node *, const char *what, long lo, long hi, long *);
/* sc_int() whose range message ends with why ("40 lines fill a page"),
 * the reason for the limit; NULL for none. */
int	sc_int_why(const struct node *, const char *what, long lo, long hi,
	    const char *why, long *);
/* Bytes of the plain decimal number at s ("-1.5", "2", ".5"; never
 * "1e3", "0x10", "nan"); 0 when s does not start with one. */
size_t	sc_decimal_len(const char *s);
int	sc_number(const struct node *, const char *what, double lo, double hi,
	    double *);
int	sc_bool(const struct node *, const char *what, int *);
/* A length: "3cm", "1.5in", "40mm", "72pt" (a space before the unit and
 * capitals are fine); with lines allowed also "N lines" (then *lines = N
 * and *pt = 0). */
int	sc_length(const struct node *, const char *what, int allow_lines,
	    double *pt, int *lines);
/* One of the NULL-terminated words, case-insensitive: its index. */
int	sc_enum(const struct node *, const char *what,
	    const char *const *words, int *);

/* The words joined as "a, b, c" then last (" and " or " or ") before the
 * final word; a fresh string the caller frees. */
char	*sc_join(const char *const *words, const char *last);

/* The line and column in the file of byte off of t->s.  Exact for plain,
 * single-quoted and block (| and >) scalars, and for double-quoted ones
 * whose escapes are \" \\ \/ or line ends; otherwise (a \n, \t or \x
 * escape before off, or a text that is not the file's, such as one with
 * variables filled in) it is t->mark, where the text starts. */
void	text_mark_at(const struct text *t, size_t off, struct mark *m);

void	text_free(struct text *);
void	textlist_free(struct textlist *);

#endif
