/*
 * build_packet.c - one substitute packet, from its loaded model to one
 * PDF (SPEC section 4): the included documents are laid out first, so
 * their page counts are known; then the cover, whose print list names the
 * pages of each document in the finished PDF, laid out again until its
 * own page count stops changing; then everything is joined in order, each
 * part a bookmark, and every page stamped (packet page number, the
 * teacher-only band on keys).  Nothing is written unless all of it worked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "compose.h"
#include "font.h"
#include "layout.h"
#include "output.h"
#include "template.h"
#include "util.h"

#define BP_COVER_TRIES	5

/* One part of the packet after the cover. */
struct part {
	struct doc	*doc;
	char		*what;		/* print list and bookmark */
	long		 copies;	/* 0: as needed */
	int		 teacher;	/* teacher-only pages */
};

struct packet_build {
	const struct opts *o;
	const struct packet *pk;
	struct template	*tpl;
	struct fonts	*fs;
	const char	*paper;
	struct part	*parts;
	size_t		 nparts;
};

static struct part *
bp_add(struct packet_build *pb, struct doc *d, char *what, long copies,
    int teacher)
{
	struct part *p;

	pb->parts = xrealloc(pb->parts, (pb->nparts + 1) *
	    sizeof(*pb->parts));
	p = &pb->parts[pb->nparts++];
	p->doc = d;
	p->what = what;
	p->copies = copies;
	p->teacher = teacher;
	return p;
}

/* Lay out the packet's own blocks (early finishers, report) as a part
 * named by the label what. */
static int
bp_own(struct packet_build *pb, struct blocks *bl, enum label what,
    long copies)
{
	struct doc *d = layout(bl, pb->tpl, pb->fs, strcmp(pb->paper, "a4") ==
	    0, pb->tpl->labels[what]);

	blocks_free(bl);
	if (d == NULL)
		return -1;
	bp_add(pb, d, xstrdup(pb->tpl->labels[what]), copies, 0);
	return 0;
}

/* Every part after the cover, in order.  Returns -1 (reported). */
static int
bp_parts(struct packet_build *pb)
{
	const struct packet *pk = pb->pk;
	size_t i;

	for (i = 0; i < pk->ninc; i++) {
		const struct pk_include *inc = &pk->inc[i];
		int key = inc->as == INC_KEY;
		struct doc *d;

		d = build_doc(pb->o, inc->set, key ? DOC_KEY : DOC_WORKSHEET,
		    inc->has_seed ? &inc->seed : NULL, pb->paper);
		if (d == NULL)
			return -1;
		bp_add(pb, d, xasprintf("%s: %s", pb->tpl->labels[key ?
		    L_ANSWER_KEY : L_WORKSHEET], inc->set->title.s),
		    inc->copies, key);
	}
	if (pk->early.s != NULL &&
	    bp_own(pb, compose_early(pk, pb->tpl), L_EARLY_PAGE, 0) < 0)
		return -1;
	if (pk->report && bp_own(pb, compose_report(pk, pb->tpl), L_REPORT,
	    1) < 0)
		return -1;
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
	size_t ncover = 1, page, i;
	int tries;

	for (tries = 0; tries < BP_COVER_TRIES; tries++) {
		items[0].what = pb->tpl->labels[L_SUB_PLAN];
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
		}
		bl = compose_cover(pb->pk, pb->tpl, items, pb->nparts + 1);
		d = layout(bl, pb->tpl, pb->fs, strcmp(pb->paper, "a4") == 0,
		    pb->pk->title.s);
		blocks_free(bl);
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

/* The whole packet: cover, then each part, stamped.  Takes the docs. */
static struct doc *
bp_join(struct packet_build *pb, struct doc *cover)
{
	struct doc *all = doc_new(cover->width, cover->height);
	unsigned char *teacher;
	size_t i, j, total = cover->npages;

	for (i = 0; i < pb->nparts; i++)
		total += pb->parts[i].doc->npages;
	teacher = xcalloc(total, 1);
	all->title = xstrdup(pb->pk->title.s);
	doc_add_outline(all, pb->tpl->labels[L_SUB_PLAN], 0);
	doc_append(all, cover);
	doc_free(cover);
	for (i = 0; i < pb->nparts; i++) {
		struct part *p = &pb->parts[i];

		doc_add_outline(all, p->what, all->npages);
		for (j = 0; j < p->doc->npages; j++)
			teacher[all->npages + j] = (unsigned char)p->teacher;
		doc_append(all, p->doc);
	}
	layout_packet_marks(all, pb->tpl, pb->fs, teacher);
	free(teacher);
	return all;
}

void
build_packet(const struct opts *o, const char *file,
    const struct packet *pk, int many)
{
	struct packet_build pb;
	struct doc *cover, *all = NULL;
	char *path = NULL;
	size_t i, errs = diag_errors();

	memset(&pb, 0, sizeof(pb));
	pb.o = o;
	pb.pk = pk;
	pb.tpl = template_load(o->template ? o->template : "worksheet",
	    o->lang ? o->lang : pk->language ? pk->language : "en");
	if (pb.tpl == NULL || (pb.fs = fonts_open(pb.tpl)) == NULL)
		goto out;
	pb.paper = o->paper ? o->paper : pk->paper ? pk->paper :
	    pb.tpl->a4 ? "a4" : "letter";
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
	fonts_free(pb.fs);
	template_free(pb.tpl);
}
