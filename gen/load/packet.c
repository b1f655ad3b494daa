/*
 * packet.c - load a substitute packet (SPEC section 4); see packet.h.
 * Like set.c, loading goes on after an error so that one run reports every
 * mistake: first the packet's own (sorted by position), then each include
 * in order, with the included sets' own messages at their own positions.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "discussion.h"
#include "keys.h"
#include "libpath.h"
#include "packet.h"
#include "template.h"
#include "util.h"

const char *const inc_as_names[] = { "worksheet", "key", "discussion",
    "tally", "strips", NULL };

const char *const packet_keys[] = { "packet", "class", "duration",
    "start", "for_the_substitute", "plan", "include", "early_finishers",
    "report", "language", "paper", "help", "at_the_bell", "roles", NULL };

/* Words of a plan that name students with a job the substitute must know
 * (one word each; a plural s is allowed). */

const char *const step_keys[] = { "minutes", "do", "say", NULL };

const char *const early_keys[] = { "task", "copies", NULL };

const char *const include_keys[] = { "file", "as", "copies",
    "versions", "seed", "template", NULL };

static void	pk_roles(struct packet *, const struct node *);

/* 1 when template_load() can find name: a shipped template's name, or a
 * path (holding a '/' or ending in .yaml) to a file. */
static int
pk_template_exists(const char *name)
{
	size_t n = strlen(name);
	char *path;
	int ok;

	if (strchr(name, '/') != NULL || (n > 5 && strcmp(name + n - 5,
	    ".yaml") == 0))
		return 1;	/* a path: template_load() says if not */
	path = xasprintf("%s/templates/%s.yaml", template_datadir(), name);
	ok = access(path, R_OK) == 0;
	free(path);
	return ok;
}

#define PK_MAX_MINUTES	600	/* a school day, generously */
#define PK_MAX_INCLUDES	100
#define PK_MAX_COPIES	1000

int
packet_is(const struct node *root)
{
	return root != NULL && root->kind == NODE_MAP &&
	    node_get(root, "packet") != NULL;
}

/* A text that must be there and hold something; -1 (reported) if not. */
static int
pk_text_req(const struct node *n, const char *what, const char *hint,
    struct text *t)
{
	if (n->kind == NODE_SCALAR && sc_is_blank(n)) {
		sc_empty(n, what, hint);
		return -1;
	}
	return sc_text(n, what, t);
}

/* The text under key of map, which must be there: missing is the message
 * when it is not (and is not misspelled either).  -1 (reported) if not. */
static int
pk_text_key(const struct node *map, const char *key,
    const char *const *allowed, const char *hint, const char *missing,
    struct text *t)
{
	const struct node *v = node_get(map, key);

	if (v != NULL)
		return pk_text_req(v, key, hint, t);
	if (!sc_misspelled(map, key, allowed))
		sc_error(&map->mark, "%s", missing);
	return -1;
}

/*
 * A clock time: "9:05", "13:30" (24-hour), or "1:30 pm" / "1:30pm"
 * (12-hour).  Returns minutes after midnight, or -1 (reported).
 */
static int
pk_clock(const struct node *n, int *is12)
{
	const char *s;
	char *end;
	long h, m;

	if (n->kind != NODE_SCALAR || sc_is_blank(n))
		goto bad;
	s = n->value;
	if (!isdigit((unsigned char)*s))
		goto bad;
	h = strtol(s, &end, 10);
	if (*end != ':' || !isdigit((unsigned char)end[1]) ||
	    !isdigit((unsigned char)end[2]))
		goto bad;
	m = (end[1] - '0') * 10 + (end[2] - '0');
	s = end + 3;
	while (*s == ' ')
		s++;
	*is12 = 0;
	if (strcasecmp(s, "am") == 0 || strcasecmp(s, "pm") == 0) {
		if (h < 1 || h > 12 || m > 59)
			goto bad;
		*is12 = 1;
		return (int)((h % 12 + (tolower((unsigned char)*s) == 'p' ?
		    12 : 0)) * 60 + m);
	}
	if (*s != '\0' || h > 23 || m > 59)
		goto bad;
	return (int)(h * 60 + m);
bad:
	sc_error(&n->mark, "start must be a clock time like 9:05 or 13:30 "
	    "(or 1:30 pm), not %s%s%s", n->kind == NODE_SCALAR ? "\"" : "",
	    n->kind == NODE_SCALAR ? n->value : node_kind_name(n),
	    n->kind == NODE_SCALAR ? "\"" : "");
	return -1;
}

