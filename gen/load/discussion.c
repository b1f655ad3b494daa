/*
 * discussion.c - read the discussion: block of a set; see discussion.h.
 * Like set.c, reading goes on after a mistake so that one run reports
 * every mistake in the block.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "discussion.h"
#include "figure.h"
#include "keys.h"
#include "template.h"
#include "util.h"

const char *const disc_keys[] = { "problem", "figure", "figures",
    "goal", "phases",
    "anticipate", "questions", "synthesis", "exit_ticket", "group_size",
    "roles", "table", "lesson_question", "predict", "hints", "extension",
    "grouping", NULL };

const char *const exit_keys[] = { "prompt", "answer", "look_for",
    NULL };

const char *const role_head_words[] = { "captain", "leader", "helper",
    "monitor", "reporter", "facilitator", "recorder", "manager", "messenger",
    "buddy", "keeper", "presenter", "speaker", "scribe", "navigator", NULL };

static const char *const grouping_words[] = { "roles", "random", NULL };

const char *const phase_keys[] = { "name", "minutes", "say", "step", NULL };

const char *const phase_step_words[] = { "launch", "solo", "groups", "share",
    "summary", "exit", "other", NULL };

const char *const approach_keys[] = { "approach", "misconception",
    "ask", NULL };

const char *const role_keys[] = { "name", "job", NULL };

/* An optional text: absent or null leaves t empty. */
static void
disc_opt_text(const struct node *map, const char *key, const char *what,
    struct text *t)
{
	const struct node *n = node_get(map, key);

	if (n != NULL && !sc_is_null(n))
		sc_text(n, what, t);
}

/* A text that must be there and hold something; missing is reported at
 * the map (unless a misspelled key already explains it). */
static void
disc_req_text(const struct node *map, const char *const *keys,
    const char *key, const char *what, const char *hint, struct text *t)
{
	const struct node *n = node_get(map, key);

	if (n == NULL) {
		if (!sc_misspelled(map, key, keys))
			sc_error(&map->mark, "\"%s:\" is missing; %s", key,
			    hint);
	} else if (n->kind == NODE_SCALAR && sc_is_blank(n))
		sc_empty(n, what, hint);
	else
		sc_text(n, what, t);
}

/* A list that must be a "- " list of mappings: its node, or NULL after
 * saying what it should look like. */
static const struct node *
disc_list(const struct node *n, const char *what, const char *example)
{
	if (n->kind == NODE_SEQ && n->nkids > 0)
		return n;
	if (n->kind == NODE_SEQ || sc_is_null(n))
		sc_error(&n->mark, "%s is empty; list them, like %s, or leave "
		    "the key out", what, example);
	else
		sc_error(&n->mark, "%s must be a list, one \"- \" line each, "
		    "like %s", what, example);
	return NULL;
}

/* 1 when n is a whole number written plainly and below lo: such a value
 * gets its own message rather than sc_int's range. */
static int
disc_below(const struct node *n, long lo)
{
	return n->kind == NODE_SCALAR && n->len > 0 && n->len < 12 &&
	    strspn(n->value, "-0123456789") == n->len &&
	    strtol(n->value, NULL, 10) < lo;
}

/* Messages from here on begin "discussion: WHAT i+1: ". */
static void
disc_prefix(const char *what, size_t i)
{
	char *pfx = xasprintf("discussion: %s %zu", what, i + 1);

	sc_prefix(pfx);
	free(pfx);
}

/* Start reading item i of a list (prefix "discussion: WHAT i"): 0 when it
 * is a mapping (its keys checked against keys), else -1 after saying it
 * must look like shape. */
static int
disc_item(const struct node *n, const char *what, size_t i,
    const char *const *keys, const char *shape)
{
	disc_prefix(what, i);
	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "%s, not %s", shape, node_kind_name(n));
		return -1;
	}
	sc_check_keys(n, keys, NULL);
	return 0;
}

static void
disc_phase(const struct node *pn, size_t i, struct phase *ph)
{
	const struct node *n;
	long l;

	ph->step = -1;
	if (disc_item(pn, "phase", i, phase_keys, "a phase must be {name: "
	    "..., minutes: ..., say: ...}") < 0)
		return;
	disc_req_text(pn, phase_keys, "name", "the name", "write what the "
	    "class does in it, like \"name: Solo\"", &ph->name);
	if ((n = node_get(pn, "minutes")) == NULL) {
		if (!sc_misspelled(pn, "minutes", phase_keys))
			sc_error(&pn->mark, "\"minutes:\" is missing; say how "
			    "long the phase lasts, like \"minutes: 10\"");
	} else if (disc_below(n, 1))
		sc_error(&n->mark, "minutes must be at least 1, not %s; leave "
		    "out a phase the lesson does not have", n->value);
	else if (sc_int(n, "minutes", 1, 120, &l) == 0)
		ph->minutes = l;
	disc_opt_text(pn, "say", "what to say", &ph->say);
	if ((n = node_get(pn, "step")) != NULL && !sc_is_null(n) &&
	    sc_enum(n, "step", phase_step_words, &ph->step) < 0)
		ph->step = -1;
}

