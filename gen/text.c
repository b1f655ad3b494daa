/*
 * text.c - inline markup to atoms; see text.h.
 *
 * Math spans get a plain rendering here for now: the AsciiMath words for
 * symbols (xx, -:, <=, pi ...) become their characters and the span is kept
 * on one line.  Stacked fractions and the rest of the math layout belong to
 * their own stage (see the math issue).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

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

/* End the current run: push it as an atom if it holds anything. */
static void
rich_flush(struct rich *r, struct buf *b, int style)
{
	if (b->n == 0)
		return;
	rich_push(r, A_RUN, style)->s = xstrndup(b->s, b->n);
	b->n = 0;
}

static void
rich_space(struct rich *r)
{
	if (r->n > 0 && r->v[r->n - 1].kind != A_SPACE &&
	    r->v[r->n - 1].kind != A_PARA)
		rich_push(r, A_SPACE, 0);
}

/* AsciiMath words that print as one character, longest first. */
static const struct {
	const char *in, *out;
} math_symbols[] = {
	{ "<=>", "\xe2\x87\x94" }, { "xx", "\xc3\x97" }, { "-:", "\xc3\xb7" },
	{ "+-", "\xc2\xb1" }, { "!=", "\xe2\x89\xa0" }, { "<=", "\xe2\x89\xa4" },
	{ ">=", "\xe2\x89\xa5" }, { "->", "\xe2\x86\x92" },
	{ "pi", "\xcf\x80" }, { "deg", "\xc2\xb0" },
	{ "sqrt", "\xe2\x88\x9a" }, { "*", "\xc2\xb7" },
	{ "-", "\xe2\x88\x92" },
};

/* Append the math span s[0..n) to b, symbols replaced.  Its spaces stay
 * inside the run, and layout breaks lines only between runs, so a math
 * span never splits. */
static void
rich_math(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, k, l;
	int word;

	while (i < n) {
		for (k = 0; k < sizeof(math_symbols) / sizeof(math_symbols[0]);
		    k++) {
			l = strlen(math_symbols[k].in);
			/* letters-only names must stand alone: "pi" not in
			 * "spin" */
			word = math_symbols[k].in[0] >= 'a' &&
			    math_symbols[k].in[0] <= 'z';
			if (i + l <= n &&
			    strncmp(s + i, math_symbols[k].in, l) == 0 &&
			    (!word || ((i == 0 || !((s[i - 1] | 32) >= 'a' &&
			    (s[i - 1] | 32) <= 'z')) && (i + l == n ||
			    !((s[i + l] | 32) >= 'a' && (s[i + l] | 32) <=
			    'z')))))
				break;
		}
		if (k < sizeof(math_symbols) / sizeof(math_symbols[0])) {
			buf_add(b, math_symbols[k].out,
			    strlen(math_symbols[k].out));
			i += strlen(math_symbols[k].in);
		} else
			buf_add(b, s + i++, 1);
	}
}

int
rich_parse(const struct text *t, int blanks, struct rich *r)
{
	const char *p = t->s, *q, *end;
	struct buf b = { NULL, 0, 0 };
	int style = 0, rc = 0, nblank = 0;

	r->mark = t->mark;
	while (*p != '\0') {
		if (*p == '\\' && p[1] != '\0' && strchr("*`{}\\_", p[1])) {
			buf_add(&b, p + 1, 1);
			p += 2;
		} else if (*p == '\n' || *p == ' ' || *p == '\t' ||
		    *p == '\r') {
			int newlines = 0;

			rich_flush(r, &b, style);
			for (q = p; *q == ' ' || *q == '\t' || *q == '\r' ||
			    *q == '\n'; q++)
				newlines += *q == '\n';
			/* a blank line (two newlines) starts a paragraph */
			if (newlines >= 2 && r->n > 0 && *q != '\0') {
				if (r->v[r->n - 1].kind == A_SPACE)
					r->n--;
				rich_push(r, A_PARA, 0);
			} else if (*q != '\0')
				rich_space(r);
			p = q;
		} else if (strncmp(p, "**", 2) == 0) {
			rich_flush(r, &b, style);
			style ^= ST_BOLD;
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
			p++;
		} else if (*p == '`') {
			for (end = p + 1; *end != '\0' && *end != '`'; end++)
				if (*end == '\\' && end[1] != '\0')
					end++;
			if (*end != '`') {
				diag_error(&t->mark, "a math span opened with ` "
				    "is never closed: add the closing ` (or "
				    "write \\` for a backtick)");
				rc = -1;
				break;
			}
			rich_flush(r, &b, style);
			rich_math(&b, p + 1, (size_t)(end - p - 1));
			rich_flush(r, &b, style | ST_MATH);
			p = end + 1;
		} else if (*p == '{') {
			diag_error(&t->mark, "variables like {a} are not "
			    "supported by this version of mimeo yet; write \\{ "
			    "for a brace");
			rc = -1;
			break;
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
		diag_error(&t->mark, "%s is opened but never closed; close it, "
		    "or write \\* for a star that should print",
		    (style & ST_BOLD) ? "**bold**" : "*italic*");
		rc = -1;
	}
	while (r->n > 0 && r->v[r->n - 1].kind == A_SPACE)
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

	for (i = 0; i < r->n; i++)
		free(r->v[i].s);
	free(r->v);
	memset(r, 0, sizeof(*r));
}
