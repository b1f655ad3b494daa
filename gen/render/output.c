/* output.c - output paths and atomic writes; see output.h */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>

#include "contact.h"
#include "diag.h"
#include "inputs.h"
#include "output.h"
#include "page.h"
#include "render.h"
#include "util.h"

int
output_isdir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* NAME: the input's base name without .yaml or .yml. */
static char *
output_name(const char *input)
{
	const char *b = strrchr(input, '/');
	size_t n;

	if (strcmp(input, "-") == 0)	/* a set from standard input */
		return xstrdup("stdin");
	b = b ? b + 1 : input;
	n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(b + n - 4, ".yml") == 0)
		n -= 4;
	return xstrndup(b, n);
}

static const char *const output_exts[] = { "pdf", "png", "svg", "ps",
	"tree" };

/* The format extension path ends in (".pdf" ...), or NULL. */
static const char *
output_ext_of(const char *path)
{
	const char *slash = strrchr(path, '/'), *dot;
	size_t i;

	if ((dot = strrchr(slash != NULL ? slash : path, '.')) == NULL)
		return NULL;
	for (i = 0; i < sizeof(output_exts) / sizeof(output_exts[0]); i++)
		if (strcasecmp(dot + 1, output_exts[i]) == 0)
			return output_exts[i];
	return NULL;
}

/* -o's file; "-o sheet" or "-o Unit 3.5" is sheet.pdf or Unit 3.5.pdf,
 * as a teacher expects of a name without a format's extension, unless a
 * file or device of that name is there already (-o /dev/stdout). */
static char *
output_with_ext(const char *opt, const char *ext)
{
	struct stat st;

	/* lstat: /dev/stdout is there even when it leads nowhere */
	if (output_ext_of(opt) != NULL || lstat(opt, &st) == 0 ||
	    strcmp(opt, "-") == 0)	/* standard output */
		return xstrdup(opt);
	return xasprintf("%s.%s", opt, ext);
}

char *
output_path(const char *opt, const char *input, const char *suffix,
    const char *ext, int many)
{
	char *name, *p;
	size_t n;

	if (opt != NULL && *opt != '\0' && opt[strlen(opt) - 1] != '/' &&
	    !output_isdir(opt)) {
		if (many) {
			diag_error(NULL, "-o %s names one file, but this run "
			    "writes several documents; give a folder (end it "
			    "with /)", opt);
			return NULL;
		}
		return output_with_ext(opt, ext);
	}
	name = output_name(input);
	if (opt == NULL || *opt == '\0')
		opt = "out/";
	n = strlen(opt);
	p = xasprintf("%s%s%s%s.%s", opt, opt[n - 1] == '/' ? "" : "/", name,
	    suffix, ext);
	free(name);
	return p;
}

/* ---- what a signal must clean up -----------------------------------
 *
 * The temporaries of the run and the folders made for them, newest last.
 * Ctrl-C, kill (TERM), a closed terminal (HUP) remove them all, then end
 * mimeo by the same signal (status 128+N, as the shell reports it).
 * SIGXFSZ (ulimit -f) is ignored instead, so that the write that passes
 * the limit fails with EFBIG and is said as an error (status 3).  The
 * list changes only with those signals blocked, so the handler never sees
 * it half-made.
 */
struct cleanup {
	const char	*path;		/* owned by the caller */
	int		 dir;		/* rmdir, not unlink */
};
static struct cleanup	*volatile cleanups;
static volatile size_t	 ncleanups;
static size_t		 capcleanups;
static const int	 cleanup_sigs[] = { SIGINT, SIGTERM, SIGHUP };

