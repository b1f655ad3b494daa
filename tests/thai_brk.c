/*
 * thai_brk.c - where libthai breaks Thai text into words, for
 * tests/scripts.sh (which checks that mimeo's lines of Thai end only
 * there):
 *
 *   thai_brk TEXT
 *
 * prints TEXT (UTF-8) with a "|" at each break libthai's dictionary finds
 * between two words written together (th_brk_wc_find_breaks, as mimeo and
 * pango ask it; not its breaks at spaces).  Exits 2 when TEXT is not UTF-8.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include <thai/thwbrk.h>

int
main(int argc, char *argv[])
{
	size_t n, i, j = 0;
	wchar_t *wc;
	int *pos, np;

	if (argc != 2 || setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 2;
	n = mbstowcs(NULL, argv[1], 0);
	if (n == (size_t)-1)
		return 2;
	wc = calloc(n + 1, sizeof(*wc));
	pos = calloc(n + 1, sizeof(*pos));
	if (wc == NULL || pos == NULL)
		return 2;
	mbstowcs(wc, argv[1], n + 1);
	np = th_brk_wc_find_breaks(NULL, (const thwchar_t *)wc, pos, n + 1);
	for (i = 0; i < n; i++) {
		if (j < (size_t)np && (size_t)pos[j] == i) {
			if (i > 0 && wc[i - 1] != ' ' && wc[i] != ' ')
				putchar('|');
			j++;
		}
		printf("%lc", (wint_t)wc[i]);
	}
	putchar('\n');
	free(wc);
	free(pos);
	return 0;
}
