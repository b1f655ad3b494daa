/*
 * fuzz.h - what the harnesses in tests/fuzz/ share.  Each harness is a
 * libFuzzer target (LLVMFuzzerTestOneInput) over one of mimeo's readers;
 * the same file, linked with replay.c instead of libFuzzer, replays the
 * regression corpus in every `make test` (gcc is enough for that).
 *
 * The readers take a path, so each input is written to a file first: the
 * loaders are fuzzed exactly as mimeo calls them, stat and fopen included.
 */
#ifndef MIMEO_FUZZ_H
#define MIMEO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerInitialize(int *argc, char ***argv);
int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh temporary folder for this process (removed at exit); dies if
 * it cannot be made. */
const char	*fuzz_dir(void);
/* Writes size bytes of data to path, replacing it; dies on failure. */
void		 fuzz_write(const char *path, const uint8_t *data, size_t size);
/* The checkout's data folder (templates/): $MIMEO_DATA, else ".". */
const char	*fuzz_data(void);
/* Copies the file at from to to; dies on failure. */
void		 fuzz_copy(const char *from, const char *to);

/*
 * The long-input mode, for the class of mistakes a short input cannot
 * show (work that grows with the square of a line: a position counted
 * from the line's start for every node).  With FUZZ_LONG=N in the
 * environment, the input's last line (the bytes after its last line
 * break; all of it when it has none) is repeated until the whole is about
 * N bytes, on one line: the fuzzer mutates a short pattern ("1, " in a
 * flow list, "x," in a roster row) and the reader gets it a megabyte
 * long.  Returns data itself (and size) when FUZZ_LONG is not set, else
 * a buffer of the harness's, valid until the next call.
 */
const uint8_t	*fuzz_long(const uint8_t *data, size_t size, size_t *outsize);

struct template;
struct fonts;
/* The worksheet template (English) and its fonts, loaded once from
 * fuzz_data() as mimeo loads them, and freed at exit (fontconfig's state
 * lives until fonts_free(), so LeakSanitizer sees nothing left); dies if
 * they cannot be loaded.  who names the harness in that message. */
void		 fuzz_fonts(const char *who, struct template **,
		    struct fonts **);

#endif
