/*
 * unit.c - unit tests of the pipeline's stages, below the command line.
 * Prints "ok NAME" or "FAIL NAME: why" per case; tests/run.sh counts them.
 * Run from the repository root (it reads templates/ and tests/e2e/).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "compose.h"
#include "diag.h"
#include "font.h"
#include "image.h"
#include "layout.h"
#include "amath.h"
#include "amath_layout.h"
#include "libpath.h"
#include "node.h"
#include "page.h"
#include "render.h"
#include "schema.h"
#include "set.h"
#include "compose_discussion.h"
#include "template.h"
#include "text.h"
#include "util.h"
#include "vary.h"

#include "unit.h"

static int failures;

void
expect(int cond, const char *name, const char *why)
{
	if (cond)
		printf("ok %s\n", name);
	else {
		printf("FAIL %s: %s\n", name, why);
		failures++;
	}
}

/* Write s to a scratch file and return its path (static buffer). */
const char *
scratch(const char *s)
{
	static char path[] = "tests/tmp/unit.yaml";
	FILE *f = fopen(path, "w");

	fputs(s, f);
	fclose(f);
	return path;
}

/* A prompt's table (ptable.c, compose_grid, compose_table_answer): the
 * printed grid of orientation: columns is the written one turned, its
 * blanks read in the printed order, and a version's copy holds the
 * values drawn while the set keeps what was written. */
static void
test_tables(void)
{
	struct template *t = template_load("worksheet", "en");
	struct set *s = set_load(scratch("title: T\nproblems:\n"
	    "  - type: short\n    prompt: P\n    vars: {k: 3..3}\n"
	    "    answer: \"1\"\n    table:\n      orientation: columns\n"
	    "      header: [x, y]\n      rows:\n"
	    "        - [{blank: \"{= 2*k}\"}, \"{k}\"]\n"
	    "        - [4, {blank: 9}]\n"));
	const struct ptable *pt;
	struct problem out;
	struct var vals[1];
	struct vary_fail fail;
	struct blocks *b;
	char *ans;

	expect(s != NULL && t != NULL, "table set loads", "set or template not loaded");
	if (s == NULL || t == NULL) {
		set_free(s);
		template_free(t);
		return;
	}
	pt = s->sections[0].problems[0].table;
	expect(pt != NULL && pt->nrows == 3 && pt->ncols == 2 &&
	    pt->nblanks == 2 && ptable_prows(pt) == 2 && ptable_pcols(pt) == 3,
	    "table turned: 2 printed rows of 3", "wrong size");
	/* printed row 0: x, {= 2*k}, 4; row 1: y, {k}, 9 */
	expect(strcmp(ptable_at(pt, 0, 1)->text.s, "{= 2*k}") == 0 &&
	    strcmp(ptable_at(pt, 1, 2)->text.s, "9") == 0 &&
	    strcmp(ptable_at(pt, 1, 0)->text.s, "y") == 0,
	    "table turned: cells in place", "a cell moved");
	expect(vary_fill(&s->sections[0].problems[0], 1, 1, 0, 0, NULL, &out,
	    vals, &fail) == 0, "table varied", fail.msg);
	ans = compose_table_answer(out.table, t);
	expect(ans != NULL && strcmp(ans, "6, 9") == 0,
	    "table blanks in reading order", ans ? ans : "none");
	free(ans);
	expect(strcmp(pt->cells[2].text.s, "{= 2*k}") == 0,
	    "table of the set unchanged by a draw", pt->cells[2].text.s);
	b = xcalloc(1, sizeof(*b));
	compose_grid(b, out.table, 0);
	expect(b->n == 1 && b->v[0].u.tab->cells[0].head &&
	    b->v[0].u.tab->cells[3].head && !b->v[0].u.tab->cells[1].head &&
	    b->v[0].u.tab->cells[1].blank && !b->v[0].u.tab->key,
	    "table grid: the header down the left", "wrong head or blank");
	blocks_free(b);
	vary_problem_free(&out);
	set_free(s);
	template_free(t);
}

static void
test_utf8(void)
{
	size_t len;

	expect(utf8_decode("\xc3\xa9", 2, &len) == 0xe9 && len == 2,
	    "utf8 two bytes", "é not decoded");
	expect(utf8_decode("\xe1\xbb\x85", 3, &len) == 0x1ec5 && len == 3,
	    "utf8 three bytes", "ễ not decoded");
	expect(utf8_decode("\xf0\x9f\x98\x80", 4, &len) == 0x1f600,
	    "utf8 four bytes", "emoji not decoded");
	expect(utf8_decode("\xc0\xaf", 2, &len) == -1, "utf8 overlong",
	    "overlong accepted");
	expect(utf8_decode("\xed\xa0\x80", 3, &len) == -1, "utf8 surrogate",
	    "surrogate accepted");
	expect(utf8_decode("\xe1\xbb", 2, &len) == -1, "utf8 truncated",
	    "truncated accepted");
}

static void
test_rng(void)
{
	/* the reference outputs of pcg32_srandom(42, 54) from pcg-random.org */
	static const uint32_t want[6] = { 0xa15c02b7, 0x7b47f409, 0xba1d3330,
	    0x83d2f293, 0xbfa4784b, 0xcbed606e };
	struct rng r;
	int i, same = 1, perm[10], seen[10] = { 0 }, allseen = 1;

	rng_seed(&r, 42, 54);
	for (i = 0; i < 6; i++)
		same &= rng_next(&r) == want[i];
	expect(same, "pcg32 reference stream", "differs from pcg32 demo");
	for (i = 0; i < 10; i++)
		perm[i] = i;
	rng_shuffle(&r, perm, 10);
	for (i = 0; i < 10; i++)
		seen[perm[i]]++;
	for (i = 0; i < 10; i++)
		allseen &= seen[i] == 1;
	expect(allseen, "shuffle is a permutation", "an item lost or doubled");
	for (i = 0, same = 1; i < 1000 && same; i++)
		same = rng_below(&r, 7) < 7;
	expect(same, "rng_below bound", "value out of range");
}

