/*
 * set.c - load a problem set (SPEC section 3) from its YAML tree.
 * Every check that needs only the file is here, so `mimeo check` and the
 * builders report the same things.  Loading goes on after an error so that
 * one run reports every mistake in the file.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figure.h"
#include "image.h"
#include "libpath.h"
#include "diag.h"
#include "discussion.h"
#include "keys.h"
#include "set.h"
#include "template.h"
#include "util.h"

const char *const ptype_names[] = { "short", "choice", "multi", "truefalse",
    "blank", "match", "order", "open", "work", "parts", NULL };

const char *const field_names[] = { "name", "date", "period", "class",
    "score", NULL };

const char *const set_keys[] = { "title", "subject", "grade", "tags",
    "language", "paper", "template", "instructions", "fields", "seed",
    "shuffle", "notes", "problems", "sections", "discussion", "word_bank",
    "grade_table", "pages", "columns", "class_size", NULL };

const char *const section_keys[] = { "title", "instructions",
    "figure", "figures", "problems", "table", "word_bank", "new_page",
    "columns", NULL };
/* columns: on a set or a section: 1 or 2, into *cols.  Two columns suit
 * drills and short items; more would leave no room to work. */
static void
set_columns(const struct node *n, int *cols)
{
	long l;

	if (sc_int(n, "columns", LONG_MIN, LONG_MAX, &l) < 0)
		return;
	if (l == 1 || l == 2)
		*cols = (int)l;
	else
		sc_error(&n->mark, "columns must be 1 or 2, not %ld: two "
		    "columns suit drills and short items, and 1 is the usual "
		    "page", l);
}

/* Keys every problem may have, then the keys of each type. */
const char *const common_keys[] = { "type", "prompt", "points",
    "space", "solution", "id", "image", "figure", "figures", "vars",
    "where", "table", "word_bank", "hint", "bonus", "new_page", NULL };

const char *const type_keys[P__MAX][KEYS_PER_TYPE] = {
	[P_SHORT] = { "answer", NULL },
	[P_CHOICE] = { "choices", "columns", "answer", "pin_last", "feedback",
	    NULL },
	[P_MULTI] = { "choices", "columns", "answer", "pin_last", "feedback",
	    NULL },
	[P_TRUEFALSE] = { "answer", NULL },
	[P_BLANK] = { "answer", NULL },
	[P_MATCH] = { "pairs", "extra", NULL },
	[P_ORDER] = { "items", NULL },
	[P_OPEN] = { "lines", "answer", "rubric", NULL },
	[P_WORK] = { "grid", "answer", NULL },
	[P_PARTS] = { "parts", NULL },
};

/* A picture already loaded, so a file shown twice is read once. */
#define SET_MAX_PAGES	50	/* pages: a worksheet, not a book */

struct loaded {
	char		*path;		/* resolved */
	struct image	*image;		/* the list's reference */
};

struct setload {
	struct set	*set;
	int		 number;	/* problems so far */
	struct loaded	*images;
	size_t		 nimages;
};

size_t
set_count_blanks(const char *s)
{
	size_t n = 0, run = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			run = 0;
			continue;
		}
		if (*s == '_') {
			if (++run == 3)
				n++;
		} else
			run = 0;
	}
	return n;
}

/* Read a text that must not be empty.  Returns 0 or -1 (reported). */
static int
set_text_req(const struct node *n, const char *what, const char *hint,
    struct text *t)
{
	if (sc_is_blank(n) && n->kind == NODE_SCALAR) {
		sc_empty(n, what, hint);
		return -1;
	}
	return sc_text(n, what, t);
}

/* Every item of a list read with sc_textlist must hold text: report the
 * empty ones: choices by letter, other items by number. */
static void
set_no_blank_items(const struct textlist *l, int letters, const char *what)
{
	size_t i;
	const char *s;

	for (i = 0; i < l->n; i++) {
		for (s = l->v[i].s; *s == ' ' || *s == '\n' || *s == '\t';
		    s++)
			;
		if (*s != '\0')
			continue;
		if (letters)
			sc_error(&l->v[i].mark, "choice %c is empty; write its "
			    "text, or remove it", 'A' + (int)i);
		else
			sc_error(&l->v[i].mark, "item %zu of %s is empty; "
			    "write its text, or remove it", i + 1, what);
	}
}

/* "st" of 1st, "nd" of 2nd ... for 1 to 10. */
static const char *
set_ordinal(long n)
{
	return n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th";
}

/* The language of the set being read (its labels name the letters its
 * pages print), for messages; NULL: English. */
static const char *set_lang;

/* "; ب is how the page prints choice B: in the set, write B" when s is
 * the letter the set's language prints for one of its nchoices, else "".
 * Static storage. */
static const char *
set_printed_letter(const char *s, size_t nchoices)
{
	static char hint[128];
	int k = label_letter_find(set_lang, s);

	if (k < 0 || (size_t)k >= nchoices)
		return "";
	snprintf(hint, sizeof(hint), "; %s is how the page prints choice "
	    "%c: in the set, write %c", s, 'A' + k, 'A' + k);
	return hint;
}

/* Letter index of an answer such as "B"; -1 (reported) if not a choice. */
static int
set_letter(const struct node *n, const struct problem *p)
{
	size_t nchoices = p->choices.n, i;
	long num;
	char *end;
	int c;

	if (n->kind != NODE_SCALAR) {
		sc_error(&n->mark, "each answer must be one letter, not %s",
		    node_kind_name(n));
		return -1;
	}
	c = (unsigned char)n->value[0];
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (n->value[0] != '\0' && n->value[1] == '\0' && c >= 'A' &&
	    c < 'A' + (int)nchoices)
		return c - 'A';
	/* the text of a choice, or its number, instead of its letter */
	for (i = 0; i < nchoices; i++)
		if (strcmp(p->choices.v[i].s, n->value) == 0)
			break;
	num = strtol(n->value, &end, 10);
	if (*end != '\0' || end == n->value || num < 1 ||
	    num > (long)nchoices)
		num = 0;
	if (i < nchoices && num > 0) {
		sc_error(&n->mark, "answer \"%s\" is not a letter; write the "
		    "letter of the right choice: \"%s\" is choice %c, and the "
		    "%ld%s choice is %c", n->value, n->value, 'A' + (int)i,
		    num, set_ordinal(num), 'A' + (int)num - 1);
		return -1;
	}
	if (i < nchoices) {
		sc_error(&n->mark, "answer \"%s\" is the text of a choice; "
		    "write its letter instead: %c", n->value, 'A' + (int)i);
		return -1;
	}
	if (num > 0) {
		sc_error(&n->mark, "answer \"%s\" is not a letter; write the "
		    "letter of the right choice (the %ld%s choice is %c)",
		    n->value, num, set_ordinal(num), 'A' + (int)num - 1);
		return -1;
	}
	sc_error(&n->mark, "answer \"%s\" is not one of the choices A-%c%s",
	    n->value, 'A' + (int)nchoices - 1, set_printed_letter(n->value,
	    nchoices));
	return -1;
}

/*
 * feedback: {B: "added the denominators"}: what a student who picked a
 * choice probably thinks, by the letter of the order written (like
 * answer), for the key and the tally grid.  Read after the answer, so
 * that feedback on a right choice is said (a warning: it prints, but it
 * tells of no misconception).
 */
