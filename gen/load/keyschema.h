/*
 * keyschema.h - the JSON Schema of sets and packets, from the loaders' key
 * tables (keys.h); `mimeo --schema` prints it.  See keyschema.c.
 */
#ifndef MIMEO_KEYSCHEMA_H
#define MIMEO_KEYSCHEMA_H

#include <stdio.h>

/* Write the schema (JSON, draft-07) to f. */
void	keyschema_write(FILE *f);

#endif