static void
cleanup_handler(int sig)
{
	size_t i = ncleanups;

	while (i > 0) {
		i--;
		if (cleanups[i].dir)
			rmdir(cleanups[i].path);
		else
			unlink(cleanups[i].path);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
cleanup_block(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < sizeof(cleanup_sigs) / sizeof(cleanup_sigs[0]); i++)
		sigaddset(&set, cleanup_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* Remember path (a temporary file, or with dir a folder made). */
static void
cleanup_add(const char *path, int dir)
{
	static int installed;
	struct cleanup *v;
	struct sigaction sa;
	sigset_t old;
	size_t i;

	if (!installed) {
		installed = 1;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = cleanup_handler;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(cleanup_sigs) / sizeof(cleanup_sigs[0]);
		    i++) {
			struct sigaction was;

			/* a signal ignored by who started us (nohup) stays
			 * ignored */
			if (sigaction(cleanup_sigs[i], NULL, &was) == 0 &&
			    was.sa_handler != SIG_IGN)
				sigaction(cleanup_sigs[i], &sa, NULL);
		}
		signal(SIGXFSZ, SIG_IGN);
	}
	cleanup_block(&old);
	if (ncleanups == capcleanups) {
		capcleanups = capcleanups ? capcleanups * 2 : 16;
		v = xmalloc(capcleanups * sizeof(*v));
		if (ncleanups > 0)
			memcpy(v, (const void *)cleanups, ncleanups *
			    sizeof(*v));
		free((void *)cleanups);
		cleanups = v;
	}
	cleanups[ncleanups].path = path;
	cleanups[ncleanups].dir = dir;
	ncleanups = ncleanups + 1;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Forget path: it is removed, or in its place. */
static void
cleanup_forget(const char *path)
{
	sigset_t old;
	size_t i;

	cleanup_block(&old);
	for (i = ncleanups; i > 0; i--)
		if (cleanups[i - 1].path == path) {
			memmove((void *)&cleanups[i - 1],
			    (const void *)&cleanups[i], (ncleanups - i) *
			    sizeof(*cleanups));
			ncleanups = ncleanups - 1;
			break;
		}
	if (ncleanups == 0) {
		free((void *)cleanups);
		cleanups = NULL;
		capcleanups = 0;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/*
 * Remove the temporaries of mimeo's naming (".mimeo-" and six
 * characters) in dir that are older than a day and ours: left by a run
 * that was killed (kill -9, a power cut) before it could remove them.  A
 * run still writing one renews it within seconds, so none is touched.
 * Each folder once a run.
 */
static void
output_sweep(const char *dir)
{
	static char **swept;
	static size_t nswept;
	struct dirent *e;
	struct stat st;
	time_t now = time(NULL);
	char *p;
	size_t i;
	DIR *d;

	for (i = 0; i < nswept; i++)
		if (strcmp(swept[i], dir) == 0)
			return;
	swept = xrealloc(swept, (nswept + 1) * sizeof(*swept));
	swept[nswept++] = xstrdup(dir);
	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, ".mimeo-", 7) != 0 ||
		    strlen(e->d_name) != 13)
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && now - st.st_mtime > 24 * 3600)
			unlink(p);
		free(p);
	}
	closedir(d);
}

/* Folders output_mkdirs() made, outermost first. */
struct made_dirs {
	char		**v;
	size_t		  n;
};

/* mkdir -p for the folder part of path, noting in made each folder it
 * made.  Returns 0, or -1 with errno set. */
static int
output_mkdirs(const char *path, struct made_dirs *made)
{
	char *d = xstrdup(path), *s;
	int rc = 0;

	for (s = d + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(d, 0777) == 0) {
			made->v = xrealloc(made->v, (made->n + 1) *
			    sizeof(*made->v));
			made->v[made->n++] = xstrdup(d);
			cleanup_add(made->v[made->n - 1], 1);
		} else if (errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(d);
	return rc;
}

/* Forget the folders of made; when unmake is set, remove them first,
 * innermost first: a run that writes nothing leaves no empty folder.
 * rmdir() removes only empty ones, so nothing else is ever lost. */
static void
output_made_free(struct made_dirs *made, int unmake)
{
	while (made->n > 0) {
		made->n--;
		if (unmake)
			rmdir(made->v[made->n]);
		cleanup_forget(made->v[made->n]);
		free(made->v[made->n]);
	}
	free(made->v);
	made->v = NULL;
}

static int
output_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/*
 * One file of a document being written: its place, the temporary file it
 * is made in, and what goes in it (page: 0-based for a one-page file).
 */
struct outfile {
	char		*path, *tmp;
	size_t		 page;
	int		 stream;	/* path is a device or a pipe
					   (/dev/stdout): copied into, as
					   it cannot be renamed over */
};

/*
 * Where f really goes.  A symbolic link is followed, so that the link
 * stays and the file it names gets the document (-o /dev/stdout with
 * standard output sent to a file).  A device or a pipe is written into
 * (f->stream): renaming a file over it would replace it, /dev/null too.
 */
static int
output_target(struct outfile *f)
{
	struct stat st;
	char *real;
	int link;

	if (strcmp(f->path, "-") == 0) {	/* -o -: standard output */
		f->stream = 1;
		return 0;
	}
	link = lstat(f->path, &st) == 0 && S_ISLNK(st.st_mode);
	if (link && (real = realpath(f->path, NULL)) != NULL) {
		free(f->path);
		f->path = real;
	} else if (link && stat(f->path, &st) != 0 &&
	    (strncmp(f->path, "/dev/", 5) == 0 ||
	    strncmp(f->path, "/proc/", 6) == 0)) {
		/* /dev/stdout with standard output closed: a link to a
		 * descriptor that is not open; never a file in /dev */
		diag(SEV_FATAL, NULL, "cannot write %s: it leads to a file "
		    "descriptor that is not open (standard output or error "
		    "closed?); open it, or give -o a file", f->path);
		return -1;
	}
	f->stream = stat(f->path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode);
	return 0;
}

/* Copies the finished document f->tmp into the device or pipe f->path.
 * Returns 0, or -1 (reported: a full disk is ENOSPC). */
static int
output_stream(const struct outfile *f)
{
	char buf[65536];
	ssize_t n, w, done;
	int in, out, rc = 0;
	void (*was)(int);

	if ((in = open(f->tmp, O_RDONLY)) < 0 ||
	    (out = strcmp(f->path, "-") == 0 ? dup(STDOUT_FILENO) :
	    open(f->path, O_WRONLY)) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", f->path,
		    strerror(errno));
		if (in >= 0)
			close(in);
		return -1;
	}
	/* a reader that stops early (| head) is a write error to report,
	 * not a signal that ends mimeo before it removes its temporary */
	was = signal(SIGPIPE, SIG_IGN);
	while (rc == 0 && (n = read(in, buf, sizeof(buf))) > 0)
		for (done = 0; done < n; done += w)
			if ((w = write(out, buf + done, (size_t)(n - done))) <
			    0) {
				rc = -1;
				break;
			}
	if (rc < 0 || close(out) < 0) {
		diag(SEV_FATAL, NULL, "cannot write %s: %s", f->path,
		    strerror(errno));
		rc = -1;
	}
	signal(SIGPIPE, was);
	close(in);
	return rc;
}

/* Makes a temporary file beside f->path (or, for a device, in TMPDIR).
 * Returns 0, or -1 (reported). */
static int
output_tmp(struct outfile *f)
{
	const char *slash = strrchr(f->path, '/');
	const char *tmpdir = getenv("TMPDIR");
	char *dir;
	sigset_t old;
	int fd, e;

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	/* a device's folder (/dev) is no place for a file */
	if (f->stream)
		dir = xstrdup(tmpdir);
	else
		dir = slash == NULL ? xstrdup(".") : slash == f->path ?
		    xstrdup("/") : xstrndup(f->path, (size_t)(slash -
		    f->path));
	output_sweep(dir);
	f->tmp = slash == NULL && !f->stream ? xstrdup(".mimeo-XXXXXX") :
	    xasprintf("%s%s.mimeo-XXXXXX", dir, dir[strlen(dir) - 1] == '/' ?
	    "" : "/");
	/* made and noted as one step, so a signal between leaves none */
	cleanup_add(f->tmp, 0);
	cleanup_block(&old);
	fd = mkstemp(f->tmp);
	e = errno;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd < 0) {
		cleanup_forget(f->tmp);
		if (f->stream)
			diag(SEV_FATAL, NULL, "cannot write %s: cannot make a "
			    "temporary file in %s (%s), where a document for "
			    "a device or a pipe is made first; set TMPDIR to "
			    "a folder you can write to", f->path, dir,
			    strerror(e));
		else
			diag(SEV_FATAL, NULL, "cannot write %s: %s", f->path,
			    strerror(e));
		free(f->tmp);
		f->tmp = NULL;
		free(dir);
		return -1;
	}
	close(fd);
	free(dir);
	return 0;
}