void
packet_clock(const struct packet *pk, int minutes, char *buf, size_t len)
{
	int h = minutes / 60 % 24, m = minutes % 60;

	if (pk->start_12h)
		h = h % 12 == 0 ? 12 : h % 12;
	snprintf(buf, len, "%d:%02d", h, m);
}

static void
pk_plan(struct packet *pk, const struct node *n)
{
	size_t i;
	char pfx[32];
	const struct node *sn, *v;

	if (n->kind != NODE_SEQ || n->nkids == 0) {
		sc_error(&n->mark, "plan must be a list of steps, each like "
		    "{minutes: 5, do: Take attendance.}");
		return;
	}
	pk->plan = xcalloc(n->nkids, sizeof(*pk->plan));
	pk->nplan = n->nkids;
	for (i = 0; i < n->nkids; i++) {
		struct pk_step *st = &pk->plan[i];

		sn = n->kids[i];
		st->mark = sn->mark;
		snprintf(pfx, sizeof(pfx), "step %zu", i + 1);
		sc_prefix(pfx);
		if (sn->kind != NODE_MAP) {
			sc_error(&sn->mark, "a step must be minutes: and do:, "
			    "like {minutes: 5, do: Take attendance.}, not %s",
			    node_kind_name(sn));
			continue;
		}
		sc_check_keys(sn, step_keys, NULL);
		if ((v = node_get(sn, "minutes")) != NULL)
			sc_int(v, "minutes", 1, PK_MAX_MINUTES, &st->minutes);
		else if (!sc_misspelled(sn, "minutes", step_keys))
			sc_error(&sn->mark, "the step has no \"minutes:\"; say "
			    "how long it takes, like \"minutes: 10\"");
		pk_text_key(sn, "do", step_keys, "write what the substitute "
		    "does in this step", "the step has no \"do:\"; write "
		    "what the substitute does, like \"do: Take attendance.\"",
		    &st->todo);
		if ((v = node_get(sn, "say")) != NULL && !sc_is_null(v))
			pk_text_req(v, "say", "write what to read aloud, or "
			    "leave the key out", &st->say);
	}
	sc_prefix(NULL);
}

static void
pk_include(struct pk_include *inc, const struct node *in)
{
	const struct node *v;
	struct text file = { NULL, { NULL, 0, 0 }, NS_PLAIN, NULL };
	int as;

	inc->mark = in->mark;
	inc->copies = inc->versions = 1;
	if (in->kind != NODE_MAP) {
		sc_error(&in->mark, "an include must be file: and as:, like "
		    "{file: ../math/fractions.yaml, as: worksheet, copies: "
		    "30}, not %s", node_kind_name(in));
		return;
	}
	sc_check_keys(in, include_keys, NULL);
	if ((v = node_get(in, "file")) == NULL) {
		if (!sc_misspelled(in, "file", include_keys))
			sc_error(&in->mark, "the include has no \"file:\"; name "
			    "the problem set, relative to this packet");
	} else if (pk_text_req(v, "file", "name the problem set, relative "
	    "to this packet", &file) == 0) {
		inc->file = file.s;	/* taken */
		free(file.src);
		inc->mark = v->mark;
	}
	if ((v = node_get(in, "as")) == NULL) {
		if (!sc_misspelled(in, "as", include_keys))
			sc_error(&in->mark, "the include has no \"as:\"; write "
			    "as: worksheet, key, discussion, tally or strips");
	} else if (sc_enum(v, "as", inc_as_names, &as) == 0) {
		inc->as = (enum inc_as)as;
		inc->as_mark = v->mark;
	}
	if ((v = node_get(in, "copies")) != NULL &&
	    sc_int(v, "copies", 1, PK_MAX_COPIES, &inc->copies) == 0) {
		inc->has_copies = 1;
		if (inc->as == INC_DISCUSSION && inc->copies < 2)
			sc_error(&v->mark, "copies: of a discussion is the "
			    "number of students (one individual sheet each, "
			    "one group sheet per group); it must be at least "
			    "2, not %ld", inc->copies);
	}
	inc->versions_mark = inc->mark;	/* where to write one */
	if ((v = node_get(in, "versions")) != NULL)
		inc->versions_mark = v->mark;
	if (v != NULL && sc_int(v, "versions", 1, 26, &inc->versions) == 0 &&
	    inc->versions > 1 && inc->as == INC_DISCUSSION)
		sc_error(&v->mark, "versions: a discussion is the same problem "
		    "for everyone; leave versions out");
	if ((v = node_get(in, "seed")) != NULL &&
	    sc_int(v, "seed", 0, 2147483647L, &inc->seed) == 0)
		inc->has_seed = 1;
	if ((v = node_get(in, "template")) != NULL && !sc_is_null(v) &&
	    sc_string(v, "template", &inc->template) == 0) {
		if (inc->as == INC_KEY)
			sc_error(&v->mark, "template: a key is the teacher's; "
			    "give the template to the worksheet it goes with");
		else if (!pk_template_exists(inc->template))
			sc_error(&v->mark, "there is no template \"%s\" in "
			    "templates/; write worksheet or large-print, or "
			    "the path of a template file", inc->template);
	}
}

