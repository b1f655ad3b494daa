/* font.c - fontconfig lookup and FreeType metrics; see font.h */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "diag.h"
#include "font.h"
#include "template.h"
#include "util.h"

#define FONT_BLOCK	256	/* code points per block of a cache */
#define FONT_MAX_CHAIN	16	/* template families + any found per character */

struct face {
	char		*path;
	int		 index;
	FT_Face		 ft;
	int		 ascent, descent;	/* 1/1000 em */
	hb_font_t	*hb;		/* fonts_shape()'s, made on first use */
	/* HarfBuzz's shaping plans for this face, one per script, direction
	 * and language its text has had (font_plan()) */
	struct plan	*plans;
	size_t		 nplans;
	struct shaped	*shaped;	/* fonts_shape()'s answers: a hash
					 * table of nshaped slots (a class set
					 * sets the same words in every copy) */
	size_t		 nshaped, nshaped_used;
	/* advance widths of the BMP by blocks of FONT_BLOCK code points, each
	 * made on first use (-1: unknown); most sets use two or three */
	int		*widths[0x10000 / FONT_BLOCK];
};

/* A plan HarfBuzz made to shape text of one script, direction and
 * language in a face. */
struct plan {
	hb_segment_properties_t	 props;
	hb_shape_plan_t		*plan;
};

/* A text fonts_shape() has shaped in a face, and its glyphs. */
struct shaped {
	char		*s;		/* NULL: an empty slot */
	struct fglyph	*g;
	size_t		 ng;
};

/* A family found in a style: font_find's answer, kept. */
struct found {
	char		*family;
	enum fstyle	 st;
	int		 face;		/* -1: not installed as TrueType */
};

/* The installed faces of a family: font_family_faces' answer, kept (a
 * family is asked for in each style it is used in). */
struct family {
	char		*name;
	FcFontSet	*faces;
};

/* A family name of an installed face, in fontconfig's set of all fonts
 * (which holds the string while fontconfig runs). */
struct name {
	const char	*family;
	int		 font;		/* its index in the set */
};

/*
 * What every font set shares while any is open: fontconfig started once,
 * FreeType, each face file opened once (with its widths and its HarfBuzz
 * font) and each family looked up once.  A packet's sets and the large
 * print of a class set open their font sets inside the packet's or the
 * class set's, so none of them starts fontconfig again.  Faces are
 * numbered in the order first opened; what a font set picks from them
 * depends only on its own chains, so a font set opened later gives the
 * same pages as one opened first.
 */
static struct {
	size_t		 users;		/* font sets open */
	FT_Library	 lib;
	struct face	*faces;
	size_t		 nfaces;
	struct found	*found;
	size_t		 nfound;
	struct family	*families;	/* font_family_faces' answers */
	size_t		 nfamilies;
	struct name	*names;		/* font_names() */
	size_t		 nnames, names_room;
} store;

struct fonts {
	const struct template *tpl;	/* families; outlives the set */
	int		 chain[FS__MAX][FONT_MAX_CHAIN];
	int		 nchain[FS__MAX];
	/* fonts_pick's answers per style and BMP code point, made on first
	 * use: FONT_UNKNOWN, -1 (no face) or a face; layout asks for every
	 * character of every copy of a class set */
	short		*picked[FS__MAX][0x10000 / FONT_BLOCK];
	int		 rest[FS__MAX];	/* chain past the body face found */
};

#define FONT_UNKNOWN	(-2)

/* Debian packages for the families we name in shipped templates. */
static const struct {
	const char *family, *package;
} font_packages[] = {
	{ "Andika", "fonts-sil-andika" },
	{ "DejaVu Sans", "fonts-dejavu-core" },
	{ "DejaVu Serif", "fonts-dejavu-core" },
	{ "Noto Naskh Arabic", "fonts-noto-core" },
	{ "Noto Sans CJK", "fonts-noto-cjk" },
	{ "Noto Sans Devanagari", "fonts-noto-core" },
	{ "Noto Sans Khmer", "fonts-noto-core" },
	{ "Noto Sans Lao", "fonts-noto-core" },
	{ "Noto Sans Myanmar", "fonts-noto-core" },
	{ "Noto Sans Thai", "fonts-noto-core" },
	{ "WenQuanYi Zen Hei", "fonts-wqy-zenhei" },
};

