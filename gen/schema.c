/* schema.c - typed reading of marked YAML nodes; see schema.h */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schema.h"
#include "util.h"

int
sc_is_null(const struct node *n)
{
	if (n == NULL)
		return 1;
	if (n->kind != NODE_SCALAR || !n->plain)
		return 0;
	return n->value[0] == '\0' || strcmp(n->value, "~") == 0 ||
	    strcasecmp(n->value, "null") == 0;
}

/* Levenshtein distance, capped: we only care about small ones. */
static size_t
sc_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64], prev, tmp;

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			row[j] = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (tmp + 1 < row[j])
				row[j] = tmp + 1;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *
sc_suggest(const char *w, const char *const *list)
{
	const char *best = NULL;
	size_t d, bestd = 99, lim;

	lim = strlen(w) <= 4 ? 1 : strlen(w) <= 8 ? 2 : 3;
	for (; *list != NULL; list++) {
		d = sc_distance(w, *list);
		if (d < bestd) {
			bestd = d;
			best = *list;
		}
	}
	return bestd <= lim ? best : NULL;
}

int
sc_check_keys(const struct node *map, const char *const *allowed,
    const char *what)
{
	size_t i;
	int bad = 0;
	const char *const *a;
	const char *hint;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		const struct node *k = map->kids[i];

		for (a = allowed; *a != NULL; a++)
			if (strcmp(*a, k->value) == 0)
				break;
		if (*a != NULL)
			continue;
		bad++;
		if ((hint = sc_suggest(k->value, allowed)) != NULL)
			diag_error(&k->mark, "%s: unknown key \"%s\" (did you "
			    "mean \"%s\"?)", what, k->value, hint);
		else
			diag_error(&k->mark, "%s: unknown key \"%s\"", what,
			    k->value);
	}
	return bad;
}

/* Report that n is the wrong kind of node for what; a value that YAML read
 * as a mapping because it starts with '{' gets the quoting explained. */
static int
sc_wrong(const struct node *n, const char *what, const char *want)
{
	if (n->kind == NODE_MAP && want[0] == 't')
		diag_error(&n->mark, "%s must be text, but YAML read a "
		    "mapping here; text that starts with '{' (like {a}) or "
		    "holds ': ' must be put in quotes", what);
	else if (n->kind == NODE_SEQ && want[0] == 't')
		diag_error(&n->mark, "%s must be text, but YAML read a list "
		    "here; text that starts with '[' must be put in quotes",
		    what);
	else
		diag_error(&n->mark, "%s must be %s, not %s", what, want,
		    node_kind_name(n));
	return -1;
}

int
sc_text(const struct node *n, const char *what, struct text *t)
{
	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "text");
	t->s = xstrdup(n->value);
	t->mark = n->mark;
	return 0;
}

int
sc_textlist(const struct node *n, const char *what, struct textlist *l)
{
	size_t i;
	int rc = 0;

	if (n->kind != NODE_SEQ) {
		diag_error(&n->mark, "%s must be a list, like [first, second] "
		    "or lines starting with '- '", what);
		return -1;
	}
	l->v = xcalloc(n->nkids, sizeof(*l->v));
	l->n = 0;
	for (i = 0; i < n->nkids; i++) {
		char *w = xasprintf("item %zu of %s", i + 1, what);

		if (sc_text(n->kids[i], w, &l->v[l->n]) == 0)
			l->n++;
		else
			rc = -1;
		free(w);
	}
	return rc;
}

int
sc_string(const struct node *n, const char *what, char **s)
{
	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "text");
	*s = xstrdup(n->value);
	return 0;
}

int
sc_number(const struct node *n, const char *what, double lo, double hi,
    double *v)
{
	char *end;
	double d;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a number");
	errno = 0;
	d = strtod(n->value, &end);
	if (end == n->value || *end != '\0' || errno != 0 || !isfinite(d)) {
		diag_error(&n->mark, "%s must be a number, not \"%s\"", what,
		    n->value);
		return -1;
	}
	if (d < lo || d > hi) {
		diag_error(&n->mark, "%s must be between %g and %g, not %s",
		    what, lo, hi, n->value);
		return -1;
	}
	*v = d;
	return 0;
}

int
sc_int(const struct node *n, const char *what, long lo, long hi, long *v)
{
	char *end;
	long l;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a whole number");
	errno = 0;
	l = strtol(n->value, &end, 10);
	if (end == n->value || *end != '\0' || errno != 0) {
		diag_error(&n->mark, "%s must be a whole number, not \"%s\"",
		    what, n->value);
		return -1;
	}
	if (l < lo || l > hi) {
		diag_error(&n->mark, "%s must be from %ld to %ld, not %ld",
		    what, lo, hi, l);
		return -1;
	}
	*v = l;
	return 0;
}

int
sc_bool(const struct node *n, const char *what, int *v)
{
	static const char *const words[] = { "false", "true", "no", "yes",
	    "off", "on", NULL };
	int i;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "true or false");
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(n->value, words[i]) == 0) {
			*v = i % 2;
			return 0;
		}
	diag_error(&n->mark, "%s must be true or false, not \"%s\"", what,
	    n->value);
	return -1;
}

int
sc_length(const struct node *n, const char *what, int allow_lines,
    double *pt, int *lines)
{
	static const struct {
		const char *unit;
		double pt;
	} units[] = { { "cm", 72 / 2.54 }, { "mm", 72 / 25.4 },
	    { "in", 72 }, { "pt", 1 } };
	char *end;
	double d;
	size_t i;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a length");
	errno = 0;
	d = strtod(n->value, &end);
	if (end == n->value || errno != 0 || !isfinite(d) || d < 0)
		goto bad;
	while (*end == ' ')
		end++;
	*lines = 0;
	if (allow_lines && (strcmp(end, "lines") == 0 ||
	    strcmp(end, "line") == 0)) {
		if (d != floor(d) || d < 1 || d > 60)
			goto bad;
		*lines = (int)d;
		*pt = 0;
		return 0;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(end, units[i].unit) == 0) {
			*pt = d * units[i].pt;
			if (*pt > 2000)
				goto bad;
			return 0;
		}
bad:
	diag_error(&n->mark, "%s: \"%s\" is not a length; write it like "
	    "3cm, 1.5in, 40mm or 72pt%s", what, n->value,
	    allow_lines ? ", or 4 lines" : "");
	return -1;
}

int
sc_enum(const struct node *n, const char *what, const char *const *words,
    int *v)
{
	int i;
	char *all;
	size_t len = 0;

	if (n->kind == NODE_SCALAR)
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(n->value, words[i]) == 0) {
				*v = i;
				return 0;
			}
	for (i = 0; words[i] != NULL; i++)
		len += strlen(words[i]) + 2;
	all = xcalloc(1, len + 1);
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			strcat(all, words[i + 1] ? ", " : " or ");
		strcat(all, words[i]);
	}
	if (n->kind == NODE_SCALAR)
		diag_error(&n->mark, "%s must be %s, not \"%s\"", what, all,
		    n->value);
	else
		diag_error(&n->mark, "%s must be %s, not %s", what, all,
		    node_kind_name(n));
	free(all);
	return -1;
}

void
text_free(struct text *t)
{
	free(t->s);
	t->s = NULL;
}

void
textlist_free(struct textlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
