/*
 * roster.c - RFC 4180 CSV rosters; see roster.h.  A field is quoted when
 * it starts with '"'; inside, "" is one quote and commas and line breaks
 * are text.  Rows that are entirely empty (trailing blank lines, Excel's
 * ";;;") are skipped.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "inputs.h"
#include "roster.h"
#include "util.h"

#define ROSTER_MAX_BYTES (4 << 20)
#define ROSTER_MAX_COLS	64	/* columns whose position we remember */

struct csv {
	const char	*file;
	const char	*p, *end;
	const char	*linestart;	/* for columns in messages */
	const char	*colp;		/* the last place csv_col() counted */
	int		 colv;		/* its column */
	int		 line;
	int		 bad;
	char		 sep;		/* ',', or ';' or tab: see csv_sep() */
};

/* The column of p in its line, in characters as an editor counts them
 * (and as the YAML messages do), not bytes: "José,x" has x at 6. */
static int
csv_col(struct csv *c, const char *p)
{
	const char *s = c->linestart;
	int col = 1;

	/* go on from the last count on this line: a row of many fields
	 * costs its length once, not once per field */
	if (c->colp != NULL && c->colp >= c->linestart && c->colp <= p) {
		s = c->colp;
		col = c->colv;
	}
	for (; s < p; s++)
		col += ((unsigned char)*s & 0xc0) != 0x80;
	c->colp = p;
	c->colv = col;
	return col;
}

/* The bytes of the field at c->p as written (its quotes too, so never
 * fewer than it holds): each field gets what it needs, not the rest of
 * the file. */
static size_t
csv_field_bytes(const struct csv *c)
{
	const char *q = c->p;

	if (q < c->end && *q == '"') {
		for (q++; q < c->end; q++)
			if (*q == '"' && q + 1 < c->end && q[1] == '"')
				q++;
			else if (*q == '"')
				break;
		return (size_t)(q - c->p);
	}
	while (q < c->end && *q != c->sep && *q != '\n' && *q != '\r')
		q++;
	return (size_t)(q - c->p);
}

/* One field at c->p; returns it (owned) and sets *last when the row ends.
 * Returns NULL (reported) on a broken quote. */
static char *
csv_field(struct csv *c, int *last)
{
	char *out = xmalloc(csv_field_bytes(c) + 1);
	size_t n = 0;
	struct mark m = { c->file, c->line, 0 };

	m.col = csv_col(c, c->p);
	*last = 0;
	if (c->p < c->end && *c->p == '"') {
		c->p++;
		for (;;) {
			if (c->p >= c->end) {
				diag_error(&m, "a quoted field is never closed: "
				    "add the closing \"");
				free(out);
				return NULL;
			}
			if (*c->p == '"' && c->p + 1 < c->end &&
			    c->p[1] == '"') {
				out[n++] = '"';
				c->p += 2;
			} else if (*c->p == '"') {
				c->p++;
				break;
			} else {
				if (*c->p == '\n') {
					c->line++;
					c->linestart = c->p + 1;
				}
				out[n++] = *c->p++;
			}
		}
		if (c->p < c->end && *c->p != c->sep && *c->p != '\n' &&
		    *c->p != '\r') {
			m.line = c->line;
			m.col = csv_col(c, c->p);
			diag_error(&m, "text after a closing quote; a quote "
			    "inside a quoted field is written \"\"");
			free(out);
			return NULL;
		}
	} else
		while (c->p < c->end && *c->p != c->sep && *c->p != '\n' &&
		    *c->p != '\r')
			out[n++] = *c->p++;
	out[n] = '\0';
	if (c->p < c->end && *c->p == c->sep)
		c->p++;
	else {
		*last = 1;
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->linestart = c->p;
	}
	return out;
}

/*
 * The separator of the file at p: a comma, unless the first line that is
 * not empty has none but has semicolons (a spreadsheet set up for a
 * language that writes 1,5 for one and a half saves "CSV" that way) or
 * tabs (a spreadsheet's "text" export).
 */
