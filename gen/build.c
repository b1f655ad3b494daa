/* build.c - the documents of one set; see build.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "compose.h"
#include "diag.h"
#include "font.h"
#include "layout.h"
#include "output.h"
#include "page.h"
#include "roster.h"
#include "set.h"
#include "template.h"
#include "util.h"
#include "vary.h"

#define BUILD_MAX_COPIES	5000

/* What a build shares: the set, its instance, the templates and fonts. */
struct build {
	const struct opts *o;
	struct set	*set;
	struct instance	*in;
	struct template	*tpl, *large;	/* large: loaded when a row asks */
	struct fonts	*fs, *large_fs;
	int		 a4;
};

/* One document to write. */
struct job {
	enum doc_kind	 kind;
	const char	*suffix;
	struct doc	*doc;
	char		*path;
	size_t		 copies;	/* > 0 for a class set */
};

static struct doc *
build_one(struct build *b, enum doc_kind kind, const struct copyfor *who,
    int large)
{
	struct blocks *bl;
	struct doc *d;
	struct template *t = large ? b->large : b->tpl;

	bl = compose(b->in, t, kind, who);
	d = layout(bl, t, large ? b->large_fs : b->fs, b->a4, b->set->title.s);
	blocks_free(bl);
	return d;
}

/* The large-print template and its fonts, loaded once when needed. */
static int
build_large(struct build *b)
{
	const struct opts *o = b->o;

	if (b->large != NULL)
		return 0;
	b->large = template_load("large-print", o->lang ? o->lang :
	    b->set->language ? b->set->language : "en");
	if (b->large == NULL || (b->large_fs = fonts_open(b->large)) == NULL)
		return -1;
	return 0;
}

/*
 * A class set: one copy per roster row (named) or --copies unnamed copies,
 * each with its own page numbers and bookmark, each padded to an even page
 * count unless --simplex, all in one document.  NULL if any copy failed.
 */
static struct doc *
build_copies(struct build *b, const struct roster *r, size_t n)
{
	struct doc *all = NULL, *d;
	struct copyfor who;
	char num[24], *title;
	size_t i;
	int large;

	for (i = 0; i < n; i++) {
		memset(&who, 0, sizeof(who));
		large = 0;
		if (r != NULL) {
			who.name = r->v[i].name;
			who.period = r->v[i].period;
			large = r->v[i].large;
			if (large && build_large(b) < 0)
				break;
		}
		if ((d = build_one(b, DOC_WORKSHEET, &who, large)) == NULL)
			break;
		snprintf(num, sizeof(num), "%zu", i + 1);
		title = r != NULL ? xstrdup(r->v[i].name) :
		    label_fmt(b->tpl, L_COPY, num, NULL);
		if (all == NULL) {
			all = doc_new(d->width, d->height);
			all->title = xstrdup(d->title);
		}
		doc_add_outline(all, title, all->npages);
		free(title);
		if (!b->o->simplex && d->npages % 2 == 1)
			layout_blank_page(d, large ? b->large : b->tpl,
			    large ? b->large_fs : b->fs);
		doc_append(all, d);
		doc_free(d);
	}
	if (i < n) {
		doc_free(all);
		return NULL;
	}
	return all;
}

static int
build_setup(struct build *b, const char *file)
{
	const struct opts *o = b->o;
	const struct set *s;

	if (b->set == NULL && (b->set = set_load(file)) == NULL)
		return -1;
	s = b->set;
	b->tpl = template_load(o->template ? o->template : s->template ?
	    s->template : "worksheet", o->lang ? o->lang : s->language ?
	    s->language : "en");
	if (b->tpl == NULL || (b->fs = fonts_open(b->tpl)) == NULL)
		return -1;
	b->a4 = o->paper ? strcmp(o->paper, "a4") == 0 :
	    s->paper ? strcmp(s->paper, "a4") == 0 : b->tpl->a4;
	b->in = vary(s, o->has_seed ? o->seed : s->has_seed ? s->seed : 1);
	return 0;
}

static void
build_free(struct build *b)
{
	instance_free(b->in);
	fonts_free(b->large_fs);
	template_free(b->large);
	fonts_free(b->fs);
	template_free(b->tpl);
	set_free(b->set);
}

