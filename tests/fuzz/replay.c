/*
 * replay.c - runs a harness without libFuzzer: every file named on the
 * command line (or every file in a folder named there) through
 * LLVMFuzzerTestOneInput, once.  A crash, a sanitizer report or a hang is
 * the test failing; tests/fuzz.sh runs it on tests/fuzz/regress/HARNESS/.
 * Prints "replayed N".
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static size_t	nreplayed;

static void
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, n;
	char chunk[65536];

	if (f == NULL) {
		perror(path);
		exit(2);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if ((buf = realloc(buf, len + n)) == NULL)
			exit(2);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	nreplayed++;
}

static void
replay(const char *path)
{
	struct stat st;
	struct dirent **names;
	char *full;
	int n, i;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((n = scandir(path, &names, NULL, alphasort)) < 0) {
			perror(path);
			exit(2);
		}
		for (i = 0; i < n; i++) {
			if (names[i]->d_name[0] != '.') {
				full = malloc(strlen(path) +
				    strlen(names[i]->d_name) + 2);
				sprintf(full, "%s/%s", path, names[i]->d_name);
				replay(full);
				free(full);
			}
			free(names[i]);
		}
		free(names);
	} else
		replay_file(path);
}

int
main(int argc, char **argv)
{
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++)
		replay(argv[i]);
	printf("replayed %zu\n", nreplayed);
	return 0;
}
