/*
 * template.h - page templates (templates/NAME.yaml) and printed labels
 * (templates/labels/LANG.yaml), SPEC section 6.  Everything mimeo prints
 * that the teacher did not write comes from here, so the look and the
 * language change without touching C.
 */
#ifndef MIMEO_TEMPLATE_H
#define MIMEO_TEMPLATE_H

struct node;

#include "schema.h"
#include "field.h"
#include "paper.h"

enum label {
	L_NAME, L_DATE, L_PERIOD, L_CLASS, L_SCORE, L_PAGE, L_ANSWER_KEY,
	L_ANSWER, L_TRUE, L_FALSE, L_POINT, L_POINTS, L_TOTAL, L_SELECT_ALL,
	L_SOLUTION, L_RUBRIC, L_MODEL_ANSWER, L_NOTES, L_MATCH_HINT,
	L_ORDER_HINT, L_BLANK_PAGE, L_COPY,
	L_VERSION, L_BY_VERSION, L_BY_STUDENT, L_WHO_GOT, L_PROBLEM_COL,
	L_STUDENT_COL, L_VERSION_COL, L_VERSIONS,
	L_PRINT_DUPLEX, L_PER_PAGE,
	/* substitute packets */
	L_SUB_PLAN, L_MINUTES, L_MIN, L_BEFORE_CLASS, L_THE_PLAN, L_READ_ALOUD,
	L_PRINT_LIST, L_PRINT_HINT, L_DOCUMENT, L_PAGES, L_COPIES, L_AS_NEEDED,
	L_WORKSHEET, L_TEACHER_COPY, L_PACKET_PAGE, L_EARLY, L_REPORT,
	L_REPORT_WHO, L_REPORT_ABSENT, L_REPORT_DONE, L_REPORT_HELPED,
	L_REPORT_STRUGGLED, L_REPORT_NOTES, L_HOW_TO, L_EARLY_PAGE,
	L_EARLY_GIVE,
	L_TEACHER_ONLY, L_DISCUSSION, L_GOAL, L_PLAN, L_SAY,
	L_ANTICIPATE, L_MISCONCEPTION, L_ASK, L_MONITOR, L_MONITOR_HINT,
	L_GROUP, L_OTHER, L_QUESTIONS, L_BOARD, L_BOARD_HINT, L_PRESENTED_BY,
	L_SYNTHESIS, L_GROUPS, L_GROUPS_HINT, L_INDIVIDUAL, L_PROBLEM,
	L_FIRST_TRY, L_NOTICE, L_WONDER, L_GROUP_SHEET, L_ROLE, L_ALIKE,
	L_DIFFERENT, L_WHICH, L_PRESENT, L_ROLE_CARDS, L_CUT_HINT,
	L_EXIT_TICKET, L_EXIT_DEFAULT, L_FACILITATOR, L_FACILITATOR_JOB,
	L_RECORDER, L_RECORDER_JOB, L_SKEPTIC, L_SKEPTIC_JOB, L_REPORTER,
	L_REPORTER_JOB, L_PHASE_LAUNCH, L_PHASE_LAUNCH_SAY, L_PHASE_SOLO,
	L_PHASE_SOLO_SAY, L_PHASE_GROUPS, L_PHASE_GROUPS_SAY, L_PHASE_SHARE,
	L_PHASE_SHARE_SAY, L_PHASE_REFLECT, L_PHASE_REFLECT_SAY,
	L_GUIDE, L_QUESTIONER, L_QUESTIONER_JOB, L_CHECKER, L_CHECKER_JOB,
	L_TIMEKEEPER, L_TIMEKEEPER_JOB, L_ENCOURAGER, L_ENCOURAGER_JOB,
	L_CO_ROLE, L_LARGE_PRINT, L_JOB_BLANK,
	/* tables, word banks, hint cards, the grade table (SPEC 8.1, 8.4) */
	L_BONUS, L_BONUS_POINT, L_BONUS_POINTS, L_BONUS_COL, L_WORD_BANK, L_HINT_CARDS, L_HINT_FOR, L_HINT_OF,
	L_POINTS_COL, L_SCORE_COL, L_TOTAL_COL, L_TABLE_ANSWER,
	/* marking: answer tables, strips, the tally grid */
	L_ANSWERS, L_ANSWER_COL, L_STRIPS, L_STRIP_PAGE, L_STRIP_HINT, L_TALLY,
	L_TALLY_HINT, L_ITEMS, L_ITEMS_HINT, L_RIGHT_CHOICE, L_PTS,
	L_ITEMS_WRITTEN,
	/* a key per student (--versions per-student, --key full) */
	L_WORKED_KEY, L_WORKED_COL, L_WORKED_AT, L_KEY_TABLE_ONLY,
	L_KEY_WORKED_NOTE,
	/* structured lessons (SPEC 9) */
	L_PHASE_SUMMARY, L_PHASE_SUMMARY_SAY, L_PHASE_EXIT, L_PHASE_EXIT_SAY,
	L_PHASE_SHARE_SAY_GROUP, L_LESSON_QUESTION, L_PREDICT,
	L_PREDICT_BOARD, L_MY_PREDICTION, L_LEARNED, L_CLASS_WAYS, L_WRITE_BOARD, L_SOLO_DO,
	L_SOLO_DO_TEXT, L_GROUPS_DO_TEXT, L_MONITOR_SHEET,
	L_MONITOR_SHEET_HINT, L_COL_STUDENT, L_COL_OTHER, L_COL_STUCK,
	L_COL_NOTE, L_COL_ORDER, L_EXPECTED, L_LOOK_FOR, L_HINT, L_EXTENSION,
	L_DISC_HINT_CARDS, L_DISC_HINT_CARDS_HINT, L_GROUP_CARDS, L_GROUP_CARDS_HINT,
	L_GROUP_CARD_BODY, L_MEMBERS, L_RANDOM_GROUPS, L_BOARD_DATE,
	L_BOARD_PREDICTIONS, L_BOARD_NEXT, L_BOARD_OPEN, L_PRINT_CLASS,
	L_FOR_GROUPS, L_HELP_CONTACT, L_AT_THE_BELL, L_WHO_IS,
	L_DECIMAL,	/* the decimal separator dec() prints: "." or "," */
	L_CONTINUED,	/* over the rest of a problem in parts on a new page */
	/* a figure read aloud (layout_figure.c) */
	L_FIG_NUMBERLINE, L_FIG_DOUBLE_TOP, L_FIG_DOUBLE_BOTTOM,
	L_FIG_FROM_TO, L_FIG_STEPS, L_FIG_BOXES,
	L_FIG_JUMP, L_FIG_POINT, L_FIG_PLANE,
	L_FIG_LINE, L_FIG_SEGMENT, L_FIG_POLYGON,
	L_FIG_BAR, L_FIG_CIRCLE, L_FIG_GRID,
	L_FIG_PARTS_SHADED, L_FIG_TAPE, L_FIG_PARTS,
	L_FIG_TOTAL, L_FIG_ARRAY, L_FIG_GROUPS,
	L_FIG_CLOCK, L_FIG_CLOCK_FACE, L_FIG_HANDS,
	L_FIG_TRIANGLE, L_FIG_RECTANGLE, L_FIG_SIDE,
	L_FIG_RIGHT_ANGLE, L_FIG_ANGLE, L_FIG_BARS,
	L_FIG_DOTS, L_FIG_VALUES, L_FIG_COLUMNS,
	L_FIG_DIVISION,
	/* a worksheet's figure read without what the student finds */
	L_FIG_POINT_MARK, L_FIG_JUMPS, L_FIG_CLOCK_HANDS, L_FIG_PARTS_SOME,
	/* letters and lists as the language prints them */
	L_CHOICE_MARK,	/* a choice's letter: "{n}." A. / "{n})" أ) */
	L_PART_MARK,	/* a part's letter: "({n})" (a) */
	L_LIST_SEP,	/* between answers: "; " / "؛ " */
	L_LIST_COMMA,	/* between letters or names: ", " / "، " / "、" */
	L_CHOICE_LETTERS, L_PART_LETTERS, /* lists, see label_letter() */
	L__MAX
};

