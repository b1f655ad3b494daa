/* list.c - the library as a table; see list.h */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "diag.h"
#include "list.h"
#include "packet.h"
#include "script.h"
#include "util.h"

#define LIST_COLS	7
#define LIST_TITLE_MAX	40	/* characters; longer titles end in "…" */
#define LIST_TAGS_MAX	30

static const char *const list_heads[LIST_COLS] = { "FILE", "TITLE",
    "SUBJECT", "GRADE", "TAGS", "PROBLEMS", "DISCUSSION" };

struct row {
	char		*cell[LIST_COLS];	/* owned; NULL prints "-" */
	char		*error;			/* first error, or NULL */
	int		 packet;
};

struct paths {
	char		**v;
	size_t		 n, cap;
};

static int
ls_is_yaml(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

/*
 * Every .yaml/.yml file under dir, skipping hidden names.  A link to a
 * folder is not followed: it leads out of the library or back into it
 * (where the folder is listed under its own name), or round in a loop.
 * lstat first, so a FIFO or a link is never opened here.
 */
static int
ls_walk(const char *dir, struct paths *ps)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *p;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		p = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" :
		    "/", e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			ls_walk(p, ps);
			free(p);
		} else if (ls_is_yaml(e->d_name) && (!S_ISLNK(st.st_mode) ||
		    stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
			xgrow((void **)&ps->v, &ps->cap, ps->n, sizeof(char *));
			ps->v[ps->n++] = p;
		} else
			free(p);
	}
	closedir(d);
	return 0;
}

/* Drop the names (sorted) that are a file already listed under an
 * earlier name: a link beside its file, or two links to one file. */
static void
ls_once(struct paths *ps)
{
	struct stat *ids = xcalloc(ps->n + 1, sizeof(*ids));
	int *have = xcalloc(ps->n + 1, sizeof(*have));
	size_t i, j, n = 0;

	for (i = 0; i < ps->n; i++) {
		have[n] = stat(ps->v[i], &ids[n]) == 0;
		for (j = 0; have[n] && j < n; j++)
			if (have[j] && ids[j].st_dev == ids[n].st_dev &&
			    ids[j].st_ino == ids[n].st_ino)
				break;
		if (have[n] && j < n) {
			free(ps->v[i]);
			continue;
		}
		ps->v[n++] = ps->v[i];
	}
	ps->n = n;
	free(ids);
	free(have);
}

/* s with what a terminal would act on (control characters, ESC of a
 * colour sequence, bytes that are not UTF-8) as \xNN; allocated. */
static char *
ls_escape(const char *s)
{
	size_t n = strlen(s), len, k = 0;
	char *out = xmalloc(4 * n + 1);
	long cp;

	while (n > 0) {
		cp = utf8_decode(s, n, &len);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			size_t b;

			for (b = 0; b < len; b++)
				k += (size_t)sprintf(out + k, "\\x%02X",
				    (unsigned char)s[b]);
		} else {
			memcpy(out + k, s, len);
			k += len;
		}
		s += len;
		n -= len;
	}
	out[k] = '\0';
	return out;
}

static int
ls_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
ls_union(char **list, const char *word)
{
	char *dup, *w, *save, *next;

	if (word == NULL || *word == '\0')
		return;
	if (*list != NULL) {
		dup = xstrdup(*list);
		for (w = strtok_r(dup, ",", &save); w != NULL;
		    w = strtok_r(NULL, ",", &save))
			if (strcasecmp(w + (*w == ' '), word) == 0)
				break;
		free(dup);
		if (w != NULL)
			return;
	}
	next = *list == NULL ? xstrdup(word) : xasprintf("%s, %s", *list,
	    word);
	free(*list);
	*list = next;
}

static void
ls_set_facts(struct row *r, const struct set *s)
{
	size_t i;

	ls_union(&r->cell[2], s->subject);
	ls_union(&r->cell[3], s->grade);
	for (i = 0; i < s->tags.n; i++)
		ls_union(&r->cell[4], s->tags.v[i].s);
}

/* Does the ", "-joined list hold want (any case)?  NULL want: yes. */
static int
ls_match(const char *list, const char *want)
{
	char *dup, *w, *save;
	int found = 0;

	if (want == NULL)
		return 1;
	if (list == NULL)
		return 0;
	dup = xstrdup(list);
	for (w = strtok_r(dup, ",", &save); w != NULL && !found;
	    w = strtok_r(NULL, ",", &save))
		found = strcasecmp(w + (*w == ' '), want) == 0;
	free(dup);
	return found;
}

/* s in lower case, "-" and "_" as spaces, one space between words, in
 * buf (of len). */
