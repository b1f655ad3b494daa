/*
 * layout_strip.c - answer strips (BK_STRIP): columns side by side across
 * the text width, as many as fit (STRIP_EM ems of the body each), dashed
 * lines to cut along between them.  Each answer is set with its baseline
 * at the height of its answer space on the student's page; one that would
 * run into the answer above goes just under it instead.  In the top
 * margin, how to use them; at each column's foot, over the page's footer,
 * the version and page it goes with (the answers of a page can start right
 * under the top margin, and end right over the bottom one).
 */
#include "layout_int.h"

#define STRIP_EM	10.0	/* least width of a strip, in body ems */
#define STRIP_PAD	6.0	/* text to a cut line */

/* Columns on a page. */
static int
lay_strip_cols(struct lay *L)
{
	int n = (int)(lay_width(L) / (L->t->size_body * STRIP_EM));

	return n < 1 ? 1 : n > 4 ? 4 : n;
}

/* A new page of strips: the cut lines, and the hint over them. */
static void
lay_strip_page(struct lay *L, int cols, int hint)
{
	struct tstyle hs = lay_style(L,
	    L->t->size_small * SP_HINT_SIZE_RATIO, ST_ITALIC, gray);
	double colw = lay_width(L) / cols, x;
	int c;

	lay_new_page(L);
	L->strip_col = 0;
	L->sy = PRINTABLE_TOP;
	if (hint)
		lay_plain(L, L->t->labels[L_STRIP_HINT], &hs, L->left,
		    lay_width(L), AL_LEFT);
	/* from under the hint to the foot of the heads, over the footer */
	for (c = 0; c <= cols; c++) {
		x = L->left + colw * c;
		lay_line(L, x, L->sy + SP_CUT_GAP, x, L->bottom + SP_CUT_GAP +
		    lay_lh(L, L->t->size_small), SP_CUT_W, gray, 1);
	}
	lay_move(L->page, &L->strip, 0, L, 1);
}

void
lay_strip(struct lay *L, const struct block *b)
{
	const struct strip *st = b->u.strip;
	int cols = lay_strip_cols(L);
	double colw = lay_width(L) / cols, x0, w, top, below = 0, nw = 0;
	struct tstyle hs = lay_style(L, L->t->size_small, ST_BOLD, ink);
	struct tstyle ns = lay_style(L, L->t->size_body, ST_BOLD, gray);
	struct tstyle as = lay_style(L, L->t->size_body, ST_BOLD, key_ink);
	double base = lay_base(L, as.size);
	size_t i, from;

	if (L->page == NULL || L->strip_col >= cols)
		lay_strip_page(L, cols, st->hint);
	x0 = L->left + colw * L->strip_col + STRIP_PAD;
	w = colw - 2 * STRIP_PAD;
	/* the head at the foot, over the page's footer */
	L->sy = L->bottom + SP_HEAD_DROP;
	lay_plain(L, st->head, &hs, x0, w, AL_CENTER);
	for (i = 0; i < st->n; i++) {
		top = st->v[i].y - base;
		if (top < below)
			top = below;
		L->sy = top;
		/* a problem's next answers under its first, past the number */
		if (st->v[i].number != NULL) {
			lay_plain(L, st->v[i].number, &ns, x0, w, AL_LEFT);
			nw = lay_plain_width(L, st->v[i].number, &ns) +
			    lay_space(L, fonts_pick(L->fs, FS_BOLD, ' '),
			    ns.size);
		}
		L->sy = top;
		L->mark = &st->v[i].answer.mark;
		L->in_cell = 1;		/* math wider than the strip runs on */
		from = L->strip.nitems;
		lay_text(L, &st->v[i].answer, 0, &as, x0 + nw, w - nw,
		    AL_LEFT, 0);
		L->in_cell = 0;
		/* tall math lowers a first line: keep it on the baseline */
		lay_shift(L, from, L->strip.nitems, -L->drop);
		below = L->sy - L->drop + SP_ANSWER_GAP;
	}
	lay_move(L->page, &L->strip, 0, L, 1);
	L->strip_col++;
}
