# tests/scripts.sh - sourced by tests/run.sh (ok, bad, $T, $MIMEO).
#
# Writing systems (script.c): lines break by UAX #14 (libunistring), so
# Chinese and Japanese break between characters, never before a closing
# full stop, while Latin still breaks at spaces only; mimeo list counts
# columns with libunistring's u8_width.  The scripts mimeo refuses are in
# tests/bad (text-shaped-script, text-bidi-control).
SD=tests/scripts
SO=$T/scripts
rm -rf "$SO" && mkdir -p "$SO"

if "$MIMEO" -o "$SO/" "$SD/zh-break.yaml" >/dev/null 2>&1; then
	ok
	pdftotext "$SO/zh-break.pdf" "$SO/zh-break.txt"
	# no line starts with a closing mark (。，？)
	if grep -q '^[。，？]' "$SO/zh-break.txt"; then
		bad "scripts: a line starts with closing punctuation: $(grep -m1 '^[。，？]' "$SO/zh-break.txt")"
	else ok; fi
	# problem 1 breaks before the character the stop follows
	grep -qx '一。二三四五' "$SO/zh-break.txt" && ok ||
		bad "scripts: problem 1 did not break before 一。 ($(grep -m1 '二' "$SO/zh-break.txt"))"
	# problem 2's Chinese starts on the line of its English words
	grep -q '^2\. Read this and answer: 小明' "$SO/zh-break.txt" && ok ||
		bad "scripts: problem 2's Chinese did not start on its first line"
	# problem 3 wraps, and only at spaces (-layout: plain pdftotext
	# joins a line that ends in a hyphen to the next)
	pdftotext -layout "$SO/zh-break.pdf" - | sed 's/^ *//' |
	    sed -n '/^3\. Abcde A well-known/,/check-in\./p' >"$SO/latin.txt"
	n=$(wc -l <"$SO/latin.txt")
	[ "$n" -ge 2 ] && ok || bad "scripts: problem 3 did not wrap ($n lines)"
	if grep -q '[-/]$' "$SO/latin.txt"; then
		bad "scripts: Latin broke after a hyphen or slash"
	else ok; fi
else
	bad "scripts: zh-break.yaml did not print"
fi

# mimeo list: the SUBJECT column starts at the same terminal column in
# every row, a Chinese title counted two columns a character
"$MIMEO" list "$SD/list" >"$SO/list.txt" 2>&1
cols=$(while IFS= read -r line; do
	pre=${line%%math*}
	[ "$pre" = "$line" ] && pre=${line%%SUBJECT*}
	[ "$pre" = "$line" ] || printf '%s\n' "$pre" | wc -L
done <"$SO/list.txt" | sort -u | wc -l)
[ "$(wc -l <"$SO/list.txt")" -ge 3 ] && [ "$cols" = 1 ] && ok ||
	bad "scripts: mimeo list columns do not line up: $(cat "$SO/list.txt")"

