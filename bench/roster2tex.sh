#!/bin/sh
# roster2tex.sh ROSTER.csv VERSIONS > JOBNAME-roster.tex
# One \worksheet{Name}{Period}{Version} line per student of a roster CSV
# (header row first, Name and Period columns, no quoted fields), versions
# A, B, C... dealt in turn when VERSIONS > 1, then that many answer keys.
# Names are escaped for LaTeX.
set -eu
awk -F, -v versions="${2:-1}" '
function tex(s) {
	gsub(/\\/, "\\textbackslash{}", s)
	gsub(/[&%$#_{}]/, "\\\\&", s)
	gsub(/~/, "\\textasciitilde{}", s)
	gsub(/\^/, "\\textasciicircum{}", s)
	return s
}
NR == 1 { next }
NF > 0 {
	v = substr("ABCDEFGHIJ", (n++ % versions) + 1, 1)
	printf "\\worksheet{%s}{%s}{%s}\n", tex($1), tex($2), v
}
END {
	if (versions > 1)
		for (i = 0; i < versions; i++)
			printf "\\key{%s}\n", substr("ABCDEFGHIJ", i + 1, 1)
}' "$1"
