/*
 * node_int.h - what node.c (the tree) and yaml_explain.c (its syntax-error
 * explainer) share: the loader's view of the file and positions in it.
 * Not for other files.
 */
#ifndef MIMEO_NODE_INT_H
#define MIMEO_NODE_INT_H

#include <stddef.h>

#include <yaml.h>

#include "diag.h"

struct loader {
	const char	*file;		/* interned name for marks */
	const unsigned char *buf;	/* the text, UTF-8, NUL-terminated */
	size_t		 len;
	size_t		 nnodes;
	int		 failed;
	size_t		*lines;		/* offsets of line starts, made on the
					 * first position lookup; nlines of them */
	size_t		 nlines;
	/* The last position looked up (line, column, byte offset): a lookup
	 * further along the same line goes on from here, so the nodes of
	 * one long line cost the line once, not once per node. */
	int		 curline, curcol;
	size_t		 curoff;
};

/* Length of the line break at buf[i] (libyaml's: \n, \r\n, \r, NEL, LS,
 * PS), or 0. */
size_t	 node_brk(struct loader *, size_t i);
/* Line and column of a byte offset, counting columns in code points. */
void	 node_offset_mark(struct loader *, size_t off, struct mark *);
/* Byte offset of 1-based line and column (clamped to the line's end). */
size_t	 node_line_col(struct loader *, int line, int col);
size_t	 node_ymark_offset(struct loader *, yaml_mark_t);
void	 node_mark(struct loader *, struct mark *, yaml_mark_t);
/* An example of quoting the text at off for a message, into out; 1 when
 * curly quotes were around it (left out of the example). */
int	 node_quoted_example(struct loader *, size_t off, char *out,
	    size_t size);

/* Report the syntax error libyaml found in p, reworded to name the
 * mistake a teacher made, at its place (yaml_explain.c); sets
 * ld->failed. */
void	 node_parse_error(struct loader *, yaml_parser_t *);

#endif
