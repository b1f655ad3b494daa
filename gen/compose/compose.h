/*
 * compose.h - which blocks a document holds, in what order.
 *
 * A worksheet and its key differ only in the blocks compose() emits: the
 * key drops work space and adds answers, solutions and notes.  Layout walks
 * the blocks without knowing which document it is drawing (STYLE.md:
 * compose is data, not code paths).  Blocks borrow their texts from the set
 * and the template; a struct blocks owns only its array and footer.
 */
#ifndef MIMEO_COMPOSE_H
#define MIMEO_COMPOSE_H

#define DASH	"\xe2\x80\x94"	/* an em dash, between parts of a footer */

#include "discussion.h"
#include "field.h"
#include "footer.h"
#include "template.h"

/* The instance's types, opaque here: layout reads only the blocks. */
struct figure;
struct image;
struct instance;
struct pinst;

enum block_kind {
	BK_TITLE,	/* text: the title, centred, large and bold */
	BK_SUBTITLE,	/* label: e.g. "Answer Key", centred */
	BK_FIELDS,	/* the blanks at the top: fields[] */
	BK_TOTAL,	/* label: total points, right-aligned */
	BK_TEXT,	/* text: paragraphs (instructions, a passage) */
	BK_HEADING,	/* text: a section title, kept with what follows */
	BK_PROBLEM,	/* opens a problem kept whole: number, points, prompt */
	BK_COLUMNS,	/* columns: what follows flows in that many columns
			 * (2), or again across the page (1) */
	BK_PART,	/* a part of a problem in parts: part, label (its
			 * points); the part's blocks follow, then the next
			 * part or the problem's END.  A problem may break
			 * before a part but the first */
	BK_HINT,	/* label: a short italic direction under a prompt */
	BK_SPACE,	/* h points of empty work space */
	BK_ANSWER,	/* "Answer: ____"; with key, the answer on the line */
	BK_CHOICES,	/* lettered choices; with key, the right ones marked */
	BK_TRUEFALSE,	/* True / False; with key, the right one boxed */
	BK_MATCH,	/* two columns to connect; with key, letters filled */
	BK_ORDER,	/* items with boxes to number; with key, numbers */
	BK_LINES,	/* n ruled writing lines */
	BK_BOX,		/* an empty box h high; graph paper when grid */
	BK_KEYNOTE,	/* key only: label, then text or list, shaded */
	BK_TABLE,	/* key only: a caption and a ruled table */
	BK_FIGURES,	/* figs: figures drawn from numbers, side by side
			 * when they fit; key: with their key items */
	BK_END,		/* closes a problem */
	/* substitute packets (compose_packet.c, layout_packet.c) */
	BK_INFO,	/* label: a short gray line, centred */
	BK_BULLET,	/* text (or label): an item of a list, after a bullet;
			 * key: kept on the page of what follows */
	BK_STEP,	/* a plan step kept whole: tick box, label (its time),
			 * text (what to do), aside (what to read aloud) */
	BK_ROW,		/* a table row of cells[]; key: the header row */
	BK_WRITE,	/* label, then n ruled lines to write on (a form) */
	/* group-discussion packets (compose_discussion.c, layout_discussion.c) */
	BK_NEWPAGE,	/* what follows starts a new page; n = 1: that
			 * page and the ones after it turned (the long side
			 * across) up to the next BK_NEWPAGE */
	BK_FRAME,	/* label over text in a frame: the problem */
	BK_PHASE,	/* a step of the timed plan: phase, from (minute it
			 * starts), its words to read aloud in a box */
	BK_APPROACH,	/* anticipated approach n: approach, Ask: question */
	BK_TALLY,	/* group grid: apps down the side, n groups across */
	BK_MONITOR,	/* monitor: the kikan-shido sheet, a row a student */
	BK_LIST,	/* list: numbered texts */
	BK_BOARD,	/* board: the board plan, drawn as the board */
	BK_PANELS,	/* cells: labels of empty boxes side by side, h high
			 * (with grid: down to h above the page's foot) */
	BK_MEMBERS,	/* cells: name, role pairs, a row each (blank lines
			 * for empty names) */
	BK_PROMPT,	/* label, then n ruled lines to write on; with h,
			 * the room to keep below it for the box it
			 * introduces (see PANEL_MIN) */
	BK_STRIP,	/* strip: one page's answers in a column, each at
			 * its answer space's height; strips side by side,
			 * as many as fit a page (layout_strip.c) */
	BK_CARDS,	/* a row of n cut-out cards, a quarter page high:
			 * cells title, body, who per card; text: the body of
			 * every card instead (an exit ticket) */
	/* objects of a prompt, and the page (SPEC 8.1, 8.4) */
	BK_GRID,	/* tab: a ruled table (a prompt's, or the grade
			 * table); kept whole, in a problem with it */
	BK_IMAGE,	/* pi: the problem's picture, after its table */
	BK_WORDBANK,	/* words, spaced out in a box; label over them */
	BK_HINTCARD,	/* card: a hint to cut apart, full width */
	BK__MAX		/* not a kind: how many there are */
};

