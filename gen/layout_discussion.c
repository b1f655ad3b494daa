/*
 * layout_discussion.c - the blocks of a group-discussion packet: the
 * problem in a frame, the timed plan with read-aloud boxes, anticipated
 * approaches, the monitoring grid, the board plan, empty panels to work
 * in, member tables, prompts with lines, and cards to cut out.  Each block
 * is drawn into the strip with the engine's primitives (layout_int.h) and
 * placed whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_int.h"
#include "util.h"

static const struct color say_shade = { 0.95, 0.95, 0.90 };

/* Place the strip drawn so far, gap below what is on the page; a block
 * taller than a page is reported at m. */
static void
ld_place(struct lay *L, double gap, const struct mark *m, const char *what)
{
	double h = L->sy;

	if (lay_place(L, h, gap) < 0) {
		diag_error(m, "%s is taller than a page (%.1f cm of %.1f cm); "
		    "shorten it", what, h / 72 * 2.54,
		    (L->bottom - L->top) / 72 * 2.54);
		L->failed = 1;
	}
}

/*
 * Set "Label text" as one paragraph: label in bold, then the teacher's
 * text with its markup, from the strip's cursor.  Returns -1 when the text
 * is wrong (reported).
 */
static int
ld_labelled(struct lay *L, const char *label, const struct text *t,
    const struct tstyle *ts, double x, double width)
{
	struct rich r, tr;
	size_t i;
	int rc = 0;

	memset(&r, 0, sizeof(r));
	memset(&tr, 0, sizeof(tr));
	rich_plain(label, ST_BOLD, &r);
	if (rich_parse(t, 0, &tr) < 0) {
		L->failed = 1;
		rc = -1;
	}
	xgrow((void **)&r.v, &r.cap, r.n, sizeof(*r.v));
	r.v[r.n].kind = A_SPACE;
	r.v[r.n++].s = NULL;
	for (i = 0; i < tr.n; i++) {
		xgrow((void **)&r.v, &r.cap, r.n, sizeof(*r.v));
		r.v[r.n++] = tr.v[i];
	}
	free(tr.v);
	r.mark = t->mark;
	lay_rich(L, &r, ts, x, width, AL_LEFT, 0);
	rich_free(&r);
	return rc;
}

/* A small label in the top-left corner of a box at (x, y). */
static void
ld_corner(struct lay *L, const char *label, double x, double y, double w)
{
	struct tstyle ls = lay_style(L, L->t->size_small + 1, ST_BOLD, gray);
	double save = L->sy;

	L->sy = y + 4;
	lay_plain(L, label, &ls, x + 6, w - 12, AL_LEFT);
	L->sy = save;
}

void
lay_newpage(struct lay *L)
{
	if (L->page != NULL && L->y > L->top + EPS)
		lay_new_page(L);
}

void
lay_frame(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * 1.08, 0, ink);
	double pad = 10, top;
	size_t ri;

	L->sy = 0;
	top = L->sy;
	ri = L->strip.nitems;
	lay_rect(L, L->left, top, lay_width(L), 0, 1.0, ink);
	ld_corner(L, b->label, L->left, top, lay_width(L));
	L->sy = top + lay_lh(L, L->t->size_small + 1) + 4;
	lay_text(L, b->text, 0, &ts, L->left + pad, lay_width(L) - 2 * pad,
	    AL_LEFT, 0);
	L->sy += pad - 4;
	L->strip.items[ri].h = L->sy - top;
	ld_place(L, L->t->gap_paragraph * 2, &b->text->mark, b->label);
}

/* A step of the plan: a box to tick and its minutes on the left, the
 * name and length, then what to read aloud in a shaded box. */
void
lay_phase(struct lay *L, const struct block *b)
{
	const struct phase *ph = b->phase;
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ss = lay_style(L, L->t->size_small + 1, 0, gray);
	double col = 64, x = L->left + col, w = lay_width(L) - col, pad = 7;
	double bs = ns.size * 0.9, top;
	char num[24], *len, *range;
	size_t ri;

	L->sy = 0;
	lay_rect(L, L->left, lay_base(L, ns.size) - bs * 0.85, bs, bs,
	    L->t->rule, ink);
	range = xasprintf("%d\xe2\x80\x93%ld", b->from, b->from + ph->minutes);
	lay_plain(L, range, &ss, L->left + bs + 6, col - bs - 8, AL_LEFT);
	free(range);
	L->sy = 0;
	snprintf(num, sizeof(num), "%ld", ph->minutes);
	len = label_fmt(L->t, L_MIN, num, NULL);
	lay_text(L, &ph->name, 0, &ns, x, w * 0.75, AL_LEFT, 0);
	L->sy = 0;
	lay_plain(L, len, &ss, x + w * 0.75, w * 0.25, AL_RIGHT);
	free(len);
	L->sy = lay_lh(L, ns.size);
	if (ph->say.s != NULL) {
		L->sy += 3;
		top = L->sy;
		ri = L->strip.nitems;
		lay_rect(L, x, top, w, 0, 0.8, gray);
		L->sy += pad;
		ld_labelled(L, L->t->labels[L_SAY], &ph->say, &ts, x + pad,
		    w - 2 * pad);
		L->sy += pad;
		L->strip.items[ri].h = L->sy - top;
		L->strip.items[ri].fill = 1;
		L->strip.items[ri].fill_color = say_shade;
	}
	ld_place(L, 10, &ph->name.mark, "a phase");
}

