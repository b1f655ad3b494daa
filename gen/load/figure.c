/* figure.c - figures drawn from numbers: the model; see figure.h */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figure.h"
#include "keys.h"
#include "util.h"

const char *const fig_kind_names[] = { "numberline", "plane", "fraction",
    "tape", "array", "clock", "shape", "bars", "dots", "column", NULL };

/* ---- walking a figure's texts and arrays ------------------------------ */

enum fw_mode { FW_TEXTS, FW_COPY, FW_FREE_COPY, FW_FREE };

struct fwalk {
	enum fw_mode	 mode;
	void		(*fn)(struct text *, void *);
	void		*arg;
};

static void
fw_text(struct fwalk *w, struct text *t)
{
	if (w->mode == FW_TEXTS && t->s != NULL)
		w->fn(t, w->arg);
	else if (w->mode == FW_FREE)
		text_free(t);
}

static void
fw_num(struct fwalk *w, struct fnum *f)
{
	fw_text(w, &f->t);
}

/* An array of n elements of sz bytes: copied on the way in (FW_COPY),
 * freed on the way out (FW_FREE, FW_FREE_COPY). */
static void
fw_array(struct fwalk *w, void *arrp, size_t n, size_t sz, int leave)
{
	void **v = arrp, *c;

	if (!leave && w->mode == FW_COPY && *v != NULL) {
		c = xmalloc(n * sz + 1);
		memcpy(c, *v, n * sz);
		*v = c;
	}
	if (leave && (w->mode == FW_FREE || w->mode == FW_FREE_COPY)) {
		free(*v);
		*v = NULL;
	}
}

static void
fw_nums(struct fwalk *w, struct fnums *l)
{
	size_t i;

	fw_array(w, &l->v, l->n, sizeof(*l->v), 0);
	for (i = 0; i < l->n; i++)
		fw_num(w, &l->v[i]);
	fw_array(w, &l->v, l->n, sizeof(*l->v), 1);
}

static void
fw_texts(struct fwalk *w, struct textlist *l)
{
	size_t i;

	fw_array(w, &l->v, l->n, sizeof(*l->v), 0);
	for (i = 0; i < l->n; i++)
		fw_text(w, &l->v[i]);
	fw_array(w, &l->v, l->n, sizeof(*l->v), 1);
}

static void
fw_points(struct fwalk *w, struct fpoint **v, size_t n)
{
	size_t i;

	fw_array(w, v, n, sizeof(**v), 0);
	for (i = 0; i < n; i++) {
		fw_text(w, &(*v)[i].label);
		fw_num(w, &(*v)[i].x);
		fw_num(w, &(*v)[i].y);
	}
	fw_array(w, v, n, sizeof(**v), 1);
}

static void
fw_numberline(struct fwalk *w, struct numberline *nl)
{
	size_t i;

	fw_num(w, &nl->from);
	fw_num(w, &nl->to);
	fw_num(w, &nl->ticks);
	fw_nums(w, &nl->at);
	fw_points(w, &nl->points, nl->npoints);
	fw_array(w, &nl->jumps, nl->njumps, sizeof(*nl->jumps), 0);
	for (i = 0; i < nl->njumps; i++) {
		fw_num(w, &nl->jumps[i].from);
		fw_num(w, &nl->jumps[i].to);
		fw_text(w, &nl->jumps[i].label);
	}
	fw_array(w, &nl->jumps, nl->njumps, sizeof(*nl->jumps), 1);
	fw_nums(w, &nl->blanks);
	fw_text(w, &nl->title);
	fw_array(w, &nl->below, nl->nbelow, sizeof(*nl->below), 0);
	if (nl->below != NULL)
		fw_numberline(w, nl->below);
	fw_array(w, &nl->below, nl->nbelow, sizeof(*nl->below), 1);
}

static void
fw_plane(struct fwalk *w, struct plane *pl)
{
	size_t i;

	fw_num(w, &pl->x0);
	fw_num(w, &pl->x1);
	fw_num(w, &pl->y0);
	fw_num(w, &pl->y1);
	fw_num(w, &pl->grid);
	fw_num(w, &pl->gridy);
	fw_text(w, &pl->xname);
	fw_text(w, &pl->yname);
	fw_points(w, &pl->points, pl->npoints);
	fw_array(w, &pl->lines, pl->nlines, sizeof(*pl->lines), 0);
	for (i = 0; i < pl->nlines; i++)
		fw_text(w, &pl->lines[i].eq);
	fw_array(w, &pl->lines, pl->nlines, sizeof(*pl->lines), 1);
	fw_array(w, &pl->segs, pl->nsegs, sizeof(*pl->segs), 0);
	for (i = 0; i < pl->nsegs; i++) {
		fw_num(w, &pl->segs[i].a.x);
		fw_num(w, &pl->segs[i].a.y);
		fw_num(w, &pl->segs[i].b.x);
		fw_num(w, &pl->segs[i].b.y);
	}
	fw_array(w, &pl->segs, pl->nsegs, sizeof(*pl->segs), 1);
	fw_points(w, &pl->poly, pl->npoly);
}

static void
fw_figure(struct fwalk *w, struct figure *f)
{
	size_t i;

	switch (f->kind) {
	case FK_NUMBERLINE:
		fw_numberline(w, &f->u.nl);
		break;
	case FK_PLANE:
		fw_plane(w, &f->u.pl);
		break;
	case FK_FRACTION:
		fw_array(w, &f->u.fr.v, f->u.fr.n, sizeof(*f->u.fr.v), 0);
		for (i = 0; i < f->u.fr.n; i++) {
			fw_num(w, &f->u.fr.v[i].parts);
			fw_num(w, &f->u.fr.v[i].shaded);
			fw_num(w, &f->u.fr.v[i].keyshaded);
			fw_text(w, &f->u.fr.v[i].label);
		}
		fw_array(w, &f->u.fr.v, f->u.fr.n, sizeof(*f->u.fr.v), 1);
		break;
	case FK_TAPE:
		fw_array(w, &f->u.tp.rows, f->u.tp.nrows,
		    sizeof(*f->u.tp.rows), 0);
		for (i = 0; i < f->u.tp.nrows; i++) {
			fw_text(w, &f->u.tp.rows[i].label);
			fw_num(w, &f->u.tp.rows[i].parts);
			fw_texts(w, &f->u.tp.rows[i].values);
			fw_texts(w, &f->u.tp.rows[i].keyvalues);
		}
		fw_array(w, &f->u.tp.rows, f->u.tp.nrows,
		    sizeof(*f->u.tp.rows), 1);
		fw_text(w, &f->u.tp.total);
		fw_text(w, &f->u.tp.keytotal);
		break;
	case FK_ARRAY:
		fw_num(w, &f->u.ar.rows);
		fw_num(w, &f->u.ar.columns);
		fw_num(w, &f->u.ar.group);
		break;
	case FK_CLOCK:
		fw_text(w, &f->u.ck.time);
		fw_text(w, &f->u.ck.keytime);
		break;
	case FK_SHAPE:
		fw_points(w, &f->u.sh.poly, f->u.sh.npoly);
		fw_nums(w, &f->u.sh.rect);
		fw_nums(w, &f->u.sh.tri);
		fw_texts(w, &f->u.sh.sides);
		fw_texts(w, &f->u.sh.angles);
		fw_texts(w, &f->u.sh.keysides);
		fw_texts(w, &f->u.sh.keyangles);
		fw_nums(w, &f->u.sh.right);
		fw_nums(w, &f->u.sh.marks);
		fw_num(w, &f->u.sh.scale);
		break;
	case FK_BARS:
	case FK_DOTS:
		fw_texts(w, &f->u.gr.categories);
		fw_num(w, &f->u.gr.from);
		fw_num(w, &f->u.gr.to);
		fw_nums(w, &f->u.gr.values);
		fw_num(w, &f->u.gr.step);
		fw_text(w, &f->u.gr.title);
		fw_text(w, &f->u.gr.xname);
		fw_text(w, &f->u.gr.yname);
		break;
	case FK_COLUMN:
		fw_nums(w, &f->u.co.numbers);
		fw_num(w, &f->u.co.dividend);
		fw_num(w, &f->u.co.divisor);
		break;
	case FK__MAX:
		break;
	}
}

static void
fw_all(struct figure *f, size_t n, enum fw_mode mode,
    void (*fn)(struct text *, void *), void *arg)
{
	struct fwalk w = { mode, fn, arg };
	size_t i;

	for (i = 0; i < n; i++)
		fw_figure(&w, &f[i]);
}

void
figure_texts(struct figure *f, size_t n, void (*fn)(struct text *, void *),
    void *arg)
{
	fw_all(f, n, FW_TEXTS, fn, arg);
}

struct figure *
figure_copy(const struct figure *f, size_t n)
{
	struct figure *c;

	if (n == 0)
		return NULL;
	c = xmalloc(n * sizeof(*c));
	memcpy(c, f, n * sizeof(*c));
	fw_all(c, n, FW_COPY, NULL, NULL);
	return c;
}

void
figure_free_copy(struct figure *f, size_t n)
{
	fw_all(f, n, FW_FREE_COPY, NULL, NULL);
	free(f);
}

void
figure_free(struct figure *f, size_t n)
{
	fw_all(f, n, FW_FREE, NULL, NULL);
	free(f);
}

/* ---- loading ----------------------------------------------------------- */