/* "30 copies, 60 pages, 30 sheets of paper (double-sided)" */
static void
build_summary(const struct opts *o, const struct job *j)
{
	size_t sheets = o->simplex ? j->doc->npages : (j->doc->npages + 1) / 2;

	fprintf(stderr, "%s: %zu cop%s, %zu pages, %zu sheet%s of paper "
	    "(%s)\n", j->path, j->copies, j->copies == 1 ? "y" : "ies",
	    j->doc->npages, sheets, sheets == 1 ? "" : "s",
	    o->simplex ? "one-sided" : "double-sided");
}

/* The documents of the set s (owned) loaded from file. */
static void
build_set(const struct opts *o, const char *file, struct set *s,
    int many)
{
	struct build b;
	struct roster *r = NULL;
	struct job jobs[2] = { { DOC_WORKSHEET, "", NULL, NULL, 0 },
	    { DOC_KEY, "-key", NULL, NULL, 0 } };
	size_t errs = diag_errors(), i, first = 0, last = 2, pages = 0;
	size_t ncopies = 0;

	memset(&b, 0, sizeof(b));
	b.o = o;
	b.set = s;
	if (o->cmd == CMD_WORKSHEET)
		last = 1;
	if (o->cmd == CMD_KEY)
		first = 1;
	if (o->roster != NULL && first == 0) {
		if ((r = roster_load(o->roster)) == NULL)
			goto out;
		ncopies = r->n;
	} else if (o->copies > 0 && first == 0)
		ncopies = (size_t)o->copies;
	if (build_setup(&b, file) < 0)
		goto out;
	for (i = first; i < last; i++) {
		if (jobs[i].kind == DOC_WORKSHEET && ncopies > 0) {
			jobs[i].doc = build_copies(&b, r, ncopies);
			jobs[i].copies = ncopies;
		} else
			jobs[i].doc = build_one(&b, jobs[i].kind, NULL, 0);
		/* the key repeats the worksheet's texts: report them once */
		if (jobs[i].doc == NULL)
			break;
		if (o->cmd != CMD_CHECK)
			jobs[i].path = output_path(o->output, file,
			    jobs[i].suffix, "pdf", many || last - first > 1);
	}
	if (diag_errors() > errs)
		goto out;
	for (i = first; i < last; i++) {
		pages += jobs[i].doc->npages;
		if (o->cmd == CMD_CHECK)
			continue;
		if (output_pdf(jobs[i].doc, jobs[i].path, file) < 0)
			break;
		if (!o->quiet)
			printf("wrote %s (%zu page%s)\n", jobs[i].path,
			    jobs[i].doc->npages,
			    jobs[i].doc->npages == 1 ? "" : "s");
		if (jobs[i].copies > 0 && !o->quiet)
			build_summary(o, &jobs[i]);
	}
	if (o->cmd == CMD_CHECK && !o->quiet)
		printf("%s: ok: %zu problem%s, %zu page%s with the key\n",
		    file, b.set->nproblems, b.set->nproblems == 1 ? "" : "s",
		    pages, pages == 1 ? "" : "s");
out:
	for (i = 0; i < 2; i++) {
		doc_free(jobs[i].doc);
		free(jobs[i].path);
	}
	roster_free(r);
	build_free(&b);
}

struct doc *
build_doc(const struct opts *o, struct set *s, enum doc_kind kind,
    const long *seed, const char *paper)
{
	struct opts lo = *o;
	struct build b;
	struct doc *d = NULL;

	lo.paper = paper;
	if (seed != NULL) {
		lo.seed = *seed;
		lo.has_seed = 1;
	}
	memset(&b, 0, sizeof(b));
	b.o = &lo;
	b.set = s;
	if (build_setup(&b, s->file) == 0)
		d = build_one(&b, kind, NULL, 0);
	b.set = NULL;		/* the caller's */
	build_free(&b);
	return d;
}

void
build_file(const struct opts *o, const char *file, int many)
{
	struct packet *pk;
	struct set *s;
	struct mark m = { NULL, 0, 0 };

	if (library_load(file, &pk, &s) < 0)
		return;
	m.file = diag_file(file);
	if (pk != NULL && (o->cmd == CMD_WORKSHEET || o->cmd == CMD_KEY))
		diag_error(&m, "this is a substitute packet, not a problem "
		    "set; write it with mimeo packet %s (or mimeo %s)", file,
		    file);
	else if (s != NULL && o->cmd == CMD_PACKET)
		diag_error(&m, "this is a problem set, not a packet (a packet "
		    "starts with \"packet:\"); write it with mimeo %s", file);
	else if (pk != NULL)
		build_packet(o, file, pk, many);
	else {
		build_set(o, file, s, many);
		s = NULL;
	}
	packet_free(pk);
	set_free(s);
}
