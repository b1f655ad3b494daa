# Tables, word banks, hint cards, bonus problems, the grade table and
# new_page (SPEC 8.1, 8.4), sourced by tests/run.sh after cairo.sh (uses
# ok, bad, check, $T, $MIMEO, and cairo_set when $DRV is built).
# tests/e2e/tables.yaml has a section's table, a fixed table (1: blanks
# 90 and 135), a table turned with orientation: columns whose cells are
# drawn per version (2: r, 2r, 3r), a bonus problem with a word bank,
# and hints on problems 1 and 4.  Tables are read back in reading order
# from pdftotext -bbox: each word's row (its top, to the point) and
# column (its centre).

B=$T/tables
rm -rf "$B" && mkdir -p "$B"
set=tests/e2e/tables.yaml

out=$("$MIMEO" check -q "$set" 2>&1) && [ -z "$out" ] && ok || bad "tables: check $set: $out"
"$MIMEO" -q -o "$B/" "$set" && ok || bad "tables: $set does not render"

# words PDF PAGE: "top centre word" per word of the page, in points
words() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null |
	awk -F'"' '/<word / { w = $0; sub(/.*">/, "", w); sub(/<\/word>.*/, "", w)
		printf "%.0f %.0f %s\n", $4, ($2 + $6) / 2, w }'
}
# rows PDF PAGE FROM TO: the words below the first word FROM and above
# the first word TO under it, a line per row of the page, left to right,
# cells joined by "|"
rows() {
	words "$1" "$2" | sort -n -k1,1 -k2,2 | awk -v from="$3" -v to="$4" '
		$3 == from && !y0 { y0 = $1; next }
		y0 && $3 == to && $1 > y0 + 2 { exit }
		y0 && $1 > y0 + 2 { n++; top[n] = $1; w[n] = $3 }
		END {
			for (i = 1; i <= n; i++) {
				if (i > 1 && top[i] > top[i - 1] + 2) printf "\n"
				else if (i > 1) printf "|"
				printf "%s", w[i]
			}
			printf "\n"
		}'
}
# col PDF PAGE WORD N: the centre of the Nth word WORD on the page
col() { words "$1" "$2" | awk -v w="$3" -v n="$4" '$3 == w && ++k == n { print $2; exit }'; }

ws=$B/tables.pdf
key=$B/tables-key.pdf
# the key's page with the tables (it opens with its answer table)
onpage() { local i; for i in $(seq 1 "$(pages "$1")"); do pdftotext -f "$i" -l "$i" "$1" - 2>/dev/null | grep -q "$2" && { echo "$i"; return; }; done; }
kp=$(onpage "$key" Kappa)
# the fixed table on the worksheet: header, then each row with its blank
# cell empty; in the key the blanks hold their answers
got=$(rows "$ws" 1 Kappa Answer: | tr '\n' ' ')
[ "$got" = "Hours|Miles 1|45 2 3 " ] && ok || bad "tables: worksheet table 1 reads '$got'"
got=$(rows "$key" "$kp" Kappa Answer: | tr '\n' ' ')
[ "$got" = "Hours|Miles 1|45 2|90 3|135 " ] && ok || bad "tables: key table 1 reads '$got'"
# 90 and 135 in the Miles column (centred on 45's centre), 2 and 3 in the
# Hours column
c45=$(col "$key" "$kp" 45 1); c90=$(col "$key" "$kp" 90 1); c135=$(col "$key" "$kp" 135 1)
awk -v a="$c45" -v b="$c90" -v c="$c135" 'BEGIN { exit !(a != "" && (a - b)^2 < 1 && (a - c)^2 < 1) }' && ok ||
	bad "tables: key column of 45, 90, 135 at $c45, $c90, $c135"
# the section's table: after its instructions, its blank (612) only in
# the key
got=$(rows "$ws" 1 Zeta 1. | tr '\n' ' ')
[ "$got" = "Apples|Pears 4|6 8 " ] && ok || bad "tables: worksheet section table reads '$got'"
got=$(rows "$key" "$kp" Zeta 1. | tr '\n' ' ')
[ "$got" = "Apples|Pears 4|6 8|612 " ] && ok || bad "tables: key section table reads '$got'"
# orientation: columns: the header down the left, a written row per
# column; version A draws r = 21 (seed 7), so 42 and 63 in the key
got=$(rows "$ws" 2 varied Answer: | tr '\n' ' ')
[ "$got" = "Input|1|2|3 Output|21 " ] && ok || bad "tables: worksheet turned table reads '$got'"
got=$(rows "$key" "$(onpage "$key" varied)" varied Answer: | tr '\n' ' ')
[ "$got" = "Input|1|2|3 Output|21|42|63 " ] && ok || bad "tables: key turned table reads '$got'"
vp=$(onpage "$key" varied)
c42=$(col "$key" "$vp" 42 1); c2=$(words "$key" "$vp" | sort -n | awk '$3 == "Input" { y = $1 } y && $1 == y && $3 == "2" { print $2; exit }')
awk -v a="$c42" -v b="$c2" 'BEGIN { exit !(a != "" && (a - b)^2 < 1) }' && ok ||
	bad "tables: 42 is not under 2 in the key's turned table"

