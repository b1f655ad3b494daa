/*
 * render_pdf.c - draw a struct doc as a PDF file with libharu 2.3.0.
 *
 * Fonts are embedded TrueType fonts.  libharu is handed not a font file
 * but a subset of it holding only the characters the document draws
 * (subset.h), from memory: small to embed, fast to set up.  Each document
 * font is up to two libharu fonts: a simple TrueType font in its own
 * WinAnsiEncoding-based encoding (pdf_encoder()) for as many of its
 * characters as 256 codes hold, and for the rest a Type0 font through
 * libharu's UTF-8 encoder (Identity-H, CIDs = Unicode code points, a
 * CIDToGIDMap to the glyphs; pdf_type0_font()).  A font that draws shaped
 * glyphs (a ligature) is the Type0 font alone, with all its text: one
 * subset to make and embed, not two; its characters from U+0100 up are
 * drawn by codes given after the glyphs' (glyphcodes.h, GCODE_CHAR), so
 * its CIDToGIDMap stays a few hundred bytes.  A UTF-8 font's text is
 * written as its two-byte codes in literal strings (pdf_show_codes()),
 * not in libharu's hex, four digits a code.
 *
 * libharu 2.3.0 writes the encoder's CID CMap ("begincidrange") as the
 * font's /ToUnicode, which is not a ToUnicode CMap: poppler warns about it
 * on every run.  pdf_fix_font() rewrites that stream in place with a real
 * ToUnicode CMap (bfchar entries for the code points the document uses).
 * This touches libharu's object layer (hpdf_objects.h, hpdf_streams.h),
 * which is installed with libhpdf-dev but is not its documented API.
 *
 * A span (ITEM_SPAN, a drawing of math) becomes marked content,
 * "/Span <</ActualText <FEFF...>>> BDC ... EMC", so that text extraction
 * reads "3/5" rather than the stacked digits.  libharu has no call for it:
 * pdf_mark() writes the operators into the page's current content stream
 * (hpdf_pages.h), between the q ... Q of the items it holds.
 *
 * Errors: libharu calls pdf_on_error(), which only records the first error
 * code in a struct pdf_ctx; every call's status is checked and the first
 * failure ends rendering.  No longjmp: libharu cleans up after itself when
 * its functions return, and HPDF_Free() always runs.
 *
 * Output is deterministic: libharu 2.3.0 writes no /ID without encryption,
 * names subset fonts HPDFAA+, HPDFAB+, ... in load order, and no dates are
 * written unless SOURCE_DATE_EPOCH is set.  The file is written page by
 * page as the pages are drawn (pdf_stream.h), not by HPDF_SaveToFile (which
 * keeps the whole document until the end, and ignores fclose() errors such
 * as a full disk).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <fribidi.h>
#include <hb.h>

#include "font.h"
#include "glyphcodes.h"
#include "image.h"
#include "page.h"
#include "pdf_stream.h"
#include "script.h"
#include "render.h"
#include "subset.h"
#include "util.h"

#define PDF_NCODES	65536			/* the BMP: UTF-8 CIDs */
#define PDF_PAGES_NODE	64			/* pages per /Pages node */
#define PDF_OWN_BUF	512			/* a repeat's stream chunk */
#define PDF_PLAIN_MAX	256			/* shorter streams: not deflated */
/* Pages one PDF may hold: libharu numbers at most 8,388,607 objects (a
 * page takes three, a bookmark two) and a /Kids array holds at most 32,767
 * page-tree nodes of PDF_PAGES_NODE pages */
#define PDF_MAX_PAGES	1000000

/* The first libharu error, and where to describe a failure. */
struct pdf_ctx {
	HPDF_STATUS	 code;		/* 0 until libharu reports an error */
	HPDF_STATUS	 detail;	/* errno for file errors */
	char		*err;
	size_t		 errlen;
};

/* A document font: its libharu font and the code points drawn with it. */
struct pdf_font {
	unsigned char	*used;		/* PDF_NCODES bits, owned; NULL if unused */
	unsigned char	*glyphs;	/* those of used that are shaped glyphs'
					 * codes (gc), PDF_NCODES bits, owned;
					 * or NULL */
	struct gcodes	 gc;		/* the shaped glyphs (item.glyph) and
					 * their codes */
	unsigned char	*gids;		/* their ids, PDF_NCODES bits, owned;
					 * or NULL */
	unsigned char	*moved;		/* the characters drawn by codes of
					 * gc (GCODE_CHAR), PDF_NCODES bits,
					 * owned; or NULL */
	unsigned int	*subgid;	/* gc's glyphs' ids in the UTF-8
					 * subset, in gc's order (GCODE_BLANK
					 * for a blank), owned; or NULL */
	HPDF_Font	 ansi;		/* those with a byte in ansi's encoding */
	HPDF_Font	 font;		/* the others (UTF-8), or NULL */
	HPDF_Encoder	 enc;		/* ansi's, from pdf_encoder() */
	/* each drawn code point's byte in ansi's encoding (pdf_encoder()),
	 * 0 for one drawn with font; by blocks of 256, owned, NULL if none */
	unsigned char	*code[PDF_NCODES / 256];
};

static const struct {
	HPDF_STATUS	 code;
	const char	*text;
} pdf_errors[] = {
	{ HPDF_FAILD_TO_ALLOC_MEM,	"out of memory" },
	{ HPDF_FILE_IO_ERROR,		"file I/O" },
	{ HPDF_FILE_OPEN_ERROR,		"cannot open file" },
	{ HPDF_FONT_EXISTS,		"a font of that name is already loaded" },
	{ HPDF_DICT_ITEM_UNEXPECTED_TYPE, "unexpected object type" },
	{ HPDF_INVALID_DATE_TIME,	"invalid date" },
	{ HPDF_INVALID_DESTINATION,	"invalid destination" },
	{ HPDF_INVALID_DOCUMENT,	"document in error state" },
	{ HPDF_INVALID_ENCODER,		"invalid encoder" },
	{ HPDF_INVALID_ENCODING_NAME,	"unknown encoding" },
	{ HPDF_INVALID_FONT,		"font not as expected" },
	{ HPDF_INVALID_FONTDEF_DATA,	"invalid font data" },
	{ HPDF_INVALID_FONT_NAME,	"unknown font name" },
	{ HPDF_INVALID_IMAGE,		"invalid image" },
	{ HPDF_INVALID_JPEG_DATA,	"invalid JPEG data" },
	{ HPDF_UNSUPPORTED_JPEG_FORMAT,	"unsupported JPEG format" },
	{ HPDF_INVALID_OUTLINE,		"invalid outline" },
	{ HPDF_INVALID_PAGE,		"invalid page" },
	{ HPDF_INVALID_PARAMETER,	"invalid parameter" },
	{ HPDF_INVALID_TTC_FILE,	"not a TrueType collection" },
	{ HPDF_INVALID_TTC_INDEX,	"no such face in the collection" },
	{ HPDF_PAGE_INVALID_FONT,	"invalid font" },
	{ HPDF_PAGE_INVALID_FONT_SIZE,	"font size out of range" },
	{ HPDF_PAGE_INVALID_SIZE,	"page size out of range" },
	{ HPDF_PAGE_OUT_OF_RANGE,	"value out of range" },
	{ HPDF_REAL_OUT_OF_RANGE,	"number out of range" },
	{ HPDF_STREAM_EOF,		"unexpected end of stream" },
	{ HPDF_STRING_OUT_OF_RANGE,	"string too long" },
	{ HPDF_TTF_CANNOT_EMBEDDING_FONT, "font license forbids embedding" },
	{ HPDF_TTF_INVALID_CMAP,	"unsupported TrueType cmap" },
	{ HPDF_TTF_INVALID_FOMAT,	"not a TrueType font" },
	{ HPDF_TTF_MISSING_TABLE,	"TrueType table missing" },
	{ HPDF_ZLIB_ERROR,		"zlib error" },
};

/* libharu's error callback: keep the first error, ignore the rest. */
static void
pdf_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	struct pdf_ctx *ctx = arg;

	if (ctx->code == 0) {
		ctx->code = code;
		ctx->detail = detail;
	}
}

/* Returns a static description of a libharu error code. */
static const char *
pdf_strerror(HPDF_STATUS code)
{
	size_t i;

	for (i = 0; i < sizeof(pdf_errors) / sizeof(pdf_errors[0]); i++)
		if (pdf_errors[i].code == code)
			return pdf_errors[i].text;
	return "see hpdf_error.h";
}

/* Puts "<what>: libharu error 0xNNNN (<text>)" in ctx->err, taking the error
 * from ctx or, if the callback never ran, from the document or from st.
 * Always returns -1. */
