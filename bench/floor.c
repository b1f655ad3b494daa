/*
 * floor.c - the floor of `make bench`: what libharu alone needs to write a
 * class set's pages, with no YAML, no templates, no layout.
 *
 *   floor REGULAR.ttf BOLD.ttf ROSTER.csv PAGES_PER_COPY OUT.pdf
 *
 * One copy of PAGES_PER_COPY pages per roster row (first column, after the
 * header row), each page about what a mimeo worksheet page holds: a bold
 * title, the student's name on a line, 22 runs of text and 10 strokes,
 * each in its own q/Q as mimeo draws them, with the same two TrueType
 * fonts embedded as mimeo embeds them (gen/render/subset.c: a subset of the
 * characters drawn; WinAnsiEncoding for a font whose characters all have
 * a byte there, else libharu's UTF-8 encoder) and everything compressed.
 * Positions are fixed, nothing is measured.  What libharu's public API
 * lets a program share is shared: the two fonts, one encoder, a table of
 * WinAnsi bytes built once; a page's content cannot be shared between
 * pages through that API (mimeo shares it through libharu's object layer).
 * Every character it draws has a WinAnsi byte (a hyphen for mimeo's minus
 * sign), so no font needs libharu's costly UTF-8 encoder: a floor does the
 * least work that prints such pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hpdf.h>

#include "subset.h"
#include "util.h"

#define NCODES	65536

/* The two fonts (0 regular, 1 bold); the WinAnsiEncoding encoder of each
 * that uses it; while marking (the first pass, before the fonts are
 * loaded), the code points each draws and whether all have a WinAnsi
 * byte. */
static HPDF_Font font[2];
static HPDF_Encoder ansi[2];
static int marking, all_ansi[2] = { 1, 1 };
static unsigned char used[2][NCODES / 8];

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	(void)arg;
	fprintf(stderr, "floor: libharu error 0x%04X (%u)\n", (unsigned)code,
	    (unsigned)detail);
	exit(1);
}

/* The WinAnsiEncoding byte of each code point (0: none), filled once
 * from the encoder: looked up per character, as mimeo's own tables are. */
static unsigned char ansi_of[NCODES];

static void
ansi_table(HPDF_Encoder enc)
{
	unsigned int b;
	HPDF_UNICODE cp;

	for (b = 0xFF; b >= 0x20; b--)	/* the lowest byte wins */
		if ((cp = HPDF_Encoder_GetUnicode(enc, (HPDF_UINT16)b)) != 0)
			ansi_of[cp] = (unsigned char)b;
}

static unsigned char
ansi_byte(HPDF_Encoder enc, long cp)
{
	(void)enc;
	return cp >= 0 && cp < NCODES ? ansi_of[cp] : 0;
}

/* Records the code points of s in set; clears *all if one has no
 * WinAnsiEncoding byte. */
static void
mark(unsigned char *set, const char *s, HPDF_Encoder enc, int *all)
{
	size_t n = strlen(s), i, len;
	long cp;

	for (i = 0; i < n; i += len) {
		cp = utf8_decode(s + i, n - i, &len);
		if (cp < 0 || cp >= NCODES)
			continue;
		set[cp / 8] |= 1u << (cp % 8);
		if (ansi_byte(enc, cp) == 0)
			*all = 0;
	}
}

static void
text(HPDF_Page page, int f, double size, double x, double y, const char *s)
{
	char buf[512], *p = buf;
	size_t n = strlen(s), i, len;

	if (marking) {
		mark(used[f], s, ansi[f], &all_ansi[f]);
		return;
	}
	if (ansi[f] != NULL) {	/* the text as WinAnsiEncoding bytes */
		for (i = 0; i < n && p < buf + sizeof(buf) - 1; i += len)
			*p++ = (char)ansi_byte(ansi[f], utf8_decode(s + i,
			    n - i, &len));
		*p = '\0';
		s = buf;
	}
	HPDF_Page_GSave(page);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font[f], (HPDF_REAL)size);
	HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, s);
	HPDF_Page_EndText(page);
	HPDF_Page_GRestore(page);
}

static void
line(HPDF_Page page, double x, double y, double x2)
{
	if (marking)
		return;
	HPDF_Page_GSave(page);
	HPDF_Page_SetRGBStroke(page, 0, 0, 0);
	HPDF_Page_SetLineWidth(page, 0.6f);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_LineTo(page, (HPDF_REAL)x2, (HPDF_REAL)y);
	HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
}