static void
pk_includes(struct packet *pk, const struct node *n)
{
	size_t i;
	char pfx[32];

	if (sc_is_null(n))
		return;
	if (n->kind != NODE_SEQ) {
		sc_error(&n->mark, "include must be a list, one line per "
		    "document, like - {file: ../math/fractions.yaml, as: "
		    "worksheet, copies: 30}");
		return;
	}
	if (n->nkids > PK_MAX_INCLUDES) {	/* each is laid out in full */
		sc_error(&n->mark, "include lists %zu documents; a packet "
		    "may hold from 1 to %d: a period does not use more (give "
		    "copies: for many of one)", n->nkids, PK_MAX_INCLUDES);
		return;
	}
	pk->inc = xcalloc(n->nkids, sizeof(*pk->inc));
	pk->ninc = n->nkids;
	for (i = 0; i < n->nkids; i++) {
		snprintf(pfx, sizeof(pfx), "include %zu", i + 1);
		sc_prefix(pfx);
		pk_include(&pk->inc[i], n->kids[i]);
	}
	sc_prefix(NULL);
}

/* early_finishers: the task as a text, or {task: TEXT, copies: N}. */
static void
pk_early(struct packet *pk, const struct node *n)
{
	const struct node *v;

	if (n->kind != NODE_MAP) {
		sc_text(n, "early_finishers", &pk->early);
		return;
	}
	sc_check_keys(n, early_keys, "early_finishers");
	pk_text_key(n, "task", early_keys, "write what students who finish "
	    "early do", "early_finishers has no \"task:\"; write what "
	    "students who finish early do, like {task: Write your own "
	    "problem., copies: 8}", &pk->early);
	if ((v = node_get(n, "copies")) != NULL)
		sc_int(v, "copies", 1, PK_MAX_COPIES, &pk->early_copies);
}

