/* schema.c - typed reading of marked YAML nodes; see schema.h */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schema.h"
#include "util.h"

/* ---- messages ------------------------------------------------------- */

struct held {
	struct mark	 mark;
	int		 has_mark;
	size_t		 seq;
	char		*msg;
};

static struct held	*sc_held;
static size_t		 sc_nheld, sc_capheld;
static int		 sc_holding;
static char		*sc_pfx;

void
sc_collect(void)
{
	sc_holding = 1;
}

size_t
sc_count(void)
{
	return sc_nheld + diag_errors();
}

static int
sc_held_cmp(const void *a, const void *b)
{
	const struct held *x = a, *y = b;

	if (x->has_mark != y->has_mark)
		return x->has_mark - y->has_mark;
	if (x->mark.line != y->mark.line)
		return x->mark.line < y->mark.line ? -1 : 1;
	if (x->mark.col != y->mark.col)
		return x->mark.col < y->mark.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
sc_flush(void)
{
	size_t i;

	if (sc_nheld > 0)
		qsort(sc_held, sc_nheld, sizeof(*sc_held), sc_held_cmp);
	for (i = 0; i < sc_nheld; i++) {
		diag_error(sc_held[i].has_mark ? &sc_held[i].mark : NULL,
		    "%s", sc_held[i].msg);
		free(sc_held[i].msg);
	}
	free(sc_held);
	sc_held = NULL;
	sc_nheld = sc_capheld = 0;
	sc_holding = 0;
	sc_prefix(NULL);
}

void
sc_prefix(const char *p)
{
	free(sc_pfx);
	sc_pfx = p != NULL ? xstrdup(p) : NULL;
}

void
sc_error(const struct mark *m, const char *fmt, ...)
{
	va_list ap;
	char *body, *msg;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	body = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	va_start(ap, fmt);
	vsnprintf(body, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	va_end(ap);
	if (sc_pfx != NULL) {
		msg = xasprintf("%s: %s", sc_pfx, body);
		free(body);
	} else
		msg = body;
	if (!sc_holding) {
		diag_error(m, "%s", msg);
		free(msg);
		return;
	}
	xgrow((void **)&sc_held, &sc_capheld, sc_nheld, sizeof(*sc_held));
	memset(&sc_held[sc_nheld], 0, sizeof(*sc_held));
	if (m != NULL) {
		sc_held[sc_nheld].mark = *m;
		sc_held[sc_nheld].has_mark = 1;
	}
	sc_held[sc_nheld].seq = sc_nheld;
	sc_held[sc_nheld].msg = msg;
	sc_nheld++;
}

/* ---- small checks --------------------------------------------------- */

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

int
sc_is_blank(const struct node *n)
{
	const char *s;

	if (sc_is_null(n))
		return 1;
	if (n->kind != NODE_SCALAR)
		return 0;
	for (s = n->value; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

void
sc_empty(const struct node *n, const char *what, const char *hint)
{
	const char *c = n->kind == NODE_SCALAR ? n->comment : NULL;

	if (c != NULL)
		sc_error(&n->mark, "%s is empty, because YAML reads \" #\" and "
		    "everything after it as a comment; if that is the text, put "
		    "it in quotes: %c%s%c", what, strchr(c, '"') ? '\'' : '"', c,
		    strchr(c, '"') ? '\'' : '"');
	else
		sc_error(&n->mark, "%s is empty; %s", what, hint);
}

/* Edit distance (Levenshtein, with a swap of two neighbours counted as
 * one edit), capped: we only care about small ones. */
static size_t
sc_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64], prow1[64], prow2[64], prev, tmp;

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	memcpy(prow1, row, sizeof(row));
	memcpy(prow2, row, sizeof(row));
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
			/* two letters swapped ("tpye") count as one */
			if (i > 1 && j > 1 && tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) &&
			    prow2[j - 2] + 1 < row[j])
				row[j] = prow2[j - 2] + 1;
			prev = tmp;
		}
		memcpy(prow2, prow1, sizeof(prow1));
		memcpy(prow1, row, sizeof(row));
	}
	return row[lb];
}

