/*
 * unit_vars.c - the evaluator (exact values, lowest terms, overflow, each
 * error at its offset), {a} substitution, and property tests over
 * thousands of seeds: every value the key prints is recomputed here
 * independently with 128-bit integers and a gcd of our own, shuffled
 * answers still point at the right choice, and the same seed draws the
 * same instance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "expr.h"
#include "set.h"
#include "unit.h"
#include "vary.h"

typedef __int128 i128;

static const struct var test_vars_ab[] = {
	{ "a", { VAL_NUM, { 3, 1 }, "", 0 } },
	{ "b", { VAL_NUM, { 4, 1 }, "", 0 } },
	{ "w", { VAL_TEXT, { 0, 1 }, "apples", 0 } },
};
static const struct scope test_scope = { test_vars_ab, 3, 0, NULL };

/* Evaluate src; the printed value or "ERR@off" (static buffer). */
static const char *
ev(const char *src)
{
	static char buf[VAL_TEXT_MAX + 300];
	struct value v;
	struct expr_err e;

	if (expr_eval(src, &test_scope, &v, &e) < 0)
		snprintf(buf, sizeof(buf), "ERR@%zu %s", e.off, e.msg);
	else
		value_format(&v, buf);
	return buf;
}

static void
test_values(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{ "a/b + 1/2", "5/4" }, { "6/8", "3/4" }, { "-6/8", "-3/4" },
		{ "6/-8", "-3/4" }, { "4/2", "2" }, { "0/5", "0" },
		{ "mixed(7/4)", "1 3/4" }, { "mixed(-7/4)", "-1 3/4" },
		{ "mixed(3/4)", "3/4" }, { "mixed(8/4)", "2" },
		{ "dec(3/4, 2)", "0.75" }, { "dec(1/8, 2)", "0.13" },
		{ "dec(-1/8, 2)", "-0.13" }, { "dec(2/3, 0)", "1" },
		{ "dec(1/3, 4)", "0.3333" }, { "dec(-1/1000, 2)", "0.00" },
		{ "round(2.5)", "3" }, { "round(-2.5)", "-3" },
		{ "round(1.25, 1)", "13/10" }, { "round(7/3, 2)", "233/100" },
		{ "2^-2", "1/4" }, { "(2/3)^3", "8/27" }, { "-2^2", "-4" },
		{ "(-2)^3", "-8" }, { "2^3^2", "512" }, { "2^62",
		    "4611686018427387904" },
		{ "gcd(12, 18)", "6" }, { "gcd(0, 5)", "5" }, { "lcm(4, 6)",
		    "12" }, { "lcm(2, 3, 4)", "12" }, { "abs(-3/4)", "3/4" },
		{ "min(a, b, 1/2)", "1/2" }, { "max(-1, -1/2)", "-1/2" },
		{ "floor(-7/4)", "-2" }, { "ceil(7/4)", "2" }, { "floor(2)",
		    "2" },
		{ "1.25 * 4", "5" }, { "0.1 + 0.2 == 0.3", "1" },
		{ "a < b and b < 5", "1" }, { "not a == 3", "0" },
		{ "a == 3 or 1/2 > 1", "1" }, { "w == w", "1" },
		{ "w", "apples" }, { "9223372036854775807", "9223372036854775807" },
		{ "1 - 2 - 3", "-4" }, { "12 / 3 / 2", "2" },
	};
	size_t i;
	char name[128];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(name, sizeof(name), "expr %s = %s", cases[i].src,
		    cases[i].want);
		expect(strcmp(ev(cases[i].src), cases[i].want) == 0, name,
		    ev(cases[i].src));
	}
}

/* dec() prints the language's decimal separator; nothing else changes:
 * mixed() and fractions have none, and the texts of {...} are filled the
 * same way. */
static void
test_decimal(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{ "{= dec(3/4, 2)} \u20ac", "0,75 \u20ac" },
		{ "`{= dec(a/b, 1)} + {a}/{b}`", "`0,8 + 3/4`" },
		{ "{= dec(-1/8, 2)}, {= dec(5/2, 0)}", "-0,13, 3" },
		{ "{= mixed(7/4)} {= round(1.25, 1)}", "1 3/4 13/10" },
	};
	struct scope comma = test_scope;
	struct expr_err e;
	char name[128], *s;
	size_t i;

	comma.decimal = ",";
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = expr_subst(cases[i].src, &comma, &e);
		snprintf(name, sizeof(name), "decimal comma %s", cases[i].src);
		expect(s != NULL && strcmp(s, cases[i].want) == 0, name,
		    s != NULL ? s : e.msg);
		free(s);
	}
}

