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
		if (lay_first_at(L, m))
			diag_error(m, "%s is taller than a page (%.1f cm of "
			    "%.1f cm); shorten it", what,
			    h / PT_PER_INCH * CM_PER_INCH,
			    (L->bottom - L->top) / PT_PER_INCH * CM_PER_INCH);
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
	const struct rich *tr = lay_parsed(L, t, 0);
	struct rich r;
	size_t own;

	if (tr->wrong)
		L->failed = 1;
	memset(&r, 0, sizeof(r));
	own = lay_prefixed(&r, label, ST_BOLD, tr);
	lay_rich(L, &r, ts, x, width, AL_LEFT, 0);
	lay_prefixed_free(&r, own);
	return tr->wrong ? -1 : 0;
}

/* A small label in the top-left corner of a box at (x, y). */
static void
ld_corner(struct lay *L, const char *label, double x, double y, double w)
{
	struct tstyle ls = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, gray);
	double save = L->sy;

	L->sy = y + CORNER_DROP;
	lay_plain(L, label, &ls, x + CORNER_INSET, w - CORNER_ROOM, AL_LEFT);
	L->sy = save;
}

void
lay_newpage(struct lay *L, const struct block *b)
{
	int turn = b->n == 1;

	if (L->page != NULL && L->y > L->top + EPS)
		lay_new_page(L);
	if (turn == L->turned)
		return;
	lay_turn(L, turn);
	if (L->page != NULL)	/* still empty: turned as it is */
		L->page->turned = turn;
}

void
lay_frame(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * FRAME_SIZE_RATIO, 0,
	    ink);
	double pad = FRAME_PAD, top;
	size_t ri;

	L->sy = 0;
	top = L->sy;
	ri = L->strip.nitems;
	lay_rect(L, L->left, top, lay_width(L), 0, FRAME_RULE_W, ink);
	ld_corner(L, b->label, L->left, top, lay_width(L));
	L->sy = top + lay_lh(L, L->t->size_small + LABEL_SIZE_UP) +
	    FRAME_LABEL_GAP;
	lay_text(L, b->text, 0, &ts, L->left + pad, lay_width(L) - 2 * pad,
	    AL_LEFT, 0);
	L->sy += pad - FRAME_FOOT_TRIM;
	L->strip.items[ri].h = L->sy - top;
	ld_place(L, L->t->gap_paragraph * FRAME_GAP_RATIO, &b->text->mark,
	    b->label);
}

/* A step of the plan: a box to tick and its minutes on the left, the
 * name and length, then what to read aloud in a shaded box. */
void
lay_phase(struct lay *L, const struct block *b)
{
	const struct phase *ph = b->u.phase;
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ss = lay_style(L, L->t->size_small + LABEL_SIZE_UP, 0,
	    gray);
	double col = PHASE_TIME_COL, x = L->left + col, w = lay_width(L) - col,
	    pad = PHASE_SAY_PAD;
	double bs = ns.size * PHASE_BOX_RATIO, top;
	char num[24], *len, *range;
	size_t ri;

	L->sy = 0;
	lay_rect(L, L->left, lay_base(L, ns.size) - bs * PHASE_BOX_RISE, bs, bs,
	    L->t->rule, ink);
	range = xasprintf("%d\xe2\x80\x93%ld", b->from, b->from + ph->minutes);
	lay_plain(L, range, &ss, L->left + bs + PHASE_BOX_GAP,
	    col - bs - PHASE_TIME_ROOM, AL_LEFT);
	free(range);
	L->sy = 0;
	snprintf(num, sizeof(num), "%ld", ph->minutes);
	len = label_fmt(L->t, L_MIN, num, NULL);
	lay_text(L, &ph->name, 0, &ns, x, w * PHASE_NAME_SHARE, AL_LEFT, 0);
	L->sy = 0;
	lay_plain(L, len, &ss, x + w * PHASE_NAME_SHARE, w * PHASE_LEN_SHARE,
	    AL_RIGHT);
	free(len);
	L->sy = lay_lh(L, ns.size);
	if (ph->say.s != NULL) {
		L->sy += PHASE_SAY_GAP;
		top = L->sy;
		ri = L->strip.nitems;
		lay_rect(L, x, top, w, 0, PHASE_SAY_RULE_W, gray);
		L->sy += pad;
		ld_labelled(L, L->t->labels[L_SAY], &ph->say, &ts, x + pad,
		    w - 2 * pad);
		L->sy += pad;
		L->strip.items[ri].h = L->sy - top;
		L->strip.items[ri].fill = 1;
		L->strip.items[ri].fill_color = say_shade;
	}
	ld_place(L, DS_GAP_ITEM, &ph->name.mark, "a phase");
}