const char *
sc_suggest(const char *w, const char *const *list)
{
	const char *const *l;
	const char *best = NULL;
	size_t d, bestd = 99, lim, lw = strlen(w);

	lim = lw <= 4 ? 1 : lw <= 8 ? 2 : 3;
	for (l = list; *l != NULL; l++) {
		d = sc_distance(w, *l);
		if (d < bestd) {
			bestd = d;
			best = *l;
		}
	}
	if (bestd <= lim)
		return best;
	/* "multiple" for "multi", "instruction" for "instructions" */
	for (l = list; *l != NULL; l++)
		if (strlen(*l) >= 4 && lw >= 4 &&
		    strncasecmp(w, *l, strlen(*l) < lw ? strlen(*l) : lw) == 0)
			return *l;
	return NULL;
}

static int
sc_allowed(const char *k, const char *const *allowed)
{
	for (; *allowed != NULL; allowed++)
		if (strcmp(*allowed, k) == 0)
			return 1;
	return 0;
}

char *
sc_join(const char *const *words, const char *last)
{
	size_t len = 1, i;
	char *all;

	for (i = 0; words[i] != NULL; i++)
		len += strlen(words[i]) + strlen(last) + 2;
	all = xcalloc(1, len);
	for (i = 0; words[i] != NULL; i++) {
		if (i > 0)
			strcat(all, words[i + 1] ? ", " : last);
		strcat(all, words[i]);
	}
	return all;
}

int
sc_check_keys(const struct node *map, const char *const *allowed,
    const char *what)
{
	size_t i;
	int bad = 0;
	const char *hint;
	char *all;

	for (i = 0; i + 1 < map->nkids; i += 2) {
		const struct node *k = map->kids[i];

		if (sc_allowed(k->value, allowed))
			continue;
		bad++;
		if ((hint = sc_suggest(k->value, allowed)) != NULL)
			sc_error(&k->mark, "%s%sunknown key \"%s\" (did you "
			    "mean \"%s\"?)", what ? what : "", what ? ": " : "",
			    k->value, hint);
		else {
			all = sc_join(allowed, " and ");
			sc_error(&k->mark, "%s%sunknown key \"%s\"; the keys "
			    "here are %s", what ? what : "", what ? ": " : "",
			    k->value, all);
			free(all);
		}
	}
	return bad;
}

int
sc_misspelled(const struct node *map, const char *key,
    const char *const *allowed)
{
	const char *s;
	size_t i;

	if (map == NULL || map->kind != NODE_MAP)
		return 0;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (!sc_allowed(map->kids[i]->value, allowed) &&
		    (s = sc_suggest(map->kids[i]->value, allowed)) != NULL &&
		    strcmp(s, key) == 0)
			return 1;
	return 0;
}

/* Report that n is the wrong kind of node for what; a value that YAML read
 * as a list or mapping because it starts with '[' or '{' gets the quoting
 * explained. */
static int
sc_wrong(const struct node *n, const char *what, const char *want)
{
	if (n->kind == NODE_SEQ && strcmp(want, "text") == 0)
		sc_error(&n->mark, "%s must be one text, not a list; if the "
		    "text starts with [, put the whole text in quotes", what);
	else if (n->kind == NODE_MAP && strcmp(want, "text") == 0 &&
	    n->nkids == 2 && sc_is_null(n->kids[1]) && strlen(n->kids[0]->value)
	    < 60)
		sc_error(&n->mark, "%s must be text, but YAML read {%s} as key: "
		    "value pairs; for a variable or an expression, put the whole "
		    "text in quotes: \"{%s}\"", what, n->kids[0]->value,
		    n->kids[0]->value);
	else if (n->kind == NODE_MAP && strcmp(want, "text") == 0)
		sc_error(&n->mark, "%s must be text, but YAML read key: value "
		    "pairs here; if the text starts with { or holds \": \", put "
		    "the whole text in quotes", what);
	else
		sc_error(&n->mark, "%s must be %s, not %s", what, want,
		    node_kind_name(n));
	return -1;
}

