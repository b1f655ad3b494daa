# Marking without a scanner (SPEC section 10), sourced by tests/run.sh
# (uses ok, bad, check, $T, $MIMEO, and pdftext/pages from tests/e2e.sh):
# the answer table of every key, feedback, answer strips, the tally grid.

M=tests/marking
MO=$T/marking
mkdir -p "$MO"

# bbox_words PDF [FIRST LAST]: "PAGE XMIN YMAX WORD" per word
bbox_words() {
	pdftotext -bbox ${2:+-f "$2" -l "$3"} "$1" - 2>/dev/null | awk -F'"' '
		/<page / { p++ }
		/<word / { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
			   print p, $2, $8, w }'
}

# strips_level WORKSHEET KEY FIRST LAST COLS WANT: every answer on the
# strip pages FIRST-LAST of KEY sits level (within 1.5 pt) with its answer
# space on the worksheet page its column goes with (COLS to a strip page,
# the k-th column of all on worksheet page k): a short
# answer with "Answer:", a blank's with its prompt's line ("Africa"), a
# choice's letters with the row of "A.", True with the True of its row,
# match answers "2-C" with the row "2.", order numbers with an item, an
# open problem's dash with its prompt ("Why").  WANT answers are checked.
strips_level() {
	local ws=$MO/ws.words st=$MO/strip.words got
	bbox_words "$1" >"$ws"
	bbox_words "$2" "$3" "$4" >"$st"
	got=$(awk -v cols="$5" -v width="$(pdfinfo "$2" | awk '/^Page size/ {print $3}')" \
	    -v height="$(pdfinfo "$2" | awk '/^Page size/ {print $5}')" '
		FNR == NR { n[$1]++; wp[$1, n[$1]] = $4; wx[$1, n[$1]] = $2; wy[$1, n[$1]] = $3; next }
		$3 < 45 || $3 > height - 50 || $4 ~ /^[0-9]+\.$/ { next }
		{
			colw = (width - 108) / cols; col = int(($2 - 54) / colw); pg = ($1 - 1) * cols + col + 1
			w = $4; re = ""; minx = 0
			if (w == "Everest") re = "^Answer:$"
			else if (w == "Nile") re = "^Africa$"
			else if (w == "True") re = "^True$"
			else if (w ~ /^[123]\xe2\x80\x91[A-C]$/) { re = "^" substr(w, 1, 1) "\\.$"; minx = 80 }
			else if (w ~ /^[123]$/) re = "^(Village|Town|Metropolis)$"
			else if (w ~ /^[A-D],?$/) re = "^A\\.$"
			else if (w == "\xe2\x80\x94") re = "^Why$"
			if (re == "") { print "unexpected strip word " w; next }
			best = 1e9
			for (i = 1; i <= n[pg]; i++)
				if (wp[pg, i] ~ re && wx[pg, i] > minx) {
					d = wy[pg, i] - $3; if (d < 0) d = -d
					if (d < best) best = d
				}
			if (best > 1.5) print "strip " w " (column " col + 1 ") is " best " pt from its answer space"
			else checked++
		}
		END { print "checked " checked + 0 }' "$ws" "$st")
	if grep -q "^checked $6\$" <<<"$got" && ! grep -vq '^checked' <<<"$got"; then ok
	else bad "strips of $1: $(tr '\n' ';' <<<"$got") (want $6 checked)"; fi
}

# --- answer strips, two versions shuffled: every answer level with its space
"$MIMEO" -q worksheet --versions 2 -o "$MO/" $M/quiz.yaml
"$MIMEO" -q key --strips --versions 2 -o "$MO/" $M/quiz.yaml
n=$(pages "$MO/quiz-key.pdf")
pdftext "$MO/quiz-key.pdf" "$n" | grep -q "Version B · Page 2" && ok || bad "strips: no column for version B page 2"
strips_level "$MO/quiz.pdf" "$MO/quiz-key.pdf" "$n" "$n" 4 26
# a table's blank cells: each answer level with its row ("2" and "3")
"$MIMEO" -q worksheet -o "$MO/table/" $M/table.yaml
"$MIMEO" -q key --strips -o "$MO/table/" $M/table.yaml
n=$(pages "$MO/table/table-key.pdf")
# (the cells under "Hours", not "Total: 2 points")
cell() { bbox_words "$MO/table/table.pdf" 1 1 | awk -v w="$1" '$4 == "Hours" { h = 1 } h && $4 == w { print $3; exit }'; }
y2=$(cell 2); y3=$(cell 3)
s90=$(bbox_words "$MO/table/table-key.pdf" "$n" "$n" | awk '$4 == "90" { print $3; exit }')
s135=$(bbox_words "$MO/table/table-key.pdf" "$n" "$n" | awk '$4 == "135" { print $3; exit }')
awk -v a="$y2" -v b="$s90" -v c="$y3" -v d="$s135" 'BEGIN { exit !(a != "" && c != "" && b != "" && d != "" &&
	(a - b) ^ 2 <= 2.25 && (c - d) ^ 2 <= 2.25) }' && ok ||
	bad "strips: a table's blanks are not level with their rows ($y2/$s90, $y3/$s135)"