/* The reason in a backend's err without its "cannot write TMP: ": the
 * teacher knows the file by its real name, which the message gives. */
static const char *
output_reason(const char *err, const char *tmp)
{
	static const char pre[] = "cannot write ";
	size_t n = sizeof(pre) - 1, tl = strlen(tmp);

	if (strncmp(err, pre, n) == 0 && strncmp(err + n, tmp, tl) == 0 &&
	    strncmp(err + n + tl, ": ", 2) == 0)
		return err + n + tl + 2;
	return err;
}

/* The device of each format (render.h). */
static const struct device *const output_devices[] = {
	[OUT_PDF] = &dev_pdf, [OUT_PNG] = &dev_png, [OUT_SVG] = &dev_svg,
	[OUT_PS] = &dev_ps, [OUT_TREE] = &dev_tree,
};

/* Draws file f of doc d in format fmt into f->tmp: the contact sheet laid
 * out and drawn, or f's page (PNG, SVG) or every page.  Returns 0, or -1
 * (reported). */
static int
output_render(const struct doc *d, const struct outfmt *fmt,
    const struct outfile *f)
{
	char err[512];
	struct contact sheet;
	struct devopts o = { fmt->dpi > 0 ? (double)fmt->dpi : OUT_DPI, NULL };
	int rc;

	if (fmt->contact) {
		o.sheet = &sheet;
		rc = contact_layout(d, OUT_CONTACT_DPI, &sheet, err,
		    sizeof(err));
		if (rc == 0)
			rc = render_doc(&dev_contact, d, &o, 0, f->tmp, err,
			    sizeof(err));
	} else
		rc = render_doc(output_devices[fmt->format], d, &o, f->page,
		    f->tmp, err, sizeof(err));
	if (rc < 0)
		diag(SEV_FATAL, NULL, "cannot write %s: %s%s", f->path,
		    output_reason(err, f->tmp), strstr(err, strerror(EFBIG)) ?
		    " (larger than the limit on a file's size that this "
		    "shell sets, ulimit -f; raise it, or write fewer copies "
		    "at a time)" : "");
	return rc;
}