static void
test_schema(void)
{
	static const char *const keys[] = { "title", "prompt", "problems",
	    "answer", NULL };
	const char *s;

	s = sc_suggest("promt", keys);
	expect(s && strcmp(s, "prompt") == 0, "suggest promt", "no prompt");
	s = sc_suggest("titel", keys);
	expect(s && strcmp(s, "title") == 0, "suggest titel", "no title");
	expect(sc_suggest("zebra", keys) == NULL, "suggest nothing close",
	    "suggested a far word");
	expect(set_count_blanks("a ___ b _____ c __ d \\___") == 2,
	    "count blanks", "wrong count");
}

static void
test_loader(void)
{
	struct node *n;
	struct set *s;
	size_t e;

	n = yaml_load(scratch("a: 1\nb: [x, \"y\"]\nc: {d: e}\n"));
	expect(n && n->kind == NODE_MAP && n->nkids == 6, "yaml map",
	    "bad tree");
	if (n) {
		struct node *b = node_get(n, "b");

		expect(b && b->kind == NODE_SEQ && b->nkids == 2 &&
		    b->mark.line == 2 && b->mark.col == 4, "yaml marks 1-based",
		    "wrong line/col");
		expect(b && b->kids[0]->plain && !b->kids[1]->plain,
		    "yaml plain vs quoted", "style lost");
	}
	node_free(n);
	diag_quiet(1);
	e = diag_errors();
	fprintf(stderr, "(expected messages follow)\n");
	n = yaml_load(scratch("a: 1\na: 2\n"));
	expect(n == NULL && diag_errors() == e + 1, "yaml duplicate key",
	    "not rejected");
	s = set_load(scratch("title: T\nproblems:\n  - type: choice\n"
	    "    prompt: P\n    choices: [a, b]\n    answer: b\n"));
	expect(s != NULL && s->nproblems == 1 &&
	    s->sections[0].problems[0].correct == 2u, "set choice answer",
	    "lower-case letter not read");
	set_free(s);
	e = diag_errors();
	s = set_load(scratch("title: T\nproblems:\n  - type: short\n"
	    "    promt: P\n    answer: 1\n  - type: choice\n    prompt: Q\n"
	    "    choices: [a, b]\n    answer: C\n"));
	/* "missing prompt" is not repeated after the "did you mean prompt" */
	expect(s == NULL && diag_errors() == e + 2, "set reports every error",
	    "expected 2 errors (typo with its hint, bad letter)");
	diag_reset();
}

/* The kinds of r's atoms as letters: w a run, _ a space, / a line break,
 * P a paragraph, B a blank. */
static void
atom_kinds(const struct rich *r, char *out, size_t size)
{
	size_t i;

	for (i = 0; i < r->n && i + 1 < size; i++)
		out[i] = "w_P/B"[r->v[i].kind];
	out[i] = '\0';
}

/* A line end is a space, but in a | literal text it ends the line; a
 * blank line is a paragraph in every style. */
static void
test_text_breaks(void)
{
	static const struct {
		enum node_style	 style;
		const char	*s, *want;
	} cases[] = {
		{ NS_LITERAL, "Roses are\nred,\n\nviolets\n", "w_w/wPw" },
		{ NS_FOLDED, "Roses are\nred,\n\nviolets\n", "w_w_wPw" },
		{ NS_PLAIN, "Roses are\nred,", "w_w_w" },
		{ NS_DOUBLE, "Roses are\nred,", "w_w_w" },
		/* the break replaces a space before it; none at either end */
		{ NS_LITERAL, "\nA **\nb**\n\n\n", "w/w" },
		{ NS_LITERAL, "one\n  two\n\n  \nthree", "w/wPw" },
	};
	struct text t = { NULL, { "x", 1, 1 }, NS_PLAIN, NULL };
	struct rich r;
	char got[32], name[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&r, 0, sizeof(r));
		t.s = (char *)cases[i].s;
		t.style = cases[i].style;
		rich_parse(&t, 0, &r);
		atom_kinds(&r, got, sizeof(got));
		snprintf(name, sizeof(name), "rich line ends %zu", i + 1);
		expect(strcmp(got, cases[i].want) == 0, name, got);
		rich_free(&r);
	}
}

static void test_rtexts(void);
static void test_lay_acts(void);

static void
test_text(void)
{
	struct text t = { NULL, { "x", 1, 1 }, NS_PLAIN, NULL };
	struct rich r;
	size_t i;
	int bold = 0, italic = 0, math = 0;

	memset(&r, 0, sizeof(r));
	t.s = "**Bold** and *it* cost $5 `3 xx 4`\n\nNew para \\*";
	expect(rich_parse(&t, 0, &r) == 0, "rich parse", "failed");
	for (i = 0; i < r.n; i++) {
		if (r.v[i].kind != A_RUN)
			continue;
		bold |= strcmp(r.v[i].s, "Bold") == 0 &&
		    r.v[i].style == ST_BOLD;
		italic |= strcmp(r.v[i].s, "it") == 0 &&
		    r.v[i].style == ST_ITALIC;
		math |= strcmp(r.v[i].s, "3 xx 4") == 0 &&
		    (r.v[i].style & ST_MATH) && r.v[i].math != NULL &&
		    r.v[i].math->nkid == 3 &&
		    strcmp(r.v[i].math->kid[1]->s, "\xc3\x97") == 0;
	}
	expect(bold && italic, "rich bold and italic", "styles lost");
	expect(math, "rich math symbols", "xx not parsed into ×");
	for (i = 0; i < r.n && r.v[i].kind != A_PARA; i++)
		;
	expect(i < r.n, "rich paragraph", "blank line not a paragraph");
	expect(r.n > 0 && r.v[r.n - 1].kind == A_RUN &&
	    strcmp(r.v[r.n - 1].s, "*") == 0, "rich escape", "\\* lost");
	rich_free(&r);
	t.s = "A ___ and ___.";
	rich_parse(&t, 1, &r);
	for (i = 0, bold = 0; i < r.n; i++)
		bold += r.v[i].kind == A_BLANK;
	expect(bold == 2, "rich blanks", "blanks not found");
	rich_free(&r);
	diag_quiet(1);
	t.s = "unclosed `math";
	expect(rich_parse(&t, 0, &r) < 0, "rich unclosed math", "accepted");
	rich_free(&r);
	diag_reset();
	test_text_breaks();
	test_rtexts();
	test_lay_acts();
}

