# Discussion packets, sourced by tests/run.sh (uses ok, bad, check, $T,
# $MIMEO, and pdftext/pages/pagesize from tests/e2e.sh).  The packet is
# read back page by page: teacher-only text on teacher pages only.

D=tests/disc
R=tests/rosters
O=$T/disc
mkdir -p "$O"
BANNER="Teacher's guide — teacher only"
SECRETS="SecretGoal SecretSayLaunch SecretApproachOne SecretApproachTwo SecretAskOne SecretAskTwo SecretQuestion SecretSynthesis Misconception"

# leak_check PDF: every page with a teacher-only word carries the banner,
# and every teacher-only word is printed somewhere.
leak_check() {
	local pdf=$1 n i txt tok leaked="" seen=""
	n=$(pages "$pdf")
	for i in $(seq 1 "$n"); do
		txt=$(pdftext "$pdf" "$i")
		case $txt in *"$BANNER"*) seen="$seen$txt" ; continue ;; esac
		for tok in $SECRETS; do
			case $txt in *"$tok"*) leaked="$leaked $tok(page $i)" ;; esac
		done
	done
	[ -z "$leaked" ] && ok || bad "$(basename "$pdf"): teacher-only text on a student page:$leaked"
	for tok in $SECRETS; do
		case $seen in *"$tok"*) ;; *) bad "$(basename "$pdf"): $tok is on no teacher page"; return ;; esac
	done
	ok
}

# --- without a roster: one of each sheet ---------------------------------
"$MIMEO" -q -o "$O/" $D/leak.yaml && ok || bad "mimeo leak.yaml failed"
[ -f "$O/leak-discussion.pdf" ] && ok || bad "mimeo FILE did not write the discussion packet"
P=$O/leak-discussion.pdf
leak_check "$P"
check "qpdf --check leak-discussion.pdf" qpdf --check "$P"
# the parts in order: guide, individual sheet, group sheet, role cards,
# exit tickets; each a bookmark
order=$(qpdf --json "$P" | sed -n 's/.*"title": "\(.*\)".*/\1/p' | awk '!seen[$0]++' | tr '\n' '|')
# (30 students in groups of 4 are six of 4 and two of 3: a group sheet for
# each size, one set of role cards for both)
[ "$order" = "$BANNER|Individual sheet|Group sheet — 4-member groups|Group sheet — 3-member groups|Role cards|Exit ticket|" ] && ok ||
	bad "leak-discussion.pdf: parts are $order"
pdftext "$P" | grep -q "PublicProblem" && ok || bad "leak-discussion.pdf: no problem"
for w in "My first try" "What I notice" "What I wonder" "How are your approaches alike?" \
	"How are they different?" "Which would you show the class, and why?" "The approach we will present" \
	"Facilitator" "Recorder" "Skeptic" "Reporter" "Asks \"How do you know?\"" "PublicTicket" \
	"The lesson, step by step (30 minutes)" "Monitoring grid" "Board plan"; do
	pdftext "$P" | grep -qF "$w" && ok || bad "leak-discussion.pdf: '$w' not printed"
done
# four exit tickets on one page
tp=$(pages "$P"); while [ "$tp" -gt 1 ] && ! pdftext "$P" "$tp" | grep -q PublicTicket; do tp=$((tp - 1)); done
[ "$(pdftext "$P" "$tp" | grep -c PublicTicket)" = 4 ] && ok || bad "leak-discussion.pdf: not 4 exit tickets on page $tp"
# the worksheet and key never carry the discussion's teacher text
for f in leak.pdf leak-key.pdf; do
	pdftext "$O/$f" | grep -q Secret && bad "$f shows discussion text" || ok
done

# footers PDF TITLE: one line per page, "PART|n|N" from its footer
# ("PART — TITLE ... Page n of N"), "blank" for a duplex pad page, "?" for
# a page whose footer is something else.
footers() {
	local pdf=$1 title=$2 i
	for i in $(seq 1 "$(pages "$pdf")"); do
		pdftotext -layout -f "$i" -l "$i" "$pdf" - 2>>"$O/poppler.err" |
			awk -v t=" — $title" '{ gsub(/\f/, "") } /intentionally blank|en blanco intencionadamente/ { blank = 1 }
				NF { last = $0 } END {
				if (blank) { print "blank"; exit }
				p = index(last, t)
				if (p == 0 || !match(last, /(Page|Página) [0-9]+ (of|de) [0-9]+ *$/)) { print "?"; exit }
				split(substr(last, RSTART), w, " ")
				print substr(last, 1, p - 1) "|" w[2] "|" w[4] }'
	done
}
# part_numbers FOOTERS: "ok" when pages are numbered within each part:
# 1 where a part starts, one more on each of its pages, its last page N.
part_numbers() {
	awk -F'|' '$0 == "blank" { next }
		$0 == "?" { bad = bad " page " NR " has no part footer;" ; next }
		{ if ($1 != part) { if (part != "" && n != total) bad = bad " " part " ends on " n " of " total ";"
			if ($2 != 1) bad = bad " " $1 " starts on page " $2 ";"
			part = $1 }
		  else if ($2 != n + 1) bad = bad " " $1 " jumps to page " $2 ";"
		  n = $2; total = $3 }
		END { if (n != total) bad = bad " " part " ends on " n " of " total
			print bad == "" ? "ok" : bad }' "$1"
}