/* Whether scalar n is longer than SC_MAX_TEXT characters (code points):
 * a pasted file, not a text for a page.  Returns -1 (reported) or 0. */
static int
sc_too_long(const struct node *n, const char *what)
{
	size_t i, chars = 0;

	for (i = 0; i < n->len; i++)
		if (((unsigned char)n->value[i] & 0xc0) != 0x80)
			chars++;
	if (chars <= SC_MAX_TEXT)
		return 0;
	sc_error(&n->mark, "%s is %zu characters long, more than the %d one "
	    "text may hold (about four pages); shorten it or split it", what,
	    chars, SC_MAX_TEXT);
	return -1;
}

/* ---- readers -------------------------------------------------------- */

int
sc_text(const struct node *n, const char *what, struct text *t)
{
	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "text");
	if (sc_too_long(n, what) < 0)
		return -1;
	t->s = xstrdup(n->value);
	t->mark = n->mark;
	t->style = n->style;
	t->src = n->src != NULL ? xstrdup(n->src) : NULL;
	return 0;
}

int
sc_textlist(const struct node *n, const char *what, struct textlist *l)
{
	size_t i;
	int rc = 0;

	if (n->kind == NODE_SCALAR && sc_is_null(n)) {
		sc_empty(n, what, "write a list in brackets, like [first, "
		    "second], or one \"- \" line per item below it");
		return -1;
	}
	if (n->kind == NODE_SCALAR) {
		sc_error(&n->mark, "%s must be a list: put %s in brackets, "
		    "like [%s], or write one \"- \" line per item", what,
		    strchr(n->value, ',') ? "the items" : "it",
		    strlen(n->value) < 40 ? n->value : "first, second");
		return -1;
	}
	if (n->kind != NODE_SEQ) {
		sc_error(&n->mark, "%s must be a list, not key: value pairs; "
		    "write it in brackets, like [first, second], or one \"- \" "
		    "line per item", what);
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
	if (sc_too_long(n, what) < 0)
		return -1;
	*s = xstrdup(n->value);
	return 0;
}

/* Bytes of the plain decimal number at s: an optional sign, digits, and
 * a point with digits (".5" and "5." too).  strtod takes more than a
 * teacher means ("1e-300", "0x10", "nan", "inf"), which must be refused,
 * not read.  0 when s does not start with one. */
size_t
sc_decimal_len(const char *s)
{
	size_t i = 0, digits = 0;

	if (s[i] == '-' || s[i] == '+')
		i++;
	for (; isdigit((unsigned char)s[i]); i++)
		digits++;
	if (s[i] == '.')
		for (i++; isdigit((unsigned char)s[i]); i++)
			digits++;
	return digits > 0 ? i : 0;
}

int
sc_number(const struct node *n, const char *what, double lo, double hi,
    double *v)
{
	char *end;
	double d;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a number");
	if (sc_is_blank(n)) {
		sc_empty(n, what, "write a number, like 2, or leave the key "
		    "out");
		return -1;
	}
	errno = 0;
	d = strtod(n->value, &end);
	if (end == n->value || *end != '\0' || isnan(d) ||
	    isspace((unsigned char)n->value[0])) {
		sc_error(&n->mark, "%s must be a number, like 2 or 1.5, not "
		    "\"%s\"", what, n->value);
		return -1;
	}
	if (sc_decimal_len(n->value) != n->len) {	/* 1e-300, 0x10, inf */
		sc_error(&n->mark, "%s must be a plain number from %g to %g, "
		    "written with digits and a point, like 2 or 1.5, not %s",
		    what, lo, hi, n->value);
		return -1;
	}
	/* 1e400 is a number, only far too big: say which are allowed */
	if (d < lo || d > hi || errno == ERANGE || !isfinite(d)) {
		sc_error(&n->mark, "%s must be from %g to %g, not %s", what,
		    lo, hi, n->value);
		return -1;
	}
	*v = d;
	return 0;
}

int
sc_int(const struct node *n, const char *what, long lo, long hi, long *v)
{
	return sc_int_why(n, what, lo, hi, NULL, v);
}

int
sc_int_why(const struct node *n, const char *what, long lo, long hi,
    const char *why, long *v)
{
	char *end;
	long l;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a whole number");
	if (sc_is_blank(n)) {
		sc_empty(n, what, "write a whole number, or leave the key out");
		return -1;
	}
	errno = 0;
	l = strtol(n->value, &end, 10);
	if (end == n->value || *end != '\0' ||
	    isspace((unsigned char)n->value[0])) {
		sc_error(&n->mark, "%s must be a whole number, not \"%s\"",
		    what, n->value);
		return -1;
	}
	/* 99999999999999999999 is a whole number, only far too big */
	if (l < lo || l > hi || errno == ERANGE) {
		sc_error(&n->mark, "%s must be from %ld to %ld, not %s%s%s",
		    what, lo, hi, n->value, why != NULL ? "; " : "",
		    why != NULL ? why : "");
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
	if (sc_is_blank(n)) {
		sc_empty(n, what, "write true or false");
		return -1;
	}
	for (i = 0; words[i] != NULL; i++)
		if (strcasecmp(n->value, words[i]) == 0) {
			*v = i % 2;
			return 0;
		}
	sc_error(&n->mark, "%s must be true or false, not \"%s\"", what,
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
	const char *ex = allow_lines ? "3cm, 1.5in, 40mm, 72pt or 4 lines" :
	    "3cm, 1.5in, 40mm or 72pt";
	char *end;
	double d;
	size_t i;

	if (n->kind != NODE_SCALAR)
		return sc_wrong(n, what, "a length");
	if (sc_is_blank(n)) {
		sc_empty(n, what, allow_lines ? "write a length, like 3cm, "
		    "1.5in, 40mm, 72pt or 4 lines" : "write a length, like "
		    "3cm, 1.5in, 40mm or 72pt");
		return -1;
	}
	errno = 0;
	d = strtod(n->value, &end);
	if (end == n->value || errno != 0 || !isfinite(d) ||
	    isspace((unsigned char)n->value[0]) || n->value[0] == '+') {
		sc_error(&n->mark, "%s must be a length, like %s, not \"%s\"",
		    what, ex, n->value);
		return -1;
	}
	if (n->value + sc_decimal_len(n->value) != end) {
		sc_error(&n->mark, "%s must be a length written with digits "
		    "and a point, like %s, not \"%s\"", what, ex, n->value);
		return -1;
	}
	if (d < 0) {
		sc_error(&n->mark, "%s cannot be negative (\"%s\"); write a "
		    "length like %s", what, n->value, ex);
		return -1;
	}
	while (*end == ' ')
		end++;
	if (*end == '\0' && d == 0) {	/* "0cm" is no length for all */
		sc_error(&n->mark, "%s needs a length with a unit, like %s, "
		    "not \"%s\"", what, ex, n->value);
		return -1;
	}
	if (*end == '\0') {
		sc_error(&n->mark, "%s needs a unit after the number: write "
		    "%scm, %sin, %smm or %spt%s%s%s, not \"%s\"", what,
		    n->value, n->value, n->value, n->value,
		    allow_lines ? ", or " : "", allow_lines ? n->value : "",
		    allow_lines ? " lines" : "", n->value);
		return -1;
	}
	*lines = 0;
	if (allow_lines && (strcasecmp(end, "lines") == 0 ||
	    strcasecmp(end, "line") == 0)) {
		if (d != floor(d) || d < 1 || d > 60) {
			sc_error(&n->mark, "%s must be a whole number of lines "
			    "from 1 to 60, not \"%s\"", what, n->value);
			return -1;
		}
		*lines = (int)d;
		*pt = 0;
		return 0;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcasecmp(end, units[i].unit) == 0) {
			if (d * units[i].pt > 2000) {
				sc_error(&n->mark, "%s \"%s\" is longer than a "
				    "page; a letter page is 11in (28cm) tall",
				    what, n->value);
				return -1;
			}
			*pt = d * units[i].pt;
			return 0;
		}
	sc_error(&n->mark, "%s: \"%s\" is not a unit mimeo knows; use cm, "
	    "mm, in or pt%s, like %s", what, end,
	    allow_lines ? " (or lines)" : "", ex);
	return -1;
}

int
sc_enum(const struct node *n, const char *what, const char *const *words,
    int *v)
{
	int i;
	char *all;
	const char *hint;

	if (n->kind == NODE_SCALAR)
		for (i = 0; words[i] != NULL; i++)
			if (strcasecmp(n->value, words[i]) == 0) {
				*v = i;
				return 0;
			}
	if (sc_is_blank(n)) {
		all = sc_join(words, " or ");
		hint = xasprintf("write %s", all);
		sc_empty(n, what, hint);
		free((char *)hint);
		free(all);
		return -1;
	}
	all = sc_join(words, " or ");
	if (n->kind != NODE_SCALAR)
		sc_error(&n->mark, "%s must be %s, not %s", what, all,
		    node_kind_name(n));
	else if ((hint = sc_suggest(n->value, words)) != NULL)
		sc_error(&n->mark, "%s must be %s, not \"%s\" (did you mean "
		    "\"%s\"?)", what, all, n->value, hint);
	else
		sc_error(&n->mark, "%s must be %s, not \"%s\"", what, all,
		    n->value);
	free(all);
	return -1;
}

/* Step over the source character at src[*j], keeping m's line and
 * column (columns count code points; CR LF is one line end). */
static void
text_src_step(const char *src, size_t *j, struct mark *m)
{
	if (src[*j] == '\r' && src[*j + 1] == '\n')
		(*j)++;
	if (src[*j] == '\n' || src[*j] == '\r') {
		m->line++;
		m->col = 1;
	} else if (((unsigned char)src[*j] & 0xc0) != 0x80)
		m->col++;
	(*j)++;
}

static int
text_src_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Walk the value and the source side by side.  Whatever YAML changed
 * between them is spaces and line ends (folding, indentation), quotes
 * ('' for ') or a backslash before the character itself; a difference of
 * any other kind means we cannot tell, and we stay at the start.
 */
void
text_mark_at(const struct text *t, size_t off, struct mark *m)
{
	const char *src = t->src, *s = t->s;
	size_t i = 0, j = 0;
	struct mark at = t->mark;

	*m = t->mark;
	if (src == NULL || s == NULL || off > strlen(s))
		return;
	if (t->style == NS_SINGLE || t->style == NS_DOUBLE)
		text_src_step(src, &j, &at);	/* the opening quote */
	else if (t->style == NS_LITERAL || t->style == NS_FOLDED)
		while (src[j] != '\0' && src[j] != '\n' && src[j] != '\r')
			text_src_step(src, &j, &at);	/* | or > header */
	while (i < off) {
		if (src[j] == '\0')
			return;
		if (t->style == NS_SINGLE && src[j] == '\'' &&
		    src[j + 1] == '\'' && s[i] == '\'') {
			text_src_step(src, &j, &at);
			text_src_step(src, &j, &at);
			i++;
		} else if (t->style == NS_DOUBLE && src[j] == '\\' &&
		    src[j + 1] != '\0' && (src[j + 1] == s[i] ||
		    text_src_space(src[j + 1]))) {
			text_src_step(src, &j, &at);	/* \" or an escaped
							 * line end */
			if (src[j] == s[i]) {
				text_src_step(src, &j, &at);
				i++;
			}
		} else if (src[j] == s[i]) {
			text_src_step(src, &j, &at);
			i++;
		} else if (text_src_space(src[j]))
			text_src_step(src, &j, &at);
		else if (s[i] == ' ' || s[i] == '\n')
			i++;
		else
			return;
	}
	/* spaces the value dropped (indentation) come before its next
	 * character */
	while (src[j] != '\0' && text_src_space(src[j]) && s[i] != src[j])
		text_src_step(src, &j, &at);
	*m = at;
}

void
text_free(struct text *t)
{
	free(t->s);
	free(t->src);
	t->s = NULL;
	t->src = NULL;
}

void
textlist_free(struct textlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		text_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