/* The parsed texts of a build: a text is parsed, and its mistake said,
 * once, whatever copy of it is asked for; a derived copy says nothing. */
static void
test_rtexts(void)
{
	struct text t = { "2 `1/`", { "x", 3, 4 }, NS_PLAIN, NULL }, copy;
	struct mark other = { "x", 5, 1 };
	struct rtexts *ts = rtexts_new();
	const struct rich *a, *b;
	size_t errs;

	diag_capture(1);
	errs = diag_errors();
	a = rtexts_get(ts, &t, 0);
	copy = t;
	copy.s = strdup(t.s);
	b = rtexts_get(ts, &copy, 0);
	expect(a == b && a->wrong, "rtexts same text once",
	    "a copy parsed again, or the mistake not kept");
	expect(diag_errors() == errs + 1, "rtexts said once",
	    "the mistake said twice");
	copy.mark = other;
	expect(rtexts_get(ts, &copy, 0) != a && diag_errors() == errs + 2,
	    "rtexts another place", "the same words elsewhere not parsed");
	copy.mark.line = 7;
	expect(rtexts_get(ts, &copy, RP_DERIVED)->wrong &&
	    diag_errors() == errs + 2, "rtexts derived", "a derived copy said "
	    "its mistake");
	t.s = "fine **bold**";
	expect(!rtexts_get(ts, &t, 0)->wrong && rtexts_get(ts, &t, 0) != a,
	    "rtexts words", "other words at the same place not parsed");
	expect(rtexts_first_at(ts, &other) && !rtexts_first_at(ts, &other) &&
	    rtexts_first_at(ts, &t.mark), "rtexts first at",
	    "a layout mistake said twice, or not at all");
	free(copy.s);
	rtexts_free(ts);
	diag_capture(0);
	diag_reset();
}

/* Every kind of block has a function that draws it (lay_acts[]). */
static void
test_lay_acts(void)
{
	int k, missing = -1;

	for (k = 0; k < BK__MAX; k++)
		if (!layout_draws((enum block_kind)k) && missing < 0)
			missing = k;
	expect(missing < 0, "layout draws every kind", "a kind of block has "
	    "no function in lay_acts[]");
	expect(!layout_draws(BK__MAX), "layout kinds end", "BK__MAX drawn");
}

/* Lay out a set; every text item must sit inside the margins. */
static void
test_layout(void)
{
	struct set *s;
	struct template *t;
	struct fonts *fs;
	struct instance *in;
	struct blocks *b;
	struct doc *d;
	size_t p, i, n;
	int inside = 1, widest_ok = 1;
	double right;

	s = set_load("problems/math/samples/all-types-sampler.yaml");
	t = template_load("worksheet", "en");
	if (s == NULL || t == NULL || (fs = fonts_open(t)) == NULL) {
		expect(0, "layout setup", "cannot load sampler or fonts");
		set_free(s);
		template_free(t);
		return;
	}
	expect(fonts_advance(fs, fonts_pick(fs, FS_REGULAR, 'M'), 'M') > 0,
	    "font advance", "zero width");
	expect(fonts_pick(fs, FS_REGULAR, 0x1f600) < 0, "no emoji face",
	    "a face claims U+1F600");
	expect(fonts_pick(fs, FS_REGULAR, 0x2264) >= 0, "fallback has ≤",
	    "no face has U+2264");
	in = vary(s, 1, 0, NULL, NULL);
	b = compose(in, t, DOC_WORKSHEET, NULL);
	d = layout(b, t, fs, 0, "x");
	expect(d != NULL && d->npages >= 2, "layout pages", "no pages");
	right = PAPER_LETTER_W - t->margin[1] + 0.5;
	for (p = 0; d && p < d->npages; p++)
		for (i = 0; i < d->pages[p].nitems; i++) {
			struct item *it = &d->pages[p].items[i];
			double w = 0;
			size_t len;
			const char *c;
			long cp;

			if (it->kind != ITEM_TEXT)
				continue;
			/* measure the item with the face it names */
			for (c = it->text, n = strlen(c); n > 0; c += len,
			    n -= len) {
				cp = utf8_decode(c, n, &len);
				w += it->size / 1000.0 * fonts_advance(fs,
				    fonts_pick(fs, FS_REGULAR, cp) >= 0 ?
				    fonts_pick(fs, FS_REGULAR, cp) : 0, cp);
			}
			if (it->x < t->margin[3] - 0.5 || it->y < 0 ||
			    it->y > PAPER_LETTER_H)
				inside = 0;
			if (it->x + w > right + 20)
				widest_ok = 0;
		}
	expect(inside, "layout inside the page", "an item outside");
	expect(widest_ok, "layout lines fit", "a line runs past the margin");
	doc_free(d);
	blocks_free(b);
	instance_free(in);
	fonts_free(fs);
	template_free(t);
	set_free(s);
}

