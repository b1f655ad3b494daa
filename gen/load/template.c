/* template.c - page templates and label files; see template.h */
#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "datadir.h"
#include "template.h"
#include "util.h"

static const char *const label_keys[L__MAX + 1] = { "name", "date",
    "period", "class", "score", "page", "answer_key", "answer", "true",
    "false", "point", "points", "total", "select_all", "solution", "rubric",
    "model_answer", "notes", "match_hint", "order_hint", "blank_page", "copy", "version", "by_version", "by_student",
    "who_got", "problem_col", "student_col", "version_col", "versions",
    "print_duplex", "per_page",
    "sub_plan", "minutes", "min", "before_class",
    "the_plan", "read_aloud", "print_list", "print_hint",
    "document", "pages", "copies", "as_needed",
    "worksheet", "teacher_copy", "packet_page", "early_finishers",
    "report", "report_who", "report_absent", "report_done",
    "report_helped", "report_struggled", "report_notes", "how_to",
    "early_page", "early_give",
    "teacher_only", "discussion", "goal", "plan", "say",
    "anticipate", "misconception", "ask", "monitor", "monitor_hint",
    "group", "other", "questions", "board", "board_hint", "presented_by",
    "synthesis", "groups", "groups_hint", "individual", "problem",
    "first_try", "notice", "wonder", "group_sheet", "role", "alike",
    "different", "which", "present", "role_cards", "cut_hint",
    "exit_ticket", "exit_default", "facilitator", "facilitator_job",
    "recorder", "recorder_job", "skeptic", "skeptic_job", "reporter",
    "reporter_job", "phase_launch", "phase_launch_say", "phase_solo",
    "phase_solo_say", "phase_groups", "phase_groups_say", "phase_share",
    "phase_share_say", "phase_reflect", "phase_reflect_say",
    "guide", "questioner", "questioner_job", "checker", "checker_job",
    "timekeeper", "timekeeper_job", "encourager", "encourager_job",
    "co_role", "large_print", "job_blank",
    "bonus", "bonus_point", "bonus_points", "bonus_col", "word_bank", "hint_cards", "hint_for", "hint_of", "points_col",
    "score_col", "total_col", "table_answer",
    "answers", "answer_col", "strips", "strip_page", "strip_hint", "tally",
    "tally_hint", "items", "items_hint", "right_choice", "pts",
    "items_written",
    "worked_key", "worked_col", "worked_at", "key_table_only",
    "key_worked_note",
    "phase_summary", "phase_summary_say", "phase_exit", "phase_exit_say",
    "phase_share_say_group", "lesson_question", "predict",
    "predict_board", "my_prediction", "learned", "class_ways", "write_board", "solo_do",
    "solo_do_text", "groups_do_text", "monitor_sheet",
    "monitor_sheet_hint", "col_student", "col_other", "col_stuck",
    "col_note", "col_order", "expected", "look_for", "hint", "extension",
    "disc_hint_cards", "disc_hint_cards_hint", "group_cards", "group_cards_hint",
    "group_card_body", "members", "random_groups", "board_date",
    "board_predictions", "board_next", "board_open", "print_class",
    "for_groups", "help_contact", "at_the_bell", "who_is",
    "decimal", "continued",
    "fig_numberline", "fig_double_top", "fig_double_bottom",
    "fig_from_to", "fig_steps", "fig_boxes", "fig_jump", "fig_point",
    "fig_plane", "fig_line", "fig_segment", "fig_polygon", "fig_bar",
    "fig_circle", "fig_grid", "fig_parts_shaded", "fig_tape",
    "fig_parts", "fig_total", "fig_array", "fig_groups", "fig_clock",
    "fig_clock_face", "fig_hands", "fig_triangle", "fig_rectangle",
    "fig_side", "fig_right_angle", "fig_angle", "fig_bars", "fig_dots",
    "fig_values", "fig_columns", "fig_division", "fig_point_mark",
    "fig_jumps", "fig_clock_hands", "fig_parts_some",
    "choice_mark", "part_mark", "list_sep", "list_comma", "choice_letters",
    "part_letters", NULL };


