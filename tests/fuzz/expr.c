/*
 * expr.c - fuzzes the exact arithmetic of variables (gen/load/expr.c): the
 * bytes, up to a NUL, are evaluated by expr_eval() as an expression and
 * filled by expr_subst() as a text with {a} and {= expr} in it, each
 * twice: with a few variables bound to values (a number, a negative
 * fraction, zero, the largest number, a word), as vary computes a version,
 * and with names only (sc.check), as the loader checks a set.
 * Seeds: the expressions of tests/bad/expr-* and tests/e2e/vars.yaml
 * (tests/fuzz/regress/expr).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "fuzz.h"

static struct var	fz_vars[] = {
	{ "a", { VAL_NUM, { 3, 1 }, "", 0 } },
	{ "b", { VAL_NUM, { -7, 4 }, "", 0 } },
	{ "z", { VAL_NUM, { 0, 1 }, "", 0 } },
	{ "big", { VAL_NUM, { INT64_MAX, 1 }, "", 0 } },
	{ "fruit", { VAL_TEXT, { 0, 1 }, "apples", 0 } },
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scope sc = { fz_vars, sizeof(fz_vars) / sizeof(fz_vars[0]), 0 };
	struct expr_err err;
	struct value v;
	char *src, *text, buf[VAL_TEXT_MAX];

	src = malloc(size + 1);
	memcpy(src, data, size);
	src[size] = '\0';
	for (sc.check = 0; sc.check <= 1; sc.check++) {
		if (expr_eval(src, &sc, &v, &err) == 0 && !sc.check)
			value_format(&v, buf);
		text = expr_subst(src, &sc, &err);
		free(text);
	}
	free(src);
	return 0;
}
