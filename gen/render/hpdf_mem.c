/*
 * hpdf_mem.c - libharu's own memset and memcpy, done by the C library.
 *
 * libharu 2.3.0 clears and copies memory with HPDF_MemSet and HPDF_MemCpy,
 * loops of one byte at a time: clearing a 512-byte buffer in each page
 * operator (HPDF_Page_MoveTextPos, HPDF_Page_SetFontAndSize,
 * HPDF_Page_SetRGBFill ...), 256 KB for the UTF-8 encoder of a Type0 font
 * and 128 KB for its CIDFont, and copying every byte written to a stream.
 * For a 30-student class set that was 6.5 M instructions, a tenth of the
 * run.  libharu calls them through its procedure linkage table, so these
 * definitions, in the program, are the ones it calls (ELF symbol
 * interposition): the same results, returned as libharu's return them,
 * from the C library's memset and memcpy.  Nothing of mimeo calls them.
 */
#include <string.h>

#include <hpdf.h>
#include <hpdf_utils.h>

void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;	/* libharu's: the end */
}

HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	HPDF_UINT i;

	if (out + n <= in || in + n <= out) {
		memcpy(out, in, n);
		return out + n;		/* libharu's: the end */
	}
	for (i = 0; i < n; i++)		/* overlapping: byte by byte, as
					 * libharu copies */
		out[i] = in[i];
	return out + n;
}
