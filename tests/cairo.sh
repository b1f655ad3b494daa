# The cairo backends (gen/render_cairo.c: PNG, SVG, PostScript, contact
# sheet), sourced by tests/run.sh after e2e.sh (uses ok, bad, $T, $MIMEO).
# Every page is checked against the PDF mimeo writes for the same set:
#   PNG  vs poppler's rendering of the PDF (pdftoppm -r 50 -gray): the row
#        and column ink profiles (darkness summed per row, per column) must
#        correlate > 0.98 and the ink centroids lie within 1 pixel;
#   PS   read by Ghostscript without a word, one page per PDF page, and
#        Ghostscript's rendering of it matches its rendering of the PDF
#        (on Letter paper; see below for A4);
#   SVG  well-formed (xmllint), one glyph drawn per character of the page;
# and every output is byte-identical across two runs.  Until the command
# line has --format png|svg|ps, tests/cairo_driver.c calls the backends;
# it is built here with the objects and flags of the build under test.
# The numbers of every comparison are kept in $T/cairo/compare.txt.

C=$T/cairo
rm -rf "$C" && mkdir -p "$C"
DRV=$C/cairo_driver
CMP=$C/compare.txt
: >"$CMP"

# mkvar EXPR: a make expression evaluated with the Makefile's variables.
mkvar() { make -s --no-print-directory --eval "cairo-print: ; @echo $1" cairo-print; }
case $MIMEO in
build-asan/*)	cobjs=$(mkvar '$(filter-out build-asan/main.o,$(ASAN_OBJS))')
		cflags=$(mkvar '$(CFLAGS) $(ASAN_FLAGS) $(CPPFLAGS)') ;;
*)		cobjs=$(mkvar '$(LIB_OBJS)')
		cflags=$(mkvar '$(CFLAGS) $(CPPFLAGS)') ;;
esac
if make -s $cobjs >"$C/build.log" 2>&1 &&
   $(mkvar '$(CC)') $cflags -Igen -o "$DRV" tests/cairo_driver.c $cobjs \
	$(mkvar '$(LDFLAGS) $(LDLIBS)') >>"$C/build.log" 2>&1; then
	ok
else
	bad "cairo: the test driver does not build: $(head -3 "$C/build.log")"
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
	    $6 >= -1 && $6 <= 1 && $8 >= -1 && $8 <= 1 {good = 1} END {exit !good}'; then
		ok
	else
		bad "$what: $got"
	fi
}

# cairo_set NAME SET.yaml [-k] [-a4]: every check above for one document
cairo_set() {
	local name=$1 set=$2 d=$C/$1 pdf n i g
	shift 2
	mkdir -p "$d/a" "$d/b" "$d/pdf"
	local base; base=$(basename "$set" .yaml)
	case " $* " in *" -a4 "*) "$MIMEO" -q --paper a4 -o "$d/pdf/" "$set" ;;
	*) "$MIMEO" -q -o "$d/pdf/" "$set" ;; esac
	pdf=$d/pdf/$base.pdf
	case " $* " in *" -k "*) pdf=$d/pdf/$base-key.pdf ;; esac
	n=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
	if ! "$DRV" render "$@" "$set" 50 "$d/a" >"$d/a.out" 2>&1 ||
	   ! "$DRV" render "$@" "$set" 50 "$d/b" >"$d/b.out" 2>&1; then
		bad "cairo $name: $(head -3 "$d/a.out" "$d/b.out")"
		return
	fi
	grep -qx "pages $n" "$d/a.out" && ok || bad "cairo $name: $(head -1 "$d/a.out"), the PDF has $n"

	for i in $(seq 1 "$n"); do
		# PNG against poppler
		pdftoppm -r 50 -gray -png -f "$i" -l "$i" -singlefile "$pdf" "$d/ref-$i"
		[ "$(pngsize "$d/ref-$i.png")" = "$(pngsize "$d/a/$i.png")" ] && ok ||
			bad "cairo $name page $i: PNG is $(pngsize "$d/a/$i.png"), poppler's $(pngsize "$d/ref-$i.png")"
		alike "cairo $name page $i PNG vs pdftoppm" "$d/ref-$i.png" "$d/a/$i.png"
		# SVG: well-formed, every character drawn
		xmllint --noout "$d/a/$i.svg" 2>"$d/xmllint.err" && ok ||
			bad "cairo $name page $i: SVG: $(head -2 "$d/xmllint.err")"
		g=$(awk -v p="$i" '$1 == "page" && $2 == p {print $4}' "$d/a.out")
		[ "$(grep -o '<use xlink:href="#glyph' "$d/a/$i.svg" | wc -l)" = "$g" ] && ok ||
			bad "cairo $name page $i: SVG draws $(grep -o '<use xlink:href="#glyph' "$d/a/$i.svg" | wc -l) glyphs, the page has $g"
	done

	# PostScript: Ghostscript reads it silently; its pages match the PDF's
	if gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$d/a/all.ps" >"$d/gs.err" 2>&1 &&
	   [ ! -s "$d/gs.err" ]; then ok; else bad "cairo $name: gs on all.ps: $(head -3 "$d/gs.err")"; fi
	grep -qx "%%Pages: $n" "$d/a/all.ps" && ok || bad "cairo $name: all.ps: $(grep '^%%Pages' "$d/a/all.ps"), the PDF has $n"
	# text antialiased: math sets each atom as its own text item at a
	# fraction of a pixel, and unantialiased gs rounds each to a whole
	# pixel (graphics stay unantialiased: pictures' edges then match)
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pnggray -r50 -dTextAlphaBits=4 -sOutputFile="$d/gsps-%d.png" "$d/a/all.ps" >/dev/null 2>&1
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pnggray -r50 -dTextAlphaBits=4 -sOutputFile="$d/gspdf-%d.png" "$pdf" >/dev/null 2>&1
	[ "$(ls "$d"/gsps-*.png 2>/dev/null | wc -l)" = "$n" ] && ok ||
		bad "cairo $name: gs draws $(ls "$d"/gsps-*.png 2>/dev/null | wc -l) pages from all.ps, the PDF has $n"
	# (not on A4: cairo writes the PostScript page size rounded up to
	# whole points, 596x842, so the drawing sits 0.11 pt higher than on the
	# 841.89 pt PDF page and gs, which does not antialias here, rounds some
	# baselines to the next pixel row: correlations fall to 0.98-0.99)
	case " $* " in *" -a4 "*) ;; *)
	for i in $(seq 1 "$n"); do
		alike "cairo $name page $i PS vs PDF (both by gs)" "$d/gspdf-$i.png" "$d/gsps-$i.png"
	done ;;
	esac
	grep -q '^%%CreationDate' "$d/a/all.ps" && bad "cairo $name: all.ps has a %%CreationDate" || ok

	# contact sheet: four across, 24 dpi thumbnails (see render_cairo.c)
	local cols=$((n < 4 ? n : 4)) rows=$(((n + 3) / 4)) tw th
	read -r tw th < <(pdfinfo "$pdf" | awk '/^Page size:/ {
		w = $3 * 24 / 72; h = $5 * 24 / 72
		print (w == int(w) ? w : int(w) + 1), (h == int(h) ? h : int(h) + 1)}')
	[ "$(pngsize "$d/a/contact.png")" = "$((16 + cols * (tw + 16)))x$((16 + rows * (th + 18 + 16)))" ] && ok ||
		bad "cairo $name: contact sheet is $(pngsize "$d/a/contact.png") for $n pages of ${tw}x${th}"

	# the same bytes in a second run, and for a later call in one run
	for f in "$d"/a/*; do
		cmp -s "$f" "$d/b/${f##*/}" && ok || bad "cairo $name: ${f##*/} differs between two runs"
	done
	cmp -s "$d/a/1.png" "$d/a/again.png" && ok || bad "cairo $name: page 1 PNG differs when drawn again"
	cmp -s "$d/a/1.svg" "$d/a/again.svg" && ok || bad "cairo $name: page 1 SVG differs when drawn again"
}

