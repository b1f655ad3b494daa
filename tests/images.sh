# Pictures in problems (`image:`), sourced by tests/run.sh after cairo.sh
# (uses ok, bad, check, $T, $MIMEO, and cairo_set when $DRV is built).
# tests/e2e/images.yaml shows every kind in tests/images/: RGB, gray,
# RGBA, 2-bit palette with transparency, interlaced and 16-bit PNG;
# baseline, progressive and gray JPEG.  Read back with pdfimages: each
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

# a photo with an EXIF rotation tag is printed as stored, with a warning
out=$("$MIMEO" check tests/e2e/sideways.yaml 2>&1 >/dev/null); st=$?
[ $st = 0 ] && [ "$out" = 'tests/e2e/sideways.yaml:5:12: warning: image "../images/sideways.jpg" is stored on its side, with a tag telling viewers to turn it (EXIF orientation 6); mimeo prints it as stored: turn it in an image editor and save it again' ] &&
	ok || bad "images: sideways.jpg: exit $st: $out"

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
fi
