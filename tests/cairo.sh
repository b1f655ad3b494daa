# The cairo outputs through the command line (--format png|svg|ps,
# --contact-sheet, mimeo preview; gen/render/render_cairo.c draws them), sourced
# by tests/run.sh after e2e.sh (uses ok, bad, $T, $MIMEO).  Every page is
# checked against the PDF mimeo writes for the same set:
#   PNG  vs poppler's rendering of the PDF (pdftoppm -r 50 -gray): the row
#        and column ink profiles (darkness summed per row, per column) must
#        correlate > 0.98, the ink centroids lie within 1 pixel and the
#        whole page's ink be within 2% (a letter missing from the PDF's
#        font, as composite glyphs once were, is lighter);
#   PS   read by Ghostscript without a word, one page per PDF page, and
#        Ghostscript's rendering of it matches its rendering of the PDF
#        (on Letter paper; see below for A4);
#   SVG  well-formed (xmllint), one glyph drawn per character of the page;
# and every output is byte-identical across two runs, whether a document
# is drawn first in its process or after another.  tests/cairo_driver.c
# (built here with the objects and flags of the build under test) compares
# images, counts the glyphs layout placed, and calls the backends where
# they must fail.  The numbers of every comparison are kept in
# $T/cairo/compare.txt; the sets are copies in tests/cairo/.

C=$T/cairo
rm -rf "$C" && mkdir -p "$C"
DRV=$C/cairo_driver
CMP=$C/compare.txt
: >"$CMP"

if test_cc "$DRV" tests/cairo_driver.c; then
	ok
else
	bad "cairo: the test driver does not build: $(head -3 "$DRV.log")"
	DRV=
fi

# pngsize FILE: "WxH" from the PNG header
pngsize() {
	od -An -tu1 -j16 -N8 "$1" 2>/dev/null |
	awk '{print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8}'
}
# alike WHAT REF.png OURS.png: the ink profiles match (see the top)
alike() {
	local what=$1 got
	got=$("$DRV" compare "$2" "$3" 2>&1)
	echo "$what: $got" >>"$CMP"
	if echo "$got" | awk '$1 == "rows" && $2 > 0.98 && $4 > 0.98 &&
	    $6 >= -1 && $6 <= 1 && $8 >= -1 && $8 <= 1 && $10 >= 0.98 && $10 <= 1.02 {good = 1} END {exit !good}'; then
		ok
	else
		bad "$what: $got"
	fi
}
# run WHAT CMD...: the command succeeds, or a failure naming WHAT
run() {
	local what=$1; shift
	"$@" >"$C/run.out" 2>&1 && ok || bad "$what: exit $?: $(head -3 "$C/run.out")"
}
# contact_size N W H: the contact sheet's size for N pages of WxH points
# (24 dpi thumbnails, 16 px apart, 18 px labels; four across up to 16
# pages, then an even number about the square root; see render_cairo.c)
contact_size() {
	awk -v n="$1" -v w="$2" -v h="$3" 'function up(x) { return x == int(x) ? x : int(x) + 1 }
	BEGIN { c = 4; if (n <= 4) c = n; else while (c * c < n) c += 2
		r = int((n + c - 1) / c); tw = up(w * 24 / 72); th = up(h * 24 / 72)
		print 16 + c * (tw + 16) "x" 16 + r * (th + 18 + 16) }'
}

