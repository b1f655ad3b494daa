/*
 * index.c - `mimeo index [DIR]`: the library as one web page.
 *
 * OUT/index.html lists every set and packet under DIR (substitute packets
 * first, then by subject and grade), each with a small picture of the
 * first page of each of its documents and links to the PDFs that `make
 * run` writes beside them (OUT/<folder>/NAME.pdf, NAME-key.pdf, ...).
 * It is one static file with no server, network or external file, so it
 * works opened from a USB stick; a few lines of plain JavaScript add a
 * search box and filters, and without JavaScript everything is listed.
 *
 * The pictures are the worksheet's (key's, ...) first page through the
 * cairo backend, written by the same build as the documents, as
 * NAME-p1.png beside them.  A file that does not load is listed with its
 * first error, as `mimeo list` shows it.  Everything a teacher wrote is
 * escaped; file names are percent-encoded in links.  The page is the same
 * bytes for the same library and the same documents in OUT.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "index.h"
#include "list.h"
#include "packet.h"
#include "template.h"
#include "util.h"

#define INDEX_DPI	30	/* first-page pictures: 255 x 330 px Letter */

/* The documents a file makes, by the suffix of their names. */
enum idoc { ID_WORKSHEET, ID_KEY, ID_DISCUSSION, ID_PACKET, ID__MAX };

static const char *const idoc_suffix[ID__MAX] = { "", "-key",
	"-discussion", "-packet" };

struct entry {
	char		*rel;		/* path under DIR, owned */
	char		*folder;	/* its folder under DIR ("" for none) */
	char		*base;		/* file name without .yaml/.yml */
	char		*error;		/* first error, or NULL: it loads */
	int		 packet;
	char		*title, *subject, *grade, *lang;	/* owned */
	char		*tags;		/* "|"-joined, as written */
	size_t		 nproblems;
	int		 discussion;
	long		 duration;
	char		*includes;	/* a packet's, "Worksheet: Title; ..." */
	int		 has[ID__MAX];	/* documents it makes */
};

/* Writes c, escaped if it is &, <, >, " or '. */
static void
ix_text_char(FILE *fp, char c)
{
	switch (c) {
	case '&': fputs("&amp;", fp); break;
	case '<': fputs("&lt;", fp); break;
	case '>': fputs("&gt;", fp); break;
	case '"': fputs("&quot;", fp); break;
	case '\'': fputs("&#39;", fp); break;
	default: fputc(c, fp); break;
	}
}

static void
ix_text(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		ix_text_char(fp, *s);
}

/* Writes a relative link to path: every byte but letters, digits, "/",
 * "-", ".", "_" and "~" percent-encoded (spaces, accents, "#", "?"). */
static void
ix_url(FILE *fp, const char *path)
{
	const unsigned char *p = (const unsigned char *)path;

	for (; *p != '\0'; p++)
		if (isalnum(*p) && *p < 0x80)
			fputc(*p, fp);
		else if (strchr("/-._~", *p) != NULL)
			fputc(*p, fp);
		else
			fprintf(fp, "%%%02X", *p);
}

/* s in lower case (ASCII letters), for data attributes the script
 * compares; fresh. */
static char *
ix_lower(const char *s)
{
	char *l = xstrdup(s != NULL ? s : ""), *p;

	for (p = l; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

/* Sorting key of a grade: K first, then 1-12, then words. */
static int
ix_grade_rank(const char *g)
{
	char *end;
	long n;

	if (g == NULL)
		return 1000;
	if (strcasecmp(g, "K") == 0)
		return 0;
	n = strtol(g, &end, 10);
	return end != g && *end == '\0' && n >= 0 && n < 100 ? (int)n + 1 :
	    100;
}

/* Packets first, then by subject, grade, title; files that do not load
 * last, by path. */
static int
ix_cmp(const void *va, const void *vb)
{
	const struct entry *a = va, *b = vb;
	int c;

	if ((a->error != NULL) != (b->error != NULL))
		return a->error != NULL ? 1 : -1;
	if (a->error != NULL)
		return strcmp(a->rel, b->rel);
	if (a->packet != b->packet)
		return a->packet ? -1 : 1;
	if (!a->packet && (c = strcasecmp(a->subject ? a->subject : "~",
	    b->subject ? b->subject : "~")) != 0)
		return c;
	if ((c = ix_grade_rank(a->grade) - ix_grade_rank(b->grade)) != 0)
		return c;
	if ((c = strcasecmp(a->grade ? a->grade : "", b->grade ? b->grade :
	    "")) != 0)
		return c;
	if ((c = strcmp(a->title, b->title)) != 0)
		return c;
	return strcmp(a->rel, b->rel);
}

/* Append word to the sep-joined *list. */
static void
ix_join(char **list, const char *sep, const char *word)
{
	char *n;

	if (word == NULL || *word == '\0')
		return;
	n = *list == NULL ? xstrdup(word) : xasprintf("%s%s%s", *list, sep,
	    word);
	free(*list);
	*list = n;
}

/* Does the "|"-joined list hold word (any case)? */
static int
ix_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; p != NULL; p = strchr(p, '|'), p += p != NULL) {
		if (strncasecmp(p, word, n) == 0 && (p[n] == '|' ||
		    p[n] == '\0'))
			return 1;
	}
	return 0;
}