static void
set_feedback(const struct node *pn, struct problem *p)
{
	const struct node *n = node_get(pn, "feedback"), *k;
	size_t i, nchoices = p->choices.n;
	const char *v;
	int c;

	if (n == NULL || nchoices == 0)
		return;
	if (sc_is_null(n)) {
		sc_empty(n, "feedback", "write a choice's letter and what a "
		    "student who picks it probably thinks, like {B: \"added "
		    "the denominators\"}, or remove it");
		return;
	}
	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "feedback must be a map from a choice's "
		    "letter to what a student who picks it probably thinks, "
		    "like {B: \"added the denominators\"}, not %s",
		    node_kind_name(n));
		return;
	}
	p->feedback.v = xcalloc(nchoices, sizeof(*p->feedback.v));
	p->feedback.n = nchoices;
	for (i = 0; i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		v = k->kind == NODE_SCALAR ? k->value : "";
		c = (unsigned char)v[0];
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if (v[0] == '\0' || v[1] != '\0' || c < 'A' ||
		    c >= 'A' + (int)nchoices) {
			sc_error(&k->mark, "feedback \"%s\" is not one of the "
			    "choices A-%c; write the letter of a choice, as "
			    "written (before any shuffle)%s", v,
			    'A' + (int)nchoices - 1, set_printed_letter(v,
			    nchoices));
			continue;
		}
		if (p->feedback.v[c - 'A'].s != NULL) {
			sc_error(&k->mark, "feedback for %c is given twice",
			    c);
			continue;
		}
		if (sc_is_blank(n->kids[i + 1])) {
			sc_empty(n->kids[i + 1], "feedback", "write what a "
			    "student who picks it probably thinks, or remove "
			    "the line");
			continue;
		}
		if (sc_text(n->kids[i + 1], "feedback",
		    &p->feedback.v[c - 'A']) < 0)
			continue;
		if ((p->correct >> (c - 'A')) & 1)
			diag_warn(&k->mark, "problem %d: feedback for %c, a "
			    "right answer, is printed in the key, but the tally "
			    "grid lists feedback of wrong choices only",
			    p->number, c);
	}
}

static void
set_choices(const struct node *pn, struct problem *p,
    const char *const *keys)
{
	const struct node *n, *a;
	size_t i, j;
	long l;
	int k;

	if ((n = node_get(pn, "choices")) == NULL) {
		if (!sc_misspelled(pn, "choices", keys))
			sc_error(&p->mark, "a %s problem needs \"choices:\", a "
			    "list of 2 to 10 texts to pick from, like [\"3\", "
			    "\"4\", \"5\"]", ptype_names[p->type]);
		return;
	}
	if (sc_textlist(n, "choices", &p->choices) < 0)
		return;
	if (p->choices.n < 2 || p->choices.n > 10) {
		sc_error(&n->mark, "a %s problem needs 2 to 10 choices, not "
		    "%zu", ptype_names[p->type], p->choices.n);
		return;
	}
	set_no_blank_items(&p->choices, 1, "choices");
	for (i = 1; i < p->choices.n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(p->choices.v[i].s, p->choices.v[j].s) == 0 &&
			    p->choices.v[i].s[0] != '\0') {
				sc_error(&p->choices.v[i].mark, "choices %c and "
				    "%c are the same (\"%s\")", 'A' + (int)j,
				    'A' + (int)i, p->choices.v[i].s);
				break;
			}
	if ((n = node_get(pn, "columns")) != NULL &&
	    sc_int(n, "columns", 1, 4, &l) == 0)
		p->columns = (int)l;
	if ((n = node_get(pn, "pin_last")) != NULL) {
		char *why = xasprintf("pin_last keeps that many choices last "
		    "when choices are shuffled (like \"All of the above\"), "
		    "and of this problem's %zu choices at least one must be "
		    "left to shuffle", p->choices.n);

		if (sc_int_why(n, "pin_last", 1, (long)p->choices.n - 1, why,
		    &l) == 0)
			p->pin_last = (int)l;
		free(why);
	}
	a = node_get(pn, "answer");
	if (a == NULL || sc_is_null(a)) {
		if (a != NULL && a->comment != NULL)
			sc_empty(a, "the answer", "");
		else if (a != NULL || !sc_misspelled(pn, "answer", keys))
			sc_error(a ? &a->mark : &p->mark, "a %s problem needs "
			    "an \"answer:\": %s", ptype_names[p->type],
			    p->type == P_CHOICE ? "the letter of the right "
			    "choice, like B" : "a list of the letters of the "
			    "right choices, like [A, C]");
		return;
	}
	if (p->type == P_CHOICE) {
		if (a->kind == NODE_SEQ)
			sc_error(&a->mark, "a choice problem has one answer, "
			    "a letter like B; for several right answers use "
			    "type: multi");
		else if ((k = set_letter(a, p)) >= 0)
			p->correct = 1u << k;
		return;
	}
	if (a->kind != NODE_SEQ) {
		const char *v = a->kind == NODE_SCALAR ? a->value : "";
		int letters = v[0] != '\0' && strlen(v) < 30;

		for (i = 0; letters && v[i] != '\0'; i++)
			letters = strchr("ABCDEFGHIJabcdefghij, ", v[i]) != NULL;
		sc_error(&a->mark, "the answer of a multi problem must be a "
		    "list of letters in brackets, like [%s]",
		    letters ? v : "A, C");
		return;
	}
	if (a->nkids == 0)
		sc_error(&a->mark, "the answer list is empty; list the letters "
		    "of every right choice, like [A, C]");
	for (i = 0; i < a->nkids; i++) {
		if ((k = set_letter(a->kids[i], p)) < 0)
			continue;
		if (p->correct & (1u << k))
			sc_error(&a->kids[i]->mark, "answer %c is listed "
			    "twice", 'A' + k);
		p->correct |= 1u << k;
	}
}

static void
set_match(const struct node *pn, struct problem *p, const char *const *keys)
{
	const struct node *n, *pair;
	size_t i;

	if ((n = node_get(pn, "pairs")) == NULL) {
		if (!sc_misspelled(pn, "pairs", keys))
			sc_error(&p->mark, "a match problem needs \"pairs:\", "
			    "like [[dog, puppy], [cat, kitten]]");
		return;
	}
	if (n->kind != NODE_SEQ) {
		if (sc_is_null(n))
			sc_empty(n, "pairs", "write the pairs, like [[dog, "
			    "puppy], [cat, kitten]]");
		else
			sc_error(&n->mark, "pairs must be a list of pairs in "
			    "brackets, like [[dog, puppy], [cat, kitten]], not "
			    "%s", node_kind_name(n));
		return;
	}
	if (n->nkids < 2 || n->nkids > 15)
		sc_error(&n->mark, "a match problem needs 2 to 15 pairs, not "
		    "%zu", n->nkids);
	p->left.v = xcalloc(n->nkids, sizeof(struct text));
	p->right.v = xcalloc(n->nkids, sizeof(struct text));
	for (i = 0; i < n->nkids; i++) {
		pair = n->kids[i];
		if (pair->kind == NODE_SEQ && pair->nkids != 2) {
			sc_error(&pair->mark, "pair %zu has %zu item%s; a pair "
			    "is two texts in brackets, like [cat, kitten]",
			    i + 1, pair->nkids, pair->nkids == 1 ? "" : "s");
			continue;
		}
		if (pair->kind != NODE_SEQ) {
			sc_error(&pair->mark, "pair %zu must be two texts in "
			    "brackets, like [cat, kitten], not %s", i + 1,
			    node_kind_name(pair));
			continue;
		}
		if (sc_text(pair->kids[0], "the left side",
		    &p->left.v[p->left.n]) < 0)
			continue;
		p->left.n++;
		if (sc_text(pair->kids[1], "the right side",
		    &p->right.v[p->right.n]) == 0)
			p->right.n++;
	}
	if ((n = node_get(pn, "extra")) != NULL)
		sc_textlist(n, "extra", &p->extra);
	if (p->right.n + p->extra.n > 26)
		sc_error(&p->mark, "more than 26 items on the right (pairs "
		    "and extra together)");
}

