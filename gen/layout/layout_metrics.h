/*
 * layout_metrics.h - the distances the layout files draw with, named
 * (issue 22 step 3): gaps, paddings, rule widths, insets, offsets and
 * ratios that were bare numbers in gen/layout/layout*.c, amath_layout.c
 * and page.c.  Lengths are in points (1/72 in), y down; ratios have no
 * unit.  Each constant keeps the type and value of the literal it
 * replaced (a 2 stays an int, a 2.0 a double), so what is printed does
 * not move.  "Template" marks a value
 * that is a template setting in spirit and may move there later.
 * Values a file names for itself (COL_GUTTER, CELL_PAD, CS_PAD ...) stay
 * in that file.
 */
#ifndef MIMEO_LAYOUT_METRICS_H
#define MIMEO_LAYOUT_METRICS_H

/* ---- units ----------------------------------------------------------- */
#define FONT_UNITS	1000.0	/* font metrics are in 1/1000 em */
#define CM_PER_INCH	2.54	/* for sizes said in messages, in cm */
#define PT_PER_INCH	72
#define PT_CM(pt)	((pt) * CM_PER_INCH / PT_PER_INCH)

/* ---- the engine (layout.c) ------------------------------------------- */
/* a blank: its rule is inset at both ends and drawn under the baseline;
 * an answer written on it keeps twice the inset clear */
#define BLANK_RULE_INSET	2
#define BLANK_RULE_DROP		2
#define BLANK_FILL_ROOM		4
/* a section's heading: its baseline room above, its rule, then a gap */
#define HEADING_TOP		6
#define HEADING_RULE_W		0.5
#define HEADING_RULE_GAP	4
/* hints and the info line, of the body size (template) */
#define NOTE_SIZE_RATIO		0.9
#define GAP_AFTER_CENTRED	2	/* under a subtitle or the info line */
/* a section's instructions wait with its heading when at most this
 * fraction (1/N) of the body tall; a longer text is a passage */
#define INSTRUCTIONS_MAX_SHARE	3
/* the footer: the page number in the right 30 % of the line, its
 * baseline this far under the bottom margin */
#define FOOTER_RIGHT_FROM	0.7
#define FOOTER_RIGHT_SHARE	0.3
#define FOOTER_DROP		14
/* labels (the key's banner, a discussion packet's, a word bank's, a
 * hint card's): a point larger than the small size (template) */
#define LABEL_SIZE_UP		1
/* the key's banner over each page: in the label size, ruled under, its
 * foot this far above the top margin */
#define BANNER_RULE_DROP	1
#define BANNER_RULE_W		0.8
#define BANNER_GAP		8
#define BLANK_W_DEFAULT	60	/* a blank without an answer to size it */
#define GAP_AFTER_FIELDS	4	/* under the name/date fields */
#define SHRINK_STEP		0.1	/* pages: 10 % less a pass */
#define ITEM_LINE_W		0.75	/* a drawn item's line unless set (page.c) */
/* most printers print nothing nearer the paper's top edge */
#define PRINTABLE_TOP		12

/* ---- figures (layout_figure.c) ------------------------------------------
 * In ems of the figure's text size (g->u) unless said: a figure scales
 * with its text.  FG_ are shared by every figure. */
#define FG_ARROW_LEN	0.55	/* an arrowhead's sides */
#define FG_ARROW_SPREAD	20	/* degrees each side of the shaft */
#define FG_ARROW_GAP	0.1	/* a line's end to its arrowhead's tip */
#define FG_TEXT_SLACK	1	/* pt: a label's box starts this far left */
#define FG_TEXT_ROOM	2	/* pt: and is this much wider than the text */
/* the white behind a label that sits on lines: pad each side (em), its
 * top and height in line heights */
