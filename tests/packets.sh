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

# is_blank PDF PAGE: the page is a padding page
is_blank() { pdftext "$1" "$2" | grep -q "This page is intentionally blank"; }
# expect_part PDF WHAT COPIES TITLE [simplex]: the print-list row WHAT asks
# for COPIES and its range holds whole documents, the first starting with
# TITLE: "Page 1 of" on its first page, "Page N of N" on its last but for
# one padding page at the end; double-sided (unless simplex), it starts on
# a fresh sheet (odd page).  Appends "FIRST LAST" to $PO/ranges.
expect_part() {
	local r first last copies end
	r=$(print_row "$1" "$2"); read -r first last copies <<<"$r"
	[ -n "$first" ] || { bad "$1: no print-list row '$2'"; return; }
	[ "$copies" = "$3" ] && ok || bad "$1: '$2' copies '$copies', expected $3"
	pdftext "$1" "$first" | grep -qF "$4" && ok || bad "$1: '$2' page $first lacks '$4'"
	end=$last
	if is_blank "$1" "$last"; then end=$((last - 1)); fi
	pdftext "$1" "$first" | grep -q "Page 1 of " && pdftext "$1" "$end" | grep -Eq "Page ([0-9]+) of \1\b" && ok ||
		bad "$1: '$2' pages $first-$last are not whole documents"
	if [ -z "${5:-}" ]; then
		[ $((first % 2)) = 1 ] && ok || bad "$1: '$2' starts on page $first, the back of a sheet"
	fi
	echo "$first $last" >>"$PO/ranges"
}
# ranges_tile PDF: the ranges in $PO/ranges cover 1..pages in order
ranges_tile() {
	awk -v n="$(pages "$1")" 'BEGIN {next_ = 1} $1 != next_ {bad = 1} {next_ = $2 + 1} END {exit bad || next_ != n + 1}' "$PO/ranges" &&
		ok || bad "$1: print-list ranges do not cover every page in order: $(tr '\n' ' ' <"$PO/ranges")"
}

# --- a packet: cover, documents, teacher pages, report last ---------------
# Printed double-sided (the default), each part starts on a fresh sheet:
# the cover and every part but the report are padded to even page counts.
D=$P/lib/packets/day.yaml
out=$("$MIMEO" packet -o "$PO/" $D 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "wrote $PO/day-packet.pdf (11 pages)" ] && ok || bad "packet day.yaml: exit $st: $out"
PDF=$PO/day-packet.pdf
check "qpdf --check day-packet.pdf" qpdf --check "$PDF"
n=$(pages "$PDF")
# the cover: its pages, up to the worksheet's first
read -r wf _ <<<"$(print_row "$PDF" "Worksheet: Adding Fractions Practice")"
t1=$(for i in $(seq 1 $((${wf:-2} - 1))); do pdftext "$PDF" "$i"; done)
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
day_parts() {	# PDF [simplex]
	: >"$PO/ranges"
	expect_part "$1" "Plan for the substitute" 1 "Print list" ${2:-}
	expect_part "$1" "Worksheet: Adding Fractions Practice" 30 "Adding Fractions Practice" ${2:-}
	expect_part "$1" "Answer Key: Adding Fractions Practice" 1 "Answer Key" ${2:-}
	expect_part "$1" "Worksheet: Reading for Details" 30 "Reading for Details" ${2:-}
	expect_part "$1" "Early-finisher page" 8 "Write your own fraction problem" ${2:-}
	expect_part "$1" "Substitute's report" 1 "Who was absent?" ${2:-}
	ranges_tile "$1"
}
day_parts "$PDF"
# the plan says when to give out the early-finisher page, and where it is
read -r ef _ <<<"$(print_row "$PDF" "Early-finisher page")"
grep -qF "Give an early-finisher page (packet page ${ef:-?}) to each student who finishes early." <<<"$(tr '\n' ' ' <<<"$t1" | tr -s ' ')" &&
	ok || bad "day-packet.pdf: the plan does not say to give out the early-finisher page (page ${ef:-?})"
