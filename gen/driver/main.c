/*
 * main.c - the command line (SPEC section 2): parse options, run each file
 * through load -> vary -> compose -> layout -> render, and turn what was
 * reported into the exit status: 0 fine, 1 the input is wrong, 2 the
 * command line is wrong, 3 the system failed.
 */
#include <ctype.h>
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "diag.h"
#include "index.h"
#include "keyschema.h"
#include "libpath.h"
#include "list.h"
#include "node.h"
#include "output.h"
#include "render.h"
#include "roster.h"
#include "schema.h"
#include "template.h"
#include "util.h"

#define MIMEO_VERSION	"0.1.0"

static void
usage(FILE *f)
{
	fputs(
"usage: mimeo FILE...                 worksheet and answer key of each set\n"
"                                     (and discussion packet, if it has one);\n"
"                                     a packet file's packet\n"
"       mimeo worksheet SET.yaml      student copy      -> out/NAME.pdf\n"
"       mimeo key SET.yaml            answer key        -> out/NAME-key.pdf\n"
"       mimeo discussion SET.yaml     group-discussion packet\n"
"                                                       -> out/NAME-discussion.pdf\n"
"       mimeo packet PACKET.yaml      substitute packet -> out/NAME-packet.pdf\n"
"       mimeo tally SET.yaml          class marking grid and item analysis\n"
"                                                       -> out/NAME-tally.pdf\n"
"       mimeo check FILE...           validate; print every problem; write nothing\n"
"       mimeo list [DIR]              sets and packets under DIR (default problems/)\n"
"       mimeo index [DIR]             the library as a web page -> out/index.html\n"
"       mimeo preview SET.yaml [--page N]  PNG of a worksheet page -> out/NAME-pN.png\n"
"       mimeo --help | --version\n"
"\n"
"options:\n"
"  -o, --output PATH       output file, or folder when PATH ends in / (default out/)\n"
"      --format pdf|png|svg|ps|tree  output format (default pdf); PNG and SVG\n"
"                          are one file per page, NAME-p1.png, NAME-p2.png, ...;\n"
"                          tree is the laid-out pages as text (for tests)\n"
"      --dpi N             resolution of PNG pages, 20 to 600 (default 100)\n"
"      --page N            preview: the page to draw (default 1)\n"
"      --contact-sheet     one PNG of small images of every page,\n"
"                          NAME-contact.png, instead of the document\n"
"      --paper letter|a4   paper size (default: the set's, the template's, letter)\n"
"      --template NAME|PATH  page template (default: the set's, else worksheet)\n"
"      --seed N            seed for variables and shuffles (default: the set's,\n"
"                          else 1)\n"
"      --versions N|per-student  versions A, B, C ... (N up to 26) in one PDF,\n"
"                          or each roster student their own draw\n"
"      --stress N          with check: draw N versions of every problem and\n"
"                          report draws that fail\n"
"      --lang CODE         language of printed labels (default: the set's, else en)\n"
"      --roster FILE.csv   one named copy per student row, discussion groups\n"
"                          drawn from it, or the tally grid's rows (column\n"
"                          name; optional period, version, edition:\n"
"                          standard|large)\n"
"      --copies N          N unnamed copies (ignored with --roster)\n"
"      --group-size N      discussion groups of N, 2 to 8 (default: the set's,\n"
"                          else 4)\n"
"      --library DIR       root that image and include paths may not leave\n"
"                          (default: the parent of the file's folder)\n"
"      --strips            key: answer strips after the key, a column per page\n"
"                          of the student's copy with each answer at the\n"
"                          height of its answer space, to cut out and lay\n"
"                          beside the page (per version; large print too)\n"
"      --key table|full    key of --versions per-student: the table of every\n"
"                          student's answers only (table, the default), or\n"
"                          then a worked key per different version (full)\n"
"      --duplex            pad each copy to an even page count (the default)\n"
"      --simplex           do not pad\n"
"      --subject S, --grade G, --tag T   mimeo list: only these (any case)\n"
"  -q, --quiet             print errors only\n"
"\n"
"exit status: 0 ok, 1 the input is wrong, 2 the command line is wrong,\n"
"3 the system failed (cannot write, no font)\n", f);
}

