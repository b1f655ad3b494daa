/*
 * yaml_explain.c - libyaml's syntax errors reworded for a teacher: what
 * the mistake is, where it is (often not where libyaml noticed it), and
 * what to write instead.  node.c calls node_parse_error() when libyaml
 * stops; each explainer below looks at the file around the error (and,
 * when it needs to, at the tokens before it) and reports when it knows
 * the mistake; the first that does wins, and libyaml's own words are
 * the last resort.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "node.h"
#include "node_int.h"
#include "util.h"

/* 1 when mark a comes before mark b in the file. */
static int
node_before(yaml_mark_t a, yaml_mark_t b)
{
	return a.line < b.line || (a.line == b.line && a.column < b.column);
}

/* What a line looks like, for the indentation messages. */
struct line {
	size_t		 start, end;	/* byte offsets; end at the break */
	int		 indent;	/* leading spaces */
	int		 content;	/* not blank, not only a comment */
	int		 dashes;	/* "- " entries before the key */
	int		 keycol;	/* 1-based column after the dashes */
	size_t		 keyoff, keylen;/* "word" of "word:", or keylen 0 */
};

static void
node_line(struct loader *ld, int lineno, struct line *li)
{
	const unsigned char *b = ld->buf;
	size_t i, j;

	memset(li, 0, sizeof(*li));
	li->start = node_line_col(ld, lineno, 1);
	for (i = li->start; i < ld->len && node_brk(ld, i) == 0; i++)
		;
	li->end = i;
	for (i = li->start; i < li->end && b[i] == ' '; i++)
		li->indent++;
	li->content = i < li->end && b[i] != '#' && b[i] != '\t';
	while (i < li->end && b[i] == '-' && (i + 1 == li->end ||
	    b[i + 1] == ' ')) {
		li->dashes++;
		for (i++; i < li->end && b[i] == ' '; i++)
			;
	}
	li->keycol = (int)(i - li->start) + 1;
	li->keyoff = i;
	if (i >= li->end || strchr("\"'{[#&*!|>%@`", b[i]) != NULL)
		return;
	for (j = i; j < li->end && j - i < 40; j++) {
		if (b[j] == ':' && (j + 1 == li->end || b[j + 1] == ' ' ||
		    b[j + 1] == '\t')) {
			li->keylen = j - i;
			return;
		}
		if (b[j] == '#' && j > i && b[j - 1] == ' ')
			return;
	}
}

/* ---- tokens before an error ----------------------------------------- */

/* The last token that starts before a position, found by scanning the file
 * again: libyaml's parser errors say where it noticed a mistake, not what
 * came before it. */
struct scan {
	int			 found;
	yaml_token_type_t	 type;
	yaml_mark_t		 start, end;
	yaml_scalar_style_t	 style;
	yaml_mark_t		 opener;	/* FLOW_*_END: its '[' or '{' */
};

static void
node_scan(struct loader *ld, yaml_mark_t upto, struct scan *s)
{
	yaml_parser_t p;
	yaml_token_t t;
	yaml_mark_t flow[NODE_MAX_DEPTH + 2];
	size_t nflow = 0;
	int stop = 0;

	memset(s, 0, sizeof(*s));
	if (!yaml_parser_initialize(&p))
		return;
	yaml_parser_set_input_string(&p, ld->buf, ld->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!stop && yaml_parser_scan(&p, &t)) {
		switch (t.type) {
		case YAML_STREAM_END_TOKEN:
			stop = 1;
			break;
		case YAML_STREAM_START_TOKEN:
		case YAML_KEY_TOKEN:		/* placed after the fact */
		case YAML_BLOCK_SEQUENCE_START_TOKEN:
		case YAML_BLOCK_MAPPING_START_TOKEN:
		case YAML_BLOCK_END_TOKEN:
			break;
		default:
			if (!node_before(t.start_mark, upto)) {
				stop = 1;
				break;
			}
			s->found = 1;
			s->type = t.type;
			s->start = t.start_mark;
			s->end = t.end_mark;
			if (t.type == YAML_SCALAR_TOKEN)
				s->style = t.data.scalar.style;
			if (t.type == YAML_FLOW_SEQUENCE_START_TOKEN ||
			    t.type == YAML_FLOW_MAPPING_START_TOKEN) {
				if (nflow < sizeof(flow) / sizeof(flow[0]))
					flow[nflow] = t.start_mark;
				nflow++;
			}
			if ((t.type == YAML_FLOW_SEQUENCE_END_TOKEN ||
			    t.type == YAML_FLOW_MAPPING_END_TOKEN) &&
			    nflow > 0) {
				nflow--;
				if (nflow < sizeof(flow) / sizeof(flow[0]))
					s->opener = flow[nflow];
			}
			break;
		}
		yaml_token_delete(&t);
	}
	yaml_parser_delete(&p);
}

