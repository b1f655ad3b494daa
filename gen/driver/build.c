/* build.c - the documents of one set; see build.h */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "compose.h"
#include "compose_discussion.h"
#include "discussion.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "leak.h"
#include "output.h"
#include "page.h"
#include "roster.h"
#include "set.h"
#include "template.h"
#include "text.h"
#include "util.h"
#include "vary.h"

#define JOB_DISCUSSION		(DOC_KEY + 1)
#define JOB_TALLY		(DOC_KEY + 2)

/* What a build shares: the set, its settings (with its template and
 * fonts), its instances (one per version, or per student), which instance
 * each copy gets, the large-print template and fonts. */
struct build {
	struct settings	 st;
	struct set	*set;
	const struct roster *roster;
	struct instance	**ins;
	size_t		 nins;
	size_t		*which;		/* copy i gets ins[which[i]] */
	/* per student: the different draws, in roster order of their
	 * first student; ins[i] drew draw[i], first drawn by ins[rep[k]] */
	size_t		*draw, *rep;
	size_t		 ndraws;
	size_t		 ncopies;
	const char	**names;	/* of the roster, for the key */
	struct template	*large;		/* loaded when a row asks */
	struct fonts	*large_fs;
	struct rtexts	*texts;		/* the texts of its documents, parsed
					 * once (build_texts()) */
};

/* bl, its texts parsed in the build's store: a text laid out in several
 * documents (the worksheet, the key, every version's copy) is parsed, and
 * its mistakes said, once. */
static struct blocks *
build_texts(struct build *b, struct blocks *bl)
{
	if (b->texts == NULL)
		b->texts = rtexts_new();
	bl->texts = b->texts;
	return bl;
}

/* One document to write: a worksheet, a key or a discussion packet. */
struct job {
	int		 kind;		/* enum doc_kind, or JOB_DISCUSSION */
	const char	*suffix;
	struct doc	*doc;
	char		*path;
	size_t		 copies;	/* > 0 for a class set */
};

/* The template and fonts of a copy in large print or not. */
static struct template *
build_tpl(const struct build *b, int large)
{
	return large ? b->large : b->st.tpl;
}

static struct fonts *
build_fonts(const struct build *b, int large)
{
	return large ? b->large_fs : b->st.fs;
}

/* 1 when b is printed on A4 (layout's argument), 0 on letter. */
static int
build_a4(const struct build *b)
{
	return b->st.paper == PAPER_A4;
}

/*
 * The copies of a class set of one version in one print size differ only
 * in the name and period written at the top, yet laying a copy out is most
 * of what it costs.  So the first is laid out and kept as their model, and
 * each next one is a clone of it with its own fields drawn in
 * (layout_refill()); one whose fields would take another shape (a name
 * long enough for a line of its own) is laid out in full.
 */
struct model {
	struct blocks	*bl;		/* the model's; refilled per copy */
	struct doc	*doc;		/* its layout, never appended */
	struct fieldspot spot;		/* where its fields are */
};

/* Compose and lay out one document; with keep, keep its blocks and
 * layout there as a model for the copies like it. */
static struct doc *
build_one(struct build *b, const struct instance *in, enum doc_kind kind,
    const struct copyfor *who, int large, struct model *keep)
{
	struct blocks *bl;
	struct doc *d;
	struct template *t = build_tpl(b, large);

	bl = build_texts(b, compose(in, t, kind, who));
	d = layout_spot(bl, t, build_fonts(b, large), build_a4(b),
	    b->set->title.s, keep != NULL ? &keep->spot : NULL);
	if (keep == NULL) {
		blocks_free(bl);
		return d;
	}
	keep->bl = bl;
	keep->doc = d;
	return d != NULL ? doc_clone(d) : NULL;
}

/* A worksheet for who from m (NULL: laid out on its own), see above. */
static struct doc *
build_copy(struct build *b, struct model *m, const struct instance *in,
    const struct copyfor *who, int large)
{
	struct doc *d;

	struct footer f;
	size_t k;
	int rc;

	if (m == NULL)
		return build_one(b, in, DOC_WORKSHEET, who, large, NULL);
	if (m->doc != NULL) {
		/* a student's own draw, alike another's: the footer names
		 * this student where the model's names that one */
		memset(&f, 0, sizeof(f));
		footer_copy(&f, &m->bl->footer);
		for (k = 0; in->named && k < f.n; k++)
			if (f.kind[k] == FP_NAME) {
				free(f.part[k]);
				f.part[k] = xstrdup(in->label);
			}
		rc = layout_refill(m->doc, &m->spot, compose_fill(m->bl,
		    build_tpl(b, large), who), in->named ? &f : NULL,
		    build_tpl(b, large), build_fonts(b, large), &d);
		footer_clear(&f);
		switch (rc) {
		case 0:
			return d;
		case -1:
			return NULL;
		}
		/* laid out in full, and the model from now on: the next
		 * copies are more likely like it (a roster with no
		 * periods after the first row) */
		blocks_free(m->bl);
		doc_free(m->doc);
	}
	return build_one(b, in, DOC_WORKSHEET, who, large, m);
}

