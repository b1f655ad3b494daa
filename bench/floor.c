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
 * fonts embedded through libharu's UTF-8 encoder and everything
 * compressed.  Positions are fixed, nothing is measured.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *arg)
{
	(void)arg;
	fprintf(stderr, "floor: libharu error 0x%04X (%u)\n", (unsigned)code,
	    (unsigned)detail);
	exit(1);
}

static void
text(HPDF_Page page, HPDF_Font font, double size, double x, double y,
    const char *s)
{
	HPDF_Page_GSave(page);
	HPDF_Page_SetRGBFill(page, 0, 0, 0);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, font, (HPDF_REAL)size);
	HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, s);
	HPDF_Page_EndText(page);
	HPDF_Page_GRestore(page);
}

static void
line(HPDF_Page page, double x, double y, double x2)
{
	HPDF_Page_GSave(page);
	HPDF_Page_SetRGBStroke(page, 0, 0, 0);
	HPDF_Page_SetLineWidth(page, 0.6f);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)y);
	HPDF_Page_LineTo(page, (HPDF_REAL)x2, (HPDF_REAL)y);
	HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
}

static void
draw_page(HPDF_Page page, HPDF_Font reg, HPDF_Font bold, const char *name,
    int pageno, int npages)
{
	static const char *prompts[] = {
		"(1 point) 1/2 + 1/3 = ?", "(1 point) 3/4 − 1/6 = ?",
		"(2 points) María spent 1/4 of her $20 allowance on a book",
		"(2 points) Zoë found 3/4 of a dollar in her coat and 1/10",
	};
	char buf[64];
	double y = 730;
	int i;

	text(page, bold, 18, 158, y, "Adding and Subtracting Fractions");
	if (pageno == 1) {
		text(page, reg, 12, 54, 698, "Name");
		line(page, 90, 696, 320);
		text(page, bold, 12, 96, 698, name);
		text(page, reg, 12, 330, 698, "Date");
		line(page, 360, 696, 450);
		text(page, reg, 12, 460, 698, "Period");
		line(page, 500, 696, 558);
		text(page, reg, 9, 500, 680, "Total: 16 points");
		text(page, reg, 12, 54, 660, "Find a common denominator "
		    "before you add or subtract. Show your work and write");
		text(page, reg, 12, 54, 645, "each answer in simplest form.");
	} else
		text(page, reg, 12, 54, 698, "each answer in simplest form.");
	y = 620;
	for (i = 0; i < 4; i++) {
		snprintf(buf, sizeof(buf), "%d.", (pageno - 1) * 4 + i + 1);
		text(page, bold, 12, 54, y, buf);
		text(page, reg, 12, 70, y, prompts[i]);
		text(page, reg, 12, 70, y - 15, "of a dollar under the couch.");
		text(page, reg, 12, 350, y - 100, "Answer:");
		line(page, 400, y - 102, 558);
		y -= 130;
	}
	text(page, reg, 9, 54, 40, "Adding and Subtracting Fractions");
	snprintf(buf, sizeof(buf), "Page %d of %d", pageno, npages);
	text(page, reg, 9, 500, 40, buf);
}

int
main(int argc, char *argv[])
{
	HPDF_Doc pdf;
	HPDF_Font reg, bold;
	HPDF_Page page;
	FILE *fp;
	char row[512], *end;
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
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	reg = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[1],
	    HPDF_TRUE), "UTF-8");
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, argv[2],
	    HPDF_TRUE), "UTF-8");
	while (fgets(row, sizeof(row), fp) != NULL) {
		if (header-- > 0)
			continue;
		if ((end = strpbrk(row, ",\r\n")) != NULL)
			*end = '\0';
		for (p = 1; p <= npages; p++) {
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_LETTER,
			    HPDF_PAGE_PORTRAIT);
			draw_page(page, reg, bold, row, p, npages);
		}
	}
	fclose(fp);
	HPDF_SaveToFile(pdf, argv[5]);
	HPDF_Free(pdf);
	return 0;
}
