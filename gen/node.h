/*
 * node.h - a YAML file as a tree that remembers where every node came from.
 *
 * yaml_load() reads a whole file with libyaml's event parser and builds
 * scalars, mappings and sequences, each with its 1-based line and column.
 * It rejects what libyaml lets through but a teacher's file must not hold:
 * duplicate keys, nesting deeper than NODE_MAX_DEPTH, anchors and aliases,
 * more than one document, NUL bytes.  Every problem is reported through
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

struct node {
	enum node_kind	 kind;
	struct mark	 mark;
	char		*value;		/* SCALAR: UTF-8, NUL-terminated */
	size_t		 len;		/* SCALAR: bytes in value */
	int		 plain;		/* SCALAR: written without quotes */
	struct node	**kids;		/* MAP: key, value, key, value ...; SEQ */
	size_t		 nkids;
};

/* Returns the root (NULL for an empty file or on error: see diag_errors()).
 * The caller frees it with node_free(). */
struct node	*yaml_load(const char *path);
void		 node_free(struct node *);

/* In a MAP: the value for key, or NULL. */
struct node	*node_get(const struct node *, const char *key);
/* Describe a node's kind for messages: "text", "a list", "a mapping". */
const char	*node_kind_name(const struct node *);

#endif