static void
ix_set_facts(struct entry *e, const struct set *s)
{
	size_t i;

	if (e->subject == NULL && s->subject != NULL)
		e->subject = xstrdup(s->subject);
	if (e->grade == NULL && s->grade != NULL)
		e->grade = xstrdup(s->grade);
	if (e->lang == NULL && s->language != NULL)
		e->lang = xstrdup(s->language);
	for (i = 0; i < s->tags.n; i++)
		if (!ix_has(e->tags, s->tags.v[i].s))
			ix_join(&e->tags, "|", s->tags.v[i].s);
}

/* What file path (under dir) is; errors are captured, not printed. */
static void
ix_load(struct entry *e, const char *dir, const char *path)
{
	struct packet *pk;
	struct set *s;
	const char *rel = path + strlen(dir), *slash;
	size_t i;

	while (*rel == '/')
		rel++;
	e->rel = xstrdup(rel);
	slash = strrchr(e->rel, '/');
	e->folder = slash == NULL ? xstrdup("") :
	    xstrndup(e->rel, (size_t)(slash - e->rel));
	e->base = xstrdup(slash == NULL ? e->rel : slash + 1);
	*strrchr(e->base, '.') = '\0';	/* a .yaml or .yml file */
	if (library_load_quiet(path, &pk, &s, &e->error) < 0)
		return;
	if (s != NULL) {
		e->title = xstrdup(s->title.s);
		ix_set_facts(e, s);
		e->nproblems = s->nproblems;
		e->discussion = s->discussion != NULL;
		e->has[ID_WORKSHEET] = e->has[ID_KEY] = 1;
		e->has[ID_DISCUSSION] = e->discussion;
		set_free(s);
		return;
	}
	e->packet = 1;
	e->has[ID_PACKET] = 1;
	e->title = xstrdup(pk->title.s);
	e->duration = pk->duration;
	if (pk->language != NULL)
		e->lang = xstrdup(pk->language);
	for (i = 0; i < pk->ninc; i++) {
		char *what = xasprintf("%s: %s", inc_as_names[pk->inc[i].as],
		    pk->inc[i].set->title.s);

		ix_set_facts(e, pk->inc[i].set);
		e->discussion |= pk->inc[i].as == INC_DISCUSSION;
		ix_join(&e->includes, "; ", what);
		free(what);
	}
	packet_free(pk);
}

/* The first-page pictures of e's documents, written beside them in out
 * (through the documents' own build, one page each).  A file whose
 * documents fail is listed without pictures; its errors are not printed
 * here (make run prints them). */
static void
ix_pictures(const struct entry *e, const char *dir, const char *out)
{
	struct opts o;
	char *path = xasprintf("%s/%s", dir, e->rel);
	char *folder = xasprintf("%s/%s%s", out, e->folder,
	    *e->folder != '\0' ? "/" : "");
	size_t before = diag_errors();

	memset(&o, 0, sizeof(o));
	o.cmd = CMD_ALL;
	o.output = folder;
	o.quiet = 1;
	o.fmt.format = OUT_PNG;
	o.fmt.dpi = INDEX_DPI;
	o.fmt.page = 1;
	diag_capture(1);
	build_file(&o, path, 1);
	diag_capture(0);
	output_commit(diag_errors() == before);
	free(path);
	free(folder);
}

