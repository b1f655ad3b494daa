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
#include "set.h"

/* CMD_PREVIEW: one page (or a contact sheet) of the worksheet. */
enum cmd { CMD_ALL, CMD_WORKSHEET, CMD_KEY, CMD_DISCUSSION, CMD_CHECK,
    CMD_PACKET, CMD_LIST, CMD_PREVIEW };

struct opts {
	enum cmd	 cmd;
	const char	*output;	/* -o */
	const char	*paper;		/* NULL, "letter" or "a4" */
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
	const char	*subject, *grade, *tag;	/* mimeo list filters */
	struct outfmt	 fmt;		/* --format, --dpi, --page, ... */
};

/* Build (or for CMD_CHECK only lay out) the documents of the set or
 * packet in file; many says the run has several inputs. */
void	build_file(const struct opts *, const char *file, int many);

/* One document of the loaded set s (borrowed), for a packet: on paper
 * ("letter" or "a4"), with *seed when seed is not NULL (else as a set's
 * documents are seeded).  Returns a new doc, or NULL (reported). */
struct doc *build_doc(const struct opts *, struct set *s, enum doc_kind,
	    const long *seed, const char *paper);

/* The packet pk (borrowed) of file: laid out, and written unless
 * CMD_CHECK (build_packet.c). */
void	build_packet(const struct opts *, const char *file,
	    const struct packet *pk, int many);

/* mimeo check --stress N: draw N versions of every problem of the set in
 * file and report every draw that fails (stress.c). */
void	stress_set(const struct opts *, const char *file);

#endif
