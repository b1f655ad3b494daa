/*
 * layout_problem.c - the blocks of a problem (number and prompt, answer
 * line, choices, true/false, match, order, lines, box, key notes) and the
 * fields at the top of a page, drawn into the strip with the engine's
 * primitives (layout_int.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"
#include "layout_int.h"
#include "util.h"

static const double field_weight[F__MAX] = { 5, 2.5, 1.5, 2, 1.5 };
static const enum label field_label[F__MAX] = { L_NAME, L_DATE, L_PERIOD,
    L_CLASS, L_SCORE };
/* The least blank left to write in by hand, in ems of the body size (at
 * 12pt: a name 1.33in, a date or class 0.83in, a period 0.5in, a score
 * 0.67in); a field gets more when the row has room, by weight. */
static const double field_blank_em[F__MAX] = { 8, 5, 3, 5, 4 };

/* Where a label's blank starts and ends inside a field w wide at x, and
 * where what is filled in starts and how wide it may be. */
#define FIELD_LINE_AFTER	4	/* label to its line */
#define FIELD_LINE_END		14	/* line's end to the next field */
#define FIELD_FILL_AFTER	10	/* label to a filled-in value */
#define FIELD_FILL_END		24	/* w - label - room for the value */
#define FIELD_TAG_GAP		8	/* last field to the version box */
#define FIELD_TAG_PAD		5	/* letter to the version box's sides */

/* Width field i needs: its label and a blank long enough to write in by
 * hand, or room for what is printed in it when that is longer. */
static double
lay_field_need(struct lay *L, const struct block *b, int i)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle fs = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double lw = lay_plain_width(L, L->t->labels[field_label[b->fields[i]]],
	    &ts);
	double w = lw + FIELD_LINE_AFTER + FIELD_LINE_END +
	    field_blank_em[b->fields[i]] * L->t->size_body;
	double filled;

	if (b->filled[i] != NULL) {
		filled = lw + FIELD_FILL_END + lay_plain_width(L, b->filled[i],
		    &fs);
		if (filled > w)
			w = filled;
	}
	return w;
}

/*
 * Widths of fields [from, to) on a row `room` wide: shares by weight, but
 * a field whose share is less than it needs gets what it needs and the
 * others share the rest (the caller has checked that the needs fit).  A
 * field alone takes the row.
 */
static void
lay_field_widths(const struct block *b, int from, int to, const double *need,
    double room, double *w)
{
	int fixed[F__MAX] = { 0 }, i, again = 1;
	double total, left;

	while (again) {
		again = 0;
		total = 0;
		left = room;
		for (i = from; i < to; i++)
			if (fixed[i])
				left -= w[i];
			else
				total += field_weight[b->fields[i]];
		for (i = from; i < to; i++) {
			if (fixed[i])
				continue;
			w[i] = left * field_weight[b->fields[i]] / total;
			if (w[i] < need[i] && to - from > 1) {
				w[i] = need[i];
				fixed[i] = again = 1;
				break;
			}
		}
	}
}

/* The version's letter, bold in a box tw wide at the right end of the
 * row whose baseline is base. */
static void
lay_field_tag(struct lay *L, const char *letter, double tw, double base)
{
	struct tstyle ts = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double size = ts.size;

	L->sy = base - lay_base(L, size);
	lay_plain(L, letter, &ts, L->right - tw, tw, AL_CENTER);
	lay_rect(L, L->right - tw, base - size * TAG_TOP_RATIO, tw,
	    size * TAG_H_RATIO, L->t->rule * TAG_RULE_RATIO, ink);
}

/* One row of fields [from, to) of widths w: "Label ______" each, a
 * filled-in value (a student's name) printed on its line; a version box
 * at the row's end when tw > 0. */
static void
lay_field_row(struct lay *L, const struct block *b, int from, int to,
    const double *w, double tw)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle fs = lay_style(L, ts.size, ST_BOLD, ink);
	double x = L->left, base, room, rise = lay_base(L, ts.size), end;
	double lw[F__MAX], la[F__MAX], nw[F__MAX], na[F__MAX];
	int i;

	/* each label and name measured once; the row's baseline low enough
	 * for the tallest letters (a name in Nastaliq), every text on it */
	for (i = from; i < to; i++) {
		lw[i] = lay_plain_box(L, L->t->labels[field_label[b->fields[i]]],
		    &ts, &la[i]);
		rise = la[i] > rise ? la[i] : rise;
		if (b->filled[i] != NULL) {
			nw[i] = lay_plain_box(L, b->filled[i], &fs, &na[i]);
			rise = na[i] > rise ? na[i] : rise;
		}
	}
	L->sy += FIELDS_TOP;
	base = L->sy + rise + FIELDS_BASE_DROP;
	end = base + lay_lh(L, ts.size) - lay_base(L, ts.size);
	for (i = from; i < to; i++) {
		L->sy = base - la[i];
		lay_plain(L, L->t->labels[field_label[b->fields[i]]], &ts, x,
		    w[i], AL_LEFT);
		end = L->sy > end ? L->sy : end;
		lay_line(L, x + lw[i] + FIELD_LINE_AFTER, base + FIELD_LINE_DROP,
		    x + w[i] - FIELD_LINE_END, base + FIELD_LINE_DROP,
		    L->t->rule, ink, 0);
		if (b->filled[i] != NULL) {
			/* only a name longer than the whole line shrinks */
			fs.size = ts.size;
			room = w[i] - lw[i] - FIELD_FILL_END;
			if (nw[i] > room && room > 0) {
				fs.size *= room / nw[i];
				lay_plain_box(L, b->filled[i], &fs, &na[i]);
			}
			L->sy = base - na[i];
			lay_plain(L, b->filled[i], &fs,
			    x + lw[i] + FIELD_FILL_AFTER, room + LABEL_SLACK,
			    AL_LEFT);
			end = L->sy > end ? L->sy : end;
		}
		x += w[i];
	}
	if (tw > 0)
		lay_field_tag(L, b->version, tw, base);
	L->sy = end + FIELDS_FOOT;
}

