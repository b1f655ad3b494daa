/*
 * expr.h - exact arithmetic for variables (SPEC section 3 "Variables").
 *
 * Numbers are rationals: a 64-bit numerator over a positive 64-bit
 * denominator, always in lowest terms.  Every operation checks for
 * overflow (__builtin_*_overflow) and division by zero and then fails
 * with a message instead of giving a number: a key is never wrong.
 * INT64_MIN is never produced, so negation and abs are always safe.
 *
 * An expression is `+ - * / ^ ( )`, the comparisons `< <= > >= == !=`,
 * `and or not`, numbers (`3`, `0.75`), variable names and the functions
 * gcd lcm abs min max floor ceil round(x[, d]) mixed(x) dec(x, d).
 * Comparisons and and/or/not give 1 or 0.  mixed() and dec() give text
 * for printing, so they can only be outermost.
 *
 * Errors carry the byte offset in the expression where they were found;
 * the caller turns it into a file position.  Nothing here allocates
 * memory that outlives a call, and nothing prints.
 */
#ifndef MIMEO_EXPR_H
#define MIMEO_EXPR_H

#include <stddef.h>
#include <stdint.h>

struct rat {
	int64_t		 n, d;		/* d > 0, gcd(|n|, d) == 1 */
};

#define VAL_TEXT_MAX	128

enum vkind { VAL_NUM, VAL_TEXT };

struct value {
	enum vkind	 kind;
	struct rat	 r;		/* VAL_NUM */
	char		 text[VAL_TEXT_MAX];	/* VAL_TEXT: a word, or what
					 * mixed() and dec() print */
	int		 printed;	/* VAL_TEXT made by mixed() or dec() */
};

/* A variable: its name (borrowed) and value. */
struct var {
	const char	*name;
	struct value	 v;
};

struct scope {
	const struct var *v;
	size_t		 n;
	int		 check;		/* names only: parse and resolve, do
					 * not compute (values are unset) */
	const char	*decimal;	/* what dec() prints between the whole
					 * part and the decimals; NULL: "." */
};

struct expr_err {
	size_t		 off;		/* byte offset in the source */
	char		 msg[256];
};

/* Rational arithmetic.  Each returns 0, or -1 with a reason in err (may
 * be NULL) on overflow or division by zero; *out is then unchanged. */
int	rat_make(int64_t n, int64_t d, struct rat *out, struct expr_err *);
int	rat_add(struct rat, struct rat, struct rat *, struct expr_err *);
int	rat_sub(struct rat, struct rat, struct rat *, struct expr_err *);
int	rat_mul(struct rat, struct rat, struct rat *, struct expr_err *);
int	rat_div(struct rat, struct rat, struct rat *, struct expr_err *);
/* b raised to an integer power (negative allowed). */
int	rat_pow(struct rat b, struct rat e, struct rat *, struct expr_err *);
/* -1, 0, 1 as a < b, a == b, a > b; exact, cannot overflow. */
int	rat_cmp(struct rat, struct rat);

/* A value as printed: "7/4", "-7/4", "3", or the text.  buf of at least
 * VAL_TEXT_MAX bytes. */
void	value_format(const struct value *, char *buf);

/* Evaluate src (NUL-terminated) with the variables of sc.  Returns 0, or
 * -1 with err filled.  With sc->check set, only parses and resolves names
 * and arities; *out is then a dummy. */
int	expr_eval(const char *src, const struct scope *sc, struct value *out,
	    struct expr_err *err);

/*
 * Fill the {a} and {= expr} of a text.  `\x` pairs are copied as they are
 * (text.c turns `\{` into a brace later), so an escaped brace stays one.
 * Words from variables are copied as they are.  Every {...} is tried, and
 * each mistake is passed to report (offset into text), in the order of
 * the text.  Returns a fresh string (caller frees), or NULL when there
 * was a mistake.  With sc->check set, checks every {...} and returns a
 * copy of text.
 */
typedef void	(*expr_report_fn)(const struct expr_err *, void *arg);
char	*expr_subst_each(const char *text, const struct scope *sc,
	    expr_report_fn report, void *arg);
/* The same, keeping only the first mistake in err. */
char	*expr_subst(const char *text, const struct scope *sc,
	    struct expr_err *err);

#endif
