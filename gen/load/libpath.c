/*
 * libpath.c - resolve `include` and `image` paths under the library root;
 * see libpath.h.
 *
 * The check is lexical on absolute, normalized paths, then repeated on the
 * real path (symbolic links resolved), so neither "../.." nor a link that
 * points outside the library can reach a file beyond the root.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libpath.h"
#include "inputs.h"
#include "schema.h"
#include "util.h"

static const char *root_opt;

void
lib_root_set(const char *dir)
{
	root_opt = dir;
}

char *
lib_normalize(const char *path)
{
	char cwd[PATH_MAX], *full, *out, *seg, *save;
	size_t len = 0;

	if (path[0] == '/')
		full = xstrdup(path);
	else {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			strcpy(cwd, ".");
		full = xasprintf("%s/%s", cwd, path);
	}
	out = xmalloc(strlen(full) + 2);
	out[0] = '\0';
	for (seg = strtok_r(full, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;		/* the slash itself */
			out[len] = '\0';
			continue;
		}
		out[len++] = '/';
		strcpy(out + len, seg);
		len += strlen(seg);
	}
	if (len == 0)
		strcpy(out, "/");
	free(full);
	return out;
}

char *
lib_join(const char *from, const char *rel)
{
	const char *slash = strrchr(from, '/');
	char *joined, *out, *seg, *save;
	size_t len = 0, keep;

	joined = slash == NULL ? xstrdup(rel) : xasprintf("%.*s/%s",
	    (int)(slash - from), from, rel);
	out = xmalloc(strlen(joined) + 2);
	keep = joined[0] == '/';	/* the root of an absolute name */
	if (keep)
		out[len++] = '/';
	out[len] = '\0';
	for (seg = strtok_r(joined, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		const char *last = len > keep ? strrchr(out, '/') : NULL;

		last = last != NULL ? last + 1 : out + keep;
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0 && len > keep &&
		    strcmp(last, "..") != 0) {
			len = (size_t)(last - out);
			if (len > keep)
				len--;		/* its slash */
			out[len] = '\0';
			continue;
		}
		len += (size_t)sprintf(out + len, "%s%s", len > keep ? "/" :
		    "", seg);
	}
	if (len == 0)
		strcpy(out, ".");
	free(joined);
	return out;
}

/* Does path lie inside root (both normalized)? */
static int
inside(const char *path, const char *root)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return 1;
	return strncmp(path, root, n) == 0 && (path[n] == '/' ||
	    path[n] == '\0');
}

/* The directory part of a file name ("." when it has none). */
static char *
dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == file)
		return xstrdup("/");
	return xstrndup(file, (size_t)(slash - file));
}

/* The library root as messages name it, the same on every machine:
 * --library DIR as given, else the name of the folder above the file's
 * folder.  Allocated. */
static char *
root_name(const char *root)
{
	const char *base = strrchr(root, '/');

	if (root_opt != NULL)
		return xasprintf("%s, given with --library", root_opt);
	return xasprintf("%s/, the folder above this file's folder",
	    base != NULL && base[1] != '\0' ? base + 1 : root);
}

char *
lib_resolve(const char *from, const char *rel, const struct mark *m,
    const char *what)
{
	char *dir, *root, *joined, *path = NULL, *real_root, *real_path;
	char *name, why[160];
	FILE *f;

	if (rel[0] == '\0') {
		sc_error(m, "the %s path is empty", what);
		return NULL;
	}
	if (rel[0] == '/') {
		sc_error(m, "%s \"%s\" is an absolute path; write it "
		    "relative to this file", what, rel);
		return NULL;
	}
	dir = dir_of(from);
	if (root_opt != NULL)
		root = lib_normalize(root_opt);
	else {
		char *up = xasprintf("%s/..", dir);

		root = lib_normalize(up);
		free(up);
	}
	joined = xasprintf("%s/%s", dir, rel);
	path = lib_normalize(joined);
	free(joined);
	free(dir);
	if (!inside(path, root)) {
		name = root_name(root);
		sc_error(m, "%s \"%s\" is outside the library (%s); keep "
		    "it under that folder or give --library DIR", what, rel,
		    name);
		free(name);
		goto fail;
	}
	if ((f = input_open(path, INPUT_FILE, why, sizeof(why))) == NULL) {
		sc_error(m, "cannot read %s \"%s\": %s%s", what, rel,
		    why, errno == ENOENT ? " (the path starts "
		    "from this file's folder; check the spelling and the "
		    "capitals)" : "");
		goto fail;
	}
	fclose(f);
	inputs_note(path);
	/* a symbolic link may still point out of the library */
	real_root = realpath(root, NULL);
	real_path = realpath(path, NULL);
	if (real_root != NULL && real_path != NULL &&
	    !inside(real_path, real_root)) {
		name = root_name(root);
		sc_error(m, "%s \"%s\" is a link to a file outside the "
		    "library (%s)", what, rel, name);
		free(name);
		free(real_root);
		free(real_path);
		goto fail;
	}
	free(real_root);
	free(real_path);
	free(root);
	return path;
fail:
	free(root);
	free(path);
	return NULL;
}
