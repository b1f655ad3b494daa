/*
 * libpath.h - the library root rule of SPEC section 4, shared by
 * `include` (packets) and `image` (sets).
 *
 * A path in a file is relative to that file.  It may not be absolute and
 * may not leave the library root: --library DIR when given, else the
 * parent of the folder that holds the file (problems/packets/day.yaml may
 * name ../math/fractions.yaml, never ../../../etc/passwd).
 */
#ifndef MIMEO_LIBPATH_H
#define MIMEO_LIBPATH_H

#include "diag.h"

/* Set the root given with --library (NULL: the per-file default).  The
 * string must outlive every lib_resolve() call. */
void	 lib_root_set(const char *dir);

/* Resolve rel, written in the file from at m, for a `what` ("image",
 * "included file").  Checks the rule above and that the file can be
 * opened for reading.  Returns the path to open (allocated), or NULL
 * after reporting at m with sc_error() (held and prefixed while a loader
 * collects messages). */
char	*lib_resolve(const char *from, const char *rel, const struct mark *m,
	    const char *what);

/* The file rel names from the file from, as a path to open and to print
 * in messages: from's folder joined with rel, "." and "dir/.." removed,
 * kept relative when from is ("problems/packets/day.yaml" and
 * "../math/f.yaml" give "problems/math/f.yaml").  Allocated; no checks. */
char	*lib_join(const char *from, const char *rel);

/* The same path made absolute and normalized lexically ("a/./b/../c" ->
 * "/cwd/a/c"), allocated; exposed for the unit tests. */
char	*lib_normalize(const char *path);

#endif