static void
disc_approach(const struct node *an, size_t i, struct approach *ap)
{
	const struct node *n;

	if (disc_item(an, "approach", i, approach_keys, "an anticipated "
	    "approach must be key: value lines (approach:, misconception:, "
	    "ask:)") < 0)
		return;
	disc_req_text(an, approach_keys, "approach", "the approach",
	    "describe what a student might do, like \"approach: Draws two "
	    "bars cut into tenths.\"", &ap->approach);
	if ((n = node_get(an, "misconception")) != NULL)
		sc_bool(n, "misconception", &ap->misconception);
	disc_opt_text(an, "ask", "the question to ask", &ap->ask);
}

static void
disc_role(const struct node *rn, size_t i, struct role *r)
{
	r->known = -1;
	if (rn->kind == NODE_SCALAR) {
		disc_prefix("role", i);
		if (sc_is_blank(rn))
			sc_empty(rn, "the role", "write its name, or remove it");
		else
			sc_text(rn, "the role", &r->name);
	} else if (disc_item(rn, "role", i, role_keys, "a role is a name, or "
	    "{name: ..., job: ...}") == 0) {
		disc_req_text(rn, role_keys, "name", "the name", "write the "
		    "role's name, like \"name: Timekeeper\"", &r->name);
		disc_opt_text(rn, "job", "the job", &r->job);
	}
	if (r->name.s != NULL)
		r->known = label_role_find(r->name.s);
}

/* Say so when role i repeats an earlier one: the same name, or the same
 * role of the labels in another language ("Facilitator", "Facilitador"). */
static void
disc_role_twice(const struct discussion *d, size_t i)
{
	const struct role *r = &d->roles[i], *o;
	size_t j;

	for (j = 0; j < i && r->name.s != NULL; j++) {
		o = &d->roles[j];
		if (o->name.s == NULL)
			continue;
		if (strcasecmp(r->name.s, o->name.s) == 0) {
			sc_error(&r->name.mark, "role \"%s\" is listed twice",
			    r->name.s);
			return;
		}
		if (r->known >= 0 && r->known == o->known) {
			sc_error(&r->name.mark, "role \"%s\" is role \"%s\" "
			    "(line %d) in another language, so it is listed "
			    "twice; keep one of them", r->name.s, o->name.s,
			    o->name.mark.line);
			return;
		}
	}
}

static void
disc_lists(struct discussion *d, const struct node *dn)
{
	const struct node *n;
	size_t i;

	if ((n = node_get(dn, "phases")) != NULL && (n = disc_list(n,
	    "the phase list", "\"- {name: Solo, minutes: 10}\"")) != NULL) {
		d->phases = xcalloc(n->nkids, sizeof(*d->phases));
		d->nphases = n->nkids;
		for (i = 0; i < n->nkids; i++)
			disc_phase(n->kids[i], i, &d->phases[i]);
		sc_prefix("discussion");
	}
	if ((n = node_get(dn, "anticipate")) != NULL && (n = disc_list(n,
	    "the list of anticipated approaches", "\"- approach: Draws a "
	    "picture.\"")) != NULL) {
		d->anticipate = xcalloc(n->nkids, sizeof(*d->anticipate));
		d->nanticipate = n->nkids;
		for (i = 0; i < n->nkids; i++)
			disc_approach(n->kids[i], i, &d->anticipate[i]);
		sc_prefix("discussion");
	}
	if ((n = node_get(dn, "roles")) != NULL && (n = disc_list(n,
	    "the role list", "[Facilitator, Recorder, Skeptic, Reporter]"))
	    != NULL) {
		d->roles = xcalloc(n->nkids, sizeof(*d->roles));
		d->nroles = n->nkids;
		for (i = 0; i < n->nkids; i++)
			disc_role(n->kids[i], i, &d->roles[i]);
		sc_prefix("discussion");
		for (i = 1; i < d->nroles; i++)
			disc_role_twice(d, i);
	}
	if ((n = node_get(dn, "questions")) != NULL && !sc_is_null(n))
		sc_textlist(n, "the questions", &d->questions);
}

/* exit_ticket: a text (the prompt), or {prompt, answer, look_for}: the
 * answer and the look-fors go to the teacher's guide only. */