#define FG_BACK_PAD	0.1
#define FG_BACK_WIDEN	0.2
#define FG_BACK_TOP	0.1
#define FG_BACK_H	0.8
#define FG_TITLE_GAP	0.8	/* a title to its left of the figure */
#define FG_DOT_R	0.2	/* a point's dot */
/* strokes, times the figure's line width (g->lw) */
#define FG_STROKE_MID	1.2	/* a number line, a model's outline */
#define FG_STROKE_AXIS	1.4	/* axes, a jump's arc */
#define FG_STROKE_BOLD	1.6	/* a plane's lines, a shape, a sum's rule */
#define FG_LINE_W	0.9	/* the line width, pt at a 12 pt text: */
#define FG_LINE_W_AT	12	/* g->lw = FG_LINE_W * u / FG_LINE_W_AT */
#define FG_WIDTH_AT	12	/* a width: in pt is for a 12 pt text */
#define FG_ALT_BASE	0.8	/* the alt text's baseline below the top */
/* a text's ink, for a figure's extent, of its size */
#define FG_TEXT_ASCENT	0.8
#define FG_TEXT_DESCENT	0.25
/* widths of figures without width: (in ems; tape: of the room) */
#define PL_W		20
#define TP_W_SHARE	0.8
#define CK_W		9
#define SH_W		16
#define GR_W_AXIS	4	/* a bar graph: its axis and numbers, */
#define GR_W_CAT	4	/* and each category */
#define FG_W_DEFAULT	16
/* a row of figures, in body sizes (template): between, above, below */
#define FIGS_GAP	1.5
#define FIGS_ABOVE	0.6
#define FIGS_BELOW	0.4

/* number lines */
#define NL_END_PAD	1.0	/* the line beyond its first and last tick */
#define NL_SIDE_PAD	1.6	/* room kept at each end, at the least */
#define NL_TICK_WHOLE	0.5	/* half-heights of ticks: a whole, */
#define NL_TICK_PART	0.35	/* a part between, */
#define NL_TICK_EVERY	0.4	/* each tick when all are wholes */
#define NL_LABEL_GAP	0.5	/* between labels thinned to fit */
#define NL_LABEL_TOUCH	0.2	/* labels nearer than this touch */
#define NL_BOX_W	2.2	/* an answer box on the line */
#define NL_BOX_H	1.6
#define NL_BOX_GAP	0.6	/* line to box */
#define NL_JUMP_RISE	0.4	/* a jump's arc rises 0.4 of its chord, */
#define NL_JUMP_RISE_MAX 1.4	/* at most this */
#define NL_JUMP_LABEL_GAP 0.25
#define NL_POINT_LABEL_GAP 0.45	/* line to a point's letter */
#define NL_VALUE_GAP	0.7	/* the line to its values */
#define NL_DOUBLE_GAP	2.4	/* between a double line's two lines */

/* coordinate planes */
#define PL_NUM_GAP	0.8	/* the y numbers to the grid */
#define PL_RIGHT_ROOM	1.2	/* right of the grid, for the arrow */
#define PL_NAME_GAP	0.4	/* and the x axis's name */
#define PL_MAX_ASPECT	1.2	/* height at most 1.2 of the width */
#define PL_GRID_W	0.5	/* pt */
#define PL_AXIS_OVER	0.6	/* an axis beyond the grid */
#define PL_ARROW_OVER	0.7	/* its arrowhead */
#define PL_XNAME_DX	1.2
#define PL_YNAME_DY	1.3
#define PL_XNUM_GAP	0.5	/* between x numbers thinned to fit */
#define PL_YNUM_GAP	0.3
#define PL_ORIGIN_DX	0.2	/* the 0 at the origin */
#define PL_ORIGIN_DY	0.25
#define PL_XNUM_DY	0.25	/* an x number under its axis */
#define PL_YNUM_DX	0.25	/* a y number left of its axis */
#define PL_LABEL_DX	0.25	/* a point's letter off its dot */
#define PL_LABEL_DY	0.15

/* fraction models */
#define FR_BAR_H	2	/* a bar's height */
#define FR_BAR_W	12	/* natural widths: a bar, */
#define FR_CIRCLE_W	6	/* a circle, */
#define FR_CELL_W	1.4	/* a grid's cell */
#define FR_GAP		2	/* between models */
#define FR_DOT_OUT	0.6	/* a key's dot in a slice, of the radius */
#define FR_KEY_DOT_R	0.22
#define FR_LABEL_GAP	0.4

/* tape diagrams */
#define TP_LABEL_GAP	0.8	/* a row's label to its tape */
#define TP_TOTAL_ROOM	1.6	/* the total's brace and gap */
#define TP_ROW_GAP	0.8
#define TP_BRACE_R	0.35
#define TP_BRACE_GAP	0.3	/* tape to brace, brace to total */
#define TP_TOTAL_GAP	0.2

