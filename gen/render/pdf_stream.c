/* pdf_stream.c - a libharu document written page by page; see pdf_stream.h */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_gstate.h>
#include <hpdf_objects.h>
#include <hpdf_outline.h>
#include <hpdf_pages.h>

#include "pdf_stream.h"
#include "util.h"

#define PDFS_ID_MASK	0x00FFFFFFu	/* an obj_id less its HPDF_OTYPE bits */
#define PDFS_BUF	65536		/* bytes gathered for one fwrite() */

struct pdf_stream {
	HPDF_Doc	 pdf;
	FILE		*fp;		/* unbuffered: buf is its buffer */
	HPDF_Stream	 out;		/* libharu's view of fp */
	/* what libharu has written and fp not yet: libharu writes an object
	 * a few bytes at a time, and an fwrite() of each cost more than
	 * writing the object */
	unsigned char	 buf[PDFS_BUF];
	size_t		 nbuf;
	int		 err;		/* errno of the first failed write */
	HPDF_UINT	 marks;		/* bookmarks written by pdfs_mark() */
	HPDF_Outline	 last_mark;	/* the last written, if not the first */
	HPDF_Dict	*shells;	/* written dictionaries still named */
	size_t		 nshells, shells_cap;
	HPDF_Dict	 node;		/* the page-tree node of the last page */
	HPDF_Dict	*kids;		/* its pages, written: headers only */
	size_t		 nkids, kids_cap;
	HPDF_UINT	 npages;	/* pages written */
	HPDF_UINT	 nodes;		/* page-tree nodes written early */
};

/* Writes the n bytes at p to s's file.  Returns a libharu status. */
static HPDF_STATUS
pdfs_put(struct pdf_stream *s, const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, s->fp) != n) {
		if (s->err == 0)
			s->err = errno != 0 ? errno : EIO;
		return HPDF_FILE_IO_ERROR;
	}
	return HPDF_OK;
}

/* Writes what s->buf holds to the file.  Returns a libharu status. */
static HPDF_STATUS
pdfs_flush(struct pdf_stream *s)
{
	size_t n = s->nbuf;

	s->nbuf = 0;
	return pdfs_put(s, s->buf, n);
}

/* The callback writer's write function: into s->buf, and the file when
 * it is full. */
static HPDF_STATUS
pdfs_write(HPDF_Stream out, const HPDF_BYTE *p, HPDF_UINT n)
{
	struct pdf_stream *s = out->attr;

	if (n > PDFS_BUF - s->nbuf && pdfs_flush(s) != HPDF_OK)
		return HPDF_FILE_IO_ERROR;
	if (n >= PDFS_BUF)
		return pdfs_put(s, p, n);
	memcpy(s->buf + s->nbuf, p, n);
	s->nbuf += n;
	return HPDF_OK;
}

struct pdf_stream *
pdfs_open(HPDF_Doc pdf, const char *path, int *err)
{
	struct pdf_stream *s = xcalloc(1, sizeof(*s));
	char head[32];

	s->pdf = pdf;
	if ((s->fp = fopen(path, "wb")) == NULL) {
		*err = errno;
		free(s);
		return NULL;
	}
	(void)setvbuf(s->fp, NULL, _IONBF, 0);
	if ((s->out = HPDF_CallbackWriter_New(pdf->mmgr, pdfs_write, s)) ==
	    NULL) {
		fclose(s->fp);
		free(s);
		*err = ENOMEM;
		return NULL;
	}
	/* libharu's WriteHeader (static in hpdf_doc.c): the version line and
	 * a comment of bytes above 127, so the file reads as binary */
	snprintf(head, sizeof(head), "%%PDF-1.%d\012%%\267\276\255\252\012",
	    (int)pdf->pdf_version + 2);
	if (HPDF_Stream_WriteStr(s->out, head) != HPDF_OK) {
		*err = s->err;
		(void)pdfs_close(s);
		return NULL;
	}
	return s;
}

