/*
 * settings.h - what a document is printed with, decided in one place:
 * paper, language, template (and its fonts), seed, versions, group and
 * class size, padding, strips.  Each comes from the first of these that
 * says it:
 *
 *	the command line (struct opts) > the file (a set's or a packet's
 *	keys) > the template (paper only) > the default
 *
 * and for a set a packet includes, the include's own keys (template:,
 * seed:, versions:, copies:) come first, its paper is the packet's and
 * its language the set's (the packet's language: is for the packet's own
 * pages).  settings_resolve() is the only code that knows this order;
 * worksheets, keys, discussion packets, tallies, packets, check and
 * --stress all take their settings from it.
 */
#ifndef MIMEO_SETTINGS_H
#define MIMEO_SETTINGS_H

#include "output.h"
#include "packet.h"
#include "paper.h"
#include "set.h"

struct fonts;
struct template;

/* CMD_PREVIEW: one page (or a contact sheet) of the worksheet. */
enum cmd { CMD_ALL, CMD_WORKSHEET, CMD_KEY, CMD_DISCUSSION, CMD_CHECK,
    CMD_PACKET, CMD_LIST, CMD_PREVIEW, CMD_INDEX, CMD_TALLY };

/* The command line, as main() read it: what was given, nothing resolved. */
struct opts {
	enum cmd	 cmd;
	const char	*output;	/* -o */
	enum paper	 paper;		/* --paper; PAPER_UNSET: not given */
	const char	*template;
	const char	*lang;
	const char	*roster;	/* --roster FILE.csv */
	long		 copies;	/* --copies N; 0: not given */
	long		 group_size;	/* --group-size N; 0: not given */
	int		 simplex;	/* --simplex: no padding */
	long		 seed;
	int		 has_seed;
	int		 versions;	/* --versions N: 1..26 (0: not given) */
	int		 per_student;	/* --versions per-student */
	long		 stress;	/* check --stress N: draws; 0: none */
	int		 quiet;
	int		 strips;	/* key --strips: answer strips too */
	int		 key_full;	/* --key full: with per_student, a
					 * worked key per different draw */
	const char	*subject, *grade, *tag;	/* mimeo list filters */
	struct outfmt	 fmt;		/* --format, --dpi, --page, ... */
};

/* Everything one document is printed with, resolved.  The strings are
 * borrowed from the options and the files; tpl and fs from the template
 * cache (settings_open). */
struct settings {
	enum paper	 paper;		/* letter or a4 once open; before,
					 * PAPER_UNSET means the template's */
	const char	*lang;		/* of the labels: "en", "es", ... */
	const char	*template;	/* a name in templates/ or a path */
	long		 seed;
	int		 versions;	/* 1..26 */
	int		 per_student;	/* one draw per roster student */
	long		 group_size;	/* students per discussion group; 0:
					 * the set has no discussion */
	long		 class_size;	/* of a discussion include; 0: the
					 * roster's, else the set's */
	int		 simplex;	/* no padding to even page counts */
	int		 strips;	/* the key's answer strips */
	int		 key_full;	/* per student: worked keys too */
	struct template	*tpl;		/* NULL until settings_open */
	struct fonts	*fs;
};

/* Where a document's settings come from: the command line, and the set
 * (a set's documents and an include), the packet (its own pages), or an
 * include of a packet whose settings are packet (inc->set is the set). */
struct settings_from {
	const struct opts	*o;
	const struct set	*set;
	const struct packet	*pk;
	const struct pk_include	*inc;
	const struct settings	*packet;
};

/* Resolve every setting of f into *st but the template's own paper (and
 * the template and fonts: settings_open).  Cannot fail. */
void	settings_resolve(struct settings *st, const struct settings_from *f);

/* Open st's template in st's language (settings_template) with its
 * fonts, and settle the paper (the template's when neither option
 * nor file said, else letter).  Returns 0, or -1 (reported). */
int	settings_open(struct settings *st);

/* Let go of what settings_open took (the template stays cached). */
void	settings_close(struct settings *st);

/* The template name (or path) with the labels of lang, read on the first
 * ask since settings_forget() and shared after: the caller does not free
 * it.  NULL (reported, and reported again when asked again). */
struct template	*settings_template(const char *name, const char *lang);

/* Free every template settings_template() read: after a file is built,
 * when no document holds one. */
void	settings_forget(void);

#endif
