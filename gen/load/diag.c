/* diag.c - positioned messages; see diag.h */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

#define DIAG_CAP	100	/* messages printed per run before we stop */

static size_t	diag_nerr, diag_nwarn, diag_nfatal, diag_nusage, diag_printed;
static int	diag_isquiet;
static int	diag_capturing;
static char	*diag_first;	/* while capturing: the first error */

void
diag(enum severity sev, const struct mark *m, const char *fmt, ...)
{
	va_list ap;

	if (sev == SEV_WARNING) {
		diag_nwarn++;
		if (diag_isquiet)
			return;
	} else
		diag_nerr++;
	if (sev == SEV_FATAL)
		diag_nfatal++;
	if (sev == SEV_USAGE)
		diag_nusage++;
	if (diag_capturing) {
		if (sev != SEV_WARNING && diag_first == NULL) {
			char *msg;

			va_start(ap, fmt);
			msg = xvasprintf(fmt, ap);
			va_end(ap);
			diag_first = m != NULL && m->file != NULL && m->line > 0 ?
			    xasprintf("%s:%d:%d: %s", m->file, m->line, m->col,
			    msg) : m != NULL && m->file != NULL ?
			    xasprintf("%s: %s", m->file, msg) : xstrdup(msg);
			free(msg);
		}
		return;
	}
	if (diag_printed++ == DIAG_CAP)
		fprintf(stderr, "mimeo: too many messages; only the first %d "
		    "are shown: fix those and run again\n", DIAG_CAP);
	if (diag_printed > DIAG_CAP)
		return;
	if (m != NULL && m->file != NULL && m->line > 0)
		fprintf(stderr, "%s:%d:%d: ", m->file, m->line, m->col);
	else if (m != NULL && m->file != NULL)
		fprintf(stderr, "%s: ", m->file);
	else
		fputs("mimeo: ", stderr);
	fputs(sev == SEV_WARNING ? "warning: " : "error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

size_t
diag_errors(void)
{
	return diag_nerr;
}

size_t
diag_fatals(void)
{
	return diag_nfatal;
}

size_t
diag_usage_errors(void)
{
	return diag_nusage;
}

size_t
diag_warnings(void)
{
	return diag_nwarn;
}

void
diag_reset(void)
{
	diag_nerr = diag_nwarn = diag_nfatal = diag_nusage = 0;
}

void
diag_capture(int on)
{
	diag_capturing = on;
	free(diag_first);
	diag_first = NULL;
}

const char *
diag_captured(void)
{
	return diag_first;
}

void
diag_quiet(int q)
{
	diag_isquiet = q;
}

/* File names are few; keep every one for the life of the process so marks
 * never dangle.  Freed by the OS at exit (valgrind: "still reachable"). */
static char	**diag_files;
static size_t	  diag_nfiles;

static void
diag_free_files(void)
{
	size_t i;

	for (i = 0; i < diag_nfiles; i++)
		free(diag_files[i]);
	free(diag_files);
}

const char *
diag_file(const char *path)
{
	size_t i;

	for (i = 0; i < diag_nfiles; i++)
		if (strcmp(diag_files[i], path) == 0)
			return diag_files[i];
	if (diag_nfiles == 0)
		atexit(diag_free_files);
	diag_files = xrealloc(diag_files, (diag_nfiles + 1) * sizeof(char *));
	diag_files[diag_nfiles] = xstrdup(path);
	return diag_files[diag_nfiles++];
}
