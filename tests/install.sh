# Installed like real software (SPEC section 12): the JSON Schema against
# the loader's tables and the library, the man pages under mandoc's lint,
# a staged `make install` run from another folder, the data folder's
# override, PDF metadata, and -o - to standard output.  Sourced by
# tests/run.sh (ok, bad, check, MIMEO and T from there).

W=$T/install
mkdir -p "$W"
F=problems/math/grade5/adding-fractions.yaml

# --- the JSON Schema --------------------------------------------------------
# The shipped schema is what the key tables say today (make schema writes it).
if "$MIMEO" --schema >"$W/schema.json" && cmp -s "$W/schema.json" mimeo.schema.json
then ok; else bad "mimeo.schema.json differs from mimeo --schema: run make schema"; fi
# Every set and packet of the library and of tests/good passes a real
# validator (python3-jsonschema, draft 7)...
out=$(python3 tests/schema-check.py mimeo.schema.json --valid \
	$(find problems tests/good -name '*.yaml' -o -name '*.yml' | sort) 2>&1) &&
	ok || bad "schema rejects files mimeo reads: $out"
# ...and every bad file whose own keys mimeo rejects (an unknown key, a key
# of another problem type) fails it.
unknown=()
for e in tests/bad/*.err; do
	y=${e%.err}.yaml
	[ -f "$y" ] && grep -q "^$(basename "$y"):.*\(unknown key \"\|does not belong in\)" "$e" &&
		unknown+=("$y")
done
[ "${#unknown[@]}" -ge 10 ] && ok || bad "schema: only ${#unknown[@]} tests/bad files with unknown keys"
out=$(python3 tests/schema-check.py mimeo.schema.json --invalid "${unknown[@]}" 2>&1) &&
	ok || bad "schema accepts keys mimeo rejects: $out"
# a key of another type, in a section, and a misspelled one in a packet
printf 'title: t\nsections:\n  - problems:\n    - type: short\n      prompt: p\n      answer: "4"\n      choices: [a, b]\n' >"$W/other-type.yaml"
printf 'packet: x\nplan:\n  - {minutes: 5, do: x}\ninclude:\n  - {file: a.yaml, as: worksheet, copeis: 3}\n' >"$W/packet-typo.yaml"
printf 'title: t\nproblems:\n  - type: Choice\n    prompt: p\n    choices: [a, b]\n    answer: A\n    image: pictures/a.png\n' >"$W/any-case.yaml"
printf 'title: t\nproblems:\n  - type: parts\n    prompt: p\n    parts:\n      - {type: short, promt: q, answer: "1"}\n' >"$W/part-typo.yaml"
printf 'title: t\nproblems:\n  - type: short\n    prompt: p\n    answer: "1"\n    figure: {numberline: {from: 0, to: 2, tick: 1/4}}\n' >"$W/fig-typo.yaml"
printf 'title: t\nproblems:\n  - type: short\n    prompt: p\n    answer: "1"\n    figure: {numberlin: {from: 0, to: 2}}\n' >"$W/fig-kind.yaml"
printf 'title: t\nproblems:\n  - type: work\n    prompt: p\n    figures:\n      - {fraction: [{shape: bar, parts: 4, shaded: 1}, {shape: circle, parts: 4}]}\n      - {clock: {time: "3:45", key: {time: "4:00"}}}\n' >"$W/fig-ok.yaml"
check "schema: a figure's misspelled key" python3 tests/schema-check.py mimeo.schema.json --invalid "$W/fig-typo.yaml"
check "schema: a misspelled kind of figure" python3 tests/schema-check.py mimeo.schema.json --invalid "$W/fig-kind.yaml"
check "schema: fraction models in a list, a clock's key" python3 tests/schema-check.py mimeo.schema.json --valid "$W/fig-ok.yaml"
check "mimeo reads the figures the schema takes" "$MIMEO" check -q "$W/fig-ok.yaml"
check "schema: a part's misspelled key" python3 tests/schema-check.py mimeo.schema.json --invalid "$W/part-typo.yaml"
check "schema: a key of another type" python3 tests/schema-check.py mimeo.schema.json --invalid "$W/other-type.yaml"
check "schema: a packet's misspelled key" python3 tests/schema-check.py mimeo.schema.json --invalid "$W/packet-typo.yaml"
check "schema: type in any case, image as a path" python3 tests/schema-check.py mimeo.schema.json --valid "$W/any-case.yaml"

# --- man pages --------------------------------------------------------------
# (style too, but for mimeo(5) and lpr(1) not installed on this machine)
for m in man/mimeo.1 man/mimeo.5; do
	out=$(mandoc -Tlint -W warning "$m" 2>&1) && [ -z "$out" ] && ok ||
		bad "mandoc -Tlint $m: $out"
	out=$(mandoc -Tlint -W style "$m" 2>&1 | grep 'STYLE' |
		grep -v 'referenced manual not found')
	[ -z "$out" ] && ok || bad "mandoc -Tlint -W style $m: $out"
done
# the lint can fail: a page with a mistake is not clean
printf '.Dd December 7, 2026\n.Dt X 1\n.Os\n.Sh NAME\n.Nm x\n.Nd y\n.Bl -tag\n' >"$W/broken.1"
out=$(mandoc -Tlint -W warning "$W/broken.1" 2>&1)
[ -n "$out" ] && ok || bad "mandoc -Tlint passes a broken page"
# every option --help lists is in mimeo(1)
for opt in $("$MIMEO" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	grep -q -- "Fl -${opt#--}\b" man/mimeo.1 && ok ||
		bad "man/mimeo.1 does not describe $opt"
done

# --- make install, staged ---------------------------------------------------
# with the PREFIX ./mimeo was built for, so that nothing is rebuilt
D=$PWD/$W/stage
P=$(sed -n 's|^#define MIMEO_DATADIR "\(.*\)/share/mimeo"$|\1|p' gen/load/datadir.h)
rm -rf "$D"
if [ -n "$P" ] && make -s install PREFIX="$P" DESTDIR="$D" >"$W/install.log" 2>&1
then ok; else bad "make install DESTDIR: $(tail -3 "$W/install.log")"; fi
for f in bin/mimeo share/mimeo/templates/worksheet.yaml \
	share/mimeo/templates/large-print.yaml share/mimeo/templates/labels/es.yaml \
	share/mimeo/mimeo.schema.json share/man/man1/mimeo.1 share/man/man5/mimeo.5; do
	[ -f "$D$P/$f" ] && ok || bad "make install did not install $P/$f"
done
# run before it is moved into place, from another folder, with no
# MIMEO_DATA: it finds its data beside it (bin/../share/mimeo)
mkdir -p "$W/elsewhere"
cp $F "$W/elsewhere/sums.yaml"
if (cd "$W/elsewhere" && env -u MIMEO_DATA "$D$P/bin/mimeo" -q --lang es key sums.yaml) &&
	pdftotext "$W/elsewhere/out/sums-key.pdf" - | grep -q 'Clave de respuestas'
then ok; else bad "a staged install run from another folder"; fi
# MIMEO_DATA wins over it: a copy of the data with another label
data=$PWD/$W/data
rm -rf "$data"; cp -r "$D$P/share/mimeo" "$data"
sed -i 's/^answer_key: .*/answer_key: "Teacher Edition ZQ"/' "$data/templates/labels/en.yaml"
if (cd "$W/elsewhere" && MIMEO_DATA="$data" "$D$P/bin/mimeo" -q key sums.yaml) &&
	pdftotext "$W/elsewhere/out/sums-key.pdf" - | grep -q 'Teacher Edition ZQ'