blanks=$(for i in $(seq 1 "$n"); do is_blank "$PDF" "$i" && echo "$i"; done | tr '\n' ' ')
[ "$blanks" = "4 6 8 10 " ] && ok || bad "day-packet.pdf: padding pages are '$blanks', expected 4 6 8 10 (the cover is 2 pages)"
# --simplex: no padding, the same parts on 7 pages (a cover of 2)
"$MIMEO" -q packet --simplex -o "$PO/simplex.pdf" $D
[ "$(pages "$PO/simplex.pdf")" = 7 ] && ok || bad "--simplex packet: $(pages "$PO/simplex.pdf") pages, expected 7"
pdftext "$PO/simplex.pdf" | grep -q "intentionally blank" && bad "--simplex packet still pads" || ok
grep -q "Print double-sided" <<<"$t1" && ok || bad "day-packet.pdf: the cover does not say to print double-sided"
pdftext "$PO/simplex.pdf" 1 | grep -q "Print double-sided" && bad "--simplex packet says to print double-sided" || ok
day_parts "$PO/simplex.pdf" simplex
# TEACHER COPY on every key page and on no other; no answer on other pages
read -r kf kl _ <<<"$(print_row "$PDF" "Answer Key: Adding Fractions Practice")"
for i in $(seq 1 "$n"); do
	t=$(pdftext "$PDF" "$i")
	grep -q "Packet page $i of $n" <<<"$t" || bad "day-packet.pdf page $i: no 'Packet page $i of $n'"
	if [ "$i" -ge "$kf" ] && [ "$i" -le "${kl:-0}" ]; then
		grep -q "TEACHER COPY — do not hand out" <<<"$t" && ok || bad "day-packet.pdf key page $i: no TEACHER COPY band"
		is_blank "$PDF" "$i" && continue
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
# a packet is one document: `mimeo -o FILE.pdf PACKET` writes it there; a
# set (worksheet and key) is refused before anything is written
out=$("$MIMEO" -o "$PO/one.pdf" $D 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "wrote $PO/one.pdf (11 pages)" ] && cmp -s "$PDF" "$PO/one.pdf" && ok ||
	bad "mimeo -o one.pdf PACKET: exit $st: $out"
out=$("$MIMEO" -o "$PO/two.pdf" $P/lib/math/fractions.yaml 2>&1); st=$?
[ $st = 2 ] && [ ! -e "$PO/two.pdf" ] && case $out in *"names one file, but this run writes several documents"*) true ;; *) false ;; esac &&
	ok || bad "mimeo -o two.pdf SET: exit $st: $out"
out=$("$MIMEO" -o "$PO/two.pdf" $D $D 2>&1); st=$?
[ $st = 2 ] && ok || bad "mimeo -o two.pdf PACKET PACKET: exit $st: $out"
out=$("$MIMEO" check $D 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "$D: ok: packet, 3 documents, 11 pages" ] && ok || bad "check day.yaml: exit $st: $out"
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
cl=$((wf - 1))	# the cover's last page, before any padding
is_blank "$PDF" "$cl" && cl=$((cl - 1))
pdftext "$PDF" "$cl" | grep -q "Step 30" && ok || bad "long-cover: page $cl is not the cover's last"
pdftext "$PDF" "$wf" | grep -q "Adding Fractions Practice" && ok || bad "long-cover: page $wf is not the worksheet"
pdftext "$PDF" "$n" | grep -q "TEACHER COPY — do not hand out" && ok || bad "long-cover: the key is not last"
pdftext "$PDF" 1 | grep -q "1:00–1:02" && pdftext "$PDF" "$cl" | grep -q "1:58–2:00" &&
	ok || bad "long-cover: 12-hour running clock"

