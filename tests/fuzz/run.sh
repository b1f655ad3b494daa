#!/usr/bin/env bash
# Runs libFuzzer harnesses built by `make fuzz` (build-fuzz/fuzz-NAME), each
# for FUZZ_SECONDS (default 60), on a corpus in build-fuzz/corpus-NAME
# seeded from the test files, and prints each one's numbers:
#   NAME: N runs in S s, cov C ft F, corpus K, crashes X
# Stops at the first crash, leak, timeout (5 s) or OOM (see RSS below), leaving the
# input as build-fuzz/crash-NAME-* (or leak-, timeout-, oom-); exits 1.
#   tests/fuzz/run.sh set roster template
#   FUZZ_SEED=N   libFuzzer's random seed (default: a fixed 1, repeatable)
#   FUZZ_LONG=N   long-input mode: each input's last line repeated to N
#                 bytes (tests/fuzz/fuzz.h), corpus and log NAME-long
set -u
cd "$(dirname "$0")/../.." || exit 2
S=${FUZZ_SECONDS:-60}
B=build-fuzz
export MIMEO_DATA=$PWD
# ASan holds freed memory in a quarantine of 256 MB by default, which
# alone reaches the 256 MB limit after a few minutes: keep 32 MB of it,
# and hand freed pages back to the system
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32:allocator_release_to_os_interval_ms=1000}
# One input may allocate at most FUZZ_MALLOC_MB (one allocation, checked by
# libFuzzer); the process as a whole FUZZ_RSS_MB: over a long run the
# sanitizer's allocator keeps memory of earlier inputs (the set harness
# grows 46 MB -> 260 MB in 5 minutes with no leak: each input alone peaks
# under 50 MB), so the whole-process limit is higher.
RSS=${FUZZ_RSS_MB:-512}
MALLOC=${FUZZ_MALLOC_MB:-256}
rc=0

# seed_lines NAME REGEX SED FILE...: each match of REGEX (grep -E) in the
# FILEs, edited by SED, as a seed file of its own in $B/seed-NAME
seed_lines() {
	local name=$1 re=$2 ed=$3 i=0 line
	shift 3
	rm -rf "$B/seed-$name" && mkdir -p "$B/seed-$name"
	grep -ohE "$re" "$@" | sed -E "$ed" | sort -u | while IFS= read -r line; do
		i=$((i + 1))
		printf '%s' "$line" >"$B/seed-$name/$i"
	done
	echo "$B/seed-$name"
}

# seeds NAME: the folders that seed harness NAME, beside its regressions
seeds() {
	case $1 in
	set)	echo tests/bad tests/good tests/e2e tests/cairo ;;
	roster)	echo tests/rosters ;;
	template)
		# the first byte picks template (even) or labels (odd) file
		mkdir -p "$B/seed-template"
		for f in templates/*.yaml; do
			{ printf '\0'; cat "$f"; } >"$B/seed-template/t-${f##*/}"
		done
		for f in templates/labels/*.yaml; do
			{ printf '\1'; cat "$f"; } >"$B/seed-template/l-${f##*/}"
		done
		echo "$B/seed-template" ;;
	amath)	# the spans between backticks, one a file
		seed_lines amath '`[^`]+`' 's/^`//; s/`$//' \
			tests/e2e/math20.yaml tests/bad/text-math-*.yaml ;;
	pdf)	# the double-quoted prompts of the end-to-end sets (scripts,
		# accents, math)
		seed_lines pdf 'prompt: "[^"]*"' 's/^prompt: "//; s/"$//' \
			tests/e2e/*.yaml ;;
	expr)	# the expressions of {= ...}, and the quoted texts holding {}
		seed_lines expr '\{=[^}]*\}|"[^"]*\{[^"]*"' 's/^\{= *//; s/\}$//; s/^"//; s/"$//' \
			tests/bad/expr-*.yaml tests/e2e/vars.yaml ;;
	esac
	[ -d "tests/fuzz/regress/$1" ] && echo "tests/fuzz/regress/$1"
}

# FUZZ_LONG=N: the long-input mode (fuzz.h): each input's last line
# repeated to N bytes; its own corpus and log (NAME-long), since what is
# interesting there differs
long=${FUZZ_LONG:+-long}
for h in "$@"; do
	mkdir -p "$B/corpus-$h$long"
	log=$B/fuzz-$h$long.log
	# shellcheck disable=SC2046
	"$B/fuzz-$h" -max_total_time="$S" -rss_limit_mb="$RSS" -malloc_limit_mb="$MALLOC" -timeout=5 \
		-max_len=65536 -seed="${FUZZ_SEED:-1}" -print_final_stats=1 \
		-artifact_prefix="$B/" "$B/corpus-$h$long" $(seeds "$h") >"$log" 2>&1
	st=$?
	runs=$(awk '/stat::number_of_executed_units:/ {print $2}' "$log" | head -1)
	secs=$(grep -ao "Done [0-9]* runs in [0-9]* second" "$log" | awk "{print \$5}")
	cov=$(grep -ao 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log" | tail -1)
	echo "$h$long: ${runs:-?} runs in ${secs:-?} s, ${cov:-no coverage line}, exit $st"
	if [ "$st" != 0 ]; then
		echo "$h$long: FAILED; the end of $log:"
		grep -aE 'ERROR|SUMMARY|artifact|Test unit written' "$log" | head -10
		rc=1
	fi
done
exit $rc
