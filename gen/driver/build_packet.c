/*
 * build_packet.c - one substitute packet, from its loaded model to one
 * PDF (SPEC section 4): the included documents are laid out first, so
 * their page counts are known; then the cover, whose print list names the
 * pages of each document in the finished PDF, laid out again until its
 * own page count stops changing; then everything is joined in order, each
 * part a bookmark, and every page stamped (packet page number, the
 * teacher-only band on keys and guides).  Nothing is written unless all of
 * it worked.
 *
 * A part is one row of the print list: a whole worksheet or key, one
 * version of a worksheet, one part of a discussion packet.  Unless
 * --simplex, the cover and every part but the last are padded to an even
 * page count, so each starts on a fresh sheet when printed double-sided
 * and its page range can be printed on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "compose.h"
#include "compose_discussion.h"
#include "font.h"
#include "layout.h"
#include "list.h"
#include "output.h"
#include "roster.h"
#include "template.h"
#include "util.h"

#define BP_COVER_TRIES	5

/* One part of the packet after the cover. */
struct bp_part {
	struct doc	*doc;
	int		 dpart;		/* a discussion's part kind, or -1 */
	int		 named;		/* a copy each, named */
	char		*what;		/* print list and bookmark */
	long		 copies;	/* 0: as needed */
	int		 teacher;	/* teacher-only pages */
	int		 early;		/* the early-finisher page */
};

struct packet_build {
	const struct opts *o;
	const struct packet *pk;
	struct settings	 st;		/* of the packet's own pages */
	struct bp_part	*parts;
	size_t		 nparts;
	struct roster	*r;		/* --roster: named copies */
};

static struct bp_part *
bp_add(struct packet_build *pb, struct doc *d, char *what, long copies,
    int teacher)
{
	struct bp_part *p;

	pb->parts = xrealloc(pb->parts, (pb->nparts + 1) *
	    sizeof(*pb->parts));
	p = &pb->parts[pb->nparts++];
	p->doc = d;
	p->what = what;
	p->copies = copies;
	p->teacher = teacher;
	p->early = 0;
	p->dpart = -1;
	p->named = 0;
	return p;
}

/* 1 when the packet is printed on A4 (layout's argument), 0 on letter. */
static int
bp_a4(const struct packet_build *pb)
{
	return pb->st.paper == PAPER_A4;
}

/* A blank page at the end of d when it has an odd page count, unless
 * --simplex. */
static void
bp_pad(const struct packet_build *pb, struct doc *d)
{
	if (!pb->st.simplex && d->npages % 2 == 1)
		layout_blank_page(d, pb->st.tpl, pb->st.fs, NULL);
}

/* Lay out the packet's own blocks (early finishers, report) as a part
 * named by the label what. */
static int
bp_own(struct packet_build *pb, struct blocks *bl, enum label what,
    long copies)
{
	struct doc *d = layout(bl, pb->st.tpl, pb->st.fs, bp_a4(pb),
	    pb->st.tpl->labels[what]);

	blocks_free(bl);
	if (d == NULL)
		return -1;
	bp_add(pb, d, xstrdup(pb->st.tpl->labels[what]), copies, 0);
	return 0;
}

/* The print-list name of a piece of inc: "Worksheet: Ratios — Version B",
 * "Answer Key: Ratios — Versions A–C", and for the parts of a discussion
 * (named as their bookmarks) "Role cards: Ratios", "Exit ticket: Ratios
 * (4 to a page)". */
static char *
bp_name(const struct packet_build *pb, const struct pk_include *inc,
    const struct docpiece *pc)
{
	static const enum label docs[] = { [INC_WORKSHEET] = L_WORKSHEET,
	    [INC_KEY] = L_ANSWER_KEY, [INC_DISCUSSION] = L_WORKSHEET,
	    [INC_TALLY] = L_TALLY, [INC_STRIPS] = L_STRIPS };
	const char *doc = pb->st.tpl->labels[docs[inc->as]];
	const char *title = inc->set->title.s;
	char arg[16];
	char *what, *name;

	if (pc->named) {
		snprintf(arg, sizeof(arg), "%zu", pb->r->n);
		what = label_fmt(pb->st.tpl, L_PRINT_CLASS, arg, NULL);
		name = xasprintf("%s: %s \xe2\x80\x94 %s", doc, title, what);
	} else if (pc->dpart == DPART_TICKETS && pb->r == NULL) {
		snprintf(arg, sizeof(arg), "%d", DISC_TICKETS_PER_PAGE);
		what = label_fmt(pb->st.tpl, L_PER_PAGE, arg, NULL);
		name = xasprintf("%s: %s (%s)", pc->name, title, what);
	} else if (pc->dpart >= 0 && pb->r != NULL && pc->copies == 0) {
		/* the row of every student's sheet: the bookmark "Individual
		 * sheet — Ana" without the first one's name */
		const char *dash = strstr(pc->name, " " DASH " ");

		return xasprintf("%.*s: %s", dash != NULL ? (int)(dash -
		    pc->name) : (int)strlen(pc->name), pc->name, title);
	} else if (pc->dpart >= 0)
		return xasprintf("%s: %s", pc->name, title);
	else if (pc->name != NULL)
		return xasprintf("%s: %s \xe2\x80\x94 %s", doc, title,
		    pc->name);
	else if (inc->versions == 1)
		return xasprintf("%s: %s", doc, title);
	else {
		snprintf(arg, sizeof(arg), "A\xe2\x80\x93%c",
		    'A' + (int)inc->versions - 1);
		what = label_fmt(pb->st.tpl, L_VERSIONS, arg, NULL);
		name = xasprintf("%s: %s \xe2\x80\x94 %s", doc, title, what);
	}
	free(what);
	return name;
}

