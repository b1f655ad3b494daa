/*
 * build.h - the documents of one problem set, from load to written files:
 * load -> vary -> compose -> layout (-> copies) -> output.  Everything is
 * laid out before anything is written, so a set that fails leaves every
 * older output as it was.  The outcome is reported through diag.
 */
#ifndef MIMEO_BUILD_H
#define MIMEO_BUILD_H

#include "compose.h"
#include "output.h"
#include "packet.h"
#include "page.h"
#include "roster.h"
#include "set.h"
#include "settings.h"

/* Build (or for CMD_CHECK only lay out) the documents of the set or
 * packet in file; many says the run has several inputs (build_file.c). */
void	build_file(const struct opts *, const char *file, int many);
/* The documents of the set s (owned) loaded from file (build.c). */
void	build_set(const struct opts *, const char *file, struct set *s,
	    int many);

/* One piece of a document a packet includes, laid out on its own: a
 * whole worksheet or key, one version of a worksheet, or one part of a
 * discussion packet. */
struct docpiece {
	struct doc	*doc;
	char		*name;		/* owned: "Version B", "Role cards";
					 * NULL: the whole document */
	int		 teacher;	/* teacher-only pages */
	int		 dpart;		/* enum dpart_kind of a discussion's
					 * part; -1: not one */
	size_t		 version;	/* of a worksheet's piece: 0 is A */
	int		 large;		/* laid out in large print */
	long		 copies;	/* of a discussion's part: to print
					 * for the class (0: as needed) */
	int		 named;		/* one copy per roster student */
};

/* The pieces of the set inc includes in a packet (inc->set, borrowed),
 * as inc says (as, seed, versions, copies, template), on the paper of
 * packet (the packet's settings).  A worksheet is one piece per version,
 * or with a roster one piece of named copies, one per student (large
 * print where the roster says); a key one piece (with every version's
 * answers when versions > 1); a discussion one piece per part of its
 * packet, one of each sheet for the include's copies (0: the set's class
 * size) or, with a roster, one named sheet per student.  Returns 0 and
 * sets *out (the caller frees it with pieces_free) and *n, or -1
 * (reported). */
int	build_pieces(const struct opts *, const struct settings *packet,
	    const struct pk_include *inc, const struct roster *r,
	    struct docpiece **out, size_t *n);
void	pieces_free(struct docpiece *, size_t n);

/* The packet pk (borrowed) of file: laid out, and written unless
 * CMD_CHECK (build_packet.c). */
void	build_packet(const struct opts *, const char *file,
	    const struct packet *pk, int many);

/* mimeo check --stress N: draw N versions of every problem of the set in
 * file and report every draw that fails (stress.c). */
void	stress_set(const struct opts *, const char *file);

#endif