/* Anticipated approach n: its number, a misconception mark, the
 * approach, then the question to ask. */
void
lay_approach(struct lay *L, const struct block *b)
{
	const struct approach *a = b->apps;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ms = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, key_ink);
	double x = L->left + L->indent, w = lay_width(L) - L->indent;
	char *num = xasprintf("%d.", b->n);

	L->sy = 0;
	lay_plain(L, num, &ns, L->left, L->indent - DS_NUM_GAP, AL_LEFT);
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
		L->sy += ASK_GAP;
		ts.style = ST_ITALIC;
		ld_labelled(L, L->t->labels[L_ASK], &a->ask, &ts,
		    x + ASK_INDENT, w - ASK_INDENT);
	}
	ld_place(L, DS_GAP_ITEM, &a->approach.mark, "an anticipated approach");
}

/* The monitoring grid: an approach a row (and a row for what no one
 * anticipated), a group a column, cells to tick. */
void
lay_tally(struct lay *L, const struct block *b)
{
	struct tstyle hs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_ITALIC, gray);
	struct tstyle ts = lay_style(L, L->t->size_body * TALLY_SIZE_RATIO, 0,
	    ink);
	struct tstyle cs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, ink);
	struct tstyle ms = lay_style(L, L->t->size_small, ST_BOLD, key_ink);
	double lw = lay_width(L) * TALLY_LABEL_SHARE,
	    cw = (lay_width(L) - lw) / b->n;
	double x0 = L->left, top, rowtop, y;
	size_t i;
	int g;
	char num[24];

	L->sy = 0;
	lay_plain(L, L->t->labels[L_MONITOR_HINT], &hs, x0, lay_width(L),
	    AL_LEFT);
	L->sy += TALLY_HINT_GAP;
	top = L->sy;
	/* header: "Groups" over numbered columns */
	lay_plain(L, L->t->labels[L_GROUPS], &cs, x0 + lw, cw * b->n,
	    AL_CENTER);
	for (g = 0; g < b->n; g++) {
		L->sy = top + lay_lh(L, cs.size);
		snprintf(num, sizeof(num), "%d", g + 1);
		lay_plain(L, num, &cs, x0 + lw + cw * g, cw, AL_CENTER);
	}
	L->sy = top + 2 * lay_lh(L, cs.size) + TALLY_HEAD_GAP;
	lay_line(L, x0, L->sy, L->right, L->sy, L->t->rule, ink, 0);
	for (i = 0; i <= b->napps; i++) {
		rowtop = L->sy;
		L->sy += TALLY_ROW_PAD;
		if (i < b->napps) {
			snprintf(num, sizeof(num), "%zu.", i + 1);
			lay_plain(L, num, &cs, x0 + TALLY_NUM_X, TALLY_NUM_W,
			    AL_LEFT);
			L->sy = rowtop + TALLY_ROW_PAD;
			lay_text(L, &b->apps[i].approach, 0, &ts,
			    x0 + TALLY_NUM_W, lw - TALLY_TEXT_ROOM, AL_LEFT, 0);
			if (b->apps[i].misconception)
				lay_plain(L, L->t->labels[L_MISCONCEPTION],
				    &ms, x0 + TALLY_NUM_W, lw - TALLY_TEXT_ROOM,
				    AL_LEFT);
		} else
			lay_plain(L, L->t->labels[L_OTHER], &cs,
			    x0 + TALLY_NUM_X, lw - TALLY_OTHER_ROOM, AL_LEFT);
		L->sy += TALLY_ROW_PAD;
		if (L->sy - rowtop < TALLY_ROW_MIN)
			L->sy = rowtop + TALLY_ROW_MIN;
		lay_line(L, x0, L->sy, L->right, L->sy, L->t->rule * RULE_THIN,
		    gray, 0);
	}
	for (g = 0; g <= b->n; g++) {
		y = top + lay_lh(L, cs.size);
		lay_line(L, x0 + lw + cw * g, g == 0 || g == b->n ? top : y,
		    x0 + lw + cw * g, L->sy, L->t->rule * RULE_THIN, gray, 0);
	}
	lay_rect(L, x0, top, lay_width(L), L->sy - top, L->t->rule, ink);
	ld_place(L, DS_GAP_SMALL, NULL, "the monitoring grid");
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
	for (i = 0; i < b->u.list->n; i++) {
		top = L->sy;
		snprintf(num, sizeof(num), "%zu.", i + 1);
		lay_plain(L, num, &ns, L->left, L->indent - DS_NUM_GAP,
		    AL_LEFT);
		L->sy = top;
		lay_text(L, &b->u.list->v[i], 0, &ts, L->left + L->indent,
		    lay_width(L) - L->indent, AL_LEFT, 0);
		L->sy += LIST_GAP;
	}
	ld_place(L, LIST_GAP_AFTER, &b->u.list->v[0].mark,
	    "the list of questions");
}