/* Copies of a piece of inc: a worksheet's copies are shared out over its
 * versions A, B, C, A, B, C ... (30 in 3 versions: 10 of each). */
static long
bp_copies(const struct packet_build *pb, const struct pk_include *inc,
    const struct docpiece *pc)
{
	if (pc->named || (pb->r != NULL && pc->dpart >= 0 && pc->copies == 0))
		return 1;
	if (pc->dpart >= 0)	/* counted by compose_discussion; 0 is a
				 * named sheet: one */
		return pc->copies > 0 ? pc->copies : 1;
	if (inc->as == INC_WORKSHEET)
		return inc->copies / inc->versions +
		    ((long)pc->version < inc->copies % inc->versions);
	return inc->copies;
}

/* Copies of the early-finisher page: as the packet says, else a quarter
 * of the class (the most copies of a worksheet or discussion), rounded
 * up: 28 students, 7 pages. */
static long
bp_early_copies(const struct packet *pk, const struct roster *r)
{
	long class = r != NULL ? (long)r->n : 1;
	size_t i;

	if (pk->early_copies > 0)
		return pk->early_copies;
	for (i = 0; i < pk->ninc; i++)
		if ((pk->inc[i].as == INC_WORKSHEET || pk->inc[i].as ==
		    INC_DISCUSSION) && pk->inc[i].copies > class)
			class = pk->inc[i].copies;
	return (class + 3) / 4;
}

/* Every part after the cover, in order, padded.  Returns -1 (reported). */
static int
bp_parts(struct packet_build *pb)
{
	const struct packet *pk = pb->pk;
	struct docpiece *pcs;
	size_t i, j, n;

	for (i = 0; i < pk->ninc; i++) {
		const struct pk_include *inc = &pk->inc[i];

		if (build_pieces(pb->o, &pb->st, inc, pb->r, &pcs, &n) < 0)
			return -1;
		for (j = 0; j < n; j++) {
			struct bp_part *last = pb->nparts > 0 ?
			    &pb->parts[pb->nparts - 1] : NULL;

			/* a discussion's named sheets of one kind: one
			 * part, one row of the print list */
			if (j > 0 && pcs[j].dpart >= 0 && pcs[j].copies == 0 &&
			    last->dpart == pcs[j].dpart && last->named) {
				bp_pad(pb, last->doc);
				doc_append(last->doc, pcs[j].doc);
				doc_free(pcs[j].doc);
				pcs[j].doc = NULL;
				continue;
			}
			last = bp_add(pb, pcs[j].doc, bp_name(pb, inc, &pcs[j]),
			    bp_copies(pb, inc, &pcs[j]), pcs[j].teacher);
			last->dpart = pcs[j].dpart;
			last->named = pcs[j].named || (pcs[j].dpart >= 0 &&
			    pcs[j].copies == 0);
			pcs[j].doc = NULL;	/* the part's now */
		}
		pieces_free(pcs, n);
	}
	if (pk->early.s != NULL) {
		if (bp_own(pb, compose_early(pk, pb->st.tpl), L_EARLY_PAGE,
		    bp_early_copies(pk, pb->r)) < 0)
			return -1;
		pb->parts[pb->nparts - 1].early = 1;
	}
	if (pk->report && bp_own(pb, compose_report(pk, pb->st.tpl), L_REPORT,
	    1) < 0)
		return -1;
	for (i = 0; i + 1 < pb->nparts; i++)
		bp_pad(pb, pb->parts[i].doc);
	return 0;
}

/*
 * The cover, laid out until the print list's page numbers agree with the
 * cover's own length.  Returns the cover, or NULL (reported).
 */
