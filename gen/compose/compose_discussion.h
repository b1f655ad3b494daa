/*
 * compose_discussion.h - the blocks of a group-discussion packet (SPEC
 * section 3 "Discussion"), part by part: the teacher's guide (with the
 * group list when there is a roster), the individual sheets, the group
 * sheets, the role cards, the exit tickets.
 *
 * Each part is its own struct blocks, laid out on its own (its own "Page 1
 * of N") and then joined into one PDF by the builder.  Only the teacher's
 * guide has a banner; student parts never receive the goal, the
 * anticipated approaches, the synthesis, the board plan or the groups.
 * A packet owns its parts and what their blocks borrow from it; texts
 * from the set and the template are borrowed and must outlive it.
 */
#ifndef MIMEO_COMPOSE_DISCUSSION_H
#define MIMEO_COMPOSE_DISCUSSION_H

#include "compose.h"
#include "roster.h"

struct set;

struct dgroup {
	size_t		*members;	/* indices into the roster, owned */
	size_t		 n;
	const char	*period;	/* borrowed; NULL: none */
};

/* The parts, in the order printed.  Hint and extension cards carry no
 * teacher-only mark: the teacher hands them to students (SPEC 8.4). */
enum dpart_kind { DPART_GUIDE, DPART_INDIVIDUAL, DPART_GROUP, DPART_ROLES,
    DPART_TICKETS, DPART_GROUP_CARDS, DPART_HINTS };

struct dpart {
	enum dpart_kind	 kind;		/* DPART_GUIDE is teacher-only */
	long		 copies;	/* to print for the class: 0 for a
					 * named copy (one) */
	const char	*label;		/* what it is ("Group sheet"), the
					 * template's */
	struct blocks	*b;
	char		*bookmark;	/* owned */
	int		 large;		/* for a large-print student (or a
					 * group with one): laid out with the
					 * large-print template */
};

struct dpacket {
	struct dpart	*parts;
	size_t		 nparts, capparts;
	struct dgroup	*groups;	/* with a roster */
	size_t		 ngroups;
	struct phase	*phases;	/* the plan: the set's or the default */
	size_t		 nphases;
	struct role	*roles;		/* nroles: the set's (or the default),
					 * then DISC_MAX_GROUP more for the
					 * members of a group beyond them */
	size_t		 nroles;
	struct approach	*board;		/* anticipated, in discussion order */
	struct monitor	 monitor;	/* the guide's monitoring sheet */
	struct boardplan boardplan;	/* the guide's board plan */
	long		 class_size;	/* roster's, include's, set's or 30 */
	size_t		 list_at;	/* the guide's block the print list
					 * goes before (dpacket_print_list) */
	struct text	**texts;	/* made from labels, owned */
	size_t		 ntexts, captexts;
};

/* Exit tickets on a page, when there is no roster to print one each. */
#define DISC_TICKETS_PER_PAGE	4

/* Sizes of groups of about size for n students: as even as possible, none
 * of one (unless n is 1).  Writes the sizes into sizes (room for n) and
 * returns how many groups. */
size_t		 disc_group_sizes(size_t n, long size, size_t *sizes);
/* The same, rounding the other way: groups of size and size + 1, none
 * smaller (visibly random groups: 28 in threes are eight of 3 and one of
 * 4, not two of 2). */
size_t		 disc_group_sizes_up(size_t n, long size, size_t *sizes);

/* Compose the packet of s's discussion.  With a roster and grouping:
 * roles, the students are drawn into groups of about group_size at random
 * from seed (within each period when the roster has periods); with
 * grouping: random, groups form at the door from the dealt group cards.
 * class_size (0: the set's, else SET_CLASS) counts copies when there is
 * no roster.  Never fails. */
struct dpacket	*compose_discussion(const struct set *s,
		    const struct template *t, const struct roster *r,
		    long group_size, long seed, long class_size);
/* Put the print list of items[0..n) at the top of the guide's first page
 * (again: it replaces the one put before). */
void		 dpacket_print_list(struct dpacket *, const struct template *,
		    const struct printitem *items, size_t n, int duplex);
/* The phase texts that name a role the packet does not print (SPEC 9):
 * an error at the say: for a role's name as the labels write it (or its
 * plural), a warning for the same word in lower case.  Returns the number
 * of errors. */
size_t		 disc_check_roles(const struct set *s,
		    const struct template *t, long group_size);
void		 dpacket_free(struct dpacket *);

#endif