/* Columns of the monitoring sheet: the student, one per approach, then
 * Other, Stuck, Note and Share #; x of each column's left edge, and of
 * the right edge at [ncols]. */
struct ld_mcols {
	double		 x[64];
	size_t		 ncols;
};

static void
ld_monitor_cols(struct lay *L, const struct monitor *m, struct ld_mcols *mc)
{
	double w = lay_width(L), name = w * MON_NAME_SHARE,
	    note = w * MON_NOTE_SHARE, narrow;
	size_t i, nnarrow = m->napps + 3;

	if (nnarrow > 60)
		nnarrow = 60;
	narrow = (w - name - note) / (double)nnarrow;
	mc->ncols = nnarrow + 2;
	mc->x[0] = L->left;
	mc->x[1] = L->left + name;
	for (i = 0; i + 2 < nnarrow; i++)	/* approaches, Other, Stuck */
		mc->x[i + 2] = mc->x[i + 1] + narrow;
	mc->x[nnarrow] = mc->x[nnarrow - 1] + narrow;	/* Note */
	mc->x[nnarrow + 1] = mc->x[nnarrow] + note;	/* Share # */
	mc->x[nnarrow + 2] = L->right;
}

/* The monitoring sheet's header row, at the strip's cursor. */
static void
ld_monitor_head(struct lay *L, const struct monitor *m,
    const struct ld_mcols *mc)
{
	struct tstyle cs = lay_style(L, L->t->size_small, ST_BOLD, ink);
	const enum label tail[] = { L_COL_OTHER, L_COL_STUCK, L_COL_NOTE,
	    L_COL_ORDER };
	double top = L->sy, h = lay_lh(L, cs.size) * 2 + MON_HEAD_PAD;
	size_t i;
	char num[24];

	lay_rect(L, L->left, top, lay_width(L), h, L->t->rule, ink)->fill = 1;
	L->strip.items[L->strip.nitems - 1].fill_color = shade;
	for (i = 0; i < mc->ncols; i++) {
		const char *s = num;

		L->sy = top + MON_HEAD_TOP;
		if (i == 0)
			s = L->t->labels[L_COL_STUDENT];
		else if (i <= m->napps)
			snprintf(num, sizeof(num), "%zu", i);
		else
			s = L->t->labels[tail[i - m->napps - 1]];
		lay_plain(L, s, &cs, mc->x[i] + MON_CELL_INSET,
		    mc->x[i + 1] - mc->x[i] - MON_CELL_ROOM,
		    i == 0 ? AL_LEFT : AL_CENTER);
	}
	L->sy = top + h;
}

