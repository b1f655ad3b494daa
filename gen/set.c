/*
 * set.c - load a problem set (SPEC section 3) from its YAML tree.
 * Every check that needs only the file is here, so `mimeo check` and the
 * builders report the same things.  Loading goes on after an error so that
 * one run reports every mistake in the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "set.h"
#include "util.h"

const char *const ptype_names[] = { "short", "choice", "multi", "truefalse",
    "blank", "match", "order", "open", "work", NULL };

const char *const field_names[] = { "name", "date", "period", "class",
    "score", NULL };

static const char *const set_keys[] = { "title", "subject", "grade", "tags",
    "language", "paper", "template", "instructions", "fields", "seed",
    "shuffle", "notes", "problems", "sections", "discussion", NULL };

static const char *const section_keys[] = { "title", "instructions",
    "problems", NULL };

/* Keys every problem may have, then the keys of each type. */
static const char *const common_keys[] = { "type", "prompt", "points",
    "space", "solution", "id", "image", NULL };

static const char *const type_keys[P__MAX][5] = {
	[P_SHORT] = { "answer", NULL },
	[P_CHOICE] = { "choices", "columns", "answer", NULL },
	[P_MULTI] = { "choices", "columns", "answer", NULL },
	[P_TRUEFALSE] = { "answer", NULL },
	[P_BLANK] = { "answer", NULL },
	[P_MATCH] = { "pairs", "extra", NULL },
	[P_ORDER] = { "items", NULL },
	[P_OPEN] = { "lines", "answer", "rubric", NULL },
	[P_WORK] = { "grid", "answer", NULL },
};

/* Keys the format has that this version does not read yet: say so plainly
 * rather than calling them unknown. */
static const char *const later_keys[] = { "vars", "where", "discussion",
    NULL };

