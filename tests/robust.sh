# Nothing hangs, nothing is left behind (issue 24): long lines, special
# files, signals, the file size limit, stale temporaries, strict numbers on
# the command line, and `mimeo list` with links.  Sourced by tests/run.sh
# (ok, bad, MIMEO and T from there).

RB=$T/robust
rm -rf "$RB" && mkdir -p "$RB"
F=problems/math/grade5/adding-fractions.yaml
SLOW=problems/math/grade4/fracciones-equivalentes.yaml

# rb_expect DESC WANT_STATUS WANT_STDERR_PART COMMAND...: exit status and a
# part of standard error, within 20 s (a hang is a failure, not a stall)
rb_expect() {
	local d=$1 st=$2 part=$3 got s
	shift 3
	got=$(timeout 20 "$@" 2>&1 >/dev/null); s=$?
	[ "$s" = "$st" ] && [[ $got == *"$part"* ]] && ok ||
		bad "$d: exit $s (want $st): $(head -c 300 <<<"$got")"
}
# rb_ms COMMAND...: runs it, prints how many milliseconds it took
rb_ms() {
	local start=$(date +%s%N)
	"$@" >/dev/null 2>&1
	echo $((($(date +%s%N) - start) / 1000000))
}
# no temporaries (.mimeo-*) left under DIR
rb_clean() { [ -z "$(find "$1" -name '.mimeo-*' 2>/dev/null)" ]; }

# --- long lines: positions counted once per line, not once per node --------
# A 1 MB flow list on one line (300,000 items; the loader stops at 200,000
# entries, after walking them) and a roster row of 100,000 columns.  Before,
# each node's column was counted from the line's start: minutes for these.
awk 'BEGIN { printf "title: Long\nproblems:\n  - type: short\n    prompt: \"x\"\n    answer: \"1\"\n    hint: ["
	for (i = 0; i < 300000; i++) printf "%d, ", i % 10; print "1]" }' >"$RB/flow.yaml"
ms=$(rb_ms timeout 20 "$MIMEO" check "$RB/flow.yaml")
[ "$ms" -lt 5000 ] && ok || bad "1 MB one-line flow list took $ms ms"
awk 'BEGIN { printf "name"; for (i = 0; i < 100000; i++) printf ",c%d", i; printf "\nAna"
	for (i = 0; i < 99999; i++) printf ",x"; print ",y" }' >"$RB/wide-ok.csv"
ms=$(rb_ms timeout 20 "$MIMEO" worksheet --roster "$RB/wide-ok.csv" -o "$RB/wide/" $F)
[ "$ms" -lt 5000 ] && [ -f "$RB/wide/adding-fractions.pdf" ] && ok ||
	bad "100,000-column roster took $ms ms"
sed '$ s/,y$/,"a"b/' "$RB/wide-ok.csv" >"$RB/wide.csv"
# ... and the column of the mistake at its end is still right
rb_expect "wide roster column" 1 "wide.csv:2:200006: error: text after a closing quote" \
	"$MIMEO" worksheet --roster "$RB/wide.csv" -o "$RB/wide/" $F

# --- special files: refused at once, never waited on ---------------------
mkfifo "$RB/fifo.png" "$RB/fifo.yaml"
mkdir -p "$RB/lib/sets" "$RB/lib/pics"
mkfifo "$RB/lib/pics/pic.png" "$RB/lib/sets/pipe.yaml"
printf 'title: A FIFO as a picture\nproblems:\n  - type: short\n    prompt: What is it?\n    image: ../pics/pic.png\n    answer: "1"\n' >"$RB/lib/sets/fifo-pic.yaml"
rb_expect "FIFO picture" 1 'fifo-pic.yaml:5:12: error: problem 1: cannot read image "../pics/pic.png": it is a pipe (FIFO), not a file' \
	"$MIMEO" check "$RB/lib/sets/fifo-pic.yaml"
