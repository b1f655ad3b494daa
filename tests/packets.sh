# Substitute packets and `mimeo list`, sourced by tests/run.sh (uses ok,
# bad, check, $T, $MIMEO, and pdftext/pages from tests/e2e.sh).  The
# fixtures are a small library of their own in tests/packets/lib/.

P=tests/packets
PO=$T/packets
mkdir -p "$PO"

# outline_titles PDF: the bookmark titles, in order
# (qpdf lists them per page first, then as the outline: keep the outline)
outline_titles() { qpdf --json "$1" | sed -n '/^  "outlines": \[/,$ s/^ *"title": "\(.*\)",\{0,1\}$/\1/p'; }
# print_row PDF WHAT: "FIRST LAST COPIES" of a print-list row on the cover
print_row() {
	local n c
	n=$(pages "$1")
	for c in $(seq 1 "$n"); do pdftotext -layout -f "$c" -l "$c" "$1" -; done |
		sed -n '/Document.*Pages.*Copies/,/^ *$/p' | grep -F "$2" | head -1 | sed "s/.*$(sed 's/[]\/$*.^[]/\\&/g' <<<"$2") *//" |
		awk '{ split($1, r, "–"); print r[1], (r[2] == "" ? r[1] : r[2]), $2 }'
}

# --- a packet: cover, documents, teacher pages, report last ---------------
D=$P/lib/packets/day.yaml
out=$("$MIMEO" packet -o "$PO/" $D 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "wrote $PO/day-packet.pdf (6 pages)" ] && ok || bad "packet day.yaml: exit $st: $out"
PDF=$PO/day-packet.pdf
check "qpdf --check day-packet.pdf" qpdf --check "$PDF"
n=$(pages "$PDF")
t1=$(pdftext "$PDF" 1)
for w in "Grade 5 — Fractions Review Day" "Plan for the substitute" "Class 5B · 50 minutes · 9:05–9:55" \
	 "Print list" "Calculators stay in the bin today." "9:05–9:10" "9:10–9:30" "9:45–9:55" "Read aloud:" \
	 "Today you will practise adding fractions." "Packet page 1 of $n"; do
	grep -qF "$w" <<<"$t1" && ok || bad "day-packet.pdf cover lacks '$w'"
done
# the plan's steps come after the print list, in order
awk '/Print list/ && !a {a=NR} /9:05–9:10/ && !b {b=NR} /9:45–9:55/ && !c {c=NR} END {exit !(a && a < b && b < c)}' <<<"$t1" &&
	ok || bad "day-packet.pdf: cover order"
# every print-list range starts on the page where that document's title is
# printed, ends where the next one starts, and copies are as asked
expect_row() {	# WHAT COPIES TITLE-ON-FIRST-PAGE
	local r first last copies
	r=$(print_row "$PDF" "$1"); read -r first last copies <<<"$r"
	[ -n "$first" ] || { bad "day-packet.pdf: no print-list row '$1'"; return; }
	[ "$copies" = "$2" ] && ok || bad "day-packet.pdf: '$1' copies '$copies', expected $2"
	pdftext "$PDF" "$first" | grep -qF "$3" && ok || bad "day-packet.pdf: '$1' page $first lacks '$3'"
	pdftext "$PDF" "$first" | grep -q "Page 1 of $((last - first + 1))" && ok ||
		bad "day-packet.pdf: '$1' pages $first-$last are not one whole document"
	echo "$first $last" >>"$PO/ranges"
}
: >"$PO/ranges"
expect_row "Plan for the substitute" 1 "Print list"
expect_row "Worksheet: Adding Fractions Practice" 30 "Adding Fractions Practice"
expect_row "Answer Key: Adding Fractions Practice" 1 "Answer Key"
expect_row "Worksheet: Reading for Details" 30 "Reading for Details"
expect_row "Early-finisher page" "as" "Write your own fraction problem"
expect_row "Substitute's report" 1 "Who was absent?"
# the ranges tile the PDF: 1..n, no gap, no overlap
awk -v n="$n" 'BEGIN {next_ = 1} $1 != next_ {bad = 1} {next_ = $2 + 1} END {exit bad || next_ != n + 1}' "$PO/ranges" &&
	ok || bad "day-packet.pdf: print-list ranges do not cover pages 1-$n in order: $(tr '\n' ' ' <"$PO/ranges")"