# cairo_doc NAME DIR STEM SET [-k] [-a4]: the checks at the top for the
# document DIR/a/STEM.pdf and its PNG, SVG, PS and contact sheet
cairo_doc() {
	local name=$1 dir=$2 a=$2/a stem=$3 set=$4 pdf n i g w h
	shift 4
	pdf=$a/$stem.pdf
	n=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	"$DRV" glyphs $(printf '%s\n' "$@" | grep -x -e -k -e -a4) "$set" >"$dir/$stem.glyphs" 2>&1
	grep -qx "pages $n" "$dir/$stem.glyphs" && ok ||
		bad "cairo $name: layout says $(head -1 "$dir/$stem.glyphs"), the PDF has $n"
	[ -e "$a/$stem-p$n.png" ] && [ ! -e "$a/$stem-p$((n + 1)).png" ] &&
	[ -e "$a/$stem-p$n.svg" ] && [ ! -e "$a/$stem-p$((n + 1)).svg" ] && ok ||
		bad "cairo $name: not one PNG and one SVG per page: $(cd "$a" && ls "$stem"-p*)"

	for i in $(seq 1 "$n"); do
		# PNG against poppler
		pdftoppm -r 50 -gray -png -f "$i" -l "$i" -singlefile "$pdf" "$dir/ref-$stem-$i"
		[ "$(pngsize "$dir/ref-$stem-$i.png")" = "$(pngsize "$a/$stem-p$i.png")" ] && ok ||
			bad "cairo $name page $i: PNG is $(pngsize "$a/$stem-p$i.png"), poppler's $(pngsize "$dir/ref-$stem-$i.png")"
		alike "cairo $name page $i PNG vs pdftoppm" "$dir/ref-$stem-$i.png" "$a/$stem-p$i.png"
		# SVG: well-formed, every character drawn: as text, an x for
		# each character of a <text> (a page with a picture or a
		# shaped glyph: cairo's outlines, a <use> each)
		xmllint --noout "$a/$stem-p$i.svg" 2>"$dir/xmllint.err" && ok ||
			bad "cairo $name page $i: SVG: $(head -2 "$dir/xmllint.err")"
		g=$(awk -v p="$i" '$1 == "page" && $2 == p {print $4}' "$dir/$stem.glyphs")
		if grep -q '<text ' "$a/$stem-p$i.svg"; then
			got=$(grep -o '<text [^>]* x="[^"]*"' "$a/$stem-p$i.svg" | sed 's/.* x="//; s/"$//' | wc -w)
			grep -q '<use xlink:href="#glyph' "$a/$stem-p$i.svg" &&
				bad "cairo $name page $i: SVG has both text and glyph outlines" || ok
		else
			got=$(grep -o '<use xlink:href="#glyph' "$a/$stem-p$i.svg" | wc -l)
		fi
		[ "$got" = "$g" ] && ok || bad "cairo $name page $i: SVG draws $got glyphs, the page has $g"
	done

	# PostScript: Ghostscript reads it silently; its pages match the PDF's
	if gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$a/$stem.ps" >"$dir/gs.err" 2>&1 &&
	   [ ! -s "$dir/gs.err" ]; then ok; else bad "cairo $name: gs on $stem.ps: $(head -3 "$dir/gs.err")"; fi
	grep -qx "%%Pages: $n" "$a/$stem.ps" && ok || bad "cairo $name: $stem.ps: $(grep '^%%Pages' "$a/$stem.ps"), the PDF has $n"
	# text antialiased: math sets each atom as its own text item at a
	# fraction of a pixel, and unantialiased gs rounds each to a whole
	# pixel (graphics stay unantialiased: pictures' edges then match)
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pnggray -r50 -dTextAlphaBits=4 -sOutputFile="$dir/gsps-$stem-%d.png" "$a/$stem.ps" >/dev/null 2>&1
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pnggray -r50 -dTextAlphaBits=4 -sOutputFile="$dir/gspdf-$stem-%d.png" "$pdf" >/dev/null 2>&1
	[ "$(ls "$dir"/gsps-"$stem"-*.png 2>/dev/null | wc -l)" = "$n" ] && ok ||
		bad "cairo $name: gs draws $(ls "$dir"/gsps-"$stem"-*.png 2>/dev/null | wc -l) pages from $stem.ps, the PDF has $n"
	# (not on A4: cairo writes the PostScript page size rounded up to
	# whole points, 596x842, so the drawing sits 0.11 pt higher than on the
	# 841.89 pt PDF page and gs, which does not antialias here, rounds some
	# baselines to the next pixel row: correlations fall to 0.98-0.99;
	# nor with -pictures: gs draws a PDF's pictures darker than poppler
	# does and a PostScript picture lighter (tests/e2e/images.yaml key,
	# page 1: gs(PDF) vs pdftoppm rows 0.92, gs(PS) vs gs(PDF) 0.96,
	# while our PNG vs pdftoppm is 1.000), so gs is no judge there)
	case " $* " in *" -a4 "*|*" -pictures "*) ;; *)
	for i in $(seq 1 "$n"); do
		alike "cairo $name page $i PS vs PDF (both by gs)" "$dir/gspdf-$stem-$i.png" "$dir/gsps-$stem-$i.png"
	done ;;
	esac
	grep -q '^%%CreationDate' "$a/$stem.ps" && bad "cairo $name: $stem.ps has a %%CreationDate" || ok

	read -r w h < <(pdfinfo "$pdf" | awk '/^Page size:/ {print $3, $5}')
	[ "$(pngsize "$a/$stem-contact.png")" = "$(contact_size "$n" "$w" "$h")" ] && ok ||
		bad "cairo $name: contact sheet is $(pngsize "$a/$stem-contact.png") for $n pages of ${w}x$h, expected $(contact_size "$n" "$w" "$h")"
}