/* Anticipated approach n: its number, a misconception mark, the
 * approach, then the question to ask. */
void
lay_approach(struct lay *L, const struct block *b)
{
	const struct approach *a = b->apps;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ms = lay_style(L, L->t->size_small + 1, ST_BOLD, key_ink);
	double x = L->left + L->indent, w = lay_width(L) - L->indent;
	char *num = xasprintf("%d.", b->n);

	L->sy = 0;
	lay_plain(L, num, &ns, L->left, L->indent - 4, AL_LEFT);
	free(num);
	L->sy = 0;
	if (a->misconception) {
		char *m = xasprintf("\xe2\x9c\x97 %s",
		    L->t->labels[L_MISCONCEPTION]);

		L->sy = (lay_lh(L, ts.size) - lay_lh(L, ms.size)) / 2;
		lay_plain(L, m, &ms, x, w, AL_LEFT);
		free(m);
	}
	lay_text(L, &a->approach, 0, &ts, x, w, AL_LEFT, 0);
	if (a->ask.s != NULL) {
		L->sy += 2;
		ts.style = ST_ITALIC;
		ld_labelled(L, L->t->labels[L_ASK], &a->ask, &ts, x + 12,
		    w - 12);
	}
	ld_place(L, 10, &a->approach.mark, "an anticipated approach");
}

/* The monitoring grid: an approach a row (and a row for what no one
 * anticipated), a group a column, cells to tick. */
void
lay_tally(struct lay *L, const struct block *b)
{
	struct tstyle hs = lay_style(L, L->t->size_small + 1, ST_ITALIC, gray);
	struct tstyle ts = lay_style(L, L->t->size_body * 0.85, 0, ink);
	struct tstyle cs = lay_style(L, L->t->size_small + 1, ST_BOLD, ink);
	struct tstyle ms = lay_style(L, L->t->size_small, ST_BOLD, key_ink);
	double lw = lay_width(L) * 0.42, cw = (lay_width(L) - lw) / b->n;
	double x0 = L->left, top, rowtop, y;
	size_t i;
	int g;
	char num[24];

	L->sy = 0;
	lay_plain(L, L->t->labels[L_MONITOR_HINT], &hs, x0, lay_width(L),
	    AL_LEFT);
	L->sy += 4;
	top = L->sy;
	/* header: "Groups" over numbered columns */
	lay_plain(L, L->t->labels[L_GROUPS], &cs, x0 + lw, cw * b->n,
	    AL_CENTER);
	for (g = 0; g < b->n; g++) {
		L->sy = top + lay_lh(L, cs.size);
		snprintf(num, sizeof(num), "%d", g + 1);
		lay_plain(L, num, &cs, x0 + lw + cw * g, cw, AL_CENTER);
	}
	L->sy = top + 2 * lay_lh(L, cs.size) + 2;
	lay_line(L, x0, L->sy, L->right, L->sy, L->t->rule, ink, 0);
	for (i = 0; i <= b->napps; i++) {
		rowtop = L->sy;
		L->sy += 4;
		if (i < b->napps) {
			snprintf(num, sizeof(num), "%zu.", i + 1);
			lay_plain(L, num, &cs, x0 + 2, 20, AL_LEFT);
			L->sy = rowtop + 4;
			lay_text(L, &b->apps[i].approach, 0, &ts, x0 + 20,
			    lw - 26, AL_LEFT, 0);
			if (b->apps[i].misconception)
				lay_plain(L, L->t->labels[L_MISCONCEPTION],
				    &ms, x0 + 20, lw - 26, AL_LEFT);
		} else
			lay_plain(L, L->t->labels[L_OTHER], &cs, x0 + 2,
			    lw - 8, AL_LEFT);
		L->sy += 4;
		if (L->sy - rowtop < 30)
			L->sy = rowtop + 30;
		lay_line(L, x0, L->sy, L->right, L->sy, L->t->rule * 0.8,
		    gray, 0);
	}
	for (g = 0; g <= b->n; g++) {
		y = top + lay_lh(L, cs.size);
		lay_line(L, x0 + lw + cw * g, g == 0 || g == b->n ? top : y,
		    x0 + lw + cw * g, L->sy, L->t->rule * 0.8, gray, 0);
	}
	lay_rect(L, x0, top, lay_width(L), L->sy - top, L->t->rule, ink);
	ld_place(L, 4, NULL, "the monitoring grid");
}