static void
set_typed(const struct node *pn, struct problem *p, const char *const *keys)
{
	const struct node *n;
	long l;
	size_t nb;

	n = node_get(pn, "answer");
	switch (p->type) {
	case P_CHOICE:
	case P_MULTI:
		set_choices(pn, p, keys);
		set_feedback(pn, p);
		break;
	case P_SHORT:
		if (n == NULL) {
			if (!sc_misspelled(pn, "answer", keys))
				sc_error(&p->mark, "a short problem needs an "
				    "\"answer:\", printed in the key");
		} else
			set_text_req(n, "the answer", "write the answer "
			    "printed in the key", &p->answer);
		break;
	case P_TRUEFALSE:
		if (n == NULL) {
			if (!sc_misspelled(pn, "answer", keys))
				sc_error(&p->mark, "a truefalse problem needs "
				    "\"answer: true\" or \"answer: false\"");
		} else
			sc_bool(n, "the answer", &p->truth);
		break;
	case P_BLANK:
		nb = p->prompt.s ? set_count_blanks(p->prompt.s) : 0;
		if (p->prompt.s != NULL && nb == 0)
			sc_error(&p->prompt.mark, "a blank problem needs at "
			    "least one ___ (three underscores) in its prompt, "
			    "where the student writes");
		if (n == NULL || sc_is_null(n)) {
			if (n != NULL)
				sc_empty(n, "the answer", "write one text per "
				    "blank, like [\"180\"]");
			else if (!sc_misspelled(pn, "answer", keys))
				sc_error(&p->mark, "a blank problem needs an "
				    "\"answer:\", a list with one text per "
				    "blank, like [\"180\"]");
			break;
		}
		if (n->kind != NODE_SEQ) {
			sc_error(&n->mark, "the answer of a blank problem must "
			    "be a list, one text per blank, like [\"%s\"]",
			    n->kind == NODE_SCALAR ? n->value : "...");
			break;
		}
		if (sc_textlist(n, "the answer", &p->blanks) == 0 && nb > 0 &&
		    p->blanks.n != nb)
			sc_error(&n->mark, "the prompt has %zu blank%s (___) "
			    "but the answer lists %zu; give one answer per "
			    "blank, in order", nb, nb == 1 ? "" : "s",
			    p->blanks.n);
		break;
	case P_MATCH:
		set_match(pn, p, keys);
		break;
	case P_ORDER:
		if ((n = node_get(pn, "items")) == NULL) {
			if (!sc_misspelled(pn, "items", keys))
				sc_error(&p->mark, "an order problem needs "
				    "\"items:\", listed in the correct order");
		} else if (sc_textlist(n, "items", &p->items) == 0) {
			if (p->items.n < 2 || p->items.n > 15)
				sc_error(&n->mark, "an order problem needs 2 "
				    "to 15 items, not %zu", p->items.n);
			else
				set_no_blank_items(&p->items, 0, "items");
		}
		break;
	case P_OPEN:
		p->lines = 5;
		if (n != NULL && !sc_is_null(n))
			sc_text(n, "the answer", &p->answer);
		if ((n = node_get(pn, "lines")) != NULL &&
		    sc_int_why(n, "lines", 1, 40, "lines is the number of "
		    "ruled lines to write on (5 when left out), and a "
		    "worksheet page holds about 25", &l) == 0)
			p->lines = (int)l;
		if ((n = node_get(pn, "rubric")) != NULL)
			sc_textlist(n, "the rubric", &p->rubric);
		break;
	case P_WORK:
		if (n != NULL && !sc_is_null(n))
			sc_text(n, "the answer", &p->answer);
		if ((n = node_get(pn, "grid")) != NULL)
			sc_bool(n, "grid", &p->grid);
		break;
	default:
		break;
	}
}

/* The keys a problem of type t may have, NULL-terminated, into all (at
 * least 32 entries).  t == P__MAX: the keys of every type. */
static void
set_allowed_keys(int t, const char **all)
{
	size_t i, j, n = 0;
	int k;

	for (i = 0; common_keys[i] != NULL; i++)
		all[n++] = common_keys[i];
	for (k = t == P__MAX ? 0 : t; k < (t == P__MAX ? P__MAX : t + 1);
	    k++)
		for (i = 0; type_keys[k][i] != NULL; i++) {
			for (j = 0; j < n; j++)
				if (strcmp(all[j], type_keys[k][i]) == 0)
					break;
			if (j == n)
				all[n++] = type_keys[k][i];
		}
	all[n] = NULL;
}

/* The keys a problem in parts holds for all its parts, and why. */
static const struct {
	const char	*key;
	const char	*why;
} shared_keys[] = {
	{ "vars", "whose parts all share its variables" },
	{ "where", "whose parts all share its variables" },
	{ "table", "whose stem holds what its parts refer to" },
	{ "word_bank", "whose stem holds what its parts refer to" },
	{ "hint", "whose hint cards are for the whole problem" },
	{ "bonus", "which is bonus or not as a whole" },
	{ "new_page", "which starts a page as a whole (it may break between "
	    "parts by itself)" },
	{ NULL, NULL }
};

static int
set_shared_key(const char *k)
{
	size_t i;

	for (i = 0; shared_keys[i].key != NULL; i++)
		if (strcmp(shared_keys[i].key, k) == 0)
			return 1;
	return 0;
}

/* Take the shared keys out of a list of allowed keys (for a part). */
static void
set_drop_shared(const char **all)
{
	size_t i, n = 0;

	for (i = 0; all[i] != NULL; i++)
		if (!set_shared_key(all[i]))
			all[n++] = all[i];
	all[n] = NULL;
}

/* Check the keys of a problem: unknown ones, and keys of another type. */
static void
set_problem_keys(const struct node *pn, const struct problem *p,
    const char *const *all)
{
	const char *which[P__MAX + 1];
	size_t i, j, nw;
	const char *k;
	char *list;
	int t, found;

	for (i = 0; i + 1 < pn->nkids; i += 2) {
		k = pn->kids[i]->value;
		for (j = 0, found = 0; all[j] != NULL && !found; j++)
			found = strcmp(all[j], k) == 0;
		if (p->part > 0 && set_shared_key(k))
			continue;	/* said by set_part_keys() */
		if (found)
			continue;
		for (t = 0, nw = 0; t < P__MAX; t++)
			for (j = 0; type_keys[t][j] != NULL; j++)
				if (strcmp(type_keys[t][j], k) == 0)
					which[nw++] = ptype_names[t];
		which[nw] = NULL;
		if (nw > 0 && p->type == P_PARTS) {
			sc_error(&pn->kids[i]->mark, "\"%s\" belongs on a part: "
			    "a problem in parts has none of its own; write it "
			    "in the part it is for, under \"parts:\"", k);
			continue;
		}
		if (nw > 0 && p->type != P__MAX) {
			list = sc_join(which, " and ");
			sc_error(&pn->kids[i]->mark, "\"%s\" does not belong in "
			    "a %s problem (it is for %s problems)", k,
			    ptype_names[p->type], list);
			free(list);
			continue;
		}
		if (nw > 0)
			continue;
		if ((k = sc_suggest(k, all)) != NULL)
			sc_error(&pn->kids[i]->mark, "unknown key \"%s\" (did "
			    "you mean \"%s\"?)", pn->kids[i]->value, k);
		else {
			list = sc_join(all, " and ");
			sc_error(&pn->kids[i]->mark, "unknown key \"%s\"; %s%s "
			    "%s may have %s", pn->kids[i]->value,
			    p->type == P__MAX ? "a" : p->type == P_OPEN ||
			    p->type == P_ORDER ? "an " : "a ",
			    p->type == P__MAX ? "" : ptype_names[p->type],
			    p->part > 0 ? "part" : "problem", list);
			free(list);
		}
	}
}


/* The picture at file (a path relative to the set), read once per set.
 * Returns a new reference, or NULL after reporting at the file node. */
