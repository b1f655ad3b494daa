/*
 * amath.c - fuzzes the inline math of SPEC section 3 "Text"
 * (gen/compose/amath_parse.c, gen/layout/amath_layout.c): the bytes are the text between two backticks; math_parse() reads it and,
 * when it is right, math_layout() lays the tree out with the worksheet's
 * fonts (opened once), plain and bold, as layout does.  Only what the YAML
 * loader lets through reaches the parser, so inputs that are not UTF-8,
 * hold a NUL or are longer than a text may be (SC_MAX_TEXT) are skipped.
 * Seeds: the math spans of tests/e2e/math20.yaml and tests/bad/text-math-*
 * (tests/fuzz/regress/amath).
 */
#include <stdio.h>
#include <stdlib.h>

#include "amath.h"
#include "amath_layout.h"
#include "fuzz.h"
#include "schema.h"
#include "util.h"

static struct template	*fz_tpl;
static struct fonts	*fz_fonts;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_fonts("amath", &fz_tpl, &fz_fonts);
	return 0;
}

/* Whether s[0..n) is UTF-8 without a NUL, as the YAML loader leaves a
 * text. */
static int
fz_is_text(const char *s, size_t n)
{
	size_t i, len;

	for (i = 0; i < n; i += len)
		if (utf8_decode(s + i, n - i, &len) <= 0)
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct mnode *tree;
	struct mbox box;
	size_t off;
	char err[300];
	int bold, flags;

	if (size > SC_MAX_TEXT || !fz_is_text(s, size))
		return 0;
	/* as English and as Spanish (the decimal comma) read it */
	for (flags = 0; flags <= MP_DECIMAL_COMMA; flags += MP_DECIMAL_COMMA) {
		if ((tree = math_parse(s, size, flags, &off, err,
		    sizeof(err))) == NULL) {
			if (off > size)
				abort();	/* the error must point into
						 * the span */
			continue;
		}
		for (bold = 0; bold <= 1; bold++) {
			box = (struct mbox){ 0 };
			math_layout(fz_fonts, tree, 11, bold, &box);
			mbox_free(&box);
		}
		math_free(tree);
	}
	return 0;
}
