/*
 * layout_metrics.h - the distances the layout files draw with, named
 * (issue 22 step 3): gaps, paddings, rule widths, insets, offsets and
 * ratios that were bare numbers in gen/layout/layout*.c.  Lengths are in
 * points (1/72 in), y down; ratios have no unit.  Each constant keeps the
 * type and value of the literal it replaced (a 2 stays an int, a 2.0 a
 * double), so what is printed does not move.  "Template" marks a value
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
/* the key's banner over each page: a point larger than the small size
 * (template), ruled under, its foot this far above the top margin */
#define BANNER_SIZE_UP		1
#define BANNER_RULE_DROP	1
#define BANNER_RULE_W		0.8
#define BANNER_GAP		8
#define SHRINK_STEP		0.1	/* pages: work space shrinks by 10 % a pass */

#endif
