/* unit_figures.c - figures drawn from numbers: what figure_eval() reads
 * from a draw (exact numbers, lines from equations, corners of shapes,
 * clock times, division), that a draw fills a copy and leaves the set's
 * figure as written, and that an arc's curves lie on its circle. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "figure.h"
#include "page.h"
#include "set.h"
#include "vary.h"
#include "unit.h"

static int
rat_is(struct rat r, int64_t n, int64_t d)
{
	return r.n == n && r.d == d;
}

static const struct figure *
nth_figure(const struct instance *in, size_t p, size_t f)
{
	return &in->sections[0].problems[p].p->figures[f];
}

static void
test_figure_draw(void)
{
	struct set *s;
	struct instance *in;
	const struct figure *f;
	const struct fline *l;
	char why[200];

	s = set_load(scratch("title: T\nproblems:\n"
	    "  - type: short\n    vars: {a: [3]}\n    prompt: p\n"
	    "    figure:\n      numberline: {from: 0, to: 2, ticks: 1/4, "
	    "points: {A: \"{a}/4\"}, key: {points: {B: \"{= a/4 + 1/2}\"}}}\n"
	    "    answer: x\n"
	    "  - type: short\n    prompt: p\n    figure:\n      plane: {x: [-5, 5], "
	    "y: [-5, 5], grid: [1, 2.5], lines: [\"y = -1/2x + 3\", \"x = 3\", "
	    "\"2x + 3y = 6\"]}\n    answer: x\n"
	    "  - type: short\n    prompt: p\n    figures:\n"
	    "      - shape: {triangle: [5, 4, 3]}\n"
	    "      - clock: {time: \"1:50\", key: {time: \"12:05\"}}\n"
	    "      - column: {op: \"\xc3\xb7\", numbers: [1234, 7]}\n"
	    "    answer: x\n"));
	expect(s != NULL, "figures: a set of figures loads", "set_load failed");
	if (s == NULL)
		return;
	in = vary(s, 1, 0, NULL, NULL);
	expect(in != NULL, "figures: the set draws", "vary failed");
	if (in == NULL) {
		set_free(s);
		return;
	}
	f = nth_figure(in, 0, 0);
	expect(f->kind == FK_NUMBERLINE && rat_is(f->u.nl.ticks.v, 1, 4) &&
	    rat_is(f->u.nl.to.v, 2, 1) && f->u.nl.npoints == 2 &&
	    rat_is(f->u.nl.points[0].x.v, 3, 4) && !f->u.nl.points[0].key &&
	    rat_is(f->u.nl.points[1].x.v, 5, 4) && f->u.nl.points[1].key,
	    "figures: a number line's numbers read exactly, the key's point "
	    "marked", "ticks, to or the points are not 1/4, 2, 3/4 and 5/4 "
	    "(key)");
	expect(strcmp(s->sections[0].problems[0].figures[0].u.nl.points[0].x.t.s,
	    "{a}/4") == 0 && strcmp(f->u.nl.points[0].x.t.s, "3/4") == 0,
	    "figures: a draw fills a copy, the set's figure stays as written",
	    "the set's text was changed or the copy not filled");
	f = nth_figure(in, 1, 0);
	l = f->u.pl.lines;
	snprintf(why, sizeof(why), "lines read as m %lld/%lld b %lld/%lld, "
	    "%d; %d; m %lld/%lld b %lld/%lld", (long long)l[0].m.n,
	    (long long)l[0].m.d, (long long)l[0].b.n, (long long)l[0].b.d,
	    l[0].vertical, l[1].vertical, (long long)l[2].m.n,
	    (long long)l[2].m.d, (long long)l[2].b.n, (long long)l[2].b.d);
	expect(f->u.pl.nlines == 3 && rat_is(l[0].m, -1, 2) &&
	    rat_is(l[0].b, 3, 1) && !l[0].vertical && l[1].vertical &&
	    rat_is(l[1].b, 3, 1) && rat_is(l[2].m, -2, 3) &&
	    rat_is(l[2].b, 2, 1) && rat_is(f->u.pl.gridy.v, 5, 2) &&
	    f->u.pl.gridy.places == 1, "figures: equations read as lines "
	    "(y = -1/2x + 3, x = 3, 2x + 3y = 6), grid [1, 2.5]", why);
	f = nth_figure(in, 2, 0);
	expect(f->u.sh.nv == 3 && fabs(f->u.sh.vx[2] - 1.8) < 1e-9 &&
	    fabs(f->u.sh.vy[2] - 2.4) < 1e-9, "figures: a triangle's third "
	    "corner from its sides (5, 4, 3)", "corner 3 is not (1.8, 2.4)");
	f = nth_figure(in, 2, 1);
	expect(f->u.ck.h == 1 && f->u.ck.m == 50 && f->u.ck.kh == 12 &&
	    f->u.ck.km == 5, "figures: clock times read", "not 1:50 and 12:05");
	f = nth_figure(in, 2, 2);
	expect(f->kind == FK_COLUMN && f->u.co.op == CO_DIV &&
	    f->u.co.dvd == 1234 && f->u.co.dvs == 7, "figures: numbers: "
	    "[dividend, divisor] for long division", "not 1234 and 7");
	instance_free(in);
	set_free(s);
}

static void
test_figure_fails(void)
{
	struct set *s;
	struct instance *in;

	/* a point that is off the line in every draw: vary reports it */
	s = set_load(scratch("title: T\nproblems:\n  - type: short\n"
	    "    vars: {a: 5..9}\n    prompt: p\n    figure:\n"
	    "      numberline: {from: 0, to: 1, ticks: 1/4, points: "
	    "{A: \"{a}/4\"}}\n    answer: x\n"));
	expect(s != NULL, "figures: a set whose draws fail still loads",
	    "set_load failed");
	if (s == NULL)
		return;
	fprintf(stderr, "(expected below: point A ... is off the number "
	    "line)\n");
	in = vary(s, 1, 0, NULL, NULL);
	expect(in == NULL, "figures: a draw with a point off the line fails",
	    "vary drew it");
	instance_free(in);
	set_free(s);
}

