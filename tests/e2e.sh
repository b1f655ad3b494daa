# End-to-end tests, sourced by tests/run.sh (uses ok, bad, check, $T,
# $MIMEO).  YAML in, PDF out, then read back with the real readers:
# pdftotext (what is printed, on which page), pdfinfo (size, pages),
# qpdf --check (structure), pdffonts (embedding).

E=tests/e2e
O=$T/e2e
mkdir -p "$O"

# pdftext FILE [PAGE]: the text of a PDF (or one page); poppler's own
# warnings go to $O/poppler.err so a test can demand there are none.
pdftext() {
	if [ $# -gt 1 ]; then pdftotext -f "$2" -l "$2" "$1" - 2>>"$O/poppler.err"
	else pdftotext "$1" - 2>>"$O/poppler.err"; fi
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
pagesize() { pdfinfo "$1" 2>/dev/null | awk '/^Page size:/ {print $3 "x" $5}'; }

# --- the library: every set is valid and renders to a sound PDF ---------
for f in $(find problems -name '*.yaml' | sort); do
	check "check $f" "$MIMEO" check -q "$f"
done
rm -rf "$O/lib" && mkdir -p "$O/lib"
if "$MIMEO" -q -o "$O/lib/" $(find problems -name '*.yaml' | sort) 2>"$O/lib.err"; then
	ok
else
	bad "rendering problems/: $(head -3 "$O/lib.err")"
fi
for pdf in "$O"/lib/*.pdf; do
	[ -e "$pdf" ] || continue
	check "qpdf --check $(basename "$pdf")" qpdf --check "$pdf"
	# every font embedded: pdffonts' "emb" column says yes for each row
	if pdffonts "$pdf" 2>&1 | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}'; then
		ok
	else
		bad "$(basename "$pdf"): a font is not embedded"
	fi
	: >"$O/poppler.err"
	pdftext "$pdf" >/dev/null
	pdffonts "$pdf" >/dev/null 2>>"$O/poppler.err"
	if [ -s "$O/poppler.err" ]; then
		bad "$(basename "$pdf"): poppler warns: $(head -2 "$O/poppler.err")"
	else
		ok
	fi
	# every page has its "Page i of N" footer
	n=$(pages "$pdf")
	for i in $(seq 1 "$n"); do
		pdftext "$pdf" "$i" | grep -q "Page $i of $n" ||
			{ bad "$(basename "$pdf") page $i: no 'Page $i of $n'"; continue 2; }
	done
	ok
done

# --- student copies never hold answers, solutions, notes or rubrics ------
"$MIMEO" -q -o "$O/" $E/leak.yaml
if pdftext "$O/leak.pdf" | grep -q Secret; then
	bad "leak.pdf (student copy) shows: $(pdftext "$O/leak.pdf" | grep -o 'Secret[A-Za-z]*' | head -3 | tr '\n' ' ')"
else
	ok
fi
for tok in SecretShort SecretBlankOne SecretBlankTwo SecretNotes SecretModel SecretRubric SecretWork SecretSolution; do
	pdftext "$O/leak-key.pdf" | grep -q "$tok" && ok || bad "leak-key.pdf lacks $tok"
done
# the key marks the right choice; the student copy prints every choice
pdftext "$O/leak.pdf" | grep -q Gamma && ok || bad "leak.pdf lacks a choice"

# --- text comes back in reading order, every character intact ------------
"$MIMEO" -q -o "$O/" $E/accents.yaml
txt=$(pdftext "$O/accents.pdf" | tr '\n' ' ')
for w in "José Núñez" "Zoë Brontë" "Nguyễn Thị Minh" "Ελένη" "Ёжик" "Łukasz" "Çağla" "Søren" \
	 "¿Cuántos años tiene María?" "Über die Straße" "× 4 ÷ 2 ≤ 6" "Nombres — Ñandú y Zoë"; do
	case $txt in *"$w"*) ok ;; *) bad "accents.pdf: '$w' not read back" ;; esac
done
pdftext "$O/accents-key.pdf" | grep -q "Señora" && ok || bad "accents-key.pdf: answer not read back"
# reading order: title, fields, instructions, problem 1 in that order
if pdftext "$O/accents.pdf" | awk '/Nombres/ && !a {a=NR} /^Name/ && !b {b=NR} /José/ && !c {c=NR} /Cuántos/ && !d {d=NR}
	END {exit !(a && a < b && b < c && c < d)}'; then ok; else bad "accents.pdf: reading order"; fi

# --- a problem never splits across pages ----------------------------------
"$MIMEO" -q -o "$O/" $E/forty.yaml
n=$(pages "$O/forty.pdf")
[ "$n" -ge 4 ] && ok || bad "forty.pdf has $n pages"
split=0
for i in $(seq 1 "$n"); do
	t=$(pdftext "$O/forty.pdf" "$i")
	for p in $(grep -o 'Prompt[0-9][0-9]' <<<"$t"); do
		grep -q "Last${p#Prompt} choice" <<<"$t" || { split=1; bad "forty.pdf: problem ${p#Prompt} splits at page $i"; }
	done
done
[ $split = 0 ] && ok
# every problem printed exactly once, in order
seqs=$(pdftext "$O/forty.pdf" | grep -o 'Prompt[0-9][0-9]' | tr '\n' ' ')
want=$(for i in $(seq -w 1 40); do printf 'Prompt%s ' "$i"; done)
[ "$seqs" = "$want" ] && ok || bad "forty.pdf: problems out of order or missing"

# a problem taller than a page is an error that names it
out=$("$MIMEO" check $E/tall.yaml 2>&1); st=$?
[ $st = 1 ] && ok || bad "tall.yaml: exit $st"
case $out in *"tall.yaml:6:5: error: problem 2 is taller than a page"*) ok ;; *) bad "tall.yaml: $out" ;; esac

# --- paper sizes ----------------------------------------------------------
S=problems/math/all-types-sampler.yaml
"$MIMEO" -q worksheet -o "$O/letter.pdf" $S
"$MIMEO" -q worksheet --paper a4 -o "$O/a4.pdf" $S
[ "$(pagesize "$O/letter.pdf")" = "612x792" ] && ok || bad "letter size is $(pagesize "$O/letter.pdf")"
[ "$(pagesize "$O/a4.pdf")" = "595.276x841.89" ] && ok || bad "a4 size is $(pagesize "$O/a4.pdf")"
pdftext "$O/letter.pdf" 1 | grep -q "^Period" && ok || bad "sampler: no Period field"
pdffonts "$O/letter.pdf" | grep -q "Andika" && ok || bad "sampler: Andika not used"

# --- determinism: same input and seed, same bytes; no clock unless asked ---
"$MIMEO" -q worksheet -o "$O/again.pdf" $S
cmp -s "$O/letter.pdf" "$O/again.pdf" && ok || bad "two runs differ"
"$MIMEO" -q key -o "$O/k1.pdf" $S; "$MIMEO" -q key -o "$O/k2.pdf" $S
cmp -s "$O/k1.pdf" "$O/k2.pdf" && ok || bad "two key runs differ"
pdfinfo "$O/letter.pdf" | grep -q CreationDate && bad "a date without SOURCE_DATE_EPOCH" || ok
SOURCE_DATE_EPOCH=1700000000 "$MIMEO" -q worksheet -o "$O/dated.pdf" $S
pdfinfo -isodates "$O/dated.pdf" | grep -q "CreationDate: *2023-11-14T22:13:20" && ok || bad "SOURCE_DATE_EPOCH not used"
# the seed changes shuffled orders (match and order problems), not the rest
"$MIMEO" -q worksheet --seed 5 -o "$O/seed5.pdf" $E/leak.yaml
"$MIMEO" -q worksheet --seed 6 -o "$O/seed6.pdf" $E/leak.yaml
cmp -s "$O/seed5.pdf" "$O/seed6.pdf" && bad "--seed changes nothing" || ok

# --- a failed run writes nothing and leaves the old file untouched --------
cp "$O/letter.pdf" "$O/keep.pdf"
"$MIMEO" -q worksheet -o "$O/keep.pdf" $E/tall.yaml 2>/dev/null
cmp -s "$O/letter.pdf" "$O/keep.pdf" && ok || bad "a failed run changed the old output"
ls "$O"/.mimeo-* >/dev/null 2>&1 && bad "temporary files left behind" || ok

# --- exit statuses ----------------------------------------------------------
"$MIMEO" --bogus $S >/dev/null 2>&1; [ $? = 2 ] && ok || bad "unknown option is not exit 2"
"$MIMEO" >/dev/null 2>&1; [ $? = 2 ] && ok || bad "no arguments is not exit 2"
"$MIMEO" check tests/no-such-file.yaml >/dev/null 2>&1; [ $? = 1 ] && ok || bad "missing input is not exit 1"
"$MIMEO" -q worksheet -o /proc/mimeo-cannot/x.pdf $S >/dev/null 2>&1; [ $? = 3 ] && ok || bad "unwritable output is not exit 3"
cp $S "$O/self.yaml"
"$MIMEO" -q worksheet -o "$O/self.yaml" "$O/self.yaml" >/dev/null 2>&1; st=$?
[ $st = 3 ] && cmp -s $S "$O/self.yaml" && ok || bad "the input was overwritten or exit $st"
"$MIMEO" --version | grep -q '^mimeo [0-9]' && ok || bad "--version"
"$MIMEO" --help | grep -q 'mimeo worksheet' && ok || bad "--help"
"$MIMEO" -q -o "$O/one.pdf" $S >/dev/null 2>&1; [ $? = 2 ] && ok || bad "-o FILE with two documents is not exit 2"
