/*
 * discussion.h - the discussion: block of a problem set (SPEC section 3
 * "Discussion"): one lesson of structured group problem solving.
 *
 * disc_load() reads the block from its marked YAML node and reports every
 * mistake through sc_error(); the caller holds the messages and throws the
 * whole set away when there was any, so what is returned may be partial.  Defaults (the five phases, the four
 * roles) are not filled in here: their words come from the label file of
 * the language printed, so compose_discussion.c supplies them.  A struct
 * discussion owns all its strings; disc_free() releases them.
 */
#ifndef MIMEO_DISCUSSION_H
#define MIMEO_DISCUSSION_H

#include "ptable.h"
#include "schema.h"

struct figure;

/* Words that name a classroom role whatever it is called ("Table
 * captains", "Materials Manager"), in English, lower case: a substitute
 * packet's plan and a discussion's phases are read for them, so that a
 * role the pages never say who holds is found. */
extern const char *const role_head_words[];

#define DISC_MIN_GROUP	2
#define DISC_MAX_GROUP	8
#define DISC_DEFAULT_GROUP 4
#define DISC_DEFAULT_RANDOM_GROUP 3	/* visibly random groups: three beat
					 * two or four (LESSON.md 4) */

/* How groups form: with role cards (the default), or at the door from a
 * dealt deck of group cards, without roles (SPEC section 9). */
enum grouping { GROUPING_ROLES, GROUPING_RANDOM };

/* The step of the structured lesson a phase is (SPEC 9), for the notes
 * the guide prints under it: in the order of phase_step_words. */
enum phase_kind { PH_LAUNCH, PH_SOLO, PH_GROUPS, PH_SHARE, PH_SUMMARY,
    PH_EXIT, PH_OTHER };

struct phase {
	struct text	 name;
	long		 minutes;
	struct text	 say;		/* s NULL: nothing to read aloud */
	int		 step;		/* enum phase_kind its step: says; -1:
					 * known by its name */
};

struct approach {
	struct text	 approach;
	int		 misconception;
	struct text	 ask;		/* s NULL: no question given */
};

/* A role: its name, and its one-line job (s NULL: not given). */
struct role {
	struct text	 name;
	struct text	 job;
	int		 known;		/* the role of label_roles (template.h)
					 * it names in some language; -1:
					 * none */
};

struct discussion {
	struct mark	 mark;		/* the "discussion:" key */
	struct text	 problem;
	struct ptable	*table;		/* under the problem; NULL: none */
	struct figure	*figures;	/* under the problem (figure.h) */
	size_t		 nfigures;
	struct text	 goal;		/* s NULL: not given */
	struct phase	*phases;	/* nphases 0: the default plan */
	size_t		 nphases;
	struct approach	*anticipate;
	size_t		 nanticipate;
	struct textlist	 questions;
	struct text	 synthesis;
	struct text	 exit_ticket;	/* the prompt; s NULL: the label's */
	struct text	 exit_answer;	/* expected answer; s NULL: none */
	struct textlist	 exit_look_for;	/* what counts as evidence */
	struct text	 lesson_question;/* for the board and the sheet
					 * (meate); s NULL: none */
	struct text	 predict;	/* what the class predicts at the
					 * launch; s NULL: none */
	struct textlist	 hints;		/* hint cards, in order */
	struct text	 extension;	/* for groups that finish early */
	enum grouping	 grouping;
	long		 group_size;	/* 0: not given */
	struct role	*roles;		/* nroles 0: the default roles */
	size_t		 nroles;
};

/* Read the block; never NULL.  Mistakes are reported, not returned. */
struct discussion *disc_load(const struct node *value,
		    const struct mark *key);
void		 disc_free(struct discussion *);

#endif
