# Pictures in problems (`image:`), sourced by tests/run.sh after cairo.sh
# (uses ok, bad, check, $T, $MIMEO, and cairo_set when $DRV is built).
# tests/e2e/images.yaml shows every kind in tests/images/: RGB, gray,
# RGBA, 2-bit palette with transparency, interlaced and 16-bit PNG;
# baseline, progressive and gray JPEG; tests/e2e/orient.yaml shows one
# JPEG stored for each EXIF orientation (tests/images/orient-N.jpg, made
# with cjpeg and an APP1 segment written by hand) and checks on the
# rendered pages that each prints upright; tests/e2e/orient-png.yaml the
# same in PNG (eXIf chunk, tests/images/make-orient-png.sh), with broken
# chunks that print as stored.  Read back with pdfimages: each
# picture at its pixel size, at the resolution its width gives, with a
# soft mask exactly when it has transparency.  The wrong pictures are in
# tests/bad/image-*.yaml.

I=$T/images
rm -rf "$I" && mkdir -p "$I/letter" "$I/a4" "$I/again"
set=tests/e2e/images.yaml

out=$("$MIMEO" check -q "$set" 2>&1) && [ -z "$out" ] && ok || bad "images: check $set: $out"
"$MIMEO" -q -o "$I/letter/" "$set" && "$MIMEO" -q -o "$I/again/" "$set" &&
"$MIMEO" -q --paper a4 -o "$I/a4/" "$set" && ok || bad "images: $set does not render"

# imglist PDF: "page type width height color enc x-ppi" per picture
imglist() { pdfimages -list "$1" 2>/dev/null | awk 'NR > 2 {print $1, $3, $4, $5, $6, $9, $13}'; }
# What each width asks for: 6cm over 360 px is 152 ppi, 4cm over 300 px
# 190, none over 400 px 150 (IMAGE_DPI), 1in over 160 px 160, 72pt over
# 300 px 300, 1.5in over 200 px 133; 30% of the 6.5in Letter column less
# the prompt indent over 200 px is 100.
cat >"$I/want-letter" <<'E'
1 image 360 120 rgb image 152
1 image 300 300 rgb jpeg 190
1 image 400 80 gray image 150
2 image 200 200 rgb image 100
2 smask 200 200 gray image 100
2 image 160 160 rgb image 160
2 smask 160 160 gray image 160
2 image 300 300 rgb jpeg 190
3 image 360 120 rgb image 150
3 image 300 300 gray jpeg 300
3 image 200 200 rgb image 133
3 smask 200 200 gray image 133
E
imglist "$I/letter/images.pdf" >"$I/got-letter"
diff "$I/got-letter" "$I/want-letter" >"$I/diff" && ok ||
	bad "images: pdfimages -list of images.pdf differs: $(head -4 "$I/diff" | tr '\n' ' ')"
# the key shows the same pictures
[ "$(imglist "$I/letter/images-key.pdf" | awk '$2 == "image"' | wc -l)" = 9 ] && ok ||
	bad "images: the key has $(imglist "$I/letter/images-key.pdf" | awk '$2 == "image"' | wc -l) pictures, not 9"
# A4: lengths print the same size; 30% of the narrower A4 column is
# smaller, so more pixels per inch (103)
imglist "$I/a4/images.pdf" | cut -d' ' -f2- >"$I/got-a4"
cut -d' ' -f2- "$I/want-letter" | sed 's/ 100$/ 103/' >"$I/want-a4"
diff "$I/got-a4" "$I/want-a4" >"$I/diff" && ok ||
	bad "images: A4 pictures differ: $(head -4 "$I/diff" | tr '\n' ' ')"
for f in letter/images.pdf letter/images-key.pdf a4/images.pdf; do
	check "images: qpdf --check $f" qpdf --check "$I/$f"
done
cmp -s "$I/letter/images.pdf" "$I/again/images.pdf" && ok ||
	bad "images: images.pdf differs between two runs"

