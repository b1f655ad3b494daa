# The library as a web page (sourced by tests/run.sh): mimeo index on a
# small library of its own, read back as text and in a real browser.
IX=$T/index
rm -rf "$IX" && mkdir -p "$IX/lib/sets" "$IX/lib/packets"
cat >"$IX/lib/sets/Fracciones añadidas.yaml" <<'YAML'
title: Sumar fracciones
subject: Matemáticas
grade: 5
language: es
tags: [fracciones, suma]
problems:
  - type: short
    prompt: "¿Cuánto es `1/2 + 1/4`?"
    answer: "`3/4`"
YAML
cat >"$IX/lib/sets/evil.yaml" <<'YAML'
title: "<script>alert('x')</script> & \"quoted\" <b>bold</b>"
subject: "Science <i>"
grade: K
tags: ["a&b", "<tag>"]
problems:
  - type: truefalse
    prompt: Water boils at 100 °C at sea level.
    answer: true
YAML
cat >"$IX/lib/sets/broken.yaml" <<'YAML'
title: A set with a typo
problems:
  - type: short
    promt: What is 2 + 2?
    answer: "4"
YAML
cat >"$IX/lib/packets/day one.yaml" <<'YAML'
packet: Fractions day
duration: 45
plan:
  - {minutes: 45, do: Hand out the worksheet.}
include:
  - {file: "../sets/Fracciones añadidas.yaml", as: worksheet, copies: 30}
YAML
for f in "$IX"/lib/sets/*.yaml "$IX"/lib/packets/*.yaml; do
	rel=${f#"$IX"/lib/}
	"$MIMEO" -q -o "$IX/out/${rel%/*}/" "$f" >/dev/null 2>&1
done
"$MIMEO" index -q "$IX/lib" -o "$IX/out/" >"$IX/run.out" 2>&1
check "index: exit 1 with a file that does not load" test $? = 1
H=$IX/out/index.html
check "index: index.html written" test -s "$H"
check "index: four entries" test "$(grep -c '<article' "$H")" = 4
check "index: a teacher's <script> is text" grep -q "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;" "$H"
check "index: one script element, the page's own" test "$(grep -c '<script' "$H")" = 1
check "index: no teacher markup passes" test "$(grep -c '<b>bold\|<tag>\|<i>' "$H")" = 0
check "index: the broken file shows its first error" grep -q 'Does not load: <code>.*unknown key &quot;promt&quot;' "$H"
check "index: a Spanish set's links in Spanish" grep -q 'Hoja de trabajo (PDF)' "$H"
check "index: the packet's duration and what it prints" grep -q '45 minutes.*' "$H"
check "index: a name with a space and an accent is encoded" grep -q 'href="sets/Fracciones%20a%C3%B1adidas.pdf"' "$H"
check "index: nothing from outside" test "$(grep -Eic '(src|href)="([a-z]+:|//)' "$H")" = 0
# every link and picture names a file beside the page
ix_bad=0
while IFS= read -r u; do
	p=$(printf '%b' "${u//%/\\x}")
	[ -f "$IX/out/$p" ] || { ix_bad=1; echo "index: no file for $u"; }
done < <(grep -Eo '(href|src)="[^"]*"' "$H" | sed -E 's/^[a-z]+="//; s/"$//')
check "index: every link and picture is there" test $ix_bad = 0
check "index: pictures are PNG" sh -c "file '$IX/out/sets/evil-p1.png' | grep -q 'PNG image'"
cp "$H" "$IX/first.html"
"$MIMEO" index -q "$IX/lib" -o "$IX/out/" >/dev/null 2>&1
check "index: the same library gives the same page" cmp -s "$H" "$IX/first.html"
# Without JavaScript every entry is listed; with it, a search hides the
# rest (the address's #q= fills the search box, as typing would).
check "index: listed without JavaScript" test "$(grep -c '<article[^>]*hidden' "$H")" = 0
ix_shown() {	# search: how many entries stay visible in chromium
	timeout 60 chromium --headless --no-sandbox --disable-gpu \
		--dump-dom "file://$PWD/$H#q=$1" 2>/dev/null |
		grep -o '<article class="entry[^>]*>' | grep -vc 'hidden'
}
check "index: searching 'sumar' shows the set and its packet" test "$(ix_shown sumar)" = 2
check "index: searching 'alert' shows one" test "$(ix_shown alert)" = 1
check "index: searching two words narrows" test "$(ix_shown 'sumar%20packet')" = 1
check "index: a search that matches nothing hides all" test "$(ix_shown zzzz)" = 0