/*
 * The kikan-shido sheet: which approach each student uses while working
 * alone.  Above it the approaches by number; then a row per student
 * (named, or numbered to write a name in), the header again on each new
 * page.  Each row is placed on its own, so a class of 40 runs on.
 */
void
lay_monitor(struct lay *L, const struct block *b)
{
	const struct monitor *m = b->u.monitor;
	struct tstyle hs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_ITALIC, gray);
	struct tstyle ls = lay_style(L, L->t->size_small + LABEL_SIZE_UP, 0,
	    ink);
	struct tstyle ns = lay_style(L, L->t->size_small + LABEL_SIZE_UP, 0,
	    ink);
	struct tstyle ms = lay_style(L, L->t->size_small, ST_BOLD, key_ink);
	struct tstyle cs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, ink);
	struct ld_mcols mc;
	double rh = lay_lh(L, ns.size) + MON_ROW_PAD, top;
	size_t i, j;
	char num[24];

	ld_monitor_cols(L, m, &mc);
	L->sy = 0;
	lay_plain(L, L->t->labels[L_MONITOR_SHEET_HINT], &hs, L->left,
	    lay_width(L), AL_LEFT);
	for (i = 0; i < m->napps; i++) {
		top = L->sy + MON_APP_GAP;
		snprintf(num, sizeof(num), "%zu", i + 1);
		L->sy = top;
		lay_plain(L, num, &cs, L->left, MON_APP_NUM_W, AL_LEFT);
		L->sy = top;
		if (m->apps[i].misconception) {
			lay_plain(L, L->t->labels[L_MISCONCEPTION], &ms,
			    L->left + MON_APP_NUM_W,
			    lay_width(L) - MON_APP_NUM_W, AL_LEFT);
		}
		lay_text(L, &m->apps[i].approach, 0, &ls,
		    L->left + MON_APP_NUM_W,
		    lay_width(L) - MON_APP_NUM_W, AL_LEFT, 0);
	}
	L->sy += MON_APPS_AFTER;
	ld_monitor_head(L, m, &mc);
	ld_place(L, MON_HEAD_AFTER, NULL, "the monitoring sheet's header");
	/* the class on one page, for a clipboard: rows as low as 12 points
	 * when the approaches leave less room (a large class runs on) */
	if ((L->bottom - L->y - MON_FOOT_SAFE) / (double)m->nrows < rh) {
		rh = (L->bottom - L->y - MON_FOOT_SAFE) / (double)m->nrows;
		if (rh < MON_ROW_MIN)
			rh = lay_lh(L, ns.size) + MON_ROW_PAD;
		else if (rh < lay_lh(L, ns.size) + MON_ROW_TIGHT)
			ns.size = (rh - MON_ROW_TIGHT) / L->t->leading;
	}
	for (i = 0; i < m->nrows; i++) {
		L->sy = 0;
		if (lay_breaks(L, rh, 0))
			ld_monitor_head(L, m, &mc);
		top = L->sy;
		L->sy = top + MON_ROW_TOP;
		if (m->names != NULL) {
			/* a long name in smaller type, whole: the teacher
			 * looks for it */
			struct tstyle fs = ns;
			double nw = lay_plain_width(L, m->names[i], &ns),
			    room = mc.x[1] - mc.x[0] - MON_NAME_ROOM;

			if (nw > room)
				fs.size = ns.size * room / nw;
			if (fs.size < L->t->size_small * MON_NAME_MIN_RATIO)
				fs.size = L->t->size_small * MON_NAME_MIN_RATIO;
			L->sy = top + MON_ROW_TOP + (lay_base(L, ns.size) -
			    lay_base(L, fs.size));
			lay_plain(L, m->names[i], &fs, mc.x[0] + MON_NAME_X,
			    fs.size < ns.size ? nw + MON_NAME_SLACK : room,
			    AL_LEFT);
		}
		else {
			snprintf(num, sizeof(num), "%zu", i + 1);
			lay_plain(L, num, &ns, mc.x[0] + MON_NAME_X, MON_NUM_W,
			    AL_LEFT);
		}
		for (j = 1; j < mc.ncols; j++)
			lay_line(L, mc.x[j], top, mc.x[j], top + rh,
			    L->t->rule * RULE_THIN, gray, 0);
		lay_line(L, L->left, top, L->left, top + rh, L->t->rule, ink,
		    0);
		lay_line(L, L->right, top, L->right, top + rh, L->t->rule, ink,
		    0);
		lay_line(L, L->left, top + rh, L->right, top + rh,
		    L->t->rule * RULE_THIN, gray, 0);
		L->sy = top + rh;
		ld_place(L, 0, NULL, "a row of the monitoring sheet");
	}
}

