/* footer.c - the parts of a page's left footer; see footer.h */
#include <stdlib.h>
#include <string.h>

#include "footer.h"
#include "util.h"

void
footer_add(struct footer *f, enum fpart_kind kind, char *owned)
{
	if (owned == NULL)
		return;
	if (f->n == FOOTER_MAX)
		abort();	/* a caller's mistake: raise FOOTER_MAX */
	f->part[f->n] = owned;
	f->kind[f->n++] = kind;
}

void
footer_copy(struct footer *dst, const struct footer *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		footer_add(dst, src->kind[i], xstrdup(src->part[i]));
}

void
footer_clear(struct footer *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->part[i]);
	memset(f, 0, sizeof(*f));
}