/* Index of the face for file (path, index), opening it if new; -1 if
 * FreeType cannot read it. */
static int
font_face(const char *path, int index)
{
	struct face *f;
	FT_Face ft;
	size_t i;

	for (i = 0; i < store.nfaces; i++)
		if (store.faces[i].index == index &&
		    strcmp(store.faces[i].path, path) == 0)
			return (int)i;
	if (FT_New_Face(store.lib, path, index, &ft) != 0)
		return -1;
	store.faces = xrealloc(store.faces, (store.nfaces + 1) * sizeof(*f));
	f = &store.faces[store.nfaces];
	f->path = xstrdup(path);
	f->index = index;
	f->ft = ft;
	f->hb = NULL;
	f->plans = NULL;
	f->nplans = 0;
	f->shaped = NULL;
	f->nshaped = f->nshaped_used = 0;
	f->ascent = (int)(ft->ascender * 1000L / ft->units_per_EM);
	f->descent = (int)(-ft->descender * 1000L / ft->units_per_EM);
	memset(f->widths, 0, sizeof(f->widths));
	return (int)store.nfaces++;
}

/* A fontconfig pattern asking for TrueType in style st; the caller adds
 * what it looks for and destroys it. */
static FcPattern *
font_pattern(enum fstyle st)
{
	FcPattern *pat = FcPatternCreate();

	FcPatternAddInteger(pat, FC_WEIGHT, st == FS_BOLD ||
	    st == FS_BOLDITALIC ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(pat, FC_SLANT, st == FS_ITALIC ||
	    st == FS_BOLDITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	return pat;
}

/* c in lower case if an ASCII capital, as fontconfig compares names */
static int
font_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether fontconfig would call a and b the same family: equal but for
 * case and blanks. */
static int
font_same_family(const char *a, const char *b)
{
	for (;; a++, b++) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if (font_lower(*a) != font_lower(*b))
			return 0;
	}
}

/*
 * The installed faces that name family among their families (any of
 * them, as fontconfig matches), referenced from its set of all fonts;
 * kept while the store is open.
 * Matching the style among these few gives fontconfig's answer for the
 * whole set whenever the family is installed, for the family outranks
 * every other property the pattern asks for but the format; without the
 * scoring of every installed font (about 2 M instructions a match).
 */
/* Every family name of every installed face, gathered once while the
 * store is open (fontconfig's look-up of a pattern's value costs more
 * than comparing the names). */
static void
font_names(const FcFontSet *all)
{
	FcChar8 *fam;
	int i, n;

	for (i = 0; all != NULL && i < all->nfont; i++)
		for (n = 0; FcPatternGetString(all->fonts[i], FC_FAMILY, n,
		    &fam) == FcResultMatch; n++) {
			if (store.nnames == store.names_room) {
				store.names_room = 2 * store.names_room + 512;
				store.names = xrealloc(store.names,
				    store.names_room * sizeof(*store.names));
			}
			store.names[store.nnames].family = (const char *)fam;
			store.names[store.nnames++].font = i;
		}
}

static FcFontSet *
font_family_faces(const char *family)
{
	FcFontSet *all = FcConfigGetFonts(NULL, FcSetSystem), *some;
	size_t k;
	int last = -1;

	for (k = 0; k < store.nfamilies; k++)
		if (strcmp(store.families[k].name, family) == 0)
			return store.families[k].faces;
	if (store.names == NULL)
		font_names(all);
	some = FcFontSetCreate();
	for (k = 0; k < store.nnames; k++)
		if (store.names[k].font != last &&
		    font_same_family(store.names[k].family, family)) {
			last = store.names[k].font;
			FcPatternReference(all->fonts[last]);
			FcFontSetAdd(some, all->fonts[last]);
		}
	store.families = xrealloc(store.families, (store.nfamilies + 1) *
	    sizeof(*store.families));
	store.families[store.nfamilies].name = xstrdup(family);
	store.families[store.nfamilies++].faces = some;
	return some;
}

/*
 * Ask fontconfig for family in style.  Returns the face index, or -1 when
 * the family is not installed (fontconfig would silently give another
 * family; we refuse that, so a template gets the font it names) or is not
 * TrueType (libharu embeds only TrueType outlines).
 */
static int
font_match(const char *family, enum fstyle st)
{
	FcPattern *pat, *match;
	FcFontSet *faces;
	FcResult res;
	FcChar8 *file = NULL, *fam = NULL, *fmt = NULL;
	int index = 0, face = -1;

	if ((faces = font_family_faces(family))->nfont == 0)
		return -1;
	pat = font_pattern(st);
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontSetMatch(NULL, &faces, 1, pat, &res);
	FcPatternDestroy(pat);
	if (match == NULL)
		return -1;
	if (FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    strncasecmp((const char *)fam, family, strlen(family)) == 0 &&
	    FcPatternGetString(match, FC_FONTFORMAT, 0, &fmt) ==
	    FcResultMatch && strcmp((const char *)fmt, "TrueType") == 0 &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
		FcPatternGetInteger(match, FC_INDEX, 0, &index);
		face = font_face((const char *)file, index);
	}
	FcPatternDestroy(match);
	return face;
}

/* font_match's answer for family in style st, asked of fontconfig once
 * while the store is open. */
static int
font_find(const char *family, enum fstyle st)
{
	struct found *f;
	size_t i;

	for (i = 0; i < store.nfound; i++)
		if (store.found[i].st == st &&
		    strcmp(store.found[i].family, family) == 0)
			return store.found[i].face;
	store.found = xrealloc(store.found, (store.nfound + 1) *
	    sizeof(*store.found));
	f = &store.found[store.nfound++];
	f->family = xstrdup(family);
	f->st = st;
	f->face = font_match(family, st);
	return f->face;
}

/*
 * Any installed TrueType face that has cp, the closest to style st as
 * fontconfig ranks them (a Chinese passage in an English set finds the
 * CJK font that is installed), appended to st's chain so the characters
 * after it are found there.  Returns the face, or -1 if no font has cp.
 */
static int
font_any(struct fonts *fs, enum fstyle st, long cp)
{
	FcPattern *pat;
	FcCharSet *cs, *has;
	FcFontSet *set;
	FcResult res;
	FcChar8 *file, *fmt;
	int i, index, face = -1;

	if (fs->nchain[st] >= FONT_MAX_CHAIN)
		return -1;
	pat = font_pattern(st);
	cs = FcCharSetCreate();
	FcCharSetAddChar(cs, (FcChar32)cp);
	FcPatternAddCharSet(pat, FC_CHARSET, cs);
	FcCharSetDestroy(cs);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	set = FcFontSort(NULL, pat, FcFalse, NULL, &res);
	FcPatternDestroy(pat);
	for (i = 0; set != NULL && i < set->nfont && face < 0; i++) {
		index = 0;
		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &has) !=
		    FcResultMatch || !FcCharSetHasChar(has, (FcChar32)cp) ||
		    FcPatternGetString(set->fonts[i], FC_FONTFORMAT, 0, &fmt) !=
		    FcResultMatch || strcmp((const char *)fmt, "TrueType") != 0 ||
		    FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) !=
		    FcResultMatch)
			continue;
		FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
		face = font_face((const char *)file, index);
		if (face >= 0 && FT_Get_Char_Index(store.faces[face].ft,
		    (FT_ULong)cp) == 0)
			face = -1;
	}
	if (set != NULL)
		FcFontSetDestroy(set);
	if (face >= 0)
		fs->chain[st][fs->nchain[st]++] = face;
	return face;
}