# cairo_set NAME SET.yaml [-a4] [-pictures]: the worksheet and key of SET in every
# format, twice: a/ with both documents in one run per format, b/ with
# each document in its own run, the key first; the two must be the same
# bytes (cairo's caches and SVG counters live across documents).
cairo_set() {
	local name=$1 set=$2 d=$C/$1 base f paper=
	shift 2
	case " $* " in *" -a4 "*) paper="--paper a4" ;; esac
	base=$(basename "$set" .yaml)
	mkdir -p "$d/a" "$d/b"
	run "cairo $name: pdf" "$MIMEO" -q $paper -o "$d/a/" "$set"
	run "cairo $name: png" "$MIMEO" -q $paper --format png --dpi 50 -o "$d/a/" "$set"
	run "cairo $name: svg" "$MIMEO" -q $paper --format svg -o "$d/a/" "$set"
	run "cairo $name: ps" "$MIMEO" -q $paper --format ps -o "$d/a/" "$set"
	run "cairo $name: contact" "$MIMEO" -q $paper --contact-sheet -o "$d/a/" "$set"
	for doc in key worksheet; do
		"$MIMEO" -q $paper $doc --format png --dpi 50 -o "$d/b/" "$set"
		"$MIMEO" -q $paper $doc --format svg -o "$d/b/" "$set"
		"$MIMEO" -q $paper $doc --format ps -o "$d/b/" "$set"
		"$MIMEO" -q $paper $doc --contact-sheet -o "$d/b/" "$set"
	done
	cairo_doc "$name" "$d" "$base" "$set" "$@"
	cairo_doc "$name-key" "$d" "$base-key" "$set" -k "$@"
	for f in "$d"/a/*; do
		case $f in *.pdf) continue ;; esac
		cmp -s "$f" "$d/b/${f##*/}" && ok || bad "cairo $name: ${f##*/} differs between two runs"
	done
}

