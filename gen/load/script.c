/* script.c - scripts mimeo refuses, and UAX #14 line breaks; see script.h */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <thai/thwbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "script.h"
#include "util.h"

/* Scripts whose letters are shaped (reordered, stacked, joined) or that
 * are written right to left, with the names messages give them. */
static const struct {
	hb_script_t	 script;
	const char	*name;
} script_shaped[] = {
	{ HB_SCRIPT_ARABIC, "Arabic" },
	{ HB_SCRIPT_HEBREW, "Hebrew" },
	{ HB_SCRIPT_SYRIAC, "Syriac" },
	{ HB_SCRIPT_THAANA, "Thaana" },
	{ HB_SCRIPT_NKO, "N'Ko" },
	{ HB_SCRIPT_SAMARITAN, "Samaritan" },
	{ HB_SCRIPT_MANDAIC, "Mandaic" },
	{ HB_SCRIPT_DEVANAGARI, "Devanagari" },
	{ HB_SCRIPT_BENGALI, "Bengali" },
	{ HB_SCRIPT_GURMUKHI, "Gurmukhi" },
	{ HB_SCRIPT_GUJARATI, "Gujarati" },
	{ HB_SCRIPT_ORIYA, "Odia" },
	{ HB_SCRIPT_TAMIL, "Tamil" },
	{ HB_SCRIPT_TELUGU, "Telugu" },
	{ HB_SCRIPT_KANNADA, "Kannada" },
	{ HB_SCRIPT_MALAYALAM, "Malayalam" },
	{ HB_SCRIPT_SINHALA, "Sinhala" },
	{ HB_SCRIPT_THAI, "Thai" },
	{ HB_SCRIPT_LAO, "Lao" },
	{ HB_SCRIPT_TIBETAN, "Tibetan" },
	{ HB_SCRIPT_MYANMAR, "Myanmar" },
	{ HB_SCRIPT_KHMER, "Khmer" },
	{ HB_SCRIPT_MONGOLIAN, "Mongolian" },
	{ HB_SCRIPT_TAI_LE, "Tai Le" },
	{ HB_SCRIPT_NEW_TAI_LUE, "New Tai Lue" },
	{ HB_SCRIPT_TAI_THAM, "Tai Tham" },
	{ HB_SCRIPT_TAI_VIET, "Tai Viet" },
	{ HB_SCRIPT_BALINESE, "Balinese" },
	{ HB_SCRIPT_JAVANESE, "Javanese" },
	{ HB_SCRIPT_SUNDANESE, "Sundanese" },
	{ HB_SCRIPT_BUGINESE, "Buginese" },
	{ HB_SCRIPT_BATAK, "Batak" },
	{ HB_SCRIPT_LEPCHA, "Lepcha" },
	{ HB_SCRIPT_LIMBU, "Limbu" },
	{ HB_SCRIPT_CHAM, "Cham" },
	{ HB_SCRIPT_KAYAH_LI, "Kayah Li" },
	{ HB_SCRIPT_REJANG, "Rejang" },
	{ HB_SCRIPT_SAURASHTRA, "Saurashtra" },
	{ HB_SCRIPT_SYLOTI_NAGRI, "Syloti Nagri" },
	{ HB_SCRIPT_MEETEI_MAYEK, "Meetei Mayek" },
	{ HB_SCRIPT_PHAGS_PA, "Phags-pa" },
	{ HB_SCRIPT_OL_CHIKI, "Ol Chiki" },
	{ HB_SCRIPT_TIFINAGH, "Tifinagh" },
};

