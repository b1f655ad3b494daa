/*
 * layout_int.h - what the layout files share; not for other stages.
 *
 * layout.c is the engine (strips, pages, setting text, footers);
 * layout_problem.c draws the blocks of problems and fields, and
 * layout_discussion.c those of discussion packets.  They all draw
 * into struct lay's strip with the primitives declared here.
 */
#ifndef MIMEO_LAYOUT_INT_H
#define MIMEO_LAYOUT_INT_H

#include "amath_layout.h"
#include "layout_metrics.h"
#include "layout.h"
#include "text.h"

#define EPS	0.01
#define MATH_PAD	0.12	/* em kept clear above and below math in a
				 * line that grows for it */
#define INK_PAD		0.06	/* em kept clear above and below letters
				 * taller than their line (lay_line_room) */
#define INK_SLACK	0.25	/* em letters may reach into the space
				 * between lines (Vietnamese capitals:
				 * 0.19) before their line grows */

static const struct color ink = { 0, 0, 0 };
static const struct color key_ink = { 0.70, 0.05, 0.05 };
static const struct color gray = { 0.40, 0.40, 0.40 };
static const struct color light = { 0.75, 0.75, 0.75 };
static const struct color shade = { 0.93, 0.93, 0.93 };

/* What ends after a word: nothing, its line (forced), or its paragraph. */
enum word_end { END_NONE, END_LINE, END_PARA };

/* One measured piece of a word: text in one face, a blank, or math. */
struct piece {
	int		 face;		/* -1 for a blank or math */
	double		 w;
	char		*s;		/* owned */
	int		 blank;		/* index of the blank */
	struct mbox	*math;		/* a math span's box, owned; or NULL */
	double		 h, d;		/* math, or a blank filled with math:
					 * height above and depth below the
					 * baseline (0 for plain text) */
	struct fglyph	*g;		/* text shaped by HarfBuzz (Devanagari
					 * ...): its glyphs, owned, drawn one
					 * by one; NULL: a glyph per character
					 * of s */
	size_t		 ng;
	int		 inline_glyphs;	/* g: in the order of its characters,
					 * each read back through its font's
					 * ToUnicode (a ligature): no span */
	int		 kerned;	/* text: its last glyph is kerned (w
					 * is not its characters' advances),
					 * so what follows starts a new item */
	double		 rise, sink;	/* text, or a blank filled with text:
					 * how far its glyphs' ink reaches
					 * above and below the baseline
					 * (lay_piece_ink) */
};

struct word {
	struct piece	*p;
	size_t		 n;
	double		 w;
	double		 space;		/* width of the space after it */
	enum word_end	 end;		/* what ends after it */
	int		 cut;		/* a long word cut here: no space */
};

struct words {
	struct word	*v;
	size_t		 n, cap;
};

/* How to set a text: size, style, colour, and the blanks' widths. */
struct tstyle {
	double		 size;
	int		 style;		/* ST_BOLD | ST_ITALIC */
	struct color	 color;
	const double	*blank_w;	/* width of each blank, or NULL */
	const struct rich *const *blank_fill; /* key: text set in each
					 * blank */
	size_t		 nblanks;
};

/* How far down a page is filled: across it, and in each of two columns
 * when they go on to the next page (cols set; else they are not filled:
 * what follows them on the page is). */
struct pageend {
	double		 y;
	double		 col[2];
	int		 cols;
};

/* A strip placed in column 0: its items on the page, where it went. */
struct colstrip {
	size_t		 first;		/* its first item on the page */
	size_t		 anchor;	/* its first answer anchor */
	double		 y, h;
};