static void
test_arc(void)
{
	struct item it;
	double c[8][8], r, worst = 0, t, x, y;
	int n, i, k;

	memset(&it, 0, sizeof(it));
	it.kind = ITEM_ARC;
	it.x = 100;
	it.y = 200;
	it.w = 50;
	it.a0 = -30;
	it.a1 = 250;
	n = arc_beziers(&it, c);
	/* ends where the angles say, and every curve close to the circle */
	for (i = 0; i < n; i++)
		for (k = 0; k <= 10; k++) {
			t = k / 10.0;
			x = pow(1 - t, 3) * c[i][0] + 3 * pow(1 - t, 2) * t *
			    c[i][2] + 3 * (1 - t) * t * t * c[i][4] +
			    pow(t, 3) * c[i][6];
			y = pow(1 - t, 3) * c[i][1] + 3 * pow(1 - t, 2) * t *
			    c[i][3] + 3 * (1 - t) * t * t * c[i][5] +
			    pow(t, 3) * c[i][7];
			r = hypot(x - 100, y - 200);
			if (fabs(r - 50) > worst)
				worst = fabs(r - 50);
		}
	expect(n == 4 && fabs(c[0][0] - (100 + 50 * cos(-M_PI / 6))) < 1e-9 &&
	    fabs(c[0][1] - (200 + 25)) < 1e-9 && fabs(c[n - 1][6] -
	    (100 + 50 * cos(250 * M_PI / 180))) < 1e-9 && fabs(c[n - 1][7] -
	    (200 - 50 * sin(250 * M_PI / 180))) < 1e-9 && worst < 0.02,
	    "figures: an arc's Bezier curves start and end on its angles and "
	    "hug its circle", "ends off or a curve strays");
}

void
test_figures(void)
{
	test_figure_draw();
	test_figure_fails();
	test_arc();
}