/* A cell of a printed table. */
struct gcell {
	const struct text *text;	/* borrowed, or &own; for a blank:
					 * its answer */
	struct text	 own;		/* a cell compose made (s owned) */
	int		 blank;		/* an empty cell to write in; the
					 * key prints text in it */
	int		 head;		/* a header: bold on a shade */
};

/* A table as printed (BK_GRID), orientation applied; owns its cells. */
struct grid {
	const struct text *caption;	/* borrowed; NULL: none */
	struct mark	 mark;		/* the table's, for one too wide */
	size_t		 nrows, ncols;
	struct gcell	*cells;		/* nrows * ncols, row by row */
	int		 key;		/* blanks show their answers */
	int		 turned;	/* orientation: columns */
	int		 split;		/* too wide for the line: in rows of
					 * columns, the first column repeated
					 * (the grade table) */
};

/* A hint card (BK_HINTCARD). */
struct hintcard {
	char		*label;		/* "Hint for problem 3 (1 of 2)",
					 * owned */
	const struct text *text;	/* the hint, borrowed */
};

/* A table of texts; row 0 is the header.  Owns its strings. */
struct table {
	char		*caption;
	size_t		 nrows, ncols;
	struct text	*cells;		/* nrows * ncols, row by row */
	int		 form;		/* a form to write in: the cells in
					 * ink at the small size, not answers */
	double		 row_h;		/* least height of a row but the
					 * header (room to write); 0: none */
	int		 pairs;		/* columns go in pairs of a label (in
					 * ink, as wide as the first) and an
					 * answer: Problem, Answer, Problem,
					 * Answer */
	int		 derived;	/* its texts are copies of texts laid
					 * out in the same document, which say
					 * their mistakes (a key's own answers):
					 * parsed with RP_DERIVED */
};

/* BK_ANSWER: "Answer: ____"; in a key, the answer on the line. */
struct answerline {
	const struct text *answer;	/* key: set on the line, borrowed;
					 * NULL: the line to write on */
};

/* BK_TRUEFALSE: the words True and False side by side. */
struct truefalse {
	int		 boxed;		/* key: 1 True, 2 False is boxed as
					 * right; 0 none (a worksheet) */
};

/* BK_ORDER: items with a box each to number them, in printed order. */
struct ordering {
	const struct text **items;	/* n, borrowed; the array owned */
	int		*place;		/* key: each item's place in the
					 * right order, from 1, printed in
					 * its box; NULL: empty boxes; owned */
	size_t		 n;
};

/* BK_CHOICES: lettered choices, in printed order (A, B, C ...). */
struct choicelist {
	const struct text **choices;	/* n, borrowed; the array owned */
	const struct text **feedback;	/* key: each choice's feedback
					 * (NULL entries: none), borrowed;
					 * NULL: none shown; array owned */
	unsigned char	*right;		/* key: 1 for a right choice, marked;
					 * NULL: none marked (a worksheet);
					 * owned */
	int		 multi;		/* select all that apply: a box to
					 * tick before each letter */
	int		 columns;	/* as the teacher asked; 0: as many
					 * as fit */
	size_t		 n;
};

/* BK_MATCH: two columns to connect, in printed order: numbered items on
 * the left, lettered ones (pairs and distractors, shuffled) on the right. */
struct matching {
	const struct text **left;	/* nleft, borrowed; array owned */
	const struct text **right;	/* nright, borrowed; array owned */
	size_t		 nleft, nright;
	int		*match;		/* key: for each left item, the row of
					 * its match on the right (its letter);
					 * NULL: blank lines; owned */
};

/* BK_PROBLEM (u.prompt), BK_PART (u.part->prompt): the prompt set after
 * the number and points. */