# they start on a sheet of their own, bookmarked
[ $((n % 2)) = 1 ] && ok || bad "strips: start on page $n, the back of a sheet"

# in large print (two strips to a page) and on A4, as the copy is laid out
"$MIMEO" -q worksheet --template large-print -o "$MO/lp/" $M/quiz.yaml
"$MIMEO" -q key --strips --template large-print -o "$MO/lp/" $M/quiz.yaml
n=$(pages "$MO/lp/quiz-key.pdf")
strips_level "$MO/lp/quiz.pdf" "$MO/lp/quiz-key.pdf" "$n" "$n" 2 13
"$MIMEO" -q worksheet --paper a4 -o "$MO/a4/" $M/quiz.yaml
"$MIMEO" -q key --strips --paper a4 -o "$MO/a4/" $M/quiz.yaml
n=$(pages "$MO/a4/quiz-key.pdf")
strips_level "$MO/a4/quiz.pdf" "$MO/a4/quiz-key.pdf" "$n" "$n" 4 13
# a roster with large-print students: strips of both sizes, bookmarked
"$MIMEO" -q key --strips --versions 2 --roster tests/rosters/large8.csv -o "$MO/ros/" $M/quiz.yaml
t=$(outline_titles "$MO/ros/quiz-key.pdf" 2>/dev/null || qpdf --json "$MO/ros/quiz-key.pdf" | grep -o '"title": "[^"]*"')
grep -q "Answer strips\"\?$" <<<"$t" && grep -q "Answer strips (large print)" <<<"$t" && ok ||
	bad "strips with a large-print roster: bookmarks are: $(tr '\n' ';' <<<"$t")"
# --strips is the key's
"$MIMEO" worksheet --strips $M/quiz.yaml >/dev/null 2>&1; [ $? = 2 ] && ok || bad "worksheet --strips is not a usage error"
# the same input, the same bytes
"$MIMEO" -q key --strips --versions 2 -o "$MO/again/" $M/quiz.yaml
cmp -s "$MO/quiz-key.pdf" "$MO/again/quiz-key.pdf" && ok || bad "key --strips differs from run to run"

# --- the answer table opens every key: one version too
"$MIMEO" -q key -o "$MO/one/" $M/quiz.yaml
pdftext "$MO/one/quiz-key.pdf" 1 | tr '\n' ' ' | grep -q "Answers at a glance Problem Answer 1 .* Everest" && ok ||
	bad "one-version key: page 1 does not open with the answer table"

# more than 10 problems: two pairs of columns, 1-10 down the left, 11-20
# down the right, all on the first page
"$MIMEO" -q key -o "$MO/one/" $M/quiz-long.yaml
g=$(pdftotext -layout -f 1 -l 1 "$MO/one/quiz-long-key.pdf" - 2>/dev/null)
grep -Eq '^Problem +Answer +Problem +Answer$' <<<"$g" && grep -Eq '^1 +2 +11 +22$' <<<"$g" &&
	grep -Eq '^10 +20 +20 +40$' <<<"$g" && ok || bad "long one-version key: the answer table is not two pairs of columns"

# --- feedback: in the key beside its choice, whichever letter it has;
# never on a student's page
for v in A B; do
	c=0
	for i in $(seq 1 "$(pages "$MO/quiz-key.pdf")"); do
		pt=$(pdftotext -layout -f "$i" -l "$i" "$MO/quiz-key.pdf" -)
		grep -q "Geography check — Version $v " <<<"$pt" || continue
		c=$((c + $(grep -c 'Indian.*— confuses the Indian Ocean' <<<"$pt")))
	done
	[ "$c" = 1 ] && ok || bad "key version $v: the feedback of Indian is beside it $c times, not once"
done
"$MIMEO" -q worksheet --versions 2 --roster tests/rosters/class30.csv -o "$MO/class/" $M/quiz.yaml
for f in "$MO/quiz.pdf" "$MO/class/quiz.pdf" "$MO/lp/quiz.pdf"; do
	pdftotext "$f" - | grep -Eq 'confuses|thinks of the ocean|Guyana' && bad "$f: feedback on a student's page" || ok
done
# feedback on a right answer is printed, and said
printf 'title: Right feedback\nproblems:\n  - type: choice\n    prompt: Which?\n    choices: [a, b]\n    answer: A\n    feedback: {A: knows it}\n' >"$MO/right.yaml"
e=$("$MIMEO" check "$MO/right.yaml" 2>&1 >/dev/null); s=$?
[ $s = 0 ] && grep -q "right.yaml:7:16: warning: problem 1: feedback for A, a right answer" <<<"$e" && ok ||
	bad "feedback on a right answer: status $s, said: $e"