struct lay {
	const struct template *t;
	struct fonts	*fs;
	struct doc	*doc;
	double		 left, right, top, bottom;
	int		 turned;	/* the pages being made are turned
					 * (page.turned): right and bottom are
					 * those of the turned paper */
	double		 y;		/* cursor on the current page */
	struct page	*page;
	struct page	 strip;		/* being drawn; y relative */
	double		 sy;		/* cursor in the strip */
	int		 in_problem;
	const struct probref *problem;	/* the problem being set */
	struct page	 pending;	/* a heading waiting for its follower */
	double		 pending_h;
	int		 failed;
	const struct mark *mark;	/* the text being set, for messages */
	double		 lh;		/* body line height */
	double		 drop;		/* set by lay_rich(): how much lower
					 * than usual its first line's baseline
					 * is, to make room for tall math; what
					 * is drawn beside that line moves down
					 * as much (lay_shift) */
	double		 overhang;	/* set by lay_rich(): how far the
					 * letters of its last line reach below
					 * where it leaves the cursor (INK_SLACK
					 * lets them), 0 if they do not */
	double		 indent;	/* prompt indent after the number */
	double		 placed;	/* where lay_place() put the last strip */
	struct fieldspot *spot;		/* layout_spot(): where the fields go */
	int		 parse;		/* rich_parse() flags of the language:
					 * RP_DECIMAL_COMMA */
	struct rtexts	*texts;		/* the document's texts, parsed once
					 * (the build's, or the layout's own) */
	int		*font_said;	/* of the text being set: see struct
					 * rich; or NULL */
	int		*plain_said;	/* font_said of the plain words set:
					 * a footer's repeat texts said where
					 * they are written (the title); NULL:
					 * said here */
	const struct text *text;	/* of the words being made, or NULL:
					 * for where a character is (mark) */
	int		 in_cell;	/* in a table's cell: math wider than
					 * it runs into the next (answer
					 * tables are the teacher's, and an
					 * error would stop the key) */
	struct anchors	*anchors;	/* layout_anchored(): answer spaces */
	size_t		 anchor_from;	/* anchors still in the strip */
	int		 strip_col;	/* BK_STRIP: columns used on the page */
	const struct block *row_head;	/* the print list's header row, to
					 * repeat over a row on a new page */
	const struct parthead *part;	/* the part being drawn, or NULL */
	/* two columns (columns: 2): strips are drawn at column 0's place
	 * and moved across when they go in column 1 */
	int		 ncols;		/* 2 in columns, else 0 */
	int		 col;		/* the column being filled: 0, 1 */
	double		 col_top;	/* where the columns start on the page */
	double		 col0_end;	/* how far down column 0 went */
	double		 col_dx;	/* column 1's x from column 0's */
	double		 full_right;	/* right before the columns */
	struct colstrip	*cs;		/* the strips placed in column 0 of
					 * this page, to balance the columns
					 * where they end */
	size_t		 ncs, cscap;
	/* filling pages (layout.c): what a pass of layout records */
	const double	*scale;		/* per block: how much of its work
					 * space a stretch block takes (1 its
					 * own); NULL: all 1 */
	size_t		 bi;		/* the block being drawn */
	size_t		 unplaced;	/* the first block not yet placed */
	size_t		*bpage;		/* per block: the page it went on;
					 * NULL: not recorded */
	int		*bcol;		/* per block: 0 across the page, 1 in
					 * column 0, 2 in column 1 */
	struct pageend	*page_end;	/* per page: how far down it is */
	size_t		 npage_end, page_end_cap;
	double		 part_left;	/* left before parts were indented */
	int		 rtl;		/* the template's language is written
					 * right to left: each line is ordered
					 * by FriBidi from the right, and the
					 * page mirrored as it is placed
					 * (lay_move) */
};

enum align { AL_LEFT, AL_CENTER, AL_RIGHT };

/* Engine (layout.c). */
/* Start L on d: template, fonts, the page's margins; nothing placed. */
void lay_begin(struct lay *L, struct doc *d, const struct template *t,
    struct fonts *fs);
struct item *lay_text_item(struct lay *L, double x, double y, int face,
    double size, struct color c, const char *s, size_t len);
/* On a right-to-left page: the strip's items [from, end) are one drawing,
 * x0 to x1, that keeps its left-to-right inside when the page is mirrored
 * (a figure; math). */
void lay_unit(struct lay *L, size_t from, double x0, double x1);
struct item *lay_line(struct lay *L, double x, double y, double x2, double y2,
    double w, struct color c, int dash);
struct item *lay_rect(struct lay *L, double x, double y, double w, double h,
    double width, struct color c);
/* The rich_parse() flags of t's language: how it reads math (1,5 in
 * Spanish). */
int lay_parse_flags(const struct template *t);
/* t parsed once (RP_BLANKS when blanks) as L's language reads math;
 * wrong set when it is (said the first time).  Never NULL. */
const struct rich *lay_parsed(struct lay *L, const struct text *t,
    int blanks);
/* 1 when a mistake of layout at m (not of a text's characters) is to be
 * said: the first time in the build (rtexts_first_at()). */
int lay_first_at(struct lay *L, const struct mark *m);
/* Into r (zeroed): label's plain words in style, a space, then the atoms
 * of text, borrowed, as one paragraph.  Returns the atoms r owns, for
 * lay_prefixed_free(). */
size_t lay_prefixed(struct rich *r, const char *label, int style,
    const struct rich *text);
void lay_prefixed_free(struct rich *r, size_t own);
void lay_strip_clear(struct page *p);
void lay_shift(struct lay *L, size_t from, size_t to, double dy);
void lay_new_page(struct lay *L);
void lay_move(struct page *dst, struct page *src, double dy, struct lay *L,
    int to_doc);
