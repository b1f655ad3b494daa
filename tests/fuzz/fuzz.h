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

#endif