# --- with a roster: random groups ------------------------------------------
"$MIMEO" -q discussion --roster $R/class10.csv -o "$O/r1.pdf" $D/leak.yaml && ok || bad "discussion --roster failed"
"$MIMEO" -q discussion --roster $R/class10.csv -o "$O/r2.pdf" $D/leak.yaml
cmp -s "$O/r1.pdf" "$O/r2.pdf" && ok || bad "same seed, different packets"
leak_check "$O/r1.pdf"
n=$(pages "$O/r1.pdf")
: >"$O/groups.txt"; : >"$O/sheets.txt"
for i in $(seq 1 "$n"); do
	txt=$(pdftext "$O/r1.pdf" "$i")
	case $txt in
	*"My first try"*) echo "$txt" >"$O/page.txt"
		c=0; while IFS= read -r who; do grep -qF "$who" "$O/page.txt" && { c=$((c + 1)); echo "$who" >>"$O/sheets.txt"; }; done < <(tail -n +2 $R/class10.csv | cut -d, -f1)
		[ $c = 1 ] || bad "r1.pdf page $i: an individual sheet names $c students" ;;
	*"How are your approaches alike?"*) echo "$txt" >"$O/page.txt"
		g=$(grep -o 'Group [0-9]*' "$O/page.txt" | head -1)
		while IFS= read -r who; do grep -qF "$who" "$O/page.txt" && echo "$g|$who" >>"$O/groups.txt"; done < <(tail -n +2 $R/class10.csv | cut -d, -f1) ;;
	esac
done
[ "$(sort "$O/sheets.txt" | uniq | wc -l)" = 10 ] && [ "$(wc -l <"$O/sheets.txt")" = 10 ] && ok ||
	bad "r1.pdf: $(wc -l <"$O/sheets.txt") individual sheets for 10 students"
[ "$(cut -d'|' -f2 "$O/groups.txt" | sort | uniq | wc -l)" = 10 ] && [ "$(wc -l <"$O/groups.txt")" = 10 ] && ok ||
	bad "r1.pdf: every student is not in exactly one group: $(tr '\n' ' ' <"$O/groups.txt")"
sizes=$(cut -d'|' -f1 "$O/groups.txt" | sort | uniq -c | awk '{print $1}' | sort | tr '\n' ' ')
[ "$sizes" = "3 3 4 " ] && ok || bad "r1.pdf: 10 students in groups of 4 made groups of $sizes"
# every part numbered on its own, its footer naming it: the guide, a
# sheet per student (her own name), a sheet per group, the cards, tickets
footers "$O/r1.pdf" "Discussion Leak Check" >"$O/r1.footers"
got=$(part_numbers "$O/r1.footers"); [ "$got" = ok ] && ok || bad "r1.pdf page numbers:$got"
parts=$(grep -v '^blank$' "$O/r1.footers" | cut -d'|' -f1 | uniq | sed 's/ — .*//' | uniq -c | awk '{$1 = $1} 1' | tr '\n' ',')
[ "$parts" = "1 Teacher's guide,10 Individual sheet,3 Group sheet,1 Role cards,1 Exit ticket," ] && ok || bad "r1.pdf parts by footer: $parts"
[ "$(sed -n 1p "$O/r1.footers")" = "Teacher's guide|1|5" ] && ok || bad "r1.pdf guide footer: $(sed -n 1p "$O/r1.footers")"
for i in $(seq 1 "$n"); do
	txt=$(pdftext "$O/r1.pdf" "$i")
	case $txt in
	*"My first try"*) who=$(sed -n "${i}p" "$O/r1.footers" | sed -n 's/^Individual sheet — \(.*\)|1|2$/\1/p')
		[ -n "$who" ] && grep -qxF "Name $who" <<<"$txt" || bad "r1.pdf page $i: sheet footer $(sed -n "${i}p" "$O/r1.footers") is not its student's" ;;
	*"How are your approaches alike?"*) g=$(grep -o 'Group [0-9]*' <<<"$txt" | head -1)
		case $(sed -n "${i}p" "$O/r1.footers") in "Group sheet — $g · "*"|1|1") ;; *) bad "r1.pdf page $i: $g footer $(sed -n "${i}p" "$O/r1.footers")" ;; esac ;;
	esac
done
footers "$P" "Discussion Leak Check" >"$O/leak.footers"
got=$(part_numbers "$O/leak.footers"); [ "$got" = ok ] && ok || bad "leak-discussion.pdf page numbers:$got"
[ "$(grep -v '^blank$' "$O/leak.footers" | cut -d'|' -f1 | sed 's/ — .*//' | uniq | tr '\n' ',')" = "Teacher's guide,Individual sheet,Group sheet,Role cards,Exit ticket," ] && ok ||
	bad "leak-discussion.pdf parts by footer: $(tr '\n' ',' <"$O/leak.footers")"
# the group list is a teacher page and names every student
gl=$(for i in $(seq 1 "$n"); do pdftext "$O/r1.pdf" "$i" | grep -q "Drawn at random" && echo "$i"; done | head -1)
if [ -n "$gl" ] && pdftext "$O/r1.pdf" "$gl" | grep -qF "$BANNER"; then ok; else bad "r1.pdf: no group list on a teacher page"; fi
# another seed draws other groups; --group-size 3 makes 3+3+2+2
"$MIMEO" -q discussion --seed 99 --roster $R/class10.csv -o "$O/r3.pdf" $D/leak.yaml
[ "$(pdftext "$O/r1.pdf" "$gl")" != "$(pdftext "$O/r3.pdf" "$gl")" ] && ok || bad "--seed 99 drew the same groups"
"$MIMEO" -q discussion --group-size 3 --roster $R/class10.csv -o "$O/r4.pdf" $D/leak.yaml
[ "$(pdftext "$O/r4.pdf" | grep -c 'How are your approaches alike?')" = 4 ] && ok || bad "--group-size 3: not 4 group sheets for 10"
# two periods are grouped apart: 5 -> 3+2, 7 -> 4+3
"$MIMEO" -q discussion --roster $R/two-periods.csv -o "$O/r5.pdf" $D/leak.yaml
gl5=$(pdftext "$O/r5.pdf" | grep -o 'Group [0-9]* · Period [0-9]*' | sort -u | tr '\n' ',')
[ "$gl5" = "Group 1 · Period 1,Group 2 · Period 1,Group 3 · Period 2,Group 4 · Period 2," ] && ok || bad "two periods: groups $gl5"

