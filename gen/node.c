/*
 * node.c - YAML to a marked tree with libyaml's event API; see node.h.
 * libyaml 0.2.5 marks are 0-based: we add 1.  Reader errors (bad UTF-8)
 * come with a byte offset only, so we keep the whole file in memory to turn
 * offsets back into line and column.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "node.h"
#include "util.h"

struct loader {
	const char	*file;		/* interned name for marks */
	const unsigned char *buf;
	size_t		 len;
	size_t		 nnodes;
	int		 failed;
};

static void
node_mark(struct loader *ld, struct mark *m, yaml_mark_t ym)
{
	m->file = ld->file;
	m->line = (int)ym.line + 1;
	m->col = (int)ym.column + 1;
}

/* Line and column of a byte offset, counting columns in code points. */
static void
node_offset_mark(struct loader *ld, size_t off, struct mark *m)
{
	size_t i;

	m->file = ld->file;
	m->line = 1;
	m->col = 1;
	for (i = 0; i < off && i < ld->len; i++) {
		if (ld->buf[i] == '\n') {
			m->line++;
			m->col = 1;
		} else if ((ld->buf[i] & 0xc0) != 0x80)
			m->col++;
	}
}

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
	free(n);
}

static void
node_add(struct node *parent, struct node *kid)
{
	parent->kids = xrealloc(parent->kids,
	    (parent->nkids + 1) * sizeof(*parent->kids));
	parent->kids[parent->nkids++] = kid;
}

/*
 * Turn libyaml's parser message into one a teacher can act on.  The common
 * mistakes get their own words; anything else keeps libyaml's, which is
 * still positioned.
 */
static void
node_parse_error(struct loader *ld, yaml_parser_t *p)
{
	struct mark m, cm;
	const char *prob = p->problem ? p->problem : "unreadable YAML";
	const char *ctx = p->context ? p->context : "";
	size_t off;

	ld->failed = 1;
	if (p->error == YAML_READER_ERROR) {
		node_offset_mark(ld, p->problem_offset, &m);
		if (strstr(prob, "control characters"))
			diag_error(&m, "this file holds a control character "
			    "that is not text (byte 0x%02x); is it really a "
			    "YAML file?", (unsigned)p->problem_value);
		else
			diag_error(&m, "this file is not valid UTF-8 text "
			    "(%s); save it as UTF-8", prob);
		return;
	}
	node_mark(ld, &m, p->problem_mark);
	node_mark(ld, &cm, p->context_mark);
	off = p->problem_mark.index;
	if (strstr(prob, "cannot start any token") && off < ld->len &&
	    ld->buf[off] == '\t')
		diag_error(&m, "a tab character is used for indentation; "
		    "YAML allows only spaces here");
	else if (strstr(prob, "cannot start any token") && off < ld->len &&
	    (ld->buf[off] == '`' || ld->buf[off] == '@'))
		diag_error(&m, "text cannot start with '%c' unless it is in "
		    "quotes: write \"%c...\"", ld->buf[off], ld->buf[off]);
	else if (strstr(ctx, "quoted scalar"))
		diag_error(&cm, "a quoted text starting here is never closed: "
		    "add the closing quote (%s at line %d)", prob, m.line);
	else if (strstr(prob, "mapping values are not allowed"))
		diag_error(&m, "unexpected ':' here; if this colon is part of "
		    "the text, put the whole text in quotes");
	else if (strstr(prob, "did not find expected key") ||
	    strstr(prob, "did not find expected '-'"))
		diag_error(&m, "the indentation is wrong here (%s %s at line "
		    "%d); line up keys of the same level with spaces", ctx,
		    prob, cm.line);
	else if (strstr(prob, "found undefined tag") ||
	    strstr(prob, "did not find expected tag"))
		diag_error(&m, "text cannot start with '!' unless it is in "
		    "quotes");
	else if (ctx[0] != '\0')
		diag_error(&m, "%s %s (line %d)", ctx, prob, cm.line);
	else
		diag_error(&m, "%s", prob);
}

/*
 * Build the node for the event just read (and, for collections, everything
 * up to its end event).  Returns NULL on error, already reported.
 */
static struct node *node_build(struct loader *, yaml_parser_t *,
    yaml_event_t *, int depth);

static int
node_check_key(struct loader *ld, struct node *map, struct node *key)
{
	size_t i;

	if (key->kind != NODE_SCALAR) {
		diag_error(&key->mark, "a key must be a plain word, "
		    "not %s", node_kind_name(key));
		return -1;
	}
	for (i = 0; i < map->nkids; i += 2)
		if (strcmp(map->kids[i]->value, key->value) == 0) {
			diag_error(&key->mark, "duplicate key \"%s\" (first "
			    "at line %d); each key may appear once",
			    key->value, map->kids[i]->mark.line);
			ld->failed = 1;
			return 0;	/* keep going: report all of them */
		}
	return 0;
}

