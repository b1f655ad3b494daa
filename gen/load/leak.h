/*
 * leak.h - the answer-leak check of mimeo check (issue 18): a problem's
 * answer printed in the text of another problem on the same student copy
 * (or a blank's answer in its own prompt) gives it away.
 *
 * What counts as an answer: a short answer, each blank's answer, the text
 * of each right choice; texts with variables ({a}) are left out, as they
 * change with each version.  What counts as printed: the prompt, match
 * columns and order items of every other problem (not its choices: a list
 * of options does not say which one fits elsewhere).  Matching is on
 * whole words, ignoring case, markup (* ` \) and runs of spaces.  Left
 * out as too common to mean anything: answers of one or two characters,
 * numbers of one or two digits ("7", "12", "0.5" has two), and the common
 * short words of leak.c's list ("yes", "the", "and", ...), and a blank's
 * answer that a word bank the student sees prints on purpose.
 */
#ifndef MIMEO_LEAK_H
#define MIMEO_LEAK_H

#include "set.h"

/* Warn (diag) at each place an answer of s is printed where a student
 * can read it; returns how many warnings. */
size_t	leak_check(const struct set *s);

#endif