struct prompt {
	const struct text *text;	/* borrowed; NULL: none */
	int		 number;	/* the problem's, as printed */
	const struct textlist *blanks;	/* a fill-in-the-blank prompt: the
					 * answer of each ___ (its room; a
					 * key prints it), borrowed; NULL:
					 * ___ is three underscores */
	int		 key;		/* the blanks show their answers */
};

/* BK_IMAGE: a problem's picture, under its prompt. */
struct picture {
	struct image	*image;		/* borrowed (image.h): the doc takes
					 * its own reference */
	double		 width;		/* in points; 0: see share */
	double		 share;		/* % of the text column; 0: its
					 * natural size */
	struct mark	 mark;		/* its problem's, for one too wide */
	int		 number;	/* its problem's, as printed */
};

/* A problem or a part as layout knows it: for its messages, and to say
 * whose answer space an anchor is.  Compose fills it from the instance. */
struct probref {
	size_t		 nth;		/* the problem's place in printed order
					 * (instance_nth()) */
	int		 part;		/* 1 for (a), 2 for (b) ...; 0: the
					 * problem */
	int		 number;	/* the problem's, as printed */
	struct mark	 mark;		/* where it is written */
	int		 image;		/* it has a picture */
};

/* A part (a), (b) ... of a problem in parts. */
struct parthead {
	struct probref	 prob;		/* the part */
	struct prompt	*prompt;	/* its letter's prompt, owned */
	char		 letter;	/* 'a', 'b' ...: its name in messages */
	char		*mark;		/* as printed, in the set's language:
					 * "(a)", "(ب)"; owned */
	int		 first;		/* (a): kept with the stem */
	char		*continued;	/* "4 (continued)", printed over it
					 * when it starts a page; owned */
};

/* The least height of an empty box to work in (2 in): a box with less
 * room on its page goes to the next page. */
#define PANEL_MIN	144.0

/* BK_MONITOR: one row per student (names, else nrows numbered rows), a
 * column per anticipated approach, then Other, Stuck, Note, Share #. */
struct monitor {
	const char	*const *names;	/* borrowed; NULL: numbered rows */
	size_t		 nrows;
	const struct approach *apps;	/* borrowed */
	size_t		 napps;
};

/* BK_BOARD: the board, left to right: date, lesson question, problem,
 * predictions; the approaches in the order discussed, each with the
 * question that leads to the next; the summary at the right end.  All
 * borrowed; NULL texts are left out. */
/* Approaches a board plan holds on an upright page; with more, its page
 * is turned. */
#define BOARD_UPRIGHT_MAX	3

struct boardplan {
	const struct text *question;
	const struct text *problem;
	const struct text *predict;
	const struct approach *apps;
	size_t		 napps;
	const struct text *summary;
};

struct block {
	enum block_kind	 kind;
	const struct text *text;	/* borrowed; TITLE, HEADING: when NULL,
					 * label is printed instead */
	char		*label;		/* owned */
	struct probref	 prob;		/* PROBLEM, END */
	double		 h;		/* SPACE, BOX */
	int		 n;		/* LINES: count */
	int		 grid;		/* BOX */
	int		 key;		/* show answers */
	int		 fields[F__MAX];/* FIELDS; -1 ends */
	const char	*filled[F__MAX];/* FIELDS: printed in the blank
					 * (borrowed, or label) */
	char		 version[2];	/* FIELDS: the version's letter, boxed
					 * at the end of the row; "" for none */
	int		 from;		/* PHASE: minute it starts */
	const struct approach *apps;	/* APPROACH (one), TALLY, BOARD */
	size_t		 napps;
	char		**cells;	/* ROW, PANELS, MEMBERS, CARDS: owned, each
					 * owned; NULL entries ok */
	size_t		 ncells;
	/* the kind's own payload: the kind is the tag (a new kind adds a
	 * member here and a function to lay_acts[]) */
	union {
		struct prompt	*prompt;	/* PROBLEM, owned */
		struct parthead	*part;		/* PART, owned */
		struct answerline *answer;	/* ANSWER, owned */
		struct truefalse *tf;		/* TRUEFALSE, owned */
		struct ordering	*order;		/* ORDER, owned */
		struct choicelist *choices;	/* CHOICES, owned */
		struct matching	*match;		/* MATCH, owned */
		struct picture	*picture;	/* IMAGE, owned */
		struct grid	*tab;		/* GRID, owned */
		struct hintcard	*card;		/* HINTCARD, owned */
		struct strip	*strip;		/* STRIP, owned */
		struct table	*table;		/* TABLE, owned */
		const struct monitor *monitor;	/* MONITOR, owned by the
						 * dpacket */
		const struct boardplan *board;	/* BOARD, owned by the
						 * dpacket */
		const struct textlist *words;	/* WORDBANK, borrowed */
		const struct textlist *list;	/* KEYNOTE: rubric items; LIST:
						 * its texts; borrowed */
		const struct text *aside;	/* STEP: read aloud; borrowed */
		const struct phase *phase;	/* PHASE, borrowed */
	} u;
	int		 columns;	/* COLUMNS: 1 or 2 */
	int		 stretch;	/* SPACE, LINES, BOX: a work space that
					 * layout may grow to fill its page or
					 * shrink to fit the set in its pages
					 * (layout_spot()) */
	const struct figure *figs;	/* FIGURES: borrowed (figure.h) */
	size_t		 nfigs;
};

