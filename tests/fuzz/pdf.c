/*
 * pdf.c - fuzzes the PDF writer with text: the input (UTF-8, as a
 * problem's prompt, in a literal block so any line is taken as written)
 * is loaded, laid out and written as a worksheet PDF by the PDF device: the
 * fonts picked per character, cut into HarfBuzz subsets, given their own
 * encodings and drawn run by run.  Seeds: the prompts of tests/e2e (many
 * scripts and symbols) and tests/fuzz/regress/pdf.
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
#include "render.h"
#include "set.h"
#include "template.h"
#include "vary.h"

#define FZ_MAX_TEXT	8192	/* bytes of text: a long page, no more */

static char		*fz_yaml, *fz_pdf, *fz_buf;
static struct template	*fz_tpl;
static struct fonts	*fz_fonts;

static void
fz_free(void)
{
	free(fz_yaml);
	free(fz_pdf);
	free(fz_buf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_fonts("pdf", &fz_tpl, &fz_fonts);
	fz_yaml = malloc(strlen(fuzz_dir()) + 16);
	fz_pdf = malloc(strlen(fuzz_dir()) + 16);
	sprintf(fz_yaml, "%s/pdf.yaml", fuzz_dir());
	sprintf(fz_pdf, "%s/pdf.pdf", fuzz_dir());
	/* the set around the text: each line indented 6 more */
	fz_buf = malloc(64 + 7 * FZ_MAX_TEXT);
	diag_quiet(1);
	atexit(fz_free);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct set *s;
	struct instance *in;
	struct blocks *bl;
	struct doc *d;
	char err[512], *p;
	size_t i;

	if (size > FZ_MAX_TEXT)
		return 0;
	p = fz_buf + sprintf(fz_buf, "title: T\nproblems:\n  - type: short\n"
	    "    prompt: |\n      ");
	for (i = 0; i < size; i++) {
		*p++ = (char)data[i];
		if (data[i] == '\n')
			p += sprintf(p, "      ");
	}
	p += sprintf(p, "\n");
	fuzz_write(fz_yaml, (const uint8_t *)fz_buf, (size_t)(p - fz_buf));
	diag_reset();
	if ((s = set_load(fz_yaml)) == NULL)
		return 0;
	if ((in = vary(s, 1, 0, NULL, NULL)) == NULL) {
		set_free(s);
		return 0;
	}
	bl = compose(in, fz_tpl, DOC_WORKSHEET, NULL);
	d = layout(bl, fz_tpl, fz_fonts, 0, s->title.s);
	if (d != NULL && diag_errors() == 0 &&
	    render_doc(&dev_pdf, d, &(struct devopts){ 0, NULL }, 0, fz_pdf,
	    err, sizeof(err)) != 0) {
		fprintf(stderr, "pdf: render_pdf failed on a laid-out page: "
		    "%s\n", err);
		abort();	/* a text that lays out must print */
	}
	blocks_free(bl);
	doc_free(d);
	instance_free(in);
	set_free(s);
	return 0;
}