/* arrays: a cell at most AR_CELL_MAX; dot and loop of the cell */
#define AR_CELL_MAX	1.6
#define AR_DOT_R	0.22
#define AR_LOOP_PAD	0.45

/* clocks, of the face's radius; strokes times g->lw */
#define CK_STROKE	2	/* rim, hour marks, minute hand */
#define CK_HOUR_LEN	0.42
#define CK_HOUR_W	4.5
#define CK_MINUTE_LEN	0.64
#define CK_HUB_R	0.08
#define CK_PIN_R	0.05	/* the centre of a face without hands */
#define CK_MARK_IN	0.87	/* an hour's mark, from and to */
#define CK_MARK_OUT	0.97
#define CK_MINUTE_AT	0.93	/* a minute's dot */
#define CK_MINUTE_R	0.018
#define CK_NUM_MAX	0.22	/* the numbers' size at most */
#define CK_NUM_AT	0.76

/* shapes */
#define SH_MARGIN	3	/* room for the labels around it */
#define SH_MAX_ASPECT	0.8	/* height at most 0.8 of the room */
#define SH_TICK_GAP	0.3	/* equal sides' ticks: apart, */
#define SH_TICK_HALF	0.35	/* half-length */
#define SH_SIDE_LABEL_GAP 0.4
#define SH_RIGHT_MARK	0.8	/* a right angle's square */
#define SH_ARC_R	1.1	/* an angle's arc */
#define SH_ANGLE_LABEL_AT 2.2

/* bar graphs */
#define GR_H		9	/* plot height, */
#define GR_STEP_MIN	1.3	/* at least this a step, */
#define GR_H_MAX	16	/* at most this */
#define GR_NUM_GAP	0.6	/* numbers to the axis */
#define GR_NUM_TOUCH	0.2
#define GR_NUM_DX	0.3
#define GR_GRID_W	0.5	/* pt */
#define GR_AXIS_OVER	0.5
#define GR_TITLE_UP	2.1
#define GR_YNAME_UP	0.7
#define GR_CAT_GAP	0.3	/* axis to a category's name */
#define GR_XNAME_DOWN	1.9
#define GR_BAR_INSET	0.2	/* a bar in its slot, of the slot */
#define GR_BAR_SHARE	0.6
#define GR_KEY_BAR_W	2.5	/* a keyed bar's edge, times g->lw */

/* dot plots */
#define DP_SIDE_PAD	1.2
#define DP_TOP		0.6
#define DP_LINE_OVER	0.6
#define DP_TICK_HALF	0.3
#define DP_X_SHARE	0.3	/* an X's half-width, of a step, */
#define DP_X_MAX	0.45	/* at most */
#define DP_FIRST_UP	0.9
#define DP_X_PITCH	2.3	/* X over X, in half-widths */
#define DP_X_W		1.8	/* times g->lw */
#define DP_LABEL_GAP	0.5	/* between values thinned to fit */
#define DP_TITLE_UP	0.6
#define DP_NAME_DOWN	2.2

/* column arithmetic and long division; CO_CARRY_ of the cell width */
#define CO_CELL_W	0.85	/* a digit's cell */
#define CO_ROW_H	1.45
#define CO_CARRY_X	0.9	/* a carry box: left of its column, */
#define CO_CARRY_SIDE	0.8	/* wide, */
#define CO_CARRY_H	0.95	/* high, */
#define CO_CARRY_MID	0.475	/* its digit's middle, */
#define CO_CARRY_ROW	1.3	/* the row it takes */
#define CO_CARRY_STROKE	0.8	/* times g->lw */
#define CO_CARRY_SIZE	0.72	/* of the key's text size */
#define CO_RULE_GAP	0.1	/* numbers to a rule */
#define CO_RULE_AFTER	0.3
#define CO_KEY_RULE_AFTER 0.4
#define CO_DIVISOR_GAP	0.9	/* cells: divisor to dividend */
#define CO_BAR_BEFORE	0.35	/* the division bar: cells before, */
#define CO_BAR_AFTER	0.2	/* after, */
#define CO_BAR_UP	0.15	/* over the dividend */
#define CO_BRACKET_X	2.2	/* its bracket, an arc: centre left, */
#define CO_BRACKET_Y	0.55	/* down, */
#define CO_BRACKET_R	2.25	/* radius, */
#define CO_BRACKET_SPREAD 17	/* degrees each side */
#define CO_SUB_RULE_IN	0.1	/* a product's rule, cells before it */
#define CO_REMAINDER_GAP 0.4	/* cells */


