/*
 * amath_parse.c - AsciiMath subset: tokens, tree, and the tree read back
 * as linear text; see amath.h.  The boxes are amath_layout.c's.
 *
 * The grammar is AsciiMath's, cut down to what a school worksheet needs:
 *
 *	row	= { frac }			until ")" or the end
 *	frac	= script { "/" arg }		3/4, (a+b)/c, 1/2/3 = (1/2)/3
 *	script	= simple [ "_" arg ] [ "^" arg ]
 *	arg	= [ "-" | "+" ] simple		so x^-1 and 3/-4 read
 *	simple	= atom | "(" row ")" | "sqrt" arg | "root" arg arg
 *		| ("abs" | "floor" | "ceil") arg
 *
 * Parentheses that are an argument (of /, ^, _, sqrt) only group; others
 * print.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amath.h"
#include "util.h"

#define MATH_MAX_DEPTH	32

/* ---- tokens ------------------------------------------------------------ */

/* T_ROOT: root(n)(x); T_FUNC: abs, floor or ceil (func says which) */
enum tok { T_END, T_ATOM, T_OPEN, T_CLOSE, T_DIV, T_SUP, T_SUB, T_SQRT,
    T_ROOT, T_FUNC };

struct lex {
	const char	*s;
	size_t		 n, i;
	enum tok	 t;		/* the current token */
	size_t		 off;		/* where it starts in s */
	int		 spaced;	/* whitespace before it */
	char		*text;		/* T_ATOM: what prints; T_OPEN/CLOSE:
					 * the bracket; owned */
	enum mclass	 cls;
	int		 italic;
	int		 number;	/* T_ATOM: digits */
	int		 decimal_comma;	/* MP_DECIMAL_COMMA */
	size_t		 func;		/* T_FUNC: index in math_funcs */
	/* the first mistake */
	int		 failed;
	size_t		*erroff;
	char		*err;
	size_t		 errlen;
};

struct sym {
	const char	*in, *out;
	enum mclass	 cls;
};

/* Operators written with punctuation, longest first. */
static const struct sym math_ops[] = {
	{ "<=>", "\xe2\x87\x94", MC_REL }, { "-:", "\xc3\xb7", MC_BIN },
	{ "+-", "\xc2\xb1", MC_BIN }, { "!=", "\xe2\x89\xa0", MC_REL },
	{ "<=", "\xe2\x89\xa4", MC_REL }, { ">=", "\xe2\x89\xa5", MC_REL },
	{ "->", "\xe2\x86\x92", MC_REL }, { "~~", "\xe2\x89\x88", MC_REL },
	{ "+", "+", MC_BIN }, { "-", "\xe2\x88\x92", MC_BIN },
	{ "*", "\xc2\xb7", MC_BIN }, { "=", "=", MC_REL }, { "<", "<", MC_REL },
	{ ">", ">", MC_REL }, { ":", ":", MC_REL }, { ",", ",", MC_PUNCT },
	{ ";", ";", MC_PUNCT },
};

/* Words that are symbols; a run of letters must match one whole. */
static const struct sym math_words[] = {
	{ "xx", "\xc3\x97", MC_BIN }, { "cdot", "\xc2\xb7", MC_BIN },
	{ "pi", "\xcf\x80", MC_ORD }, { "deg", "\xc2\xb0", MC_ORD },
	{ "ne", "\xe2\x89\xa0", MC_REL }, { "le", "\xe2\x89\xa4", MC_REL },
	{ "ge", "\xe2\x89\xa5", MC_REL }, { "oo", "\xe2\x88\x9e", MC_ORD },
	{ "alpha", "\xce\xb1", MC_ORD }, { "beta", "\xce\xb2", MC_ORD },
	{ "gamma", "\xce\xb3", MC_ORD }, { "delta", "\xce\xb4", MC_ORD },
	{ "Delta", "\xce\x94", MC_ORD }, { "theta", "\xce\xb8", MC_ORD },
	{ "lambda", "\xce\xbb", MC_ORD }, { "mu", "\xce\xbc", MC_ORD },
	{ "sigma", "\xcf\x83", MC_ORD }, { "phi", "\xcf\x86", MC_ORD },
	{ "omega", "\xcf\x89", MC_ORD }, { "Omega", "\xce\xa9", MC_ORD },
};

