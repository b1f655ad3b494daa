#!/bin/bash
# bench/run.sh - `make bench`: mimeo against the LaTeX exam class and
# against the libharu floor, on the same 12-problem worksheet, in one run.
# Prints a table of times and ratios and writes it to out/bench.md.
#
# Every ratio is paired (bench/pair.c): the two commands run in turn,
# BENCH_RUNS rounds (default 7), and the ratio is the median of the
# rounds' ratios, so a machine busier in one round than another moves
# both sides alike; times are CPU seconds (user + system) less an empty
# shell's, medians.  Instruction counts (callgrind) are the noise-free
# figure.  pdflatex runs twice, as "Page 1 of 2" needs (bench/fractions12.tex
# numbers each copy's pages as mimeo does); the one-pass figure is shown
# beside it.  BASE_MIMEO=path (a mimeo built at 111a0d9~1, before
# shaping) adds the row of instructions now against before shaping.
set -euo pipefail

MIMEO=${MIMEO:-./mimeo}
FLOOR=${FLOOR:-bench/floor}
PAIR=${PAIR:-bench/pair}
RUNS=${BENCH_RUNS:-7}
WORK=out/bench
BENCH=$(cd bench && pwd)
REG=$(fc-match -f '%{file}' 'Andika:style=Regular')
BOLD=$(fc-match -f '%{file}' 'Andika:style=Bold')
SET=bench/fractions12.yaml

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$WORK"
mkdir -p "$WORK/tex"

# Rosters: the 30 committed names; 1, 300, 3000 and 20000 made from them.
head -n 2 bench/roster30.csv > "$WORK/roster1.csv"
for n in 300 3000 20000; do
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

# pair NAME_A NAME_B 'A' 'B': medians into W/C (wall, CPU seconds), R
# (peak KiB), and the paired ratios B/A into RW/RC under "NAME_B/NAME_A".
declare -A W C R RW RC
pair() {
	local a=$1 b=$2 out
	out=$($PAIR "$RUNS" "$3" "$4") || return 1
	read -r W[$a] C[$a] W[$b] C[$b] RW[$b/$a] RC[$b/$a] R[$a] R[$b] \
	    <<<"$out"
}
tex() {	# tex JOB PASSES: pdflatex of the exam class for JOB-roster.tex
	local i cmd="cd $WORK/tex"
	for ((i = 0; i < $2; i++)); do
		cmd="$cmd && pdflatex -interaction=batchmode -halt-on-error"
		cmd="$cmd -jobname $1 $BENCH/fractions12.tex"
	done
	echo "$cmd"
}
mimeo_ws() {	# mimeo_ws N [OPTIONS]: the class set of N students
	local n=$1
	shift
	echo "$MIMEO worksheet -q --simplex $* --roster $WORK/roster$n.csv" \
	    "-o $WORK/m$n.pdf $SET"
}
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
bytes() { stat -c %s "$1"; }

echo "bench: mimeo against pdflatex (two passes, and one), 1 and 30 students" >&2
for n in 1 30; do
	pair "mimeo$n" "tex$n" "$(mimeo_ws $n)" "$(tex c$n 2)"
	pair "mimeo${n}b" "tex${n}x1" "$(mimeo_ws $n)" "$(tex c$n 1)"
done
PER_COPY=$(( $(pages "$WORK/m30.pdf") / 30 ))

echo "bench: mimeo against the libharu floor, 30 students" >&2
pair floor30 mimeo30f "$FLOOR $REG $BOLD $WORK/roster30.csv $PER_COPY \
$WORK/floor30.pdf" "$(mimeo_ws 30)"

echo "bench: 300, 3000 and 20000 students" >&2
declare -A OK
for n in 300 3000 20000; do
	if pair "mimeo$n" "none$n" "$(mimeo_ws $n)" ":" 2>/dev/null; then
		OK[$n]=1
	else
		OK[$n]=0
		$MIMEO worksheet -q --simplex --roster "$WORK/roster$n.csv" \
		    -o "$WORK/m$n.pdf" $SET 2> "$WORK/m$n.err" || true
	fi
done

# mimeo_wk N: the same class set's worksheet AND key, one version: what
# a per-student run (worksheet and key) is weighed against
mimeo_wk() { echo "$MIMEO -q --simplex --roster $WORK/roster$1.csv -o $WORK/wk$1/ $SET"; }