/* ---- tables, word banks, hint cards (layout_grid.c) -------------------
 * pt unless said. */
#define LG_PAD_RATIO	0.45	/* a cell's padding, of the body size */
/* a table outside a problem that waits with its heading: the gap under
 * it, of the gap between problems */
#define LG_PENDING_GAP_SHARE 0.75
/* short cells get columns of one width when the widest is at most this
 * many least blank widths (BLANK_EM) */
#define LG_EVEN_MAX	2.5
#define LG_CELL_SLACK	1	/* a cell's text box is this much wider */
/* rules: under the head row or column, round the table, between cells */
#define LG_RULE_HEAD	1.2
#define LG_RULE_EDGE	0.9
#define LG_RULE_INNER	0.5
#define LG_TOP		8	/* above a table in a problem */
#define LG_CAPTION_GAP	3	/* under its caption */
/* a word bank: its padding, times a cell's; the words' gap, in ems of
 * the body size; its lines, of the body line height */
#define WB_PAD_RATIO	2
#define WB_WORD_GAP	2.5
#define WB_LINE_RATIO	1.35
#define WB_TOP		8	/* above a word bank in a problem */
#define WB_FRAME_W	0.8
/* above the label and under the words, of the pad */
#define WB_PAD_TOP	0.6
#define WB_LABEL_GAP	2	/* label to words */
#define WB_TEXT_SLACK	1	/* a word's box is this much wider */
/* a hint card: its padding, times a cell's; the label to the hint; its
 * dashed frame */
#define HC_PAD_RATIO	2.5
#define HC_LABEL_GAP	4
#define HC_FRAME_W	0.8

/* ---- substitute packets (layout_packet.c) ----------------------------
 * pt unless said; TICK, STEP_TIME_X, STEP_TEXT_X and ROW_GUTTER are the
 * file's own. */
#define PK_TICK_RULE	1.3	/* a tick box's rule, times the template's */
/* a bullet: its dot's x and width, its text's x */
#define PK_BULLET_X	4
#define PK_BULLET_W	12
#define PK_BULLET_TEXT_X 18
#define PK_HEAD_GAP	5	/* under a bullet that heads what follows */
#define PK_ITEM_GAP	3	/* under a bullet or a print list's row */
#define PK_STEP_TIME_ROOM 4	/* a step's time ends this far before its text */
#define PK_STEP_RULE_DROP 5	/* a step's rule under it, */
#define PK_STEP_GAP	5	/* and the gap under the rule */
#define PK_RULE_LIGHT	0.4	/* a step's or a row's rule */
#define PK_RULE_HEAD	0.8	/* the print list's header rule */
/* the print list's columns: the document's x, and where the pages and
 * the copies start, of the line's width */
#define PK_ROW_TEXT_X	20
#define PK_ROW_PAGES_AT	0.66
#define PK_ROW_COPIES_AT 0.83
#define PK_ROW_RULE_DROP 3	/* a row's rule under its text */
/* the top of each page: the teacher band, this much taller than its
 * label's line, its foot this far above the top margin, yet no higher
 * than PRINTABLE_TOP; its label inset and in the left 70 %; the
 * page number in the right 40 % */
#define PK_BAND_PAD	4
#define PK_BAND_GAP	6
#define PK_BAND_TEXT_DROP 2
#define PK_BAND_INSET	6
#define PK_BAND_LABEL_SHARE 0.7
#define PK_PAGE_NUM_FROM 0.6
#define PK_PAGE_NUM_SHARE 0.4

/* ---- the key's answer table (layout_table.c) ---------------------------
 * pt; CELL_PAD is the file's own. */
#define TB_CELL_SLACK	2	/* a column's need past its text and pads */
#define TB_LABEL_MAX_SHARE 3	/* the label column: at most 1/N of the line */
#define TB_RULE_HEAD	1.0	/* under the header row, between pairs */
#define TB_RULE_LIGHT	0.4	/* the other rules */
#define TB_CAPTION_TOP	6
#define TB_CAPTION_GAP	4	/* caption to header */