const enum label label_roles[LABEL_NROLES][2] = {
	{ L_FACILITATOR, L_FACILITATOR_JOB }, { L_RECORDER, L_RECORDER_JOB },
	{ L_SKEPTIC, L_SKEPTIC_JOB }, { L_REPORTER, L_REPORTER_JOB },
	{ L_QUESTIONER, L_QUESTIONER_JOB }, { L_CHECKER, L_CHECKER_JOB },
	{ L_TIMEKEEPER, L_TIMEKEEPER_JOB }, { L_ENCOURAGER, L_ENCOURAGER_JOB } };

static const char *const template_keys[] = { "paper", "margins", "fonts",
    "sizes", "line_height", "rule", "spacing", "fields", "space", NULL };

static char	template_dir[PATH_MAX];

/* 1 when dir holds templates/ (a data folder).  */
static int
template_is_datadir(const char *dir)
{
	char *p = xasprintf("%s/templates/worksheet.yaml", dir);
	int ok = access(p, R_OK) == 0;

	free(p);
	return ok;
}

/* The first of: $MIMEO_DATA; the executable's own folder when it holds
 * templates/ (a build in a checkout); EXE/../share/mimeo (an install,
 * also a staged DESTDIR one not yet moved into place); the folder
 * compiled in, $(PREFIX)/share/mimeo (named in messages when none is
 * there). */
const char *
template_datadir(void)
{
	char exe[PATH_MAX], *env, *slash, *shared;
	ssize_t n;

	if (template_dir[0] != '\0')
		return template_dir;
	if ((env = getenv("MIMEO_DATA")) != NULL && *env != '\0' &&
	    strlen(env) < sizeof(template_dir)) {
		strcpy(template_dir, env);
		return template_dir;
	}
	snprintf(template_dir, sizeof(template_dir), "%s", MIMEO_DATADIR);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0)
		return template_dir;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	if (template_is_datadir(exe)) {
		strcpy(template_dir, exe);
		return template_dir;
	}
	shared = xasprintf("%s/../share/mimeo", exe);
	if (template_is_datadir(shared) && realpath(shared, exe) != NULL)
		strcpy(template_dir, exe);
	free(shared);
	return template_dir;
}

static int
template_file_exists(const char *p)
{
	return access(p, R_OK) == 0;
}

void
template_lang_fold(char *lang)
{
	for (; *lang != '\0'; lang++)
		*lang = (char)tolower((unsigned char)*lang);
}

static int
template_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The languages templates/labels/ has, "en, es or fr"; freshly
 * allocated. */
static char *
template_languages(void)
{
	char *dir = xasprintf("%s/templates/labels", template_datadir());
	char **codes = NULL, *list, *next;
	size_t n = 0, cap = 0, i, len;
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if ((len = strlen(e->d_name)) > 5 &&
			    strcmp(e->d_name + len - 5, ".yaml") == 0) {
				xgrow((void **)&codes, &cap, n, sizeof(*codes));
				codes[n++] = xstrndup(e->d_name, len - 5);
			}
		closedir(d);
	}
	free(dir);
	if (n == 0)
		return xstrdup("en");
	qsort(codes, n, sizeof(*codes), template_name_cmp);
	list = xstrdup(codes[0]);
	for (i = 1; i < n; i++) {
		next = xasprintf("%s%s%s", list, i + 1 < n ? ", " : " or ",
		    codes[i]);
		free(list);
		list = next;
	}
	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return list;
}

int
template_language(const struct node *n, char **lang)
{
	char *have;

	if (sc_string(n, "language", lang) < 0)
		return -1;
	template_lang_fold(*lang);
	if (template_has_labels(*lang))
		return 0;
	have = template_languages();
	sc_error(&n->mark, "there are no labels for language \"%s\" in "
	    "templates/labels/; write %s, or add %s.yaml there", *lang, have,
	    *lang);
	free(have);
	return -1;
}

int
template_has_labels(const char *lang)
{
	char *path;
	int ok;

	if (strcmp(lang, "en") == 0)
		return 1;
	if (*lang == '\0' || strchr(lang, '/') != NULL)
		return 0;
	path = xasprintf("%s/templates/labels/%s.yaml", template_datadir(),
	    lang);
	ok = template_file_exists(path);
	free(path);
	return ok;
}

