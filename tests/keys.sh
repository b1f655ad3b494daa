# The key of --versions per-student (issue 23), sourced by tests/run.sh
# (uses ok, bad, pdftext, $T, $MIMEO): the table of every student's
# answers alone by default; with --key full a worked key per different
# draw after it, each named in the table with the page it starts on.
# Everything is read back from the PDFs and checked against the
# students' own copies.

K=$T/keys
mkdir -p "$K"
KS=tests/e2e/math-vary.yaml		# one problem, a of 6 values
KR=tests/rosters/class10.csv

"$MIMEO" -q --simplex --versions per-student --roster $KR -o "$K/t/" $KS 2>"$K/err" &&
	ok || bad "keys: per-student run fails: $(head -2 "$K/err")"
"$MIMEO" -q --simplex --versions per-student --key full --roster $KR \
	-o "$K/f/" $KS 2>"$K/err" && ok || bad "keys: --key full fails: $(head -2 "$K/err")"

# Each student's draw, from their own copy (one page each, in roster
# order): the fraction in the prompt.
for i in $(seq 1 10); do
	pdftext "$K/f/math-vary.pdf" $i | sed -n 's/^1\. Write \([0-9]*\/7\) as.*/\1/p'
done >"$K/draws"
tail -n +2 $KR | cut -d, -f1 >"$K/names"
[ "$(grep -c . "$K/draws")" = 10 ] && ok || bad "keys: not 10 draws read from the copies: $(cat "$K/draws")"
ndraws=$(sort -u "$K/draws" | grep -c .)
[ "$ndraws" -gt 1 ] && [ "$ndraws" -lt 10 ] && ok ||
	bad "keys: the fixture should have students who share a draw ($ndraws different of 10)"

# The default key: the table with every student's name and answer, and
# nothing else; the note says how to get the worked keys.
[ "$(pages "$K/t/math-vary-key.pdf")" = 1 ] && ok || bad "keys: default key is not its table's one page"
pdftotext -layout "$K/t/math-vary-key.pdf" "$K/t.txt"
i=0
while IFS= read -r name; do
	i=$((i + 1))
	d=$(sed -n "${i}p" "$K/draws")
	grep -Eq "^$name +$d\$" "$K/t.txt" && ok || bad "keys: default table lacks \"$name  $d\""
done <"$K/names"
grep -q 'Worked key' "$K/t.txt" && bad "keys: default key names a worked key" || ok
[ "$(qpdf --json --json-key=outlines "$K/t/math-vary-key.pdf" | grep -c '"title": ')" -le 1 ] && ok ||
	bad "keys: default key has bookmarks past the table"
tr '\n' ' ' <"$K/t.txt" | tr -s ' ' | grep -q "this key is a table of every student's answers.*--key full" &&
	ok || bad "keys: default key does not say it is the table only and how to get more"
"$MIMEO" -q --simplex --versions per-student --key table --roster $KR -o "$K/tt/" $KS &&
	cmp -s "$K/t/math-vary-key.pdf" "$K/tt/math-vary-key.pdf" && ok || bad "keys: --key table differs from the default"

# --key full: as many worked keys as different draws, in roster order of
# their first student; each student's row names one whose problem is
# the student's own, on the page it gives.
F=$K/f/math-vary-key.pdf
qpdf --json --json-key=outlines "$F" | grep -o '"title": "Worked key [0-9]*"' | sed 's/.*key //; s/"//' >"$K/marks"
[ "$(cat "$K/marks" | tr '\n' ' ')" = "$(seq 1 $ndraws | tr '\n' ' ')" ] && ok ||
	bad "keys: bookmarks $(cat "$K/marks" | tr '\n' ' '), want worked keys 1 to $ndraws"