/* The large-print template and its fonts, loaded once when needed. */
static int
build_large(struct build *b)
{
	if (b->large != NULL)
		return 0;
	b->large = settings_template("large-print", b->st.lang);
	if (b->large == NULL || (b->large_fs = fonts_open(b->large)) == NULL)
		return -1;
	return 0;
}

/* Append d to *all (made on first use) as one copy with its bookmark,
 * padded to an even page count unless --simplex.  The blank page has the
 * copy's footer and name, the name of a student whose name the footer
 * does not carry already (NULL: none). */
static void
build_append(struct build *b, struct doc **all, struct doc *d,
    const char *title, int large, int pad, const char *name)
{
	if (*all == NULL) {
		*all = doc_new(d->width, d->height);
		(*all)->title = xstrdup(d->title);
	}
	doc_add_outline(*all, title, (*all)->npages);
	if (pad && !b->st.simplex && d->npages % 2 == 1)
		layout_blank_page(d, build_tpl(b, large), build_fonts(b, large),
		    name);
	doc_append(*all, d);
	doc_free(d);
}

static void
build_piece(struct docpiece **v, size_t *n, struct doc *d, char *name,
    int teacher, int dpart, size_t version)
{
	struct docpiece *p;

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	p = &(*v)[(*n)++];
	memset(p, 0, sizeof(*p));
	p->doc = d;
	p->name = name;
	p->teacher = teacher;
	p->dpart = dpart;
	p->version = version;
}

/* Pages part i of n takes in the joined packet: padded to an even count
 * when another part follows and printing is double-sided. */
static size_t
build_dpages(const struct build *b, const struct docpiece *ps, size_t i,
    size_t n)
{
	size_t p = ps[i].doc->npages;

	return p + (!b->st.simplex && i + 1 < n && p % 2 == 1);
}

/* The print-list name of part i: its bookmark, or for the parts of one
 * kind printed for each student or group, what they are and how many. */
static char *
build_dname(const struct build *b, const struct dpacket *pk, size_t i)
{
	size_t j, n = 0;
	char num[24], *what, *name;

	if (pk->parts[i].copies != 0)
		return xstrdup(pk->parts[i].bookmark);
	for (j = i; j < pk->nparts && pk->parts[j].copies == 0 &&
	    pk->parts[j].kind == pk->parts[i].kind; j++)
		n++;
	if (pk->parts[i].kind != DPART_INDIVIDUAL &&
	    pk->parts[i].kind != DPART_GROUP)
		return xstrdup(pk->parts[i].label);	/* cards: a part */
	snprintf(num, sizeof(num), "%zu", n);
	what = label_fmt(b->st.tpl, L_PRINT_CLASS, num, NULL);
	name = xasprintf("%s " DASH " %s", pk->parts[i].label, what);
	free(what);
	return name;
}

/*
 * The print list at the top of the guide: a row per part, the parts of
 * one kind for named students (a sheet each) in one row.  Laid out again
 * until the guide's length, which moves the other parts' pages, settles.
 * Returns -1 (reported).
 */
static int
build_dlist(struct build *b, struct dpacket *pk, struct docpiece *ps,
    size_t n)
{
	struct printitem *items = xcalloc(n, sizeof(*items));
	char **names = xcalloc(n, sizeof(*names));
	size_t i, k, page, nitems, before;
	int tries, rc = -1;

	for (tries = 0; tries < 5; tries++) {
		before = build_dpages(b, ps, 0, n);
		for (i = 0, k = 0, page = 1; i < n; i++) {
			size_t np = build_dpages(b, ps, i, n);

			/* named copies of one kind (large print or not):
			 * one row, "Individual sheet — named, one per
			 * student (28)" */
			if (k > 0 && pk->parts[i].copies == 0 &&
			    pk->parts[i - 1].copies == 0 &&
			    pk->parts[i].kind == pk->parts[i - 1].kind) {
				items[k - 1].last = page + np - 1;
				page += np;
				continue;
			}
			free(names[k]);
			names[k] = build_dname(b, pk, i);
			items[k].what = names[k];
			items[k].first = page;
			items[k].last = page + np - 1;
			items[k].copies = pk->parts[i].copies > 0 ?
			    pk->parts[i].copies : 1;
			page += np;
			k++;
		}
		nitems = k;
		dpacket_print_list(pk, b->st.tpl, items, nitems,
		    !b->st.simplex);
		doc_free(ps[0].doc);
		ps[0].doc = layout(build_texts(b, pk->parts[0].b), b->st.tpl,
		    b->st.fs, build_a4(b), b->set->title.s);
		if (ps[0].doc == NULL)
			goto out;
		if (build_dpages(b, ps, 0, n) == before) {
			rc = 0;
			goto out;
		}
	}
	diag_error(&b->set->discussion->mark, "the discussion guide's length "
	    "does not settle; shorten it");
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(items);
	return rc;
}

