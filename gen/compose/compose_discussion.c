/* compose_discussion.c - the parts of a discussion packet; see
 * compose_discussion.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "compose_discussion.h"
#include "set.h"
#include "util.h"
#include "vary.h"

/* What a step of the plan is, found from its name: the teacher's notes
 * for it (the prediction at the launch, the monitoring sheet in solo
 * work, the synthesis at the summary, the expected answer at the exit
 * ticket) print under it. */
/* Default phases (SPEC 9: Launch 5, Solo 10, Groups 10, Share 15,
 * Summary 5, Exit ticket 5): their words are labels, as are the roles'
 * (label_roles).  The share text names Reporters only when the packet
 * prints that role (pk_resolve). */
static const struct {
	enum label name, say;
	long minutes;
	enum phase_kind kind;
} phase_default[] = {
	{ L_PHASE_LAUNCH, L_PHASE_LAUNCH_SAY, 5, PH_LAUNCH },
	{ L_PHASE_SOLO, L_PHASE_SOLO_SAY, 10, PH_SOLO },
	{ L_PHASE_GROUPS, L_PHASE_GROUPS_SAY, 10, PH_GROUPS },
	{ L_PHASE_SHARE, L_PHASE_SHARE_SAY, 15, PH_SHARE },
	{ L_PHASE_SUMMARY, L_PHASE_SUMMARY_SAY, 5, PH_SUMMARY },
	{ L_PHASE_EXIT, L_PHASE_EXIT_SAY, 5, PH_EXIT } };

/* Names a set's own step may have, besides the labels of the printed
 * language, for each kind (an English set printed in Spanish). */
static const struct { const char *name; enum phase_kind kind; } phase_names[] = {
	{ "launch", PH_LAUNCH }, { "hatsumon", PH_LAUNCH },
	{ "solo", PH_SOLO }, { "alone", PH_SOLO },
	{ "groups", PH_GROUPS }, { "group work", PH_GROUPS },
	{ "share", PH_SHARE }, { "neriage", PH_SHARE },
	{ "summary", PH_SUMMARY }, { "matome", PH_SUMMARY },
	{ "synthesis", PH_SUMMARY },
	{ "exit ticket", PH_EXIT }, { "reflect", PH_EXIT },
	{ "cool-down", PH_EXIT } };

#define NDEFAULT_PHASES	(sizeof(phase_default) / sizeof(phase_default[0]))

/* Columns of the monitoring grid when the groups are not known yet. */
#define TALLY_BLANK_GROUPS	8
#define TALLY_MAX_GROUPS	16

struct pk {
	struct dpacket		*pk;
	size_t			*sizes;		/* groups' sizes, no roster:
						 * for class_size */
	size_t			 nsizes;
	const struct set	*s;
	const struct discussion	*d;
	const struct template	*t;
	const struct roster	*r;
	long			 seed;
	long			 size;		/* of a group */
};

/* A text made from a label (owned string), placed at the discussion's
 * mark for messages; the packet keeps it. */
static const struct text *
pk_text(struct pk *c, char *owned)
{
	struct dpacket *pk = c->pk;
	struct text *t = xcalloc(1, sizeof(*t));

	t->s = owned;
	t->mark = c->d->mark;
	xgrow((void **)&pk->texts, &pk->captexts, pk->ntexts,
	    sizeof(*pk->texts));
	pk->texts[pk->ntexts++] = t;
	return t;
}

/* A new part, with its bookmark: label, and who it is for (a student, a
 * group) when not NULL, "Group sheet — Group 3 · Period 2".  The guide
 * (teacher only) has a banner on every page, the exit tickets (slips to
 * cut apart) no title on top.  The footer names the part as its bookmark
 * does, then the title ("Group sheet — Group 3 · Period 2 — Title"), so
 * a page that strays from its pile says where it belongs; who is a
 * roster's words when named (cut only after the title, see page.h). */
static struct blocks *
pk_part(struct pk *c, enum dpart_kind kind, int large, const char *label,
    const char *who, int named)
{
	struct dpacket *pk = c->pk;
	struct dpart *p;
	struct footer *f;

	xgrow((void **)&pk->parts, &pk->capparts, pk->nparts,
	    sizeof(*pk->parts));
	p = &pk->parts[pk->nparts++];
	memset(p, 0, sizeof(*p));
	p->b = xcalloc(1, sizeof(*p->b));
	p->kind = kind;
	p->bookmark = who != NULL ? xasprintf("%s \xe2\x80\x94 %s", label,
	    who) : xstrdup(label);
	p->large = large;
	p->label = label;
	f = &p->b->footer;
	footer_add(f, FP_WORDS, xstrdup(kind == DPART_GUIDE ?
	    c->t->labels[L_GUIDE] : label));
	if (who != NULL)
		footer_add(f, named ? FP_NAME : FP_WORDS, xstrdup(who));
	footer_add(f, FP_TITLE, xstrdup(c->s->title.s));
	if (kind == DPART_GUIDE)
		p->b->banner = xstrdup(c->t->labels[L_TEACHER_ONLY]);
	if (kind != DPART_TICKETS)
		blocks_push(p->b, BK_TITLE)->text = &c->s->title;
	return p->b;
}

static void
pk_heading(struct pk *c, struct blocks *b, char *owned)
{
	blocks_push(b, BK_HEADING)->text = pk_text(c, owned);
}

static void
pk_labelled(struct blocks *b, enum block_kind k, const struct template *t,
    enum label l, const struct text *text)
{
	struct block *bl = blocks_push(b, k);

	bl->label = xstrdup(t->labels[l]);
	bl->text = text;
}

/* Cells of a block, copied (NULL stays NULL). */
static void
pk_cells(struct block *bl, const char *const *v, size_t n)
{
	size_t i;

	bl->cells = xcalloc(n, sizeof(char *));
	bl->ncells = n;
	for (i = 0; i < n; i++)
		bl->cells[i] = v[i] != NULL ? xstrdup(v[i]) : NULL;
}

size_t
disc_group_sizes(size_t n, long size, size_t *sizes)
{
	size_t k, i;

	if (n == 0)
		return 0;
	k = (n + (size_t)size - 1) / (size_t)size;
	if (n >= 2 && n / k < 2)
		k = n / 2;	/* fewer, larger groups rather than one alone */
	for (i = 0; i < k; i++)
		sizes[i] = n / k + (i < n % k);
	return k;
}

