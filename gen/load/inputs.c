/*
 * inputs.c - the files this run reads (inputs.h).
 */
#include <sys/stat.h>

#include <stdlib.h>

#include "inputs.h"
#include "util.h"

/* By device and inode, so that another spelling of a path still matches. */
static struct input_id {
	dev_t	dev;
	ino_t	ino;
}		*inputs;
static size_t	 ninputs;

static void
inputs_free(void)
{
	free(inputs);
}

void
inputs_note(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode) || inputs_has(path))
		return;
	if (ninputs == 0)
		atexit(inputs_free);
	inputs = xrealloc(inputs, (ninputs + 1) * sizeof(*inputs));
	inputs[ninputs].dev = st.st_dev;
	inputs[ninputs++].ino = st.st_ino;
}

int
inputs_has(const char *path)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) < 0)
		return 0;
	for (i = 0; i < ninputs; i++)
		if (inputs[i].dev == st.st_dev && inputs[i].ino == st.st_ino)
			return 1;
	return 0;
}