/* ---- syntax errors -------------------------------------------------- */

/* A tab in the indentation of line lineno: report it, return 1. */
static int
node_tab_error(struct loader *ld, int lineno)
{
	struct line li;
	struct mark m;
	size_t i;

	if (lineno < 1)
		return 0;
	node_line(ld, lineno, &li);
	for (i = li.start; i < li.end; i++) {
		if (ld->buf[i] == '\t') {
			node_offset_mark(ld, i, &m);
			diag_error(&m, "a tab is used to indent this line; "
			    "YAML needs spaces: replace the tab with spaces so "
			    "the line lines up with the ones it belongs with");
			return 1;
		}
		if (ld->buf[i] != ' ' && ld->buf[i] != '-')
			break;
	}
	return 0;
}

/* The key word of line li as "word:", or "this line". */
static void
node_key_name(struct loader *ld, const struct line *li, char *out,
    size_t size)
{
	if (li->keylen > 0)
		snprintf(out, size, "\"%.*s:\"", (int)li->keylen,
		    (const char *)ld->buf + li->keyoff);
	else
		snprintf(out, size, "this line");
}

/* A "- " line not lined up with the "- " lines above it: report, return 1
 * (0 when there is none to compare with). */
static int
node_dash_error(struct loader *ld, int lineno, const struct line *li,
    const struct mark *m)
{
	struct line up;
	int l, d, bestd = 1 << 30, best = 0, bestindent = 0;

	for (l = lineno - 1; l >= 1; l--) {
		node_line(ld, l, &up);
		if (!up.content)
			continue;
		if (up.dashes > 0 && up.indent != li->indent) {
			d = up.indent > li->indent ? up.indent - li->indent :
			    li->indent - up.indent;
			if (d < bestd) {
				bestd = d;
				best = l;
				bestindent = up.indent;
			}
		}
		if (up.indent < li->indent && up.dashes == 0)
			break;
	}
	if (best == 0)
		return 0;
	diag_error(m, "this \"- \" is indented %d space%s, but the \"- \" on "
	    "line %d is indented %d; the items of one list must start in "
	    "exactly the same column", li->indent, li->indent == 1 ? "" : "s",
	    best, bestindent);
	return 1;
}

/*
 * The line at lineno is lined up with the lines around it, so the mistake
 * is on the line above it (or it is a list item without its "- "): a key
 * without its colon, or without the space after it.  Report, return 1; 0
 * when nothing looks wrong there.
 */
static int
node_above_error(struct loader *ld, int lineno, const struct line *li)
{
	struct line up;
	struct mark m;
	size_t i;
	int l;

	for (l = lineno - 1; l >= 1; l--) {
		node_line(ld, l, &up);
		if (up.content)
			break;
	}
	if (l < 1)
		return 0;
	if (li->dashes == 0 && li->keylen == 0 && up.dashes > 0 &&
	    up.indent <= li->indent && li->indent < up.keycol - 1) {
		node_offset_mark(ld, li->start + (size_t)li->indent, &m);
		diag_error(&m, "this line has no \"- \" like the items of the "
		    "list above it (line %d); start each item with \"- \"", l);
		return 1;
	}
	if (up.keylen > 0 || up.keycol != li->keycol)
		return 0;
	for (i = up.keyoff; i < up.end; i++) {
		if (ld->buf[i] == '"' || ld->buf[i] == '\'' ||
		    ld->buf[i] == '#')
			break;
		if (ld->buf[i] == ':') {
			node_offset_mark(ld, i + 1, &m);
			diag_error(&m, "a space is missing after \"%.*s\" on this "
			    "line: YAML needs a space between a key's colon "
			    "and its value", (int)(i + 1 - up.keyoff),
			    (const char *)ld->buf + up.keyoff);
			return 1;
		}
	}
	node_offset_mark(ld, up.keyoff, &m);
	diag_error(&m, "this line has no colon after its key; write it as "
	    "key: value, like \"type: short\"");
	return 1;
}

