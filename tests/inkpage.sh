# tests/inkpage.sh - sourced by tests/run.sh (ok, bad, $T, $MIMEO, mkvar).
#
# Every page against pango (issue 20): the library's grade 4 sets in
# Hindi, Arabic and French, each printed as a class set for three students
# named in its script (tests/rosters/class3-*.csv), worksheet and key.
# tests/inkpage.py reads each page's display list (--format tree), sets
# every piece of text on it again with pango-view in the same fonts, size
# and colour (right to left in Arabic), and scripts_ink -b compares the
# ink of both at 300 dpi, piece by piece (each item of math, a number or
# a sign, a piece of its own); math on more than one baseline, figures and
# text a key's circle or box marks are counted by kind, not compared.  It
# also sets a line of each set wrong as a defect would (a vowel sign after
# its consonant, Arabic letters unjoined, words in the order written, an
# accent changed), which must differ, and checks that the Arabic words and
# numbers of each line, read from the right, are in the order the set, its
# labels and its roster write them.  Prints a line per set: the pages,
# lines and pieces compared, the worst score and what was skipped.
IP=$T/inkpage
rm -rf "$IP" && mkdir -p "$IP"
IPINK=$IP/scripts_ink
if $(mkvar '$(CC)') -O2 -o "$IPINK" tests/scripts_ink.c -lm >"$IPINK.log" 2>&1; then ok
else bad "inkpage: scripts_ink does not build: $(head -3 "$IPINK.log")"; fi
while read -r lang set; do
	d=$IP/$lang
	roster=tests/rosters/class3-$lang.csv
	mkdir -p "$d"
	if ! "$MIMEO" -q -o "$d/" --roster "$roster" "$set" >/dev/null 2>&1 ||
	    ! "$MIMEO" -q --format tree -o "$d/" --roster "$roster" "$set" >/dev/null 2>&1; then
		bad "inkpage: $set did not print as a class set"
		continue
	fi
	for f in "$d"/*.pdf; do
		pdftoppm -gray -r 300 "$f" "${f%.pdf}-page"
	done
	python3 tests/inkpage.py "$d" "$IPINK" "$lang" "$set" "$roster" >"$d/report.txt" 2>&1
	grep -q '^total: ' "$d/report.txt" && ok ||
		bad "inkpage: $lang: tests/inkpage.py did not finish: $(grep -v '^ok' "$d/report.txt" | tail -3)"
	failed=$fail
	while read -r verdict rest; do
		case $verdict in
		ok) ok ;;
		bad) bad "inkpage: $lang: $rest" ;;
		esac
	done <"$d/report.txt"
	# the pages' images (9 MB a page) are kept only to look at a failure
	[ "$fail" = "$failed" ] && rm -f "$d"/*-page-*.pgm
	# at least the pages and lines the sets printed when this was written
	pages=$(grep -c '^page ' "$d/report.txt")
	lines=$(sed -n 's/^total: pieces [0-9]* lines \([0-9]*\) .*/\1/p' "$d/report.txt")
	[ "$pages" -ge 8 ] && [ "${lines:-0}" -ge 120 ] && ok ||
		bad "inkpage: $lang: only $pages pages and ${lines:-no} lines compared"
	echo "inkpage: $lang $(basename "$set"): $(sed -n 's/^summary: //p' "$d/report.txt")"
done <<'SETS'
hi problems/math/grade4/gunaa-aur-bhaag.yaml
ar problems/math/grade4/aldarb-walqisma.yaml
fr problems/math/grade4/multiplier-et-diviser.yaml
SETS