/* A number: a scalar that is not empty (read per draw, figure_eval). */
static int
fl_num(const struct node *n, const char *what, struct fnum *f, int key)
{
	if (n->kind == NODE_SCALAR && sc_is_blank(n)) {
		sc_empty(n, what, "write a number, like 3, 1/4 or {a}");
		return -1;
	}
	if (n->kind != NODE_SCALAR) {
		sc_error(&n->mark, "%s must be a number, like 3, 1/4 or {a}, "
		    "not %s", what, node_kind_name(n));
		return -1;
	}
	text_free(&f->t);
	f->key = key;
	f->places = -1;
	return sc_text(n, what, &f->t);
}

/* A number the kind needs: key of map, or an error saying what it is. */
static void
fl_req(const struct node *m, const char *key, const char *kind,
    const char *why, struct fnum *f)
{
	const struct node *n = node_get(m, key);

	if (n == NULL)
		sc_error(&m->mark, "the %s needs %s: (%s)", kind, key, why);
	else
		fl_num(n, key, f, 0);
}

/* A list of numbers (one number is a list of one), appended to l. */
static void
fl_nums(const struct node *n, const char *what, struct fnums *l, int key)
{
	size_t i, k = n->kind == NODE_SEQ ? n->nkids : 1;

	if (n->kind == NODE_MAP) {
		sc_error(&n->mark, "%s must be a list of numbers, like [1, "
		    "3/2, 2], not a mapping", what);
		return;
	}
	l->v = xrealloc(l->v, (l->n + k + 1) * sizeof(*l->v));
	for (i = 0; i < k; i++) {
		memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
		if (fl_num(n->kind == NODE_SEQ ? n->kids[i] : n, what,
		    &l->v[l->n], key) == 0)
			l->n++;
	}
}

/* Texts appended to l: a list, or one text. */
static void
fl_texts(const struct node *n, const char *what, struct textlist *l)
{
	size_t i, k = n->kind == NODE_SEQ ? n->nkids : 1;
	const struct node *e;

	if (n->kind == NODE_MAP) {
		sc_error(&n->mark, "%s must be a list, like [a, b], not a "
		    "mapping", what);
		return;
	}
	l->v = xrealloc(l->v, (l->n + k + 1) * sizeof(*l->v));
	for (i = 0; i < k; i++) {
		e = n->kind == NODE_SEQ ? n->kids[i] : n;
		memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
		if (e->kind == NODE_SCALAR && sc_is_null(e)) {
			/* an empty label: nothing printed there */
			l->v[l->n].mark = e->mark;
			l->n++;
		} else if (sc_text(e, what, &l->v[l->n]) == 0)
			l->n++;
	}
}

static void
fl_text(const struct node *n, const char *what, struct text *t)
{
	text_free(t);
	if (!sc_is_null(n))
		sc_text(n, what, t);
}

/* A pair [x, y] into p's x and y. */
static int
fl_pair(const struct node *n, const char *what, struct fpoint *p, int key)
{
	if (n->kind != NODE_SEQ || n->nkids != 2) {
		sc_error(&n->mark, "%s must be a pair [x, y], like [2, 3]%s",
		    what, n->kind == NODE_SCALAR && strchr(n->value, ',') ?
		    ": put it in brackets" : "");
		return -1;
	}
	p->key = key;
	if (fl_num(n->kids[0], what, &p->x, key) < 0 ||
	    fl_num(n->kids[1], what, &p->y, key) < 0)
		return -1;
	return 0;
}

/* points: {A: value} on a line, {A: [x, y]} on a plane; appended. */
static void
fl_points(const struct node *n, int plane, struct fpoint **v, size_t *nv,
    int key)
{
	size_t i;
	struct fpoint *p;

	if (n->kind != NODE_MAP) {
		sc_error(&n->mark, "points must be a mapping of labels to %s, "
		    "like {A: %s}", plane ? "pairs" : "values", plane ?
		    "[2, 3]" : "3/4");
		return;
	}
	*v = xrealloc(*v, (*nv + n->nkids / 2 + 1) * sizeof(**v));
	for (i = 0; i + 1 < n->nkids; i += 2) {
		p = &(*v)[*nv];
		memset(p, 0, sizeof(*p));
		p->key = key;
		sc_text(n->kids[i], "a point's label", &p->label);
		if ((plane ? fl_pair(n->kids[i + 1], "a point", p, key) :
		    fl_num(n->kids[i + 1], "a point", &p->x, key)) < 0) {
			text_free(&p->label);
			text_free(&p->x.t);
			text_free(&p->y.t);
			continue;
		}
		(*nv)++;
	}
}

/* A list of vertices [[x, y], ...], appended. */
static void
fl_vertices(const struct node *n, const char *what, struct fpoint **v,
    size_t *nv, int key)
{
	size_t i;
	struct fpoint *p;

	if (n->kind != NODE_SEQ || n->nkids < 3) {
		sc_error(&n->mark, "%s must be a list of at least 3 corners "
		    "[x, y], like [[0, 0], [4, 0], [0, 3]]", what);
		return;
	}
	*v = xrealloc(*v, (*nv + n->nkids + 1) * sizeof(**v));
	for (i = 0; i < n->nkids; i++) {
		p = &(*v)[*nv];
		memset(p, 0, sizeof(*p));
		if (fl_pair(n->kids[i], what, p, key) < 0) {
			text_free(&p->x.t);
			text_free(&p->y.t);
			continue;
		}
		(*nv)++;
	}
}

/* Keys of a `key:` map that only the figure itself may hold. */
static void
fl_key_only(const struct node *m, const char *const *keys,
    const char *const *adds, const char *kind)
{
	size_t i, j;
	char *list;

	for (i = 0; i + 1 < m->nkids; i += 2) {
		for (j = 0; keys[j] != NULL; j++)
			if (strcmp(m->kids[i]->value, keys[j]) == 0)
				break;
		if (keys[j] == NULL)
			continue;	/* unknown: said by sc_check_keys */
		for (j = 0; adds[j] != NULL; j++)
			if (strcmp(m->kids[i]->value, adds[j]) == 0)
				break;
		if (adds[j] != NULL)
			continue;
		list = sc_join(adds, " and ");
		sc_error(&m->kids[i]->mark, "a %s's key: adds only what the "
		    "key draws (%s); write \"%s\" in the %s itself",
		    kind, list, m->kids[i]->value, kind);
		free(list);
	}
}

static const struct node *
fl_map(const struct node *n, const char *what)
{
	if (n->kind == NODE_MAP)
		return n;
	sc_error(&n->mark, "%s must be a mapping of keys, like {from: 0, "
	    "to: 1}, not %s", what, sc_is_null(n) ? "empty" :
	    node_kind_name(n));
	return NULL;
}

static void
fl_labels(const struct node *n, struct numberline *nl, int key)
{
	static const char *const words[] = { "all", "ends", "none", NULL };
	static const enum nl_labels modes[] = { NL_ALL, NL_ENDS, NL_NONE };
	int w;

	if (n->kind == NODE_SEQ) {
		if (!key)
			nl->labels = NL_LIST;
		fl_nums(n, "a label", &nl->at, key);
		return;
	}
	if (key) {
		sc_error(&n->mark, "labels in a key: are the values whose "
		    "labels the key prints, like [1/2]");
		return;
	}
	if (sc_enum(n, "labels", words, &w) == 0)
		nl->labels = modes[w];
}

static void
fl_jumps(const struct node *n, struct numberline *nl, int key)
{
	static const char *const jump_keys[] = { "from", "to", "label",
	    NULL };
	const struct node *e, *x;
	struct fjump *j;
	size_t i;

	if (n->kind != NODE_SEQ) {
		sc_error(&n->mark, "jumps must be a list of [from, to] or "
		    "{from, to, label}");
		return;
	}
	nl->jumps = xrealloc(nl->jumps, (nl->njumps + n->nkids + 1) *
	    sizeof(*nl->jumps));
	for (i = 0; i < n->nkids; i++) {
		e = n->kids[i];
		j = &nl->jumps[nl->njumps];
		memset(j, 0, sizeof(*j));
		j->key = key;
		if (e->kind == NODE_SEQ && e->nkids == 2) {
			if (fl_num(e->kids[0], "a jump's from", &j->from,
			    key) == 0 && fl_num(e->kids[1], "a jump's to",
			    &j->to, key) == 0) {
				nl->njumps++;
				continue;
			}
		} else if (e->kind == NODE_MAP) {
			sc_check_keys(e, jump_keys, "a jump");
			if ((x = node_get(e, "from")) == NULL ||
			    node_get(e, "to") == NULL)
				sc_error(&e->mark, "a jump needs from: and to:");
			else if (fl_num(x, "a jump's from", &j->from,
			    key) == 0 && fl_num(node_get(e, "to"),
			    "a jump's to", &j->to, key) == 0) {
				if ((x = node_get(e, "label")) != NULL)
					fl_text(x, "a jump's label",
					    &j->label);
				nl->njumps++;
				continue;
			}
		} else
			sc_error(&e->mark, "a jump must be [from, to] or "
			    "{from: 0, to: 3/4, label: \"+3/4\"}");
		text_free(&j->from.t);
		text_free(&j->to.t);
	}
}

const char *const nl_keys[] = { "from", "to", "ticks", "labels",
    "points", "jumps", "blanks", "title", "below", "width", "key", NULL };
const char *const nl_key_adds[] = { "points", "jumps", "labels",
    NULL };