/* A numbered list, kept whole with its heading (the questions are few). */
void
lay_list(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	char num[24];
	double top;
	size_t i;

	L->sy = 0;
	for (i = 0; i < b->list->n; i++) {
		top = L->sy;
		snprintf(num, sizeof(num), "%zu.", i + 1);
		lay_plain(L, num, &ns, L->left, L->indent - 4, AL_LEFT);
		L->sy = top;
		lay_text(L, &b->list->v[i], 0, &ts, L->left + L->indent,
		    lay_width(L) - L->indent, AL_LEFT, 0);
		L->sy += 4;
	}
	ld_place(L, 6, &b->list->v[0].mark, "the list of questions");
}

/* The board plan: the approaches side by side in the order to discuss
 * them, each in a box tall enough to sketch the group's work in, with the
 * question to ask and a line for the group that presents it. */
void
lay_board(struct lay *L, const struct block *b)
{
	struct tstyle hs = lay_style(L, L->t->size_small + 1, ST_ITALIC, gray);
	struct tstyle ns = lay_style(L, L->t->size_heading, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body * 0.85, 0, ink);
	struct tstyle as = lay_style(L, ts.size, ST_ITALIC, gray);
	struct tstyle ms = lay_style(L, L->t->size_small, ST_BOLD, key_ink);
	struct tstyle ps = lay_style(L, L->t->size_small + 1, 0, ink);
	size_t cols = b->napps <= 4 ? b->napps : 3, rows, i, k;
	double gap = 8, cw, rowtop, h, avail, base, x, lw;
	char num[24];

	/* the plan wants room to sketch in: most of a page */
	if (L->page != NULL && L->bottom - L->y - L->pending_h < (L->bottom -
	    L->top) * 0.6)
		lay_new_page(L);
	rows = (b->napps + cols - 1) / cols;
	cw = (lay_width(L) - gap * (double)(cols - 1)) / (double)cols;
	lw = lay_plain_width(L, L->t->labels[L_PRESENTED_BY], &ps);
	L->sy = 0;
	lay_plain(L, L->t->labels[L_BOARD_HINT], &hs, L->left, lay_width(L),
	    AL_LEFT);
	L->sy += 6;
	/* the boxes fill the page above room for the synthesis, so there
	 * is space to sketch each group's work */
	avail = (L->bottom - L->y - L->pending_h - L->sy - 130 -
	    gap * (double)(rows - 1)) / (double)rows;
	for (k = 0; k < rows; k++) {
		rowtop = L->sy;
		h = 0;
		for (i = k * cols; i < (k + 1) * cols && i < b->napps; i++) {
			const struct approach *a = &b->apps[i];

			x = L->left + (cw + gap) * (double)(i % cols);
			L->sy = rowtop + 4;
			snprintf(num, sizeof(num), "%zu", i + 1);
			lay_plain(L, num, &ns, x + 8, cw - 16, AL_LEFT);
			if (a->misconception) {
				L->sy = rowtop + 4 + (lay_lh(L, ns.size) -
				    lay_lh(L, ms.size)) / 2;
				lay_plain(L, L->t->labels[L_MISCONCEPTION],
				    &ms, x + 30, cw - 38, AL_LEFT);
				L->sy = rowtop + 4 + lay_lh(L, ns.size);
			}
			lay_text(L, &a->approach, 0, &ts, x + 8, cw - 16,
			    AL_LEFT, 0);
			if (a->ask.s != NULL) {
				L->sy += 3;
				ld_labelled(L, L->t->labels[L_ASK], &a->ask, &as,
				    x + 8, cw - 16);
			}
			if (L->sy - rowtop > h)
				h = L->sy - rowtop;
		}
		h += 40 + lay_lh(L, ps.size);
		if (h < avail)
			h = avail;
		for (i = k * cols; i < (k + 1) * cols && i < b->napps; i++) {
			x = L->left + (cw + gap) * (double)(i % cols);
			lay_rect(L, x, rowtop, cw, h, 1.0, ink);
			L->sy = rowtop + h - lay_lh(L, ps.size) - 6;
			base = L->sy + lay_base(L, ps.size);
			lay_plain(L, L->t->labels[L_PRESENTED_BY], &ps, x + 8,
			    cw - 16, AL_LEFT);
			if (lw + 30 < cw - 16)
				lay_line(L, x + 12 + lw, base + 2, x + cw - 8,
				    base + 2, L->t->rule, ink, 0);
		}
		L->sy = rowtop + h + (k + 1 < rows ? gap : 0);
	}
	ld_place(L, 4, NULL, "the board plan");
}