/*
 * Where an answer space landed on a worksheet's page, written by layout
 * as it draws one (layout_anchored()), for the key's answer strips: a
 * short answer's line, a choice's first row, a true/false row, each blank,
 * each row of a match or order problem, each blank cell of a table.  A problem with none of these (open,
 * work, or a kind of answer space that records none) has one at its first
 * line.  In the order drawn, which is the order of the pages.
 */
struct anchor {
	size_t		 nth;		/* whose: the problem (probref) */
	int		 part;		/* and its part, 0: none */
	int		 sub;		/* -1: the problem's answer; else
					 * blank, match row or order row */
	const struct text *answer;	/* what goes there, when the answer
					 * space knows it (a table's blank
					 * cell); borrowed; else NULL */
	size_t		 page;		/* 0-based */
	double		 y;		/* baseline, from the page's top */
};

struct anchors {
	struct anchor	*v;
	size_t		 n, cap;
};

/* One answer of an answer strip, at the height y of its answer space. */
struct stripline {
	double		 y;		/* baseline, from the page's top */
	char		*number;	/* "3." before the problem's first,
					 * owned; NULL for the next ones */
	struct text	 answer;	/* owned text, the problem's mark */
};

/* BK_STRIP: the answers of one page of a student's copy, in a column. */
struct strip {
	char		*head;		/* "Version A · Page 2", owned */
	int		 hint;		/* how to use them over the page it
					 * starts (not in a packet, whose
					 * band is there) */
	struct stripline *v;
	size_t		 n;
};

struct blocks {
	struct block	*v;
	size_t		 n, cap;
	struct footer	 footer;	/* left footer, in its parts (footer.h):
					 * layout cuts only the title (a name
					 * last) to keep it to one line */
	char		*banner;	/* top of every page (teacher only), owned */
	int		 landscape;	/* pages turned: the long side across */
	int		 fit_pages;	/* > 0: at most this many pages, work
					 * spaces shrunk to fit (pages:) */
	struct mark	 fit_mark;	/* where fit_pages was asked for */
	struct rtexts	*texts;		/* its texts parsed once, borrowed
					 * (the build's, shared by its
					 * documents); NULL: layout parses
					 * them for itself */
};

enum doc_kind { DOC_WORKSHEET, DOC_KEY };

struct packet;
struct roster;

/* One line of a packet's print list. */
struct printitem {
	const char	*what;		/* "Answer Key: Fractions"; borrowed */
	size_t		 first, last;	/* pages of the packet, 1-based */
	long		 copies;	/* 0: as many as needed */
	int		 early;		/* the early-finisher page */
};

/* Who a copy is for: printed in the name and period fields. */
struct copyfor {
	const char	*name;		/* NULL: an unnamed copy */
	const char	*period;	/* NULL: not given */
};

/* Compose the blocks of a document; who may be NULL.  Never fails. */
struct blocks	*compose(const struct instance *, const struct template *,
		    enum doc_kind, const struct copyfor *who);
/* Write who's name and period (none when who is NULL) in the fields at
 * the top of b, as compose() does; returns that block, NULL if none.  A
 * period with no field of its own goes in the class field ("Period 2"),
 * else after the name ("Ana López · Period 2"). */
struct block	*compose_fill(struct blocks *b, const struct template *t,
		    const struct copyfor *who);
void		 blocks_free(struct blocks *);
/* Push the figures of a problem, a stem or instructions (none: nothing);
 * key draws their key items. */
void		 compose_figures(struct blocks *, const struct figure *figs,
		    size_t n, int key);
/* Append a zeroed block of kind k; valid until the next push. */
struct block	*blocks_push(struct blocks *, enum block_kind k);

