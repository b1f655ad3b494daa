# tests/fields.sh - sourced by tests/run.sh ($MIMEO, $T, ok, bad).
#
# The name block at the top of a worksheet (layout_problem.c lay_fields,
# compose.c compose_fill), read back with pdftotext -bbox: a named copy
# has the blank copy's row of fields with the name and period written in;
# rows wrap only when the fields do not fit, and then in the order
# written; short fields keep a blank wide enough to write in; a period
# with no field of its own is still printed; with several versions the
# version's letter ends the row.  tests/reuse.sh checks that the copies
# made from a model are these, byte for byte.
FD=$T/fields
mkdir -p "$FD"
FX=tests/fields

# fwords PDF PAGE: "word xMin yMax xMax height" for each word of a page
fwords() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null |
		awk -F'"' '/<word / {w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w);
		    printf "%s %.1f %.1f %.1f %.1f\n", w, $2, $8, $6, $8 - $4}'
}
# field_rows PDF PAGE: the field labels of a page in reading order, rows
# split by "/" (words on one baseline are one row): "Name Date / Score";
# words of the labels' size only (not "Period" in a shrunk long name)
field_rows() {
	fwords "$1" "$2" | awk -v h="$(fword "$1" "$2" Name 5)" \
		'$1 ~ /^(Name|Date|Period|Class|Score)$/ && $5 == h' |
		sort -k3,3n -k2,2n | awk '
		NR > 1 && $3 != y { printf " /" }
		{ printf "%s%s", (NR > 1 ? " " : ""), $1; y = $3 }
		END { print "" }'
}
# fword PDF PAGE WORD FIELD: xMin (2), yMax (3) or xMax (4) of WORD
fword() { fwords "$1" "$2" | awk -v w="$3" -v f="$4" '$1 == w { print $f; exit }'; }

# 1. four fields and a roster with periods (BOM, CRLF): every named copy
#    has the blank copy's one row, labels where the blank copy has them,
#    the name and period on that row (the review found Period above Name
#    and Score on a line of its own)
for f in four class-period; do
	want="Name Date Period Score"
	[ $f = class-period ] && want="Name Date Class Period"
	for paper in letter a4; do
		"$MIMEO" -q worksheet --simplex --paper $paper \
		    --roster $FX/class.csv -o "$FD/$f-$paper.pdf" $FX/$f.yaml &&
		"$MIMEO" -q worksheet --paper $paper -o "$FD/$f-$paper-blank.pdf" \
		    $FX/$f.yaml || { bad "fields $f $paper: mimeo failed"; continue; }
		got=$(field_rows "$FD/$f-$paper-blank.pdf" 1)
		[ "$got" = "$want" ] && ok || bad "fields $f $paper blank copy: rows '$got', expected '$want'"
		for page in 1 2 3 4; do
			got=$(field_rows "$FD/$f-$paper.pdf" $page)
			[ "$got" = "$want" ] && ok || bad "fields $f $paper copy $page: rows '$got', expected '$want'"
		done
		# the same places as on the blank copy
		for w in Name Date Period; do
			[ "$(fword "$FD/$f-$paper.pdf" 1 $w 2) $(fword "$FD/$f-$paper.pdf" 1 $w 3)" = \
			  "$(fword "$FD/$f-$paper-blank.pdf" 1 $w 2) $(fword "$FD/$f-$paper-blank.pdf" 1 $w 3)" ] &&
				ok || bad "fields $f $paper: $w is not where the blank copy has it"
		done
		# the name and the period written on the row
		row=$(fword "$FD/$f-$paper.pdf" 1 Name 3)
		[ "$(fword "$FD/$f-$paper.pdf" 1 Ana 3)" = "$row" ] &&
			[ "$(fwords "$FD/$f-$paper.pdf" 1 | awk -v y="$row" '$1 == "2" && $3 == y' | wc -l)" = 1 ] &&
			ok || bad "fields $f $paper: name or period not on the row of fields"
	done
done

# 2. room to write: a period's blank at least half an inch, a score's two
#    thirds (the blank runs from the label to 14pt before the next
#    label, or to the right margin)
P=$FD/four-letter-blank.pdf
awk -v p="$(fword $P 1 Period 4)" -v s="$(fword $P 1 Score 2)" -v e="$(fword $P 1 Score 4)" \
    'BEGIN { exit !(s - p - 18 >= 36 && 612 - 54 - e - 18 >= 48) }' &&
	ok || bad "fields: Period or Score blank too short to write in ($(fword $P 1 Period 4) $(fword $P 1 Score 2) $(fword $P 1 Score 4))"

