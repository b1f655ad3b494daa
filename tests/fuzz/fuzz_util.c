/* fuzz_util.c - see fuzz.h */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "font.h"
#include "fuzz.h"
#include "template.h"

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

static struct template	*fz_tpl;
static struct fonts	*fz_fonts;

static void
fz_fonts_free(void)
{
	fonts_free(fz_fonts);
	template_free(fz_tpl);
}

void
fuzz_fonts(const char *who, struct template **tpl, struct fonts **fs)
{
	setenv("MIMEO_DATA", fuzz_data(), 1);
	if ((fz_tpl = template_load("worksheet", "en")) == NULL ||
	    (fz_fonts = fonts_open(fz_tpl)) == NULL) {
		fprintf(stderr, "fuzz %s: no template or fonts (MIMEO_DATA?)\n",
		    who);
		abort();
	}
	atexit(fz_fonts_free);
	*tpl = fz_tpl;
	*fs = fz_fonts;
}

static uint8_t	*fz_long;

static void
fz_long_free(void)
{
	free(fz_long);
}

const uint8_t *
fuzz_long(const uint8_t *data, size_t size, size_t *outsize)
{
	const char *env = getenv("FUZZ_LONG");
	size_t want, head, unit, n;

	*outsize = size;
	if (env == NULL || (want = strtoul(env, NULL, 10)) == 0 || size == 0)
		return data;
	for (head = size; head > 0 && data[head - 1] != '\n'; head--)
		;
	if (head == size)		/* ends in a line break: no pattern */
		return data;
	unit = size - head;
	if (fz_long == NULL)
		atexit(fz_long_free);
	free(fz_long);
	if ((fz_long = malloc(want + size)) == NULL)
		fz_die("allocate", "the long input");
	memcpy(fz_long, data, size);
	for (n = size; n + unit <= want; n += unit)
		memcpy(fz_long + n, data + head, unit);
	*outsize = n;
	return fz_long;
}
