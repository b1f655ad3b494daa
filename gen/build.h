/*
 * build.h - the documents of one problem set, from load to written files:
 * load -> vary -> compose -> layout (-> copies) -> output.  Everything is
 * laid out before anything is written, so a set that fails leaves every
 * older output as it was.  The outcome is reported through diag.
 */
#ifndef MIMEO_BUILD_H
#define MIMEO_BUILD_H

enum cmd { CMD_ALL, CMD_WORKSHEET, CMD_KEY, CMD_CHECK };

struct opts {
	enum cmd	 cmd;
	const char	*output;	/* -o */
	const char	*paper;		/* NULL, "letter" or "a4" */
	const char	*template;
	const char	*lang;
	const char	*roster;	/* --roster FILE.csv */
	long		 copies;	/* --copies N; 0: not given */
	int		 simplex;	/* --simplex: no padding */
	long		 seed;
	int		 has_seed;
	int		 versions;	/* --versions N: 1..26 (0: not given) */
	int		 per_student;	/* --versions per-student */
	long		 stress;	/* check --stress N: draws; 0: none */
	int		 quiet;
};

/* Build (or for CMD_CHECK only lay out) the documents of the set in file;
 * many says the run has several inputs. */
void	build_set(const struct opts *, const char *file, int many);
/* mimeo check --stress N: draw N versions of every problem of the set in
 * file and report every draw that fails (stress.c). */
void	stress_set(const struct opts *, const char *file);

#endif
