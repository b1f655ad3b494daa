# tests/scripts.sh - sourced by tests/run.sh (ok, bad, $T, $MIMEO).
#
# Writing systems (script.c): lines break by UAX #14 (libunistring), so
# Chinese and Japanese break between characters, never before a closing
# full stop, while Latin still breaks at spaces only; mimeo list counts
# columns with libunistring's u8_width; Arabic and Hebrew are shaped and
# ordered right to left (FriBidi), an Arabic set's pages mirrored.  The
# scripts mimeo refuses are in tests/bad (text-shaped-script,
# text-bidi-control, text-rtl-in-math, text-rtl-too-wide).
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
th|ชื่อ|คำตอบ:|ถูก|หน้า 1 จาก 1|เฉลย|0.75
LANGS

# Arabic, Hebrew and Persian: the same labels, read back by pdftotext, which sets a
# line that holds them in its own order with direction marks (U+202A to
# U+202E) and spaces of its own around numbers: compared without either
flat() { LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g' | tr -d ' '; }
# readback NAME LANG SHEET KEY: NAME.yaml printed with --lang LANG, quietly;
# its worksheet holds the words SHEET, its key the words KEY (flat, as
# $SO/NAME-LANG.txt and $SO/NAME-LANG-key.txt)
readback() {
	local name=$1 l=$2 want err
	err=$("$MIMEO" -o "$SO/$name-$l/" --lang "$l" "$SD/$name.yaml" 2>&1 >/dev/null)
	[ -z "$err" ] && ok || bad "scripts: $name --lang $l said: $err"
	pdftotext -layout "$SO/$name-$l/$name.pdf" - 2>/dev/null | flat >"$SO/$name-$l.txt"
	pdftotext -layout "$SO/$name-$l/$name-key.pdf" - 2>/dev/null | flat >"$SO/$name-$l-key.txt"
	for want in $3; do
		grep -qF -- "$want" "$SO/$name-$l.txt" && ok || bad "scripts: $name --lang $l worksheet lacks '$want'"
	done
	for want in $4; do
		grep -qF -- "$want" "$SO/$name-$l-key.txt" && ok || bad "scripts: $name --lang $l key lacks '$want'"
	done
}
# LANG|worksheet's words|key's words (spaces taken out)
while IFS='|' read -r l sheet key; do
	readback labels "$l" "$sheet" "$key"
done <<'RTL'
ar|الاسم الإجابة: صح خطأ صفحة1من1|مفتاحالإجابات 0,75
he|שם תשובה: נכון לאנכון עמוד1מתוך1|מפתחתשובות 0.75
fa|نام پاسخ: درست نادرست صفحهٔ1از1|پاسخ‌نامه 0.75
ur|نام جواب: درست غلط صفحہ1از1|جواباتکیکلید 0.75
RTL

# Letters and lists (labels choice_letters, part_letters, choice_mark,
# part_mark, list_sep, list_comma): letters.yaml printed in each language
# reads back (pdftotext, direction marks and spaces out) with the
# language's choice letters on the worksheet (the fifth one too), and in
# the key its select-all answer joined by its comma, its two blanks by its
# semicolon, its match's letters and its parts' names: "5a" as "5أ".  A
# bracket after an Arabic letter is drawn turned round but reads as
# written: "أ)", not "أ(".
while IFS='|' read -r l sheet key; do
	readback letters "$l" "$sheet" "$key"
	# the worksheet's match lines are blank: no letter of the key on them
	grep -qF -- "$(echo $key | cut -d' ' -f2)" "$SO/letters-$l.txt" &&
		bad "scripts: letters --lang $l worksheet shows the match's answers" || ok
done <<'LETTERS'
en|A.42 E.67 (a)12÷4=|2A,C 31‑D2‑B3‑C 47;10 5a3
ar|أ)42 هـ)67 (أ)=12÷4|أ،ج2 ‑1د‑2ب‑3ج3 7؛104 35أ
fa|الف)42 ث)67 (الف)=12÷4|الف،پ2 ‑1ت‑2ب‑3پ3 7؛104 35الف
he|א42. ה67. (א)=12÷4|א,ג2 ‑1ד‑2ב‑3ג3 10;74 35א
hi|(क)42 (ङ)67 (क)12÷4=|2क,ग 31‑घ2‑ख3‑ग 47;10 5क3
zh|A.42 E.67|2A、C 31‑D2‑B3‑C 47；10 5a3
th|ก.42 จ.67 (ก)12÷4=|2ก,ค 31‑ง2‑ข3‑ค 47;10 5ก3
LETTERS
# Arabic: the key circles the right letter, Persian's "الف" gets a box
for l in ar fa; do
	"$MIMEO" -q --format tree -o "$SO/letters-$l/" --lang $l "$SD/letters.yaml" >/dev/null 2>&1
