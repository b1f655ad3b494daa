# Problems in parts, two columns and pages that are filled (SPEC 8.2,
# 8.4), sourced by tests/run.sh (uses ok, bad, pdftext, pages, $T,
# $MIMEO).  Read back with pdftotext (-bbox for where words are).
P=tests/parts
PO=$T/parts
mkdir -p "$PO"

# words FILE PAGE: "x y word" per word of a page (top-left corner)
words() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null | sed -n \
	    's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)".*>\(.*\)<\/word>/\1 \2 \3/p'
}
# foot FILE PAGE: points between the lowest word but the footer's (which
# starts 10pt below the foot) and the foot of the text (Letter, the
# worksheet template's 0.7in bottom margin); 0 when a word's descent
# reaches into the margin
foot() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - 2>/dev/null | awk -v bottom=741.6 '
		/<word/ { match($0, /yMin="[0-9.]*"/); top = substr($0, RSTART + 6,
			RLENGTH - 7) + 0; match($0, /yMax="[0-9.]*"/)
			y = substr($0, RSTART + 6, RLENGTH - 7) + 0
			if (top < bottom + 10 && y > low) low = y }
		END { d = bottom - low; printf "%.0f\n", d < 0 ? 0 : d }'
}

# --- parts: the stem, (a) (b) (c) under it, points added up -------------
"$MIMEO" -q -o "$PO/" $P/recipe.yaml 2>"$PO/err" && ok || bad "parts: $(head -2 "$PO/err")"
tr -s ' \n' ' ' < <(pdftext "$PO/recipe.pdf") >"$PO/ws.txt"
grep -q "2\. (4 points) A recipe uses 3 cups of flour for 4 batches of bread\. (a) (1 point) How much flour for 12 batches? Answer: (b) (1 point) Which rate is the same? A\. 3/4 cups per batch B\. 4/3 cups per batch C\. 3 cups per batch (c) (2 points) Explain how you know\. 3\." "$PO/ws.txt" &&
	ok || bad "parts: worksheet not stem, (a), (b), (c) in order: $(head -c 400 "$PO/ws.txt")"
grep -q "Total: 5 points" "$PO/ws.txt" && ok || bad "parts: total is not 5 points"
# the student's copy holds no part's answer; the key holds each
grep -q "9 cups\|Multiply both\|Model answer" "$PO/ws.txt" && bad "parts: an answer on the student page" || ok
pdftext "$PO/recipe-key.pdf" | grep -q "Answer: 9 cups" && ok || bad "parts: key lacks (a)'s answer"
pdftext "$PO/recipe-key.pdf" | grep -q "Multiply both by 3" && ok || bad "parts: key lacks (c)'s model answer"
# the parts are indented under the stem: (a) where the stem's text starts
x_stem=$(words "$PO/recipe.pdf" 1 | awk '$3 == "(4" { print int($1); exit }')
x_a=$(words "$PO/recipe.pdf" 1 | awk '$3 == "(a)" { print int($1); exit }')
[ -n "$x_a" ] && [ "$x_a" -ge "$x_stem" ] && ok || bad "parts: (a) at x $x_a, the stem's text at $x_stem"

# key tables: a row per part, "2a" ..., by version and by student
"$MIMEO" -q --versions 3 -o "$PO/v/" $P/recipe.yaml 2>"$PO/err" && ok || bad "parts versions: $(head -2 "$PO/err")"
pdftotext -layout -f 1 -l 1 "$PO/v/recipe-key.pdf" - | grep -Eq "^2b +A +A +A" &&
	ok || bad "parts versions: no row 2b of A, A, A"
pdftotext -layout -f 1 -l 1 "$PO/v/recipe-key.pdf" - | grep -Eq "^2a +9 cups +9 cups +9 cups" &&
	ok || bad "parts versions: no row 2a"
printf 'name\nAna\nBo\n' >"$PO/r.csv"
"$MIMEO" -q --versions per-student --roster "$PO/r.csv" -o "$PO/s/" $P/recipe.yaml 2>"$PO/err" &&
	ok || bad "parts per student: $(head -2 "$PO/err")"
pdftotext -layout -f 1 -l 1 "$PO/s/recipe-key.pdf" - | grep -Eq "^Student +1 +2a +2b +2c +3" &&
	ok || bad "parts per student: columns not 1 2a 2b 2c 3"
# shuffled, a part's choices move, the parts do not
sed 's/^seed: 3/seed: 3\nshuffle: true/' $P/recipe.yaml >"$PO/shuf.yaml"
"$MIMEO" -q --versions 3 -o "$PO/sh/" "$PO/shuf.yaml" 2>"$PO/err" && ok || bad "parts shuffled: $(head -2 "$PO/err")"
n=$(pdftext "$PO/sh/shuf.pdf" | tr -s ' \n' ' ' | grep -o "(a) (1 point) How much flour for [0-9]* batches? Answer: (b) (1 point) Which rate" | wc -l)
[ "$n" = 3 ] && ok || bad "parts shuffled: (a) then (b) in $n of 3 copies"

