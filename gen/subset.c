/*
 * subset.c - TrueType subsets with HarfBuzz's hb-subset (see subset.h).
 */
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-subset.h>

#include "subset.h"
#include "util.h"

/* The face at index of the font file at path, or NULL.  The caller
 * destroys it. */
static hb_face_t *
subset_face(const char *path, int index)
{
	hb_blob_t	*blob;
	hb_face_t	*face;

	if ((blob = hb_blob_create_from_file_or_fail(path)) == NULL)
		return NULL;
	face = hb_face_create(blob, (unsigned int)index);
	hb_blob_destroy(blob);
	if (hb_face_get_glyph_count(face) == 0) {
		hb_face_destroy(face);
		return NULL;
	}
	return face;
}

int
subset_make(const char *path, int index, const unsigned char *used,
    const unsigned char *glyphs, unsigned long ncodes, char **data,
    size_t *len, char *err, size_t errlen)
{
	/* libharu copies only its own tables and draws no shaped text */
	static const hb_tag_t	 drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
		HB_TAG('M', 'A', 'T', 'H'), HB_TAG('h', 'd', 'm', 'x'),
		HB_TAG('V', 'D', 'M', 'X'), HB_TAG('L', 'T', 'S', 'H'),
		HB_TAG('D', 'S', 'I', 'G'), HB_TAG('g', 'a', 's', 'p'),
	};
	hb_face_t		*face, *sub = NULL;
	hb_subset_input_t	*in;
	hb_blob_t		*blob = NULL;
	hb_set_t		*set;
	const char		*bytes;
	unsigned int		 n = 0;
	unsigned long		 cp;
	size_t			 i;
	int			 rc = -1;

	*data = NULL;
	*len = 0;
	if ((face = subset_face(path, index)) == NULL)
		return errfmt(err, errlen, "cannot read font %s", path);
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		hb_face_destroy(face);
		return errfmt(err, errlen, "out of memory");
	}
	set = hb_subset_input_unicode_set(in);
	for (cp = 0; cp < ncodes; cp++)
		if (used[cp / 8] & (1u << (cp % 8)))
			hb_set_add(set, (hb_codepoint_t)cp);
	set = hb_subset_input_glyph_set(in);
	for (cp = 0; glyphs != NULL && cp < ncodes; cp++)
		if (glyphs[cp / 8] & (1u << (cp % 8))) {
			hb_set_add(set, (hb_codepoint_t)cp);
			hb_subset_input_set_flags(in,
			    HB_SUBSET_FLAGS_RETAIN_GIDS);
			/* libharu reads no font without a cmap: a subset of
			 * glyphs only would have none */
			hb_set_add(hb_subset_input_unicode_set(in), ' ');
		}
	set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(set, drop[i]);
	if ((sub = hb_subset_or_fail(face, in)) != NULL)
		blob = hb_face_reference_blob(sub);
	bytes = blob != NULL ? hb_blob_get_data(blob, &n) : NULL;
	if (bytes == NULL || n == 0)
		errfmt(err, errlen, "cannot subset font %s", path);
	else {
		*data = xmalloc(n);
		memcpy(*data, bytes, n);
		*len = n;
		rc = 0;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	return rc;
}
