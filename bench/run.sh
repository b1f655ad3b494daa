#!/bin/bash
# bench/run.sh - `make bench`: mimeo against the LaTeX exam class and
# against the libharu floor, on the same 12-problem worksheet, in one run.
# Prints a table of times and ratios and writes it to out/bench.md.
#
# Times are medians of BENCH_RUNS runs (default 5; 3 for the slow rows)
# measured by hyperfine; peak memory is /usr/bin/time's maximum resident
# set size of one more run.  Ratios compare runs of this same invocation,
# since absolute times vary between machines and runs.
set -euo pipefail

MIMEO=${MIMEO:-./mimeo}
FLOOR=${FLOOR:-bench/floor}
RUNS=${BENCH_RUNS:-5}
WORK=out/bench
BENCH=$(cd bench && pwd)
REG=$(fc-match -f '%{file}' 'Andika:style=Regular')
BOLD=$(fc-match -f '%{file}' 'Andika:style=Bold')

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$WORK"
mkdir -p "$WORK/tex"

# Rosters: the 30 committed names; 1, 300 and 3000 made from them.
head -n 2 bench/roster30.csv > "$WORK/roster1.csv"
for n in 300 3000; do
	{ echo "Name,Period"
	  for ((i = 1; i <= n / 30; i++)); do
		tail -n +2 bench/roster30.csv | sed "s/,/ $i,/"
	  done; } > "$WORK/roster$n.csv"
done
cp bench/roster30.csv "$WORK/roster30.csv"
for n in 1 30; do
	bench/roster2tex.sh "$WORK/roster$n.csv" 1 > "$WORK/tex/c$n-roster.tex"
done
bench/roster2tex.sh "$WORK/roster30.csv" 3 > "$WORK/tex/v30-roster.tex"

# time_of NAME COMMAND: the median seconds of COMMAND into T[NAME].
declare -A T M
time_of() {
	local name=$1 runs=$RUNS
	shift
	[ "$name" = mimeo3000 ] && runs=3
	hyperfine --style none --warmup 1 --runs "$runs" \
	    --export-csv "$WORK/$name.csv" "$*" > /dev/null
	T[$name]=$(awk -F, 'NR == 2 { print $4 }' "$WORK/$name.csv")
	/usr/bin/time -f %M -o "$WORK/$name.rss" bash -c "$*" > /dev/null
	M[$name]=$(tail -n 1 "$WORK/$name.rss")
}

# pages and bytes of a PDF
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
bytes() { stat -c %s "$1"; }

tex() {	# tex JOB: one pdflatex pass of the exam class for JOB-roster.tex
	echo "cd $WORK/tex && pdflatex -interaction=batchmode -halt-on-error" \
	    "-jobname $1 $BENCH/fractions12.tex"
}

echo "bench: pdflatex and mimeo, 1 and 30 students" >&2
for n in 1 30; do
	time_of "tex$n" "$(tex "c$n")"
	time_of "mimeo$n" "$MIMEO worksheet -q --simplex" \
	    "--roster $WORK/roster$n.csv -o $WORK/m$n.pdf bench/fractions12.yaml"
done
PER_COPY=$(( $(pages "$WORK/m30.pdf") / 30 ))

echo "bench: the libharu floor" >&2
time_of floor30 "$FLOOR $REG $BOLD $WORK/roster30.csv $PER_COPY" \
    "$WORK/floor30.pdf"

echo "bench: 300 and 3000 students" >&2
for n in 300 3000; do
	time_of "mimeo$n" "$MIMEO worksheet -q --simplex" \
	    "--roster $WORK/roster$n.csv -o $WORK/m$n.pdf bench/fractions12.yaml"
done

# Instructions (callgrind): the same ratios, immune to a busy machine.
declare -A I
instr_of() {	# instr_of NAME DIR COMMAND: instructions of COMMAND run in DIR
	local name=$1 dir=$2
	shift 2
	I[$name]=$(cd "$dir" && valgrind --tool=callgrind \
	    --callgrind-out-file=/dev/null $* 2>&1 >/dev/null |
	    awk '/ refs:/ { gsub(",", "", $NF); print $NF }')
}
echo "bench: instruction counts (callgrind)" >&2
instr_of mimeo30 . "$MIMEO worksheet -q --simplex" \
    "--roster $WORK/roster30.csv -o $WORK/m30.pdf bench/fractions12.yaml"
instr_of floor30 . "$FLOOR $REG $BOLD $WORK/roster30.csv $PER_COPY" \
    "$WORK/floor30.pdf"
instr_of tex30 "$WORK/tex" "pdflatex -interaction=batchmode" \
    "-halt-on-error -jobname c30 $BENCH/fractions12.tex"

# Figures (issue 17): a class set whose every problem draws a figure,
# against the same set without its figure: lines.
echo "bench: 30 students with and without figures" >&2
grep -v '^    figure: ' bench/figures12.yaml > "$WORK/figures12-plain.yaml"
time_of figs30 "$MIMEO worksheet -q --simplex --roster $WORK/roster30.csv" \
    "-o $WORK/f30.pdf bench/figures12.yaml"
time_of plain30 "$MIMEO worksheet -q --simplex --roster $WORK/roster30.csv" \
    "-o $WORK/p30.pdf $WORK/figures12-plain.yaml"
instr_of figs30 . "$MIMEO worksheet -q --simplex --roster" \
    "$WORK/roster30.csv -o $WORK/f30.pdf bench/figures12.yaml"