/* 1 when out/folder/base+suffix+ext exists. */
static int
ix_exists(const char *out, const struct entry *e, enum idoc d,
    const char *ext)
{
	struct stat st;
	char *p = xasprintf("%s/%s%s%s%s%s", out, e->folder,
	    *e->folder != '\0' ? "/" : "", e->base, idoc_suffix[d], ext);
	int yes = stat(p, &st) == 0 && S_ISREG(st.st_mode);

	free(p);
	return yes;
}

/* Writes the link path of e's document d with ext, percent-encoded. */
static void
ix_doc_url(FILE *fp, const struct entry *e, enum idoc d, const char *ext)
{
	char *p = xasprintf("%s%s%s%s%s", e->folder, *e->folder != '\0' ?
	    "/" : "", e->base, idoc_suffix[d], ext);

	ix_url(fp, p);
	free(p);
}

/* The name of document d in e's language (its labels), else English. */
static const char *
ix_doc_name(const struct template *t, enum idoc d)
{
	static const enum label names[ID__MAX] = { L_WORKSHEET,
		L_ANSWER_KEY, L_DISCUSSION, L_SUB_PLAN };

	return t->labels[names[d]];
}

static void
ix_entry(FILE *fp, const struct entry *e, const char *out,
    const struct template *t)
{
	enum idoc d;
	char *subject = ix_lower(e->subject), *grade = ix_lower(e->grade);
	char *tags = ix_lower(e->tags);
	char *text = xasprintf("%s %s %s %s %s", e->title, e->subject ?
	    e->subject : "", e->tags ? e->tags : "", e->rel,
	    e->includes ? e->includes : "");
	char *low = ix_lower(text), *p;

	fputs("<article class=\"entry\" data-subject=\"", fp);
	ix_text(fp, subject);
	fputs("\" data-grade=\"", fp);
	ix_text(fp, grade);
	fputs("\" data-tags=\"", fp);
	ix_text(fp, tags);
	fputs("\" data-text=\"", fp);
	ix_text(fp, low);
	fputs("\"", fp);
	if (e->lang != NULL) {
		fputs(" lang=\"", fp);
		ix_text(fp, e->lang);
		fputs("\"", fp);
	}
	fputs(">\n<h4 dir=\"auto\">", fp);
	ix_text(fp, e->title);
	fputs("</h4>\n<p class=\"facts\">", fp);
	if (e->grade != NULL) {
		fputs("<b class=\"grade\">Grade ", fp);
		ix_text(fp, e->grade);
		fputs("</b> ", fp);
	}
	if (e->packet)
		fputs("Substitute packet", fp);
	else {
		ix_text(fp, e->subject != NULL ? e->subject : "No subject");
		fprintf(fp, " &middot; %zu problem%s", e->nproblems,
		    e->nproblems == 1 ? "" : "s");
	}
	if (e->duration > 0)
		fprintf(fp, " &middot; %ld minutes", e->duration);
	if (e->discussion)
		fputs(" &middot; <b>discussion lesson</b>", fp);
	fputs("</p>\n", fp);
	if (e->includes != NULL) {
		fputs("<p class=\"includes\" dir=\"auto\">Prints: ", fp);
		ix_text(fp, e->includes);
		fputs("</p>\n", fp);
	}
	if (e->tags != NULL) {
		fputs("<p class=\"tags\" dir=\"auto\">", fp);
		for (p = e->tags; *p != '\0'; p++)
			if (*p == '|')
				fputs(", ", fp);
			else
				ix_text_char(fp, *p);
		fputs("</p>\n", fp);
	}
	fputs("<ul class=\"docs\">\n", fp);
	for (d = 0; d < ID__MAX; d++) {
		int pdf = ix_exists(out, e, d, ".pdf");
		int png = ix_exists(out, e, d, "-p1.png");

		if (!e->has[d])
			continue;
		fputs("<li>", fp);
		if (pdf) {
			fputs("<a href=\"", fp);
			ix_doc_url(fp, e, d, ".pdf");
			fputs("\">", fp);
		}
		if (png) {
			fputs("<img src=\"", fp);
			ix_doc_url(fp, e, d, "-p1.png");
			fputs("\" alt=\"\" loading=\"lazy\">", fp);
		}
		fputs("<span>", fp);
		ix_text(fp, ix_doc_name(t, d));
		fputs(pdf ? " (PDF)</span></a>" : "</span> <i>(not printed "
		    "yet: run make run)</i>", fp);
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n<p class=\"file\">", fp);
	ix_text(fp, e->rel);
	fputs("</p>\n</article>\n", fp);
	free(subject);
	free(grade);
	free(tags);
	free(text);
	free(low);
}