static char
csv_sep(const char *p, const char *end)
{
	const char *eol;
	size_t n;

	while (p < end && (*p == '\n' || *p == '\r'))
		p++;
	eol = memchr(p, '\n', (size_t)(end - p));
	n = eol != NULL ? (size_t)(eol - p) : (size_t)(end - p);
	if (memchr(p, ',', n) != NULL)
		return ',';
	if (memchr(p, ';', n) != NULL)
		return ';';
	if (memchr(p, '\t', n) != NULL)
		return '\t';
	return ',';
}

/* Trim spaces around a field (spreadsheets add them) in place. */
static char *
csv_trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	memmove(s, s + i, n - i + 1);
	return s;
}

/* Read one row into fields; returns the count, or -1 (reported).  When
 * cols is given, the column where each field starts goes there (at most
 * ncols of them). */
static int
csv_row(struct csv *c, char ***fields, int *cols, int ncols)
{
	int n = 0, last = 0;
	size_t cap = 0;
	char *f;

	*fields = NULL;
	while (!last) {
		if (cols != NULL && n < ncols)
			cols[n] = csv_col(c, c->p);
		if ((f = csv_field(c, &last)) == NULL) {
			while (n > 0)
				free((*fields)[--n]);
			free(*fields);
			*fields = NULL;
			/* skip to the next line */
			while (c->p < c->end && *c->p++ != '\n')
				;
			c->linestart = c->p;
			return -1;
		}
		xgrow((void **)fields, &cap, (size_t)n, sizeof(char *));
		(*fields)[n++] = csv_trim(f);
	}
	return n;
}

/* The fields of a row for a message: "First", "Last" (at most 6 shown);
 * allocated. */
static char *
csv_join(char **f, int n)
{
	char *s = xstrdup(""), *t;
	int i;

	for (i = 0; i < n && i < 6; i++) {
		t = xasprintf("%s%s\"%s\"", s, i > 0 ? ", " : "", f[i]);
		free(s);
		s = t;
	}
	if (n > 6) {
		t = xasprintf("%s ...", s);
		free(s);
		s = t;
	}
	return s;
}

static void
csv_free_row(char **f, int n)
{
	while (n > 0)
		free(f[--n]);
	free(f);
}

static int
csv_empty_row(char **f, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (f[i][0] != '\0')
			return 0;
	return 1;
}

/* Slurp the file (or a pipe: `<(...)`, "-"); NULL (reported) when it
 * cannot be read. */
static char *
roster_read(const char *file, size_t *len)
{
	FILE *f;
	char *buf = NULL, why[160];
	size_t cap = 0, got;
	struct mark m = { file, 0, 0 };

	if ((f = input_open(file, INPUT_STREAM, why, sizeof(why))) == NULL) {
		diag_error(&m, "cannot read the roster: %s", why);
		return NULL;
	}
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + *len, 1, cap - *len, f);
		*len += got;
	} while (got > 0 && *len <= ROSTER_MAX_BYTES);
	if (ferror(f) || *len > ROSTER_MAX_BYTES) {
		if (ferror(f))
			diag_error(&m, "cannot read the roster: %s",
			    strerror(errno));
		else
			diag_error(&m, "the roster is larger than %d MiB, far "
			    "more than a class list; is it the right file?",
			    ROSTER_MAX_BYTES >> 20);
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	inputs_note(file);
	buf[*len] = '\0';
	return buf;
}

/*
 * The encoding of a roster in UTF-16 without a byte-order mark (a
 * spreadsheet's "Unicode text" on some systems, or a tool that drops the
 * mark): "UTF-16LE" or "UTF-16BE", or NULL when the bytes do not say so
 * beyond doubt.  They do when the file has an even length and the
 * characters up to the end of its first line that is not empty (the
 * header) are at least four ("name") and all tabs or printable
 * U+0020 to U+00FF: then every other byte is NUL and the bytes between
 * are not, the NULs first in big-endian, second in little-endian.  A file
 * with no NUL byte (any UTF-8 roster) never matches; a header with other
 * characters, or a file cut in the middle of a character, is left to the
 * "not UTF-8" error rather than guessed at.
 */
