/* leak.c - answers printed elsewhere on the student copy; see leak.h */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "leak.h"
#include "util.h"

/* Answers too common to count as given away when printed elsewhere. */
static const char *const leak_common[] = { "yes", "no", "the", "and",
    "not", "all", "one", "two", "true", "false", "none", "both", "more",
    "less", "same", "equal", "sí", "los", "las", "una", "uno", "dos", "más",
    "menos", "igual", "ninguno", "ambos", NULL };

/* A text made plain for matching: ASCII folded to lower case, markup
 * dropped, spaces run together; at[i] is the offset in the original of
 * byte i. */
struct leak_norm {
	char		*s;
	size_t		*at;
	size_t		 n;
};

static void
leak_norm(const char *src, struct leak_norm *ln)
{
	size_t i, len = strlen(src);
	int space = 1;

	ln->s = xcalloc(len + 1, 1);
	ln->at = xcalloc(len + 1, sizeof(*ln->at));
	ln->n = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == '*' || c == '`' || c == '\\')
			continue;
		if (isspace(c)) {
			if (!space) {
				ln->at[ln->n] = i;
				ln->s[ln->n++] = ' ';
			}
			space = 1;
			continue;
		}
		space = 0;
		ln->at[ln->n] = i;
		ln->s[ln->n++] = (char)tolower(c);
	}
	while (ln->n > 0 && ln->s[ln->n - 1] == ' ')
		ln->n--;
	/* a sentence's last full stop is not part of the answer */
	while (ln->n > 0 && strchr(".!?", ln->s[ln->n - 1]) != NULL)
		ln->n--;
	ln->s[ln->n] = '\0';
}

static void
leak_norm_free(struct leak_norm *ln)
{
	free(ln->s);
	free(ln->at);
}

/* A letter or digit of a word (any byte of a UTF-8 letter counts). */
static int
leak_wordc(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* 1 when the plain answer a is too common or short to count. */
static int
leak_trivial(const char *a)
{
	size_t i, digits = 0, n = strlen(a);

	if (n <= 2)
		return 1;
	if (strspn(a, "0123456789.,/- ") == n) {
		for (i = 0; i < n; i++)
			digits += isdigit((unsigned char)a[i]) != 0;
		return digits <= 2;
	}
	for (i = 0; leak_common[i] != NULL; i++)
		if (strcmp(a, leak_common[i]) == 0)
			return 1;
	return 0;
}

/* 1 when the n bytes at off of s, a number, are part of a longer one:
 * "3" in "1.3" or "3,5", "3/4" in "13/4". */
static int
leak_in_number(const char *s, size_t off, size_t n)
{
	if (!isdigit((unsigned char)s[off]))
		return 0;
	if (off >= 2 && strchr(".,/", s[off - 1]) != NULL &&
	    isdigit((unsigned char)s[off - 2]))
		return 1;
	return strchr(".,/", s[off + n]) != NULL && s[off + n] != '\0' &&
	    isdigit((unsigned char)s[off + n + 1]);
}

/* Offset in h of a whole-word a, or -1. */
static long
leak_find(const struct leak_norm *h, const char *a)
{
	size_t n = strlen(a);
	const char *p = h->s;

	while ((p = strstr(p, a)) != NULL) {
		size_t off = (size_t)(p - h->s);

		if ((off == 0 || !leak_wordc((unsigned char)h->s[off - 1])) &&
		    !leak_wordc((unsigned char)p[n]) &&
		    !leak_in_number(h->s, off, n))
			return (long)off;
		p++;
	}
	return -1;
}

/* One answer being looked for. */
struct leak_ctx {
	const struct problem *owner;	/* whose answer */
	const struct text *answer;
	const char	*plain;		/* the answer, plain */
	const struct problem *in;	/* the problem searched */
	size_t		 found;
	size_t		 once;		/* found before this problem */
};

static void
leak_in_text(struct leak_ctx *c, const struct text *t)
{
	struct leak_norm h;
	struct mark m;
	long off;

	if (t->s == NULL || c->found > c->once)
		return;
	leak_norm(t->s, &h);
	if ((off = leak_find(&h, c->plain)) >= 0) {
		text_mark_at(t, h.at[off], &m);
		if (c->in == c->owner)
			diag_warn(&m, "problem %d prints \"%s\", the answer of "
			    "its own blank: a student can copy it from the "
			    "prompt; reword the prompt", c->in->number,
			    c->plain);
		else
			diag_warn(&m, "problem %d prints \"%s\", the answer to "
			    "problem %d (line %d), on the same student copy: "
			    "a student can copy it from here; reword one of "
			    "them", c->in->number, c->plain, c->owner->number,
			    c->answer->mark.line);
		c->found++;
	}
	leak_norm_free(&h);
}

static void
leak_in_list(struct leak_ctx *c, const struct textlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		leak_in_text(c, &l->v[i]);
}

/* Search every problem of s other than the answer's own for it; in its
 * own prompt too for a blank's answer. */
static void
leak_answer(const struct set *s, struct leak_ctx *c)
{
	struct leak_norm a;
	size_t i, j;

	if (c->answer->s == NULL || strchr(c->answer->s, '{') != NULL)
		return;
	leak_norm(c->answer->s, &a);
	c->plain = a.s;
	if (!leak_trivial(a.s))
		for (i = 0; i < s->nsections; i++)
			for (j = 0; j < s->sections[i].nproblems; j++) {
				const struct problem *p =
				    &s->sections[i].problems[j];

				c->in = p;
				c->once = c->found;	/* one a problem */
				if (p == c->owner) {
					if (p->type == P_BLANK)
						leak_in_text(c, &p->prompt);
					continue;
				}
				/* not the other problems' choices: a list of
				 * options says nothing of which fits here (a
				 * match column pairs a term with its meaning) */
				leak_in_text(c, &p->prompt);
				leak_in_list(c, &p->left);
				leak_in_list(c, &p->right);
				leak_in_list(c, &p->extra);
				leak_in_list(c, &p->items);
			}
	leak_norm_free(&a);
}

/* 1 when every choice is one word. */
static int
leak_terms(const struct textlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i].s == NULL || strpbrk(l->v[i].s, " \t") != NULL)
			return 0;
	return 1;
}

