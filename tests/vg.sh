#!/usr/bin/env bash
# Run ./mimeo under valgrind: a memory error or a definite leak turns into
# exit status 99, which no test expects.  Used by `make check-valgrind`.
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--error-exitcode=99 "$(dirname "$0")/../mimeo" "$@"