/* Words printed upright as they are: functions and units. */
static const char *const math_upright[] = {
	"sin", "cos", "tan", "log", "ln", "exp", "min", "max", "gcd", "lcm",
	"mod", "cm", "mm", "km", "kg", "mg", "ml", "mL", "ft", "yd", "mi",
	"lb", "lbs", "oz", "in", "hr", "sec",
};

/* Functions printed as brackets around their argument, as AsciiMath
 * prints them: abs(x) is |x|. */
static const struct {
	const char	*name, *open, *close;
} math_funcs[] = {
	{ "abs", "|", "|" },
	{ "floor", "\xe2\x8c\x8a", "\xe2\x8c\x8b" },
	{ "ceil", "\xe2\x8c\x88", "\xe2\x8c\x89" },
};

/* Characters typed directly that are operators. */
static const struct {
	long		 cp;
	enum mclass	 cls;
} math_unicode[] = {
	{ 0xd7, MC_BIN }, { 0xf7, MC_BIN }, { 0xb1, MC_BIN }, { 0xb7, MC_BIN },
	{ 0x2212, MC_BIN }, { 0x2260, MC_REL }, { 0x2264, MC_REL },
	{ 0x2265, MC_REL }, { 0x2248, MC_REL }, { 0x2192, MC_REL },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Record the first mistake, at offset off.  Returns NULL for the caller to
 * pass up. */
static struct mnode *
lex_fail(struct lex *lx, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static struct mnode *
lex_fail(struct lex *lx, size_t off, const char *fmt, ...)
{
	va_list ap;

	if (lx->failed)
		return NULL;
	lx->failed = 1;
	*lx->erroff = off;
	va_start(ap, fmt);
	vsnprintf(lx->err, lx->errlen, fmt, ap);
	va_end(ap);
	return NULL;
}

static void
lex_atom(struct lex *lx, const char *s, size_t len, enum mclass cls,
    int italic)
{
	lx->t = T_ATOM;
	lx->text = xstrndup(s, len);
	lx->cls = cls;
	lx->italic = italic;
}

/* A run of letters: a symbol word, an upright word, or variables. */
static void
lex_letters(struct lex *lx)
{
	size_t start = lx->i, len, k;

	while (lx->i < lx->n && is_letter(lx->s[lx->i]))
		lx->i++;
	len = lx->i - start;
	if (len == 4 && strncmp(lx->s + start, "sqrt", 4) == 0) {
		lx->t = T_SQRT;
		return;
	}
	/* "sqrtx" is sqrt x, as AsciiMath reads it */
	if (len > 4 && strncmp(lx->s + start, "sqrt", 4) == 0) {
		lx->i = start + 4;
		lx->t = T_SQRT;
		return;
	}
	for (k = 0; k < NELEM(math_words); k++)
		if (strlen(math_words[k].in) == len &&
		    strncmp(lx->s + start, math_words[k].in, len) == 0) {
			lex_atom(lx, math_words[k].out,
			    strlen(math_words[k].out), math_words[k].cls, 0);
			return;
		}
	for (k = 0; k < NELEM(math_upright); k++)
		if (strlen(math_upright[k]) == len &&
		    strncmp(lx->s + start, math_upright[k], len) == 0) {
			lex_atom(lx, lx->s + start, len, MC_ORD, 0);
			return;
		}
	if (len == 4 && strncmp(lx->s + start, "root", 4) == 0) {
		lx->t = T_ROOT;
		return;
	}
	for (k = 0; k < NELEM(math_funcs); k++)
		if (strlen(math_funcs[k].name) == len &&
		    strncmp(lx->s + start, math_funcs[k].name, len) == 0) {
			lx->t = T_FUNC;
			lx->func = k;
			return;
		}
	/* letters right before "(" are a function's name: one math does
	 * not know must not print as a product of italic letters */
	if (len > 1 && lx->i < lx->n && lx->s[lx->i] == '(') {
		lex_fail(lx, start, "\"%.*s(\" is not a function math in "
		    "backticks knows: it knows sqrt(x), root(3)(x), abs(x), "
		    "floor(x), ceil(x) and sin cos tan log ln exp min max gcd "
		    "lcm; for letters times brackets, put a space: `ab (c+d)`",
		    (int)len, lx->s + start);
		lx->t = T_END;
		return;
	}
	lex_atom(lx, lx->s + start, len, MC_ORD, 1);
}

/* A number: digits, a decimal point before a digit, and thousands
 * separated by commas (1,000 but not the list 1, 2, 3); with the decimal
 * comma, a comma before a digit is a decimal point (1,5 and 1,000 are
 * numbers, 1, 2 a list). */
static void
lex_number(struct lex *lx)
{
	size_t start = lx->i;

	for (;;) {
		while (lx->i < lx->n && is_digit(lx->s[lx->i]))
			lx->i++;
		if (lx->i + 1 < lx->n && (lx->s[lx->i] == '.' ||
		    (lx->decimal_comma && lx->s[lx->i] == ',')) &&
		    is_digit(lx->s[lx->i + 1]))
			lx->i++;
		else if (lx->i + 3 < lx->n && lx->s[lx->i] == ',' &&
		    is_digit(lx->s[lx->i + 1]) && is_digit(lx->s[lx->i + 2]) &&
		    is_digit(lx->s[lx->i + 3]) && (lx->i + 4 == lx->n ||
		    !is_digit(lx->s[lx->i + 4])))
			lx->i++;
		else
			break;
	}
	lex_atom(lx, lx->s + start, lx->i - start, MC_ORD, 0);
	lx->number = 1;
}

/* Read the next token into lx. */
static void
lex_next(struct lex *lx)
{
	const char *s = lx->s;
	size_t k, len;
	long cp;

	free(lx->text);
	lx->text = NULL;
	lx->spaced = 0;
	lx->number = 0;
	while (lx->i < lx->n && (s[lx->i] == ' ' || s[lx->i] == '\t' ||
	    s[lx->i] == '\n' || s[lx->i] == '\r')) {
		lx->i++;
		lx->spaced = 1;
	}
	lx->off = lx->i;
	if (lx->i >= lx->n) {
		lx->t = T_END;
		return;
	}
	switch (s[lx->i]) {
	case '(': case '[': case '{':
		lx->t = T_OPEN;
		lx->text = xstrndup(s + lx->i++, 1);
		return;
	case ')': case ']': case '}':
		lx->t = T_CLOSE;
		lx->text = xstrndup(s + lx->i++, 1);
		return;
	case '/':
		lx->t = T_DIV;
		lx->i++;
		return;
	case '^':
		lx->t = T_SUP;
		lx->i++;
		return;
	case '_':
		if (lx->i + 2 < lx->n && s[lx->i + 1] == '_' &&
		    s[lx->i + 2] == '_') {
			lex_fail(lx, lx->i, "a blank ___ cannot be inside math: "
			    "end the math before it, like `2^3 =` ___");
			lx->t = T_END;
			return;
		}
		lx->t = T_SUB;
		lx->i++;
		return;
	case '\\':
		/* SPEC: \ before * ` { } \ _ prints that character */
		if (lx->i + 1 < lx->n && strchr("*`{}\\_", s[lx->i + 1])) {
			lex_atom(lx, s + lx->i + 1, 1, MC_ORD, 0);
			lx->i += 2;
			return;
		}
		if (lx->i + 1 < lx->n && is_letter(s[lx->i + 1])) {
			for (k = lx->i + 1; k < lx->n && is_letter(s[k]); k++)
				;
			lex_fail(lx, lx->i, "\"%.*s\" is LaTeX, which math in "
			    "backticks does not read: write fractions as `3/5`, "
			    "roots as `sqrt(2)`, powers as `x^2` (\\\\ prints a "
			    "backslash)", (int)(k - lx->i), s + lx->i);
			lx->t = T_END;
			return;
		}
		break;
	case '"':
		for (k = lx->i + 1; k < lx->n && s[k] != '"'; k++)
			;
		if (k >= lx->n) {
			lex_fail(lx, lx->i, "a \"quoted text\" in math is opened "
			    "with \" but never closed: add the closing \"");
			lx->t = T_END;
			return;
		}
		lex_atom(lx, s + lx->i + 1, k - lx->i - 1, MC_TEXT, 0);
		lx->i = k + 1;
		return;
	default:
		break;
	}
	if (is_digit(s[lx->i]) || (s[lx->i] == '.' && lx->i + 1 < lx->n &&
	    is_digit(s[lx->i + 1]))) {
		lex_number(lx);
		return;
	}
	if (is_letter(s[lx->i])) {
		lex_letters(lx);
		return;
	}
	for (k = 0; k < NELEM(math_ops); k++) {
		len = strlen(math_ops[k].in);
		if (lx->i + len <= lx->n &&
		    strncmp(s + lx->i, math_ops[k].in, len) == 0) {
			lex_atom(lx, math_ops[k].out, strlen(math_ops[k].out),
			    math_ops[k].cls, 0);
			lx->i += len;
			return;
		}
	}
	/* any other character prints as itself */
	cp = utf8_decode(s + lx->i, lx->n - lx->i, &len);
	lex_atom(lx, s + lx->i, len, MC_ORD, 0);
	for (k = 0; k < NELEM(math_unicode); k++)
		if (math_unicode[k].cp == cp)
			lx->cls = math_unicode[k].cls;
	lx->i += len;
}

/* ---- the tree ---------------------------------------------------------- */

static struct mnode *
mnode_new(enum mkind kind)
{
	struct mnode *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	return n;
}

static void
mnode_add(struct mnode *n, struct mnode *kid)
{
	/* doubling: a long row is not copied once per atom */
	xgrow((void **)&n->kid, &n->capkid, n->nkid, sizeof(*n->kid));
	n->kid[n->nkid++] = kid;
}

void
math_free(struct mnode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkid; i++)
		math_free(n->kid[i]);
	free(n->kid);
	free(n->s);
	free(n->close);
	free(n);
}

/* Something a fraction, a script or a root can apply to. */
static int
mnode_operand(const struct mnode *n)
{
	return n->kind != M_ATOM || n->cls == MC_ORD || n->cls == MC_TEXT;
}

/* An argument's parentheses only group: (a+b)/c has none printed. */
static struct mnode *
mnode_strip(struct mnode *n)
{
	struct mnode *in;

	if (n->kind != M_FENCE || strcmp(n->s, "(") != 0 ||
	    strcmp(n->close, ")") != 0)
		return n;
	in = n->kid[0];
	n->nkid = 0;
	if (in->nkid == 1) {
		struct mnode *one = in->kid[0];

		in->nkid = 0;
		math_free(in);
		in = one;
	}
	in->spaced = n->spaced;
	math_free(n);
	return in;
}

static struct mnode *p_row(struct lex *, int depth);

/* Deep math is refused before it can exhaust the stack or, laid out
 * level by level, take quadratic time. */
static struct mnode *
p_too_deep(struct lex *lx, size_t off, const char *what)
{
	return lex_fail(lx, off, "%s more than %d levels deep here; write it "
	    "more simply", what, MATH_MAX_DEPTH);
}

static struct mnode *p_simple(struct lex *, int depth);

/* After the operator op (written at off), something must follow that it
 * can apply to: a sign is allowed before it (x^-1). */
static struct mnode *
p_arg(struct lex *lx, int depth, const char *op, size_t off,
    const char *hint)
{
	struct mnode *sign = NULL, *arg, *row;

	if (lx->t == T_ATOM && lx->cls == MC_BIN && (strcmp(lx->text, "+") ==
	    0 || strcmp(lx->text, "\xe2\x88\x92") == 0 ||
	    strcmp(lx->text, "\xc2\xb1") == 0)) {
		sign = mnode_new(M_ATOM);
		sign->s = xstrdup(lx->text);
		sign->cls = MC_BIN;
		lex_next(lx);
		/* a lone sign raised is an ion's charge: Na^+, Cl^- */
		if (*op == '"' && op[1] == '^' && (lx->t == T_END ||
		    lx->t == T_CLOSE || lx->spaced || (lx->t == T_ATOM &&
		    lx->cls != MC_ORD && lx->cls != MC_TEXT))) {
			sign->cls = MC_ORD;
			return sign;
		}
	}
	if (lx->t == T_END || lx->t == T_CLOSE || lx->t == T_DIV ||
	    lx->t == T_SUP || lx->t == T_SUB || (lx->t == T_ATOM &&
	    !(lx->cls == MC_ORD || lx->cls == MC_TEXT))) {
		math_free(sign);
		return lex_fail(lx, off, "%s in math has nothing after it: %s",
		    op, hint);
	}
	if ((arg = p_simple(lx, depth)) == NULL) {
		math_free(sign);
		return NULL;
	}
	if (arg->kind == M_FENCE && arg->kid[0]->nkid == 0) {
		math_free(sign);
		math_free(arg);
		return lex_fail(lx, off, "%s in math is followed by empty "
		    "brackets: %s", op, hint);
	}
	arg = mnode_strip(arg);
	if (sign == NULL)
		return arg;
	row = mnode_new(M_ROW);
	mnode_add(row, sign);
	mnode_add(row, arg);
	return row;
}

static struct mnode *
p_simple(struct lex *lx, int depth)
{
	struct mnode *n, *body, *idx;
	size_t func;
	size_t off = lx->off;
	int spaced = lx->spaced;

	if (depth > MATH_MAX_DEPTH)
		return p_too_deep(lx, off, "math is nested");
	switch (lx->t) {
	case T_ATOM:
		n = mnode_new(M_ATOM);
		n->s = lx->text;
		lx->text = NULL;
		n->cls = lx->cls;
		n->italic = lx->italic;
		n->spaced = spaced;
		lex_next(lx);
		return n;
	case T_OPEN:
		n = mnode_new(M_FENCE);
		n->s = lx->text;
		lx->text = NULL;
		n->spaced = spaced;
		lex_next(lx);
		if ((body = p_row(lx, depth + 1)) == NULL) {
			math_free(n);
			return NULL;
		}
		mnode_add(n, body);
		if (lx->t != T_CLOSE) {
			math_free(n);
			return lex_fail(lx, off, "unbalanced \"%s\" in math: add "
			    "\"%s\" or remove it", lx->s[off] == '(' ? "(" :
			    lx->s[off] == '[' ? "[" : "{", lx->s[off] == '(' ?
			    ")" : lx->s[off] == '[' ? "]" : "}");
		}
		if ((n->s[0] == '(') != (lx->text[0] == ')') ||
		    (n->s[0] == '[') != (lx->text[0] == ']')) {
			lex_fail(lx, lx->off, "\"%s\" in math is closed by \"%s\": "
			    "make them a pair", n->s, lx->text);
			math_free(n);
			return NULL;
		}
		n->close = lx->text;
		lx->text = NULL;
		lex_next(lx);
		return n;
	case T_SQRT:
		lex_next(lx);
		if ((body = p_arg(lx, depth + 1, "sqrt", off, "write what the "
		    "root is of, like `sqrt(2)` or `sqrt x`")) == NULL)
			return NULL;
		n = mnode_new(M_SQRT);
		n->spaced = spaced;
		mnode_add(n, body);
		return n;
	case T_ROOT:
		lex_next(lx);
		if ((idx = p_arg(lx, depth + 1, "root", off, "write which root "
		    "and what it is of, like `root(3)(27)`")) == NULL)
			return NULL;
		if ((body = p_arg(lx, depth + 1, "root", off, "after the "
		    "index, write what the root is of, like `root(3)(27)`")) ==
		    NULL) {
			math_free(idx);
			return NULL;
		}
		n = mnode_new(M_SQRT);
		n->spaced = spaced;
		mnode_add(n, body);
		mnode_add(n, idx);
		return n;
	case T_FUNC:
		func = lx->func;
		lex_next(lx);
		if ((body = p_arg(lx, depth + 1, math_funcs[func].name, off,
		    "write what it applies to in brackets, like `abs(x)`")) ==
		    NULL)
			return NULL;
		n = mnode_new(M_FENCE);
		n->spaced = spaced;
		n->s = xstrdup(math_funcs[func].open);
		n->close = xstrdup(math_funcs[func].close);
		if (body->kind != M_ROW) {
			struct mnode *row = mnode_new(M_ROW);

			mnode_add(row, body);
			body = row;
		}
		mnode_add(n, body);
		return n;
	case T_DIV:
		return lex_fail(lx, off, "\"/\" in math has nothing before it: "
		    "write the top of the fraction first, like `3/4`");
	case T_SUP:
		return lex_fail(lx, off, "\"^\" in math has nothing before it: "
		    "write what is raised first, like `x^2`");
	case T_SUB:
		return lex_fail(lx, off, "\"_\" in math has nothing before it: "
		    "write what gets the subscript first, like `x_1`");
	default:
		return lex_fail(lx, off, "unbalanced \"%s\" in math: add \"%s\" "
		    "before it or remove it", lx->text, lx->text[0] == ')' ?
		    "(" : lx->text[0] == ']' ? "[" : "{");
	}
}

static struct mnode *
p_script(struct lex *lx, int depth)
{
	struct mnode *base, *n = NULL;
	size_t off;

	if ((base = p_simple(lx, depth)) == NULL)
		return NULL;
	while ((lx->t == T_SUB || lx->t == T_SUP) &&
	    (n == NULL || n->kid[lx->t == T_SUB ? 1 : 2] == NULL)) {
		int sup = lx->t == T_SUP;
		struct mnode *arg;

		off = lx->off;
		if (!mnode_operand(base))
			break;	/* p_simple reports "nothing before" */
		lex_next(lx);
		arg = sup ? p_arg(lx, depth + 1, "\"^\"", off, "write the "
		    "exponent, like `x^2`") : p_arg(lx, depth + 1, "\"_\"",
		    off, "write the subscript, like `x_1`");
		if (arg == NULL) {
			math_free(n != NULL ? n : base);
			return NULL;
		}
		if (n == NULL) {
			n = mnode_new(M_SCRIPT);
			n->spaced = base->spaced;
			mnode_add(n, base);
			mnode_add(n, NULL);
			mnode_add(n, NULL);
		}
		n->kid[sup ? 2 : 1] = arg;
	}
	return n != NULL ? n : base;
}

static struct mnode *
p_frac(struct lex *lx, int depth)
{
	struct mnode *num, *den, *f;
	size_t off;

	if ((num = p_script(lx, depth)) == NULL)
		return NULL;
	/* 1/2/3 is (1/2)/3: each "/" nests the fraction so far a level
	 * deeper */
	while (lx->t == T_DIV && mnode_operand(num)) {
		off = lx->off;
		if (++depth >= MATH_MAX_DEPTH) {
			math_free(num);
			return p_too_deep(lx, off, "fractions are stacked "
			    "over fractions (1/2/3 is (1/2)/3)");
		}
		lex_next(lx);
		if ((den = p_arg(lx, depth + 1, "\"/\"", off, "write the bottom "
		    "of the fraction, like `3/4`")) == NULL) {
			math_free(num);
			return NULL;
		}
		f = mnode_new(M_FRAC);
		f->spaced = num->spaced;
		mnode_add(f, mnode_strip(num));
		mnode_add(f, den);
		num = f;
	}
	return num;
}

static struct mnode *
p_row(struct lex *lx, int depth)
{
	struct mnode *row = mnode_new(M_ROW), *n;

	while (lx->t != T_END && lx->t != T_CLOSE) {
		if ((n = p_frac(lx, depth)) == NULL) {
			math_free(row);
			return NULL;
		}
		mnode_add(row, n);
	}
	if (lx->failed) {
		math_free(row);
		return NULL;
	}
	return row;
}

/* ---- chemistry --------------------------------------------------------- */

/* The symbols of the elements, each between spaces. */
static const char chem_elements[] = " H He Li Be B C N O F Ne Na Mg Al "
    "Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb "
    "Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm "
    "Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At "
    "Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt "
    "Ds Rg Cn Nh Fl Mc Lv Ts Og ";

/* How many element symbols the italic letters of n spell ("CO": 2, "Na":
 * 1), or 0 when they are not element symbols alone ("x", "Hi"). */
static size_t
chem_symbols(const struct mnode *n)
{
	const char *p;
	char sym[5];
	size_t k = 0, len;

	if (n == NULL || n->kind != M_ATOM || !n->italic || n->cls != MC_ORD)
		return 0;
	for (p = n->s; *p != '\0'; p += len, k++) {
		if (*p < 'A' || *p > 'Z')
			return 0;
		len = p[1] >= 'a' && p[1] <= 'z' ? 2 : 1;
		snprintf(sym, sizeof(sym), " %.*s ", (int)len, p);
		if (strstr(chem_elements, sym) == NULL)
			return 0;
	}
	return k;
}

/* A charge raised after a symbol: +, -, or digits then + or - (2-). */
static int
chem_charge(const struct mnode *n)
{
	const struct mnode *last;

	if (n == NULL)
		return 0;
	if (n->kind == M_ROW && n->nkid == 2 && n->kid[0]->kind == M_ATOM &&
	    n->kid[0]->s[0] >= '0' && n->kid[0]->s[0] <= '9')
		last = n->kid[1];
	else
		last = n;
	return last->kind == M_ATOM && (strcmp(last->s, "+") == 0 ||
	    strcmp(last->s, "\xe2\x88\x92") == 0);
}

/* Element symbols as an atom, or as the base of a script (H_2). */
static size_t
chem_piece(const struct mnode *n)
{
	if (n != NULL && n->kind == M_SCRIPT)
		n = n->kid[0];
	return chem_symbols(n);
}

/* What a span shows of chemistry: a symbol with a number below it
 * (sub), with a charge above it (charge), a compound (two symbols in one
 * word or side by side: CO, H_2O), a reaction's arrow. */
struct chem {
	int	 sub, charge, compound, arrow;
};

static void
chem_scan(const struct mnode *n, struct chem *c)
{
	size_t i;

	if (n == NULL)
		return;
	if (chem_symbols(n) > 1)
		c->compound = 1;
	if (n->kind == M_ATOM && strcmp(n->s, "\xe2\x86\x92") == 0)
		c->arrow = 1;
	if (n->kind == M_SCRIPT && chem_symbols(n->kid[0]) > 0) {
		if (n->kid[1] != NULL && n->kid[1]->kind == M_ATOM &&
		    n->kid[1]->s[0] >= '1' && n->kid[1]->s[0] <= '9')
			c->sub = 1;
		if (chem_charge(n->kid[2]))
			c->charge = 1;
	}
	for (i = 0; i < n->nkid; i++) {
		if (n->kind == M_ROW && i + 1 < n->nkid && !n->kid[i +
		    1]->spaced && chem_piece(n->kid[i]) > 0 &&
		    chem_piece(n->kid[i + 1]) > 0)
			c->compound = 1;
		chem_scan(n->kid[i], c);
	}
}

static void
chem_upright(struct mnode *n)
{
	size_t i;

	if (n == NULL)
		return;
	if (chem_symbols(n) > 0)
		n->italic = 0;
	for (i = 0; i < n->nkid; i++)
		chem_upright(n->kid[i]);
}

/* A formula (H_2O, CO_2, Na^+, SO_4^(2-)) prints its element symbols
 * upright, as chemistry does, not as italic variables: when a symbol has a
 * charge, or a number below it in a span with a compound or a reaction's
 * arrow (so that V_1 = P_2 in physics or A_1 in geometry stay italic). */
static void
chem_mark(struct mnode *row)
{
	struct chem c;

	memset(&c, 0, sizeof(c));
	chem_scan(row, &c);
	if (c.charge || (c.sub && (c.compound || c.arrow)))
		chem_upright(row);
}

struct mnode *
math_parse(const char *s, size_t n, int flags, size_t *erroff, char *err,
    size_t errlen)
{
	struct lex lx;
	struct mnode *row;

	memset(&lx, 0, sizeof(lx));
	lx.s = s;
	lx.n = n;
	lx.decimal_comma = (flags & MP_DECIMAL_COMMA) != 0;
	lx.erroff = erroff;
	lx.err = err;
	lx.errlen = errlen;
	lex_next(&lx);
	row = p_row(&lx, 0);
	if (row != NULL && lx.t == T_CLOSE) {
		math_free(row);
		row = p_simple(&lx, 0);		/* reports the stray ")" */
	}
	free(lx.text);
	if (lx.failed) {
		math_free(row);
		return NULL;
	}
	chem_mark(row);
	return row;
}

/* ---- reading a row ----------------------------------------------------- */

/* An upright word of letters: a unit or a function name. */
static int
mnode_word(const struct mnode *n)
{
	if (n->kind == M_SCRIPT)
		n = n->kid[0];		/* cm^2 */
	return n->kind == M_ATOM && n->cls == MC_ORD && !n->italic &&
	    is_letter(n->s[0]) && is_letter(n->s[1]);
}

/* Whether kid i of a row is a bar "|" that opens an absolute value: the
 * first, third ... bar of the row. */
static int
row_opening_bar(const struct mnode *row, size_t i)
{
	size_t j, bars = 0;

	if (row->kid[i]->kind != M_ATOM || strcmp(row->kid[i]->s, "|") != 0)
		return 0;
	for (j = 0; j < i; j++)
		bars += row->kid[j]->kind == M_ATOM &&
		    strcmp(row->kid[j]->s, "|") == 0;
	return bars % 2 == 0;
}

/* The class of kid i of a row after a kid of class prev: a sign at the
 * start, after an operator or after an opening bar (|-3|) is unary,
 * spaced as a number is. */
enum mclass
math_row_class(const struct mnode *row, size_t i, enum mclass prev)
{
	const struct mnode *n = row->kid[i];
	enum mclass cur = n->kind == M_ATOM ? n->cls : MC_ORD;

	if (cur == MC_BIN && (i == 0 || prev == MC_BIN || prev == MC_REL ||
	    prev == MC_PUNCT || row_opening_bar(row, i - 1)))
		return MC_ORD;
	return cur;
}

/* Nonzero if kid i of a row keeps the space written before it: "words"
 * and units (5 cm). */
int
math_row_word_space(const struct mnode *row, size_t i, enum mclass prev,
    enum mclass cur)
{
	return row->kid[i]->spaced && (prev == MC_TEXT || cur == MC_TEXT ||
	    mnode_word(row->kid[i]) || mnode_word(row->kid[i - 1]));
}

/* Whether kid i of a row is the fraction of a mixed number, 1 1/2: a
 * fraction written after a space just after a whole number. */
int
math_row_mixed(const struct mnode *row, size_t i)
{
	const struct mnode *n = row->kid[i];

	return n->kind == M_FRAC && n->spaced && i > 0 &&
	    row->kid[i - 1]->kind == M_ATOM && is_digit(row->kid[i - 1]->s[0]);
}

/* ---- linear text ------------------------------------------------------- */

static void lin_node(FILE *, const struct mnode *, int top);

/* Beside / ^ _ without parentheses: a number, a word, a bracket. */
static int
lin_whole(const struct mnode *n)
{
	return n->kind == M_FENCE || (n->kind == M_ATOM &&
	    strchr(n->s, ' ') == NULL);
}

static void
lin_operand(FILE *f, const struct mnode *n)
{
	if (lin_whole(n))
		lin_node(f, n, 0);
	else {
		putc('(', f);
		lin_node(f, n, 0);
		putc(')', f);
	}
}

/* Nonzero if a space goes before kid i of a row (class cur, after prev);
 * top: the span's own row, or a bracket in it. */
static int
lin_spaced(const struct mnode *row, size_t i, enum mclass prev,
    enum mclass cur, int top)
{
	const struct mnode *a = row->kid[i - 1], *b = row->kid[i];

	if (prev == MC_REL || cur == MC_REL || prev == MC_BIN ||
	    cur == MC_BIN)
		return top;
	if (prev == MC_PUNCT || math_row_word_space(row, i, prev, cur))
		return 1;
	/* 2 3/4, 3/4 x: a fraction apart from what it is not divided by */
	return (a->kind == M_FRAC || b->kind == M_FRAC) && mnode_operand(a) &&
	    mnode_operand(b);
}

static void
lin_node(FILE *f, const struct mnode *n, int top)
{
	enum mclass prev = MC_ORD, cur;
	size_t i;

	switch (n->kind) {
	case M_ROW:
		for (i = 0; i < n->nkid; i++) {
			cur = math_row_class(n, i, prev);
			if (i > 0 && lin_spaced(n, i, prev, cur, top))
				putc(' ', f);
			lin_node(f, n->kid[i], top);
			prev = cur;
		}
		break;
	case M_ATOM:
		fputs(n->s, f);
		break;
	case M_FRAC:
		lin_operand(f, n->kid[0]);
		putc('/', f);
		lin_operand(f, n->kid[1]);
		break;
	case M_SCRIPT:
		lin_operand(f, n->kid[0]);
		if (n->kid[1] != NULL) {
			putc('_', f);
			lin_operand(f, n->kid[1]);
		}
		if (n->kid[2] != NULL) {
			putc('^', f);
			lin_operand(f, n->kid[2]);
		}
		break;
	case M_SQRT:
		/* the cube and fourth roots have signs of their own */
		if (n->nkid > 1 && n->kid[1]->kind == M_ATOM &&
		    strcmp(n->kid[1]->s, "3") == 0)
			fputs("\xe2\x88\x9b", f);
		else if (n->nkid > 1 && n->kid[1]->kind == M_ATOM &&
		    strcmp(n->kid[1]->s, "4") == 0)
			fputs("\xe2\x88\x9c", f);
		else {
			if (n->nkid > 1)
				lin_operand(f, n->kid[1]);
			fputs("\xe2\x88\x9a", f);
		}
		putc('(', f);
		lin_node(f, n->kid[0], 0);
		putc(')', f);
		break;
	case M_FENCE:
		fputs(n->s, f);
		lin_node(f, n->kid[0], top);
		fputs(n->close, f);
		break;
	}
}

char *
math_linear(const struct mnode *n)
{
	char	*s = NULL;
	size_t	 len = 0;
	FILE	*f;

	if ((f = open_memstream(&s, &len)) == NULL)
		return NULL;
	lin_node(f, n, 1);
	if (fclose(f) != 0) {
		free(s);
		return NULL;
	}
	return s;
}