static const char *
output_ext(const struct outfmt *f)
{
	return f->contact ? "png" : output_exts[f->format];
}

/* Whether f writes one file per page. */
static int
output_per_page(const struct outfmt *f)
{
	return !f->contact && f->page == 0 &&
	    (f->format == OUT_PNG || f->format == OUT_SVG);
}

/* A file named by -o that cannot take format f: pages written one file
 * each cannot go to a device or a link (-o /dev/stdout made files in /dev),
 * and a name that says another format (-o y.png with --format svg) would
 * open as the wrong thing.  Returns 0, or -1 (reported: command line). */
static int
output_file_wrong(const char *opt, const struct outfmt *f)
{
	const char *ext;
	struct stat st;

	if (opt == NULL || *opt == '\0' || opt[strlen(opt) - 1] == '/' ||
	    output_isdir(opt))
		return 0;
	/* a link too: /dev/stdout is one, to whatever stdout is */
	if (output_per_page(f) && (strcmp(opt, "-") == 0 ||
	    (lstat(opt, &st) == 0 && !S_ISREG(st.st_mode)))) {
		diag(SEV_USAGE, NULL, "-o %s: %s pages are written one file "
		    "each, which %s cannot take; give a folder, or "
		    "draw one page with mimeo preview --page N", opt,
		    output_ext(f), strcmp(opt, "-") == 0 ? "standard output" :
		    "a device");
		return -1;
	}
	if ((ext = output_ext_of(opt)) != NULL &&
	    strcmp(ext, output_ext(f)) != 0) {
		diag(SEV_USAGE, NULL, "-o %s names a .%s file, but this "
		    "writes %s; name it .%s, or give --format %s", opt, ext,
		    output_ext(f), output_ext(f), ext);
		return -1;
	}
	return 0;
}

