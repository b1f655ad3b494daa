# What teachers do with files made elsewhere, and where they send the output:
# rosters saved by spreadsheets, text pasted from a word processor, -o
# pointing at an input, a missing or unwritable folder, a full disk, a
# device.  Sourced by tests/run.sh (ok, bad, MIMEO and T from there).

W=$T/teacher
mkdir -p "$W"
F=problems/math/grade5/adding-fractions.yaml
TR=tests/rosters

# want_err DESC WANT_STATUS WANT_MESSAGE COMMAND...: the command exits with
# WANT_STATUS and prints exactly WANT_MESSAGE on standard error
want_err() {
	local d=$1 st=$2 msg=$3 got s
	shift 3
	got=$("$@" 2>&1 >/dev/null); s=$?
	[ "$s" = "$st" ] && [ "$got" = "$msg" ] && ok ||
		bad "$d: exit $s (want $st): $got"
}

# --- rosters as spreadsheets save them -------------------------------------
# European Excel saves "CSV" with semicolons (tests/rosters/semicolons.csv);
# "Text (tab delimited)" with tabs; "CSV UTF-8" with a byte-order mark and
# CRLF; "Unicode text" as UTF-16 with tabs; plain "CSV" on an older Windows
# as Windows-1252.  Bytes an editor would change are made here.
printf 'Name\tPeriod\nJosé Núñez\t3\nZoë Brontë\t4\n' >"$W/tabs.csv"
printf '\357\273\277name,period\r\nJosé Núñez,3\r\nZoë Brontë,4\r\n' >"$W/utf8-bom.csv"
printf 'Name\tPeriod\r\nJosé Núñez\t3\r\nZoë Brontë\t4\r\n' | iconv -f UTF-8 -t UTF-16LE |
	{ printf '\377\376'; cat; } >"$W/utf16-unicode-text.csv"
# the same big-endian (another program's "Unicode"), and cut in the middle
# of a character
printf 'Name\tPeriod\r\nJosé Núñez\t3\r\nZoë Brontë\t4\r\n' | iconv -f UTF-8 -t UTF-16BE |
	{ printf '\376\377'; cat; } >"$W/utf16be.csv"
{ cat "$W/utf16-unicode-text.csv"; printf 'x'; } >"$W/utf16-cut.csv"
printf 'name,period\nAna Lopez,2\nJos\351 N\372\361ez,3\n' >"$W/latin1.csv"
for r in $TR/semicolons.csv "$W/tabs.csv" "$W/utf8-bom.csv" "$W/utf16-unicode-text.csv" "$W/utf16be.csv"; do
	rm -f "$W/r.pdf"
	"$MIMEO" -q worksheet --roster "$r" -o "$W/r.pdf" $F &&
		pdftotext "$W/r.pdf" - | grep -q 'José Núñez' &&
		pdftotext "$W/r.pdf" - | grep -q 'Zoë Brontë' && ok ||
		bad "roster $r: not read, or a name is missing"
done
# UTF-16 without a byte-order mark (a "Unicode text" export on some
# systems, or a tool that drops the mark), little-endian with tabs and
# CRLF, big-endian with commas and LF: told by the NULs of the header,
# each name printed on its own copy, in roster order
for r in $TR/utf16le-no-mark.csv $TR/utf16be-no-mark.csv; do
	rm -f "$W/r.pdf"
	"$MIMEO" -q worksheet --roster "$r" -o "$W/r.pdf" $F &&
		[ "$(pdftotext "$W/r.pdf" - | grep -E '^Name ' | tr '\n' '|')" = \
		"Name José Núñez|Name Zoë Brontë|Name Łukasz Żółć|" ] && ok ||
		bad "roster $r: not read, or a name is missing or garbled"
done
# roster_err DESC ROSTER MESSAGE: printing the worksheet for ROSTER fails
# (exit 1) with exactly ROSTER:MESSAGE
roster_err() {
	want_err "$1" 1 "$2:$3" "$MIMEO" -q worksheet --roster "$2" -o "$W/x.pdf" $F
}
roster_err "roster in UTF-16 cut short" "$W/utf16-cut.csv" \
	"4:1: error: the roster starts like UTF-16 (\"Unicode text\") but the file ends in the middle of a character here; save it from the spreadsheet again, as \"CSV UTF-8\""