/*
 * Where the rows of n fields break (bit j: after field j), fewest rows
 * first: each row's needs fit in its room (the first's is first_room),
 * but for a field alone, which takes the row; of those, the one whose
 * fullest row is least full, so that wrapped rows share the line
 * evenly (Name, Date / Period, Class, Score rather than a Score alone).
 */
static unsigned
lay_field_breaks(const double *need, int n, double first_room, double room)
{
	unsigned mask, best = 0;
	int rows, best_rows = n + 1, i, count, fits;
	double used, worst, best_worst = 0, r;

	for (mask = 0; mask < 1u << (n - 1); mask++) {
		rows = 1;
		used = worst = 0;
		count = 0;
		fits = 1;
		for (i = 0; i < n; i++) {
			used += need[i];
			count++;
			if (i + 1 < n && !(mask >> i & 1))
				continue;
			r = rows == 1 ? first_room : room;
			if (used > r && count > 1)
				fits = 0;
			if (used / r > worst)
				worst = used / r;
			if (i + 1 < n)
				rows++;
			used = 0;
			count = 0;
		}
		if (fits && (rows < best_rows || (rows == best_rows &&
		    worst < best_worst))) {
			best = mask;
			best_rows = rows;
			best_worst = worst;
		}
	}
	return best;
}

/*
 * The fields at the top, in the order written: on one row when they fit
 * with a blank each can be written in (and what is printed in it), else
 * on as few rows as fit, in the same order; a name longer than the line
 * gets a row of its own and shrinks.  The version's letter ends the first
 * row, boxed.  The rows depend only on what fits, so a named copy has the
 * blank copy's row unless its name or period needs more room than the
 * row has.
 */
void
lay_fields(struct lay *L, const struct block *b)
{
	struct tstyle tag = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double need[F__MAX], w[F__MAX], tw = 0, first_room;
	unsigned breaks;
	int from, to, n;

	for (n = 0; n < F__MAX && b->fields[n] >= 0; n++)
		need[n] = lay_field_need(L, b, n);
	if (n == 0)
		return;
	if (b->version[0] != '\0')
		tw = lay_plain_width(L, b->version, &tag) + 2 * FIELD_TAG_PAD;
	first_room = lay_width(L) - (tw > 0 ? tw + FIELD_TAG_GAP : 0);
	breaks = lay_field_breaks(need, n, first_room, lay_width(L));
	for (from = 0; from < n; from = to) {
		for (to = from + 1; to < n && !(breaks >> (to - 1) & 1); to++)
			continue;
		lay_field_widths(b, from, to, need, from == 0 ? first_room :
		    lay_width(L), w);
		lay_field_row(L, b, from, to, w, from == 0 ? tw : 0);
	}
}

/*
 * Cells set side by side on one row (choices, the two sides of a match):
 * each is the strip's items [from, to), of which [from, mid) is drawn
 * beside the first line of its text (a letter, a box), and drop is that
 * text's L->drop.  Moves every cell so that all the first baselines line
 * up with the lowest; returns how much taller the row became.
 */
struct cell {
	size_t	 from, mid, to;
	double	 drop, h;
};

static double
lay_align(struct lay *L, struct cell *c, int n)
{
	double low = 0, grow = 0;
	int i;

	for (i = 0; i < n; i++)
		if (c[i].drop > low)
			low = c[i].drop;
	for (i = 0; i < n; i++) {
		lay_shift(L, c[i].from, c[i].mid, c[i].drop);
		lay_shift(L, c[i].from, c[i].to, low - c[i].drop);
		if (c[i].h + low - c[i].drop > grow)
			grow = c[i].h + low - c[i].drop;
	}
	return grow;
}

/* Widths of a blank problem's blanks: room for the answer, at least 1in;
 * with key, *fill: each blank's answer parsed. */