# no blank's answer and no hint on any worksheet page; both in the key,
# the hints on the last page (after the key's problems)
wst=$(pdftotext "$ws" - 2>/dev/null)
for w in 90 135 612 42 63 Zorblax Qwerty; do
	grep -qw "$w" <<<"$wst" && bad "tables: the worksheet prints '$w'" || ok
done
n=$(pdfinfo "$key" | awk '/^Pages:/ {print $2}')
last=$(pdftotext -f "$n" -l "$n" "$key" - 2>/dev/null)
for w in "Hint cards" "Hint for problem 1 (1 of 2)" "Zorblax first hint." "Zorblax second hint." "Hint for problem 4" "Qwerty only hint."; do
	grep -qF "$w" <<<"$last" && ok || bad "tables: the key's last page lacks '$w'"
done
pdftotext -l $((n - 1)) "$key" - 2>/dev/null | grep -q Zorblax && bad "tables: a hint before the key's last page" || ok

# word banks: the set's before the first section, the problem's under
# its prompt; bonus: its points are not in the total, and it is marked
grep -q "Word bank" <<<"$wst" && ok || bad "tables: no word bank"
words "$ws" 1 | awk '$3 == "Quokka" { q = $1 } $3 == "Section" && !s { s = $1 } END { exit !(q && s && q < s) }' && ok ||
	bad "tables: the set's word bank is not above the first section"
words "$ws" 2 | awk '$3 == "bigger?" { p = $1 } $3 == "Wombat" { w = $1 } $3 == "A." { a = $1 } END { exit !(p < w && w < a) }' && ok ||
	bad "tables: problem 3's word bank is not between its prompt and its choices"
grep -q "Total: 5 points" <<<"$wst" && ok || bad "tables: the total counts the bonus"
grep -q "(bonus, 1 point) Which is bigger?" <<<"$wst" && ok || bad "tables: the bonus problem is not marked"
# the grade table on page 1: problems, points, a score row, the bonus
got=$(rows "$ws" 1 Date Word | grep -v '^Total' | tr '\n' ' ')
[ "$got" = "Problem|1|2|3|(Bonus)|4|Total Points|2|1|1|2|5 Score " ] && ok || bad "tables: grade table reads '$got'"
# new_page: the second section and its problem start page 3
pdftotext -f 3 -l 3 "$ws" - 2>/dev/null | grep -q "Second section" && ok || bad "tables: section 2 is not on page 3"
[ "$(pdfinfo "$ws" | awk '/^Pages:/ {print $2}')" = 3 ] && ok || bad "tables: the worksheet is not 3 pages"

# versions: the key's answer tables list a problem's table blanks as
# "N (table)" in reading order, by version and by student
"$MIMEO" -q --versions 3 -o "$B/v3/" "$set" && ok || bad "tables: --versions 3 fails"
got=$(pdftotext -layout -f 1 -l 1 "$B/v3/tables-key.pdf" - 2>/dev/null)
grep -Eq '^1 \(table\) +90, 135 +90, 135 +90, 135 *$' <<<"$got" && ok || bad "tables: no '1 (table)' row of 90, 135"
row2=$(grep -E '^2 \(table\)' <<<"$got")
awk '{ for (i = 3; i <= NF; i += 2) { a = $i; sub(",", "", a); b = $(i + 1)
	if (a % 2 || b % 3 || a / 2 != b / 3 || (a != 22 && a != 42 && a != 62)) exit 1; n++ } }
	END { exit n != 3 }' <<<"$row2" && ok || bad "tables: '2 (table)' row is '$row2'"
grep -Eq '^3 +A +A +A' <<<"$got" && ok || bad "tables: problem 3's row lost"
"$MIMEO" -q --versions per-student --roster tests/rosters/class10.csv -o "$B/ps/" "$set" && ok || bad "tables: per-student fails"
pdftotext -layout -f 1 -l 1 "$B/ps/tables-key.pdf" - 2>/dev/null | grep -q '1 (table)' && ok ||
	bad "tables: no '1 (table)' column in the answers by student"
# Spanish: labels, and "; " between answers (the decimal comma)
"$MIMEO" -q --lang es --versions 2 -o "$B/es/" "$set" && ok || bad "tables: --lang es fails"
got=$(pdftotext -layout "$B/es/tables-key.pdf" - 2>/dev/null)
grep -Eq '^1 \(tabla\) +90; 135' <<<"$got" && ok || bad "tables: Spanish answer tables lack '1 (tabla)  90; 135'"
for w in "Banco de palabras" "Tarjetas de pistas" "Pista del problema 1 (1 de 2)" "(extra, 1 punto)" "Nota"; do
	grep -qF "$w" <<<"$got" && ok || bad "tables: Spanish key lacks '$w'"
