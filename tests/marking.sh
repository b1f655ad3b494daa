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

# strips_level WORKSHEET KEY STRIPPAGE COLS WANT: every answer on the strip
# page of KEY sits level (within 1.5 pt) with its answer space on the
# worksheet page its column goes with (column k, page k + 1): a short
# answer with "Answer:", a blank's with its prompt's line ("Africa"), a
# choice's letters with the row of "A.", True with the True of its row,
# match answers "2-C" with the row "2.", order numbers with an item, an
# open problem's dash with its prompt ("Why").  WANT answers are checked.
strips_level() {
	local ws=$MO/ws.words st=$MO/strip.words got
	bbox_words "$1" >"$ws"
	bbox_words "$2" "$3" "$3" >"$st"
	got=$(awk -v cols="$4" -v width="$(pdfinfo "$2" | awk '/^Page size/ {print $3}')" '
		FNR == NR { n[$1]++; wp[$1, n[$1]] = $4; wx[$1, n[$1]] = $2; wy[$1, n[$1]] = $3; next }
		$3 < 45 || $3 > 740 || $4 ~ /^[0-9]+\.$/ { next }
		{
			colw = (width - 108) / cols; col = int(($2 - 54) / colw); pg = col + 1
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
	if grep -q "^checked $5\$" <<<"$got" && ! grep -vq '^checked' <<<"$got"; then ok
	else bad "strips of $1: $(tr '\n' ';' <<<"$got") (want $5 checked)"; fi
}

# --- answer strips, two versions shuffled: every answer level with its space
"$MIMEO" -q worksheet --versions 2 -o "$MO/" $M/quiz.yaml
"$MIMEO" -q key --strips --versions 2 -o "$MO/" $M/quiz.yaml
n=$(pages "$MO/quiz-key.pdf")
pdftext "$MO/quiz-key.pdf" "$n" | grep -q "Version B · Page 2" && ok || bad "strips: no column for version B page 2"
strips_level "$MO/quiz.pdf" "$MO/quiz-key.pdf" "$n" 4 26
# they start on a sheet of their own, bookmarked
[ $((n % 2)) = 1 ] && ok || bad "strips: start on page $n, the back of a sheet"
