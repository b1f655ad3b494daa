/* settings.c - a document's settings, resolved once; see settings.h */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "discussion.h"
#include "font.h"
#include "settings.h"
#include "template.h"
#include "util.h"

/* The templates read while one file is built, by name and language:
 * the worksheet, key and discussion of a set, a packet and the sets it
 * includes, read each template and its labels once.  Fonts are shared
 * below them, by file (font.c). */
struct cached {
	char		*name;
	char		*lang;
	struct template	*tpl;
};
static struct cached	*cache;
static size_t		 ncache;

/* The first of a, b, c that is given (not NULL). */
static const char *
first_of(const char *a, const char *b, const char *c)
{
	return a != NULL ? a : b != NULL ? b : c;
}

/* The paper of a set's documents, or of a packet and so of every set it
 * includes: --paper, else the file's paper:, else (PAPER_UNSET) the
 * template's. */
static enum paper
settings_paper(const struct opts *o, enum paper file)
{
	return o->paper != PAPER_UNSET ? o->paper : file;
}

/* Students per discussion group: --group-size, else the set's, else the
 * default for its grouping. */
static long
settings_group_size(const struct opts *o, const struct set *s)
{
	if (s->discussion == NULL)
		return 0;
	return o->group_size > 0 ? o->group_size :
	    s->discussion->group_size > 0 ? s->discussion->group_size :
	    s->discussion->grouping == GROUPING_RANDOM ?
	    DISC_DEFAULT_RANDOM_GROUP : DISC_DEFAULT_GROUP;
}

/* A set's documents, alone or included (inc, of the packet whose settings
 * are packet). */
static void
settings_of_set(struct settings *st, const struct opts *o,
    const struct set *s, const struct pk_include *inc,
    const struct settings *packet)
{
	st->lang = first_of(o->lang, s->language, "en");
	st->template = first_of(inc != NULL ? inc->template : NULL,
	    o->template, first_of(s->template, NULL, "worksheet"));
	st->seed = inc != NULL && inc->has_seed ? inc->seed : o->has_seed ?
	    o->seed : s->has_seed ? s->seed : 1;
	st->group_size = settings_group_size(o, s);
	if (inc == NULL) {
		st->paper = settings_paper(o, s->paper);
		st->versions = o->versions > 1 ? o->versions : 1;
		st->per_student = o->per_student;
		return;
	}
	st->paper = packet->paper;
	st->versions = (int)inc->versions;
	st->class_size = inc->has_copies ? inc->copies : 0;
}

void
settings_resolve(struct settings *st, const struct settings_from *f)
{
	const struct opts *o = f->o;

	memset(st, 0, sizeof(*st));
	st->simplex = o->simplex;
	st->strips = o->strips;
	st->key_full = o->key_full;
	if (f->set != NULL)
		settings_of_set(st, o, f->set, f->inc, f->packet);
	else {
		/* a packet's own pages: its template is not the file's */
		st->lang = first_of(o->lang, f->pk->language, "en");
		st->template = first_of(o->template, NULL, "worksheet");
		st->paper = settings_paper(o, f->pk->paper);
		st->versions = 1;
	}
}

struct template *
settings_template(const char *name, const char *lang)
{
	struct template *t;
	size_t i;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, name) == 0 &&
		    strcmp(cache[i].lang, lang) == 0)
			return cache[i].tpl;
	if ((t = template_load(name, lang)) == NULL)
		return NULL;	/* said; said again if asked again */
	cache = xrealloc(cache, (ncache + 1) * sizeof(*cache));
	cache[ncache].name = xstrdup(name);
	cache[ncache].lang = xstrdup(lang);
	cache[ncache++].tpl = t;
	return t;
}

void
settings_forget(void)
{
	size_t i;

	for (i = 0; i < ncache; i++) {
		free(cache[i].name);
		free(cache[i].lang);
		template_free(cache[i].tpl);
	}
	free(cache);
	cache = NULL;
	ncache = 0;
}

int
settings_open(struct settings *st)
{
	st->tpl = settings_template(st->template, st->lang);
	if (st->tpl == NULL || (st->fs = fonts_open(st->tpl)) == NULL)
		return -1;
	if (st->paper == PAPER_UNSET)
		st->paper = st->tpl->paper == PAPER_A4 ? PAPER_A4 :
		    PAPER_LETTER;
	return 0;
}

void
settings_close(struct settings *st)
{
	fonts_free(st->fs);
	st->fs = NULL;
	st->tpl = NULL;
}
