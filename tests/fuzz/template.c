/*
 * template.c - fuzzes the template loader (gen/load/template.c) and the label
 * files it reads.  The first byte chooses: even, the rest is a template
 * file given by path (--template my.yaml); odd, the rest is the label
 * file of a language "fz" (templates/labels/fz.yaml) in a data folder of
 * our own that holds copies of the real worksheet template and English
 * labels.  Seeds: templates/ (with a first byte added).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "fuzz.h"
#include "template.h"

static char	*fz_tpl_path, *fz_labels_path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = fuzz_dir(), *src = fuzz_data();
	char from[4096], to[4096];

	(void)argc;
	(void)argv;
	snprintf(to, sizeof(to), "%s/templates", dir);
	mkdir(to, 0777);
	snprintf(to, sizeof(to), "%s/templates/labels", dir);
	mkdir(to, 0777);
	snprintf(from, sizeof(from), "%s/templates/worksheet.yaml", src);
	snprintf(to, sizeof(to), "%s/templates/worksheet.yaml", dir);
	fuzz_copy(from, to);
	snprintf(from, sizeof(from), "%s/templates/labels/en.yaml", src);
	snprintf(to, sizeof(to), "%s/templates/labels/en.yaml", dir);
	fuzz_copy(from, to);
	setenv("MIMEO_DATA", dir, 1);
	fz_tpl_path = malloc(strlen(dir) + 32);
	sprintf(fz_tpl_path, "%s/my-template.yaml", dir);
	fz_labels_path = malloc(strlen(dir) + 32);
	sprintf(fz_labels_path, "%s/templates/labels/fz.yaml", dir);
	diag_quiet(1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int labels;

	if (size == 0)
		return 0;
	labels = data[0] & 1;
	data = fuzz_long(data, size, &size);
	fuzz_write(labels ? fz_labels_path : fz_tpl_path, data + 1, size - 1);
	diag_reset();
	template_free(labels ? template_load("worksheet", "fz") :
	    template_load(fz_tpl_path, "en"));
	return 0;
}