static double *
lay_blank_widths(struct lay *L, const struct textlist *answers,
    const struct tstyle *ts, const struct rich ***fill, int key)
{
	double *bw = xcalloc(answers->n, sizeof(double));
	struct tstyle bs = *ts;
	size_t i;

	bs.style |= ST_BOLD;
	*fill = key ? xcalloc(answers->n, sizeof(**fill)) : NULL;
	for (i = 0; i < answers->n; i++) {
		bw[i] = lay_text_width(L, &answers->v[i], &bs) + BLANK_W_PAD;
		if (bw[i] < BLANK_W_MIN)
			bw[i] = BLANK_W_MIN;
		if (bw[i] > lay_width(L) - L->indent)
			bw[i] = lay_width(L) - L->indent;
		if (key && ((*fill)[i] = lay_parsed(L, &answers->v[i],
		    0))->wrong)
			L->failed = 1;
	}
	return bw;
}

#define IMAGE_BODY_PT	12.0	/* the body size pictures are sized for */

/*
 * The problem's picture, under the prompt and indented like it: `width`
 * wide (a length, or a share of the column), else its natural size at
 * IMAGE_DPI, larger with a body text larger than IMAGE_BODY_PT; never
 * wider than the column; aspect ratio kept.
 */
void
lay_picture(struct lay *L, const struct block *b)
{
	const struct picture *pic = b->u.picture;
	double col = lay_width(L) - L->indent, w;
	struct item *it;

	if (pic->share > 0)
		w = col * pic->share / 100;
	else if (pic->width > 0)
		w = pic->width;
	else
		w = pic->image->w * 72.0 / IMAGE_DPI;
	/* a picture grows with the text: large print's 18 pt body makes a
	 * 6 cm picture 9 cm (a width in % grows with the column already) */
	if (pic->share <= 0 && L->t->size_body > IMAGE_BODY_PT)
		w *= L->t->size_body / IMAGE_BODY_PT;
	if (w > col + EPS && L->ncols == 2 && pic->width > 0) {
		if (lay_first_at(L, &pic->mark))
			diag_error(&pic->mark, "problem %d: its picture is "
			    "%.1f cm wide, wider than a column (%.1f cm) of "
			    "two: give it a smaller width (a share such as "
			    "100%% fits the column), or put the problem where "
			    "the page has one column", pic->number,
			    w / PT_PER_INCH * CM_PER_INCH,
			    col / PT_PER_INCH * CM_PER_INCH);
		L->failed = 1;
	}
	if (w > col)
		w = col;
	L->sy += PICTURE_TOP;
	it = page_push(&L->strip, ITEM_IMAGE);
	it->stroke = 0;
	it->x = L->left + L->indent;
	it->y = L->sy;
	it->w = w;
	it->h = w * pic->image->h / pic->image->w;
	it->image = doc_image(L->doc, pic->image);
	L->sy += it->h;
}

/*
 * A problem's or a part's number (num: "4.", "(b)") right-aligned in the
 * indent at L->left, and beside it its points (b->label) and prompt pr as one
 * paragraph.  prefix names it in messages.
 */
static void
lay_numbered(struct lay *L, const struct block *b, const struct prompt *pr,
    const char *num, const char *prefix)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, ink);
	const struct rich *prompt, *set, **fill = NULL;
	struct rich labelled;
	double *bw = NULL, top = L->sy;
	double room = L->indent - lay_space(L, fonts_pick(L->fs, FS_BOLD, ' '),
	    ns.size), w = lay_plain_width(L, num, &ns);
	size_t numbered, from = L->strip.nitems, own = 0;

	sc_prefix(prefix);		/* for messages about its texts */
	/* right-aligned, one space from the prompt, so that text readers
	 * take number and prompt as one line; a part's letter wider than
	 * the indent ("(الف)") reaches into the stem's */
	if (w > room)
		lay_plain(L, num, &ns, L->left + room - w - LABEL_SLACK,
		    w + LABEL_SLACK, AL_RIGHT);
	else
		lay_plain(L, num, &ns, L->left, room, AL_RIGHT);
	numbered = L->strip.nitems;
	L->sy = top;
	if (pr->text == NULL)
		return;
	prompt = lay_parsed(L, pr->text, pr->blanks != NULL ? RP_BLANKS : 0);
	if (prompt->wrong)
		L->failed = 1;
	set = prompt;
	if (b->label != NULL) {
		/* points first, then the prompt, as one paragraph */
		memset(&labelled, 0, sizeof(labelled));
		own = lay_prefixed(&labelled, b->label, 0, prompt);
		set = &labelled;
	}
	if (pr->blanks != NULL) {
		bw = lay_blank_widths(L, pr->blanks, &ts, &fill, pr->key);
		ts.blank_w = bw;
		ts.blank_fill = fill;
		ts.nblanks = pr->blanks->n;
	}
	lay_rich(L, set, &ts, L->left + L->indent, lay_width(L) - L->indent,
	    AL_LEFT, 0);
	lay_shift(L, from, numbered, L->drop);	/* the number beside it */
	if (set == &labelled)
		lay_prefixed_free(&labelled, own);
	free(fill);
	free(bw);
}

void
lay_problem(struct lay *L, const struct block *b)
{
	char num[24], prefix[40];

	L->in_problem = 1;
	L->problem = &b->prob;
	L->sy = 0;
	snprintf(num, sizeof(num), "%d.", b->u.prompt->number);
	snprintf(prefix, sizeof(prefix), "problem %d", b->u.prompt->number);
	lay_numbered(L, b, b->u.prompt, num, prefix);
}