# --- groups larger than the role list --------------------------------------
# group_roles PDF: "k members: role,role,..." for each group sheet, from
# its members table (names and roles in two columns)
group_roles() {
	local pdf=$1 i
	for i in $(seq 1 "$(pages "$pdf")"); do
		pdftotext -layout -f "$i" -l "$i" "$pdf" - 2>>"$O/poppler.err" |
			awk '/teacher only/ { exit }	# the group list in the guide
				/^ *Name +Role *$/ { on = 1; next }
				on && !NF { exit }
				on { n++; sub(/^ */, ""); split($0, c, /  +/); r = r (n > 1 ? "," : "") c[2] }
				END { if (n) print n " members: " r }'
	done
}
# 11 students in groups of 6 make 6 + 5: the members beyond the four roles
# are the Questioner and the Checker, nobody holds a role twice
"$MIMEO" -q discussion --group-size 6 --roster $R/class11.csv -o "$O/g6.pdf" $D/leak.yaml && ok || bad "--group-size 6 failed"
got=$(group_roles "$O/g6.pdf" | tr '\n' ';')
[ "$got" = "6 members: Facilitator,Recorder,Skeptic,Reporter,Questioner,Checker;5 members: Facilitator,Recorder,Skeptic,Reporter,Questioner;" ] && ok ||
	bad "g6.pdf: group roles $got"
# a role card for each member, naming the member: 11 cards, 11 names
cards=$(pdftext "$O/g6.pdf" | grep -o 'Group [12] · [A-Z][a-z]* [A-Z][a-z]*' | sort)
[ "$(wc -l <<<"$cards")" = 11 ] && [ "$(cut -d' ' -f4- <<<"$cards" | sort -u | wc -l)" = 11 ] && ok ||
	bad "g6.pdf: role cards for $(wc -l <<<"$cards") members: $(tr '\n' ';' <<<"$cards")"
for w in "Asks each member to explain how they got their answer." "Makes sure everyone in the group can explain the answer."; do
	pdftext "$O/g6.pdf" | tr '\n' ' ' | grep -qF "$w" && ok || bad "g6.pdf: no job '$w'"
done
# a set with two roles, one of them Checker: 6 + 5 take the other extra
# roles, then the sixth member shares the first role as Co-Explainer
"$MIMEO" -q discussion --group-size 6 --roster $R/class11.csv -o "$O/roles.pdf" $D/roles.yaml && ok || bad "roles.yaml failed"
got=$(group_roles "$O/roles.pdf" | tr '\n' ';')
[ "$got" = "6 members: Explainer,Checker,Questioner,Timekeeper,Encourager,Co-Explainer;5 members: Explainer,Checker,Questioner,Timekeeper,Encourager;" ] && ok ||
	bad "roles.pdf: group roles $got"
pdftext "$O/roles.pdf" | grep -qF "Checks every step twice." && ok || bad "roles.pdf: the set's own Checker job is not printed"
# without a roster, the blank group sheet has a role for each of 6 rows,
# and the cards to copy are the same six
"$MIMEO" -q discussion --group-size 6 -o "$O/g6blank.pdf" $D/leak.yaml
got=$(pdftotext -layout "$O/g6blank.pdf" - | awk '/^ *Name +Role *$/ { on = 1; next } /How are/ { exit } on && /[a-z]/ { sub(/^ */, ""); print }' | tr '\n' ',')
[ "$got" = "Facilitator,Recorder,Skeptic,Reporter,Questioner,Checker," ] && ok || bad "g6blank.pdf: blank group sheet roles $got"
[ "$(pdftext "$O/g6blank.pdf" | grep -cxE 'Questioner|Checker')" -ge 4 ] && ok || bad "g6blank.pdf: no Questioner/Checker cards"

# --- large print ------------------------------------------------------------
# word_height PDF PAGE WORD: the height in points of WORD's first box there
word_height() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - 2>>"$O/poppler.err" |
		awk -v w="$3" -F'"' '$0 ~ ">" w "</word>" { printf "%.0f\n", $8 - $4; exit }'
}
# Bo Berg and Fay Fox are large print: their own sheets, the sheet of
# their group and their exit tickets (a part of their own) are in large
# type; everyone else's are not.
"$MIMEO" -q discussion --roster $R/large8.csv -o "$O/lp.pdf" $D/leak.yaml && ok || bad "large8 roster failed"
footers "$O/lp.pdf" "Discussion Leak Check" >"$O/lp.footers"
got=$(part_numbers "$O/lp.footers"); [ "$got" = ok ] && ok || bad "lp.pdf page numbers:$got"
: >"$O/lp.sizes"
# the same words in the class's print size: the problem on the guide, a
# prompt on the group sheet of the packet without a roster
std_sheet=$(word_height "$O/lp.pdf" 1 PublicProblem:)
std_group=$(word_height "$P" "$(grep -n '^Group sheet' "$O/leak.footers" | head -1 | cut -d: -f1)" approaches)
for i in $(seq 1 "$(pages "$O/lp.pdf")"); do
	txt=$(pdftext "$O/lp.pdf" "$i")
	case $txt in
	*"My first try"*) who=$(grep -m1 '^Name ' <<<"$txt" | cut -d' ' -f2-)
		echo "sheet|$who|$(word_height "$O/lp.pdf" "$i" PublicProblem:)|$std_sheet" >>"$O/lp.sizes" ;;
	*"How are your approaches alike?"*) g=$(grep -o 'Group [0-9]*' <<<"$txt" | head -1)
		grep -qE 'Bo Berg|Fay Fox' <<<"$txt" && l="with large print" || l=standard
		echo "$g|$l|$(word_height "$O/lp.pdf" "$i" approaches)|$std_group" >>"$O/lp.sizes" ;;
	esac
