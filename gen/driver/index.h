/*
 * index.h - `mimeo index [DIR]`: OUT/index.html, the library as one web
 * page that works offline (index.c).
 */
#ifndef MIMEO_INDEX_H
#define MIMEO_INDEX_H

/* Write out/index.html for every set and packet under dir, and the
 * first-page pictures of their documents beside the documents in out
 * (out/<folder>/NAME-p1.png, NAME-key-p1.png, ...).  Links go to the
 * PDFs found there.  Prints "wrote ..." unless quiet.  Returns how many
 * files do not load (listed on the page with their first error), or -1
 * when dir cannot be read or the page cannot be written (reported). */
long	library_index(const char *dir, const char *out, int quiet);

#endif