/* Read a mapping of lengths such as margins: {top: 1in, ...}, each from
 * lo[i] to hi[i] cm: outside, a page cannot be drawn (a 0.0001pt grid is
 * billions of squares; 30cm margins leave no page). */
static void
template_lengths(const struct node *n, const char *what,
    const char *const *keys, double **dst, const double *lo,
    const double *hi)
{
	const struct node *v;
	double pt;
	int lines;
	size_t i;

	if (n->kind != NODE_MAP) {
		diag_error(&n->mark, "expected a mapping of lengths");
		return;
	}
	sc_check_keys(n, keys, "the template");
	for (i = 0; keys[i] != NULL; i++) {
		size_t errs = diag_errors();
		char *name;

		if ((v = node_get(n, keys[i])) == NULL)
			continue;
		name = xasprintf("%s: %s", what, keys[i]);
		/* a hundredth of a point of slack for 1in = 2.54cm */
		if (sc_length(v, name, 0, &pt, &lines) == 0 &&
		    (pt < lo[i] * 72 / 2.54 - 0.01 ||
		    pt > hi[i] * 72 / 2.54 + 0.01))
			sc_error(&v->mark, "%s must be from %gcm to %gcm "
			    "(%.2gin to %.2gin), not %s", name, lo[i], hi[i],
			    lo[i] / 2.54, hi[i] / 2.54, v->value);
		else if (diag_errors() == errs)
			*dst[i] = pt;
		free(name);
	}
}

static void
template_numbers(const struct node *n, const char *const *keys,
    double **dst, double lo, double hi)
{
	const struct node *v;
	size_t i;

	if (n->kind != NODE_MAP) {
		diag_error(&n->mark, "expected a mapping of numbers");
		return;
	}
	sc_check_keys(n, keys, "the template");
	for (i = 0; keys[i] != NULL; i++)
		if ((v = node_get(n, keys[i])) != NULL)
			sc_number(v, keys[i], lo, hi, dst[i]);
}

/*
 * fonts: language: the families a language's text is set in first, after
 * the body font and before the fallbacks: {zh: [WenQuanYi Zen Hei]} gives a
 * Chinese set a Chinese font for the characters the body font lacks,
 * whatever font fontconfig would rank first for them.  Only lang's entry
 * is used (and so only its families must be installed); every entry is
 * checked.
 */
static void
template_font_languages(struct template *t, const struct node *n,
    const char *lang)
{
	struct textlist mine, both;
	size_t i;

	if (n->kind != NODE_MAP) {
		diag_error(&n->mark, "fonts: language must be a mapping of a "
		    "language to its font families, like {zh: [WenQuanYi Zen "
		    "Hei]}");
		return;
	}
	for (i = 0; i + 1 < n->nkids; i += 2) {
		memset(&mine, 0, sizeof(mine));
		if (sc_textlist(n->kids[i + 1], "a language's fonts",
		    &mine) < 0 || lang == NULL || n->kids[i]->value == NULL ||
		    strcasecmp(n->kids[i]->value, lang) != 0) {
			textlist_free(&mine);
			continue;
		}
		both.n = mine.n + t->fallback.n;
		both.v = xcalloc(both.n, sizeof(*both.v));
		memcpy(both.v, mine.v, mine.n * sizeof(*both.v));
		memcpy(both.v + mine.n, t->fallback.v,
		    t->fallback.n * sizeof(*both.v));
		free(mine.v);		/* its texts now belong to both */
		free(t->fallback.v);
		t->fallback = both;
	}
}