/* Golden box sizes of math at 12 pt in the worksheet template's fonts
 * (Andika, DejaVu Sans), in points: width, height, depth.  They change
 * only when the math layout or its fonts do; look at the page then. */
static void
test_math_boxes(void)
{
	static const struct {
		const char	*src;
		double		 w, h, d;
	} golden[] = {
		{ "3/5", 8.98, 12.70, 4.09 },
		{ "1 1/2", 16.72, 12.55, 4.10 },
		{ "x^2", 11.42, 11.13, 0.00 },
		{ "sqrt(2)", 18.23, 10.50, 0.00 },
		{ "2^(1/2)", 13.90, 14.55, 0.00 },
		{ "sqrt(3/4)", 18.70, 14.50, 4.67 },
		{ "(a+b)/c", 21.74, 13.09, 2.03 },
		{ "x_1", 11.42, 5.86, 2.04 },
	};
	struct template *t = template_load("worksheet", "en");
	struct fonts *fs = t != NULL ? fonts_open(t) : NULL;
	struct mnode *n;
	struct mbox b;
	size_t i, off;
	char err[200], name[64];
	double digit = 0;

	if (fs == NULL) {
		expect(0, "math boxes setup", "no template or fonts");
		template_free(t);
		return;
	}
	for (i = 0; i < sizeof(golden) / sizeof(golden[0]); i++) {
		n = math_parse(golden[i].src, strlen(golden[i].src), 0, &off, err,
		    sizeof(err));
		memset(&b, 0, sizeof(b));
		if (n != NULL)
			math_layout(fs, n, 12, 0, &b);
		snprintf(name, sizeof(name), "math box %s", golden[i].src);
		if (getenv("MIMEO_GOLDEN") != NULL)
			printf("golden { \"%s\", %.2f, %.2f, %.2f },\n",
			    golden[i].src, b.w, b.h, b.d);
		expect(n != NULL && fabs(b.w - golden[i].w) < 0.01 &&
		    fabs(b.h - golden[i].h) < 0.01 &&
		    fabs(b.d - golden[i].d) < 0.01, name,
		    "size differs from the golden one (MIMEO_GOLDEN=1 prints it)");
		mbox_free(&b);
		math_free(n);
	}
	/* and the shapes behind them */
	n = math_parse("3", 1, 0, &off, err, sizeof(err));
	memset(&b, 0, sizeof(b));
	math_layout(fs, n, 12, 0, &b);
	digit = b.h;
	mbox_free(&b);
	math_free(n);
	n = math_parse("3/5", 3, 0, &off, err, sizeof(err));
	memset(&b, 0, sizeof(b));
	math_layout(fs, n, 12, 0, &b);
	expect(b.h > digit && b.d > 2 && b.items.nitems == 3 &&
	    b.items.items[0].kind == ITEM_TEXT &&
	    b.items.items[1].kind == ITEM_LINE &&
	    b.items.items[0].y < b.items.items[1].y &&
	    b.items.items[1].y < b.items.items[2].y, "math fraction stacked",
	    "numerator, bar, denominator not top to bottom");
	mbox_free(&b);
	math_free(n);
	/* a minus after an opening bar is a sign, as at the start: |-3|
	 * is |3| with a minus as -3 is 3 with one, no spaces around it */
	{
		static const char *const src[] = { "|-3|", "|3|", "-3", "3",
		    "|x|-3", "|x|3" };
		double w[6];

		for (i = 0; i < 6; i++) {
			n = math_parse(src[i], strlen(src[i]), 0, &off, err,
			    sizeof(err));
			memset(&b, 0, sizeof(b));
			math_layout(fs, n, 12, 0, &b);
			w[i] = b.w;
			mbox_free(&b);
			math_free(n);
		}
		expect(fabs((w[0] - w[1]) - (w[2] - w[3])) < 0.01,
		    "math unary minus after an opening bar",
		    "|-3| is spaced as a subtraction");
		expect((w[4] - w[5]) - (w[2] - w[3]) > 1,
		    "math binary minus after a closing bar",
		    "|x|-3 is not spaced as a subtraction");
	}
	fonts_free(fs);
	template_free(t);
}

/* The tree: parentheses that only group are dropped; mistakes found at
 * their offset. */
static void
test_math_parse(void)
{
	static const struct {
		const char	*src;
		size_t		 off;
	} wrong[] = {
		{ "3/", 1 }, { "(3+4", 0 }, { "3+4)", 3 }, { "^2", 0 },
		{ "sqrt", 0 }, { "sqrt()", 0 }, { "x^", 1 }, { "2 xx (3/4]", 9 },
		{ "\\frac{1}{2}", 0 }, { "1 + /2", 4 }, { "a_", 1 },
	};
	struct mnode *n;
	size_t i, off;
	char err[200], name[64];

	n = math_parse("(a+b)/c", 7, 0, &off, err, sizeof(err));
	expect(n != NULL && n->nkid == 1 && n->kid[0]->kind == M_FRAC &&
	    n->kid[0]->kid[0]->kind == M_ROW &&
	    n->kid[0]->kid[0]->nkid == 3, "math (a+b)/c",
	    "the numerator's parentheses were kept");
	math_free(n);
	n = math_parse("1 1/2", 5, 0, &off, err, sizeof(err));
	expect(n != NULL && n->nkid == 2 && n->kid[1]->kind == M_FRAC &&
	    n->kid[1]->spaced, "math mixed number", "not whole + fraction");
	math_free(n);
	n = math_parse("2^(1/2)", 7, 0, &off, err, sizeof(err));
	expect(n != NULL && n->kid[0]->kind == M_SCRIPT &&
	    n->kid[0]->kid[2]->kind == M_FRAC, "math fraction exponent",
	    "not a fraction raised");
	math_free(n);
	n = math_parse("-3/4", 4, 0, &off, err, sizeof(err));
	expect(n != NULL && n->nkid == 2 && n->kid[1]->kind == M_FRAC,
	    "math negative fraction", "not a sign and a fraction");
	math_free(n);
	n = math_parse("\\*", 2, 0, &off, err, sizeof(err));
	expect(n != NULL && n->nkid == 1 && strcmp(n->kid[0]->s, "*") == 0,
	    "math escaped star", "\\* in math does not print *");
	math_free(n);
	for (i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
		n = math_parse(wrong[i].src, strlen(wrong[i].src), 0, &off, err,
		    sizeof(err));
		snprintf(name, sizeof(name), "math wrong %s", wrong[i].src);
		expect(n == NULL && off == wrong[i].off, name,
		    n != NULL ? "accepted" : "reported at another offset");
		math_free(n);
	}
}