static void
fl_numberline(const struct node *m, struct numberline *nl, int key,
    int below)
{
	static const char *const below_keys[] = { "from", "to", "ticks",
	    "labels", "points", "jumps", "blanks", "title", "key", NULL };
	const struct node *n;

	sc_check_keys(m, below ? below_keys : nl_keys, below ?
	    "below" : "the numberline");
	if (key)
		fl_key_only(m, nl_keys, nl_key_adds, "numberline");
	else {
		fl_req(m, "from", "numberline", "the number at its left end",
		    &nl->from);
		fl_req(m, "to", "numberline", "the number at its right end",
		    &nl->to);
		if ((n = node_get(m, "ticks")) != NULL)
			fl_num(n, "ticks", &nl->ticks, 0);
		if ((n = node_get(m, "blanks")) != NULL)
			fl_nums(n, "a blank", &nl->blanks, 0);
		if ((n = node_get(m, "title")) != NULL)
			fl_text(n, "the title", &nl->title);
	}
	if ((n = node_get(m, "labels")) != NULL)
		fl_labels(n, nl, key);
	if ((n = node_get(m, "points")) != NULL)
		fl_points(n, 0, &nl->points, &nl->npoints, key);
	if ((n = node_get(m, "jumps")) != NULL)
		fl_jumps(n, nl, key);
	if (!key && !below && (n = node_get(m, "below")) != NULL &&
	    fl_map(n, "below") != NULL) {
		nl->below = xcalloc(1, sizeof(*nl->below));
		nl->nbelow = 1;
		fl_numberline(n, nl->below, 0, 1);
		/* the line below's own key items */
		if ((n = node_get(n, "key")) != NULL && fl_map(n, "key") != NULL)
			fl_numberline(n, nl->below, 1, 1);
	}
}

const char *const pl_keys[] = { "x", "y", "grid", "axes", "points",
    "lines", "segments", "polygon", "width", "key", NULL };
const char *const pl_key_adds[] = { "points", "lines", "segments",
    "polygon", NULL };

static void
fl_range(const struct node *n, const char *what, struct fnum *lo,
    struct fnum *hi)
{
	if (n->kind != NODE_SEQ || n->nkids != 2) {
		sc_error(&n->mark, "%s must be [least, greatest], like "
		    "[-5, 5]", what);
		return;
	}
	fl_num(n->kids[0], what, lo, 0);
	fl_num(n->kids[1], what, hi, 0);
}

static void
fl_axes(const struct node *n, struct text *x, struct text *y)
{
	if (n->kind != NODE_SEQ || n->nkids != 2) {
		sc_error(&n->mark, "axes must name both axes, like [Hours, "
		    "Miles]");
		return;
	}
	fl_text(n->kids[0], "the x-axis' name", x);
	fl_text(n->kids[1], "the y-axis' name", y);
}

static void
fl_plane(const struct node *m, struct plane *pl, int key)
{
	const struct node *n;
	size_t i;

	sc_check_keys(m, pl_keys, "the plane");
	if (key)
		fl_key_only(m, pl_keys, pl_key_adds, "plane");
	else {
		if ((n = node_get(m, "x")) == NULL)
			sc_error(&m->mark, "the plane needs x: [least, "
			    "greatest], like x: [-5, 5]");
		else
			fl_range(n, "x", &pl->x0, &pl->x1);
		if ((n = node_get(m, "y")) == NULL)
			sc_error(&m->mark, "the plane needs y: [least, "
			    "greatest], like y: [-5, 5]");
		else
			fl_range(n, "y", &pl->y0, &pl->y1);
		if ((n = node_get(m, "grid")) != NULL && n->kind == NODE_SEQ &&
		    n->nkids == 2) {
			fl_num(n->kids[0], "grid", &pl->grid, 0);
			fl_num(n->kids[1], "grid", &pl->gridy, 0);
		} else if (n != NULL)
			fl_num(n, "grid (a step, or [x step, y step])",
			    &pl->grid, 0);
		if ((n = node_get(m, "axes")) != NULL)
			fl_axes(n, &pl->xname, &pl->yname);
	}
	if ((n = node_get(m, "points")) != NULL)
		fl_points(n, 1, &pl->points, &pl->npoints, key);
	if ((n = node_get(m, "lines")) != NULL) {
		size_t k = n->kind == NODE_SEQ ? n->nkids : 1;

		pl->lines = xrealloc(pl->lines, (pl->nlines + k + 1) *
		    sizeof(*pl->lines));
		for (i = 0; i < k; i++) {
			struct fline *l = &pl->lines[pl->nlines];

			memset(l, 0, sizeof(*l));
			l->key = key;
			if (sc_text(n->kind == NODE_SEQ ? n->kids[i] : n,
			    "a line", &l->eq) == 0)
				pl->nlines++;
		}
	}
	if ((n = node_get(m, "segments")) != NULL) {
		if (n->kind != NODE_SEQ) {
			sc_error(&n->mark, "segments must be a list of [[x, "
			    "y], [x, y]] pairs of ends");
		} else {
			pl->segs = xrealloc(pl->segs, (pl->nsegs + n->nkids +
			    1) * sizeof(*pl->segs));
			for (i = 0; i < n->nkids; i++) {
				const struct node *e = n->kids[i];
				struct fseg *s = &pl->segs[pl->nsegs];

				memset(s, 0, sizeof(*s));
				s->key = key;
				if (e->kind != NODE_SEQ || e->nkids != 2) {
					sc_error(&e->mark, "a segment must be "
					    "its two ends, like [[0, 0], "
					    "[3, 4]]");
					continue;
				}
				if (fl_pair(e->kids[0], "a segment's end",
				    &s->a, key) == 0 && fl_pair(e->kids[1],
				    "a segment's end", &s->b, key) == 0) {
					pl->nsegs++;
					continue;
				}
				text_free(&s->a.x.t);
				text_free(&s->a.y.t);
				text_free(&s->b.x.t);
				text_free(&s->b.y.t);
			}
		}
	}
	if ((n = node_get(m, "polygon")) != NULL) {
		if (pl->npoly > 0)
			sc_error(&n->mark, "the plane has a polygon already; "
			    "a plane draws one");
		else
			fl_vertices(n, "the polygon", &pl->poly, &pl->npoly,
			    key);
	}
}

const char *const fr_keys[] = { "shape", "parts", "shaded", "label",
    "width", "key", NULL };
const char *const fr_key_adds[] = { "shaded", NULL };

static void
fl_model(const struct node *m, struct fmodel *md, int key)
{
	static const char *const shapes[] = { "bar", "circle", "grid", NULL };
	const struct node *n;
	int s;

	sc_check_keys(m, fr_keys, key ? "the key" : "the fraction");
	if (key) {
		fl_key_only(m, fr_keys, fr_key_adds, "fraction");
		if ((n = node_get(m, "shaded")) != NULL)
			fl_num(n, "shaded", &md->keyshaded, 1);
		return;
	}
	if ((n = node_get(m, "shape")) != NULL && sc_enum(n, "the shape",
	    shapes, &s) == 0)
		md->shape = (enum fr_shape)s;
	if ((n = node_get(m, "parts")) == NULL)
		sc_error(&m->mark, "the fraction needs parts: (how many equal "
		    "parts the whole is cut into)");
	else
		fl_num(n, "parts", &md->parts, 0);
	if ((n = node_get(m, "shaded")) != NULL)
		fl_num(n, "shaded", &md->shaded, 0);
	if ((n = node_get(m, "label")) != NULL)
		fl_text(n, "the label", &md->label);
	if ((n = node_get(m, "key")) != NULL && fl_map(n, "key") != NULL)
		fl_model(n, md, 1);
}

/* fraction: one model (a map), or several side by side (a list). */
static void
fl_fraction(const struct node *m, struct fraction *fr)
{
	size_t i, k = m->kind == NODE_SEQ ? m->nkids : 1;

	fr->v = xcalloc(k + 1, sizeof(*fr->v));
	for (i = 0; i < k; i++) {
		const struct node *e = m->kind == NODE_SEQ ? m->kids[i] : m;

		if (fl_map(e, "a fraction model") == NULL)
			continue;
		if (m->kind == NODE_SEQ && node_get(e, "width") != NULL)
			sc_error(&node_key(e, "width")->mark, "a list of "
			    "fraction models shares one width; write the "
			    "models as figures: of their own to size each");
		fl_model(e, &fr->v[fr->n++], 0);
	}
}

const char *const tp_keys[] = { "rows", "total", "width", "key",
    NULL };
const char *const tp_key_adds[] = { "rows", "total", NULL };