instr_of plain30 . "$MIMEO worksheet -q --simplex --roster" \
    "$WORK/roster30.csv -o $WORK/p30.pdf $WORK/figures12-plain.yaml"

VERSIONS=0
if $MIMEO --help 2>&1 | grep -q -- --versions; then
	VERSIONS=1
	echo "bench: 3 versions and the key" >&2
	time_of texv30 "$(tex v30)"
	time_of mimeov30 "$MIMEO -q --simplex --versions 3" \
	    "--roster $WORK/roster30.csv -o $WORK/v/ bench/fractions12.yaml"
fi

# ---- the report ------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# met VALUE OP LIMIT: "yes" or "**no**"
met() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
	ok = op == ">=" ? v >= l : op == "<=" ? v <= l : v < l
	print ok ? "yes" : "**no**" }'; }
perpage() { awk -v b="$(bytes "$1")" -v p="$(pages "$1")" \
	'BEGIN { printf "%.0f", b / p }'; }

speed30=$(ratio "${T[tex30]}" "${T[mimeo30]}")
floor30=$(ratio "${T[mimeo30]}" "${T[floor30]}")
size30=$(ratio "$(perpage "$WORK/m30.pdf")" "$(perpage "$WORK/tex/c30.pdf")")
size1=$(ratio "$(perpage "$WORK/m1.pdf")" "$(perpage "$WORK/tex/c1.pdf")")
rss3000=$(awk -v k="${M[mimeo3000]}" 'BEGIN { printf "%.1f", k / 1024 }')

{
echo "## mimeo benchmark"
echo
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')),"\
    "$(free -g | awk '/^Mem:/ { print $2 }') GB RAM;" \
    "$($MIMEO --version 2>&1 | head -n 1), $(pdflatex --version | head -n 1)."
echo "Load average at the start: $LOAD."
echo "Median of $RUNS runs (3 for 3000 students); worksheet" \
    "bench/fractions12.yaml, $PER_COPY pages a copy, one-sided."
echo
echo "| students | mimeo | pdflatex (one pass) | speed-up | mimeo peak RSS | pdflatex peak RSS | mimeo bytes/page | pdflatex bytes/page |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for n in 1 30 300 3000; do
	if [ -n "${T[tex$n]:-}" ]; then
		printf '| %s | %s | %s | %s× | %s | %s | %s | %s |\n' "$n" \
		    "$(ms "${T[mimeo$n]}")" "$(ms "${T[tex$n]}")" \
		    "$(ratio "${T[tex$n]}" "${T[mimeo$n]}")" \
		    "$(mb "${M[mimeo$n]}")" "$(mb "${M[tex$n]}")" \
		    "$(perpage "$WORK/m$n.pdf")" \
		    "$(perpage "$WORK/tex/c$n.pdf")"
	else
		printf '| %s | %s | - | - | %s | - | %s | - |\n' "$n" \
		    "$(ms "${T[mimeo$n]}")" "$(mb "${M[mimeo$n]}")" \
		    "$(perpage "$WORK/m$n.pdf")"
	fi
done
echo
echo "| comparison | measured | target | met |"
echo "| --- | --- | --- | --- |"
echo "| 30 students: pdflatex time / mimeo time | ${speed30}× | ≥ 20× | $(met "$speed30" ">=" 20) |"
if [ "$VERSIONS" = 1 ]; then
	echo "| 30 students, 3 versions + key: pdflatex / mimeo | $(ratio "${T[texv30]}" "${T[mimeov30]}")× | - | - |"
else
	echo "| 30 students, 3 versions + key: pdflatex / mimeo | n/a (versions not available) | - | - |"
fi
echo "| 30 students: mimeo time / libharu floor ($(ms "${T[floor30]}")) | ${floor30}× | ≤ 1.5× | $(met "$floor30" "<=" 1.5) |"
echo "| 30 students, instructions (callgrind): pdflatex / mimeo | $(ratio "${I[tex30]}" "${I[mimeo30]}")× | ≥ 20× | $(met "$(ratio "${I[tex30]}" "${I[mimeo30]}")" ">=" 20) |"
echo "| 30 students, instructions (callgrind): mimeo / floor | $(ratio "${I[mimeo30]}" "${I[floor30]}")× | ≤ 1.5× | $(met "$(ratio "${I[mimeo30]}" "${I[floor30]}")" "<=" 1.5) |"
echo "| 30 students, 12 figures a copy (bench/figures12.yaml): time with / without figures | $(ratio "${T[figs30]}" "${T[plain30]}")× ($(ms "${T[figs30]}") / $(ms "${T[plain30]}"), $(pages "$WORK/f30.pdf") / $(pages "$WORK/p30.pdf") pages) | - | - |"
echo "| 30 students, 12 figures a copy: instructions with / without figures | $(ratio "${I[figs30]}" "${I[plain30]}")× | - | - |"
echo "| 3000 students: mimeo peak RSS | ${rss3000} MB | < 64 MB | $(met "$rss3000" "<" 64) |"
echo "| 30 students: mimeo / pdflatex bytes per page | ${size30} | ≤ 1 | $(met "$size30" "<=" 1) |"
echo "| 1 student: mimeo / pdflatex bytes per page | ${size1} | ≤ 1 | $(met "$size1" "<=" 1) |"
} | tee out/bench.md