# UTF-16 without a mark that the bytes do not prove: an odd length (cut
# short, or not UTF-16 at all), a header with characters beyond U+00FF
# (Japanese), a header shorter than "name"
{ cat $TR/utf16le-no-mark.csv; printf 'x'; } >"$W/utf16-odd.csv"
printf '名前\t組\r\n太郎\t1\r\n' | iconv -f UTF-8 -t UTF-16LE >"$W/utf16-japanese.csv"
printf 'nm\nAna\n' | iconv -f UTF-8 -t UTF-16BE >"$W/utf16-short.csv"
for r in utf16-odd utf16-japanese utf16-short; do
	roster_err "roster in UTF-16 without a byte-order mark ($r)" "$W/$r.csv" \
		"1:1: error: the roster is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\""
done
# one taken for UTF-16 by its header, broken further on (half of a
# surrogate pair): said where, as for one with the mark
{ printf 'Name\tPeriod\r\nAna\t3\r\nBo' | iconv -f UTF-8 -t UTF-16LE; printf '\000\330B\000\r\000\n\000'; } >"$W/utf16-broken.csv"
roster_err "roster in UTF-16 without a mark, broken in line 3" "$W/utf16-broken.csv" \
	"3:3: error: the roster starts like UTF-16 (\"Unicode text\") but is not UTF-16 here; save it from the spreadsheet again, as \"CSV UTF-8\""
# an emoji in a name: said once, where it is in the roster
printf 'Name,Period\nAna \360\237\230\200 L\303\263pez,2\nBen,3\n' >"$W/emoji.csv"
roster_err "an emoji in a roster name" "$W/emoji.csv" \
	"2:5: error: \"😀\" is an emoji or another character beyond U+FFFF, which mimeo cannot print; remove it or write a word instead"
# a mistake in a UTF-16 roster is reported where the teacher sees it
printf 'Name\tPeriod\r\nAna\t3\r\n\t4\r\n' | iconv -f UTF-8 -t UTF-16LE |
	{ printf '\377\376'; cat; } >"$W/utf16-no-name.csv"
roster_err "row without a name in a UTF-16 roster" "$W/utf16-no-name.csv" \
	"3:1: error: this row has no name"
roster_err "roster saved as Latin-1" "$W/latin1.csv" \
	"3:1: error: this field is not UTF-8 text: it holds byte 0xE9 (\"é\" in Latin-1 or Windows-1252); save the roster from the spreadsheet as \"CSV UTF-8\""
printf 'First Name,Period\nAna,2\n' >"$W/first-only.csv"
roster_err "roster with first names only" "$W/first-only.csv" \
	"1:1: error: the first row must name the columns, and one must be called \"name\" (the names as they are printed), or two \"first name\" and \"last name\"; this one has \"First Name\", \"Period\": rename the column of names to name, or, if the first row is already a student, add a row like name,period above it"
# a column of the edition that is neither: said at its own column, counted
# in characters (José's accent is one)
printf 'name,period,edition\nAna López,2,large print\nJosé Núñez,2,big\n' >"$W/edition.csv"
roster_err "roster with a wrong edition" "$W/edition.csv" \
	"3:14: error: edition must be standard or large (or empty for standard), not \"big\""
roster_err "roster with only a header" "$TR/header-only.csv" \
	"1:1: error: the roster has a header but no students; add one row per student under it"
[ -e "$W/x.pdf" ] && bad "a broken roster wrote $W/x.pdf" || ok

# names as school systems export them: first and last apart, or a
# "Student Name" column; "Large Print" for the edition
"$MIMEO" -q worksheet --roster "$TR/first-last.csv" -o "$W/fl.pdf" $F &&
	pdftotext "$W/fl.pdf" - | grep -q '^Name Ana Lopez' && ok || bad "roster with First and Last columns"
printf 'Student Name,Period,Edition\nJosé Núñez,3,\nAna López,2,Large Print\n' >"$W/student-name.csv"
"$MIMEO" -q worksheet --simplex --roster "$W/student-name.csv" -o "$W/sn.pdf" $F &&
	[ "$(pdftotext "$W/sn.pdf" - | grep -c -e '^Name José Núñez' -e '^Name Ana López')" = 2 ] && ok ||
	bad "roster with a Student Name column"
# the word "Name" of Ana's large-print copy is taller than José's
pdftotext -bbox "$W/sn.pdf" - | awk -F'"' '/>Name</ { h = $8 - $4; if (!a) a = h; else if (h > a * 1.3) big = 1 }
	END { exit !big }' && ok || bad "\"Large Print\" in the edition column is not large print"