static void
fl_tape(const struct node *m, struct tape *tp, int key)
{
	static const char *const row_keys[] = { "label", "parts", "values",
	    NULL };
	const struct node *n, *e, *x;
	size_t i;

	sc_check_keys(m, tp_keys, key ? "the key" : "the tape");
	if (key)
		fl_key_only(m, tp_keys, tp_key_adds, "tape");
	if ((n = node_get(m, "total")) != NULL)
		fl_text(n, "the total", key ? &tp->keytotal : &tp->total);
	if ((n = node_get(m, "rows")) == NULL) {
		if (!key)
			sc_error(&m->mark, "the tape needs rows: a list of "
			    "{label, parts, values}");
		return;
	}
	if (n->kind != NODE_SEQ) {
		sc_error(&n->mark, "rows must be a list, one {label, parts, "
		    "values} per bar");
		return;
	}
	if (key && n->nkids > tp->nrows) {
		sc_error(&n->mark, "the key has %zu rows and the tape %zu; "
		    "give the key's values row by row", n->nkids, tp->nrows);
		return;
	}
	if (!key)
		tp->rows = xcalloc(n->nkids + 1, sizeof(*tp->rows));
	for (i = 0; i < n->nkids; i++) {
		struct trow *r = &tp->rows[key ? i : tp->nrows];

		e = n->kids[i];
		if (fl_map(e, "a row") == NULL)
			continue;
		sc_check_keys(e, row_keys, "a row");
		if (key) {
			if ((x = node_get(e, "values")) != NULL)
				fl_texts(x, "a value", &r->keyvalues);
			continue;
		}
		if ((x = node_get(e, "label")) != NULL)
			fl_text(x, "the row's label", &r->label);
		if ((x = node_get(e, "parts")) != NULL)
			fl_num(x, "parts", &r->parts, 0);
		if ((x = node_get(e, "values")) != NULL)
			fl_texts(x, "a value", &r->values);
		tp->nrows++;
	}
}

const char *const ar_keys[] = { "rows", "columns", "group",
    "width", "key", NULL };
const char *const ar_key_adds[] = { "group", NULL };

static void
fl_array(const struct node *m, struct farray *ar, int key)
{
	const struct node *n;

	sc_check_keys(m, ar_keys, key ? "the key" : "the array");
	if (key)
		fl_key_only(m, ar_keys, ar_key_adds, "array");
	else {
		fl_req(m, "rows", "array", "how many rows of dots",
		    &ar->rows);
		fl_req(m, "columns", "array", "how many dots in a row",
		    &ar->columns);
	}
	if ((n = node_get(m, "group")) != NULL)
		fl_num(n, "group", &ar->group, key);
}

const char *const ck_keys[] = { "time", "hands", "width", "key",
    NULL };
const char *const ck_key_adds[] = { "time", NULL };

static void
fl_clock(const struct node *m, struct clock *ck, int key)
{
	const struct node *n;

	sc_check_keys(m, ck_keys, key ? "the key" : "the clock");
	if (key) {
		fl_key_only(m, ck_keys, ck_key_adds, "clock");
		if ((n = node_get(m, "time")) != NULL)
			fl_text(n, "the time", &ck->keytime);
		return;
	}
	ck->hands = 1;
	if ((n = node_get(m, "hands")) != NULL)
		sc_bool(n, "hands", &ck->hands);
	if ((n = node_get(m, "time")) != NULL)
		fl_text(n, "the time", &ck->time);
	else if (ck->hands)
		sc_error(&m->mark, "the clock needs time: (like \"3:45\"), or "
		    "hands: false for a face to draw the hands on");
}

const char *const sh_keys[] = { "polygon", "rectangle", "triangle",
    "sides", "angles", "right_angles", "marks", "scale", "width", "key",
    NULL };
const char *const sh_key_adds[] = { "sides", "angles", NULL };

static void
fl_shape(const struct node *m, struct shape *sh, int key)
{
	const struct node *n;
	int given = 0;

	sc_check_keys(m, sh_keys, key ? "the key" : "the shape");
	if (key) {
		fl_key_only(m, sh_keys, sh_key_adds, "shape");
		if ((n = node_get(m, "sides")) != NULL)
			fl_texts(n, "a side's label", &sh->keysides);
		if ((n = node_get(m, "angles")) != NULL)
			fl_texts(n, "an angle's label", &sh->keyangles);
		return;
	}
	if ((n = node_get(m, "polygon")) != NULL) {
		given++;
		fl_vertices(n, "the polygon", &sh->poly, &sh->npoly, 0);
	}
	if ((n = node_get(m, "rectangle")) != NULL) {
		given++;
		if (n->kind != NODE_SEQ || n->nkids != 2)
			sc_error(&n->mark, "rectangle must be [width, height], "
			    "like [6, 4]");
		else
			fl_nums(n, "a side", &sh->rect, 0);
	}
	if ((n = node_get(m, "triangle")) != NULL) {
		given++;
		if (n->kind != NODE_SEQ || n->nkids != 3)
			sc_error(&n->mark, "triangle must be its three sides "
			    "[a, b, c], like [3, 4, 5]");
		else
			fl_nums(n, "a side", &sh->tri, 0);
	}
	if (given != 1)
		sc_error(&m->mark, "the shape needs one of polygon: [[x, y], "
		    "...], rectangle: [w, h] or triangle: [a, b, c]%s",
		    given > 1 ? ", not several" : "");
	if ((n = node_get(m, "sides")) != NULL)
		fl_texts(n, "a side's label", &sh->sides);
	if ((n = node_get(m, "angles")) != NULL)
		fl_texts(n, "an angle's label", &sh->angles);
	if ((n = node_get(m, "right_angles")) != NULL)
		fl_nums(n, "a corner's number", &sh->right, 0);
	if ((n = node_get(m, "marks")) != NULL)
		fl_nums(n, "a side's marks", &sh->marks, 0);
	if ((n = node_get(m, "scale")) != NULL)
		fl_num(n, "scale", &sh->scale, 0);
}

const char *const bars_keys[] = { "categories", "values", "scale",
    "title", "axes", "width", "key", NULL };
const char *const dots_keys[] = { "from", "to", "ticks", "values",
    "title", "axes", "width", "key", NULL };
const char *const gr_key_adds[] = { "values", NULL };

static void
fl_graph(const struct node *m, struct graph *gr, int key, int bars)
{
	const struct node *n;
	const char *what = bars ? "the bar graph" : "the dot plot";

	sc_check_keys(m, bars ? bars_keys : dots_keys, key ? "the key" :
	    what);
	if (key)
		fl_key_only(m, bars ? bars_keys : dots_keys, gr_key_adds,
		    bars ? "bar graph" : "dot plot");
	if ((n = node_get(m, "values")) != NULL)
		fl_nums(n, "a value", &gr->values, key);
	if (key)
		return;
	if (bars) {
		if ((n = node_get(m, "categories")) == NULL)
			sc_error(&m->mark, "the bar graph needs categories: "
			    "(the names under the bars)");
		else
			fl_texts(n, "a category", &gr->categories);
		if ((n = node_get(m, "scale")) != NULL)
			fl_num(n, "scale", &gr->step, 0);
	} else {
		if ((n = node_get(m, "from")) == NULL ||
		    node_get(m, "to") == NULL)
			sc_error(&m->mark, "the dot plot needs from: and to: "
			    "(the ends of its number line)");
		else {
			fl_num(n, "from", &gr->from, 0);
			fl_num(node_get(m, "to"), "to", &gr->to, 0);
		}
		if ((n = node_get(m, "ticks")) != NULL)
			fl_num(n, "ticks", &gr->step, 0);
	}
	if ((n = node_get(m, "title")) != NULL)
		fl_text(n, "the title", &gr->title);
	if ((n = node_get(m, "axes")) != NULL)
		fl_axes(n, &gr->xname, &gr->yname);
}

const char *const co_keys[] = { "op", "numbers", "dividend",
    "divisor", "carry", "width", NULL };

static void
fl_column(const struct node *m, struct column *co)
{
	static const char *const ops[] = { "+", "-", "x", "/", NULL };
	const struct node *n;
	int op;

	sc_check_keys(m, co_keys, "the column");
	co->op = CO_ADD;
	if ((n = node_get(m, "op")) != NULL) {
		if (n->kind == NODE_SCALAR && (strcmp(n->value, "\xc3\x97") ==
		    0 || strcmp(n->value, "*") == 0))
			co->op = CO_MUL;
		else if (n->kind == NODE_SCALAR && (strcmp(n->value,
		    "\xc3\xb7") == 0 || strcmp(n->value, ")") == 0))
			co->op = CO_DIV;
		else if (n->kind == NODE_SCALAR && strcmp(n->value,
		    "\xe2\x88\x92") == 0)
			co->op = CO_SUB;
		else if (sc_enum(n, "op (+, -, \xc3\x97 or \xc3\xb7)", ops,
		    &op) == 0)
			co->op = (enum col_op)op;
	}
	if ((n = node_get(m, "numbers")) != NULL)
		fl_nums(n, "a number", &co->numbers, 0);
	if ((n = node_get(m, "dividend")) != NULL)
		fl_num(n, "the dividend", &co->dividend, 0);
	if ((n = node_get(m, "divisor")) != NULL)
		fl_num(n, "the divisor", &co->divisor, 0);
	if ((n = node_get(m, "carry")) != NULL)
		sc_bool(n, "carry", &co->carry);
	if (co->op == CO_DIV && co->numbers.n == 0 &&
	    (co->dividend.t.s == NULL || co->divisor.t.s == NULL))
		sc_error(&m->mark, "long division needs dividend: and divisor: "
		    "(or numbers: [dividend, divisor])");
	else if (co->op != CO_DIV && co->numbers.n < 2)
		sc_error(&m->mark, "the column needs numbers: [first, second] "
		    "(at least two)");
}

/* ---- the figure ---------------------------------------------------------- */

static const char *const fig_common[] = { "width", "key", NULL };