/* Every error, at its offset, with the start of its message. */
static void
test_errors(void)
{
	static const struct {
		const char *src, *want;
	} cases[] = {
		{ "1/0", "ERR@1 this divides by zero" },
		{ "a/(b-4)", "ERR@1 this divides by zero" },
		{ "0^-1", "ERR@1 this divides by zero" },
		{ "0^0", "ERR@1 0^0 has no value" },
		{ "2^0.5", "ERR@1 a power must be a whole number" },
		{ "9223372036854775807 + 1", "ERR@20 the numbers grow too" },
		{ "2^63", "ERR@1 the numbers grow too large" },
		{ "3037000500 * 3037000500", "ERR@11 the numbers grow" },
		{ "1/3000000000 * 1/3000000000 * 1/3", "ERR@31 the numbers" },
		{ "lcm(9223372036854775807, 2)", "ERR@0 the numbers grow" },
		{ "99999999999999999999", "ERR@0 this number is too long" },
		{ "c + 1", "ERR@0 unknown variable \"c\"; the variables here "
		    "are a, b and w" },
		{ "sqrt(4)", "ERR@0 unknown function \"sqrt\"" },
		{ "gcd", "ERR@0 gcd is a function; write gcd(a, b)" },
		{ "gcd(1)", "ERR@0 gcd() takes at least 2 arguments, not 1" },
		{ "abs(1, 2)", "ERR@0 abs() takes 1 argument, not 2" },
		{ "round(1,2,3)", "ERR@0 round() takes 1 or 2 arguments" },
		{ "dec(1)", "ERR@0 dec() takes 2 arguments, not 1" },
		{ "dec(1, 10)", "ERR@7 the number of digits must be" },
		{ "round(1, 1/2)", "ERR@9 the number of digits must be" },
		{ "gcd(1/2, 4)", "ERR@4 gcd() needs whole numbers, not 1/2" },
		{ "2a", "ERR@1 an operator is missing before \"a\"" },
		{ "(1+2", "ERR@0 this ( is never closed" },
		{ "1+2)", "ERR@3 this ) has no ( to close" },
		{ "", "ERR@0 the expression is empty" },
		{ "1 +", "ERR@3 the expression ends where" },
		{ "a = b", "ERR@2 a single = does not compare" },
		{ "a < b < 5", "ERR@6 comparisons do not chain" },
		{ "a # b", "ERR@2 \"#\" cannot be used" },
		{ "a \xc3\x97 b", "ERR@2 only + - * / ^" },
		{ "and a", "ERR@0 \"and\" needs something on its left" },
		{ "mixed(1/2) + 1", "ERR@11 mixed() and dec() make text" },
		{ "w + 1", "ERR@2 \"apples\" is a word, not a number" },
		{ "w < 1", "ERR@2 a word can only be compared" },
		{ "1 2", "ERR@2 an operator is missing" },
		{ "((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))"
		    "))))))))))))))))))))))))))", "ERR@40 the expression is "
		    "nested too deeply" },
	};
	size_t i;
	char name[160];

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(name, sizeof(name), "expr error %s", cases[i].src);
		expect(strncmp(ev(cases[i].src), cases[i].want,
		    strlen(cases[i].want)) == 0, name, ev(cases[i].src));
	}
}

static void
test_subst(void)
{
	struct expr_err e;
	struct scope check = test_scope;
	char *s;

	s = expr_subst("`{a}/{ b }` is {= a/b}, \\{a} {w}", &test_scope, &e);
	expect(s && strcmp(s, "`3/4` is 3/4, \\{a} apples") == 0,
	    "subst fills and keeps \\{", s ? s : e.msg);
	free(s);
	s = expr_subst("x {a+1}", &test_scope, &e);
	expect(s == NULL && e.off == 2 && strstr(e.msg, "write {= a+1}"),
	    "subst {a+1} says use {=", e.msg);
	s = expr_subst("x {}", &test_scope, &e);
	expect(s == NULL && e.off == 2, "subst {} empty", e.msg);
	s = expr_subst("x {a", &test_scope, &e);
	expect(s == NULL && e.off == 2 && strstr(e.msg, "never closed"),
	    "subst { unclosed", e.msg);
	s = expr_subst("x {= a/(b - 4)}", &test_scope, &e);
	expect(s == NULL && e.off == 6 && strstr(e.msg, "divides by zero"),
	    "subst error offset inside the text", e.msg);
	s = expr_subst("ab {zz}", &test_scope, &e);
	expect(s == NULL && e.off == 4, "subst unknown variable offset",
	    e.msg);
	check.check = 1;
	s = expr_subst("{= a/(b - 4)}", &check, &e);
	expect(s != NULL, "subst check mode computes nothing", e.msg);
	free(s);
}