/*
 * The line at lineno is not lined up with the lines it belongs with.  Find
 * the key above it that it most likely belongs beside (the nearest one
 * with the closest indentation, not looking past the line that holds them
 * all) and say how the two differ.  more: YAML read the line as more of
 * the text above it.
 */
static void
node_indent_error(struct loader *ld, int lineno, int more)
{
	struct line li, up, best;
	struct mark m;
	char what[64], other[64];
	int l, d, bestd = 1 << 30, have = 0, spaces;

	node_line(ld, lineno, &li);
	node_offset_mark(ld, li.start + (size_t)li.indent, &m);
	if (li.dashes > 0 && node_dash_error(ld, lineno, &li, &m))
		return;
	if (li.start + (size_t)li.indent < li.end &&
	    strchr(",:]}", ld->buf[li.start + (size_t)li.indent]) != NULL) {
		diag_error(&m, "this line starts with a stray '%c'; remove it, "
		    "or put the whole text in quotes",
		    ld->buf[li.start + (size_t)li.indent]);
		return;
	}
	spaces = li.keycol - 1;
	for (l = lineno - 1; l >= 1; l--) {
		node_line(ld, l, &up);
		if (!up.content)
			continue;
		if (up.keylen > 0 && up.keycol != li.keycol) {
			d = up.keycol > li.keycol ? up.keycol - li.keycol :
			    li.keycol - up.keycol;
			if (d < bestd) {
				bestd = d;
				best = up;
				have = l;
			}
		}
		if (up.indent + 1 < li.keycol && up.indent < li.indent)
			break;
	}
	node_key_name(ld, &li, what, sizeof(what));
	if (!have && node_above_error(ld, lineno, &li))
		return;
	if (!have) {
		diag_error(&m, "%s is not indented like the lines around "
		    "it; keys that belong together must start in exactly the "
		    "same column, and what is inside a key is indented more "
		    "than the key", what);
		return;
	}
	node_key_name(ld, &best, other, sizeof(other));
	if (more)
		diag_error(&m, "%s is indented %d space%s, more than %s on "
		    "line %d (%d spaces), so YAML reads it as more of the text "
		    "above; "
		    "keys that belong together must start in exactly the same "
		    "column", what, spaces, spaces == 1 ? "" : "s", other,
		    have, best.keycol - 1);
	else
		diag_error(&m, "%s is indented %d space%s, but %s on line %d "
		    "is indented %d; keys that belong together must start in "
		    "exactly the same column", what, spaces,
		    spaces == 1 ? "" : "s", other, have, best.keycol - 1);
}

/* libyaml's own words, for mistakes we have no better name for. */
static void
node_generic_error(yaml_parser_t *p, struct mark *m)
{
	const char *prob = p->problem ? p->problem : "unreadable YAML";

	if (p->context != NULL)
		diag_error(m, "YAML cannot read the file here: %s %s (line "
		    "%zu)", p->context, prob, p->context_mark.line + 1);
	else
		diag_error(m, "YAML cannot read the file here: %s", prob);
}