/* The page's style: cards in a grid, one column on a phone; printed as a
 * catalogue without the filters. */
static const char ix_style[] =
"body{font-family:sans-serif;margin:0 auto;max-width:70em;padding:0 1em;"
"line-height:1.4;color:#111}\n"
"h1{font-size:1.6em;margin:.6em 0 .2em}\n"
"h2{border-bottom:2px solid #333;margin-top:1.5em}\n"
"h3{margin:1em 0 .4em;color:#333}\n"
"form{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:end;"
"background:#f3f3f3;padding:.6em;border-radius:4px}\n"
"form label{display:flex;flex-direction:column;font-size:.9em}\n"
"input,select{font-size:1em;padding:.3em}\n"
".grid{display:grid;grid-template-columns:repeat(auto-fill,"
"minmax(20em,1fr));gap:1em}\n"
".entry{border:1px solid #bbb;border-radius:4px;padding:.6em .8em;"
"break-inside:avoid}\n"
".entry h4{margin:0 0 .2em;font-size:1.1em}\n"
".entry p{margin:.2em 0}\n"
".facts,.file,.includes{font-size:.9em;color:#444}\n"
".file{font-family:monospace;font-size:.8em;overflow-wrap:anywhere}\n"
".tags{font-size:.85em;color:#225}\n"
".grade{background:#333;color:#fff;border-radius:3px;padding:0 .35em;"
"font-weight:normal}\n"
".docs{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.6em;"
"margin:.5em 0}\n"
".docs li{width:7.5em;font-size:.85em}\n"
".docs img{display:block;width:100%;height:auto;border:1px solid #999;"
"background:#fff}\n"
".broken{border-color:#b00;background:#fff4f4}\n"
".broken code{overflow-wrap:anywhere}\n"
"[hidden]{display:none!important}\n"
"@media print{form,#count{display:none}.entry{border-color:#999}"
".docs img{width:5em}a{color:#000;text-decoration:none}}\n";

/* The filters: a search box and subject/grade/tag lists; every entry
 * whose words hold every word searched and which the lists take stays
 * visible, and headings with nothing under them hide.  "#q=words" in the
 * address searches on opening (a link to a search). */
static const char ix_script[] =
"(function(){\n"
"var f=document.getElementById('filters');f.hidden=false;\n"
"var q=document.getElementById('q'),s=document.getElementById('subject'),"
"g=document.getElementById('grade'),t=document.getElementById('tag');\n"
"var es=[].slice.call(document.querySelectorAll('.entry'));\n"
"function run(){var w=q.value.toLowerCase().split(/\\s+/).filter("
"Boolean),n=0;\n"
"es.forEach(function(e){var d=e.dataset,ok=w.every(function(x){return "
"d.text.indexOf(x)>=0;})&&(!s.value||d.subject===s.value)&&"
"(!g.value||d.grade===g.value)&&(!t.value||('|'+d.tags+'|').indexOf("
"'|'+t.value+'|')>=0);e.hidden=!ok;if(ok)n++;});\n"
"[].forEach.call(document.querySelectorAll('.group'),function(x){"
"x.hidden=!x.querySelector('.entry:not([hidden])');});\n"
"document.getElementById('count').textContent=n+' shown';}\n"
"[q,s,g,t].forEach(function(x){x.addEventListener('input',run);});\n"
"var h=decodeURIComponent(location.hash.slice(1));\n"
"if(h.indexOf('q=')===0)q.value=h.slice(2);\n"
"run();})();\n";

/* A <select> of the distinct values (any case) of one attribute, in
 * order: each shown as first written, its value in lower case. */