/* The strip holds the stem and part (a), or a later part, of a problem
 * in parts: place it, a later part under "4 (continued)" when it starts
 * a page.  Returns what lay_place() returns. */
static int
lay_part_place(struct lay *L, const struct parthead *ph)
{
	struct tstyle cs = lay_style(L, L->t->size_body, ST_ITALIC, gray);
	struct page held;
	double h = L->sy, gap = L->t->gap_paragraph;

	if (ph->first)
		return lay_place(L, h, L->t->gap_problem);
	if (!lay_breaks(L, h, gap))
		return lay_place(L, h, gap);
	held = L->strip;
	memset(&L->strip, 0, sizeof(L->strip));
	L->sy = 0;
	lay_plain(L, ph->continued, &cs, L->part_left, L->right -
	    L->part_left, AL_LEFT);
	L->sy += CONTINUED_GAP;
	lay_move(&L->strip, &held, L->sy, L, 0);
	free(held.items);
	return lay_place(L, h + L->sy, gap);
}

/* In two columns, a problem whose lines, boxes or pictures reach past
 * its column (text wraps, and math too wide is said where it is):
 * reported.  Returns -1 then. */
static int
lay_col_fits(struct lay *L, const struct probref *pr)
{
	double right = L->left, r;
	const struct item *it;
	size_t i;

	if (L->ncols != 2)
		return 0;
	for (i = 0; i < L->strip.nitems; i++) {
		it = &L->strip.items[i];
		r = it->kind == ITEM_LINE ? fmax(it->x, it->x2) :
		    it->kind == ITEM_RECT || it->kind == ITEM_IMAGE ?
		    it->x + it->w : 0;
		if (r > right)
			right = r;
	}
	if (right <= L->right + COL_OVERHANG)
		return 0;
	if (lay_first_at(L, &pr->mark))
		diag_error(&pr->mark, "problem %d is wider than a column "
		    "(%.1f cm of %.1f cm); in two columns go drills and short "
		    "items: put it in a section without \"columns: 2\", or "
		    "make it narrower", pr->number, (right - (L->part != NULL ?
		    L->part_left : L->left)) / PT_PER_INCH * CM_PER_INCH,
		    (L->right - (L->part != NULL ? L->part_left : L->left)) /
		    PT_PER_INCH * CM_PER_INCH);
	L->failed = 1;
	lay_strip_clear(&L->strip);
	L->sy = 0;
	return -1;
}

/* A problem (or its part) taller than a page. */
static void
lay_too_tall(struct lay *L, const struct probref *pr, double h)
{
	char part[24] = "";

	if (pr->part > 0)
		snprintf(part, sizeof(part), " (part (%c))", 'a' + pr->part - 1);
	if (lay_first_at(L, &pr->mark))
		diag_error(&pr->mark, "problem %d%s is taller than a page (%.1f "
		    "cm of %.1f cm); give it %sless space or split it",
		    pr->number, part,
		    (h + L->pending_h) / PT_PER_INCH * CM_PER_INCH,
		    (L->bottom - L->top) / PT_PER_INCH * CM_PER_INCH,
		    pr->image ?
		    "a narrower image (image width), " : "");
	L->failed = 1;
}

void
lay_part(struct lay *L, const struct block *b)
{
	const struct parthead *ph = b->u.part;
	char prefix[40];

	if (!ph->first)
		lay_part_end(L);
	else {
		/* parts are indented under the stem, lettered where the
		 * stem's text starts */
		L->part_left = L->left;
		L->left += L->indent;
	}
	L->part = ph;
	L->sy += ph->first ? PART_FIRST_TOP : 0;
	snprintf(prefix, sizeof(prefix), "problem %d%c", ph->prompt->number,
	    ph->letter);
	lay_numbered(L, b, ph->prompt, ph->mark, prefix);
}

int
lay_part_end(struct lay *L)
{
	double h = L->sy;

	if (lay_col_fits(L, L->problem) < 0)
		return -1;
	if (lay_part_place(L, L->part) == 0)
		return 0;
	/* the stem is in the first part's strip: name the problem */
	lay_too_tall(L, L->part->first ? L->problem : &L->part->prob, h);
	return -1;
}

void
lay_problem_end(struct lay *L, const struct block *b)
{
	double h = L->sy;

	/* a problem with no answer space of its own: its first line */
	if (L->part == NULL && L->anchors != NULL && (L->anchors->n ==
	    L->anchor_from || L->anchors->v[L->anchors->n - 1].nth != b->prob.nth))
		lay_anchor(L, -1, lay_base(L, L->t->size_body));
	sc_prefix(NULL);
	L->in_problem = 0;
	if (L->part != NULL) {
		lay_part_end(L);
		L->left = L->part_left;
		L->part = NULL;
		return;
	}
	if (lay_col_fits(L, &b->prob) == 0 &&
	    lay_place(L, h, L->t->gap_problem) < 0)
		lay_too_tall(L, &b->prob, h);
}

