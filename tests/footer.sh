# tests/footer.sh - sourced by tests/run.sh (ok, bad, $T, $MIMEO).
#
# Every footer is one line: a title too long for it is cut short with "…"
# (layout.c, lay_footer_fit), while the words around it — "Answer Key",
# "Version B", a student's name, a part's name — and "Page n of N" print
# whole.  A set with a 250-character title is printed as a class set in
# three versions with large-print students, on Letter and A4, in Spanish,
# as a discussion packet and inside a substitute packet; each page's
# footer is read back with pdftotext -bbox (tests/footer/foot.awk).
FD=tests/footer
FO=$T/footer
rm -rf "$FO" && mkdir -p "$FO"
TITLE=$(sed -n 's/^title: "\(.*\)"$/\1/p' $FD/long.yaml)
PACKET_TITLE=$(sed -n 's/^packet: //p' $FD/day.yaml)
[ ${#TITLE} = 250 ] && ok || bad "footer: long.yaml's title is ${#TITLE} characters, not 250"

# footers PDF [PAGE OF BLANK]: "PAGE KIND N TOTAL LINES GAP|LEFT" a page
footers() {
	pdftotext -bbox "$1" - 2>/dev/null | awk -v pw="${2:-Page}" \
	    -v ofw="${3:-of}" -v blankword="${4:-intentionally}" -f $FD/foot.awk
}

# check_footers NAME FOOTERS TITLE EXPECT [PAGE]: every page's footer, as
# footers read it into the file FOOTERS, is on one line and ends at least
# 4 pt before its "Page n of N" (counting
# 1, 2, ... N in each document of the PDF); it is HEAD, the start of TITLE
# cut with "…", then TAIL (and BLANKTAIL on a padding page), as the line
# of EXPECT for its document says: "HEAD|TAIL|BLANKTAIL|FLAG",
# FLAG "whole" for a footer that is HEAD and nothing else, "nopad" for a
# padding page with no footer.
check_footers() {
	local name=$1 feet=$2 title=$3 expect=$4 pw=${5:-Page}
	local k=-1 prev=0 total=0 np=0 errs=""
	local meta left p kind n tot lines gap h t b f head tail rest
	local -a heads tails btails flags
	while IFS='|' read -r h t b f; do
		heads+=("$h"); tails+=("$t"); btails+=("$b"); flags+=("$f")
	done <"$expect"
	err() { errs="$errs; $*"; }
	while IFS='|' read -r meta left; do
		read -r p kind n tot lines gap <<<"$meta"
		np=$((np + 1))
		case $kind in
		num)	if [ "$n" = 1 ]; then k=$((k + 1)); total=$tot
			elif [ "$n" != $((prev + 1)) ] || [ "$tot" != "$total" ]; then
				err "page $p: $pw $n of $tot after $prev of $total"
			fi
			prev=$n
			if [ $k -ge ${#heads[@]} ]; then
				err "page $p: more documents than ${#heads[@]}"
				break
			fi
			awk -v g="$gap" 'BEGIN { exit !(g >= 4) }' ||
				err "page $p: footer ends $gap pt from the page number"
			tail=${tails[k]} ;;
		blank)	[ $k -ge 0 ] || { err "page $p: blank before any page"; continue; }
			tail="${tails[k]}${btails[k]}"
			if [ -z "$left" ] && [ "${flags[k]}" = nopad ]; then continue; fi ;;
		*)	err "page $p: no '$pw n of N'"; continue ;;
		esac
		[ "$lines" = 1 ] || err "page $p: footer on $lines lines"
		head=${heads[k]}
		if [ "${flags[k]}" = whole ]; then
			[ "$left" = "$head" ] || err "page $p: footer '$left', expected '$head'"
			continue
		fi
		case $left in
		"$head"*"$tail") ;;
		*) err "page $p: footer '$left' is not '$head…$tail'"; continue ;;
		esac
		rest=${left#"$head"}
		rest=${rest%"$tail"}
		case $rest in
		*…) rest=${rest%…}
		    case $title in
		    "$rest"*) ;;
		    *) err "page $p: '$rest' does not start the title" ;;
		    esac ;;
		*) err "page $p: title '$rest' not cut with …" ;;
		esac
	done <"$feet"
	[ $k = $((${#heads[@]} - 1)) ] ||
		err "$((k + 1)) documents, expected ${#heads[@]}"
	if [ $np = 0 ]; then
		bad "footer $name: no pages read ($feet)"
	elif [ -n "$errs" ]; then
		bad "footer $name ($np pages)${errs:0:400}"
	else
		ok
	fi
}

# expect_copies FILE ROSTER HEAD [PAGEWORD]: one line per roster row,
# versions A, B, C in turn, the name on the padding page
expect_copies() {
	local i=0 name letters=ABC
	tail -n +2 "$2" | while IFS=, read -r name _; do
		printf '%s| — %s %s| — %s|\n' "$3" "${4:-Version}" \
		    "${letters:$((i % 3)):1}" "$name"
		i=$((i + 1))
	done >"$1"
}
# expect_key FILE LABEL VERSIONWORD: the answer tables, then A, B, C
expect_key() {
	{ printf '%s — |||\n' "$2"
	  for v in A B C; do printf '%s — | — %s %s||\n' "$2" "$3" $v; done
	} >"$1"
}
# expect_discussion FILE PDF ROSTER: the parts of a discussion packet; the
# groups (drawn from the seed) as the PDF's bookmarks name them
expect_discussion() {
	local name
	{ printf "Teacher's guide — |||\n"
	  tail -n +2 "$3" | while IFS=, read -r name _; do
		printf 'Individual sheet — %s — |||\n' "$name"
	  done
	  qpdf --json "$2" | sed -n '/^  "outlines": \[/,$ s/^ *"title": "\(Group sheet — Group [^"]*\)",\{0,1\}$/\1 — |||/p'
	  printf 'Role cards — |||\nRole cards — large print — |||\nExit ticket — |||\n'
	  printf 'Exit ticket — large print — |||\n'
	} >"$1"
}

# page_word_height PDF PAGE: how tall the footer's word "Page" is there
page_word_height() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - 2>/dev/null |
		awk -F'"' '/>Page</ { h = $8 - $4 } END { print h }'
}

footer_class() {
	local paper=$1 dir=$FO/$1
	if "$MIMEO" -q --paper "$paper" --versions 3 --roster $FD/class.csv \
	    -o "$dir/" $FD/long.yaml 2>"$FO/$paper.err"; then
		ok
	else
		bad "footer: --paper $paper class set: $(head -2 "$FO/$paper.err")"
		return
	fi
	expect_copies "$FO/$paper-copies" $FD/class.csv ""
	footers "$dir/long.pdf" >"$FO/$paper-copies.feet"
	check_footers "$paper worksheets" "$FO/$paper-copies.feet" "$TITLE" \
	    "$FO/$paper-copies"
	expect_key "$FO/$paper-key" "Answer Key" Version
	footers "$dir/long-key.pdf" >"$FO/$paper-key.feet"
	check_footers "$paper key" "$FO/$paper-key.feet" "$TITLE" "$FO/$paper-key"
	expect_discussion "$FO/$paper-disc" "$dir/long-discussion.pdf" $FD/class.csv
	footers "$dir/long-discussion.pdf" >"$FO/$paper-disc.feet"
	check_footers "$paper discussion" "$FO/$paper-disc.feet" "$TITLE" \
	    "$FO/$paper-disc"
	# Bo Berg's copy (page 5 on) is in large print: its "Page" is taller
	[ "$(page_word_height "$dir/long.pdf" 5)" != \
	    "$(page_word_height "$dir/long.pdf" 1)" ] && ok ||
		bad "footer $paper: Bo Berg's copy (page 5) is not in large print"
}
footer_class letter
footer_class a4

# Spanish labels: "Versión B", "Página 1 de 3", the blank page's sentence
if "$MIMEO" -q --lang es --versions 3 --roster $FD/class.csv -o "$FO/es/" \
    $FD/long.yaml 2>"$FO/es.err"; then
	ok
	expect_copies "$FO/es-copies" $FD/class.csv "" Versión
	footers "$FO/es/long.pdf" Página de blanco >"$FO/es-copies.feet"
	check_footers "es worksheets" "$FO/es-copies.feet" "$TITLE" \
	    "$FO/es-copies" Página
	expect_key "$FO/es-key" "Clave de respuestas" Versión
	footers "$FO/es/long-key.pdf" Página de blanco >"$FO/es-key.feet"
	check_footers "es key" "$FO/es-key.feet" "$TITLE" "$FO/es-key" Página
else
	bad "footer: --lang es: $(head -2 "$FO/es.err")"
fi

# A substitute packet with a long title of its own: the cover and the
# report cut it, the included worksheet (three versions), key and
# discussion packet cut the set's.
if "$MIMEO" -q packet -o "$FO/packet/" $FD/day.yaml 2>"$FO/packet.err"; then
	ok
	{ printf 'Plan for the substitute — |||\n'
	  for v in A B C; do printf '| — Version %s||\n' $v; done
	  # the key's versions are one document of the packet: its padding
	  # page, after version C, has no footer (as before long titles)
	  printf 'Answer Key — |||\nAnswer Key — | — Version A||\n'
	  printf 'Answer Key — | — Version B||\nAnswer Key — | — Version C||nopad\n'
	  printf "Teacher's guide — |||\nIndividual sheet — |||\n"
	  printf 'Group sheet — |||\nRole cards — |||\nExit ticket — |||\n'
	  printf 'Finished early?|||whole\n'
	} >"$FO/packet-parts"
	footers "$FO/packet/day-packet.pdf" >"$FO/packet-footers"
	# the cover and the report carry the packet's title, not the set's
	grep -e '|Plan for the substitute' -e "|Substitute's report" \
	    "$FO/packet-footers" >"$FO/packet-own.feet"
	printf "Plan for the substitute — |||\nSubstitute's report — |||\n" \
	    >"$FO/packet-own"
	check_footers "packet cover and report" "$FO/packet-own.feet" \
	    "$PACKET_TITLE" "$FO/packet-own"
	# the set's parts, with the cover's and the report's pages left out
	grep -v '^Plan for the substitute' "$FO/packet-parts" \
	    >"$FO/packet-set-parts"
	grep -v -e '|Plan for the substitute' -e "|Substitute's report" \
	    "$FO/packet-footers" >"$FO/packet-set.feet"
	check_footers packet "$FO/packet-set.feet" "$TITLE" \
	    "$FO/packet-set-parts"
else
	bad "footer: packet: $(head -2 "$FO/packet.err")"
fi

# A name too long for the line even with the whole title cut away (each
# student's own draw puts the name in every footer): the title goes down
# to "…" first, then the name is cut too; the next student's is whole.
NAME=$(sed -n '2s/,.*//p' $FD/absurd.csv)
if "$MIMEO" -q worksheet --versions per-student --roster $FD/absurd.csv \
    -o "$FO/absurd/" $FD/long.yaml 2>"$FO/absurd.err"; then
	ok
	footers "$FO/absurd/long.pdf" >"$FO/absurd-footers"
	awk -F'|' '{ split($1, m, " ") }
	    m[5] != 1 || (m[2] == "num" ? m[6] < 4 : m[2] != "blank") { bad = 1 }
	    END { exit bad }' "$FO/absurd-footers" && ok ||
		bad "footer absurd: a footer off one line or over the page number: $(head -3 "$FO/absurd-footers")"
	first=$(sed -n '1s/^[^|]*|//p' "$FO/absurd-footers")
	cut=${first#"… — "}
	case $cut in
	"$first") bad "footer absurd: the title is not cut to '…' first: '$first'" ;;
	*…)	case $NAME in
		"${cut%…}"?*) ok ;;
		*) bad "footer absurd: '$cut' does not start the name" ;;
		esac ;;
	*)	bad "footer absurd: the name is not cut: '$first'" ;;
	esac
	grep -q "^5 num 1 3 1 [0-9.]*|Adding and Subtracting.*… — Ana López$" \
	    "$FO/absurd-footers" && ok ||
		bad "footer absurd: Ana's footer is not the cut title and her whole name: $(sed -n 5p "$FO/absurd-footers")"
else
	bad "footer: absurd name: $(head -2 "$FO/absurd.err")"
fi