/* The xref entry of indirect object obj. */
static HPDF_XrefEntry
pdfs_entry(const struct pdf_stream *s, void *obj)
{
	HPDF_Obj_Header *h = obj;

	return HPDF_Xref_GetEntry(s->pdf->xref, h->obj_id & PDFS_ID_MASK);
}

/* Writes object number id as HPDF_Xref_WriteToStream does, noting where
 * in the entry (an offset is never 0: the header comes first, which is
 * how a written object is told from one still to write).  Returns a
 * libharu status. */
/* n in decimal at p, at least width digits (zeros before); returns the
 * end.  What snprintf("%0*lu") writes, for the object headers and the
 * cross-reference table's entries (one each per object: snprintf took a
 * tenth of writing a class set's objects). */
static char *
pdfs_digits(char *p, unsigned long n, int width)
{
	char	 d[24];
	int	 k = 0;

	do {
		d[k++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	while (k < width)
		d[k++] = '0';
	while (k > 0)
		*p++ = d[--k];
	return p;
}

static HPDF_STATUS
pdfs_object(struct pdf_stream *s, HPDF_UINT id)
{
	HPDF_XrefEntry	 e = HPDF_Xref_GetEntry(s->pdf->xref, id);
	HPDF_STATUS	 st;
	char		 buf[64], *p;

	e->byte_offset = s->out->size;
	p = pdfs_digits(buf, id, 1);		/* "%u %u obj\n" */
	*p++ = ' ';
	p = pdfs_digits(p, e->gen_no, 1);
	memcpy(p, " obj\012", 6);
	if ((st = HPDF_Stream_WriteStr(s->out, buf)) != HPDF_OK)
		return st;
	if ((st = HPDF_Obj_WriteValue(e->obj, s->out, NULL)) != HPDF_OK)
		return st;
	return HPDF_Stream_WriteStr(s->out, "\012endobj\012");
}

/* Frees every key of d and its value (an indirect value is only
 * referenced: the xref owns it), and the table holding them. */
static void
pdfs_empty(HPDF_Dict d)
{
	HPDF_DictElement el;
	HPDF_UINT i;

	for (i = 0; i < d->list->count; i++) {
		el = HPDF_List_ItemAt(d->list, i);
		HPDF_Obj_Free(d->mmgr, el->value);
		HPDF_FreeMem(d->mmgr, el);
	}
	HPDF_List_Clear(d->list);
}

/* Frees written dictionary d but for its header, which the page tree's
 * /Kids, a destination or a bookmark's /Prev may still name (only its
 * number is read from it then): its keys, their table and its attr (a
 * page's, through the page's own free function).  The xref no longer owns
 * it: the caller keeps it (pdfs_keep()) and frees it when nothing names it
 * any more. */
static void
pdfs_shell(struct pdf_stream *s, HPDF_Dict d)
{
	pdfs_empty(d);
	HPDF_List_Free(d->list);
	d->list = NULL;
	if (d->stream != NULL)
		HPDF_Stream_Free(d->stream);
	d->stream = NULL;
	if (d->free_fn != NULL)
		d->free_fn(d);
	d->free_fn = NULL;
	d->before_write_fn = NULL;
	d->attr = NULL;
	pdfs_entry(s, d)->obj = NULL;
}

/* Appends d to the list of n (capacity cap) at *list. */
static void
pdfs_keep(HPDF_Dict **list, size_t *n, size_t *cap, HPDF_Dict d)
{
	xgrow((void **)list, cap, *n, sizeof(**list));
	(*list)[(*n)++] = d;
}

/* Frees written indirect object obj for good: nothing may name it any
 * more.  Its xref entry keeps its offset. */
static void
pdfs_drop(struct pdf_stream *s, void *obj)
{
	HPDF_XrefEntry e = pdfs_entry(s, obj);

	HPDF_Obj_ForceFree(s->pdf->mmgr, obj);
	e->obj = NULL;
}

/* The value of key in d, through its proxy if it is an indirect object,
 * or NULL.  HPDF_Dict_GetItem would record an error for a value of
 * another class than asked, and /Contents may be a stream or an array. */
static HPDF_Obj_Header *
pdfs_get(HPDF_Dict d, const char *key)
{
	HPDF_DictElement el;
	HPDF_Obj_Header *v;
	HPDF_UINT i;

	for (i = 0; i < d->list->count; i++) {
		el = HPDF_List_ItemAt(d->list, i);
		if (strcmp(el->key, key) != 0)
			continue;
		v = el->value;
		if (v->obj_class == HPDF_OCLASS_PROXY)
			v = ((HPDF_Proxy)el->value)->obj;
		return v;
	}
	return NULL;
}

/* Writes content stream c of a page (unless written already) and its
 * /Length, then frees both; keep: c is only emptied, since later pages
 * will name it.  Returns a libharu status. */
static HPDF_STATUS
pdfs_contents(struct pdf_stream *s, HPDF_Dict c, HPDF_Dict keep)
{
	HPDF_Number	 len;
	HPDF_STATUS	 st;

	if (pdfs_entry(s, c)->byte_offset != 0)
		return HPDF_OK;
	len = HPDF_Dict_GetItem(c, "Length", HPDF_OCLASS_NUMBER);
	if (len == NULL)
		return HPDF_INVALID_OBJECT;
	/* the length is known once the stream is written */
	if ((st = pdfs_object(s, c->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK || (st = pdfs_object(s, len->header.obj_id &
	    PDFS_ID_MASK)) != HPDF_OK)
		return st;
	if (c == keep) {
		pdfs_shell(s, c);
		pdfs_keep(&s->shells, &s->nshells, &s->shells_cap, c);
	} else
		pdfs_drop(s, c);
	pdfs_drop(s, len);
	return HPDF_OK;
}

HPDF_STATUS
pdfs_dest(struct pdf_stream *s, HPDF_Destination dst)
{
	HPDF_STATUS st;

	if ((st = pdfs_object(s, dst->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK)
		return st;
	HPDF_Array_Clear(dst);
	return HPDF_OK;
}

/* Writes the page-tree node s->node, all of whose pages are written, and
 * frees it but for its header (the root's /Kids names it) and its pages
 * for good: nothing names them now (a destination is emptied once
 * written, pdfs_dest()).  Returns a libharu status. */
static HPDF_STATUS
pdfs_node(struct pdf_stream *s)
{
	HPDF_STATUS	 st;
	size_t		 i;

	/* its /Count, from its pages' headers */
	if ((st = pdfs_object(s, s->node->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK)
		return st;
	pdfs_shell(s, s->node);
	pdfs_keep(&s->shells, &s->nshells, &s->shells_cap, s->node);
	for (i = 0; i < s->nkids; i++)
		HPDF_FreeMem(s->pdf->mmgr, s->kids[i]);
	s->nkids = 0;
	s->nodes++;
	return HPDF_OK;
}

HPDF_STATUS
pdfs_page(struct pdf_stream *s, HPDF_Page page, HPDF_Dict keep)
{
	HPDF_PageAttr	 attr = page->attr;
	HPDF_Obj_Header	*v;
	HPDF_Array	 list = NULL;
	HPDF_Dict	 c, own = attr->contents;
	HPDF_STATUS	 st;
	HPDF_UINT	 i, n = 1;

	/* a page in a new node: the last one's pages are all written */
	v = pdfs_get(page, "Parent");
	if (s->node != NULL && (HPDF_Dict)v != s->node &&
	    s->node != s->pdf->root_pages && (st = pdfs_node(s)) != HPDF_OK)
		return st;
	s->node = (HPDF_Dict)v;
	if ((st = pdfs_object(s, page->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK)
		return st;
	v = pdfs_get(page, "Contents");
	if (v != NULL && (v->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_ARRAY)
		n = (list = (HPDF_Array)v)->list->count;
	else if (v == NULL ||
	    (v->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT)
		return HPDF_INVALID_PAGE;
	for (i = 0; i < n && st == HPDF_OK; i++) {
		c = list != NULL ? HPDF_Array_GetItem(list, i,
		    HPDF_OCLASS_DICT) : (HPDF_Dict)v;
		if (c == own)
			own = NULL;
		st = c != NULL ? pdfs_contents(s, c, keep) :
		    HPDF_INVALID_OBJECT;
	}
	/* the page's own stream when it is not in /Contents (a repeat that
	 * draws nothing of its own): written all the same, as libharu writes
	 * every object it made */
	if (st == HPDF_OK && own != NULL)
		st = pdfs_contents(s, own, keep);
	if (st != HPDF_OK)
		return st;
	/* what stays: the header, for its node's /Kids */
	pdfs_shell(s, page);
	pdfs_keep(&s->kids, &s->nkids, &s->kids_cap, page);
	s->npages++;
	return HPDF_OK;
}

HPDF_STATUS
pdfs_mark(struct pdf_stream *s, HPDF_Outline mark, HPDF_Destination dst)
{
	HPDF_STATUS st;

	if ((st = pdfs_object(s, mark->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK)
		return st;
	if (dst != NULL && pdfs_entry(s, dst)->byte_offset == 0 &&
	    (st = pdfs_object(s, dst->header.obj_id & PDFS_ID_MASK)) !=
	    HPDF_OK)
		return st;
	/* the header stays for the next one's /Prev (the root's /First, if
	 * the first); the one before is named no more: this one's /Prev is
	 * gone */
	pdfs_shell(s, mark);
	if (s->last_mark != NULL)
		HPDF_FreeMem(s->pdf->mmgr, s->last_mark);
	s->last_mark = NULL;
	if (s->marks == 0)
		pdfs_keep(&s->shells, &s->nshells, &s->shells_cap, mark);
	else
		s->last_mark = mark;
	if (dst != NULL)
		pdfs_drop(s, dst);
	s->marks++;
	return HPDF_OK;
}

/* Gives the bookmarks' root its /Count (open: the number of bookmarks)
 * when some were written early: libharu's BeforeWrite counts them by
 * following each one's /Next, which a written bookmark no longer holds.
 * Every bookmark is at the top level.  Returns a libharu status. */
static HPDF_STATUS
pdfs_mark_count(struct pdf_stream *s)
{
	HPDF_Outline	 root = s->pdf->outlines, o;
	HPDF_INT32	 n = (HPDF_INT32)s->marks;

	if (root == NULL || s->marks == 0)
		return HPDF_OK;
	/* the bookmarks not written yet: back from the last to a written one */
	for (o = HPDF_Dict_GetItem(root, "Last", HPDF_OCLASS_DICT);
	    o != NULL && pdfs_entry(s, o)->byte_offset == 0;
	    o = HPDF_Dict_GetItem(o, "Prev", HPDF_OCLASS_DICT))
		n++;
	root->before_write_fn = NULL;
	return HPDF_Dict_AddNumber(root, "Count",
	    HPDF_Outline_GetOpened(root) ? n : -n);
}

/* Gives the page tree's root its /Count when nodes were written early:
 * libharu's BeforeWrite counts the pages in every node's /Kids, which a
 * written node no longer holds.  Returns a libharu status. */
static HPDF_STATUS
pdfs_page_count(struct pdf_stream *s)
{
	HPDF_Dict	 root = s->pdf->root_pages;
	HPDF_Number	 count;

	if (s->nodes == 0)
		return HPDF_OK;
	count = HPDF_Dict_GetItem(root, "Count", HPDF_OCLASS_NUMBER);
	if (count == NULL)
		return HPDF_INVALID_OBJECT;
	count->value = (HPDF_INT32)s->npages;
	root->before_write_fn = NULL;
	return HPDF_OK;
}

/* Writes the cross-reference table and the trailer as libharu's
 * HPDF_Xref_WriteToStream and WriteTrailer (static in hpdf_xref.c) do:
 * one section from object 0, ten-digit offsets, "\r\n" line ends.
 * Returns a libharu status. */
static HPDF_STATUS
pdfs_xref(struct pdf_stream *s)
{
	HPDF_Xref	 xref = s->pdf->xref;
	HPDF_XrefEntry	 e;
	HPDF_UINT32	 at = s->out->size;
	HPDF_STATUS	 st;
	HPDF_UINT	 i;
	char		 buf[64], *table, *p;

	snprintf(buf, sizeof(buf), "xref\0120 %u\012", xref->entries->count);
	st = HPDF_Stream_WriteStr(s->out, buf);
	/* the entries, 20 bytes each, written at once */
	p = table = xmalloc(20 * (size_t)xref->entries->count + 1);
	for (i = 0; i < xref->entries->count; i++) {
		e = HPDF_Xref_GetEntry(xref, i);
		p = pdfs_digits(p, e->byte_offset, 10);	/* "%010u %05u %c\r\n" */
		*p++ = ' ';
		p = pdfs_digits(p, e->gen_no, 5);
		*p++ = ' ';
		*p++ = (char)e->entry_typ;
		*p++ = '\015';
		*p++ = '\012';
	}
	if (st == HPDF_OK)
		st = HPDF_Stream_Write(s->out, (HPDF_BYTE *)table,
		    (HPDF_UINT)(p - table));
	free(table);
	if (st == HPDF_OK)
		st = HPDF_Dict_AddNumber(xref->trailer, "Size",
		    xref->entries->count);
	if (st == HPDF_OK)
		st = HPDF_Stream_WriteStr(s->out, "trailer\012");
	if (st == HPDF_OK)
		st = HPDF_Dict_Write(xref->trailer, s->out, NULL);
	if (st == HPDF_OK) {
		snprintf(buf, sizeof(buf), "\012startxref\012%u\012%%%%EOF\012",
		    (unsigned)at);
		st = HPDF_Stream_WriteStr(s->out, buf);
	}
	return st;
}

HPDF_STATUS
pdfs_finish(struct pdf_stream *s)
{
	HPDF_Doc	 pdf = s->pdf;
	HPDF_XrefEntry	 e;
	HPDF_STATUS	 st;
	HPDF_UINT	 i;

	/* libharu's PrepareTrailer */
	st = HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog);
	if (st == HPDF_OK && pdf->info != NULL)
		st = HPDF_Dict_Add(pdf->trailer, "Info", pdf->info);
	if (st == HPDF_OK)
		st = pdfs_mark_count(s);
	if (st == HPDF_OK)
		st = pdfs_page_count(s);
	/* entries->count is read each time: writing a font adds its
	 * descriptor and font file */
	for (i = 1; i < pdf->xref->entries->count && st == HPDF_OK; i++) {
		e = HPDF_Xref_GetEntry(pdf->xref, i);
		if (e->byte_offset == 0 && e->obj != NULL)
			st = pdfs_object(s, i);
	}
	if (st == HPDF_OK)
		st = pdfs_xref(s);
	return st;
}

int
pdfs_errno(const struct pdf_stream *s)
{
	return s->err;
}

int
pdfs_close(struct pdf_stream *s)
{
	size_t i;
	int e;

	if (s == NULL)
		return 0;
	(void)pdfs_flush(s);
	e = s->err;
	if (fclose(s->fp) != 0 && e == 0)
		e = errno != 0 ? errno : EIO;
	for (i = 0; i < s->nshells; i++)
		HPDF_FreeMem(s->pdf->mmgr, s->shells[i]);
	for (i = 0; i < s->nkids; i++)
		HPDF_FreeMem(s->pdf->mmgr, s->kids[i]);
	if (s->last_mark != NULL)
		HPDF_FreeMem(s->pdf->mmgr, s->last_mark);
	free(s->shells);
	free(s->kids);
	HPDF_Stream_Free(s->out);
	free(s);
	return e;
}