done
grep -q '^  circle' "$SO/letters-ar/letters-key.tree" && ok || bad "scripts: the Arabic key's right letter is not circled"
grep -q '^  circle' "$SO/letters-fa/letters-key.tree" &&
	bad "scripts: the Persian key circles الف (too wide for a ring)" || ok
# a label file with too few letters, one twice, or a mark without its
# letter: errors at them
rm -rf "$SO/data" && mkdir -p "$SO/data" && cp -r templates "$SO/data/"
sed -i 's/^choice_letters: .*/choice_letters: [א, ב, ג, ד, ה, ו, ז, ח, ט, י, כ, ל, מ, נ, ס, ע, פ, צ, ק, ר, ש, ת]/; s/^part_letters: \[א, ב, /part_letters: [א, ב, ב, /; s/^choice_mark: .*/choice_mark: "."/' \
    "$SO/data/templates/labels/he.yaml"
cl=$(grep -n '^choice_letters' "$SO/data/templates/labels/he.yaml" | cut -d: -f1)
m=$MIMEO; case $m in /*) ;; *) m=$PWD/$m ;; esac
out=$(cd "$SO/data" && MIMEO_DATA=. "$m" check --lang he "$OLDPWD/$SD/letters.yaml" 2>&1)
[ $? = 1 ] && [ "$out" = "./templates/labels/he.yaml:$((cl - 4)):14: error: choice_mark must hold {n} where the letter goes, like \"{n}.\"
./templates/labels/he.yaml:$cl:17: error: choice_letters has 22 letters; it needs 26 (a match problem letters up to 26 items on its right, a problem has up to 26 parts): add the letters that follow
./templates/labels/he.yaml:$((cl + 1)):22: error: part_letters: \"ב\" is letter 2 and 3; each letter must differ
mimeo: 3 errors" ] && ok || bad "scripts: a label file with too few letters said: $out"

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
# (PVX: more pango-view options, --markup for font_features;
# INK_TEMPLATE: mimeo's --template; INK_YAML: lines more for the set;
# INK_DPI: the rasters' resolution, 400 unless set)
ink() {
	local name=$1 font=$2 lang=$3 text=$4 reftext=${5:-$4} ymax
	printf 'title: "%s"\nlanguage: %s\n%sproblems:\n  - type: short\n    prompt: "?"\n    answer: "1"\n' \
	    "$text" "$lang" "${INK_YAML:-}" >"$SO/$name.yaml"
	"$MIMEO" -q ${INK_TEMPLATE:+--template "$INK_TEMPLATE"} -o "$SO/" "$SO/$name.yaml" >/dev/null 2>&1 ||
	    { echo "mimeo failed"; return 1; }
	pango-view $PV ${PVX:-} --font="$font Bold 18" -o "$SO/$name-ref.pdf" --text "$reftext" >/dev/null 2>&1 ||
	    { echo "pango-view failed"; return 1; }
	# the title's line: down to its words' boxes and 6 pt more
	ymax=$(pdftotext -bbox "$SO/$name.pdf" - | sed -n 's/.*yMax="\([0-9.]*\)".*/\1/p' | head -1)
	pdftoppm -gray -r "${INK_DPI:-400}" -f 1 -l 1 -x 0 -y 0 -W 8000 \
	    -H "$(awk -v y="$ymax" -v r="${INK_DPI:-400}" 'BEGIN {print int((y + 6) * r / 72)}')" \
	    "$SO/$name.pdf" "$SO/$name-ours"
	pdftoppm -gray -r "${INK_DPI:-400}" "$SO/$name-ref.pdf" "$SO/$name-ref"
	"$INK" "$SO/$name-ref-1.pgm" "$SO/$name-ours-1.pgm"
}
# ink_same WHAT ARGS: ink ARGS must match; ink_differs WHAT ARGS: must not
ink_same() {
	local what=$1 got
	shift
	got=$(ink "$@") && ok || bad "scripts: $what is not set as pango sets it: $got"
}
ink_differs() {
	local what=$1 got
	shift
	got=$(ink "$@")
	[ $? = 1 ] && [ -n "$got" ] && ok ||
		bad "scripts: the ink comparison cannot tell $what: $got"
}
HI="किताब नमस्ते हिन्दी क्षत्रिय द्वार प्रश्न कृष्ण श्री ट्रक"
ink_same Hindi hi "Noto Sans Devanagari" hi "$HI"
ink_same Bengali bn "Noto Sans Bengali" en "বাংলা ভাষা শিক্ষা ক্ষেত্র স্কুল"
ink_differs "a misplaced vowel sign" hi-wrong "Noto Sans Devanagari" hi "$HI" "कताबि${HI#किताब}"
# Right to left (FriBidi, layout.c lay_emit_bidi): Arabic joined by
# HarfBuzz and its words set from the right, as pango sets them, in an
# Arabic set; a line that mixes Arabic words with numbers, a comma and a
# colon, in a template whose body is Noto Naskh Arabic (its digits and
# spaces, as pango's one font), against pango's right-to-left line; Hebrew
# in an English set (a left-to-right page: the Hebrew run still reads from
# the right).  Each with a wrong reference that must differ: letters kept
# apart (ZWNJ, what mimeo printed unshaped), numbers read backwards (42
# for 24: a line turned round whole), the words in the order written.
AR="كتاب المدرسة في الصف تلاميذ والمعلمة تشرح الدرس"
ink_same Arabic ar "Noto Naskh Arabic" ar "$AR"
ink_differs "unjoined Arabic letters" ar-unjoined "Noto Naskh Arabic" ar "$AR" "ك‌ت‌ا‌ب${AR#كتاب}"
sed 's/^  body: Andika .*/  body: Noto Naskh Arabic/' templates/worksheet.yaml >"$SO/naskh.yaml"
MX="في الصف 24 تلميذا، و 3 معلمات: المجموع 27."
INK_TEMPLATE=$SO/naskh.yaml PVX=--rtl ink_same "Arabic with numbers" mixed \
    "Noto Naskh Arabic" ar "$MX"