/* Height of text t set at width w in style ts (drawn, then taken out of
 * the strip). */
static double
ld_measure(struct lay *L, const struct text *t, const struct tstyle *ts,
    double w)
{
	size_t n = L->strip.nitems;
	double sy = L->sy, h;

	L->sy = 0;
	lay_text(L, t, 0, ts, 0, w, AL_LEFT, 0);
	h = L->sy;
	while (L->strip.nitems > n)
		free(L->strip.items[--L->strip.nitems].text);
	L->sy = sy;
	return h;
}

/*
 * The board plan, drawn as the board (bansho): one frame, read left to
 * right, filling what is left of its page.  Across the top, as the board
 * starts: the date and the class's predictions, the lesson question
 * boxed, the problem.  Below, one column per approach in the order to
 * discuss them, each with room to copy the student's work and, at its
 * foot, the question that leads to the next; a column for a way no one
 * planned; the summary boxed at the right-hand end.
 */
static double
ld_board(struct lay *L, const struct boardplan *bp, double scale)
{
	size_t na = bp->napps > 0 ? bp->napps : 1, i;
	double tsz = (L->t->size_small + (bp->napps > 3 ? 0 : 1)) * scale;
	struct tstyle hs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_ITALIC, gray);
	struct tstyle bs = lay_style(L, tsz, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, tsz, 0, ink);
	struct tstyle as = lay_style(L, tsz, ST_ITALIC, gray);
	struct tstyle ms = lay_style(L, L->t->size_small * scale, ST_BOLD,
	    key_ink);
	struct tstyle ps = lay_style(L, L->t->size_small * scale, 0, ink);
	double w = lay_width(L), pad = BOARD_PAD, x, y, top, band, h, need,
	    ask = 0;
	double c0 = w * BOARD_DATE_SHARE, c1 = w * BOARD_QUESTION_SHARE,
	    summary = w * BOARD_SUMMARY_SHARE;
	double open = w * BOARD_OPEN_SHARE,
	    cw = (w - summary - open) / (double)na;
	char num[24];

	/* a portrait board is narrow: math wider than its column runs on
	 * (as in the key's tables) rather than stop the packet */
	L->in_cell = 1;
	L->sy = 0;
	lay_plain(L, L->t->labels[L_BOARD_HINT], &hs, L->left, w, AL_LEFT);
	L->sy += BOARD_HINT_GAP;
	top = L->sy;
	/* the band: date and predictions | question | problem */
	x = L->left;
	L->sy = top + pad;
	lay_plain(L, L->t->labels[L_BOARD_DATE], &bs, x + pad, c0 - 2 * pad,
	    AL_LEFT);
	lay_line(L, x + pad, L->sy + BOARD_DATE_LINE, x + c0 - pad,
	    L->sy + BOARD_DATE_LINE, L->t->rule,
	    gray, 0);
	L->sy += BOARD_DATE_STEP;
	lay_plain(L, L->t->labels[L_BOARD_PREDICTIONS], &bs, x + pad,
	    c0 - 2 * pad, AL_LEFT);
	if (bp->predict != NULL)
		lay_text(L, bp->predict, 0, &as, x + pad, c0 - 2 * pad,
		    AL_LEFT, 0);
	band = L->sy + BOARD_PREDICT_ROOM - top;
	x += c0;
	if (bp->question != NULL) {
		L->sy = top + pad;
		y = L->sy;
		L->sy += BOARD_BOX_PAD;
		lay_text(L, bp->question, 0, &bs, x + pad + BOARD_BOX_PAD,
		    c1 - 2 * pad - BOARD_BOX_ROOM, AL_LEFT, 0);
		L->sy += BOARD_BOX_PAD;
		lay_rect(L, x + pad, y, c1 - 2 * pad, L->sy - y, BOARD_BOX_W,
		    ink);
		if (L->sy + pad - top > band)
			band = L->sy + pad - top;
	}
	x += c1;
	L->sy = top + pad;
	if (ld_measure(L, bp->problem, &ps,
	    w - c0 - c1 - 2 * pad) > BOARD_PROBLEM_MAX)
		lay_plain(L, L->t->labels[L_PROBLEM], &as, x + pad,
		    w - c0 - c1 - 2 * pad, AL_LEFT);
	else
		lay_text(L, bp->problem, 0, &ps, x + pad, w - c0 - c1 -
		    2 * pad, AL_LEFT, 0);
	if (L->sy + pad - top > band)
		band = L->sy + pad - top;
	/* the columns: approaches, other ways, summary */
	y = top + band;
	for (i = 0; i + 1 < bp->napps; i++)
		if (bp->apps[i].ask.s != NULL) {
			double ah = lay_lh(L, bs.size) + ld_measure(L,
			    &bp->apps[i].ask, &as, cw - 2 * pad);

			if (ah > ask)
				ask = ah;
		}
	need = 0;
	for (i = 0; i < bp->napps; i++) {
		const struct approach *a = &bp->apps[i];

		x = L->left + cw * (double)i;
		L->sy = y + pad;
		snprintf(num, sizeof(num), "%zu", i + 1);
		lay_plain(L, num, &bs, x + pad, cw - 2 * pad, AL_LEFT);
		if (a->misconception) {	/* a cross: the word is too wide */
			L->sy -= lay_lh(L, bs.size);
			lay_plain(L, "\xe2\x9c\x97", &ms,
			    x + pad + BOARD_CROSS_X,
			    cw - 2 * pad - BOARD_CROSS_X, AL_LEFT);
		}
		lay_text(L, &a->approach, 0, &ts, x + pad, cw - 2 * pad,
		    AL_LEFT, 0);
		if (L->sy - y > need)
			need = L->sy - y;
	}
	x = L->left + cw * (double)na;
	L->sy = y + pad;
	lay_plain(L, L->t->labels[L_BOARD_OPEN], &as, x + BOARD_OPEN_INSET,
	    open - BOARD_OPEN_ROOM,
	    AL_LEFT);
	x += open;
	L->sy = y + pad;
	lay_plain(L, L->t->labels[L_PHASE_SUMMARY], &bs, x + pad, summary -
	    2 * pad, AL_LEFT);
	if (bp->summary != NULL) {
		double sy = L->sy;

		L->sy += BOARD_BOX_PAD;
		lay_text(L, bp->summary, 0, &ts, x + pad + BOARD_BOX_PAD,
		    summary - 2 * pad - BOARD_BOX_ROOM, AL_LEFT, 0);
		L->sy += BOARD_BOX_PAD;
		lay_rect(L, x + pad, sy, summary - 2 * pad, L->sy - sy,
		    BOARD_BOX_W,
		    key_ink);
	}
	if (L->sy - y > need)
		need = L->sy - y;
	/* room to copy the students' work, then the questions, level */
	h = L->bottom - L->y - L->pending_h - y - BOARD_FOOT_SAFE;
	if (h < need + BOARD_WORK_ROOM + ask + pad)
		h = need + BOARD_WORK_ROOM + ask + pad;
	for (i = 0; i + 1 < bp->napps; i++) {
		if (bp->apps[i].ask.s == NULL)
			continue;
		x = L->left + cw * (double)i;
		L->sy = y + h - pad - ask;
		lay_line(L, x + pad, L->sy - BOARD_NEXT_RULE_UP, x + cw - pad,
		    L->sy - BOARD_NEXT_RULE_UP,
		    L->t->rule * RULE_THIN, light, 1);
		lay_plain(L, L->t->labels[L_BOARD_NEXT], &bs, x + pad,
		    cw - 2 * pad, AL_LEFT);
		lay_text(L, &bp->apps[i].ask, 0, &as, x + pad, cw - 2 * pad,
		    AL_LEFT, 0);
	}
	lay_rect(L, L->left, top, w, band + h, BOARD_FRAME_W, ink);
	lay_line(L, L->left, y, L->right, y, BOARD_BAND_W, ink, 0);
	lay_line(L, L->left + c0, top, L->left + c0, y, BOARD_COL_W, gray, 0);
	lay_line(L, L->left + c0 + c1, top, L->left + c0 + c1, y, BOARD_COL_W,
	    gray,
	    0);
	for (i = 1; i <= na + 1; i++) {
		x = i <= na ? L->left + cw * (double)i : L->left + cw *
		    (double)na + open;
		lay_line(L, x, y, x, y + h,
		    i >= na ? BOARD_BAND_W : BOARD_COL_W, i >= na ?
		    ink : gray, 0);
	}
	L->sy = y + h;
	L->in_cell = 0;
	return y + need + BOARD_WORK_ROOM + ask + pad;
}