/* The decimal comma (Spanish): 1,5 one number, a list still a list; and
 * without it 1,000 is a thousand and 1,5 a list. */
static void
test_math_decimal(void)
{
	static const struct {
		const char	*src, *text;
		int		 flags;
		size_t		 atoms;		/* in the top row */
	} cases[] = {
		{ "1,5", "1,5", MP_DECIMAL_COMMA, 1 },
		{ "0,25 + 1,50", "0,25 + 1,50", MP_DECIMAL_COMMA, 3 },
		{ "1, 2, 3", "1, 2, 3", MP_DECIMAL_COMMA, 5 },
		{ "(2; 3)", "(2; 3)", MP_DECIMAL_COMMA, 1 },
		{ "1,000", "1,000", 0, 1 },
		{ "1,5", "1, 5", 0, 3 },
		{ "0.25 + 1.5", "0.25 + 1.5", MP_DECIMAL_COMMA, 3 },
	};
	struct mnode *n;
	size_t i, off;
	char err[200], name[64], *text;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = math_parse(cases[i].src, strlen(cases[i].src),
		    cases[i].flags, &off, err, sizeof(err));
		text = n != NULL ? math_linear(n) : NULL;
		snprintf(name, sizeof(name), "math decimal %s (%d)",
		    cases[i].src, cases[i].flags);
		expect(text != NULL && strcmp(text, cases[i].text) == 0 &&
		    n->nkid == cases[i].atoms, name, text != NULL ? text :
		    "did not parse");
		free(text);
		math_free(n);
	}
}

/* How math reads as text (the PDF's ActualText): AsciiMath's linear
 * shapes with the printed symbols, parentheses where a side of / ^ _ is
 * more than one piece, operators spaced only in the span's own row. */
static void
test_math_linear(void)
{
	static const struct {
		const char	*src, *text;
	} cases[] = {
		{ "3/5", "3/5" }, { "1 1/2", "1 1/2" }, { "2 3/4", "2 3/4" },
		{ "(x+1)/(2y)", "(x+1)/(2y)" }, { "x^2", "x^2" },
		{ "sqrt(16)", "\xe2\x88\x9a(16)" },
		{ "sqrtx", "\xe2\x88\x9a(x)" },
		{ "3 xx 4 = 12", "3 \xc3\x97 4 = 12" },
		{ "3xx4<=12", "3 \xc3\x97 4 \xe2\x89\xa4 12" },
		{ "-3/4 < -1/2", "\xe2\x88\x92" "3/4 < \xe2\x88\x92" "1/2" },
		{ "x^(n+1)", "x^(n+1)" }, { "5^(-1)", "5^(\xe2\x88\x92" "1)" },
		{ "x_1^2", "x_1^2" }, { "(2/3)^2", "(2/3)^2" },
		{ "1/(3^2)", "1/(3^2)" }, { "1/2/3", "(1/2)/3" },
		{ "2^(1/2)", "2^(1/2)" }, { "sqrt(9/16)", "\xe2\x88\x9a(9/16)" },
		{ "7 1/14 cm^2", "7 1/14 cm^2" }, { "3/4 x", "3/4 x" },
		{ "f(x, y)", "f(x, y)" }, { "pi r^2", "\xcf\x80r^2" },
		{ "2^3 =", "2^3 =" }, { "\"apples\"/2", "apples/2" },
		{ "\"two words\"/2", "(two words)/2" },
	};
	struct mnode *n;
	size_t i, off;
	char err[200], name[64], *text;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		n = math_parse(cases[i].src, strlen(cases[i].src), 0, &off, err,
		    sizeof(err));
		text = n != NULL ? math_linear(n) : NULL;
		snprintf(name, sizeof(name), "math linear %s", cases[i].src);
		expect(text != NULL && strcmp(text, cases[i].text) == 0, name,
		    text != NULL ? text : "did not parse");
		free(text);
		math_free(n);
	}
}

/* Offsets in a text's value back to the file's line and column. */
static void
test_text_marks(void)
{
	static const struct {
		const char	*yaml;
		const char	*find;		/* in the value */
		int		 line, col;
	} cases[] = {
		{ "a: x `(y` z\n", "(", 1, 7 },
		{ "a: 'it''s `(y`'\n", "(", 1, 12 },
		{ "a: \"say \\\"hi\\\" `(y`\"\n", "(", 1, 17 },
		{ "a: \"tab\\t `(y`\"\n", "(", 1, 4 },
		{ "a: |\n  one\n    two `(y`\n", "(", 3, 10 },
		{ "a: >\n  one\n  two `(y`\n", "(", 3, 8 },
		{ "a: one\n  two\n\n  three `(y`\n", "(", 4, 10 },
		{ "a: x\r\n  y `(z`\r\n", "(", 2, 6 },
	};
	struct node *n;
	struct text t;
	struct mark m;
	size_t i;
	char name[64];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&t, 0, sizeof(t));
		m.line = m.col = 0;
		n = yaml_load(scratch(cases[i].yaml));
		if (n != NULL && sc_text(node_get(n, "a"), "a", &t) == 0 &&
		    strstr(t.s, cases[i].find) != NULL)
			text_mark_at(&t, (size_t)(strstr(t.s, cases[i].find) -
			    t.s), &m);
		snprintf(name, sizeof(name), "text mark case %zu", i + 1);
		expect(m.line == cases[i].line && m.col == cases[i].col, name,
		    "wrong line or column");
		text_free(&t);
		node_free(n);
	}
}