static void
ix_select(FILE *fp, const char *id, const char *label, char **vals,
    size_t n)
{
	size_t i;
	char *l;

	fprintf(fp, "<label>%s<select id=\"%s\"><option value=\"\">all"
	    "</option>", label, id);
	for (i = 0; i < n; i++) {
		if (i > 0 && strcasecmp(vals[i], vals[i - 1]) == 0)
			continue;
		l = ix_lower(vals[i]);
		fputs("<option value=\"", fp);
		ix_text(fp, l);
		fputs("\">", fp);
		ix_text(fp, vals[i]);
		fputs("</option>", fp);
		free(l);
	}
	fputs("</select></label>\n", fp);
}

static int
ix_strcmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int c = strcasecmp(x, y);

	return c != 0 ? c : strcmp(x, y);
}

/* Grades sort as grades (K, 1, 2, ..., 10), then words. */
static int
ix_gradecmp(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int c = ix_grade_rank(x) - ix_grade_rank(y);

	return c != 0 ? c : ix_strcmp(a, b);
}

/* Appends every "|"-separated word of list to *v. */
static void
ix_split(const char *list, char ***v, size_t *n, size_t *cap)
{
	char *dup, *w, *save;

	if (list == NULL)
		return;
	dup = xstrdup(list);
	for (w = strtok_r(dup, "|", &save); w != NULL;
	    w = strtok_r(NULL, "|", &save)) {
		xgrow((void **)v, cap, *n, sizeof(char *));
		(*v)[(*n)++] = xstrdup(w);
	}
	free(dup);
}

/* The filter form, hidden until the script shows it. */
static void
ix_filters(FILE *fp, const struct entry *es, size_t n)
{
	char **v[3] = { NULL, NULL, NULL };	/* subjects, grades, tags */
	size_t i, k, nv[3] = { 0, 0, 0 }, cap[3] = { 0, 0, 0 };

	for (i = 0; i < n; i++) {
		if (es[i].error != NULL)
			continue;
		if (!es[i].packet)
			ix_split(es[i].subject, &v[0], &nv[0], &cap[0]);
		ix_split(es[i].grade, &v[1], &nv[1], &cap[1]);
		ix_split(es[i].tags, &v[2], &nv[2], &cap[2]);
	}
	for (k = 0; k < 3; k++)
		if (nv[k] > 0)
			qsort(v[k], nv[k], sizeof(char *), k == 1 ?
			    ix_gradecmp : ix_strcmp);
	fputs("<form id=\"filters\" hidden onsubmit=\"return false\">\n"
	    "<label>Search<input id=\"q\" type=\"search\" "
	    "placeholder=\"title, tag, file\"></label>\n", fp);
	ix_select(fp, "subject", "Subject", v[0], nv[0]);
	ix_select(fp, "grade", "Grade", v[1], nv[1]);
	ix_select(fp, "tag", "Tag", v[2], nv[2]);
	fputs("<span id=\"count\"></span>\n</form>\n", fp);
	for (k = 0; k < 3; k++) {
		for (i = 0; i < nv[k]; i++)
			free(v[k][i]);
		free(v[k]);
	}
}

/* Opens a group of entries under a heading: a subject (in grade order),
 * the packets, the files that do not load. */
static void
ix_group(FILE *fp, const char *title)
{
	fputs("<section class=\"group\"><h2 dir=\"auto\">", fp);
	ix_text(fp, title);
	fputs("</h2>\n<div class=\"grid\">\n", fp);
}

