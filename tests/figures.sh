# Figures drawn from numbers (SPEC 8.3), sourced by tests/run.sh after
# images.sh (uses ok, bad, $T, $MIMEO, and cairo_set when $DRV is built).
# tests/figures/every-kind.yaml draws every kind with key items.  What is
# drawn is read back exactly through each figure's text alternative (one
# ActualText span per figure, which pdftotext reads): every.alt for the
# worksheet, every-kind-key.alt for the key, so a key item on a worksheet
# or a lost one in the key fails.  Ink: no pixel of the worksheets in the
# answer colour, many in the key's.  cairo_set then checks PNG against the
# PDF's ink, SVG, PS and byte-identical reruns.  The error catalog is
# tests/bad/figure-*.yaml.

F=$T/figures
rm -rf "$F" && mkdir -p "$F/a" "$F/b" "$F/lp" "$F/es"
set=tests/figures/every-kind.yaml
alts='^(number line|double number|coordinate|fraction|tape|array|clock|rectangle|triangle|polygon|bar graph|dot plot|long division|[0-9]+ [-+x] )'

out=$("$MIMEO" check -q "$set" 2>&1) && [ -z "$out" ] && ok || bad "figures: check $set: $out"
"$MIMEO" -q -o "$F/a/" "$set" && "$MIMEO" -q -o "$F/b/" "$set" && ok ||
	bad "figures: $set does not render"
cmp -s "$F/a/every-kind.pdf" "$F/b/every-kind.pdf" &&
cmp -s "$F/a/every-kind-key.pdf" "$F/b/every-kind-key.pdf" && ok ||
	bad "figures: two runs of $set differ"
for doc in every-kind every-kind-key; do
	pdftotext -raw "$F/a/$doc.pdf" - | grep -E "$alts" >"$F/$doc.alt"
	diff tests/figures/$doc.alt "$F/$doc.alt" >"$F/diff" && ok ||
		bad "figures: what $doc.pdf draws differs: $(head -6 "$F/diff" | tr '\n' ' ')"
done
# the key's items are nowhere on the worksheet, in words, nor what the
# student is to find (where a given point is, the clock's time, how many
# parts are shaded, where a jump lands)
for w in "point B" "point Q" "hands at" "in groups" "= 632" "Fish 3" "12, 12" \
    "side 3 m" "values 3, 4, 4, 5, 6" "y = -1/2x" "(3, 7)" "(90, 135, 180)" \
    "point A at 3/4" "point P at (-4, -2)" "clock showing 3:45" "2 shaded" \
    "jump from 0 to 3"; do
	pdftotext "$F/a/every-kind.pdf" - | grep -qF "$w" &&
		bad "figures: the worksheet reads \"$w\", a key item" || ok
	pdftotext "$F/a/every-kind-key.pdf" - | grep -qF "$w" && ok ||
		bad "figures: the key does not read \"$w\""
done
# ... nor in ink: pixels of the answer colour (red over green and blue)
redpx() {
	pdftoppm -r 30 "$1" "$F/px"
	cat "$F"/px-*.ppm | od -An -v -tu1 -w3 |
	    awk 'NF == 3 && $1 > 140 && $1 > $2 + 60 && $1 > $3 + 60 {n++} END {print n + 0}'
	rm -f "$F"/px-*.ppm
}
[ "$(redpx "$F/a/every-kind.pdf")" = 0 ] && ok ||
	bad "figures: the worksheet has $(redpx "$F/a/every-kind.pdf") pixels in the answer colour"
[ "$(redpx "$F/a/every-kind-key.pdf")" -gt 300 ] && ok ||
	bad "figures: the key has only $(redpx "$F/a/every-kind-key.pdf") pixels in the answer colour"
# large print scales figures with their labels; Spanish prints 0,5; A4
"$MIMEO" -q --template large-print -o "$F/lp/" "$set" && ok || bad "figures: large print does not render"
"$MIMEO" -q --lang es --paper a4 -o "$F/es/" "$set" && ok || bad "figures: Spanish A4 does not render"
# ... and reads its figures in Spanish, with a decimal comma
for w in "recta numérica de 0 a 2 en pasos de 1/4; punto A en 3/4" \
    "punto Q en (0,8, 2,6)" "reloj sin manecillas; manecillas a las 1:50"; do
	pdftotext "$F/es/every-kind-key.pdf" - | grep -qF "$w" && ok ||
		bad "figures: the Spanish key does not read \"$w\""
done
pa=$(pdfinfo "$F/a/every-kind.pdf" | awk '/^Pages:/ {print $2}')
pl=$(pdfinfo "$F/lp/every-kind.pdf" | awk '/^Pages:/ {print $2}')
[ "$pl" -gt "$pa" ] && ok || bad "figures: large print takes $pl pages, regular $pa: figures did not grow"
# a point off the plane in some draws: found by check --stress, named
out=$("$MIMEO" check --stress 40 tests/figures/off-plane.yaml 2>&1)
echo "$out" | grep -q 'problem 1: 14 of 40 draws fail (first: draw 3): point A (9, 2) is off the plane (x from 0 to 6, y from 0 to 6); move it or make the plane larger (with a = 9)' &&
	ok || bad "figures: check --stress does not find the point off the plane: $out"
# PNG, SVG and PS draw what the PDF draws.  A page of figures is mostly
# thin strokes and small dots, which cairo and poppler antialias a little
# differently at 50 dpi (measured: profiles correlate 0.998-0.9999, ink
# 0.98-1.02, but with so little text the ink centroid moves up to 2 px);
# so here the centroid may be 2.5 px off while the profiles must
# correlate > 0.995: a missing or misplaced item still fails.
if [ -n "${DRV:-}" ]; then
	eval "$(declare -f alike | sed '1s/^alike/alike_text/')"
	alike() {
		local what=$1 got
		got=$("$DRV" compare "$2" "$3" 2>&1)
		echo "$what: $got" >>"$CMP"
		echo "$got" | awk '$1 == "rows" && $2 > 0.995 && $4 > 0.995 &&
		    $6 >= -2.5 && $6 <= 2.5 && $8 >= -2.5 && $8 <= 2.5 &&
		    $10 >= 0.97 && $10 <= 1.03 {good = 1} END {exit !good}' &&
			ok || bad "$what: $got"
	}
	cairo_set figures "$set"
	eval "$(declare -f alike_text | sed '1s/^alike_text/alike/')"
fi