static const char *
roster_utf16_unmarked(const unsigned char *b, size_t len)
{
	size_t i, chars = 0;
	int le;
	unsigned hi, lo;

	if (len % 2 != 0 || len < 8)
		return NULL;
	le = b[0] != 0;		/* big-endian starts with the NUL */
	for (i = 0; i < len; i += 2) {
		hi = b[i + le];
		lo = b[i + !le];
		if (hi != 0 || lo == 0 || (lo < 0x20 && lo != '\t' &&
		    lo != '\n' && lo != '\r') || (lo >= 0x7f && lo < 0xa0))
			return NULL;
		if (lo != '\n' && lo != '\r')
			chars++;
		else if (chars > 0)	/* the header's end */
			break;
	}
	if (chars < 4)
		return NULL;
	return le ? "UTF-16LE" : "UTF-16BE";
}

/*
 * A roster saved as "Unicode text" (UTF-16 with a byte-order mark, as
 * Excel writes it, tab-separated, or without the mark when
 * roster_utf16_unmarked() can tell) is converted to UTF-8 in place of
 * *buf, its mark dropped, and read like any roster.  Returns 0 (*buf
 * untouched when it is not UTF-16), or -1 (reported) when what follows
 * is not UTF-16.
 */
static int
roster_utf16(const char *file, char **buf, size_t *len)
{
	const unsigned char *b = (const unsigned char *)*buf;
	struct mark m = { file, 1, 1 };
	const char *enc = NULL;
	iconv_t cd;
	char *in = *buf, *utf8, *out, *p;
	size_t inleft = *len, outleft, rc;
	int err;

	if (*len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff))) {
		enc = b[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
		in += 2;
		inleft -= 2;
	} else if ((enc = roster_utf16_unmarked(b, *len)) == NULL)
		return 0;
	if ((cd = iconv_open("UTF-8", enc)) == (iconv_t)-1) {
		diag(SEV_FATAL, &m, "cannot read a UTF-16 roster here (%s); "
		    "save it from the spreadsheet as \"CSV UTF-8\"",
		    strerror(errno));
		return -1;
	}
	/* two bytes give at most three, four (a pair) at most four */
	outleft = inleft / 2 * 3;
	out = utf8 = xmalloc(outleft + 1);
	rc = iconv(cd, &in, &inleft, &out, &outleft);
	err = errno;
	iconv_close(cd);
	*out = '\0';
	if (rc == (size_t)-1) {
		/* where the reading stopped, in the text as converted */
		for (p = utf8; p < out; p++)
			if (*p == '\n') {
				m.line++;
				m.col = 1;
			} else if (((unsigned char)*p & 0xc0) != 0x80)
				m.col++;
		diag_error(&m, "the roster starts like UTF-16 (\"Unicode "
		    "text\") but %s here; save it from the spreadsheet "
		    "again, as \"CSV UTF-8\"", err == EINVAL ?
		    "the file ends in the middle of a character" :
		    "is not UTF-16");
		free(utf8);
		return -1;
	}
	free(*buf);
	*buf = utf8;
	*len = (size_t)(out - utf8);
	return 0;
}

/* The first byte of s that is not UTF-8 text or is a control character
 * (a line break in a cell), or NULL when s is fine; *bad_utf8 says which. */
static const char *
roster_text_wrong(const char *s, int *bad_utf8)
{
	size_t n = strlen(s), len;
	long cp;

	while (n > 0) {
		cp = utf8_decode(s, n, &len);
		*bad_utf8 = cp < 0;
		if (cp < 0x20 && cp != '\t')
			return s;
		s += len;
		n -= len;
	}
	return NULL;
}

