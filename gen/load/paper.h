/*
 * paper.h - the paper sizes mimeo prints on, and the one parser of their
 * names: --paper (main.c), and the paper: of a set (set.c), a packet
 * (packet.c) and a template (template.c).  Which one a document is printed
 * on is decided once, by settings_resolve() (settings.h).
 */
#ifndef MIMEO_PAPER_H
#define MIMEO_PAPER_H

struct node;

/* PAPER_UNSET: a file or option that does not say. */
enum paper { PAPER_UNSET, PAPER_LETTER, PAPER_A4 };

/* The page of each paper, in pt. */
#define PAPER_LETTER_W	612.0
#define PAPER_LETTER_H	792.0
#define PAPER_A4_W	595.276
#define PAPER_A4_H	841.89

/* "letter" or "a4" in any case ("A4", "Letter", as printers write them):
 * its paper; PAPER_UNSET for any other word (the caller says so). */
enum paper	 paper_named(const char *);

/* The paper a YAML paper: value names; PAPER_UNSET after reporting at the
 * node that it must be letter or a4. */
enum paper	 paper_node(const struct node *);

#endif