void
lay_answer(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	const char *label = L->t->labels[L_ANSWER];
	const struct text *answer = b->u.answer->answer;
	double lw = lay_plain_width(L, label, &ts), aw, x, base, save;
	size_t from, to;

	aw = lay_width(L) * ANSWER_MIN_SHARE;
	if (answer != NULL)
		aw = lay_text_width(L, answer, &ks) + lw + ANSWER_PAD;
	if (aw < lay_width(L) * ANSWER_MIN_SHARE)
		aw = lay_width(L) * ANSWER_MIN_SHARE;
	/* an inch of line to write on, even in a narrow column */
	if (aw < lw + ANSWER_LINE_GAP + ANSWER_LINE_MIN)
		aw = lw + ANSWER_LINE_GAP + ANSWER_LINE_MIN;
	if (aw > lay_width(L) - L->indent)
		aw = lay_width(L) - L->indent;
	x = L->right - aw;
	L->sy += ANSWER_TOP;
	save = L->sy;
	base = L->sy + lay_base(L, ts.size);
	from = L->strip.nitems;
	lay_plain(L, label, &ts, x, lw + LABEL_SLACK, AL_LEFT);
	if (answer != NULL) {
		to = L->strip.nitems;
		L->sy = save;
		lay_text(L, answer, 0, &ks, x + lw + ANSWER_TEXT_GAP,
		    aw - lw - ANSWER_TEXT_GAP, AL_LEFT, 0);
		lay_shift(L, from, to, L->drop);
	} else
		lay_line(L, x + lw + ANSWER_LINE_GAP, base + ANSWER_LINE_DROP,
		    L->right, base + ANSWER_LINE_DROP,
		    L->t->rule, ink, 0);
	lay_anchor(L, -1, base);
}

/* The baseline of a row of cells set at top, once lay_align() has moved
 * them to the lowest first baseline. */
static double
lay_row_base(struct lay *L, const struct cell *c, int n, double top,
    double size)
{
	double low = 0;
	int i;

	for (i = 0; i < n; i++)
		if (c[i].drop > low)
			low = c[i].drop;
	return top + lay_base(L, size) + low;
}

/* Columns for choices: as the teacher asked, else as many as fit. */
static int
lay_columns(struct lay *L, const struct choicelist *cl,
    const struct tstyle *ts, double marker)
{
	double widest = 0, w, avail = lay_width(L) - L->indent;
	size_t i;
	int cols;

	if (cl->columns > 0)
		return cl->columns;
	for (i = 0; i < cl->n; i++) {
		w = lay_text_width(L, cl->choices[i], ts);
		if (w > widest)
			widest = w;
	}
	for (cols = 4; cols > 1; cols /= 2)
		if ((widest + marker + CHOICE_GAP) * cols <= avail &&
		    (cl->n % (size_t)cols == 0 || cl->n < (size_t)cols + 1))
			break;
	return cols;
}

/*
 * A choice's feedback in a key, in gray italics after an em dash: beside
 * the choice (cw wide, set from x at size ts on the row at top) when
 * there is room before end, else under it.  Leaves L->sy under the lower
 * of the two.
 */
static void
lay_feedback(struct lay *L, const struct text *fb, const struct tstyle *ts,
    double x, double cw, double end, double top)
{
	struct tstyle fs = lay_style(L, ts->size * FEEDBACK_SIZE_RATIO,
	    ST_ITALIC, gray);
	double below = L->sy, fx = x + cw + ts->size, dw;

	if (end - fx < (end - x) / FEEDBACK_MIN_SHARE)
		fx = x + ts->size;	/* under the choice */
	else	/* on the choice's baseline */
		L->sy = top + lay_base(L, ts->size) - lay_base(L, fs.size);
	top = L->sy;
	lay_plain(L, DASH, &fs, fx, end - fx, AL_LEFT);
	dw = lay_plain_width(L, DASH, &fs) + lay_space(L, fonts_pick(L->fs,
	    FS_ITALIC, ' '), fs.size);
	L->sy = top;
	lay_text(L, fb, 0, &fs, fx + dw, end - fx - dw, AL_LEFT, 0);
	if (L->sy < below)
		L->sy = below;
}

/* The widest of the language's choice letters in their marks ("W." in
 * English, "الف)" in Persian): every choice's text starts alike, in
 * every problem. */
static double
lay_marks_width(struct lay *L, const struct tstyle *ls)
{
	double w, most = 0;
	char *mark;
	size_t i;

	for (i = 0; i < LABEL_LETTERS; i++) {
		mark = label_lettered(L->t, LT_CHOICE, i);
		if ((w = lay_plain_width(L, mark, ls)) > most)
			most = w;
		free(mark);
	}
	return most;
}

/* The key's ring round the letter of choice i, its mark at x, its
 * baseline at base: a circle round the letter (after what the mark puts
 * before it: "(" of "(क)"), or a box round a mark whose letter is too
 * wide for one ("الف)"). */
