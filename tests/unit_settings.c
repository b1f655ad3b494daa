/*
 * unit_settings.c - settings_resolve()'s order (settings.h): the command
 * line over the file over the template over the default, an include's
 * own keys over the command line, the packet's paper for its includes;
 * one paper parser; the template cache and fonts shared among font sets.
 */
#include <string.h>

#include "font.h"
#include "paper.h"
#include "settings.h"
#include "template.h"

#include "unit.h"

static void
test_paper_names(void)
{
	expect(paper_named("A4") == PAPER_A4 && paper_named("a4") ==
	    PAPER_A4, "paper a4", "A4 and a4 are not A4");
	expect(paper_named("Letter") == PAPER_LETTER, "paper letter",
	    "Letter is not letter");
	expect(paper_named("legal") == PAPER_UNSET && paper_named("") ==
	    PAPER_UNSET, "paper other", "legal or nothing is a paper");
}

/* A set's documents: the set's keys, then the options over them. */
static void
test_settings_set(void)
{
	struct opts o;
	struct set s;
	struct settings st;
	struct settings_from f = { &o, &s, NULL, NULL, NULL };

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	settings_resolve(&st, &f);
	expect(st.paper == PAPER_UNSET && strcmp(st.lang, "en") == 0 &&
	    strcmp(st.template, "worksheet") == 0 && st.seed == 1 &&
	    st.versions == 1 && st.group_size == 0, "settings defaults",
	    "a set that says nothing is not letter-from-template, en, "
	    "worksheet, seed 1, one version");
	s.paper = PAPER_A4;
	s.language = "es";
	s.template = "large-print";
	s.seed = 5;
	s.has_seed = 1;
	settings_resolve(&st, &f);
	expect(st.paper == PAPER_A4 && strcmp(st.lang, "es") == 0 &&
	    strcmp(st.template, "large-print") == 0 && st.seed == 5,
	    "settings file", "the set's paper, language, template, seed "
	    "are not taken");
	o.paper = PAPER_LETTER;
	o.lang = "fr";
	o.template = "worksheet";
	o.seed = 9;
	o.has_seed = 1;
	o.versions = 3;
	o.simplex = 1;
	settings_resolve(&st, &f);
	expect(st.paper == PAPER_LETTER && strcmp(st.lang, "fr") == 0 &&
	    strcmp(st.template, "worksheet") == 0 && st.seed == 9 &&
	    st.versions == 3 && st.simplex, "settings options",
	    "an option does not win over the set's key");
}

/* A set a packet includes: the include's keys over the options, the
 * packet's paper, the set's language (not the packet's). */
static void
test_settings_include(void)
{
	struct opts o;
	struct set s;
	struct packet pk;
	struct pk_include inc;
	struct settings pst, st;
	struct settings_from pf = { &o, NULL, &pk, NULL, NULL };
	struct settings_from f = { &o, &s, NULL, &inc, &pst };

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	memset(&pk, 0, sizeof(pk));
	memset(&inc, 0, sizeof(inc));
	pk.paper = PAPER_A4;
	pk.language = "es";
	s.paper = PAPER_LETTER;
	s.template = "worksheet";
	s.seed = 5;
	s.has_seed = 1;
	o.template = "worksheet";
	o.seed = 9;
	o.has_seed = 1;
	o.versions = 2;
	inc.set = &s;
	inc.versions = 3;
	inc.template = "large-print";
	inc.seed = 4;
	inc.has_seed = 1;
	inc.copies = 28;
	inc.has_copies = 1;
	settings_resolve(&pst, &pf);
	expect(pst.paper == PAPER_A4 && strcmp(pst.lang, "es") == 0 &&
	    strcmp(pst.template, "worksheet") == 0, "settings packet",
	    "a packet's own pages do not take its paper and language");
	settings_resolve(&st, &f);
	expect(st.paper == PAPER_A4, "settings include paper",
	    "an included set is not on the packet's paper");
	expect(strcmp(st.template, "large-print") == 0 && st.seed == 4 &&
	    st.versions == 3 && st.class_size == 28, "settings include keys",
	    "the include's template, seed, versions, copies do not win");
	expect(strcmp(st.lang, "en") == 0, "settings include language",
	    "an included set takes the packet's language, not its own");
	inc.template = NULL;
	inc.has_seed = 0;
	settings_resolve(&st, &f);
	expect(strcmp(st.template, "worksheet") == 0 && st.seed == 9,
	    "settings include options", "without the include's keys, the "
	    "options do not win over the set's");
}

/* The template's paper when neither option nor file says; one template
 * read once; a font set opened after another picks the same faces. */
static void
test_settings_open(void)
{
	struct opts o;
	struct set s;
	struct settings st, st2;
	struct settings_from f = { &o, &s, NULL, NULL, NULL };
	struct fonts *fresh;
	int ok;

	memset(&o, 0, sizeof(o));
	memset(&s, 0, sizeof(s));
	s.template = (char *)scratch("paper: a4\n");
	settings_resolve(&st, &f);
	ok = settings_open(&st) == 0;
	expect(ok && st.paper == PAPER_A4, "settings template paper",
	    "the template's paper: a4 is not taken");
	settings_resolve(&st2, &f);
	ok = ok && settings_open(&st2) == 0;
	expect(ok && st2.tpl == st.tpl && st2.fs != st.fs,
	    "settings template cache", "a template is read twice, or two "
	    "documents share one font set");
	if (ok) {
		/* a character no body font has, found in one font set, does
		 * not change what another finds */
		int a = fonts_pick(st.fs, FS_REGULAR, 0x4e2d);

		fresh = fonts_open(st.tpl);
		expect(fresh != NULL && fonts_pick(fresh, FS_REGULAR, 'A') ==
		    fonts_pick(st2.fs, FS_REGULAR, 'A') && (a < 0 ||
		    strcmp(fonts_path(st.fs, a), fonts_path(fresh,
		    fonts_pick(fresh, FS_REGULAR, 0x4e2d))) == 0),
		    "settings fonts shared", "font sets opened one after "
		    "another pick different faces");
		fonts_free(fresh);
	}
	settings_close(&st2);
	settings_close(&st);
	settings_forget();
}

void
test_settings(void)
{
	test_paper_names();
	test_settings_set();
	test_settings_include();
	test_settings_open();
}