static struct image *
set_image_file(struct setload *sl, const struct node *file)
{
	struct image *img;
	char *path, *err;
	size_t i;

	if (file->kind != NODE_SCALAR || sc_is_blank(file)) {
		if (file->kind == NODE_SCALAR)
			sc_empty(file, "the image file", "write the picture's "
			    "path, relative to this set, like "
			    "pictures/bar.png");
		else
			sc_error(&file->mark, "the image file must be a path, "
			    "like pictures/bar.png, not %s",
			    node_kind_name(file));
		return NULL;
	}
	if ((path = lib_resolve(sl->set->file, file->value, &file->mark,
	    "image")) == NULL)
		return NULL;
	for (i = 0; i < sl->nimages; i++)
		if (strcmp(sl->images[i].path, path) == 0) {
			free(path);
			return image_ref(sl->images[i].image);
		}
	if ((img = image_load(path, file->value, &err)) == NULL) {
		sc_error(&file->mark, "%s", err);
		free(err);
		free(path);
		return NULL;
	}
	sl->images = xrealloc(sl->images, (sl->nimages + 1) *
	    sizeof(*sl->images));
	sl->images[sl->nimages].path = path;
	sl->images[sl->nimages++].image = img;
	return image_ref(img);
}

/* The width of an image: a length, or a percentage of the text column. */
static void
set_image_width(const struct node *n, struct problem *p)
{
	const char *v = n->kind == NODE_SCALAR ? n->value : "";
	size_t len = strlen(v);
	double pct;
	char *end;
	int lines;

	if (len > 1 && v[len - 1] == '%') {
		/* digits and a point only: "nan%", "1e-300%", "0x10%" are
		 * no share of a page */
		end = (char *)v + sc_decimal_len(v);
		pct = end > v ? strtod(v, NULL) : 0;
		while (*end == ' ')
			end++;
		if (end == v || *end != '%' || pct < 1 || pct > 100)
			sc_error(&n->mark, "the image width \"%s\" must be a "
			    "percentage of the text width from 1%% to 100%%, "
			    "like 50%%", v);
		else
			p->image_pct = pct;
		return;
	}
	if (n->kind == NODE_SCALAR && !sc_is_blank(n) &&
	    (strtod(v, &end), end == v)) {
		sc_error(&n->mark, "the image width must be a length, like "
		    "6cm, 2.5in, 60mm or 144pt, or a share of the text width, "
		    "like 50%%, not \"%s\"", v);
		return;
	}
	/* under 5 mm (14 pt) a picture is a speck nobody can read */
	if (sc_length(n, "the image width", 0, &p->image_w, &lines) == 0 &&
	    p->image_w < 14) {
		sc_error(&n->mark, "the image width must be at least 5mm (a "
		    "picture smaller is too small to see), not \"%s\"; write "
		    "a length like 6cm, or leave width out for the picture's "
		    "own size", v);
		p->image_w = 0;
	}
}

const char *const image_keys[] = { "file", "width", NULL };

/* image: {file, width}, or a plain path as shorthand for {file: PATH}. */
static void
set_image(struct setload *sl, const struct node *n, struct problem *p)
{
	const struct node *file, *width;

	if (n->kind == NODE_SCALAR && !sc_is_null(n)) {
		p->image = set_image_file(sl, n);
		return;
	}
	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "image must be a picture's file, like "
		    "{file: pictures/bar.png, width: 6cm}, not %s",
		    sc_is_null(n) ? "empty" : node_kind_name(n));
		return;
	}
	sc_check_keys(n, image_keys, "image");
	if ((width = node_get(n, "width")) != NULL)
		set_image_width(width, p);
	if ((file = node_get(n, "file")) != NULL)
		p->image = set_image_file(sl, file);
	else if (!sc_misspelled(n, "file", image_keys))
		sc_error(&n->mark, "the image has no \"file:\"; add the "
		    "picture's path, relative to this set, like \"file: "
		    "pictures/bar.png\"");
}

/* ---- variables -------------------------------------------------------- */

/* Characters a word value may not hold: they are markup in a text. */
#define SET_WORD_MARKUP	"\\*_`{}"

static int
set_is_name(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
	    s[0] == '_'))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || s[i] == '_' || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* "2..9", "-5 .. 5": 1 and the bounds, 0 when s is not a range. */
static int
set_range(const char *s, int64_t *lo, int64_t *hi)
{
	long long a, b;
	int n = 0;

	if (sscanf(s, " %lld .. %lld %n", &a, &b, &n) != 2 || s[n] != '\0')
		return 0;
	*lo = a;
	*hi = b;
	return 1;
}

/* A report of an expression error inside text t at byte off (of t->s)
 * plus what expression it came from. */
static void
set_expr_error(const struct text *t, const struct expr_err *e)
{
	struct mark m;

	text_mark_at(t, e->off, &m);
	sc_error(&m, "%s", e->msg);
}

/* One value of a vars list: a number (3, -2, 0.75, 3/4) or a word. */
static int
set_var_value(const struct node *n, struct value *v)
{
	static const struct scope none = { NULL, 0, 0, NULL };
	struct expr_err e;
	struct text t;
	const char *markup;
	char *msg;
	size_t i;
	int word = 1;

	if (n->kind != NODE_SCALAR || sc_is_blank(n)) {
		sc_error(&n->mark, "each value to pick from must be a number "
		    "or a word, not %s", sc_is_blank(n) ? "empty" :
		    node_kind_name(n));
		return -1;
	}
	/* a number starts like one: 3, -2, .5, (1/2) */
	for (i = 0; n->value[i] == ' '; i++)
		;
	word = strchr("0123456789+-.(", n->value[i]) == NULL;
	if (!word) {
		if (expr_eval(n->value, &none, v, &e) == 0)
			return 0;
		/* say which value of the list is wrong */
		msg = xasprintf("the value %s to pick from: %s", n->value,
		    e.msg);
		snprintf(e.msg, sizeof(e.msg), "%s", msg);
		free(msg);
		t.s = n->value;
		t.mark = n->mark;
		t.style = n->style;
		t.src = n->src;	/* borrowed: t is not freed */
		set_expr_error(&t, &e);
		return -1;
	}
	if ((markup = strpbrk(n->value, SET_WORD_MARKUP)) != NULL) {
		sc_error(&n->mark, "a word to pick from prints as it is, so it "
		    "cannot hold %c (nor any of \\ * _ ` { }); write \"%s\" "
		    "without it", *markup, n->value);
		return -1;
	}
	/* 40 letters fit VAL_TEXT_MAX bytes in any script */
	if (n->len >= VAL_TEXT_MAX) {
		sc_error(&n->mark, "a word to pick from is too long; keep it "
		    "under 40 letters");
		return -1;
	}
	v->kind = VAL_TEXT;
	memcpy(v->text, n->value, n->len + 1);
	return 0;
}

static void
set_var(const struct node *key, const struct node *n, struct vardef *vd)
{
	static const char *const reserved[] = { "and", "or", "not", "gcd",
	    "lcm", "abs", "min", "max", "floor", "ceil", "round", "mixed",
	    "dec", NULL };
	size_t i, nums = 0;

	vd->name = xstrdup(key->value);
	vd->mark = key->mark;
	if (!set_is_name(key->value))
		sc_error(&key->mark, "\"%s\" cannot name a variable: use "
		    "letters, digits and _, starting with a letter, like a or "
		    "price2", key->value);
	for (i = 0; reserved[i] != NULL; i++)
		if (strcmp(reserved[i], key->value) == 0)
			sc_error(&key->mark, "\"%s\" is a word of expressions "
			    "and cannot name a variable", key->value);
	if (n->kind == NODE_SCALAR && !sc_is_blank(n)) {
		if (set_range(n->value, &vd->lo, &vd->hi)) {
			if (vd->lo > vd->hi)
				sc_error(&n->mark, "the range %s is empty; write "
				    "the smaller number first: %lld..%lld",
				    n->value, (long long)vd->hi,
				    (long long)vd->lo);
			else if (vd->lo < -1000000000LL ||
			    vd->hi > 1000000000LL)
				sc_error(&n->mark, "the range %s is too wide; a "
				    "range may go from -1000000000 to "
				    "1000000000", n->value);
			return;
		}
		if (strstr(n->value, "..") != NULL || strstr(n->value, " to ")
		    != NULL) {
			sc_error(&n->mark, "\"%s\" is not a range; write two "
			    "whole numbers with .. between, like 2..9",
			    n->value);
			return;
		}
		/* one value: a constant */
		vd->values = xcalloc(1, sizeof(*vd->values));
		if (set_var_value(n, &vd->values[0]) == 0)
			vd->nvalues = 1;
		return;
	}
	if (n->kind != NODE_SEQ || n->nkids == 0) {
		sc_error(&n->mark, "variable %s needs a range like 2..9 or a "
		    "list to pick from like [3, 4, 6, 8]", vd->name);
		return;
	}
	vd->values = xcalloc(n->nkids, sizeof(*vd->values));
	for (i = 0; i < n->nkids; i++)
		if (set_var_value(n->kids[i], &vd->values[vd->nvalues]) == 0)
			nums += vd->values[vd->nvalues++].kind == VAL_NUM;
	if (nums > 0 && nums < vd->nvalues)
		sc_error(&n->mark, "the list of %s mixes numbers and words; a "
		    "variable holds one or the other", vd->name);
}