/* ---- answer strips (layout_strip.c) -----------------------------------
 * pt; STRIP_EM and STRIP_PAD are the file's own. */
#define SP_HINT_SIZE_RATIO 0.9	/* the hint, of the small size (template) */
/* the cut lines start this far under the hint and end this far under
 * the heads' line */
#define SP_CUT_GAP	2
#define SP_CUT_W	0.5
#define SP_HEAD_DROP	2	/* the heads this far under the bottom margin */
#define SP_ANSWER_GAP	2	/* an answer no nearer the one above */

/* ---- math (amath_layout.c) ----------------------------------------------
 * In ems of the math's size unless said; FRAC_*, SCRIPT_*, SPACE_* and
 * the like are the file's own. */
/* a superscript over a tall base rides this far (script ems) under the
 * base's top; a subscript under a tall base this far under its foot,
 * and this much lower again when a superscript is there too */
#define AM_SUP_UNDER_TOP 0.35
#define AM_SUB_UNDER_FOOT 0.1
#define AM_SUB_WITH_SUP	1.4
/* a root: the font's sign, up to this much larger, when its foot
 * reaches this far under the radicand's; else a drawn sign this wide */
#define AM_SIGN_GROW	1.25
#define AM_SIGN_FOOT	0.05
#define AM_SIGN_W	0.6
/* the drawn sign's strokes, x right and y up from its foot: the tick
 * (x0, y0 to x1, y1), then the stem down to the foot, then up at x1 of
 * the stem */
#define AM_TICK_X0	0.04
#define AM_TICK_Y0	0.3
#define AM_TICK_X1	0.16
#define AM_TICK_Y1	0.38
#define AM_STEM_X0	0.14
#define AM_STEM_Y0	0.40
#define AM_STEM_X1	0.3
#define AM_INDEX_RISE	0.05	/* an index's foot over the sign's middle */
#define AM_AXIS_DEFAULT	0.25	/* the math axis without a minus sign */
/* a bracket grows only round what is taller than this, of its glyph */
#define AM_BRACKET_SLACK 1.2

/* ---- discussion packets (layout_discussion.c) ------------------------
 * pt unless said; a _SHARE or _RATIO is a fraction. */
#define RULE_THIN	0.8	/* a light rule, times the template's rule */

/* a box's corner label */
#define CORNER_DROP	4	/* corner label: from the top, */
#define CORNER_INSET	6	/* from the left, */
#define CORNER_ROOM	12	/* and less wide than the box by */

/* the framed task */
#define FRAME_SIZE_RATIO 1.08	/* of the body size (template) */
#define FRAME_PAD	10	/* text to frame */
#define FRAME_RULE_W	1.0
#define FRAME_LABEL_GAP	4	/* corner label to the text */
#define FRAME_FOOT_TRIM	4	/* the pad under the text, less this */
#define FRAME_GAP_RATIO	2	/* times gap_paragraph, after */

/* a phase: minutes, tick box, name, the shaded "say" box */
#define PHASE_TIME_COL	64	/* the minutes column */
#define PHASE_SAY_PAD	7	/* the shaded "say" box's pad */
#define PHASE_BOX_RATIO	0.9	/* tick box side, of the name's size */
#define PHASE_BOX_RISE	0.85	/* its top above the baseline, of its side */
#define PHASE_BOX_GAP	6	/* tick box to the minutes */
#define PHASE_TIME_ROOM	8
#define PHASE_NAME_SHARE 0.75	/* the name's share of the line */
#define PHASE_LEN_SHARE	0.25	/* the length's, at the right */
#define PHASE_SAY_GAP	3	/* name to the say box */
#define PHASE_SAY_RULE_W 0.8

/* approaches and lists */
#define DS_GAP_ITEM	10	/* after a phase or an approach */
#define DS_NUM_GAP	4	/* a number to its text (within the indent) */
#define ASK_GAP	2	/* an approach to its question */
#define ASK_INDENT	12	/* the question indented */