/* Report a field that holds a line break (a spreadsheet cell with two
 * lines) or is too long to be a name or a period; row is where its row
 * starts, col where the field does.  Returns 1 if it was wrong. */
static int
roster_field_wrong(const char *field, const struct mark *row, int col)
{
	struct mark m = *row;
	size_t chars = 0, left;
	const char *c;
	char latin1[5] = "";
	int bad_utf8;

	m.col = col;
	if ((c = roster_text_wrong(field, &bad_utf8)) != NULL && bad_utf8) {
		if ((unsigned char)*c >= 0xa0)	/* Latin-1 is Unicode's start */
			latin1[utf8_encode((unsigned char)*c, latin1)] = '\0';
		diag_error(&m, "this field is not UTF-8 text: it holds byte "
		    "0x%02X%s%s%s; save the roster from the spreadsheet as "
		    "\"CSV UTF-8\"", (unsigned char)*c, latin1[0] ? " (\"" : "",
		    latin1, latin1[0] ? "\" in Latin-1 or Windows-1252)" : "");
		return 1;
	}
	if (c != NULL) {
		diag_error(&m, "this field holds a line break or another "
		    "control character; keep each cell on one line");
		return 1;
	}
	for (c = field, left = strlen(field); *c != '\0'; c++, left--) {
		size_t len;
		long cp = ((unsigned char)*c & 0xc0) == 0x80 ? 0 :
		    utf8_decode(c, left, &len);

		if (cp == 0xfeff || (cp >= 0x200e && cp <= 0x200f) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 &&
		    cp <= 0x2069)) {
			m.col = col + (int)chars;
			diag_error(&m, "this field holds an invisible %s "
			    "(U+%04lX), which would not print; delete it (type "
			    "the name again)", cp == 0xfeff ? "byte-order mark" :
			    "direction control", cp);
			return 1;
		}
		/* 4-byte UTF-8: beyond U+FFFF, which the PDF cannot print;
		 * said here, where the file and column are known */
		if (((unsigned char)*c & 0xf8) == 0xf0) {
			m.col = col + (int)chars;
			diag_error(&m, "\"%.4s\" is an emoji or another "
			    "character beyond U+FFFF, which mimeo cannot print; "
			    "remove it or write a word instead", c);
			return 1;
		}
		chars += ((unsigned char)*c & 0xc0) != 0x80;
	}
	if (chars > ROSTER_MAX_FIELD) {
		diag_error(&m, "this field is %zu characters long; a name, "
		    "period, version or edition may be at most %d", chars,
		    ROSTER_MAX_FIELD);
		return 1;
	}
	return 0;
}

/* Is the column title h one of words (any case)? */
static int
roster_title_is(const char *h, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcasecmp(h, *words) == 0)
			return 1;
	return 0;
}

/* Column titles as spreadsheets and school systems export them: the
 * names whole, or given and family names apart (printed "Ana López"). */
static const char *const roster_name_titles[] = { "name", "student name",
    "student", "full name", NULL };
static const char *const roster_first_titles[] = { "first name", "first",
    "firstname", "given name", NULL };
static const char *const roster_last_titles[] = { "last name", "last",
    "lastname", "surname", "family name", NULL };

/* The name of a row: the name column, or first and last names joined. */
static char *
roster_row_name(char **f, int nf, int col_name, int col_first, int col_last)
{
	const char *first, *last;

	if (col_name >= 0)
		return col_name < nf && f[col_name][0] != '\0' ?
		    xstrdup(f[col_name]) : NULL;
	first = col_first < nf ? f[col_first] : "";
	last = col_last < nf ? f[col_last] : "";
	if (*first == '\0' && *last == '\0')
		return NULL;
	return xasprintf("%s%s%s", first, *first && *last ? " " : "", last);
}

/* The columns a roster's header row names; -1 where it has none. */
struct roster_cols {
	int	 name, first, last;	/* the names whole, or in two */
	int	 period, version, edition;
};