static int
pdf_fail(struct pdf_ctx *ctx, HPDF_Doc pdf, HPDF_STATUS st,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
pdf_fail(struct pdf_ctx *ctx, HPDF_Doc pdf, HPDF_STATUS st,
    const char *fmt, ...)
{
	HPDF_STATUS	 code = ctx->code, detail = ctx->detail;
	va_list		 ap;
	size_t		 n;
	int		 r;

	if (ctx->err == NULL || ctx->errlen == 0)
		return -1;
	va_start(ap, fmt);
	r = vsnprintf(ctx->err, ctx->errlen, fmt, ap);
	va_end(ap);
	n = r < 0 ? 0 : (size_t)r;
	if (n >= ctx->errlen)
		return -1;
	if (code == 0 && pdf != NULL) {
		code = HPDF_GetError(pdf);
		detail = HPDF_GetErrorDetail(pdf);
	}
	if (code == 0)
		code = st;
	if (code == 0)
		return -1;
	if ((code == HPDF_FILE_OPEN_ERROR || code == HPDF_FILE_IO_ERROR) &&
	    detail > 0)
		snprintf(ctx->err + n, ctx->errlen - n,
		    ": libharu error 0x%04X (%s: %s)", (unsigned)code,
		    pdf_strerror(code), strerror((int)detail));
	else
		snprintf(ctx->err + n, ctx->errlen - n,
		    ": libharu error 0x%04X (%s)", (unsigned)code,
		    pdf_strerror(code));
	return -1;
}

/* Puts a plain reason (no libharu code) in ctx->err.  Returns -1. */
static int
pdf_msg(struct pdf_ctx *ctx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
pdf_msg(struct pdf_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrfmt(ctx->err, ctx->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Returns nonzero if st is HPDF_OK and libharu has reported nothing. */
static int
pdf_ok(const struct pdf_ctx *ctx, HPDF_Doc pdf, HPDF_STATUS st)
{
	return st == HPDF_OK && ctx->code == 0 && HPDF_GetError(pdf) == 0;
}

/* Returns a copy of UTF-8 s holding only valid BMP characters (others
 * become U+FFFD), which is all libharu's UTF-8 encoder handles.  The
 * caller frees it. */
static char *
pdf_bmp_copy(const char *s)
{
	size_t	 n = strlen(s), i = 0, len;
	char	*out = xmalloc(3 * n + 1), *p = out;
	long	 cp;

	while (i < n) {
		cp = utf8_decode(s + i, n - i, &len);
		if (cp <= 0 || cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		p += utf8_encode(cp, p);
		i += len;
	}
	*p = '\0';
	return out;
}

/* Returns nonzero if s is plain ASCII. */
static int
pdf_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Returns 0 if every ITEM_SPAN of page p (not a repeat) has its
 * ITEM_SPAN_END after it, as brackets do, else -1. */
static int
pdf_spans_nest(const struct page *p)
{
	size_t	 k, depth = 0;

	if (p->base != 0)
		return 0;	/* a repeat replaces items of the same kind */
	for (k = 0; k < p->nitems; k++)
		if (p->items[k].kind == ITEM_SPAN)
			depth++;
		else if (p->items[k].kind == ITEM_SPAN_END && depth-- == 0)
			return -1;
	return depth == 0 ? 0 : -1;
}

/* Returns nonzero if code point cp is set in the bitmap. */
static int
pdf_used(const unsigned char *used, unsigned long cp)
{
	return (used[cp >> 3] >> (cp & 7)) & 1;
}

/* The first code point from cp on set in the bitmap, or PDF_NCODES: a
 * document uses a few hundred of the 65,536, so empty bytes are skipped
 * whole. */
static unsigned long
pdf_next(const unsigned char *used, unsigned long cp)
{
	while (cp < PDF_NCODES && !pdf_used(used, cp))
		cp = used[cp >> 3] == 0 ? (cp | 7) + 1 : cp + 1;
	return cp;
}

/* The codes of shaped glyph item it in font f, as UTF-8 into buf (4 bytes
 * per byte of its text, and 1), once f has them (pdf_glyph_codes());
 * buf NULL: adds the pairs of glyph and character they are for to f->gc.
 * The glyph is its first character's code, each other character a
 * GCODE_BLANK's.  Returns 0, or -1 if a pair has no code. */
static int
pdf_glyph_scan(struct pdf_font *f, const struct item *it, char *buf)
{
	const struct gcode *gc;
	const char *s = it->text;
	char c[8];
	size_t i = 0, n = strlen(s), len = 0;
	unsigned int gid = it->gid;

	do {
		if (i < n)
			(void)utf8_decode(s + i, n - i, &len);
		memcpy(c, s + i, len);
		c[len] = '\0';
		if (buf == NULL)
			gcodes_add(&f->gc, gid, c);
		else if ((gc = gcodes_find(&f->gc, gid, c)) == NULL)
			return -1;
		else
			buf += utf8_encode((long)gc->code, buf);
		gid = GCODE_BLANK;
		i += len;
	} while (i < n);
	if (buf != NULL)
		*buf = '\0';
	return 0;
}

/* Gives each shaped glyph font f draws a code of its own (glyphcodes.h),
 * marked in f->used and f->glyphs, and its id in f->gids; and, after
 * them, each of its characters from U+0100 up (GCODE_CHAR, marked in
 * f->moved instead of f->used).  Returns 0, or -1 when the codes run
 * out. */
static int
pdf_glyph_codes(struct pdf_font *f)
{
	size_t i;
	unsigned int gid;
	unsigned long cp;
	char c[8];

	if (f->gc.n == 0)
		return 0;
	f->glyphs = xcalloc(PDF_NCODES / 8, 1);
	f->gids = xcalloc(PDF_NCODES / 8, 1);
	f->moved = xcalloc(PDF_NCODES / 8, 1);
	for (cp = pdf_next(f->used, 0x100); cp < PDF_NCODES;
	    cp = pdf_next(f->used, cp + 1)) {
		c[utf8_encode((long)cp, c)] = '\0';
		gcodes_add(&f->gc, GCODE_CHAR, c);
		f->moved[cp >> 3] |= 1u << (cp & 7);
		f->used[cp >> 3] &= ~(1u << (cp & 7));
	}
	if (gcodes_assign(&f->gc, f->used, f->glyphs, PDF_NCODES) == -1)
		return -1;
	for (i = 0; i < PDF_NCODES / 8; i++)
		f->used[i] |= f->glyphs[i];
	for (i = 0; i < f->gc.n; i++) {
		if ((gid = f->gc.v[i].gid) == GCODE_BLANK || gid == GCODE_CHAR)
			continue;
		gid &= 0xFFFF;		/* TrueType ids: 16 bits */
		f->gids[gid >> 3] |= 1u << (gid & 7);
	}
	return 0;
}

/* Checks what libharu would reject less clearly: font indexes, outline
 * pages, the page count.  Records every code point each font draws in
 * fonts[i].used (allocated here; the caller frees).  Returns 0 or -1. */
static int
pdf_scan(const struct doc *d, struct pdf_font *fonts, struct pdf_ctx *ctx)
{
	const struct item	*it;
	size_t			 i, j, k, n, len;
	long			 cp;

	if (d->npages == 0)
		return pdf_msg(ctx, "document has no pages");
	for (i = 0; i < d->npages; i++) {
		if (pdf_spans_nest(&d->pages[i]) == -1)
			return pdf_msg(ctx, "page %zu: its text spans do not "
			    "nest", i + 1);
		for (j = 0; j < d->pages[i].nitems; j++) {
			/* a repeat: only the items it replaces */
			it = page_item(d, i, d->pages[i].base != 0 ?
			    d->pages[i].slot[j] : j);
			if (!item_has_font(it->kind) || (it->kind == ITEM_TEXT &&
			    (it->text == NULL || (it->text[0] == '\0' &&
			    !it->glyph))))
				continue;
			if (it->font < 0 || (size_t)it->font >= d->nfonts)
				return pdf_msg(ctx, "page %zu: text uses "
				    "unknown font %d", i + 1, it->font);
			if (fonts[it->font].used == NULL)
				fonts[it->font].used =
				    xcalloc(PDF_NCODES / 8, 1);
			if (it->kind == ITEM_TEXT && it->glyph) {
				pdf_glyph_scan(&fonts[it->font], it, NULL);
				continue;
			}
			/* a span's anchors (pdf_anchor) are spaces */
			n = it->kind == ITEM_TEXT ? strlen(it->text) : 0;
			if (it->kind != ITEM_TEXT)
				fonts[it->font].used[' ' >> 3] |= 1u << (' ' & 7);
			for (k = 0; k < n; k += len) {
				cp = utf8_decode(it->text + k, n - k, &len);
				if (cp >= 0 && cp < PDF_NCODES)
					fonts[it->font].used[cp >> 3] |=
					    1u << (cp & 7);
			}
		}
	}
	for (i = 0; i < d->nfonts; i++)
		if (pdf_glyph_codes(&fonts[i]) == -1)
			return pdf_msg(ctx, "font %s draws more different "
			    "shaped glyphs than a PDF font has codes",
			    d->fonts[i].path);
	for (i = 0; i < d->npages; i++)
		if (d->pages[i].base > i)
			return pdf_msg(ctx, "page %zu repeats page %zu, not an "
			    "earlier one", i + 1, d->pages[i].base);
	for (i = 0; i < d->noutline; i++)
		if (d->outline[i].page >= d->npages)
			return pdf_msg(ctx, "bookmark \"%s\" points at page "
			    "%zu of %zu", d->outline[i].title,
			    d->outline[i].page + 1, d->npages);
	return 0;
}

/* The characters of UTF-8 text as the hex digits of UTF-16BE, into
 * buf (size at least 8 per byte of text, and 1). */
static void
pdf_utf16_hex(const char *text, char *buf, size_t size)
{
	size_t n = strlen(text), i, len, at = 0;
	long cp;

	buf[0] = '\0';
	for (i = 0; i < n && at + 9 <= size; i += len) {
		cp = utf8_decode(text + i, n - i, &len);
		if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			cp = 0xFFFD;
		if (cp > 0xFFFF)	/* a surrogate pair */
			at += (size_t)snprintf(buf + at, size - at,
			    "%04lX%04lX", 0xD800 + ((cp - 0x10000) >> 10),
			    0xDC00 + ((cp - 0x10000) & 0x3FF));
		else
			at += (size_t)snprintf(buf + at, size - at, "%04lX",
			    cp);
	}
}

static int
pdf_gcode_cmp(const void *a, const void *b)
{
	unsigned long x = (*(const struct gcode *const *)a)->code;
	unsigned long y = (*(const struct gcode *const *)b)->code;

	return x < y ? -1 : x > y;
}

/* The glyph pairs of gc ordered by code, for the CMap (owned by the
 * caller; NULL if none). */
static const struct gcode **
pdf_gcodes_sorted(const struct gcodes *gc)
{
	const struct gcode **v;
	size_t i;

	if (gc == NULL || gc->n == 0)
		return NULL;
	v = xmalloc(gc->n * sizeof(*v));
	for (i = 0; i < gc->n; i++)
		v[i] = &gc->v[i];
	qsort(v, gc->n, sizeof(*v), pdf_gcode_cmp);
	return v;
}

/* Writes n codes as one bfchar block, each mapped to itself, or for a
 * shaped glyph's code (text[i] not NULL) to the characters it stands
 * for.  Returns a libharu status. */
static HPDF_STATUS
pdf_cmap_block(HPDF_Stream s, const unsigned long *code,
    const char *const *text, size_t n)
{
	char		 line[32], *hex;
	size_t		 i, size;
	HPDF_STATUS	 st;

	snprintf(line, sizeof(line), "%zu beginbfchar\n", n);
	st = HPDF_Stream_WriteStr(s, line);
	for (i = 0; i < n && st == HPDF_OK; i++) {
		snprintf(line, sizeof(line), "<%04lX> <", code[i]);
		st = HPDF_Stream_WriteStr(s, line);
		if (text[i] == NULL)
			snprintf(hex = line, sizeof(line), "%04lX", code[i]);
		else {
			size = 8 * strlen(text[i]) + 1;
			pdf_utf16_hex(text[i], hex = xmalloc(size), size);
		}
		if (st == HPDF_OK)
			st = HPDF_Stream_WriteStr(s, hex);
		if (hex != line)
			free(hex);
		if (st == HPDF_OK)
			st = HPDF_Stream_WriteStr(s, ">\n");
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(s, "endbfchar\n");
	return st;
}

/* Writes the mappings of a ToUnicode CMap for the used code points, at
 * most 100 per block as the CMap format requires: a character's code to
 * itself, a shaped glyph's code (gc) to its characters.  Only bfchar:
 * valid bfranges with a nonzero high byte (<03B1> <03B3> <03B1>) are
 * misread by Ghostscript 10.0's text extraction.  Returns a libharu
 * status. */
static HPDF_STATUS
pdf_cmap_body(HPDF_Stream s, const unsigned char *used,
    const struct gcodes *gc)
{
	const struct gcode **glyph = pdf_gcodes_sorted(gc);
	const char	*text[100];
	unsigned long	 cp, code[100];
	size_t		 n = 0, g = 0;
	HPDF_STATUS	 st = HPDF_OK;

	for (cp = pdf_next(used, 0); cp < PDF_NCODES && st == HPDF_OK;
	    cp = pdf_next(used, cp + 1)) {
		text[n] = NULL;
		if (glyph != NULL && g < gc->n && glyph[g]->code == cp)
			text[n] = glyph[g++]->text;
		if (text[n] != NULL && text[n][0] == '\0')
			continue;	/* a glyph of a cluster read before */
		code[n++] = cp;
		if (n == 100) {
			st = pdf_cmap_block(s, code, text, n);
			n = 0;
		}
	}
	if (st == HPDF_OK && n > 0)
		st = pdf_cmap_block(s, code, text, n);
	free(glyph);
	return st;
}

/* Replaces the /W array of CIDFont cid (libharu lists every CID of the
 * BMP whose width differs from /DW: 10-25 KB per font, uncompressed) by
 * the widths of the used codes only, taken from libharu itself
 * (HPDF_Font_TextWidth of one character: 1/1000 em, as in /W; a shaped
 * glyph's code, one of f's gc, its glyph's in the subset).  Returns a
 * libharu status. */
static HPDF_STATUS
pdf_trim_widths(HPDF_Font font, HPDF_Dict cid, const unsigned char *used,
    const struct pdf_font *f)
{
	const struct gcode **glyph;
	HPDF_FontDef	 def = ((HPDF_FontAttr)font->attr)->fontdef;
	size_t		 g = 0;
	HPDF_Array	 w, run = NULL;
	HPDF_TextWidth	 tw;
	HPDF_STATUS	 st;
	unsigned long	 cp, next = 0;
	unsigned int	 gid;
	char		 buf[4];
	size_t		 len;

	if ((w = HPDF_Array_New(cid->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = HPDF_Dict_Add(cid, "W", w)) != HPDF_OK)
		return st;
	glyph = pdf_gcodes_sorted(&f->gc);
	for (cp = pdf_next(used, 0); cp < PDF_NCODES && st == HPDF_OK;
	    cp = pdf_next(used, cp + 1)) {
		if (cp != next)		/* a gap: a new run of CIDs */
			run = NULL;
		next = cp + 1;
		if (run == NULL) {
			if ((st = HPDF_Array_AddNumber(w, (HPDF_INT32)cp)) !=
			    HPDF_OK)
				break;
			if ((run = HPDF_Array_New(cid->mmgr)) == NULL)
				st = HPDF_FAILD_TO_ALLOC_MEM;
			else
				st = HPDF_Array_Add(w, run);
			if (st != HPDF_OK)
				break;
		}
		len = utf8_encode((long)cp, buf);
		tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)buf,
		    (HPDF_UINT)len);
		if (glyph != NULL && g < f->gc.n && glyph[g]->code == cp) {
			gid = f->subgid[glyph[g] - f->gc.v];
			tw.width = gid == GCODE_BLANK ? 0 :
			    (HPDF_UINT)HPDF_TTFontDef_GetGidWidth(def,
			    (HPDF_UINT16)gid);
			g++;
		}
		st = HPDF_Array_AddNumber(run, (HPDF_INT32)tw.width);
	}
	free(glyph);
	return st;
}

/* The stream object under key in dict when libharu keeps its data in
 * memory (as for every stream it makes), else NULL. */
static HPDF_Dict
pdf_mem_stream(HPDF_Dict dict, const char *key)
{
	HPDF_Dict s = HPDF_Dict_GetItem(dict, key, HPDF_OCLASS_DICT);

	if (s == NULL || s->stream == NULL ||
	    s->stream->type != HPDF_STREAM_MEMORY)
		return NULL;
	return s;
}

/* Writes the /CIDToGIDMap stream of CIDFont cid (def its font's
 * definition) for the used codes: a character's code (CID = Unicode) to
 * its glyph in def, a shaped glyph's code (f's gc) to that glyph's id in
 * the subset (f->subgid), a blank code to blank; others map to glyph 0
 * and the map ends at the last used code.  Returns a libharu status. */
static HPDF_STATUS
pdf_write_gidmap(HPDF_Dict cid, HPDF_FontDef def, const unsigned char *used,
    const struct pdf_font *f, HPDF_UINT16 blank)
{
	const struct gcodes *gc = &f->gc;
	HPDF_Dict	 map;
	unsigned int	 gid;
	HPDF_BYTE	*buf;
	unsigned long	 cp, last = 0;
	size_t		 i;
	HPDF_STATUS	 st;

	if ((map = pdf_mem_stream(cid, "CIDToGIDMap")) == NULL)
		return HPDF_INVALID_FONT;
	for (cp = pdf_next(used, 0); cp < PDF_NCODES;
	    cp = pdf_next(used, cp + 1))
		last = cp;
	buf = xcalloc(2 * (last + 1), 1);
	for (cp = pdf_next(used, 0); cp < PDF_NCODES;
	    cp = pdf_next(used, cp + 1)) {
		gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		buf[2 * cp] = (HPDF_BYTE)(gid >> 8);
		buf[2 * cp + 1] = (HPDF_BYTE)gid;
	}
	for (i = 0; i < gc->n; i++) {
		cp = gc->v[i].code;
		if (cp > last || !pdf_used(used, cp))
			continue;
		gid = f->subgid[i] == GCODE_BLANK ? blank : f->subgid[i];
		buf[2 * cp] = (HPDF_BYTE)(gid >> 8);
		buf[2 * cp + 1] = (HPDF_BYTE)gid;
	}
	HPDF_MemStream_FreeData(map->stream);
	st = HPDF_Stream_Write(map->stream, buf, (HPDF_UINT)(2 * (last + 1)));
	free(buf);
	return st;
}

/* Makes a Type0 font from libharu's UTF-8 path well-formed and small,
 * given the codes it will draw: replaces the body of its /ToUnicode stream
 * (a copy of the encoder's CID CMap) by a ToUnicode CMap mapping each used
 * code (CID = Unicode) to itself, and each shaped glyph's code (f->gc) to
 * its characters, and drops that stream's CMap-only keys;
 * in the descendant CIDFont sets Ordering to "Identity" (libharu writes
 * "Identity-H") and writes /W and /CIDToGIDMap for the used codes.  The
 * objects stay owned by the document.  Returns a libharu status;
 * HPDF_INVALID_FONT if the font is not laid out as expected. */
static HPDF_STATUS
pdf_fix_font(HPDF_Font font, const unsigned char *used,
    const struct pdf_font *f)
{
	static const char	*head =
	    "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\n"
	    "begincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n"
	    "1 begincodespacerange\n"
	    "<0000> <FFFF>\n"
	    "endcodespacerange\n";
	static const char	*tail =
	    "endcmap\n"
	    "CMapName currentdict /CMap defineresource pop\n"
	    "end\n"
	    "end\n";
	HPDF_Dict		 cmap, cid, info;
	HPDF_FontDef		 def;
	HPDF_Array		 desc;
	HPDF_String		 ord;
	HPDF_STATUS		 st;

	if ((cmap = pdf_mem_stream(font, "ToUnicode")) == NULL)
		return HPDF_INVALID_FONT;
	HPDF_MemStream_FreeData(cmap->stream);
	(void)HPDF_Dict_RemoveElement(cmap, "Type");
	(void)HPDF_Dict_RemoveElement(cmap, "CMapName");
	(void)HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
	(void)HPDF_Dict_RemoveElement(cmap, "WMode");
	st = HPDF_Stream_WriteStr(cmap->stream, head);
	if (st == HPDF_OK)
		st = pdf_cmap_body(cmap->stream, used, &f->gc);
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(cmap->stream, tail);
	if (st != HPDF_OK)
		return st;

	desc = HPDF_Dict_GetItem(font, "DescendantFonts", HPDF_OCLASS_ARRAY);
	if (desc == NULL)
		return HPDF_INVALID_FONT;
	cid = HPDF_Array_GetItem(desc, 0, HPDF_OCLASS_DICT);
	if (cid == NULL)
		return HPDF_INVALID_FONT;
	info = HPDF_Dict_GetItem(cid, "CIDSystemInfo", HPDF_OCLASS_DICT);
	if (info == NULL)
		return HPDF_INVALID_FONT;
	ord = HPDF_String_New(info->mmgr, "Identity", NULL);
	if (ord == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = HPDF_Dict_Add(info, "Ordering", ord)) != HPDF_OK)
		return st;
	if ((st = pdf_trim_widths(font, cid, used, f)) != HPDF_OK)
		return st;
	/* a blank code draws the space's glyph (kept: subset_make()) */
	def = ((HPDF_FontAttr)font->attr)->fontdef;
	return pdf_write_gidmap(cid, def, used, f,
	    HPDF_TTFontDef_GetGlyphid(def, ' '));
}

/* The WinAnsiEncoding byte of cp (std is libharu's encoder), or 0. */
static unsigned char
pdf_ansi_byte(HPDF_Encoder std, unsigned long cp)
{
	unsigned int	 b;

	if (cp >= 0x20 && cp <= 0xFF &&
	    HPDF_Encoder_GetUnicode(std, (HPDF_UINT16)cp) == cp)
		return (unsigned char)cp;
	for (b = 0x80; b < 0xA0; b++)
		if (HPDF_Encoder_GetUnicode(std, (HPDF_UINT16)b) == cp)
			return (unsigned char)b;
	return 0;
}

/* The byte of cp in font f's simple font (pdf_encoder()), or 0 when cp is
 * drawn with its UTF-8 font. */
static unsigned char
pdf_code(const struct pdf_font *f, long cp)
{
	const unsigned char *block;

	if (cp < 0 || cp >= PDF_NCODES ||
	    (block = f->code[cp / 256]) == NULL)
		return 0;
	return block[cp % 256];
}

/* Records b as cp's byte in f's simple font. */
static void
pdf_set_code(struct pdf_font *f, unsigned long cp, unsigned char b)
{
	if (f->code[cp / 256] == NULL)
		f->code[cp / 256] = xcalloc(256, 1);
	f->code[cp / 256][cp % 256] = b;
}

/* Writes the /Encoding of a font with pdf_encoder()'s encoding enc in
 * place of libharu's, which names each /Differences glyph from the Adobe
 * Glyph List: a few of those names read back as another character
 * ("Delta" as U+2206 INCREMENT, "mu" as U+00B5 MICRO SIGN).  "uniXXXX"
 * names say exactly which character the code is.  An encoder write
 * function (hpdf_encoder.h); returns a libharu status. */
static HPDF_STATUS
pdf_encoding_write(HPDF_Encoder enc, HPDF_Stream out)
{
	HPDF_BasicEncoderAttr	 attr = enc->attr;
	HPDF_STATUS		 st;
	char			 buf[32];
	unsigned int		 b;

	if (!attr->has_differences)
		return HPDF_Stream_WriteStr(out,
		    "/Encoding /WinAnsiEncoding\012");
	st = HPDF_Stream_WriteStr(out, "/Encoding <<\012/Type /Encoding\012"
	    "/BaseEncoding /WinAnsiEncoding\012/Differences [");
	for (b = 0; b < 256 && st == HPDF_OK; b++) {
		if (!attr->differences[b])
			continue;
		snprintf(buf, sizeof(buf), "%u /uni%04X ", b,
		    (unsigned int)attr->unicode_map[b]);
		st = HPDF_Stream_WriteStr(out, buf);
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(out, "]\012>>\012");
	return st;
}

/*
 * Makes document font i's own encoding: WinAnsiEncoding, with the codes
 * from 0x7F up that this font leaves unused (those WinAnsi leaves empty,
 * and those of characters it does not draw) given to the characters it
 * draws that WinAnsi lacks (a math minus, ≤, π, Greek), each listed in
 * /Differences as uniXXXX (pdf_encoding_write()), by which viewers find
 * the glyph and text extraction the character.  Characters beyond the free
 * codes stay out, for the Unicode subset, as do all the characters of a
 * font that draws shaped glyphs (f->glyphs).  std is libharu's
 * WinAnsiEncoding; the encoder belongs to pdf.  Touches hpdf_encoder.h's
 * basic encoder.  Returns it, or NULL.
 */
static HPDF_Encoder
pdf_encoder(HPDF_Doc pdf, HPDF_Encoder std, struct pdf_font *f, size_t i)
{
	const unsigned char	*used = f->used;
	HPDF_Encoder		 enc;
	HPDF_BasicEncoderAttr	 attr;
	HPDF_UNICODE		 u;
	unsigned long		 cp;
	unsigned int		 b = 0x7F;
	unsigned char		 code;

	if ((enc = HPDF_BasicEncoder_New(pdf->mmgr,
	    HPDF_ENCODING_WIN_ANSI)) == NULL)
		return NULL;
	snprintf(enc->name, sizeof(enc->name), "mimeo-encoding-%zu", i);
	if (HPDF_Doc_RegisterEncoder(pdf, enc) != HPDF_OK) {
		HPDF_Encoder_Free(enc);
		return NULL;
	}
	enc->write_fn = pdf_encoding_write;
	attr = enc->attr;
	/* a face that draws shaped glyphs needs its UTF-8 font anyway: all
	 * its text goes there, one subset embedded instead of two */
	if (f->glyphs != NULL)
		return enc;
	for (cp = pdf_next(used, 0); cp < PDF_NCODES;
	    cp = pdf_next(used, cp + 1)) {
		if (f->glyphs != NULL && pdf_used(f->glyphs, cp))
			continue;	/* a glyph: for the UTF-8 font */
		if ((code = pdf_ansi_byte(std, cp)) != 0) {
			pdf_set_code(f, cp, code);	/* its WinAnsi code */
			continue;
		}
		for (; cp >= 0x20 && b <= 0xFF; b++) {
			u = HPDF_Encoder_GetUnicode(std, (HPDF_UINT16)b);
			if (u == 0 || !pdf_used(used, u))
				break;
		}
		if (cp < 0x20 || b > 0xFF)
			continue;	/* for the UTF-8 font */
		pdf_set_code(f, cp, (unsigned char)b);
		attr->unicode_map[b] = (HPDF_UNICODE)cp;
		attr->differences[b] = 1;
		attr->has_differences = HPDF_TRUE;
		b++;
	}
	return enc;
}

/*
 * Registers TrueType font data (len bytes) with pdf as an embedded font
 * known by key, and returns its definition or NULL.  libharu 2.3.0 reads
 * fonts from a file only (through stdio, one seek and read per table
 * field); this is what HPDF_LoadTTFontFromFile does after reading, from a
 * memory stream instead: parse, name the subset with the document's next
 * tag (HPDFAA, HPDFAB, ... as libharu counts them), register.  It uses
 * libharu's installed internal headers (hpdf_doc.h, hpdf_fontdef.h).
 */
static HPDF_FontDef
pdf_font_from_memory(HPDF_Doc pdf, const char *data, size_t len,
    const char *key)
{
	HPDF_Stream	 mem;
	HPDF_FontDef	 def;
	HPDF_TTFontDefAttr attr;
	char		 tag[HPDF_TTF_FONT_TAG_LEN + 1];
	int		 i;
	static const HPDF_BYTE pad[16];

	if ((mem = HPDF_MemStream_New(pdf->mmgr, (HPDF_UINT)len +
	    sizeof(pad))) == NULL)
		return NULL;
	/* libharu seeks to each glyph it measures: an empty last glyph
	 * starts at the end of the data, past which a memory stream (unlike
	 * a file) cannot seek */
	if (HPDF_Stream_Write(mem, (const HPDF_BYTE *)data, (HPDF_UINT)len) !=
	    HPDF_OK || HPDF_Stream_Write(mem, pad, sizeof(pad)) != HPDF_OK) {
		HPDF_Stream_Free(mem);
		return NULL;
	}
	if ((def = HPDF_TTFontDef_Load(pdf->mmgr, mem, HPDF_TRUE)) == NULL)
		return NULL;	/* it freed mem */
	/* libharu embeds only the glyphs it has measured, with the parts of
	 * a composite glyph the first time it sees it and not their parts:
	 * after "ό" (made of "ο" and a tonos) an "ο" (made of "o") printed
	 * as nothing.  The subset holds just the glyphs drawn and all their
	 * parts (HarfBuzz's closure), so every one of them is embedded. */
	attr = (HPDF_TTFontDefAttr)def->attr;
	memset(attr->glyph_tbl.flgs, 1, attr->num_glyphs);
	if (pdf->ttfont_tag[0] == 0)
		memcpy(pdf->ttfont_tag, "HPDFAA", HPDF_TTF_FONT_TAG_LEN);
	else
		for (i = HPDF_TTF_FONT_TAG_LEN - 1; i >= 0; i--) {
			if (++pdf->ttfont_tag[i] <= 'Z')
				break;
			pdf->ttfont_tag[i] = 'A';
		}
	memcpy(tag, pdf->ttfont_tag, HPDF_TTF_FONT_TAG_LEN);
	tag[HPDF_TTF_FONT_TAG_LEN] = '\0';
	HPDF_TTFontDef_SetTagName(def, tag);	/* "HPDFAA+" + its name */
	/* from here on only the lookup key: the file keeps its name */
	snprintf(def->base_font, sizeof(def->base_font), "%s", key);
	if (HPDF_Doc_RegisterFontDef(pdf, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	return def;
}

/*
 * The Type0 font of the font definition registered as name, with
 * libharu's UTF-8 encoder, made without libharu's pass over the BMP:
 * HPDF_Type0Font_New() (hpdf_font_cid.c) looks up the glyph and the
 * width of each of the 65,536 codes of an encoder that is not a CMap
 * encoder (UTF-8 is not), some 4 M instructions a face, for a /W and a
 * /CIDToGIDMap that pdf_fix_font() replaces with the used codes' anyway.
 * For the call the encoder passes for a CMap encoder mapping one code,
 * the space, to CID 1, so libharu maps that alone; its own state (row 0
 * of cid_map holds the UTF-8 decoder's bytes) is put back after.
 * Touches hpdf_encoder.h's CMap encoder.  Returns the font, or NULL.
 */
static HPDF_Font
pdf_type0_font(HPDF_Doc pdf, const char *name)
{
	HPDF_Encoder		 enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr	 attr;
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_UINT16		 row[256];
	HPDF_UNICODE		 space;
	HPDF_Font		 font;

	if (enc == NULL || enc->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE)
		return NULL;
	attr = (HPDF_CMapEncoderAttr)enc->attr;
	to_unicode = enc->to_unicode_fn;
	memcpy(row, attr->cid_map[0], sizeof(row));
	space = attr->unicode_map[0][' '];
	memset(attr->cid_map[0], 0, sizeof(row));
	attr->cid_map[0][' '] = 1;
	attr->unicode_map[0][' '] = ' ';
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	memcpy(attr->cid_map[0], row, sizeof(row));
	attr->unicode_map[0][' '] = space;
	return font;
}

/* Loads into *font, embedded, the subset of face df holding the code
 * points set in codes, with libharu's encoding enc, under key (unique in
 * the document: libharu knows a font by its PostScript name and would
 * hand back this one for another subset of the same face).  Returns 0 or
 * -1 with ctx->err set. */
static int
pdf_load_subset(HPDF_Doc pdf, const struct docfont *df,
    const unsigned char *codes, const unsigned char *glyphs, unsigned int *ids,
    size_t nids, const char *enc, const char *key, HPDF_Font *font,
    struct pdf_ctx *ctx)
{
	HPDF_FontDef	 def;
	char		*data;
	size_t		 len;
	struct hb_face_t *shaped;
	int		 rc;

	if (df->index < 0)
		return pdf_msg(ctx, "cannot load font %s: bad face index %d",
		    df->path, df->index);
	/* the face as shaping read it, if it did: not read again */
	shaped = fonts_hb_face(df->path, df->index);
	rc = subset_make(df->path, df->index, shaped, codes, glyphs, ids, nids,
	    PDF_NCODES, &data, &len, ctx->err, ctx->errlen);
	hb_face_destroy(shaped);
	if (rc == -1)
		return -1;
	def = pdf_font_from_memory(pdf, data, len, key);
	free(data);
	if (def == NULL || !pdf_ok(ctx, pdf, HPDF_OK))
		return pdf_fail(ctx, pdf, HPDF_INVALID_FONT,
		    "cannot load font %s", df->path);
	if (strcmp(enc, "UTF-8") == 0)
		*font = pdf_type0_font(pdf, def->base_font);
	else
		*font = HPDF_GetFont(pdf, def->base_font, enc);
	if (*font == NULL || !pdf_ok(ctx, pdf, HPDF_OK))
		return pdf_fail(ctx, pdf, HPDF_INVALID_FONT,
		    "cannot use font %s", df->path);
	return 0;
}

/* Gives each character of font f drawn by a code of gc (GCODE_CHAR) its
 * glyph in f's UTF-8 subset, as f->subgid has each shaped glyph's. */
static void
pdf_moved_gids(struct pdf_font *f)
{
	HPDF_FontDef	 def = ((HPDF_FontAttr)f->font->attr)->fontdef;
	size_t		 i, len;
	const char	*c;

	for (i = 0; i < f->gc.n; i++)
		if (f->gc.v[i].gid == GCODE_CHAR) {
			c = f->gc.v[i].text;
			f->subgid[i] = HPDF_TTFontDef_GetGlyphid(def,
			    (HPDF_UINT16)utf8_decode(c, strlen(c), &len));
		}
}

/*
 * Loads font f (document font i) as up to two subsets of its face: the
 * characters with a byte in its encoding (f->code, pdf_encoder()) as a
 * simple TrueType font, the others (those without a glyph name, or past
 * the free codes) as a UTF-8 Type0 font, fixed by pdf_fix_font().
 * Returns 0 or -1 with ctx->err set.
 */
static int
pdf_load_font(HPDF_Doc pdf, const struct docfont *df, size_t i,
    struct pdf_font *f, struct pdf_ctx *ctx)
{
	unsigned char	*ansi, *uni, *chars;
	unsigned long	 cp;
	int		 nansi = 0, nuni = 0, rc = 0;
	size_t		 j;
	char		 key[64];
	HPDF_STATUS	 st;

	ansi = xcalloc(PDF_NCODES / 8, 1);
	uni = xcalloc(PDF_NCODES / 8, 1);
	chars = xcalloc(PDF_NCODES / 8, 1);
	for (cp = pdf_next(f->used, 0); cp < PDF_NCODES;
	    cp = pdf_next(f->used, cp + 1)) {
		if (pdf_code(f, (long)cp) != 0) {
			ansi[cp >> 3] |= 1u << (cp & 7);
			nansi++;
		} else {
			uni[cp >> 3] |= 1u << (cp & 7);
			if (f->glyphs == NULL || !pdf_used(f->glyphs, cp))
				chars[cp >> 3] |= 1u << (cp & 7);
			nuni++;
		}
	}
	for (j = 0; f->moved != NULL && j < PDF_NCODES / 8; j++)
		chars[j] |= f->moved[j];
	snprintf(key, sizeof(key), "mimeo-font-%zu-ansi", i);
	if (nansi > 0)
		rc = pdf_load_subset(pdf, df, ansi, NULL, NULL, 0, f->enc->name,
		    key, &f->ansi, ctx);
	snprintf(key, sizeof(key), "mimeo-font-%zu-utf8", i);
	if (rc == 0 && nuni > 0) {
		f->subgid = xcalloc(f->gc.n + 1, sizeof(*f->subgid));
		for (j = 0; j < f->gc.n; j++)
			f->subgid[j] = f->gc.v[j].gid;
		rc = pdf_load_subset(pdf, df, chars, f->gids, f->subgid,
		    f->gc.n, "UTF-8", key, &f->font, ctx);
	}
	if (rc == 0 && nuni > 0) {
		pdf_moved_gids(f);
		st = pdf_fix_font(f->font, uni, f);
		if (!pdf_ok(ctx, pdf, st))
			rc = pdf_fail(ctx, pdf, st, "cannot adjust font %s",
			    df->path);
	}
	free(ansi);
	free(uni);
	free(chars);
	return rc;
}

/* Loads every font that draws some text.  Fonts belong to pdf.  Returns 0
 * or -1 with ctx->err set. */
static int
pdf_load_fonts(HPDF_Doc pdf, const struct doc *d, struct pdf_font *fonts,
    struct pdf_ctx *ctx)
{
	HPDF_Encoder	 std;
	size_t		 i;

	if ((std = HPDF_GetEncoder(pdf, HPDF_ENCODING_WIN_ANSI)) == NULL)
		return pdf_fail(ctx, pdf, HPDF_INVALID_ENCODER,
		    "cannot use WinAnsiEncoding");
	for (i = 0; i < d->nfonts; i++) {
		if (fonts[i].used == NULL)
			continue;
		if ((fonts[i].enc = pdf_encoder(pdf, std, &fonts[i], i)) ==
		    NULL)
			return pdf_fail(ctx, pdf, HPDF_INVALID_ENCODER,
			    "cannot make an encoding for font %s",
			    d->fonts[i].path);
		if (pdf_load_font(pdf, &d->fonts[i], i, &fonts[i], ctx) == -1)
			return -1;
	}
	return 0;
}

/* SOURCE_DATE_EPOCH as a libharu date in *dt.  Returns 1 if it is set,
 * 0 if not, -1 (ctx->err set) if it is not a usable number of seconds. */
static int
pdf_epoch(HPDF_Date *dt, struct pdf_ctx *ctx)
{
	struct tm	 tm;
	int		 have;

	if ((have = source_date_epoch(&tm, ctx->err, ctx->errlen)) != 1)
		return have;
	memset(dt, 0, sizeof(*dt));
	dt->year = tm.tm_year + 1900;
	dt->month = tm.tm_mon + 1;
	dt->day = tm.tm_mday;
	dt->hour = tm.tm_hour;
	dt->minutes = tm.tm_min;
	dt->seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	dt->ind = 'Z';
	return 1;
}

/* Sets one text of the Info dictionary (UTF-16 when not ASCII); none when
 * text is NULL or empty.  Returns 0 or -1 with ctx->err set. */
static int
pdf_info_text(HPDF_Doc pdf, HPDF_InfoType type, const char *text,
    const char *what, struct pdf_ctx *ctx)
{
	HPDF_STATUS	 st = HPDF_OK;
	char		*copy;

	if (text == NULL || text[0] == '\0')
		return 0;
	copy = pdf_bmp_copy(text);
	/* strings take the current encoder: UTF-8 -> <FEFF...> */
	if (!pdf_ascii(copy))
		st = HPDF_SetCurrentEncoder(pdf, "UTF-8");
	if (st == HPDF_OK)
		st = HPDF_SetInfoAttr(pdf, type, copy);
	free(copy);
	if (pdf_ok(ctx, pdf, st))
		return 0;
	return pdf_fail(ctx, pdf, st, "cannot set PDF %s", what);
}

/* The catalog's /Lang: the language of the printed labels, which screen
 * readers and PDF/UA checkers read.  Returns 0 or -1 with ctx->err set. */
static int
pdf_set_lang(HPDF_Doc pdf, const char *lang, struct pdf_ctx *ctx)
{
	HPDF_String	 s;
	HPDF_STATUS	 st;

	if (lang == NULL || lang[0] == '\0')
		return 0;
	if ((s = HPDF_String_New(pdf->mmgr, lang, NULL)) == NULL)
		return pdf_fail(ctx, pdf, HPDF_GetError(pdf), "cannot set "
		    "PDF language");
	st = HPDF_Dict_Add(pdf->catalog, "Lang", s);
	if (!pdf_ok(ctx, pdf, st))
		return pdf_fail(ctx, pdf, st, "cannot set PDF language");
	return 0;
}

/* Sets Creator, Title, Subject, Keywords, /Lang and, with
 * SOURCE_DATE_EPOCH, both dates.  Returns 0 or -1 with ctx->err set. */
static int
pdf_set_info(HPDF_Doc pdf, const struct doc *d, struct pdf_ctx *ctx)
{
	HPDF_Date	 dt;
	HPDF_STATUS	 st;
	int		 have;

	if ((have = pdf_epoch(&dt, ctx)) == -1)
		return -1;
	st = HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "mimeo");
	if (!pdf_ok(ctx, pdf, st))
		return pdf_fail(ctx, pdf, st, "cannot set PDF creator");
	if (pdf_info_text(pdf, HPDF_INFO_TITLE, d->title, "title", ctx) < 0 ||
	    pdf_info_text(pdf, HPDF_INFO_SUBJECT, d->subject, "subject",
	    ctx) < 0 || pdf_info_text(pdf, HPDF_INFO_KEYWORDS, d->keywords,
	    "keywords", ctx) < 0 || pdf_set_lang(pdf, d->lang, ctx) < 0)
		return -1;
	if (have) {
		st = HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
		if (st == HPDF_OK)
			st = HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, dt);
		if (!pdf_ok(ctx, pdf, st))
			return pdf_fail(ctx, pdf, st, "cannot set PDF dates");
	}
	return 0;
}

/*
 * Draws a space (no ink) in font at size, its advance ending at x when
 * `end` is set, else starting there, on the baseline at y (top-down; h the
 * page height), outside any q ... Q so that the font stays set.
 *
 * Poppler puts a span's text where the first glyph in it starts and makes
 * it as wide as the glyphs up to the end of the last one, in the font and
 * size of the graphics state at EMC (with none set, it takes the text for
 * vertical).  A stacked fraction starts with its raised numerator, so the
 * span starts and ends with this anchor on the math's baseline.  Returns
 * a libharu status.
 */
static HPDF_STATUS
pdf_anchor(HPDF_Page page, double h, HPDF_Font font, const struct item *it,
    int end)
{
	HPDF_STATUS	 st;
	double		 x = it->x;

	if (end)
		x -= HPDF_Font_TextWidth(font, (const HPDF_BYTE *)" ",
		    1).width * it->size / 1000.0;
	st = HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)it->size);
	if (st == HPDF_OK)
		st = HPDF_Page_BeginText(page);
	if (st == HPDF_OK)
		st = HPDF_Page_TextOut(page, (HPDF_REAL)x,
		    (HPDF_REAL)(h - it->y), " ");
	if (st == HPDF_OK)
		st = HPDF_Page_EndText(page);
	return st;
}

/*
 * The characters of UTF-8 text t (n bytes) in the order a reader of the
 * PDF expects them in a span's /ActualText: as written, unless the text
 * holds a letter written right to left; then in the order they are drawn,
 * by the bidi algorithm (FriBidi, its direction the first strong
 * letter's, brackets not mirrored, a mark before its letter as it comes
 * reversed), since poppler's pdftotext puts a right-to-left line's text
 * back in reading order itself.  Returns the
 * number of characters in *out (allocated).
 */
static size_t
pdf_span_chars(const char *t, size_t n, FriBidiChar **out)
{
	FriBidiChar *c = xcalloc(n + 1, sizeof(*c)), *v;
	FriBidiCharType *types;
	FriBidiLevel *levels;
	FriBidiStrIndex *map;
	FriBidiParType dir = FRIBIDI_PAR_ON;
	size_t len, i;
	int rtl = 0;

	len = (size_t)fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, t,
	    (FriBidiStrIndex)n, c);
	for (i = 0; i < len && !rtl; i++)
		rtl = script_rtl((long)c[i]);
	*out = c;
	if (!rtl)
		return len;
	types = xcalloc(len + 1, sizeof(*types));
	levels = xcalloc(len + 1, sizeof(*levels));
	map = xcalloc(len + 1, sizeof(*map));
	v = xcalloc(len + 1, sizeof(*v));
	fribidi_get_bidi_types(c, (FriBidiStrIndex)len, types);
	for (i = 0; i < len; i++)
		map[i] = (FriBidiStrIndex)i;
	if (fribidi_get_par_embedding_levels_ex(types, NULL,
	    (FriBidiStrIndex)len, &dir, levels) == 0 ||
	    fribidi_reorder_line(0, types,
	    (FriBidiStrIndex)len, 0, dir, levels, NULL, map) == 0)
		for (i = 0; i < len; i++)	/* no memory: as written */
			map[i] = (FriBidiStrIndex)i;
	for (i = 0; i < len; i++)
		v[i] = c[map[i]];
	free(c);
	free(types);
	free(levels);
	free(map);
	*out = v;
	return len;
}

/* Writes the start of a span reading as UTF-8 text (ITEM_SPAN), or its
 * end (ITEM_SPAN_END), into page's current content stream, with its
 * anchor (pdf_anchor): marked content whose /ActualText is a PDF text
 * string in UTF-16BE, as hex.  Only between the objects of the page (not
 * in a text or path object).  Returns a libharu status. */
static HPDF_STATUS
pdf_mark(HPDF_Page page, double h, const struct item *it, HPDF_Font font)
{
	HPDF_Stream	 out = ((HPDF_PageAttr)page->attr)->stream;
	HPDF_STATUS	 st;
	const char	*t = it->text != NULL ? it->text : "";
	size_t		 n = strlen(t), i, nc;
	char		 hex[16];
	long		 cp;
	FriBidiChar	*c;

	if (HPDF_Page_GetGMode(page) != HPDF_GMODE_PAGE_DESCRIPTION)
		return HPDF_INVALID_PAGE;
	if (it->kind == ITEM_SPAN_END) {
		st = pdf_anchor(page, h, font, it, 1);
		return st == HPDF_OK ? HPDF_Stream_WriteStr(out, "EMC\n") :
		    st;
	}
	st = HPDF_Stream_WriteStr(out, "/Span <</ActualText <FEFF");
	nc = pdf_span_chars(t, n, &c);
	for (i = 0; i < nc && st == HPDF_OK; i++) {
		cp = (long)c[i];
		if (cp < 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			cp = 0xFFFD;
		if (cp > 0xFFFF)	/* a surrogate pair */
			snprintf(hex, sizeof(hex), "%04lX%04lX",
			    0xD800 + ((cp - 0x10000) >> 10),
			    0xDC00 + ((cp - 0x10000) & 0x3FF));
		else
			snprintf(hex, sizeof(hex), "%04lX", cp);
		st = HPDF_Stream_WriteStr(out, hex);
	}
	free(c);
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(out, ">>> BDC\n");
	return st == HPDF_OK ? pdf_anchor(page, h, font, it, 0) : st;
}

/* Draws picture img (loaded as image) in the box of it, h the page
 * height: a JPEG stored sideways or mirrored turned upright by its
 * matrix (a PNG's pixels come from image_decode(), upright already).
 * Returns a libharu status. */
static HPDF_STATUS
pdf_picture(HPDF_Page page, double h, const struct item *it,
    const struct image *img, HPDF_Image image)
{
	HPDF_STATUS	 st, rs;
	double		 m[6];

	if (img->orient <= 1 || img->kind != IMAGE_JPEG)
		return HPDF_Page_DrawImage(page, image, (HPDF_REAL)it->x,
		    (HPDF_REAL)(h - it->y - it->h), (HPDF_REAL)it->w,
		    (HPDF_REAL)it->h);
	image_matrix(img, it->x, h - it->y - it->h, it->w, it->h, m);
	if ((st = HPDF_Page_GSave(page)) != HPDF_OK)
		return st;
	st = HPDF_Page_Concat(page, (HPDF_REAL)m[0], (HPDF_REAL)m[1],
	    (HPDF_REAL)m[2], (HPDF_REAL)m[3], (HPDF_REAL)m[4],
	    (HPDF_REAL)m[5]);
	if (st == HPDF_OK)
		st = HPDF_Page_ExecuteXObject(page, image);
	rs = HPDF_Page_GRestore(page);
	return st != HPDF_OK ? st : rs;
}

/* Sets the stroke dash of an item: 1 dashed, 2 dotted, else solid.
 * Returns a libharu status. */
static HPDF_STATUS
pdf_dash(HPDF_Page page, int dash)
{
	static const HPDF_UINT16 dashed[] = { 4, 3 }, dotted[] = { 1, 2 };

	if (dash == 1)
		return HPDF_Page_SetDash(page, dashed, 2, 0);
	if (dash == 2)
		return HPDF_Page_SetDash(page, dotted, 2, 0);
	return HPDF_OK;
}

/* Sets stroke colour, width and dash for a LINE/RECT/CIRCLE item.
 * Returns a libharu status. */
static HPDF_STATUS
pdf_pen(HPDF_Page page, const struct item *it)
{
	HPDF_STATUS st;

	st = HPDF_Page_SetRGBStroke(page, (HPDF_REAL)it->color.r,
	    (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
	if (st == HPDF_OK)
		st = HPDF_Page_SetLineWidth(page, (HPDF_REAL)it->width);
	if (st == HPDF_OK)
		st = pdf_dash(page, it->dash);
	return st;
}

/*
 * Shows codes, the UTF-8 of a run's codes in a font's UTF-8 (Type0,
 * Identity-H) font, where the text position is (HPDF_Page_TextOut() with
 * no text): each code as its two bytes, high first, in a literal string
 * written into the page's content stream, "(...) Tj".  libharu writes
 * them in hex, four digits a code: twice the bytes to write and
 * compress.  Only \, the parentheses and the line ends are escaped (an
 * unescaped CR would be read as LF).  Returns a libharu status.
 */
static HPDF_STATUS
pdf_show_codes(HPDF_Page page, const char *codes)
{
	HPDF_Stream	 out = ((HPDF_PageAttr)page->attr)->stream;
	size_t		 n = strlen(codes), i, len, k = 0;
	unsigned char	*buf = xmalloc(4 * n + 8), b[2];
	long		 code;
	int		 j;
	HPDF_STATUS	 st;

	buf[k++] = '(';
	for (i = 0; i < n; i += len) {
		code = utf8_decode(codes + i, n - i, &len);
		if (code < 0 || code > 0xFFFF)
			code = ' ';	/* as libharu's UTF-8 encoder */
		b[0] = (unsigned char)(code >> 8);
		b[1] = (unsigned char)code;
		for (j = 0; j < 2; j++) {
			if (b[j] == '(' || b[j] == ')' || b[j] == '\\' ||
			    b[j] == '\r' || b[j] == '\n')
				buf[k++] = '\\';
			buf[k++] = b[j] == '\r' ? 'r' : b[j] == '\n' ? 'n' :
			    b[j];
		}
	}
	memcpy(buf + k, ") Tj\012", 6);
	st = HPDF_Stream_Write(out, buf, (HPDF_UINT)(k + 5));
	free(buf);
	return st;
}

/* Whether font f draws character cp by a code of gc (GCODE_CHAR). */
static int
pdf_char_moved(const struct pdf_font *f, long cp)
{
	return f->moved != NULL && cp >= 0 && cp < PDF_NCODES &&
	    pdf_used(f->moved, (unsigned long)cp);
}

/* The code font f draws moved character cp with (pdf_char_moved()). */
static long
pdf_char_code(const struct pdf_font *f, long cp)
{
	const struct gcode *gc;
	char c[8];

	c[utf8_encode(cp, c)] = '\0';
	gc = gcodes_find(&f->gc, GCODE_CHAR, c);
	return gc != NULL ? (long)gc->code : cp;
}

/* Shows the text of it (h the page height) in font f, inside a text
 * object: each run of characters with a WinAnsi byte in the simple font,
 * as those bytes, each other run in the UTF-8 font, one after the other.
 * Returns a libharu status. */
static HPDF_STATUS
pdf_show(HPDF_Page page, double h, const struct item *it,
    const struct pdf_font *f)
{
	const char	*s = it->text;
	/* a code of gc is at most 3 bytes of UTF-8, its character 2 */
	size_t		 n = strlen(s), i = 0, j, len;
	char		*run = xmalloc(2 * n + 1), *p;
	unsigned char	 b;
	HPDF_STATUS	 st = HPDF_OK;
	int		 ansi;
	long		 cp;

	while (i < n && st == HPDF_OK) {
		for (j = i, p = run, ansi = -1; j < n; j += len) {
			b = pdf_code(f, cp = utf8_decode(s + j, n - j, &len));
			if (ansi == -1)
				ansi = b != 0;
			else if ((b != 0) != ansi)
				break;
			if (ansi)
				*p++ = (char)b;
			else if (pdf_char_moved(f, cp))
				p += utf8_encode(pdf_char_code(f, cp), p);
			else {
				memcpy(p, s + j, len);
				p += len;
			}
		}
		*p = '\0';
		st = HPDF_Page_SetFontAndSize(page, ansi ? f->ansi : f->font,
		    (HPDF_REAL)it->size);
		if (st == HPDF_OK && i == 0)
			st = HPDF_Page_TextOut(page, (HPDF_REAL)it->x,
			    (HPDF_REAL)(h - it->y), ansi ? run : "");
		else if (st == HPDF_OK && ansi)
			st = HPDF_Page_ShowText(page, run);
		if (st == HPDF_OK && !ansi)
			st = pdf_show_codes(page, run);
		i = j;
	}
	free(run);
	return st;
}

/* Draws one item of d on page (of pdf) inside q/Q, so no colour, width,
 * dash or font outlives it.  y is flipped with the page height.  Returns a
 * libharu status. */
/* The path of an arc (a wedge when filled), curve for curve as
 * arc_beziers() gives it. */
static HPDF_STATUS
pdf_arc(HPDF_Page page, double h, const struct item *it, int wedge)
{
	double c[8][8];
	int n = arc_beziers(it, c), i;
	HPDF_STATUS st;

	if (wedge) {
		st = HPDF_Page_MoveTo(page, (HPDF_REAL)it->x,
		    (HPDF_REAL)(h - it->y));
		if (st == HPDF_OK)
			st = HPDF_Page_LineTo(page, (HPDF_REAL)c[0][0],
			    (HPDF_REAL)(h - c[0][1]));
	} else
		st = HPDF_Page_MoveTo(page, (HPDF_REAL)c[0][0],
		    (HPDF_REAL)(h - c[0][1]));
	for (i = 0; i < n && st == HPDF_OK; i++)
		st = HPDF_Page_CurveTo(page, (HPDF_REAL)c[i][2],
		    (HPDF_REAL)(h - c[i][3]), (HPDF_REAL)c[i][4],
		    (HPDF_REAL)(h - c[i][5]), (HPDF_REAL)c[i][6],
		    (HPDF_REAL)(h - c[i][7]));
	if (st == HPDF_OK && wedge)
		st = HPDF_Page_ClosePath(page);
	return st;
}

/* Shows the shaped glyph of it (h the page height) in font f's UTF-8
 * font, by the code pdf_glyph_codes() gave it, inside a text object.
 * Returns a libharu status. */
static HPDF_STATUS
pdf_show_glyph(HPDF_Page page, double h, const struct item *it,
    const struct pdf_font *f)
{
	char *buf = xmalloc(4 * strlen(it->text) + 8);
	HPDF_STATUS st = HPDF_INVALID_FONT;

	/* pdf_scan() gave it codes */
	if (f->font != NULL && pdf_glyph_scan((struct pdf_font *)f, it,
	    buf) == 0)
		st = HPDF_Page_SetFontAndSize(page, f->font,
		    (HPDF_REAL)it->size);
	if (st == HPDF_OK)
		st = HPDF_Page_TextOut(page, (HPDF_REAL)it->x,
		    (HPDF_REAL)(h - it->y), "");
	if (st == HPDF_OK)
		st = pdf_show_codes(page, buf);
	free(buf);
	return st;
}

static HPDF_STATUS
pdf_item(HPDF_Doc pdf, HPDF_Page page, const struct doc *d,
    const struct item *it, const struct pdf_font *fonts,
    const HPDF_Image *images)
{
	double		 h = HPDF_Page_GetHeight(page);	/* turned or not */
	HPDF_STATUS	 st, rs;
	int		 fill, stroke;

	if (it->kind == ITEM_SPAN || it->kind == ITEM_SPAN_END)
		return pdf_mark(page, h, it, fonts[it->font].ansi != NULL ?
		    fonts[it->font].ansi : fonts[it->font].font);
	if (it->kind == ITEM_IMAGE)	/* q cm Do Q: leaves no state */
		return pdf_picture(page, h, it, d->images[it->image],
		    images[it->image]);

	fill = it->kind != ITEM_LINE && it->kind != ITEM_TEXT && it->fill;
	stroke = it->kind == ITEM_LINE ||
	    (it->kind != ITEM_TEXT && it->stroke);
	if (it->kind == ITEM_TEXT && (it->text == NULL ||
	    (it->text[0] == '\0' && !it->glyph)))
		return HPDF_OK;
	if (it->kind != ITEM_TEXT && !fill && !stroke)
		return HPDF_OK;

	if ((st = HPDF_Page_GSave(page)) != HPDF_OK)
		return st;
	if (fill)
		st = HPDF_Page_SetRGBFill(page, (HPDF_REAL)it->fill_color.r,
		    (HPDF_REAL)it->fill_color.g, (HPDF_REAL)it->fill_color.b);
	if (st == HPDF_OK && stroke)
		st = pdf_pen(page, it);

	switch (it->kind) {
	case ITEM_TEXT:
		st = HPDF_Page_SetRGBFill(page, (HPDF_REAL)it->color.r,
		    (HPDF_REAL)it->color.g, (HPDF_REAL)it->color.b);
		if (st == HPDF_OK)
			st = HPDF_Page_BeginText(page);
		if (st == HPDF_OK)
			st = it->glyph ? pdf_show_glyph(page, h, it,
			    &fonts[it->font]) : pdf_show(page, h, it,
			    &fonts[it->font]);
		if (st == HPDF_OK)
			st = HPDF_Page_EndText(page);
		break;
	case ITEM_LINE:
		if (st == HPDF_OK)
			st = HPDF_Page_MoveTo(page, (HPDF_REAL)it->x,
			    (HPDF_REAL)(h - it->y));
		if (st == HPDF_OK)
			st = HPDF_Page_LineTo(page, (HPDF_REAL)it->x2,
			    (HPDF_REAL)(h - it->y2));
		break;
	case ITEM_RECT:
		if (st == HPDF_OK)
			st = HPDF_Page_Rectangle(page, (HPDF_REAL)it->x,
			    (HPDF_REAL)(h - it->y - it->h),
			    (HPDF_REAL)it->w, (HPDF_REAL)it->h);
		break;
	case ITEM_CIRCLE:
		if (st == HPDF_OK)
			st = HPDF_Page_Circle(page, (HPDF_REAL)it->x,
			    (HPDF_REAL)(h - it->y), (HPDF_REAL)it->w);
		break;
	case ITEM_ARC:
		if (st == HPDF_OK)
			st = pdf_arc(page, h, it, fill);
		break;
	case ITEM_IMAGE:	/* drawn above */
	case ITEM_SPAN:
	case ITEM_SPAN_END:
		break;
	}
	if (st == HPDF_OK && it->kind != ITEM_TEXT) {
		if (fill && stroke)
			st = HPDF_Page_FillStroke(page);
		else if (fill)
			st = HPDF_Page_Fill(page);
		else
			st = HPDF_Page_Stroke(page);
	}
	/* After an error, close the text or path object it left open and
	 * restore anyway: libharu frees only a page's top gstate, so an
	 * unbalanced q would leak.  Page calls are refused while an error is
	 * pending, so clear it first (ctx keeps the first error). */
	if (st != HPDF_OK)
		HPDF_ResetError(pdf);
	if (HPDF_Page_GetGMode(page) == HPDF_GMODE_TEXT_OBJECT)
		(void)HPDF_Page_EndText(page);
	else if (HPDF_Page_GetGMode(page) == HPDF_GMODE_PATH_OBJECT)
		(void)HPDF_Page_EndPath(page);
	rs = HPDF_Page_GRestore(page);
	return st != HPDF_OK ? st : rs;
}

/*
 * Loads image i of d into images[i] (owned by pdf), once.  A JPEG goes in
 * as it is (DCT); a PNG as the 8-bit samples image.c decodes, with a soft
 * mask when it has transparency (see image.h for why not libharu's PNG
 * loader).  Returns 0 or -1 with ctx->err set.
 */
static int
pdf_image(HPDF_Doc pdf, const struct doc *d, size_t i, HPDF_Image *images,
    struct pdf_ctx *ctx)
{
	const struct image *img = d->images[i];
	struct pixels	 px;
	HPDF_Image	 mask = NULL;
	char		 why[512];

	if (images[i] != NULL)
		return 0;
	if (img->kind == IMAGE_JPEG)
		images[i] = HPDF_LoadJpegImageFromMem(pdf, img->data,
		    (HPDF_UINT)img->len);
	else {
		if (image_decode(img, &px, why, sizeof(why)) == -1)
			return pdf_msg(ctx, "image %zu %s", i + 1, why);
		images[i] = HPDF_LoadRawImageFromMem(pdf, px.color,
		    (HPDF_UINT)px.w, (HPDF_UINT)px.h, px.channels == 1 ?
		    HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
		if (images[i] != NULL && px.alpha != NULL)
			mask = HPDF_LoadRawImageFromMem(pdf, px.alpha,
			    (HPDF_UINT)px.w, (HPDF_UINT)px.h,
			    HPDF_CS_DEVICE_GRAY, 8);
		if (mask != NULL)
			(void)HPDF_Image_AddSMask(images[i], mask);
		pixels_free(&px);
	}
	if (images[i] == NULL || !pdf_ok(ctx, pdf, HPDF_OK))
		return pdf_fail(ctx, pdf, HPDF_INVALID_IMAGE, "image %zu",
		    i + 1);
	return 0;
}

/* Names every font and image of the document in the page's resources,
 * in the document's order, so a content stream shared between pages finds
 * each under the same name on all of them.  Returns a libharu status. */
static HPDF_STATUS
pdf_page_names(HPDF_Page page, const struct doc *d,
    const struct pdf_font *fonts, const HPDF_Image *images)
{
	size_t i;

	for (i = 0; i < d->nfonts; i++)
		if ((fonts[i].ansi != NULL && HPDF_Page_GetLocalFontName(page,
		    fonts[i].ansi) == NULL) || (fonts[i].font != NULL &&
		    HPDF_Page_GetLocalFontName(page, fonts[i].font) == NULL))
			return HPDF_INVALID_FONT;
	for (i = 0; i < d->nimages; i++)
		if (HPDF_Page_GetXObjectName(page, images[i]) == NULL)
			return HPDF_INVALID_IMAGE;
	return HPDF_OK;
}

/* Gives the root /Pages node of page's tree the /MediaBox of every page
 * and a /Resources naming the fonts and images as page names them, for
 * every page to inherit (PDF 7.7.3.4).  Returns a libharu status. */
static HPDF_STATUS
pdf_root_inherit(HPDF_Page page, const struct doc *d,
    const struct pdf_font *fonts, const HPDF_Image *images)
{
	HPDF_Dict	 root = page, up, res, names, xobjects;
	HPDF_Font	 font;
	HPDF_Array	 box;
	HPDF_STATUS	 st;
	const char	*name;
	size_t		 i;

	while ((up = HPDF_Dict_GetItem(root, "Parent", HPDF_OCLASS_DICT)) !=
	    NULL)
		root = up;
	if ((res = HPDF_Dict_New(page->mmgr)) == NULL ||
	    (names = HPDF_Dict_New(page->mmgr)) == NULL ||
	    (box = HPDF_Array_New(page->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = HPDF_Dict_Add(root, "MediaBox", box)) != HPDF_OK ||
	    (st = HPDF_Array_AddReal(box, 0)) != HPDF_OK ||
	    (st = HPDF_Array_AddReal(box, 0)) != HPDF_OK ||
	    (st = HPDF_Array_AddReal(box, (HPDF_REAL)d->width)) != HPDF_OK ||
	    (st = HPDF_Array_AddReal(box, (HPDF_REAL)d->height)) != HPDF_OK)
		return st;
	if ((st = HPDF_Dict_Add(root, "Resources", res)) != HPDF_OK ||
	    (st = HPDF_Dict_Add(res, "Font", names)) != HPDF_OK)
		return st;
	for (i = 0; i < 2 * d->nfonts; i++) {
		font = i % 2 ? fonts[i / 2].font : fonts[i / 2].ansi;
		if (font == NULL)
			continue;
		if ((name = HPDF_Page_GetLocalFontName(page, font)) == NULL)
			return HPDF_INVALID_FONT;
		if (HPDF_Dict_GetItem(names, name, HPDF_OCLASS_DICT) == NULL &&
		    (st = HPDF_Dict_Add(names, name, font)) != HPDF_OK)
			return st;
	}
	if (d->nimages == 0)
		return HPDF_OK;
	if ((xobjects = HPDF_Dict_New(page->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = HPDF_Dict_Add(res, "XObject", xobjects)) != HPDF_OK)
		return st;
	for (i = 0; i < d->nimages; i++) {
		name = HPDF_Page_GetXObjectName(page, images[i]);
		if (name == NULL)
			return HPDF_INVALID_IMAGE;
		if ((st = HPDF_Dict_Add(xobjects, name, images[i])) != HPDF_OK)
			return st;
	}
	return HPDF_OK;
}

/* Returns the varies flag of item k of base page b and the index just
 * past it in *next: a span (ITEM_SPAN to its ITEM_SPAN_END) goes whole
 * into one stream, the one for varying items if any item in it varies,
 * so that the BDC and EMC of each stream pair up. */
static int
pdf_group_varies(const struct page *b, size_t k, size_t *next)
{
	size_t	 depth = 0;
	int	 varies = 0;

	do {
		varies |= b->items[k].varies;
		if (b->items[k].kind == ITEM_SPAN)
			depth++;
		else if (b->items[k].kind == ITEM_SPAN_END && depth > 0)
			depth--;
		k++;
	} while (depth > 0 && k < b->nitems);
	*next = k;
	return varies;
}

/* Draws items [0, n) of page i of d whose varies flag in the base page
 * (page i itself when it is not a repeat) is `varies`, spans whole (see
 * pdf_group_varies).  Returns a libharu status; *bad is the item that
 * failed. */
static HPDF_STATUS
pdf_draw(HPDF_Doc pdf, HPDF_Page page, const struct doc *d, size_t i,
    const struct pdf_font *fonts, const HPDF_Image *images, int varies,
    size_t *bad)
{
	const struct page	*base = &d->pages[i];
	HPDF_STATUS		 st = HPDF_OK;
	size_t			 k, n = page_nitems(d, i), next = 0;
	int			 group = 0;

	if (base->base != 0)
		base = &d->pages[base->base - 1];
	for (k = 0; k < n; k++) {
		if (k == next)
			group = pdf_group_varies(base, k, &next);
		if (group != varies)
			continue;
		st = pdf_item(pdf, page, d, page_item(d, i, k), fonts,
		    images);
		if (st != HPDF_OK)
			break;
	}
	*bad = k;
	return st;
}

/* Returns nonzero if some repeat replaces an item of page p. */
static int
pdf_varies(const struct page *p)
{
	size_t k;

	for (k = 0; k < p->nitems; k++)
		if (p->items[k].varies)
			return 1;
	return 0;
}

/* Makes the page's own content stream grow by PDF_OWN_BUF bytes rather
 * than libharu's 4 KB: a repeat draws only a name or two, and a class set
 * of thousands keeps every page's stream until the file is written.
 * Touches hpdf_streams.h's memory stream (before its first write, the
 * only time its chunk size may change).  Returns a libharu status. */
static HPDF_STATUS
pdf_small_stream(HPDF_Page page)
{
	HPDF_Dict		 own;
	HPDF_MemStreamAttr	 attr;

	if ((own = pdf_mem_stream(page, "Contents")) == NULL)
		return HPDF_INVALID_PAGE;
	attr = own->stream->attr;
	if (attr->w_ptr == NULL && attr->w_pos == attr->buf_siz)
		attr->buf_siz = attr->w_pos = PDF_OWN_BUF;
	return HPDF_OK;
}

/* Makes the page's contents [shared, its own stream]: libharu's
 * HPDF_Page_Insert_Shared_Content_Stream would add a second, empty stream
 * of the page's own.  When its own stream is empty (the page repeats
 * another whole), just the shared one, and the unused stream is left
 * uncompressed: libharu writes an empty deflated stream with no deflate
 * data at all, which Ghostscript reports as broken.  Returns a libharu
 * status. */
static HPDF_STATUS
pdf_share(HPDF_Page page, HPDF_Dict shared)
{
	HPDF_Dict	 own;
	HPDF_Array	 contents;
	HPDF_STATUS	 st;

	own = HPDF_Dict_GetItem(page, "Contents", HPDF_OCLASS_DICT);
	if (own == NULL)
		return HPDF_INVALID_PAGE;
	if (own->stream == NULL || own->stream->size == 0) {
		own->filter = HPDF_STREAM_FILTER_NONE;
		return HPDF_Dict_Add(page, "Contents", shared);
	}
	/* a name or two: no shorter deflated (zlib's header and /Filter
	 * cost what they save), and each deflate sets zlib up anew */
	if (own->stream->size < PDF_PLAIN_MAX)
		own->filter = HPDF_STREAM_FILTER_NONE;
	if ((contents = HPDF_Array_New(page->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	if ((st = HPDF_Dict_Add(page, "Contents", contents)) != HPDF_OK)
		return st;
	if ((st = HPDF_Array_Add(contents, shared)) != HPDF_OK)
		return st;
	return HPDF_Array_Add(contents, own);
}

/* Says why writing path failed: the file's error (errno) if a write
 * failed, else libharu's.  Returns -1. */
static int
pdf_write_fail(struct pdf_ctx *ctx, HPDF_Doc pdf, HPDF_STATUS st,
    const struct pdf_stream *out, const char *path)
{
	if (pdfs_errno(out) != 0)
		return pdf_msg(ctx, "cannot write %s: %s", path,
		    strerror(pdfs_errno(out)));
	return pdf_fail(ctx, pdf, st, "cannot write %s", path);
}

/* Turns dst into [page /XYZ 0 top null]: the top of the page at the
 * reader's current zoom (HPDF_Destination_SetXYZ cannot write null).
 * Returns a libharu status. */
static HPDF_STATUS
pdf_dest_top(HPDF_Destination dst, HPDF_Page page, double top)
{
	HPDF_STATUS	 st;
	HPDF_Null	 null;

	HPDF_Array_Clear(dst);
	if ((st = HPDF_Array_Add(dst, page)) != HPDF_OK)
		return st;
	if ((st = HPDF_Array_AddName(dst, "XYZ")) != HPDF_OK)
		return st;
	if ((st = HPDF_Array_AddReal(dst, 0)) != HPDF_OK)
		return st;
	if ((st = HPDF_Array_AddReal(dst, (HPDF_REAL)top)) != HPDF_OK)
		return st;
	if ((null = HPDF_Null_New(dst->mmgr)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	return HPDF_Array_Add(dst, null);
}

/* The bookmarks made so far, while the pages are written: each is made
 * when its page is drawn (its destination needs the page, which is freed
 * once written), and written itself once the next is made (its /Next
 * known).  d->outline is in page order (doc_append() adds each copy's
 * at its end). */
struct pdf_marks {
	HPDF_Encoder	 enc;		/* UTF-8, for titles not ASCII */
	size_t		 next;		/* of d->outline, to make */
	HPDF_Outline	 last;		/* the last made, not written */
	HPDF_Destination last_dst;
};

/* Makes the bookmarks of page i of d (HPDF page), writing the one before
 * each to out.  Returns 0 or -1 with ctx->err set. */
static int
pdf_marks_page(HPDF_Doc pdf, const struct doc *d, size_t i, HPDF_Page page,
    struct pdf_marks *m, struct pdf_stream *out, const char *path,
    struct pdf_ctx *ctx)
{
	HPDF_Outline	 o;
	HPDF_Destination dst;
	HPDF_STATUS	 st;
	char		*title;

	if (m->next < d->noutline && d->outline[m->next].page < i)
		return pdf_msg(ctx, "bookmark %zu is not in page order",
		    m->next + 1);
	for (; m->next < d->noutline && d->outline[m->next].page == i;
	    m->next++) {
		if (m->enc == NULL &&
		    (m->enc = HPDF_GetEncoder(pdf, "UTF-8")) == NULL)
			return pdf_fail(ctx, pdf, HPDF_INVALID_ENCODER,
			    "no UTF-8 encoder in libharu");
		title = pdf_bmp_copy(d->outline[m->next].title);
		o = HPDF_CreateOutline(pdf, NULL, title,
		    pdf_ascii(title) ? NULL : m->enc);
		free(title);
		if (o == NULL || !pdf_ok(ctx, pdf, HPDF_OK))
			return pdf_fail(ctx, pdf, HPDF_INVALID_OUTLINE,
			    "cannot add bookmark %zu", m->next + 1);
		dst = HPDF_Page_CreateDestination(page);
		if (dst == NULL || !pdf_ok(ctx, pdf, HPDF_OK))
			return pdf_fail(ctx, pdf, HPDF_INVALID_DESTINATION,
			    "cannot add bookmark %zu", m->next + 1);
		st = pdf_dest_top(dst, page, page_height(d, i));
		if (st == HPDF_OK)
			st = HPDF_Outline_SetDestination(o, dst);
		if (!pdf_ok(ctx, pdf, st))
			return pdf_fail(ctx, pdf, st,
			    "cannot add bookmark %zu", m->next + 1);
		st = pdfs_dest(out, dst);
		if (!pdf_ok(ctx, pdf, st))
			return pdf_write_fail(ctx, pdf, st, out, path);
		st = m->last != NULL ? pdfs_mark(out, m->last, m->last_dst) :
		    HPDF_OK;
		if (!pdf_ok(ctx, pdf, st))
			return pdf_write_fail(ctx, pdf, st, out, path);
		m->last = o;
		m->last_dst = dst;
	}
	return 0;
}

/*
 * Adds every page and draws its items.  A page that others repeat (see page.h) draws the items
 * that never vary into its first content stream, which its repeats share,
 * and the rest into a second one; a repeat draws only the items that vary.
 * Each page is written to out as soon as it is drawn and its bookmarks
 * made, and its contents freed (pdf_stream.h), so memory does not grow
 * with a class set's pages.  Returns 0 or -1 with ctx->err set.
 */
static int
pdf_pages(HPDF_Doc pdf, const struct doc *d, const struct pdf_font *fonts,
    struct pdf_stream *out, const char *path, struct pdf_ctx *ctx)
{
	struct pdf_marks marks = { NULL, 0, NULL, NULL };
	HPDF_Page	*pages = xcalloc(d->npages + 1, sizeof(*pages));
	HPDF_Image	*images = xcalloc(d->nimages + 1, sizeof(*images));
	HPDF_STATUS	 st;
	HPDF_Dict	*shared;
	size_t		 i, k, base;
	int		 rc = -1;

	/* shared[i]: the stream that repeats of page i share */
	shared = xcalloc(d->npages, sizeof(*shared));
	/* every image first: each page names them all (pdf_page_names) */
	for (i = 0; i < d->nimages; i++)
		if (pdf_image(pdf, d, i, images, ctx) == -1)
			goto out;
	for (i = 0; i < d->npages; i++) {
		pages[i] = HPDF_AddPage(pdf);
		if (pages[i] == NULL || !pdf_ok(ctx, pdf, HPDF_OK)) {
			pdf_fail(ctx, pdf, HPDF_INVALID_PAGE,
			    "cannot add page %zu", i + 1);
			goto out;
		}
		st = HPDF_Page_SetWidth(pages[i], (HPDF_REAL)page_width(d, i));
		if (st == HPDF_OK)
			st = HPDF_Page_SetHeight(pages[i],
			    (HPDF_REAL)page_height(d, i));
		if (st == HPDF_OK)
			st = pdf_page_names(pages[i], d, fonts, images);
		if (!pdf_ok(ctx, pdf, st)) {
			pdf_fail(ctx, pdf, st, "page size %gx%g",
			    page_width(d, i), page_height(d, i));
			goto out;
		}
		base = d->pages[i].base;
		if (base == 0) {
			/* kept for repeats: the first stream, drawn with
			 * every item but those that vary */
			shared[i] = HPDF_Dict_GetItem(pages[i], "Contents",
			    HPDF_OCLASS_DICT);
			st = shared[i] != NULL ? HPDF_OK : HPDF_INVALID_PAGE;
			if (st == HPDF_OK)
				st = pdf_draw(pdf, pages[i], d, i, fonts, images,
				    0, &k);
			if (st == HPDF_OK && pdf_varies(&d->pages[i])) {
				st = HPDF_Page_New_Content_Stream(pages[i],
				    NULL);
				if (st == HPDF_OK)
					st = pdf_draw(pdf, pages[i], d, i,
					    fonts, images, 1, &k);
			}
		} else {
			st = pdf_small_stream(pages[i]);
			if (st == HPDF_OK)
				st = pdf_draw(pdf, pages[i], d, i, fonts,
				    images, 1, &k);
			if (st == HPDF_OK)
				st = pdf_share(pages[i], shared[base - 1]);
		}
		if (!pdf_ok(ctx, pdf, st)) {
			pdf_fail(ctx, pdf, st, "page %zu, item %zu", i + 1,
			    k + 1);
			goto out;
		}
		/* every page names the same fonts, and all but a turned
		 * one have the doc's size: one /MediaBox and /Resources at
		 * the root instead of one a page (a class set of
		 * thousands) */
		st = i == 0 ? pdf_root_inherit(pages[i], d, fonts,
		    images) : HPDF_OK;
		if (st == HPDF_OK)
			st = HPDF_Dict_RemoveElement(pages[i], "Resources");
		if (st == HPDF_OK && !d->pages[i].turned)
			st = HPDF_Dict_RemoveElement(pages[i], "MediaBox");
		if (!pdf_ok(ctx, pdf, st)) {
			pdf_fail(ctx, pdf, st, "page %zu: resources", i + 1);
			goto out;
		}
		if (pdf_marks_page(pdf, d, i, pages[i], &marks, out, path,
		    ctx) == -1)
			goto out;
		st = pdfs_page(out, pages[i], base == 0 ? shared[i] : NULL);
		if (!pdf_ok(ctx, pdf, st)) {
			pdf_write_fail(ctx, pdf, st, out, path);
			goto out;
		}
	}
	if (marks.next < d->noutline) {
		pdf_msg(ctx, "bookmark %zu is past the last page",
		    marks.next + 1);
		goto out;
	}
	st = d->noutline > 0 ? HPDF_SetPageMode(pdf,
	    HPDF_PAGE_MODE_USE_OUTLINE) : HPDF_OK;
	if (!pdf_ok(ctx, pdf, st)) {
		pdf_fail(ctx, pdf, st, "cannot show bookmarks");
		goto out;
	}
	rc = 0;
out:
	free(images);
	free(shared);
	free(pages);
	return rc;
}

/* Writes doc as a PDF file at path.  Returns 0, or -1 with a one-line
 * reason in err.  Everything libharu allocates dies with HPDF_Free(); the
 * font bitmaps and page table are ours and freed here. */
static int
render_pdf(const struct doc *d, const char *path, char *err, size_t errlen)
{
	struct pdf_ctx	 ctx;
	struct pdf_font	*fonts;
	HPDF_Doc	 pdf = NULL;
	HPDF_STATUS	 st;
	struct pdf_stream *out = NULL;
	size_t		 i, k;
	int		 rc = -1, e;

	memset(&ctx, 0, sizeof(ctx));
	ctx.err = err;
	ctx.errlen = errlen;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	fonts = xcalloc(d->nfonts, sizeof(*fonts));
	if (pdf_scan(d, fonts, &ctx) == -1)
		goto out;
	if ((pdf = HPDF_New(pdf_on_error, &ctx)) == NULL) {
		pdf_msg(&ctx, "cannot start libharu (out of memory)");
		goto out;
	}
	st = HPDF_SetPagesConfiguration(pdf, PDF_PAGES_NODE);
	if (st == HPDF_OK)
		st = HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	if (st == HPDF_OK)
		st = HPDF_UseUTFEncodings(pdf);
	if (!pdf_ok(&ctx, pdf, st)) {
		pdf_fail(&ctx, pdf, st, "cannot set up libharu");
		goto out;
	}
	if (pdf_load_fonts(pdf, d, fonts, &ctx) == -1 ||
	    pdf_set_info(pdf, d, &ctx) == -1)
		goto out;
	/* the file is opened only now, when nothing that could change the
	 * PDF version in its first line remains */
	if ((out = pdfs_open(pdf, path, &e)) == NULL) {
		pdf_msg(&ctx, "cannot write %s: %s", path, strerror(e));
		goto out;
	}
	if (pdf_pages(pdf, d, fonts, out, path, &ctx) == -1)
		goto out;
	st = pdfs_finish(out);
	if (!pdf_ok(&ctx, pdf, st)) {
		pdf_write_fail(&ctx, pdf, st, out, path);
		goto out;
	}
	e = pdfs_close(out);
	out = NULL;
	if (e != 0) {
		pdf_msg(&ctx, "cannot write %s: %s", path, strerror(e));
		goto out;
	}
	rc = 0;
out:
	(void)pdfs_close(out);
	if (pdf != NULL)
		HPDF_Free(pdf);
	for (i = 0; i < d->nfonts; i++) {
		free(fonts[i].used);
		free(fonts[i].glyphs);
		free(fonts[i].gids);
		free(fonts[i].moved);
		free(fonts[i].subgid);
		gcodes_free(&fonts[i].gc);
		for (k = 0; k < PDF_NCODES / 256; k++)
			free(fonts[i].code[k]);
	}
	free(fonts);
	return rc;
}

/*
 * The PDF device of render.h.  The fonts are subset to the characters of
 * the whole document before the first page is drawn, and repeated pages
 * share the first one's stream, so page() takes the pages in order and
 * finish() draws them, each written to the file as it is drawn
 * (pdf_stream.h).
 */
struct pdf_dev {
	const struct doc *d;
	size_t		 pages;		/* taken so far */
	char		*err;
	size_t		 errlen;
};

static void *
pdf_dev_new(const struct doc *d, const struct devopts *o, char *err,
    size_t errlen)
{
	struct pdf_dev *dv;

	(void)o;
	if (d->npages > PDF_MAX_PAGES) {
		errfmt(err, errlen, "the document has %zu pages, more than "
		    "one PDF can hold (%d); write fewer copies at a time",
		    d->npages, PDF_MAX_PAGES);
		return NULL;
	}
	dv = xcalloc(1, sizeof(*dv));
	dv->d = d;
	dv->err = err;
	dv->errlen = errlen;
	return dv;
}

static int
pdf_dev_page(void *arg, size_t p)
{
	struct pdf_dev *dv = arg;

	if (p != dv->pages)
		return errfmt(dv->err, dv->errlen, "page %zu given after "
		    "page %zu: a PDF takes its pages in order", p + 1,
		    dv->pages);
	dv->pages++;
	return 0;
}

static int
pdf_dev_finish(void *arg, const char *path)
{
	struct pdf_dev *dv = arg;

	if (dv->pages != dv->d->npages)
		return errfmt(dv->err, dv->errlen, "%zu of the %zu pages "
		    "given", dv->pages, dv->d->npages);
	return render_pdf(dv->d, path, dv->err, dv->errlen);
}

const struct device dev_pdf = { "pdf", 0, pdf_dev_new, pdf_dev_page,
	pdf_dev_finish, free };