/* Exit 2 with a message about the command line. */
static void
usage_error(const char *fmt, const char *arg)
{
	fputs("mimeo: error: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n(mimeo --help lists the commands and options)\n", stderr);
	exit(2);
}

static const struct {
	const char	*word;
	enum cmd	 cmd;
} cmd_words[] = {
	{ "worksheet", CMD_WORKSHEET }, { "key", CMD_KEY },
	{ "discussion", CMD_DISCUSSION }, { "packet", CMD_PACKET },
	{ "check", CMD_CHECK }, { "list", CMD_LIST },
	{ "preview", CMD_PREVIEW }, { "index", CMD_INDEX },
	{ "tally", CMD_TALLY },
};
#define NCMD	(sizeof(cmd_words) / sizeof(cmd_words[0]))

/* Is s a command word?  Sets *cmd. */
static int
cmd_word(const char *s, enum cmd *cmd)
{
	size_t i;

	for (i = 0; i < NCMD; i++)
		if (strcmp(s, cmd_words[i].word) == 0) {
			*cmd = cmd_words[i].cmd;
			return 1;
		}
	return 0;
}

/* The first word, when it is not a command, is a file: "print" is
 * neither, a mistyped command rather than a set that is missing. */
static void
cmd_unknown(const char *s)
{
	const char *words[NCMD + 1], *near;
	char msg[256], *all;
	size_t i;

	if (strchr(s, '.') != NULL || strchr(s, '/') != NULL ||
	    strcmp(s, "-") == 0 || access(s, F_OK) == 0)
		return;
	for (i = 0; i < NCMD; i++)
		words[i] = cmd_words[i].word;
	words[NCMD] = NULL;
	near = sc_suggest(s, words);
	all = sc_join(words, " and ");
	snprintf(msg, sizeof(msg), "\"%%s\" is not a command%s%s%s; the "
	    "commands are %s, and a file to make is named with its .yaml",
	    near ? " (did you mean \"" : "", near ? near : "",
	    near ? "\"?)" : "", all);
	free(all);
	usage_error(msg, s);
}

/* The value of an option: "--opt=v" or the next argument. */
static const char *
opt_value(int argc, char **argv, int *i, const char *name)
{
	const char *a = argv[*i], *eq = strchr(a, '=');

	if (a[1] == '-' && eq != NULL)
		return eq + 1;
	if (*i + 1 >= argc)
		usage_error("%s needs a value", name);
	return argv[++*i];
}

/* The value of a filter of mimeo list, which takes one of each: a second
 * would be taken for "or" by some and "and" by others. */
static const char *
opt_once(const char *had, int argc, char **argv, int *i, const char *name)
{
	const char *v = opt_value(argc, argv, i, name);

	if (had != NULL)
		usage_error("%s is given twice; mimeo list takes one (run it "
		    "once for each)", name);
	return v;
}

/* The whole number of an option in lo..hi, or exit 2 saying so. */
static long
opt_number(const char *name, const char *v, long lo, long hi)
{
	char *end, msg[128];
	long n;

	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < lo || n > hi) {
		snprintf(msg, sizeof(msg), "%s needs a number from %ld to %ld, "
		    "not \"%%s\"", name, lo, hi);
		usage_error(msg, v);
	}
	return n;
}

/* --format, --dpi, --page, --contact-sheet: which go together. */
static void
check_outfmt(const struct opts *o, int has_format)
{
	const struct outfmt *f = &o->fmt;

	if (f->page > 0 && o->cmd != CMD_PREVIEW)
		usage_error("%s", "--page is for mimeo preview");
	if (o->cmd == CMD_PREVIEW && (f->format == OUT_PDF ||
	    f->format == OUT_PS || f->format == OUT_TREE) && has_format)
		usage_error("%s", "mimeo preview draws one page as png or svg");
	if (f->contact && f->page > 0)
		usage_error("%s", "--contact-sheet shows every page; it does "
		    "not take --page");
	if (f->contact && f->format != OUT_PNG && has_format)
		usage_error("%s", "--contact-sheet is a PNG; it does not go "
		    "with another --format");
	if (f->dpi > 0 && f->format != OUT_PNG && o->cmd != CMD_CHECK)
		usage_error("%s", "--dpi is for PNG pages (--format png or "
		    "mimeo preview)");
}