# --- text from a word processor -----------------------------------------------
# curly quotes around a whole text: accepted, with one warning (the file is
# read twice, the warning printed once)
printf 'title: Curly\nproblems:\n  - type: short\n    prompt: \342\200\234What is 2 + 2?\342\200\235\n    answer: "4"\n' > "$W/curly.yaml"
want_err "curly quotes around a text" 0 \
	"$W/curly.yaml:4:13: warning: this text is in curly quotes, which YAML keeps as part of the text (only straight quotes \"...\" are quotes to it); if they were meant as quotes (a word processor curls them), type them again as straight ones" \
	"$MIMEO" worksheet -o "$W/curly.pdf" "$W/curly.yaml"
# yes / No on a truefalse problem, 0.5, 50% and 1/2 as short answers
"$MIMEO" -q key -o "$W/word-key.pdf" tests/good/word-processor.yaml
txt=$(pdftotext "$W/word-key.pdf" - 2>/dev/null)
for want in "Answer: 0.5" "Answer: 50%" "Answer: 1/2" "Read each question… then answer."; do
	grep -qF "$want" <<<"$txt" && ok || bad "word-processor key: no '$want'"
done

# --- -o never writes over what the run reads -------------------------------
cp $TR/class10.csv "$W/roster.csv"
want_err "-o the roster" 3 \
	"mimeo: error: refusing to write $W/roster.csv: this run reads it (a roster, an included set, a picture or a template); give -o another name" \
	"$MIMEO" -q worksheet --roster "$W/roster.csv" -o "$W/roster.csv" $F
cmp -s $TR/class10.csv "$W/roster.csv" && ok || bad "-o the roster changed it"
rm -rf "$W/lib" && cp -r tests/packets/lib "$W/lib"
want_err "-o an included set" 3 \
	"mimeo: error: refusing to write $W/lib/math/fractions.yaml: this run reads it (a roster, an included set, a picture or a template); give -o another name" \
	"$MIMEO" -q packet -o "$W/lib/math/fractions.yaml" "$W/lib/packets/day.yaml"
cmp -s tests/packets/lib/math/fractions.yaml "$W/lib/math/fractions.yaml" && ok ||
	bad "-o an included set changed it"
mkdir -p "$W/pic/e2e" && cp -r tests/images "$W/pic/" && cp tests/e2e/images.yaml "$W/pic/e2e/"
want_err "-o a picture of the set" 3 \
	"mimeo: error: refusing to write $W/pic/images/bar.png: this run reads it (a roster, an included set, a picture or a template); give -o another name" \
	"$MIMEO" -q preview -o "$W/pic/images/bar.png" "$W/pic/e2e/images.yaml"
cmp -s tests/images/bar.png "$W/pic/images/bar.png" && ok || bad "-o a picture changed it"
cp $F "$W/set.yaml"
want_err "-o the set itself" 3 \
	"mimeo: error: refusing to write $W/set.yaml: it is the input file; give -o another name" \
	"$MIMEO" -q worksheet -o "$W/set.yaml" "$W/set.yaml"
cmp -s $F "$W/set.yaml" && ok || bad "-o the set changed it"

# --- where the output goes -----------------------------------------------------
rm -rf "$W/new"
"$MIMEO" -q worksheet -o "$W/new/deeper/ws.pdf" $F && [ -s "$W/new/deeper/ws.pdf" ] && ok ||
	bad "-o into a missing folder does not create it"
want_err "-o where no folder can be made" 3 \
	"mimeo: error: cannot create the folder for /proc/mimeo-cannot/x.pdf: No such file or directory" \
	"$MIMEO" -q worksheet -o /proc/mimeo-cannot/x.pdf $F
# a folder made, then one that cannot be (its name is too long): the run
# writes nothing and takes back the folder it made
long=$(printf 'x%.0s' $(seq 300))
rm -rf "$W/fresh"
want_err "-o where only part of the folders can be made" 3 \
	"mimeo: error: cannot create the folder for $W/fresh/a/$long/x.pdf: File name too long" \
	"$MIMEO" -q worksheet -o "$W/fresh/a/$long/x.pdf" $F
[ -e "$W/fresh" ] && bad "a failed run left the folders it made: $(find "$W/fresh")" || ok
# a folder the user may not write in (root may write anywhere: skipped)
if [ "$(id -u)" != 0 ]; then
	mkdir -p "$W/locked" && chmod 555 "$W/locked"
	want_err "-o into a read-only folder" 3 \
		"mimeo: error: cannot write $W/locked/x.pdf: Permission denied" \
		"$MIMEO" -q worksheet -o "$W/locked/x.pdf" $F
	chmod 755 "$W/locked"