static struct doc *
bp_cover(struct packet_build *pb)
{
	struct printitem *items = xcalloc(pb->nparts + 1, sizeof(*items));
	struct blocks *bl;
	struct doc *d = NULL;
	size_t ncover = pb->st.simplex ? 1 : 2, page, i;
	int tries;

	for (tries = 0; tries < BP_COVER_TRIES; tries++) {
		items[0].what = pb->st.tpl->labels[L_SUB_PLAN];
		items[0].first = 1;
		items[0].last = ncover;
		items[0].copies = 1;
		page = ncover + 1;
		for (i = 0; i < pb->nparts; i++) {
			items[i + 1].what = pb->parts[i].what;
			items[i + 1].first = page;
			page += pb->parts[i].doc->npages;
			items[i + 1].last = page - 1;
			items[i + 1].copies = pb->parts[i].copies;
			items[i + 1].early = pb->parts[i].early;
		}
		bl = compose_cover(pb->pk, pb->st.tpl, items, pb->nparts + 1,
		    !pb->st.simplex);
		d = layout(bl, pb->st.tpl, pb->st.fs, bp_a4(pb),
		    pb->pk->title.s);
		blocks_free(bl);
		if (d != NULL)
			bp_pad(pb, d);
		if (d == NULL || d->npages == ncover)
			break;
		ncover = d->npages;
		doc_free(d);
		d = NULL;
	}
	free(items);
	if (d == NULL && tries == BP_COVER_TRIES)
		diag_error(&pb->pk->title.mark, "the cover's length does not "
		    "settle; shorten the plan or the notes");
	return d;
}

/* The PDF's Subject and Keywords: the subjects and tags of the sets the
 * packet includes, as mimeo list shows them; /Lang: its labels'. */
static void
bp_meta(const struct packet_build *pb, struct doc *d)
{
	const struct packet *pk = pb->pk;
	char *subjects = NULL, *tags = NULL;
	size_t i, t;

	for (i = 0; i < pk->ninc; i++) {
		const struct set *s = pk->inc[i].set;

		if (s == NULL)
			continue;
		ls_union(&subjects, s->subject);
		for (t = 0; t < s->tags.n; t++)
			ls_union(&tags, s->tags.v[t].s);
	}
	doc_set_meta(d, subjects, tags, pb->st.lang);
	free(subjects);
	free(tags);
}

/* The whole packet: cover, then each part, stamped.  Takes the docs. */
static struct doc *
bp_join(struct packet_build *pb, struct doc *cover)
{
	struct doc *all = doc_new(cover->width, cover->height);
	size_t i, total = cover->npages;

	for (i = 0; i < pb->nparts; i++)
		total += pb->parts[i].doc->npages;
	all->title = xstrdup(pb->pk->title.s);
	doc_add_outline(all, pb->st.tpl->labels[L_SUB_PLAN], 0);
	layout_packet_marks(cover, pb->st.tpl, pb->st.fs, 0, 0, total);
	doc_append(all, cover);
	doc_free(cover);
	for (i = 0; i < pb->nparts; i++) {
		struct bp_part *p = &pb->parts[i];

		doc_add_outline(all, p->what, all->npages);
		layout_packet_marks(p->doc, pb->st.tpl, pb->st.fs, p->teacher,
		    all->npages, total);
		doc_append(all, p->doc);
	}
	return all;
}

void
build_packet(const struct opts *o, const char *file,
    const struct packet *pk, int many)
{
	struct settings_from from = { o, NULL, pk, NULL, NULL };
	struct packet_build pb;
	struct doc *cover, *all = NULL;
	char *path = NULL;
	size_t i, errs = diag_errors();

	memset(&pb, 0, sizeof(pb));
	pb.o = o;
	pb.pk = pk;
	settings_resolve(&pb.st, &from);
	if (settings_open(&pb.st) < 0)
		goto out;
	if (o->roster != NULL && (pb.r = roster_load(o->roster)) == NULL)
		goto out;
	if (bp_parts(&pb) < 0 || (cover = bp_cover(&pb)) == NULL)
		goto out;
	all = bp_join(&pb, cover);
	if (diag_errors() > errs || output_page_ok(&o->fmt, all, file,
	    "packet") < 0)
		goto out;
	if (o->cmd == CMD_CHECK) {
		if (!o->quiet)
			printf("%s: ok: packet, %zu document%s, %zu pages\n",
			    file, pk->ninc, pk->ninc == 1 ? "" : "s",
			    all->npages);
		goto out;
	}
	path = output_doc_path(o->output, file, "-packet", &o->fmt, many);
	bp_meta(&pb, all);
	if (path != NULL)
		output_doc(all, &o->fmt, path, file, o->quiet);
out:
	for (i = 0; i < pb.nparts; i++) {
		doc_free(pb.parts[i].doc);
		free(pb.parts[i].what);
	}
	free(pb.parts);
	free(path);
	doc_free(all);
	settings_close(&pb.st);
	roster_free(pb.r);
}
