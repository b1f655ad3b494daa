# Variables and versions end to end, sourced by tests/run.sh (uses ok, bad,
# check, pdftext, pages, $T, $MIMEO).  A 3-version set is printed, read
# back with pdftotext, and every answer in the key's table is checked
# against the numbers printed on that version's student page, recomputed
# here in awk.

V=$T/versions
mkdir -p "$V"
VS=tests/e2e/vars.yaml

"$MIMEO" -q --versions 3 -o "$V/" $VS 2>"$V/err" && ok || bad "versions 3: $(head -2 "$V/err")"
[ "$(pages "$V/vars.pdf")" = 6 ] && ok || bad "versions 3: $(pages "$V/vars.pdf") pages, want 6 (3 copies padded)"
# every page carries its version's letter, the blank pad page too (a
# dropped pile is sorted by it); copy i is pages 2i-1, 2i
for i in 1 2 3; do
	L=$(printf "\\x$(printf %x $((64 + i)))")
	for p in $((2 * i - 1)) $((2 * i)); do
		pdftext "$V/vars.pdf" $p | grep -q "Version $L" && ok ||
			bad "versions: page $p lacks 'Version $L'"
	done
	pdftext "$V/vars.pdf" $((2 * i)) | grep -q "intentionally blank" && ok ||
		bad "versions: page $((2 * i)) is not copy $i's pad page"
done
qpdf --json "$V/vars.pdf" | grep -o '"title": "Version [A-C]"' | tr '\n' ' ' |
	grep -q 'Version A.*Version B.*Version C' && ok || bad "versions: bookmarks Version A, B, C"

# The key's table against each student copy.  For each version column:
# the product problem's cell is a letter whose printed choice is a*b; the
# fraction's cell is (2a + b)/(2b) in lowest terms; the pens' cell n*price.
pdftotext -layout -f 1 -l 1 "$V/vars-key.pdf" "$V/table.txt"
for i in 1 2 3; do
	pdftotext -layout -f $((2 * i - 1)) -l $((2 * i - 1)) "$V/vars.pdf" "$V/copy$i.txt"
	if awk -v col=$((i + 1)) '
		function gcd(a, b) { while (b) { t = a % b; a = b; b = t } return a }
		FNR == NR {
			if ($1 ~ /^[0-9]+$/ && NF >= 4) key[$1] = $col
			next
		}
		/^ *[0-9]+\. / { match($0, /[0-9]+\./); num = substr($0, RSTART, RLENGTH - 1) }
		/What is [0-9]+\/[0-9]+ \+ 1\/2/ {
			match($0, /[0-9]+\/[0-9]+ \+/); split(substr($0, RSTART, RLENGTH - 2), f, "/")
			n = 2 * f[1] + f[2]; d = 2 * f[2]; g = gcd(n, d)
			want = (d / g == 1) ? n / g : (n / g) "/" (d / g)
			if (key[num] != want) { print "problem " num ": key " key[num] ", want " want; bad = 1 }
		}
		/product of/ { match($0, /of [0-9]+ and [0-9]+/); split(substr($0, RSTART + 3, RLENGTH - 3), f, " and ")
			prod = f[1] * f[2]; pnum = num; getline
			if (!match($0, key[pnum] "\\. [0-9]+")) { print "problem " pnum ": letter " key[pnum] " not printed"; bad = 1 }
			else if (substr($0, RSTART + 3, RLENGTH - 3) + 0 != prod) { print "problem " pnum ": " key[pnum] " is not " prod; bad = 1 }
		}
		/pens at/ { match($0, /[0-9]+ pens at \$[0-9.]+/); split(substr($0, RSTART, RLENGTH), f, " pens at \\$")
			want = sprintf("%.2f", f[1] * f[2])
			if (key[num] != want) { print "problem " num ": key " key[num] ", want " want; bad = 1 }
		}
		END { exit bad }' "$V/table.txt" "$V/copy$i.txt" >"$V/cmp$i" 2>&1; then ok
	else bad "versions: key table vs version $i: $(head -3 "$V/cmp$i")"; fi
done
# the worked key of each version follows, with its own subtitle
for L in A B C; do
	pdftext "$V/vars-key.pdf" | grep -q "Answer Key — Version $L" && ok || bad "key lacks the worked key of version $L"
