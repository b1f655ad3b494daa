/* unit.h - what the unit test files share (tests/unit.c runs them all). */
#ifndef MIMEO_UNIT_H
#define MIMEO_UNIT_H

/* Print "ok NAME" when cond holds, else "FAIL NAME: why". */
void		 expect(int cond, const char *name, const char *why);
/* Write s to a scratch file and return its path (static buffer). */
const char	*scratch(const char *s);

/* tests/unit_vars.c: the evaluator, variables, versions. */
void		 test_vars(void);
/* tests/unit_reuse.c: class-set copies made from a model layout. */
void		 test_reuse(void);
/* tests/unit_figures.c: figures read from a draw; arcs. */
void		 test_figures(void);
/* tests/unit_settings.c: where each setting comes from; the caches. */
void		 test_settings(void);

#endif