done
# large type is half as tall again (18 pt for 12)
got=$(awk -F'|' '{ big = $3 > 1.3 * $4; lp = $2 ~ /Bo Berg|Fay Fox|large/; if (big != lp || $4 < 10) print }' "$O/lp.sizes")
[ -z "$got" ] && [ "$(grep -c '^sheet' "$O/lp.sizes")" = 8 ] && [ "$(grep -c '^Group' "$O/lp.sizes")" = 2 ] && ok ||
	bad "lp.pdf: print sizes wrong: $(tr '\n' ';' <"$O/lp.sizes")"
# one ticket each; the large-print ones on their own pages, in large type
lt=$(grep -n '^Exit ticket — large print|' "$O/lp.footers" | cut -d: -f1)
[ -n "$lt" ] && [ "$(pdftext "$O/lp.pdf" "$lt" | grep -o '^Name .*' | sort | tr '\n' ',')" = "Name Bo Berg,Name Fay Fox," ] && ok ||
	bad "lp.pdf: large-print tickets on page ${lt:-none}: $(pdftext "$O/lp.pdf" "${lt:-1}" | grep -o '^Name .*' | tr '\n' ',')"
[ -n "$lt" ] && [ "$(word_height "$O/lp.pdf" "$lt" PublicTicket:)" -gt $((std_sheet * 13 / 10)) ] && ok ||
	bad "lp.pdf: large-print ticket not in large type"
[ "$(pdftext "$O/lp.pdf" | grep -c '^PublicTicket')" = 8 ] && [ "$(pdftext "$O/lp.pdf" | grep -cE '^Name (Bo Berg|Fay Fox)$')" = 4 ] && ok ||
	bad "lp.pdf: not one exit ticket and one sheet per student"

# rules PDF PAGE: the heights (points from the top, to 2 pt) of the lines
# drawn across most of the page, read from a 36 dpi gray rendering
rules() {
	local pgm=$O/rules.pgm w hdr
	pdftoppm -r 36 -gray -f "$2" -l "$2" "$1" >"$pgm" 2>>"$O/poppler.err" || return
	w=$(sed -n 2p "$pgm" | cut -d' ' -f1)
	hdr=$(head -n 3 "$pgm" | wc -c)
	tail -c +$((hdr + 1)) "$pgm" | od -An -tu1 -v -w"$w" |
		awk -v w="$w" '{ d = 0; for (i = 1; i <= NF; i++) if ($i < 230) d++; if (d > 0.6 * w) print (NR - 1) * 2 }'
}
# group_sheet_split PDF FOOTERS PAGE: "ok" when the group sheet whose first
# page is PAGE goes on, on its second, with the last prompt and the box it
# introduces, and its first page ends in ruled lines down to the foot
# (letter: the bottom margin is at 742 pt; a line pitch is at most 37 pt)
group_sheet_split() {
	local p=$1 f=$2 i=$3 last
	[ "$(sed -n "${i}p" "$f" | cut -d'|' -f2-)" = "1|2" ] || { echo "page $i is $(sed -n "${i}p" "$f")"; return; }
	[ "$(pdftext "$p" $((i + 1)) | grep -v '^$' | head -1)" = "Which would you show the class, and why?" ] &&
		pdftext "$p" $((i + 1)) | grep -qx "The approach we will present" ||
		{ echo "page $((i + 1)) starts with $(pdftext "$p" $((i + 1)) | grep -v '^$' | head -2 | tr '\n' '/')"; return; }
	last=$(rules "$p" "$i" | tail -1)
	[ "${last:-0}" -ge 700 ] && [ "$last" -le 742 ] || { echo "page $i's last rule at ${last:-none} pt"; return; }
	echo ok
}
# the group sheet of the group with large print has no room for its box
# (11 pt of the 2 in it needs): it goes on, on the back, from "Which
# would you show the class", and its front is ruled to the foot; the
# other group's sheet is one page
lg=$(grep -n '^Group sheet — Group [0-9] · Period 1|1|2$' "$O/lp.footers" | cut -d: -f1)
got=$(group_sheet_split "$O/lp.pdf" "$O/lp.footers" "${lg:-1}")
[ "$got" = ok ] && ok || bad "lp.pdf large-print group sheet: $got"
[ "$(grep -c '^Group sheet — .*|1|1$' "$O/lp.footers")" = 1 ] && ok || bad "lp.pdf: the standard group sheet is not one page"
# so does a standard blank sheet of eight rows (96 pt left for the box)
"$MIMEO" -q discussion --group-size 8 -o "$O/g8.pdf" $D/leak.yaml
footers "$O/g8.pdf" "Discussion Leak Check" >"$O/g8.footers"
got=$(group_sheet_split "$O/g8.pdf" "$O/g8.footers" "$(grep -n '^Group sheet' "$O/g8.footers" | head -1 | cut -d: -f1)")
[ "$got" = ok ] && ok || bad "g8.pdf group sheet: $got"