static void
ls_fold(const char *s, char *buf, size_t len)
{
	size_t n = 0;
	int c;

	for (; *s != '\0' && n + 1 < len; s++) {
		c = *s == '-' || *s == '_' ? ' ' : tolower((unsigned char)*s);
		if (c == ' ' && (n == 0 || buf[n - 1] == ' '))
			continue;
		buf[n++] = (char)c;
	}
	if (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

/*
 * Does one subject (folded) answer to want (folded)?  When the words of
 * want begin words of the subject in a row ("math" Mathematics, "social"
 * and "social studies" Social Studies, "lang arts" English Language Arts),
 * or want is the initials of a subject of several words ("ela" English
 * Language Arts, "ss" Social Studies).
 */
static int
ls_subject_is(const char *subject, const char *want)
{
	char initials[64];
	const char *s, *w, *at;
	size_t n = 0;

	for (at = subject; at != NULL; at = strchr(at, ' ')) {
		at += *at == ' ';
		for (s = at, w = want; *w != '\0'; s++, w++) {
			if (*w == ' ' && *s != ' ')
				s = strchr(s, ' ');	/* to the next word */
			if (s == NULL || *s != *w)
				break;
		}
		if (*w == '\0')
			return 1;
		if (n + 1 < sizeof(initials))
			initials[n++] = *at;
	}
	initials[n] = '\0';
	return n > 1 && strcmp(initials, want) == 0;
}

/* Does the --subject filter want take this row: one of its ", "-joined
 * subjects (ls_subject_is), or a folder of its path from the last folder
 * of DIR down ("ela" problems/ela/grade4/x.yaml)?  NULL want: yes. */
static int
ls_subject_match(const struct row *r, const char *dir, const char *want)
{
	char w[128], part[256], *dup, *item, *save, *slash;
	const char *from = r->cell[0] + strlen(dir);
	int found = 0;

	if (want == NULL)
		return 1;
	ls_fold(want, w, sizeof(w));
	/* back to the start of DIR's last folder */
	while (from > r->cell[0] && from[-1] == '/')
		from--;
	while (from > r->cell[0] && from[-1] != '/')
		from--;
	dup = xstrdup(from);
	if ((slash = strrchr(dup, '/')) == NULL)
		*dup = '\0';		/* no folder */
	else
		*slash = '\0';		/* not the file's own name */
	for (item = strtok_r(dup, "/", &save);
	    item != NULL && !found; item = strtok_r(NULL, "/", &save)) {
		ls_fold(item, part, sizeof(part));
		found = strcmp(part, w) == 0;
	}
	free(dup);
	if (found || r->cell[2] == NULL)
		return found;
	dup = xstrdup(r->cell[2]);
	for (item = strtok_r(dup, ",", &save); item != NULL && !found;
	    item = strtok_r(NULL, ",", &save)) {
		ls_fold(item, part, sizeof(part));
		/* and the other way: "Math" is the start of Mathematics */
		found = ls_subject_is(part, w) || (strlen(part) >= 3 &&
		    ls_subject_is(w, part));
	}
	free(dup);
	return found;
}

int
library_load_quiet(const char *path, struct packet **pk, struct set **s,
    char **error)
{
	const char *err;
	size_t n;

	diag_capture(1);
	if (library_load(path, pk, s, NULL) < 0) {
		err = diag_captured();
		n = strlen(path);
		/* the file's own errors need not repeat its name */
		if (err != NULL && strncmp(err, path, n) == 0 &&
		    err[n] == ':')
			for (err += n + 1; *err == ' '; err++)
				;
		*error = xstrdup(err == NULL ? "cannot be read" : err);
		diag_capture(0);
		return -1;
	}
	diag_capture(0);
	return 0;
}

/* The row of one file; 1 when it loaded. */
static int
ls_row(const char *path, struct row *r)
{
	struct packet *pk;
	struct set *s;
	size_t i;
	char *err;

	memset(r, 0, sizeof(*r));
	r->cell[0] = ls_escape(path);
	if (library_load_quiet(path, &pk, &s, &err) < 0) {
		r->error = ls_escape(err);	/* shown on a terminal */
		free(err);
		return 0;
	}
	if (s != NULL) {
		r->cell[1] = xstrdup(s->title.s);
		ls_set_facts(r, s);
		r->cell[5] = xasprintf("%zu", s->nproblems);
		r->cell[6] = xstrdup(s->discussion != NULL ? "yes" : "no");
		set_free(s);
		return 1;
	}
	r->packet = 1;
	r->cell[1] = xstrdup(pk->title.s);
	r->cell[6] = xstrdup("no");
	for (i = 0; i < pk->ninc; i++) {
		ls_set_facts(r, pk->inc[i].set);
		if (pk->inc[i].as == INC_DISCUSSION) {
			free(r->cell[6]);
			r->cell[6] = xstrdup("yes");
		}
	}
	r->cell[5] = xasprintf("packet: %zu include%s", pk->ninc,
	    pk->ninc == 1 ? "" : "s");
	packet_free(pk);
	return 1;
}

/* Cut s to at most max columns, ending in "…" when cut. */
static void
ls_cut(char **s, size_t max)
{
	char *p = *s, *cut;
	size_t w = 0, len, n;

	if (p == NULL || script_columns(p) <= max)
		return;
	for (n = strlen(p); *p != '\0'; p += len, n -= len) {
		size_t c;
		long cp = utf8_decode(p, n, &len);

		c = cp < 0 ? 1 : (size_t)script_char_columns(cp);
		if (w + c > max - 1)	/* room for the "…" */
			break;
		w += c;
	}
	cut = xasprintf("%.*s\xe2\x80\xa6", (int)(p - *s), *s);
	free(*s);
	*s = cut;
}

static void
ls_print(struct row *rows, size_t n)
{
	size_t w[LIST_COLS], i, c, pad;
	const char *s;

	for (c = 0; c < LIST_COLS; c++)
		w[c] = script_columns(list_heads[c]);
	/* a row that does not load has only its file name in a column */
	for (i = 0; i < n; i++)
		for (c = 0; c < (rows[i].error ? 1 : LIST_COLS); c++)
			if (rows[i].cell[c] != NULL &&
			    script_columns(rows[i].cell[c]) > w[c])
				w[c] = script_columns(rows[i].cell[c]);
	for (i = 0; i <= n; i++) {
		for (c = 0; c < LIST_COLS; c++) {
			s = i == 0 ? list_heads[c] : rows[i - 1].cell[c];
			if (s == NULL)
				s = "-";
			if (i > 0 && c == 1 && rows[i - 1].error != NULL) {
				printf("DOES NOT LOAD: %s", rows[i - 1].error);
				break;
			}
			fputs(s, stdout);
			if (c + 1 < LIST_COLS)
				for (pad = script_columns(s); pad < w[c] + 2;
				    pad++)
					putchar(' ');
		}
		putchar('\n');
	}
}

int
library_files(const char *dir, char ***paths, size_t *n)
{
	struct paths ps;

	memset(&ps, 0, sizeof(ps));
	if (ls_walk(dir, &ps) < 0) {
		diag_error(NULL, "cannot read the folder %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (ps.n > 0)
		qsort(ps.v, ps.n, sizeof(char *), ls_cmp);
	ls_once(&ps);
	*paths = ps.v;
	*n = ps.n;
	return 0;
}

long
library_list(const char *dir, const struct list_filter *f)
{
	struct paths ps;
	struct row *rows;
	size_t i, n = 0, sets = 0, packets = 0;
	long broken = 0;

	memset(&ps, 0, sizeof(ps));
	if (library_files(dir, &ps.v, &ps.n) < 0)
		return -1;
	rows = xcalloc(ps.n + 1, sizeof(*rows));
	for (i = 0; i < ps.n; i++) {
		struct row *r = &rows[n];
		size_t c;

		if (!ls_row(ps.v[i], r))
			broken++;
		else if (!ls_subject_match(r, dir, f->subject) ||
		    !ls_match(r->cell[3], f->grade) ||
		    !ls_match(r->cell[4], f->tag)) {
			for (c = 0; c < LIST_COLS; c++)
				free(r->cell[c]);
			free(ps.v[i]);
			continue;
		} else if (r->packet)
			packets++;
		else
			sets++;
		ls_cut(&r->cell[1], LIST_TITLE_MAX);
		ls_cut(&r->cell[4], LIST_TAGS_MAX);
		n++;
		free(ps.v[i]);
	}
	ls_print(rows, n);
	printf("%zu set%s, %zu packet%s", sets, sets == 1 ? "" : "s",
	    packets, packets == 1 ? "" : "s");
	if (broken > 0)
		printf("; %ld file%s do%s not load", broken, broken == 1 ?
		    "" : "s", broken == 1 ? "es" : "");
	putchar('\n');
	for (i = 0; i < n; i++) {
		size_t c;

		for (c = 0; c < LIST_COLS; c++)
			free(rows[i].cell[c]);
		free(rows[i].error);
	}
	free(rows);
	free(ps.v);
	return broken;
}