/* The board, in smaller type when its words need more than a page (large
 * print): at least 60% of the template's. */
void
lay_board(struct lay *L, const struct block *b)
{
	/* below its heading, which waits to go on the same page */
	double scale,
	    room = L->bottom - L->top - L->pending_h - BOARD_FOOT_SAFE;

	for (scale = 1; scale > BOARD_SCALE_FLOOR; scale -= BOARD_SCALE_STEP) {
		if (ld_board(L, b->u.board, scale) <= room)
			break;
		lay_strip_clear(&L->strip);
	}
	if (scale <= BOARD_SCALE_FLOOR)
		ld_board(L, b->u.board, BOARD_SCALE_MIN);
	ld_place(L, DS_GAP_SMALL, &b->u.board->problem->mark, "the board plan");
}

/* Empty boxes side by side, each with its label in the corner; with grid
 * set, as tall as the page allows while leaving b->h below (or, when
 * that is less than 2 inches, the next page). */
void
lay_panels(struct lay *L, const struct block *b)
{
	double gap = PANEL_GAP, w, h = b->h, x;
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
		lay_rect(L, x, 0, w, h, L->t->rule * PANEL_RULE_RATIO, ink);
		ld_corner(L, b->cells[i], x, 0, w);
	}
	L->sy = h;
	ld_place(L, L->t->gap_problem, NULL, "a box");
}