# --- a long problem in parts breaks between parts, "3 (continued)" -------
for lang in en es; do
	"$MIMEO" -q --lang $lang -o "$PO/$lang/" $P/long.yaml 2>"$PO/err" && ok || bad "long $lang: $(head -2 "$PO/err")"
	c=$([ $lang = en ] && echo "3 (continued)" || echo "3 (continuación)")
	[ "$(pdftext "$PO/$lang/long.pdf" 2 | head -1)" = "$c" ] && ok ||
		bad "long $lang: page 2 does not start with '$c': $(pdftext "$PO/$lang/long.pdf" 2 | head -1)"
	pdftext "$PO/$lang/long.pdf" 1 | grep -q "(a)" && ok || bad "long $lang: (a) not with the stem on page 1"
	pdftext "$PO/$lang/long.pdf" 1 | grep -q "(b)" && bad "long $lang: (b) on page 1 (its box cannot be)" || ok
	pdftext "$PO/$lang/long-key.pdf" | grep -q "continu" && bad "long $lang: the key (one page) says continued" || ok
done

# --- two columns: column by column, then page by page ---------------------
"$MIMEO" -q -o "$PO/" $P/drill.yaml 2>"$PO/err" && ok || bad "columns: $(head -2 "$PO/err")"
words "$PO/drill.pdf" 1 | awk '$3 ~ /^[0-9]+\.$/ { n = $3 + 0; x[n] = $1; y[n] = $2; last = n }
	END {
		# 1-6 down the left, 7 at the top of the right column
		for (i = 1; i <= 6; i++) if (x[i] > 100) exit 1
		for (i = 2; i <= 6; i++) if (y[i] <= y[i - 1]) exit 1
		if (x[7] < 300 || y[7] - y[1] > 1 || y[7] - y[1] < -1) exit 1
		if (last != 12) exit 1
	}' && ok || bad "columns: page 1 is not 1-6 on the left, 7-12 on the right: $(words "$PO/drill.pdf" 1 | grep ' [0-9]*\.$' | tr '\n' ' ')"
pdftext "$PO/drill.pdf" 2 | grep -q "^13\." && ok || bad "columns: page 2 does not start at 13"
# both columns of page 1 go on to page 2: each is filled to its foot
words "$PO/drill.pdf" 1 | awk '$3 == "Answer:" && $1 < 300 && $2 > l { l = $2 }
	$3 == "Answer:" && $1 > 300 && $2 > r { r = $2 }
	END { exit !(l > 700 && r > 700) }' && ok ||
	bad "columns: page 1's columns not filled: $(words "$PO/drill.pdf" 1 | grep Answer: | tail -2 | tr '\n' ' ')"

# --- pages are filled -------------------------------------------------------
"$MIMEO" -q -o "$PO/" $P/fill.yaml 2>"$PO/err" && ok || bad "fill: $(head -2 "$PO/err")"
n=$(pages "$PO/fill.pdf")
# every page but the last ends within a quarter inch of the foot
for p in $(seq 1 $((n - 1))); do
	f=$(foot "$PO/fill.pdf" $p)
	[ "$f" -le 18 ] && ok || bad "fill: page $p of $n ends ${f}pt above the foot"
done
# the work spaces grew, to at most twice: prompt to "Answer:" on page 1
# against the last page's (natural: 3cm of space)
gap() { words "$1" "$2" | awk '$3 == "Find" { y = $2 } $3 == "Answer:" && y { print int($2 - y); exit }'; }
g1=$(gap "$PO/fill.pdf" 1); gl=$(gap "$PO/fill.pdf" $n)
[ "$g1" -gt "$gl" ] && [ "$g1" -le $((2 * gl + 20)) ] && ok || bad "fill: page 1's space $g1 pt, the last page's $gl"
# the last page keeps its natural spaces, so it still ends short
[ "$(foot "$PO/fill.pdf" $n)" -gt 72 ] && ok || bad "fill: the last page was filled"
# the same, byte for byte
"$MIMEO" -q -o "$PO/again/" $P/fill.yaml && cmp -s "$PO/fill.pdf" "$PO/again/fill.pdf" && ok || bad "fill: not deterministic"

# pages: N shrinks work spaces to fit (3 pages at full size, asked for 2)
"$MIMEO" -q -o "$PO/" $P/fit.yaml 2>"$PO/err" && ok || bad "pages: $(head -2 "$PO/err")"
[ "$(pages "$PO/fit.pdf")" = 2 ] && ok || bad "pages: 2 asked, $(pages "$PO/fit.pdf") printed"
[ "$(foot "$PO/fit.pdf" 2)" -le 18 ] && ok || bad "pages: the last page is not filled when pages: is given"
g=$(gap "$PO/fit.pdf" 1)
[ "$g" -ge $((gl * 6 / 10)) ] && ok || bad "pages: spaces shrunk below 60 % ($g of $gl pt)"