# role cards: the large-print students' own cards in a part of their own
# ("Role cards — large print"), in large type; the others' at class size
rc=$(grep -n '^Role cards|' "$O/lp.footers" | cut -d: -f1 | head -1)
lrc=$(grep -n '^Role cards — large print|' "$O/lp.footers" | cut -d: -f1 | head -1)
holders() { pdftext "$O/lp.pdf" "$1" | grep -o '^Group [0-9]* · Period 1 · .*' | sed 's/.* · //' | sort | tr '\n' ','; }
[ -n "$rc" ] && [ -n "$lrc" ] && [ "$(holders "$lrc")" = "Bo Berg,Fay Fox," ] &&
	[ "$(holders "$rc")" = "Ada Ames,Cai Chen,Dev Das,Eli Eze,Gus Gil,Hal Hu," ] && ok ||
	bad "lp.pdf: role cards on page ${rc:-none} for $(holders "${rc:-1}"), large print on page ${lrc:-none} for $(holders "${lrc:-1}")"
std_card=$(word_height "$O/lp.pdf" "${rc:-1}" Facilitator)
big_card=$(word_height "$O/lp.pdf" "${lrc:-1}" Facilitator)
[ -n "$lrc" ] && [ "${std_card:-0}" -ge 10 ] && [ "${big_card:-0}" -gt $((std_card * 13 / 10)) ] && ok ||
	bad "lp.pdf: a large-print role card's role is ${big_card:-missing} pt high, a standard card's ${std_card:-missing}"
big_job=$(word_height "$O/lp.pdf" "${lrc:-1}" Makes)
[ "${big_job:-0}" -gt $((std_sheet * 13 / 10)) ] && ok || bad "lp.pdf: a large-print role card's job is ${big_job:-missing} pt high"

# a title too long for the footer is cut with "…"; the part's name and
# the page number stay on the footer's one line
"$MIMEO" -q discussion --roster $R/large8.csv -o "$O/long.pdf" $D/long-title.yaml && ok || bad "long-title.yaml failed"
for i in 1 7 9; do
	foot=$(pdftotext -layout -f $i -l $i "$O/long.pdf" - | tr -d '\f' | awk 'NF { prev = last; last = $0 } END { print prev "|" last }')
	case $foot in
	*"Page 1 of"*"|"*) bad "long.pdf page $i: the footer wraps: $foot" ;;
	*"|"*"Individual sheet — "*" — Comparing Approaches to"*"…"*"Page 1 of 2") ok ;;
	*"|Teacher's guide — Comparing Approaches to"*"…"*"Page 1 of "*) ok ;;
	*) bad "long.pdf page $i: footer $foot" ;;
	esac
done

# --- A4, Spanish, the command line --------------------------------------
"$MIMEO" -q discussion --paper a4 -o "$O/a4.pdf" $D/leak.yaml
[ "$(pagesize "$O/a4.pdf")" = "595.276x841.89" ] && ok || bad "a4 packet is $(pagesize "$O/a4.pdf")"
leak_check "$O/a4.pdf"
"$MIMEO" -q discussion --lang es -o "$O/es.pdf" $D/leak.yaml
for w in "Guía del maestro — solo para el maestro" "Mi primer intento" "Lo que observo" "Lo que me pregunto" \
	"¿En qué se parecen sus estrategias?" "Tarjetas de roles" "Boleto de salida" "Facilitador" "Escéptico" \
	"Error conceptual" "Plan de pizarra" "Tabla de observación" "Página 1 de"; do
	pdftext "$O/es.pdf" | grep -qF "$w" && ok || bad "es.pdf: '$w' not printed"
done
footers "$O/es.pdf" "Discussion Leak Check" >"$O/es.footers"
got=$(part_numbers "$O/es.footers"); [ "$got" = ok ] && ok || bad "es.pdf page numbers:$got"
[ "$(grep -v '^blank$' "$O/es.footers" | cut -d'|' -f1 | sed 's/ — .*//' | uniq | tr '\n' ',')" = "Guía del maestro,Hoja individual,Hoja del grupo,Tarjetas de roles,Boleto de salida," ] && ok ||
	bad "es.pdf parts by footer: $(tr '\n' ',' <"$O/es.footers")"