# --- a print list that runs onto the cover's second page ------------------
# The header row is printed again over the rows there, and a title that
# wraps stays inside its column: no word of the first column reaches
# within 5 pt of where the Pages header starts (on either page).
"$MIMEO" -q -o "$PO/" $P/split-list.yaml
PDF=$PO/split-list-packet.pdf
# (its early_finishers gives copies: 5, not a quarter of the class)
[ "$(print_row "$PDF" "Early-finisher page" | cut -d' ' -f3)" = 5 ] && ok || bad "split-list: early-finisher copies '$(print_row "$PDF" "Early-finisher page")', expected 5"
pdftotext -layout -f 2 -l 2 "$PDF" - | grep -v "Packet page" | grep -m1 . | grep -Eq "^ *Document +Pages +Copies$" &&
	pdftext "$PDF" 2 | grep -q "Version F" && pdftext "$PDF" 1 | grep -q "Version E" &&
	ok || bad "split-list: page 2 does not start with the print list's header row: $(pdftext "$PDF" 2 | head -3 | tr '\n' '|')"
for pg in 1 2; do
	pdftotext -f $pg -l $pg -bbox "$PDF" - | awk -F'"' '
		/<word/ { w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w) }
		/<word/ && w == "Document" { dy = $4 }
		/<word/ && w == "Pages" && !px && $4 == dy { px = $2; py = $4 }
		/<word/ && px && $4 > py && $2 < px && w ~ /^The$/ && $2 < 80 { done = 1 }
		/<word/ && px && !done && $4 > py && $2 < px && $6 > px - 5 { print w " ends at " $6 " (Pages at " px ")"; bad = 1 }
		END { exit bad || !px }' >"$PO/cols.txt" && ok || bad "split-list page $pg: a title runs into the Pages column: $(head -2 "$PO/cols.txt" | tr '\n' ' ')"
done

# --- the plan's heading and its early-finisher line go over with the first
# step when they would end the cover's first page (tests/packets/keep-plan.yaml)
"$MIMEO" -q packet --simplex -o "$PO/keep-plan.pdf" $P/keep-plan.yaml
got=$(pdftotext "$PO/keep-plan.pdf" - | awk 'BEGIN {pg = 1} /\f/ {pg++} /The plan:/ {t = pg} /Give an early/ {g = pg} /Hand out the worksheet/ {h = pg} END {print t, g, h}')
[ "$got" = "2 2 2" ] && ok || bad "keep-plan: the plan's heading, early-finisher line and first step are on pages '$got', expected 2 2 2"

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

# --- a discussion day: a discussion for 30 in groups of 3, a worksheet in
# three versions for 31, the key of all three (tests/packets/lib/packets/talk-day.yaml)
"$MIMEO" -q -o "$PO/" $P/lib/packets/talk-day.yaml
PDF=$PO/talk-day-packet.pdf
n=$(pages "$PDF")
: >"$PO/ranges"
G="Teacher's guide — teacher only: Paint Mixtures"
K="Answer Key: Paint Mixtures — Versions A–C"
expect_part "$PDF" "Plan for the substitute" 1 "Print list"
expect_part "$PDF" "$G" 1 "Group discussion"
expect_part "$PDF" "Individual sheet: Paint Mixtures" 30 "My first try"
expect_part "$PDF" "Group sheet: Paint Mixtures" 10 "How are your approaches alike?"
expect_part "$PDF" "Role cards: Paint Mixtures" 10 "Facilitator"
expect_part "$PDF" "Exit ticket: Paint Mixtures (4 to a page)" 8 "ShownTicket"
expect_part "$PDF" "Worksheet: Paint Mixtures — Version A" 11 "Paint Mixtures — Version A"
expect_part "$PDF" "Worksheet: Paint Mixtures — Version B" 10 "Paint Mixtures — Version B"
expect_part "$PDF" "Worksheet: Paint Mixtures — Version C" 10 "Paint Mixtures — Version C"
expect_part "$PDF" "$K" 1 "Answers by version"
expect_part "$PDF" "Substitute's report" 1 "Who was absent?"
ranges_tile "$PDF"
# the band on every page of the guide and the key, and on no other; no
# teacher-only text (Hidden*) anywhere else
read -r gf gl _ <<<"$(print_row "$PDF" "$G")"
read -r kf kl _ <<<"$(print_row "$PDF" "$K")"
for i in $(seq 1 "$n"); do
	t=$(pdftext "$PDF" "$i")
	want=0
	if [ "$i" -ge "${gf:-0}" ] && [ "$i" -le "${gl:-0}" ]; then want=1; fi
	if [ "$i" -ge "${kf:-0}" ] && [ "$i" -le "${kl:-0}" ]; then want=1; fi
	got=0
	grep -q "TEACHER COPY — do not hand out" <<<"$t" && got=1
	[ "$got" = "$want" ] && ok || bad "talk-day page $i: TEACHER COPY band $got, expected $want"
	if [ "$want" = 0 ]; then
		grep -q Hidden <<<"$t" && bad "talk-day page $i: $(grep -o 'Hidden[A-Za-z]*' <<<"$t" | head -1) on a student page" || ok
	fi
