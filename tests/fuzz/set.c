/*
 * set.c - fuzzes a problem set from the YAML bytes to the laid-out pages:
 * yaml_load (node.c), the set model and every check of set.c/schema.c,
 * then vary (variables and expressions: version A; of a set with mistakes,
 * the problems without, as mimeo draws them), compose and layout
 * (math included) of the worksheet and the key, as mimeo
 * would print them (templates and fonts loaded once).  Seeds: tests/bad,
 * tests/good, tests/e2e, tests/cairo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "diag.h"
#include "font.h"
#include "fuzz.h"
#include "layout.h"
#include "page.h"
#include "set.h"
#include "template.h"
#include "vary.h"

static char		*fz_path;
static struct template	*fz_tpl;
static struct fonts	*fz_fonts;

static void
fz_free(void)
{
	free(fz_path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_fonts("set", &fz_tpl, &fz_fonts);
	fz_path = malloc(strlen(fuzz_dir()) + 16);
	sprintf(fz_path, "%s/set.yaml", fuzz_dir());
	diag_quiet(1);
	atexit(fz_free);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum doc_kind kinds[] = { DOC_WORKSHEET, DOC_KEY };
	struct set *s;
	struct instance *in;
	struct blocks *bl;
	struct doc *d;
	size_t i;
	int bad;

	data = fuzz_long(data, size, &size);
	fuzz_write(fz_path, data, size);
	diag_reset();
	if ((s = set_load_draft(fz_path, &bad)) == NULL)
		return 0;
	if (bad) {	/* as mimeo does: the problems without mistakes drawn */
		instance_free(vary(s, s->has_seed ? s->seed : 1, 0, NULL,
		    NULL));
		set_free(s);
		return 0;
	}
	if ((in = vary(s, s->has_seed ? s->seed : 1, 0, NULL, NULL)) == NULL) {
		set_free(s);
		return 0;
	}
	for (i = 0; i < 2; i++) {
		bl = compose(in, fz_tpl, kinds[i], NULL);
		d = layout(bl, fz_tpl, fz_fonts, 0, s->title.s);
		blocks_free(bl);
		doc_free(d);
	}
	instance_free(in);
	set_free(s);
	return 0;
}