"$MIMEO" discussion --lang es -o "$O/es2.pdf" $D/leak.yaml 2>"$O/es.err" >/dev/null
[ ! -s "$O/es.err" ] && ok || bad "Spanish labels missing: $(head -2 "$O/es.err")"
# roles named in another language: a role the labels know, given without
# a job, prints in the printed language with its job; the set's own job
# is printed as written; a role the labels do not know, without a job,
# has lines on its card to write the job on (and is no mistake)
# card_jobs PDF: "Role: first line of its job" for each role card, read
# from the layout of the card pages: a row of cards is the titles' line,
# then the jobs' first lines, in columns
card_jobs() {
	pdftotext -layout "$1" - 2>>"$O/poppler.err" |
		awk '/Cut along|Recorte por/ { on = 1; want = 1; next }
			/Page [0-9]+ of|Página [0-9]+ de/ { on = 0 }
			!on { next }
			!NF { want = 1; next }
			{ sub(/^ +/, ""); sub(/ +$/, "") }
			want == 1 { nt = split($0, t, /  +/); want = 2; next }
			want == 2 { split($0, j, /  +/); for (k = 1; k <= nt; k++) print t[k] ": " j[k]; want = 0 }'
}
got=$("$MIMEO" check tests/disc/roles-lang.yaml 2>&1 >/dev/null)
[ -z "$got" ] && ok || bad "roles-lang.yaml does not check silently: $got"
"$MIMEO" -q discussion --lang es -o "$O/roles-es.pdf" $D/roles-lang.yaml && ok || bad "roles-lang.yaml --lang es failed"
card_jobs "$O/roles-es.pdf" >"$O/roles-es.cards"
got=$(tr '\n' '|' <"$O/roles-es.cards")
[ "$got" = "Facilitador: Se asegura de que todos compartan su|Secretario: Anota las ideas del grupo en la hoja del|Escéptico: Pregunta «¿Cómo lo sabes?» y revisa|Checker: Checks every step twice.|Navigator: Mi tarea:|" ] && ok ||
	bad "roles-es.pdf: role cards $got"
pdftext "$O/roles-es.pdf" | grep -qE "Facilitator|Recorder|Skeptic|Makes sure|Writes the" && bad "roles-es.pdf: English role words in a Spanish packet" || ok
"$MIMEO" -q discussion -o "$O/roles-en.pdf" $D/roles-lang.yaml
got=$(card_jobs "$O/roles-en.pdf" | tr '\n' '|')
[ "$got" = "Facilitator: Makes sure everyone shares a first try|Recorder: Writes the group's ideas on the group|Skeptic: Asks \"How do you know?\" and checks|Checker: Checks every step twice.|Navigator: My job:|" ] && ok ||
	bad "roles-en.pdf: role cards $got"
# the Navigator's card has two lines to write on: rules inside its card
# (the cards page's rules are the heading's and these two)
cp=$(for i in $(seq 1 "$(pages "$O/roles-en.pdf")"); do pdftext "$O/roles-en.pdf" "$i" | grep -q '^Navigator$' && echo "$i"; done | head -1)
[ "$(rules "$O/roles-en.pdf" "${cp:-1}" | wc -l)" -ge 2 ] && ok || bad "roles-en.pdf: no lines on the Navigator's card (page ${cp:-none})"
# groups of 7 asked, in Spanish: 30 students make five groups of 6 (the
# group's real size); the member beyond the five roles is the Indagador;
# the set has the Checker (in English), so no Verificador is added
"$MIMEO" -q discussion --lang es --group-size 7 -o "$O/roles-es7.pdf" $D/roles-lang.yaml
got=$(pdftotext -layout "$O/roles-es7.pdf" - | awk '/^ *Nombre +Rol *$/ { on = 1; next } /En qué/ { exit } on && /[a-z]/ { sub(/^ */, ""); print }' | tr '\n' ',')
[ "$got" = "Facilitador,Secretario,Escéptico,Checker,Navigator,Indagador," ] && ok || bad "roles-es7.pdf: roles $got"
"$MIMEO" -q discussion --group-size 1 $D/leak.yaml 2>/dev/null; [ $? = 2 ] && ok || bad "--group-size 1 is not exit 2"
got=$("$MIMEO" discussion -o "$O/none.pdf" tests/e2e/leak.yaml 2>&1 >/dev/null); st=$?
[ $st = 1 ] && [ "$got" = "tests/e2e/leak.yaml:1:1: error: this set has no \"discussion:\" block, so there is no discussion packet to print; add one (see the README)" ] &&
	[ ! -e "$O/none.pdf" ] && ok || bad "discussion on a set without one: $st $got"
got=$("$MIMEO" discussion --roster $R/one.csv -o "$O/one.pdf" $D/leak.yaml 2>&1 >/dev/null); st=$?
[ $st = 1 ] && [ "$got" = "$R/one.csv: error: a discussion needs at least 2 students to make groups; this roster has 1" ] &&
	[ ! -e "$O/one.pdf" ] && ok || bad "a roster of one: $st $got"

# --- issue 18: the structured lesson, read back page by page -------------
# teacher-only words (the exit ticket's answer and look-fors) only on guide
# pages; hints and the extension only on the guide and on the hint-card
# pages (handed out by the teacher); never on a student's sheet.
"$MIMEO" -q discussion -o "$O/lesson.pdf" $D/lesson.yaml && ok || bad "lesson.yaml failed"
P=$O/lesson.pdf
leaked=""; guide=""; cards=""
for i in $(seq 1 "$(pages "$P")"); do
	txt=$(pdftext "$P" "$i")
	case $txt in *"$BANNER"*) guide="$guide$txt"; continue ;; esac
	case $txt in *"Hint and extension cards"*) cards="$cards$txt" ;; esac
	for tok in SecretExitAnswer SecretLookFor SecretSynthesis SecretGoal; do
		case $txt in *"$tok"*) leaked="$leaked $tok(page $i)" ;; esac
	done
	case $txt in *"Hint and extension cards"*) ;; *)
		for tok in HintOne HintTwo ExtensionTask; do
			case $txt in *"$tok"*) leaked="$leaked $tok(page $i)" ;; esac
		done ;;
	esac
done
[ -z "$leaked" ] && ok || bad "lesson.pdf: teacher-only text on a student page:$leaked"
for tok in SecretExitAnswer SecretLookFor HintOne ExtensionTask "Print list" "Monitoring sheet" \
	"Summary" "Say, then write at the right end of the board:" "Exit ticket" "Ask the class to predict:"; do
	case $guide in *"$tok"*) ok ;; *) bad "lesson.pdf: '$tok' not in the guide" ;; esac