/* A mistake inside "..." or '...'. */
static void
node_quote_error(struct loader *ld, yaml_parser_t *p)
{
	struct mark m, cm;
	const char *prob = p->problem ? p->problem : "";
	size_t off = node_ymark_offset(ld, p->problem_mark);
	size_t coff = node_ymark_offset(ld, p->context_mark);
	char q = coff < ld->len ? (char)ld->buf[coff] : '"';

	node_mark(ld, &m, p->problem_mark);
	node_mark(ld, &cm, p->context_mark);
	if (strstr(prob, "end of stream") || strstr(prob, "document")) {
		diag_error(&cm, "this text opens with %c but is never closed: "
		    "add a closing %c at the end of the text", q, q);
	} else if (strstr(prob, "unknown escape")) {
		char c = off + 1 < ld->len ? (char)ld->buf[off + 1] : '?';

		/* \\ before a character markup does not escape would
		 * print the backslash: advise the character alone */
		if (c != '\0' && strchr("*`{}_", c) != NULL)
			diag_error(&m, "\\%c is not allowed inside double "
			    "quotes, where \\ starts a code like \\n; write "
			    "\\\\%c (two backslashes), or put the text in "
			    "single quotes or no quotes", c, c);
		else
			diag_error(&m, "\\%c is not allowed inside double "
			    "quotes, where \\ starts a code like \\n; %c needs "
			    "no backslash: write %c alone", c, c, c);
	} else if (strstr(prob, "hexdecimal") || strstr(prob, "Unicode")) {
		size_t b = off;

		/* point at the backslash, not at the digit that is wrong */
		while (b > coff && off - b < 10 && ld->buf[b] != '\\')
			b--;
		if (ld->buf[b] == '\\')
			node_offset_mark(ld, b, &m);
		diag_error(&m, "inside double quotes, \\x, \\u and \\U must be "
		    "followed by a character code in hexadecimal; write \\\\ "
		    "for a backslash, or put the text in single quotes");
	} else
		node_generic_error(p, &m);
}

/* Text that YAML reads as something else because of its first character:
 * explain and show the text quoted. */
static void
node_first_char_error(struct loader *ld, size_t off, const char *why)
{
	struct mark m;
	char ex[96];

	node_offset_mark(ld, off, &m);
	node_quoted_example(ld, off, ex, sizeof(ex));
	diag_error(&m, "text cannot start with %c unless it is in quotes%s; "
	    "write %s", ld->buf[off], why, ex);
}

/*
 * A line of text where YAML expected "key: value".  When it starts with a
 * lower-case word and a space ("prompt What is 2 + 2?"), the colon after
 * that word is most likely what is missing: show the line with it.
 */
static void
node_no_key_error(struct loader *ld, size_t off, const struct line *li,
    const struct mark *m)
{
	const unsigned char *b = ld->buf;
	size_t w = off;
	char ex[96];

	while (w < li->end && ((b[w] >= 'a' && b[w] <= 'z') || b[w] == '_'))
		w++;
	if (w - off >= 2 && w - off <= 20 && w + 1 < li->end && b[w] == ' ' &&
	    b[w + 1] != ' ') {
		node_quoted_example(ld, w + 1, ex, sizeof(ex));
		diag_error(m, "this line has no \"key:\"; if \"%.*s\" is its "
		    "key, add a colon after it: %.*s: %s (if the line goes on "
		    "the text above it, indent it more than that text's key)",
		    (int)(w - off), (const char *)b + off, (int)(w - off),
		    (const char *)b + off, ex);
		return;
	}
	diag_error(m, "this line has no \"key:\"; YAML expected a key here, "
	    "like \"prompt: What is 2 + 2?\" (if the line goes on the text "
	    "above it, indent it more than that text's key)");
}

/* ---- the explainers, in the order they are tried ------------------ */

/* What is known of the error: libyaml's words and marks, the bytes there,
 * and (made when first asked for) the tokens before it. */
struct yx {
	struct loader	*ld;
	yaml_parser_t	*p;
	const char	*prob, *ctx;	/* libyaml's words, or "" */
	int		 pl;		/* 1-based line of the problem */
	size_t		 off, coff;	/* bytes of the problem and context */
	unsigned char	 ch, cch;	/* the characters there, or NUL */
	struct mark	 m, cm;		/* their marks */
	struct line	 li;		/* the problem's line */
	struct scan	 s;		/* see yx_scan() */
	int		 scanned;
};

/* The last token before the problem (struct scan), scanned once. */
static const struct scan *
yx_scan(struct yx *x)
{
	if (!x->scanned)
		node_scan(x->ld, x->p->problem_mark, &x->s);
	x->scanned = 1;
	return &x->s;
}

static int
yx_memory(struct yx *x)
{
	if (x->p->error != YAML_MEMORY_ERROR)
		return 0;
	diag(SEV_FATAL, NULL, "out of memory reading %s", x->ld->file);
	return 1;
}

/* node_check_text() catches bad UTF-8 first; this is what is left:
 * characters YAML does not allow (U+FFFE ...). */
static int
yx_reader(struct yx *x)
{
	if (x->p->error != YAML_READER_ERROR)
		return 0;
	node_offset_mark(x->ld, x->p->problem_offset, &x->m);
	diag_error(&x->m, "this file holds a character that is not allowed "
	    "in text (%s, U+%04X); delete it", x->prob,
	    (unsigned)x->p->problem_value);
	return 1;
}

