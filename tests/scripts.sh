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