static void
template_read(struct template *t, const struct node *root, const char *lang)
{
	static const char *const margin_keys[] = { "top", "right", "bottom",
	    "left", NULL };
	static const char *const size_keys[] = { "body", "title", "heading",
	    "small", NULL };
	static const char *const spacing_keys[] = { "problem", "paragraph",
	    NULL };
	static const char *const space_keys[] = { "short", "work", "line",
	    "grid", NULL };
	/* the limits of each length, in cm, in the order of its keys */
	static const double margin_lo[] = { 0.5, 0.5, 0.5, 0.5 };
	static const double margin_hi[] = { 6, 6, 6, 6 };
	static const double spacing_lo[] = { 0, 0 };
	static const double spacing_hi[] = { 5, 2 };
	static const double space_lo[] = { 0.5, 1, 0.4, 0.2 };
	static const double space_hi[] = { 20, 20, 3, 3 };
	static const char *const font_keys[] = { "body", "fallback",
	    "language", NULL };
	double *margins[] = { &t->margin[0], &t->margin[1], &t->margin[2],
	    &t->margin[3] };
	double *sizes[] = { &t->size_body, &t->size_title, &t->size_heading,
	    &t->size_small };
	double *spacing[] = { &t->gap_problem, &t->gap_paragraph };
	double *spaces[] = { &t->space_short, &t->space_work, &t->line_pitch,
	    &t->grid };
	const struct node *n, *f;
	size_t i, k;
	int v;

	if (root->kind != NODE_MAP) {
		diag_error(&root->mark, "a template must be a mapping");
		return;
	}
	sc_check_keys(root, template_keys, "the template");
	if ((n = node_get(root, "paper")) != NULL)
		t->paper = paper_node(n);
	if ((n = node_get(root, "margins")) != NULL)
		template_lengths(n, "margins", margin_keys, margins, margin_lo, margin_hi);
	if ((n = node_get(root, "sizes")) != NULL)
		template_numbers(n, size_keys, sizes, 4, 72);
	if ((n = node_get(root, "spacing")) != NULL)
		template_lengths(n, "spacing", spacing_keys, spacing, spacing_lo,
		    spacing_hi);
	if ((n = node_get(root, "space")) != NULL)
		template_lengths(n, "space", space_keys, spaces, space_lo, space_hi);
	if ((n = node_get(root, "line_height")) != NULL)
		sc_number(n, "line_height", 1, 3, &t->leading);
	if ((n = node_get(root, "rule")) != NULL)
		sc_number(n, "rule", 0.1, 5, &t->rule);
	if ((n = node_get(root, "fonts")) != NULL) {
		if (n->kind != NODE_MAP)
			diag_error(&n->mark, "fonts must be a mapping with "
			    "the keys body and fallback, like {body: Andika, "
			    "fallback: [DejaVu Sans]}");
		else {
			sc_check_keys(n, font_keys, "the template");
			if ((f = node_get(n, "body")) != NULL) {
				free(t->font);
				t->font = NULL;
				sc_string(f, "the body font", &t->font);
			}
			if ((f = node_get(n, "fallback")) != NULL) {
				textlist_free(&t->fallback);
				sc_textlist(f, "fallback", &t->fallback);
			}
			if ((f = node_get(n, "language")) != NULL)
				template_font_languages(t, f, lang);
		}
	}
	if ((n = node_get(root, "fields")) != NULL) {
		if (n->kind != NODE_SEQ)
			diag_error(&n->mark, "fields must be a list");
		else {
			for (i = 0, k = 0; i < n->nkids && k < F__MAX; i++)
				if (sc_enum(n->kids[i], "a field", field_names,
				    &v) == 0)
					t->fields[k++] = v;
			if (k < F__MAX)
				t->fields[k] = -1;
		}
	}
}

/* A list of letters (choice_letters, part_letters) into *s, one letter a
 * line: at least LABEL_LETTERS of them, each without spaces, none twice.
 * Reports a wrong one at its position and leaves *s NULL. */