# Labels: every language's file has every key of en.yaml (none falls back
# to English with a warning), and a printed worksheet and key read back
# in it: name field, answer line, true/false, page footer, key title and
# the decimal separator of dec().
keys() { grep -oE '^("?[a-z_]+"?):' "$1" | sort; }
keys templates/labels/en.yaml >"$SO/keys.en"
for f in templates/labels/*.yaml; do
	keys "$f" | cmp -s - "$SO/keys.en" && ok ||
		bad "scripts: $f lacks keys of en.yaml: $(keys "$f" | comm -13 - "$SO/keys.en" | head -3 | tr '\n' ' ')"
done
# LANG|name|answer|true|page 1 of 1|key title|0.75 as dec() prints it
while IFS='|' read -r l name answer true page key dec; do
	err=$("$MIMEO" -o "$SO/$l/" --lang "$l" "$SD/labels.yaml" 2>&1 >/dev/null)
	[ -z "$err" ] && ok || bad "scripts: --lang $l said: $err"
	pdftotext -layout "$SO/$l/labels.pdf" "$SO/$l.txt" 2>/dev/null
	pdftotext -layout "$SO/$l/labels-key.pdf" "$SO/$l-key.txt" 2>/dev/null
	for want in "$name" "$answer" "$true" "$page"; do
		grep -qF -- "$want" "$SO/$l.txt" && ok ||
			bad "scripts: --lang $l worksheet lacks '$want'"
	done
	grep -qF -- "$key" "$SO/$l-key.txt" && ok ||
		bad "scripts: --lang $l key lacks '$key'"
	grep -qE -- "$answer +$dec( |$)" "$SO/$l-key.txt" && ok ||
		bad "scripts: --lang $l key's answer is not '$answer $dec': $(grep -F -- "$answer" "$SO/$l-key.txt" | head -1)"
done <<'LANGS'
fr|Nom|Réponse :|Vrai|Page 1 sur 1|Corrigé|0,75
pt|Nome|Resposta:|Verdadeiro|Página 1 de 1|Gabarito|0,75
sw|Jina|Jibu:|Kweli|Ukurasa 1 kati ya 1|Majibu sahihi|0.75
zh|姓名|答：|对|第 1 页，共 1 页|答案|0.75
hi|नाम|उत्तर:|सही|पृष्ठ 1 / 1|उत्तर कुंजी|0.75
es|Nombre|Respuesta:|Verdadero|Página 1 de 1|Clave de respuestas|0,75
LANGS

# Fonts by language (template fonts: language:): a French set takes the
# symbols Andika lacks (∠ ⊥) from the family the template names for fr,
# before its fallback; an English set from the fallback.  The shipped
# template names WenQuanYi Zen Hei for Chinese.
sed 's/^  language: .*/&\n    fr: [DejaVu Serif]/' templates/worksheet.yaml >"$SO/bylang.yaml"
for l in fr en; do
	"$MIMEO" -q -o "$SO/bylang-$l/" --template "$SO/bylang.yaml" --lang $l \
	    "$SD/angle.yaml" >/dev/null 2>&1 || bad "scripts: bylang $l did not print"
	pdffonts "$SO/bylang-$l/angle.pdf" 2>/dev/null | awk 'NR > 2 {print $1}' |
	    sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ' >"$SO/bylang-$l.txt"
done
case $(cat "$SO/bylang-fr.txt") in *DejaVuSerif,Book\ *) ok ;;
*) bad "scripts: fr set's symbols not from DejaVu Serif: $(cat "$SO/bylang-fr.txt")" ;; esac
case $(cat "$SO/bylang-en.txt") in *DejaVuSerif*) bad "scripts: en set used fr's font" ;;
*DejaVuSans,Book\ *) ok ;; *) bad "scripts: en set's symbols: $(cat "$SO/bylang-en.txt")" ;; esac
pdffonts "$SO/zh/labels.pdf" 2>/dev/null | grep -q WenQuanYiZenHei && ok ||
	bad "scripts: the zh set is not in WenQuanYi Zen Hei"