/* width: a length, or a percentage of the column. */
static void
fl_width(const struct node *n, struct figure *f)
{
	int lines;
	char *end;
	double pct;

	if (n->kind == NODE_SCALAR && n->len > 1 &&
	    n->value[n->len - 1] == '%') {
		pct = strtod(n->value, &end);
		if (end != n->value + n->len - 1 || !(pct >= 10 &&
		    pct <= 100))
			sc_error(&n->mark, "the figure's width \"%s\" must be "
			    "a percentage from 10%% to 100%%, like 80%%",
			    n->value);
		else
			f->width_pct = pct;
		return;
	}
	if (sc_length(n, "the figure's width", 0, &f->width_pt, &lines) ==
	    0 && f->width_pt < 36) {
		sc_error(&n->mark, "the figure's width must be at least 1.3cm "
		    "(half an inch)");
		f->width_pt = 0;
	}
}

typedef void	(*fl_kind_fn)(const struct node *, struct figure *, int key);

static void
fk_numberline(const struct node *m, struct figure *f, int key)
{
	fl_numberline(m, &f->u.nl, key, 0);
}

static void
fk_plane(const struct node *m, struct figure *f, int key)
{
	fl_plane(m, &f->u.pl, key);
}

static void
fk_fraction(const struct node *m, struct figure *f, int key)
{
	if (key)	/* one model: its key: is read with it */
		return;
	fl_fraction(m, &f->u.fr);
}

static void
fk_tape(const struct node *m, struct figure *f, int key)
{
	fl_tape(m, &f->u.tp, key);
}

static void
fk_array(const struct node *m, struct figure *f, int key)
{
	fl_array(m, &f->u.ar, key);
}

static void
fk_clock(const struct node *m, struct figure *f, int key)
{
	fl_clock(m, &f->u.ck, key);
}

static void
fk_shape(const struct node *m, struct figure *f, int key)
{
	fl_shape(m, &f->u.sh, key);
}

static void
fk_bars(const struct node *m, struct figure *f, int key)
{
	fl_graph(m, &f->u.gr, key, 1);
}

static void
fk_dots(const struct node *m, struct figure *f, int key)
{
	fl_graph(m, &f->u.gr, key, 0);
}

static void
fk_column(const struct node *m, struct figure *f, int key)
{
	if (key)	/* not in the table: said by sc_check_keys */
		return;
	fl_column(m, &f->u.co);
}

static const fl_kind_fn fl_kinds[FK__MAX] = {
	[FK_CLOCK] = fk_clock,
	[FK_SHAPE] = fk_shape,
	[FK_BARS] = fk_bars,
	[FK_DOTS] = fk_dots,
	[FK_COLUMN] = fk_column,
	[FK_NUMBERLINE] = fk_numberline,
	[FK_PLANE] = fk_plane,
	[FK_FRACTION] = fk_fraction,
	[FK_TAPE] = fk_tape,
	[FK_ARRAY] = fk_array,
};

/* One figure: a map whose one key is its kind. */
static int
fl_figure(const struct node *n, struct figure *f)
{
	const struct node *m, *k;
	const char *hint;
	char *kinds;
	int kind;
	size_t errs = sc_count(), i;

	memset(f, 0, sizeof(*f));
	f->mark = n->mark;
	if (n->kind != NODE_MAP || n->nkids == 0) {
		sc_error(&n->mark, "a figure must be a mapping with its kind "
		    "as key, like numberline: {from: 0, to: 1}");
		return -1;
	}
	for (i = 2; i + 1 < n->nkids; i += 2) {
		for (kind = 0; fig_common[kind] != NULL; kind++)
			if (strcmp(n->kids[i]->value, fig_common[kind]) == 0)
				break;
		sc_error(&n->kids[i]->mark, fig_common[kind] != NULL ?
		    "write %s: inside %s's mapping, beside its other keys" :
		    "a figure has one kind; \"%s\" is a second key after "
		    "\"%s\" (start another figure with \"- \" under "
		    "figures:)", n->kids[i]->value, n->kids[0]->value);
	}
	k = n->kids[0];
	for (kind = 0; fig_kind_names[kind] != NULL; kind++)
		if (strcasecmp(k->value, fig_kind_names[kind]) == 0)
			break;
	if (fig_kind_names[kind] == NULL || fl_kinds[kind] == NULL) {
		kinds = sc_join(fig_kind_names, " and ");
		if ((hint = sc_suggest(k->value, fig_kind_names)) != NULL)
			sc_error(&k->mark, "unknown figure \"%s\" (did you "
			    "mean \"%s\"?); the figures are %s", k->value,
			    hint, kinds);
		else
			sc_error(&k->mark, "unknown figure \"%s\"; the figures "
			    "are %s", k->value, kinds);
		free(kinds);
		return -1;
	}
	f->kind = (enum fig_kind)kind;
	f->mark = k->mark;
	m = n->kids[1];
	if ((kind != FK_FRACTION || m->kind != NODE_SEQ) &&
	    (m = fl_map(n->kids[1], fig_kind_names[kind])) == NULL)
		return -1;
	fl_kinds[kind](m, f, 0);
	if (m->kind == NODE_SEQ)
		return sc_count() > errs ? -1 : 0;
	if ((k = node_get(m, "width")) != NULL)
		fl_width(k, f);
	if ((k = node_get(m, "key")) != NULL && fl_map(k, "key") != NULL)
		fl_kinds[kind](k, f, 1);
	return sc_count() > errs ? -1 : 0;
}

int
figure_load(const struct node *n, int list, struct figure **out,
    size_t *nout)
{
	size_t i, k;
	int rc = 0;

	*out = NULL;
	*nout = 0;
	if (list && n->kind != NODE_SEQ) {
		sc_error(&n->mark, "figures must be a list, one \"- \" line "
		    "per figure (or write figure: for one)");
		return -1;
	}
	k = list ? n->nkids : 1;
	*out = xcalloc(k + 1, sizeof(**out));
	for (i = 0; i < k; i++) {
		if (fl_figure(list ? n->kids[i] : n, &(*out)[*nout]) < 0)
			rc = -1;
		(*nout)++;	/* kept, so that figure_free frees it */
	}
	return rc;
}

void
figure_load_of(const struct node *map, const char *what,
    struct figure **figs, size_t *n)
{
	const struct node *one = node_get(map, "figure");
	const struct node *list = node_get(map, "figures");

	if (one != NULL && list != NULL)
		sc_error(&node_key(map, "figures")->mark, "a %s has figure: or "
		    "figures:, not both; put every figure under figures:",
		    what);
	else if (one != NULL || list != NULL)
		figure_load(one != NULL ? one : list, list != NULL, figs, n);
}

/* ---- reading the numbers of a draw -------------------------------------- */

double
fig_d(struct rat v)
{
	return (double)v.n / (double)v.d;
}

void
fig_format(struct rat v, int places, char *buf)
{
	struct value x;

	if (places > 0 && v.d != 1) {
		snprintf(buf, VAL_TEXT_MAX, "%.*f", places, fig_d(v));
		return;
	}
	memset(&x, 0, sizeof(x));
	x.kind = VAL_NUM;
	x.r = v;
	value_format(&x, buf);
}

struct feval {
	fig_report_fn	 report;
	void		*arg;
	int		 failed;
};