static int
opt_is(const char *a, const char *name)
{
	size_t n = strlen(name);

	return strncmp(a, name, n) == 0 && (a[n] == '\0' || a[n] == '=');
}

/* mimeo list [DIR]: exit 1 when a file listed does not load, so a
 * library can be checked by it. */
static int
cmd_list(const struct opts *o, const char **files, size_t nfiles)
{
	struct list_filter f;
	const char *dir = nfiles > 0 ? files[0] : "problems";
	long broken;

	if (nfiles > 1)
		usage_error("%s", "mimeo list takes one folder");
	if (!output_isdir(dir))
		usage_error("mimeo list: %s is not a folder", dir);
	f.subject = o->subject;
	f.grade = o->grade;
	f.tag = o->tag;
	broken = library_list(dir, &f);
	free(files);
	return broken != 0 ? 1 : 0;
}

/* mimeo index [DIR]: OUT/index.html (OUT: -o, else out/). */
static int
cmd_index(const struct opts *o, const char **files, size_t nfiles)
{
	const char *dir = nfiles > 0 ? files[0] : "problems";
	char *out;
	long broken;

	if (nfiles > 1)
		usage_error("%s", "mimeo index takes one folder");
	if (!output_isdir(dir))
		usage_error("mimeo index: %s is not a folder", dir);
	if (o->output != NULL && !output_isdir(o->output) &&
	    o->output[strlen(o->output) - 1] != '/')
		usage_error("mimeo index -o %s: give the folder the page and "
		    "the documents go to (end it with /)", o->output);
	out = xstrdup(o->output != NULL ? o->output : "out");
	while (strlen(out) > 1 && out[strlen(out) - 1] == '/')
		out[strlen(out) - 1] = '\0';
	diag_quiet(o->quiet);
	broken = library_index(dir, out, o->quiet);
	free(out);
	free(files);
	render_cairo_done();
	if (diag_fatals() > 0)
		return 3;
	return broken != 0 ? 1 : 0;
}

/* What main() read besides the options: the files, and whether --format
 * was given (preview's default is png). */
struct cmdline {
	const char	**files;
	size_t		 nfiles;
	int		 seen_cmd;
	int		 has_format;
	int		 has_key;	/* --key was given */
};

/* --seed: every seed the generator has (its 64 bits, stored in a long
 * bit for bit), and nothing else: a bigger number is not clamped to the
 * same papers. */
static long
opt_seed(const char *v)
{
	unsigned long long u;
	char *end;

	errno = 0;
	u = strtoull(v, &end, 10);
	if (!isdigit((unsigned char)*v) || *end != '\0' || errno == ERANGE ||
	    u > UINT64_MAX)
		usage_error("--seed needs a whole number from 0 to "
		    "18446744073709551615 (2^64 - 1), not \"%s\"", v);
	return (long)(uint64_t)u;
}

/* --stress N: draws. */
static long
opt_stress(const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 100000)
		usage_error("--stress needs a number of draws from 1 to "
		    "100000, not \"%s\"", v);
	return n;
}

/* --format WORD. */
static enum out_format
opt_format(const char *f)
{
	static const char *const fmts[] = { "pdf", "png", "svg", "ps", "tree",
	    NULL };
	size_t i;

	for (i = 0; fmts[i] && strcmp(f, fmts[i]) != 0; i++)
		continue;
	if (fmts[i] == NULL)
		usage_error("--format must be pdf, png, svg, ps or tree, not "
		    "\"%s\"", f);
	return (enum out_format)i;
}

/* --versions N|per-student. */
static void
opt_versions(struct opts *o, const char *v)
{
	char *end;

	o->per_student = strcmp(v, "per-student") == 0;
	o->versions = (int)strtol(v, &end, 10);
	if (!o->per_student && (*v == '\0' || *end != '\0' ||
	    o->versions < 1 || o->versions > 26))
		usage_error("--versions needs a number from 1 to 26 (versions "
		    "A to Z) or per-student, not \"%s\"", v);
}