static void
draw_page(HPDF_Page page, const char *name,
    int pageno, int npages)
{
	static const char *prompts[] = {
		"(1 point) 1/2 + 1/3 = ?", "(1 point) 3/4 - 1/6 = ?",
		"(2 points) María spent 1/4 of her $20 allowance on a book",
		"(2 points) Zoë found 3/4 of a dollar in her coat and 1/10",
	};
	char buf[64];
	double y = 730;
	int i;

	text(page, 1, 18, 158, y, "Adding and Subtracting Fractions");
	if (pageno == 1) {
		text(page, 0, 12, 54, 698, "Name");
		line(page, 90, 696, 320);
		text(page, 1, 12, 96, 698, name);
		text(page, 0, 12, 330, 698, "Date");
		line(page, 360, 696, 450);
		text(page, 0, 12, 460, 698, "Period");
		line(page, 500, 696, 558);
		text(page, 0, 9, 500, 680, "Total: 16 points");
		text(page, 0, 12, 54, 660, "Find a common denominator "
		    "before you add or subtract. Show your work and write");
		text(page, 0, 12, 54, 645, "each answer in simplest form.");
	} else
		text(page, 0, 12, 54, 698, "each answer in simplest form.");
	y = 620;
	for (i = 0; i < 4; i++) {
		snprintf(buf, sizeof(buf), "%d.", (pageno - 1) * 4 + i + 1);
		text(page, 1, 12, 54, y, buf);
		text(page, 0, 12, 70, y, prompts[i]);
		text(page, 0, 12, 70, y - 15, "of a dollar under the couch.");
		text(page, 0, 12, 350, y - 100, "Answer:");
		line(page, 400, y - 102, 558);
		y -= 130;
	}
	text(page, 0, 9, 54, 40, "Adding and Subtracting Fractions");
	snprintf(buf, sizeof(buf), "Page %d of %d", pageno, npages);
	text(page, 0, 9, 500, 40, buf);
}

/* Loads font file path as a subset of what font f draws, through a
 * temporary file: libharu's public API loads fonts from files only. */
static void
load(HPDF_Doc pdf, int f, const char *path)
{
	char err[256], tmp[] = "/tmp/floor-font-XXXXXX", *data;
	const char *name;
	size_t len;
	FILE *fp;
	int fd;

	if (subset_make(path, 0, NULL, used[f], NULL, NULL, 0, NCODES, &data,
	    &len, err, sizeof(err)) == -1) {
		fprintf(stderr, "floor: %s\n", err);
		exit(1);
	}
	if ((fd = mkstemp(tmp)) < 0 || (fp = fdopen(fd, "wb")) == NULL ||
	    fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(tmp);
		exit(1);
	}
	free(data);
	name = HPDF_LoadTTFontFromFile(pdf, tmp, HPDF_TRUE);
	unlink(tmp);	/* libharu holds it open */
	if (!all_ansi[f])
		ansi[f] = NULL;
	font[f] = HPDF_GetFont(pdf, name, ansi[f] != NULL ?
	    HPDF_ENCODING_WIN_ANSI : "UTF-8");
}

int
main(int argc, char *argv[])
{
	HPDF_Doc pdf;
	HPDF_Page page;
	FILE *fp;
	char row[512], *end, **names = NULL;
	size_t nnames = 0, i;
	int npages, p, header = 1;

	if (argc != 6 || (npages = atoi(argv[4])) < 1) {
		fprintf(stderr, "usage: floor REGULAR.ttf BOLD.ttf ROSTER.csv "
		    "PAGES_PER_COPY OUT.pdf\n");
		return 2;
	}
	if ((fp = fopen(argv[3], "r")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	while (fgets(row, sizeof(row), fp) != NULL) {
		if (header-- > 0)
			continue;
		if ((end = strpbrk(row, ",\r\n")) != NULL)
			*end = '\0';
		names = xrealloc(names, (nnames + 1) * sizeof(*names));
		names[nnames++] = xstrdup(row);
	}
	fclose(fp);
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	ansi[0] = ansi[1] = HPDF_GetEncoder(pdf, HPDF_ENCODING_WIN_ANSI);
	ansi_table(ansi[0]);
	/* first pass: which characters each font draws */
	marking = 1;
	for (i = 0; i < nnames; i++)
		for (p = 1; p <= npages; p++)
			draw_page(NULL, names[i], p, npages);
	marking = 0;
	load(pdf, 0, argv[1]);
	load(pdf, 1, argv[2]);
	for (i = 0; i < nnames; i++) {
		for (p = 1; p <= npages; p++) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_LETTER,
			    HPDF_PAGE_PORTRAIT);
			draw_page(page, names[i], p, npages);
		}
		free(names[i]);
	}
	free(names);
	HPDF_SaveToFile(pdf, argv[5]);
	HPDF_Free(pdf);
	return 0;
}
