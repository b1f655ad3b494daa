/* paper.c - paper names; see paper.h */
#include <stddef.h>
#include <strings.h>

#include "paper.h"
#include "schema.h"

/* In the order of enum paper after PAPER_UNSET. */
static const char *const paper_names[] = { "letter", "a4", NULL };

enum paper
paper_named(const char *s)
{
	size_t i;

	for (i = 0; paper_names[i] != NULL; i++)
		if (strcasecmp(s, paper_names[i]) == 0)
			return (enum paper)(PAPER_LETTER + i);
	return PAPER_UNSET;
}

enum paper
paper_node(const struct node *n)
{
	int v;

	if (sc_enum(n, "paper", paper_names, &v) != 0)
		return PAPER_UNSET;
	return (enum paper)(PAPER_LETTER + v);
}
