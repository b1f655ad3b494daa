/*
 * output.h - where documents go, and writing them so that a failed run
 * leaves nothing behind: each file is written to a temporary name in its
 * own folder and renamed over the old one only when complete.
 */
#ifndef MIMEO_OUTPUT_H
#define MIMEO_OUTPUT_H

struct doc;

/* The path for the document of input with suffix ("", "-key") and ext
 * ("pdf"), under -o's PATH (a file, or a folder when it ends in '/' or is
 * one; NULL means out/).  many says the run writes several documents, so a
 * file name in -o is an error.  Returns a new string, or NULL (reported:
 * a usage error). */
char	*output_path(const char *opt, const char *input, const char *suffix,
	    const char *ext, int many);

/* 1 when p names an existing folder. */
int	 output_isdir(const char *p);

/* Write doc as PDF at path, atomically, creating missing folders.  Refuses
 * to write over input.  Returns 0, or -1 (reported as a system error). */
int	 output_pdf(const struct doc *, const char *path, const char *input);

#endif