static int
yx_quoted(struct yx *x)
{
	if (strstr(x->ctx, "quoted scalar") == NULL)
		return 0;
	node_quote_error(x->ld, x->p);
	return 1;
}

static int
yx_tab(struct yx *x)
{
	return (strstr(x->prob, "tab") || x->ch == '\t') &&
	    (node_tab_error(x->ld, x->pl) || (x->p->context &&
	    node_tab_error(x->ld, x->cm.line)));
}

/* Text that starts with a character YAML gives a meaning: as libyaml's
 * context names it, that character, and why. */
static const struct {
	const char	*ctx;
	char		 c;
	const char	*why;
} yx_reserved[] = {
#define YX_ALIAS ", because YAML reads *name as a reference to other text"
#define YX_ANCHOR ", because YAML reads &name as a label for reusing text"
#define YX_BLOCK ", because YAML reads | and > as the start of a block of " \
	"text on the lines below"
	{ "alias", '*', YX_ALIAS }, { "alias", '&', YX_ANCHOR },
	{ "anchor", '*', YX_ALIAS }, { "anchor", '&', YX_ANCHOR },
	{ "tag", '!', ", because YAML reads !word as a type tag" },
	{ "block scalar", '|', YX_BLOCK }, { "block scalar", '>', YX_BLOCK },
	{ "directive", '%', ", because YAML reads % at the start of a line "
	    "as an instruction to itself" },
#undef YX_ALIAS
#undef YX_ANCHOR
#undef YX_BLOCK
};

static int
yx_reserved_first(struct yx *x)
{
	size_t i;

	for (i = 0; i < sizeof(yx_reserved) / sizeof(yx_reserved[0]); i++)
		if (strstr(x->ctx, yx_reserved[i].ctx) &&
		    x->cch == (unsigned char)yx_reserved[i].c) {
			node_first_char_error(x->ld, x->coff,
			    yx_reserved[i].why);
			return 1;
		}
	return 0;
}

static int
yx_bad_char(struct yx *x)
{
	if (strstr(x->prob, "cannot start any token") == NULL)
		return 0;
	if (x->ch != '\0' && strchr("@`%", x->ch) != NULL)
		node_first_char_error(x->ld, x->off, ", because YAML keeps it "
		    "for its own use");
	else
		diag_error(&x->m, "YAML cannot read the character here; if it "
		    "is part of a text, put the whole text in quotes");
	return 1;
}

/* A line of text with no "key:" (or no space after ':'). */
static int
yx_simple_key(struct yx *x)
{
	struct loader *ld = x->ld;
	struct line li;
	struct mark m;
	size_t off;

	if (strstr(x->ctx, "simple key") == NULL)
		return 0;
	node_line(ld, x->cm.line, &li);
	for (off = x->coff; off + 1 < li.end; off++)
		if (ld->buf[off] == ':' && ld->buf[off + 1] != ' ')
			break;
	if (off + 1 >= li.end && node_above_error(ld, x->cm.line, &li))
		return 1;
	if (off + 1 < li.end) {
		node_offset_mark(ld, off + 1, &m);
		diag_error(&m, "a space is missing after \"%.*s\": YAML needs a "
		    "space between a key's colon and its value",
		    (int)(off + 1 - x->coff), (const char *)ld->buf + x->coff);
	} else
		node_no_key_error(ld, x->coff, &li, &x->cm);
	return 1;
}

/* "a comma is missing before this" in a [...] list or {...} pairs. */
static void
yx_comma_missing(struct yx *x)
{
	int seq = strstr(x->ctx, "sequence") != NULL;

	diag_error(&x->m, "a comma is missing before this: separate the %s "
	    "with commas, and end the %s with %c",
	    seq ? "items" : "key: value pairs", seq ? "list" : "pairs",
	    seq ? ']' : '}');
}

static int
yx_in_flow(const struct yx *x)
{
	return strstr(x->ctx, "flow sequence") != NULL ||
	    strstr(x->ctx, "flow mapping") != NULL;
}