/* The kind of step ph is: as its step: says, else by its name (see
 * phase_names). */
static enum phase_kind
pk_phase_kind(const struct template *t, const struct phase *ph)
{
	const char *name = ph->name.s;
	size_t i;

	if (ph->step >= 0)
		return (enum phase_kind)ph->step;
	if (name == NULL)
		return PH_OTHER;
	for (i = 0; i < NDEFAULT_PHASES; i++)
		if (strcasecmp(name, t->labels[phase_default[i].name]) == 0)
			return phase_default[i].kind;
	for (i = 0; i < sizeof(phase_names) / sizeof(phase_names[0]); i++)
		if (strcasecmp(name, phase_names[i].name) == 0)
			return phase_names[i].kind;
	return PH_OTHER;
}

/* How many groups of m there are among the class's (no roster). */
static long
pk_groups_of(const struct pk *c, size_t m)
{
	long n = 0;
	size_t i;

	for (i = 0; i < c->nsizes; i++)
		n += c->sizes[i] == m;
	return n;
}

size_t
disc_group_sizes_up(size_t n, long size, size_t *sizes)
{
	size_t k = n / (size_t)size, i;

	if (k == 0)
		k = 1;
	for (i = 0; i < k; i++)
		sizes[i] = n / k + (i < n % k);
	return k;
}

/* Draw the groups: shuffle each period's students (in roster order of the
 * periods' first appearance), then deal them into even groups. */
static void
pk_groups(struct pk *c)
{
	const struct roster *r = c->r;
	struct dpacket *pk = c->pk;
	struct rng rng;
	size_t *sizes = xcalloc(r->n, sizeof(size_t));
	int *perm = xcalloc(r->n, sizeof(int));
	char *done = xcalloc(r->n, 1);
	size_t i, j, n, k, g, at;
	const char *period;

	rng_seed(&rng, (uint64_t)c->seed, 0x67726f757073ULL);	/* "groups" */
	pk->groups = xcalloc(r->n, sizeof(*pk->groups));
	for (i = 0; i < r->n; i++) {
		if (done[i])
			continue;
		period = r->v[i].period;
		for (j = i, n = 0; j < r->n; j++)
			if (!done[j] && (period == NULL ? r->v[j].period ==
			    NULL : r->v[j].period != NULL &&
			    strcmp(period, r->v[j].period) == 0)) {
				perm[n++] = (int)j;
				done[j] = 1;
			}
		rng_shuffle(&rng, perm, n);
		k = disc_group_sizes(n, c->size, sizes);
		for (g = 0, at = 0; g < k; g++) {
			struct dgroup *dg = &pk->groups[pk->ngroups++];

			dg->members = xcalloc(sizes[g], sizeof(size_t));
			dg->period = period;
			for (dg->n = 0; dg->n < sizes[g]; dg->n++)
				dg->members[dg->n] = (size_t)perm[at++];
		}
	}
	free(done);
	free(perm);
	free(sizes);
}

/* How many roles a group of m holds: all of the set's, and one of the
 * extra roles for each member beyond them.  Role j goes to member j mod
 * m, so every role is taken and nobody holds a role twice. */
static size_t
pk_nroles_for(const struct dpacket *pk, size_t m)
{
	return m > pk->nroles ? m : pk->nroles;
}

/* The roles of member i of a group of m (see above), "A, B" when a small
 * group doubles up (joined by comma, the language's).  Fresh string. */
static char *
pk_roles_of(const struct dpacket *pk, size_t i, size_t m, const char *comma)
{
	char *s = xstrdup(""), *t;
	size_t j;

	for (j = i; j < pk_nroles_for(pk, m); j += m) {
		t = xasprintf("%s%s%s", s, *s ? comma : "", pk->roles[j].name.s);
		free(s);
		s = t;
	}
	return s;
}

/* "Group 3" or "Group 3 · Period 2"; fresh. */
static char *
pk_group_title(const struct pk *c, size_t g)
{
	char num[24], *name, *s;

	snprintf(num, sizeof(num), "%zu", g + 1);
	name = label_fmt(c->t, L_GROUP, num, NULL);
	if (c->pk->groups[g].period == NULL)
		return name;
	s = xasprintf("%s \xc2\xb7 %s %s", name, c->t->labels[L_PERIOD],
	    c->pk->groups[g].period);
	free(name);
	return s;
}

/* A members table of rows: the group's names and roles, or, without a
 * group, blank names beside the roles for the students to fill in; no
 * roles for groups formed at the door. */
static struct block *
pk_members(struct pk *c, struct blocks *b, const struct dgroup *dg,
    size_t rows)
{
	const struct dpacket *pk = c->pk;
	size_t i;
	const char **v = xcalloc(rows * 2, sizeof(char *));
	char **roles = xcalloc(rows, sizeof(char *));
	struct block *bl;

	for (i = 0; i < rows; i++) {
		roles[i] = c->d->grouping == GROUPING_RANDOM ? NULL :
		    pk_roles_of(pk, i, rows, c->t->labels[L_LIST_COMMA]);
		v[2 * i] = dg != NULL ? c->r->v[dg->members[i]].name : NULL;
		v[2 * i + 1] = roles[i];
	}
	bl = blocks_push(b, BK_MEMBERS);
	pk_cells(bl, v, rows * 2);
	for (i = 0; i < rows; i++)
		free(roles[i]);
	free(roles);
	free(v);
	return bl;
}

/* Role k of label_roles, its name and job in the printed language. */
static struct role
pk_label_role(struct pk *c, int k)
{
	struct role r;

	r.name = *pk_text(c, xstrdup(c->t->labels[label_roles[k][0]]));
	r.job = *pk_text(c, xstrdup(c->t->labels[label_roles[k][1]]));
	r.known = k;
	return r;
}

/* Fill pk->roles past the set's roles, for members of a group beyond
 * them (a group has at most DISC_MAX_GROUP): the roles after the default
 * ones in label_roles (a group of 6 with the four default roles adds a
 * Questioner and a Checker) that the set does not already name, in any
 * language; past these, members share a role as its "Co-" holder, with
 * its job. */
