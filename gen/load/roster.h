/*
 * roster.h - a class roster: a CSV file (RFC 4180, UTF-8, a byte-order
 * mark allowed, or UTF-16 with a mark or with a header that shows it,
 * CRLF or LF) with a header row.  Column "name" is required;
 * "period", "version" and "edition" (standard | large) are optional; other
 * columns are ignored; headers match case-insensitively.
 */
#ifndef MIMEO_ROSTER_H
#define MIMEO_ROSTER_H

#include <stddef.h>

#define ROSTER_MAX_ROWS	100000	/* a district's grade; the PDF is written
				 * page by page, so memory stays small */
#define ROSTER_MAX_FIELD	200	/* characters in a name or period */

struct student {
	char	*name;		/* never empty */
	char	*period;	/* NULL when not given */
	char	*version;	/* NULL when not given */
	int	 large;		/* edition: large */
	int	 line;		/* line of the row in the file */
	int	 version_col;	/* column where version was written */
};

struct roster {
	const char	*file;
	struct student	*v;
	size_t		 n;
};

/* Read a roster; NULL after reporting every broken row as
 * FILE:LINE:COL: error: ... */
struct roster	*roster_load(const char *path);
void		 roster_free(struct roster *);

#endif