/* The option argv[*a] that takes a value (the value's argument is
 * consumed): 1, or 0 when it is none of them. */
static int
opt_valued(struct opts *o, struct cmdline *cl, int argc, char **argv,
    int *a)
{
	const char *s = argv[*a], *v;

	if (strcmp(s, "-o") == 0 || opt_is(s, "--output"))
		o->output = opt_value(argc, argv, a, "-o");
	else if (opt_is(s, "--paper")) {
		v = opt_value(argc, argv, a, "--paper");
		if ((o->paper = paper_named(v)) == PAPER_UNSET)
			usage_error("--paper must be letter or a4, not \"%s\"",
			    v);
	} else if (opt_is(s, "--template"))
		o->template = opt_value(argc, argv, a, "--template");
	else if (opt_is(s, "--roster"))
		o->roster = opt_value(argc, argv, a, "--roster");
	else if (opt_is(s, "--copies"))
		o->copies = opt_number("--copies", opt_value(argc, argv, a,
		    "--copies"), 1, ROSTER_MAX_ROWS);	/* as a roster */
	else if (opt_is(s, "--group-size"))
		o->group_size = opt_number("--group-size", opt_value(argc, argv,
		    a, "--group-size"), 2, 8);
	else if (opt_is(s, "--versions"))
		opt_versions(o, opt_value(argc, argv, a, "--versions"));
	else if (opt_is(s, "--stress"))
		o->stress = opt_stress(opt_value(argc, argv, a, "--stress"));
	else if (opt_is(s, "--library")) {
		v = opt_value(argc, argv, a, "--library");
		if (!output_isdir(v))
			usage_error("--library %s is not a folder", v);
		lib_root_set(v);
	} else if (opt_is(s, "--lang")) {
		o->lang = opt_value(argc, argv, a, "--lang");
		template_lang_fold(argv[*a]);	/* o->lang is in it */
		if (!template_has_labels(o->lang))
			usage_error("--lang %1$s: there are no labels for that "
			    "language in templates/labels/; add %1$s.yaml "
			    "there, or use --lang en", o->lang);
	} else if (opt_is(s, "--format")) {
		o->fmt.format = opt_format(opt_value(argc, argv, a,
		    "--format"));
		cl->has_format = 1;
	} else if (opt_is(s, "--dpi"))
		o->fmt.dpi = opt_number("--dpi", opt_value(argc, argv, a,
		    "--dpi"), OUT_MIN_DPI, OUT_MAX_DPI);
	else if (opt_is(s, "--page"))
		o->fmt.page = (size_t)opt_number("--page", opt_value(argc, argv,
		    a, "--page"), 1, 100000);
	else if (opt_is(s, "--key")) {
		v = opt_value(argc, argv, a, "--key");
		if (strcmp(v, "full") != 0 && strcmp(v, "table") != 0)
			usage_error("--key takes full (the answer table, then "
			    "a worked key for each different version) or "
			    "table (the answer table only), not \"%s\"", v);
		o->key_full = strcmp(v, "full") == 0;
		cl->has_key = 1;
	}
	else if (opt_is(s, "--seed")) {
		o->seed = opt_seed(opt_value(argc, argv, a, "--seed"));
		o->has_seed = 1;
	} else if (opt_is(s, "--subject"))
		o->subject = opt_once(o->subject, argc, argv, a, "--subject");
	else if (opt_is(s, "--grade"))
		o->grade = opt_once(o->grade, argc, argv, a, "--grade");
	else if (opt_is(s, "--tag"))
		o->tag = opt_once(o->tag, argc, argv, a, "--tag");
	else
		return 0;
	return 1;
}

/* A word of the command line that is not an option with a value: a
 * switch, the command or a file.  Returns an exit status when the run is
 * over (--help, --version, --schema), else -1. */