done
pdftext "$PDF" "${gf:-1}" | grep -q HiddenGoal && ok || bad "talk-day: the guide lacks its goal (the test cannot fail)"
pdftext "$PDF" | grep -q "ShownProblem" && ok || bad "talk-day: the problem is on no page"
# the versions are those of `mimeo worksheet --versions 3` with the same
# seed, all different, and the key's answer table holds each one's answer
"$MIMEO" -q worksheet --versions 3 --seed 5 -o "$PO/mix-abc.pdf" $P/lib/math/mixtures.yaml
want=$(pdftext "$PO/mix-abc.pdf" | grep "^1\. Mix")
got=$(for v in A B C; do read -r f _ <<<"$(print_row "$PDF" "Version $v")"; pdftext "$PDF" "${f:-1}" | grep "^1\. Mix"; done)
[ -n "$want" ] && [ "$got" = "$want" ] && [ "$(sort -u <<<"$got" | wc -l)" = 3 ] && ok ||
	bad "talk-day versions: '$got', expected three different '$want'"
t=$(pdftext "$PDF" "${kf:-1}")
for r in $(sed 's/.*Mix \([0-9]*\) cups of blue with \([0-9]*\) cups.*/\1:\2/' <<<"$got"); do
	grep -q "${r%:*} *: *${r#*:}" <<<"$t" && ok || bad "talk-day key: no answer ${r%:*} : ${r#*:} in the answer table"
done
out=$("$MIMEO" check $P/lib/packets/talk-day.yaml 2>&1); st=$?
[ $st = 0 ] && [ "$out" = "$P/lib/packets/talk-day.yaml: ok: packet, 3 documents, $n pages" ] && ok || bad "check talk-day.yaml: exit $st: $out"

# --- wrong packets (more in tests/bad/packet-*.yaml) -------------------------
out=$("$MIMEO" check --library $P/lib/packets $D 2>&1); st=$?
case "$st:$out" in 1:*"is outside the library ($P/lib/packets, given with --library)"*) ok ;; *) bad "--library on a packet: $st: $out" ;; esac
# (a key that answers other versions or another seed than its worksheet,
# a plan whose minutes are not the duration: tests/bad/packet-key-*.yaml,
# packet-plan-*.yaml)

