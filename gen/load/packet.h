/*
 * packet.h - the model of a substitute packet (SPEC section 4): a file
 * whose top key is "packet:", holding a timed plan, notes for the
 * substitute and the documents to print (sets included as a worksheet, a
 * key or a discussion packet).
 *
 * packet_load() checks the packet's own keys, then resolves every include
 * under the library root (libpath.h) and loads the set it names, so a
 * mistake inside an included set is reported at that set's own line and
 * column.  It reports every problem found and returns NULL if there was
 * any.  A struct packet owns its strings and its loaded sets.
 */
#ifndef MIMEO_PACKET_H
#define MIMEO_PACKET_H

#include "node.h"
#include "schema.h"
#include "set.h"

/* tally: the class marking grid; strips: the answer strips (teacher's) */
enum inc_as { INC_WORKSHEET, INC_KEY, INC_DISCUSSION, INC_TALLY, INC_STRIPS };

extern const char *const inc_as_names[];

struct pk_include {
	struct mark	 mark;		/* the include's mapping */
	char		*file;		/* as written */
	char		*path;		/* the file to open (relative to the
					 * current folder when the packet's
					 * name is) */
	enum inc_as	 as;
	struct mark	 as_mark;
	long		 copies;	/* 1 when not given; of a
					 * discussion: the class size */
	int		 has_copies;
	long		 versions;	/* 1 when not given */
	struct mark	 versions_mark;	/* its value, else the include's */
	long		 seed;
	int		 has_seed;
	char		*template;	/* template: the include's own page
					 * template ("large-print"); NULL: the
					 * run's */
	struct set	*set;		/* loaded; shared by includes of the
					 * same file (see owns_set) */
	int		 owns_set;
};

struct pk_step {
	struct mark	 mark;
	long		 minutes;
	struct text	 todo;		/* "do:" */
	struct text	 say;		/* s NULL: nothing to read aloud */
};

/* A role the plan names ("Table captains") and who holds it. */
struct pk_role {
	struct text	 name;
	struct text	 who;		/* names, joined by ", " */
};

struct packet {
	const char	*file;
	struct text	 title;		/* "packet:" */
	char		*class;		/* NULL: not given */
	long		 duration;	/* minutes; 0: not given */
	int		 start;		/* minutes after midnight; -1: none */
	int		 start_12h;	/* start was written with am/pm */
	struct textlist	 notes;		/* for_the_substitute */
	struct pk_step	*plan;
	size_t		 nplan;
	struct pk_include *inc;
	size_t		 ninc;
	struct text	 early;		/* early_finishers; s NULL: none */
	long		 early_copies;	/* its copies; 0: not given */
	int		 report;
	struct text	 help;		/* who to ask for help; s NULL: a
					 * line on the cover to write it in */
	struct text	 bell;		/* at_the_bell: what to do; s NULL: a
					 * line to write it in */
	struct pk_role	*roles;		/* who is who: roles the plan names */
	size_t		 nroles;
	char		*language;	/* NULL: not given */
	enum paper	 paper;		/* PAPER_UNSET: not given */
};

/* 1 when root is a packet: a mapping with a "packet" key. */
int		 packet_is(const struct node *root);

/* 1 when the file at path reads as a packet, 0 as a problem set, -1 when
 * it does not read (its messages are counted but not printed, so the
 * caller resets the count; loading it again reports them). */
int		 packet_file_is(const char *path);

/* Load the file at path as whichever it is, a packet or a problem set:
 * on success exactly one of *pk and *set is non-NULL and 0 is returned;
 * -1 when anything was wrong (reported).  With draft, a problem set with
 * mistakes is still given in *set (set_load_draft) and *draft set. */
int		 library_load(const char *path, struct packet **pk,
		    struct set **set, int *draft);

/* Returns the packet with every include loaded, or NULL (reported). */
struct packet	*packet_load(const char *path);
void		 packet_free(struct packet *);

/* "9:05" for minutes after midnight, in the packet's clock style (24-hour,
 * or 12-hour without am/pm when start was written with it); into buf. */
void		 packet_clock(const struct packet *, int minutes, char *buf,
		    size_t len);

#endif