done
# the same seed gives the same bytes; another seed other numbers
"$MIMEO" -q --versions 3 -o "$V/again/" $VS && cmp -s "$V/vars.pdf" "$V/again/vars.pdf" &&
	cmp -s "$V/vars-key.pdf" "$V/again/vars-key.pdf" && ok || bad "versions: not byte-identical"
"$MIMEO" -q --versions 3 --seed 12 -o "$V/other/" $VS
cmp -s "$V/vars.pdf" "$V/other/vars.pdf" && bad "versions: --seed 12 printed the same" || ok
# version A alone is what a set without versions prints
"$MIMEO" -q worksheet -o "$V/one.pdf" $VS
[ "$(pdftext "$V/one.pdf" | grep -c 'What is\|product of\|pens at')" = 3 ] &&
	pdftext "$V/one.pdf" | grep -F "$(pdftext "$V/vars.pdf" 1 | grep 'product of')" >/dev/null && ok ||
	bad "version A differs from the single-version worksheet"
! pdftext "$V/one.pdf" | grep -q "Version" && ok || bad "a single version prints a version label"

# A table too long for a page: 40 problems in 3 versions.  Every page it
# runs onto starts with the header row again, and no row is lost.
{ echo "title: Long Quiz"; echo "problems:"
  for i in $(seq 1 40); do printf '  - type: short\n    vars: {a: 2..9}\n    prompt: "What is {a} + %d?"\n    answer: "{= a + %d}"\n' $i $i; done
} >"$V/long.yaml"
"$MIMEO" -q --versions 3 -o "$V/long/" "$V/long.yaml" 2>"$V/err" || bad "long table: $(head -2 "$V/err")"
for p in 1 2; do
	pdftotext -layout -f $p -l $p "$V/long/long-key.pdf" - | grep -v '^ *$' | grep -v 'Long Quiz\|Answer Key\|Answers by' |
		head -1 | grep -q "^Problem  *A  *B  *C *$" && ok || bad "long table: page $p does not start with the header row"
done
[ "$(pdftotext -layout -f 1 -l 2 "$V/long/long-key.pdf" - | tr -d '\f' | grep -c '^[0-9][0-9]* ')" = 40 ] && ok ||
	bad "long table: not 40 rows on pages 1-2"
[ "$(pdftotext -layout -f 1 -l 2 "$V/long/long-key.pdf" - | grep -c 'Problem  *A  *B  *C')" = 2 ] && ok ||
	bad "long table: the header is not printed once per page"

# Rosters: versions in turn, or the roster's column; per-student draws.
printf 'name,version\nAna López,B\n"O'"'"'Brien, Siobhán",\nZoë,A\n' >"$V/r.csv"
"$MIMEO" -q --versions 2 --roster "$V/r.csv" -o "$V/ros/" $VS 2>/dev/null
txt=$(pdftext "$V/ros/vars-key.pdf" 1 | tr '\n' ' ')
case $txt in *"Who has which version"*"Ana López"*B*"O'Brien, Siobhán"*B*"Zoë"*A*) ok ;;
	*) bad "roster key: who has which version: $txt" ;; esac
# with periods in the roster, the table has a Period column (empty for a
# student without one); without, it has none
printf 'name,period,version\nAna López,2,B\nZoë,,A\n' >"$V/rp.csv"
"$MIMEO" -q key --versions 2 --roster "$V/rp.csv" -o "$V/rp-key.pdf" $VS 2>/dev/null
pdftotext -layout "$V/rp-key.pdf" - | grep -A3 "Who has which version" | tr -s ' ' >"$V/rp.txt"
[ "$(sed -n '2,4p' "$V/rp.txt")" = "Student Period Version
Ana López 2 B
Zoë A" ] && ok || bad "roster key with periods: $(cat "$V/rp.txt")"
pdftotext -layout "$V/ros/vars-key.pdf" - | grep -A1 "Who has which version" | tail -1 | tr -s ' ' |
	grep -qx "Student Version" && ok || bad "roster key without periods has a Period column"
pdftext "$V/ros/vars.pdf" 1 | grep -q "Ana López" && pdftext "$V/ros/vars.pdf" 1 | grep -q "Version B" && ok ||
	bad "roster: Ana's copy is not version B"
# her pad page says whose and which version it is; per student, the name
# is the footer's label already and is not said twice
pdftext "$V/ros/vars.pdf" 2 | grep -q "Version B — Ana López" && ok ||
	bad "roster: Ana's pad page lacks 'Version B — Ana López': $(pdftext "$V/ros/vars.pdf" 2 | tr '\n' ' ')"
"$MIMEO" -q --versions per-student --roster "$V/r.csv" -o "$V/per/" $VS 2>/dev/null
txt=$(pdftext "$V/per/vars-key.pdf" 1 | tr '\n' ' ')
case $txt in *"Answers by student"*"Ana López"*"Zoë"*) ok ;; *) bad "per-student key table: $txt" ;; esac
# by default the key is the table only, and says how to get worked keys
[ "$(pdfinfo "$V/per/vars-key.pdf" | awk '/^Pages:/ { print $2 }')" = 1 ] && ok ||
	bad "per-student key: more than the table's page by default"