# --- mimeo list: the fixture library as a table ------------------------------
L=$P/lib
got=$("$MIMEO" list $L 2>&1); st=$?
[ $st = 1 ] && ok || bad "list with a broken file: exit $st, expected 1"
[ "$got" = "$(cat $P/list.out)" ] && ok || { bad "mimeo list $L differs from $P/list.out:"; diff <(echo "$got") $P/list.out | head -8; }
# rows: file  title ... ; filters keep the header, the broken file, the summary
rows() { "$MIMEO" list "$@" 2>&1 | awk 'NR > 1 {print $1}' | sed '$d' | tr '\n' ' '; }
# --subject: the beginnings of a subject's words ("math" Mathematics), its
# initials ("ss" Social Studies), or a folder under DIR ("history")
expect_rows() {	# WANT ARGS...
	local want=$1 got
	shift
	got=$(rows "$@")
	[ "$got" = "$want" ] && ok || bad "list $*: '$got', expected '$want'"
}
B="$L/science/broken.yaml "	# every filter lists the file that does not load
expect_rows "$L/math/fractions.yaml $L/math/mixtures.yaml $L/packets/day.yaml $L/packets/talk-day.yaml $B" $L --subject MATH
expect_rows "$L/math/fractions.yaml $L/math/mixtures.yaml $L/packets/day.yaml $L/packets/talk-day.yaml $B" $L --subject math
# a longer word whose start is a subject finds it too: "Mathematics" finds
# Math as "math" finds Mathematics (but "mathem" is not Mathematics only)
expect_rows "$L/math/fractions.yaml $L/math/mixtures.yaml $L/packets/day.yaml $L/packets/talk-day.yaml $B" $L --subject mathem
expect_rows "$L/math/fractions.yaml $L/math/mixtures.yaml $L/packets/day.yaml $L/packets/talk-day.yaml $B" $L --subject Mathematics
expect_rows "$L/history/explorers.yaml $B" $L --subject "social studies class"
"$MIMEO" list $L --subject math --subject ela >/dev/null 2>&1; [ $? = 2 ] && ok || bad "--subject twice is not exit 2"
expect_rows "$B" $L --subject ath
expect_rows "$L/history/explorers.yaml $B" $L --subject social-studies
expect_rows "$L/history/explorers.yaml $B" $L --subject "Social  studies"
expect_rows "$L/history/explorers.yaml $B" $L --subject soc_stud
expect_rows "$L/history/explorers.yaml $B" $L --subject SS
expect_rows "$L/history/explorers.yaml $B" $L --subject history
expect_rows "$B" $L --subject studies-social
expect_rows "$L/ela/reading.yaml $L/packets/day.yaml $B" $L --subject ela
expect_rows "$L/ela/reading.yaml $L/packets/day.yaml $B" $L --tag Inference
expect_rows "$L/packets/day.yaml $B" $L --grade 5 --subject ela
expect_rows "$B" $L --grade 12
# the folder is matched from DIR's own folder down, never above it
expect_rows "$L/math/fractions.yaml $L/math/mixtures.yaml " $L/math --subject math
expect_rows "" $L/math --subject lib
"$MIMEO" list $L/math >/dev/null 2>&1; st=$?
[ $st = 0 ] && ok || bad "list of a sound folder: exit $st"
"$MIMEO" list $L/no-such-folder >/dev/null 2>&1; st=$?
[ $st = 2 ] && ok || bad "list of a missing folder: exit $st"
"$MIMEO" check --tag x $D >/dev/null 2>&1; st=$?
[ $st = 2 ] && ok || bad "--tag without list: exit $st"