/* The invisible controls of the bidi algorithm (UAX #9). */
static const struct {
	long		 cp;
	const char	*name;
} script_bidi[] = {
	{ 0x061c, "ARABIC LETTER MARK" },
	{ 0x200e, "LEFT-TO-RIGHT MARK" },
	{ 0x200f, "RIGHT-TO-LEFT MARK" },
	{ 0x202a, "LEFT-TO-RIGHT EMBEDDING" },
	{ 0x202b, "RIGHT-TO-LEFT EMBEDDING" },
	{ 0x202c, "POP DIRECTIONAL FORMATTING" },
	{ 0x202d, "LEFT-TO-RIGHT OVERRIDE" },
	{ 0x202e, "RIGHT-TO-LEFT OVERRIDE" },
	{ 0x2066, "LEFT-TO-RIGHT ISOLATE" },
	{ 0x2067, "RIGHT-TO-LEFT ISOLATE" },
	{ 0x2068, "FIRST STRONG ISOLATE" },
	{ 0x2069, "POP DIRECTIONAL ISOLATE" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The scripts layout shapes (fonts_shape()), written left to right: the
 * Indic scripts, with spaces between words, so UAX #14's breaks at spaces
 * are theirs; Thai, Lao, Khmer and Myanmar, whose words run together
 * (script_breaks() says where their lines break). */
static const hb_script_t script_shaped_ok[] = {
	HB_SCRIPT_DEVANAGARI, HB_SCRIPT_BENGALI, HB_SCRIPT_GURMUKHI,
	HB_SCRIPT_GUJARATI, HB_SCRIPT_ORIYA, HB_SCRIPT_TAMIL,
	HB_SCRIPT_TELUGU, HB_SCRIPT_KANNADA, HB_SCRIPT_MALAYALAM,
	HB_SCRIPT_SINHALA, HB_SCRIPT_THAI, HB_SCRIPT_LAO, HB_SCRIPT_KHMER,
	HB_SCRIPT_MYANMAR,
};

static hb_script_t
script_of(long cp)
{
	return hb_unicode_script(hb_unicode_funcs_get_default(),
	    (hb_codepoint_t)cp);
}

int
script_rtl(long cp)
{
	return cp >= 0x0590 && cp < 0x0900 ? hb_script_get_horizontal_direction(
	    script_of(cp)) == HB_DIRECTION_RTL : cp >= 0xfb1d && cp < 0xfe00 ?
	    1 : cp >= 0xfe70 && cp < 0xff00;
}

/* The digits of the scripts written right to left (Arabic-Indic,
 * extended Arabic-Indic, N'Ko): numbers inside the words, which the
 * bidi algorithm sets left to right, so not shaped with the letters. */
static int
script_rtl_digit(long cp)
{
	return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06f0 &&
	    cp <= 0x06f9) || (cp >= 0x07c0 && cp <= 0x07c9);
}

int
script_shapes(long cp)
{
	hb_script_t sc;
	size_t i;

	if (script_rtl(cp))
		return !script_rtl_digit(cp);
	/* the blocks of script_shaped_ok's scripts: Indic, Thai and Lao;
	 * Myanmar; Khmer and its symbols; Myanmar's extensions */
	if (!(cp >= 0x0900 && cp <= 0x0eff) && !(cp >= 0x1000 &&
	    cp <= 0x109f) && !(cp >= 0x1780 && cp <= 0x17ff) &&
	    !(cp >= 0x19e0 && cp <= 0x19ff) && !(cp >= 0xa9e0 &&
	    cp <= 0xa9ff) && !(cp >= 0xaa60 && cp <= 0xaa7f))
		return 0;
	sc = script_of(cp);
	for (i = 0; i < NELEM(script_shaped_ok); i++)
		if (script_shaped_ok[i] == sc)
			return 1;
	return 0;
}

size_t
script_shaped_len(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	hb_script_t first, sc;
	ucs4_t cp;
	size_t i = 0;
	int len;

	if ((len = u8_mbtouc(&cp, u, n)) < 1)
		return 1;
	first = script_of((long)cp);
	for (i = (size_t)len; i < n; i += (size_t)len) {
		if ((len = u8_mbtouc(&cp, u + i, n - i)) < 1)
			break;
		sc = script_of((long)cp);
		if (script_rtl_digit((long)cp) || (sc != first &&
		    sc != HB_SCRIPT_INHERITED && cp != 0x0964 && cp != 0x0965 &&
		    cp != 0x0640))	/* dandas; Arabic's tatweel joins */
			break;
	}
	return i;
}

enum script_refusal
script_refused(long cp, const char **name)
{
	hb_script_t sc;
	size_t i;

	if (cp < 0x0300)	/* Latin and its symbols: the common case */
		return SCRIPT_OK;
	for (i = 0; i < NELEM(script_bidi); i++)
		if (script_bidi[i].cp == cp) {
			*name = script_bidi[i].name;
			return SCRIPT_BIDI_CONTROL;
		}
	sc = script_of(cp);
	for (i = 0; i < NELEM(script_shaped); i++)
		if (script_shaped[i].script == sc) {
			*name = script_shaped[i].name;
			return hb_script_get_horizontal_direction(sc) ==
			    HB_DIRECTION_RTL ? SCRIPT_RTL : SCRIPT_SHAPED;
		}
	return SCRIPT_OK;
}

/* A script written without spaces between its words, where UAX #14's
 * breaks inside a run of letters are where lines break: East Asian wide
 * characters (Chinese, Japanese kana, Korean syllables) and the scripts
 * of UAX #14's class SA (Thai, Lao, Khmer, Myanmar). */
static int
script_unspaced(ucs4_t cp)
{
	hb_script_t sc;

	if (cp < 0x0e00)
		return 0;
	if (uc_width(cp, "UTF-8") == 2)
		return 1;
	sc = script_of((long)cp);
	return sc == HB_SCRIPT_THAI || sc == HB_SCRIPT_LAO ||
	    sc == HB_SCRIPT_KHMER || sc == HB_SCRIPT_MYANMAR;
}

/* A Thai letter, vowel, tone mark or sign (not a digit): what libthai's
 * dictionary reads as words. */
static int
script_thai(ucs4_t cp)
{
	return cp >= 0x0e01 && cp <= 0x0e4e;
}

/*
 * Marks brk where the runs of Thai of s (n bytes) hold a word's end: UAX
 * #14 takes a run of Thai as one word (its class SA is resolved to AL),
 * and where Thai words end takes a dictionary.  libthai's (th_brk, which
 * pango uses too) says.
 */
static void
script_thai_breaks(const uint8_t *u, size_t n, char *brk)
{
	thwchar_t *wc;
	size_t *at, i = 0, k;	/* at: the byte of each of wc */
	int *pos, len = 1, np, j;
	ucs4_t cp;

	/* Thai is U+0E00 to U+0E7F: E0 B8 xx and E0 B9 xx in UTF-8 */
	for (k = 0; k + 1 < n && !(u[k] == 0xe0 && (u[k + 1] == 0xb8 ||
	    u[k + 1] == 0xb9)); k++)
		;
	if (k + 1 >= n)
		return;
	wc = xmalloc((n + 1) * sizeof(*wc));
	at = xmalloc((n + 1) * sizeof(*at));
	pos = xmalloc((n + 1) * sizeof(*pos));
	while (i < n) {
		for (k = 0; i < n; i += (size_t)len, k++) {
			if ((len = u8_mbtouc(&cp, u + i, n - i)) < 1)
				len = 1;
			if (!script_thai(cp))
				break;
			wc[k] = (thwchar_t)cp;
			at[k] = i;
		}
		wc[k] = 0;
		np = k > 1 ? th_brk_wc_find_breaks(NULL, wc, pos, k) : 0;
		for (j = 0; j < np; j++)
			if (pos[j] > 0 && (size_t)pos[j] < k)
				brk[at[pos[j]]] = UC_BREAK_POSSIBLE;
		if (k == 0)
			i += (size_t)len;
	}
	free(wc);
	free(at);
	free(pos);
}

void
script_breaks(const char *s, size_t n, size_t ctx, char *brk)
{
	const uint8_t *u = (const uint8_t *)s;
	ucs4_t prev = 0, cp;
	size_t i = 0;
	int len;

	memset(brk, 0, n);
	if (n == 0)
		return;
	u8_possible_linebreaks(u, n, "UTF-8", brk);
	script_thai_breaks(u, n, brk);
	while (i < n) {
		if ((len = u8_mbtouc(&cp, u + i, n - i)) < 1)
			len = 1;
		/* brk[i] is a break between prev and cp */
		brk[i] = i > 0 && i >= ctx && brk[i] == UC_BREAK_POSSIBLE &&
		    (script_unspaced(prev) || script_unspaced(cp));
		memset(brk + i + 1, 0, (size_t)len - 1);
		prev = cp;
		i += (size_t)len;
	}
}

int
script_char_columns(long cp)
{
	int w = uc_width((ucs4_t)cp, "UTF-8");

	return w < 0 ? 1 : w;	/* a control character: as it was */
}

size_t
script_columns(const char *s)
{
	int w = u8_width((const uint8_t *)s, strlen(s), "UTF-8");

	return w > 0 ? (size_t)w : 0;
}
