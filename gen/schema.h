/*
 * schema.h - typed reading of marked YAML nodes, shared by the problem-set,
 * template and label loaders.  Each reader reports a positioned error and
 * returns -1 when the node is not what it should be; 0 on success.  Strings
 * they return are freshly allocated and owned by the caller.
 */
#ifndef MIMEO_SCHEMA_H
#define MIMEO_SCHEMA_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* Text as the teacher wrote it, with where it was written. */
struct text {
	char		*s;		/* NULL when absent */
	struct mark	 mark;
};

struct textlist {
	struct text	*v;
	size_t		 n;
};

/* 1 when the node is YAML null: absent, empty, ~ or null unquoted. */
int	sc_is_null(const struct node *);
/* Check every key of map against the NULL-terminated list allowed; report
 * each unknown one, with a "did you mean" hint.  what names the map
 * ("problem 3", "the template").  Returns the number of unknown keys. */
int	sc_check_keys(const struct node *map, const char *const *allowed,
	    const char *what);
/* Closest word to w in list (NULL-terminated) within a small edit
 * distance, or NULL. */
const char *sc_suggest(const char *w, const char *const *list);

int	sc_text(const struct node *, const char *what, struct text *);
int	sc_textlist(const struct node *, const char *what, struct textlist *);
int	sc_string(const struct node *, const char *what, char **);
int	sc_int(const struct node *, const char *what, long lo, long hi, long *);
int	sc_number(const struct node *, const char *what, double lo, double hi,
	    double *);
int	sc_bool(const struct node *, const char *what, int *);
/* A length: "3cm", "1.5in", "40mm", "72pt"; with lines allowed also
 * "N lines" (then *lines = N and *pt = 0). */
int	sc_length(const struct node *, const char *what, int allow_lines,
	    double *pt, int *lines);
/* One of the NULL-terminated words, case-insensitive: its index. */
int	sc_enum(const struct node *, const char *what,
	    const char *const *words, int *);

void	text_free(struct text *);
void	textlist_free(struct textlist *);

#endif