printf 'packet: FIFO\nplan:\n  - {minutes: 50, do: Work.}\ninclude:\n  - {file: pipe.yaml, as: worksheet}\n' >"$RB/lib/sets/fifo-pk.yaml"
rb_expect "FIFO include" 1 'fifo-pk.yaml:5:12: error: cannot read included file "pipe.yaml": it is a pipe (FIFO), not a file' \
	"$MIMEO" check "$RB/lib/sets/fifo-pk.yaml"
cp $F "$RB/lib/sets/real.yaml"
out=$(timeout 20 "$MIMEO" list "$RB/lib" 2>&1); st=$?
[ $st = 1 ] && grep -q 'pipe.yaml *DOES NOT LOAD: cannot read this file: it is a pipe (FIFO), not a file' <<<"$out" &&
	grep -q 'real.yaml' <<<"$out" && ok || bad "list with a FIFO: exit $st: $out"
rb_expect "folder as roster" 1 "cannot read the roster: it is a folder, not a file" \
	"$MIMEO" worksheet --roster "$RB/lib" -o "$RB/x/" $F
rb_expect "device as set" 1 "/dev/zero: error: cannot read this file: it is a device, not a file" \
	"$MIMEO" check /dev/zero
rb_expect "folder as set" 1 "error: cannot read this file: it is a folder, not a file" \
	"$MIMEO" check "$RB/lib"
rm -rf "$RB/x"
[ ! -e "$RB/x" ] && ok || bad "a refused roster left $RB/x"
# pipes are how a set or a roster is passed: <(...) and "-"
"$MIMEO" -q worksheet --roster <(cat tests/rosters/class10.csv) -o "$RB/pipe.pdf" $F &&
	pdftotext "$RB/pipe.pdf" - | grep -q 'Ben Okafor' && ok || bad "roster from <(...)"
"$MIMEO" -q worksheet -o "$RB/stdin/" - <$F && [ -f "$RB/stdin/stdin.pdf" ] &&
	pdftotext "$RB/stdin/stdin.pdf" - | grep -q 'Adding and Subtracting' && ok || bad "set from -"
"$MIMEO" -q worksheet -o "$RB/subst.pdf" <(cat $F) && [ -f "$RB/subst.pdf" ] && ok ||
	bad "set from <(...)"
# a named FIFO given as the set is read as a stream, once a writer comes
(sleep 1; cat $F >"$RB/fifo.yaml") &
out=$(timeout 20 "$MIMEO" check "$RB/fifo.yaml" 2>&1) && [[ $out == *"ok: "* ]] && ok ||
	bad "named FIFO as the set: $out"
wait

# --- signals and the file size limit: the run's temporaries go ------------
(echo name; for i in $(seq 1 5000); do echo "Student $i"; done) >"$RB/big.csv"
for sig in INT TERM HUP; do
	rm -rf "$RB/sig"
	# env: a background job of a script starts with SIGINT ignored
	env --default-signal="$sig" "$MIMEO" -q worksheet --roster "$RB/big.csv" \
		--versions per-student -o "$RB/sig/new/" $SLOW &
	pid=$!
	for i in $(seq 1 400); do
		[ -n "$(find "$RB/sig" -name '.mimeo-*' 2>/dev/null)" ] && break
		sleep 0.05
	done
	kill -"$sig" $pid
	wait $pid 2>/dev/null; st=$?
	want=$((128 + $(kill -l "$sig")))
	[ "$st" = "$want" ] && [ ! -e "$RB/sig" ] && ok ||
		bad "SIG$sig during a class set: exit $st (want $want), left: $(find "$RB/sig" 2>/dev/null | head -3)"
done
rm -rf "$RB/fsz" && mkdir -p "$RB/fsz"
got=$( (ulimit -f 1000; exec "$MIMEO" -q worksheet --roster "$RB/big.csv" --versions per-student \
	-o "$RB/fsz/" $SLOW) 2>&1); st=$?
[ $st = 3 ] && [[ $got == *"File too large (larger than the limit on a file's size that this shell sets, ulimit -f"* ]] &&
	[ -z "$(ls -A "$RB/fsz")" ] && ok || bad "ulimit -f: exit $st: $got; left: $(ls -A "$RB/fsz")"
