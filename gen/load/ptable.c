/* ptable.c - load a prompt's table (SPEC 8.1); see ptable.h */
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "ptable.h"
#include "util.h"

const char *const ptable_keys[] = { "header", "rows", "caption",
    "orientation", NULL };
static const char *const ptable_cell_keys[] = { "blank", NULL };
const char *const ptable_orientations[] = { "rows", "columns", NULL };

#define PTABLE_CELL_FORM "text, a number or {blank: answer}"

/* One cell into *c: text, or {blank: X}.  Returns 0 or -1 (reported). */
static int
ptable_cell(const struct node *n, int header, struct tcell *c)
{
	const struct node *v;

	if (n->kind == NODE_SEQ) {
		sc_error(&n->mark, "a table cell must be %s, not a list; to "
		    "print brackets, put the cell in quotes: \"[1, 2]\"",
		    PTABLE_CELL_FORM);
		return -1;
	}
	if (n->kind == NODE_SCALAR) {
		if (sc_is_null(n)) {	/* an empty cell */
			c->text.s = xstrdup("");
			c->text.mark = n->mark;
			return 0;
		}
		return sc_text(n, "a table cell", &c->text);
	}
	if (sc_check_keys(n, ptable_cell_keys, "a table cell") > 0)
		return -1;
	if (header) {
		sc_error(&n->mark, "a header cell names its column and cannot "
		    "be a blank; put the blanks in the rows");
		return -1;
	}
	v = node_get(n, "blank");
	if (v == NULL || sc_is_blank(v)) {
		sc_error(v != NULL ? &v->mark : &n->mark, "a blank cell needs "
		    "the answer the key prints in it, like {blank: 90} or "
		    "{blank: \"{= 2*r}\"}");
		return -1;
	}
	c->blank = 1;
	return sc_text(v, "the blank's answer", &c->text);
}

/* Row i (0-based as written, header included) into the table's cells;
 * the row's cells must number t->ncols.  Returns 0 or -1 (reported). */
static int
ptable_row(const struct node *n, size_t i, int header, const char *of,
    struct ptable *t)
{
	size_t c;
	int rc = 0;

	if (n->kind != NODE_SEQ) {
		if (header)
			sc_error(&n->mark, "the header must be a list of the "
			    "columns' names, like [Hours, Miles]");
		else
			sc_error(&n->mark, "row %zu of the table must be a list "
			    "of cells, like [1, 45]", i + !t->header);
		return -1;
	}
	if (n->nkids != t->ncols) {
		sc_error(&n->mark, "row %zu of the table has %zu cell%s but %s "
		    "has %zu; give every row one cell per column (an empty "
		    "cell is \"\")", i + !t->header, n->nkids,
		    n->nkids == 1 ? "" : "s", of, t->ncols);
		return -1;
	}
	for (c = 0; c < n->nkids; c++)
		if (ptable_cell(n->kids[c], header, &t->cells[i * t->ncols +
		    c]) < 0)
			rc = -1;
		else
			t->nblanks += (size_t)t->cells[i * t->ncols + c].blank;
	return rc;
}