/* Everything the packet file itself says; messages are held. */
static void
pk_read(struct packet *pk, const struct node *root)
{
	const struct node *n;
	long total = 0;
	size_t i;

	sc_check_keys(root, packet_keys, NULL);
	pk_text_req(node_get(root, "packet"), "the packet's title", "write "
	    "the title printed on the cover after \"packet:\", like "
	    "\"packet: Grade 5 Math — Fractions Review\"", &pk->title);
	if ((n = node_get(root, "class")) != NULL && !sc_is_null(n))
		sc_string(n, "class", &pk->class);
	if ((n = node_get(root, "duration")) != NULL)
		sc_int(n, "duration", 1, PK_MAX_MINUTES, &pk->duration);
	if ((n = node_get(root, "start")) != NULL && !sc_is_null(n))
		pk->start = pk_clock(n, &pk->start_12h);
	if ((n = node_get(root, "for_the_substitute")) != NULL &&
	    !sc_is_null(n)) {
		if (n->kind == NODE_SCALAR) {
			pk->notes.v = xcalloc(1, sizeof(*pk->notes.v));
			if (sc_text(n, "for_the_substitute",
			    &pk->notes.v[0]) == 0)
				pk->notes.n = 1;
		} else
			sc_textlist(n, "for_the_substitute", &pk->notes);
	}
	if ((n = node_get(root, "plan")) != NULL)
		pk_plan(pk, n);
	else if (!sc_misspelled(root, "plan", packet_keys))
		sc_error(&root->mark, "the packet has no \"plan:\"; list the "
		    "steps of the period, each like {minutes: 5, do: Take "
		    "attendance.}");
	if ((n = node_get(root, "include")) != NULL)
		pk_includes(pk, n);
	if ((n = node_get(root, "early_finishers")) != NULL &&
	    !sc_is_null(n))
		pk_early(pk, n);
	if ((n = node_get(root, "report")) != NULL)
		sc_bool(n, "report", &pk->report);
	if ((n = node_get(root, "help")) != NULL && !sc_is_null(n))
		sc_text(n, "help", &pk->help);
	if ((n = node_get(root, "at_the_bell")) != NULL && !sc_is_null(n))
		sc_text(n, "at_the_bell", &pk->bell);
	if ((n = node_get(root, "roles")) != NULL && !sc_is_null(n))
		pk_roles(pk, n);
	if ((n = node_get(root, "language")) != NULL && !sc_is_null(n))
		template_language(n, &pk->language);
	if ((n = node_get(root, "paper")) != NULL)
		pk->paper = paper_node(n);
	/* the cover prints duration's clock times, the steps their own: they
	 * must end together (unless a step's minutes are already wrong) */
	for (i = 0; i < pk->nplan && total >= 0; i++)
		total = pk->plan[i].minutes > 0 ? total +
		    pk->plan[i].minutes : -1;
	if (total > PK_MAX_MINUTES)	/* each step is fine, not all */
		sc_error(&node_get(root, "plan")->mark, "the plan's steps add "
		    "up to %ld minutes; a period's plan may be from 1 to %d "
		    "minutes (a school day): check each step's minutes",
		    total, PK_MAX_MINUTES);
	else if (pk->duration > 0 && pk->nplan > 0 && total > 0 &&
	    total != pk->duration)
		sc_error(&node_get(root, "duration")->mark, "the plan's steps "
		    "add up to %ld minutes, but duration is %ld: change "
		    "duration or a step's minutes", total, pk->duration);
}

/* roles: {Table captains: [Ana, Ben], Line leader: Cy}: who is who. */
static void
pk_roles(struct packet *pk, const struct node *n)
{
	struct textlist l;
	size_t i, j;
	char *joined, *t;

	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "roles must be key: value lines, a role and "
		    "who holds it, like {Table captains: [Ana, Ben]}");
		return;
	}
	pk->roles = xcalloc(n->nkids / 2 + 1, sizeof(*pk->roles));
	for (i = 0; i + 1 < n->nkids; i += 2) {
		struct pk_role *r = &pk->roles[pk->nroles];

		if (sc_text(n->kids[i], "the role", &r->name) < 0)
			continue;
		memset(&l, 0, sizeof(l));
		if (n->kids[i + 1]->kind == NODE_SEQ) {
			if (sc_textlist(n->kids[i + 1], "who holds it", &l) < 0 ||
			    l.n == 0) {
				textlist_free(&l);
				text_free(&r->name);
				continue;
			}
			joined = xstrdup(l.v[0].s);
			for (j = 1; j < l.n; j++) {
				t = xasprintf("%s, %s", joined, l.v[j].s);
				free(joined);
				joined = t;
			}
			r->who.s = joined;
			r->who.mark = l.v[0].mark;
			textlist_free(&l);
		} else if (sc_text(n->kids[i + 1], "who holds it", &r->who) <
		    0) {
			text_free(&r->name);
			continue;
		}
		pk->nroles++;
	}
}

/* 1 when s has word w (any case, a plural s allowed) as a whole word,
 * not inside double quotes (a title: "The Beekeeper's Helper"); *at its
 * offset. */