done
for tok in "Hint (1 of 2)" HintOne "Hint (2 of 2)" HintTwo "Finished? Try this" ExtensionTask; do
	case $cards in *"$tok"*) ok ;; *) bad "lesson.pdf: '$tok' not on the hint cards" ;; esac
done
# the default plan: six steps, Summary 40-45 then Exit ticket 45-50
pdftotext -layout "$P" - | grep -qE "40–45 +Summary" && pdftotext -layout "$P" - | grep -qE "45–50 +Exit ticket" && ok ||
	bad "lesson.pdf: no Summary and Exit ticket steps in the default plan"
# the individual sheet: question and prediction at the top, the work
# space on the same first page; on its back the ways copied from the
# board and the box for the summary at the bottom, in that order
ind=$(for i in $(seq 1 "$(pages "$P")"); do pdftext "$P" "$i" | grep -q "^My first try" && { pdftext "$P" "$i"; pdftext "$P" $((i + 1)); break; }; done)
order=$(printf '%s\n' "$ind" | tr -d '\f' | grep -nE "PublicQuestion|What I notice|My prediction|My first try|Ways from the class|What we learned today|^Individual sheet" | cut -d: -f2 | tr '\n' '|')
[ "$order" = "PublicQuestion how do we add unlike pieces?|What I notice|My prediction|My first try|Individual sheet — Structured Lesson Check|Ways from the class I want to remember|What we learned today|Individual sheet — Structured Lesson Check|" ] && ok ||
	bad "lesson.pdf: the individual sheet reads $order"
grep -q PublicPredict <<<"$ind" && ok || bad "lesson.pdf: the prediction is not asked on the individual sheet"
# the print list counts 30 students without a roster or class_size
pdftotext -layout -f 1 -l 1 "$P" - | grep -qE "Individual sheet +[0-9–]+ +30" && ok || bad "lesson.pdf: print list without 30 individual sheets"
# pad pages only between parts: the packet never ends on a blank page
pdftext "$P" "$(pages "$P")" | grep -q "intentionally blank" && bad "lesson.pdf ends on a pad page" || ok

# with a roster of 28: the monitoring sheet names every student
"$MIMEO" -q discussion --roster $R/class28.csv -o "$O/lesson28.pdf" $D/lesson.yaml && ok || bad "lesson.yaml --roster failed"
mon=$(for i in $(seq 1 "$(pages "$O/lesson28.pdf")"); do t=$(pdftext "$O/lesson28.pdf" "$i"); case $t in *"Monitoring sheet"*|*"Share #"*) printf '%s\n' "$t" ;; esac; done | tr '\n' ' ')
missing=""
# the roster's names, read as RFC 4180 (quoted commas and doubled quotes)
while IFS= read -r name; do
	case $mon in *"$name"*) ;; *) missing="$missing $name;" ;; esac
done < <(awk -v RS='\r?\n' 'NR > 1 { s = $0; sub(/^\xef\xbb\xbf/, "", s)
	if (s ~ /^"/) { s = substr(s, 2); n = ""; while (s != "") { c = substr(s, 1, 1); s = substr(s, 2)
		if (c == "\"") { if (substr(s, 1, 1) == "\"") { n = n c; s = substr(s, 2) } else break } else n = n c }
		print n } else { split(s, f, ","); print f[1] } }' $R/class28.csv)
[ -z "$missing" ] && ok || bad "lesson28.pdf: not on the monitoring sheet:$missing"
pdftotext -layout -f 1 -l 1 "$O/lesson28.pdf" - | grep -qE "Individual sheet — named, one each \(28\) +[0-9]+–[0-9]+ +1" && ok || bad "lesson28.pdf: print list without the named sheets"

# grouping: random: a deck of group cards, one per student of the roster,
# that adds up to it; group sheets with blank names and no roles
"$MIMEO" -q discussion --roster $R/class28.csv -o "$O/random28.pdf" $D/lesson-random.yaml && ok || bad "lesson-random.yaml failed"
n=$(pdftext "$O/random28.pdf" | tr '\n' ' ' | grep -o "Find the others with this number" | wc -l)
[ "$n" = 28 ] && ok || bad "random28.pdf: $n group cards for 28 students"
# groups of 3 by default: 28 students are 9 groups (8 of 3, 1 of 4)
cards=$(for i in $(seq 1 "$(pages "$O/random28.pdf")"); do t=$(pdftext "$O/random28.pdf" "$i")
	case $t in *"Find the others"*) grep -oE "Group [0-9]+" <<<"$t" ;; esac; done | sort | uniq -c | awk '{print $1}' | sort | uniq -c | awk '{$1 = $1} 1' | tr '\n' '|')
[ "$cards" = "8 3|1 4|" ] && ok || bad "random28.pdf: cards per group $cards"
pdftext "$O/random28.pdf" | grep -qE "^(Role|Facilitator|Role cards)$" && bad "random28.pdf prints roles" || ok
# the guide's monitoring grid has a column for each group the deck deals
cols=$(pdftotext -layout "$O/random28.pdf" - | grep -A3 "While the groups work" | grep -E "^ *1 +2 " | head -1 | awk '{print NF}')
[ "$cols" = 9 ] && ok || bad "random28.pdf: the monitoring grid has ${cols:-no} group columns for 9 groups"
# a group formed at the door writes its card's number on its sheet
pdftext "$O/random28.pdf" | grep -qx "Group sheet — Group ______" && ok || bad "random28.pdf: the group sheet has no blank for the group's number"
"$MIMEO" -q discussion -o "$O/random.pdf" $D/lesson-random.yaml && ok || bad "lesson-random.yaml (no roster) failed"
n=$(pdftext "$O/random.pdf" | tr '\n' ' ' | grep -o "Find the others with this number" | wc -l)
[ "$n" = 30 ] && ok || bad "random.pdf: $n group cards for a class of 30"

