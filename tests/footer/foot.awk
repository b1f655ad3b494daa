# tests/footer/foot.awk - the footer of every page, read back from
# `pdftotext -bbox` (tests/footer.sh).  Variables: pw, ofw the words of
# "Page 1 of 2" ("Página", "de"); blankword a word of the padding page's
# sentence ("intentionally").  One line per page of pdftotext -bbox output:
#   PAGE KIND N TOTAL LINES GAP|LEFT TEXT
# KIND "num" (ends in "Page N of TOTAL") or "blank" (a padding page);
# LINES the baselines the footer's words are on (1 when on one line);
# GAP points from the left text's end to the page number (negative: they
# overlap); LEFT TEXT the words before the page number.
function flush(   i, f, y, lines, left, gap, xl, k, blank, seen) {
	if (nw == 0 && page == 0) return
	blank = 0; f = 0
	for (i = 1; i <= nw; i++) {
		if (t[i] == blankword) blank = 1
		if (i + 3 <= nw && t[i] == pw && t[i+2] == ofw && t[i+1] ~ /^[0-9]+$/ &&
		    t[i+3] ~ /^[0-9]+$/ && (f == 0 || y0[i] > y0[f])) f = i
	}
	if (f == 0 && !blank) { printf "%d none 0 0 0 0|\n", page; return }
	# the footer is below the page's body: on a padding page, below
	# the sentence in its middle (none there: an empty footer)
	if (f > 0) y = y0[f]
	else { y = 0; for (i = 1; i <= nw; i++) if (y0[i] > height * 0.6 && y0[i] > y) y = y0[i] }
	if (y == 0) { printf "%d blank 0 0 0 0.0|\n", page; return }
	# the footer: words on its first line and below (where a footer too
	# long would wrap to); lines counted by distinct baselines
	lines = 0; left = ""; xl = -1
	for (i = 1; i <= nw; i++) {
		if (y0[i] < y - 2) continue
		k = sprintf("%.0f", y1[i]);
		if (!(k in seen)) { seen[k] = 1; lines++ }
		if (f > 0 && i >= f && i <= f + 3) continue
		left = left (left == "" ? "" : " ") t[i]
		if (x1[i] > xl) xl = x1[i]
	}
	gap = (f > 0 ? x0[f] - xl : 0)
	printf "%d %s %s %s %d %.1f|%s\n", page, (f > 0 ? "num" : "blank"),
	    (f > 0 ? t[f+1] : 0), (f > 0 ? t[f+3] : 0), lines, gap, left
}
/<page / { flush(); page++; nw = 0; match($0, /height="[0-9.]+"/); height = substr($0, RSTART + 8, RLENGTH - 9) + 0 }
/<word / {
	split($0, a, "\""); nw++
	x0[nw] = a[2] + 0; y0[nw] = a[4] + 0; x1[nw] = a[6] + 0; y1[nw] = a[8] + 0
	s = $0; sub(/.*">/, "", s); sub(/<\/word>.*/, "", s)
	gsub(/&amp;/, "\\&", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'", s)
	t[nw] = s
}
END { flush() }