static int
pk_has_word(const char *s, const char *w, size_t *at)
{
	size_t n = strlen(w), i, e;
	int quoted = 0;

	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		if (quoted || (i > 0 && isalnum((unsigned char)s[i - 1])))
			continue;
		if (strncasecmp(s + i, w, n) != 0)
			continue;
		e = i + n + (s[i + n] == 's');
		if (isalnum((unsigned char)s[e]))
			continue;
		*at = i;
		return 1;
	}
	return 0;
}

/* 1 when an included discussion gives out cards for role word w (its
 * role cards say who holds it): one of its roles, or of the default
 * four when it lists none. */
static int
pk_disc_role(const struct packet *pk, const char *w)
{
	static const char *const defaults[] = { "Facilitator", "Recorder",
	    "Skeptic", "Reporter" };
	const struct discussion *d;
	size_t i, j, at;

	for (i = 0; i < pk->ninc; i++) {
		if (pk->inc[i].as != INC_DISCUSSION || pk->inc[i].set == NULL ||
		    (d = pk->inc[i].set->discussion) == NULL ||
		    d->grouping != GROUPING_ROLES)
			continue;
		for (j = 0; j < (d->nroles > 0 ? d->nroles : 4); j++)
			if (pk_has_word(d->nroles > 0 ? d->roles[j].name.s :
			    defaults[j], w, &at))
				return 1;
	}
	return 0;
}

/* A plan that names a role ("Table captains, collect the papers") the
 * cover does not say who holds: the substitute cannot know.  Warned at
 * the word. */
static void
pk_check_roles(const struct packet *pk)
{
	const struct text *texts[2];
	size_t i, j, k, r, at, at2;
	struct mark m;

	for (i = 0; i < pk->nplan; i++) {
		texts[0] = &pk->plan[i].todo;
		texts[1] = &pk->plan[i].say;
		for (j = 0; j < 2; j++)
			for (k = 0; role_head_words[k] != NULL; k++) {
				if (!pk_has_word(texts[j]->s, role_head_words[k],
				    &at))
					continue;
				for (r = 0; r < pk->nroles && !pk_has_word(
				    pk->roles[r].name.s, role_head_words[k],
				    &at2); r++)
					;
				if (r < pk->nroles || pk_disc_role(pk,
				    role_head_words[k]))
					continue;
				text_mark_at(texts[j], at, &m);
				diag_warn(&m, "plan step %zu names the %ss, but "
				    "the cover does not say who they are; add "
				    "roles: {%c%ss: [names]} to the packet",
				    i + 1, role_head_words[k],
				    toupper((unsigned char)role_head_words[k][0]),
				    role_head_words[k] + 1);
			}
	}
}

/* The tag of a section title: "Part B" of "Part B. Phase Changes" (up
 * to its first '.' or ':'); fresh, or NULL when it has none. */
static char *
pk_section_tag(const struct text *title)
{
	size_t n;

	if (title->s == NULL || (n = strcspn(title->s, ".:")) == 0 ||
	    title->s[n] == '\0' || n > 20)
		return NULL;
	return xasprintf("%.*s", (int)n, title->s);
}

/* A worksheet whose parts the plan names one by one ("Part A", "Part
 * C") must have each of its parts named: a part no step gives time to is
 * left to chance.  Warned at the include. */
static void
pk_check_cover(const struct packet *pk)
{
	size_t i, j, s, at, named, nsec;
	char *tag, *missing;

	for (i = 0; i < pk->ninc; i++) {
		const struct pk_include *inc = &pk->inc[i];
		const struct set *set = inc->set;

		if (inc->as != INC_WORKSHEET || set == NULL ||
		    set->nsections < 2)
			continue;
		missing = NULL;
		for (s = named = nsec = 0; s < set->nsections; s++) {
			int found = 0;

			if ((tag = pk_section_tag(&set->sections[s].title)) ==
			    NULL)
				continue;
			nsec++;
			for (j = 0; j < pk->nplan && !found; j++)
				found = pk_has_word(pk->plan[j].todo.s, tag,
				    &at) || pk_has_word(pk->plan[j].say.s, tag,
				    &at);
			if (found)
				named++;
			else if (missing == NULL)
				missing = tag, tag = NULL;
			free(tag);
		}
		if (named > 0 && named < nsec)
			diag_warn(&inc->mark, "include %zu: the plan names parts "
			    "of \"%s\" but not %s; say in a step what students "
			    "do with it (or name no part, and the whole "
			    "worksheet is one step)", i + 1, set->title.s,
			    missing);
		free(missing);
	}
}