# mimeo check: an answer printed in another problem is a warning naming both
out=$(cd tests/disc && "../../$MIMEO" check answer-leak.yaml 2>&1 >/dev/null); st=$?
[ $st = 0 ] && ok || bad "answer-leak.yaml: exit $st"
[ "$out" = "answer-leak.yaml:12:41: warning: problem 3 prints \"house of representatives\", the answer to problem 1 (line 7), on the same student copy: a student can copy it from here; reword one of them
answer-leak.yaml:15:60: warning: problem 4 prints \"hand\", the answer of its own blank: a student can copy it from the prompt; reword the prompt" ] && ok ||
	bad "answer-leak.yaml: messages $out"

# the board plan of a lesson with five approaches is drawn on the paper
# turned (landscape); every other page stays upright, and double-sided
# printing still pairs: each part starts on an odd page, pads only between
"$MIMEO" -q discussion --roster $R/class28.csv -o "$O/frac28.pdf" problems/math/grade5/fractions-lesson.yaml && ok || bad "fractions-lesson --roster failed"
sizes=$(pdfinfo -f 1 -l "$(pages "$O/frac28.pdf")" "$O/frac28.pdf" | awk '/^Page +[0-9]+ size:/ { print $2 ":" $4 "x" $6 }')
board=$(for i in $(seq 1 "$(pages "$O/frac28.pdf")"); do pdftext "$O/frac28.pdf" "$i" | grep -qx "Board plan" && echo "$i"; done)
turned=$(grep -v ':612x792$' <<<"$sizes" | tr '\n' ' ')
[ -n "$board" ] && [ "$turned" = "$board:792x612 " ] && ok || bad "frac28.pdf: board plan on page '$board', pages not upright: $turned"
footers "$O/frac28.pdf" "Adding Fractions with Unlike Denominators" >"$O/frac28.footers"
even=$(grep -n '|1|' "$O/frac28.footers" | cut -d: -f1 | awk '$1 % 2 == 0' | tr '\n' ' ')
[ -z "$even" ] && ok || bad "frac28.pdf: parts start on even pages: $even"
[ "$(sed -n "$((board + 1))p" "$O/frac28.footers" | cut -d'|' -f1)" = "Teacher's guide" ] && ok ||
	bad "frac28.pdf: the page after the board plan is not the guide's group list"
# the board page: the approaches' columns at least 1.2 in wide (86 pt):
# "Then ask:" heads each column but the last
xs=$(pdftotext -bbox -f "$board" -l "$board" "$O/frac28.pdf" - | grep '>Then<' | sed 's/.*xMin="\([0-9.]*\)".*/\1/' | sort -n | tr '\n' ' ')
narrow=$(awk -v xs="$xs" 'BEGIN { n = split(xs, x, " "); for (i = 2; i <= n; i++) if (x[i] - x[i - 1] < 86) print x[i] - x[i - 1] }')
[ -n "$xs" ] && [ -z "$narrow" ] && ok || bad "frac28.pdf: board columns at $xs (narrower than 1.2 in: $narrow)"
# two approaches fit upright: lesson.pdf's pages are all upright
[ -z "$(pdfinfo -f 1 -l "$(pages "$P")" "$P" | awk '/^Page +[0-9]+ size:/ && $4 > $6')" ] && ok || bad "lesson.pdf: a page is turned"
# in PostScript and as PNG pages the board's page is turned too
"$MIMEO" -q discussion --format ps -o "$O/frac.ps" problems/math/grade5/fractions-lesson.yaml && ok || bad "fractions-lesson --format ps failed"
[ "$(grep -ac '^%%PageMedia: 279x216mm' "$O/frac.ps")" = 1 ] && ok || bad "frac.ps: no one landscape page"
"$MIMEO" -q discussion --format png --dpi 20 -o "$O/fpng/" problems/math/grade5/fractions-lesson.yaml && ok || bad "fractions-lesson --format png failed"
w=$(file "$O"/fpng/*.png | grep -c ', 220 x 170,'); [ "$w" = 1 ] && ok || bad "fpng: $w landscape PNG pages"

# a lesson with its own step names: step: puts the guide's notes under
# each of its steps, in the plan's order
"$MIMEO" -q discussion -o "$O/steps.pdf" $D/lesson-steps.yaml && ok || bad "lesson-steps.yaml failed"
order=$(pdftext "$O/steps.pdf" | tr -d '\f' | sed '/^Anticipated approaches$/q' | grep -xE "Warm-up|Ask the class to predict:|Think time|While they work alone|Table talk|Monitoring grid|Gallery walk|Pulling it together|Say, then write at the right end of the board:|Last word|Expected answer:|Look for:" | tr '\n' '|')
[ "$order" = "Warm-up|Ask the class to predict:|Think time|While they work alone|Table talk|Monitoring grid|Gallery walk|Pulling it together|Say, then write at the right end of the board:|Last word|Expected answer:|Look for:|" ] && ok ||
	bad "steps.pdf: the plan reads $order"