static void
set_vars(const struct node *pn, struct problem *p)
{
	const struct node *n, *w;
	struct var v[64];
	struct scope sc;
	struct value val;
	struct expr_err e;
	size_t i;

	if ((n = node_get(pn, "vars")) != NULL && !sc_is_null(n)) {
		if (n->kind != NODE_MAP)
			sc_error(&n->mark, "vars must be key: value lines, one "
			    "per variable, like \"a: 2..9\"");
		else if (n->nkids / 2 > 64)
			sc_error(&n->mark, "a problem may have at most 64 "
			    "variables");
		else {
			p->vars = xcalloc(n->nkids / 2, sizeof(*p->vars));
			for (i = 0; i + 1 < n->nkids; i += 2)
				set_var(n->kids[i], n->kids[i + 1],
				    &p->vars[p->nvars++]);
		}
	}
	if ((w = node_get(pn, "where")) == NULL || sc_is_null(w))
		return;
	if (w->kind == NODE_SCALAR) {
		p->where.v = xcalloc(1, sizeof(*p->where.v));
		if (sc_text(w, "where", &p->where.v[0]) == 0)
			p->where.n = 1;
	} else
		sc_textlist(w, "where", &p->where);
	if (p->nvars == 0)
		sc_error(&node_key(pn, "where")->mark, "\"where\" limits the "
		    "values of variables, but this problem has no \"vars:\"");
	problem_scope(p, v, &sc);
	for (i = 0; i < p->where.n; i++)
		if (expr_eval(p->where.v[i].s, &sc, &val, &e) < 0)
			set_expr_error(&p->where.v[i], &e);
		else if (val.kind != VAL_NUM)
			sc_error(&p->where.v[i].mark, "a condition must be a "
			    "comparison like \"a != b\", not text");
}

void
problem_scope(const struct problem *p, struct var *v, struct scope *sc)
{
	size_t i;

	for (i = 0; i < p->nvars; i++) {
		memset(&v[i], 0, sizeof(v[i]));
		v[i].name = p->vars[i].name;
	}
	sc->v = v;
	sc->n = p->nvars;
	sc->check = 1;
	sc->decimal = NULL;
}

static void
set_textlist_each(struct textlist *l, void (*fn)(struct text *, void *),
    void *arg)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].s != NULL)	/* feedback has gaps */
			fn(&l->v[i], arg);
}

void
problem_texts(struct problem *p, void (*fn)(struct text *, void *),
    void *arg)
{
	struct textlist *lists[] = { &p->choices, &p->blanks, &p->left,
	    &p->right, &p->extra, &p->items, &p->rubric, &p->feedback };
	struct text *texts[] = { &p->prompt, &p->answer, &p->solution };
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i]->s != NULL)
			fn(texts[i], arg);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		set_textlist_each(lists[i], fn, arg);
	ptable_texts(p->table, fn, arg);
	set_textlist_each(&p->word_bank, fn, arg);
	set_textlist_each(&p->hints, fn, arg);
	figure_texts(p->figures, p->nfigures, fn, arg);
}

/* word_bank: a list of words (or short phrases), none empty. */
static void
set_word_bank(const struct node *n, struct textlist *l)
{
	if (n->kind == NODE_SEQ && n->nkids == 0) {
		sc_error(&n->mark, "the word bank is empty; list its words, "
		    "like [mass, volume, density], or leave word_bank out");
		return;
	}
	if (sc_textlist(n, "the word bank", l) == 0)
		set_no_blank_items(l, 0, "the word bank");
}

/* hint: one text, or a list of hints given in order. */
static void
set_hints(const struct node *n, struct textlist *l)
{
	if (n->kind == NODE_SCALAR && !sc_is_blank(n)) {
		l->v = xcalloc(1, sizeof(*l->v));
		if (sc_text(n, "the hint", &l->v[0]) == 0)
			l->n = 1;
		return;
	}
	if (n->kind == NODE_SEQ && n->nkids == 0) {
		sc_error(&n->mark, "the list of hints is empty; write a hint, "
		    "or leave hint out");
		return;
	}
	if (n->kind == NODE_SCALAR) {
		sc_empty(n, "the hint", "write what the card tells a student "
		    "who is stuck, or a list of hints in order");
		return;
	}
	if (n->kind == NODE_MAP) {
		sc_error(&n->mark, "a hint must be a text, or a list of hints "
		    "in order like [Draw a picture., Try 1 first.], not key: "
		    "value pairs");
		return;
	}
	if (sc_textlist(n, "the hints", l) == 0)
		set_no_blank_items(l, 0, "the hints");
}

/* expr_report_fn for a text of the set: each mistake where it is. */
static void
set_report_expr(const struct expr_err *e, void *arg)
{
	set_expr_error(arg, e);
}

/* Check the {a} and {= expr} of one text against a scope. */
static void
set_check_text(struct text *t, void *arg)
{
	free(expr_subst_each(t->s, arg, set_report_expr, t));
}

/* A text outside any problem (title, instructions, notes): no variables,
 * but {= expr} is computed now, once. */
static void
set_fill_text(struct text *t, void *arg)
{
	static const struct scope none = { NULL, 0, 0, NULL };
	char *s;

	(void)arg;
	if (t->s == NULL)
		return;
	if ((s = expr_subst_each(t->s, &none, set_report_expr, t)) == NULL)
		return;
	free(t->s);
	t->s = s;
}

/* Check the {a} and {= expr} of p's texts, and of its parts' (which
 * share its variables), each under its own name in messages. */
static void
set_problem_exprs(struct problem *p)
{
	struct var v[64];
	struct scope sc;
	char *name;
	size_t i;

	problem_scope(p, v, &sc);
	problem_texts(p, set_check_text, &sc);
	for (i = 0; i < p->nparts; i++) {
		name = xasprintf("problem %d%c", p->number, 'a' + (int)i);
		sc_prefix(name);
		free(name);
		problem_texts(&p->parts[i], set_check_text, &sc);
	}
}

static void set_problem(struct setload *, const struct node *,
    struct problem *, const struct problem *parent);

/* The parts of a problem in parts: each a problem of any other type,
 * lettered; the problem's points are theirs added up. */