done
# large print and A4 lay the same tables out; determinism
"$MIMEO" -q --template large-print -o "$B/lp/" "$set" && ok || bad "tables: large print fails"
got=$(rows "$B/lp/tables-key.pdf" 2 Kappa Answer: | tr '\n' ' ')
[ "$got" = "Hours|Miles 1|45 2|90 3|135 " ] && ok || bad "tables: large-print key table 1 reads '$got'"
"$MIMEO" -q --paper a4 -o "$B/a4/" "$set" && ok || bad "tables: A4 fails"
"$MIMEO" -q -o "$B/again/" "$set" && cmp -s "$ws" "$B/again/tables.pdf" && cmp -s "$key" "$B/again/tables-key.pdf" && ok ||
	bad "tables: two runs differ"
for f in "$ws" "$key" "$B/v3/tables-key.pdf" "$B/a4/tables.pdf"; do
	check "tables: qpdf --check $f" qpdf --check "$f"
done

# a discussion problem's table: blanks empty on the individual sheet,
# filled in the teacher's guide
cat >"$B/disc.yaml" <<'E'
title: Discussion Table
problems:
  - {type: short, prompt: Warm up., answer: "1"}
discussion:
  problem: Which recipe is strongest?
  table:
    header: [Recipe, Scoops, Cups, Per cup]
    rows:
      - [A, 3, 5, {blank: "0.6"}]
      - [B, 5, 8, {blank: "0.625"}]
E
"$MIMEO" -q discussion -o "$B/" "$B/disc.yaml" && ok || bad "tables: discussion packet fails"
guide=$(pdftotext -f 1 -l 1 "$B/disc-discussion.pdf" - 2>/dev/null)
grep -q 0.625 <<<"$guide" && ok || bad "tables: the guide's table lacks its blanks' answers"
sheet=$(n=$(pdfinfo "$B/disc-discussion.pdf" | awk '/^Pages:/ {print $2}')
	for i in $(seq 1 "$n"); do
		p=$(pdftotext -f "$i" -l "$i" "$B/disc-discussion.pdf" - 2>/dev/null)
		grep -q 'Individual sheet' <<<"$p" && echo "$p"
	done)
grep -q 'Per cup' <<<"$sheet" && ! grep -q 0.625 <<<"$sheet" && ok ||
	bad "tables: the individual sheet's table is missing or shows an answer"

# the same layout in PNG, SVG and PostScript as in the PDF
if [ -n "${DRV:-}" ]; then
	cairo_set tables "$set"
fi

# a run of spaces inside a | text is kept (columns lined up by hand):
# "1" and "45" stand eight spaces apart, not one
cat >"$B/spaces.yaml" <<'E'
title: Spaces Kept
problems:
  - type: short
    prompt: |
      Hours    Miles
      1        45
    answer: "45"
  - type: short
    prompt: "Folded  text  keeps one space."
    answer: "1"
E
"$MIMEO" -q -o "$B/" "$B/spaces.yaml" && ok || bad "tables: spaces.yaml fails"
gap=$(pdftotext -bbox "$B/spaces.pdf" - 2>/dev/null | awk -F'"' '/>1<\/word>/ && !e { e = $6 } />45<\/word>/ { print $2 - e; exit }')
awk -v g="$gap" 'BEGIN { exit !(g > 20) }' && ok || bad "tables: a | text's run of spaces is $gap pt, not kept"
gap=$(pdftotext -bbox "$B/spaces.pdf" - 2>/dev/null | awk -F'"' '/>Folded<\/word>/ { e = $6 } />text<\/word>/ { print $2 - e; exit }')
awk -v g="$gap" 'BEGIN { exit !(g < 5) }' && ok || bad "tables: a quoted text's two spaces are $gap pt, not one space"

# a minus sign is the same glyph in and out of backticks: -12 and `-12`
# both read back with U+2212; a hyphen (x-5, 3-4) stays a hyphen
cat >"$B/minus.yaml" <<'E'
title: Minus Signs
problems:
  - type: short
    prompt: "It was -5 degrees, then `-5` again; x-5 and 3-4 stay."
    answer: "-12"
  - type: short
    prompt: Write the number.
    answer: "`-12`"
E
"$MIMEO" -q -o "$B/" "$B/minus.yaml" && ok || bad "tables: minus.yaml fails"
got=$(pdftotext "$B/minus-key.pdf" - 2>/dev/null)
# (each twice: in the answer table the key opens with, and at its problem)
[ "$(grep -o $'\xe2\x88\x9212' <<<"$got" | wc -l)" = 4 ] && ! grep -q -- '-12' <<<"$got" && ok ||
	bad "tables: the key's -12 are not all U+2212"
grep -q $'was \xe2\x88\x925 degrees, then \xe2\x88\x925 again; x-5 and 3-4 stay' <<<"$got" && ok ||
	bad "tables: minus signs and hyphens read '$(grep degrees <<<"$got")'"