/*
 * The parts of the discussion packet (guide, sheets, cards, tickets), each
 * laid out on its own with its own page numbers, as pieces named by their
 * bookmarks.  In a substitute packet (banner 0) the guide leaves out its
 * teacher-only banner (the packet's band says it, in the same place) and
 * its print list (the cover's has the parts); the include's class size
 * (0: the set's) counts copies there.  -1 if any part failed (reported;
 * *out freed).
 */
static int
build_dparts(struct build *b, const struct roster *r, int banner,
    struct docpiece **out, size_t *n)
{
	struct dpacket *pk;
	struct doc *d;
	size_t i;
	long size = b->st.group_size;
	int failed = 0;

	*out = NULL;
	*n = 0;
	if (r != NULL && r->n < 2) {
		struct mark m = { r->file, 0, 0 };

		diag_error(&m, "a discussion needs at least 2 students to make "
		    "groups; this roster has 1");
		return -1;
	}
	if (disc_check_roles(b->set, b->st.tpl, size) > 0)
		return -1;
	pk = compose_discussion(b->set, b->st.tpl, r, size, b->st.seed,
	    b->st.class_size);
	for (i = 0; i < pk->nparts; i++) {
		int large = pk->parts[i].large;

		if (!banner) {
			free(pk->parts[i].b->banner);
			pk->parts[i].b->banner = NULL;
		}
		if (large && build_large(b) < 0) {
			failed = 1;
			break;
		}
		d = layout(build_texts(b, pk->parts[i].b), build_tpl(b, large),
		    build_fonts(b, large), build_a4(b), b->set->title.s);
		if (d == NULL) {
			failed = 1;
			break;
		}
		build_piece(out, n, d, xstrdup(pk->parts[i].bookmark),
		    pk->parts[i].kind == DPART_GUIDE, (int)pk->parts[i].kind, 0);
		(*out)[*n - 1].large = large;
		(*out)[*n - 1].copies = pk->parts[i].copies;
	}
	if (!failed && banner && build_dlist(b, pk, *out, *n) < 0)
		failed = 1;
	dpacket_free(pk);
	if (failed) {
		pieces_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/*
 * The discussion packet: its parts joined, each with its bookmark, each
 * part but the last padded to an even page count, so no two handouts
 * share a sheet of paper.  NULL if any part failed (reported).
 */
static struct doc *
build_discussion(struct build *b, const struct roster *r)
{
	struct docpiece *ps;
	struct doc *all = NULL;
	size_t n, i;

	if (build_dparts(b, r, 1, &ps, &n) < 0)
		return NULL;
	for (i = 0; i < n; i++)
		build_append(b, &all, ps[i].doc, ps[i].name, ps[i].large,
		    i + 1 < n, NULL);
	for (i = 0; i < n; i++)
		free(ps[i].name);
	free(ps);
	return all;
}

/*
 * A class set: one copy per roster row (named), --copies unnamed copies,
 * or one copy of each version; each with its own page numbers and
 * bookmark, each padded to an even page count unless --simplex, all in one
 * document.  NULL if any copy failed.
 */
static struct doc *
build_copies(struct build *b, const struct roster *r, size_t n)
{
	struct doc *all = NULL, *d;
	struct copyfor who;
	const struct instance *in;
	struct model *models = NULL, *m = NULL;
	const char *hook = getenv("MIMEO_TEST_LAYOUT");
	char num[24], *title, *t;
	size_t i, k, nmodels;
	int large;

	/* a model per version (per student: per different draw) and
	 * print size.  MIMEO_TEST_LAYOUT=full is a test hook
	 * (tests/reuse.sh): every copy laid out in full, to compare with. */
	nmodels = b->st.per_student ? b->ndraws : b->nins;
	if (hook == NULL || strcmp(hook, "full") != 0)
		models = xcalloc(nmodels * 2, sizeof(*models));
	for (i = 0; i < n; i++) {
		in = b->ins[b->which[i]];
		memset(&who, 0, sizeof(who));
		large = 0;
		if (r != NULL) {
			who.name = r->v[i].name;
			who.period = r->v[i].period;
			large = r->v[i].large;
			if (large && build_large(b) < 0)
				break;
		}
		if (models != NULL)
			m = &models[(b->st.per_student ? b->draw[b->which[i]] :
			    b->which[i]) * 2 + (size_t)large];
		if ((d = build_copy(b, m, in, &who, large)) == NULL)
			break;
		snprintf(num, sizeof(num), "%zu", i + 1);
		title = r != NULL ? xstrdup(r->v[i].name) : b->ncopies == 0 ?
		    NULL : label_fmt(b->st.tpl, L_COPY, num, NULL);
		/* "Ana (Version B)", "Copy 3 (Version C)", "Version A" */
		if (in->label != NULL && !b->st.per_student) {
			t = title ? xasprintf("%s (%s)", title, in->label) :
			    xstrdup(in->label);
			free(title);
			title = t;
		}
		build_append(b, &all, d, title, large, 1,
		    r != NULL && !b->st.per_student ? who.name : NULL);
		free(title);
	}
	for (k = 0; models != NULL && k < nmodels * 2; k++) {
		blocks_free(models[k].bl);
		doc_free(models[k].doc);
	}
	free(models);
	if (i < n) {
		doc_free(all);
		return NULL;
	}
	return all;
}

/* Which version each roster row gets: its "version" column (a letter
 * within --versions), else A, B, C ... in turn.  -1 (reported) when a
 * row names a version that is not printed. */
static int
build_which(struct build *b)
{
	const struct roster *r = b->roster;
	struct mark m;
	size_t i;
	int c, bad = 0;

	b->which = xcalloc(b->ncopies + 1, sizeof(*b->which));
	for (i = 0; i < b->ncopies; i++) {
		b->which[i] = b->st.per_student ? i : i % b->nins;
		if (r == NULL || r->v[i].version == NULL || b->st.per_student)
			continue;
		c = r->v[i].version[0] & ~32;	/* upper case */
		m.file = r->file;
		m.line = r->v[i].line;
		m.col = r->v[i].version_col;
		if (r->v[i].version[1] != '\0' || c < 'A' || c > 'Z') {
			diag_error(&m, "version \"%s\" must be one letter, A "
			    "to %c", r->v[i].version, 'A' + (int)b->nins - 1);
			bad = 1;
		} else if ((size_t)(c - 'A') >= b->nins) {
			if (b->nins == 1)
				diag_error(&m, "version %c is not printed: this "
				    "run prints one version (add --versions "
				    "%d to print A to %c)", c, c - 'A' + 1, c);
			else
				diag_error(&m, "version %c is not printed: "
				    "--versions %zu prints A to %c", c, b->nins,
				    'A' + (int)b->nins - 1);
			bad = 1;
		} else
			b->which[i] = (size_t)(c - 'A');
	}
	return bad ? -1 : 0;
}

/* The different draws among the students' (b->draw, b->rep): students
 * whose draws are alike share a worked key, a model layout, and the
 * draw itself (instance_share()), so that a class that drew alike holds
 * one draw, not one per student.  Called for each student in turn as it
 * is drawn; seen is a table of 2^k slots (at least twice the students)
 * of draws' first students (SIZE_MAX: empty), found by hash. */
static void
build_distinct_add(struct build *b, size_t i, size_t *seen, size_t mask)
{
	uint64_t h = instance_draw_hash(b->ins[i]);
	size_t k, r;

	for (k = (size_t)h & mask; (r = seen[k]) != SIZE_MAX;
	    k = (k + 1) & mask)
		if (instance_draw_hash(b->ins[r]) == h &&
		    instance_same_draw(b->ins[r], b->ins[i])) {
			b->draw[i] = b->draw[r];
			instance_share(b->ins[i], b->ins[r]);
			return;
		}
	seen[k] = i;
	b->rep[b->ndraws] = i;
	b->draw[i] = b->ndraws++;
}

/* Draw every instance: one per version, or one per student. */
static int
build_draw(struct build *b)
{
	const struct settings *st = &b->st;
	const struct set *s = b->set;
	long seed = st->seed;
	char letter[2] = { 0, 0 }, *who;
	size_t i, mask = 0, *seen = NULL;
	int failed = 0;

	b->nins = st->per_student ? b->roster->n : (size_t)st->versions;
	b->ins = xcalloc(b->nins, sizeof(*b->ins));
	if (st->per_student) {
		b->draw = xcalloc(b->nins, sizeof(*b->draw));
		b->rep = xcalloc(b->nins, sizeof(*b->rep));
		for (mask = 1; mask < 2 * b->nins; mask <<= 1)
			continue;
		seen = xcalloc(mask, sizeof(*seen));
		memset(seen, 0xff, mask * sizeof(*seen));
		mask--;
	}
	for (i = 0; i < b->nins; i++) {
		letter[0] = (char)('A' + (int)i);
		who = st->per_student ? xstrdup(b->roster->v[i].name) :
		    b->nins > 1 ? label_fmt(st->tpl, L_VERSION, letter,
		    NULL) : NULL;
		if ((b->ins[i] = vary(s, seed, (int)i, who,
		    b->st.tpl->labels[L_DECIMAL])) == NULL) {
			free(who);
			failed = 1;
			/* one student's failure is every student's */
			if (st->per_student)
				break;
			continue;
		}
		b->ins[i]->label = who;
		b->ins[i]->named = st->per_student;
		if (st->per_student)
			build_distinct_add(b, i, seen, mask);
	}
	free(seen);
	if (failed)
		return -1;
	if (b->ncopies == 0 && b->nins > 1 && !st->per_student) {
		/* no roster and no --copies: one copy of each version */
		b->which = xcalloc(b->nins, sizeof(*b->which));
		for (i = 0; i < b->nins; i++)
			b->which[i] = i;
		return 0;
	}
	return build_which(b);
}

/* Which instances have a copy in large print (large) or not: want[i]. */
static size_t
build_printed(const struct build *b, int large, int *want)
{
	const struct roster *r = b->roster;
	size_t i, n = 0;

	for (i = 0; i < b->nins; i++)
		want[i] = r == NULL ? !large : 0;
	for (i = 0; r != NULL && i < b->ncopies; i++)
		if (r->v[i].large == large)
			want[b->which[i]] = 1;
	for (i = 0; i < b->nins; i++)
		n += (size_t)want[i];
	return n;
}

/*
 * The answer strips of the copies printed in one print size: each version
 * (or each student's own draw, with the student's name in the fields)
 * laid out as its worksheet is, noting where its answer spaces went, then
 * a strip per page; with hint, how to use them over each page (a packet
 * has its band there).  NULL when there is no such copy, or on failure
 * (then *failed is set; reported).
 */
static struct doc *build_keys(struct build *);
static struct doc *build_student_keys(struct build *);

static struct doc *
build_strips_of(struct build *b, int large, int hint, int *failed)
{
	struct template *t = build_tpl(b, large);
	struct instance **ins = xcalloc(b->nins, sizeof(*ins));
	struct anchors *an = xcalloc(b->nins, sizeof(*an));
	size_t *npages = xcalloc(b->nins, sizeof(*npages)), i, n = 0;
	int *want = xcalloc(b->nins, sizeof(*want));
	struct blocks *bl;
	struct copyfor who;
	struct doc *d = NULL;

	if (build_printed(b, large, want) == 0)
		goto out;
	if (large && build_large(b) < 0) {
		*failed = 1;
		goto out;
	}
	t = build_tpl(b, large);
	for (i = 0; i < b->nins; i++) {
		if (!want[i])
			continue;
		memset(&who, 0, sizeof(who));
		if (b->st.per_student) {
			who.name = b->roster->v[i].name;
			who.period = b->roster->v[i].period;
		}
		bl = build_texts(b, compose(b->ins[i], t, DOC_WORKSHEET,
		    &who));
		d = layout_anchored(bl, t, build_fonts(b, large), build_a4(b),
		    b->set->title.s, &an[n]);
		blocks_free(bl);
		if (d == NULL) {
			*failed = 1;
			goto out;
		}
		npages[n] = d->npages;
		ins[n++] = b->ins[i];
		doc_free(d);
	}
	bl = build_texts(b, compose_strips(ins, an, npages, n, t, hint));
	d = layout(bl, t, build_fonts(b, large), build_a4(b), b->set->title.s);
	blocks_free(bl);
	*failed |= d == NULL;
out:
	for (i = 0; i < b->nins; i++)
		anchors_free(&an[i]);
	free(an);
	free(ins);
	free(npages);
	free(want);
	return d;
}

/* Append the answer strips (standard, then large print) to the key *all,
 * on a sheet of their own.  -1 on failure (reported). */
static int
build_strips(struct build *b, struct doc **all)
{
	struct doc *d;
	char *title;
	int large, failed = 0;

	for (large = 0; large < 2 && !failed; large++) {
		if ((d = build_strips_of(b, large, 1, &failed)) == NULL)
			continue;
		if (!b->st.simplex && (*all)->npages % 2 == 1)
			layout_blank_page(*all, b->st.tpl, b->st.fs, NULL);
		title = large ? xasprintf("%s (%s)",
		    b->st.tpl->labels[L_STRIPS],
		    b->st.tpl->labels[L_LARGE_PRINT]) :
		    xstrdup(b->st.tpl->labels[L_STRIPS]);
		build_append(b, all, d, title, large, 0, NULL);
		free(title);
	}
	return failed ? -1 : 0;
}

/* The key: with several versions, the answer tables first, then the
 * worked key of each version (or student), each with its bookmark; the
 * answer strips after them with --strips. */
static struct doc *
build_key(struct build *b)
{
	struct doc *all = NULL, *d;

	if (b->nins == 1 && !b->st.per_student)
		all = build_one(b, b->ins[0], DOC_KEY, NULL, 0, NULL);
	else if (b->st.per_student)
		all = build_student_keys(b);
	else
		all = build_keys(b);
	if (all == NULL || !b->st.strips)
		return all;
	if (b->nins == 1 && !b->st.per_student) {
		d = all;
		all = NULL;
		build_append(b, &all, d, b->st.tpl->labels[L_ANSWER_KEY], 0, 0,
		    NULL);
	}
	if (build_strips(b, &all) < 0) {
		doc_free(all);
		return NULL;
	}
	return all;
}

/* The keyplan of b: its instances, and with a roster who has which. */
static void
build_keyplan(const struct build *b, struct keyplan *kp)
{
	memset(kp, 0, sizeof(*kp));
	kp->ins = b->ins;
	kp->nins = b->nins;
	kp->per_student = b->st.per_student;
	if (b->roster != NULL) {
		kp->names = b->names;
		kp->which = b->which;
		kp->nnames = b->ncopies;
		kp->r = b->roster;
	}
}

/* The class marking grid and item analysis (mimeo tally): landscape,
 * or in a packet (whose pages are upright) portrait. */
static struct doc *
build_tally(struct build *b, int landscape)
{
	struct keyplan kp;
	struct blocks *bl;
	struct doc *d;

	build_keyplan(b, &kp);
	bl = build_texts(b, compose_tally(&kp, b->st.tpl, landscape));
	d = layout(bl, b->st.tpl, b->st.fs, build_a4(b), b->set->title.s);
	blocks_free(bl);
	return d;
}

/* The key of several versions: the answer tables, then the worked key of
 * each version (or student), each with its bookmark. */
static struct doc *
build_keys(struct build *b)
{
	struct keyplan kp;
	struct blocks *bl;
	struct doc *all = NULL, *d, **keys;
	size_t i;
	int failed = 0;

	/* each version's key first, though printed after the tables: its
	 * mistakes are said with their problem and place, every version's
	 * (the same mistake of two versions is said once), and the tables
	 * hold only answers that print */
	keys = xcalloc(b->nins, sizeof(*keys));
	for (i = 0; i < b->nins; i++)
		failed |= (keys[i] = build_one(b, b->ins[i], DOC_KEY, NULL,
		    0, NULL)) == NULL;
	if (failed)
		goto done;
	build_keyplan(b, &kp);
	bl = build_texts(b, compose_answer_tables(&kp, b->st.tpl));
	d = layout(bl, b->st.tpl, b->st.fs, build_a4(b), b->set->title.s);
	blocks_free(bl);
	if (d == NULL)
		failed = 1;
	else
		build_append(b, &all, d, b->st.tpl->labels[L_ANSWER_KEY], 0, 0,
		    NULL);
done:
	for (i = 0; i < b->nins; i++)
		if (failed)
			doc_free(keys[i]);
		else
			build_append(b, &all, keys[i], b->ins[i]->label, 0, 0,
			    NULL);
	free(keys);
	return all;
}

/*
 * The key of a draw per student: the table of every student's answers
 * and, with --key full, a worked key per different draw after it
 * ("Worked key 3"), which the table names for each student with the
 * page it starts on.  The table is laid out again until its length,
 * which moves those pages, settles.  NULL on failure (reported).
 */
static struct doc *
build_student_keys(struct build *b)
{
	struct keyplan kp;
	struct blocks *bl;
	struct doc *all = NULL, *d = NULL, **keys = NULL;
	struct instance *in;
	size_t *keypage = NULL, nkeys = b->st.key_full ? b->ndraws : 0;
	size_t k, tpages = 1, page;
	char num[24], *label;
	int failed = 0, tries, named;

	keys = xcalloc(nkeys + 1, sizeof(*keys));
	keypage = xcalloc(nkeys + 1, sizeof(*keypage));
	for (k = 0; k < nkeys && !failed; k++) {
		/* the draw's first student's instance, as worked key k */
		in = b->ins[b->rep[k]];
		label = in->label;
		named = in->named;
		snprintf(num, sizeof(num), "%zu", k + 1);
		in->label = label_fmt(b->st.tpl, L_WORKED_KEY, num, NULL);
		in->named = 0;
		failed = (keys[k] = build_one(b, in, DOC_KEY, NULL, 0,
		    NULL)) == NULL;
		free(in->label);
		in->label = label;
		in->named = named;
	}
	if (failed)
		goto done;
	build_keyplan(b, &kp);
	kp.draw = b->draw;
	kp.keypage = nkeys > 0 ? keypage : NULL;
	for (tries = 0; tries < 5; tries++) {
		for (k = 0, page = tpages + 1; k < nkeys; k++) {
			keypage[k] = page;
			page += keys[k]->npages;
		}
		bl = compose_answer_tables(&kp, b->st.tpl);
		doc_free(d);
		d = layout(bl, b->st.tpl, b->st.fs, build_a4(b), b->set->title.s);
		blocks_free(bl);
		/* without worked keys the table names no pages: once is
		 * enough (a second table would only cost its memory again) */
		if (d == NULL || d->npages == tpages || nkeys == 0)
			break;
		tpages = d->npages;
	}
	if (d == NULL || (nkeys > 0 && d->npages != tpages)) {
		struct mark m = { b->set->file, 1, 1 };

		if (d != NULL)
			diag_error(&m, "the answer table's length does not "
			    "settle; print the key with --key table");
		doc_free(d);
		failed = 1;
		goto done;
	}
	/* students who drew alike have the same answers down the page */
	doc_share_pages(d);
	build_append(b, &all, d, b->st.tpl->labels[L_ANSWER_KEY], 0, 0, NULL);
done:
	for (k = 0; k < nkeys; k++) {
		if (failed) {
			doc_free(keys[k]);
			continue;
		}
		snprintf(num, sizeof(num), "%zu", k + 1);
		label = label_fmt(b->st.tpl, L_WORKED_KEY, num, NULL);
		build_append(b, &all, keys[k], label, 0, 0, NULL);
		free(label);
	}
	free(keys);
	free(keypage);
	return all;
}

long
build_seed(const struct opts *o, const struct set *s)
{
	return o->has_seed ? o->seed : s->has_seed ? s->seed : 1;
}

/* The set's subject, its tags and the language of its labels, as the
 * PDF's metadata. */
static void
build_meta(const struct build *b, struct doc *d)
{
	const struct set *s = b->set;
	const char **tags = xcalloc(s->tags.n + 1, sizeof(*tags));
	char *keywords;
	size_t i;

	for (i = 0; i < s->tags.n; i++)
		tags[i] = s->tags.v[i].s;
	keywords = s->tags.n > 0 ? sc_join(tags, ", ") : NULL;
	doc_set_meta(d, s->subject, keywords, b->st.lang);
	free(keywords);
	free(tags);
}

/* Resolve b's settings from f, open its template and fonts, and draw
 * its instances.  -1 (reported). */
static int
build_setup(struct build *b, const struct settings_from *f)
{
	settings_resolve(&b->st, f);
	if (settings_open(&b->st) < 0)
		return -1;
	return build_draw(b);
}

static void
build_free(struct build *b)
{
	size_t i;

	for (i = 0; i < b->nins; i++)
		instance_free(b->ins[i]);
	free(b->ins);
	free(b->which);
	free(b->draw);
	free(b->rep);
	free(b->names);
	fonts_free(b->large_fs);
	settings_close(&b->st);
	rtexts_free(b->texts);
	set_free(b->set);
}

/* "30 copies, 60 pages, 30 sheets of paper (double-sided)" */
static void
build_summary(const struct opts *o, const struct job *j)
{
	size_t sheets = o->simplex ? j->doc->npages : (j->doc->npages + 1) / 2;

	output_note("%s: %zu cop%s, %zu pages, %zu sheet%s of paper (%s)",
	    j->path, j->copies, j->copies == 1 ? "y" : "ies",
	    j->doc->npages, sheets, sheets == 1 ? "" : "s",
	    o->simplex ? "one-sided" : "double-sided");
}

void
build_set(const struct opts *o, const char *file, struct set *s,
    int many)
{
	struct build b;
	struct roster *r = NULL;
	struct job jobs[4] = { { DOC_WORKSHEET, "", NULL, NULL, 0 },
	    { DOC_KEY, "-key", NULL, NULL, 0 },
	    { JOB_DISCUSSION, "-discussion", NULL, NULL, 0 },
	    { JOB_TALLY, "-tally", NULL, NULL, 0 } };
	size_t errs = diag_errors(), i, n, first = 0, last = 3, pages = 0;
	size_t ncopies = 0;
	struct mark fm = { NULL, 1, 1 };
	struct settings_from from = { o, s, NULL, NULL, NULL };

	memset(&b, 0, sizeof(b));
	b.set = s;
	if (o->cmd == CMD_WORKSHEET || o->cmd == CMD_PREVIEW)
		last = 1;
	if (o->cmd == CMD_KEY) {
		first = 1;
		last = 2;
	}
	if (o->cmd == CMD_DISCUSSION)
		first = 2;
	if (o->cmd == CMD_TALLY) {
		first = 3;
		last = 4;
	}
	if (o->roster != NULL) {
		if ((r = roster_load(o->roster)) == NULL)
			goto out;
		ncopies = r->n;
		b.names = xcalloc(r->n, sizeof(*b.names));
		for (i = 0; i < r->n; i++)
			b.names[i] = r->v[i].name;
	} else if (o->copies > 0)
		ncopies = (size_t)o->copies;
	b.roster = r;
	b.ncopies = ncopies;
	if (build_setup(&b, &from) < 0)
		goto out;
	if (b.set->discussion == NULL && o->cmd == CMD_DISCUSSION) {
		fm.file = b.set->file;
		diag_error(&fm, "this set has no \"discussion:\" block, so there "
		    "is no discussion packet to print; add one (see the README)");
		goto out;
	}
	if (b.set->discussion == NULL && last == 3)
		last = 2;
	if (ncopies == 0 && b.nins > 1)
		ncopies = b.nins;	/* one copy of each version */
	for (n = first; n < last; n++) {
		/* per student, the key before the worksheet: its answer table
		 * is laid out whole (200,000 items at 3000 students) before
		 * its pages are shared, better not beside the class set */
		i = n;
		if (b.st.per_student && first == 0 && last > 1 && n < 2)
			i = 1 - n;
		if (jobs[i].kind == JOB_DISCUSSION)
			jobs[i].doc = build_discussion(&b, r);
		else if (jobs[i].kind == JOB_TALLY)
			jobs[i].doc = build_tally(&b, 1);
		else if (jobs[i].kind == DOC_WORKSHEET && ncopies > 0) {
			jobs[i].doc = build_copies(&b, r, ncopies);
			jobs[i].copies = ncopies;
		} else if (jobs[i].kind == DOC_KEY)
			jobs[i].doc = build_key(&b);
		else
			jobs[i].doc = build_one(&b, b.ins[0], jobs[i].kind,
			    NULL, 0, NULL);
		/* the key too, after a worksheet that failed: it has texts
		 * of its own (answers); those of both are said once, when
		 * first parsed or laid out (struct rtexts) */
		if (jobs[i].doc == NULL)
			continue;
		output_page_ok(&o->fmt, jobs[i].doc, file, "worksheet");
		if (o->cmd != CMD_CHECK)
			jobs[i].path = output_doc_path(o->output, file,
			    jobs[i].suffix, &o->fmt, many || last - first > 1);
	}
	if (o->cmd == CMD_CHECK)
		leak_check(b.set);
	if (diag_errors() > errs)
		goto out;
	for (i = first; i < last; i++) {
		pages += jobs[i].doc->npages;
		if (o->cmd == CMD_CHECK)
			continue;
		build_meta(&b, jobs[i].doc);
		if (output_doc(jobs[i].doc, &o->fmt, jobs[i].path, file,
		    o->quiet) < 0)
			break;
		if (jobs[i].copies > 0 && !o->quiet && o->cmd != CMD_PREVIEW)
			build_summary(o, &jobs[i]);
	}
	if (o->cmd == CMD_CHECK && !o->quiet)
		printf("%s: ok: %zu problem%s, %zu page%s with the key%s\n",
		    file, b.set->nproblems, b.set->nproblems == 1 ? "" : "s",
		    pages, pages == 1 ? "" : "s", b.set->discussion != NULL ?
		    " and the discussion packet" : "");
out:
	for (i = 0; i < 4; i++) {
		doc_free(jobs[i].doc);
		free(jobs[i].path);
	}
	roster_free(r);
	build_free(&b);
}

int
build_pieces(const struct opts *o, const struct settings *packet,
    const struct pk_include *inc, const struct roster *r,
    struct docpiece **out, size_t *n)
{
	struct settings_from from = { o, inc->set, NULL, inc, packet };
	struct build b;
	struct doc *d;
	size_t i;
	int rc = -1;

	*out = NULL;
	*n = 0;
	memset(&b, 0, sizeof(b));
	b.set = inc->set;
	if (r != NULL && inc->as == INC_WORKSHEET) {
		b.roster = r;
		b.ncopies = r->n;
	}
	if (build_setup(&b, &from) < 0)
		goto out;
	if (inc->as == INC_DISCUSSION) {
		rc = build_dparts(&b, r, 0, out, n);
		goto out;
	}
	if (inc->as == INC_KEY || inc->as == INC_TALLY ||
	    inc->as == INC_STRIPS) {
		int failed = 0;

		d = inc->as == INC_KEY ? build_key(&b) : inc->as == INC_TALLY ?
		    build_tally(&b, 0) : build_strips_of(&b, 0, 0, &failed);
		if (d == NULL)
			goto out;
		build_piece(out, n, d, NULL, 1, -1, 0);
		rc = 0;
		goto out;
	}
	if (r != NULL) {	/* the class set: a named copy each */
		if ((d = build_copies(&b, r, r->n)) == NULL)
			goto out;
		build_piece(out, n, d, NULL, 0, -1, 0);
		(*out)[0].named = 1;
		rc = 0;
		goto out;
	}
	for (i = 0; i < b.nins; i++) {
		if ((d = build_one(&b, b.ins[i], DOC_WORKSHEET, NULL, 0,
		    NULL)) == NULL) {
			pieces_free(*out, *n);
			*out = NULL;
			*n = 0;
			goto out;
		}
		build_piece(out, n, d, b.nins > 1 ? xstrdup(b.ins[i]->label) :
		    NULL, 0, -1, i);
	}
	rc = 0;
out:
	b.set = NULL;		/* the caller's */
	build_free(&b);
	return rc;
}

void
pieces_free(struct docpiece *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		doc_free(v[i].doc);
		free(v[i].name);
	}
	free(v);
}