fi
# a device is written into, never replaced: /dev/full is a full disk.  As
# root a mistake here would replace the device node, so root uses its own
# copy of /dev/full.
full=/dev/full
if [ "$(id -u)" = 0 ] && mknod "$W/full" c 1 7 2>/dev/null; then full=$W/full; fi
want_err "-o a full device" 3 "mimeo: error: cannot write $full: No space left on device" \
	"$MIMEO" -q worksheet -o "$full" $F
[ -c "$full" ] && ok || bad "-o $full replaced the device"
ls -A /tmp/.mimeo-* >/dev/null 2>&1 && bad "a temporary file was left in /tmp" || ok
# a pipe: standard output, and a named one
"$MIMEO" -q worksheet -o /dev/stdout $F 2>/dev/null | head -c 5 | grep -q '%PDF-' && ok || bad "-o /dev/stdout into a pipe"
"$MIMEO" -q worksheet -o /dev/stdout $F >"$W/stdout.pdf" && cmp -s "$W/stdout.pdf" "$W/new/deeper/ws.pdf" &&
	[ -L /dev/stdout ] && ok || bad "-o /dev/stdout into a file"
# without -q, "wrote ..." goes to stderr then, not into the PDF in the pipe
"$MIMEO" worksheet -o /dev/stdout $F 2>"$W/pipe.err" | cat >"$W/pipe.pdf"
cmp -s "$W/pipe.pdf" "$W/new/deeper/ws.pdf" && [ "$(cat "$W/pipe.err")" = "wrote /dev/stdout (4 pages)" ] && ok ||
	bad "-o /dev/stdout | ...: the PDF has more than the document, or: $(cat "$W/pipe.err")"
# a file name without an extension gets the format's; an existing file or
# a name with a dot is used as it is; "wrote" names the file written
rm -rf "$W/ext" && mkdir -p "$W/ext"
out=$("$MIMEO" worksheet -o "$W/ext/mysheet" $F)
[ "$out" = "wrote $W/ext/mysheet.pdf (4 pages)" ] && [ -s "$W/ext/mysheet.pdf" ] && [ ! -e "$W/ext/mysheet" ] && ok ||
	bad "-o without an extension: $out"
out=$("$MIMEO" worksheet -o "$W/ext/Unit 3.5" $F)
[ "$out" = "wrote $W/ext/Unit 3.5.pdf (4 pages)" ] && ok || bad "-o with a dot but no format extension: $out"
touch "$W/ext/keep"
"$MIMEO" -q worksheet -o "$W/ext/keep" $F && [ -s "$W/ext/keep" ] && [ ! -e "$W/ext/keep.pdf" ] && ok ||
	bad "-o an existing file without an extension"
out=$("$MIMEO" preview -o "$W/ext/p" $F)
[ "$out" = "wrote $W/ext/p.png (page 1 of 4)" ] && [ -s "$W/ext/p.png" ] && ok || bad "preview -o without an extension: $out"
# pages one file each cannot go to a device (they became files in /dev);
# a name that says another format is refused
want_err "--format png -o /dev/stdout" 2 "mimeo: error: -o /dev/stdout: png pages are written one file each, which a device cannot take; give a folder, or draw one page with mimeo preview --page N" \
	"$MIMEO" -q worksheet --format png -o /dev/stdout $F
ls /dev/stdout-* >/dev/null 2>&1 && bad "files were made in /dev: $(ls /dev/stdout-*)" || ok
want_err "preview --format svg -o y.png" 2 "mimeo: error: -o $W/ext/y.png names a .png file, but this writes svg; name it .svg, or give --format png" \
	"$MIMEO" -q preview --format svg -o "$W/ext/y.png" $F