static void
disc_exit(struct discussion *d, const struct node *n)
{
	const struct node *lf;

	if (n->kind != NODE_MAP) {
		if (sc_is_blank(n))
			sc_empty(n, "the exit ticket", "write its question, "
			    "or leave the key out for the default one");
		else
			sc_text(n, "the exit ticket", &d->exit_ticket);
		return;
	}
	sc_prefix("discussion: exit_ticket");
	sc_check_keys(n, exit_keys, NULL);
	disc_req_text(n, exit_keys, "prompt", "the prompt", "write the "
	    "question students answer alone, like \"prompt: Add `1/2 + "
	    "2/5`.\"", &d->exit_ticket);
	disc_opt_text(n, "answer", "the expected answer", &d->exit_answer);
	if ((lf = node_get(n, "look_for")) != NULL && !sc_is_null(lf)) {
		if (lf->kind == NODE_SCALAR) {
			d->exit_look_for.v = xcalloc(1,
			    sizeof(*d->exit_look_for.v));
			if (sc_text(lf, "what to look for",
			    &d->exit_look_for.v[0]) == 0)
				d->exit_look_for.n = 1;
		} else
			sc_textlist(lf, "what to look for", &d->exit_look_for);
	}
	sc_prefix("discussion");
}

/* grouping: roles | random; random has no roles to list. */
static void
disc_grouping(struct discussion *d, const struct node *dn)
{
	const struct node *n = node_get(dn, "grouping"), *r;
	int g;

	if (n == NULL || sc_enum(n, "grouping", grouping_words, &g) < 0)
		return;
	d->grouping = (enum grouping)g;
	if (d->grouping == GROUPING_RANDOM && (r = node_get(dn, "roles")) !=
	    NULL)
		sc_error(&r->mark, "grouping: random forms groups at the door "
		    "from dealt cards, without roles; remove \"roles:\" or "
		    "write \"grouping: roles\"");
}

/* fig_report_fn: the discussion's figures are drawn as written. */
static void
disc_report_figure(const struct text *t, const char *msg, void *arg)
{
	(void)arg;
	sc_error(&t->mark, "%s", msg);
}

struct discussion *
disc_load(const struct node *dn, const struct mark *key)
{
	struct discussion *d = xcalloc(1, sizeof(*d));
	const struct node *n;
	long l;

	d->mark = *key;
	sc_prefix("discussion");
	if (dn->kind != NODE_MAP) {
		sc_error(&dn->mark, "the discussion must be key: value lines "
		    "indented under \"discussion:\" (problem:, goal:, ...), "
		    "not %s", sc_is_null(dn) ? "empty" : node_kind_name(dn));
		sc_prefix(NULL);
		return d;
	}
	sc_check_keys(dn, disc_keys, NULL);
	disc_req_text(dn, disc_keys, "problem", "the problem", "write the "
	    "problem the class will solve", &d->problem);
	figure_load_of(dn, "discussion", &d->figures, &d->nfigures);
	figure_eval(d->figures, d->nfigures, disc_report_figure, NULL);
	if ((n = node_get(dn, "table")) != NULL)
		d->table = ptable_load(n);
	disc_opt_text(dn, "goal", "the goal", &d->goal);
	disc_opt_text(dn, "synthesis", "the synthesis", &d->synthesis);
	if ((n = node_get(dn, "exit_ticket")) != NULL && !sc_is_null(n))
		disc_exit(d, n);
	disc_opt_text(dn, "lesson_question", "the lesson question",
	    &d->lesson_question);
	disc_opt_text(dn, "predict", "the prediction", &d->predict);
	disc_opt_text(dn, "extension", "the extension", &d->extension);
	if ((n = node_get(dn, "hints")) != NULL && !sc_is_null(n))
		sc_textlist(n, "the hints", &d->hints);
	disc_grouping(d, dn);
	if ((n = node_get(dn, "group_size")) != NULL) {
		if (disc_below(n, DISC_MIN_GROUP))
			sc_error(&n->mark, "group_size must be at least 2, not "
			    "%s: a group needs someone to compare with",
			    n->value);
		else if (sc_int(n, "group_size", DISC_MIN_GROUP,
		    DISC_MAX_GROUP, &l) == 0)
			d->group_size = l;
	}
	disc_lists(d, dn);
	sc_prefix(NULL);
	return d;
}

void
disc_free(struct discussion *d)
{
	size_t i;

	if (d == NULL)
		return;
	text_free(&d->problem);
	figure_free(d->figures, d->nfigures);
	ptable_free(d->table);
	text_free(&d->goal);
	text_free(&d->synthesis);
	text_free(&d->exit_ticket);
	text_free(&d->exit_answer);
	textlist_free(&d->exit_look_for);
	text_free(&d->lesson_question);
	text_free(&d->predict);
	textlist_free(&d->hints);
	text_free(&d->extension);
	for (i = 0; i < d->nphases; i++) {
		text_free(&d->phases[i].name);
		text_free(&d->phases[i].say);
	}
	free(d->phases);
	for (i = 0; i < d->nanticipate; i++) {
		text_free(&d->anticipate[i].approach);
		text_free(&d->anticipate[i].ask);
	}
	free(d->anticipate);
	for (i = 0; i < d->nroles; i++) {
		text_free(&d->roles[i].name);
		text_free(&d->roles[i].job);
	}
	free(d->roles);
	textlist_free(&d->questions);
	free(d);
}
