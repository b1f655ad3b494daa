/*
 * figure.h - figures drawn from numbers (SPEC section 8.3): number lines,
 * coordinate planes, fraction models, tapes, arrays, clocks, shapes, bar
 * graphs, dot plots and column arithmetic.
 *
 * A figure is loaded from a `figure:` map into a typed struct for its kind
 * (figure_load).  Every number is kept as the text the teacher wrote, so
 * that vary.c fills its {a} and {= expr} per draw like any other text of
 * the problem (figure_texts); figure_eval() then reads the filled texts as
 * exact numbers and checks that the figure can be drawn (a point on the
 * plane, sides that close), saying what to write when it cannot.  Items of
 * a `key:` map are added to the figure's with key set: layout draws them
 * only in the key, in the answer colour.  layout_figure.c draws a figure.
 *
 * Ownership: a struct figure owns its arrays and texts.  A problem of an
 * instance holds a copy (figure_copy) that shares the source's texts until
 * vary fills them; figure_free_copy() frees only what the copy owns.
 */
#ifndef MIMEO_FIGURE_H
#define MIMEO_FIGURE_H

#include <stddef.h>

#include "expr.h"
#include "schema.h"

enum fig_kind {
	FK_NUMBERLINE, FK_PLANE, FK_FRACTION, FK_TAPE, FK_ARRAY, FK_CLOCK,
	FK_SHAPE, FK_BARS, FK_DOTS, FK_COLUMN, FK__MAX
};

extern const char *const fig_kind_names[];

/* A number as written, and its value once figure_eval() has read it. */
struct fnum {
	struct text	 t;		/* t.s NULL: not given */
	struct rat	 v;
	int		 places;	/* decimals written ("0.25": 2); -1 for
					 * a whole number or a fraction */
	int		 key;		/* an item of the key only */
};

struct fnums {
	struct fnum	*v;
	size_t		 n;
};

/* A labelled place: a point of a number line (x) or of a plane (x, y). */
struct fpoint {
	struct text	 label;
	struct fnum	 x, y;
	int		 key;
};

/* A jump along a number line, drawn as an arc from `from` to `to`. */
struct fjump {
	struct fnum	 from, to;
	struct text	 label;
	int		 key;
};

enum nl_labels { NL_ALL, NL_ENDS, NL_LIST, NL_NONE };

struct numberline {
	struct fnum	 from, to, ticks;
	enum nl_labels	 labels;
	struct fnums	 at;		/* NL_LIST's values; key labels */
	struct fpoint	*points;
	size_t		 npoints;
	struct fjump	*jumps;
	size_t		 njumps;
	struct fnums	 blanks;	/* values whose label is an empty box */
	struct text	 title;		/* the quantity, at the left end */
	struct numberline *below;	/* a double number line; NULL: none */
	size_t		 nbelow;	/* 0 or 1 */
};

/* A line of a plane: y = m x + b, or x = b when vertical. */
struct fline {
	struct text	 eq;
	int		 key;
	int		 vertical;
	struct rat	 m, b;
};

struct fseg {
	struct fpoint	 a, b;
	int		 key;
};

struct plane {
	struct fnum	 x0, x1, y0, y1, grid;
	struct fnum	 gridy;		/* grid: [x step, y step]; else grid */
	struct text	 xname, yname;
	struct fpoint	*points;
	size_t		 npoints;
	struct fline	*lines;
	size_t		 nlines;
	struct fseg	*segs;
	size_t		 nsegs;
	struct fpoint	*poly;		/* a polygon's vertices, in order */
	size_t		 npoly;
};

enum fr_shape { FR_BAR, FR_CIRCLE, FR_GRID };

/* One fraction model: a whole cut in parts, some shaded. */
struct fmodel {
	enum fr_shape	 shape;
	struct fnum	 parts, shaded;
	struct fnum	 keyshaded;	/* more parts the key shades */
	struct text	 label;		/* under the model */
};

struct fraction {
	struct fmodel	*v;
	size_t		 n;
};

/* A row of a tape diagram: equal parts, each with its value. */
struct trow {
	struct text	 label;
	struct fnum	 parts;
	struct textlist	 values;
	struct textlist	 keyvalues;	/* the key's, in place of "?" */
};