# large print, A4, Spanish, versions, a roster, PNG/SVG/PS: the same pages
for opt in "--template large-print" "--paper a4" "--lang es" "--versions 3"; do
	"$MIMEO" -q $opt -o "$PO/o/" $P/fill.yaml $P/long.yaml $P/drill.yaml 2>"$PO/err" &&
		ok || bad "parts $opt: $(head -2 "$PO/err")"
done
"$MIMEO" -q --roster "$PO/r.csv" --template large-print -o "$PO/o/" $P/long.yaml 2>"$PO/err" &&
	ok || bad "parts roster large print: $(head -2 "$PO/err")"
for fmt in png svg ps; do
	rm -rf "$PO/$fmt" && "$MIMEO" -q worksheet --format $fmt -o "$PO/$fmt/" $P/long.yaml 2>"$PO/err" ||
		bad "long $fmt: $(head -2 "$PO/err")"
	n=$(ls "$PO/$fmt" | wc -l)
	[ $fmt = ps ] && n=$(grep -c '^%%Page:' "$PO/$fmt"/*.ps)
	[ "$n" = 2 ] && ok || bad "long $fmt: $n pages, the PDF has 2"
done
# a class set of filled pages made from one layout is the full layout
if declare -F reuse_case >/dev/null; then
	printf 'name\nAna\nBeatriz Fernández-Castellanos\nCy\n' >"$PO/r3.csv"
	reuse_case "filled parts" --roster "$PO/r3.csv" $P/long.yaml
	reuse_case "filled, pages: 2" --roster "$PO/r3.csv" --versions 2 $P/fit.yaml
fi

# check --stress draws the parts too, and names the part
cat >"$PO/stress.yaml" <<'YAML'
title: Stress in Parts
problems:
  - type: parts
    vars: {b: 2..4}
    prompt: 3 cups of flour for {b} batches.
    parts:
      - type: choice
        prompt: Which rate is the same?
        choices: ["`3/{b}` cups", "`{b}/3` cups"]
        answer: A
YAML
"$MIMEO" check --stress 30 "$PO/stress.yaml" >/dev/null 2>"$PO/err"
grep -q "problem 1: .* part (a): choice B reads the same as the right answer A" "$PO/err" &&
	ok || bad "stress: parts not drawn: $(head -2 "$PO/err")"

# columns that end early are balanced: 1-3 left, 4-5 right, and what
# follows goes under the taller
"$MIMEO" -q -o "$PO/" $P/balance.yaml 2>"$PO/err" && ok || bad "balance: $(head -2 "$PO/err")"
words "$PO/balance.pdf" 1 | awk '$3 ~ /^[0-9]+\.$/ { n = $3 + 0; x[n] = $1; y[n] = $2 }
	$3 == "Then" { then = $2 }
	END {
		if (x[1] > 100 || x[2] > 100 || x[3] > 100) exit 1
		if (x[4] < 300 || x[5] < 300) exit 1
		if (y[4] - y[1] > 1 || y[1] - y[4] > 1) exit 1
		if (then < y[3] || y[6] < then) exit 1
	}' && ok || bad "balance: not 1-3 left and 4-5 right: $(words "$PO/balance.pdf" 1 | grep ' [0-9]*\.$' | tr '\n' ' ')"

# a part whose first line is taller (a stacked fraction) moves its letter
# down with it, and nothing of the stem: the stem is where it is when the
# part's prompt has no fraction
"$MIMEO" -q -o "$PO/" $P/drop.yaml 2>"$PO/err" && ok || bad "drop: $(head -2 "$PO/err")"
sed 's|`3/4` of `8/9`|3 of 8|' $P/drop.yaml >"$PO/flat.yaml"
"$MIMEO" -q -o "$PO/" "$PO/flat.yaml" 2>"$PO/err" && ok || bad "flat: $(head -2 "$PO/err")"
stem() { words "$1" 1 | awk '$3 == "1." { n = $2 } $3 == "stem." { s = $2 } END { print n, s }'; }
[ "$(stem "$PO/drop.pdf")" = "$(stem "$PO/flat.pdf")" ] && ok ||
	bad "drop: the stem moved with its part's tall math: $(stem "$PO/drop.pdf") against $(stem "$PO/flat.pdf")"
words "$PO/drop.pdf" 1 | awk '$3 == "(a)" { a = $2 } $3 == "What" && !w { w = $2 }
	END { exit !(a - w < 0.5 && w - a < 0.5) }' &&
	ok || bad "drop: (a) not on its prompt's baseline"