static void
pk_extra_roles(struct pk *c)
{
	struct dpacket *pk = c->pk;
	size_t j, n = pk->nroles, base, i;
	int k;

	for (k = LABEL_NDEFAULT_ROLES; k < LABEL_NROLES && n < pk->nroles +
	    DISC_MAX_GROUP; k++) {
		for (j = 0; j < pk->nroles && pk->roles[j].known != k; j++)
			;
		if (j == pk->nroles)
			pk->roles[n++] = pk_label_role(c, k);
	}
	for (base = n, i = 0; n < pk->nroles + DISC_MAX_GROUP; n++, i++) {
		pk->roles[n].name = *pk_text(c, label_fmt(c->t, L_CO_ROLE,
		    pk->roles[i % base].name.s, NULL));
		pk->roles[n].job = pk->roles[i % base].job;
		pk->roles[n].known = -1;
	}
}

/* 1 when the groups hold role k of label_roles (the Reporter). */
static int
pk_prints_role(const struct pk *c, int k)
{
	size_t i;

	if (c->d->grouping == GROUPING_RANDOM)
		return 0;
	for (i = 0; i < c->pk->nroles; i++)
		if (c->pk->roles[i].known == k)
			return 1;
	return 0;
}

/* Resolve the plan, the roles and the board order. */
static void
pk_resolve(struct pk *c)
{
	struct dpacket *pk = c->pk;
	const struct discussion *d = c->d;
	const struct template *t = c->t;
	size_t i, n = 0;
	enum label say;
	int pass;

	/* a role the labels know, named without a job (in any language),
	 * is printed in the printed language, name and job; one with the
	 * set's own job, as the set writes it */
	pk->nroles = d->nroles > 0 ? d->nroles : LABEL_NDEFAULT_ROLES;
	pk->roles = xcalloc(pk->nroles + DISC_MAX_GROUP, sizeof(*pk->roles));
	for (i = 0; i < pk->nroles; i++)
		if (d->nroles == 0)
			pk->roles[i] = pk_label_role(c, (int)i);
		else if (d->roles[i].known >= 0 && d->roles[i].job.s == NULL)
			pk->roles[i] = pk_label_role(c, d->roles[i].known);
		else
			pk->roles[i] = d->roles[i];
	pk_extra_roles(c);
	if (d->nphases > 0) {
		pk->phases = xcalloc(d->nphases, sizeof(*pk->phases));
		memcpy(pk->phases, d->phases, d->nphases * sizeof(*d->phases));
		pk->nphases = d->nphases;
	} else {
		pk->phases = xcalloc(NDEFAULT_PHASES, sizeof(*pk->phases));
		for (i = 0; i < NDEFAULT_PHASES; i++) {
			say = phase_default[i].say;
			if (say == L_PHASE_SHARE_SAY && !pk_prints_role(c, 3))
				say = L_PHASE_SHARE_SAY_GROUP;
			pk->phases[i].name = *pk_text(c,
			    xstrdup(t->labels[phase_default[i].name]));
			pk->phases[i].say = *pk_text(c, xstrdup(t->labels[say]));
			pk->phases[i].minutes = phase_default[i].minutes;
			pk->phases[i].step = (int)phase_default[i].kind;
		}
		pk->nphases = NDEFAULT_PHASES;
	}
	/* misconceptions first, then the others as written: the teacher
	 * lists them from the most concrete to the most general */
	pk->board = xcalloc(d->nanticipate + 1, sizeof(*pk->board));
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < d->nanticipate; i++)
			if (d->anticipate[i].misconception == pass)
				pk->board[n++] = d->anticipate[i];
}

/* A shaded note for the teacher: label, then a text or a list. */
static void
pk_note(struct pk *c, struct blocks *b, enum label l, const struct text *t,
    const struct textlist *list)
{
	struct block *bl = blocks_push(b, BK_KEYNOTE);

	bl->label = xstrdup(c->t->labels[l]);
	bl->text = t;
	bl->u.list = list;
}

/* What the teacher does in a step, under it: ask for the prediction and
 * put up the lesson question at the launch; walk with the monitoring
 * sheet in solo work; the group grid and the extension in groups; say
 * and write the synthesis at the summary; the exit ticket's expected
 * answer and look-fors at the exit ticket.  *done gets the kinds seen. */
static void
pk_phase_notes(struct pk *c, struct blocks *b, const struct phase *ph,
    unsigned *done)
{
	const struct discussion *d = c->d;
	enum phase_kind k = pk_phase_kind(c->t, ph);

	if (*done & (1u << k))
		return;		/* a second step of a kind: notes once */
	*done |= 1u << k;
	switch (k) {
	case PH_LAUNCH:
		if (d->predict.s != NULL)
			pk_note(c, b, L_PREDICT, &d->predict, NULL);
		if (d->lesson_question.s != NULL)
			pk_note(c, b, L_PREDICT_BOARD, &d->lesson_question,
			    NULL);
		break;
	case PH_SOLO:
		pk_note(c, b, L_SOLO_DO, pk_text(c,
		    xstrdup(c->t->labels[L_SOLO_DO_TEXT])), NULL);
		break;
	case PH_GROUPS:
		pk_note(c, b, L_MONITOR, pk_text(c,
		    xstrdup(c->t->labels[L_GROUPS_DO_TEXT])), NULL);
		break;
	case PH_SUMMARY:
		if (d->synthesis.s != NULL)
			pk_note(c, b, L_WRITE_BOARD, &d->synthesis, NULL);
		break;
	case PH_EXIT:
		pk_note(c, b, L_EXIT_TICKET, d->exit_ticket.s != NULL ?
		    &d->exit_ticket : pk_text(c,
		    xstrdup(c->t->labels[L_EXIT_DEFAULT])), NULL);
		if (d->exit_answer.s != NULL)
			pk_note(c, b, L_EXPECTED, &d->exit_answer, NULL);
		if (d->exit_look_for.n > 0)
			pk_note(c, b, L_LOOK_FOR, NULL, &d->exit_look_for);
		break;
	default:
		break;
	}
}

/* The guide's monitoring sheet: a row per student of the roster, else
 * class-size numbered rows (at least 30: a seating grid to write in). */
