/*
 * inputs.h - every file this run reads (sets, packets, included sets,
 * templates, rosters, pictures), noted by the loaders as they open them,
 * so that output.c can refuse to write a document over one.  Kept here,
 * in the load stage, so that loading does not reach into output.
 */
#ifndef MIMEO_INPUTS_H
#define MIMEO_INPUTS_H

/* Remember that this run reads the regular file at path (by device and
 * inode; anything else is ignored).  Cannot fail. */
void	 inputs_note(const char *path);
/* 1 when path names a file noted with inputs_note(). */
int	 inputs_has(const char *path);

#endif