/* Empty boxes side by side, each with its label in the corner; with grid
 * set, as tall as the page allows while leaving b->h below (or, when
 * that is less than 2 inches, the next page). */
void
lay_panels(struct lay *L, const struct block *b)
{
	double gap = 12, w, h = b->h, x;
	size_t i;

	w = (lay_width(L) - gap * (double)(b->ncells - 1)) /
	    (double)b->ncells;
	if (b->grid) {
		h = L->bottom - L->y - L->pending_h - L->t->gap_problem - b->h -
		    (b->h > 0 ? L->t->gap_problem : 0);
		if (h < PANEL_MIN)	/* the next page, filled */
			h = L->bottom - L->top - b->h -
			    (b->h > 0 ? L->t->gap_problem : 0);
	}
	L->sy = 0;
	for (i = 0; i < b->ncells; i++) {
		x = L->left + (w + gap) * (double)i;
		lay_rect(L, x, 0, w, h, L->t->rule * 1.5, ink);
		ld_corner(L, b->cells[i], x, 0, w);
	}
	L->sy = h;
	ld_place(L, L->t->gap_problem, NULL, "a box");
}

/* Names and roles, a row each; a blank name gets a line to write on. */
void
lay_members(struct lay *L, const struct block *b)
{
	struct tstyle hs = lay_style(L, L->t->size_small + 1, ST_BOLD, gray);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	double nw = lay_width(L) * 0.6, top, base;
	size_t i;

	L->sy = 0;
	if (b->label != NULL) {
		lay_plain(L, b->label, &ns, L->left, lay_width(L), AL_LEFT);
		L->sy += 2;
	}
	top = L->sy;
	lay_plain(L, L->t->labels[L_NAME], &hs, L->left, nw, AL_LEFT);
	L->sy = top;
	lay_plain(L, L->t->labels[L_ROLE], &hs, L->left + nw, lay_width(L) - nw,
	    AL_LEFT);
	for (i = 0; i + 1 < b->ncells; i += 2) {
		top = L->sy + 4;
		base = top + lay_base(L, ts.size);
		L->sy = top;
		if (b->cells[i] != NULL)
			lay_plain(L, b->cells[i], &ts, L->left + 4, nw - 16,
			    AL_LEFT);
		else
			lay_line(L, L->left, base + 3, L->left + nw - 16,
			    base + 3, L->t->rule, ink, 0);
		L->sy = top;
		lay_plain(L, b->cells[i + 1], &ts, L->left + nw,
		    lay_width(L) - nw, AL_LEFT);
		L->sy = top + lay_lh(L, ts.size) + (b->cells[i] ? 0 : 6);
	}
	ld_place(L, L->t->gap_problem, NULL, "a group");
}

/* The strip of a prompt: its label in bold and n ruled lines. */
static void
ld_prompt_strip(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, ST_BOLD, ink);
	int i;

	L->sy = 0;
	lay_plain(L, b->label, &ts, L->left, lay_width(L), AL_LEFT);
	for (i = 0; i < b->n; i++) {
		L->sy += L->t->line_pitch;
		lay_line(L, L->left, L->sy, L->right, L->sy, L->t->rule * 0.8,
		    gray, 0);
	}
	L->sy += 4;
}

/* Ruled lines from the last line of the prompt just placed (4 points
 * above L->y, see ld_prompt_strip) down to the page's foot: that prompt
 * gets the room left on its page. */
static void
ld_more_lines(struct lay *L)
{
	double y = L->t->line_pitch - 4;

	L->sy = 0;
	for (; L->y + y <= L->bottom + EPS; y += L->t->line_pitch)
		lay_line(L, L->left, y, L->right, y, L->t->rule * 0.8, gray,
		    0);
	if (L->strip.nitems > 0)
		lay_place(L, y - L->t->line_pitch, 0);
}

