# Fuzz regressions and limits, sourced by tests/run.sh (uses ok, bad, $T,
# $MIMEO).
#  1. Every input in tests/fuzz/regress/HARNESS/ (inputs that once crashed,
#     leaked or hung, and hostile files) replayed through its harness
#     without libFuzzer, built here with the objects and flags of the build
#     under test (so under ASan in `make check-asan`).
#     Then tests/fuzz/long/HARNESS/ the same in the long-input mode.
#  2. The limits of README "Limits": each refused quickly, in little memory,
#     with its message.
#  3. Only when asked (FUZZ_TEST_SECONDS=N, and clang installed): a short
#     libFuzzer run of every harness, N seconds each.  Fuzzing is random and
#     slow, so `make test` stays deterministic without it; `make check` and
#     CI run `make fuzz`.

Z=$T/fuzz
rm -rf "$Z" && mkdir -p "$Z"

for h in $(mkvar '$(FUZZ_HARNESSES)'); do
	if ! test_cc "$Z/replay-$h" tests/fuzz/$h.c tests/fuzz/fuzz_util.c tests/fuzz/replay.c; then
		bad "fuzz: replay-$h does not build: $(head -3 "$Z/replay-$h.log")"
		continue
	fi
	n=$(ls tests/fuzz/regress/$h | wc -l)
	out=$(timeout 120 "$Z/replay-$h" tests/fuzz/regress/$h 2>"$Z/replay-$h.err"); st=$?
	[ $st = 0 ] && [ "$out" = "replayed $n" ] && ok ||
		bad "fuzz: regressions of $h: exit $st, $out: $(grep -m3 -E 'ERROR|SUMMARY|runtime error' "$Z/replay-$h.err")"
done

# The long-input mode (fuzz.h): tests/fuzz/long/HARNESS/ replayed with
# each input's last line repeated to 1 MB on one line (a flow list of
# 300,000 items, a roster row of 500,000 columns): each file must be read
# in a few seconds, the whole run in well under the timeout (under ASan
# too), where reading positions from the line's start took minutes.
for h in set roster template; do
	[ -x "$Z/replay-$h" ] || continue
	n=$(ls tests/fuzz/long/$h | wc -l)
	start=$(date +%s%N)
	out=$(FUZZ_LONG=1048576 timeout 60 "$Z/replay-$h" tests/fuzz/long/$h 2>"$Z/long-$h.err"); st=$?
	ms=$((($(date +%s%N) - start) / 1000000))
	[ $st = 0 ] && [ "$out" = "replayed $n" ] && [ $ms -lt $((n * 5000)) ] && ok ||
		bad "fuzz: long inputs of $h: exit $st, $out, $ms ms: $(grep -m3 -E 'ERROR|SUMMARY|runtime error' "$Z/long-$h.err")"
done

# limit NAME FILE MESSAGE: mimeo check refuses FILE with exactly MESSAGE,
# exit 1, within 5 s; outside ASan also within 200 MB of address space
limit() {
	local name=$1 file=$2 want=$3 got st
	case $MIMEO in
	build-asan/*) got=$(timeout 5 "$MIMEO" check "$file" 2>&1) ;;
	*) got=$( (ulimit -v 200000; exec timeout 5 "$MIMEO" check "$file") 2>&1) ;;
	esac
	st=$?
	[ $st = 1 ] && [ "$got" = "$want" ] && ok || bad "limit $name: exit $st: $(head -c 300 <<<"$got")"
}
# a file over 4 MiB (a pasted log, the wrong file)
{ echo "title: Big"; echo "problems:"
  for i in $(seq 1 60000); do echo "  # a comment line of about a hundred characters, to make the file big ......"; done
} >"$Z/big.yaml"
limit "file size" "$Z/big.yaml" "$Z/big.yaml:1:1: error: this file is larger than 4 MiB, far more than any problem set; is it the right file? (split a very long set into several files)"
# billion laughs: refused at the first anchor, never expanded
limit "aliases" tests/bad/yaml-billion-laughs.yaml "$(sed 's|^|tests/bad/|' tests/bad/yaml-billion-laughs.err)"
# a million nested brackets: refused at depth 33
awk 'BEGIN { printf "title: Deep\nproblems: "; for (i = 0; i < 1000000; i++) printf "["; print "" }' >"$Z/deep.yaml"
limit "depth" "$Z/deep.yaml" "$Z/deep.yaml:2:43: error: lists and mappings are nested more than 32 levels deep here; a problem set never needs that many: check the brackets and the indentation"
# a prompt of a million characters
awk 'BEGIN { printf "title: Long\nproblems:\n  - type: short\n    answer: \"1\"\n    prompt: "; for (i = 0; i < 100000; i++) printf "0123456789"; print "" }' >"$Z/long.yaml"
limit "text length" "$Z/long.yaml" "$Z/long.yaml:5:13: error: problem 1: the prompt is 1000000 characters long, more than the 10000 one text may hold (about four pages); shorten it or split it"

# a short libFuzzer run of each harness, when clang is here
case $MIMEO in build-asan/*) FUZZ_TEST_SECONDS=0 ;; esac
if [ "${FUZZ_TEST_SECONDS:-0}" != 0 ] && command -v "$(mkvar '$(FUZZ_CC)')" >/dev/null; then
	if make -s fuzz FUZZ_SECONDS="$FUZZ_TEST_SECONDS" \
	    FUZZ_LONG_SECONDS="$FUZZ_TEST_SECONDS" >"$Z/fuzz.out" 2>&1; then ok
	else bad "fuzz: $(grep -A4 FAILED "$Z/fuzz.out" | head -6)"; fi
fi