/* The library root rule: relative paths only, never above the root. */
static void
test_libpath(void)
{
	struct mark m = { "tests/tmp/sets/a.yaml", 3, 9 };
	char *n, *p;
	FILE *f;
	size_t before;

	n = lib_normalize("/a/./b/../c//d/..");
	expect(strcmp(n, "/a/c") == 0, "libpath.normalize", n);
	free(n);
	n = lib_normalize("/../..");
	expect(strcmp(n, "/") == 0, "libpath.normalize_root", n);
	free(n);
	{
		static const char *const joins[][3] = {
			{ "problems/packets/day.yaml", "../math/f.yaml",
			    "problems/math/f.yaml" },
			{ "day.yaml", "../lib/./f.yaml", "../lib/f.yaml" },
			{ "a/day.yaml", "../../x/../f.yaml", "../f.yaml" },
			{ "/srv/p/day.yaml", "../m/f.yaml", "/srv/m/f.yaml" },
			{ "a/day.yaml", "..", "." },
		};
		size_t i;

		for (i = 0; i < sizeof(joins) / sizeof(joins[0]); i++) {
			n = lib_join(joins[i][0], joins[i][1]);
			expect(strcmp(n, joins[i][2]) == 0, "libpath.join", n);
			free(n);
		}
	}

	system("mkdir -p tests/tmp/sets tests/tmp/other");
	f = fopen("tests/tmp/other/pic.png", "w");
	fputs("x", f);
	fclose(f);
	diag_quiet(1);
	before = diag_errors();
	p = lib_resolve(m.file, "../other/pic.png", &m, "image");
	expect(p != NULL && diag_errors() == before, "libpath.sibling_ok",
	    "a file in a sibling folder of the library was refused");
	free(p);
	p = lib_resolve(m.file, "../../etc/passwd", &m, "image");
	expect(p == NULL && diag_errors() == before + 1, "libpath.escape",
	    "a path above the library root was accepted");
	p = lib_resolve(m.file, "/etc/passwd", &m, "image");
	expect(p == NULL && diag_errors() == before + 2, "libpath.absolute",
	    "an absolute path was accepted");
	p = lib_resolve(m.file, "../other/none.png", &m, "image");
	expect(p == NULL && diag_errors() == before + 3, "libpath.missing",
	    "a missing file was accepted");
	lib_root_set("tests/tmp/sets");
	p = lib_resolve(m.file, "../other/pic.png", &m, "image");
	expect(p == NULL && diag_errors() == before + 4, "libpath.library",
	    "--library did not narrow the root");
	lib_root_set(NULL);
	diag_reset();
	diag_quiet(0);
}

/* Every kind of picture in tests/images decodes to what it holds: 8-bit
 * gray or RGB, alpha only where there is transparency; an interlaced PNG
 * to the very pixels of the same picture not interlaced. */
static void
test_image(void)
{
	static const struct {
		const char *file;
		int w, h, channels, alpha;
	} want[] = {
		{ "bar.png", 360, 120, 3, 0 },
		{ "interlaced.png", 360, 120, 3, 0 },
		{ "gray.png", 400, 80, 1, 0 },
		{ "rgba.png", 200, 200, 3, 1 },
		{ "deep.png", 200, 200, 3, 1 },
		{ "palette.png", 160, 160, 3, 1 },
		{ "pizza.jpg", 300, 300, 3, 0 },
		{ "progressive.jpg", 300, 300, 3, 0 },
		{ "gray.jpg", 300, 300, 1, 0 },
	};
	struct pixels px, bar;
	struct image *img;
	char path[64], name[96], why[512], *err = NULL;
	size_t i;

	memset(&bar, 0, sizeof(bar));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(path, sizeof(path), "tests/images/%s", want[i].file);
		snprintf(name, sizeof(name), "image.decode.%s", want[i].file);
		img = image_load(path, want[i].file, &err);
		if (img == NULL || image_decode(img, &px, why,
		    sizeof(why)) == -1) {
			expect(0, name, img == NULL ? err : why);
			image_unref(img);
			free(err);
			err = NULL;
			continue;
		}
		expect(px.w == want[i].w && px.h == want[i].h && img->w ==
		    px.w && img->h == px.h && px.channels == want[i].channels &&
		    (px.alpha != NULL) == want[i].alpha, name,
		    "size, channels or alpha not as the file holds them");
		if (i == 0)
			bar = px;
		else {
			if (i == 1)
				expect(memcmp(bar.color, px.color, 360 * 120 *
				    3) == 0, "image.interlaced_same_pixels",
				    "interlaced.png decodes unlike bar.png");
			pixels_free(&px);
		}
		image_unref(img);
	}
	pixels_free(&bar);
}

/* Discussion groups: every student in one group, sizes as even as
 * possible, and never a group of one, for every class size and group
 * size a teacher can ask for; pairs of an odd class make one trio. */