# TEACHER COPY on every key page and on no other; no answer on other pages
read -r kf kl _ <<<"$(print_row "$PDF" "Answer Key: Adding Fractions Practice")"
for i in $(seq 1 "$n"); do
	t=$(pdftext "$PDF" "$i")
	grep -q "Packet page $i of $n" <<<"$t" || bad "day-packet.pdf page $i: no 'Packet page $i of $n'"
	if [ "$i" -ge "$kf" ] && [ "$i" -le "${kl:-0}" ]; then
		grep -q "TEACHER COPY — do not hand out" <<<"$t" && ok || bad "day-packet.pdf key page $i: no TEACHER COPY band"
		for a in "halves become quarters" "Write the half as two quarters" "Change thirds into sixths" "common-denominator reminder"; do
			grep -qF "$a" <<<"$t" || bad "day-packet.pdf key page $i lacks '$a'"
		done
	else
		grep -q "TEACHER COPY — do not hand out" <<<"$t" && bad "day-packet.pdf page $i: TEACHER COPY on a page that is not a key" || ok
		grep -Eq "halves become quarters|two quarters|thirds into sixths|common-denominator|Notes for the teacher" <<<"$t" &&
			bad "day-packet.pdf page $i: an answer on a page that is not the key" || ok
	fi
done
# the report form is the last page, the early-finisher page before it
pdftext "$PDF" "$n" | grep -q "Substitute's report" && ok || bad "day-packet.pdf: the report is not last"
for w in "Who was absent?" "What got done?" "Who helped?" "Who struggled" "Anything else the teacher should know"; do
	pdftext "$PDF" "$n" | grep -qF "$w" && ok || bad "day-packet.pdf report lacks '$w'"
done
# a bookmark per part, in order
want=$'Plan for the substitute\nWorksheet: Adding Fractions Practice\nAnswer Key: Adding Fractions Practice\nWorksheet: Reading for Details\nEarly-finisher page\nSubstitute\'s report'
[ "$(outline_titles "$PDF")" = "$want" ] && ok || bad "day-packet.pdf bookmarks: $(outline_titles "$PDF" | tr '\n' '|')"
# same input, same bytes; `mimeo FILE` and `mimeo check` know a packet
"$MIMEO" -q -o "$PO/again/" $D
cmp -s "$PDF" "$PO/again/day-packet.pdf" && ok || bad "two packet runs differ"
ls "$PO/again" | grep -qv '^day-packet.pdf$' && bad "mimeo FILE on a packet wrote: $(ls "$PO/again")" || ok
out=$("$MIMEO" check $D 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "$D: ok: packet, 3 documents, 6 pages" ] && ok || bad "check day.yaml: exit $st: $out"
out=$("$MIMEO" worksheet -o "$PO/x.pdf" $D 2>&1); st=$?
[ $st = 1 ] && [ ! -e "$PO/x.pdf" ] && case $out in *"$D: error: this is a substitute packet, not a problem set"*) true ;; *) false ;; esac &&
	ok || bad "worksheet of a packet: exit $st: $out"
out=$("$MIMEO" packet -o "$PO/x.pdf" $P/lib/math/fractions.yaml 2>&1); st=$?
[ $st = 1 ] && [ ! -e "$PO/x.pdf" ] && case $out in *"error: this is a problem set, not a packet"*) true ;; *) false ;; esac &&
	ok || bad "packet of a set: exit $st: $out"

# --- a cover longer than a page: the page numbers count it ---------------
"$MIMEO" -q -o "$PO/" $P/long-cover.yaml
PDF=$PO/long-cover-packet.pdf
n=$(pages "$PDF")
read -r wf wl wc <<<"$(print_row "$PDF" "Worksheet: Adding Fractions Practice")"
[ "${wf:-0}" -gt 2 ] && ok || bad "long-cover: the cover is not several pages (worksheet at page $wf)"
pdftext "$PDF" "$((wf - 1))" | grep -q "Step 30" && ok || bad "long-cover: the page before the worksheet is not the cover's last"
pdftext "$PDF" "$wf" | grep -q "Adding Fractions Practice" && ok || bad "long-cover: page $wf is not the worksheet"
pdftext "$PDF" "$n" | grep -q "TEACHER COPY — do not hand out" && ok || bad "long-cover: the key is not last"
pdftext "$PDF" 1 | grep -q "1:00–1:02" && pdftext "$PDF" "$((wf - 1))" | grep -q "1:58–2:00" &&
	ok || bad "long-cover: 12-hour running clock"

