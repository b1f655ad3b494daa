/* util.c - see util.h */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

static void
util_oom(void)
{
	fputs("mimeo: error: out of memory\n", stderr);
	exit(3);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		util_oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		util_oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		util_oom();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
xgrow(void **arr, size_t *cap, size_t n, size_t sz)
{
	size_t ncap;

	if (n < *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap <= n)
		ncap *= 2;
	*arr = xrealloc(*arr, ncap * sz);
	memset((char *)*arr + *cap * sz, 0, (ncap - *cap) * sz);
	*cap = ncap;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	int n;
	char *p;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		util_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

int
verrfmt(char *err, size_t errlen, const char *fmt, va_list ap)
{
	if (err != NULL && errlen > 0)
		vsnprintf(err, errlen, fmt, ap);
	return -1;
}

int
errfmt(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrfmt(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

int
source_date_epoch(struct tm *tm, char *err, size_t errlen)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;
	time_t		 t;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	/* 253402300799 is 9999-12-31T23:59:59Z, the last 4-digit year */
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0 ||
	    v > 253402300799LL)
		return errfmt(err, errlen, "SOURCE_DATE_EPOCH is not a number "
		    "of seconds: \"%s\"", s);
	t = (time_t)v;
	if ((long long)t != v || gmtime_r(&t, tm) == NULL)
		return errfmt(err, errlen, "SOURCE_DATE_EPOCH out of range: %s",
		    s);
	return 1;
}

long
utf8_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	long cp;
	size_t need, i;

	*len = 1;
	if (n == 0)
		return -1;
	if (u[0] < 0x80)
		return u[0];
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 2;
		cp = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 3;
		cp = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 4;
		cp = u[0] & 0x07;
	} else
		return -1;
	if (n < need)
		return -1;
	for (i = 1; i < need; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (u[i] & 0x3f);
	}
	/* reject overlong forms, surrogates and values past U+10FFFF */
	if ((need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return -1;
	*len = need;
	return cp;
}

size_t
utf8_encode(long cp, char *b)
{
	if (cp < 0x80) {
		b[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	b[0] = (char)(0xf0 | (cp >> 18));
	b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	b[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* strerror(e) into why, errno left at e for the caller's hints. */
static void
input_errno(char *why, size_t whylen, int e)
{
	errfmt(why, whylen, "%s", strerror(e));
	errno = e;
}

FILE *
input_open(const char *path, enum input_take take, char *why, size_t whylen)
{
	struct stat st;
	int fd, flags;
	FILE *f;

	if (take == INPUT_STREAM && strcmp(path, "-") == 0) {
		if (isatty(0)) {
			errfmt(why, whylen, "standard input is the terminal; "
			    "give a file, or send one in with < FILE or |");
			return NULL;
		}
		if ((fd = dup(0)) < 0 && errno == EBADF) {
			errfmt(why, whylen, "standard input is closed; send "
			    "the file in with < FILE or |");
			return NULL;
		}
		if (fd < 0 || (f = fdopen(fd, "rb")) == NULL) {
			input_errno(why, whylen, errno);
			if (fd >= 0)
				close(fd);
			return NULL;
		}
		return f;
	}
	/* O_NONBLOCK: opening a FIFO without a writer must not wait */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0 ||
	    fstat(fd, &st) < 0) {
		input_errno(why, whylen, errno);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) && !(take == INPUT_STREAM &&
	    S_ISFIFO(st.st_mode))) {
		close(fd);
		errno = 0;
		errfmt(why, whylen, "%s", S_ISDIR(st.st_mode) ?
		    "it is a folder, not a file" : S_ISFIFO(st.st_mode) ?
		    "it is a pipe (FIFO), not a file" : S_ISCHR(st.st_mode) ||
		    S_ISBLK(st.st_mode) ? "it is a device, not a file" :
		    "it is not a regular file");
		return NULL;
	}
	if (S_ISFIFO(st.st_mode)) {
		/* a named FIFO given as the input: wait for its writer, as
		 * any program reading one does (a `<(...)` has it already) */
		close(fd);
		if ((fd = open(path, O_RDONLY | O_NOCTTY)) < 0) {
			input_errno(why, whylen, errno);
			return NULL;
		}
	} else if ((flags = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		input_errno(why, whylen, errno);
		close(fd);
		return NULL;
	}
	if ((f = fdopen(fd, "rb")) == NULL) {
		input_errno(why, whylen, errno);
		close(fd);
	}
	return f;
}
