/*
 * compose_packet.c - the blocks of a substitute packet's own pages: the
 * cover (plan, notes, print list), the early-finisher page and the report
 * form; see compose.h.  The included documents are composed as any
 * worksheet or key is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "packet.h"
#include "util.h"

static void
cp_label(struct blocks *b, enum block_kind k, char *owned)
{
	blocks_push(b, k)->label = owned;
}

static char *
cp_number(const struct template *t, enum label l, long n)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", n);
	return label_fmt(t, l, num, NULL);
}

/* "Class 5B · 50 minutes · 9:05–9:55" */
static char *
cp_facts(const struct packet *pk, const struct template *t)
{
	char *s = xstrdup(""), *part, *next, from[16], to[16];
	long total = pk->duration;
	size_t i;

	if (total == 0)
		for (i = 0; i < pk->nplan; i++)
			total += pk->plan[i].minutes;
	if (pk->class != NULL) {
		free(s);
		s = xasprintf("%s %s", t->labels[L_CLASS], pk->class);
	}
	part = cp_number(t, L_MINUTES, total);
	next = xasprintf("%s%s%s", s, *s ? " \xc2\xb7 " : "", part);
	free(part);
	free(s);
	s = next;
	if (pk->start >= 0) {
		packet_clock(pk, pk->start, from, sizeof(from));
		packet_clock(pk, pk->start + (int)total, to, sizeof(to));
		next = xasprintf("%s \xc2\xb7 %s\xe2\x80\x93%s", s, from, to);
		free(s);
		s = next;
	}
	return s;
}

/* A table row of three cells (owned). */
static void
cp_row(struct blocks *b, char *c0, char *c1, char *c2, int header)
{
	struct block *bl = blocks_push(b, BK_ROW);

	bl->ncells = 3;
	bl->cells = xcalloc(3, sizeof(*bl->cells));
	bl->cells[0] = c0;
	bl->cells[1] = c1;
	bl->cells[2] = c2;
	bl->key = header;
}

void
compose_print_list(struct blocks *b, const struct template *t,
    const struct printitem *items, size_t n, int duplex)
{
	size_t i;

	cp_label(b, BK_HEADING, xstrdup(t->labels[L_PRINT_LIST]));
	cp_label(b, BK_INFO, xstrdup(t->labels[L_PRINT_HINT]));
	if (duplex)
		cp_label(b, BK_INFO, xstrdup(t->labels[L_PRINT_DUPLEX]));
	cp_row(b, xstrdup(t->labels[L_DOCUMENT]), xstrdup(t->labels[L_PAGES]),
	    xstrdup(t->labels[L_COPIES]), 1);
	for (i = 0; i < n; i++)
		cp_row(b, xstrdup(items[i].what), items[i].first ==
		    items[i].last ? xasprintf("%zu", items[i].first) :
		    xasprintf("%zu\xe2\x80\x93%zu", items[i].first,
		    items[i].last), items[i].copies > 0 ?
		    xasprintf("%ld", items[i].copies) :
		    xstrdup(t->labels[L_AS_NEEDED]), 0);
}

/* The plan: when to give out the early-finisher page (any time, so
 * first), then each step with its clock times when the packet has a
 * start, else its minutes. */
static void
cp_plan(struct blocks *b, const struct packet *pk, const struct template *t,
    const struct printitem *items, size_t n)
{
	struct block *bl;
	char from[16], to[16], page[24];
	int at = pk->start;
	size_t i;

	cp_label(b, BK_HEADING, xstrdup(t->labels[L_THE_PLAN]));
	for (i = 0; i < n; i++)
		if (items[i].early) {
			snprintf(page, sizeof(page), "%zu", items[i].first);
			bl = blocks_push(b, BK_BULLET);
			bl->label = label_fmt(t, L_EARLY_GIVE, page, NULL);
			bl->key = 1;	/* never alone under the heading */
		}
	for (i = 0; i < pk->nplan; i++) {
		const struct pk_step *st = &pk->plan[i];

		bl = blocks_push(b, BK_STEP);
		bl->text = &st->todo;
		bl->u.aside = st->say.s != NULL ? &st->say : NULL;
		if (at >= 0) {
			packet_clock(pk, at, from, sizeof(from));
			at += (int)st->minutes;
			packet_clock(pk, at, to, sizeof(to));
			bl->label = xasprintf("%s\xe2\x80\x93%s", from, to);
		} else
			bl->label = cp_number(t, L_MIN, st->minutes);
	}
}

