/*
 * subset.c - TrueType subsets with HarfBuzz's hb-subset (see subset.h).
 *
 * libharu 2.3.0 loads TrueType fonts from a path only, so the subset is
 * written to an anonymous memory file (memfd) opened through /proc; where
 * that is unavailable, to a temporary file removed once libharu has it.
 * Subsetting is deterministic: the same font and characters give the same
 * bytes.
 */
#define _GNU_SOURCE		/* memfd_create */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/* Writes all of data to fd.  Returns 0 or -1 (errno set). */
static int
subset_write(int fd, const char *data, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, data, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Opens the file the subset goes to in *out.  Returns 0 or -1 (errno). */
static int
subset_open(struct subset *out)
{
	const char	*dir;

	out->tmp = NULL;
	out->fd = memfd_create("mimeo-font", MFD_CLOEXEC);
	if (out->fd >= 0) {
		snprintf(out->path, sizeof(out->path), "/proc/self/fd/%d",
		    out->fd);
		if (access(out->path, R_OK) == 0)
			return 0;
		close(out->fd);
	}
	if ((dir = getenv("TMPDIR")) == NULL || *dir == '\0')
		dir = "/tmp";
	out->tmp = xasprintf("%s/mimeo-font-XXXXXX", dir);
	if ((out->fd = mkstemp(out->tmp)) < 0) {
		free(out->tmp);
		out->tmp = NULL;
		return -1;
	}
	snprintf(out->path, sizeof(out->path), "%s", out->tmp);
	if (strlen(out->tmp) >= sizeof(out->path)) {
		subset_done(out);
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int
subset_make(const char *path, int index, const unsigned char *used,
    unsigned long ncodes, struct subset *out, char *err, size_t errlen)
{
	/* libharu copies only these tables and draws no shaped text */
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
	const char		*data;
	unsigned int		 len = 0;
	unsigned long		 cp;
	size_t			 i;
	int			 rc = -1;

	out->fd = -1;
	out->tmp = NULL;
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
	set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(set, drop[i]);
	if ((sub = hb_subset_or_fail(face, in)) != NULL)
		blob = hb_face_reference_blob(sub);
	data = blob != NULL ? hb_blob_get_data(blob, &len) : NULL;
	if (data == NULL || len == 0)
		errfmt(err, errlen, "cannot subset font %s", path);
	else if (subset_open(out) == -1)
		errfmt(err, errlen, "cannot make a temporary font file: %s",
		    strerror(errno));
	else if (subset_write(out->fd, data, len) == -1) {
		errfmt(err, errlen, "cannot write a temporary font file: %s",
		    strerror(errno));
		subset_done(out);
	} else
		rc = 0;
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	return rc;
}

void
subset_done(struct subset *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	if (s->tmp != NULL) {
		unlink(s->tmp);
		free(s->tmp);
		s->tmp = NULL;
	}
}
