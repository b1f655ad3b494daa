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

/* Every .yaml/.yml file under dir (hidden names skipped), sorted by
 * path: a fresh array of *n fresh strings.  Returns 0, or -1 when dir
 * cannot be read (reported). */
int	library_files(const char *dir, char ***paths, size_t *n);

struct packet;
struct set;

/* library_load() of path with its messages held back: 0, or -1 with
 * *error its first message (fresh; without the file's name before it). */
int	library_load_quiet(const char *path, struct packet **pk,
	    struct set **s, char **error);

/* Add word to the ", "-joined list *list (fresh; NULL: empty) unless it
 * is there already, in any case: a packet's subjects and tags, those of
 * the sets it includes. */
void	ls_union(char **list, const char *word);

/* Print the table of dir.  Files that do not load are listed with their
 * first error (whatever the filters say: what they hold is unknown).
 * Returns how many did not load, or -1 when dir cannot be read
 * (reported). */
long	library_list(const char *dir, const struct list_filter *);

#endif