/* The letters a label file must give in choice_letters and part_letters:
 * a match's right column and a problem's parts letter up to 26 items. */
#define LABEL_LETTERS	26

/* Which list of letters label_letter() takes from. */
enum letters {
	LT_CHOICE,	/* choices, a match's right column, the tally's */
	LT_PART		/* a problem's parts */
};

struct template {
	const char	*file;		/* where it was read from (for marks) */
	char		*name;
	enum paper	 paper;		/* PAPER_UNSET: not given */
	int		 rtl;		/* the labels' language is written
					 * right to left (ar, he, fa, ur):
					 * pages are laid out mirrored */
	double		 margin[4];	/* top, right, bottom, left, in pt */
	char		*font;		/* body family, for fontconfig */
	struct textlist	 fallback;	/* families tried for missing glyphs */
	double		 size_body, size_title, size_heading, size_small;
	double		 leading;	/* line height as a multiple of size */
	double		 rule;		/* width of ruled lines and boxes, pt */
	double		 gap_problem;	/* space between problems, pt */
	double		 gap_paragraph;
	int		 fields[F__MAX];/* default fields; -1 ends */
	double		 space_short;	/* default work space for short, pt */
	double		 space_work;	/* default box height for work, pt */
	double		 line_pitch;	/* distance of ruled lines, pt */
	double		 grid;		/* graph-paper square, pt */
	char		*labels[L__MAX];
	/* choice_letters and part_letters, split: LABEL_LETTERS each,
	 * pointing into labels[L_CHOICE_LETTERS] and [L_PART_LETTERS] */
	const char	*letters[2][LABEL_LETTERS];
};