static void
font_missing(const char *family)
{
	size_t i;

	for (i = 0; i < sizeof(font_packages) / sizeof(font_packages[0]); i++)
		if (strcasecmp(family, font_packages[i].family) == 0) {
			diag(SEV_FATAL, NULL, "font \"%s\" is not installed "
			    "as TrueType; install it with: apt-get install %s",
			    family, font_packages[i].package);
			return;
		}
	diag(SEV_FATAL, NULL, "font \"%s\" is not installed as TrueType "
	    "(fc-list lists the fonts this machine has)", family);
}

/* Adds the body family in style st to st's chain.  Returns 0, or -1
 * after reporting the family is not installed (only for regular). */
static int
font_chain_body(struct fonts *fs, enum fstyle st)
{
	int face;

	if ((face = font_find(fs->tpl->font, st)) >= 0)
		fs->chain[st][fs->nchain[st]++] = face;
	else if (st == FS_REGULAR) {
		font_missing(fs->tpl->font);
		return -1;
	}
	return 0;
}

/* Adds the rest of style st's chain: the fallbacks, then (for bold and
 * italics) the regular chain, so a symbol missing from a bold fallback
 * still prints.  Returns 0, or -1 after reporting a fallback family that
 * is not installed (only for regular). */
static int
font_chain_rest(struct fonts *fs, enum fstyle st)
{
	const struct template *t = fs->tpl;
	int face;
	size_t i;

	for (i = 0; i < t->fallback.n && fs->nchain[st] < FONT_MAX_CHAIN;
	    i++) {
		face = font_find(t->fallback.v[i].s, st);
		if (face < 0 && st == FS_REGULAR) {
			font_missing(t->fallback.v[i].s);
			return -1;
		}
		if (face >= 0)
			fs->chain[st][fs->nchain[st]++] = face;
	}
	for (i = 0; st != FS_REGULAR && i < (size_t)fs->nchain[0] &&
	    fs->nchain[st] < FONT_MAX_CHAIN; i++)
		fs->chain[st][fs->nchain[st]++] = fs->chain[0][i];
	fs->rest[st] = 1;
	return 0;
}