# --- issue 18: a packet for a class (--roster), and a folder a substitute
# can trust: who is who, whom to ask, the bell; what the plan leaves out
"$MIMEO" packet -q -o "$PO/rd.pdf" $P/class/roster-day.yaml && ok || bad "roster-day.yaml failed"
"$MIMEO" packet -q --roster tests/rosters/large8.csv -o "$PO/rd8.pdf" $P/class/roster-day.yaml && ok || bad "roster-day.yaml --roster failed"
cmp -s "$PO/rd.pdf" "$PO/rd8.pdf" && bad "packet --roster: the roster changed nothing" || ok
read -r wf wl wc <<<"$(print_row "$PO/rd8.pdf" "Worksheet: Adding Fractions Practice — named, one")"
[ "${wc:-}" = 1 ] && [ "${wf:-0}" -gt 1 ] && ok || bad "rd8.pdf: print list row of named copies: '$wf $wl $wc'"
# each student's worksheet is in the range, named; Bo Berg's and Fay
# Fox's in large print (taller type than Ada Ames's)
missing=""
for who in "Ada Ames" "Bo Berg" "Cai Chen" "Dev Das" "Eli Eze" "Fay Fox" "Gus Gil" "Hal Hu"; do
	found=""
	for i in $(seq "${wf:-1}" "${wl:-1}"); do pdftext "$PO/rd8.pdf" "$i" | grep -qF "$who" && { found=$i; break; }; done
	[ -n "$found" ] || missing="$missing $who"
	eval "page_$(tr -d ' ' <<<"$who")=$found"
done
[ -z "$missing" ] && ok || bad "rd8.pdf: no named worksheet for$missing"
# word_px PDF PAGE WORD: the height of WORD's box on PAGE
word_px() { pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null | awk -F'"' -v w="$3" '/<word/ { t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t); if (t == w) { printf "%d\n", $8 - $4; exit } }'; }
small=$(word_px "$PO/rd8.pdf" "${page_AdaAmes:-1}" Adding); big=$(word_px "$PO/rd8.pdf" "${page_BoBerg:-1}" Adding)
[ "${small:-0}" -gt 5 ] && [ "${big:-0}" -gt $((small * 13 / 10)) ] && ok || bad "rd8.pdf: Bo Berg's worksheet is not in large print ($big against $small)"
# the cover: who is who, whom to ask, a line to write what to do at the bell
cover=$(pdftext "$PO/rd8.pdf" 1; pdftext "$PO/rd8.pdf" 2)
for w in "Who is who" "Table captains:" "Ada Ames, Bo Berg" "If you need help, ask:" "RosterHelp Ms. Ortiz" "At the bell:"; do
	grep -qF "$w" <<<"$cover" && ok || bad "rd8.pdf: '$w' not on the cover"
done
got=$("$MIMEO" check $P/class/roster-day.yaml 2>&1 >/dev/null)
[ -z "$got" ] && ok || bad "roster-day.yaml: $got"
# the plan names line leaders no one is named for, and Part A but not Part B
got=$("$MIMEO" check $P/class/uncovered-day.yaml 2>&1 >/dev/null); st=$?
[ $st = 0 ] && [ "$got" = "$P/class/uncovered-day.yaml:5:29: warning: plan step 2 names the leaders, but the cover does not say who they are; add roles: {Leaders: [names]} to the packet
$P/class/uncovered-day.yaml:7:12: warning: include 1: the plan names parts of \"Two Parts\" but not Part B; say in a step what students do with it (or name no part, and the whole worksheet is one step)
$P/class/uncovered-day.yaml:8:12: warning: include 2: the plan names parts of \"Two Parts\" but not Part B; say in a step what students do with it (or name no part, and the whole worksheet is one step)" ] && ok ||
	bad "uncovered-day.yaml: exit $st: $got"
# template: large-print on an include: that worksheet in large type
"$MIMEO" packet -q -o "$PO/ud.pdf" $P/class/uncovered-day.yaml && ok || bad "uncovered-day.yaml failed"
std=$(word_px "$PO/ud.pdf" "$(print_row "$PO/ud.pdf" "Worksheet: Two Parts" | cut -d' ' -f1)" Adding)
n=$(pages "$PO/ud.pdf"); lp=""
for i in $(seq 3 "$n"); do [ "$(word_px "$PO/ud.pdf" "$i" Adding)" != "" ] && lp=$i; done
big=$(word_px "$PO/ud.pdf" "${lp:-1}" Adding)
[ "${std:-0}" -gt 5 ] && [ "${big:-0}" -gt $((std * 13 / 10)) ] && ok || bad "ud.pdf: the large-print include is not in large type ($big against $std)"