static void
lay_ring(struct lay *L, size_t i, const struct tstyle *ls, double x,
    double base)
{
	const char *mark = L->t->labels[L_CHOICE_MARK];
	const char *at = strstr(mark, "{n}");
	char *before = xstrndup(mark, at != NULL ? (size_t)(at - mark) : 0);
	char *whole = label_lettered(L->t, LT_CHOICE, i);
	double w = lay_plain_width(L, label_letter(L->t, LT_CHOICE, i), ls);
	struct item *c;

	if (w > ls->size * CIRCLE_HOLDS) {
		w = lay_plain_width(L, whole, ls);
		free(whole);
		free(before);
		lay_rect(L, x - TF_RING_PAD / 2, base - ls->size *
		    TAG_TOP_RATIO, w + TF_RING_PAD, ls->size * TAG_H_RATIO,
		    KEY_MARK_W, key_ink);
		return;
	}
	if (*before != '\0')
		x += lay_plain_width(L, before, ls);
	free(before);
	free(whole);
	c = page_push(&L->strip, ITEM_CIRCLE);
	c->x = x + ls->size * CIRCLE_X;
	c->y = base - ls->size * CIRCLE_RISE;
	c->w = ls->size * CIRCLE_R;
	c->width = KEY_MARK_W;
	c->color = key_ink;
}

void
lay_choices(struct lay *L, const struct block *b)
{
	const struct choicelist *cl = b->u.choices;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ls = lay_style(L, L->t->size_body, ST_BOLD, ink);
	double letterw = lay_marks_width(L, &ls) + CHOICE_LETTER_GAP;
	double marker = letterw + (cl->multi ? ls.size * CHOICE_BOX_ROOM : 0);
	double colw, rowtop, rowh = 0, x, h;
	double lh = lay_lh(L, ts.size), base = lay_base(L, ts.size);
	/* a key with feedback: a choice a row, its feedback beside it */
	int feedback = cl->feedback != NULL;
	int cols = feedback ? 1 : lay_columns(L, cl, &ts, marker);
	size_t i, rows, k;
	char *letter;

	colw = (lay_width(L) - L->indent) / cols;
	rows = (cl->n + (size_t)cols - 1) / (size_t)cols;
	L->sy += CHOICES_TOP;
	for (k = 0; k < rows; k++) {
		struct cell cell[4];
		int nc = 0;

		rowtop = L->sy;
		rowh = lh;
		for (i = k * (size_t)cols; i < (k + 1) * (size_t)cols &&
		    i < cl->n; i++) {
			int right = cl->right != NULL && cl->right[i];
			double cx = L->left + L->indent +
			    colw * (double)(i % (size_t)cols);
			double bx = cx,
			    by = rowtop + base - ts.size * CHECKBOX_RISE;
			double bs = ts.size * CHECKBOX_SIDE;

			cell[nc].from = L->strip.nitems;
			if (cl->multi) {
				lay_rect(L, bx, by, bs, bs, L->t->rule,
				    right ? key_ink : ink)->width =
				    right ? KEY_MARK_W : L->t->rule;
				if (right) {
					lay_line(L, bx + CHECKBOX_TICK_INSET,
					    by + CHECKBOX_TICK_INSET,
					    bx + bs - CHECKBOX_TICK_INSET,
					    by + bs - CHECKBOX_TICK_INSET,
					    KEY_MARK_W, key_ink, 0);
					lay_line(L, bx + CHECKBOX_TICK_INSET,
					    by + bs - CHECKBOX_TICK_INSET,
					    bx + bs - CHECKBOX_TICK_INSET,
					    by + CHECKBOX_TICK_INSET,
					    KEY_MARK_W, key_ink, 0);
				}
				bx += bs + CHECKBOX_GAP;
			}
			letter = label_lettered(L->t, LT_CHOICE, i);
			L->sy = rowtop;
			ls.color = right ? key_ink : ink;
			lay_plain(L, letter, &ls, bx, marker, AL_LEFT);
			if (right && !cl->multi)
				lay_ring(L, i, &ls, bx, rowtop + base);
			/* one space after the letter: text readers then keep
			 * letter and choice together */
			x = bx + lay_plain_width(L, letter, &ls) + lay_space(L,
			    fonts_pick(L->fs, FS_BOLD, ' '), ls.size);
			free(letter);
			L->sy = rowtop;
			ts.color = right ? key_ink : ink;
			cell[nc].mid = L->strip.nitems;
			lay_text(L, cl->choices[i], 0, &ts, x,
			    cx + colw - x - 8, AL_LEFT, 0);
			if (feedback && cl->feedback[i] != NULL)
				lay_feedback(L, cl->feedback[i], &ts, x,
				    lay_text_width(L, cl->choices[i], &ts),
				    cx + colw - CHOICE_COL_GAP, rowtop);
			cell[nc].to = L->strip.nitems;
			cell[nc].drop = L->drop;
			cell[nc++].h = L->sy - rowtop;
		}
		if (k == 0)
			lay_anchor(L, -1, lay_row_base(L, cell, nc, rowtop,
			    ts.size));
		h = lay_align(L, cell, nc);
		if (h > rowh)
			rowh = h;
		L->sy = rowtop + rowh + CHOICE_ROW_GAP;
	}
}