static void
test_groups(void)
{
	size_t sizes[200], n, k, i, sum, lo, hi;
	long g;
	int good = 1;
	char why[160] = "";

	for (n = 2; n <= 120 && good; n++)
		for (g = 2; g <= 8 && good; g++) {
			k = disc_group_sizes(n, g, sizes);
			for (i = 0, sum = 0, lo = n, hi = 0; i < k; i++) {
				sum += sizes[i];
				lo = sizes[i] < lo ? sizes[i] : lo;
				hi = sizes[i] > hi ? sizes[i] : hi;
			}
			if (sum != n || lo < 2 || hi - lo > 1 ||
			    (hi > (size_t)g && !(g == 2 && hi == 3))) {
				snprintf(why, sizeof(why), "%zu students in "
				    "groups of %ld: %zu groups, sizes %zu to %zu",
				    n, g, k, lo, hi);
				good = 0;
			}
		}
	expect(good, "groups.even_never_one", why);
	k = disc_group_sizes(5, 4, sizes);
	expect(k == 2 && sizes[0] == 3 && sizes[1] == 2, "groups.five_by_four",
	    "5 students in groups of 4 are not 3 + 2");
	k = disc_group_sizes(10, 4, sizes);
	expect(k == 3 && sizes[0] == 4 && sizes[1] == 3 && sizes[2] == 3,
	    "groups.ten_by_four", "10 students in groups of 4 are not 4+3+3");
	/* visibly random groups round the other way: size or size + 1,
	 * never smaller (28 in threes: eight of 3 and one of 4) */
	for (n = 3, good = 1; n <= 120 && good; n++)
		for (g = 2; g <= 8 && (size_t)g <= n && good; g++) {
			k = disc_group_sizes_up(n, g, sizes);
			for (i = 0, sum = 0, lo = n, hi = 0; i < k; i++) {
				sum += sizes[i];
				lo = sizes[i] < lo ? sizes[i] : lo;
				hi = sizes[i] > hi ? sizes[i] : hi;
			}
			if (sum != n || lo < (size_t)g || hi - lo > 1 ||
			    k != n / (size_t)g) {
				snprintf(why, sizeof(why), "%zu students in "
				    "random groups of %ld: %zu groups, sizes %zu "
				    "to %zu", n, g, k, lo, hi);
				good = 0;
			}
		}
	expect(good, "groups.up_never_smaller", why);
	k = disc_group_sizes_up(28, 3, sizes);
	expect(k == 9 && sizes[0] == 4 && sizes[8] == 3, "groups.28_by_three",
	    "28 students in random groups of 3 are not eight 3s and a 4");
}

/* One copy: a name on a line, a title; name NULL leaves the name out. */
static struct doc *
copy_doc(const char *name, double line_y)
{
	struct doc *d = doc_new(612, 792);
	struct page *p = doc_add_page(d);
	struct item *it;

	it = page_push(p, ITEM_TEXT);
	it->text = xstrdup("Fractions");
	it->font = doc_font(d, "/f.ttf", 0);
	it = page_push(p, ITEM_LINE);
	it->y = it->y2 = line_y;
	it = page_push(p, ITEM_TEXT);
	it->text = xstrdup(name != NULL ? name : "");
	it->font = doc_font(d, "/f.ttf", 0);
	doc_add_page(d);	/* an empty second page */
	doc_add_outline(d, name != NULL ? name : "-", 0);
	return d;
}

/* The text a reader (a command taking the PDF's path) reads in path. */
static char *
read_back(const char *reader, const char *path)
{
	char cmd[512], *out = xcalloc(4096, 1);
	FILE *fp;
	size_t n = 0;

	snprintf(cmd, sizeof(cmd), reader, path);
	if ((fp = popen(cmd, "r")) != NULL) {
		n = fread(out, 1, 4095, fp);
		pclose(fp);
	}
	out[n] = '\0';
	return out;
}

/*
 * Glyph reach (glyphcodes.h): shaped glyphs whose ids are far past the
 * old limit of 6,400 (WenQuanYi Zen Hei's 中 and 文, drawn by id as a
 * shaper's glyphs are) print, and read back as their characters with
 * pdftotext and Ghostscript's txtwrite: 文 standing for "文字" (as a
 * ligature stands for its letters) reads both.
 */
static void
test_glyph_reach(void)
{
	static const char font[] = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
	static const char path[] = "tests/tmp/unit-glyphs.pdf";
	static const char *const readers[] = {
		"pdftotext %s - 2>/dev/null",
		"gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile=- %s 2>/dev/null",
	};
	hb_blob_t *blob = hb_blob_create_from_file(font);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *hf = hb_font_create(face);
	hb_codepoint_t zhong = 0, wen = 0;
	struct doc *d = doc_new(612, 792);
	struct page *p = doc_add_page(d);
	struct item *it;
	char err[256], *got;
	size_t i;

	hb_font_get_nominal_glyph(hf, 0x4E2D, &zhong);
	hb_font_get_nominal_glyph(hf, 0x6587, &wen);
	hb_font_destroy(hf);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	expect(zhong > 6400 && wen > 6400, "glyphs.ids_high",
	    "WenQuanYi Zen Hei's 中 and 文 are not past glyph 6,400 (or the "
	    "font is missing: apt-get install fonts-wqy-zenhei)");
	it = page_push(p, ITEM_TEXT);
	it->x = 72;
	it->y = 100;
	it->size = 20;
	it->font = doc_font(d, font, 0);
	it->glyph = 1;
	it->gid = zhong;
	it->text = xstrdup("中");
	it = page_push(p, ITEM_TEXT);
	*it = p->items[0];
	it->x = 92;
	it->gid = wen;
	it->text = xstrdup("文字");
	expect(render_doc(&dev_pdf, d, NULL, 0, path, err, sizeof(err)) == 0,
	    "glyphs.render", err);
	for (i = 0; i < sizeof(readers) / sizeof(readers[0]); i++) {
		got = read_back(readers[i], path);
		expect(strstr(got, "中文字") != NULL, "glyphs.read_back",
		    readers[i]);
		free(got);
	}
	doc_free(d);
}