static void
fe_fail(struct feval *e, const struct text *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
fe_fail(struct feval *e, const struct text *t, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	e->report(t, msg, e->arg);
	free(msg);
	e->failed = 1;
}

/* Read a filled number: "3", "-1/4", "0.25".  Not given: *f keeps dflt. */
static int
fe_num(struct feval *e, struct fnum *f, const char *what, struct rat dflt)
{
	static const struct scope none = { NULL, 0, 0, NULL };
	struct value v;
	struct expr_err err;
	const char *dot;
	size_t i;

	if (f->t.s == NULL) {
		f->v = dflt;
		return 0;
	}
	if (expr_eval(f->t.s, &none, &v, &err) < 0 || v.kind != VAL_NUM) {
		fe_fail(e, &f->t, "%s \"%s\" is not a number; write a whole "
		    "number, a fraction like 3/4 or a decimal like 0.25",
		    what, f->t.s);
		f->v = dflt;
		return -1;
	}
	f->v = v.r;
	f->places = -1;
	if ((dot = strchr(f->t.s, '.')) != NULL && strchr(f->t.s, '/') ==
	    NULL) {
		for (i = 1; dot[i] >= '0' && dot[i] <= '9'; i++)
			;
		f->places = (int)i - 1;
	}
	return 0;
}

static const struct rat R0 = { 0, 1 }, R1 = { 1, 1 };

#define FIG_MAX_TICKS	200

/* Number of steps of size step from lo to hi, or -1 if not whole. */
static long
fe_steps(struct rat lo, struct rat hi, struct rat step)
{
	struct rat span, q;

	if (rat_sub(hi, lo, &span, NULL) < 0 ||
	    rat_div(span, step, &q, NULL) < 0)
		return -2;
	return q.d == 1 ? (long)q.n : -1;
}

/* Whether v is from..to. */
static int
fe_within(struct rat v, struct rat lo, struct rat hi)
{
	return rat_cmp(v, lo) >= 0 && rat_cmp(v, hi) <= 0;
}

static void
fe_numberline(struct feval *e, struct numberline *nl, const char *name)
{
	char a[VAL_TEXT_MAX], b[VAL_TEXT_MAX];
	long steps;
	size_t i;

	fe_num(e, &nl->from, "from", R0);
	fe_num(e, &nl->to, "to", R1);
	fe_num(e, &nl->ticks, "ticks", R1);
	if (rat_cmp(nl->to.v, nl->from.v) <= 0) {
		fig_format(nl->from.v, nl->from.places, a);
		fig_format(nl->to.v, nl->to.places, b);
		fe_fail(e, &nl->to.t, "the %s goes to %s, which is not more "
		    "than from (%s); write a to: greater than from:",
		    name, b, a);
		return;
	}
	if (rat_cmp(nl->ticks.v, R0) <= 0) {
		fe_fail(e, &nl->ticks.t, "ticks must be a step greater than "
		    "0, like 1 or 1/4");
		return;
	}
	steps = fe_steps(nl->from.v, nl->to.v, nl->ticks.v);
	if (steps == -1 || steps == -2) {
		fig_format(nl->ticks.v, nl->ticks.places, a);
		fe_fail(e, nl->ticks.t.s != NULL ? &nl->ticks.t : &nl->to.t,
		    "steps of %s do not reach from %s to %s evenly; choose "
		    "ticks that divide the length", a, nl->from.t.s,
		    nl->to.t.s);
		return;
	}
	if (steps > FIG_MAX_TICKS) {
		fig_format(nl->ticks.v, nl->ticks.places, a);
		fe_fail(e, nl->ticks.t.s != NULL ? &nl->ticks.t : &nl->to.t,
		    "the %s has %ld ticks (steps of %s), more than %d; "
		    "choose a larger step or a shorter line", name, steps,
		    a, FIG_MAX_TICKS);
		return;
	}
	for (i = 0; i < nl->at.n; i++)
		if (fe_num(e, &nl->at.v[i], "a label", R0) == 0 &&
		    !fe_within(nl->at.v[i].v, nl->from.v, nl->to.v))
			fe_fail(e, &nl->at.v[i].t, "the label at %s is off "
			    "the %s (%s to %s)", nl->at.v[i].t.s, name,
			    nl->from.t.s, nl->to.t.s);
	for (i = 0; i < nl->blanks.n; i++)
		if (fe_num(e, &nl->blanks.v[i], "a blank", R0) == 0 &&
		    !fe_within(nl->blanks.v[i].v, nl->from.v, nl->to.v))
			fe_fail(e, &nl->blanks.v[i].t, "the blank at %s is "
			    "off the %s (%s to %s)", nl->blanks.v[i].t.s,
			    name, nl->from.t.s, nl->to.t.s);
	for (i = 0; i < nl->npoints; i++) {
		struct fpoint *p = &nl->points[i];

		if (fe_num(e, &p->x, "a point", R0) == 0 &&
		    !fe_within(p->x.v, nl->from.v, nl->to.v)) {
			fig_format(p->x.v, p->x.places, a);
			fe_fail(e, &p->x.t, "point %s at %s is off the %s "
			    "(%s to %s); keep it between from and to",
			    p->label.s, a, name, nl->from.t.s, nl->to.t.s);
		}
	}
	for (i = 0; i < nl->njumps; i++) {
		struct fjump *j = &nl->jumps[i];

		if (fe_num(e, &j->from, "a jump's from", R0) == 0 &&
		    !fe_within(j->from.v, nl->from.v, nl->to.v))
			fe_fail(e, &j->from.t, "a jump from %s starts off the "
			    "%s (%s to %s)", j->from.t.s, name,
			    nl->from.t.s, nl->to.t.s);
		if (fe_num(e, &j->to, "a jump's to", R0) == 0 &&
		    !fe_within(j->to.v, nl->from.v, nl->to.v))
			fe_fail(e, &j->to.t, "a jump to %s lands off the %s "
			    "(%s to %s)", j->to.t.s, name, nl->from.t.s,
			    nl->to.t.s);
		else if (rat_cmp(j->from.v, j->to.v) == 0)
			fe_fail(e, &j->to.t, "a jump from %s to %s goes "
			    "nowhere; write two different numbers",
			    j->from.t.s, j->to.t.s);
	}
	if (nl->below == NULL || e->failed)
		return;
	fe_numberline(e, nl->below, "line below");
	/* two scales (a ratio): ticks in the same places; one scale cut two
	 * ways (fourths over eighths) needs nothing */
	if (!e->failed && (rat_cmp(nl->from.v, nl->below->from.v) != 0 ||
	    rat_cmp(nl->to.v, nl->below->to.v) != 0) &&
	    fe_steps(nl->below->from.v, nl->below->to.v,
	    nl->below->ticks.v) != steps)
		fe_fail(e, nl->below->ticks.t.s != NULL ? &nl->below->ticks.t :
		    &nl->below->to.t, "the line below has %ld steps and the "
		    "line above %ld; give both lines the same number of steps, "
		    "so that equivalent values line up", fe_steps(
		    nl->below->from.v, nl->below->to.v, nl->below->ticks.v),
		    steps);
}

/* An equation with x and y (2x as 2*x), as a scope for expr_eval. */
static char *
fe_implicit(const char *s)
{
	size_t n = strlen(s), i, k = 0;
	char *o = xmalloc(2 * n + 1), prev = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == ' ')
			continue;
		/* 2x, 3(, )x, x( and xy multiply */
		if ((c == 'x' || c == 'y' || c == '(') && prev != 0 &&
		    ((prev >= '0' && prev <= '9') || prev == ')' ||
		    prev == 'x' || prev == 'y' || prev == '.'))
			o[k++] = '*';
		o[k++] = c;
		prev = c;
	}
	o[k] = '\0';
	return o;
}

/* f(x, y) = left - right of an equation, or -1. */
static int
fe_side(const char *l, const char *r, long x, long y, struct rat *out)
{
	struct var v[2];
	struct scope sc = { v, 2, 0, NULL };
	struct value a, b;
	struct expr_err err;

	memset(v, 0, sizeof(v));
	v[0].name = "x";
	v[0].v.kind = VAL_NUM;
	v[0].v.r.n = x;
	v[0].v.r.d = 1;
	v[1].name = "y";
	v[1].v.kind = VAL_NUM;
	v[1].v.r.n = y;
	v[1].v.r.d = 1;
	if (expr_eval(l, &sc, &a, &err) < 0 || expr_eval(r, &sc, &b, &err) < 0 ||
	    a.kind != VAL_NUM || b.kind != VAL_NUM)
		return -1;
	return rat_sub(a.r, b.r, out, NULL);
}

/* Read "y = 2x + 1", "x = 3", "2x + 3y = 6": a line, or an error. */
static void
fe_line(struct feval *e, struct fline *l)
{
	static const long probe[][2] = { { 2, 0 }, { 0, 2 }, { 1, 1 },
	    { 3, -2 }, { -4, 5 } };
	char *s = fe_implicit(l->eq.s), *eq = strchr(s, '=');
	struct rat c, a, b, f, want, t;
	size_t i;
	int ok = eq != NULL && strchr(eq + 1, '=') == NULL;

	if (ok) {
		*eq = '\0';
		ok = fe_side(s, eq + 1, 0, 0, &c) == 0 &&
		    fe_side(s, eq + 1, 1, 0, &a) == 0 &&
		    fe_side(s, eq + 1, 0, 1, &b) == 0 &&
		    rat_sub(a, c, &a, NULL) == 0 && rat_sub(b, c, &b, NULL) == 0;
		/* the same plane through every probe: no x^2, no xy */
		for (i = 0; ok && i < sizeof(probe) / sizeof(probe[0]); i++) {
			struct rat px = { probe[i][0], 1 }, py = { probe[i][1],
			    1 };

			ok = fe_side(s, eq + 1, probe[i][0], probe[i][1],
			    &f) == 0 && rat_mul(a, px, &want, NULL) == 0 &&
			    rat_mul(b, py, &t, NULL) == 0 &&
			    rat_add(want, t, &want, NULL) == 0 &&
			    rat_add(want, c, &want, NULL) == 0 &&
			    rat_cmp(want, f) == 0;
		}
		ok = ok && (a.n != 0 || b.n != 0);
	}
	free(s);
	if (!ok) {
		fe_fail(e, &l->eq, "\"%s\" is not the equation of a line; "
		    "write it like y = 2x + 1, y = -1/2x + 3 or x = 3",
		    l->eq.s);
		return;
	}
	l->vertical = b.n == 0;
	if (l->vertical) {
		/* a x + c = 0 */
		rat_div(c, a, &l->b, NULL);
		l->b.n = -l->b.n;
		l->m = R0;
		return;
	}
	/* a x + b y + c = 0: y = -a/b x - c/b */
	rat_div(a, b, &l->m, NULL);
	l->m.n = -l->m.n;
	rat_div(c, b, &l->b, NULL);
	l->b.n = -l->b.n;
}

/* A point of the plane: read, and on it. */
static void
fe_plane_point(struct feval *e, const struct plane *pl, struct fpoint *p,
    const char *what)
{
	char x[VAL_TEXT_MAX], y[VAL_TEXT_MAX];

	if (fe_num(e, &p->x, what, R0) < 0 || fe_num(e, &p->y, what, R0) < 0)
		return;
	if (fe_within(p->x.v, pl->x0.v, pl->x1.v) &&
	    fe_within(p->y.v, pl->y0.v, pl->y1.v))
		return;
	fig_format(p->x.v, p->x.places, x);
	fig_format(p->y.v, p->y.places, y);
	fe_fail(e, fe_within(p->x.v, pl->x0.v, pl->x1.v) ? &p->y.t : &p->x.t,
	    "%s%s%s (%s, %s) is off the plane (x from %s to %s, y from %s "
	    "to %s); move it or make the plane larger", what,
	    p->label.s != NULL ? " " : "", p->label.s != NULL ? p->label.s :
	    "", x, y, pl->x0.t.s, pl->x1.t.s, pl->y0.t.s, pl->y1.t.s);
}

