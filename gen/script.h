/*
 * script.h - what mimeo knows about the writing systems of the text it
 * prints: which characters it can set today (HarfBuzz's Unicode script
 * property says which script a character is).
 *
 * Layout lays text out left to right, a glyph per character, so a script
 * whose letters must be shaped (Devanagari's vowel signs placed before
 * their consonant, Arabic's letters joined) or that is written right to
 * left would print wrong; script_refused() names such a character, so it
 * is an error at its place instead of a wrong page.
 */
#ifndef MIMEO_SCRIPT_H
#define MIMEO_SCRIPT_H

#include <stddef.h>

enum script_refusal {
	SCRIPT_OK,		/* printed a glyph per character */
	SCRIPT_RTL,		/* written right to left: Arabic, Hebrew ... */
	SCRIPT_SHAPED,		/* needs shaping: Devanagari, Thai ... */
	SCRIPT_BIDI_CONTROL	/* a bidi control (U+202E ...): invisible,
				 * it would turn text round in a reader */
};

/* Why cp cannot be printed, or SCRIPT_OK.  For SCRIPT_RTL and
 * SCRIPT_SHAPED, *name is the script's English name ("Devanagari"); for
 * SCRIPT_BIDI_CONTROL, the control's ("RIGHT-TO-LEFT OVERRIDE"). */
enum script_refusal script_refused(long cp, const char **name);

#endif
