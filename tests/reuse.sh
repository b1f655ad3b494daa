# tests/reuse.sh - sourced by tests/run.sh ($MIMEO, $T, ok, bad).
#
# A class set lays out one copy per version and print size and makes the
# others from it, changing only the name and period (build.c, struct
# model; layout_refill).  Every class set here is built twice: as mimeo
# builds it, and with the test hook MIMEO_TEST_LAYOUT=full, which makes
# build.c lay every copy out in full as it did before copies were made
# from a model.  The files, the messages and the exit status must be the
# same, byte for byte.  (tests/unit.c checks that the copies are really
# made from the model, and where they are not.)
RU=$T/reuse
mkdir -p "$RU"
{ echo "Name,Period"
  for i in 1 2 3 4 5 6 7 8 9 10; do
	tail -n +2 bench/roster30.csv | sed "s/,/ $i,/"
  done; } > "$RU/roster300.csv"

# reuse_case NAME ARGS...: mimeo ARGS -o DIR/ both ways, compared
reuse_case() {
	local name=$1 way st
	shift
	for way in model full; do
		rm -rf "$RU/$way" && mkdir -p "$RU/$way"
		if [ $way = full ]; then
			MIMEO_TEST_LAYOUT=full "$MIMEO" "$@" -o "$RU/$way/" \
			    >"$RU/$way.out" 2>&1
		else
			"$MIMEO" "$@" -o "$RU/$way/" >"$RU/$way.out" 2>&1
		fi
		st=$?
		sed -i "s|$RU/$way/||" "$RU/$way.out"
		echo "exit $st" >> "$RU/$way.out"
	done
	if [ -z "$(ls -A "$RU/full")" ] && ! grep -q "error" "$RU/full.out"; then
		bad "reuse $name: wrote nothing: $(head -3 "$RU/full.out")"
	elif ! diff -r "$RU/model" "$RU/full" >/dev/null; then
		bad "reuse $name: files differ from every copy laid out in full"
	elif ! cmp -s "$RU/model.out" "$RU/full.out"; then
		bad "reuse $name: messages differ:"
		diff "$RU/model.out" "$RU/full.out" | head -5
	else
		ok
	fi
}

reuse_cases() {
	local F=problems/math/grade5/adding-fractions.yaml
	local B=bench/fractions12.yaml R=tests/rosters U=tests/reuse
	reuse_case bench30 worksheet --simplex --roster bench/roster30.csv $B
	reuse_case bench300 worksheet --roster "$RU/roster300.csv" $B
	reuse_case class10 worksheet --roster $R/class10.csv $F
	# long names, one line of its own, a large-print row; and the key
	reuse_case class30 --roster $R/class30.csv $F
	reuse_case class30-a4 worksheet --paper a4 --roster $R/class30.csv $F
	reuse_case class30-v3 --versions 3 --roster $R/class30.csv $F
	reuse_case per-student worksheet --versions per-student \
	    --roster $R/class10.csv $F
	reuse_case one worksheet --roster $R/one.csv $F
	reuse_case periods worksheet --simplex --roster $R/two-periods.csv $F
	reuse_case first-last worksheet --roster $R/first-last.csv $F
	reuse_case semicolons worksheet --roster $R/semicolons.csv $F
	# a 3-page set: each copy padded with a blank page
	reuse_case copies worksheet --copies 5 \
	    problems/math/grade3/multiplication.yaml
	reuse_case versions worksheet --versions 3 $F
	# versions from the roster, large print, no period, names and periods
	# too long for their blanks, a name in a fallback font
	reuse_case mixed worksheet --versions 2 --roster $U/mixed.csv $F
	reuse_case mixed-a4 worksheet --paper a4 --versions 2 \
	    --roster $U/mixed.csv problems/science/grade6/heat-lesson.yaml
	reuse_case large-template worksheet --template large-print \
	    --roster $U/mixed.csv --versions 2 $F
	reuse_case nofields worksheet --roster $R/class10.csv $U/nofields.yaml
	reuse_case ps worksheet --format ps --roster $R/class10.csv $F
	# a 250-character title cut in every footer, blank pages with the
	# name after it, large-print copies (tests/footer.sh)
	reuse_case long-title worksheet --versions 3 \
	    --roster tests/footer/class.csv tests/footer/long.yaml
	reuse_case long-title-a4 worksheet --paper a4 --lang es \
	    --roster tests/footer/class.csv tests/footer/long.yaml
	# a name no font can print: the same messages, nothing written
	reuse_case emoji worksheet --roster $U/emoji.csv $F
}
reuse_cases