/* What a real sub folder has on its first page: who is who (the roles
 * the plan names), whom to ask for help, what to do at the bell; a line
 * to write in what the packet does not say. */
static void
cp_emergency(struct blocks *b, const struct packet *pk,
    const struct template *t)
{
	static const enum label asks[] = { L_HELP_CONTACT, L_AT_THE_BELL };
	const struct text *said[] = { &pk->help, &pk->bell };
	struct block *bl;
	size_t i;

	if (pk->nroles > 0) {
		cp_label(b, BK_HEADING, xstrdup(t->labels[L_WHO_IS]));
		for (i = 0; i < pk->nroles; i++) {
			bl = blocks_push(b, BK_KEYNOTE);
			bl->label = xasprintf("%s:", pk->roles[i].name.s);
			bl->text = &pk->roles[i].who;
		}
	}
	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		if (said[i]->s != NULL) {
			bl = blocks_push(b, BK_KEYNOTE);
			bl->label = xasprintf("%s:", t->labels[asks[i]]);
			bl->text = said[i];
		} else {
			bl = blocks_push(b, BK_WRITE);
			bl->label = xasprintf("%s:", t->labels[asks[i]]);
			bl->n = 1;
		}
	}
}

struct blocks *
compose_cover(const struct packet *pk, const struct template *t,
    const struct printitem *items, size_t n, int duplex)
{
	struct blocks *b = xcalloc(1, sizeof(*b));
	size_t i;

	blocks_push(b, BK_TITLE)->text = &pk->title;
	cp_label(b, BK_SUBTITLE, xstrdup(t->labels[L_SUB_PLAN]));
	cp_label(b, BK_INFO, cp_facts(pk, t));
	cp_label(b, BK_HEADING, xstrdup(t->labels[L_BEFORE_CLASS]));
	cp_label(b, BK_BULLET, xstrdup(t->labels[L_HOW_TO]));
	for (i = 0; i < pk->notes.n; i++)
		blocks_push(b, BK_BULLET)->text = &pk->notes.v[i];
	compose_print_list(b, t, items, n, duplex);
	cp_emergency(b, pk, t);
	cp_plan(b, pk, t, items, n);
	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_SUB_PLAN]));
	footer_add(&b->footer, FP_TITLE, xstrdup(pk->title.s));
	return b;
}

struct blocks *
compose_early(const struct packet *pk, const struct template *t)
{
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct block *bl;

	cp_label(b, BK_TITLE, xstrdup(t->labels[L_EARLY]));
	bl = blocks_push(b, BK_FIELDS);
	memcpy(bl->fields, t->fields, sizeof(bl->fields));
	blocks_push(b, BK_TEXT)->text = &pk->early;
	bl = blocks_push(b, BK_WRITE);
	bl->n = 18;
	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_EARLY]));
	return b;
}

struct blocks *
compose_report(const struct packet *pk, const struct template *t)
{
	static const struct {
		enum label	l;
		int		lines;
	} asks[] = { { L_REPORT_WHO, 1 }, { L_REPORT_ABSENT, 2 },
	    { L_REPORT_DONE, 4 }, { L_REPORT_HELPED, 2 },
	    { L_REPORT_STRUGGLED, 3 }, { L_REPORT_NOTES, 4 } };
	struct blocks *b = xcalloc(1, sizeof(*b));
	struct block *bl;
	size_t i;

	cp_label(b, BK_TITLE, xstrdup(t->labels[L_REPORT]));
	cp_label(b, BK_INFO, pk->class != NULL ? xasprintf("%s \xc2\xb7 %s "
	    "%s", pk->title.s, t->labels[L_CLASS], pk->class) :
	    xstrdup(pk->title.s));
	for (i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
		bl = blocks_push(b, BK_WRITE);
		bl->label = xstrdup(t->labels[asks[i].l]);
		bl->n = asks[i].lines;
	}
	footer_add(&b->footer, FP_WORDS, xstrdup(t->labels[L_REPORT]));
	footer_add(&b->footer, FP_TITLE, xstrdup(pk->title.s));
	return b;
}
