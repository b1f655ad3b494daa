/*
 * expr.c - exact rationals, expressions and {a} substitution; see expr.h.
 *
 * The parser is recursive descent over a token stream and evaluates as it
 * goes (an expression is short and evaluated once per draw).  In check
 * mode it evaluates nothing: every number is 1 and every name is checked
 * against the scope, so `mimeo check` reports syntax, unknown names and
 * argument counts before any value is drawn.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "util.h"

#define EXPR_MAX_DEPTH	40

static int
ex_fail(struct expr_err *err, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
ex_fail(struct expr_err *err, size_t off, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->off = off;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* ---- rationals ------------------------------------------------------ */

static uint64_t
u_abs(int64_t x)
{
	return x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
}

static uint64_t
u_gcd(uint64_t a, uint64_t b)
{
	uint64_t t;

	while (b != 0) {
		t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static int
ex_overflow(struct expr_err *err)
{
	return ex_fail(err, 0, "the numbers grow too large to compute "
	    "exactly: more than 19 digits");
}

int
rat_make(int64_t n, int64_t d, struct rat *out, struct expr_err *err)
{
	uint64_t g;

	if (d == 0)
		return ex_fail(err, 0, "this divides by zero");
	if (n == INT64_MIN || d == INT64_MIN)
		return ex_overflow(err);
	if (d < 0) {
		n = -n;
		d = -d;
	}
	g = u_gcd(u_abs(n), (uint64_t)d);
	out->n = n / (int64_t)g;
	out->d = d / (int64_t)g;
	return 0;
}

/* Knuth, TAOCP 4.5.1: reduce by the gcd of the denominators first, so
 * only a result that does not fit overflows (almost always). */
int
rat_add(struct rat a, struct rat b, struct rat *out, struct expr_err *err)
{
	int64_t g = (int64_t)u_gcd((uint64_t)a.d, (uint64_t)b.d);
	int64_t x, y, t, g2, den;

	if (__builtin_mul_overflow(a.n, b.d / g, &x) ||
	    __builtin_mul_overflow(b.n, a.d / g, &y) ||
	    __builtin_add_overflow(x, y, &t))
		return ex_overflow(err);
	g2 = (int64_t)u_gcd(u_abs(t), (uint64_t)g);
	if (g2 == 0)
		g2 = 1;
	if (__builtin_mul_overflow(a.d / g, b.d / g2, &den))
		return ex_overflow(err);
	return rat_make(t / g2, den, out, err);
}

int
rat_sub(struct rat a, struct rat b, struct rat *out, struct expr_err *err)
{
	b.n = -b.n;		/* safe: INT64_MIN never occurs */
	return rat_add(a, b, out, err);
}

int
rat_mul(struct rat a, struct rat b, struct rat *out, struct expr_err *err)
{
	int64_t g1 = (int64_t)u_gcd(u_abs(a.n), (uint64_t)b.d);
	int64_t g2 = (int64_t)u_gcd(u_abs(b.n), (uint64_t)a.d);
	int64_t n, d;

	if (g1 == 0)
		g1 = 1;
	if (g2 == 0)
		g2 = 1;
	if (__builtin_mul_overflow(a.n / g1, b.n / g2, &n) ||
	    __builtin_mul_overflow(a.d / g2, b.d / g1, &d))
		return ex_overflow(err);
	return rat_make(n, d, out, err);
}

int
rat_div(struct rat a, struct rat b, struct rat *out, struct expr_err *err)
{
	struct rat inv;

	if (b.n == 0)
		return ex_fail(err, 0, "this divides by zero");
	if (rat_make(b.d, b.n, &inv, err) < 0)
		return -1;
	return rat_mul(a, inv, out, err);
}

static int
i_pow(int64_t b, uint64_t e, int64_t *out)
{
	int64_t r = 1;

	while (e > 0) {
		if ((e & 1) && __builtin_mul_overflow(r, b, &r))
			return -1;
		e >>= 1;
		if (e > 0 && __builtin_mul_overflow(b, b, &b))
			return -1;
	}
	*out = r;
	return 0;
}

int
rat_pow(struct rat b, struct rat e, struct rat *out, struct expr_err *err)
{
	int64_t n, d;
	uint64_t k;

	if (e.d != 1)
		return ex_fail(err, 0, "a power must be a whole number; "
		    "roots and fractional powers are not exact");
	if (b.n == 0 && e.n == 0)
		return ex_fail(err, 0, "0^0 has no value");
	if (b.n == 0 && e.n < 0)
		return ex_fail(err, 0, "this divides by zero (0 to a negative "
		    "power)");
	k = u_abs(e.n);
	if (i_pow(b.n, k, &n) < 0 || i_pow(b.d, k, &d) < 0)
		return ex_overflow(err);
	return e.n < 0 ? rat_make(d, n, out, err) : rat_make(n, d, out, err);
}

/* Floor division of n by d > 0: quotient and remainder 0 <= r < d. */
static void
floor_div(int64_t n, int64_t d, int64_t *q, int64_t *r)
{
	*q = n / d;
	*r = n % d;
	if (*r < 0) {
		--*q;
		*r += d;
	}
}

/* Compare by continued fractions: whole parts first, then the
 * reciprocals of what is left (order reversed).  Never overflows. */
int
rat_cmp(struct rat a, struct rat b)
{
	int64_t q1, r1, q2, r2;
	struct rat x, y;

	floor_div(a.n, a.d, &q1, &r1);
	floor_div(b.n, b.d, &q2, &r2);
	if (q1 != q2)
		return q1 < q2 ? -1 : 1;
	if (r1 == 0 || r2 == 0)
		return r1 == r2 ? 0 : r1 == 0 ? -1 : 1;
	x.n = b.d;
	x.d = r2;
	y.n = a.d;
	y.d = r1;
	return rat_cmp(x, y);
}

void
value_format(const struct value *v, char *buf)
{
	if (v->kind == VAL_TEXT)
		snprintf(buf, VAL_TEXT_MAX, "%s", v->text);
	else if (v->r.d == 1)
		snprintf(buf, VAL_TEXT_MAX, "%lld", (long long)v->r.n);
	else
		snprintf(buf, VAL_TEXT_MAX, "%lld/%lld", (long long)v->r.n,
		    (long long)v->r.d);
}

/* ---- tokens --------------------------------------------------------- */

enum tok {
	T_END, T_NUM, T_NAME, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_CARET,
	T_LPAR, T_RPAR, T_COMMA, T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE
};

struct ex {
	const char	*src;
	size_t		 pos;		/* after the current token */
	enum tok	 tok;
	size_t		 toff, tlen;	/* the current token */
	const struct scope *sc;
	struct expr_err	*err;
	int		 depth;
};

/* Brackets, signs and "not" one inside another, each a level of
 * recursion: refused before they can exhaust the stack. */
static int
ex_too_deep(struct ex *x, size_t off)
{
	return ex_fail(x->err, off, "the expression is nested too deeply "
	    "(more than %d brackets, signs or \"not\" one inside another); "
	    "write it more simply", EXPR_MAX_DEPTH);
}

static int
ex_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
ex_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static int
ex_next(struct ex *x)
{
	const char *s = x->src;
	size_t p = x->pos;
	static const struct {
		const char *s;
		enum tok t;
	} ops[] = { { "<=", T_LE }, { ">=", T_GE }, { "==", T_EQ },
	    { "!=", T_NE }, { "<", T_LT }, { ">", T_GT }, { "+", T_PLUS },
	    { "-", T_MINUS }, { "*", T_STAR }, { "/", T_SLASH },
	    { "^", T_CARET }, { "(", T_LPAR }, { ")", T_RPAR },
	    { ",", T_COMMA } };
	size_t i, l;

	while (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')
		p++;
	x->toff = p;
	if (s[p] == '\0') {
		x->tok = T_END;
		x->tlen = 0;
		x->pos = p;
		return 0;
	}
	if (ex_isdigit((unsigned char)s[p]) || (s[p] == '.' &&
	    ex_isdigit((unsigned char)s[p + 1]))) {
		while (ex_isdigit((unsigned char)s[p]))
			p++;
		if (s[p] == '.' && ex_isdigit((unsigned char)s[p + 1]))
			for (p++; ex_isdigit((unsigned char)s[p]); p++)
				;
		x->tok = T_NUM;
	} else if (ex_isalpha((unsigned char)s[p])) {
		while (ex_isalpha((unsigned char)s[p]) ||
		    ex_isdigit((unsigned char)s[p]))
			p++;
		x->tok = T_NAME;
	} else {
		for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
			l = strlen(ops[i].s);
			if (strncmp(s + p, ops[i].s, l) == 0)
				break;
		}
		if (i == sizeof(ops) / sizeof(ops[0])) {
			if (s[p] == '=')
				return ex_fail(x->err, p, "a single = does not "
				    "compare; write == (or != for \"is not\")");
			if ((unsigned char)s[p] >= 0x80)
				return ex_fail(x->err, p, "only + - * / ^, "
				    "comparisons and ( ) may be used in an "
				    "expression, not this character");
			return ex_fail(x->err, p, "\"%c\" cannot be used in an "
			    "expression; the operators are + - * / ^ and "
			    "comparisons like < and ==", s[p]);
		}
		p += l;
		x->tok = ops[i].t;
	}
	x->tlen = p - x->toff;
	x->pos = p;
	return 0;
}

static int
ex_word(const struct ex *x, const char *w)
{
	return x->tok == T_NAME && x->tlen == strlen(w) &&
	    strncmp(x->src + x->toff, w, x->tlen) == 0;
}

/* ---- values --------------------------------------------------------- */

static void
v_num(struct value *v, struct rat r)
{
	v->printed = 0;
	v->kind = VAL_NUM;
	v->r = r;
	v->text[0] = '\0';
}

static int
v_need_num(struct ex *x, const struct value *v, size_t off)
{
	if (v->kind == VAL_NUM)
		return 0;
	if (v->printed)
		return ex_fail(x->err, off, "mixed() and dec() make text for "
		    "printing, which cannot be computed with: use them "
		    "outermost, like {= mixed(a/b + 1)}");
	return ex_fail(x->err, off, "\"%s\" is a word, not a number, so it "
	    "cannot be computed with", v->text);
}

/* Apply a binary arithmetic operator; errors point at the operator. */
static int
v_arith(struct ex *x, enum tok op, size_t off, struct value *a,
    const struct value *b)
{
	struct rat r;
	int rc;

	if (v_need_num(x, a, off) < 0 || v_need_num(x, b, off) < 0)
		return -1;
	if (x->sc->check)
		return 0;
	switch (op) {
	case T_PLUS:
		rc = rat_add(a->r, b->r, &r, x->err);
		break;
	case T_MINUS:
		rc = rat_sub(a->r, b->r, &r, x->err);
		break;
	case T_STAR:
		rc = rat_mul(a->r, b->r, &r, x->err);
		break;
	case T_SLASH:
		rc = rat_div(a->r, b->r, &r, x->err);
		break;
	default:
		rc = rat_pow(a->r, b->r, &r, x->err);
		break;
	}
	if (rc < 0) {
		x->err->off = off;
		return -1;
	}
	v_num(a, r);
	return 0;
}

/* ---- functions ------------------------------------------------------ */

enum fn { F_GCD, F_LCM, F_ABS, F_MIN, F_MAX, F_FLOOR, F_CEIL, F_ROUND,
	F_MIXED, F_DEC };

static const struct {
	const char	*name;
	int		 min, max;
	const char	*usage;
} functions[] = {
	[F_GCD] = { "gcd", 2, 8, "gcd(a, b)" },
	[F_LCM] = { "lcm", 2, 8, "lcm(a, b)" },
	[F_ABS] = { "abs", 1, 1, "abs(x)" },
	[F_MIN] = { "min", 2, 8, "min(a, b)" },
	[F_MAX] = { "max", 2, 8, "max(a, b)" },
	[F_FLOOR] = { "floor", 1, 1, "floor(x)" },
	[F_CEIL] = { "ceil", 1, 1, "ceil(x)" },
	[F_ROUND] = { "round", 1, 2, "round(x, digits)" },
	[F_MIXED] = { "mixed", 1, 1, "mixed(x)" },
	[F_DEC] = { "dec", 2, 2, "dec(x, digits)" },
};
#define NFUNCTIONS	(sizeof(functions) / sizeof(functions[0]))

static const int64_t pow10_table[] = { 1, 10, 100, 1000, 10000, 100000,
    1000000, 10000000, 100000000, 1000000000 };

/* round half away from zero of x to digits places: q / 10^digits. */
static int
fn_round(struct ex *x, struct rat v, int64_t digits, size_t off,
    int64_t *q)
{
	struct rat m, y;
	uint64_t whole, rem;

	m.n = pow10_table[digits];
	m.d = 1;
	if (rat_mul(v, m, &y, x->err) < 0) {
		x->err->off = off;
		return -1;
	}
	whole = u_abs(y.n) / (uint64_t)y.d;
	rem = u_abs(y.n) % (uint64_t)y.d;
	if (rem >= (uint64_t)y.d - rem)		/* 2 rem >= d: half or more */
		whole++;
	*q = y.n < 0 ? -(int64_t)whole : (int64_t)whole;
	return 0;
}

static int
fn_digits(struct ex *x, const struct value *v, size_t off, int64_t *digits)
{
	if (x->sc->check) {
		*digits = 0;
		return 0;
	}
	if (v->r.d != 1 || v->r.n < 0 || v->r.n > 9)
		return ex_fail(x->err, off, "the number of digits must be a "
		    "whole number from 0 to 9");
	*digits = v->r.n;
	return 0;
}

static int
fn_whole(struct ex *x, const struct value *v, size_t off, const char *fn)
{
	if (x->sc->check || v->r.d == 1)
		return 0;
	return ex_fail(x->err, off, "%s() needs whole numbers, not %lld/%lld",
	    fn, (long long)v->r.n, (long long)v->r.d);
}

/* Call function f on args (their offsets in aoff); result in *out. */
static int
fn_call(struct ex *x, enum fn f, size_t off, struct value *args,
    const size_t *aoff, int n, struct value *out)
{
	struct rat r = args[0].r;
	int64_t q, rem, digits = 0;
	uint64_t g;
	int i;

	for (i = 0; i < n; i++)
		if (v_need_num(x, &args[i], aoff[i]) < 0)
			return -1;
	if (x->sc->check) {
		*out = args[0];
		if (f == F_MIXED || f == F_DEC) {
			out->kind = VAL_TEXT;
			out->printed = 1;
			strcpy(out->text, "1");
		}
		return 0;
	}
	switch (f) {
	case F_GCD:
	case F_LCM:
		for (i = 0; i < n; i++)
			if (fn_whole(x, &args[i], aoff[i], functions[f].name) <
			    0)
				return -1;
		r.n = (int64_t)u_abs(args[0].r.n);
		r.d = 1;
		for (i = 1; i < n; i++) {
			g = u_gcd((uint64_t)r.n, u_abs(args[i].r.n));
			if (f == F_GCD)
				r.n = (int64_t)g;
			else if (g == 0)
				r.n = 0;
			else if (__builtin_mul_overflow(r.n / (int64_t)g,
			    (int64_t)u_abs(args[i].r.n), &r.n)) {
				ex_overflow(x->err);
				x->err->off = off;
				return -1;
			}
		}
		break;
	case F_ABS:
		r.n = (int64_t)u_abs(r.n);
		break;
	case F_MIN:
	case F_MAX:
		for (i = 1; i < n; i++)
			if (rat_cmp(args[i].r, r) == (f == F_MIN ? -1 : 1))
				r = args[i].r;
		break;
	case F_FLOOR:
	case F_CEIL:
		floor_div(r.n, r.d, &q, &rem);
		if (f == F_CEIL && rem != 0)
			q++;
		r.n = q;
		r.d = 1;
		break;
	case F_ROUND:
		digits = 0;
		if (n == 2 && fn_digits(x, &args[1], aoff[1], &digits) < 0)
			return -1;
		if (fn_round(x, r, digits, off, &q) < 0 ||
		    rat_make(q, pow10_table[digits], &r, x->err) < 0)
			return -1;
		break;
	case F_MIXED:
		out->kind = VAL_TEXT;
		out->printed = 1;
		floor_div((int64_t)u_abs(r.n), r.d, &q, &rem);
		if (q == 0 || rem == 0)
			value_format(&args[0], out->text);
		else
			snprintf(out->text, VAL_TEXT_MAX, "%s%lld %lld/%lld",
			    r.n < 0 ? "-" : "", (long long)q, (long long)rem,
			    (long long)r.d);
		return 0;
	case F_DEC:
		if (fn_digits(x, &args[1], aoff[1], &digits) < 0 ||
		    fn_round(x, r, digits, off, &q) < 0)
			return -1;
		out->kind = VAL_TEXT;
		out->printed = 1;
		g = u_abs(q);
		if (digits == 0)
			snprintf(out->text, VAL_TEXT_MAX, "%s%llu", q < 0 ?
			    "-" : "", (unsigned long long)g);
		else
			snprintf(out->text, VAL_TEXT_MAX, "%s%llu%s%0*llu",
			    q < 0 ? "-" : "", (unsigned long long)(g /
			    (uint64_t)pow10_table[digits]), x->sc->decimal ?
			    x->sc->decimal : ".", (int)digits,
			    (unsigned long long)(g %
			    (uint64_t)pow10_table[digits]));
		return 0;
	}
	v_num(out, r);
	return 0;
}

/* ---- the parser ----------------------------------------------------- */

static int ex_or(struct ex *, struct value *);

/* What a name may be followed by that shows a missing operator. */
static int
ex_starts_operand(enum tok t)
{
	return t == T_NUM || t == T_NAME || t == T_LPAR;
}

/* Names that are not variables: for the unknown-name message. */
static char *
ex_names(const struct scope *sc)
{
	char *s = NULL, *t;
	size_t i;

	for (i = 0; i < sc->n; i++) {
		t = xasprintf("%s%s%s", s ? s : "", i == 0 ? "" : i + 1 ==
		    sc->n ? " and " : ", ", sc->v[i].name);
		free(s);
		s = t;
	}
	return s;
}

static int
ex_variable(struct ex *x, size_t off, size_t len, struct value *out)
{
	const char *name = x->src + off;
	char *names;
	size_t i;

	for (i = 0; i < x->sc->n; i++)
		if (strlen(x->sc->v[i].name) == len &&
		    strncmp(x->sc->v[i].name, name, len) == 0) {
			*out = x->sc->v[i].v;
			if (x->sc->check)
				v_num(out, (struct rat){ 1, 1 });
			return 0;
		}
	for (i = 0; i < NFUNCTIONS; i++)
		if (strlen(functions[i].name) == len &&
		    strncmp(functions[i].name, name, len) == 0)
			return ex_fail(x->err, off, "%s is a function; write "
			    "%s", functions[i].name, functions[i].usage);
	if (x->sc->n == 0)
		return ex_fail(x->err, off, "unknown variable \"%.*s\"; "
		    "variables are given under a problem's \"vars:\", like "
		    "\"%.*s: 2..9\", and used in that problem; write \\{ for "
		    "a brace that should print", (int)len, name, (int)len,
		    name);
	names = ex_names(x->sc);
	ex_fail(x->err, off, "unknown variable \"%.*s\"; the %s here %s %s",
	    (int)len, name, x->sc->n == 1 ? "only variable" : "variables",
	    x->sc->n == 1 ? "is" : "are", names);
	free(names);
	return -1;
}

static int
ex_call(struct ex *x, size_t off, size_t len, struct value *out)
{
	struct value args[8];
	size_t aoff[8], i;
	int n = 0;

	for (i = 0; i < NFUNCTIONS; i++)
		if (strlen(functions[i].name) == len &&
		    strncmp(functions[i].name, x->src + off, len) == 0)
			break;
	if (i == NFUNCTIONS)
		return ex_fail(x->err, off, "unknown function \"%.*s\"; the "
		    "functions are gcd, lcm, abs, min, max, floor, ceil, "
		    "round, mixed and dec", (int)len, x->src + off);
	if (ex_next(x) < 0)		/* past ( */
		return -1;
	if (x->tok != T_RPAR)
		for (;;) {
			if (n == 8)
				return ex_fail(x->err, x->toff, "too many "
				    "arguments; write %s", functions[i].usage);
			aoff[n] = x->toff;
			if (ex_or(x, &args[n++]) < 0)
				return -1;
			if (x->tok != T_COMMA)
				break;
			if (ex_next(x) < 0)
				return -1;
		}
	if (x->tok != T_RPAR)
		return ex_fail(x->err, x->toff, "expected , or ) in %.*s(...)",
		    (int)len, x->src + off);
	if (n < functions[i].min || n > functions[i].max)
		return ex_fail(x->err, off, "%s() takes %s%d argument%s, not "
		    "%d: write %s", functions[i].name, functions[i].max > 2 ?
		    "at least " : functions[i].min < functions[i].max ?
		    "1 or " : "", functions[i].max > 2 ? functions[i].min :
		    functions[i].max, functions[i].max == 1 ? "" : "s", n,
		    functions[i].usage);
	if (ex_next(x) < 0)
		return -1;
	return fn_call(x, (enum fn)i, off, args, aoff, n, out);
}

static int
ex_number(struct ex *x, struct value *out)
{
	const char *s = x->src + x->toff;
	int64_t n = 0, d = 1;
	size_t i;
	int frac = 0;
	struct rat r;

	for (i = 0; i < x->tlen; i++) {
		if (s[i] == '.') {
			frac = 1;
			continue;
		}
		if (__builtin_mul_overflow(n, 10, &n) ||
		    __builtin_add_overflow(n, s[i] - '0', &n) ||
		    (frac && __builtin_mul_overflow(d, 10, &d)))
			return ex_fail(x->err, x->toff, "this number is too "
			    "long to compute with exactly");
	}
	if (rat_make(n, d, &r, x->err) < 0)
		return -1;
	v_num(out, r);
	return ex_next(x);
}

static int
ex_primary(struct ex *x, struct value *out)
{
	size_t off = x->toff, len = x->tlen;

	switch (x->tok) {
	case T_NUM:
		return ex_number(x, out);
	case T_NAME:
		if (ex_word(x, "and") || ex_word(x, "or"))
			return ex_fail(x->err, off, "\"%.*s\" needs something "
			    "on its left", (int)len, x->src + off);
		if (ex_next(x) < 0)
			return -1;
		if (x->tok == T_LPAR)
			return ex_call(x, off, len, out);
		return ex_variable(x, off, len, out);
	case T_LPAR:
		if (ex_next(x) < 0 || ex_or(x, out) < 0)
			return -1;
		if (x->tok != T_RPAR)
			return ex_fail(x->err, x->tok == T_END ? off :
			    x->toff, x->tok == T_END ? "this ( is never "
			    "closed; add a )" : "expected ) here");
		return ex_next(x);
	case T_END:
		return ex_fail(x->err, off, "the expression ends where a "
		    "number or a variable should be");
	default:
		return ex_fail(x->err, off, "expected a number or a variable "
		    "here, not \"%.*s\"", (int)len, x->src + off);
	}
}

static int ex_unary(struct ex *, struct value *);

/* primary ^ unary: right-associative, and -2^2 is -(2^2). */
static int
ex_power(struct ex *x, struct value *out)
{
	struct value e;
	size_t off;

	if (ex_primary(x, out) < 0)
		return -1;
	if (ex_starts_operand(x->tok) && !ex_word(x, "and") &&
	    !ex_word(x, "or"))
		return ex_fail(x->err, x->toff, "an operator is missing "
		    "before \"%.*s\" (write * to multiply)", (int)x->tlen,
		    x->src + x->toff);
	if (x->tok != T_CARET)
		return 0;
	off = x->toff;
	if (ex_next(x) < 0 || ex_unary(x, &e) < 0)
		return -1;
	return v_arith(x, T_CARET, off, out, &e);
}

static int
ex_unary(struct ex *x, struct value *out)
{
	size_t off = x->toff;
	int neg;

	if (x->tok != T_MINUS && x->tok != T_PLUS)
		return ex_power(x, out);
	neg = x->tok == T_MINUS;
	if (++x->depth > EXPR_MAX_DEPTH)
		return ex_too_deep(x, off);
	if (ex_next(x) < 0 || ex_unary(x, out) < 0)
		return -1;
	x->depth--;
	if (v_need_num(x, out, off) < 0)
		return -1;
	if (neg)
		out->r.n = -out->r.n;	/* safe: INT64_MIN never occurs */
	return 0;
}

/* operand (op operand)*, left to right, for op one of op1, op2. */
static int
ex_left(struct ex *x, struct value *out, enum tok op1, enum tok op2,
    int (*operand)(struct ex *, struct value *))
{
	struct value b;
	enum tok op;
	size_t off;

	if (operand(x, out) < 0)
		return -1;
	while (x->tok == op1 || x->tok == op2) {
		op = x->tok;
		off = x->toff;
		if (ex_next(x) < 0 || operand(x, &b) < 0 ||
		    v_arith(x, op, off, out, &b) < 0)
			return -1;
	}
	return 0;
}

static int
ex_term(struct ex *x, struct value *out)
{
	return ex_left(x, out, T_STAR, T_SLASH, ex_unary);
}

static int
ex_sum(struct ex *x, struct value *out)
{
	return ex_left(x, out, T_PLUS, T_MINUS, ex_term);
}

static int
ex_is_cmp(enum tok t)
{
	return t >= T_LT && t <= T_NE;
}

static int
ex_cmp(struct ex *x, struct value *out)
{
	struct value b;
	enum tok op;
	size_t off;
	int c, r;

	if (ex_sum(x, out) < 0)
		return -1;
	if (!ex_is_cmp(x->tok))
		return 0;
	op = x->tok;
	off = x->toff;
	if (ex_next(x) < 0 || ex_sum(x, &b) < 0)
		return -1;
	if (ex_is_cmp(x->tok))
		return ex_fail(x->err, x->toff, "comparisons do not chain; "
		    "write a < b and b < c");
	if (out->kind == VAL_TEXT || b.kind == VAL_TEXT) {
		if (out->kind != b.kind || (op != T_EQ && op != T_NE))
			return ex_fail(x->err, off, "a word can only be "
			    "compared with == or != to another word");
		c = strcmp(out->text, b.text) != 0;
	} else
		c = x->sc->check ? 0 : rat_cmp(out->r, b.r);
	switch (op) {
	case T_LT: r = c < 0; break;
	case T_LE: r = c <= 0; break;
	case T_GT: r = c > 0; break;
	case T_GE: r = c >= 0; break;
	case T_EQ: r = c == 0; break;
	default: r = c != 0; break;
	}
	v_num(out, (struct rat){ r, 1 });
	return 0;
}

static int
ex_not(struct ex *x, struct value *out)
{
	size_t off = x->toff;

	if (!ex_word(x, "not"))
		return ex_cmp(x, out);
	if (++x->depth > EXPR_MAX_DEPTH)
		return ex_too_deep(x, off);
	if (ex_next(x) < 0 || ex_not(x, out) < 0 ||
	    v_need_num(x, out, off) < 0)
		return -1;
	x->depth--;
	v_num(out, (struct rat){ out->r.n == 0, 1 });
	return 0;
}

/* and binds tighter than or.  Both sides are always evaluated (there are
 * no side effects, and an error on either side is worth knowing). */
static int
ex_logic(struct ex *x, struct value *out, const char *word,
    int (*operand)(struct ex *, struct value *))
{
	struct value b;
	size_t off;

	if (operand(x, out) < 0)
		return -1;
	while (ex_word(x, word)) {
		off = x->toff;
		if (ex_next(x) < 0 || operand(x, &b) < 0 ||
		    v_need_num(x, out, off) < 0 || v_need_num(x, &b, off) < 0)
			return -1;
		v_num(out, (struct rat){ word[0] == 'a' ? out->r.n != 0 &&
		    b.r.n != 0 : out->r.n != 0 || b.r.n != 0, 1 });
	}
	return 0;
}

static int
ex_and(struct ex *x, struct value *out)
{
	return ex_logic(x, out, "and", ex_not);
}

static int
ex_or(struct ex *x, struct value *out)
{
	int rc;

	if (++x->depth > EXPR_MAX_DEPTH)
		return ex_too_deep(x, x->toff);
	rc = ex_logic(x, out, "or", ex_and);
	x->depth--;
	return rc;
}

int
expr_eval(const char *src, const struct scope *sc, struct value *out,
    struct expr_err *err)
{
	struct ex x;
	struct expr_err dummy;

	memset(&x, 0, sizeof(x));
	x.src = src;
	x.sc = sc;
	x.err = err ? err : &dummy;
	if (ex_next(&x) < 0)
		return -1;
	if (x.tok == T_END)
		return ex_fail(x.err, 0, "the expression is empty");
	if (ex_or(&x, out) < 0)
		return -1;
	if (x.tok == T_RPAR)
		return ex_fail(x.err, x.toff, "this ) has no ( to close");
	if (x.tok != T_END)
		return ex_fail(x.err, x.toff, "expected an operator here, not "
		    "\"%.*s\"", (int)x.tlen, src + x.toff);
	return 0;
}

/* ---- substitution --------------------------------------------------- */

static void
sb_add(char **s, size_t *n, size_t *cap, const char *p, size_t len)
{
	if (*n + len + 1 > *cap) {
		*cap = (*n + len + 1) * 2;
		*s = xrealloc(*s, *cap);
	}
	memcpy(*s + *n, p, len);
	*n += len;
	(*s)[*n] = '\0';
}

/* One {...}: inner is text[start..end) between the braces. */
static int
subst_one(const char *text, size_t start, size_t end, const struct scope *sc,
    struct value *v, struct expr_err *err)
{
	char *src;
	size_t i = start, j;
	int rc;

	while (i < end && text[i] == ' ')
		i++;
	if (i < end && text[i] == '=') {
		src = xstrndup(text + i + 1, end - i - 1);
		rc = expr_eval(src, sc, v, err);
		free(src);
		if (rc < 0)
			err->off += i + 1;
		return rc;
	}
	for (j = end; j > i && text[j - 1] == ' '; j--)
		;
	if (i == j)
		return ex_fail(err, start - 1, "{} is empty; write a variable "
		    "like {a}, an expression like {= a + 1}, or \\{ for a "
		    "brace");
	src = xstrndup(text + i, j - i);
	for (rc = 0; src[rc] != '\0'; rc++)
		if (!ex_isalpha((unsigned char)src[rc]) &&
		    !(rc > 0 && ex_isdigit((unsigned char)src[rc])))
			break;
	if (src[rc] != '\0') {
		ex_fail(err, start - 1, "{%s} is not a variable name; to "
		    "compute, write {= %s} (or \\{ for a brace)", src, src);
		free(src);
		return -1;
	}
	rc = expr_eval(src, sc, v, err);
	free(src);
	if (rc < 0)
		err->off += i;
	return rc;
}

char *
expr_subst_each(const char *text, const struct scope *sc,
    expr_report_fn report, void *arg)
{
	char *out = NULL, buf[VAL_TEXT_MAX];
	size_t n = 0, cap = 0, i = 0, close;
	struct value v;
	struct expr_err err;
	int failed = 0;

	sb_add(&out, &n, &cap, "", 0);
	while (text[i] != '\0') {
		if (text[i] == '\\' && ((text[i + 1] >= 'a' && text[i + 1] <=
		    'z') || (text[i + 1] >= 'A' && text[i + 1] <= 'Z'))) {
			/* LaTeX like \frac{3}{5}: its braces are not
			 * variables; left whole for the math parser, which
			 * says what to write instead */
			for (close = i + 1; isalpha((unsigned char)text[close]);
			    close++)
				;
			while (text[close] == '{' && strchr(text + close, '}'))
				close = (size_t)(strchr(text + close, '}') -
				    text) + 1;
			sb_add(&out, &n, &cap, text + i, close - i);
			i = close;
			continue;
		}
		if (text[i] == '\\' && text[i + 1] != '\0') {
			sb_add(&out, &n, &cap, text + i, 2);
			i += 2;
			continue;
		}
		if (text[i] != '{') {
			sb_add(&out, &n, &cap, text + i++, 1);
			continue;
		}
		for (close = i + 1; text[close] != '\0' && text[close] != '}' &&
		    text[close] != '{'; close++)
			;
		if (text[close] != '}') {
			ex_fail(&err, i, "this { is never closed: add the } of "
			    "{a} or {= a + 1}, or write \\{ for a brace");
			report(&err, arg);
			failed = 1;
			/* go on from the next { (or the end) */
			i = close;
			continue;
		}
		if (subst_one(text, i + 1, close, sc, &v, &err) < 0) {
			report(&err, arg);
			failed = 1;
		} else {
			value_format(&v, buf);
			sb_add(&out, &n, &cap, buf, strlen(buf));
		}
		i = close + 1;
	}
	if (failed) {
		free(out);
		return NULL;
	}
	return out;
}

/* expr_report_fn keeping the first mistake. */
static void
subst_keep_first(const struct expr_err *e, void *arg)
{
	struct expr_err *first = arg;

	if (first->msg[0] == '\0')
		*first = *e;
}

char *
expr_subst(const char *text, const struct scope *sc, struct expr_err *err)
{
	struct expr_err dummy;

	if (err == NULL)
		err = &dummy;
	err->msg[0] = '\0';
	return expr_subst_each(text, sc, subst_keep_first, err);
}