static void
ix_page(FILE *fp, const struct entry *es, size_t n, const char *out,
    const char *dir)
{
	struct template *tl[2] = { NULL, NULL };	/* en, the entry's */
	size_t i, sets = 0, packets = 0, broken = 0;
	const char *subject = NULL;

	for (i = 0; i < n; i++) {
		if (es[i].error != NULL)
			broken++;
		else if (es[i].packet)
			packets++;
		else
			sets++;
	}
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset="
	    "\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-"
	    "width, initial-scale=1\">\n<title>The library: problem sets "
	    "and packets</title>\n<style>\n", fp);
	fputs(ix_style, fp);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>The library</h1>\n"
	    "<p>", fp);
	fprintf(fp, "%zu problem set%s and %zu substitute packet%s from "
	    "<code>", sets, sets == 1 ? "" : "s", packets, packets == 1 ?
	    "" : "s");
	ix_text(fp, dir);
	fputs("</code>. Click a page to open its PDF, then print it from "
	    "the browser's PDF viewer.</p>\n", fp);
	ix_filters(fp, es, n);
	fputs("</header>\n<main>\n", fp);
	tl[0] = template_load("worksheet", "en");
	for (i = 0; i < n; i++) {
		const struct entry *e = &es[i];
		const char *s = e->error != NULL ? "Files that do not load" :
		    e->packet ? "Substitute packets" : e->subject != NULL ?
		    e->subject : "No subject";
		const struct template *t = tl[0];

		if (subject == NULL || strcmp(s, subject) != 0) {
			if (subject != NULL)
				fputs("</div></section>\n", fp);
			ix_group(fp, s);
			subject = s;
		}
		if (e->error != NULL) {
			fputs("<article class=\"entry broken\" data-subject=\"\" "
			    "data-grade=\"\" data-tags=\"\" data-text=\"", fp);
			ix_text(fp, e->rel);
			fputs("\">\n<h4>", fp);
			ix_text(fp, e->rel);
			fputs("</h4>\n<p>Does not load: <code>", fp);
			ix_text(fp, e->error);
			fputs("</code></p>\n</article>\n", fp);
			continue;
		}
		if (e->lang != NULL && strcmp(e->lang, "en") != 0 &&
		    template_has_labels(e->lang)) {
			template_free(tl[1]);
			tl[1] = template_load("worksheet", e->lang);
			if (tl[1] != NULL)
				t = tl[1];
		}
		if (t != NULL)
			ix_entry(fp, e, out, t);
	}
	if (subject != NULL)
		fputs("</div></section>\n", fp);
	if (broken > 0)
		fprintf(fp, "<!-- %zu file%s that do%s not load -->\n", broken,
		    broken == 1 ? "" : "s", broken == 1 ? "es" : "");
	fputs("</main>\n<script>\n", fp);
	fputs(ix_script, fp);
	fputs("</script>\n</body>\n</html>\n", fp);
	template_free(tl[0]);
	template_free(tl[1]);
}

static void
ix_free(struct entry *e)
{
	free(e->rel);
	free(e->folder);
	free(e->base);
	free(e->error);
	free(e->title);
	free(e->subject);
	free(e->grade);
	free(e->lang);
	free(e->tags);
	free(e->includes);
}

/* Makes folder p and its parents. */
static int
ix_mkdirs(const char *p)
{
	char *d = xstrdup(p), *s;
	int rc = 0;

	for (s = d + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(d, 0777) < 0 && errno != EEXIST)
				rc = -1;
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(d);
	return rc;
}

long
library_index(const char *dir, const char *out, int quiet)
{
	char **paths, *tmp, *final;
	struct entry *es;
	size_t i, n, broken = 0;
	FILE *fp;
	int fd, bad;
	mode_t mask;

	if (library_files(dir, &paths, &n) < 0)
		return -1;
	es = xcalloc(n + 1, sizeof(*es));
	for (i = 0; i < n; i++) {
		ix_load(&es[i], dir, paths[i]);
		if (es[i].error == NULL)
			ix_pictures(&es[i], dir, out);
		else
			broken++;
		free(paths[i]);
	}
	free(paths);
	if (n > 0)
		qsort(es, n, sizeof(*es), ix_cmp);
	final = xasprintf("%s/index.html", out);
	tmp = xasprintf("%s/.mimeo-XXXXXX", out);
	if (ix_mkdirs(out) < 0 || (fd = mkstemp(tmp)) < 0 ||
	    (fp = fdopen(fd, "w")) == NULL) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", final,
		    strerror(errno));
		free(tmp);
		free(final);
		for (i = 0; i < n; i++)
			ix_free(&es[i]);
		free(es);
		return -1;
	}
	ix_page(fp, es, n, out, dir);
	bad = ferror(fp);
	mask = umask(0);	/* mkstemp made it 0600: as a new file */
	umask(mask);
	if ((fclose(fp) != 0) | bad || chmod(tmp, 0666 & ~mask) < 0 ||
	    rename(tmp, final) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", final,
		    strerror(errno != 0 ? errno : EIO));
		unlink(tmp);
	} else if (!quiet)
		printf("wrote %s (%zu files)\n", final, n);
	free(tmp);
	free(final);
	for (i = 0; i < n; i++)
		ix_free(&es[i]);
	free(es);
	return (long)broken;
}