# a temporary of mimeo's naming over a day old is swept from a folder the
# run writes to; a fresh one (a run at work) and other names are not
mkdir -p "$RB/stale"
touch "$RB/stale/.mimeo-aB3dE9" "$RB/stale/.mimeo-zzzzzz" "$RB/stale/.mimeo-notours1" "$RB/stale/keep.txt"
touch -d '2 days ago' "$RB/stale/.mimeo-aB3dE9" "$RB/stale/.mimeo-notours1" "$RB/stale/keep.txt"
"$MIMEO" -q worksheet -o "$RB/stale/" $F
[ "$(ls -A "$RB/stale" | tr '\n' ' ')" = ".mimeo-notours1 .mimeo-zzzzzz adding-fractions.pdf keep.txt " ] && ok ||
	bad "stale temporaries: $(ls -A "$RB/stale" | tr '\n' ' ')"
# standard output closed: -o /dev/stdout is an error, not /dev/stdout.pdf
rm -f /dev/stdout.pdf 2>/dev/null
got=$("$MIMEO" -q worksheet -o /dev/stdout $F 2>&1 >&-); st=$?
[ $st = 3 ] && [[ $got == *"cannot write /dev/stdout: it leads to a file descriptor that is not open"* ]] &&
	[ ! -e /dev/stdout.pdf ] && ok || bad "-o /dev/stdout closed: exit $st: $got"
# a device's document is made in TMPDIR first: a missing one is said
rb_expect "missing TMPDIR" 3 "cannot make a temporary file in $RB/no-such-dir (No such file or directory), where a document for a device or a pipe is made first; set TMPDIR" \
	env TMPDIR="$RB/no-such-dir" "$MIMEO" -q worksheet -o /dev/null $F

# --- strict numbers on the command line ------------------------------------
rb_expect "seed over 2^64-1" 2 '--seed needs a whole number from 0 to 18446744073709551615 (2^64 - 1), not "99999999999999999999999"' \
	"$MIMEO" check --seed 99999999999999999999999 $F
rb_expect "seed 2^64" 2 'not "18446744073709551616"' "$MIMEO" check --seed 18446744073709551616 $F
rb_expect "seed with a sign" 2 'not "+5"' "$MIMEO" check --seed +5 $F
# the biggest seeds are seeds of their own, not clamped to one
"$MIMEO" -q worksheet --seed 18446744073709551615 -o "$RB/s1.pdf" tests/e2e/vars.yaml &&
	"$MIMEO" -q worksheet --seed 9223372036854775807 -o "$RB/s2.pdf" tests/e2e/vars.yaml &&
	! cmp -s <(pdftotext "$RB/s1.pdf" -) <(pdftotext "$RB/s2.pdf" -) && ok ||
	bad "--seed 2^64-1 and 2^63-1 give the same papers"

# --- mimeo list: links, loops, names --------------------------------------
L=$RB/listing
mkdir -p "$L/lib/a" "$RB/outside"
cp $F "$L/lib/a/one.yaml"
cp problems/math/grade5/adding-fractions.yaml "$RB/outside/away.yaml"
ln -s .. "$L/lib/a/loop"                 # a loop
ln -s ../../outside "$L/lib/a/out"       # out of the folder
ln -s one.yaml "$L/lib/a/same.yaml"      # the same file again
cp $F "$L/lib/$(printf 'bad\033[31mname.yaml')"
out=$(timeout 20 "$MIMEO" list "$L/lib" 2>&1); st=$?
rows=$(grep -c '\.yaml' <<<"$out")
[ $st = 0 ] && [ "$rows" = 2 ] && ! grep -q 'away\|loop\|same' <<<"$out" &&
	grep -qF 'bad\x1B[31mname.yaml' <<<"$out" && ! grep -q $'\033' <<<"$out" && ok ||
	bad "list with links: exit $st, $rows rows: $out"