static void
pk_monitor(struct pk *c, struct blocks *b)
{
	struct dpacket *pk = c->pk;
	const char **names = NULL;
	size_t i;

	if (c->r != NULL) {
		names = xcalloc(c->r->n, sizeof(*names));
		for (i = 0; i < c->r->n; i++)
			names[i] = c->r->v[i].name;
	}
	pk->monitor.names = names;
	pk->monitor.nrows = c->r != NULL ? c->r->n : (size_t)(c->pk->class_size
	    > SET_CLASS ? c->pk->class_size : SET_CLASS);
	pk->monitor.apps = c->d->anticipate;
	pk->monitor.napps = c->d->nanticipate;
	blocks_push(b, BK_NEWPAGE);
	pk_heading(c, b, xstrdup(c->t->labels[L_MONITOR_SHEET]));
	blocks_push(b, BK_MONITOR)->u.monitor = &pk->monitor;
}

static void
pk_guide(struct pk *c)
{
	const struct discussion *d = c->d;
	const struct template *t = c->t;
	struct dpacket *pk = c->pk;
	struct blocks *b = pk_part(c, DPART_GUIDE, 0,
	    t->labels[L_TEACHER_ONLY], NULL, 0);
	struct block *bl;
	size_t i, j;
	unsigned done = 0;
	int from = 0;
	char num[24];

	pk->parts[pk->nparts - 1].copies = 1;
	blocks_push(b, BK_SUBTITLE)->label = xstrdup(t->labels[L_DISCUSSION]);
	pk->list_at = b->n;
	if (d->goal.s != NULL)
		pk_labelled(b, BK_KEYNOTE, t, L_GOAL, &d->goal);
	pk_labelled(b, BK_FRAME, t, L_PROBLEM, &d->problem);
	compose_figures(b, d->figures, d->nfigures, 1);
	if (d->table != NULL)	/* the teacher's: its blanks filled */
		compose_grid(b, d->table, 1);
	if (d->lesson_question.s != NULL)
		pk_labelled(b, BK_FRAME, t, L_LESSON_QUESTION,
		    &d->lesson_question);
	if (d->grouping == GROUPING_RANDOM) {	/* before the bell */
		snprintf(num, sizeof(num), "%ld", pk->class_size);
		pk_note(c, b, L_GROUPS, pk_text(c, label_fmt(t,
		    L_RANDOM_GROUPS, num, NULL)), NULL);
	}
	for (i = 0; i < pk->nphases; i++)
		from += (int)pk->phases[i].minutes;
	snprintf(num, sizeof(num), "%d", from);
	pk_heading(c, b, label_fmt(t, L_PLAN, num, NULL));
	for (i = 0, from = 0; i < pk->nphases; i++) {
		bl = blocks_push(b, BK_PHASE);
		bl->u.phase = &pk->phases[i];
		bl->from = from;
		from += (int)pk->phases[i].minutes;
		pk_phase_notes(c, b, &pk->phases[i], &done);
	}
	/* what no step of the plan took up */
	if (!(done & (1u << PH_SUMMARY)) && d->synthesis.s != NULL)
		pk_labelled(b, BK_KEYNOTE, t, L_SYNTHESIS, &d->synthesis);
	if (!(done & (1u << PH_EXIT))) {
		if (d->exit_answer.s != NULL)
			pk_note(c, b, L_EXPECTED, &d->exit_answer, NULL);
		if (d->exit_look_for.n > 0)
			pk_note(c, b, L_LOOK_FOR, NULL, &d->exit_look_for);
	}
	if (d->nanticipate > 0) {
		pk_heading(c, b, xstrdup(t->labels[L_ANTICIPATE]));
		for (i = 0; i < d->nanticipate; i++) {
			bl = blocks_push(b, BK_APPROACH);
			bl->apps = &d->anticipate[i];
			bl->napps = 1;
			bl->n = (int)i + 1;
		}
	}
	pk_monitor(c, b);
	pk_heading(c, b, xstrdup(t->labels[L_MONITOR]));
	bl = blocks_push(b, BK_TALLY);
	bl->apps = d->anticipate;
	bl->napps = d->nanticipate;
	/* a column per group: those drawn, else those the class makes (a
	 * deck of 28 cards deals nine groups; at most TALLY_MAX_GROUPS
	 * blank-numbered ones on the page), else blank ones */
	bl->n = pk->ngroups > 0 ? (int)pk->ngroups : c->nsizes > 0 ?
	    (int)(c->nsizes < TALLY_MAX_GROUPS ? c->nsizes :
	    TALLY_MAX_GROUPS) : TALLY_BLANK_GROUPS;
	/* in the order they are used, on the grid's page when they fit:
	 * cards for the stuck and the early finishers, the questions for
	 * the share */
	if (d->hints.n > 0)
		pk_note(c, b, L_DISC_HINT_CARDS, NULL, &d->hints);
	if (d->extension.s != NULL)
		pk_note(c, b, L_EXTENSION, &d->extension, NULL);
	if (d->questions.n > 0) {
		pk_heading(c, b, xstrdup(t->labels[L_QUESTIONS]));
		blocks_push(b, BK_LIST)->u.list = &d->questions;
	}
	pk->boardplan.question = d->lesson_question.s != NULL ?
	    &d->lesson_question : NULL;
	pk->boardplan.problem = &d->problem;
	pk->boardplan.predict = d->predict.s != NULL ? &d->predict : NULL;
	pk->boardplan.apps = pk->board;
	pk->boardplan.napps = d->nanticipate;
	pk->boardplan.summary = d->synthesis.s != NULL ? &d->synthesis : NULL;
	/* more approaches than an upright page holds columns for (about
	 * 1.5 in each): the board's page is turned */
	blocks_push(b, BK_NEWPAGE)->n = d->nanticipate > BOARD_UPRIGHT_MAX;
	pk_heading(c, b, xstrdup(t->labels[L_BOARD]));
	blocks_push(b, BK_BOARD)->u.board = &pk->boardplan;
	if (pk->ngroups == 0)
		return;
	blocks_push(b, BK_NEWPAGE);
	pk_heading(c, b, xstrdup(t->labels[L_GROUPS]));
	/* a --seed above 2^63 is kept in a long bit for bit */
	snprintf(num, sizeof(num), "%lu", (unsigned long)c->seed);
	blocks_push(b, BK_TEXT)->text = pk_text(c, label_fmt(t, L_GROUPS_HINT,
	    num, NULL));
	for (j = 0; j < pk->ngroups; j++) {
		bl = pk_members(c, b, &pk->groups[j], pk->groups[j].n);
		bl->label = pk_group_title(c, j);
	}
}