/*
 * The configuration fontconfig is started with: the standard font folders
 * and caches, and no rules.  Reading the system's configuration (/etc/fonts
 * and its fifty files of substitution rules) takes longer than laying out a
 * class set, and mimeo uses none of the rules: families are named exactly
 * and a missing character is looked up by what the fonts contain.  Without
 * them the same installed fonts give the same pages whatever a machine's
 * rules say.  An administrator's /etc/fonts/local.conf (another font
 * folder, say) is read; FONTCONFIG_FILE names a whole configuration to use
 * instead.
 */
static const char font_config[] =
    "<?xml version=\"1.0\"?>"
    "<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">"
    "<fontconfig>"
    "<dir>/usr/share/fonts</dir>"
    "<dir>/usr/local/share/fonts</dir>"
    "<dir prefix=\"xdg\">fonts</dir>"
    "<dir>~/.fonts</dir>"
    "<cachedir>/var/cache/fontconfig</cachedir>"
    "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
    "<cachedir>~/.fontconfig</cachedir>"
    "<include ignore_missing=\"yes\">/etc/fonts/local.conf</include>"
    "</fontconfig>";

static int
font_start(void)
{
	FcConfig *cf;
	int ok;

	if (getenv("FONTCONFIG_FILE") != NULL)
		return FcInit() ? 0 : -1;
	if ((cf = FcConfigCreate()) == NULL)
		return -1;
	ok = FcConfigParseAndLoadFromMemory(cf, (const FcChar8 *)font_config,
	    FcTrue) && FcConfigBuildFonts(cf) && FcConfigSetCurrent(cf);
	FcConfigDestroy(cf);	/* fontconfig holds its current one */
	return ok ? 0 : -1;
}

/* Only the regular chain is found here, which also proves every family
 * is installed; another style's body face when first used, the rest of
 * its chain when that face lacks a character (each fontconfig match
 * costs about as much as laying out a page, and most sets use no italics
 * and no bold symbol). */
/* Start the store for a first font set.  -1 (reported). */
static int
font_store_open(void)
{
	if (store.users > 0)
		return 0;
	if (font_start() == -1) {
		diag(SEV_FATAL, NULL, "fontconfig cannot start");
		return -1;
	}
	if (FT_Init_FreeType(&store.lib) != 0) {
		diag(SEV_FATAL, NULL, "FreeType cannot start");
		FcFini();
		return -1;
	}
	return 0;
}