# --- a district's class set: memory flat in the class, 20,000 students -----
# The PDF is written page by page (gen/render/pdf_stream.c): 3000 students take
# about 1.3 times the memory of 300 (3.5 times when the whole document
# was kept), and 20,000 (19,980 names: the bench's roster) work, with
# their bookmarks and page numbers right to the last copy.
for n in 300 3000 20000; do	# the 30 names again and again, numbered
	awk -v n=$n 'NR == 1 { print; next } { r[NR] = $0 }
	    END { for (i = 1; i <= n / 30; i++) for (k = 2; k <= NR; k++) {
		s = r[k]; sub(/,/, " " i ",", s); print s } }' \
	    bench/roster30.csv > "$RB/roster$n.csv"
done
# peak resident memory (KB) of a command, -1 if it fails
rb_rss() {
	python3 -c 'import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)' "$@"
}
# ... of a class set of n students, into $RB/cs$n.pdf
rb_peak() {
	rb_rss "$MIMEO" worksheet -q --simplex --roster "$RB/roster$1.csv" \
	    -o "$RB/cs$1.pdf" bench/fractions12.yaml
}
# (Under ASan, whose quarantine holds freed memory back by design, the
# ratio means nothing: there only that both runs work and the file is
# sound.)
case $MIMEO in *asan*) rb_ratio= ;; *) rb_ratio=1.4 ;; esac
k300=$(rb_peak 300); k3000=$(rb_peak 3000)
[ "$k300" -gt 0 ] && [ "$k3000" -gt 0 ] && qpdf --check "$RB/cs3000.pdf" >/dev/null 2>&1 &&
	{ [ -z "$rb_ratio" ] || awk -v a="$k300" -v b="$k3000" -v r="$rb_ratio" 'BEGIN { exit !(b <= r * a) }'; } && ok ||
	bad "class set memory: 300 students $k300 KB, 3000 students $k3000 KB (more than $rb_ratio times)"
# A draw per student, 3000 students: worksheet and the answer table's key
# under the 64 MB issue 23 asks (62 MB measured; 69 before the key came
# first, its pages held no spare room and large blocks were mapped apart).
# Not under ASan, whose shadow memory is most of any peak.
case $MIMEO in *asan*) ;; *)
kps=$(rb_rss "$MIMEO" -q --simplex --versions per-student --roster \
    "$RB/roster3000.csv" -o "$RB/ps3000/" bench/fractions12.yaml)
[ "$kps" -gt 0 ] && [ "$kps" -lt 65536 ] &&
	[ "$(pdfinfo "$RB/ps3000/fractions12-key.pdf" | awk '/^Pages:/ { print $2 }')" = 251 ] &&
	pdftotext -l 1 "$RB/ps3000/fractions12-key.pdf" - | grep -q 'José Núñez 1' && ok ||
	bad "per-student key of 3000 students: peak $kps KB (64 MB allowed)"
rm -rf "$RB/ps3000" ;;
esac
k20000=$(timeout 60 bash -c "$(declare -f rb_rss rb_peak); RB=$RB MIMEO=$MIMEO rb_peak 20000")
marks=$(qpdf --json --json-key=outlines "$RB/cs20000.pdf" 2>/dev/null | python3 -c '
import json, sys
o = json.load(sys.stdin)["outlines"]
print(len(o), o[0]["title"], o[0]["destpageposfrom1"], "|", o[-1]["title"], o[-1]["destpageposfrom1"])' 2>/dev/null)
# (qpdf --check of 59,940 pages takes a minute: checked on 3000 above)
[ "${k20000:--1}" -gt 0 ] &&
	[ "$(pdfinfo "$RB/cs20000.pdf" | awk '/^Pages:/ { print $2 }')" = 59940 ] &&
	[ "$marks" = "19980 José Núñez 1 1 | Owen Murphy 666 59938" ] &&
	pdftotext -f 59938 -l 59938 "$RB/cs20000.pdf" - | grep -q 'Owen Murphy 666' &&
	pdftotext -f 59940 -l 59940 "$RB/cs20000.pdf" - | grep -q 'Page 3 of 3' && ok ||
	bad "20,000 students: peak ${k20000:-?} KB, bookmarks: $marks"
rm -f "$RB"/cs*.pdf "$RB"/roster*.csv