/* Two items of a [...] list on one line with no comma between. */
static int
yx_flow_comma(struct yx *x)
{
	const struct scan *s;

	if (!yx_in_flow(x) || x->pl != x->cm.line)
		return 0;
	s = yx_scan(x);
	if (!s->found || s->type != YAML_SCALAR_TOKEN ||
	    node_ymark_offset(x->ld, s->end) >= x->off)
		return 0;
	yx_comma_missing(x);
	return 1;
}

/* A quoted text that ends before its line does, or runs on to the next
 * quote mark lines below. */
static int
yx_quote_end(struct yx *x)
{
	const struct scan *s = yx_scan(x);
	struct mark m;
	char q;

	if (!s->found || s->type != YAML_SCALAR_TOKEN ||
	    (s->style != YAML_SINGLE_QUOTED_SCALAR_STYLE &&
	    s->style != YAML_DOUBLE_QUOTED_SCALAR_STYLE) ||
	    (int)s->end.line + 1 != x->pl)
		return 0;
	q = s->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? '\'' : '"';
	if (s->start.line < s->end.line) {
		node_mark(x->ld, &m, s->start);
		diag_error(&m, "this text opens with %c but has no closing %c "
		    "on this line, so YAML read on to the %c on line %d; add "
		    "the closing %c at the end of the text", q, q, q, x->pl,
		    q);
		return 1;
	}
	node_mark(x->ld, &m, s->end);	/* just after it */
	m.col--;			/* the closing quote */
	if (q == '\'')
		diag_error(&m, "this ' ends the text in single quotes, but "
		    "more text follows it; to write an apostrophe inside "
		    "'...', write it twice ('') or put the whole text in "
		    "double quotes instead");
	else
		diag_error(&m, "this \" ends the text in double quotes, but "
		    "more text follows it; to write a quote mark inside "
		    "\"...\", write \\\" or put the whole text in single quotes "
		    "instead");
	return 1;
}

/* Text that starts with [...] or {...} and goes on after it. */
static int
yx_flow_then_text(struct yx *x)
{
	const struct scan *s = yx_scan(x);
	size_t off;

	if (!s->found || (s->type != YAML_FLOW_SEQUENCE_END_TOKEN &&
	    s->type != YAML_FLOW_MAPPING_END_TOKEN) ||
	    (int)s->end.line + 1 != x->pl || s->opener.line != s->end.line)
		return 0;
	off = node_ymark_offset(x->ld, s->opener);
	node_first_char_error(x->ld, off, x->ld->buf[off] == '{' ?
	    ", because YAML reads {...} as key: value pairs" :
	    ", because YAML reads [...] as a list");
	return 1;
}

/* A [ or { never closed, or two items without a comma. */
static int
yx_flow(struct yx *x)
{
	int seq = strstr(x->ctx, "sequence") != NULL;

	if (!yx_in_flow(x))
		return 0;
	if (x->pl > x->cm.line || x->ch == '\0')
		diag_error(&x->cm, "this %c is never closed: add %c after the "
		    "last %s", seq ? '[' : '{', seq ? ']' : '}',
		    seq ? "item of the list" : "key: value pair");
	else
		yx_comma_missing(x);
	return 1;
}

/* "- " after the key on a line of text. */
static int
yx_dash_in_text(struct yx *x)
{
	if (strstr(x->prob, "block sequence entries") == NULL ||
	    x->li.keylen == 0 || x->li.keyoff >= x->off)
		return 0;
	node_first_char_error(x->ld, x->off, ", because YAML reads \"- \" as "
	    "the start of a list");
	return 1;
}