[ ! -e "$W/ext/y.png" ] && ok || bad "an SVG was written as y.png"
"$MIMEO" -q preview -o /dev/stdout $F | head -c 4 | grep -q PNG && ok || bad "preview -o /dev/stdout"
out=$("$MIMEO" worksheet --format png --dpi 20 -o "$W/ext/one.png" tests/e2e/ansi.yaml)
[ "$out" = "wrote $W/ext/one-p1.png (1 page)" ] && [ -s "$W/ext/one-p1.png" ] && ok || bad "a one-page PNG: $out"
# a full disk: a tiny tmpfs, when this user may mount one (root)
if [ "$(id -u)" = 0 ] && mkdir -p "$W/small" && mount -t tmpfs -o size=64k tmpfs "$W/small" 2>/dev/null; then
	echo old >"$W/small/ws.pdf"
	# fill it: a worksheet is smaller than the disk
	dd if=/dev/zero of="$W/small/fill" bs=1k 2>/dev/null
	want_err "-o on a full disk" 3 "mimeo: error: cannot write $W/small/ws.pdf: No space left on device" \
		"$MIMEO" -q worksheet -o "$W/small/ws.pdf" $F
	[ "$(cat "$W/small/ws.pdf")" = old ] && [ "$(ls -A "$W/small" | tr '\n' ' ')" = "fill ws.pdf " ] && ok ||
		bad "a full disk left: $(ls -A "$W/small")"
	# the folders made for a file that could not be written are taken back
	want_err "-o new folders on a full disk" 3 "mimeo: error: cannot write $W/small/new/deeper/ws.pdf: No space left on device" \
		"$MIMEO" -q worksheet -o "$W/small/new/deeper/ws.pdf" $F
	[ "$(ls -A "$W/small" | tr '\n' ' ')" = "fill ws.pdf " ] && ok ||
		bad "a full disk left new folders: $(ls -A "$W/small" | tr "\n" " ")"
	umount "$W/small"
fi

# --- a run of several files writes all of them or none ----------------------
# A good set and a set with a mistake: the good one's worksheet and key are
# not written either, an old file stays as it was, and no folder is left.
rm -rf "$W/many" && mkdir -p "$W/many/old"
printf 'title: Broken\nproblems:\n  - type: short\n    promt: What is 2 + 2?\n    answer: "4"\n' >"$W/many/broken.yaml"
echo old >"$W/many/old/adding-fractions.pdf"
want_err "a good set and a broken one" 1 \
	"$W/many/broken.yaml:4:5: error: problem 1: unknown key \"promt\" (did you mean \"prompt\"?)
mimeo: 1 error; no file was written" \
	"$MIMEO" -q -o "$W/many/old/" $F "$W/many/broken.yaml"
[ "$(ls -A "$W/many/old")" = adding-fractions.pdf ] && [ "$(cat "$W/many/old/adding-fractions.pdf")" = old ] && ok ||
	bad "a failed run of two sets wrote: $(ls -A "$W/many/old")"
"$MIMEO" -q -o "$W/many/new/deeper/" "$W/many/broken.yaml" $F 2>/dev/null
[ $? = 1 ] && [ ! -e "$W/many/new" ] && ok || bad "a failed run of two sets left folders: $(find "$W/many/new")"
# with every file right, all are written, and said in the order given
out=$("$MIMEO" -o "$W/many/ok/" $F problems/math/grade5/adding-fractions.yaml tests/e2e/ansi.yaml 2>&1)
[ $? = 2 ] && ok || bad "the same set twice was not refused: $out"
out=$("$MIMEO" -o "$W/many/ok/" tests/e2e/ansi.yaml $F 2>&1)
[ "$out" = "wrote $W/many/ok/ansi.pdf (1 page)
wrote $W/many/ok/ansi-key.pdf (1 page)
wrote $W/many/ok/adding-fractions.pdf (4 pages)
wrote $W/many/ok/adding-fractions-key.pdf (4 pages)" ] && ok || bad "two good sets: $out"
# two sets of one name in different folders would both go to out/NAME.pdf
mkdir -p "$W/many/b" && cp $F "$W/many/b/"
want_err "two sets of one name" 2 \
	"mimeo: error: $W/many/two/adding-fractions.pdf would be written twice in this run, for $F and for $W/many/b/adding-fractions.yaml; run mimeo once for each, each with its own -o folder
mimeo: 1 error; no file was written" \
	"$MIMEO" -q -o "$W/many/two/" $F "$W/many/b/adding-fractions.yaml"
[ ! -e "$W/many/two" ] && ok || bad "two sets of one name wrote: $(ls -A "$W/many/two")"
# one file given twice (by two names) is said as such
want_err "one set twice" 2 \
	"mimeo: error: tests/e2e/../e2e/ansi.yaml is given twice; give it once
mimeo: 1 error; no file was written" \
	"$MIMEO" -q -o "$W/many/twice/" tests/e2e/ansi.yaml tests/e2e/../e2e/ansi.yaml
# a class set's summary comes after its "wrote" line, only when written
out=$("$MIMEO" worksheet --copies 3 -o "$W/many/cs.pdf" $F 2>&1)
[ "$out" = "wrote $W/many/cs.pdf (12 pages)
$W/many/cs.pdf: 3 copies, 12 pages, 6 sheets of paper (double-sided)" ] && ok || bad "class set summary: $out"