static void
template_letters_read(const struct node *n, const char *key, char **s)
{
	char *all = NULL, *next;
	size_t i, j;

	if (n->kind != NODE_SEQ) {
		sc_error(&n->mark, "%s must be a list of letters in the order "
		    "they are printed, like [A, B, C, ...]", key);
		return;
	}
	for (i = 0; i < n->nkids; i++) {
		const struct node *k = n->kids[i];

		if (k->kind != NODE_SCALAR || k->value[0] == '\0' ||
		    strpbrk(k->value, " \t\n") != NULL) {
			sc_error(&k->mark, "%s: each letter is a short text "
			    "without spaces, like A or \xd8\xa3", key);
			free(all);
			return;
		}
		for (j = 0; j < i; j++)
			if (strcmp(n->kids[j]->value, k->value) == 0) {
				sc_error(&k->mark, "%s: \"%s\" is letter %zu "
				    "and %zu; each letter must differ", key,
				    k->value, j + 1, i + 1);
				free(all);
				return;
			}
		next = all == NULL ? xstrdup(k->value) :
		    xasprintf("%s\n%s", all, k->value);
		free(all);
		all = next;
	}
	if (n->nkids < LABEL_LETTERS) {
		sc_error(&n->mark, "%s has %zu letters; it needs %d (a match "
		    "problem letters up to %d items on its right, a problem "
		    "has up to %d parts): add the letters that follow",
		    key, n->nkids, LABEL_LETTERS, LABEL_LETTERS, LABEL_LETTERS);
		free(all);
		return;
	}
	*s = all;
}

/* Point t->letters into the one-a-line lists of labels; a list not
 * there (reported already) leaves its letters NULL. */
static void
template_letters_split(struct template *t)
{
	static const enum label from[2] = { L_CHOICE_LETTERS, L_PART_LETTERS };
	char *p;
	size_t k, i;

	for (k = 0; k < 2; k++) {
		p = t->labels[from[k]];
		for (i = 0; p != NULL && i < LABEL_LETTERS; i++) {
			t->letters[k][i] = p;
			if ((p = strchr(p, '\n')) != NULL)
				*p++ = '\0';
		}
	}
}

static int	template_labels_file(struct template *, const char *);

int
label_letter_find(const char *lang, const char *s)
{
	struct template t;
	char *path;
	int k = -1;
	size_t i;

	if (lang == NULL || strcmp(lang, "en") == 0 ||
	    !template_has_labels(lang))
		return -1;
	memset(&t, 0, sizeof(t));
	path = xasprintf("%s/templates/labels/%s.yaml", template_datadir(),
	    lang);
	template_labels_file(&t, path);
	template_letters_split(&t);
	for (i = 0; i < LABEL_LETTERS && k < 0; i++)
		if (t.letters[LT_CHOICE][i] != NULL &&
		    strcmp(t.letters[LT_CHOICE][i], s) == 0)
			k = (int)i;
	for (i = 0; i < L__MAX; i++)
		free(t.labels[i]);
	free(path);
	return k;
}

const char *
label_letter(const struct template *t, enum letters which, size_t i)
{
	return i < LABEL_LETTERS ? t->letters[which][i] : "?";
}

char *
label_lettered(const struct template *t, enum letters which, size_t i)
{
	return label_fmt(t, which == LT_CHOICE ? L_CHOICE_MARK : L_PART_MARK,
	    label_letter(t, which, i), NULL);
}

/* qsort() order of two labels, given as places in label_keys. */
static int
template_label_cmp(const void *a, const void *b)
{
	return strcmp(**(const char *const *const *)a,
	    **(const char *const *const *)b);
}

/* bsearch() order of a key (a string's place) and a label's place. */
static int
template_label_find(const void *key, const void *label)
{
	return strcmp(*(const char *const *)key,
	    **(const char *const *const *)label);
}

/* Fill labels from a label file.  Returns -1 if the file could not be
 * read. */