void
lay_truefalse(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body, ST_BOLD, ink);
	const char *words[2] = { L->t->labels[L_TRUE], L->t->labels[L_FALSE] };
	double x = L->left + L->indent + TF_INDENT, w, top, base, reach[2];
	double up, down, pad = INK_PAD * ts.size;
	int i;

	L->sy += TF_TOP;
	top = L->sy;
	base = lay_base(L, ts.size);
	for (i = 0; i < 2; i++) {
		int right = b->u.tf->boxed == i + 1;

		w = lay_plain_measure(L, words[i], &ts, reach);
		L->sy = top;
		ts.color = right ? key_ink : ink;
		lay_plain(L, words[i], &ts, x, w + LABEL_SLACK, AL_LEFT);
		/* the box holds the word's letters: one that would cross
		 * it (Nastaliq's fall below it) moves it out */
		up = ts.size * TAG_TOP_RATIO;
		down = ts.size * TAG_H_RATIO - up;
		if (reach[0] > up)
			up = reach[0] + pad;
		if (reach[1] > down)
			down = reach[1] + pad;
		if (right)
			lay_rect(L, x - TF_RING_PAD, top + base - up,
			    w + TF_RING_W, up + down, KEY_MARK_W, key_ink);
		x += w + TF_GAP;
	}
	lay_anchor(L, -1, top + base);
}

/*
 * Where a match problem's right column starts, from the left of the text:
 * the middle, unless the left items need more and the right ones leave
 * it ("circumference of a circle" in large print), else shared as both
 * need.  lead is the room before a left item (line and number).
 */
static double
lay_match_split(struct lay *L, const struct matching *m,
    const struct tstyle *ts, double lead)
{
	double avail = lay_width(L) - L->indent, wl = 0, wr = 0, w, left;
	double num = MATCH_NUM_W * ts->size / MATCH_EM_PT,
	    gap = MATCH_GAP * ts->size / MATCH_EM_PT;
	size_t i;

	for (i = 0; i < m->nleft; i++)
		if ((w = lay_text_width(L, m->left[i], ts)) > wl)
			wl = w;
	for (i = 0; i < m->nright; i++)
		if ((w = lay_text_width(L, m->right[i], ts)) > wr)
			wr = w;
	left = lead + wl + gap;
	if (left <= avail / 2)
		return avail / 2;
	if (left + num + wr <= avail)
		return left;
	/* neither fits its half: each gets room in proportion, within
	 * a third and two thirds of the line */
	left = avail * left / (left + num + wr);
	return left < avail / 3 ? avail / 3 : left > avail * 2 / 3 ?
	    avail * 2 / 3 : left;
}

void
lay_match(struct lay *L, const struct block *b)
{
	const struct matching *m = b->u.match;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	size_t nl = m->nleft, nr = m->nright, rows, i;
	/* the write-in line and the numbers' room grow with the type (36
	 * and 22 pt at 12 pt) */
	double em = ts.size / MATCH_EM_PT, blank = MATCH_BLANK_W * em,
	    num = MATCH_NUM_W * em;
	double half = lay_match_split(L, m, &ts, blank + num), top, h, grow;
	double x0 = L->left + L->indent, base = lay_base(L, ts.size);
	/* the right column's letters: room for the widest ("الف)") */
	double rnum = lay_marks_width(L, &ts) + lay_space(L,
	    fonts_pick(L->fs, FS_REGULAR, ' '), ts.size);
	char buf[32], *mark;

	if (rnum < num)
		rnum = num;
	rows = nl > nr ? nl : nr;
	L->sy += MATCH_TOP;
	for (i = 0; i < rows; i++) {
		struct cell cell[2];
		int nc = 0;

		top = L->sy;
		h = lay_lh(L, ts.size);
		if (i < nl) {
			cell[nc].from = L->strip.nitems;
			lay_line(L, x0, top + base + MATCH_LINE_DROP,
			    x0 + blank - MATCH_BLANK_GAP,
			    top + base + MATCH_LINE_DROP, L->t->rule, ink, 0);
			if (m->match != NULL) {
				lay_plain(L, label_letter(L->t, LT_CHOICE,
				    (size_t)m->match[i]), &ks, x0,
				    blank - MATCH_BLANK_GAP,
				    AL_CENTER);
				L->sy = top;
			}
			snprintf(buf, sizeof(buf), "%zu.", i + 1);
			lay_plain(L, buf, &ts, x0 + blank,
			    num + MATCH_NUM_ROOM * em,
			    AL_LEFT);
			L->sy = top;
			cell[nc].mid = L->strip.nitems;
			lay_text(L, m->left[i], 0, &ts, x0 + blank + num,
			    half - blank - num - 8 * em, AL_LEFT, 0);
			cell[nc].to = L->strip.nitems;
			cell[nc].drop = L->drop;
			cell[nc++].h = L->sy - top;
		}
		if (i < nr) {
			L->sy = top;
			cell[nc].from = L->strip.nitems;
			mark = label_lettered(L->t, LT_CHOICE, i);
			lay_plain(L, mark, &ts, x0 + half,
			    rnum + MATCH_NUM_ROOM * em,
			    AL_LEFT);
			free(mark);
			L->sy = top;
			cell[nc].mid = L->strip.nitems;
			lay_text(L, m->right[i], 0, &ts, x0 + half + rnum,
			    lay_width(L) - L->indent - half - rnum, AL_LEFT, 0);
			cell[nc].to = L->strip.nitems;
			cell[nc].drop = L->drop;
			cell[nc++].h = L->sy - top;
		}
		if (i < nl)
			lay_anchor(L, (int)i, lay_row_base(L, cell, nc, top,
			    ts.size));
		if ((grow = lay_align(L, cell, nc)) > h)
			h = grow;
		L->sy = top + h + MATCH_ROW_GAP;
	}
}