/* the monitoring grid: approaches by groups */
#define TALLY_SIZE_RATIO 0.85	/* of the body size (template) */
#define TALLY_LABEL_SHARE 0.42	/* the approaches column, of the width */
#define TALLY_HINT_GAP	4
#define TALLY_HEAD_GAP	2
#define TALLY_ROW_PAD	4
#define TALLY_NUM_X	2
#define TALLY_NUM_W	20
#define TALLY_TEXT_ROOM	26
#define TALLY_OTHER_ROOM 8
#define TALLY_ROW_MIN	30	/* a row at least this high, to tick in */
#define DS_GAP_SMALL	4	/* after a grid or the board */
#define LIST_GAP	4	/* between questions */
#define LIST_GAP_AFTER	6

/* the monitoring sheet: a row per student */
#define MON_NAME_SHARE	0.27	/* the student's column, of the width */
#define MON_NOTE_SHARE	0.2	/* the note's */
#define MON_HEAD_PAD	4
#define MON_HEAD_TOP	2
#define MON_CELL_INSET	2
#define MON_CELL_ROOM	4
#define MON_ROW_PAD	4
#define MON_APP_GAP	2
#define MON_APP_NUM_W	16
#define MON_APPS_AFTER	6	/* the approaches to the header */
#define MON_HEAD_AFTER	2	/* the header placed, then */
#define MON_FOOT_SAFE	2	/* kept at the foot */
#define MON_ROW_MIN	12	/* rows this low, a class a page */
#define MON_ROW_TIGHT	2	/* text this less than a tight row */
#define MON_ROW_TOP	3
#define MON_NAME_ROOM	8
#define MON_NAME_MIN_RATIO 0.6	/* a long name at least this small */
#define MON_NAME_X	4
#define MON_NAME_SLACK	4
#define MON_NUM_W	20

/* the board plan */
#define BOARD_PAD	5
#define BOARD_DATE_SHARE 0.22	/* the band: date, predictions */
#define BOARD_QUESTION_SHARE 0.33	/* question */
#define BOARD_SUMMARY_SHARE 0.22	/* the summary column */
#define BOARD_OPEN_SHARE 0.08	/* the "other ways" column */
#define BOARD_HINT_GAP	4
#define BOARD_DATE_LINE	8
#define BOARD_DATE_STEP	14
#define BOARD_PREDICT_ROOM 30
#define BOARD_BOX_PAD	4
#define BOARD_BOX_ROOM	8
#define BOARD_BOX_W	1.2
#define BOARD_PROBLEM_MAX 140	/* taller: named, not copied */
#define BOARD_CROSS_X	12
#define BOARD_OPEN_INSET 3
#define BOARD_OPEN_ROOM	6
#define BOARD_FOOT_SAFE	4
#define BOARD_WORK_ROOM	60	/* room to copy the students' work */
#define BOARD_NEXT_RULE_UP 3
#define BOARD_FRAME_W	1.5
#define BOARD_BAND_W	1.0
#define BOARD_COL_W	0.6
#define BOARD_SCALE_FLOOR 0.55	/* type shrinks a step while above, */
#define BOARD_SCALE_STEP 0.1
#define BOARD_SCALE_MIN	0.6	/* then is set at this */

/* boxes, members, prompts, cards */
#define PANEL_GAP	12	/* between empty boxes */
#define PANEL_RULE_RATIO 1.5	/* times the template's rule */
#define MEMBERS_NAME_SHARE 0.6	/* names' column, of the width */
#define MEMBERS_LABEL_GAP 2
#define MEMBERS_ROW_GAP	4
#define MEMBERS_INSET	4
#define MEMBERS_NAME_ROOM 16
#define MEMBERS_LINE_DROP 3
#define MEMBERS_LINE_ROOM 6	/* under a line to write a name on */
#define PROMPT_FOOT	4	/* under the last ruled line */
#define CARD_PAGE_SHARE	4	/* a card at least 1/N of the body tall */
#define CARD_PAD	12
#define CARD_NAME_FROM	0.45	/* "Name" at this share of the card */
#define CARD_NAME_SLACK	1
#define CARD_NAME_GAP	8
#define CARD_NAME_SHARE	0.55
#define CARD_LINE_GAP	6
#define CARD_LINE_DROP	2
#define CARD_TITLE_GAP	4
#define CARD_ANSWER_LINES 3	/* line heights left to answer in */
#define CARD_WHO_GAP	4
#define CARD_CUT_W	0.8	/* the dashed cut line */