/* Names and roles, a row each; a blank name gets a line to write on. */
void
lay_members(struct lay *L, const struct block *b)
{
	struct tstyle hs = lay_style(L, L->t->size_small + LABEL_SIZE_UP,
	    ST_BOLD, gray);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	double nw = lay_width(L) * MEMBERS_NAME_SHARE, top, base;
	size_t i;
	int roles = 0;

	for (i = 1; i < b->ncells; i += 2)
		roles |= b->cells[i] != NULL;

	L->sy = 0;
	if (b->label != NULL) {
		lay_plain(L, b->label, &ns, L->left, lay_width(L), AL_LEFT);
		L->sy += MEMBERS_LABEL_GAP;
	}
	top = L->sy;
	lay_plain(L, L->t->labels[roles ? L_NAME : L_MEMBERS], &hs, L->left,
	    nw, AL_LEFT);
	L->sy = top;
	if (roles)
		lay_plain(L, L->t->labels[L_ROLE], &hs, L->left + nw,
		    lay_width(L) - nw, AL_LEFT);
	for (i = 0; i + 1 < b->ncells; i += 2) {
		top = L->sy + MEMBERS_ROW_GAP;
		base = top + lay_base(L, ts.size);
		L->sy = top;
		if (b->cells[i] != NULL)
			lay_plain(L, b->cells[i], &ts, L->left + MEMBERS_INSET,
			    nw - MEMBERS_NAME_ROOM,
			    AL_LEFT);
		else
			lay_line(L, L->left, base + MEMBERS_LINE_DROP,
			    L->left + nw - MEMBERS_NAME_ROOM,
			    base + MEMBERS_LINE_DROP, L->t->rule, ink, 0);
		L->sy = top;
		if (b->cells[i + 1] != NULL)
			lay_plain(L, b->cells[i + 1], &ts, L->left + nw,
			    lay_width(L) - nw, AL_LEFT);
		L->sy = top + lay_lh(L, ts.size) +
		    (b->cells[i] ? 0 : MEMBERS_LINE_ROOM);
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
		lay_line(L, L->left, L->sy, L->right, L->sy,
		    L->t->rule * RULE_THIN,
		    gray, 0);
	}
	L->sy += PROMPT_FOOT;
}

