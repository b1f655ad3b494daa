/*
 * script.h - what mimeo knows about the writing systems of the text it
 * prints: which characters it can set today (HarfBuzz's Unicode script
 * property says which script a character is), and where a line may break
 * (libunistring's UAX #14 line breaking).
 *
 * Layout shapes the Indic scripts, Thai, Lao, Khmer and Myanmar, and those
 * written right to left (script_shapes()) with HarfBuzz and orders each
 * line with FriBidi; a script it cannot lay out yet (Tibetan, Mongolian
 * ...) would print wrong, and so would any of them in math, set a glyph per
 * character:
 * script_refused() names such a character, so it is an error at its place
 * instead of a wrong page.
 */
#ifndef MIMEO_SCRIPT_H
#define MIMEO_SCRIPT_H

#include <stddef.h>

enum script_refusal {
	SCRIPT_OK,		/* printed a glyph per character */
	SCRIPT_RTL,		/* right to left: Arabic, Hebrew ... */
	SCRIPT_SHAPED,		/* needs shaping: Devanagari, Thai ... */
	SCRIPT_BIDI_CONTROL	/* a bidi control (U+202E ...): invisible,
				 * it would turn text round in a reader */
};

/* Why cp cannot be printed, or SCRIPT_OK.  For SCRIPT_RTL and
 * SCRIPT_SHAPED, *name is the script's English name ("Devanagari"); for
 * SCRIPT_BIDI_CONTROL, the control's ("RIGHT-TO-LEFT OVERRIDE"). */
enum script_refusal script_refused(long cp, const char **name);

/* Nonzero when cp is a letter of a script written right to left (Arabic,
 * Hebrew, Syriac, Thaana, N'Ko ..., with their presentation forms). */
int	script_rtl(long cp);

/* Nonzero when cp is a letter or sign of a script layout shapes with
 * HarfBuzz (fonts_shape()): the Indic scripts, written left to right with
 * spaces between words; Thai, Lao, Khmer and Myanmar, written left to
 * right with none; and the scripts written right to left (their
 * digits excepted: numbers are set left to right, as the bidi algorithm
 * orders them).  A run of them (script_shaped_len()) is set as
 * one shaped piece; script_refused() still names them, for math, which is
 * set a glyph per character. */
int	script_shapes(long cp);
/* Bytes from s (n bytes, starting with a character script_shapes() takes)
 * that are shaped together: letters of its script, and the marks and
 * joiners (ZWJ, ZWNJ) and dandas among them. */
size_t	script_shaped_len(const char *s, size_t n);

/* Where a line may break inside the UTF-8 text s (n bytes) that has no
 * spaces (breaks at spaces are the caller's), by UAX #14: brk[i] is 1 when
 * a line may start at byte i, else 0; brk has n bytes.  Only breaks next to
 * a character of a script written without spaces between words (Chinese,
 * Japanese, Thai ...) are taken, and inside a run of Thai, where UAX #14
 * sees one word, the ends of its words by libthai's dictionary (Lao,
 * Khmer and Myanmar break only where UAX #14 says: at a space or a zero
 * width space, U+200B, which their writers type between words).  Latin
 * still breaks at spaces only, not after a hyphen, so its pages stay as
 * they were.  The first ctx bytes of s are the text before (the end of the
 * word so far), for context: brk says nothing of breaks inside them, and
 * brk[ctx] is a break between them and the rest. */
void	script_breaks(const char *s, size_t n, size_t ctx, char *brk);

/* Columns the UTF-8 text s takes in a terminal (CJK two, combining marks
 * none), by libunistring's u8_width. */
size_t	script_columns(const char *s);
/* Columns of the one character cp (uc_width). */
int	script_char_columns(long cp);

#endif