/* Resolve and load every include; a file included twice is loaded once. */
static void
pk_load_includes(struct packet *pk)
{
	size_t i, j;
	char *ok;

	for (i = 0; i < pk->ninc; i++) {
		struct pk_include *inc = &pk->inc[i];
		size_t errs = diag_errors();

		if (inc->file == NULL)
			continue;
		if ((ok = lib_resolve(pk->file, inc->file, &inc->mark,
		    "included file")) == NULL)
			continue;
		free(ok);
		inc->path = lib_join(pk->file, inc->file);
		for (j = 0; j < i; j++)
			if (pk->inc[j].path != NULL &&
			    strcmp(pk->inc[j].path, inc->path) == 0)
				break;
		if (j < i) {
			inc->set = pk->inc[j].set;
			continue;
		}
		if (packet_file_is(inc->path) == 1) {
			diag_error(&inc->mark, "include %zu: \"%s\" is a "
			    "substitute packet, not a problem set; a packet "
			    "includes problem sets only: include the sets "
			    "that packet includes", i + 1, inc->file);
			continue;
		}
		inc->set = set_load(inc->path);
		inc->owns_set = 1;
		if (inc->set == NULL && diag_errors() > errs)
			diag_error(&inc->mark, "include %zu: \"%s\" has the "
			    "mistakes shown above; fix them there", i + 1,
			    inc->file);
	}
	for (i = 0; i < pk->ninc; i++) {
		struct pk_include *inc = &pk->inc[i];

		if (inc->set != NULL && inc->as == INC_DISCUSSION &&
		    inc->set->discussion == NULL)
			diag_error(&inc->as_mark, "include %zu: \"%s\" has no "
			    "\"discussion:\" block, so there is no discussion "
			    "to include; include it as a worksheet or a key",
			    i + 1, inc->file);
	}
}

/* "A" or "A–C": the letters of n versions, into buf. */
static const char *
pk_letters(long n, char *buf, size_t len)
{
	if (n == 1)
		snprintf(buf, len, "A");
	else
		snprintf(buf, len, "A\xe2\x80\x93%c", 'A' + (int)n - 1);
	return buf;
}

/* One key against the worksheet of the same set: another number of
 * versions or another seed answers other numbers than the papers, which
 * the substitute would mark wrong.  Returns 1 when they differ (reported). */
static int
pk_key_differs(const struct pk_include *k, size_t ki,
    const struct pk_include *w, size_t wi)
{
	char kl[8], wl[8];
	int strips = k->as == INC_STRIPS;

	if (w->versions != k->versions) {
		diag_error(&k->versions_mark, "include %zu: %s "
		    "%ld version%s (%s) but include %zu prints the worksheet "
		    "in %ld (%s); write versions: %ld in this include", ki + 1,
		    strips ? "these answer strips answer" : "this key answers",
		    k->versions, k->versions == 1 ? "" : "s",
		    pk_letters(k->versions, kl, sizeof(kl)), wi + 1,
		    w->versions, pk_letters(w->versions, wl, sizeof(wl)),
		    w->versions);
		return 1;
	}
	if (w->has_seed && (!k->has_seed || k->seed != w->seed)) {
		diag_error(&k->mark, "include %zu: the worksheet of include %zu "
		    "has seed: %ld, so %s the same seed to answer its numbers; "
		    "write seed: %ld in this include", ki + 1, wi + 1, w->seed,
		    strips ? "these answer strips need" : "this key needs",
		    w->seed);
		return 1;
	}
	if (k->has_seed && !w->has_seed) {
		diag_error(&k->mark, "include %zu: %s seed: %ld but "
		    "the worksheet of include %zu has none, so %s may answer "
		    "other numbers; write seed: %ld in include %zu too", ki + 1,
		    strips ? "these answer strips have" : "this key has",
		    k->seed, wi + 1, strips ? "they" : "it", k->seed, wi + 1);
		return 1;
	}
	return 0;
}