int lay_place(struct lay *L, double h, double gap);
/* Nonzero if lay_place(L, h, gap) (no heading waiting) would start a new
 * page for the strip. */
int lay_breaks(const struct lay *L, double h, double gap);
double lay_space(struct lay *L, int face, double size);
double lay_lh(struct lay *L, double size);
double lay_base(struct lay *L, double size);
void lay_line_room(struct lay *L, double size, double rise, double sink,
    double *above, double *below);
double lay_rich(struct lay *L, const struct rich *r, const struct tstyle *ts,
    double x, double width, enum align al, int flow);
int lay_text(struct lay *L, const struct text *t, int blanks,
    const struct tstyle *ts, double x, double width, enum align al, int flow);
void lay_plain(struct lay *L, const char *s, const struct tstyle *ts, double x,
    double width, enum align al);
double lay_plain_width(struct lay *L, const char *s, const struct tstyle *ts);
double lay_plain_measure(struct lay *L, const char *s, const struct tstyle *ts,
    double reach[2]);
double lay_plain_box(struct lay *L, const char *s, const struct tstyle *ts,
    double *above);
double lay_text_width(struct lay *L, const struct text *t,
    const struct tstyle *ts);
struct tstyle lay_style(struct lay *L, double size, int style, struct color c);
double lay_width(struct lay *L);

/* Note that an answer space of L->problem (sub: see struct anchor) has
 * its baseline at y in the strip; lay_place() puts it on its page. */
void lay_anchor(struct lay *L, int sub, double y);
/* The same for an answer space whose answer is text (a table's blank). */
void lay_anchor_text(struct lay *L, const struct text *answer, double y);

/* Problems and fields (layout_problem.c). */
void lay_fields(struct lay *L, const struct block *b);
void lay_problem(struct lay *L, const struct block *b);
/* A part of a problem in parts: what the strip holds (the stem and part
 * (a), or the part before) is placed, and this part drawn, indented. */
void lay_part(struct lay *L, const struct block *b);
/* Place the strip of the part being drawn; -1 if taller than a page
 * (reported). */
int lay_part_end(struct lay *L);
/* A problem's END: its strip (or its last part's) placed. */
void lay_problem_end(struct lay *L, const struct block *b);
/* COLUMNS: start (2) or end (1) two columns. */
void lay_columns_block(struct lay *L, const struct block *b);
void lay_answer(struct lay *L, const struct block *b);
void lay_choices(struct lay *L, const struct block *b);
void lay_truefalse(struct lay *L, const struct block *b);
void lay_match(struct lay *L, const struct block *b);
void lay_order(struct lay *L, const struct block *b);
void lay_lines(struct lay *L, const struct block *b);
void lay_box(struct lay *L, const struct block *b);
void lay_keynote(struct lay *L, const struct block *b);

/* A prompt's objects: tables, word banks; hint cards (layout_grid.c). */
void lay_grid(struct lay *L, const struct block *b);
void lay_wordbank(struct lay *L, const struct block *b);
void lay_hintcard(struct lay *L, const struct block *b);
/* The problem's picture (layout_problem.c). */
void lay_picture(struct lay *L, const struct block *b);

/* Figures drawn from numbers (layout_figure.c). */
void lay_figures(struct lay *L, const struct block *b);

/* The key's answer tables (layout_table.c). */
void lay_table(struct lay *L, const struct block *b);

/* A substitute packet's own blocks (layout_packet.c); each places
 * itself. */
void lay_bullet(struct lay *L, const struct block *b);
void lay_step(struct lay *L, const struct block *b);
void lay_row(struct lay *L, const struct block *b);
void lay_write(struct lay *L, const struct block *b);
/* Set right and bottom for the paper upright (turned 0) or turned. */
void lay_turn(struct lay *L, int turned);
/* Discussion packets (layout_discussion.c). */
/* What follows starts a page of its own, turned when b->n is 1 (a
 * board plan that needs the width), upright otherwise. */
void lay_newpage(struct lay *L, const struct block *b);
void lay_frame(struct lay *L, const struct block *b);
void lay_phase(struct lay *L, const struct block *b);
void lay_approach(struct lay *L, const struct block *b);
void lay_tally(struct lay *L, const struct block *b);
void lay_monitor(struct lay *L, const struct block *b);
void lay_list(struct lay *L, const struct block *b);
void lay_board(struct lay *L, const struct block *b);
void lay_panels(struct lay *L, const struct block *b);
void lay_members(struct lay *L, const struct block *b);
void lay_prompt(struct lay *L, const struct block *b);
void lay_cards(struct lay *L, const struct block *b);
/* Answer strips (layout_strip.c). */
void lay_strip(struct lay *L, const struct block *b);

#endif