/* expr_report_fn for the test: "off," per mistake into a buffer. */
static void
offsets_report(const struct expr_err *e, void *arg)
{
	char *buf = arg;

	snprintf(buf + strlen(buf), 64, "%zu,", e->off);
}

/* Every mistake of a text is reported, in order, and nothing is filled. */
static void
test_subst_each(void)
{
	char offs[256] = "";
	char *s;

	s = expr_subst_each("{a} {zz} {= a/(b - 4)} {= b/(a - 3)} {} {b",
	    &test_scope, offsets_report, offs);
	expect(s == NULL && strcmp(offs, "5,13,27,37,40,") == 0,
	    "subst_each reports every mistake at its offset", offs);
	offs[0] = '\0';
	s = expr_subst_each("{a} and {= a + b}", &test_scope, offsets_report,
	    offs);
	expect(s != NULL && strcmp(s, "3 and 7") == 0 && offs[0] == '\0',
	    "subst_each without mistakes reports none", offs);
	free(s);
}

/* ---- properties, checked against 128-bit arithmetic ----------------- */

static i128
g128(i128 a, i128 b)
{
	i128 t;

	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* n/d reduced; 1 when it fits an int64 rational as expr.c keeps them. */
static int
reduce128(i128 n, i128 d, struct rat *out)
{
	i128 g = g128(n, d);
	const i128 max = (i128)INT64_MAX;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	if (g > 1) {
		n /= g;
		d /= g;
	}
	if (n > max || n < -max || d > max)
		return 0;
	out->n = (int64_t)n;
	out->d = (int64_t)d;
	return 1;
}

/* A random rational whose size is itself random: small or near 2^62. */
static struct rat
rand_rat(struct rng *r)
{
	int bits = 1 + (int)rng_below(r, 62);
	struct rat x;
	uint64_t m = bits >= 63 ? UINT64_MAX >> 1 : (1ULL << bits) - 1;
	uint64_t n = (((uint64_t)rng_next(r) << 32) | rng_next(r)) & m;
	uint64_t d = ((((uint64_t)rng_next(r) << 32) | rng_next(r)) &
	    ((1ULL << (1 + rng_below(r, 40))) - 1)) + 1;

	rat_make(rng_below(r, 2) ? -(int64_t)n : (int64_t)n, (int64_t)d, &x,
	    NULL);
	return x;
}

static void
test_rat_properties(void)
{
	struct rng r;
	struct rat a, b, got, want;
	int i, op, wrong = 0, missed = 0, cmp_wrong = 0, rc, fits;
	i128 n, d;

	rng_seed(&r, 12345, 7);
	for (i = 0; i < 200000; i++) {
		a = rand_rat(&r);
		b = rand_rat(&r);
		op = i % 4;
		if (op == 3 && b.n == 0)
			continue;
		switch (op) {
		case 0:
			rc = rat_add(a, b, &got, NULL);
			n = (i128)a.n * b.d + (i128)b.n * a.d;
			d = (i128)a.d * b.d;
			break;
		case 1:
			rc = rat_sub(a, b, &got, NULL);
			n = (i128)a.n * b.d - (i128)b.n * a.d;
			d = (i128)a.d * b.d;
			break;
		case 2:
			rc = rat_mul(a, b, &got, NULL);
			n = (i128)a.n * b.n;
			d = (i128)a.d * b.d;
			break;
		default:
			rc = rat_div(a, b, &got, NULL);
			n = (i128)a.n * b.d;
			d = (i128)a.d * b.n;
			break;
		}
		fits = reduce128(n, d, &want);
		/* never a wrong number; an error only when it is too big */
		if (rc == 0 && (!fits || got.n != want.n || got.d != want.d))
			wrong++;
		if (rc < 0 && fits && want.n < (1LL << 40) &&
		    want.n > -(1LL << 40) && want.d < (1LL << 40))
			missed++;
		if (rat_cmp(a, b) != ((i128)a.n * b.d < (i128)b.n * a.d ? -1 :
		    (i128)a.n * b.d > (i128)b.n * a.d))
			cmp_wrong++;
	}
	expect(wrong == 0, "rat: 200000 results equal 128-bit arithmetic",
	    "a result differs or an overflow gave a number");
	expect(missed == 0, "rat: small results never called overflow",
	    "a small result was refused");
	expect(cmp_wrong == 0, "rat: comparison exact", "a comparison erred");
}

/* The value of "a/b + c/d" printed by the evaluator against 128 bits. */
static void
test_eval_property(void)
{
	struct rng r;
	struct var v[4] = { { "a", { VAL_NUM, { 0, 1 }, "", 0 } },
	    { "b", { VAL_NUM, { 0, 1 }, "", 0 } },
	    { "c", { VAL_NUM, { 0, 1 }, "", 0 } },
	    { "d", { VAL_NUM, { 0, 1 }, "", 0 } } };
	struct scope sc = { v, 4, 0, NULL };
	struct value out;
	struct rat want;
	char got[VAL_TEXT_MAX], exp[VAL_TEXT_MAX];
	int i, k, bad = 0;

	rng_seed(&r, 99, 3);
	for (i = 0; i < 20000; i++) {
		for (k = 0; k < 4; k++)
			v[k].v.r.n = (int64_t)rng_below(&r, k % 2 ? 999999 :
			    1999999) + (k % 2) - (k % 2 ? 0 : 999999);
		if (expr_eval("a/b + c/d", &sc, &out, NULL) < 0) {
			bad++;
			continue;
		}
		value_format(&out, got);
		reduce128((i128)v[0].v.r.n * v[3].v.r.n + (i128)v[1].v.r.n *
		    v[2].v.r.n, (i128)v[1].v.r.n * v[3].v.r.n, &want);
		if (want.d == 1)
			snprintf(exp, sizeof(exp), "%lld", (long long)want.n);
		else
			snprintf(exp, sizeof(exp), "%lld/%lld",
			    (long long)want.n, (long long)want.d);
		bad += strcmp(got, exp) != 0;
	}
	expect(bad == 0, "eval: a/b + c/d = (ad + bc)/(bd) for 20000 draws",
	    "a value differs");
}

/* The number value of variable name in a drawn problem. */
static int64_t
val_of(const struct pinst *pi, const char *name)
{
	size_t i;

	for (i = 0; i < pi->src->nvars; i++)
		if (strcmp(pi->vals[i].name, name) == 0)
			return pi->vals[i].v.r.n;
	return 0;
}

static const struct pinst *
find_problem(const struct instance *in, int written)
{
	size_t i;

	for (i = 0; i < in->sections[0].nproblems; i++)
		if (in->sections[0].problems[i].src->number == written)
			return &in->sections[0].problems[i];
	return NULL;
}

/* For thousands of seeds and versions: the key's texts against values
 * recomputed here; the right choice under the shuffle; where honoured. */
static void
test_draw_properties(void)
{
	struct set *s;
	struct instance *in, *again;
	const struct pinst *p1, *p2;
	struct rat want;
	char exp[VAL_TEXT_MAX];
	int seed, ver, bad_value = 0, bad_choice = 0, bad_where = 0;
	int bad_same = 0, pinned = 0, moved = 0;
	int64_t a, b, c, d;
	size_t k, right;

	s = set_load(scratch("title: T\nshuffle: true\nproblems:\n"
	    "  - type: short\n    vars: {a: 1..40, b: 2..40, c: -9..9, "
	    "d: [3, 7, 12]}\n    where: [\"a != b\", \"gcd(a, b) == 1\"]\n"
	    "    prompt: \"`{a}/{b} + {c}/{d}`\"\n"
	    "    answer: \"`{= a/b + c/d}`\"\n"
	    "  - type: choice\n    vars: {a: 2..12, b: 2..12}\n"
	    "    prompt: \"`{a} xx {b}`\"\n"
	    "    choices: [\"{= a*b}\", \"{= a*b + a}\", \"{= a + b}\", "
	    "\"None of these\"]\n    answer: A\n    pin_last: 1\n"));
	expect(s != NULL, "draw: property set loads", "set rejected");
	if (s == NULL)
		return;
	for (seed = 1; seed <= 1500; seed++)
		for (ver = 0; ver < 3; ver++) {
			if ((in = vary(s, seed, ver, NULL, NULL)) == NULL) {
				bad_value++;
				continue;
			}
			p1 = find_problem(in, 1);
			p2 = find_problem(in, 2);
			a = val_of(p1, "a");
			b = val_of(p1, "b");
			c = val_of(p1, "c");
			d = val_of(p1, "d");
			bad_where += a == b || g128(a, b) != 1;
			reduce128((i128)a * d + (i128)c * b, (i128)b * d, &want);
			if (want.d == 1)
				snprintf(exp, sizeof(exp), "`%lld`",
				    (long long)want.n);
			else
				snprintf(exp, sizeof(exp), "`%lld/%lld`",
				    (long long)want.n, (long long)want.d);
			bad_value += strcmp(p1->p->answer.s, exp) != 0;
			/* the printed position the key marks shows a*b */
			a = val_of(p2, "a");
			b = val_of(p2, "b");
			snprintf(exp, sizeof(exp), "%lld", (long long)(a * b));
			for (k = 0, right = 99; k < p2->p->choices.n; k++)
				if ((p2->p->correct >> p2->choices[k]) & 1)
					right = k;
			bad_choice += right > 3 || strcmp(p2->p->choices.v[
			    p2->choices[right]].s, exp) != 0;
			bad_same += a * b == a + b || a * b + a == a + b;
			pinned += p2->choices[3] == 3;
			moved += p2->choices[0] != 0;
			/* the same seed and version draw the same */
			again = vary(s, seed, ver, NULL, NULL);
			if (again == NULL || strcmp(find_problem(again,
			    1)->p->answer.s, p1->p->answer.s) != 0 ||
			    memcmp(find_problem(again, 2)->choices,
			    p2->choices, 4 * sizeof(int)) != 0)
				bad_value++;
			instance_free(again);
			instance_free(in);
		}
	expect(bad_value == 0, "draw: 4500 keys equal the value recomputed",
	    "a key's value differs (or a draw failed)");
	expect(bad_where == 0, "draw: every where holds", "a where failed");
	expect(bad_choice == 0, "draw: shuffled answer points at a*b",
	    "the key marks the wrong choice");
	expect(bad_same == 0, "draw: no two choices read the same",
	    "a distractor equals the answer");
	expect(pinned == 4500, "draw: pinned last choice stays last",
	    "None of these moved");
	expect(moved > 1000, "draw: choices are shuffled", "never shuffled");
	set_free(s);
}

/* Loader: positions inside texts, vars and where mistakes. */
static void
test_var_loading(void)
{
	struct set *s;
	size_t e;

	diag_quiet(1);
	e = diag_errors();
	s = set_load(scratch("title: T\nproblems:\n  - type: short\n"
	    "    vars: {a: 2..9}\n    where: a > 1\n"
	    "    prompt: \"a {a}\"\n    answer: 'it''s {= a}'\n"));
	expect(s != NULL && s->sections[0].problems[0].nvars == 1 &&
	    s->sections[0].problems[0].where.n == 1,
	    "vars: a range and a where of one text", "not loaded");
	if (s != NULL) {
		struct mark mp, ma;

		text_mark_at(&s->sections[0].problems[0].prompt, 2, &mp);
		text_mark_at(&s->sections[0].problems[0].answer, 5, &ma);
		expect(mp.line == 6 && mp.col == 16 && ma.line == 7 &&
		    ma.col == 20, "text_mark_at: exact in double quotes and "
		    "after a '' escape", "wrong column");
	}
	set_free(s);
	s = set_load(scratch("title: T\nproblems:\n  - type: short\n"
	    "    vars: {a: 9..2, b: [1, x], c: [], 2x: 1}\n"
	    "    where: [\"a = 1\"]\n    prompt: \"{d}\"\n    answer: x\n"));
	expect(s == NULL && diag_errors() == e + 6, "vars: six mistakes "
	    "reported", "wrong count");
	diag_reset();
	diag_quiet(0);
}

void
test_vars(void)
{
	test_values();
	test_decimal();
	test_errors();
	test_subst();
	test_subst_each();
	test_rat_properties();
	test_eval_property();
	test_draw_properties();
	test_var_loading();
}