static void
test_repeats(void)
{
	struct doc *all = doc_new(612, 792), *d;
	const char *names[] = { "Ana", "Ben", "Ana" };
	size_t i;

	for (i = 0; i < 3; i++) {
		d = copy_doc(names[i], 100);
		doc_append(all, d);
		doc_free(d);
	}
	d = copy_doc("Cy", 101);	/* the line moved: not a repeat */
	doc_append(all, d);
	doc_free(d);
	expect(all->npages == 8 && all->noutline == 4, "append copies",
	    "wrong page or bookmark count");
	expect(all->pages[0].base == 0 && all->pages[2].base == 1 &&
	    all->pages[3].base == 2 && all->pages[4].base == 1,
	    "pages repeat the first copy", "base not the first copy's page");
	expect(all->pages[2].nitems == 1 && all->pages[3].nitems == 0 &&
	    all->pages[4].nitems == 0, "a repeat holds only what differs",
	    "repeat keeps unchanged items");
	expect(all->pages[0].items[2].varies && !all->pages[0].items[0].varies,
	    "the name varies", "varies flags wrong");
	expect(page_nitems(all, 2) == 3 &&
	    strcmp(page_item(all, 2, 2)->text, "Ben") == 0 &&
	    strcmp(page_item(all, 2, 0)->text, "Fractions") == 0 &&
	    strcmp(page_item(all, 4, 2)->text, "Ana") == 0,
	    "page_item resolves repeats", "wrong item through a repeat");
	expect(all->pages[6].base == 0 && all->pages[7].base != 0,
	    "a moved item makes a page of its own",
	    "page with a moved line shared");
	/* a document holding repeats, appended after a page of its own
	 * (a key of several versions joined into a packet) */
	d = doc_new(612, 792);
	doc_add_page(d);
	page_push(&d->pages[0], ITEM_RECT)->w = 5;
	doc_append(d, all);
	doc_free(all);
	expect(d->npages == 9 && d->pages[3].base == 2 &&
	    strcmp(page_item(d, 3, 2)->text, "Ben") == 0 &&
	    strcmp(page_item(d, 3, 0)->text, "Fractions") == 0,
	    "an appended repeat keeps its base", "repeat points at the "
	    "wrong page after doc_append");
	page_own(d, 3);
	page_push(&d->pages[1], ITEM_RECT);	/* stamp the old base */
	expect(d->pages[3].base == 0 && d->pages[3].nitems == 3 &&
	    strcmp(d->pages[3].items[2].text, "Ben") == 0 &&
	    page_nitems(d, 3) == 3, "page_own resolves a repeat",
	    "page_own left the page a repeat or lost items");
	doc_free(d);
}

/* A PDF holds at most a million pages (render_pdf.c, PDF_MAX_PAGES):
 * more is refused with a reason before anything is drawn or written. */
static void
test_pdf_limit(void)
{
	struct doc *d = doc_new(612, 792);
	char err[256];
	int rc;

	d->npages = 1000001;	/* counted, never read: refused first */
	rc = render_doc(&dev_pdf, d, NULL, 0, "tests/tmp/limit.pdf", err,
	    sizeof(err));
	d->npages = 0;
	doc_free(d);
	expect(rc == -1 && strcmp(err, "the document has 1000001 pages, "
	    "more than one PDF can hold (1000000); write fewer copies at a "
	    "time") == 0, "pdf-page-limit", err);
	expect(fopen("tests/tmp/limit.pdf", "r") == NULL,
	    "pdf-page-limit-no-file", "a file was written");
}

/* Letters from the labels (template.c label_letter, label_lettered):
 * each language's list in order, its 26th letter there, in its mark;
 * a key's list of table answers joined by the language's comma, or its
 * semicolon where the comma is the decimal separator. */
static void
test_letters(void)
{
	static const struct {
		const char *lang, *first, *last, *mark, *part;
	} want[] = {
		{ "en", "A", "Z", "A.", "(a)" },
		{ "ar", "\xd8\xa3", "\xd8\xb6", "\xd8\xa3)", "(\xd8\xa3)" },
		{ "he", "\xd7\x90", "\xd7\x9b\xd7\x95", "\xd7\x90.",
		    "(\xd7\x90)" },
		{ "hi", "\xe0\xa4\x95", "\xe0\xa4\xaf",
		    "(\xe0\xa4\x95)", "(\xe0\xa4\x95)" },
	};
	struct template *t;
	char *mark, *part, name[32];
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		snprintf(name, sizeof(name), "letters: %s", want[i].lang);
		if ((t = template_load("worksheet", want[i].lang)) == NULL) {
			expect(0, "letters: template loads", want[i].lang);
			continue;
		}
		mark = label_lettered(t, LT_CHOICE, 0);
		part = label_lettered(t, LT_PART, 0);
		expect(strcmp(label_letter(t, LT_CHOICE, 0), want[i].first) ==
		    0 && strcmp(label_letter(t, LT_CHOICE, LABEL_LETTERS - 1),
		    want[i].last) == 0 && strcmp(mark, want[i].mark) == 0 &&
		    strcmp(part, want[i].part) == 0, name, "not the language's "
		    "letters");
		free(mark);
		free(part);
		template_free(t);
	}
}

int
main(void)
{
	test_utf8();
	test_rng();
	test_schema();
	test_loader();
	test_tables();
	test_letters();
	test_text();
	test_layout();
	test_repeats();
	test_glyph_reach();
	test_math_parse();
	test_math_linear();
	test_math_decimal();
	test_math_boxes();
	test_text_marks();
	test_libpath();
	test_image();
	test_groups();
	test_vars();
	test_reuse();
	test_figures();
	test_pdf_limit();
	test_settings();
	return failures != 0;
}