char *
output_doc_path(const char *opt, const char *input, const char *suffix,
    const struct outfmt *f, int many)
{
	char *s, *p;

	if (f->contact)
		s = xasprintf("%s-contact", suffix);
	else if (f->page > 0)
		s = xasprintf("%s-p%zu", suffix, f->page);
	else
		s = xstrdup(suffix);
	p = output_path(opt, input, s, output_ext(f), many);
	free(s);
	if (p != NULL && output_file_wrong(opt, f) < 0) {
		free(p);
		return NULL;
	}
	return p;
}

int
output_page_ok(const struct outfmt *f, const struct doc *d, const char *file,
    const char *what)
{
	if (f->page <= d->npages)
		return 0;
	diag(SEV_USAGE, NULL, "--page %zu: the %s of %s has %zu page%s",
	    f->page, what, file, d->npages, d->npages == 1 ? "" : "s");
	return -1;
}

/* "DIR/NAME.png" -> "DIR/NAME-pN.png" (n 1-based). */
static char *
output_page_path(const char *path, const char *ext, size_t n)
{
	size_t len = strlen(path), el = strlen(ext);

	if (len > el + 1 && path[len - el - 1] == '.' &&
	    strcmp(path + len - el, ext) == 0)
		len -= el + 1;
	return xasprintf("%.*s-p%zu.%s", (int)len, path, n, ext);
}

/*
 * A document rendered into temporary files and waiting for the end of the
 * run: output_commit() renames it into place only if the whole run went
 * well, so that a run that fails (a second set with a mistake, a full
 * disk) writes no file at all.
 */
struct pending {
	struct outfile	*files;
	size_t		 n;
	char		*input;		/* the file it was made from */
	char		*wrote;		/* "wrote ..." for stdout, or NULL */
	char		*note;		/* output_note(): for stderr, or NULL */
};

static struct pending	*output_pending;
static size_t		 output_npending;
static struct made_dirs	 output_made;	/* folders made for them */

static void
output_files_free(struct outfile *files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (files[i].tmp != NULL) {
			unlink(files[i].tmp);
			cleanup_forget(files[i].tmp);
		}
		free(files[i].tmp);
		free(files[i].path);
	}
	free(files);
}

/* Two documents of one run going to one file (fractions.yaml of two
 * folders, both to out/fractions.pdf): the second would silently replace
 * the first.  Returns 1 (reported) if a pending document has f's place. */
static int
output_taken(const struct outfile *f, const char *input)
{
	size_t i, j;

	for (i = 0; i < output_npending; i++)
		for (j = 0; j < output_pending[i].n; j++) {
			const char *had = output_pending[i].input;

			if (strcmp(output_pending[i].files[j].path, f->path))
				continue;
			if (input != NULL && (strcmp(had, input) == 0 ||
			    output_same_file(had, input)))	/* "-" twice */
				diag(SEV_USAGE, NULL, "%s is given twice; give "
				    "it once", input);
			else
				diag(SEV_USAGE, NULL, "%s would be written "
				    "twice in this run, for %s and for %s; run "
				    "mimeo once for each, each with its own -o "
				    "folder", f->path, had,
				    input != NULL ? input : "-");
			return 1;
		}
	return 0;
}

/* The line output_commit() prints for a document, or NULL when quiet. */
static char *
output_wrote(const struct doc *d, const struct outfmt *fmt,
    const char *path, const struct outfile *files, size_t n, int quiet)
{
	if (quiet)
		return NULL;
	if (fmt->page > 0)
		return xasprintf("wrote %s (page %zu of %zu)", path,
		    fmt->page, d->npages);
	if (n == 1)	/* the file itself: a one-page PNG is NAME-p1.png */
		return xasprintf("wrote %s (%zu page%s)", files[0].path,
		    d->npages, d->npages == 1 ? "" : "s");
	return xasprintf("wrote %s ... %s (%zu pages)", files[0].path,
	    files[n - 1].path, n);
}

