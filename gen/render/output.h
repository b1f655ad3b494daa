/*
 * output.h - where documents go, and writing them so that a failed run
 * leaves nothing behind: each file is written to a temporary name in its
 * own folder and renamed over the old one only when complete.
 */
#ifndef MIMEO_OUTPUT_H
#define MIMEO_OUTPUT_H

struct doc;

/* The path for the document of input with suffix ("", "-key") and ext
 * ("pdf"), under -o's PATH (a file, or a folder when it ends in '/' or is
 * one; NULL means out/).  many says the run writes several documents, so a
 * file name in -o is an error.  Returns a new string, or NULL (reported:
 * a usage error). */
char	*output_path(const char *opt, const char *input, const char *suffix,
	    const char *ext, int many);

/* 1 when p names an existing folder. */
int	 output_isdir(const char *p);

/* Write doc as PDF at path, as output_doc, creating missing folders.
 * Refuses to write over input or any file inputs_note() noted; a device or a pipe
 * at path (/dev/stdout) is written into, not replaced.  Returns 0, or -1
 * (reported as a system error). */
int	 output_pdf(const struct doc *, const char *path, const char *input);

/* OUT_TREE: the display list as text (render_tree), for golden tests. */
enum out_format { OUT_PDF, OUT_PNG, OUT_SVG, OUT_PS, OUT_TREE };

#define OUT_DPI		100	/* PNG pages by default */
#define OUT_MIN_DPI	20
#define OUT_MAX_DPI	600
#define OUT_CONTACT_DPI	24	/* contact sheet thumbnails */

/* How documents are written: --format, --dpi, and what preview asks. */
struct outfmt {
	enum out_format	 format;
	long		 dpi;		/* PNG pages; 0: OUT_DPI */
	size_t		 page;		/* PNG/SVG: this page only (1-based);
					   0: every page, one file each */
	int		 contact;	/* one PNG contact sheet instead */
};

/* output_path() for a document in format f: the extension of f, and for
 * one page or a contact sheet "-pN" or "-contact" after suffix.  A file
 * named by -o is used as it is.  Returns a new string, or NULL. */
char	*output_doc_path(const char *opt, const char *input,
	    const char *suffix, const struct outfmt *f, int many);

/* With --page (preview): whether doc, the document of file that preview
 * draws ("worksheet", "packet"), has that page; if not, reports a
 * command-line error (exit 2) and returns -1.  Else 0. */
int	 output_page_ok(const struct outfmt *f, const struct doc *,
	    const char *file, const char *what);

/* Write doc in format f at path (from output_doc_path): into temporary
 * files beside it, which output_commit() renames into place.  PNG and SVG
 * of every page are one file per page: path "DIR/NAME.png" gives
 * DIR/NAME-p1.png, DIR/NAME-p2.png, ... (a path without the extension gets
 * "-pN.png" added).  Two documents of one run may not go to one file.
 * Returns 0, or -1 (reported). */
int	 output_doc(const struct doc *, const struct outfmt *f,
	    const char *path, const char *input, int quiet);

/* A line for standard error about the document output_doc() last took,
 * printed after its "wrote ..." when it is put in place. */
void	 output_note(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* At the end of the run: when ok, every document output_doc() took is
 * renamed into place, in order, with its "wrote ..." (unless quiet) and
 * note; else (or from the first that cannot be placed) their temporaries
 * are removed, and the folders made for them.  A run that fails thus
 * writes nothing and leaves every old file as it was.  Returns how many
 * documents were not written. */
size_t	 output_commit(int ok);

#endif