# --- the tally grid: every student in roster order, every problem with
# its points, a total; landscape; the item analysis with each feedback
"$MIMEO" -q tally --versions 2 --roster tests/rosters/class30.csv -o "$MO/" $M/quiz.yaml
"$MIMEO" -q tally -o "$MO/plain/" $M/quiz.yaml
tf=$MO/quiz-tally.pdf
pdfinfo "$tf" | grep -q "Page size: *792 x 612" && ok || bad "tally: not landscape"
txt=$(pdftotext "$tf" - | tr -s ' \n' '  ')
missing=0
while IFS=, read -r name _; do
	name=${name#$'\xef\xbb\xbf'}; name=${name%$'\r'}; name=${name//\"\"/\"}; name=${name#\"}; name=${name%\"}
	[ "$name" = Name ] || [ -z "$name" ] && continue
	grep -qF "$(tr -s ' ' <<<"$name")" <<<"$txt" || { missing=1; bad "tally: student '$name' is not named"; }
done <tests/rosters/class30.csv
[ $missing = 0 ] && ok
# in roster order: the first and the last row
first=$(sed -n 2p tests/rosters/class30.csv | cut -d, -f1 | sed 's/^\xef\xbb\xbf//')
pdftotext "$tf" - | grep -m1 -F -e "$first" -e "Emma Garcia" | grep -qF "$first" && ok || bad "tally: not in roster order"
# the problems across, each with its points, and the total of them
head=$(pdftotext -layout -f 1 -l 1 "$MO/plain/quiz-tally.pdf" - 2>/dev/null | grep -A1 '^Student')
grep -Eq '^Student +1 +2 +3 +4 +5 +6 +7 +8 +Total$' <<<"$head" &&
	[ "$(tail -1 <<<"$head" | grep -o '[0-9] pt' | wc -l)" = 8 ] && grep -q '/ 14$' <<<"$head" && ok ||
	bad "tally: the header is not problems 1-8 with their points and the total: $head"
grep -q "thinks of the ocean they know best" <<<"$txt" && grep -q "mixes up Ghana and Guyana" <<<"$txt" &&
	grep -q "Version A Problem A B C D" <<<"$txt" && ok || bad "tally: the item analysis lacks the feedback or its columns"
"$MIMEO" -q tally --versions 2 --roster tests/rosters/class30.csv -o "$MO/again/" $M/quiz.yaml
cmp -s "$tf" "$MO/again/quiz-tally.pdf" && ok || bad "tally differs from run to run"
# without a roster: 30 numbered rows; a long set: the problems split
# evenly across pages (10 and 10), the names down the side of each
pdftotext "$MO/plain/quiz-tally.pdf" - | grep -qx 30 && ok || bad "tally without a roster: no row 30"
"$MIMEO" -q tally --roster tests/rosters/class30.csv -o "$MO/long/" $M/quiz-long.yaml
lt=$MO/long/quiz-long-tally.pdf
cols() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null | grep '^Student'; }
cols "$lt" 1 | grep -Eq ' 1 +2 .* 10$' && ok || bad "long tally: page 1 is not problems 1-10: $(cols "$lt" 1)"
p=$(for i in $(seq 1 "$(pages "$lt")"); do cols "$lt" "$i" | grep -q ' 11 ' && { echo "$i"; break; }; done)
[ -n "$p" ] && cols "$lt" "$p" | grep -Eq ' 11 .* 20 +Total$' && pdftext "$lt" "$p" | grep -q "José Núñez" && ok ||
	bad "long tally: problems 11-20 have no page with the names and the total"
# each student their own draw: the item grid as written (A is Atlantic)
"$MIMEO" -q tally --versions per-student --roster tests/rosters/class30.csv -o "$MO/ps/" $M/quiz.yaml
pdftotext -layout "$MO/ps/quiz-tally.pdf" - | grep -q "as written in the set" &&
	pdftotext -layout "$MO/ps/quiz-tally.pdf" - | grep -Eq '^1 +Atlantic +Pacific +Indian +Arctic' && ok ||
	bad "tally per student: the item grid is not in the order written"
# in Spanish
"$MIMEO" -q tally --lang es -o "$MO/es/" $M/quiz.yaml
pdftext "$MO/es/quiz-tally.pdf" | grep -q "Cuadrícula de corrección" && ok || bad "tally --lang es: not in Spanish"

# --- a packet may include the strips and the tally grid, teacher's pages
"$MIMEO" -q packet -o "$MO/" $M/lib/packets/marking-day.yaml
pk=$MO/marking-day-packet.pdf
pdftext "$pk" 1 | grep -q "Answer strips: Geography check" && pdftext "$pk" 1 | grep -q "Marking grid: Geography check" && ok ||
	bad "packet: the print list lacks the strips or the tally"
for i in $(seq 1 "$(pages "$pk")"); do
	if pdftext "$pk" "$i" | grep -qE "Answer strips|Marking grid —"; then
		pdftext "$pk" "$i" | grep -q "TEACHER COPY" || bad "packet page $i: strips or tally without the teacher band"
	fi
done; ok
