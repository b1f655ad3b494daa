#!/bin/sh
# Regenerates the catalog inputs that are not plain UTF-8 text with LF line
# ends (bytes a text editor would mangle), and the generated big ones, so
# that how each was made is on record.  Run from anywhere:
#   sh tests/bad/make-special.sh          rewrite them in tests/bad and tests/good
#   sh tests/bad/make-special.sh --big    also check the 4 MiB limit (the file
#                                         is made in a temporary folder, never
#                                         kept: it is too big to commit)
# Then regenerate an .err file with:
#   cd tests/bad && ../../mimeo check NAME.yaml 2> NAME.err
set -e
cd "$(dirname "$0")"

# binary: a PNG header after a first line of YAML
printf 'title: Binary\n\000\001\002\211PNG\r\n\032\n\000\000\000\rIHDR\n' > file-binary.yaml
printf 'title: Control\nproblems:\n  - type: short\n    prompt: What is \007 2 + 2?\n    answer: "4"\n' > file-control-character.yaml
set_text='title: Fractions\nproblems:\n  - type: short\n    prompt: What is 2 + 2?\n    answer: "4"\n'
printf "$set_text" | iconv -f UTF-8 -t UTF-16LE > file-utf16le-no-bom.yaml
printf "$set_text" | iconv -f UTF-8 -t UTF-16BE > file-utf16be-no-bom.yaml
printf 'title: Caf\351 Math\nproblems:\n  - type: short\n    prompt: What is 2 + 2?\n    answer: "4"\n' > file-latin1.yaml
printf 'title: Bad Bytes\nproblems:\n  - type: short\n    prompt: What is 2 + 2? \303\050 \377\n    answer: "4"\n' > file-invalid-utf8.yaml
printf 'title: UTF-16 With an Error\nproblems:\n  - type: short\n    prompt: ¿Qué es ½ + ½? Piénsalo: dime.\n    answer: "1"\n' | iconv -f UTF-8 -t UTF-16 > file-utf16-bom-error-position.yaml
# a UTF-16 LE file whose second line holds half a surrogate pair
printf '\377\376t\000i\000t\000l\000e\000:\000 \000T\000\n\000\000\330x\000' > file-utf16-damaged.yaml
printf 'title: Pasted Text\nproblems:\n  - type: short\n    prompt: How many days are in a week?\342\200\250Count them.\n    answer: "7"\n' > file-unusual-line-break.yaml
# indentation with a no-break space (U+00A0, pasted from a word processor
# or a web page) before a key, and before a "- "
printf 'title: No-Break Spaces\nproblems:\n  - type: short\n\302\240\302\240\302\240\302\240prompt: What is 2 + 2?\n    answer: "4"\n' > yaml-nbsp-indent.yaml
printf 'title: No-Break Spaces\nproblems:\n\302\240 - type: short\n    prompt: What is 2 + 2?\n    answer: "4"\n' > yaml-nbsp-indent-dash.yaml
printf 'title: Windows Line Ends\r\nproblems:\r\n  - type: short\r\n    prompt: Careful: what is 2 + 2?\r\n    answer: "4"\r\n' > yaml-crlf-error-position.yaml

# invisible characters that are valid UTF-8: a right-to-left override
# (U+202E) in a title, two byte-order marks (two files joined), and one
# inside a text
printf 'title: Backwards \342\200\256Title\nproblems:\n  - type: short\n    prompt: What is 2 + 2?\n    answer: "4"\n' > file-direction-control.yaml
printf '\357\273\277\357\273\277title: Two Files Joined\nproblems:\n  - type: short\n    prompt: What is 2 + 2?\n    answer: "4"\n' > file-double-bom.yaml
printf 'title: A Mark Inside\nproblems:\n  - type: short\n    prompt: What is\357\273\277 2 + 2?\n    answer: "4"\n' > file-bom-inside.yaml
# billion laughs: nine levels of nine references
python3 - <<'PY'
lines = ['title: Laughs', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
prev = 'a'
for c in 'bcdefghi':
    lines.append('%s: &%s [%s]' % (c, c, ','.join(['*' + prev] * 9)))
    prev = c
lines += ['problems:', '  - type: short', '    prompt: *i', '    answer: "1"']
open('yaml-billion-laughs.yaml', 'w').write('\n'.join(lines) + '\n')
open('yaml-deep-nesting.yaml', 'w').write('title: Deep\nproblems:\n  - type: short\n'
    '    prompt: What?\n    answer: ' + '[' * 40 + '"1"' + ']' * 40 + '\n')
out = ['title: Too Many Problems', 'problems:']
for i in range(1, 511):
    out.append('  - {type: short, prompt: "%d + 1 = ?", answer: "%d"}' % (i, i + 1))
open('limit-too-many-problems.yaml', 'w').write('\n'.join(out) + '\n')
# more mistakes than are printed: 100 messages, then the count of all
out = ['title: Too Many Mistakes', 'problems:']
for i in range(1, 121):
    out.append('  - {type: short, promt: "%d + 1 = ?", answer: "%d"}' % (i, i + 1))
open('many-errors-cap.yaml', 'w').write('\n'.join(out) + '\n')
PY

# the good files that must load (../good)
printf 'title: Windows Line Ends\r\nsubject: Math\r\nproblems:\r\n  - type: short\r\n    prompt: "What is `3/5 + 1/2`?"\r\n    answer: "`11/10`"\r\n  - type: open\r\n    prompt: |\r\n      Explain how you found\r\n      the common denominator.\r\n    lines: 3\r\n' > ../good/crlf-line-ends.yaml
printf '\357\273\277title: UTF-8 With a Byte-Order Mark\nproblems:\n  - type: short\n    prompt: ¿Cuánto es 2 + 2?\n    answer: "4"\n' > ../good/utf8-bom.yaml
printf 'title: UTF-16 With a Byte-Order Mark\nproblems:\n  - type: short\n    prompt: ¿Cuánto es 2 + 2? Café, señor.\n    answer: "4"\n  - type: truefalse\n    prompt: 7 is prime.\n    answer: true\n' | iconv -f UTF-8 -t UTF-16 > ../good/utf16-bom.yaml
{ printf '\376\377'; printf 'title: UTF-16 Big-Endian With a Byte-Order Mark\nproblems:\n  - type: short\n    prompt: ¿Cuánto es 2 + 2?\n    answer: "4"\n' | iconv -f UTF-8 -t UTF-16BE; } > ../good/utf16be-bom.yaml

if [ "$1" = --big ]; then
	d=$(mktemp -d)
	{ echo 'title: Huge'; head -c 5000000 /dev/zero | tr '\0' '#'; } > "$d/huge.yaml"
	../../mimeo check "$d/huge.yaml" || true
	rm -rf "$d"
fi