/* A packet's pages of its own (compose_packet.c).  The cover: title, the
 * notes for the substitute, the print list of items[0..n) (with a word on
 * printing double-sided when duplex), the plan as a timed checklist with
 * read-aloud boxes.  Never fail. */
struct blocks	*compose_cover(const struct packet *, const struct template *,
		    const struct printitem *items, size_t n, int duplex);
/* The print list: a heading, the hints (with one on printing
 * double-sided when duplex), a row per item. */
void		 compose_print_list(struct blocks *, const struct template *,
		    const struct printitem *items, size_t n, int duplex);
/* The student page for early finishers (the packet has early_finishers). */
struct blocks	*compose_early(const struct packet *, const struct template *);
/* The substitute's report form, with lines to write on. */
struct blocks	*compose_report(const struct packet *,
		    const struct template *);

/* What the key's first pages summarise when a set is printed in several
 * versions: the instances (one per version, or one per student), and with
 * a roster who got which. */
struct keyplan {
	struct instance	*const *ins;
	size_t		 nins;
	const char	*const *names;	/* students in roster order, or NULL */
	const size_t	*which;		/* each student's instance */
	size_t		 nnames;
	const struct roster *r;		/* the names' periods, or NULL */
	int		 per_student;	/* ins[i] is names[i]'s own draw */
	/* per_student with worked keys after the tables (--key full), a
	 * worked key per different draw: instance i's is draw[i] (0-based),
	 * and worked key k starts on page keypage[k] (1-based) of the key.
	 * keypage NULL: the key is the tables only. */
	const size_t	*draw;
	const size_t	*keypage;
};

/* A prompt's table as printed, its blanks filled when key (BK_GRID). */
void		 compose_grid(struct blocks *, const struct ptable *, int key);
/* Hint cards to cut apart: one BK_HINTCARD per hint of hints (borrowed),
 * each labelled label ("Hint for problem 3"), with "(1 of 2)" after it
 * when there are several.  A problem's hints: after the key (compose());
 * a discussion's hints: in its packet.  Never fails. */
void		 compose_hint_cards(struct blocks *, const struct template *,
		    const char *label, const struct textlist *hints);
/* A word bank (BK_WORDBANK) of words; nothing when it is empty. */
void		 compose_word_bank(struct blocks *, const struct template *,
		    const struct textlist *words);
/* The blanks of a prompt's table in reading order, joined ("90, 135"),
 * or NULL when it has none (fresh string). */
char		*compose_table_answer(const struct ptable *,
		    const struct template *);

/* The answer tables: every answer of every version (rows = problems,
 * columns = versions), or of every student (rows = students), and who
 * has which version.  Never fails. */
struct blocks	*compose_answer_tables(const struct keyplan *,
		    const struct template *);
/* A table of nrows by ncols empty cells (caption owned, or NULL). */
struct table	*table_new(size_t nrows, size_t ncols, char *caption);
/* Set cell (r, c) of tb to the owned text at m. */
void		 table_cell(struct table *tb, size_t r, size_t c, char *owned,
		    const struct mark *m);
/* A roster's words as a text: markup characters escaped (fresh). */
char		*compose_escape(const char *s);
/* The n-th problem (0-based) of an instance in printed order, or NULL. */
const struct pinst *instance_nth(const struct instance *in, size_t n);

/* The class marking grid (compose_tally.c): students of kp (in roster
 * order; 30 numbered rows without names) down the side, the problems
 * across with their points, a total column; then the item analysis, a
 * grid of choice and multi problems by choice, each wrong choice with
 * its feedback, one per version.  On landscape pages when landscape is
 * set (fewer problems to a page's width without).  Never fails. */
struct blocks	*compose_tally(const struct keyplan *kp,
		    const struct template *t, int landscape);

/* The compact answer of one problem as printed in its instance: "B",
 * "A, C", "True", the short answer, the blanks ... (fresh string). */
char		*compose_answer(const struct pinst *, const struct template *);

/* Answer strips (compose_strips.c): of each copy in[i] (a version, or a
 * student's own draw) laid out as anchors[i] says on npages[i] pages, a
 * strip per page with answers; in the order given; with hint, how to use
 * them over each page.  Never fails. */
struct blocks	*compose_strips(struct instance *const *in,
		    const struct anchors *anchors, const size_t *npages,
		    size_t n, const struct template *t, int hint);
void		 anchors_free(struct anchors *);
void		 strip_free(struct strip *);

#endif