/* One student's sheet, in the order of the lesson: the problem and the
 * lesson question, what they notice and wonder, their prediction; then
 * the work space; then room for the ways shared that they want to keep
 * and the box for what the class learned.  who is NULL
 * for the unnamed copy. */
static void
pk_individual(struct pk *c, const struct student *who)
{
	const struct template *t = c->t;
	const struct discussion *d = c->d;
	const char *const first[] = { t->labels[L_FIRST_TRY] };
	const char *const nw[] = { t->labels[L_NOTICE], t->labels[L_WONDER] };
	const char *const learned[] = { t->labels[L_LEARNED] };
	const char *const ways[] = { t->labels[L_CLASS_WAYS] };
	struct blocks *b;
	struct block *bl;
	size_t i;

	b = pk_part(c, DPART_INDIVIDUAL, who != NULL && who->large,
	    t->labels[L_INDIVIDUAL], who != NULL ? who->name : NULL, 1);
	c->pk->parts[c->pk->nparts - 1].copies = who != NULL ? 0 :
	    c->pk->class_size;
	bl = blocks_push(b, BK_FIELDS);
	memcpy(bl->fields, c->s->has_fields ? c->s->fields : t->fields,
	    sizeof(bl->fields));
	for (i = 0; who != NULL && i < F__MAX && bl->fields[i] >= 0; i++)
		bl->filled[i] = bl->fields[i] == F_NAME ? who->name :
		    bl->fields[i] == F_PERIOD ? who->period : NULL;
	pk_labelled(b, BK_FRAME, t, L_PROBLEM, &d->problem);
	compose_figures(b, d->figures, d->nfigures, 0);
	if (d->table != NULL)
		compose_grid(b, d->table, 0);
	if (d->lesson_question.s != NULL)
		pk_labelled(b, BK_FRAME, t, L_LESSON_QUESTION,
		    &d->lesson_question);
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, nw, 2);
	bl->h = 80;
	bl->stretch = 1;	/* takes the foot of the first page when the
				 * work space cannot (large print) */
	if (d->predict.s != NULL) {
		pk_labelled(b, BK_FRAME, t, L_MY_PREDICTION, &d->predict);
		bl = blocks_push(b, BK_WRITE);
		bl->n = 1;
	}
	/* the work space fills the rest of the first page (the next page
	 * when less than PANEL_MIN is left); the ways copied from the board
	 * during Share fill the next one down to the summary's box */
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, first, 1);
	bl->grid = 1;
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, ways, 1);
	bl->grid = 1;			/* down to the box below */
	bl->h = 110;
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, learned, 1);
	bl->h = 110;
}

/* One group's sheet: members (with roles, or blank name lines for a
 * group formed at the door), the compare-and-contrast prompts, room for
 * the approach to present.  g is a drawn group, or (size_t)-1 for the
 * unnamed sheet of a group of m. */
static void
pk_group_sheet(struct pk *c, size_t g, size_t m)
{
	const struct template *t = c->t;
	const char *const present[] = { t->labels[L_PRESENT] };
	static const enum label prompts[] = { L_ALIKE, L_DIFFERENT, L_WHICH };
	static const int lines[] = { 2, 2, 3 };
	char num[24], *who = NULL, *title = g < c->pk->ngroups ?
	    pk_group_title(c, g) : xstrdup(t->labels[L_GROUP_SHEET]);
	struct blocks *b;
	struct block *bl;
	size_t i;
	int large = 0;

	/* the group reads one sheet together: large print if one of
	 * them needs it */
	for (i = 0; g < c->pk->ngroups && i < c->pk->groups[g].n; i++)
		large |= c->r->v[c->pk->groups[g].members[i]].large;
	if (g >= c->pk->ngroups && c->d->grouping == GROUPING_ROLES &&
	    c->nsizes > 0 && c->sizes[c->nsizes - 1] != c->sizes[0]) {
		/* groups of two sizes: a sheet for each */
		snprintf(num, sizeof(num), "%zu", m);
		who = label_fmt(t, L_FOR_GROUPS, num, NULL);
	}
	if (g >= c->pk->ngroups && c->d->grouping == GROUPING_RANDOM) {
		/* formed at the door: the number on their cards, to write */
		char *n = label_fmt(t, L_GROUP, "______", NULL);

		free(title);
		title = xasprintf("%s \xe2\x80\x94 %s",
		    t->labels[L_GROUP_SHEET], n);
		free(n);
	}
	b = pk_part(c, DPART_GROUP, large, t->labels[L_GROUP_SHEET],
	    g < c->pk->ngroups ? title : who, who != NULL ? 0 : 1);
	c->pk->parts[c->pk->nparts - 1].copies = g < c->pk->ngroups ? 0 :
	    c->d->grouping == GROUPING_RANDOM ? (long)c->nsizes :
	    pk_groups_of(c, m);
	pk_heading(c, b, title);
	if (who != NULL)
		blocks_push(b, BK_INFO)->label = who;
	pk_members(c, b, g < c->pk->ngroups ? &c->pk->groups[g] : NULL, m);
	for (i = 0; i < sizeof(prompts) / sizeof(prompts[0]); i++) {
		bl = blocks_push(b, BK_PROMPT);
		bl->label = xstrdup(t->labels[prompts[i]]);
		bl->n = lines[i];
	}
	bl->h = PANEL_MIN;	/* the last prompt stays with the box */
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, present, 1);
	bl->grid = 1;
}

/* Cards in rows of cols: each card's title, body and who (3 cells). */
static void
pk_cards(struct blocks *b, const char *const *cells, size_t ncards,
    int cols, const struct text *body)
{
	struct block *bl;
	size_t i, n;

	for (i = 0; i < ncards; i += (size_t)cols) {
		n = ncards - i < (size_t)cols ? ncards - i : (size_t)cols;
		bl = blocks_push(b, BK_CARDS);
		bl->n = cols;
		bl->text = body;
		pk_cells(bl, cells + 3 * i, 3 * n);
	}
}

/* How many groups hold as many role cards as a group of m. */
static long
pk_card_sets(const struct pk *c, size_t m)
{
	long n = 0;
	size_t i;

	for (i = 0; i < c->nsizes; i++)
		n += pk_nroles_for(c->pk, c->sizes[i]) ==
		    pk_nroles_for(c->pk, m);
	return n;
}