static int
template_labels_file(struct template *t, const char *path)
{
	struct node *root;
	const struct node *v, *value[L__MAX];
	const char *const *sorted[L__MAX], *const *const *k;
	const char *key;
	size_t i, j;
	int unknown = 0;

	if ((root = yaml_load(path)) == NULL)
		return -1;
	if (root->kind != NODE_MAP) {
		diag_error(&root->mark, "a label file must be a mapping of "
		    "key: text");
		node_free(root);
		return -1;
	}
	/* each of the file's keys found by halves in the sorted keys, not
	 * each label looked for through the file: both are some 230 long */
	for (i = 0; i < L__MAX; i++) {
		sorted[i] = &label_keys[i];
		value[i] = NULL;
	}
	qsort(sorted, L__MAX, sizeof(*sorted), template_label_cmp);
	for (i = 0; i + 1 < root->nkids; i += 2) {
		key = root->kids[i]->value;
		if ((k = bsearch(&key, sorted, L__MAX, sizeof(*sorted),
		    template_label_find)) == NULL)
			unknown = 1;
		else if (value[j = (size_t)(*k - label_keys)] == NULL)
			value[j] = root->kids[i + 1];	/* the first, as node_get */
	}
	if (unknown)
		sc_check_keys(root, label_keys, "the label file");
	for (i = 0; i < L__MAX; i++)
		if ((v = value[i]) != NULL) {
			free(t->labels[i]);
			t->labels[i] = NULL;
			if (i == L_CHOICE_LETTERS || i == L_PART_LETTERS)
				template_letters_read(v, label_keys[i],
				    &t->labels[i]);
			else if (sc_string(v, label_keys[i], &t->labels[i]) ==
			    0 && (i == L_CHOICE_MARK || i == L_PART_MARK) &&
			    strstr(t->labels[i], "{n}") == NULL) {
				sc_error(&v->mark, "%s must hold {n} where the "
				    "letter goes, like \"%s\"", label_keys[i],
				    i == L_CHOICE_MARK ? "{n}." : "({n})");
				free(t->labels[i]);
				t->labels[i] = NULL;
			}
		}
	node_free(root);
	return 0;
}

static void
template_labels(struct template *t, const char *lang)
{
	char *path;
	size_t i;
	struct mark m = { NULL, 0, 0 };
	char *mine[L__MAX];
	size_t errs;

	path = xasprintf("%s/templates/labels/en.yaml", template_datadir());
	template_labels_file(t, path);
	free(path);
	if (lang == NULL || strcmp(lang, "en") == 0)
		return;
	path = xasprintf("%s/templates/labels/%s.yaml", template_datadir(),
	    lang);
	m.file = diag_file(path);
	if (!template_file_exists(path)) {
		diag_error(NULL, "no labels for language \"%s\" (looked for "
		    "%s); add that file or use --lang en", lang, path);
		free(path);
		return;
	}
	/* read the language over English, then warn for what it lacks */
	for (i = 0; i < L__MAX; i++) {
		mine[i] = t->labels[i];
		t->labels[i] = NULL;
	}
	errs = diag_errors();
	template_labels_file(t, path);
	for (i = 0; i < L__MAX; i++) {
		if (t->labels[i] == NULL && mine[i] != NULL) {
			/* a list of letters is kept one a line */
			char *said = xstrdup(mine[i]), *nl = said;

			while ((nl = strchr(nl, '\n')) != NULL)
				*nl = ' ';
			/* one written wrong was said already */
			if (diag_errors() == errs)
				diag_warn(&m, "label \"%s\" is missing; using "
				    "the English \"%s\"", label_keys[i], said);
			free(said);
			t->labels[i] = mine[i];
		} else
			free(mine[i]);
	}
	free(path);
}

int
template_lang_rtl(const char *lang)
{
	static const char *const rtl[] = { "ar", "he", "fa", "ur", NULL };
	size_t i;

	for (i = 0; lang != NULL && rtl[i] != NULL; i++)
		if (strcmp(lang, rtl[i]) == 0)
			return 1;
	return 0;
}