static struct node *
node_collection(struct loader *ld, yaml_parser_t *p, struct node *n,
    yaml_event_type_t end, int depth)
{
	yaml_event_t ev;
	struct node *kid;
	int iskey = 1;

	for (;;) {
		if (!yaml_parser_parse(p, &ev)) {
			node_parse_error(ld, p);
			node_free(n);
			return NULL;
		}
		if (ev.type == end) {
			yaml_event_delete(&ev);
			return n;
		}
		kid = node_build(ld, p, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (kid == NULL) {
			node_free(n);
			return NULL;
		}
		if (n->kind == NODE_MAP && iskey &&
		    node_check_key(ld, n, kid) < 0) {
			node_free(kid);
			node_free(n);
			ld->failed = 1;
			return NULL;
		}
		iskey = !iskey;
		node_add(n, kid);
	}
}

static struct node *
node_build(struct loader *ld, yaml_parser_t *p, yaml_event_t *ev, int depth)
{
	struct node *n;

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
		diag_error(&n->mark, "nested more than %d levels deep",
		    NODE_MAX_DEPTH);
		ld->failed = 1;
		free(n);
		return NULL;
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor != NULL)
			goto anchor;
		n->kind = NODE_SCALAR;
		n->value = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (memchr(n->value, '\0', n->len) != NULL) {
			diag_error(&n->mark, "text holds a NUL character");
			ld->failed = 1;
		}
		return n;
	case YAML_SEQUENCE_START_EVENT:
		if (ev->data.sequence_start.anchor != NULL)
			goto anchor;
		n->kind = NODE_SEQ;
		return node_collection(ld, p, n, YAML_SEQUENCE_END_EVENT,
		    depth);
	case YAML_MAPPING_START_EVENT:
		if (ev->data.mapping_start.anchor != NULL)
			goto anchor;
		n->kind = NODE_MAP;
		return node_collection(ld, p, n, YAML_MAPPING_END_EVENT,
		    depth);
	case YAML_ALIAS_EVENT:
		diag_error(&n->mark, "aliases (*%s) are not supported; write "
		    "the text out in full", ev->data.alias.anchor);
		break;
	default:
		diag_error(&n->mark, "unexpected YAML structure");
		break;
	}
	ld->failed = 1;
	free(n);
	return NULL;
anchor:
	diag_error(&n->mark, "anchors (&name) are not supported; write the "
	    "text out in full");
	ld->failed = 1;
	free(n);
	return NULL;
}

/* Read the whole file; NULL (reported) if it cannot be read or is too big. */
static unsigned char *
node_slurp(const char *file, size_t *len)
{
	FILE *f;
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, got;
	struct mark m = { file, 0, 0 };

	if ((f = fopen(file, "rb")) == NULL) {
		diag_error(&m, "cannot read this file: %s", strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > NODE_MAX_FILE) {
			diag_error(&m, "this file is larger than %u MiB; is it "
			    "really a problem set?", NODE_MAX_FILE >> 20);
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
	return buf;
}

/* A NUL byte means binary, or UTF-16 without a byte-order mark. */
static int
node_check_binary(struct loader *ld)
{
	const unsigned char *z;
	struct mark m;

	if (ld->len >= 2 && ((ld->buf[0] == 0xff && ld->buf[1] == 0xfe) ||
	    (ld->buf[0] == 0xfe && ld->buf[1] == 0xff)))
		return 0;	/* UTF-16 with a BOM: libyaml reads it */
	if ((z = memchr(ld->buf, '\0', ld->len)) == NULL)
		return 0;
	node_offset_mark(ld, (size_t)(z - ld->buf), &m);
	diag_error(&m, "this is not a text file (it holds NUL bytes); save "
	    "it as plain text in UTF-8");
	return -1;
}

struct node *
yaml_load(const char *path)
{
	struct loader ld;
	yaml_parser_t p;
	yaml_event_t ev;
	struct node *root = NULL;
	unsigned char *buf;
	size_t len = 0;
	int ndocs = 0, done = 0;
	size_t errors_before = diag_errors();

	memset(&ld, 0, sizeof(ld));
	ld.file = diag_file(path);
	if ((buf = node_slurp(ld.file, &len)) == NULL)
		return NULL;
	ld.buf = buf;
	ld.len = len;
	if (node_check_binary(&ld) < 0) {
		free(buf);
		return NULL;
	}
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, len);
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
			root = node_build(&ld, &p, &ev, 0);
			if (root == NULL)
				done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	free(buf);
	if (ld.failed || diag_errors() > errors_before) {
		node_free(root);
		return NULL;
	}
	return root;
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
		return "a mapping (key: value pairs)";
	case NODE_SEQ:
		return "a list";
	default:
		return "text";
	}
}