INK_TEMPLATE=$SO/naskh.yaml PVX=--rtl ink_differs "numbers read backwards" mixed-wrong \
    "Noto Naskh Arabic" ar "$MX" "في الصف 42 تلميذا، و 3 معلمات: المجموع 72."
# Vietnamese: stacked marks (ế, ệ, ờ, ợ, ẻ) placed as pango places them,
# and the same line written decomposed (NFD: e, a circumflex, an acute)
# prints the same ink as written composed; both read back with pdftotext
# (as written: NFD stays NFD).  The line without its marks must differ
# (one mark alone is below what the comparison tells apart).
VI="Tiếng Việt, người, được, thước kẻ"
VD=$(printf 'Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t, ngu\xcc\x9bo\xcc\x9b\xcc\x80i, \xc4\x91u\xcc\x9bo\xcc\x9b\xcc\xa3c, thu\xcc\x9bo\xcc\x9b\xcc\x81c ke\xcc\x89')
[ "$VD" != "$VI" ] && [ "$(uconv -x any-nfc <<<"$VD" 2>/dev/null || python3 -c 'import sys,unicodedata;print(unicodedata.normalize("NFC",sys.argv[1]))' "$VD")" = "$VI" ] &&
	ok || bad "scripts: the decomposed Vietnamese is not the composed one's NFD"
ink_same Vietnamese vi "Andika" en "$VI"
ink_same "Vietnamese written decomposed" vi-nfd "Andika" en "$VD" "$VI"
ink_differs "Vietnamese without its marks" vi-wrong "Andika" en "$VI" "Tieng Viet, nguoi, đuoc, thuoc ke"
pdftotext "$SO/vi.pdf" - 2>/dev/null | grep -qxF "$VI" && ok ||
	bad "scripts: the Vietnamese title reads back as $(pdftotext "$SO/vi.pdf" - 2>/dev/null | head -1)"
pdftotext "$SO/vi-nfd.pdf" - 2>/dev/null | grep -qxF "$VD" && ok ||
	bad "scripts: the decomposed Vietnamese title reads back as $(pdftotext "$SO/vi-nfd.pdf" - 2>/dev/null | head -1)"