# a template's fonts: language that is not a mapping is an error at it
sed 's/^  language: .*/  language: [zh]/; /^    [a-z][a-z]: /d' templates/worksheet.yaml >"$SO/badlang.yaml"
m=$MIMEO; case $m in /*) ;; *) m=$PWD/$m ;; esac
out=$(cd "$SO" && "$m" check --template badlang.yaml "$OLDPWD/$SD/angle.yaml" 2>&1)
[ $? = 1 ] && [ "$out" = "badlang.yaml:8:13: error: fonts: language must be a mapping of a language to its font families, like {zh: [WenQuanYi Zen Hei]}" ] &&
	ok || bad "scripts: template fonts: language: [zh] said: $out"

# Shaping (HarfBuzz, layout.c lay_shaped): a line of Hindi and one of
# Bengali, set by mimeo as a set's title, against the same line set by
# pango (pango-view, pango1.0-tools), in the same font and size, both
# rasterized by poppler at 400 dpi: the ink, cut to its box, must be the
# same glyph for glyph (tests/scripts_ink.c).  The Hindi reference with
# one word's vowel sign after its consonant (किताब as कताबि: what mimeo
# printed before) must differ, so the comparison can fail.
INK=$SO/scripts_ink
if $(mkvar '$(CC)') -O2 -o "$INK" tests/scripts_ink.c -lm >"$INK.log" 2>&1; then ok
else bad "scripts: scripts_ink does not build: $(head -3 "$INK.log")"; fi
PV="--no-display --dpi=72 --hinting=none --hint-metrics=off --subpixel-positions --margin=10"
# ink NAME FONT LANG TEXT [REFTEXT]: compares; prints scripts_ink's line
# (PVX: more pango-view options, --markup for font_features)
ink() {
	local name=$1 font=$2 lang=$3 text=$4 reftext=${5:-$4} ymax
	printf 'title: "%s"\nlanguage: %s\nproblems:\n  - type: short\n    prompt: "?"\n    answer: "1"\n' \
	    "$text" "$lang" >"$SO/$name.yaml"
	"$MIMEO" -q -o "$SO/" "$SO/$name.yaml" >/dev/null 2>&1 || { echo "mimeo failed"; return 1; }
	pango-view $PV ${PVX:-} --font="$font Bold 18" -o "$SO/$name-ref.pdf" --text "$reftext" >/dev/null 2>&1 ||
	    { echo "pango-view failed"; return 1; }
	# the title's line: down to its words' boxes and 6 pt more
	ymax=$(pdftotext -bbox "$SO/$name.pdf" - | sed -n 's/.*yMax="\([0-9.]*\)".*/\1/p' | head -1)
	pdftoppm -gray -r 400 -f 1 -l 1 -x 0 -y 0 -W 5000 \
	    -H "$(awk -v y="$ymax" 'BEGIN {print int((y + 6) * 400 / 72)}')" \
	    "$SO/$name.pdf" "$SO/$name-ours"
	pdftoppm -gray -r 400 "$SO/$name-ref.pdf" "$SO/$name-ref"
	"$INK" "$SO/$name-ref-1.pgm" "$SO/$name-ours-1.pgm"
}
HI="किताब नमस्ते हिन्दी क्षत्रिय द्वार प्रश्न कृष्ण श्री ट्रक"
got=$(ink hi "Noto Sans Devanagari" hi "$HI") && ok || bad "scripts: Hindi is not shaped as pango shapes it: $got"
got=$(ink bn "Noto Sans Bengali" en "বাংলা ভাষা শিক্ষা ক্ষেত্র স্কুল") && ok ||
	bad "scripts: Bengali is not shaped as pango shapes it: $got"
got=$(ink hi-wrong "Noto Sans Devanagari" hi "$HI" "कताबि${HI#किताब}")
[ $? = 1 ] && [ -n "$got" ] && ok ||
	bad "scripts: the ink comparison cannot tell a misplaced vowel sign: $got"
# the text reads back as written (ActualText), a space between words
pdftotext "$SO/hi.pdf" - 2>/dev/null | grep -qxF "$HI" && ok ||
	bad "scripts: the Hindi title does not read back: $(pdftotext "$SO/hi.pdf" - 2>/dev/null | head -1)"
# a shaped word longer than a line is cut between clusters, in the margins
"$MIMEO" -q -o "$SO/" "$SD/hi-long.yaml" >/dev/null 2>&1 || bad "scripts: hi-long did not print"
right=$(pdftotext -bbox "$SO/hi-long.pdf" - 2>/dev/null | sed -n 's/.*xMax="\([0-9.]*\)".*क्ष.*/\1/p' | sort -n | tail -1)
lines=$(pdftotext "$SO/hi-long.pdf" - 2>/dev/null | grep -c 'क्षक्ष')
awk -v r="$right" 'BEGIN {exit !(r > 300 && r <= 612 - 54 + 0.5)}' && [ "$lines" = 2 ] && ok ||
	bad "scripts: the long Devanagari word runs to x=$right on $lines lines"
# ten Indic scripts, each from the Noto font fontconfig finds for it:
# every word reads back with pdftotext (through the spans' ActualText);
# the PDF passes qpdf --check
"$MIMEO" -q -o "$SO/" "$SD/indic.yaml" >/dev/null 2>&1 || bad "scripts: indic.yaml did not print"
txt=$(pdftotext "$SO/indic.pdf" - 2>/dev/null | tr '\n' ' ')
miss=0
while read -r w; do case $txt in *"$w"*) ;; *) miss=$((miss + 1)) ;; esac; done <"$SD/indic.words"
[ $miss = 0 ] && ok || bad "scripts: pdftotext misses $miss of $(wc -l <"$SD/indic.words") Indic words"
check "scripts: qpdf --check indic.pdf" qpdf --check "$SO/indic.pdf"