/* Role cards: one set per size of group for the teacher to copy, or one
 * per group with the name of who holds each role; the cards of the
 * students of the print size large only (a part of their own for the
 * large-print ones, when there are any: a card is read by the one who
 * holds it). */
static void
pk_role_cards(struct pk *c, int large)
{
	const struct dpacket *pk = c->pk;
	const struct template *t = c->t;
	size_t sets = pk->ngroups > 0 ? pk->ngroups : c->nsizes, g, i, m, n;
	const char **cells = xcalloc(3 * (pk->nroles + DISC_MAX_GROUP),
	    sizeof(char *));
	char **owned = xcalloc(pk->nroles + DISC_MAX_GROUP, sizeof(char *));
	char num[24], *sized = NULL;
	size_t nowned;
	struct blocks *b = NULL;

	for (g = 0; g < sets; g++) {
		m = pk->ngroups > 0 ? pk->groups[g].n : c->sizes[g];
		/* a set per number of roles: groups of 3 and 4 with four
		 * roles hold the same cards */
		if (pk->ngroups == 0 && g > 0 && pk_nroles_for(pk, m) ==
		    pk_nroles_for(pk, c->sizes[g - 1]))
			continue;
		for (i = n = nowned = 0; i < pk_nroles_for(pk, m); i++) {
			const struct student *who = NULL;

			if (pk->ngroups > 0)	/* role i's holder: pk_roles_of */
				who = &c->r->v[pk->groups[g].members[i %
				    pk->groups[g].n]];
			if ((who != NULL ? who->large : 0) != large)
				continue;
			cells[3 * n] = pk->roles[i].name.s;
			cells[3 * n + 1] = pk->roles[i].job.s;
			cells[3 * n + 2] = NULL;
			if (who != NULL) {
				char *title = pk_group_title(c, g);

				owned[nowned] = xasprintf("%s \xc2\xb7 %s",
				    title, who->name);
				cells[3 * n + 2] = owned[nowned++];
				free(title);
			}
			n++;
		}
		if (n > 0 && (b == NULL || pk->ngroups == 0)) {
			if (pk->ngroups == 0 && pk_nroles_for(pk,
			    c->sizes[c->nsizes - 1]) != pk_nroles_for(pk,
			    c->sizes[0])) {
				snprintf(num, sizeof(num), "%zu", m);
				sized = label_fmt(t, L_FOR_GROUPS, num, NULL);
			}
			b = pk_part(c, DPART_ROLES, large,
			    t->labels[L_ROLE_CARDS], large ?
			    t->labels[L_LARGE_PRINT] : sized, 0);
			c->pk->parts[c->pk->nparts - 1].copies =
			    pk->ngroups > 0 ? 0 : pk_card_sets(c, m);
			pk_heading(c, b, sized != NULL ? xasprintf("%s \xe2\x80"
			    "\x94 %s", t->labels[L_ROLE_CARDS], sized) :
			    xstrdup(t->labels[L_ROLE_CARDS]));
			blocks_push(b, BK_TEXT)->text = pk_text(c,
			    xstrdup(t->labels[L_CUT_HINT]));
			free(sized);
			sized = NULL;
		}
		if (n > 0)
			pk_cards(b, cells, n, 2, NULL);
		for (i = 0; i < nowned; i++)
			free(owned[i]);
	}
	free(owned);
	free(cells);
}

/* The deck of group cards (grouping: random): "Group 1" as many times as
 * group 1 has members, and so on, one card per student of the roster or
 * the class, to shuffle and deal at the door. */
static void
pk_group_cards(struct pk *c)
{
	const struct template *t = c->t;
	size_t n = (size_t)c->pk->class_size, i, g, k = 0;
	const char **cells = xcalloc(3 * n, sizeof(char *));
	char **names = xcalloc(c->nsizes, sizeof(char *)), num[24];
	const char *body = t->labels[L_GROUP_CARD_BODY];
	struct blocks *b;

	for (g = 0; g < c->nsizes; g++) {
		snprintf(num, sizeof(num), "%zu", g + 1);
		names[g] = label_fmt(t, L_GROUP, num, NULL);
		for (i = 0; i < c->sizes[g]; i++, k++) {
			cells[3 * k] = names[g];
			cells[3 * k + 1] = body;
		}
	}
	b = pk_part(c, DPART_GROUP_CARDS, 0, t->labels[L_GROUP_CARDS], NULL, 0);
	c->pk->parts[c->pk->nparts - 1].copies = 1;
	pk_heading(c, b, xstrdup(t->labels[L_GROUP_CARDS]));
	blocks_push(b, BK_TEXT)->text = pk_text(c,
	    xstrdup(t->labels[L_GROUP_CARDS_HINT]));
	pk_cards(b, cells, k, 3, NULL);
	for (g = 0; g < c->nsizes; g++)
		free(names[g]);
	free(names);
	free(cells);
}

/* Hint cards ("Hint (1 of 3)" ... in order) and the extension card, as
 * the hint cards of problems are made (compose_hint_cards): one set per
 * group, handed out by the teacher, so no teacher mark. */
static void
pk_hint_cards(struct pk *c)
{
	const struct discussion *d = c->d;
	const struct template *t = c->t;
	struct textlist ext;
	struct blocks *b;

	if (d->hints.n == 0 && d->extension.s == NULL)
		return;
	b = pk_part(c, DPART_HINTS, 0, t->labels[L_DISC_HINT_CARDS], NULL, 0);
	c->pk->parts[c->pk->nparts - 1].copies = c->pk->ngroups > 0 ?
	    (long)c->pk->ngroups : (long)c->nsizes;
	pk_heading(c, b, xstrdup(t->labels[L_DISC_HINT_CARDS]));
	blocks_push(b, BK_TEXT)->text = pk_text(c,
	    xstrdup(t->labels[L_DISC_HINT_CARDS_HINT]));
	compose_hint_cards(b, t, t->labels[L_HINT], &d->hints);
	ext.v = (struct text *)&d->extension;
	ext.n = d->extension.s != NULL;
	compose_hint_cards(b, t, t->labels[L_EXTENSION], &ext);
}