/* The folder that holds templates/: $MIMEO_DATA, else the executable's
 * own folder, EXE/../share/mimeo or the compiled-in $(PREFIX)/share/mimeo
 * (template.c says in which order).  Not owned by the caller. */
const char	*template_datadir(void);
/* 1 when the language lang (ar, he, fa, ur) is written right to left. */
int		 template_lang_rtl(const char *lang);
/* 1 when templates/labels/LANG.yaml exists (or lang is "en"). */
int		 template_has_labels(const char *lang);
/* A language code in lower case, in place ("ES": es). */
void		 template_lang_fold(char *lang);
/* A set's or packet's "language:" into *lang (new string, lower case);
 * reports one with no labels.  Returns 0, or -1 (reported). */
int		 template_language(const struct node *, char **lang);

/* Load template name_or_path (a name looked up in templates/, or a path to
 * a .yaml file) and the labels for lang, falling back to English label by
 * label with a warning.  Returns NULL after reporting when it cannot. */
struct template	*template_load(const char *name_or_path, const char *lang);
void		 template_free(struct template *);

/* The roles the labels name, each {name, job}: the four default roles
 * (Facilitator, Recorder, Skeptic, Reporter), then the four a group
 * larger than its role list adds (Questioner, Checker, Timekeeper,
 * Encourager), in that order. */
#define LABEL_NROLES		8
#define LABEL_NDEFAULT_ROLES	4
extern const enum label label_roles[LABEL_NROLES][2];

/* Which of label_roles name is, in any language of templates/labels/
 * (ignoring case: "recorder", "Secretario"): its index, or -1 for a role
 * no label file names.  The label files are read on the first call; one
 * that cannot be read is reported (and names no role). */
int		 label_role_find(const char *name);

/* The i-th letter (from 0, below LABEL_LETTERS) of the language's list:
 * "A", "أ", "א", "क" for LT_CHOICE; "a", "أ" for LT_PART.  Borrowed. */
const char	*label_letter(const struct template *, enum letters, size_t i);
/* That letter in its mark (L_CHOICE_MARK, L_PART_MARK): "A.", "(a)",
 * "أ)"; freshly allocated. */
char		*label_lettered(const struct template *, enum letters,
		    size_t i);

/* Which of the choice letters templates/labels/LANG.yaml prints s is
 * (from 0), for a message; -1 when none, or lang is NULL or "en".  Reads
 * the file each time (reported if wrong). */
int		 label_letter_find(const char *lang, const char *s);

/* A label with {n} and {total} replaced; freshly allocated. */
char		*label_fmt(const struct template *, enum label, const char *n,
		    const char *total);

#endif