# a class set stores each picture once, however many copies show it
"$MIMEO" -q --roster tests/rosters/class30.csv -o "$I/class/" "$set" &&
	[ "$(pdfimages -list "$I/class/images.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" = 270 ] &&
	[ "$(pdfimages -list "$I/class/images.pdf" | awk 'NR > 2 {print $11}' | sort -u | wc -l)" = 9 ] &&
	ok || bad "images: 30 copies do not show 270 pictures from 9 stored ones"

# a photo with an EXIF orientation tag prints upright, without a word
out=$("$MIMEO" check tests/e2e/sideways.yaml 2>&1 >/dev/null); st=$?
[ $st = 0 ] && [ -z "$out" ] && ok || bad "images: sideways.jpg: exit $st: $out"
# tests/e2e/orient.yaml: one picture stored for each of the 8 orientations
# (4 of them on their side: 48x64 in the file), each printed 1in wide
O8=tests/e2e/orient.yaml
"$MIMEO" -q worksheet -o "$I/orient.pdf" $O8 && "$MIMEO" -q worksheet --format ps -o "$I/orient.ps" $O8 &&
	ok || bad "images: $O8 does not render"
[ "$(pdfimages -list "$I/orient.pdf" 2>/dev/null | awk 'NR > 2 {print $4 "x" $5}' | sort | uniq -c | tr -s ' ')" = " 4 48x64
 4 64x48" ] && ok || bad "images: orient.pdf does not store 4 pictures each way"
# upright PPM...: for each picture (green with a red square; ink of no
# other colour) of the pages, top to bottom, "wide TL" when it is wider
# than tall with the red square in its top-left quarter, and " holes"
# after it when a tenth of its box is not ink (a transparency mask that
# does not fit the picture)
upright() {
	local f hdr w
	for f in "$@"; do
		# the header: P6, width and height, 255, and # comments
		read -r hdr w < <(head -c 200 "$f" | LC_ALL=C awk '{len += length($0) + 1}
			!/^#/ && ++n == 2 {w = $1} n == 3 {print len, w; exit}')
		tail -c +$((hdr + 1)) "$f" | od -An -v -tu1 -w3 | awk -v W="$w" '
		function done() {
			if (n) print (x1 - x0 > y1 - y0 ? "wide" : "tall"),
			    (rn && rx / rn < (x0 + x1) / 2 && ry / rn < (y0 + y1) / 2 ? "TL" : "elsewhere") \
			    (n < 0.9 * (x1 - x0 + 1) * (y1 - y0 + 1) ? " holes" : "")
			n = rn = rx = ry = 0
		}
		{ x = (NR - 1) % W; y = int((NR - 1) / W)
		  red = $1 > $2 + 80 && $1 > $3 + 80; green = $2 > $1 + 60 && $2 > $3 + 60
		  if (!red && !green) next
		  if (n && y > last + 1) done()
		  if (!n++) { x0 = x1 = x; y0 = y1 = y }
		  if (x < x0) x0 = x; if (x > x1) x1 = x; y1 = last = y
		  if (red) { rn++; rx += x; ry += y } }
		END { done() }'
	done
}
eight=$(printf 'wide TL\n%.0s' 1 2 3 4 5 6 7 8)
pdftoppm -r 72 "$I/orient.pdf" "$I/orient-pdf"
got=$(upright "$I"/orient-pdf-*.ppm)
[ "$got" = "$eight" ] && ok || bad "images: orient.pdf (poppler) does not show 8 upright pictures: $(echo $got)"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=ppmraw -r72 -sOutputFile="$I/orient-ps-%d.ppm" "$I/orient.ps" >/dev/null 2>&1
got=$(upright "$I"/orient-ps-*.ppm)
[ "$got" = "$eight" ] && ok || bad "images: orient.ps (cairo) does not show 8 upright pictures: $(echo $got)"

# tests/e2e/orient-png.yaml: the 8 orientations again in PNG (an eXIf
# chunk), one partly transparent, then 5 broken eXIf chunks that print as
# stored: 14 pictures upright in the PDF (poppler), in PostScript (gs) and
# in the PNG and SVG pages (cairo).  A PNG reaches the PDF turned already:
# all stored 64x48.
OP=tests/e2e/orient-png.yaml
fourteen=$(printf 'wide TL\n%.0s' $(seq 14))
"$MIMEO" -q worksheet -o "$I/orient-png.pdf" $OP && "$MIMEO" -q worksheet --format ps -o "$I/orient-png.ps" $OP &&
	"$MIMEO" -q worksheet --format svg -o "$I/orient-png-svg/" $OP && ok || bad "images: $OP does not render"
[ "$(pdfimages -list "$I/orient-png.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image" {print $4 "x" $5}' | sort | uniq -c | tr -s ' ')" = " 14 64x48" ] &&
	ok || bad "images: orient-png.pdf does not store 14 upright pictures"
pdftoppm -r 72 "$I/orient-png.pdf" "$I/orient-png-pdf"
got=$(upright "$I"/orient-png-pdf-*.ppm)
[ "$got" = "$fourteen" ] && ok || bad "images: orient-png.pdf (poppler) does not show 14 upright pictures: $(echo $got)"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=ppmraw -r72 -sOutputFile="$I/orient-png-ps-%d.ppm" "$I/orient-png.ps" >/dev/null 2>&1
got=$(upright "$I"/orient-png-ps-*.ppm)
[ "$got" = "$fourteen" ] && ok || bad "images: orient-png.ps (cairo) does not show 14 upright pictures: $(echo $got)"
# SVG: each picture goes in as a PNG of its own, upright (64x48); the 13
# opaque ones are the same pixels, so the same bytes as orient-1's
svgimg=$(cat "$I"/orient-png-svg/*.svg | grep -o '<image [^>]*' | sed 's/ id="[^"]*"//' | sort | uniq -c | awk '{print $1, $3, $4}')
[ "$(echo "$svgimg" | awk '{print $1}' | sort -n | tr '\n' ' ')" = "1 13 " ] &&
	[ "$(echo "$svgimg" | awk '{print $2, $3}' | sort -u)" = 'width="64" height="48"' ] && ok ||
	bad "images: orient-png SVG pictures are not 13 alike and one transparent, all 64x48: $svgimg"
if [ -n "${DRV:-}" ]; then
	"$MIMEO" -q worksheet --format png --dpi 72 -o "$I/orient-png-png/" $OP && ok || bad "images: $OP --format png"
	for f in "$I"/orient-png-png/*.png; do "$DRV" ppm "$f" >"${f%.png}.ppm"; done
	got=$(upright $(ls "$I"/orient-png-png/*.ppm | sort -V))
	[ "$got" = "$fourteen" ] && ok || bad "images: orient-png PNG pages (cairo) do not show 14 upright pictures: $(echo $got)"
fi

# limits and the library root, which need files made here
mkdir -p "$I/lib/sets" "$I/lib/pictures"
printf 'title: T\nproblems:\n  - type: short\n    prompt: P\n    image: %s\n    answer: "1"\n' \
	../pictures/big.png >"$I/lib/sets/big.yaml"
{ printf '\211PNG\r\n\032\n'; } >"$I/lib/pictures/big.png"
truncate -s 21M "$I/lib/pictures/big.png"
out=$(cd "$I/lib/sets" && "$OLDPWD/$MIMEO" check big.yaml 2>&1)
[ "$out" = 'big.yaml:5:12: error: problem 1: image "../pictures/big.png" is 21.0 MB; mimeo takes pictures up to 20 MB: make it smaller' ] &&
	ok || bad "images: a 21 MB picture: $out"
cp tests/images/bar.png "$I/lib/pictures/bar.png"
ln -sf /etc/passwd "$I/lib/pictures/link.png"
sed 's|big.png|bar.png|' "$I/lib/sets/big.yaml" >"$I/lib/sets/bar.yaml"
sed 's|big.png|link.png|' "$I/lib/sets/big.yaml" >"$I/lib/sets/link.yaml"
check "images: a picture in a sibling folder of the library" "$MIMEO" check "$I/lib/sets/bar.yaml"
out=$("$MIMEO" check --library "$I/lib/sets" "$I/lib/sets/bar.yaml" 2>&1)
case $out in *'image "../pictures/bar.png" is outside the library ('*'/lib/sets, given with --library)'*) ok ;;
*) bad "images: --library does not hold pictures in: $out" ;; esac
out=$("$MIMEO" check "$I/lib/sets/link.yaml" 2>&1)
case $out in *'image "../pictures/link.png" is a link to a file outside the library'*) ok ;;
*) bad "images: a link out of the library: $out" ;; esac

# the cairo backends draw the same pictures as the PDF (see cairo.sh)
if [ -n "${DRV:-}" ]; then
	cairo_set images "$set" -pictures
	cairo_set images-a4 "$set" -a4
	cairo_set orient "$O8" -pictures
	cairo_set orient-png "$OP" -pictures
fi

# --- large print: pictures grow with the text (18 pt over 12: 1.5 times) ---
"$MIMEO" -q worksheet -o "$I/lp-std.pdf" tests/e2e/images.yaml &&
	"$MIMEO" -q worksheet --template large-print -o "$I/lp-large.pdf" tests/e2e/images.yaml &&
	paste <(pdfimages -list "$I/lp-std.pdf" | awk 'NR > 2 { print $13 }') \
	    <(pdfimages -list "$I/lp-large.pdf" | awk 'NR > 2 { print $13 }') |
	awk 'NR <= 2 { r = $1 / $2; if (r < 1.45 || r > 1.55) bad = 1; n++ } END { exit bad || n != 2 }' && ok ||
	bad "large print: the 6cm and 4cm pictures are not 1.5 times as wide: $(pdfimages -list "$I/lp-large.pdf" | sed -n 3,4p)"
