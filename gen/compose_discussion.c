/* compose_discussion.c - the parts of a discussion packet; see
 * compose_discussion.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compose_discussion.h"
#include "util.h"
#include "vary.h"

/* Default phases (SPEC: Launch 5, Solo 10, Groups 15, Share 15, Reflect
 * 5): their words are labels, as are the roles' (label_roles). */
static const struct { enum label name, say; long minutes; } phase_default[] = {
	{ L_PHASE_LAUNCH, L_PHASE_LAUNCH_SAY, 5 },
	{ L_PHASE_SOLO, L_PHASE_SOLO_SAY, 10 },
	{ L_PHASE_GROUPS, L_PHASE_GROUPS_SAY, 15 },
	{ L_PHASE_SHARE, L_PHASE_SHARE_SAY, 15 },
	{ L_PHASE_REFLECT, L_PHASE_REFLECT_SAY, 5 } };

#define NDEFAULT_PHASES	(sizeof(phase_default) / sizeof(phase_default[0]))

/* Columns of the monitoring grid when the groups are not known yet. */
#define TALLY_BLANK_GROUPS	8

struct pk {
	struct dpacket		*pk;
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
 * group doubles up.  Fresh string. */
static char *
pk_roles_of(const struct dpacket *pk, size_t i, size_t m)
{
	char *s = xstrdup(""), *t;
	size_t j;

	for (j = i; j < pk_nroles_for(pk, m); j += m) {
		t = xasprintf("%s%s%s", s, *s ? ", " : "", pk->roles[j].name.s);
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

/* A members table: the group's names and roles, or, without a group,
 * blank names beside the roles for the students to fill in. */
static struct block *
pk_members(struct pk *c, struct blocks *b, const struct dgroup *dg)
{
	const struct dpacket *pk = c->pk;
	size_t rows = dg != NULL ? dg->n : (size_t)c->size, i;
	const char **v = xcalloc(rows * 2, sizeof(char *));
	char **roles = xcalloc(rows, sizeof(char *));
	struct block *bl;

	for (i = 0; i < rows; i++) {
		roles[i] = pk_roles_of(pk, i, rows);
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

/* Resolve the plan, the roles and the board order. */
static void
pk_resolve(struct pk *c)
{
	struct dpacket *pk = c->pk;
	const struct discussion *d = c->d;
	const struct template *t = c->t;
	size_t i, n = 0;
	int pass;

	if (d->nphases > 0) {
		pk->phases = xcalloc(d->nphases, sizeof(*pk->phases));
		memcpy(pk->phases, d->phases, d->nphases * sizeof(*d->phases));
		pk->nphases = d->nphases;
	} else {
		pk->phases = xcalloc(NDEFAULT_PHASES, sizeof(*pk->phases));
		for (i = 0; i < NDEFAULT_PHASES; i++) {
			pk->phases[i].name = *pk_text(c,
			    xstrdup(t->labels[phase_default[i].name]));
			pk->phases[i].say = *pk_text(c,
			    xstrdup(t->labels[phase_default[i].say]));
			pk->phases[i].minutes = phase_default[i].minutes;
		}
		pk->nphases = NDEFAULT_PHASES;
	}
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
	/* misconceptions first, then the others as written: the teacher
	 * lists them from the most concrete to the most general */
	pk->board = xcalloc(d->nanticipate + 1, sizeof(*pk->board));
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < d->nanticipate; i++)
			if (d->anticipate[i].misconception == pass)
				pk->board[n++] = d->anticipate[i];
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
	int from = 0;
	char num[24];

	blocks_push(b, BK_SUBTITLE)->label = xstrdup(t->labels[L_DISCUSSION]);
	if (d->goal.s != NULL)
		pk_labelled(b, BK_KEYNOTE, t, L_GOAL, &d->goal);
	pk_labelled(b, BK_FRAME, t, L_PROBLEM, &d->problem);
	compose_figures(b, d->figures, d->nfigures, 1);
	if (d->table != NULL)	/* the teacher's: its blanks filled */
		compose_grid(b, d->table, 1);
	for (i = 0; i < pk->nphases; i++)
		from += (int)pk->phases[i].minutes;
	snprintf(num, sizeof(num), "%d", from);
	pk_heading(c, b, label_fmt(t, L_PLAN, num, NULL));
	for (i = 0, from = 0; i < pk->nphases; i++) {
		bl = blocks_push(b, BK_PHASE);
		bl->phase = &pk->phases[i];
		bl->from = from;
		from += (int)pk->phases[i].minutes;
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
	pk_heading(c, b, xstrdup(t->labels[L_MONITOR]));
	bl = blocks_push(b, BK_TALLY);
	bl->apps = d->anticipate;
	bl->napps = d->nanticipate;
	bl->n = pk->ngroups > 0 ? (int)pk->ngroups : TALLY_BLANK_GROUPS;
	if (d->questions.n > 0) {
		pk_heading(c, b, xstrdup(t->labels[L_QUESTIONS]));
		blocks_push(b, BK_LIST)->list = &d->questions;
	}
	if (d->nanticipate > 0) {
		pk_heading(c, b, xstrdup(t->labels[L_BOARD]));
		bl = blocks_push(b, BK_BOARD);
		bl->apps = pk->board;
		bl->napps = d->nanticipate;
	}
	if (d->synthesis.s != NULL)
		pk_labelled(b, BK_KEYNOTE, t, L_SYNTHESIS, &d->synthesis);
	if (pk->ngroups == 0)
		return;
	blocks_push(b, BK_NEWPAGE);
	pk_heading(c, b, xstrdup(t->labels[L_GROUPS]));
	/* a --seed above 2^63 is kept in a long bit for bit */
	snprintf(num, sizeof(num), "%lu", (unsigned long)c->seed);
	blocks_push(b, BK_TEXT)->text = pk_text(c, label_fmt(t, L_GROUPS_HINT,
	    num, NULL));
	for (j = 0; j < pk->ngroups; j++) {
		bl = pk_members(c, b, &pk->groups[j]);
		bl->label = pk_group_title(c, j);
	}
}

/* One student's sheet: the problem, room for a first try, what they
 * notice and wonder.  who is NULL for the unnamed copy. */
static void
pk_individual(struct pk *c, const struct student *who)
{
	const struct template *t = c->t;
	const char *const first[] = { t->labels[L_FIRST_TRY] };
	const char *const nw[] = { t->labels[L_NOTICE], t->labels[L_WONDER] };
	struct blocks *b;
	struct block *bl;
	size_t i;

	b = pk_part(c, DPART_INDIVIDUAL, who != NULL && who->large,
	    t->labels[L_INDIVIDUAL], who != NULL ? who->name : NULL, 1);
	bl = blocks_push(b, BK_FIELDS);
	memcpy(bl->fields, c->s->has_fields ? c->s->fields : t->fields,
	    sizeof(bl->fields));
	for (i = 0; who != NULL && i < F__MAX && bl->fields[i] >= 0; i++)
		bl->filled[i] = bl->fields[i] == F_NAME ? who->name :
		    bl->fields[i] == F_PERIOD ? who->period : NULL;
	pk_labelled(b, BK_FRAME, t, L_PROBLEM, &c->d->problem);
	compose_figures(b, c->d->figures, c->d->nfigures, 0);
	if (c->d->table != NULL)
		compose_grid(b, c->d->table, 0);
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, first, 1);
	bl->grid = 1;			/* down to the panels below */
	bl->h = 150;
	bl = blocks_push(b, BK_PANELS);
	pk_cells(bl, nw, 2);
	bl->h = 150;
}

/* One group's sheet: members and roles, the compare-and-contrast
 * prompts, room for the approach to present (the problem is on every
 * member's own sheet). */
static void
pk_group_sheet(struct pk *c, size_t g)
{
	const struct template *t = c->t;
	const char *const present[] = { t->labels[L_PRESENT] };
	static const enum label prompts[] = { L_ALIKE, L_DIFFERENT, L_WHICH };
	static const int lines[] = { 2, 2, 3 };
	char *title = g < c->pk->ngroups ? pk_group_title(c, g) :
	    xstrdup(t->labels[L_GROUP_SHEET]);
	struct blocks *b;
	struct block *bl;
	size_t i;
	int large = 0;

	/* the group reads one sheet together: large print if one of
	 * them needs it */
	for (i = 0; g < c->pk->ngroups && i < c->pk->groups[g].n; i++)
		large |= c->r->v[c->pk->groups[g].members[i]].large;
	b = pk_part(c, DPART_GROUP, large, t->labels[L_GROUP_SHEET],
	    g < c->pk->ngroups ? title : NULL, 1);
	pk_heading(c, b, title);
	pk_members(c, b, g < c->pk->ngroups ? &c->pk->groups[g] : NULL);
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

/* Role cards: one set for the teacher to copy, or one per group with the
 * name of who holds each role; the cards of the students of the print
 * size large only (a part of their own for the large-print ones, when
 * there are any: a card is read by the one who holds it). */
static void
pk_role_cards(struct pk *c, int large)
{
	const struct dpacket *pk = c->pk;
	const struct template *t = c->t;
	size_t sets = pk->ngroups > 0 ? pk->ngroups : 1, g, i, n = 0;
	const char **cells = xcalloc(3 * sets * (pk->nroles + DISC_MAX_GROUP),
	    sizeof(char *));
	char **owned = xcalloc(sets * (pk->nroles + DISC_MAX_GROUP),
	    sizeof(char *));
	size_t nowned = 0;
	struct blocks *b;

	for (g = 0; g < sets; g++)
		for (i = 0; i < pk_nroles_for(pk, pk->ngroups > 0 ?
		    pk->groups[g].n : (size_t)c->size); i++) {
			const struct student *who = NULL;

			if (pk->ngroups > 0)	/* role i's holder: pk_roles_of */
				who = &c->r->v[pk->groups[g].members[i %
				    pk->groups[g].n]];
			if ((who != NULL ? who->large : 0) != large)
				continue;
			cells[3 * n] = pk->roles[i].name.s;
			cells[3 * n + 1] = pk->roles[i].job.s;
			if (who != NULL) {
				char *title = pk_group_title(c, g);

				owned[nowned] = xasprintf("%s \xc2\xb7 %s",
				    title, who->name);
				cells[3 * n + 2] = owned[nowned++];
				free(title);
			}
			n++;
		}
	if (n > 0) {
		b = pk_part(c, DPART_ROLES, large, t->labels[L_ROLE_CARDS],
		    large ? t->labels[L_LARGE_PRINT] : NULL, 0);
		pk_heading(c, b, xstrdup(t->labels[L_ROLE_CARDS]));
		blocks_push(b, BK_TEXT)->text = pk_text(c,
		    xstrdup(t->labels[L_CUT_HINT]));
		pk_cards(b, cells, n, 2, NULL);
	}
	for (i = 0; i < nowned; i++)
		free(owned[i]);
	free(owned);
	free(cells);
}

/* Exit tickets, four to a page: four blank ones, or one per student of
 * the print size large (a part of their own for the large-print ones,
 * when there are any). */
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
		pk_cards(b, cells, k, 1, body);
	}
	free(cells);
}

struct dpacket *
compose_discussion(const struct set *s, const struct template *t,
    const struct roster *r, long group_size, long seed)
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
	pk_resolve(&c);
	if (r != NULL)
		pk_groups(&c);
	pk_guide(&c);
	for (i = 0; i < (r != NULL ? r->n : 1); i++)
		pk_individual(&c, r != NULL ? &r->v[i] : NULL);
	for (i = 0; i < (r != NULL ? c.pk->ngroups : 1); i++)
		pk_group_sheet(&c, r != NULL ? i : (size_t)-1);
	pk_role_cards(&c, 0);
	pk_role_cards(&c, 1);
	pk_tickets(&c, 0);
	pk_tickets(&c, 1);
	return c.pk;
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
	free(pk);
}