struct template *
template_load(const char *spec, const char *lang)
{
	struct template *t;
	struct node *root;
	char *path;
	size_t errs = diag_errors(), i;

	if (strchr(spec, '/') != NULL || strstr(spec, ".yaml") != NULL)
		path = xstrdup(spec);
	else
		path = xasprintf("%s/templates/%s.yaml", template_datadir(),
		    spec);
	if (!template_file_exists(path)) {
		diag_error(NULL, "no template \"%s\" (looked for %s)", spec,
		    path);
		free(path);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->file = diag_file(path);
	t->name = xstrdup(spec);
	/* built-in defaults, so a template need only say what it changes */
	t->margin[0] = t->margin[1] = t->margin[2] = t->margin[3] = 54;
	t->font = xstrdup("Andika");
	t->size_body = 12;
	t->size_title = 18;
	t->size_heading = 14;
	t->size_small = 9;
	t->leading = 1.3;
	t->rule = 0.6;
	t->gap_problem = 14;
	t->gap_paragraph = 6;
	t->fields[0] = F_NAME;
	t->fields[1] = F_DATE;
	t->fields[2] = -1;
	t->space_short = 50;
	t->space_work = 144;
	t->line_pitch = 26;
	t->grid = 14;
	t->rtl = template_lang_rtl(lang);
	if ((root = yaml_load(path)) != NULL) {
		template_read(t, root, lang);
		node_free(root);
	}
	free(path);
	template_labels(t, lang);
	template_letters_split(t);
	for (i = 0; i < L__MAX; i++)
		if (t->labels[i] == NULL) {
			diag_error(NULL, "label \"%s\" is missing from "
			    "templates/labels/en.yaml", label_keys[i]);
			break;
		}
	if (diag_errors() > errs) {
		template_free(t);
		return NULL;
	}
	return t;
}

void
template_free(struct template *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < L__MAX; i++)
		free(t->labels[i]);
	free(t->name);
	free(t->font);
	textlist_free(&t->fallback);
	free(t);
}

/* The role names of every label file, read once: LABEL_NROLES names
 * per file (NULL where a file lacks one).  Kept until the program ends. */
static char	**role_names;
static size_t	  role_files;

/* Read the role names of templates/labels/ *.yaml, in file name order. */
static void
label_roles_read(void)
{
	char *dir = xasprintf("%s/templates/labels", template_datadir());
	char **files = NULL, *path;
	size_t nfiles = 0, cap = 0, i, k, len;
	const struct node *v;
	struct node *root;
	struct dirent *e;
	DIR *d;

	if ((d = opendir(dir)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			len = strlen(e->d_name);
			if (len <= 5 || strcmp(e->d_name + len - 5, ".yaml"))
				continue;
			xgrow((void **)&files, &cap, nfiles, sizeof(*files));
			files[nfiles++] = xstrdup(e->d_name);
		}
		closedir(d);
	}
	if (nfiles > 1)
		qsort(files, nfiles, sizeof(*files), template_name_cmp);
	role_names = xcalloc(nfiles * LABEL_NROLES + 1, sizeof(char *));
	for (i = 0; i < nfiles; i++) {
		path = xasprintf("%s/%s", dir, files[i]);
		if ((root = yaml_load(path)) != NULL && root->kind == NODE_MAP)
			for (k = 0; k < LABEL_NROLES; k++)
				if ((v = node_get(root, label_keys[
				    label_roles[k][0]])) != NULL &&
				    v->kind == NODE_SCALAR)
					role_names[i * LABEL_NROLES + k] =
					    xstrdup(v->value);
		node_free(root);
		free(path);
		free(files[i]);
	}
	role_files = nfiles;
	free(files);
	free(dir);
}

int
label_role_find(const char *name)
{
	size_t i;

	if (role_names == NULL)
		label_roles_read();
	for (i = 0; i < role_files * LABEL_NROLES; i++)
		if (role_names[i] != NULL && strcasecmp(role_names[i],
		    name) == 0)
			return (int)(i % LABEL_NROLES);
	return -1;
}

char *
label_fmt(const struct template *t, enum label l, const char *n,
    const char *total)
{
	const char *s = t->labels[l], *p;
	char *out;
	size_t len = 0, cap = strlen(s) + 64;

	out = xmalloc(cap);
	for (p = s; *p != '\0'; ) {
		const char *rep = NULL;
		size_t skip = 1, rl;

		if (strncmp(p, "{n}", 3) == 0 && n != NULL) {
			rep = n;
			skip = 3;
		} else if (strncmp(p, "{total}", 7) == 0 && total != NULL) {
			rep = total;
			skip = 7;
		}
		rl = rep ? strlen(rep) : 1;
		if (len + rl + 1 > cap) {
			cap = (len + rl + 1) * 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + len, rep ? rep : p, rl);
		len += rl;
		p += skip;
	}
	out[len] = '\0';
	return out;
}