then ok; else bad "MIMEO_DATA does not override the data folder"; fi
make -s uninstall PREFIX="$P" DESTDIR="$D" >/dev/null 2>&1
left=$(find "$D" -type f)
[ -z "$left" ] && ok || bad "make uninstall left: $left"

# --- PDF metadata -----------------------------------------------------------
# pdf_lang FILE: the catalog's /Lang
pdf_lang() {
	local root
	root=$(qpdf --show-object=trailer "$1" | sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p')
	qpdf --show-object="$root" "$1" | sed -n 's|.*/Lang (\([^)]*\)).*|\1|p'
}
"$MIMEO" -q worksheet -o "$W/meta.pdf" $F
info=$(pdfinfo "$W/meta.pdf")
grep -q '^Title: *Adding and Subtracting Fractions with Unlike Denominators$' <<<"$info" && ok || bad "PDF title: $info"
grep -q '^Subject: *Math$' <<<"$info" && ok || bad "PDF subject: $info"
grep -q '^Keywords: *fractions, addition, subtraction, unlike denominators, money$' <<<"$info" &&
	ok || bad "PDF keywords: $info"
[ "$(pdf_lang "$W/meta.pdf")" = en ] && ok || bad "/Lang of an English set: $(pdf_lang "$W/meta.pdf")"
# --lang over language:, in the key and the discussion packet too
"$MIMEO" -q --lang ES -o "$W/es/" problems/math/grade6/ratios-and-rates.yaml
[ "$(ls "$W"/es/*.pdf | wc -l)" = 3 ] && ok || bad "--lang ES: $(ls "$W/es")"
for f in "$W"/es/*.pdf; do
	[ "$(pdf_lang "$f")" = es ] && ok || bad "/Lang with --lang ES in $f: $(pdf_lang "$f")"
done
# a Spanish set by its language:, and a packet
es_set=$(grep -l '^language: es' $(find problems -name '*.yaml') | head -1)
"$MIMEO" -q worksheet -o "$W/es-set.pdf" "$es_set"
[ "$(pdf_lang "$W/es-set.pdf")" = es ] && ok || bad "/Lang of $es_set: $(pdf_lang "$W/es-set.pdf")"
"$MIMEO" -q packet -o "$W/packet.pdf" problems/packets/grade3-math-multiplication.yaml
[ "$(pdf_lang "$W/packet.pdf")" = en ] && ok || bad "/Lang of a packet"
# a packet: the subjects and tags of the sets it includes, each once
"$MIMEO" -q packet -o "$W/packet2.pdf" problems/packets/grade5-math-decimals.yaml
info=$(pdfinfo "$W/packet2.pdf")
grep -q '^Title: *Grade 5 Math' <<<"$info" && grep -q '^Subject: *Math$' <<<"$info" &&
	grep -q '^Keywords: *decimals, place value, money, rounding, multiplication, division, fractions, addition, subtraction, unlike denominators$' <<<"$info" &&
	ok || bad "packet metadata: $info"
# a title out of ASCII stays readable (UTF-16)
printf 'title: Fracciones — año 5\nsubject: Matemáticas\ntags: [fracción, suma]\nlanguage: es\nproblems:\n  - type: short\n    prompt: "¿1 + 1?"\n    answer: "2"\n' >"$W/acentos.yaml"
"$MIMEO" -q worksheet -o "$W/acentos.pdf" "$W/acentos.yaml"
info=$(pdfinfo "$W/acentos.pdf")
grep -q '^Title: *Fracciones — año 5$' <<<"$info" && grep -q '^Subject: *Matemáticas$' <<<"$info" &&
	grep -q '^Keywords: *fracción, suma$' <<<"$info" && ok || bad "PDF metadata out of ASCII: $info"

# --- -o - -------------------------------------------------------------------
M=$MIMEO
[ "${M#/}" = "$M" ] && M=$PWD/$M
(cd "$W" && "$M" worksheet -o - "$OLDPWD/$F" >stdout.pdf 2>stderr.txt)
st=$?
"$MIMEO" -q worksheet -o "$W/file.pdf" $F
[ "$st" = 0 ] && cmp -s "$W/stdout.pdf" "$W/file.pdf" && ok ||
	bad "-o - does not write the worksheet to standard output (exit $st)"
grep -q '^wrote - (4 pages)$' "$W/stderr.txt" && ok || bad "-o -: $(cat "$W/stderr.txt")"
[ ! -e "$W/-" ] && [ ! -e "$W/-.pdf" ] && ok || bad "-o - wrote a file named -"
"$MIMEO" packet -o - problems/packets/grade3-math-multiplication.yaml 2>/dev/null |
	head -c 5 | grep -q '^%PDF-' && ok || bad "-o - with a packet"
"$MIMEO" preview -o - $F 2>/dev/null | head -c 4 | grep -q 'PNG' && ok || bad "preview -o -"
rm -f "$W/none.pdf"
want_status() {	# want_status DESC STATUS MESSAGE COMMAND...
	local d=$1 st=$2 msg=$3 got s
	shift 3
	got=$("$@" 2>&1 >"$W/none.pdf"); s=$?
	[ "$s" = "$st" ] && [ "$(head -1 <<<"$got")" = "$msg" ] && [ ! -s "$W/none.pdf" ] &&
		ok || bad "$d: exit $s (want $st): $got"
}
want_status "-o - with worksheet and key" 2 "mimeo: error: -o - writes one document to standard output, but this run writes several; name the one to write (mimeo worksheet -o - SET.yaml), or give a folder" \
	"$MIMEO" -o - $F
want_status "-o - with two files" 2 "mimeo: error: -o - writes one document to standard output, but this run writes several; name the one to write (mimeo worksheet -o - SET.yaml), or give a folder" \
	"$MIMEO" worksheet -o - $F tests/good/flow-style.yaml
want_status "-o - with PNG pages" 2 "mimeo: error: -o -: png pages are written one file each, which standard output cannot take; give a folder, or draw one page with mimeo preview --page N" \
	"$MIMEO" worksheet --format png -o - $F