struct ptable *
ptable_load(const struct node *n)
{
	const struct node *hd, *rows, *v;
	struct ptable *t;
	size_t i;
	int rc = 0, o;

	if (sc_is_null(n)) {
		sc_empty(n, "the table", "give it rows of cells, like {header: "
		    "[Hours, Miles], rows: [[1, 45], [2, 90]]}");
		return NULL;
	}
	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "a table must be key: value lines (header:, "
		    "rows:, caption:), not %s; put its rows under \"rows:\"",
		    node_kind_name(n));
		return NULL;
	}
	rc = sc_check_keys(n, ptable_keys, "the table") > 0 ? -1 : 0;
	t = xcalloc(1, sizeof(*t));
	t->mark = n->mark;
	if ((v = node_get(n, "caption")) != NULL && !sc_is_null(v) &&
	    sc_text(v, "the caption", &t->caption) < 0)
		rc = -1;
	if ((v = node_get(n, "orientation")) != NULL) {
		if (sc_enum(v, "orientation", ptable_orientations, &o) < 0)
			rc = -1;
		else
			t->columns = o == 1;
	}
	hd = node_get(n, "header");
	rows = node_get(n, "rows");
	if (rows == NULL || sc_is_null(rows) || (rows->kind == NODE_SEQ &&
	    rows->nkids == 0)) {
		if (rows == NULL && sc_misspelled(n, "rows", ptable_keys))
			goto fail;
		sc_error(rows != NULL ? &rows->mark : &n->mark, "the table is "
		    "empty; give it \"rows:\", each a list of cells, like "
		    "rows: [[1, 45], [2, 90]]");
		goto fail;
	}
	if (rows->kind != NODE_SEQ) {
		sc_error(&rows->mark, "the table's rows must be a list of rows, "
		    "each a list of cells, like [[1, 45], [2, 90]]");
		goto fail;
	}
	if (rows->nkids > PTABLE_MAX_ROWS) {
		sc_error(&rows->mark, "the table has %zu rows, more than the %d "
		    "a page holds; split it into two tables", rows->nkids,
		    PTABLE_MAX_ROWS);
		goto fail;
	}
	t->header = hd != NULL && !sc_is_null(hd);
	v = t->header ? hd : rows->kids[0];
	t->ncols = v->kind == NODE_SEQ ? v->nkids : 1;
	if (t->ncols == 0) {
		sc_error(&v->mark, "%s is empty; give it one cell per column",
		    t->header ? "the header" : "row 1 of the table");
		goto fail;
	}
	if (t->ncols > PTABLE_MAX_COLS) {
		sc_error(&v->mark, "the table has %zu columns, more than the %d "
		    "a page's width holds; split it, or use orientation: "
		    "columns to turn it", t->ncols, PTABLE_MAX_COLS);
		goto fail;
	}
	t->nrows = rows->nkids + (size_t)t->header;
	t->cells = xcalloc(t->nrows * t->ncols, sizeof(*t->cells));
	if (t->header && ptable_row(hd, 0, 1, "", t) < 0)
		rc = -1;
	for (i = 0; i < rows->nkids; i++)
		if (ptable_row(rows->kids[i], i + (size_t)t->header, 0,
		    t->header ? "the header" : "row 1", t) < 0)
			rc = -1;
	if (rc == 0)
		return t;
fail:
	ptable_free(t);
	return NULL;
}

void
ptable_free(struct ptable *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; t->cells != NULL && i < t->nrows * t->ncols; i++)
		text_free(&t->cells[i].text);
	text_free(&t->caption);
	free(t->cells);
	free(t);
}

struct ptable *
ptable_dup(const struct ptable *t)
{
	struct ptable *d;

	if (t == NULL)
		return NULL;
	d = xmalloc(sizeof(*d));
	*d = *t;
	d->cells = xmalloc(t->nrows * t->ncols * sizeof(*d->cells));
	memcpy(d->cells, t->cells, t->nrows * t->ncols * sizeof(*d->cells));
	/* the sources stay the original's: filled texts are not the file's */
	return d;
}

void
ptable_dup_free(struct ptable *t)
{
	if (t == NULL)
		return;
	free(t->cells);
	free(t);
}

void
ptable_texts(struct ptable *t, void (*fn)(struct text *, void *), void *arg)
{
	size_t i;

	if (t == NULL)
		return;
	if (t->caption.s != NULL)
		fn(&t->caption, arg);
	for (i = 0; i < t->nrows * t->ncols; i++)
		fn(&t->cells[i].text, arg);
}

size_t
ptable_prows(const struct ptable *t)
{
	return t->columns ? t->ncols : t->nrows;
}

size_t
ptable_pcols(const struct ptable *t)
{
	return t->columns ? t->nrows : t->ncols;
}

const struct tcell *
ptable_at(const struct ptable *t, size_t r, size_t c)
{
	return t->columns ? &t->cells[c * t->ncols + r] :
	    &t->cells[r * t->ncols + c];
}