/* ---- problems, fields and answers (layout_problem.c) ------------------
 * pt unless said. */
#define TAG_TOP_RATIO	0.95	/* the version box: top above the baseline, */
#define TAG_H_RATIO	1.3	/* height, of the size */
#define TAG_RULE_RATIO	2	/* times the template's rule */
#define FIELDS_TOP	6	/* above a row of fields */
#define FIELDS_BASE_DROP 4
#define FIELD_LINE_DROP	2	/* a field's line under the baseline */
#define LABEL_SLACK	1	/* a label set this wider than measured */
#define FIELDS_FOOT	6	/* under a row of fields */
#define BLANK_W_PAD	20	/* a blank: its answer's width and this, */
#define BLANK_W_MIN	72	/* at least this */
#define PICTURE_TOP	6	/* above a picture */
#define CONTINUED_GAP	4	/* under a "continued" line */
#define COL_OVERHANG	0.5	/* a column may be overrun this much */
#define PART_FIRST_TOP	6	/* above a problem's first part */
#define ANSWER_MIN_SHARE 0.45	/* an answer line, of the width, */
#define ANSWER_PAD	24	/* the key's answer and this */
#define ANSWER_LINE_GAP	6	/* label to line */
#define ANSWER_LINE_MIN	72	/* a line at least this long */
#define ANSWER_TOP	6
#define ANSWER_TEXT_GAP	8	/* label to the key's answer */
#define ANSWER_LINE_DROP 3	/* line under the baseline */
#define CHOICE_GAP	18	/* between choices in columns */
#define FEEDBACK_SIZE_RATIO 0.9	/* of the text size (template) */
#define FEEDBACK_MIN_SHARE 3	/* feedback under, when less than 1/N is left */
#define CHOICE_LETTER_GAP 7	/* "W." and this */
#define CHOICE_BOX_ROOM	1.2	/* a check box's room, of the letter size */
#define CHOICES_TOP	4
#define CHECKBOX_RISE	0.72	/* check box: top over base, */
#define CHECKBOX_SIDE	0.8	/* its side */
#define KEY_MARK_W	1.5	/* the key's tick, ring and box strokes */
#define CHECKBOX_TICK_INSET 2	/* the key's cross inside the box */
#define CHECKBOX_GAP	6	/* box to letter */
#define CIRCLE_X	0.38	/* the key's ring, of the size: */
#define CIRCLE_RISE	0.33	/* centre */
#define CIRCLE_R	0.72	/* radius */
#define CIRCLE_HOLDS	1.0	/* the widest letter it rings, of the size;
				 * a wider one ("الف") gets a box */
#define CHOICE_COL_GAP	8
#define CHOICE_ROW_GAP	2
#define TF_INDENT	8	/* true/false words */
#define TF_TOP	4
#define TF_RING_PAD	6	/* the key's box round the word */
#define TF_RING_W	12
#define TF_GAP	60	/* between the words */
#define MATCH_NUM_W	22	/* a number column */
#define MATCH_EM_PT	12	/* matching: lengths in 1/12 of the text size */
#define MATCH_GAP	24	/* between the two columns */
#define MATCH_BLANK_W	36	/* the blank for a match's letter */
#define MATCH_TOP	4
#define MATCH_LINE_DROP	2
#define MATCH_BLANK_GAP	6
#define MATCH_NUM_ROOM	2	/* ems more for the number */
#define MATCH_ROW_GAP	4
#define ORDER_BOX_RATIO	1.5	/* ordering: the box, of the text size, */
#define ORDER_TOP	4
#define ORDER_BOX_RISE	0.78	/* its top above the baseline, of its side */
#define ORDER_BOX_GAP	10	/* box to item */
#define ORDER_ROW_GAP	4
#define LINES_TOP	6
#define BOX_TOP	6
#define BOX_FOOT	4
#define BOX_GRID_W	0.4	/* a work box's grid lines */
#define KEYNOTE_SIZE_RATIO 0.92	/* key notes (template) */
#define KEYNOTE_PAD	6
#define KEYNOTE_TOP	6
#define KEYNOTE_RULE_W	0.5
#define KEYNOTE_BULLET_X 2
#define KEYNOTE_BULLET_W 12
#define KEYNOTE_TEXT_X	16	/* the text right of the pad */

#endif
