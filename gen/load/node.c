/*
 * node.c - YAML to a marked tree with libyaml's event API; see node.h.
 *
 * libyaml 0.2.5 marks are 0-based (we add 1) and their index counts
 * characters, not bytes; reader errors carry a byte offset only.  So the
 * whole file is kept in memory, already in UTF-8, and positions are turned
 * into byte offsets from line and column, never from index.
 *
 * When libyaml reports a syntax error, node_parse_error() (yaml_explain.c)
 * looks at the file around it (and re-scans the tokens before it) to name
 * the mistake a teacher made and put the message where that mistake is.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "node.h"
#include "node_int.h"
#include "inputs.h"
#include "util.h"

/* ---- positions ------------------------------------------------------ */

/* Length of the line break at buf[i] (libyaml's: \n, \r\n, \r, NEL, LS,
 * PS), or 0. */
size_t
node_brk(struct loader *ld, size_t i)
{
	const unsigned char *b = ld->buf;

	if (i >= ld->len)
		return 0;
	if (b[i] == '\n')
		return 1;
	if (b[i] == '\r')
		return i + 1 < ld->len && b[i + 1] == '\n' ? 2 : 1;
	if (b[i] == 0xc2 && i + 1 < ld->len && b[i + 1] == 0x85)
		return 2;
	if (b[i] == 0xe2 && i + 2 < ld->len && b[i + 1] == 0x80 &&
	    (b[i + 2] == 0xa8 || b[i + 2] == 0xa9))
		return 3;
	return 0;
}

static void	node_index_lines(struct loader *);

