/*
 * pdf_stream.h - a libharu document written to its file page by page.
 *
 * libharu 2.3.0 keeps every object of a document in memory until
 * HPDF_SaveToStream writes them all, in object-number order, into a
 * memory stream: a class set of thousands of pages held its page
 * dictionaries and content streams twice over.  Here the file is opened
 * before the first page; once a page is drawn, pdfs_page() writes its
 * page dictionary and content streams with libharu's own object writer
 * (HPDF_Obj_WriteValue, as HPDF_Xref_WriteToStream does) and frees what
 * they hold, leaving the header that its page-tree node's /Kids names;
 * once the node's pages are all written, the node is written too and the
 * pages' headers freed.  pdfs_dest() and pdfs_mark() do the same for a
 * bookmark's destination and, once the next one is made, the bookmark.  pdfs_finish() writes what remains (fonts,
 * images, page tree, bookmarks, catalog, info) in object-number order,
 * then the cross-reference table and trailer, byte for byte in libharu's
 * format.  The file's objects are no longer in number order (pages come
 * first); the table says where each is, as the PDF format allows.
 *
 * This uses libharu's object layer (hpdf_objects.h, hpdf_doc.h,
 * hpdf_pages.h), installed with libhpdf-dev but not its documented API:
 * the public API has no way to write a page before the whole document.
 * Not for encrypted documents (mimeo writes none).
 *
 * Errors: a libharu status; a failed write to the file keeps its errno
 * (pdfs_errno()).  The caller removes a partly written file.
 */
#ifndef MIMEO_PDF_STREAM_H
#define MIMEO_PDF_STREAM_H

#include <hpdf.h>

struct pdf_stream;

/* Opens path for writing and writes the file header of pdf (whose PDF
 * version must be settled: fonts and images loaded).  Returns NULL with
 * *err set to errno if the file cannot be opened. */
struct pdf_stream *pdfs_open(HPDF_Doc pdf, const char *path, int *err);
/* Writes finished page (no more drawing on it) and its content streams,
 * then frees them; keep, if not NULL, is one of its streams that later
 * pages will name (a shared stream): written and emptied but not freed.
 * Returns a libharu status. */
HPDF_STATUS	 pdfs_page(struct pdf_stream *, HPDF_Page page, HPDF_Dict keep);
/* Writes destination dst, complete, and empties it: it names its page no
 * more, so the page can go; the bookmark naming dst keeps its header.
 * Returns a libharu status. */
HPDF_STATUS	 pdfs_dest(struct pdf_stream *, HPDF_Destination dst);
/* Writes bookmark mark and its destination dst (NULL: none) unless
 * written, then frees what they hold.  Only once the next bookmark at its level is made: it
 * names that one as its /Next.  Returns a libharu status. */
HPDF_STATUS	 pdfs_mark(struct pdf_stream *, HPDF_Outline mark,
		    HPDF_Destination dst);
/* Writes every object not yet written, the cross-reference table and the
 * trailer.  Returns a libharu status. */
HPDF_STATUS	 pdfs_finish(struct pdf_stream *);
/* errno of the first failed write, or 0. */
int		 pdfs_errno(const struct pdf_stream *);
/* Closes the file and frees s (NULL: nothing).  Returns 0, or errno if
 * closing failed (a full disk shows here) or a write had failed. */
int		 pdfs_close(struct pdf_stream *s);

#endif