/* A prompt and ruled lines to answer on.  With b->h, the box it
 * introduces must fit below it: when the page has not that room, the
 * prompt starts the next page with its box, and the prompt above it (a
 * BK_PROMPT, as compose puts them) goes on with ruled lines down to this
 * page's foot, so the page ends in room to write, not blank paper. */
void
lay_prompt(struct lay *L, const struct block *b)
{
	double gap = L->t->gap_problem;

	ld_prompt_strip(L, b);
	if (b->h > 0 && L->page != NULL && L->y > L->top + EPS &&
	    L->pending.nitems == 0 &&
	    L->y + gap + L->sy + gap + b->h > L->bottom + EPS &&
	    L->top + L->sy + gap + b->h <= L->bottom + EPS) {
		lay_strip_clear(&L->strip);
		ld_more_lines(L);
		lay_new_page(L);
		ld_prompt_strip(L, b);
	}
	ld_place(L, gap, NULL, "a prompt");
}

/* On the card of a role given without a job: "My job:" and two ruled
 * lines, for its holder to write what the teacher says it is. */
static void
ld_job_lines(struct lay *L, const struct tstyle *ts, double x, double w)
{
	int i;

	lay_plain(L, L->t->labels[L_JOB_BLANK], ts, x, w, AL_LEFT);
	for (i = 0; i < 2; i++) {
		L->sy += L->t->line_pitch;
		lay_line(L, x, L->sy, x + w, L->sy, L->t->rule * 0.8, gray, 0);
	}
}

/* A row of cards to cut out, a quarter of the page high (taller when a
 * card's words need it, as in large print), framed by dashed cut lines:
 * each a title, a body (a role's job, or the exit ticket's question) and
 * whose it is; an unnamed exit ticket has a line for the name. */
void
lay_cards(struct lay *L, const struct block *b)
{
	struct tstyle tts = lay_style(L, L->t->size_heading, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ws = lay_style(L, L->t->size_small + 1, 0, gray);
	double h = (L->bottom - L->top) / 4, cw = lay_width(L) / b->n, pad = 12;
	double x, base, lw, need = 0;
	size_t i;

	for (i = 0; i + 2 < b->ncells; i += 3) {
		const char *who = b->cells[i + 2];

		x = L->left + cw * (double)(i / 3);
		L->sy = pad;
		lay_plain(L, b->cells[i], &tts, x + pad, cw - 2 * pad, AL_LEFT);
		if (b->text != NULL) {
			/* an exit ticket: the name on top, right */
			struct tstyle fs = lay_style(L, ts.size, who ? ST_BOLD :
			    0, ink);
			const char *nl = L->t->labels[L_NAME];

			lw = lay_plain_width(L, nl, &ts);
			L->sy = pad;
			base = pad + lay_base(L, tts.size);
			L->sy = base - lay_base(L, ts.size);
			lay_plain(L, nl, &ts, x + cw * 0.45, lw + 1, AL_LEFT);
			L->sy = base - lay_base(L, ts.size);
			if (who != NULL)
				lay_plain(L, who, &fs, x + cw * 0.45 + lw + 8,
				    cw * 0.55 - lw - 8 - pad, AL_LEFT);
			else
				lay_line(L, x + cw * 0.45 + lw + 6, base + 2,
				    x + cw - pad, base + 2, L->t->rule, ink, 0);
			L->sy = pad + lay_lh(L, tts.size) + 4;
			lay_text(L, b->text, 0, &ts, x + pad, cw - 2 * pad,
			    AL_LEFT, 0);
			/* room below the question to write the answer */
			L->sy += 3 * lay_lh(L, ts.size);
		} else {
			L->sy += 4;
			if (b->cells[i + 1] != NULL)
				lay_plain(L, b->cells[i + 1], &ts, x + pad,
				    cw - 2 * pad, AL_LEFT);
			else
				ld_job_lines(L, &ts, x + pad, cw - 2 * pad);
			if (who != NULL)
				L->sy += 4 + lay_lh(L, ws.size);
		}
		if (L->sy + pad > need)
			need = L->sy + pad;
	}
	if (need > h)
		h = need;
	for (i = 0; i + 2 < b->ncells; i += 3) {
		x = L->left + cw * (double)(i / 3);
		lay_rect(L, x, 0, cw, h, 0.8, gray)->dash = 1;
		if (b->text == NULL && b->cells[i + 2] != NULL) {
			L->sy = h - pad - lay_lh(L, ws.size);
			lay_plain(L, b->cells[i + 2], &ws, x + pad,
			    cw - 2 * pad, AL_LEFT);
		}
	}
	L->sy = h;
	ld_place(L, 0, b->text ? &b->text->mark : NULL, "an exit ticket");
}
