/*
 * list.h - `mimeo list [DIR]`: every problem set and packet under DIR as a
 * text table on standard output (file, title, subject, grade, tags,
 * problems, discussion), sorted by path, optionally filtered.
 */
#ifndef MIMEO_LIST_H
#define MIMEO_LIST_H

#include <stddef.h>

/* Which rows to show; NULL fields match everything.  Compared without
 * regard to case; a packet matches through any set it includes. */
struct list_filter {
	const char	*subject;
	const char	*grade;
	const char	*tag;
};

/* Print the table of dir.  Files that do not load are listed with their
 * first error (whatever the filters say: what they hold is unknown).
 * Returns how many did not load, or -1 when dir cannot be read
 * (reported). */
long	library_list(const char *dir, const struct list_filter *);

#endif