/* 1 when the plain answer a is a word of the list l (a word bank). */
static int
leak_in_bank(const struct textlist *l, const char *a)
{
	struct leak_norm w;
	size_t i;
	int same = 0;

	for (i = 0; i < l->n && !same; i++) {
		if (l->v[i].s == NULL)
			continue;
		leak_norm(l->v[i].s, &w);
		same = strcmp(w.s, a) == 0;
		leak_norm_free(&w);
	}
	return same;
}

/* 1 when the answer of a blank of p (in section sec of s) is a word of a
 * word bank p's student sees: the bank prints it on purpose, so another
 * problem printing it gives nothing more away. */
static int
leak_banked(const struct set *s, const struct section *sec,
    const struct problem *p, const struct text *answer)
{
	struct leak_norm a;
	int banked;

	if (answer->s == NULL)
		return 0;
	leak_norm(answer->s, &a);
	banked = leak_in_bank(&p->word_bank, a.s) ||
	    leak_in_bank(&sec->word_bank, a.s) ||
	    leak_in_bank(&s->word_bank, a.s);
	leak_norm_free(&a);
	return banked;
}

size_t
leak_check(const struct set *s)
{
	struct leak_ctx c;
	size_t i, j, k, found = 0;

	for (i = 0; i < s->nsections; i++)
		for (j = 0; j < s->sections[i].nproblems; j++) {
			const struct problem *p = &s->sections[i].problems[j];

			memset(&c, 0, sizeof(c));
			c.owner = p;
			switch (p->type) {
			case P_SHORT:
				c.answer = &p->answer;
				leak_answer(s, &c);
				break;
			case P_BLANK:
				for (k = 0; k < p->blanks.n; k++) {
					c.answer = &p->blanks.v[k];
					if (!leak_banked(s, &s->sections[i], p,
					    c.answer))
						leak_answer(s, &c);
				}
				break;
			case P_CHOICE:
			case P_MULTI:
				/* a list of single terms is read whole
				 * anyway: picking one is the question */
				if (leak_terms(&p->choices))
					break;
				for (k = 0; k < p->choices.n; k++)
					if (p->correct & (1u << k)) {
						c.answer = &p->choices.v[k];
						leak_answer(s, &c);
					}
				break;
			default:
				break;
			}
			found += c.found;
		}
	return found;
}
