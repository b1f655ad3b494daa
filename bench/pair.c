/*
 * pair.c - paired timing for `make bench`.
 *
 *   pair RUNS 'COMMAND A' 'COMMAND B'
 *
 * Runs an empty shell, A and B in turn, RUNS rounds (after one warm-up
 * round), each through /bin/sh -c with its output discarded, and prints
 *
 *   A_WALL A_CPU B_WALL B_CPU RATIO_WALL RATIO_CPU A_RSS B_RSS
 *
 * the medians of A's and B's wall-clock and CPU (user + system, children
 * included) seconds less the empty shell's of the same round, and the
 * median of the rounds' ratios B / A: since A and B run side by side, a
 * machine that is busier in one round than another moves both, and the
 * ratio keeps.  RSS: the largest peak resident set of a run, in KiB.
 * Exits 1 if a command fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

/* Runs cmd; its wall and CPU seconds, and peak RSS (KiB). */
static int
run(const char *cmd, double *wall, double *cpu, long *rss)
{
	struct timespec t0, t1;
	struct rusage ru;
	pid_t pid;
	int st, fd;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(fd, 1);
			close(fd);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &st, 0, &ru) < 0)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	*wall = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) /
	    1e9;
	*cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	if (ru.ru_maxrss > *rss)
		*rss = ru.ru_maxrss;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main(int argc, char *argv[])
{
	double *m[6], w0, c0, wa, ca, wb, cb;
	long rss0 = 0, rssa = 0, rssb = 0;
	int runs, i, k;

	if (argc != 4 || (runs = atoi(argv[1])) < 1) {
		fprintf(stderr, "usage: pair RUNS 'COMMAND A' 'COMMAND B'\n");
		return 2;
	}
	for (k = 0; k < 6; k++)
		if ((m[k] = calloc((size_t)runs, sizeof(double))) == NULL)
			return 1;
	for (i = -1; i < runs; i++) {
		if (run(":", &w0, &c0, &rss0) < 0 ||
		    run(argv[2], &wa, &ca, &rssa) < 0 ||
		    run(argv[3], &wb, &cb, &rssb) < 0) {
			fprintf(stderr, "pair: a command failed\n");
			return 1;
		}
		if (i < 0)
			continue;	/* warm-up: caches, page cache */
		wa -= w0, ca -= c0, wb -= w0, cb -= c0;
		m[0][i] = wa;
		m[1][i] = ca;
		m[2][i] = wb;
		m[3][i] = cb;
		m[4][i] = wa > 0 ? wb / wa : 0;
		m[5][i] = ca > 0 ? cb / ca : 0;
	}
	for (k = 0; k < 6; k++)
		printf("%.6f ", median(m[k], runs));
	printf("%ld %ld\n", rssa, rssb);
	for (k = 0; k < 6; k++)
		free(m[k]);
	return 0;
}
