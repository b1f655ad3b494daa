/*
 * roster.c - fuzzes the class roster reader (gen/load/roster.c: CSV, RFC 4180
 * with a header row).  Seeds: tests/rosters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "roster.h"

static char	*fz_path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fz_path = malloc(strlen(fuzz_dir()) + 16);
	sprintf(fz_path, "%s/class.csv", fuzz_dir());
	diag_quiet(1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	data = fuzz_long(data, size, &size);
	fuzz_write(fz_path, data, size);
	diag_reset();
	roster_free(roster_load(fz_path));
	return 0;
}