static void
set_parts(struct setload *sl, const struct node *pn, struct problem *p)
{
	const struct node *n = node_get(pn, "parts"), *pts;
	const char *all[40];
	char *name;
	double sum = 0;
	int any = 0;
	size_t i;

	set_allowed_keys(P_PARTS, all);
	if (n == NULL) {
		if (!sc_misspelled(pn, "parts", all))
			sc_error(&pn->mark, "a parts problem needs \"parts:\", "
			    "a list of its parts (a), (b) ..., each starting "
			    "with \"- type:\"");
		return;
	}
	if (n->kind != NODE_SEQ || n->nkids == 0) {
		if (sc_is_null(n) || n->kind == NODE_SEQ)
			sc_error(&n->mark, "the list of parts is empty; add at "
			    "least one part, starting with \"- type:\"");
		else
			sc_error(&n->mark, "parts must be a list: start each "
			    "part with \"- \" (a dash and a space), like "
			    "\"- type: short\"");
		return;
	}
	if (n->nkids > PARTS_MAX) {
		sc_error(&n->mark, "a problem may have at most %d parts, (a) "
		    "to (z), not %zu; split it into several problems",
		    PARTS_MAX, n->nkids);
		return;
	}
	p->parts = xcalloc(n->nkids, sizeof(*p->parts));
	for (i = 0; i < n->nkids; i++) {
		p->parts[i].part = (int)i + 1;
		set_problem(sl, n->kids[i], &p->parts[p->nparts++], p);
		if (p->parts[i].points >= 0) {
			sum += p->parts[i].points;
			any = 1;
		}
		if (p->parts[i].broken)
			p->broken = 1;
	}
	name = xasprintf("problem %d", p->number);
	sc_prefix(name);	/* the parts named themselves */
	free(name);
	pts = node_get(pn, "points");
	if (pts != NULL && p->points >= 0 && !any)
		sc_error(&pts->mark, "a problem in parts is worth its parts' "
		    "points added up, and its parts have none; give each part "
		    "its own \"points:\" instead");
	else if (pts != NULL && p->points >= 0 && p->points != sum)
		sc_error(&pts->mark, "a problem in parts is worth its parts' "
		    "points added up, %g, not %g; leave \"points:\" out here "
		    "(or write %g)", sum, p->points, sum);
	else if (any)
		p->points = sum;
}

/* A part may not have what its problem holds for all its parts. */
static void
set_part_keys(const struct node *pn, const struct problem *parent)
{
	size_t i;

	for (i = 0; shared_keys[i].key != NULL; i++)
		if (node_get(pn, shared_keys[i].key) != NULL)
			sc_error(&node_key(pn, shared_keys[i].key)->mark, "a "
			    "part cannot have its own \"%s\": put it on "
			    "problem %d, %s", shared_keys[i].key,
			    parent->number, shared_keys[i].why);
}

/*
 * Read problem p from pn; a part of parent when parent is not NULL (its
 * number is parent's, p->part its letter, set by the caller).
 */
static void
set_problem(struct setload *sl, const struct node *pn, struct problem *p,
    const struct problem *parent)
{
	const struct node *n;
	const char *all[40], *hint;
	char *pname, *types, *ortypes, *what;
	const char *saved[P__MAX + 1];
	int t, ntypes;

	size_t errs = sc_count();

	p->number = parent != NULL ? parent->number : ++sl->number;
	p->mark = pn->mark;
	p->points = -1;
	p->space_pt = -1;
	p->type = P__MAX;
	pname = parent != NULL ? xasprintf("problem %d%c", p->number,
	    'a' + p->part - 1) : xasprintf("problem %d", p->number);
	what = parent != NULL ? xasprintf("part (%c)", 'a' + p->part - 1) :
	    xstrdup("problem");
	sc_prefix(pname);
	/* a part may be of any type but parts */
	for (ntypes = 0; ptype_names[ntypes] != NULL; ntypes++)
		saved[ntypes] = parent != NULL && ntypes == P_PARTS ? NULL :
		    ptype_names[ntypes];
	saved[ntypes] = NULL;
	types = sc_join(saved, " and ");
	ortypes = sc_join(saved, " or ");
	if (pn->kind != NODE_MAP) {
		if (pn->kind == NODE_SCALAR && !sc_is_null(pn))
			sc_error(&pn->mark, "this %s is only text; write "
			    "it with keys: \"- type: short\", then \"prompt: "
			    "...\" on the next line, lined up with \"type:\"",
			    what);
		else
			sc_error(&pn->mark, "a %s must be key: value lines "
			    "(type:, prompt: ...), not %s", parent != NULL ?
			    "part" : "problem", sc_is_null(pn) ?
			    "empty" : node_kind_name(pn));
		goto out;
	}
	if (parent != NULL)
		set_part_keys(pn, parent);
	if ((n = node_get(pn, "type")) == NULL) {
		set_allowed_keys(P__MAX, all);
		set_problem_keys(pn, p, all);
		if (!sc_misspelled(pn, "type", all))
			sc_error(&pn->mark, "\"type:\" is missing; add one of "
			    "%s", ortypes);
		goto out;
	}
	if (n->kind != NODE_SCALAR || sc_is_blank(n)) {
		if (n->kind == NODE_SCALAR) {
			char *h = xasprintf("write one of %s", ortypes);

			sc_empty(n, "the type", h);
			free(h);
		}
		else
			sc_error(&n->mark, "the type must be one of %s, not %s",
			    types, node_kind_name(n));
		goto out;
	}
	for (t = 0; ptype_names[t] != NULL; t++)
		if (strcasecmp(n->value, ptype_names[t]) == 0)
			break;
	if (parent != NULL && t == P_PARTS) {
		sc_error(&n->mark, "a part cannot be in parts itself; make it "
		    "one of %s, or give problem %d more parts", ortypes,
		    parent->number);
		goto out;
	}
	if (ptype_names[t] == NULL) {
		if ((hint = sc_suggest(n->value, saved)) != NULL)
			sc_error(&n->mark, "unknown type \"%s\" (did you mean "
			    "\"%s\"?); the types are %s", n->value, hint,
			    types);
		else
			sc_error(&n->mark, "unknown type \"%s\"; the types are "
			    "%s", n->value, types);
		goto out;
	}
	p->type = (enum ptype)t;
	set_allowed_keys(t, all);
	if (parent != NULL)
		set_drop_shared(all);
	set_problem_keys(pn, p, all);
	if ((n = node_get(pn, "prompt")) == NULL) {
		if (!sc_misspelled(pn, "prompt", all))
			sc_error(&pn->mark, "\"prompt:\" is missing; add the "
			    "question the student reads");
	} else
		set_text_req(n, "the prompt", "write the question the student "
		    "reads after \"prompt:\"", &p->prompt);
	if ((n = node_get(pn, "points")) != NULL)
		sc_number(n, "points", 0, 1000, &p->points);
	if ((n = node_get(pn, "space")) != NULL)
		sc_length(n, "space", 1, &p->space_pt, &p->space_lines);
	if ((n = node_get(pn, "solution")) != NULL && !sc_is_null(n))
		sc_text(n, "the solution", &p->solution);
	if ((n = node_get(pn, "id")) != NULL)
		sc_string(n, "id", &p->id);
	if ((n = node_get(pn, "image")) != NULL)
		set_image(sl, n, p);
	figure_load_of(pn, "problem", &p->figures, &p->nfigures);
	if ((n = node_get(pn, "table")) != NULL)
		p->table = ptable_load(n);
	if ((n = node_get(pn, "word_bank")) != NULL)
		set_word_bank(n, &p->word_bank);
	if ((n = node_get(pn, "hint")) != NULL)
		set_hints(n, &p->hints);
	if ((n = node_get(pn, "bonus")) != NULL)
		sc_bool(n, "bonus", &p->bonus);
	if ((n = node_get(pn, "new_page")) != NULL)
		sc_bool(n, "new_page", &p->new_page);
	if (p->type == P_PARTS)
		set_parts(sl, pn, p);
	else
		set_typed(pn, p, all);
	if (parent != NULL)
		goto out;	/* its variables and texts: with parent's */
	set_vars(pn, p);
	set_problem_exprs(p);
out:
	p->broken |= sc_count() > errs || p->type == P__MAX;
	sc_prefix(NULL);
	free(types);
	free(ortypes);
	free(pname);
	free(what);
}