static void
fe_plane(struct feval *e, struct plane *pl)
{
	long nx, ny;
	size_t i;

	fe_num(e, &pl->x0, "x", R0);
	fe_num(e, &pl->x1, "x", R1);
	fe_num(e, &pl->y0, "y", R0);
	fe_num(e, &pl->y1, "y", R1);
	fe_num(e, &pl->grid, "grid", R1);
	fe_num(e, &pl->gridy, "grid", pl->grid.v);
	if (pl->gridy.t.s == NULL)
		pl->gridy.places = pl->grid.places;
	if (rat_cmp(pl->x1.v, pl->x0.v) <= 0 || rat_cmp(pl->y1.v,
	    pl->y0.v) <= 0) {
		fe_fail(e, rat_cmp(pl->x1.v, pl->x0.v) <= 0 ? &pl->x1.t :
		    &pl->y1.t, "the plane's %s range must go from less to "
		    "more, like [-5, 5]", rat_cmp(pl->x1.v, pl->x0.v) <= 0 ?
		    "x" : "y");
		return;
	}
	if (rat_cmp(pl->grid.v, R0) <= 0 || rat_cmp(pl->gridy.v, R0) <= 0) {
		fe_fail(e, rat_cmp(pl->grid.v, R0) <= 0 ? &pl->grid.t :
		    &pl->gridy.t, "grid must be a step greater than 0, like 1 "
		    "or 2");
		return;
	}
	nx = fe_steps(pl->x0.v, pl->x1.v, pl->grid.v);
	ny = fe_steps(pl->y0.v, pl->y1.v, pl->gridy.v);
	if (nx < 0 || ny < 0) {
		fe_fail(e, pl->grid.t.s != NULL ? &pl->grid.t : &pl->x1.t,
		    "grid steps of %s do not divide the plane's ranges "
		    "evenly; choose ranges that are multiples of the grid",
		    pl->grid.t.s != NULL ? pl->grid.t.s : "1");
		return;
	}
	if (nx > FIG_MAX_TICKS || ny > FIG_MAX_TICKS) {
		fe_fail(e, pl->grid.t.s != NULL ? &pl->grid.t : &pl->x1.t,
		    "the plane has %ld grid lines across, more than %d; "
		    "choose a larger grid step", nx > ny ? nx : ny,
		    FIG_MAX_TICKS);
		return;
	}
	for (i = 0; i < pl->npoints; i++)
		fe_plane_point(e, pl, &pl->points[i], "point");
	for (i = 0; i < pl->nsegs; i++) {
		fe_plane_point(e, pl, &pl->segs[i].a, "the segment's end");
		fe_plane_point(e, pl, &pl->segs[i].b, "the segment's end");
	}
	for (i = 0; i < pl->npoly; i++)
		fe_plane_point(e, pl, &pl->poly[i], "the polygon's corner");
	for (i = 0; i < pl->nlines; i++)
		fe_line(e, &pl->lines[i]);
}

/* A whole number from lo to hi, or an error saying so. */
static long
fe_whole(struct feval *e, struct fnum *f, const char *what, long lo,
    long hi, long dflt)
{
	struct rat d = { dflt, 1 };

	if (fe_num(e, f, what, d) < 0)
		return dflt;
	if (f->v.d != 1 || f->v.n < lo || f->v.n > hi) {
		fe_fail(e, &f->t, "%s must be a whole number from %ld to %ld, "
		    "not %s", what, lo, hi, f->t.s);
		return dflt;
	}
	return (long)f->v.n;
}

static void
fe_fraction(struct feval *e, struct fraction *fr)
{
	size_t i;
	long parts, sh, ksh;

	for (i = 0; i < fr->n; i++) {
		struct fmodel *m = &fr->v[i];

		parts = fe_whole(e, &m->parts, "parts", 1, m->shape == FR_GRID ?
		    100 : 24, 1);
		sh = fe_whole(e, &m->shaded, "shaded", 0, parts, 0);
		ksh = fe_whole(e, &m->keyshaded, "the key's shaded", 0, parts,
		    0);
		if (sh + ksh > parts)
			fe_fail(e, &m->keyshaded.t, "the key shades %ld more "
			    "parts but only %ld of %ld are left; the key's "
			    "shaded: adds to the shaded ones", ksh,
			    parts - sh, parts);
	}
}

static void
fe_tape(struct feval *e, struct tape *tp)
{
	size_t i;
	long parts;

	for (i = 0; i < tp->nrows; i++) {
		struct trow *r = &tp->rows[i];
		long dflt = r->values.n > 0 ? (long)r->values.n : 1;

		parts = fe_whole(e, &r->parts, "parts", 1, 30, dflt);
		if (r->values.n > (size_t)parts)
			fe_fail(e, &r->values.v[parts], "the row has %ld "
			    "parts and %zu values; give one value per part "
			    "at most", parts, r->values.n);
		if (r->keyvalues.n > (size_t)parts)
			fe_fail(e, &r->keyvalues.v[parts], "the key gives "
			    "%zu values for a row of %ld parts",
			    r->keyvalues.n, parts);
	}
}

static void
fe_array(struct feval *e, struct farray *ar)
{
	long rows = fe_whole(e, &ar->rows, "rows", 1, 20, 1);
	long cols = fe_whole(e, &ar->columns, "columns", 1, 20, 1);
	long g;

	if (ar->group.t.s == NULL)
		return;
	g = fe_whole(e, &ar->group, "group", 1, rows * cols, 1);
	if (!(cols % g == 0 || (g % cols == 0 && rows % (g / cols) == 0)))
		fe_fail(e, &ar->group.t, "groups of %ld do not fit %ld rows of "
		    "%ld; a group is part of a row (it divides %ld) or whole "
		    "rows", g, rows, cols, cols);
}

/* "3:45" into hours and minutes; -1 with an error. */
static int
fe_time(struct feval *e, const struct text *t, int *h, int *m)
{
	int hh, mm, n = 0;

	if (t->s == NULL)
		return -1;
	if (sscanf(t->s, "%d:%d%n", &hh, &mm, &n) != 2 ||
	    t->s[n] != '\0' || hh < 1 || hh > 12 || mm < 0 || mm > 59 ||
	    !(t->s[0] >= '0' && t->s[0] <= '9') ||
	    strlen(strchr(t->s, ':') + 1) > 2) {
		fe_fail(e, t, "the time \"%s\" cannot be shown on a clock; "
		    "write hours 1 to 12 and minutes 00 to 59, like \"3:45\"",
		    t->s);
		return -1;
	}
	*h = hh;
	*m = mm;
	return 0;
}

static void
fe_clock(struct feval *e, struct clock *ck)
{
	if (ck->time.s != NULL)
		fe_time(e, &ck->time, &ck->h, &ck->m);
	if (ck->keytime.s != NULL)
		fe_time(e, &ck->keytime, &ck->kh, &ck->km);
}

static void
fe_shape(struct feval *e, struct shape *sh)
{
	double a, b, c, x, area = 0;
	size_t i, n;

	for (i = 0; i < sh->rect.n; i++)
		fe_num(e, &sh->rect.v[i], "a side", R1);
	for (i = 0; i < sh->tri.n; i++)
		fe_num(e, &sh->tri.v[i], "a side", R1);
	for (i = 0; i < sh->npoly; i++) {
		fe_num(e, &sh->poly[i].x, "a corner", R0);
		fe_num(e, &sh->poly[i].y, "a corner", R0);
	}
	fe_num(e, &sh->scale, "scale", R0);
	if (e->failed)
		return;
	sh->nv = 0;
	if (sh->rect.n == 2) {
		a = fig_d(sh->rect.v[0].v);
		b = fig_d(sh->rect.v[1].v);
		if (a <= 0 || b <= 0) {
			fe_fail(e, &sh->rect.v[a <= 0 ? 0 : 1].t, "a "
			    "rectangle's sides must be more than 0");
			return;
		}
		sh->vx[0] = 0, sh->vy[0] = 0;
		sh->vx[1] = a, sh->vy[1] = 0;
		sh->vx[2] = a, sh->vy[2] = b;
		sh->vx[3] = 0, sh->vy[3] = b;
		sh->nv = 4;
	} else if (sh->tri.n == 3) {
		a = fig_d(sh->tri.v[0].v);
		b = fig_d(sh->tri.v[1].v);
		c = fig_d(sh->tri.v[2].v);
		if (a <= 0 || b <= 0 || c <= 0 || a + b <= c + 1e-9 ||
		    b + c <= a + 1e-9 || a + c <= b + 1e-9) {
			fe_fail(e, &sh->tri.v[0].t, "sides %s, %s and %s cannot "
			    "close a triangle: each side must be shorter than "
			    "the other two together", sh->tri.v[0].t.s,
			    sh->tri.v[1].t.s, sh->tri.v[2].t.s);
			return;
		}
		/* a along the base from corner 1, b from corner 2 up to
		 * corner 3, c back down to corner 1 */
		x = (a * a + c * c - b * b) / (2 * a);
		sh->vx[0] = 0, sh->vy[0] = 0;
		sh->vx[1] = a, sh->vy[1] = 0;
		sh->vx[2] = x, sh->vy[2] = sqrt(c * c - x * x);
		sh->nv = 3;
	} else if (sh->npoly >= 3) {
		if (sh->npoly > SHAPE_MAXV) {
			fe_fail(e, &sh->poly[SHAPE_MAXV].x.t, "a shape has at "
			    "most %d corners", SHAPE_MAXV);
			return;
		}
		for (i = 0; i < sh->npoly; i++) {
			sh->vx[i] = fig_d(sh->poly[i].x.v);
			sh->vy[i] = fig_d(sh->poly[i].y.v);
		}
		sh->nv = sh->npoly;
	}
	n = sh->nv;
	for (i = 0; i < n; i++)
		area += sh->vx[i] * sh->vy[(i + 1) % n] -
		    sh->vx[(i + 1) % n] * sh->vy[i];
	if (n > 0 && fabs(area) < 1e-9 && sh->npoly > 0) {
		fe_fail(e, &sh->poly[0].x.t, "the polygon's corners lie on one "
		    "line; it has no inside to draw");
		return;
	}
	for (i = 0; i < sh->marks.n; i++)
		fe_whole(e, &sh->marks.v[i], "a side's marks", 0, 3, 0);
	if (sh->marks.n > n && n > 0)
		fe_fail(e, &sh->marks.v[n].t, "marks gives %zu sides, the shape "
		    "has %zu", sh->marks.n, n);
	for (i = 0; i < sh->right.n; i++)
		if (fe_num(e, &sh->right.v[i], "a corner's number", R1) == 0 &&
		    (sh->right.v[i].v.d != 1 || sh->right.v[i].v.n < 1 ||
		    sh->right.v[i].v.n > (int64_t)n))
			fe_fail(e, &sh->right.v[i].t, "right_angles counts "
			    "corners from 1 to %zu, in the order written; %s "
			    "is not one", n, sh->right.v[i].t.s);
}