/* Line and column of a byte offset, counting columns in code points. */
void
node_offset_mark(struct loader *ld, size_t off, struct mark *m)
{
	size_t lo = 0, hi, mid, i;
	int col = 1;

	node_index_lines(ld);
	if (off > ld->len)
		off = ld->len;
	hi = ld->nlines;
	while (hi - lo > 1) {		/* the last line start <= off */
		mid = lo + (hi - lo) / 2;
		if (ld->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	i = ld->lines[lo];
	if (ld->curline == (int)lo + 1 && ld->curoff <= off) {
		i = ld->curoff;
		col = ld->curcol;
	}
	for (; i < off; i++)
		if ((ld->buf[i] & 0xc0) != 0x80)
			col++;
	m->file = ld->file;
	m->line = (int)lo + 1;
	m->col = col;
	ld->curline = m->line;
	ld->curcol = col;
	ld->curoff = off;
}

/* Index the line starts once, so that going from line to offset is
 * cheap even when a message looks at many lines of a big file. */
static void
node_index_lines(struct loader *ld)
{
	size_t i = 0, k, cap = 256;

	if (ld->lines != NULL)
		return;
	ld->lines = xcalloc(cap, sizeof(*ld->lines));
	ld->lines[ld->nlines++] = 0;
	while (i < ld->len) {
		if ((k = node_brk(ld, i)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (ld->nlines == cap) {
			cap *= 2;
			ld->lines = xrealloc(ld->lines, cap * sizeof(*ld->lines));
		}
		ld->lines[ld->nlines++] = i;
	}
}

/* Byte offset of 1-based line and column (clamped to the line's end). */
size_t
node_line_col(struct loader *ld, int line, int col)
{
	size_t i;
	int c = 1;

	node_index_lines(ld);
	if (line < 1)
		line = 1;
	if ((size_t)line > ld->nlines)
		return ld->len;
	i = ld->lines[line - 1];
	if (ld->curline == line && ld->curcol <= col) {
		i = ld->curoff;
		c = ld->curcol;
	}
	while (i < ld->len && c < col && node_brk(ld, i) == 0) {
		i++;
		while (i < ld->len && (ld->buf[i] & 0xc0) == 0x80)
			i++;
		c++;
	}
	ld->curline = line;
	ld->curcol = c;
	ld->curoff = i;
	return i;
}

size_t
node_ymark_offset(struct loader *ld, yaml_mark_t ym)
{
	return node_line_col(ld, (int)ym.line + 1, (int)ym.column + 1);
}

void
node_mark(struct loader *ld, struct mark *m, yaml_mark_t ym)
{
	m->file = ld->file;
	m->line = (int)ym.line + 1;
	m->col = (int)ym.column + 1;
}

/* 1 when the 3 bytes at b are a curly quote mark: ‘ ’ “ ” or „. */
static int
node_curly_quote(const unsigned char *b)
{
	return b[0] == 0xe2 && b[1] == 0x80 && b[2] >= 0x98 && b[2] <= 0x9e;
}

/*
 * An example of quoting the text that starts at off, for messages: the
 * text up to the end of the line (or a comment), in double quotes, or in
 * single quotes with its apostrophes doubled when it holds a '"'; shortened
 * if long.  Written to out.  Curly quotes around the text (a word
 * processor's, which YAML takes for text) are left out of the example:
 * returns 1 when there were some, else 0.
 */
int
node_quoted_example(struct loader *ld, size_t off, char *out,
    size_t size)
{
	const unsigned char *b = ld->buf;
	size_t end = off, i, k = 0, cut;
	char q = '"';
	int curly = 0;

	while (end < ld->len && node_brk(ld, end) == 0 &&
	    !(end > off && b[end] == '#' && (b[end - 1] == ' ' ||
	    b[end - 1] == '\t')))
		end++;
	while (end > off && (b[end - 1] == ' ' || b[end - 1] == '\t'))
		end--;
	if (end - off >= 6 && node_curly_quote(b + off) &&
	    node_curly_quote(b + end - 3)) {
		off += 3;
		end -= 3;
		curly = 1;
	}
	if (memchr(b + off, '"', end - off) != NULL)
		q = '\'';
	cut = end - off > 48 ? off + 44 : end;
	while (cut > off && cut < end && (b[cut] & 0xc0) == 0x80)
		cut--;		/* at a character boundary */
	out[k++] = q;
	for (i = off; i < cut && k + 8 < size; i++) {
		if (b[i] == '\'' && q == '\'')
			out[k++] = '\'';
		out[k++] = (char)b[i];
	}
	if (cut < end && k + 8 < size) {
		memcpy(out + k, "...", 3);
		k += 3;
	}
	out[k++] = q;
	out[k] = '\0';
	return curly;
}

/* ---- the tree ------------------------------------------------------- */

void
node_free(struct node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free(n->value);
	free(n->comment);
	free(n->src);
	free(n);
}

static void
node_add(struct node *parent, struct node *kid)
{
	if (parent->nkids == parent->capkids) {
		parent->capkids = parent->capkids ? parent->capkids * 2 : 4;
		parent->kids = xrealloc(parent->kids,
		    parent->capkids * sizeof(*parent->kids));
	}
	parent->kids[parent->nkids++] = kid;
}

/*
 * Build the node for the event just read (and, for collections, everything
 * up to its end event).  Returns NULL on error, already reported.
 */
static struct node *node_build(struct loader *, yaml_parser_t *,
    yaml_event_t *, int depth, int item);

/*
 * A key about to be added to map: it must be text and new.  item: map is an
 * item of a list.  A list item that meets its own first key again is most
 * likely two items with the "- " of the second one missing: say that once
 * (in *restarted) rather than every repeated key.  Returns -1 when the key
 * is not text (reported), else 0 (a duplicate is reported, not fatal).
 */
/* The keys of one mapping being built, hashed, so that a mapping with
 * many keys is checked for duplicates in linear time. */
struct keyset {
	size_t		*slot;		/* index of the key in kids, + 1 */
	size_t		 size, used;	/* size: a power of two */
};

static size_t
node_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Add kids[i] (a key of map) to ks; returns the index in kids of an equal
 * key already there, or (size_t)-1. */
static size_t
node_keyset_add(struct keyset *ks, const struct node *map, size_t i)
{
	size_t h, j, k, *old, oldsize;

	if (2 * (ks->used + 1) > ks->size) {
		old = ks->slot;
		oldsize = ks->size;
		ks->size = ks->size ? ks->size * 2 : 16;
		ks->slot = xcalloc(ks->size, sizeof(*ks->slot));
		for (j = 0; j < oldsize; j++) {
			if (old[j] == 0)
				continue;
			h = node_hash(map->kids[old[j] - 1]->value);
			for (k = h & (ks->size - 1); ks->slot[k] != 0;
			    k = (k + 1) & (ks->size - 1))
				;
			ks->slot[k] = old[j];
		}
		free(old);
	}
	h = node_hash(map->kids[i]->value);
	for (k = h & (ks->size - 1); ks->slot[k] != 0;
	    k = (k + 1) & (ks->size - 1))
		if (strcmp(map->kids[ks->slot[k] - 1]->value,
		    map->kids[i]->value) == 0)
			return ks->slot[k] - 1;
	ks->slot[k] = i + 1;
	ks->used++;
	return (size_t)-1;
}

static int
node_check_key(struct loader *ld, struct node *map, struct node *key,
    int item, int *restarted, struct keyset *ks)
{
	size_t i;

	if (key->kind != NODE_SCALAR) {
		diag_error(&key->mark, "a key must be a plain word, "
		    "not %s", node_kind_name(key));
		return -1;
	}
	/* the key is added to kids before this is called */
	if ((i = node_keyset_add(ks, map, map->nkids - 1)) != (size_t)-1) {
		ld->failed = 1;
		if (*restarted)
			return 0;
		if (item && i == 0) {
			*restarted = 1;
			diag_error(&key->mark, "\"%s\" appears again in the "
			    "same item (first on line %d); if a new item of "
			    "the list starts here, begin its line with \"- \"",
			    key->value, map->kids[i]->mark.line);
		} else
			diag_error(&key->mark, "duplicate key \"%s\": it is "
			    "already given on line %d; keep only one",
			    key->value, map->kids[i]->mark.line);
		return 0;	/* keep going: report all of them */
	}
	return 0;
}

static struct node *
node_collection(struct loader *ld, yaml_parser_t *p, struct node *n,
    yaml_event_type_t end, int depth, int item)
{
	yaml_event_t ev;
	struct node *kid;
	struct keyset ks = { NULL, 0, 0 };
	int iskey = 1, restarted = 0;

	for (;;) {
		if (!yaml_parser_parse(p, &ev)) {
			node_parse_error(ld, p);
			break;
		}
		if (ev.type == end) {
			yaml_event_delete(&ev);
			free(ks.slot);
			return n;
		}
		kid = node_build(ld, p, &ev, depth + 1, n->kind == NODE_SEQ);
		yaml_event_delete(&ev);
		if (kid == NULL)
			break;
		node_add(n, kid);
		if (n->kind == NODE_MAP && iskey &&
		    node_check_key(ld, n, kid, item, &restarted, &ks) < 0) {
			ld->failed = 1;
			break;
		}
		iskey = !iskey;
	}
	free(ks.slot);
	node_free(n);
	return NULL;
}

/* An empty plain value followed by a comment on its line ("prompt: #1 is
 * ..."): keep the comment, the teacher probably meant it as text. */
static void
node_empty_comment(struct loader *ld, struct node *n, yaml_mark_t ym)
{
	size_t off = node_ymark_offset(ld, ym), end;

	while (off < ld->len && (ld->buf[off] == ' ' || ld->buf[off] == '\t'))
		off++;
	if (off >= ld->len || ld->buf[off] != '#')
		return;
	for (end = off; end < ld->len && node_brk(ld, end) == 0; end++)
		;
	while (end > off && (ld->buf[end - 1] == ' ' ||
	    ld->buf[end - 1] == '\t'))
		end--;
	n->comment = xstrndup((const char *)ld->buf + off, end - off);
	node_offset_mark(ld, off, &n->mark);	/* where the text went */
}

/* U+200E/U+200F (direction marks), U+202A-U+202E (embeddings,
 * overrides) and U+2066-U+2069 (isolates):
 * invisible, they reorder what follows, which mimeo prints left to right
 * as written. */
static int
node_bidi_control(unsigned long c)
{
	return c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

/* The code point the escape at src (after its backslash) stands for, or
 * -1; *len gets the escape's length after the backslash. */
static long
node_escape_value(const char *src, size_t *len)
{
	static const char one[] = "abefvr0NLP";
	static const long val[] = { 7, 8, 0x1b, 0xc, 0xb, 0xd, 0, 0x85,
	    0x2028, 0x2029 };
	const char *p = strchr(one, *src);
	size_t digits = *src == 'x' ? 2 : *src == 'u' ? 4 : *src == 'U' ? 8 : 0;
	long v = 0;
	size_t i;

	*len = 1;
	if (*src != '\0' && p != NULL)
		return val[p - one];
	for (i = 1; digits > 0 && i <= digits; i++) {
		if (!isxdigit((unsigned char)src[i]))
			return -1;
		v = v * 16 + (isdigit((unsigned char)src[i]) ? src[i] - '0' :
		    (tolower((unsigned char)src[i]) - 'a' + 10));
	}
	*len += digits;
	return digits > 0 ? v : -1;
}

/* A double-quoted text whose escapes (\a, \e, \x1b, \u202e ...) make a
 * character that, typed into the file as it is, is refused: the same
 * mistake, said the same way, at the escape.  Returns 1 when reported. */
static int
node_escaped_control(struct loader *ld, const struct node *n)
{
	size_t i = 0, k, at;
	long c = -1, e;
	struct mark m = n->mark;

	while (i < n->len) {
		c = utf8_decode(n->value + i, n->len - i, &k);
		if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n') ||
		    c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff ||
		    c == 0x2028 || c == 0x2029 ||
		    (c >= 0 && node_bidi_control((unsigned long)c)))
			break;
		i += k;
	}
	if (i >= n->len)
		return 0;
	/* the first escape in the source that makes c */
	for (at = 1; n->src[at] != '\0'; at++)
		if (n->src[at] == '\\') {
			e = node_escape_value(n->src + at + 1, &k);
			if (e == c) {
				node_offset_mark(ld, node_line_col(ld,
				    n->mark.line, n->mark.col) + at, &m);
				break;
			}
			at += k;
		}
	diag_error(&m, "this text holds %s (U+%04lX), written as an escape "
	    "with \\ inside the quotes; it is not text and cannot be "
	    "printed: remove the escape", c == 0xfeff ? "a byte-order mark" :
	    c == 0x2028 || c == 0x2029 ? "an unusual line break" :
	    c >= 0x2000 ? "an invisible direction control" :
	    "a control character", c);
	return 1;
}

/* Anchors, aliases and tags: YAML features no problem set needs, and
 * what a teacher gets by starting a text with & * or !. */
static void
node_feature_error(struct loader *ld, struct node *n, const char *anchor,
    const char *tag)
{
	size_t off = node_line_col(ld, n->mark.line, n->mark.col);
	char ex[96];

	node_quoted_example(ld, off, ex, sizeof(ex));
	if (anchor != NULL && n->kind != NODE_SCALAR)
		diag_error(&n->mark, "anchors like &%s (and references to "
		    "them like *%s) are not supported: write the %s out in "
		    "full each time it is used", anchor, anchor,
		    n->kind == NODE_SEQ ? "list" : "entries");
	else if (anchor != NULL)
		diag_error(&n->mark, "anchors like &%s (and references to "
		    "them like *%s) are not supported: write the text out in "
		    "full each time; if the text starts with &, put it in "
		    "quotes: %s", anchor, anchor, ex);
	else if (n->kind == NODE_SCALAR)
		diag_error(&n->mark, "text cannot start with ! unless it is in "
		    "quotes, because YAML reads %s as a type tag; write %s",
		    tag, ex);
	else
		diag_error(&n->mark, "YAML tags like %s are not supported; "
		    "remove it", tag);
	ld->failed = 1;
}

static enum node_style
node_style_of(yaml_scalar_style_t st)
{
	switch (st) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		return NS_SINGLE;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return NS_DOUBLE;
	case YAML_LITERAL_SCALAR_STYLE:
		return NS_LITERAL;
	case YAML_FOLDED_SCALAR_STYLE:
		return NS_FOLDED;
	default:
		return NS_PLAIN;
	}
}

/* The scalar's bytes as written in the file. */
static char *
node_source(struct loader *ld, const yaml_event_t *ev)
{
	size_t from = node_ymark_offset(ld, ev->start_mark);
	size_t to = node_ymark_offset(ld, ev->end_mark);

	return xstrndup((const char *)ld->buf + from, to > from ? to - from :
	    0);
}

static struct node *
node_build(struct loader *ld, yaml_parser_t *p, yaml_event_t *ev, int depth,
    int item)
{
	struct node *n;
	yaml_char_t *anchor = NULL, *tag = NULL;
	char ex[96];

	if (++ld->nnodes > NODE_MAX_NODES) {
		struct mark m;

		node_mark(ld, &m, ev->start_mark);
		diag_error(&m, "this file has more than %d entries; split it "
		    "into several files", NODE_MAX_NODES);
		ld->failed = 1;
		return NULL;
	}
	n = xcalloc(1, sizeof(*n));
	node_mark(ld, &n->mark, ev->start_mark);
	if (depth > NODE_MAX_DEPTH) {
		diag_error(&n->mark, "lists and mappings are nested more than "
		    "%d levels deep here; a problem set never needs that many: "
		    "check the brackets and the indentation", NODE_MAX_DEPTH);
		ld->failed = 1;
		free(n);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		break;
	}
	n->kind = ev->type == YAML_SEQUENCE_START_EVENT ? NODE_SEQ :
	    ev->type == YAML_MAPPING_START_EVENT ? NODE_MAP : NODE_SCALAR;
	if (anchor != NULL || tag != NULL) {
		node_feature_error(ld, n, (const char *)anchor,
		    (const char *)tag);
		free(n);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n->kind = NODE_SCALAR;
		n->value = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->style = node_style_of(ev->data.scalar.style);
		n->src = node_source(ld, ev);
		if (memchr(n->value, '\0', n->len) != NULL) {
			diag_error(&n->mark, "this text holds a NUL character "
			    "(\\0); remove it");
			ld->failed = 1;
		} else if (n->style == NS_DOUBLE &&
		    node_escaped_control(ld, n))
			ld->failed = 1;
		if (n->plain && n->len == 0)
			node_empty_comment(ld, n, ev->start_mark);
		if (n->plain && n->len >= 6 && node_curly_quote((const
		    unsigned char *)n->value) && node_curly_quote((const
		    unsigned char *)n->value + n->len - 3))
			diag_warn(&n->mark, "this text is in curly quotes, "
			    "which YAML keeps as part of the text (only "
			    "straight quotes \"...\" are quotes to it); if they "
			    "were meant as quotes (a word processor curls "
			    "them), type them again as straight ones");
		return n;
	case YAML_SEQUENCE_START_EVENT:
		n->kind = NODE_SEQ;
		return node_collection(ld, p, n, YAML_SEQUENCE_END_EVENT,
		    depth, item);
	case YAML_MAPPING_START_EVENT:
		n->kind = NODE_MAP;
		return node_collection(ld, p, n, YAML_MAPPING_END_EVENT,
		    depth, item);
	case YAML_ALIAS_EVENT:
		node_quoted_example(ld, node_line_col(ld, n->mark.line,
		    n->mark.col), ex, sizeof(ex));
		diag_error(&n->mark, "text cannot start with * unless it is in "
		    "quotes, because YAML reads *%s as a reference to other "
		    "text; write %s", ev->data.alias.anchor, ex);
		break;
	default:
		diag_error(&n->mark, "unexpected YAML structure");
		break;
	}
	ld->failed = 1;
	free(n);
	return NULL;
}

/* ---- the bytes ------------------------------------------------------ */

/* Read the whole file; NULL (reported) if it cannot be read or is too big. */
/* The inputs named on the command line, which may be pipes (`<(...)`,
 * "-"): read once, their bytes kept for the next read of the same name. */
static struct stream {
	char		*path;
	unsigned char	*bytes;		/* NULL until read */
	size_t		 len;
} *streams;
static size_t nstreams, capstreams;

static void
node_streams_free(void)
{
	while (nstreams > 0) {
		nstreams--;
		free(streams[nstreams].path);
		free(streams[nstreams].bytes);
	}
	free(streams);
	streams = NULL;
	capstreams = 0;
}

void
node_allow_stream(const char *path)
{
	if (streams == NULL)
		atexit(node_streams_free);
	xgrow((void **)&streams, &capstreams, nstreams, sizeof(*streams));
	streams[nstreams++].path = xstrdup(path);
}

static unsigned char *
node_slurp(const char *file, size_t *len)
{
	FILE *f;
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, got, i;
	struct mark m = { file, 0, 0 };
	int stream = 0;
	char why[160];

	for (i = 0; i < nstreams; i++)
		if (strcmp(streams[i].path, file) == 0)
			break;
	if (i < nstreams && streams[i].bytes != NULL) {
		/* read again (a packet's test, then the set): the same bytes,
		 * which a pipe cannot give twice */
		buf = xmalloc(streams[i].len + 1);
		memcpy(buf, streams[i].bytes, streams[i].len + 1);
		*len = streams[i].len;
		return buf;
	}
	stream = i < nstreams;
	if ((f = input_open(file, stream ? INPUT_STREAM : INPUT_FILE, why,
	    sizeof(why))) == NULL) {
		diag_error(&m, "cannot read this file: %s", why);
		return NULL;
	}
	inputs_note(file);
	for (;;) {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > NODE_MAX_FILE) {
			m.line = m.col = 1;
			diag_error(&m, "this file is larger than %u MiB, far "
			    "more than any problem set; is it the right file? "
			    "(split a very long set into several files)",
			    NODE_MAX_FILE >> 20);
			break;
		}
		if (got == 0)
			break;
	}
	if (ferror(f) && n <= NODE_MAX_FILE)
		diag_error(&m, "cannot read this file: %s", strerror(errno));
	if (ferror(f) || n > NODE_MAX_FILE) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	if (stream) {
		streams[i].bytes = xmalloc(n + 1);
		memcpy(streams[i].bytes, buf, n + 1);
		streams[i].len = n;
	}
	return buf;
}

static void
node_put_utf8(unsigned char *o, size_t *n, unsigned long c)
{
	if (c < 0x80)
		o[(*n)++] = (unsigned char)c;
	else if (c < 0x800) {
		o[(*n)++] = (unsigned char)(0xc0 | c >> 6);
		o[(*n)++] = (unsigned char)(0x80 | (c & 0x3f));
	} else if (c < 0x10000) {
		o[(*n)++] = (unsigned char)(0xe0 | c >> 12);
		o[(*n)++] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		o[(*n)++] = (unsigned char)(0x80 | (c & 0x3f));
	} else {
		o[(*n)++] = (unsigned char)(0xf0 | c >> 18);
		o[(*n)++] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
		o[(*n)++] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		o[(*n)++] = (unsigned char)(0x80 | (c & 0x3f));
	}
}

/*
 * UTF-16 with a byte-order mark, to UTF-8, so that every position later is
 * a position in UTF-8 text.  Returns the new buffer, or NULL (reported)
 * when the UTF-16 is broken.
 */
static unsigned char *
node_from_utf16(struct loader *ld, const unsigned char *b, size_t n,
    size_t *outlen)
{
	int be = b[0] == 0xfe;
	unsigned char *o = xcalloc(1, (n / 2) * 3 + 4);
	size_t i, k = 0;
	unsigned long c, d;
	struct mark m;

	for (i = 2; i + 1 < n; i += 2) {
		c = be ? (unsigned long)b[i] << 8 | b[i + 1] :
		    (unsigned long)b[i + 1] << 8 | b[i];
		if (c >= 0xd800 && c < 0xdc00 && i + 3 < n) {
			d = be ? (unsigned long)b[i + 2] << 8 | b[i + 3] :
			    (unsigned long)b[i + 3] << 8 | b[i + 2];
			if (d >= 0xdc00 && d < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) +
				    (d - 0xdc00);
				i += 2;
			} else
				break;
		} else if (c >= 0xd800 && c < 0xe000)
			break;
		if (c == 0)
			break;
		node_put_utf8(o, &k, c);
	}
	o[k] = '\0';
	if (i < n) {
		ld->buf = o;
		ld->len = k;
		node_offset_mark(ld, k, &m);
		diag_error(&m, "this UTF-16 file is damaged here (%s); save "
		    "it again as UTF-8", i + 1 < n ? "a broken or NUL "
		    "character" : "it ends in half a character");
		free(o);
		ld->buf = NULL;
		free(ld->lines);	/* indexed on o */
		ld->lines = NULL;
		ld->nlines = 0;
		ld->curline = 0;
		return NULL;
	}
	*outlen = k;
	return o;
}

/* Most of the first bytes at odd (or even) offsets are NUL, the others
 * ASCII: UTF-16 without a byte-order mark. */
static int
node_looks_utf16(const unsigned char *b, size_t n)
{
	size_t i, pairs = 0, le = 0, be = 0;

	for (i = 0; i + 1 < n && pairs < 64; i += 2, pairs++) {
		le += b[i] != 0 && b[i] < 0x80 && b[i + 1] == 0;
		be += b[i] == 0 && b[i + 1] != 0 && b[i + 1] < 0x80;
	}
	return pairs > 0 && (le * 10 >= pairs * 9 || be * 10 >= pairs * 9);
}

/* The character a byte 0xa0-0xff is in Latin-1 (and Windows-1252), as
 * UTF-8 in out (5 bytes at least), for the message about a file that is
 * not UTF-8; "" for other bytes. */
static void
node_latin1(unsigned char c, char *out)
{
	size_t k = 0;

	if (c < 0xa0) {
		out[0] = '\0';
		return;
	}
	node_put_utf8((unsigned char *)out, &k, c);
	out[k] = '\0';
}

/*
 * Reject what is not UTF-8 text, with one message at the first place it
 * goes wrong: NUL bytes (binary, or UTF-16 without a byte-order mark),
 * bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252),
 * control characters.  Returns 0, or -1 (reported).
 */
static int
node_check_text(struct loader *ld)
{
	const unsigned char *b = ld->buf;
	size_t i = 0, k, need;
	unsigned long c;
	struct mark m;
	char l1[8];

	if (memchr(b, '\0', ld->len) != NULL) {
		if (node_looks_utf16(b, ld->len)) {
			m.file = ld->file;
			m.line = m.col = 1;
			diag_error(&m, "this file is saved as UTF-16 without a "
			    "byte-order mark; save it as UTF-8 (in most "
			    "editors: Save As, Encoding: UTF-8)");
		} else {
			node_offset_mark(ld, (size_t)((const unsigned char *)
			    memchr(b, '\0', ld->len) - b), &m);
			diag_error(&m, "this is not a text file (it holds NUL "
			    "bytes, like a picture or a word-processor "
			    "document); a problem set is plain text saved as "
			    "UTF-8");
		}
		return -1;
	}
	while (i < ld->len) {
		c = b[i];
		need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 :
		    c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 9;
		for (k = 1; need != 9 && k <= need; k++) {
			if (i + k >= ld->len || (b[i + k] & 0xc0) != 0x80) {
				need = 9;
				break;
			}
			c = c << 6 | (b[i + k] & 0x3f);
		}
		if (need == 1)
			c &= 0x7ff;
		else if (need == 2)
			c &= 0xffff;
		else if (need == 3)
			c &= 0x1fffff;
		if (need != 9 && ((need == 2 && (c < 0x800 ||
		    (c >= 0xd800 && c < 0xe000))) || (need == 3 &&
		    (c < 0x10000 || c > 0x10ffff))))
			need = 9;
		if (need == 9) {
			node_offset_mark(ld, i, &m);
			node_latin1(b[i], l1);
			diag_error(&m, "this file is not saved as UTF-8: byte "
			    "0x%02X here is not UTF-8 text%s%s%s; save the "
			    "file as UTF-8 (in most editors: Save As, "
			    "Encoding: UTF-8)", b[i], l1[0] ? " (in Latin-1 "
			    "or Windows-1252 it is \"" : "", l1, l1[0] ? "\")" :
			    "");
			return -1;
		}
		if (c == 0x85 || c == 0x2028 || c == 0x2029) {
			node_offset_mark(ld, i, &m);
			diag_error(&m, "this file holds an unusual line break "
			    "character (U+%04lX) here, often pasted from a web "
			    "page or a word processor; YAML counts it as a new "
			    "line: replace it with a space or a normal line "
			    "break", c);
			return -1;
		}
		if (c == 0xfeff || node_bidi_control(c)) {
			node_offset_mark(ld, i, &m);
			if (c == 0xfeff)
				diag_error(&m, "this file holds a byte-order "
				    "mark (U+FEFF) here, inside the text, an "
				    "invisible character that belongs only at "
				    "the very start of a file (files joined "
				    "together carry one each): delete it");
			else
				diag_error(&m, "this file holds an invisible "
				    "direction control (U+%04lX) here, which "
				    "turns the text after it around without "
				    "showing it: delete it", c);
			return -1;
		}
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f || (c >= 0x80 && c < 0xa0)) {
			node_offset_mark(ld, i, &m);
			diag_error(&m, "this file holds a control character "
			    "(U+%04lX) here, which is not text; delete it (it "
			    "can come with text copied from another program)",
			    c);
			return -1;
		}
		i += need + 1;
	}
	return 0;
}