static int
opt_word(struct opts *o, struct cmdline *cl, int argc, char **argv, int *a)
{
	const char *s = argv[*a];

	if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
		usage(stdout);
		return 0;
	} else if (strcmp(s, "--version") == 0) {
		if (argc > 2)
			usage_error("%s", "--version prints mimeo's version "
			    "and takes nothing else; for versions A, B, C "
			    "write --versions N");
		puts("mimeo " MIMEO_VERSION);
		return 0;
	} else if (strcmp(s, "--schema") == 0 && argc == 2) {
		/* for make schema and its test: not in --help */
		keyschema_write(stdout);
		return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
	} else if (strcmp(s, "-q") == 0 || strcmp(s, "--quiet") == 0)
		o->quiet = 1;
	else if (strcmp(s, "--duplex") == 0)
		o->simplex = 0;
	else if (strcmp(s, "--simplex") == 0)
		o->simplex = 1;
	else if (strcmp(s, "--strips") == 0)
		o->strips = 1;
	else if (strcmp(s, "--contact-sheet") == 0)
		o->fmt.contact = 1;
	else if (strcmp(s, "--") == 0) {
		for ((*a)++; *a < argc; (*a)++)
			cl->files[cl->nfiles++] = argv[*a];
	} else if (s[0] == '-' && s[1] != '\0')
		usage_error("unknown option \"%s\"", s);
	else if (cl->nfiles == 0 && !cl->seen_cmd && cmd_word(s, &o->cmd))
		cl->seen_cmd = 1;
	else {
		if (cl->nfiles == 0 && !cl->seen_cmd)
			cmd_unknown(s);
		cl->files[cl->nfiles++] = s;
	}
	return -1;
}

/* Read the command line into *o and *cl.  Returns an exit status when
 * the run is over already, else -1. */
static int
opts_read(int argc, char **argv, struct opts *o, struct cmdline *cl)
{
	int a, rc;

	memset(o, 0, sizeof(*o));
	memset(cl, 0, sizeof(*cl));
	cl->files = xcalloc((size_t)argc, sizeof(char *));
	for (a = 1; a < argc; a++)
		if (!opt_valued(o, cl, argc, argv, &a) &&
		    (rc = opt_word(o, cl, argc, argv, &a)) >= 0)
			return rc;
	return -1;
}

/* The options that do not go with the command: exit 2 saying so. */
static void
opts_for_cmd(const struct opts *o, const struct cmdline *cl)
{
	if ((o->cmd == CMD_LIST || o->cmd == CMD_CHECK) && (cl->has_format ||
	    o->fmt.contact))
		usage_error("%s", "--format and --contact-sheet are for making "
		    "files; mimeo check and mimeo list write none");
	if (o->cmd == CMD_INDEX && (cl->has_format || o->fmt.contact))
		usage_error("%s", "mimeo index writes a web page and the "
		    "PNG pictures of first pages; it takes no --format");
	if (o->cmd != CMD_LIST && (o->subject || o->grade || o->tag))
		usage_error("%s", "--subject, --grade and --tag go with mimeo "
		    "list");
}

/* -o PATH names one file: refused when the run writes several documents
 * (mimeo FILE writes a set's worksheet and key, but a packet is one
 * document). */
static void
check_output(const struct opts *o, const struct cmdline *cl)
{
	const char *out = o->output;

	if (out == NULL || o->cmd == CMD_CHECK || out[strlen(out) - 1] == '/' ||
	    output_isdir(out) || (cl->nfiles == 1 && (o->cmd != CMD_ALL ||
	    packet_file_is(cl->files[0]) != 0)))
		return;
	if (strcmp(out, "-") == 0)
		usage_error("%s", "-o - writes one document to standard "
		    "output, but this run writes several; name the one to "
		    "write (mimeo worksheet -o - SET.yaml), or give a folder");
	usage_error("-o %s names one file, but this run writes several "
	    "documents; give a folder (end it with /)", out);
}

/* The files to make and what to make of them, checked before any is
 * read (a FIFO or "-" is read once, so marked first). */
