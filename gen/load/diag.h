/*
 * diag.h - every message mimeo prints about its input goes through here,
 * in the form editors parse:  FILE:LINE:COL: error: MESSAGE
 *
 * The worst severity seen decides the exit status (see main.c).  Messages
 * are capped per run so a binary file does not print ten thousand lines.
 */
#ifndef MIMEO_DIAG_H
#define MIMEO_DIAG_H

#include <stddef.h>

/* A position in an input file: 1-based line and column. */
struct mark {
	const char	*file;		/* not owned: lives as long as the load */
	int		 line, col;
};

/* SEV_USAGE: the command line asked for what the input cannot give
 * (--page 5 of a 2-page worksheet): exit status 2. */
enum severity { SEV_WARNING, SEV_ERROR, SEV_FATAL, SEV_USAGE };

void	diag(enum severity, const struct mark *, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
#define	diag_error(m, ...)	diag(SEV_ERROR, (m), __VA_ARGS__)
#define	diag_warn(m, ...)	diag(SEV_WARNING, (m), __VA_ARGS__)

/* A copy of path that lives until the program exits, for marks. */
const char *diag_file(const char *path);

/* Errors reported since the last diag_reset(). */
size_t	diag_errors(void);
size_t	diag_warnings(void);
/* Errors of the system (no font, cannot write): exit status 3. */
size_t	diag_fatals(void);
/* Errors of the command line found late (SEV_USAGE): exit status 2. */
size_t	diag_usage_errors(void);
void	diag_reset(void);
/* Capture instead of printing (mimeo list): while on, messages are counted
 * but not printed, and the first error is kept as "FILE:LINE:COL: MESSAGE"
 * for diag_captured() (NULL when none yet).  Turning it on or off forgets
 * what was kept. */
void	diag_capture(int on);
const char *diag_captured(void);
/* Suppress warnings (-q). */
void	diag_quiet(int);

#endif