HE="שלום כיתה תלמידים בכיתה ספר"
ink_same Hebrew he "DejaVu Sans" en "$HE"
ink_differs "Hebrew words in the order written" he-wrong "DejaVu Sans" en "$HE" "ספר בכיתה תלמידים כיתה שלום"
# Urdu (an Urdu set: Noto Nastaliq Urdu, the templates' font for ur):
# joined and set from the right as pango sets it; a reference with its
# first word's letters kept apart (ZWNJ) must differ, and so must the
# same line set in Naskh (what Urdu in an Arabic font would look like).
# No name line: its tall letters would reach up into the title's crop.
# Fontconfig asks pango to embolden Noto Nastaliq Urdu Bold (which Debian
# ships with the regular's outlines) where mimeo draws the font as it is:
# the reference is drawn without.  At 600 dpi, as Nastaliq's strokes have
# more edge for their ink than other scripts'.  The title reads back as
# written (pdftotext marks its direction).
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><match target="font"><edit name="embolden" mode="assign"><bool>false</bool></edit></match></fontconfig>\n' >"$SO/no-embolden.conf"
UR="کتابیں ہماری دوست ہیں اور ہم اسکول میں روز پڑھتے ہیں"
ur_ink() { FONTCONFIG_FILE=$PWD/$SO/no-embolden.conf INK_DPI=600 INK_YAML=$'fields: []\n' "$@"; }
ur_ink ink_same Urdu ur "Noto Nastaliq Urdu" ur "$UR"
ur_ink ink_differs "unjoined Urdu letters" ur-unjoined "Noto Nastaliq Urdu" ur "$UR" \
    "ک‌ت‌ا‌ب‌ی‌ں${UR#کتابیں}"
ur_ink ink_differs "Urdu in Naskh" ur-naskh "Noto Naskh Arabic" ur "$UR"
got=$(pdftotext "$SO/ur.pdf" - 2>/dev/null | head -1 | LC_ALL=C sed 's/\xe2\x80[\xaa-\xae]//g')
[ "$got" = "$UR" ] && ok || bad "scripts: the Urdu title does not read back: $got"
# Nastaliq's letters climb 1.9 em and fall 0.6 em: the three lines of a
# long Urdu prompt (tests/scripts/ur-long.yaml) grow apart so that none
# touches the next (layout.c lay_line_room).  The prompt's rows of pixels
# at 200 dpi, from 2 em above its first baseline (--format tree's spans)
# to 0.7 em below its last, form one band of ink per line
# (scripts_ink --bands); pango's lines of the same text in the same font,
# 1.3 em apart (--line-spacing, the template's line height), are one band
# (the count can fail), at the font's own line height three.
"$MIMEO" -q -o "$SO/" "$SD/ur-long.yaml" >/dev/null 2>&1 &&
    "$MIMEO" -q --format tree -o "$SO/" "$SD/ur-long.yaml" >/dev/null 2>&1 ||
    bad "scripts: ur-long.yaml did not print"
read -ra ys <<<"$(awk '$1 == "span" && $5 == "12.00" && !/"جواب/ {print $3}' \
    "$SO/ur-long.tree" | sort -nu | tr '\n' ' ')"
y0=$(awk -v y="${ys[0]}" 'BEGIN {print int((y - 24) * 200 / 72)}')
y1=$(awk -v y="${ys[${#ys[@]} - 1]}" 'BEGIN {print int((y + 8.4) * 200 / 72)}')
pdftoppm -gray -r 200 -f 1 -l 1 -x 0 -y "$y0" -W 1700 -H $((y1 - y0)) \
    "$SO/ur-long.pdf" "$SO/ur-long"
