/*
 * util.h - allocation that cannot return NULL, and small string helpers.
 * Out of memory is not recoverable for a command-line tool: xmalloc and
 * friends print a message and exit with status 3 (the system failed).
 */
#ifndef MIMEO_UTIL_H
#define MIMEO_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Grow *arr (of element size sz) so that index n fits; doubles *cap. */
void	 xgrow(void **arr, size_t *cap, size_t n, size_t sz);
/* printf into a freshly allocated string. */
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list);

/* vprintf a one-line reason into err (errlen bytes; err may be NULL), for
 * the backends' "-1 and a reason" contract.  Always returns -1. */
int	 verrfmt(char *err, size_t errlen, const char *, va_list);
int	 errfmt(char *err, size_t errlen, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

struct tm;
/* SOURCE_DATE_EPOCH, the one date a document may carry (reproducible
 * builds): 1 and *tm (UTC) when it is set, 0 when it is not, -1 with a
 * reason in err when it is not a number of seconds up to 9999-12-31. */
int	 source_date_epoch(struct tm *tm, char *err, size_t errlen);

/* Decode one UTF-8 code point at s (at most n bytes); stores its length in
 * *len.  Returns the code point, or -1 for an invalid sequence (*len = 1). */
long	 utf8_decode(const char *s, size_t n, size_t *len);
/* Encode cp into buf (at least 4 bytes); returns the byte count. */
size_t	 utf8_encode(long cp, char *buf);

/* What input_open() takes besides a regular file. */
enum input_take {
	INPUT_FILE,		/* a regular file only */
	INPUT_STREAM		/* also a pipe or FIFO (`<(...)`), and "-"
				 * for standard input when it is not a
				 * terminal: the set and the roster */
};
/* Open an input for reading; a FIFO, device or socket that is not taken
 * is refused without opening it for good, so nothing blocks on it.
 * Returns the stream, or NULL with the reason (the end of a sentence:
 * "it is a folder, not a file", or strerror's) in why. */
FILE	*input_open(const char *path, enum input_take, char *why,
	    size_t whylen);

#endif