# --- a set with a token in every teacher-only text, in Spanish -------------
"$MIMEO" -q -o "$PO/" $P/leak-day.yaml
PDF=$PO/leak-day-packet.pdf
n=$(pages "$PDF")
pdftext "$PDF" 1 | grep -q "Plan para el suplente" && ok || bad "leak-day: Spanish labels not used"
keypages=0
for i in $(seq 1 "$n"); do
	t=$(pdftext "$PDF" "$i")
	if grep -q "COPIA DEL MAESTRO — no repartir" <<<"$t"; then
		keypages=$((keypages + 1))
		grep -q "Secret" <<<"$t" || bad "leak-day page $i: a key page without its answers"
	else
		grep -q "Secret" <<<"$t" && bad "leak-day page $i: $(grep -o 'Secret[A-Za-z]*' <<<"$t" | head -2 | tr '\n' ' ')on a student page"
	fi
done
[ "$keypages" -ge 1 ] && ok || bad "leak-day: no key page found"
pdftext "$PDF" | grep -q "Secret" && ok || bad "leak-day: no answers anywhere (the test cannot fail)"
# --seed reaches the included documents (leak.yaml's match is shuffled)
"$MIMEO" -q packet -o "$PO/seeded.pdf" --seed 9 $P/leak-day.yaml
cmp -s "$PDF" "$PO/seeded.pdf" && bad "--seed changes nothing in a packet" || ok

# --- wrong packets (more in tests/bad/packet-*.yaml) -------------------------
out=$("$MIMEO" check --library $P/lib/packets $D 2>&1); st=$?
case "$st:$out" in 1:*"is outside the library ($P/lib/packets, given with --library)"*) ok ;; *) bad "--library on a packet: $st: $out" ;; esac
out=$("$MIMEO" check $P/over-time.yaml 2>&1); st=$?
case "$st:$out" in 0:*"warning: the plan's steps take 60 minutes, longer than the duration (45)"*) ok ;; *) bad "over-time.yaml: $st: $out" ;; esac

# --- mimeo list: the fixture library as a table ------------------------------
L=$P/lib
got=$("$MIMEO" list $L 2>&1); st=$?
[ $st = 1 ] && ok || bad "list with a broken file: exit $st, expected 1"
[ "$got" = "$(cat $P/list.out)" ] && ok || { bad "mimeo list $L differs from $P/list.out:"; diff <(echo "$got") $P/list.out | head -8; }
# rows: file  title ... ; filters keep the header, the broken file, the summary
rows() { "$MIMEO" list "$@" 2>&1 | awk 'NR > 1 {print $1}' | sed '$d' | tr '\n' ' '; }
[ "$(rows $L --subject MATH)" = "$L/math/fractions.yaml $L/packets/day.yaml $L/science/broken.yaml " ] && ok ||
	bad "list --subject MATH: $(rows $L --subject MATH)"
[ "$(rows $L --tag Inference)" = "$L/ela/reading.yaml $L/packets/day.yaml $L/science/broken.yaml " ] && ok ||
	bad "list --tag Inference: $(rows $L --tag Inference)"
[ "$(rows $L --grade 5 --subject ela)" = "$L/packets/day.yaml $L/science/broken.yaml " ] && ok ||
	bad "list --grade 5 --subject ela: $(rows $L --grade 5 --subject ela)"
[ "$(rows $L --grade 12)" = "$L/science/broken.yaml " ] && ok || bad "list --grade 12: $(rows $L --grade 12)"
"$MIMEO" list $L/math >/dev/null 2>&1; st=$?
[ $st = 0 ] && ok || bad "list of a sound folder: exit $st"
"$MIMEO" list $L/no-such-folder >/dev/null 2>&1; st=$?
[ $st = 2 ] && ok || bad "list of a missing folder: exit $st"
"$MIMEO" check --tag x $D >/dev/null 2>&1; st=$?
[ $st = 2 ] && ok || bad "--tag without list: exit $st"