# 3. fields that do not fit on one line wrap in the order written, on as
#    few rows as fit, sharing the line; Name is never below another
#    field; a name longer than the line has its own row
for c in "five||Name Date / Period Class Score" \
    "four|--template large-print|Name Date / Period Score" \
    "four|--roster $FX/long.csv|Name / Date Period Score" \
    "class|--roster $FX/long.csv|Name / Date Class Period" \
    "two|--template large-print --roster $FX/long.csv|Name / Date" \
    "period-first||Period Name Date" "one||Name"; do
	IFS='|' read -r f opts want <<<"$c"
	# shellcheck disable=SC2086
	"$MIMEO" -q worksheet --simplex $opts -o "$FD/wrap-$f.pdf" $FX/$f.yaml ||
		{ bad "fields $f $opts: mimeo failed"; continue; }
	got=$(field_rows "$FD/wrap-$f.pdf" 1)
	[ "$got" = "$want" ] && ok || bad "fields $f $opts: rows '$got', expected '$want'"
done
# the second long name: still every field, Name first
got=$(field_rows "$FD/wrap-two.pdf" 2)
[ "$got" = "Name / Date" ] && ok || bad "fields two large print, a long name: rows '$got'"
# (in the class field of "class" above: "Class Period 3", its period)

# 4. a period with no field of its own: in the class field ("Class
#    Period 2"), else after the name ("Ana López · Period 2"); a roster
#    without periods adds nothing
"$MIMEO" -q worksheet --simplex --roster $FX/class.csv -o "$FD/class.pdf" $FX/class.yaml &&
	"$MIMEO" -q worksheet --simplex --roster $FX/class.csv -o "$FD/two.pdf" $FX/two.yaml &&
	"$MIMEO" -q worksheet --simplex --roster tests/rosters/class11.csv -o "$FD/two-np.pdf" $FX/two.yaml ||
	bad "fields: class/two rosters failed"
pdftotext -f 4 -l 4 "$FD/class.pdf" - | grep -qx "Class Period 10" && ok || bad "fields class: no 'Class Period 10' on Bo Chen's copy"
pdftotext -f 1 -l 1 "$FD/two.pdf" - | grep -qx "Name Ana López · Period 2" && ok || bad "fields two: no 'Ana López · Period 2'"
[ "$(pdftotext "$FD/two-np.pdf" - | grep -c "Period")" = 0 ] && ok || bad "fields two: a period printed from a roster without periods"
"$MIMEO" -q worksheet --simplex --lang es --roster $FX/class.csv -o "$FD/two-es.pdf" $FX/two.yaml &&
	pdftotext -f 1 -l 1 "$FD/two-es.pdf" - | grep -qx "Nombre Ana López · Período 2" && ok || bad "fields two es: no 'Ana López · Período 2'"

# 5. versions: each copy's letter boxed at the end of the row of fields,
#    the letter its footer names; none with one version
"$MIMEO" -q --paper a4 --versions 3 --simplex --roster $FX/class.csv -o "$FD/" $FX/four.yaml ||
	bad "fields: four.yaml --versions 3 failed"
V=$FD/four.pdf
for page in 1 2 3 4; do
	want=$(pdftotext -f $page -l $page $V - | sed -n 's/.*Fields four — Version \([A-Z]\).*/\1/p' | head -1)
	row=$(fword $V $page Name 3)
	end=$(fword $V $page Score 4)
	got=$(fwords $V $page | awk -v y="$row" -v x="$end" '$3 == y && $2 > x { print $1 }')
	[ -n "$want" ] && [ "$got" = "$want" ] && ok || bad "fields versions copy $page: letter '$got' at the row's end, footer says '$want'"
done
got=$(fwords "$FD/four-a4.pdf" 1 | awk -v y="$(fword "$FD/four-a4.pdf" 1 Name 3)" -v x="$(fword "$FD/four-a4.pdf" 1 Score 4)" '$3 == y && $2 > x')
[ -z "$got" ] && ok || bad "fields: one version, yet something after Score: $got"
"$MIMEO" -q worksheet --simplex --versions 2 -o "$FD/v2.pdf" $FX/two.yaml &&
	[ "$(fwords "$FD/v2.pdf" 1 | awk -v y="$(fword "$FD/v2.pdf" 1 Name 3)" '$3 == y { printf "%s ", $1 }')" = "Name Date A " ] &&
	[ "$(fwords "$FD/v2.pdf" 2 | awk -v y="$(fword "$FD/v2.pdf" 2 Name 3)" '$3 == y { printf "%s ", $1 }')" = "Name Date B " ] &&
	ok || bad "fields: --versions 2 without a roster: no A and B by the name"
