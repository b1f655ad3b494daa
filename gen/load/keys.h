/*
 * keys.h - the key tables the loaders check files against (sc_check_keys),
 * shared with keyschema.c, which writes the JSON Schema of sets and
 * packets from these same tables: one list of keys, so the schema an
 * editor checks with and the loader cannot disagree on a key's name.
 * Each table is NULL-terminated and defined in the loader that uses it.
 * A new table: define it (not static) in its loader, declare it here, and
 * register it with one line in keyschema.c's ks_objects.
 */
#ifndef MIMEO_KEYS_H
#define MIMEO_KEYS_H

#include "set.h"

/* set.c */
extern const char *const set_keys[];		/* the top of a set */
extern const char *const section_keys[];	/* an item of sections: */
extern const char *const common_keys[];		/* every problem */
#define KEYS_PER_TYPE	6	/* the most keys of one type, and NULL */
extern const char *const type_keys[P__MAX][KEYS_PER_TYPE]; /* each type's */
extern const char *const image_keys[];		/* image: {file, width} */

/* discussion.c */
extern const char *const disc_keys[];		/* discussion: */
extern const char *const phase_keys[];		/* an item of phases: */
extern const char *const phase_step_words[];	/* its step: */
extern const char *const approach_keys[];	/* an item of anticipate: */
extern const char *const role_keys[];		/* an item of roles: */
extern const char *const exit_keys[];		/* exit_ticket: as a map */

/* ptable.c */
extern const char *const ptable_keys[];		/* table: of a problem... */
extern const char *const ptable_orientations[];	/* its orientation: */

/* packet.c */
extern const char *const packet_keys[];		/* the top of a packet */
extern const char *const step_keys[];		/* an item of plan: */
extern const char *const early_keys[];		/* early_finishers: */
extern const char *const include_keys[];	/* an item of include: */

/* figure.c: figure: {KIND: {...}}, each kind's keys, and those its key:
 * map may hold (the items the key adds) */
extern const char *const fig_kind_names[];
extern const char *const nl_keys[], *const nl_key_adds[];	/* numberline */
extern const char *const pl_keys[], *const pl_key_adds[];	/* plane */
extern const char *const fr_keys[], *const fr_key_adds[];	/* fraction */
extern const char *const tp_keys[], *const tp_key_adds[];	/* tape */
extern const char *const ar_keys[], *const ar_key_adds[];	/* array */
extern const char *const ck_keys[], *const ck_key_adds[];	/* clock */
extern const char *const sh_keys[], *const sh_key_adds[];	/* shape */
extern const char *const bars_keys[], *const dots_keys[];
extern const char *const gr_key_adds[];			/* bars, dots */
extern const char *const co_keys[];				/* column */

#endif