struct tape {
	struct trow	*rows;
	size_t		 nrows;
	struct text	 total;		/* over the rows, with a brace */
	struct text	 keytotal;
};

struct farray {
	struct fnum	 rows, columns, group;
};

struct clock {
	struct text	 time;		/* "3:45"; NULL: no hands */
	struct text	 keytime;	/* the hands the key draws */
	int		 hands;		/* 0: a face to draw on */
	int		 h, m, kh, km;	/* read by figure_eval() */
};

#define SHAPE_MAXV	12

struct shape {
	struct fpoint	*poly;		/* polygon: vertices in units */
	size_t		 npoly;
	struct fnums	 rect;		/* [w, h] */
	struct fnums	 tri;		/* [a, b, c] */
	struct textlist	 sides, angles;	/* labels, side i from vertex i */
	struct textlist	 keysides, keyangles;
	struct fnums	 right;		/* vertex numbers, from 1 */
	struct fnums	 marks;		/* hatch marks on each side (0-3):
					 * sides with as many are equal */
	struct fnum	 scale;		/* a unit in cm; NULL: fit the width */
	/* figure_eval(): the vertices, in units, y up */
	double		 vx[SHAPE_MAXV], vy[SHAPE_MAXV];
	size_t		 nv;
};

/* A bar graph (categories, values) or a dot plot (from, to, values). */
struct graph {
	struct textlist	 categories;
	struct fnum	 from, to;
	struct fnums	 values;	/* key values: the bars or dots the
					 * student draws */
	struct fnum	 step;		/* the value axis' scale */
	struct text	 title, xname, yname;
};

enum col_op { CO_ADD, CO_SUB, CO_MUL, CO_DIV };

struct column {
	enum col_op	 op;
	struct fnums	 numbers;
	struct fnum	 dividend, divisor;
	int		 carry;
	int64_t		 dvd, dvs;	/* division: read by figure_eval() */
};

struct figure {
	enum fig_kind	 kind;
	struct mark	 mark;		/* the kind's key: "numberline:" */
	double		 width_pt;	/* 0: see width_pct */
	double		 width_pct;	/* 0: the kind's own size */
	union {
		struct numberline nl;
		struct plane	 pl;
		struct fraction	 fr;
		struct tape	 tp;
		struct farray	 ar;
		struct clock	 ck;
		struct shape	 sh;
		struct graph	 gr;	/* bars and dots */
		struct column	 co;
	} u;
};

/* Load `figure:` (one map) or `figures:` (a list) at n into a fresh array
 * (*out, *nout).  Reports every mistake (sc_error); returns -1 if any. */
int	figure_load(const struct node *n, int list, struct figure **out,
	    size_t *nout);
/* The figure: or figures: of map (a problem, a section: what), not
 * both; none leaves *figs NULL. */
void	figure_load_of(const struct node *map, const char *what,
	    struct figure **figs, size_t *n);
/* Call fn on every text of the figures (numbers and labels). */
void	figure_texts(struct figure *f, size_t n,
	    void (*fn)(struct text *, void *), void *arg);
/* A copy of f[0..n) whose texts are shared with f (vary fills them). */
struct figure *figure_copy(const struct figure *f, size_t n);
/* Free a copy, but not its texts (freed through figure_texts). */
void	figure_free_copy(struct figure *f, size_t n);
void	figure_free(struct figure *f, size_t n);

/* A mistake of a figure: at text t (its mark), what to write. */
typedef void	(*fig_report_fn)(const struct text *t, const char *msg,
	    void *arg);
/* Read the filled numbers of f[0..n) and check the figures can be drawn.
 * Returns 0, or -1 after reporting each mistake. */
int	figure_eval(struct figure *f, size_t n, fig_report_fn report,
	    void *arg);

/* A number as printed: "3/4", "-2", "0.25" (with places decimals when
 * places >= 0).  buf of VAL_TEXT_MAX bytes. */
void	fig_format(struct rat v, int places, char *buf);
/* rat to double. */
double	fig_d(struct rat v);

#endif