/* Exit tickets, four to a page: four blank ones, or one per student of
 * the print size large (a part of their own for the large-print ones,
 * when there are any).  The prompt only: its answer is the guide's. */
static void
pk_tickets(struct pk *c, int large)
{
	const struct template *t = c->t;
	const struct text *body = c->d->exit_ticket.s != NULL ?
	    &c->d->exit_ticket : pk_text(c, xstrdup(t->labels[L_EXIT_DEFAULT]));
	size_t n = c->r != NULL ? c->r->n : DISC_TICKETS_PER_PAGE, i, k = 0;
	const char **cells;
	struct blocks *b;

	if (large && c->r == NULL)
		return;
	cells = xcalloc(3 * n, sizeof(char *));
	for (i = 0; i < n; i++) {
		if (c->r != NULL && c->r->v[i].large != large)
			continue;
		cells[3 * k] = t->labels[L_EXIT_TICKET];
		cells[3 * k++ + 2] = c->r != NULL ? c->r->v[i].name : NULL;
	}
	if (k > 0) {
		b = pk_part(c, DPART_TICKETS, large, t->labels[L_EXIT_TICKET],
		    large ? t->labels[L_LARGE_PRINT] : NULL, 0);
		c->pk->parts[c->pk->nparts - 1].copies = c->r != NULL ? 0 :
		    (c->pk->class_size + DISC_TICKETS_PER_PAGE - 1) /
		    DISC_TICKETS_PER_PAGE;
		pk_cards(b, cells, k, 1, body);
	}
	free(cells);
}

struct dpacket *
compose_discussion(const struct set *s, const struct template *t,
    const struct roster *r, long group_size, long seed, long class_size)
{
	struct pk c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.pk = xcalloc(1, sizeof(*c.pk));
	c.s = s;
	c.d = s->discussion;
	c.t = t;
	c.r = r;
	c.seed = seed;
	c.size = group_size;
	c.pk->class_size = r != NULL ? (long)r->n : class_size > 0 ?
	    class_size : s->class_size > 0 ? s->class_size : SET_CLASS;
	c.sizes = xcalloc((size_t)c.pk->class_size, sizeof(*c.sizes));
	c.nsizes = disc_group_sizes((size_t)c.pk->class_size, c.size,
	    c.sizes);
	if (c.d->grouping == GROUPING_RANDOM && c.nsizes > 1 &&
	    c.sizes[c.nsizes - 1] < (size_t)c.size)
		c.nsizes = disc_group_sizes_up((size_t)c.pk->class_size,
		    c.size, c.sizes);
	pk_resolve(&c);
	if (r != NULL && c.d->grouping == GROUPING_ROLES)
		pk_groups(&c);
	pk_guide(&c);
	for (i = 0; i < (r != NULL ? r->n : 1); i++)
		pk_individual(&c, r != NULL ? &r->v[i] : NULL);
	if (c.pk->ngroups > 0)
		for (i = 0; i < c.pk->ngroups; i++)
			pk_group_sheet(&c, i, c.pk->groups[i].n);
	else if (c.d->grouping == GROUPING_RANDOM)	/* lines for the
							 * largest group */
		pk_group_sheet(&c, (size_t)-1, c.sizes[0]);
	else
		for (i = 0; i < c.nsizes; i++)	/* a sheet per size */
			if (i == 0 || c.sizes[i] != c.sizes[i - 1])
				pk_group_sheet(&c, (size_t)-1, c.sizes[i]);
	if (c.d->grouping == GROUPING_ROLES) {
		pk_role_cards(&c, 0);
		pk_role_cards(&c, 1);
	} else
		pk_group_cards(&c);
	pk_hint_cards(&c);
	pk_tickets(&c, 0);
	pk_tickets(&c, 1);
	free(c.sizes);
	return c.pk;
}

void
dpacket_print_list(struct dpacket *pk, const struct template *t,
    const struct printitem *items, size_t n, int duplex)
{
	struct blocks *b = pk->parts[0].b, *list = xcalloc(1, sizeof(*list));
	size_t i;

	/* the list put before ends at the goal: take it out */
	while (b->n > pk->list_at && b->v[pk->list_at].kind != BK_KEYNOTE &&
	    b->v[pk->list_at].kind != BK_FRAME) {
		struct block *old = &b->v[pk->list_at];

		free(old->label);
		for (i = 0; i < old->ncells; i++)
			free(old->cells[i]);
		free(old->cells);
		memmove(old, old + 1, (b->n - pk->list_at - 1) * sizeof(*old));
		b->n--;
	}
	compose_print_list(list, t, items, n, duplex);
	for (i = 0; i < list->n; i++)
		blocks_push(b, BK_TEXT);
	memmove(&b->v[pk->list_at + list->n], &b->v[pk->list_at],
	    (b->n - list->n - pk->list_at) * sizeof(*b->v));
	memcpy(&b->v[pk->list_at], list->v, list->n * sizeof(*b->v));
	list->n = 0;
	blocks_free(list);
}

/* 1 when s has word w (of wn bytes) at a word's start, ending there or
 * with an "s"/"es" plural; *upper set when it starts as w does (a
 * capital), not in lower case.  *at: its offset. */
static int
pk_find_word(const char *s, const char *w, size_t *at, int *upper)
{
	size_t wn = strlen(w), i, e;

	for (i = 0; s[i] != '\0'; i++) {
		if (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
		    (unsigned char)s[i - 1] >= 0x80))
			continue;
		if (strncasecmp(s + i, w, wn) != 0)
			continue;
		e = i + wn;
		if (s[e] == 's')
			e++;
		else if (s[e] == 'e' && s[e + 1] == 's')
			e += 2;
		if (isalnum((unsigned char)s[e]) || (unsigned char)s[e] >= 0x80)
			continue;
		*at = i;
		*upper = s[i] == w[0];
		return 1;
	}
	return 0;
}

/* Says, at the say: text of phase i, that it names the role name (at
 * at, as the set or the labels write it: upper) which the packet prints
 * no card for.  Returns 1 for an error, 0 for a warning. */