static void
opts_for_files(struct opts *o, const struct cmdline *cl)
{
	size_t i;

	if (o->cmd == CMD_PREVIEW && !cl->has_format)
		o->fmt.format = OUT_PNG;
	if (o->cmd == CMD_PREVIEW && !o->fmt.contact && o->fmt.page == 0)
		o->fmt.page = 1;
	check_outfmt(o, cl->has_format);
	for (i = 0; i < cl->nfiles; i++)
		node_allow_stream(cl->files[i]);
	check_output(o, cl);
	diag_reset();		/* what packet_file_is() counted */
	if (o->per_student && o->roster == NULL)
		usage_error("%s", "--versions per-student gives each student "
		    "of a roster their own draw: add --roster FILE.csv");
	if (o->strips && o->cmd != CMD_KEY && o->cmd != CMD_ALL &&
	    o->cmd != CMD_CHECK)
		usage_error("%s", "--strips adds answer strips to the key: "
		    "mimeo key --strips SET.yaml");
	if (cl->has_key && !o->per_student)
		usage_error("%s", "--key chooses what the key of --versions "
		    "per-student holds (a key of one version, or of lettered "
		    "versions, always has its worked key)");
	if (cl->has_key && o->cmd != CMD_KEY && o->cmd != CMD_ALL &&
	    o->cmd != CMD_CHECK)
		usage_error("%s", "--key chooses what the key holds: mimeo key "
		    "--versions per-student --key full SET.yaml");
	if (o->stress > 0 && o->cmd != CMD_CHECK)
		usage_error("%s", "--stress goes with check: mimeo check "
		    "--stress N FILE");
}

/* Build every file, then write what was made unless a mistake was found
 * (output_commit); returns the exit status: 3 the system failed, 2 the
 * command line asked for what the input cannot give, 1 the input is
 * wrong, 0 fine. */
static int
run_files(const struct opts *o, const struct cmdline *cl)
{
	size_t i, dropped;
	int failed;

	diag_quiet(o->quiet);
	for (i = 0; i < cl->nfiles; i++) {
		build_file(o, cl->files[i], cl->nfiles > 1);
		if (o->stress > 0)	/* also after mistakes: one round */
			stress_set(o, cl->files[i]);
	}
	render_cairo_done();
	/* a mistake found before writing: nothing is written ("no file was
	 * written"); one in writing is said by output_commit itself */
	failed = diag_errors() > 0;
	dropped = output_commit(!failed);
	if (!failed)
		dropped = 0;
	if (diag_errors() > 0 && (cl->nfiles > 1 || diag_errors() > 1 ||
	    dropped))
		fprintf(stderr, "mimeo: %zu error%s%s\n", diag_errors(),
		    diag_errors() == 1 ? "" : "s", dropped > 0 ?
		    "; no file was written" : "");
	if (diag_fatals() > 0)
		return 3;
	if (diag_usage_errors() > 0)
		return 2;
	return diag_errors() > 0 ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct opts o;
	struct cmdline cl;
	int rc;

#ifdef M_MMAP_THRESHOLD
	/* Blocks of 32 KB and more in mappings of their own, returned to the
	 * system when freed: a long table's pages grow block by block, and in
	 * the shared heap the places they grew out of stay resident (a
	 * 3000-student per-student run: 64 MB peak, 62 MB so; at 16 KB,
	 * 60 MB, but every page's buffers mapped anew cost 1.7 times the CPU). */
	mallopt(M_MMAP_THRESHOLD, 32 * 1024);
#endif
	if ((rc = opts_read(argc, argv, &o, &cl)) >= 0) {
		free(cl.files);
		return rc;
	}
	opts_for_cmd(&o, &cl);
	if (o.cmd == CMD_LIST)
		return cmd_list(&o, cl.files, cl.nfiles);
	if (o.cmd == CMD_INDEX)
		return cmd_index(&o, cl.files, cl.nfiles);
	if (cl.nfiles == 0) {
		free(cl.files);
		if (argc == 1) {
			usage(stderr);
			return 2;
		}
		usage_error("%s", "no input file given");
	}
	opts_for_files(&o, &cl);
	rc = run_files(&o, &cl);
	free(cl.files);
	return rc;
}
