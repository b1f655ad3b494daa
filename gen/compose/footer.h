/*
 * footer.h - the left footer of a document's pages, as compose makes it
 * and layout fits it (owned by the compose stage: struct blocks carries
 * it to layout, which keeps it in struct doc).
 */
#ifndef MIMEO_FOOTER_H
#define MIMEO_FOOTER_H

#include <stddef.h>

/*
 * The left footer of a document's pages, in the parts printed joined by
 * em dashes: "Answer Key — TITLE — Version B".  Layout fits it to one line
 * beside "Page n of N" by cutting the title short with "…", and only when
 * the other parts alone are too wide the names (lay_footer_fit()); labels
 * such as "Version B" are never cut.
 */
enum fpart_kind {
	FP_WORDS,	/* a label: "Answer Key", "Version B", "Group sheet" */
	FP_TITLE,	/* the set's or packet's title: cut first */
	FP_NAME		/* a roster's words (a student, a group and period):
			 * cut only when even they do not fit */
};

#define FOOTER_MAX	4

struct footer {
	char		*part[FOOTER_MAX];	/* owned */
	enum fpart_kind	 kind[FOOTER_MAX];
	size_t		 n;
};

/* Append an owned part (NULL: nothing); at most FOOTER_MAX in all. */
void		 footer_add(struct footer *, enum fpart_kind, char *owned);
/* dst (empty) gets copies of src's parts. */
void		 footer_copy(struct footer *dst, const struct footer *src);
/* Free the parts; f is left empty. */
void		 footer_clear(struct footer *f);

#endif