qpdf --json "$V/per/vars-key.pdf" | grep -q '"title": "\(Ana López\|Zoë\|Worked key [0-9]*\)"' &&
	bad "per-student key: a worked key by default" || ok
case $txt in *"this key is a table of every student's answers"*"--key full"*) ok ;;
	*) bad "per-student key: no note on what it holds: $txt" ;; esac
[ "$(pdftext "$V/per/vars.pdf" 2 | grep -c "Ana López")" = 1 ] && ok ||
	bad "per-student: Ana's pad page: $(pdftext "$V/per/vars.pdf" 2 | tr '\n' ' ')"
printf 'name,version\nAna,C\nBo,1\n' >"$V/bad.csv"
out=$("$MIMEO" --versions 2 --roster "$V/bad.csv" -o "$V/badr/" $VS 2>&1); st=$?
[ $st = 1 ] && [ ! -e "$V/badr/vars.pdf" ] && [ "$out" = "$V/bad.csv:2:5: error: version C is not printed: --versions 2 prints A to B
$V/bad.csv:3:4: error: version \"1\" must be one letter, A to B
mimeo: 2 errors" ] && ok || bad "roster versions: exit $st: $out"
out=$("$MIMEO" --roster "$V/bad.csv" -o "$V/badr/" $VS 2>&1)
case $out in *"bad.csv:2:5: error: version C is not printed: this run prints one version (add --versions 3 to print A to C)"*) ok ;;
	*) bad "roster version without --versions: $out" ;; esac

# The command line.
"$MIMEO" --versions 0 $VS >/dev/null 2>&1; [ $? = 2 ] && ok || bad "--versions 0 is not exit 2"
"$MIMEO" --versions per-student $VS >/dev/null 2>&1; [ $? = 2 ] && ok || bad "per-student without a roster is not exit 2"
"$MIMEO" --stress 5 $VS >/dev/null 2>&1; [ $? = 2 ] && ok || bad "--stress without check is not exit 2"

# --stress: clean on the fixture; finds a distractor equal to the answer.
check "stress: vars.yaml is clean" "$MIMEO" check -q --stress 500 $VS
out=$(cd tests/e2e && "../../$MIMEO" check -q --stress 300 stress-collide.yaml 2>&1); st=$?
[ $st = 1 ] && [ "$out" = "stress-collide.yaml:10:26: error: problem 1: 5 of 300 draws fail (first: draw 148): choice B reads the same as the right answer A (\"4\") (with a = 2, b = 2)
stress-collide.yaml: stress: 300 draws of each of 1 problem with variables: 1 failing" ] && ok ||
	bad "stress: exit $st: $out"
# after mistakes that plain check finds (problems 2 and 3), --stress still
# draws: problem 1 divides by zero in some draws only
sm=$(cd tests/e2e && "../../$MIMEO" check -q --stress 200 stress-with-mistakes.yaml 2>&1); st=$?
[ $st = 1 ] && case $sm in *"stress-with-mistakes.yaml:6:19: error: problem 1: 28 of 200 draws fail (first: draw 6): this divides by zero (with a = 0, b = 0)"*) true ;; *) false ;; esac &&
	ok || bad "stress after mistakes: exit $st: $sm"
# on a packet: each set it includes, once though included twice
out2=$(cd tests/e2e && "../../$MIMEO" check -q --stress 300 stresspk/day.yaml 2>&1); st=$?
[ $st = 1 ] && [ "$out2" = "$out" ] && ok || bad "stress on a packet: exit $st: $out2"