echo "bench: 3 versions and the key; one version per student" >&2
pair mimeov30 texv30 "$MIMEO -q --simplex --versions 3 --roster \
$WORK/roster30.csv -o $WORK/v/ $SET" "$(tex v30 2)"
pair mimeo30p mimeops30 "$(mimeo_wk 30)" "$MIMEO -q --simplex --versions \
per-student --roster $WORK/roster30.csv -o $WORK/ps30/ $SET"
pair mimeo3000p mimeops3000 "$(mimeo_wk 3000)" "$MIMEO -q --simplex \
--versions per-student --roster $WORK/roster3000.csv -o $WORK/ps3000/ $SET"
pair mimeo3000k mimeopsk3000 "$(mimeo_wk 3000)" "$MIMEO -q --simplex \
--versions per-student --key full --roster $WORK/roster3000.csv \
-o $WORK/psk3000/ $SET"
# The same where every student's draw differs (a set with variables):
# each copy laid out in full, each worked key of its own.
FSET=bench/figures12.yaml
pair figs300 figsps300 "$MIMEO worksheet -q --simplex --roster \
$WORK/roster300.csv -o $WORK/fv300.pdf $FSET" "$MIMEO -q --simplex \
--versions per-student --roster $WORK/roster300.csv -o $WORK/fps300/ $FSET"

echo "bench: PNG, SVG and PostScript against PDF, one copy" >&2
for f in png svg ps; do
	pair "pdf1$f" "$f" "$MIMEO worksheet -q -o $WORK/f1.pdf $SET" \
	    "$MIMEO worksheet -q --format $f -o $WORK/$f/ $SET"
done

# Figures (issue 17): a class set drawing a figure in each of its 12
# problems, against the same set without its figure: lines.
echo "bench: 30 students with and without figures" >&2
grep -v '^    figure: ' bench/figures12.yaml > "$WORK/figures12-plain.yaml"
FIGS="$MIMEO worksheet -q --simplex --roster $WORK/roster30.csv -o $WORK/f30.pdf bench/figures12.yaml"
PLAIN="$MIMEO worksheet -q --simplex --roster $WORK/roster30.csv -o $WORK/p30.pdf $WORK/figures12-plain.yaml"
pair plain30 figs30 "$PLAIN" "$FIGS"

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
instr_of mimeo30 . "$(mimeo_ws 30)"
instr_of floor30 . "$FLOOR $REG $BOLD $WORK/roster30.csv $PER_COPY" \
    "$WORK/floor30.pdf"
instr_of tex30 "$WORK/tex" "pdflatex -interaction=batchmode" \
    "-halt-on-error -jobname c30 $BENCH/fractions12.tex"
I[tex30x2]=$(( I[tex30] * 2 ))
instr_of figs30 . "$FIGS"
instr_of plain30 . "$PLAIN"
# What shaping costs (issue 20): BASE_MIMEO names a mimeo built by hand
# at the commit before shaping (111a0d9~1), run on the same class set;
# bench builds no old commit itself.
if [ -n "${BASE_MIMEO:-}" ]; then
	instr_of base30 . "$BASE_MIMEO worksheet -q --simplex --roster" \
	    "$WORK/roster30.csv -o $WORK/base30.pdf $SET"
fi

