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

/* The first bit from cp on set in bits (bit cp % 8 of byte cp / 8; NULL:
 * none), or n: a document draws a few hundred of 65,536 code points, so
 * empty bytes are skipped whole. */
static unsigned long
subset_next(const unsigned char *bits, unsigned long cp, unsigned long n)
{
	if (bits == NULL)
		return n;
	while (cp < n && !((bits[cp / 8] >> (cp % 8)) & 1))
		cp = bits[cp / 8] == 0 ? (cp | 7) + 1 : cp + 1;
	return cp < n ? cp : n;
}

/* Whether plan keeps each of the nids glyph ids in ids below n. */
static int
subset_keeps(const hb_subset_plan_t *plan, const unsigned int *ids,
    size_t nids, unsigned long n)
{
	const hb_map_t	*newid = hb_subset_plan_old_to_new_glyph_mapping(plan);
	size_t		 i;

	for (i = 0; i < nids; i++)
		if (ids[i] < n && !hb_map_has(newid, ids[i]))
			return 0;
	return 1;
}

int
subset_make(const char *path, int index, hb_face_t *shaped,
    const unsigned char *used,
    const unsigned char *glyphs, unsigned int *ids, size_t nids,
    unsigned long ncodes, char **data, size_t *len, char *err, size_t errlen)
{
	/* libharu copies only its own tables and draws no shaped text;
	 * GSUB first (kept for a closure) */
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
	hb_subset_plan_t	*plan;
	const hb_map_t		*newid;
	hb_codepoint_t		 id;
	hb_blob_t		*blob = NULL;
	hb_set_t		*set;
	const char		*bytes;
	unsigned int		 n = 0;
	unsigned long		 cp;
	size_t			 i;
	int			 rc = -1;

	*data = NULL;
	*len = 0;
	if ((face = shaped != NULL ? hb_face_reference(shaped) :
	    subset_face(path, index)) == NULL)
		return errfmt(err, errlen, "cannot read font %s", path);
	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		hb_face_destroy(face);
		return errfmt(err, errlen, "out of memory");
	}
	set = hb_subset_input_unicode_set(in);
	for (cp = subset_next(used, 0, ncodes); cp < ncodes;
	    cp = subset_next(used, cp + 1, ncodes))
		hb_set_add(set, (hb_codepoint_t)cp);
	/* libharu reads no font without a cmap (a subset of glyphs only
	 * would have none), and a blank glyph code draws the space */
	if (glyphs != NULL)
		hb_set_add(set, ' ');
	set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 1; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(set, drop[i]);
	plan = NULL;
	/* Shaped glyphs come from the face's GSUB: its closure from the
	 * characters mostly holds them, and glyphs asked for by id make
	 * hb-subset go through the face's whole cmap (1.8 M instructions
	 * for Andika), so they are asked for by id only if it does not. */
	if (glyphs != NULL &&
	    (plan = hb_subset_plan_create_or_fail(face, in)) != NULL &&
	    !subset_keeps(plan, ids, nids, ncodes)) {
		hb_subset_plan_destroy(plan);
		plan = NULL;
	}
	if (plan == NULL) {
		hb_set_add(set, drop[0]);	/* GSUB */
		set = hb_subset_input_glyph_set(in);
		for (cp = subset_next(glyphs, 0, ncodes); cp < ncodes;
		    cp = subset_next(glyphs, cp + 1, ncodes))
			hb_set_add(set, (hb_codepoint_t)cp);
		plan = hb_subset_plan_create_or_fail(face, in);
	}
	/* the subset numbers its glyphs anew (keeping the face's ids would
	 * keep a table entry for every glyph below the highest: for a Latin
	 * face with a ligature, thousands) */
	if (plan != NULL &&
	    (sub = hb_subset_plan_execute_or_fail(plan)) != NULL) {
		blob = hb_face_reference_blob(sub);
		newid = hb_subset_plan_old_to_new_glyph_mapping(plan);
		for (i = 0; i < nids; i++)
			if ((id = hb_map_get(newid, ids[i])) !=
			    HB_MAP_VALUE_INVALID)
				ids[i] = id;
	}
	hb_subset_plan_destroy(plan);
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
