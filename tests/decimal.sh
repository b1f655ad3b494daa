# tests/decimal.sh - sourced by tests/run.sh ($MIMEO, $T, ok, bad).
#
# The decimal separator is a label (templates/labels/*.yaml "decimal"):
# dec() prints it, in text and in `math`, and math reads "1,5" as one
# number where it is ",".  Worksheets and keys of every version agree.
# The review found "12.00 €" in a Spanish key whose prompts say "1,50 €".
DD=$T/decimal
mkdir -p "$DD"
DX=tests/decimal

for l in es en; do
	"$MIMEO" -q --versions 3 --simplex -o "$DD/" $DX/$l.yaml ||
		bad "decimal $l.yaml: mimeo failed"
	pdftotext "$DD/$l.pdf" "$DD/$l.txt"
	pdftotext "$DD/$l-key.pdf" "$DD/$l-key.txt"
done
# Spanish: every answer, choice and sum with a comma, none with a point
got=$(grep -c "^Respuesta: [0-9]*,[0-9][0-9] €$" "$DD/es-key.txt")
[ "$got" = 3 ] && ok || bad "decimal es key: $got answers like '3,00 €' in 3 versions"
grep -q "[0-9]\.[0-9]" "$DD/es-key.txt" "$DD/es.txt" && bad "decimal es: a decimal point printed: $(grep -h "[0-9]\.[0-9]" "$DD/es-key.txt" "$DD/es.txt" | head -2)" || ok
# in math: read back as written, no space after the comma
for v in 1 2 3; do
	sum=$(sed -n "s/^2\. ¿Cuánto es \(.*\)?$/\1/p" "$DD/es.txt" | sed -n ${v}p)
	case $sum in 0,25\ +\ 1,5|0,75\ +\ 1,5|1,25\ +\ 1,5) ok ;;
	*) bad "decimal es worksheet version $v: math reads '$sum'" ;; esac
done
grep -qE "^(0,25|0,75|1,25) \+ 1,50 = (1,75|2,25|2,75), o sea (1 3/4|2 1/4|2 3/4)\.$" "$DD/es-key.txt" &&
	ok || bad "decimal es key: the solution's math does not read back"
# a list stays a list, in text and in math
grep -q "^4\. Escribe los números 1, 2, 3 y el par (2; 3)\.$" "$DD/es.txt" && ok || bad "decimal es: the list 1, 2, 3 changed"
# the worksheet's choices are the key's, version by version
ws=$(grep -E "^[ABC]\. [0-9]" "$DD/es.txt" | tr '\n' ' ')
key=$(grep -E "^[ABC]\. [0-9]" "$DD/es-key.txt" | tr '\n' ' ')
[ -n "$ws" ] && [ "$ws" = "$key" ] && case $ws in *,*) true ;; *) false ;; esac &&
	ok || bad "decimal es: worksheet choices '$ws', key '$key'"
# English: points, and 1,000 a thousand
got=$(grep -c "^Answer: [0-9]*\.[0-9][0-9] €$" "$DD/en-key.txt")
[ "$got" = 3 ] && ok || bad "decimal en key: $got answers like '3.00 €' in 3 versions"
grep -q "^4\. What is 1,000 + 2,500?$" "$DD/en.txt" && ok || bad "decimal en: 1,000 + 2,500 does not read back"
# --lang picks the labels, so the separator too
"$MIMEO" -q key --lang en -o "$DD/es-en.pdf" $DX/es.yaml &&
	pdftotext "$DD/es-en.pdf" - | grep -q "^Answer: [0-9]*\.[0-9][0-9] €$" &&
	ok || bad "decimal: --lang en on a Spanish set does not print a point"
"$MIMEO" -q key --lang es -o "$DD/en-es.pdf" $DX/en.yaml &&
	pdftotext "$DD/en-es.pdf" - | grep -q "^Respuesta: [0-9]*,[0-9][0-9] €$" &&
	ok || bad "decimal: --lang es on an English set does not print a comma"