int
output_doc(const struct doc *d, const struct outfmt *fmt, const char *path,
    const char *input, int quiet)
{
	struct outfile *files;
	struct pending *p;
	size_t n = 1, i;

	if (output_per_page(fmt))
		n = d->npages;
	files = xcalloc(n, sizeof(*files));
	for (i = 0; i < n; i++) {
		files[i].page = fmt->page > 0 ? fmt->page - 1 : i;
		files[i].path = output_per_page(fmt) ? output_page_path(path,
		    output_ext(fmt), i + 1) : xstrdup(path);
		if (output_target(&files[i]) < 0)
			goto fail;
		if (input != NULL && output_same_file(files[i].path, input)) {
			diag(SEV_FATAL, NULL, "refusing to write %s: it is the "
			    "input file; give -o another name", files[i].path);
			goto fail;
		}
		if (inputs_has(files[i].path)) {
			diag(SEV_FATAL, NULL, "refusing to write %s: this run "
			    "reads it (a roster, an included set, a picture "
			    "or a template); give -o another name",
			    files[i].path);
			goto fail;
		}
		if (output_taken(&files[i], input))
			goto fail;
	}
	if (output_mkdirs(path, &output_made) < 0) {
		diag(SEV_FATAL, NULL, "cannot create the folder for %s: %s",
		    path, strerror(errno));
		goto fail;
	}
	for (i = 0; i < n; i++)
		if (output_tmp(&files[i]) < 0 ||
		    output_render(d, fmt, &files[i]) < 0)
			goto fail;
	output_pending = xrealloc(output_pending, (output_npending + 1) *
	    sizeof(*output_pending));
	p = &output_pending[output_npending++];
	p->files = files;
	p->n = n;
	p->input = xstrdup(input != NULL ? input : "-");
	p->wrote = output_wrote(d, fmt, path, files, n, quiet);
	p->note = NULL;
	return 0;
fail:
	output_files_free(files, n);
	return -1;
}

void
output_note(const char *fmt, ...)
{
	struct pending *p;
	va_list ap;

	if (output_npending == 0)
		return;
	p = &output_pending[output_npending - 1];
	free(p->note);
	va_start(ap, fmt);
	p->note = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Puts the files of p in their places.  Returns 0, or -1 (reported). */
static int
output_place(struct pending *p, mode_t mask)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->files[i].stream) {
			if (output_stream(&p->files[i]) < 0)
				return -1;
			continue;	/* the temporary is removed after */
		}
		/* mkstemp makes the file 0600; documents are for sharing */
		chmod(p->files[i].tmp, 0666 & ~mask);
		if (rename(p->files[i].tmp, p->files[i].path) < 0) {
			diag(SEV_FATAL, NULL, "cannot write %s: %s",
			    p->files[i].path, strerror(errno));
			return -1;
		}
		cleanup_forget(p->files[i].tmp);
		free(p->files[i].tmp);
		p->files[i].tmp = NULL;
	}
	return 0;
}

size_t
output_commit(int ok)
{
	size_t i, dropped = 0;
	mode_t mask = umask(022);
	int placed_all = 1;

	umask(mask);
	for (i = 0; i < output_npending; i++) {
		struct pending *p = &output_pending[i];

		if (ok && placed_all && output_place(p, mask) == 0) {
			/* on stdout, except after a document sent down a
			 * pipe or to a device (-o /dev/stdout | lpr), which
			 * it would end up in */
			if (p->wrote != NULL) {
				fprintf(p->files[0].stream ? stderr : stdout,
				    "%s\n", p->wrote);
				fflush(stdout);	/* before its note */
			}
			if (p->note != NULL)
				fprintf(stderr, "%s\n", p->note);
		} else {
			placed_all = 0;
			dropped++;
		}
		output_files_free(p->files, p->n);	/* and temporaries */
		free(p->input);
		free(p->wrote);
		free(p->note);
	}
	free(output_pending);
	output_pending = NULL;
	output_npending = 0;
	/* after the temporaries are gone, so the folders can be empty */
	output_made_free(&output_made, !ok || !placed_all);
	return dropped;
}

int
output_pdf(const struct doc *d, const char *path, const char *input)
{
	static const struct outfmt pdf = { OUT_PDF, 0, 0, 0 };

	return output_doc(d, &pdf, path, input, 1);
}
