/*
 * text.c - inline markup to atoms; see text.h.
 *
 * A math span is handed whole to math.c, which parses it; layout sets it
 * as one unbreakable box.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#define RICH_TAB	4	/* spaces a tab indents a line of a | text */

static struct atom *
rich_push(struct rich *r, enum atom_kind k, int style)
{
	struct atom *a;

	xgrow((void **)&r->v, &r->cap, r->n, sizeof(*r->v));
	a = &r->v[r->n++];
	memset(a, 0, sizeof(*a));
	a->kind = k;
	a->style = style;
	return a;
}

/* A growing byte buffer for the run being collected. */
struct buf {
	char	*s;
	size_t	 n, cap;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

/* The blanks that start a line of a | text, [from, to), as spaces in the
 * run being collected: a tab is RICH_TAB spaces, a carriage return none. */
static void
rich_indent(struct buf *b, const char *from, const char *to)
{
	for (; from < to; from++)
		if (*from == ' ')
			buf_add(b, " ", 1);
		else if (*from == '\t')
			buf_add(b, "    ", RICH_TAB);
}

/* End the current run: push it as an atom if it holds anything. */
static void
rich_flush(struct rich *r, struct buf *b, int style)
{
	if (b->n == 0)
		return;
	rich_push(r, A_RUN, style)->s = xstrndup(b->s, b->n);
	b->n = 0;
}

/* 1 when the last atom is a space or a break of any kind. */
static int
rich_after_gap(const struct rich *r)
{
	enum atom_kind k;

	if (r->n == 0)
		return 0;
	k = r->v[r->n - 1].kind;
	return k == A_SPACE || k == A_PARA || k == A_BREAK;
}

static void
rich_space(struct rich *r)
{
	if (r->n > 0 && !rich_after_gap(r))
		rich_push(r, A_SPACE, 0);
}

/* A paragraph or line break; it replaces a space or a lesser break just
 * before it ("a **\nb**" ends the line after a). */
static void
rich_break(struct rich *r, enum atom_kind k)
{
	if (r->n == 0)
		return;
	if (rich_after_gap(r)) {
		if (r->v[r->n - 1].kind == A_PARA)
			return;
		r->n--;
	}
	rich_push(r, k, 0);
}

/* Report a mistake at byte at of t's text. */
static void
rich_error(const struct text *t, int flags, const char *at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
rich_error(const struct text *t, int flags, const char *at,
    const char *fmt, ...)
{
	struct mark m;
	va_list ap;
	char msg[512];

	if (flags & RP_DERIVED)
		return;
	text_mark_at(t, (size_t)(at - t->s), &m);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sc_error(&m, "%s", msg);
}

/* The math span between the backticks at open and end: one atom.
 * Returns -1 (reported) if it is wrong. */
static int
rich_math(const struct text *t, int flags, const char *open,
    const char *end, int style, struct rich *r)
{
	struct mnode *tree;
	struct atom *a;
	size_t off, n = (size_t)(end - open - 1);
	char err[300];

	if (strspn(open + 1, " \t\r\n") >= n) {
		rich_error(t, flags, open, "an empty math span: write the math "
		    "between the backticks, or \\` for a backtick");
		return -1;
	}
	if ((tree = math_parse(open + 1, n, flags & RP_DECIMAL_COMMA ?
	    MP_DECIMAL_COMMA : 0, &off, err, sizeof(err))) == NULL) {
		rich_error(t, flags, open + 1 + off, "%s", err);
		return -1;
	}
	a = rich_push(r, A_RUN, style | ST_MATH);
	a->s = xstrndup(open + 1, n);
	a->math = tree;
	return 0;
}

/* The length of the negative number that starts at p ("-5", "-0.75",
 * "-1,5" with a decimal comma), or 0 when the - there is not a minus
 * sign: one not after a letter or digit (a hyphen, a range 3-5). */
static size_t
rich_minus(const struct text *t, const char *p, int flags)
{
	const char *q = p + 1;
	char sep = flags & RP_DECIMAL_COMMA ? ',' : '.';

	if (p > t->s && strchr(" \t\n([", p[-1]) == NULL)
		return 0;
	if (!(*q >= '0' && *q <= '9'))
		return 0;
	while ((*q >= '0' && *q <= '9') || (*q == sep && q[1] >= '0' &&
	    q[1] <= '9'))
		q++;
	return (size_t)(q - p);
}

int
rich_parse(const struct text *t, int flags, struct rich *r)
{
	const char *p = t->s, *q, *end, *bold_at = NULL, *italic_at = NULL;
	struct buf b = { NULL, 0, 0 };
	int style = 0, rc = 0, nblank = 0, blanks = flags & RP_BLANKS;
	int literal = t->style == NS_LITERAL;
	size_t n;

	r->mark = t->mark;
	r->text = t;
	while (*p != '\0') {
		if (*p == '\\' && p[1] != '\0' && strchr("*`{}\\_", p[1])) {
			buf_add(&b, p + 1, 1);
			p += 2;
		} else if (*p == '\n' || *p == ' ' || *p == '\t' ||
		    *p == '\r') {
			const char *line = p == t->s ? p : NULL;
			int newlines = 0;

			rich_flush(r, &b, style);
			for (q = p; *q == ' ' || *q == '\t' || *q == '\r' ||
			    *q == '\n'; q++)
				if (*q == '\n') {
					newlines++;
					line = q + 1;
				}
			/* a blank line (two newlines) starts a paragraph;
			 * in a | text, one newline ends the line */
			if (*q == '\0')
				;
			else if (newlines >= 2)
				rich_break(r, A_PARA);
			else if (newlines == 1 && literal)
				rich_break(r, A_BREAK);
			else
				rich_space(r);
			/* and keeps the spaces that start a line: they join
			 * its first word, as wide as the spaces of its font */
			if (literal && line != NULL && *q != '\0')
				rich_indent(&b, line, q);
			/* and a run of spaces inside a line, where a teacher
			 * lines up columns by hand ("2    4" must not read
			 * as "2 4"): the break, then the others join the
			 * next word */
			else if (literal && newlines == 0 && *q != '\0' &&
			    q - p > 1)
				rich_indent(&b, p + 1, q);
			p = q;
		} else if (strncmp(p, "**", 2) == 0) {
			rich_flush(r, &b, style);
			style ^= ST_BOLD;
			bold_at = p;
			p += 2;
		} else if (*p == '*' && (style & ST_ITALIC) &&
		    p > t->s && p[-1] != ' ') {
			rich_flush(r, &b, style);
			style &= ~ST_ITALIC;
			p++;
		} else if (*p == '*' && !(style & ST_ITALIC) && p[1] != ' ' &&
		    p[1] != '\0') {
			rich_flush(r, &b, style);
			style |= ST_ITALIC;
			italic_at = p;
			p++;
		} else if (*p == '`') {
			for (end = p + 1; *end != '\0' && *end != '`'; end++)
				if (*end == '\\' && end[1] != '\0')
					end++;
			if (*end != '`') {
				rich_error(t, flags, p, "a math span opened "
				    "with ` is never closed: add the closing ` "
				    "(or write \\` for a backtick)");
				rc = -1;
				break;
			}
			rich_flush(r, &b, style);
			if (rich_math(t, flags, p, end, style, r) < 0) {
				rc = -1;
				break;
			}
			p = end + 1;
		} else if (*p == '{') {
			rich_error(t, flags, p, "variables like {a} are not "
			    "supported by this version of mimeo yet; write \\{ "
			    "for a brace");
			rc = -1;
			break;
		} else if (*p == '-' && (n = rich_minus(t, p, flags)) > 0) {
			/* a negative number set as math, so that its minus
			 * is the same glyph in and out of backticks */
			rich_flush(r, &b, style);
			if (rich_math(t, flags, p - 1, p + n, style, r) < 0) {
				rc = -1;
				break;
			}
			p += n;
		} else if (blanks && strncmp(p, "___", 3) == 0) {
			rich_flush(r, &b, style);
			rich_push(r, A_BLANK, style)->blank = nblank++;
			while (*p == '_')
				p++;
		} else
			buf_add(&b, p++, 1);
	}
	rich_flush(r, &b, style);
	free(b.s);
	if (rc == 0 && (style & (ST_BOLD | ST_ITALIC))) {
		rich_error(t, flags, (style & ST_BOLD) ? bold_at : italic_at,
		    "%s is opened but never closed; close it, or write \\* "
		    "for a star that should print", (style & ST_BOLD) ?
		    "**bold**" : "*italic*");
		rc = -1;
	}
	while (rich_after_gap(r))
		r->n--;
	return rc;
}

void
rich_plain(const char *s, int style, struct rich *r)
{
	const char *q;

	while (*s != '\0') {
		if (*s == ' ') {
			rich_space(r);
			s++;
			continue;
		}
		for (q = s; *q != '\0' && *q != ' '; q++)
			;
		rich_push(r, A_RUN, style)->s = xstrndup(s, (size_t)(q - s));
		s = q;
	}
}

void
rich_free(struct rich *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].s);
		math_free(r->v[i].math);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* ---- the parsed texts of a build ---------------------------------------- */

/* A text as parsed once: its own copy of the text (for where a character
 * is), the parse, whether it was wrong. */
struct rtext {
	struct text	 text;		/* s and src owned */
	int		 flags;		/* of rich_parse() */
	int		 font_said;	/* see struct rich */
	struct rich	 r;
};

struct rtexts {
	struct rtext	**v;		/* open addressing, cap a power of 2 */
	size_t		 n, cap;
	struct mark	*at;		/* rtexts_first_at() */
	size_t		 nat;
};

struct rtexts *
rtexts_new(void)
{
	return xcalloc(1, sizeof(struct rtexts));
}

static void
rtext_free(struct rtext *e)
{
	free(e->text.s);
	free(e->text.src);
	rich_free(&e->r);
	free(e);
}

void
rtexts_free(struct rtexts *ts)
{
	size_t i;

	if (ts == NULL)
		return;
	for (i = 0; i < ts->cap; i++)
		if (ts->v[i] != NULL)
			rtext_free(ts->v[i]);
	free(ts->v);
	free(ts->at);
	free(ts);
}

/* FNV-1a of what tells one text from another: its place, how it was
 * written, its words; the file's name is interned (diag_file()), so its
 * address will do. */
static size_t
rtexts_hash(const struct text *t, int flags)
{
	uint64_t h = 14695981039346656037ULL;
	uintptr_t file = (uintptr_t)t->mark.file;
	long parts[4] = { t->mark.line, t->mark.col, (long)t->style,
	    flags };
	const unsigned char *p;
	size_t i;

	for (i = 0; i < sizeof(file); i++)
		h = (h ^ ((file >> (8 * i)) & 0xff)) * 1099511628211ULL;
	for (p = (const unsigned char *)parts; p < (const unsigned char *)
	    (parts + 4); p++)
		h = (h ^ *p) * 1099511628211ULL;
	for (p = (const unsigned char *)t->s; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)h;
}

static int
rtext_is(const struct rtext *e, const struct text *t, int flags)
{
	return e->flags == flags && e->text.mark.file == t->mark.file &&
	    e->text.mark.line == t->mark.line &&
	    e->text.mark.col == t->mark.col && e->text.style == t->style &&
	    strcmp(e->text.s, t->s) == 0;
}

/* The slot of t in ts: its entry, or the empty slot it would go in. */
static struct rtext **
rtexts_slot(struct rtexts *ts, const struct text *t, int flags)
{
	size_t i = rtexts_hash(t, flags) & (ts->cap - 1);

	while (ts->v[i] != NULL && !rtext_is(ts->v[i], t, flags))
		i = (i + 1) & (ts->cap - 1);
	return &ts->v[i];
}

static void
rtexts_grow(struct rtexts *ts)
{
	struct rtext **old = ts->v;
	size_t i, oldcap = ts->cap;

	ts->cap = oldcap == 0 ? 64 : oldcap * 2;
	ts->v = xcalloc(ts->cap, sizeof(*ts->v));
	for (i = 0; i < oldcap; i++)
		if (old[i] != NULL)
			*rtexts_slot(ts, &old[i]->text, old[i]->flags) =
			    old[i];
	free(old);
}

const struct rich *
rtexts_get(struct rtexts *ts, const struct text *t, int flags)
{
	struct rtext **slot, *e;

	if ((ts->n + 1) * 2 > ts->cap)
		rtexts_grow(ts);
	slot = rtexts_slot(ts, t, flags);
	if ((e = *slot) == NULL) {
		e = xcalloc(1, sizeof(*e));
		e->text = *t;
		e->text.s = xstrdup(t->s);
		e->text.src = t->src != NULL ? xstrdup(t->src) : NULL;
		e->flags = flags;
		e->r.wrong = rich_parse(&e->text, flags, &e->r) < 0;
		e->font_said = (flags & RP_DERIVED) != 0;
		e->r.font_said = &e->font_said;
		*slot = e;
		ts->n++;
	}
	return &e->r;
}

int
rtexts_first_at(struct rtexts *ts, const struct mark *m)
{
	size_t i;

	if (ts == NULL || m == NULL)
		return 1;
	for (i = 0; i < ts->nat; i++)
		if (ts->at[i].file == m->file && ts->at[i].line == m->line &&
		    ts->at[i].col == m->col)
			return 0;
	ts->at = xrealloc(ts->at, (ts->nat + 1) * sizeof(*ts->at));
	ts->at[ts->nat++] = *m;
	return 1;
}