/* ": " inside a text, or a key indented under a value. */
static int
yx_colon_in_text(struct yx *x)
{
	const struct scan *s;
	struct mark m;
	size_t off;
	char ex[96];

	if (strstr(x->prob, "mapping values are not allowed") == NULL)
		return 0;
	s = yx_scan(x);
	if (x->li.keylen > 0 && x->li.keyoff + x->li.keylen == x->off &&
	    (!s->found || (int)s->start.line + 1 < x->pl)) {
		node_indent_error(x->ld, x->pl, 1);
		return 1;
	}
	/* the text is the scalar that starts on this line, or what follows
	 * the token before it */
	if (s->found && s->type == YAML_SCALAR_TOKEN &&
	    (int)s->start.line + 1 == x->pl)
		off = node_ymark_offset(x->ld, s->start);
	else if (s->found && (int)s->end.line + 1 == x->pl) {
		off = node_ymark_offset(x->ld, s->end);
		while (off < x->ld->len && x->ld->buf[off] == ' ')
			off++;
	} else
		off = x->li.keyoff;
	node_offset_mark(x->ld, off, &m);
	if (node_quoted_example(x->ld, off, ex, sizeof(ex)))
		diag_error(&m, "this text holds \": \" (a colon and a space), "
		    "which YAML reads as the start of a new key; the curly "
		    "quotes around it, typed by a word processor, are not "
		    "quotes to YAML: use straight ones: %s", ex);
	else
		diag_error(&m, "this text holds \": \" (a colon and a space), "
		    "which YAML reads as the start of a new key; put the whole "
		    "text in quotes: %s", ex);
	return 1;
}

static int
yx_indent(struct yx *x)
{
	if (!strstr(x->prob, "did not find expected key") &&
	    !strstr(x->prob, "did not find expected '-'") &&
	    !strstr(x->prob, "block sequence entries") &&
	    !strstr(x->prob, "block mapping"))
		return 0;
	if (!node_tab_error(x->ld, x->pl))
		node_indent_error(x->ld, x->pl, 0);
	return 1;
}

static int
yx_colon_in_flow(struct yx *x)
{
	if (strstr(x->prob, "found unexpected ':'") == NULL)
		return 0;
	diag_error(&x->m, "a colon inside brackets [...] or braces {...} must "
	    "be in quotes: put this item in quotes");
	return 1;
}

static int
yx_no_value(struct yx *x)
{
	if (strstr(x->prob, "expected node content") == NULL)
		return 0;
	if (x->ch != '\0' && strchr("]},", x->ch) != NULL)
		diag_error(&x->m, "YAML expected a value here, not '%c'; if it "
		    "is part of a text, put the whole text in quotes", x->ch);
	else
		diag_error(&x->m, "YAML expected a value here; if this is part "
		    "of a text, put the whole text in quotes");
	return 1;
}

/* Something after the document: after a "..." line, or at the left
 * margin after the set. */
static int
yx_after_document(struct yx *x)
{
	struct line li;
	struct mark m;
	int l;

	if (strstr(x->prob, "<document start>") == NULL)
		return 0;
	for (l = x->pl - 1; l >= 1; l--) {
		node_line(x->ld, l, &li);
		if (li.end - li.start >= 3 && memcmp(x->ld->buf + li.start,
		    "...", 3) == 0) {
			node_offset_mark(x->ld, li.start, &m);
			diag_error(&m, "\"...\" ends the problem set here, but "
			    "more follows on line %d; remove the \"...\" line",
			    x->pl);
			return 1;
		}
	}
	diag_error(&x->m, "this is outside the problem set: everything in the "
	    "file belongs under its keys (title:, problems: ...)");
	return 1;
}

static int (*const yx_explainers[])(struct yx *) = {
	yx_memory, yx_reader, yx_quoted, yx_tab, yx_reserved_first,
	yx_bad_char, yx_simple_key, yx_flow_comma, yx_quote_end,
	yx_flow_then_text, yx_flow, yx_dash_in_text, yx_colon_in_text,
	yx_indent, yx_colon_in_flow, yx_no_value, yx_after_document,
};

void
node_parse_error(struct loader *ld, yaml_parser_t *p)
{
	struct yx x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.ld = ld;
	x.p = p;
	x.prob = p->problem ? p->problem : "";
	x.ctx = p->context ? p->context : "";
	x.pl = (int)p->problem_mark.line + 1;
	x.off = node_ymark_offset(ld, p->problem_mark);
	x.coff = node_ymark_offset(ld, p->context_mark);
	x.ch = x.off < ld->len ? ld->buf[x.off] : '\0';
	x.cch = x.coff < ld->len ? ld->buf[x.coff] : '\0';
	node_mark(ld, &x.m, p->problem_mark);
	node_mark(ld, &x.cm, p->context_mark);
	node_line(ld, x.pl, &x.li);
	ld->failed = 1;
	for (i = 0; i < sizeof(yx_explainers) / sizeof(yx_explainers[0]); i++)
		if (yx_explainers[i](&x))
			return;
	node_generic_error(p, &x.m);
}