/* A scale step of 1, 2 or 5 times a power of ten giving at most 10 steps
 * up to top. */
static struct rat
fe_auto_step(double top)
{
	static const int64_t m[] = { 1, 2, 5 };
	int64_t p = 1;
	int i;

	for (;;) {
		for (i = 0; i < 3; i++)
			if (top / (double)(m[i] * p) <= 10)
				return (struct rat){ m[i] * p, 1 };
		if (p > INT64_MAX / 100)
			return (struct rat){ p, 1 };
		p *= 10;
	}
}

static void
fe_graph(struct feval *e, struct graph *gr, int bars)
{
	size_t i, given = 0;
	double top = 0;
	long steps;

	for (i = 0; i < gr->values.n; i++) {
		if (fe_num(e, &gr->values.v[i], "a value", R0) < 0)
			continue;
		if (!gr->values.v[i].key)
			given++;
		if (bars && gr->values.v[i].v.n < 0)
			fe_fail(e, &gr->values.v[i].t, "a bar's value must be 0 "
			    "or more, not %s", gr->values.v[i].t.s);
		if (fig_d(gr->values.v[i].v) > top)
			top = fig_d(gr->values.v[i].v);
	}
	if (bars) {
		if (gr->values.n > gr->categories.n)
			fe_fail(e, &gr->values.v[gr->categories.n].t, "the bar "
			    "graph has %zu categories and %zu values (with the "
			    "key's); give a value per category at most",
			    gr->categories.n, gr->values.n);
		fe_num(e, &gr->step, "scale", fe_auto_step(top));
		if (rat_cmp(gr->step.v, R0) <= 0)
			fe_fail(e, &gr->step.t, "scale must be a step greater "
			    "than 0, like 2 or 5");
		else if (top / fig_d(gr->step.v) > FIG_MAX_TICKS)
			fe_fail(e, &gr->step.t, "a scale of %s makes more than "
			    "%d steps; choose a larger scale", gr->step.t.s,
			    FIG_MAX_TICKS);
		(void)given;
		return;
	}
	fe_num(e, &gr->from, "from", R0);
	fe_num(e, &gr->to, "to", R1);
	fe_num(e, &gr->step, "ticks", R1);
	if (rat_cmp(gr->to.v, gr->from.v) <= 0) {
		fe_fail(e, &gr->to.t, "the dot plot goes to %s, which is not "
		    "more than from (%s); write a to: greater than from:",
		    gr->to.t.s, gr->from.t.s);
		return;
	}
	if (rat_cmp(gr->step.v, R0) <= 0 ||
	    (steps = fe_steps(gr->from.v, gr->to.v, gr->step.v)) < 0) {
		fe_fail(e, gr->step.t.s ? &gr->step.t : &gr->to.t, "ticks of %s "
		    "do not reach from %s to %s evenly", gr->step.t.s ?
		    gr->step.t.s : "1", gr->from.t.s, gr->to.t.s);
		return;
	}
	if (steps > FIG_MAX_TICKS) {
		fe_fail(e, gr->step.t.s ? &gr->step.t : &gr->to.t, "the dot "
		    "plot has %ld ticks, more than %d; choose a larger step",
		    steps, FIG_MAX_TICKS);
		return;
	}
	for (i = 0; i < gr->values.n; i++) {
		struct fnum *v = &gr->values.v[i];

		if (!fe_within(v->v, gr->from.v, gr->to.v) ||
		    fe_steps(gr->from.v, v->v, gr->step.v) < 0)
			fe_fail(e, &v->t, "the value %s is not on a tick of the "
			    "dot plot (%s to %s in steps of %s)", v->t.s,
			    gr->from.t.s, gr->to.t.s, gr->step.t.s ?
			    gr->step.t.s : "1");
	}
}

#define COL_MAX	999999999999LL	/* 12 digits: a row fits a column */

static void
fe_column(struct feval *e, struct column *co)
{
	size_t i;
	struct fnum *f;

	if (co->op == CO_DIV && co->numbers.n > 0) {
		if (co->numbers.n != 2) {
			fe_fail(e, &co->numbers.v[0].t, "long division takes "
			    "numbers: [dividend, divisor], two numbers");
			return;
		}
	}
	for (i = 0; i < co->numbers.n + 2; i++) {
		f = i < co->numbers.n ? &co->numbers.v[i] : i == co->numbers.n ?
		    &co->dividend : &co->divisor;
		if (f->t.s == NULL)
			continue;
		if (fe_num(e, f, "a number", R0) < 0)
			continue;
		if (f->v.d != 1 || f->v.n < 0 || f->v.n > COL_MAX)
			fe_fail(e, &f->t, "column arithmetic takes whole numbers "
			    "from 0 to %lld, not %s", COL_MAX, f->t.s);
	}
	if (e->failed)
		return;
	if (co->op == CO_DIV) {
		const struct fnum *dv = co->numbers.n == 2 ? &co->numbers.v[1] :
		    &co->divisor;

		co->dvd = co->numbers.n == 2 ? co->numbers.v[0].v.n :
		    co->dividend.v.n;
		co->dvs = dv->v.n;
		if (co->dvs == 0)
			fe_fail(e, &dv->t, "the divisor is 0; a number cannot be "
			    "divided by 0");
		return;
	}
	if (co->op == CO_SUB && co->numbers.n != 2)
		fe_fail(e, &co->numbers.v[0].t, "subtraction in columns takes "
		    "two numbers, the larger first");
	else if (co->op == CO_SUB && co->numbers.v[0].v.n <
	    co->numbers.v[1].v.n)
		fe_fail(e, &co->numbers.v[1].t, "%s is more than %s: the "
		    "difference would be below 0; write the larger number "
		    "first", co->numbers.v[1].t.s, co->numbers.v[0].t.s);
	if (co->op == CO_MUL && co->numbers.n != 2)
		fe_fail(e, &co->numbers.v[0].t, "multiplication in columns "
		    "takes two numbers");
	else if (co->op == CO_MUL && (double)co->numbers.v[0].v.n *
	    (double)co->numbers.v[1].v.n > (double)COL_MAX)
		fe_fail(e, &co->numbers.v[1].t, "the product has more than 12 "
		    "digits; choose smaller numbers");
}

static void
fe_figure(struct feval *e, struct figure *f)
{
	switch (f->kind) {
	case FK_NUMBERLINE:
		fe_numberline(e, &f->u.nl, "number line");
		break;
	case FK_PLANE:
		fe_plane(e, &f->u.pl);
		break;
	case FK_FRACTION:
		fe_fraction(e, &f->u.fr);
		break;
	case FK_TAPE:
		fe_tape(e, &f->u.tp);
		break;
	case FK_ARRAY:
		fe_array(e, &f->u.ar);
		break;
	case FK_CLOCK:
		fe_clock(e, &f->u.ck);
		break;
	case FK_SHAPE:
		fe_shape(e, &f->u.sh);
		break;
	case FK_BARS:
	case FK_DOTS:
		fe_graph(e, &f->u.gr, f->kind == FK_BARS);
		break;
	case FK_COLUMN:
		fe_column(e, &f->u.co);
		break;
	default:
		break;
	}
}

int
figure_eval(struct figure *f, size_t n, fig_report_fn report, void *arg)
{
	struct feval e = { report, arg, 0 };
	size_t i;

	for (i = 0; i < n; i++)
		fe_figure(&e, &f[i]);
	return e.failed ? -1 : 0;
}