/* Ruled lines from the last line of the prompt just placed (4 points
 * above L->y, see ld_prompt_strip) down to the page's foot: that prompt
 * gets the room left on its page. */
static void
ld_more_lines(struct lay *L)
{
	double y = L->t->line_pitch - PROMPT_FOOT;

	L->sy = 0;
	for (; L->y + y <= L->bottom + EPS; y += L->t->line_pitch)
		lay_line(L, L->left, y, L->right, y, L->t->rule * RULE_THIN,
		    gray,
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
		lay_line(L, x, L->sy, x + w, L->sy, L->t->rule * RULE_THIN,
		    gray, 0);
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
	struct tstyle ws = lay_style(L, L->t->size_small + LABEL_SIZE_UP, 0,
	    gray);
	double h = (L->bottom - L->top) / CARD_PAGE_SHARE,
	    cw = lay_width(L) / b->n, pad = CARD_PAD;
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
			lay_plain(L, nl, &ts, x + cw * CARD_NAME_FROM,
			    lw + CARD_NAME_SLACK, AL_LEFT);
			L->sy = base - lay_base(L, ts.size);
			if (who != NULL)
				lay_plain(L, who, &fs,
				    x + cw * CARD_NAME_FROM + lw +
				    CARD_NAME_GAP, cw * CARD_NAME_SHARE - lw -
				    CARD_NAME_GAP - pad, AL_LEFT);
			else
				lay_line(L, x + cw * CARD_NAME_FROM + lw +
				    CARD_LINE_GAP, base + CARD_LINE_DROP,
				    x + cw - pad, base + CARD_LINE_DROP,
				    L->t->rule, ink, 0);
			L->sy = pad + lay_lh(L, tts.size) + CARD_TITLE_GAP;
			lay_text(L, b->text, 0, &ts, x + pad, cw - 2 * pad,
			    AL_LEFT, 0);
			/* room below the question to write the answer */
			L->sy += CARD_ANSWER_LINES * lay_lh(L, ts.size);
		} else {
			L->sy += CARD_TITLE_GAP;
			if (b->cells[i + 1] != NULL)
				lay_plain(L, b->cells[i + 1], &ts, x + pad,
				    cw - 2 * pad, AL_LEFT);
			else
				ld_job_lines(L, &ts, x + pad, cw - 2 * pad);
			if (who != NULL)
				L->sy += CARD_WHO_GAP + lay_lh(L, ws.size);
		}
		if (L->sy + pad > need)
			need = L->sy + pad;
	}
	if (need > h)
		h = need;
	for (i = 0; i + 2 < b->ncells; i += 3) {
		x = L->left + cw * (double)(i / 3);
		lay_rect(L, x, 0, cw, h, CARD_CUT_W, gray)->dash = 1;
		if (b->text == NULL && b->cells[i + 2] != NULL) {
			L->sy = h - pad - lay_lh(L, ws.size);
			lay_plain(L, b->cells[i + 2], &ws, x + pad,
			    cw - 2 * pad, AL_LEFT);
		}
	}
	L->sy = h;
	ld_place(L, 0, b->text ? &b->text->mark : NULL, "an exit ticket");
}