got=$("$INK" --bands "$SO/ur-long-1.pgm")
[ ${#ys[@]} = 3 ] && [ "$got" = "bands 3" ] && ok ||
	bad "scripts: the long Urdu prompt's ${#ys[@]} lines touch: $got"
ULT=$(sed -n 's/^    prompt: "\(.*\)"$/\1/p' "$SD/ur-long.yaml")
for spacing in 0:3 0.52:1; do
	pango-view $PV --font="Noto Nastaliq Urdu 12" -w 480 \
	    --line-spacing="${spacing%:*}" -o "$SO/ur-long-ref.pdf" --text "$ULT" >/dev/null 2>&1
	pdftoppm -gray -r 200 "$SO/ur-long-ref.pdf" "$SO/ur-long-ref"
	got=$("$INK" --bands "$SO/ur-long-ref-1.pgm")
	[ "$got" = "bands ${spacing#*:}" ] && ok ||
		bad "scripts: pango's Urdu lines at --line-spacing ${spacing%:*}: $got, not ${spacing#*:}"
done
# A section heading whose letters fall below its line without making it
# taller (جواب, its ب 0.34 em down): its rule goes under them, not
# through them (4.8 pt at 14 pt; 3.3 pt is where the rule of a line of
# 1.3 em lies)
printf 'title: t\nlanguage: ur\nsections:\n  - title: جواب\n    problems:\n      - type: short\n        prompt: "سوال"\n        answer: "1"\n' >"$SO/ur-heading.yaml"
"$MIMEO" -q --format tree -o "$SO/" "$SO/ur-heading.yaml" >/dev/null 2>&1
got=$(awk '$1 == "span" && $5 == "14.00" {b = $3} $1 == "line" && /w0.50/ && b {print $3 - b; b = 0}' "$SO/ur-heading.tree")
awk -v d="$got" 'BEGIN {exit !(d > 4.8)}' && ok ||
	bad "scripts: the Urdu heading's rule is $got pt under its baseline, through its letters"
# An Urdu word in an English set, whose fonts come from fontconfig: the
# first font of the word's first letter (an Arabic font) lacks ہ and ے,
# so the word is set in the font found for them, which has every letter
# (layout.c lay_shaped); it prints and reads back.
printf 'title: Urdu words\nproblems:\n  - type: short\n    prompt: "Read: ہر بچے"\n    answer: "1"\n' >"$SO/ur-in-en.yaml"
if "$MIMEO" -q -o "$SO/" "$SO/ur-in-en.yaml" >"$SO/ur-in-en.err" 2>&1; then
	pdftotext "$SO/ur-in-en.pdf" - 2>/dev/null | flat | grep -qF 'Read:ہربچے' && ok ||
		bad "scripts: the Urdu words of an English set do not read back"
else
	bad "scripts: Urdu words in an English set: $(head -1 "$SO/ur-in-en.err")"
fi
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

# Thai, Lao, Khmer and Myanmar (script.c): shaped by HarfBuzz as pango
# shapes them, each in its Noto font (a Thai tone mark stacked over an
# upper vowel: สิ่ง ที่ น้ำ; Khmer's coeng subscripts: ក្រុម; Myanmar's
# medials and its vowel sign drawn before its consonant: မြန်မာ ကျောင်း;
# Lao's tone marks, which DejaVu Sans, the fallback, draws colliding).
# Each wrong reference has marks typed after the wrong base, so the
# comparison can fail.
TH="นักเรียนมีดินสอสิบสองแท่ง สิ่งที่อยู่ในน้ำ ภาษาไทย"
ink_same Thai th "Noto Sans Thai" en "$TH"
ink_differs "Thai marks on the wrong letters" th-wrong "Noto Sans Thai" en "$TH" \
    "นกัเรียนมดีนิสอสบิสองแทง่ สงิท่ีอยใู่นนำ้ ภาษาไทย"
KM="ក្រុម សិស្ស ខ្មែរ មុខវិជ្ជា គណិតវិទ្យា"
ink_same Khmer km "Noto Sans Khmer" en "$KM"
ink_differs "a Khmer subscript on the wrong letter" km-wrong "Noto Sans Khmer" en "$KM" "ករ្ុម${KM#ក្រុម}"
MY="မြန်မာ ကျောင်းသား သင်္ချာ ဘာသာ"
ink_same Myanmar my "Noto Sans Myanmar" en "$MY"
ink_differs "a Myanmar medial after the wrong letter" my-wrong "Noto Sans Myanmar" en "$MY" "မန်ြမာ${MY#မြန်မာ}"
LO="ສະບາຍດີ ນັກຮຽນ ປຶ້ມ ນ້ຳ ກີ່"
ink_same Lao lo "Noto Sans Lao" en "$LO"
ink_differs "Lao in DejaVu Sans" lo-dejavu "DejaVu Sans" en "$LO"
pdftotext "$SO/th.pdf" - 2>/dev/null | grep -qxF "$TH" && ok ||
	bad "scripts: the Thai title does not read back: $(pdftotext "$SO/th.pdf" - 2>/dev/null | head -1)"
# A Thai prompt wraps only where libthai's dictionary ends a word (asked
# by tests/thai_brk.c, as mimeo asks it) or at a space: each line read
# back is whole words, never part of one (นักเรียน), and at least one line
# ends between two words written together (not only at spaces).
TB=$SO/thai_brk
if $(mkvar '$(CC)') -O2 -o "$TB" tests/thai_brk.c -lthai >"$TB.log" 2>&1; then ok
else bad "scripts: thai_brk does not build: $(head -3 "$TB.log")"; fi
if "$MIMEO" -q -o "$SO/" "$SD/th-wrap.yaml" >/dev/null 2>&1; then
	prompt=$(sed -n 's/^    prompt: "\(.*\)"$/\1/p' "$SD/th-wrap.yaml" | head -1)
	# one word a line, after the separator before it (space or |)
	"$TB" "$prompt" | sed 's/\([ |]\)/\n\1/g' >"$SO/th-words.txt"
	pdftotext "$SO/th-wrap.pdf" - 2>/dev/null | sed -n '/^1\. /,/^$/p' |
	    sed '/^$/d; s/^1\. //; s/ //g' >"$SO/th-lines.txt"
	mapfile -t words <"$SO/th-words.txt"
	i=0 inner=0 cut=
	while IFS= read -r line; do
		acc=
		while [ ${#acc} -lt ${#line} ] && [ $i -lt ${#words[@]} ]; do
			w=${words[i]}
			acc+=${w#[ |]}
			i=$((i + 1))
		done
		[ "$acc" = "$line" ] || cut="$cut [$line]"
		[ $i -lt ${#words[@]} ] && [ "${words[i]:0:1}" = "|" ] && inner=$((inner + 1))
	done <"$SO/th-lines.txt"
	n=$(wc -l <"$SO/th-lines.txt")
	[ -z "$cut" ] && [ $i = ${#words[@]} ] && ok ||
		bad "scripts: a Thai line breaks inside a word:$cut"
	[ "$n" -ge 3 ] && [ "$inner" -ge 1 ] && ok ||
		bad "scripts: the Thai prompt took $n lines, $inner of them ending between words written together"
	pdftotext "$SO/th-wrap-key.pdf" - 2>/dev/null | grep -qx 'Answer: 8' && ok ||
		bad "scripts: the Thai key lacks its answer"
	pdftotext "$SO/th-wrap.pdf" - 2>/dev/null | grep -qE '(^|: *)(8|500)$' &&
		bad "scripts: the Thai worksheet shows an answer" || ok
	"$MIMEO" -q -o "$SO/th2/" "$SD/th-wrap.yaml" >/dev/null 2>&1
	cmp -s "$SO/th-wrap.pdf" "$SO/th2/th-wrap.pdf" && ok ||
		bad "scripts: the Thai set is not the same bytes twice"
else
	bad "scripts: th-wrap.yaml did not print"
fi
# Khmer (and Lao, Myanmar) breaks where UAX #14 says: at the zero width
# spaces (U+200B) its writers type between words.  Every line but the
# last of a long prompt ends with one, and the lines read back together
# are the prompt.
if "$MIMEO" -q -o "$SO/" "$SD/km-zwsp.yaml" >/dev/null 2>&1; then
	pdftotext "$SO/km-zwsp.pdf" - 2>/dev/null | sed -n '/^1\. /,/^$/p' |
	    sed '/^$/d; s/^1\. //' >"$SO/km-lines.txt"
	n=$(wc -l <"$SO/km-lines.txt")
	ends=$(head -n -1 "$SO/km-lines.txt" | grep -c $'\u200b$')
	[ "$n" -ge 2 ] && [ "$ends" = $((n - 1)) ] &&
	    [ "$(tr -d '\n' <"$SO/km-lines.txt")" = "$(sed -n 's/^    prompt: "\(.*\)"$/\1/p' "$SD/km-zwsp.yaml")" ] && ok ||
		bad "scripts: the Khmer prompt's $n lines do not each end at a zero width space ($ends do)"
else
	bad "scripts: km-zwsp.yaml did not print"
fi

# Right-to-left pages (an Arabic set, layout.c lay_mirror): the grade 4
# library set and its class set.  pdftotext -bbox gives each word's box
# (its Arabic letters in drawn order, last first): the problem number is
# at the right margin, choice أ) right of ب) right of ج) right of د) (the
# labels' letters, each a word drawn as ")أ"), True
# right of False, a table's first column right of its second (its header's words
# are the last of their kind on the page, after the caption's); math still
# reads left to right; the worksheet holds no answer, the key does; the
# same run twice is the same bytes; the class set prints each Arabic name
# of the roster.
AS=problems/math/grade4/aldarb-walqisma.yaml
if "$MIMEO" -q -o "$SO/rtl/" "$AS" >/dev/null 2>&1; then ok
else bad "scripts: $AS did not print"; fi
# xmin WORD FILE [PAGE [tail]]: the left edge of the first (last) box of
# that word
xmin() { pdftotext -bbox -f "${3:-1}" -l "${3:-1}" "$2" - 2>/dev/null |
    grep -F ">$1</word>" | ${4:-head} -1 | sed 's/.*xMin="\([0-9.]*\)".*/\1/'; }
W=$SO/rtl/aldarb-walqisma.pdf
xa=$(xmin ')أ' "$W" 2) xb=$(xmin ')ب' "$W" 2) xc=$(xmin ')ج' "$W" 2) xd=$(xmin ')د' "$W" 2)
awk -v a="$xa" -v b="$xb" -v c="$xc" -v d="$xd" 'BEGIN {exit !(d != "" && a > b && b > c && c > d)}' &&
	ok || bad "scripts: Arabic choices not right to left: A $xa B $xb C $xc D $xd"
n4=$(xmin .4 "$W" 2)
awk -v x="$n4" 'BEGIN {exit !(x > 500)}' && ok || bad "scripts: problem 4's number is not at the right margin: $n4"
xt=$(xmin حص "$W" 2) xf=$(xmin أطخ "$W" 2)
awk -v t="$xt" -v f="$xf" 'BEGIN {exit !(f != "" && t > f)}' && ok ||
	bad "scripts: True ($xt) is not right of False ($xf)"
xc1=$(xmin بلعلا "$W" 2 tail) xc2=$(xmin مالقألا "$W" 2 tail)	# not the caption's
awk -v a="$xc1" -v b="$xc2" 'BEGIN {exit !(b != "" && a > b)}' && ok ||
	bad "scripts: the table's first column ($xc1) is not right of its second ($xc2)"
pdftotext -bbox "$W" - 2>/dev/null | grep -qF '>7 × 80 =</word>' && ok ||
	bad "scripts: math in an Arabic set does not read left to right"
pdftotext "$W" - 2>/dev/null | grep -q 864 && bad "scripts: the Arabic worksheet shows the answer 864" || ok
pdftotext "$SO/rtl/aldarb-walqisma-key.pdf" - 2>/dev/null | grep -q 864 && ok ||
	bad "scripts: the Arabic key lacks the answer 864"
# a table's blanks joined by the Arabic comma (the decimal comma is ",")
pdftotext "$SO/rtl/aldarb-walqisma-key.pdf" - 2>/dev/null | flat | grep -qF '360،72' && ok ||
	bad "scripts: the Arabic key's table answers are not joined by ،"
"$MIMEO" -q -o "$SO/rtl2/" "$AS" >/dev/null 2>&1
cmp -s "$W" "$SO/rtl2/aldarb-walqisma.pdf" && ok || bad "scripts: the Arabic set is not the same bytes twice"
if "$MIMEO" -q -o "$SO/rtl-class/" --roster tests/rosters/class4-ar.csv "$AS" >/dev/null 2>&1; then
	pdftotext "$SO/rtl-class/aldarb-walqisma.pdf" - 2>/dev/null | flat >"$SO/rtl-class.txt"
	miss=$(tail -n +2 tests/rosters/class4-ar.csv | cut -d, -f1 | tr -d ' ' |
	    while read -r nm; do grep -qF "$nm" "$SO/rtl-class.txt" || echo "$nm"; done)
	[ -z "$miss" ] && ok || bad "scripts: the Arabic class set lacks the names: $miss"
else
	bad "scripts: the Arabic class set did not print"
fi
# The Urdu library set, printed as a class set for a roster of Urdu names
# (tests/rosters/class4-ur.csv): every name prints; the problem number is
# at the right margin; the worksheets hold no answer (432 mangoes), the
# key does.
US=problems/math/grade4/zarb-aur-taqseem.yaml
if "$MIMEO" -q -o "$SO/ur-class/" --roster tests/rosters/class4-ur.csv "$US" >/dev/null 2>&1; then
	W=$SO/ur-class/zarb-aur-taqseem.pdf
	pdftotext "$W" - 2>/dev/null | flat >"$SO/ur-class.txt"
	miss=$(tail -n +2 tests/rosters/class4-ur.csv | cut -d, -f1 | tr -d ' ' |
	    while read -r nm; do grep -qF "$nm" "$SO/ur-class.txt" || echo "$nm"; done)
	[ -z "$miss" ] && ok || bad "scripts: the Urdu class set lacks the names: $miss"
	n1=$(xmin .1 "$W" 1)
	awk -v x="$n1" 'BEGIN {exit !(x > 500)}' && ok || bad "scripts: Urdu problem 1's number is not at the right margin: $n1"
	grep -q 432 "$SO/ur-class.txt" && bad "scripts: the Urdu worksheets show the answer 432" || ok
	# a name whose letters climb 2 em (شمیم کنول) sits on the line of
	# the name row with its label: the row is as low as it needs (below)
	"$MIMEO" -q --format tree -o "$SO/ur-class/" --roster tests/rosters/class4-ur.csv "$US" >/dev/null 2>&1
	# the footer's title and page number on one baseline
	got=$(awk '/^page 2/ {exit} $1 == "span" && $5 == "9.00" && $3 > 700 {print $3}' \
	    "$SO/ur-class/zarb-aur-taqseem.tree" | sort -u)
	[ "$(echo "$got" | wc -l)" = 1 ] && [ -n "$got" ] && ok ||
		bad "scripts: the Urdu footer's words are on baselines $(echo $got)"
	got=$(awk '/^page/ {label = ""} $1 == "span" && $5 == "12.00" && $6 == "\"نام\"" {label = $3}
	    $1 == "span" && $5 == "12.00" && $6 == "\"کنول\"" {print label, $3}' "$SO/ur-class/zarb-aur-taqseem.tree")
	case $got in "") bad "scripts: the Urdu class set's tree has no کنول" ;;
	*) [ "$(echo "$got" | awk '$1 != $2')" = "" ] && ok ||
		bad "scripts: the tall Urdu name is not on its label's baseline (label, name): $got" ;;
	esac
	pdftotext "$SO/ur-class/zarb-aur-taqseem-key.pdf" - 2>/dev/null | grep -q 432 && ok ||
		bad "scripts: the Urdu key lacks the answer 432"
else
	bad "scripts: the Urdu class set did not print"
fi
# Figures on a right-to-left page (--format tree: the text items' x): a
# number line still counts up to the right (0 left of 2), a tape diagram
# is mirrored (its label right of its parts); the number line's reading,
# which mixes Arabic words and numbers, reads back in order (1/2, not 2/1)
"$MIMEO" -q --format tree -o "$SO/rtl-fig/" "$SD/ar-figures.yaml" >/dev/null 2>&1 ||
	bad "scripts: ar-figures.yaml did not lay out"
tx() { sed -n "s/^  text \\([0-9.]*\\) [0-9.]* f[0-9]* 12.00 \"$1\"\$/\\1/p" \
    "$SO/rtl-fig/ar-figures.tree" | head -1; }
x0=$(tx 0) x2=$(tx 2) xs=$(tx Sara) xq=$(tx '?')
awk -v a="$x0" -v b="$x2" -v s="$xs" -v q="$xq" \
    'BEGIN {exit !(b != "" && q != "" && a < b && s > q)}' && ok ||
	bad "scripts: Arabic figures: 0 at $x0, 2 at $x2 (want 0 left); Sara at $xs, ? at $xq (want Sara right)"
"$MIMEO" -q -o "$SO/rtl-fig/" "$SD/ar-figures.yaml" >/dev/null 2>&1
pdftotext "$SO/rtl-fig/ar-figures.pdf" - 2>/dev/null | flat | grep -qF 'بخطواتمن1/2' && ok ||
	bad "scripts: the Arabic number line does not read back as written"

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
# Arabic and Hebrew through the ToUnicode alone: every glyph of a word
# shaped right to left has its letters (layout.c lay_glyph_rtl), and
# txtwrite, which orders glyphs by where they are drawn (not by the
# content stream, not by ActualText), gives the line in drawn order: the
# line written, reversed letter by letter (rev)
for f in ar:"$AR" he:"$HE"; do
	got=$(gsread "$SO/${f%%:*}.pdf" | head -1)
	[ "$got" = "$(rev <<<"${f#*:}")" ] && ok ||
		bad "scripts: txtwrite reads the ${f%%:*} title as: $got"
done
# a Latin title in Andika is shaped as pango shapes it (ligatures); the
# reference without them (font_features liga=0) must differ
got=$(ink la "Andika" en "office fish find flow") && ok || bad "scripts: Latin is not shaped as pango shapes it: $got"
got=$(PVX=--markup ink la-noliga "Andika" en "office fish find flow" '<span font_features="liga=0">office fish find flow</span>')
[ $? = 1 ] && [ -n "$got" ] && ok ||
	bad "scripts: the ink comparison cannot tell ligatures from none: $got"