if [ -n "$DRV" ]; then
	export MIMEO_DATA=${MIMEO_DATA:-$PWD}
	cairo_set sampler problems/math/samples/all-types-sampler.yaml
	cairo_set sampler-key problems/math/samples/all-types-sampler.yaml -k
	cairo_set reading problems/ela/grade4/beekeepers-helper.yaml
	cairo_set reading-key problems/ela/grade4/beekeepers-helper.yaml -k
	cairo_set sampler-a4 problems/math/samples/all-types-sampler.yaml -a4

	# SOURCE_DATE_EPOCH is the one date PostScript may carry
	mkdir -p "$C/epoch"
	SOURCE_DATE_EPOCH=0 "$DRV" render problems/math/grade3/multiplication.yaml 20 "$C/epoch" >/dev/null 2>&1
	grep -qx '%%CreationDate: Thu Jan  1 00:00:00 1970 UTC' "$C/epoch/all.ps" && ok ||
		bad "cairo: SOURCE_DATE_EPOCH=0 gives $(grep '^%%CreationDate' "$C/epoch/all.ps" || echo 'no date')"
	out=$(SOURCE_DATE_EPOCH=soon "$DRV" render problems/math/grade3/multiplication.yaml 20 "$C/epoch" 2>&1) &&
		bad "cairo: SOURCE_DATE_EPOCH=soon accepted" ||
		case $out in *'SOURCE_DATE_EPOCH is not a number of seconds: "soon"'*) ok ;;
		*) bad "cairo: SOURCE_DATE_EPOCH=soon: $out" ;; esac

	# failures return -1 with a one-line reason and write nothing
	mkdir -p "$C/err"
	"$DRV" errors problems/math/samples/all-types-sampler.yaml "$C/err" >"$C/err.out" 2>&1
	[ "$(grep -c '^ok: ' "$C/err.out")" = 10 ] && ! grep -q FAIL "$C/err.out" && ok ||
		bad "cairo: error cases: $(grep -v '^ok: ' "$C/err.out" | head -3)"
	grep -q '^ok: cannot write .*/no-such-dir/x: No such file or directory$' "$C/err.out" && ok ||
		bad "cairo: an unwritable path is not reported with its reason"
	grep -q '^ok: cannot write /dev/full: No space left on device$' "$C/err.out" && ok ||
		bad "cairo: a full disk is not reported with its reason"
	[ -z "$(ls -A "$C/err")" ] && ok || bad "cairo: a failed call wrote $(ls -A "$C/err")"

	# no leak, no invalid access (cairo's caches are freed by the driver)
	case $MIMEO in
	build-asan/*) ;;
	*)	if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
			--error-exitcode=99 "$DRV" render -k problems/math/samples/all-types-sampler.yaml 30 \
			"$C/epoch" >/dev/null 2>"$C/valgrind.err"; then ok
		else bad "cairo: valgrind: $(grep -m3 '==' "$C/valgrind.err")"; fi ;;
	esac
fi