/* Close the store after its last font set. */
static void
font_store_close(void)
{
	size_t i, j;

	if (--store.users > 0)
		return;
	for (i = 0; i < store.nfaces; i++) {
		FT_Done_Face(store.faces[i].ft);
		for (j = 0; j < store.faces[i].nplans; j++)
			hb_shape_plan_destroy(store.faces[i].plans[j].plan);
		free(store.faces[i].plans);
		hb_font_destroy(store.faces[i].hb);
		for (j = 0; j < store.faces[i].nshaped; j++) {
			free(store.faces[i].shaped[j].s);
			free(store.faces[i].shaped[j].g);
		}
		free(store.faces[i].shaped);
		free(store.faces[i].path);
		for (j = 0; j < 0x10000 / FONT_BLOCK; j++)
			free(store.faces[i].widths[j]);
	}
	for (i = 0; i < store.nfound; i++)
		free(store.found[i].family);
	for (i = 0; i < store.nfamilies; i++) {
		free(store.families[i].name);
		FcFontSetDestroy(store.families[i].faces);
	}
	free(store.families);
	free(store.names);
	free(store.faces);
	free(store.found);
	FT_Done_FreeType(store.lib);
	memset(&store, 0, sizeof(store));
	FcFini();
}

struct fonts *
fonts_open(const struct template *t)
{
	struct fonts *fs;

	if (font_store_open() == -1)
		return NULL;
	store.users++;
	fs = xcalloc(1, sizeof(*fs));
	fs->tpl = t;
	if (font_chain_body(fs, FS_REGULAR) == -1 ||
	    font_chain_rest(fs, FS_REGULAR) == -1) {
		fonts_free(fs);
		return NULL;
	}
	return fs;
}

void
fonts_free(struct fonts *fs)
{
	size_t i, j;

	if (fs == NULL)
		return;
	for (i = 0; i < FS__MAX; i++)
		for (j = 0; j < 0x10000 / FONT_BLOCK; j++)
			free(fs->picked[i][j]);
	free(fs);
	font_store_close();
}

int
fonts_pick(struct fonts *fs, enum fstyle st, long cp)
{
	short **block, *picked;
	int i;

	if (cp < 0 || cp > 0xffff)
		return -1;
	if (fs->nchain[st] == 0)
		(void)font_chain_body(fs, st);	/* not regular: cannot fail */
	if (*(block = &fs->picked[st][cp / FONT_BLOCK]) == NULL) {
		*block = xmalloc(FONT_BLOCK * sizeof(**block));
		for (i = 0; i < FONT_BLOCK; i++)
			(*block)[i] = FONT_UNKNOWN;
	}
	picked = &(*block)[cp % FONT_BLOCK];
	if (*picked != FONT_UNKNOWN)
		return *picked;
	*picked = -1;
	for (i = 0; i < fs->nchain[st]; i++) {
		if (FT_Get_Char_Index(store.faces[fs->chain[st][i]].ft,
		    (FT_ULong)cp) != 0) {
			*picked = (short)fs->chain[st][i];
			break;
		}
		if (i == fs->nchain[st] - 1 && !fs->rest[st])
			(void)font_chain_rest(fs, st);	/* cannot fail */
	}
	if (*picked == -1)
		*picked = (short)font_any(fs, st, cp);
	return *picked;
}

/* A face of the store, through a font set that is open (the store
 * lives while any is). */
static struct face *
face_of(const struct fonts *fs, int face)
{
	(void)fs;
	return &store.faces[face];
}

int
fonts_has(struct fonts *fs, int face, long cp)
{
	return FT_Get_Char_Index(face_of(fs, face)->ft, (FT_ULong)cp) != 0;
}

int
fonts_advance(struct fonts *fs, int face, long cp)
{
	struct face *f = face_of(fs, face);
	int **block;
	FT_UInt gi;
	int w = 0;

	if (cp < 0 || cp > 0xffff)
		return 0;
	if (*(block = &f->widths[cp / FONT_BLOCK]) == NULL) {
		*block = xmalloc(FONT_BLOCK * sizeof(int));
		memset(*block, 0xff, FONT_BLOCK * sizeof(int));
	}
	if ((*block)[cp % FONT_BLOCK] >= 0)
		return (*block)[cp % FONT_BLOCK];
	gi = FT_Get_Char_Index(f->ft, (FT_ULong)cp);
	if (FT_Load_Glyph(f->ft, gi, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING)
	    == 0)
		w = (int)(f->ft->glyph->metrics.horiAdvance * 1000L /
		    f->ft->units_per_EM);
	(*block)[cp % FONT_BLOCK] = w;
	return w;
}