/* The length of the Unicode space at b (no-break space, the en and em
 * spaces, ideographic space ...: what word processors and web pages put
 * where a space looks right), or 0. */
static size_t
node_unicode_space(const unsigned char *b, size_t n)
{
	if (n >= 2 && b[0] == 0xc2 && b[1] == 0xa0)
		return 2;
	if (n >= 3 && b[0] == 0xe2 && b[1] == 0x80 && (b[2] <= 0x8a ||
	    b[2] == 0xaf))
		return 3;
	if (n >= 3 && b[0] == 0xe3 && b[1] == 0x80 && b[2] == 0x80)
		return 3;
	return 0;
}

/*
 * A line indented with a Unicode space that looks like a plain one: YAML
 * reads it as text, so the key after it is lost or the lines around it no
 * longer line up, and the message YAML gives would be about something
 * else.  Only lines where a "key:" or a "- " follows are reported (a poem
 * in a | block may start a line with a no-break space on purpose).
 * Returns 0, or -1 (reported).
 */
static int
node_check_indent_spaces(struct loader *ld)
{
	const unsigned char *b = ld->buf;
	size_t i = 0, j, k, sp, first;
	struct mark m;

	while (i < ld->len) {
		for (j = i; j < ld->len && (b[j] == ' ' || b[j] == '-'); j++)
			;
		first = j;
		while (j < ld->len && ((sp = node_unicode_space(b + j,
		    ld->len - j)) > 0 || b[j] == ' '))
			j += sp > 0 ? sp : 1;
		if (j > first) {
			/* "word:" or "- " after the spaces */
			for (k = j; k < ld->len && (isalnum(b[k]) ||
			    b[k] == '_'); k++)
				;
			if ((k > j && k < ld->len && b[k] == ':') ||
			    (b[j] == '-' && j + 1 < ld->len &&
			    b[j + 1] == ' ')) {
				long cp = utf8_decode((const char *)b + first,
				    ld->len - first, &sp);

				node_offset_mark(ld, first, &m);
				diag_error(&m, "this line is indented with %s "
				    "(U+%04lX), the kind word processors and "
				    "web pages put in; YAML counts only plain "
				    "spaces: delete the indentation and type "
				    "it again with the space bar", cp == 0xa0 ?
				    "a no-break space" : "a special space",
				    (unsigned long)cp);
				return -1;
			}
		}
		while (i < ld->len && b[i] != '\n')
			i++;
		i++;
	}
	return 0;
}