if [ -n "$DRV" ]; then
	S=tests/cairo/all-types-sampler.yaml
	cairo_set sampler $S
	cairo_set reading tests/cairo/grade4-reading-inference.yaml
	cairo_set sampler-a4 $S -a4
	cairo_set composites tests/cairo/composite-glyphs.yaml
	# parts with "(continued)", filled pages, two balanced columns
	cairo_set parts tests/parts/long.yaml
	cairo_set columns tests/parts/balance.yaml -a4

	# --- SVG keeps text as text: the words of the page, selectable, in a
	# font the file embeds (the PDF's text, with its line breaks joined)
	SV=$C/sampler/a/all-types-sampler-p1.svg
	pdftotext -f 1 -l 1 -raw "$C/sampler/a/all-types-sampler.pdf" - | head -1 >"$C/svg-first"
	first=$(cat "$C/svg-first")
	grep -q "<text [^>]*>$first</text>" "$SV" && ok || bad "svg: the page's first line \"$first\" is not a <text>"
	grep -q '@font-face{font-family:"mimeo-f[0-9]*";src:url(data:font/ttf;base64,' "$SV" && ok ||
		bad "svg: no embedded font"
	[ "$(stat -c %s "$SV")" -lt 60000 ] && ok || bad "svg: page 1 is $(stat -c %s "$SV") bytes"

	# --- preview: one page, the worksheet mimeo FILE makes first ---------
	P=$C/preview
	mkdir -p "$P"
	run "preview" "$MIMEO" -q preview -o "$P/" $S
	[ "$(pngsize "$P/all-types-sampler-p1.png")" = 850x1100 ] && ok ||
		bad "preview: page 1 at 100 dpi is $(pngsize "$P/all-types-sampler-p1.png"), not 850x1100"
	run "preview --page 2" "$MIMEO" -q preview --page 2 --dpi 50 -o "$P/" $S
	cmp -s "$P/all-types-sampler-p2.png" "$C/sampler/a/all-types-sampler-p2.png" && ok ||
		bad "preview --page 2 is not page 2 of mimeo --format png"
	run "preview -o FILE" "$MIMEO" -q preview --page 3 --dpi 50 -o "$P/three.png" $S
	cmp -s "$P/three.png" "$C/sampler/a/all-types-sampler-p3.png" && ok ||
		bad "preview -o three.png is not page 3"
	run "preview --format svg" "$MIMEO" -q preview --format svg -o "$P/" $S
	cmp -s "$P/all-types-sampler-p1.svg" "$C/sampler/a/all-types-sampler-p1.svg" && ok ||
		bad "preview --format svg is not page 1 of mimeo --format svg"
	run "preview --contact-sheet" "$MIMEO" -q preview --contact-sheet -o "$P/" $S
	cmp -s "$P/all-types-sampler-contact.png" "$C/sampler/a/all-types-sampler-contact.png" && ok ||
		bad "preview --contact-sheet is not the worksheet's contact sheet"
	[ "$(ls "$P" | wc -l)" = 5 ] && ok || bad "preview wrote other files: $(ls "$P")"
	# a page the worksheet does not have is a command-line error (2)
	out=$("$MIMEO" preview --page 9 -o "$P/" $S 2>&1); st=$?
	[ $st = 2 ] && [ "$out" = "mimeo: error: --page 9: the worksheet of $S has 4 pages" ] &&
		[ ! -e "$P/all-types-sampler-p9.png" ] && ok || bad "preview --page 9: exit $st: $out"
	# a class set at a glance, and as one PostScript file
	R=tests/rosters/class30.csv
	run "roster contact sheet" "$MIMEO" -q worksheet --roster $R --contact-sheet -o "$P/class.png" $S
	run "roster ps" "$MIMEO" -q worksheet --roster $R --format ps -o "$P/class.ps" $S
	run "roster pdf" "$MIMEO" -q worksheet --roster $R -o "$P/class.pdf" $S
	n=$(pdfinfo "$P/class.pdf" | awk '/^Pages:/ {print $2}')
	[ "$(pngsize "$P/class.png")" = "$(contact_size "$n" 612 792)" ] && ok ||
		bad "roster contact sheet is $(pngsize "$P/class.png") for $n pages"
	grep -qx "%%Pages: $n" "$P/class.ps" && ok || bad "roster ps: $(grep '^%%Pages' "$P/class.ps"), the PDF has $n"
	# a contact sheet past 40 million pixels is refused by its layout
	# (gen/layout/contact.c), naming its size, and nothing is written
	out=$("$MIMEO" -q worksheet --contact-sheet --copies 700 -o "$P/big/" $S 2>&1); st=$?
	[ $st = 3 ] && [ "$out" = "mimeo: error: cannot write $P/big/all-types-sampler-contact.png: a contact sheet of 2800 pages at 24 dpi would be too big (11896x15512 pixels); make it of fewer copies" ] &&
		[ ! -e "$P/big" ] && ok || bad "contact sheet too big: exit $st: $out"
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$P/class.ps" >"$P/gs.err" 2>&1 && [ ! -s "$P/gs.err" ] &&
		ok || bad "roster ps: gs: $(head -3 "$P/gs.err")"
	run "roster png" "$MIMEO" -q worksheet --roster $R --format png --dpi 20 -o "$P/roster/" $S
	[ "$(ls "$P/roster" | wc -l)" = "$n" ] && [ -e "$P/roster/all-types-sampler-p$n.png" ] && ok ||
		bad "roster png: $(ls "$P/roster" | wc -l) files for $n pages"

	# --- -o names the file; per-page formats number it ---------------------
	O2=$C/named
	run "-o FILE.png" "$MIMEO" -q worksheet --format png --dpi 20 -o "$O2/sheet.png" $S
	run "-o FILE.ps" "$MIMEO" -q key --format ps -o "$O2/k.ps" $S
	[ "$(cd "$O2" && ls | tr '\n' ' ')" = "k.ps sheet-p1.png sheet-p2.png sheet-p3.png sheet-p4.png " ] && ok ||
		bad "-o: wrote $(ls "$O2")"

	# --- the command line --------------------------------------------------
	for args in "--dpi 19" "--dpi 601" "--dpi 1e2" "--format gif" "--format pdf --dpi 300" \
	    "--page 2" "preview --format ps" "preview --page 0" "preview --page 2 --contact-sheet" \
	    "--format svg --contact-sheet"; do
		out=$("$MIMEO" $args -o "$C/usage/" $S 2>&1); st=$?
		[ $st = 2 ] && [ ! -e "$C/usage" ] && ok || bad "mimeo $args: exit $st, wrote $(ls "$C/usage" 2>/dev/null): $out"
	done
	out=$("$MIMEO" --dpi 19 $S 2>&1)
	[ "$(head -1 <<<"$out")" = 'mimeo: error: --dpi needs a number from 20 to 600, not "19"' ] && ok || bad "--dpi 19: $out"

	# --- determinism: the same bytes, and PS dates only from the epoch -----
	E2=$C/epoch
	SOURCE_DATE_EPOCH=0 "$MIMEO" -q worksheet --format ps -o "$E2/" tests/cairo/grade3-multiplication.yaml
	grep -qx '%%CreationDate: Thu Jan  1 00:00:00 1970 UTC' "$E2/grade3-multiplication.ps" && ok ||
		bad "SOURCE_DATE_EPOCH=0 gives $(grep '^%%CreationDate' "$E2/grade3-multiplication.ps" || echo 'no date')"
	out=$(SOURCE_DATE_EPOCH=soon "$MIMEO" -q worksheet --format ps -o "$E2/soon.ps" tests/cairo/grade3-multiplication.yaml 2>&1); st=$?
	[ $st = 3 ] && [ ! -e "$E2/soon.ps" ] &&
		[ "$out" = "mimeo: error: cannot write $E2/soon.ps: SOURCE_DATE_EPOCH is not a number of seconds: \"soon\"" ] &&
		ok || bad "SOURCE_DATE_EPOCH=soon: exit $st: $out"

	# --- a failed run writes nothing and leaves older files as they were ---
	F=$C/fail
	SB=tests/cairo/small-then-big.yaml
	mkdir -p "$F"
	"$MIMEO" -q worksheet --format png -o "$F/" $SB
	n=$(ls -A "$F" | wc -l)
	echo old >"$F/small-then-big-p1.png"
	echo old >"$F/small-then-big-p2.png"
	# wrong input: exit 1, nothing touched
	"$MIMEO" -q worksheet --format png -o "$F/" tests/bad/file-empty.yaml 2>/dev/null; st=$?
	[ $st = 1 ] && [ "$(ls -A "$F" | wc -l)" = "$n" ] && ok || bad "bad input with --format png: exit $st, $(ls "$F")"
	# page 1 (13 kB) is written, page 2 (130 kB) passes the 40 kB file
	# size limit: no page is renamed into place and no temporary is left
	out=$( (trap '' XFSZ; ulimit -f 40; exec "$MIMEO" -q worksheet --format png -o "$F/" $SB) 2>&1); st=$?
	[ $st = 3 ] && [ "$out" = "mimeo: error: cannot write $F/small-then-big-p2.png: File too large (larger than the limit on a file's size that this shell sets, ulimit -f; raise it, or write fewer copies at a time)" ] && ok ||
		bad "a page that cannot be written: exit $st: $out"
	[ "$(cat "$F/small-then-big-p1.png")" = old ] && [ "$(cat "$F/small-then-big-p2.png")" = old ] &&
		[ "$(ls -A "$F" | wc -l)" = "$n" ] && ok || bad "a failed multi-page write left: $(ls -A "$F")"

	# failures of the backends themselves return -1 with a one-line reason
	mkdir -p "$C/err"
	"$DRV" errors $S "$C/err" >"$C/err.out" 2>&1
	[ "$(grep -c '^ok: ' "$C/err.out")" = 10 ] && ! grep -q FAIL "$C/err.out" && ok ||
		bad "cairo: error cases: $(grep -v '^ok: ' "$C/err.out" | head -3)"
	grep -q '^ok: cannot write .*/no-such-dir/x: No such file or directory$' "$C/err.out" && ok ||
		bad "cairo: an unwritable path is not reported with its reason"
	grep -q '^ok: cannot write /dev/full: No space left on device$' "$C/err.out" && ok ||
		bad "cairo: a full disk is not reported with its reason"
	[ -z "$(ls -A "$C/err")" ] && ok || bad "cairo: a failed call wrote $(ls -A "$C/err")"

	# no leak, no invalid access: mimeo frees cairo's caches at exit
	case $MIMEO in
	build-asan/*) ;;
	*)	if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
			--error-exitcode=99 "$MIMEO" -q --format png --dpi 30 -o "$C/vg/" $S \
			>/dev/null 2>"$C/valgrind.err" &&
		   valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
			--error-exitcode=99 "$MIMEO" -q --contact-sheet -o "$C/vg/" $S \
			>/dev/null 2>>"$C/valgrind.err"; then ok
		else bad "cairo: valgrind: $(grep -m3 '==' "$C/valgrind.err")"; fi ;;
	esac
fi
