/*
 * node.h - a YAML file as a tree that remembers where every node came from.
 *
 * yaml_load() reads a whole file with libyaml's event parser and builds
 * scalars, mappings and sequences, each with its 1-based line and column.
 * It rejects what libyaml lets through but a teacher's file must not hold:
 * duplicate keys, nesting deeper than NODE_MAX_DEPTH, anchors, aliases and
 * tags, more than one document, NUL bytes, text that is not UTF-8.  It
 * accepts a UTF-8 byte-order mark, UTF-16 with a byte-order mark (converted
 * to UTF-8 first, so positions stay right) and any line ends.
 *
 * libyaml stops at the first syntax error, so a file with a YAML mistake
 * gets one message; it is reworded for a teacher and placed where the
 * mistake is (an unclosed quote where the quote opened, a tab where the tab
 * is), not where libyaml noticed it.  Every problem is reported through
 * diag(); the tree is returned only when there was none.
 */
#ifndef MIMEO_NODE_H
#define MIMEO_NODE_H

#include <stddef.h>

#include "diag.h"

#define NODE_MAX_DEPTH	32
#define NODE_MAX_FILE	(4u << 20)	/* bytes */
#define NODE_MAX_NODES	200000

enum node_kind { NODE_SCALAR, NODE_MAP, NODE_SEQ };

/* How a scalar was written: later stages map an offset in its value back
 * to a line and column of the file (see text_mark_at() in schema.h). */
enum node_style { NS_PLAIN, NS_SINGLE, NS_DOUBLE, NS_LITERAL, NS_FOLDED };

struct node {
	enum node_kind	 kind;
	struct mark	 mark;
	char		*value;		/* SCALAR: UTF-8, NUL-terminated */
	size_t		 len;		/* SCALAR: bytes in value */
	int		 plain;		/* SCALAR: written without quotes */
	enum node_style	 style;		/* SCALAR */
	char		*src;		/* SCALAR: the file's bytes from where
					 * mark points (a quote, | or >, or the
					 * first character) to the scalar's
					 * end, NUL-terminated; owned */
	char		*comment;	/* SCALAR, empty and plain: the comment
					 * that follows on its line ("#1 is
					 * ..."), which is often text the
					 * teacher meant; else NULL */
	struct node	**kids;		/* MAP: key, value, key, value ...; SEQ */
	size_t		 nkids;
	size_t		 capkids;	/* allocated entries in kids */
};

/* Why yaml_load_file() returned NULL without reporting anything. */
enum node_empty {
	NODE_EMPTY_NOT,		/* it did report, or returned a tree */
	NODE_EMPTY_FILE,	/* no bytes, or only spaces and line ends */
	NODE_EMPTY_COMMENTS	/* only comments (and "---") */
};

/* Returns the root, or NULL for an empty file or on error (then see
 * diag_errors()).  The caller frees it with node_free(). */
struct node	*yaml_load(const char *path);
/* The same, and when it returns NULL for an empty file, says which kind of
 * empty in *why (which may be NULL). */
struct node	*yaml_load_file(const char *path, enum node_empty *why);
void		 node_free(struct node *);
/* path, named on the command line, may be a pipe or "-" (standard
 * input): read it as a stream, once.  Any other file yaml_load*() reads
 * must be a regular file. */
void		 node_allow_stream(const char *path);

/* In a MAP: the value for key, or NULL. */
struct node	*node_get(const struct node *, const char *key);
/* In a MAP: the key node itself for key, or NULL. */
struct node	*node_key(const struct node *, const char *key);
/* Describe a node's kind for messages: "text", "a list", "a mapping". */
const char	*node_kind_name(const struct node *);

#endif