/* Every key against the worksheets of its set: the first that differs is
 * reported. */
static void
pk_check_keys(const struct packet *pk)
{
	size_t i, j;

	for (i = 0; i < pk->ninc; i++) {
		const struct pk_include *k = &pk->inc[i];

		/* strips answer the papers as a key does */
		if ((k->as != INC_KEY && k->as != INC_STRIPS) ||
		    k->set == NULL)
			continue;
		for (j = 0; j < pk->ninc; j++)
			if (pk->inc[j].as == INC_WORKSHEET &&
			    pk->inc[j].set == k->set &&
			    pk_key_differs(k, i, &pk->inc[j], j))
				break;
	}
}

static struct packet *
packet_from_tree(const char *path, const struct node *root)
{
	struct packet *pk = xcalloc(1, sizeof(*pk));
	size_t errs = diag_errors(), i;

	pk->file = diag_file(path);
	pk->start = -1;
	sc_collect();
	pk_read(pk, root);
	sc_flush();
	pk_load_includes(pk);
	for (i = 0; i < pk->ninc; i++)
		if (pk->inc[i].file != NULL && pk->inc[i].set == NULL)
			break;
	pk_check_keys(pk);
	pk_check_roles(pk);
	pk_check_cover(pk);
	if (diag_errors() > errs || i < pk->ninc) {
		packet_free(pk);
		return NULL;
	}
	return pk;
}

int
packet_file_is(const char *path)
{
	struct node *root;
	enum node_empty why;
	int is;

	diag_capture(1);
	root = yaml_load_file(path, &why);
	diag_capture(0);
	is = root == NULL ? -1 : packet_is(root);
	node_free(root);
	return is;
}

int
library_load(const char *path, struct packet **pk, struct set **set,
    int *draft)
{
	struct node *root;
	enum node_empty why;
	size_t errs = diag_errors();

	*pk = NULL;
	*set = NULL;
	root = yaml_load_file(path, &why);
	if (root == NULL && diag_errors() > errs)
		return -1;
	if (draft != NULL)
		*draft = 0;
	if (packet_is(root))
		*pk = packet_from_tree(path, root);
	else {
		int bad;

		/* the tree read once: its loader's warnings said once; an
		 * empty file is said as a set's (set_load_draft) */
		*set = root != NULL ? set_from_tree(path, root, &bad) :
		    set_load_draft(path, &bad);
		root = NULL;
		if (draft != NULL)
			*draft = bad;
		else if (bad) {
			set_free(*set);
			*set = NULL;
		}
	}
	node_free(root);
	return (*pk != NULL || *set != NULL) && (draft == NULL || !*draft) ?
	    0 : -1;
}

struct packet *
packet_load(const char *path)
{
	struct packet *pk;
	struct set *set;

	if (library_load(path, &pk, &set, NULL) < 0)
		return NULL;
	if (set != NULL) {
		struct mark m = { NULL, 0, 0 };

		m.file = diag_file(path);
		diag_error(&m, "this is a problem set, not a packet (a packet "
		    "starts with \"packet:\"); use mimeo worksheet, key or "
		    "just mimeo FILE");
		set_free(set);
		return NULL;
	}
	return pk;
}

void
packet_free(struct packet *pk)
{
	size_t i;

	if (pk == NULL)
		return;
	for (i = 0; i < pk->nplan; i++) {
		text_free(&pk->plan[i].todo);
		text_free(&pk->plan[i].say);
	}
	for (i = 0; i < pk->ninc; i++) {
		free(pk->inc[i].file);
		free(pk->inc[i].template);
		free(pk->inc[i].path);
		if (pk->inc[i].owns_set)
			set_free(pk->inc[i].set);
	}
	free(pk->plan);
	free(pk->inc);
	text_free(&pk->title);
	free(pk->class);
	textlist_free(&pk->notes);
	text_free(&pk->early);
	text_free(&pk->help);
	text_free(&pk->bell);
	for (i = 0; i < pk->nroles; i++) {
		text_free(&pk->roles[i].name);
		text_free(&pk->roles[i].who);
	}
	free(pk->roles);
	free(pk->language);
	free(pk);
}
