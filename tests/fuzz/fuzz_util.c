/* fuzz_util.c - see fuzz.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char	fz_dir[64];

static void
fz_die(const char *what, const char *path)
{
	perror(path);
	fprintf(stderr, "fuzz: cannot %s %s\n", what, path);
	abort();
}

/* Removes the folder of fuzz_dir() and what the harness put in it. */
static void
fz_cleanup(void)
{
	char cmd[128];

	if (fz_dir[0] != '\0') {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fz_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "fuzz: could not remove %s\n", fz_dir);
	}
}

const char *
fuzz_dir(void)
{
	if (fz_dir[0] == '\0') {
		strcpy(fz_dir, "/tmp/mimeo-fuzz-XXXXXX");
		if (mkdtemp(fz_dir) == NULL)
			fz_die("make", fz_dir);
		atexit(fz_cleanup);
	}
	return fz_dir;
}

void
fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		fz_die("write", path);
}

const char *
fuzz_data(void)
{
	const char *d = getenv("MIMEO_DATA");

	return d != NULL && *d != '\0' ? d : ".";
}

void
fuzz_copy(const char *from, const char *to)
{
	FILE *f = fopen(from, "rb");
	char buf[65536];
	size_t n, len = 0;
	uint8_t *all = NULL;

	if (f == NULL)
		fz_die("read", from);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		all = realloc(all, len + n);
		if (all == NULL)
			fz_die("copy", from);
		memcpy(all + len, buf, n);
		len += n;
	}
	fclose(f);
	fuzz_write(to, all, len);
	free(all);
}