/* Reads the roster at path as UTF-8 (from UTF-16 when it is that) and
 * starts c on its first line, past a byte-order mark.  Returns the bytes
 * (*len of them) for the caller to free, or NULL (reported). */
static char *
roster_open(const char *path, struct csv *c, size_t *len)
{
	char *buf;

	memset(c, 0, sizeof(*c));
	c->file = diag_file(path);
	if ((buf = roster_read(c->file, len)) == NULL)
		return NULL;
	if (roster_utf16(c->file, &buf, len) < 0) {
		free(buf);
		return NULL;
	}
	c->p = c->linestart = buf;
	c->end = buf + *len;
	c->line = 1;
	if (*len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		c->p = c->linestart = buf + 3;
	c->sep = csv_sep(c->p, c->end);
	return buf;
}

/* Whether the len bytes of buf are not text (a NUL, or UTF-16 that kept
 * its mark); reported at the file's first line. */
static int
roster_not_text(const struct csv *c, const char *buf, size_t len)
{
	struct mark m = { c->file, 1, 1 };

	if (memchr(buf, '\0', len) == NULL && (len < 2 ||
	    ((unsigned char)buf[0] != 0xff && (unsigned char)buf[0] != 0xfe)))
		return 0;
	diag_error(&m, "the roster is not UTF-8 text; save it from the "
	    "spreadsheet as \"CSV UTF-8\"");
	return 1;
}

/* Which of the nf titles f names which column. */
static void
roster_columns(char **f, int nf, struct roster_cols *col)
{
	int i;

	col->name = col->first = col->last = -1;
	col->period = col->version = col->edition = -1;
	for (i = 0; i < nf; i++) {
		if (roster_title_is(f[i], roster_name_titles) && col->name < 0)
			col->name = i;
		else if (roster_title_is(f[i], roster_first_titles))
			col->first = i;
		else if (roster_title_is(f[i], roster_last_titles))
			col->last = i;
		else if (strcasecmp(f[i], "period") == 0)
			col->period = i;
		else if (strcasecmp(f[i], "version") == 0)
			col->version = i;
		else if (strcasecmp(f[i], "edition") == 0)
			col->edition = i;
	}
}

/* The header row, the first that is not empty, read into col; it must
 * name the names.  errs: the errors before this roster.  Returns 0, or
 * -1 (reported). */
static int
roster_header(struct csv *c, size_t errs, struct roster_cols *col)
{
	struct mark m = { c->file, 1, 1 };
	char **f = NULL, *header;
	int nf = -1;

	while (c->p < c->end) {
		m.line = c->line;
		nf = csv_row(c, &f, NULL, 0);
		c->line++;
		if (nf >= 0 && !csv_empty_row(f, nf))
			break;
		if (nf >= 0)
			csv_free_row(f, nf);
		nf = -1;
	}
	if (nf < 0) {
		m.line = 1;
		if (diag_errors() == errs)
			diag_error(&m, "the roster is empty; it needs a header "
			    "row with a \"name\" column, then one row per "
			    "student");
		return -1;
	}
	roster_columns(f, nf, col);
	if (col->name >= 0 || (col->first >= 0 && col->last >= 0)) {
		csv_free_row(f, nf);
		return 0;
	}
	header = csv_join(f, nf);
	csv_free_row(f, nf);
	diag_error(&m, "the first row must name the columns, and one must be "
	    "called \"name\" (the names as they are printed), or two \"first "
	    "name\" and \"last name\"; this one has %s: rename the column of "
	    "names to name, or, if the first row is already a student, add a "
	    "row like name,period above it", header);
	free(header);
	return -1;
}

/* The edition field e of a student's row (at m): large print or not. */
static void
roster_edition(struct student *s, const char *e, const struct mark *m)
{
	static const char *const large[] = { "large", "large print",
	    "large-print", NULL };

	if (roster_title_is(e, large))
		s->large = 1;
	else if (strcasecmp(e, "standard") != 0)
		diag_error(m, "edition must be standard or large (or empty for "
		    "standard), not \"%s\"", e);
}

/* Adds the student named name (owned) of the nf fields f, at columns
 * cols of the row at m, to r. */
static void
roster_add(struct roster *r, char *name, char **f, int nf, const int *cols,
    const struct roster_cols *col, struct mark m)
{
	struct student *s;

	/* room doubles at each power of two (8, 16, 32, ...): growing a
	 * row at a time copied the whole list per row, quadratic in a
	 * roster of 100,000 */
	if (r->n == 0 || (r->n >= 8 && (r->n & (r->n - 1)) == 0))
		r->v = xrealloc(r->v, (r->n < 8 ? 8 : 2 * r->n) *
		    sizeof(*r->v));
	s = &r->v[r->n++];
	memset(s, 0, sizeof(*s));
	s->line = m.line;
	s->name = name;
	if (col->period >= 0 && col->period < nf && f[col->period][0])
		s->period = xstrdup(f[col->period]);
	if (col->version >= 0 && col->version < nf && f[col->version][0]) {
		s->version = xstrdup(f[col->version]);
		s->version_col = col->version < ROSTER_MAX_COLS ?
		    cols[col->version] : 1;
	}
	if (col->edition >= 0 && col->edition < nf &&
	    f[col->edition][0] != '\0') {
		m.col = col->edition < ROSTER_MAX_COLS ? cols[col->edition] : 1;
		roster_edition(s, f[col->edition], &m);
	}
}

/* The next row of c into r: skipped when empty, reported when it has no
 * name or a wrong field.  Returns 0, or -1 when the roster is too long to
 * read on. */
static int
roster_row(struct csv *c, const struct roster_cols *col, struct roster *r)
{
	struct mark m = { c->file, c->line, 1 };
	char **f, *name;
	int nf, i, cols[ROSTER_MAX_COLS];

	nf = csv_row(c, &f, cols, ROSTER_MAX_COLS);
	c->line++;
	if (nf < 0)
		return 0;
	if (csv_empty_row(f, nf)) {
		csv_free_row(f, nf);
		return 0;
	}
	if (r->n >= ROSTER_MAX_ROWS) {
		diag_error(&m, "the roster has more than %d students; split it "
		    "into files of at most %d", ROSTER_MAX_ROWS,
		    ROSTER_MAX_ROWS);
		csv_free_row(f, nf);
		return -1;
	}
	if ((name = roster_row_name(f, nf, col->name, col->first,
	    col->last)) == NULL) {
		diag_error(&m, "this row has no name");
		csv_free_row(f, nf);
		return 0;
	}
	for (i = 0; i < nf; i++)
		if (roster_field_wrong(f[i], &m, i < ROSTER_MAX_COLS ?
		    cols[i] : 1)) {
			free(name);
			csv_free_row(f, nf);
			return 0;
		}
	roster_add(r, name, f, nf, cols, col, m);
	csv_free_row(f, nf);
	return 0;
}

struct roster *
roster_load(const char *path)
{
	struct roster *r;
	struct roster_cols col;
	struct csv c;
	struct mark m;
	char *buf;
	size_t len, errs = diag_errors();

	if ((buf = roster_open(path, &c, &len)) == NULL)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->file = c.file;
	if (!roster_not_text(&c, buf, len) &&
	    roster_header(&c, errs, &col) == 0) {
		while (c.p < c.end && roster_row(&c, &col, r) == 0)
			;
		if (r->n == 0 && diag_errors() == errs) {
			m.file = c.file;
			m.line = m.col = 1;
			diag_error(&m, "the roster has a header but no "
			    "students; add one row per student under it");
		}
	}
	free(buf);
	if (diag_errors() > errs) {
		roster_free(r);
		return NULL;
	}
	return r;
}

void
roster_free(struct roster *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		free(r->v[i].name);
		free(r->v[i].period);
		free(r->v[i].version);
	}
	free(r->v);
	free(r);
}