static void
set_problems(struct setload *sl, const struct node *n, struct section *sec)
{
	size_t i;

	if (n->kind != NODE_SEQ) {
		if (sc_is_null(n))
			sc_empty(n, "the problem list", "add problems under "
			    "\"problems:\", each starting with \"- type:\"");
		else
			sc_error(&n->mark, "problems must be a list: start "
			    "each problem with \"- \" (a dash and a space), "
			    "like \"- type: short\"");
		return;
	}
	if (n->nkids == 0)
		sc_error(&n->mark, "the problem list is empty; add at least "
		    "one problem");
	if (sl->number + n->nkids > 500) {
		sc_error(&n->mark, "this set has %zu problems, more than the "
		    "500 one set may hold; split it into several files",
		    sl->number + n->nkids);
		return;
	}
	sec->problems = xcalloc(n->nkids, sizeof(*sec->problems));
	for (i = 0; i < n->nkids; i++)
		set_problem(sl, n->kids[i], &sec->problems[sec->nproblems++],
		    NULL);
}

static void
set_sections(struct setload *sl, const struct node *n)
{
	struct set *s = sl->set;
	const struct node *sn, *v;
	size_t i;
	char *sname;

	if (n->kind != NODE_SEQ || n->nkids == 0) {
		sc_error(&n->mark, "sections must be a list, each starting "
		    "with \"- title:\" and holding its own \"problems:\"");
		return;
	}
	s->sections = xcalloc(n->nkids, sizeof(*s->sections));
	for (i = 0; i < n->nkids; i++) {
		struct section *sec = &s->sections[s->nsections++];

		sn = n->kids[i];
		sname = xasprintf("section %zu", i + 1);
		sc_prefix(sname);
		free(sname);
		if (sn->kind != NODE_MAP) {
			sc_error(&sn->mark, "a section must be key: value lines "
			    "(title:, instructions:, problems:), not %s",
			    node_kind_name(sn));
			sc_prefix(NULL);
			continue;
		}
		sc_check_keys(sn, section_keys, NULL);
		if ((v = node_get(sn, "title")) != NULL && !sc_is_null(v))
			sc_text(v, "the section title", &sec->title);
		if ((v = node_get(sn, "instructions")) != NULL &&
		    !sc_is_null(v))
			sc_text(v, "the instructions", &sec->instructions);
		figure_load_of(sn, "section", &sec->figures, &sec->nfigures);
		if ((v = node_get(sn, "columns")) != NULL)
			set_columns(v, &sec->columns);
		if ((v = node_get(sn, "table")) != NULL)
			sec->table = ptable_load(v);
		if ((v = node_get(sn, "word_bank")) != NULL)
			set_word_bank(v, &sec->word_bank);
		if ((v = node_get(sn, "new_page")) != NULL)
			sc_bool(v, "new_page", &sec->new_page);
		if ((v = node_get(sn, "problems")) == NULL) {
			if (!sc_misspelled(sn, "problems", section_keys))
				sc_error(&sn->mark, "the section has no "
				    "\"problems:\"; list its problems under "
				    "it");
			sc_prefix(NULL);
		} else {
			sc_prefix(NULL);
			set_problems(sl, v, sec);
		}
	}
}

static void
set_fields(struct set *s, const struct node *n)
{
	size_t i, j, q, k = 0;
	const struct node *f;
	const char *hint;
	char *all;

	s->has_fields = 1;
	s->fields[0] = -1;
	if (n->kind != NODE_SEQ) {
		if (sc_is_null(n))
			sc_empty(n, "fields", "write the fields, like [name, "
			    "date, period], or [] for none");
		else
			sc_error(&n->mark, "fields must be a list, like [name, "
			    "date, period]");
		return;
	}
	all = sc_join(field_names, " and ");
	for (i = 0; i < n->nkids; i++) {
		f = n->kids[i];
		for (j = 0; f->kind == NODE_SCALAR && field_names[j] != NULL;
		    j++)
			if (strcasecmp(f->value, field_names[j]) == 0)
				break;
		if (f->kind != NODE_SCALAR || field_names[j] == NULL) {
			if (f->kind != NODE_SCALAR)
				sc_error(&f->mark, "each field must be a word, "
				    "not %s; the fields are %s",
				    node_kind_name(f), all);
			else if ((hint = sc_suggest(f->value, field_names)))
				sc_error(&f->mark, "\"%s\" is not a field mimeo "
				    "can print (did you mean \"%s\"?)",
				    f->value, hint);
			else
				sc_error(&f->mark, "\"%s\" is not a field mimeo "
				    "can print; the fields are %s", f->value,
				    all);
			continue;
		}
		for (q = 0; q < k; q++)
			if (s->fields[q] == (int)j)
				break;
		if (q < k) {
			sc_error(&f->mark, "field \"%s\" is listed twice",
			    field_names[j]);
			continue;
		}
		if (k < F__MAX)
			s->fields[k++] = (int)j;
	}
	if (k < F__MAX)
		s->fields[k] = -1;
	free(all);
}

/* The top-level keys that are plain strings. */
static void
set_scalars(struct set *s, const struct node *root)
{
	static const char *const shuffles[] = { "false", "true", "problems",
	    "choices", NULL };
	const struct node *n;
	long l;
	int v;

	if ((n = node_get(root, "subject")) != NULL && !sc_is_null(n))
		sc_string(n, "subject", &s->subject);
	if ((n = node_get(root, "grade")) != NULL && !sc_is_null(n))
		sc_string(n, "grade", &s->grade);
	if ((n = node_get(root, "tags")) != NULL && !sc_is_null(n))
		sc_textlist(n, "tags", &s->tags);
	if ((n = node_get(root, "language")) != NULL && !sc_is_null(n))
		template_language(n, &s->language);
	if ((n = node_get(root, "paper")) != NULL)
		s->paper = paper_node(n);
	if ((n = node_get(root, "template")) != NULL && !sc_is_null(n))
		sc_string(n, "template", &s->template);
	if ((n = node_get(root, "instructions")) != NULL && !sc_is_null(n))
		sc_text(n, "the instructions", &s->instructions);
	if ((n = node_get(root, "notes")) != NULL && !sc_is_null(n))
		sc_text(n, "the notes", &s->notes);
	if ((n = node_get(root, "seed")) != NULL &&
	    sc_int(n, "seed", 0, 2147483647L, &s->seed) == 0)
		s->has_seed = 1;
	if ((n = node_get(root, "shuffle")) != NULL) {
		if (n->kind == NODE_SCALAR && (strcasecmp(n->value, "no") ==
		    0 || strcasecmp(n->value, "off") == 0))
			s->shuffle = SHUFFLE_NONE;
		else if (n->kind == NODE_SCALAR && (strcasecmp(n->value,
		    "yes") == 0 || strcasecmp(n->value, "on") == 0))
			s->shuffle = SHUFFLE_ALL;
		else if (sc_enum(n, "shuffle", shuffles, &v) == 0)
			s->shuffle = (enum shuffle)v;
	}
	if ((n = node_get(root, "fields")) != NULL)
		set_fields(s, n);
	s->columns = 1;
	if ((n = node_get(root, "columns")) != NULL)
		set_columns(n, &s->columns);
	if ((n = node_get(root, "pages")) != NULL && sc_int_why(n, "pages", 1,
	    SET_MAX_PAGES, "pages is how many pages the worksheet may take "
	    "at most, its work spaces shrunk to fit", &l) == 0) {
		s->pages = (int)l;
		s->pages_mark = n->mark;
	}
	if ((n = node_get(root, "word_bank")) != NULL)
		set_word_bank(n, &s->word_bank);
	if ((n = node_get(root, "grade_table")) != NULL)
		sc_bool(n, "grade_table", &s->grade_table);
	if ((n = node_get(root, "class_size")) != NULL)
		sc_int_why(n, "class_size", 1, SET_MAX_CLASS, "a print list "
		    "counts copies for one class", &s->class_size);
}