# Latin shaping (font.c fonts_shape, layout.c lay_shape_words): kerning
# and ligatures as HarfBuzz sets them, except in a | text, set as typed.
# In DejaVu Sans (which kerns A and V), "AVAVAV" is narrower than the same
# letters in a | text; in Andika "fish" draws its fi as one glyph, which
# reads back as "f" and "i" with pdftotext and Ghostscript's txtwrite
# (a ToUnicode entry per character), as Hindi and Chinese do.
sed 's/^  body: .*/  body: DejaVu Sans/' templates/worksheet.yaml >"$SO/dejavu.yaml"
printf 'title: Kerning\nproblems:\n  - type: short\n    prompt: "AVAVAV office"\n    answer: "1"\n  - type: short\n    prompt: |\n      AVAVAV office\n    answer: "1"\n' >"$SO/kern.yaml"
"$MIMEO" -q -o "$SO/kern/" --template "$SO/dejavu.yaml" "$SO/kern.yaml" >/dev/null 2>&1 ||
	bad "scripts: kern.yaml did not print"
w=$(pdftotext -bbox "$SO/kern/kern.pdf" - 2>/dev/null |
    sed -n 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*>AVAVAV<.*/\1 \2/p' |
    awk '{print $2 - $1}' | tr '\n' ' ')
awk -v w="$w" 'BEGIN {split(w, a, " "); exit !(a[1] > 0 && a[2] - a[1] > 2)}' && ok ||
	bad "scripts: AVAVAV is not kerned (widths, shaped then | text: $w)"
"$MIMEO" -q --format tree -o "$SO/kern/" --template "$SO/dejavu.yaml" "$SO/kern.yaml" >/dev/null 2>&1
n=$(grep -c '^  text .* f[0-9]* 12.00 "[AV]' "$SO/kern/kern.tree")
[ "$n" -ge 6 ] && grep -q '"AVAVAV office"' "$SO/kern/kern.tree" && ok ||
	bad "scripts: kerned AVAVAV is not one item a kern ($n), or the | text is not one item"
printf 'title: office fish\nproblems:\n  - type: short\n    prompt: "We find five fish in the office."\n    answer: "1"\n  - type: short\n    prompt: |\n      a fish, typed\n    answer: "1"\n' >"$SO/liga.yaml"
"$MIMEO" -q --format tree -o "$SO/liga/" "$SO/liga.yaml" >/dev/null 2>&1
"$MIMEO" -q -o "$SO/liga/" "$SO/liga.yaml" >/dev/null 2>&1 || bad "scripts: liga.yaml did not print"
grep -q '^  text .* glyph[0-9]* "fi"' "$SO/liga/liga.tree" && ok ||
	bad "scripts: Andika's fi is not one glyph"
grep -q '"a fish, typed"' "$SO/liga/liga.tree" && ok ||
	bad "scripts: a | text was shaped"
gsread() { gs -q -dNOPAUSE -dBATCH -sDEVICE=txtwrite -sOutputFile=- "$1" 2>/dev/null | tr -d '\r' | tr -s ' ' | sed 's/^ //; s/ $//'; }
for reader in "pdftotext -layout" gsread; do
	got=$($reader "$SO/liga/liga.pdf" - 2>/dev/null | tr -s " " | sed "s/^ //; s/ $//")
	grep -qF "1. We find five fish in the office." <<<"$got" && grep -qx "office fish" <<<"$got" && ok ||
		bad "scripts: $reader does not read the ligatures back: $(grep -m1 'We' <<<"$got")"
done
# Hindi reads in its order through the ToUnicode alone (txtwrite ignores
# ActualText; it puts spaces where glyphs leave gaps), Chinese too
got=$(gsread "$SO/hi.pdf" | head -1 | tr -d ' ')
[ "$got" = "$(tr -d ' ' <<<"$HI")" ] && ok || bad "scripts: txtwrite reads the Hindi as: $got"
gsread "$SO/zh-break.pdf" | grep -qx '一。二三四五' && ok ||
	bad "scripts: txtwrite does not read the Chinese back"
# a Latin title in Andika is shaped as pango shapes it (ligatures); the
# reference without them (font_features liga=0) must differ
got=$(ink la "Andika" en "office fish find flow") && ok || bad "scripts: Latin is not shaped as pango shapes it: $got"
got=$(PVX=--markup ink la-noliga "Andika" en "office fish find flow" '<span font_features="liga=0">office fish find flow</span>')
[ $? = 1 ] && [ -n "$got" ] && ok ||
	bad "scripts: the ink comparison cannot tell ligatures from none: $got"
