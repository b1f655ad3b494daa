/* output.c - output paths and atomic writes; see output.h */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "output.h"
#include "render.h"
#include "util.h"

int
output_isdir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* NAME: the input's base name without .yaml or .yml. */
static char *
output_name(const char *input)
{
	const char *b = strrchr(input, '/');
	size_t n;

	b = b ? b + 1 : input;
	n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(b + n - 4, ".yml") == 0)
		n -= 4;
	return xstrndup(b, n);
}

char *
output_path(const char *opt, const char *input, const char *suffix,
    const char *ext, int many)
{
	char *name, *p;
	size_t n;

	if (opt != NULL && *opt != '\0' && opt[strlen(opt) - 1] != '/' &&
	    !output_isdir(opt)) {
		if (many) {
			diag_error(NULL, "-o %s names one file, but this run "
			    "writes several documents; give a folder (end it "
			    "with /)", opt);
			return NULL;
		}
		return xstrdup(opt);
	}
	name = output_name(input);
	if (opt == NULL || *opt == '\0')
		opt = "out/";
	n = strlen(opt);
	p = xasprintf("%s%s%s%s.%s", opt, opt[n - 1] == '/' ? "" : "/", name,
	    suffix, ext);
	free(name);
	return p;
}

/* mkdir -p for the folder part of path. */
static int
output_mkdirs(const char *path)
{
	char *d = xstrdup(path), *s;
	int rc = 0;

	for (s = d + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(d, 0777) < 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(d);
	return rc;
}

static int
output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
output_pdf(const struct doc *d, const char *path, const char *input)
{
	char *tmp, err[512];
	const char *slash = strrchr(path, '/');
	int fd;
	mode_t mask;

	if (input != NULL && output_same_file(path, input)) {
		diag(SEV_FATAL, NULL, "refusing to write %s: it is the input "
		    "file", path);
		return -1;
	}
	if (output_mkdirs(path) < 0) {
		diag(SEV_FATAL, NULL, "cannot create the folder for %s: %s",
		    path, strerror(errno));
		return -1;
	}
	tmp = xasprintf("%.*s.mimeo-XXXXXX", slash ? (int)(slash - path + 1) :
	    0, path);
	if ((fd = mkstemp(tmp)) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", path,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);
	if (render_pdf(d, tmp, err, sizeof(err)) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", path, err);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	/* mkstemp makes the file 0600; documents are for sharing */
	mask = umask(022);
	umask(mask);
	chmod(tmp, 0666 & ~mask);
	if (rename(tmp, path) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", path,
		    strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