/* Nothing but spaces and line ends (0), or also comments and "---" (1). */
static int
node_only_comments(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->len; i++)
		if (ld->buf[i] != ' ' && ld->buf[i] != '\t' &&
		    ld->buf[i] != '\n' && ld->buf[i] != '\r')
			return 1;
	return 0;
}

struct node *
yaml_load_file(const char *path, enum node_empty *why)
{
	struct loader ld;
	yaml_parser_t p;
	yaml_event_t ev;
	struct node *root = NULL;
	unsigned char *buf, *conv = NULL;
	size_t len = 0;
	int ndocs = 0, done = 0;
	size_t errors_before = diag_errors();

	if (why != NULL)
		*why = NODE_EMPTY_NOT;
	memset(&ld, 0, sizeof(ld));
	ld.file = diag_file(path);
	if ((buf = node_slurp(ld.file, &len)) == NULL)
		return NULL;
	ld.buf = buf;
	ld.len = len;
	if (len >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) ||
	    (buf[0] == 0xfe && buf[1] == 0xff))) {
		if ((conv = node_from_utf16(&ld, buf, len, &len)) == NULL) {
			free(buf);
			return NULL;
		}
		ld.buf = conv;
		ld.len = len;
	} else if (len >= 3 && buf[0] == 0xef && buf[1] == 0xbb &&
	    buf[2] == 0xbf) {
		ld.buf = buf + 3;	/* a UTF-8 byte-order mark */
		ld.len = len - 3;
	}
	if (node_check_text(&ld) < 0 || node_check_indent_spaces(&ld) < 0) {
		free(buf);
		free(conv);
		free(ld.lines);
		return NULL;
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, ld.buf, ld.len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			node_parse_error(&ld, &p);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs == 2) {
				struct mark m;

				node_mark(&ld, &m, ev.start_mark);
				diag_error(&m, "a second YAML document starts "
				    "here ('---'); put one problem set in "
				    "each file");
				ld.failed = 1;
				done = 1;
			}
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
		case YAML_ALIAS_EVENT:
			root = node_build(&ld, &p, &ev, 0, 0);
			if (root == NULL)
				done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(ld.lines);
	if (root != NULL && root->kind == NODE_SCALAR && root->plain &&
	    root->len == 0) {
		node_free(root);	/* "---" alone, or only comments */
		root = NULL;
	}
	if (root == NULL && !ld.failed && why != NULL)
		*why = node_only_comments(&ld) ? NODE_EMPTY_COMMENTS :
		    NODE_EMPTY_FILE;
	free(buf);
	free(conv);
	if (ld.failed || diag_errors() > errors_before) {
		if (why != NULL)
			*why = NODE_EMPTY_NOT;
		node_free(root);
		return NULL;
	}
	return root;
}

struct node *
yaml_load(const char *path)
{
	return yaml_load_file(path, NULL);
}

struct node *
node_key(const struct node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (strcmp(map->kids[i]->value, key) == 0)
			return map->kids[i];
	return NULL;
}

struct node *
node_get(const struct node *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != NODE_MAP)
		return NULL;
	for (i = 0; i + 1 < map->nkids; i += 2)
		if (strcmp(map->kids[i]->value, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

const char *
node_kind_name(const struct node *n)
{
	switch (n->kind) {
	case NODE_MAP:
		return "key: value pairs";
	case NODE_SEQ:
		return "a list";
	default:
		return "text";
	}
}
