# Golden display lists (sourced by tests/run.sh): each tests/regress/NAME.yaml
# is laid out with the options in NAME.args (if any) and every document it
# makes is written with --format tree; each NAME*.tree must equal its golden
# file in tests/regress/, and no golden file may go unmade.  After a change
# that is meant to move things on the page, regenerate and review the diff:
#   bash tests/regress.sh --update && git diff tests/regress/
regress_run() {	# out-folder: every NAME.yaml laid out into it
	local f args
	for f in tests/regress/*.yaml; do
		args=
		[ -f "${f%.yaml}.args" ] && args=$(cat "${f%.yaml}.args")
		# shellcheck disable=SC2086
		(cd tests/regress && "$OLDPWD/$MIMEO" -q --format tree $args \
			-o "$OLDPWD/$1/" "$(basename "$f")") ||
			regress_failed "$f: mimeo exit $?"
	done
}
if [ "${1:-}" = --update ]; then
	cd "$(dirname "$0")/.." || exit 2
	MIMEO=${MIMEO:-./mimeo}
	export MIMEO_DATA=$PWD
	regress_failed() { echo "$*" >&2; exit 1; }
	rm -f tests/regress/*.tree
	regress_run tests/regress
	ls tests/regress/*.tree
else
	rm -rf "$T/regress" && mkdir -p "$T/regress"
	regress_failed() { bad "$*"; }
	regress_run "$T/regress"
	for g in tests/regress/*.tree; do
		[ -e "$g" ] || continue
		got="$T/regress/$(basename "$g")"
		if [ ! -f "$got" ]; then
			bad "$g: not made"
		elif cmp -s "$got" "$g"; then
			ok
		else
			bad "$g: the layout differs (bash tests/regress.sh --update, then review git diff):"
			diff "$g" "$got" | head -8
		fi
	done
	for got in "$T"/regress/*.tree; do
		[ -e "$got" ] && [ ! -f "tests/regress/$(basename "$got")" ] &&
			bad "tests/regress/$(basename "$got"): made but no golden file"
	done
fi