struct setload {
	struct set	*set;
	int		 number;	/* problems so far */
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

/* A problem's name for messages: "problem 3". */
static char *
set_pname(const struct problem *p)
{
	return xasprintf("problem %d", p->number);
}

/* Letter index of an answer such as "B"; -1 (reported) if not a choice. */
static int
set_letter(const struct node *n, const char *pname, size_t nchoices)
{
	int c;

	if (n->kind != NODE_SCALAR) {
		diag_error(&n->mark, "%s: the answer must be a letter, not %s",
		    pname, node_kind_name(n));
		return -1;
	}
	c = (unsigned char)n->value[0];
	if (c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	if (n->value[0] == '\0' || n->value[1] != '\0' || c < 'A' ||
	    c >= 'A' + (int)nchoices) {
		diag_error(&n->mark, "%s: answer \"%s\" is not one of the "
		    "choices A-%c", pname, n->value, 'A' + (int)nchoices - 1);
		return -1;
	}
	return c - 'A';
}

static void
set_choices(const struct node *pn, struct problem *p, const char *pname)
{
	const struct node *n, *a;
	size_t i;
	long l;
	int k;

	if ((n = node_get(pn, "choices")) == NULL) {
		diag_error(&p->mark, "%s: a %s problem needs \"choices\"",
		    pname, ptype_names[p->type]);
		return;
	}
	if (sc_textlist(n, "choices", &p->choices) < 0)
		return;
	if (p->choices.n < 2 || p->choices.n > 10) {
		diag_error(&n->mark, "%s: give from 2 to 10 choices, not %zu",
		    pname, p->choices.n);
		return;
	}
	if ((n = node_get(pn, "columns")) != NULL &&
	    sc_int(n, "columns", 1, 4, &l) == 0)
		p->columns = (int)l;
	if ((a = node_get(pn, "answer")) == NULL || sc_is_null(a)) {
		diag_error(&p->mark, "%s: a %s problem needs an \"answer\" "
		    "(%s)", pname, ptype_names[p->type], p->type == P_CHOICE ?
		    "a letter, like B" : "a list of letters, like [A, C]");
		return;
	}
	if (p->type == P_CHOICE) {
		if (a->kind == NODE_SEQ)
			diag_error(&a->mark, "%s: a choice problem has one "
			    "answer; use type: multi for several", pname);
		else if ((k = set_letter(a, pname, p->choices.n)) >= 0)
			p->correct = 1u << k;
		return;
	}
	if (a->kind != NODE_SEQ) {
		diag_error(&a->mark, "%s: the answer of a multi problem must "
		    "be a list of letters, like [A, C]", pname);
		return;
	}
	if (a->nkids == 0)
		diag_error(&a->mark, "%s: the answer list is empty", pname);
	for (i = 0; i < a->nkids; i++) {
		if ((k = set_letter(a->kids[i], pname, p->choices.n)) < 0)
			continue;
		if (p->correct & (1u << k))
			diag_error(&a->kids[i]->mark, "%s: answer %c is "
			    "listed twice", pname, 'A' + k);
		p->correct |= 1u << k;
	}
}

static void
set_match(const struct node *pn, struct problem *p, const char *pname)
{
	const struct node *n, *pair;
	size_t i;

	if ((n = node_get(pn, "pairs")) == NULL) {
		diag_error(&p->mark, "%s: a match problem needs \"pairs\", "
		    "like [[dog, puppy], [cat, kitten]]", pname);
		return;
	}
	if (n->kind != NODE_SEQ) {
		diag_error(&n->mark, "%s: pairs must be a list of pairs, like "
		    "[[dog, puppy], [cat, kitten]]", pname);
		return;
	}
	if (n->nkids < 2 || n->nkids > 15)
		diag_error(&n->mark, "%s: give from 2 to 15 pairs, not %zu",
		    pname, n->nkids);
	p->left.v = xcalloc(n->nkids, sizeof(struct text));
	p->right.v = xcalloc(n->nkids, sizeof(struct text));
	for (i = 0; i < n->nkids; i++) {
		pair = n->kids[i];
		if (pair->kind != NODE_SEQ || pair->nkids != 2) {
			diag_error(&pair->mark, "%s: pair %zu must be two "
			    "texts in brackets, like [left, right]", pname,
			    i + 1);
			continue;
		}
		if (sc_text(pair->kids[0], "the left side", &p->left.v[p->left.n])
		    < 0)
			continue;
		p->left.n++;
		if (sc_text(pair->kids[1], "the right side",
		    &p->right.v[p->right.n]) == 0)
			p->right.n++;
	}
	if ((n = node_get(pn, "extra")) != NULL)
		sc_textlist(n, "extra", &p->extra);
	if (p->right.n + p->extra.n > 26)
		diag_error(&p->mark, "%s: more than 26 items on the right",
		    pname);
}

static void
set_typed(const struct node *pn, struct problem *p, const char *pname)
{
	const struct node *n;
	long l;
	size_t nb;

	n = node_get(pn, "answer");
	switch (p->type) {
	case P_CHOICE:
	case P_MULTI:
		set_choices(pn, p, pname);
		break;
	case P_SHORT:
		if (n == NULL || sc_is_null(n))
			diag_error(&p->mark, "%s: a short problem needs an "
			    "\"answer\"", pname);
		else
			sc_text(n, "answer", &p->answer);
		break;
	case P_TRUEFALSE:
		if (n == NULL || sc_is_null(n))
			diag_error(&p->mark, "%s: a truefalse problem needs "
			    "\"answer: true\" or \"answer: false\"", pname);
		else
			sc_bool(n, "the answer", &p->truth);
		break;
	case P_BLANK:
		nb = p->prompt.s ? set_count_blanks(p->prompt.s) : 0;
		if (p->prompt.s != NULL && nb == 0)
			diag_error(&p->prompt.mark, "%s: a blank problem needs "
			    "at least one ___ (three underscores) in its "
			    "prompt", pname);
		if (n == NULL || sc_is_null(n)) {
			diag_error(&p->mark, "%s: a blank problem needs an "
			    "\"answer\": a list with one text per blank",
			    pname);
			break;
		}
		if (n->kind != NODE_SEQ) {
			diag_error(&n->mark, "%s: the answer of a blank "
			    "problem must be a list, one text per blank, "
			    "like [\"%s\"]", pname, n->kind == NODE_SCALAR ?
			    n->value : "...");
			break;
		}
		if (sc_textlist(n, "answer", &p->blanks) == 0 && nb > 0 &&
		    p->blanks.n != nb)
			diag_error(&n->mark, "%s: the prompt has %zu blank%s "
			    "but the answer lists %zu", pname, nb,
			    nb == 1 ? "" : "s", p->blanks.n);
		break;
	case P_MATCH:
		set_match(pn, p, pname);
		break;
	case P_ORDER:
		if ((n = node_get(pn, "items")) == NULL)
			diag_error(&p->mark, "%s: an order problem needs "
			    "\"items\", listed in the correct order", pname);
		else if (sc_textlist(n, "items", &p->items) == 0 &&
		    (p->items.n < 2 || p->items.n > 15))
			diag_error(&n->mark, "%s: give from 2 to 15 items, "
			    "not %zu", pname, p->items.n);
		break;
	case P_OPEN:
		p->lines = 5;
		if (n != NULL && !sc_is_null(n))
			sc_text(n, "answer", &p->answer);
		if ((n = node_get(pn, "lines")) != NULL &&
		    sc_int(n, "lines", 1, 40, &l) == 0)
			p->lines = (int)l;
		if ((n = node_get(pn, "rubric")) != NULL)
			sc_textlist(n, "rubric", &p->rubric);
		break;
	case P_WORK:
		if (n != NULL && !sc_is_null(n))
			sc_text(n, "answer", &p->answer);
		if ((n = node_get(pn, "grid")) != NULL)
			sc_bool(n, "grid", &p->grid);
		break;
	default:
		break;
	}
}

/* Check the keys of a problem: unknown ones, and keys of another type. */
static void
set_problem_keys(const struct node *pn, const struct problem *p,
    const char *pname)
{
	const char *all[32];
	size_t i, j, n = 0;
	const char *k;
	int t, found;

	for (i = 0; common_keys[i] != NULL; i++)
		all[n++] = common_keys[i];
	for (i = 0; type_keys[p->type][i] != NULL; i++)
		all[n++] = type_keys[p->type][i];
	all[n] = NULL;
	for (i = 0; i + 1 < pn->nkids; i += 2) {
		k = pn->kids[i]->value;
		for (j = 0, found = 0; all[j] != NULL && !found; j++)
			found = strcmp(all[j], k) == 0;
		if (found)
			continue;
		for (j = 0; later_keys[j] != NULL && !found; j++)
			found = strcmp(later_keys[j], k) == 0;
		if (found) {
			diag_error(&pn->kids[i]->mark, "%s: \"%s\" is not "
			    "supported by this version of mimeo yet", pname,
			    k);
			continue;
		}
		for (t = 0; t < P__MAX && !found; t++)
			for (j = 0; type_keys[t][j] != NULL && !found; j++)
				found = strcmp(type_keys[t][j], k) == 0;
		if (found) {
			diag_error(&pn->kids[i]->mark, "%s: \"%s\" does not "
			    "apply to a %s problem", pname, k,
			    ptype_names[p->type]);
			continue;
		}
		k = sc_suggest(k, all);
		if (k != NULL)
			diag_error(&pn->kids[i]->mark, "%s: unknown key \"%s\" "
			    "(did you mean \"%s\"?)", pname,
			    pn->kids[i]->value, k);
		else
			diag_error(&pn->kids[i]->mark, "%s: unknown key "
			    "\"%s\"", pname, pn->kids[i]->value);
	}
}

static void
set_problem(struct setload *sl, const struct node *pn, struct problem *p)
{
	const struct node *n;
	char *pname;
	int t;

	p->number = ++sl->number;
	p->mark = pn->mark;
	p->points = -1;
	p->space_pt = -1;
	pname = set_pname(p);
	if (pn->kind != NODE_MAP) {
		diag_error(&pn->mark, "%s must be a mapping with type: and "
		    "prompt:, not %s", pname, node_kind_name(pn));
		goto out;
	}
	if ((n = node_get(pn, "type")) == NULL) {
		diag_error(&pn->mark, "%s has no \"type\" (one of short, "
		    "choice, multi, truefalse, blank, match, order, open, "
		    "work)", pname);
		goto out;
	}
	if (sc_enum(n, pname, ptype_names, &t) < 0) {
		if (n->kind == NODE_SCALAR &&
		    sc_suggest(n->value, ptype_names) != NULL)
			diag_warn(&n->mark, "did you mean type: %s?",
			    sc_suggest(n->value, ptype_names));
		goto out;
	}
	p->type = (enum ptype)t;
	set_problem_keys(pn, p, pname);
	if ((n = node_get(pn, "prompt")) == NULL || sc_is_null(n))
		diag_error(n ? &n->mark : &pn->mark, "%s has no \"prompt\": "
		    "the question the student reads", pname);
	else
		sc_text(n, "the prompt", &p->prompt);
	if ((n = node_get(pn, "points")) != NULL)
		sc_number(n, "points", 0, 1000, &p->points);
	if ((n = node_get(pn, "space")) != NULL)
		sc_length(n, "space", 1, &p->space_pt, &p->space_lines);
	if ((n = node_get(pn, "solution")) != NULL && !sc_is_null(n))
		sc_text(n, "solution", &p->solution);
	if ((n = node_get(pn, "id")) != NULL)
		sc_string(n, "id", &p->id);
	if ((n = node_get(pn, "image")) != NULL)
		diag_error(&n->mark, "%s: \"image\" is not supported by this "
		    "version of mimeo yet", pname);
	set_typed(pn, p, pname);
out:
	free(pname);
}

static void
set_problems(struct setload *sl, const struct node *n, struct section *sec)
{
	size_t i;

	if (n->kind != NODE_SEQ) {
		diag_error(&n->mark, "problems must be a list: each problem "
		    "starts with '- type: ...'");
		return;
	}
	if (n->nkids == 0)
		diag_error(&n->mark, "the problem list is empty");
	if (sl->number + n->nkids > 500) {
		diag_error(&n->mark, "more than 500 problems; split the set");
		return;
	}
	sec->problems = xcalloc(n->nkids, sizeof(*sec->problems));
	for (i = 0; i < n->nkids; i++)
		set_problem(sl, n->kids[i], &sec->problems[sec->nproblems++]);
}

static void
set_sections(struct setload *sl, const struct node *n)
{
	struct set *s = sl->set;
	const struct node *sn, *v;
	size_t i;

	if (n->kind != NODE_SEQ || n->nkids == 0) {
		diag_error(&n->mark, "sections must be a list, each with "
		    "title:, instructions: and problems:");
		return;
	}
	s->sections = xcalloc(n->nkids, sizeof(*s->sections));
	for (i = 0; i < n->nkids; i++) {
		struct section *sec = &s->sections[s->nsections++];

		sn = n->kids[i];
		if (sn->kind != NODE_MAP) {
			diag_error(&sn->mark, "section %zu must be a mapping "
			    "with title:, instructions: and problems:", i + 1);
			continue;
		}
		sc_check_keys(sn, section_keys, "section");
		if ((v = node_get(sn, "title")) != NULL && !sc_is_null(v))
			sc_text(v, "the section title", &sec->title);
		if ((v = node_get(sn, "instructions")) != NULL &&
		    !sc_is_null(v))
			sc_text(v, "instructions", &sec->instructions);
		if ((v = node_get(sn, "problems")) == NULL)
			diag_error(&sn->mark, "section %zu has no problems",
			    i + 1);
		else
			set_problems(sl, v, sec);
	}
}

static void
set_fields(struct set *s, const struct node *n)
{
	size_t i, k = 0;
	int f;

	s->has_fields = 1;
	s->fields[0] = -1;
	if (n->kind != NODE_SEQ) {
		diag_error(&n->mark, "fields must be a list, like [name, "
		    "date, period]");
		return;
	}
	for (i = 0; i < n->nkids && k < F__MAX; i++)
		if (sc_enum(n->kids[i], "a field", field_names, &f) == 0)
			s->fields[k++] = f;
	if (i < n->nkids)
		diag_error(&n->kids[i]->mark, "too many fields");
	if (k < F__MAX)
		s->fields[k] = -1;
}

/* The top-level keys that are plain strings. */
static void
set_scalars(struct set *s, const struct node *root)
{
	static const char *const papers[] = { "letter", "a4", NULL };
	static const char *const shuffles[] = { "false", "true", "problems",
	    "choices", "no", "yes", NULL };
	const struct node *n;
	int v;

	if ((n = node_get(root, "subject")) != NULL && !sc_is_null(n))
		sc_string(n, "subject", &s->subject);
	if ((n = node_get(root, "grade")) != NULL && !sc_is_null(n))
		sc_string(n, "grade", &s->grade);
	if ((n = node_get(root, "tags")) != NULL)
		sc_textlist(n, "tags", &s->tags);
	if ((n = node_get(root, "language")) != NULL)
		sc_string(n, "language", &s->language);
	if ((n = node_get(root, "paper")) != NULL &&
	    sc_enum(n, "paper", papers, &v) == 0)
		s->paper = xstrdup(papers[v]);
	if ((n = node_get(root, "template")) != NULL)
		sc_string(n, "template", &s->template);
	if ((n = node_get(root, "instructions")) != NULL && !sc_is_null(n))
		sc_text(n, "instructions", &s->instructions);
	if ((n = node_get(root, "notes")) != NULL && !sc_is_null(n))
		sc_text(n, "notes", &s->notes);
	if ((n = node_get(root, "seed")) != NULL &&
	    sc_int(n, "seed", 0, 2147483647L, &s->seed) == 0)
		s->has_seed = 1;
	if ((n = node_get(root, "shuffle")) != NULL &&
	    sc_enum(n, "shuffle", shuffles, &v) == 0)
		s->shuffle = v == 4 ? SHUFFLE_NONE : v == 5 ? SHUFFLE_ALL :
		    (enum shuffle)v;
	if ((n = node_get(root, "fields")) != NULL)
		set_fields(s, n);
}

struct set *
set_load(const char *path)
{
	struct node *root;
	struct set *s;
	struct setload sl;
	const struct node *n, *secs;
	struct mark fm = { NULL, 1, 1 };
	size_t errs = diag_errors(), i;

	fm.file = diag_file(path);
	if ((root = yaml_load(path)) == NULL) {
		if (diag_errors() == errs)
			diag_error(&fm, "the file is empty; a problem set "
			    "needs at least title: and problems:");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->file = fm.file;
	s->fields[0] = -1;
	memset(&sl, 0, sizeof(sl));
	sl.set = s;
	if (root->kind != NODE_MAP) {
		diag_error(&root->mark, "a problem set must be a mapping that "
		    "starts with title:, not %s", node_kind_name(root));
		goto out;
	}
	sc_check_keys(root, set_keys, "the set");
	for (i = 0; i + 1 < root->nkids; i += 2)
		if (strcmp(root->kids[i]->value, "discussion") == 0)
			diag_error(&root->kids[i]->mark, "\"discussion\" is "
			    "not supported by this version of mimeo yet");
	if ((n = node_get(root, "title")) == NULL || sc_is_null(n))
		diag_error(n ? &n->mark : &root->mark, "the set has no "
		    "\"title\"");
	else
		sc_text(n, "the title", &s->title);
	set_scalars(s, root);
	n = node_get(root, "problems");
	secs = node_get(root, "sections");
	if (n != NULL && secs != NULL)
		diag_error(&secs->mark, "use either problems: or sections:, "
		    "not both");
	else if (secs != NULL)
		set_sections(&sl, secs);
	else if (n != NULL) {
		s->sections = xcalloc(1, sizeof(*s->sections));
		s->nsections = 1;
		set_problems(&sl, n, &s->sections[0]);
	} else
		diag_error(&root->mark, "the set has no problems: add a "
		    "\"problems:\" list");
	s->nproblems = (size_t)sl.number;
out:
	node_free(root);
	if (diag_errors() > errs) {
		set_free(s);
		return NULL;
	}
	return s;
}

static void
set_problem_free(struct problem *p)
{
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
	}
	free(s->sections);
	text_free(&s->title);
	text_free(&s->instructions);
	text_free(&s->notes);
	textlist_free(&s->tags);
	free(s->subject);
	free(s->grade);
	free(s->language);
	free(s->paper);
	free(s->template);
	free(s);
}