void
lay_order(struct lay *L, const struct block *b)
{
	const struct ordering *o = b->u.order;
	struct tstyle ts = lay_style(L, L->t->size_body, 0, ink);
	struct tstyle ks = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	double x0 = L->left + L->indent, bs = ts.size * ORDER_BOX_RATIO, top;
	double base = lay_base(L, ts.size);
	size_t i;
	char buf[16];

	L->sy += ORDER_TOP;
	for (i = 0; i < o->n; i++) {
		size_t from = L->strip.nitems, to;

		top = L->sy;
		lay_rect(L, x0, top + base - bs * ORDER_BOX_RISE, bs, bs,
		    L->t->rule, ink);
		if (o->place != NULL) {
			snprintf(buf, sizeof(buf), "%d", o->place[i]);
			lay_plain(L, buf, &ks, x0, bs, AL_CENTER);
		}
		L->sy = top;
		to = L->strip.nitems;
		lay_text(L, o->items[i], 0, &ts,
		    x0 + bs + ORDER_BOX_GAP,
		    lay_width(L) - L->indent - bs - ORDER_BOX_GAP,
		    AL_LEFT, 0);
		lay_shift(L, from, to, L->drop);
		lay_anchor(L, (int)i, top + base + L->drop);
		if (L->sy - top < bs + ORDER_ROW_GAP + L->drop)
			L->sy = top + bs + ORDER_ROW_GAP + L->drop;
	}
}

void
lay_lines(struct lay *L, const struct block *b)
{
	double pitch = L->t->line_pitch;
	int i;

	for (i = 0; i < b->n; i++) {
		L->sy += pitch;
		lay_line(L, L->left + L->indent, L->sy, L->right, L->sy,
		    L->t->rule * RULE_THIN, gray, 0);
	}
	L->sy += LINES_TOP;
}

void
lay_box(struct lay *L, const struct block *b)
{
	double x0 = L->left + L->indent, w = L->right - x0, g = L->t->grid;
	double y0 = L->sy + BOX_TOP, v;

	if (b->grid)
		for (v = g; v < w - EPS; v += g)
			lay_line(L, x0 + v, y0, x0 + v, y0 + b->h, BOX_GRID_W,
			    light, 0);
	if (b->grid)
		for (v = g; v < b->h - EPS; v += g)
			lay_line(L, x0, y0 + v, x0 + w, y0 + v, BOX_GRID_W,
			    light, 0);
	lay_rect(L, x0, y0, w, b->h, L->t->rule, ink);
	L->sy = y0 + b->h + BOX_FOOT;
}

/* Key-only notes: a shaded box holding a label and text or a list. */
void
lay_keynote(struct lay *L, const struct block *b)
{
	struct tstyle ts = lay_style(L, L->t->size_body * KEYNOTE_SIZE_RATIO, 0,
	    ink);
	struct tstyle ls = lay_style(L, L->t->size_body * KEYNOTE_SIZE_RATIO,
	    ST_BOLD, ink);
	double x0 = L->in_problem ? L->left + L->indent : L->left;
	double w = L->right - x0, top, pad = KEYNOTE_PAD;
	size_t ri, i;

	L->sy += KEYNOTE_TOP;
	top = L->sy;
	ri = L->strip.nitems;
	lay_rect(L, x0, top, w, 0, KEYNOTE_RULE_W, light);
	L->sy += pad;
	lay_plain(L, b->label, &ls, x0 + pad, w - 2 * pad, AL_LEFT);
	if (b->text != NULL)
		lay_text(L, b->text, 0, &ts, x0 + pad, w - 2 * pad, AL_LEFT, 0);
	for (i = 0; b->u.list != NULL && i < b->u.list->n; i++) {
		double t = L->sy;
		size_t from = L->strip.nitems, to;

		lay_plain(L, "\xe2\x80\xa2", &ts, x0 + pad + KEYNOTE_BULLET_X,
		    KEYNOTE_BULLET_W, AL_LEFT);
		to = L->strip.nitems;
		L->sy = t;
		lay_text(L, &b->u.list->v[i], 0, &ts, x0 + pad + KEYNOTE_TEXT_X,
		    w - 2 * pad - KEYNOTE_TEXT_X, AL_LEFT, 0);
		lay_shift(L, from, to, L->drop);
	}
	L->sy += pad;
	L->strip.items[ri].h = L->sy - top;
	L->strip.items[ri].fill = 1;
	L->strip.items[ri].fill_color = shade;
}