/* Check the whole set; messages are held by the caller. */
static void
set_read(struct setload *sl, const struct node *root)
{
	struct set *s = sl->set;
	const struct node *n, *secs;

	if (root->kind != NODE_MAP) {
		sc_error(&root->mark, "a problem set starts with \"title:\" "
		    "and lists its problems under \"problems:\"; this file is "
		    "%s%s", node_kind_name(root), root->kind == NODE_SEQ ?
		    " (add \"title:\" and \"problems:\" above it, and indent "
		    "the list under \"problems:\")" : "");
		return;
	}
	sc_check_keys(root, set_keys, NULL);
	if ((n = node_get(root, "discussion")) != NULL)
		s->discussion = disc_load(n, &node_key(root,
		    "discussion")->mark);
	if ((n = node_get(root, "title")) == NULL) {
		if (!sc_misspelled(root, "title", set_keys))
			sc_error(&root->mark, "the set has no \"title:\"; add "
			    "the title printed at the top of the page, like "
			    "\"title: Adding Fractions\"");
	} else
		set_text_req(n, "the title", "write the title printed at the "
		    "top of the page after \"title:\"", &s->title);
	set_scalars(s, root);
	set_lang = s->language;
	n = node_get(root, "problems");
	secs = node_get(root, "sections");
	if (n != NULL && secs != NULL)
		sc_error(&node_key(root, "sections")->mark, "use either "
		    "\"problems:\" or \"sections:\", not both");
	else if (secs != NULL)
		set_sections(sl, secs);
	else if (n != NULL) {
		s->sections = xcalloc(1, sizeof(*s->sections));
		s->nsections = 1;
		set_problems(sl, n, &s->sections[0]);
	} else if (!sc_misspelled(root, "problems", set_keys) &&
	    !sc_misspelled(root, "sections", set_keys))
		sc_error(&root->mark, "the set has no \"problems:\" list; add "
		    "one (or \"sections:\", each with its own problems)");
	s->nproblems = (size_t)sl->number;
	set_lang = NULL;
}

/* Ids must be unique: a later stage refers to problems by them. */
static void
set_check_ids(struct set *s)
{
	size_t i, j, k, l;
	struct problem *p, *q;

	for (i = 0; i < s->nsections; i++)
		for (j = 0; j < s->sections[i].nproblems; j++) {
			p = &s->sections[i].problems[j];
			if (p->id == NULL)
				continue;
			for (k = 0; k <= i; k++)
				for (l = 0; l < s->sections[k].nproblems &&
				    (k < i || l < j); l++) {
					q = &s->sections[k].problems[l];
					if (q->id == NULL ||
					    strcmp(q->id, p->id) != 0)
						continue;
					sc_error(&p->mark, "problem %d: id "
					    "\"%s\" is already used by problem "
					    "%d", p->number, p->id, q->number);
					k = i + 1;
					break;
				}
		}
}

/* fig_report_fn of a section's figures: said where the number is. */
static void
set_report_figure(const struct text *t, const char *msg, void *arg)
{
	(void)arg;
	sc_error(&t->mark, "%s", msg);
}

/* The texts outside problems get their {= expr} filled once. */
static void
set_fill_toplevel(struct set *s)
{
	size_t i;

	set_fill_text(&s->title, NULL);
	set_fill_text(&s->instructions, NULL);
	set_fill_text(&s->notes, NULL);
	set_textlist_each(&s->word_bank, set_fill_text, NULL);
	if (s->discussion != NULL)
		ptable_texts(s->discussion->table, set_fill_text, NULL);
	for (i = 0; i < s->nsections; i++) {
		char *name = xasprintf("section %zu", i + 1);

		set_fill_text(&s->sections[i].title, NULL);
		set_fill_text(&s->sections[i].instructions, NULL);
		ptable_texts(s->sections[i].table, set_fill_text, NULL);
		set_textlist_each(&s->sections[i].word_bank, set_fill_text,
		    NULL);
		/* a section's figures are drawn once: read them now */
		sc_prefix(name);
		figure_texts(s->sections[i].figures, s->sections[i].nfigures,
		    set_fill_text, NULL);
		figure_eval(s->sections[i].figures, s->sections[i].nfigures,
		    set_report_figure, NULL);
		sc_prefix(NULL);
		free(name);
	}
}

struct set *
set_load(const char *path)
{
	int bad;
	struct set *s = set_load_draft(path, &bad);

	if (bad) {
		set_free(s);
		return NULL;
	}
	return s;
}

struct set *
set_load_draft(const char *path, int *bad)
{
	struct node *root;
	struct mark fm = { NULL, 1, 1 };
	enum node_empty why;
	size_t errs = diag_errors();

	*bad = 1;
	fm.file = diag_file(path);
	if ((root = yaml_load_file(path, &why)) == NULL) {
		if (why == NODE_EMPTY_FILE)
			diag_error(&fm, "the file is empty; a problem set "
			    "needs at least \"title:\" and \"problems:\"");
		else if (why == NODE_EMPTY_COMMENTS)
			diag_error(&fm, "the file holds only comments; a "
			    "problem set needs at least \"title:\" and "
			    "\"problems:\"");
		else if (diag_errors() == errs)
			diag_error(&fm, "cannot read this file");
		return NULL;
	}
	return set_from_tree(path, root, bad);
}

struct set *
set_from_tree(const char *path, struct node *root, int *bad)
{
	struct set *s;
	struct setload sl;
	size_t errs = diag_errors(), i;

	s = xcalloc(1, sizeof(*s));
	s->file = diag_file(path);
	s->fields[0] = -1;
	memset(&sl, 0, sizeof(sl));
	sl.set = s;
	sc_collect();
	set_read(&sl, root);
	set_check_ids(s);
	set_fill_toplevel(s);
	sc_flush();
	node_free(root);
	for (i = 0; i < sl.nimages; i++) {
		free(sl.images[i].path);
		image_unref(sl.images[i].image);
	}
	free(sl.images);
	*bad = diag_errors() > errs;
	return s;
}

static void
set_problem_free(struct problem *p)
{
	size_t i;

	text_free(&p->prompt);
	text_free(&p->solution);
	text_free(&p->answer);
	free(p->id);
	textlist_free(&p->choices);
	textlist_free(&p->blanks);
	textlist_free(&p->left);
	textlist_free(&p->right);
	textlist_free(&p->extra);
	textlist_free(&p->items);
	textlist_free(&p->rubric);
	textlist_free(&p->feedback);
	image_unref(p->image);
	figure_free(p->figures, p->nfigures);
	textlist_free(&p->where);
	ptable_free(p->table);
	textlist_free(&p->word_bank);
	textlist_free(&p->hints);
	for (i = 0; i < p->nparts; i++)
		set_problem_free(&p->parts[i]);
	free(p->parts);
	for (i = 0; i < p->nvars; i++) {
		free(p->vars[i].name);
		free(p->vars[i].values);
	}
	free(p->vars);
}

void
set_free(struct set *s)
{
	size_t i, j;

	if (s == NULL)
		return;
	for (i = 0; i < s->nsections; i++) {
		for (j = 0; j < s->sections[i].nproblems; j++)
			set_problem_free(&s->sections[i].problems[j]);
		free(s->sections[i].problems);
		text_free(&s->sections[i].title);
		text_free(&s->sections[i].instructions);
		figure_free(s->sections[i].figures, s->sections[i].nfigures);
		ptable_free(s->sections[i].table);
		textlist_free(&s->sections[i].word_bank);
	}
	free(s->sections);
	text_free(&s->title);
	text_free(&s->instructions);
	text_free(&s->notes);
	textlist_free(&s->tags);
	textlist_free(&s->word_bank);
	free(s->subject);
	free(s->grade);
	free(s->language);
	free(s->template);
	disc_free(s->discussion);
	free(s);
}