void
fonts_bbox(struct fonts *fs, int face, long cp, int box[4])
{
	FT_Face ft = face_of(fs, face)->ft;
	FT_Glyph_Metrics *gm;
	long em = ft->units_per_EM;

	box[0] = box[1] = box[2] = box[3] = 0;
	if (FT_Load_Glyph(ft, FT_Get_Char_Index(ft, (FT_ULong)cp),
	    FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0)
		return;
	gm = &ft->glyph->metrics;
	box[0] = (int)(gm->horiBearingX * 1000L / em);
	box[1] = (int)((gm->horiBearingY - gm->height) * 1000L / em);
	box[2] = (int)((gm->horiBearingX + gm->width) * 1000L / em);
	box[3] = (int)(gm->horiBearingY * 1000L / em);
}

int
fonts_ascent(struct fonts *fs, int face)
{
	return face_of(fs, face)->ascent;
}

int
fonts_descent(struct fonts *fs, int face)
{
	return face_of(fs, face)->descent;
}

const char *
fonts_path(struct fonts *fs, int face)
{
	return face_of(fs, face)->path;
}

int
fonts_index(struct fonts *fs, int face)
{
	return face_of(fs, face)->index;
}

static size_t	font_shape_run(struct fonts *, int, const char *, size_t,
		    struct fglyph **);

/* The HarfBuzz font of face, made on first use; NULL if HarfBuzz cannot
 * read the file.  HarfBuzz reads the file itself: its tables, not
 * FreeType's hinted outlines; in font units, as layout measures. */
static hb_font_t *
font_hb(struct face *f)
{
	hb_blob_t *blob;
	hb_face_t *hf;

	if (f->hb == NULL) {
		if ((blob = hb_blob_create_from_file_or_fail(f->path)) == NULL)
			return NULL;
		hf = hb_face_create(blob, (unsigned int)f->index);
		hb_blob_destroy(blob);
		f->hb = hb_font_create(hf);
		hb_face_destroy(hf);
	}
	return f->hb;
}

/*
 * The plan HarfBuzz shapes buf's text with in face f (buf's script,
 * direction and language set), made once per face and properties: what
 * hb_shape() does on every call, whose look-up of a plan (the face's
 * feature variations, in GSUB and GPOS) costs twice the shaping of a
 * Latin word.  HarfBuzz still decides every glyph.
 */
static hb_shape_plan_t *
font_plan(struct face *f, hb_buffer_t *buf)
{
	hb_segment_properties_t props;
	size_t i;

	hb_buffer_get_segment_properties(buf, &props);
	for (i = 0; i < f->nplans; i++)
		if (hb_segment_properties_equal(&f->plans[i].props, &props))
			return f->plans[i].plan;
	f->plans = xrealloc(f->plans, (f->nplans + 1) * sizeof(*f->plans));
	f->plans[f->nplans].props = props;
	f->plans[f->nplans].plan = hb_shape_plan_create_cached(
	    hb_font_get_face(f->hb), &props, NULL, 0, NULL);
	return f->plans[f->nplans++].plan;
}

/* Whether glyph g (of hb's buffer, whose cluster is the bytes [c, end) of
 * s) is what a text item of that cluster draws: one character, its cmap
 * glyph, not moved. */
static int
font_nominal(hb_font_t *hb, const hb_glyph_info_t *g,
    const hb_glyph_position_t *pos, const char *s, size_t end)
{
	hb_codepoint_t want;
	size_t len;
	long cp = utf8_decode(s + g->cluster, end - g->cluster, &len);

	return g->cluster + len == end && pos->x_offset == 0 &&
	    pos->y_offset == 0 && cp >= 0 &&
	    hb_font_get_nominal_glyph(hb, (hb_codepoint_t)cp, &want) &&
	    want == g->codepoint;
}

/* The slot of face f's shaped texts for the n bytes at s: theirs, or the
 * empty one they would take. */
static struct shaped *
font_shaped_slot(const struct face *f, const char *s, size_t n)
{
	size_t h = 2166136261u, i;
	struct shaped *sh;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	for (i = h & (f->nshaped - 1);; i = (i + 1) & (f->nshaped - 1)) {
		sh = &f->shaped[i];
		if (sh->s == NULL || (strncmp(sh->s, s, n) == 0 &&
		    sh->s[n] == '\0'))
			return sh;
	}
}

/* Keeps the ng glyphs g of the n bytes at s shaped in face f. */
static void
font_shaped_keep(struct face *f, const char *s, size_t n,
    const struct fglyph *g, size_t ng)
{
	struct shaped *old = f->shaped, *sh;
	size_t i, nold = f->nshaped;

	if (2 * (f->nshaped_used + 1) > f->nshaped) {
		f->nshaped = nold == 0 ? 256 : 2 * nold;
		f->shaped = xcalloc(f->nshaped, sizeof(*f->shaped));
		for (i = 0; i < nold; i++)
			if (old[i].s != NULL)
				*font_shaped_slot(f, old[i].s,
				    strlen(old[i].s)) = old[i];
		free(old);
	}
	sh = font_shaped_slot(f, s, n);
	sh->s = xstrndup(s, n);
	sh->ng = ng;
	sh->g = xmalloc((ng ? ng : 1) * sizeof(*g));
	memcpy(sh->g, g, ng * sizeof(*g));
	f->nshaped_used++;
}

size_t
fonts_shape(struct fonts *fs, int face, const char *s, size_t n,
    struct fglyph **out)
{
	struct face *f = face_of(fs, face);
	struct shaped *sh;
	size_t ng;

	if (f->nshaped > 0 && (sh = font_shaped_slot(f, s, n))->s != NULL) {
		*out = sh->ng > 0 ? xmalloc(sh->ng * sizeof(**out)) : NULL;
		if (sh->ng > 0)
			memcpy(*out, sh->g, sh->ng * sizeof(**out));
		return sh->ng;
	}
	if ((ng = font_shape_run(fs, face, s, n, out)) > 0)
		font_shaped_keep(f, s, n, *out, ng);
	return ng;
}

/* fonts_shape() without its memory. */
static size_t
font_shape_run(struct fonts *fs, int face, const char *s, size_t n,
    struct fglyph **out)
{
	hb_font_t *hb;
	hb_buffer_t *buf;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;
	unsigned int i, ng = 0;
	size_t end;
	double em;

	*out = NULL;
	if ((hb = font_hb(face_of(fs, face))) == NULL)
		return 0;
	em = hb_face_get_upem(hb_font_get_face(hb));
	buf = hb_buffer_create();
	hb_buffer_add_utf8(buf, s, (int)n, 0, (int)n);
	/* the script's direction: Arabic's glyphs come out right to left,
	 * in the order they are drawn */
	hb_buffer_guess_segment_properties(buf);
	hb_shape_plan_execute(font_plan(face_of(fs, face), buf), hb, buf,
	    NULL, 0);
	info = hb_buffer_get_glyph_infos(buf, &ng);
	pos = hb_buffer_get_glyph_positions(buf, NULL);
	if (ng > 0)
		*out = xcalloc(ng, sizeof(**out));
	for (i = 0; i < ng; i++) {
		(*out)[i].id = info[i].codepoint;
		(*out)[i].cluster = info[i].cluster;
		(*out)[i].advance = pos[i].x_advance * 1000.0 / em;
		(*out)[i].dx = pos[i].x_offset * 1000.0 / em;
		(*out)[i].dy = pos[i].y_offset * 1000.0 / em;
		(*out)[i].kern = (pos[i].x_advance -
		    hb_font_get_glyph_h_advance(hb, info[i].codepoint)) *
		    1000.0 / em;
		/* a cluster of one glyph: it ends where the next begins */
		end = i + 1 < ng ? info[i + 1].cluster : n;
		(*out)[i].nominal = (i == 0 ||
		    info[i - 1].cluster != info[i].cluster) &&
		    end > info[i].cluster &&
		    font_nominal(hb, &info[i], &pos[i], s, end);
	}
	hb_buffer_destroy(buf);
	return ng;
}

hb_face_t *
fonts_hb_face(const char *path, int index)
{
	size_t i;

	for (i = 0; i < store.nfaces; i++)
		if (store.faces[i].hb != NULL && store.faces[i].index == index &&
		    strcmp(store.faces[i].path, path) == 0)
			return hb_face_reference(hb_font_get_face(
			    store.faces[i].hb));
	return NULL;
}