# ---- the report ------------------------------------------------------
ms() { awk -v s="$1" 'BEGIN { printf "%.1f ms", s * 1000 }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
x() { awk -v r="$1" 'BEGIN { printf "%.1f×", r }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
met() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN {
	ok = op == ">=" ? v >= l : op == "<=" ? v <= l : v < l
	print ok ? "yes" : "**no**" }'; }
perpage() { awk -v b="$(bytes "$1")" -v p="$(pages "$1")" \
	'BEGIN { printf "%.0f", b / p }'; }

{
echo "## mimeo benchmark"
echo
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')),"\
    "$(free -g | awk '/^Mem:/ { print $2 }') GB RAM;" \
    "$($MIMEO --version 2>&1 | head -n 1), $(pdflatex --version | head -n 1)."
echo "Load average at the start: $LOAD. $RUNS paired rounds a row;"\
    "CPU seconds, medians; worksheet $SET, $PER_COPY pages a copy, one-sided."
echo
echo "| students | mimeo | pdflatex ×2 | speed-up (paired) | pdflatex ×1 | speed-up | mimeo peak RSS | mimeo bytes/page | pdflatex bytes/page |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for n in 1 30; do
	printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" \
	    "$(ms "${C[mimeo$n]}")" "$(ms "${C[tex$n]}")" \
	    "$(x "${RC[tex$n/mimeo$n]}")" "$(ms "${C[tex${n}x1]}")" \
	    "$(x "${RC[tex${n}x1/mimeo${n}b]}")" "$(mb "${R[mimeo$n]}")" \
	    "$(perpage "$WORK/m$n.pdf")" "$(perpage "$WORK/tex/c$n.pdf")"
done
for n in 300 3000 20000; do
	if [ "${OK[$n]}" = 1 ]; then
		printf '| %s | %s | - | - | - | - | %s | %s | - |\n' "$n" \
		    "$(ms "${C[mimeo$n]}")" "$(mb "${R[mimeo$n]}")" \
		    "$(perpage "$WORK/m$n.pdf")"
	else
		printf '| %s | refused: %s | - | - | - | - | - | - | - |\n' \
		    "$n" "$(head -n 1 "$WORK/m$n.err" | cut -c1-80)"
	fi
done
echo
echo "| comparison | measured | target | met |"
echo "| --- | --- | --- | --- |"
echo "| 30 students: pdflatex (2 passes) / mimeo, CPU, paired | $(x "${RC[tex30/mimeo30]}") | ≥ 20× | $(met "${RC[tex30/mimeo30]}" ">=" 20) |"
echo "| 30 students: pdflatex (1 pass) / mimeo, CPU, paired | $(x "${RC[tex30x1/mimeo30b]}") | - | - |"
echo "| 30 students, instructions: pdflatex (2 passes) / mimeo | $(x "$(ratio "${I[tex30x2]}" "${I[mimeo30]}")") | ≥ 20× | $(met "$(ratio "${I[tex30x2]}" "${I[mimeo30]}")" ">=" 20) |"
echo "| 30 students: mimeo / libharu floor, CPU, paired | $(ratio "${RC[mimeo30f/floor30]}" 1)× | ≤ 1.5× | $(met "${RC[mimeo30f/floor30]}" "<=" 1.5) |"
echo "| 30 students, instructions: mimeo / floor | $(ratio "${I[mimeo30]}" "${I[floor30]}")× | ≤ 1.5× | $(met "$(ratio "${I[mimeo30]}" "${I[floor30]}")" "<=" 1.5) |"
echo "| 30 students, 3 versions + key: pdflatex / mimeo ($(pages "$WORK/tex/v30.pdf") and $(( $(pages "$WORK/v/fractions12.pdf") + $(pages "$WORK/v/fractions12-key.pdf") )) pages) | $(x "${RC[texv30/mimeov30]}") | - | - |"
echo "| one version per student / one version (each: worksheet and key; the per-student key a table), 30 students | $(x "${RC[mimeops30/mimeo30p]}") | - | - |"
echo "| one version per student / one version (each: worksheet and key), 3000 students ($(mb "${R[mimeops3000]}"); key $(pages "$WORK/ps3000/fractions12-key.pdf") pages, $(perpage "$WORK/ps3000/fractions12-key.pdf") bytes/page) | $(x "${RC[mimeops3000/mimeo3000p]}") | ≤ 3× | $(met "${RC[mimeops3000/mimeo3000p]}" "<=" 3) |"
echo "| peak RSS, one version per student, 3000 students | $(mb "${R[mimeops3000]}") | < 64 MB | $(met "${R[mimeops3000]}" "<" 65536) |"
echo "| the same with --key full (one worked key: every student draws alike) | $(x "${RC[mimeopsk3000/mimeo3000k]}") ($(mb "${R[mimeopsk3000]}")) | - | - |"
echo "| one version per student / one version, 300 students of $FSET (every draw different) | $(x "${RC[figsps300/figs300]}") ($(mb "${R[figsps300]}")) | - | - |"
echo "| 30 students, a figure in each of 12 problems / the same without figures, CPU, paired ($(pages "$WORK/f30.pdf") and $(pages "$WORK/p30.pdf") pages) | $(x "${RC[figs30/plain30]}") | - | - |"
echo "| 30 students, instructions: with figures / without | $(ratio "${I[figs30]}" "${I[plain30]}")× | - | - |"
for f in png svg ps; do
	echo "| $f / pdf, one copy ($(ls "$WORK/$f" | wc -l) files, $(du -sb "$WORK/$f" | cut -f1) bytes; $(awk -v b="$(du -sb "$WORK/$f" | cut -f1)" -v p="$(pages "$WORK/f1.pdf")" 'BEGIN { printf "%.0f", b / p }') bytes/page, the PDF's $(perpage "$WORK/f1.pdf")) | $(x "${RC[$f/pdf1$f]}") | - | - |"
done
if [ -n "${I[base30]:-}" ]; then
	echo "| 30 students, instructions: now / before shaping (BASE_MIMEO; $(awk -v i="${I[mimeo30]}" 'BEGIN { printf "%.1f M", i / 1e6 }') / $(awk -v i="${I[base30]}" 'BEGIN { printf "%.1f M", i / 1e6 }')) | $(ratio "${I[mimeo30]}" "${I[base30]}")× | ≤ 1.1× | $(met "$(ratio "${I[mimeo30]}" "${I[base30]}")" "<=" 1.1) |"
fi
if [ "${OK[3000]}" = 1 ] && [ "${OK[300]}" = 1 ]; then
	echo "| peak RSS 3000 / 300 students | $(ratio "${R[mimeo3000]}" "${R[mimeo300]}")× | ≤ 1.3× | $(met "$(ratio "${R[mimeo3000]}" "${R[mimeo300]}")" "<=" 1.3) |"
fi
} | tee out/bench.md