[ "$(pages "$F")" = $((1 + ndraws)) ] && ok || bad "keys: --key full has $(pages "$F") pages, want 1 + $ndraws"
pdftotext -layout -f 1 -l 1 "$F" "$K/f.txt"
i=0
seen=""
while IFS= read -r name; do
	i=$((i + 1))
	d=$(sed -n "${i}p" "$K/draws")
	row=$(grep -E "^$name +[0-9]+, p\. [0-9]+ +$d\$" "$K/f.txt")
	[ -n "$row" ] && ok || { bad "keys: full table lacks a row for $name ($d)"; continue; }
	k=$(sed -E 's/.* ([0-9]+), p\. ([0-9]+) .*/\1/' <<<"$row")
	p=$(sed -E 's/.* ([0-9]+), p\. ([0-9]+) .*/\2/' <<<"$row")
	pdftext "$F" "$p" | tr '\n' ' ' >"$K/page"
	grep -q "Answer Key — Worked key $k " "$K/page" && grep -q "Write $d as" "$K/page" &&
		grep -q "Answer: $d" "$K/page" && ok ||
		bad "keys: $name's worked key $k on page $p is not theirs ($d): $(cat "$K/page")"
	# a student with a draw seen before shares its worked key
	prev=$(grep -m1 "^$d " <<<"$seen" | cut -d' ' -f2)
	[ -z "$prev" ] || [ "$prev" = "$k" ] && ok || bad "keys: $name ($d) has worked key $k, an earlier one $prev"
	[ -n "$prev" ] || seen="$seen$d $k
"
done <"$K/names"
tr '\n' ' ' <"$K/f.txt" | tr -s ' ' | grep -q "share a worked key" && ok ||
	bad "keys: --key full does not say how worked keys are shared"

# The students' copies are the same either way and carry no key.
cmp -s "$K/t/math-vary.pdf" "$K/f/math-vary.pdf" && ok || bad "keys: --key changes the worksheets"
pdftotext "$K/f/math-vary.pdf" - | grep -q 'Worked key\|Answer Key\|--key' &&
	bad "keys: a student copy carries key words" || ok
# the same run twice: the same bytes
"$MIMEO" -q --simplex --versions per-student --key full --roster $KR -o "$K/f2/" $KS &&
	cmp -s "$F" "$K/f2/math-vary-key.pdf" && ok || bad "keys: --key full is not deterministic"

# Spanish: the note and the column in Spanish.
"$MIMEO" -q key --lang es --versions per-student --key full --roster $KR -o "$K/es.pdf" $KS &&
	pdftotext -layout -f 1 -l 1 "$K/es.pdf" - | tr '\n' ' ' | tr -s ' ' |
	grep -q "Clave resuelta.*, pág\. [0-9]" && ok || bad "keys: Spanish worked key column"

# The command line: --key goes with a per-student key, and takes two words.
out=$("$MIMEO" key --key full $KS 2>&1); st=$?
[ $st = 2 ] && case $out in *"--key chooses what the key of --versions per-student holds"*) true ;; *) false ;; esac &&
	ok || bad "keys: --key without per-student: exit $st: $out"
out=$("$MIMEO" key --versions per-student --roster $KR --key all $KS 2>&1); st=$?
[ $st = 2 ] && case $out in *'--key takes full'*'not "all"'*) true ;; *) false ;; esac &&
	ok || bad "keys: --key all: exit $st: $out"
out=$("$MIMEO" worksheet --versions per-student --roster $KR --key full $KS 2>&1); st=$?
[ $st = 2 ] && ok || bad "keys: worksheet --key full: exit $st: $out"

# A table over several pages, every student drawing alike (a set without
# variables or shuffling): each row has the student's name and the answers,
# and the pages after the first of each table share its drawing of the
# answers (content streams in common: the file does not grow with them).
{ echo "name,period"; for i in 1 2 3; do tail -n +2 bench/roster30.csv | sed "s/,/ $i,/"; done; } >"$K/r90.csv"
"$MIMEO" key -q --simplex --versions per-student --roster "$K/r90.csv" -o "$K/k90.pdf" bench/fractions12.yaml &&
	ok || bad "keys: 90 students fail"
pdftotext -layout "$K/k90.pdf" - | grep -E '^\S.* +5/6 +7/12 +7/10 +11/18 +B +C$' | sed -E 's/ +5\/6.*//' >"$K/k90.rows"
tail -n +2 "$K/r90.csv" | cut -d, -f1 | diff - "$K/k90.rows" >/dev/null && ok ||
	bad "keys: 90 students' rows are not every student with the answers, in order: $(head -3 "$K/k90.rows")"
qpdf --qdf --object-streams=disable "$K/k90.pdf" "$K/k90q.pdf"
n=$(pages "$K/k90.pdf")
shared=$(grep -a -c '/Contents \[' "$K/k90q.pdf")
[ "$n" -ge 6 ] && [ "$shared" -ge $((n / 2)) ] && ok ||
	bad "keys: $shared of the $n pages of 90 alike students' table share a drawing"