static int
pk_role_unprinted(const struct discussion *d, size_t i, const char *name,
    size_t at, int upper)
{
	const struct text *say = &d->phases[i].say;
	struct mark m;

	text_mark_at(say, at, &m);
	if (!upper) {
		diag_warn(&m, "discussion: phase %zu: \"%.*s\" may mean the "
		    "role \"%s\", which the packet prints no card for",
		    i + 1, (int)strlen(name), say->s + at, name);
		return 0;
	}
	diag_error(&m, "discussion: phase %zu: the text names the role "
	    "\"%s\", but %s; name a role the groups have, or say \"one "
	    "member of each group\"", i + 1, name,
	    d->grouping == GROUPING_RANDOM ? "grouping: random prints no "
	    "roles" : "the packet prints no card for it");
	return 1;
}

/* Says, at the say: text of phase i, that its role word at at (with
 * the capitalised words before it: "Materials Managers") names a role pk
 * prints no card for: an error when capitalised, as one addresses a role,
 * else a warning (it may be an ordinary word).  Returns 1 for an error. */
static int
pk_role_word_unprinted(const struct discussion *d, const struct dpacket *pk,
    size_t i, size_t at)
{
	const struct text *say = &d->phases[i].say;
	const char *sp = say->s;
	size_t from = at, end = at, p, j;
	struct mark m;
	char *held;

	while (isalpha((unsigned char)sp[end]))
		end++;
	/* "Table Captains": the capitalised word before, unless it starts
	 * the sentence ("Now Captains") */
	if (at >= 2 && sp[at - 1] == ' ' && isalpha((unsigned char)sp[at - 2])) {
		for (p = at - 1; p > 0 && isalpha((unsigned char)sp[p - 1]); p--)
			;
		for (j = p; j > 0 && sp[j - 1] == ' '; j--)
			;
		if (isupper((unsigned char)sp[p]) && j > 0 &&
		    strchr(".!?:", sp[j - 1]) == NULL)
			from = p;
	}
	text_mark_at(say, from, &m);
	if (!isupper((unsigned char)sp[at])) {
		diag_warn(&m, "discussion: phase %zu: \"%.*s\" may mean a "
		    "role, which the packet prints no card for", i + 1,
		    (int)(end - from), sp + from);
		return 0;
	}
	if (d->grouping == GROUPING_RANDOM) {
		diag_error(&m, "discussion: phase %zu: the text names the role "
		    "\"%.*s\", but grouping: random prints no roles; say "
		    "\"one member of each group\"", i + 1, (int)(end - from),
		    sp + from);
		return 1;
	}
	held = xstrdup("");
	for (j = 0; j < pk->nroles; j++) {
		char *t = xasprintf("%s%s%s", held, j > 0 ? ", " : "",
		    pk->roles[j].name.s);

		free(held);
		held = t;
	}
	diag_error(&m, "discussion: phase %zu: the text names the role "
	    "\"%.*s\", but the packet prints no card for it (its roles: "
	    "%s); add it to roles:, or say \"one member of each group\"",
	    i + 1, (int)(end - from), sp + from, held);
	free(held);
	return 1;
}

size_t
disc_check_roles(const struct set *s, const struct template *t,
    long group_size)
{
	const struct discussion *d = s->discussion;
	struct dpacket pkd;
	struct pk c;
	size_t i, j, r, w, errs = 0, at;
	int k, upper, held;

	memset(&c, 0, sizeof(c));
	memset(&pkd, 0, sizeof(pkd));
	c.pk = &pkd;
	c.s = s;
	c.d = d;
	c.t = t;
	c.size = group_size;
	/* the roles printed: the set's, and those a group of group_size
	 * adds beyond them */
	pkd.nroles = d->nroles > 0 ? d->nroles : LABEL_NDEFAULT_ROLES;
	pkd.roles = xcalloc(pkd.nroles + DISC_MAX_GROUP, sizeof(*pkd.roles));
	for (i = 0; i < pkd.nroles; i++)
		pkd.roles[i] = d->nroles > 0 ? d->roles[i] :
		    pk_label_role(&c, (int)i);
	pk_extra_roles(&c);
	for (i = 0; i < d->nphases; i++) {
		const struct text *say = &d->phases[i].say;

		for (k = 0; say->s != NULL && k < LABEL_NROLES; k++) {
			const char *name = t->labels[label_roles[k][0]];

			if (!pk_find_word(say->s, name, &at, &upper))
				continue;
			held = 0;
			for (j = 0; d->grouping == GROUPING_ROLES && j <
			    pk_nroles_for(&pkd, (size_t)group_size); j++)
				held |= pkd.roles[j].known == k ||
				    (pkd.roles[j].name.s != NULL &&
				    strcasecmp(pkd.roles[j].name.s, name) == 0);
			if (!held)
				errs += pk_role_unprinted(d, i, name, at, upper);
		}
		/* a role of any name ("Materials Managers"): one of the
		 * roles printed (the set's own names too) must hold it */
		for (w = 0; say->s != NULL && role_head_words[w] != NULL; w++) {
			if (!pk_find_word(say->s, role_head_words[w], &at,
			    &upper) || label_role_find(role_head_words[w]) >= 0)
				continue;	/* a label's role: above */
			held = 0;
			for (j = 0; d->grouping == GROUPING_ROLES && j <
			    pk_nroles_for(&pkd, (size_t)group_size); j++)
				held |= pkd.roles[j].name.s != NULL &&
				    pk_find_word(pkd.roles[j].name.s,
				    role_head_words[w], &r, &k);
			if (!held)
				errs += pk_role_word_unprinted(d, &pkd, i, at);
		}
	}
	for (i = 0; i < pkd.ntexts; i++) {
		text_free(pkd.texts[i]);
		free(pkd.texts[i]);
	}
	free(pkd.texts);
	free(pkd.roles);
	return errs;
}

void
dpacket_free(struct dpacket *pk)
{
	size_t i;

	if (pk == NULL)
		return;
	for (i = 0; i < pk->nparts; i++) {
		blocks_free(pk->parts[i].b);
		free(pk->parts[i].bookmark);
	}
	free(pk->parts);
	for (i = 0; i < pk->ngroups; i++)
		free(pk->groups[i].members);
	free(pk->groups);
	for (i = 0; i < pk->ntexts; i++) {
		text_free(pk->texts[i]);
		free(pk->texts[i]);
	}
	free(pk->texts);
	free(pk->phases);
	free(pk->roles);
	free(pk->board);
	free((void *)pk->monitor.names);
	free(pk);
}
