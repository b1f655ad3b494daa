#!/usr/bin/env bash
# The whole test suite.  Prints a line per failure and ends with
# "N passed, N failed"; exits non-zero when anything failed.
#   MIMEO=path/to/mimeo  test another build (check-asan uses this)
#   UNIT=path/to/unit
set -u
cd "$(dirname "$0")/.." || exit 2
MIMEO=${MIMEO:-./mimeo}
UNIT=${UNIT:-tests/unit}
export MIMEO_DATA=$PWD          # templates/ of this checkout
# The tests read UTF-8 text (wc -L, pango-view): the locale every Debian
# has, whatever the shell's (a bare machine's root shell has none, POSIX).
export LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH
T=tests/tmp
rm -rf "$T" && mkdir -p "$T"
pass=0
fail=0

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: passes when the command succeeds
check() { local d=$1; shift; if "$@" >/dev/null 2>&1; then ok; else bad "$d"; fi; }

# mkvar EXPR: a make expression evaluated with the Makefile's variables.
mkvar() { make -s --no-print-directory --eval "run-print: ; @echo $1" run-print; }
# test_cc OUT SRC...: builds a test program with the library objects and
# flags of the build under test (ASan's under check-asan); log in OUT.log
test_cc() {
	local out=$1 objs flags; shift
	case $MIMEO in
	build-asan/*)	objs=$(mkvar '$(filter-out build-asan/driver/main.o,$(ASAN_OBJS))')
			flags=$(mkvar '$(CFLAGS) $(ASAN_FLAGS) $(CPPFLAGS)') ;;
	*)		objs=$(mkvar '$(LIB_OBJS)')
			flags=$(mkvar '$(CFLAGS) $(CPPFLAGS)') ;;
	esac
	make -s $objs >"$out.log" 2>&1 &&
	$(mkvar '$(CC)') $flags $(mkvar '$(GEN_INC)') -o "$out" "$@" $objs \
		$(mkvar '$(LDFLAGS) $(LDLIBS)') >>"$out.log" 2>&1
}

# 1. Unit tests: the binary prints "ok NAME" or "FAIL NAME: why" per case.
if [ -x "$UNIT" ]; then
	while IFS= read -r line; do
		case $line in
		ok\ *) ok ;;
		FAIL*) bad "unit: ${line#FAIL }" ;;
		esac
	done < <("$UNIT" 2>&1; echo "exit $?")
else
	bad "unit tests not built ($UNIT)"
fi

# 2. The bad-input catalog: tests/bad/NAME.yaml must fail `mimeo check`
#    with exactly the messages in NAME.err and exit status 1 (or the one
#    in NAME.status), and `mimeo NAME.yaml` must write nothing.
for f in tests/bad/*.yaml tests/bad/*.yml; do
	[ -e "$f" ] || continue
	name=${f%.*}
	base=$(basename "$f")
	want_status=1
	[ -f "$name.status" ] && want_status=$(cat "$name.status")
	got=$(cd tests/bad && "../../$MIMEO" check "$base" 2>&1 >/dev/null)
	status=$?
	if [ "$status" != "$want_status" ]; then
		bad "$f: exit status $status, expected $want_status"
	elif [ ! -f "$name.err" ]; then
		bad "$f: no expected messages ($name.err)"
	elif [ "$got" != "$(cat "$name.err")" ]; then
		bad "$f: messages differ:"; diff <(echo "$got") "$name.err" | head -10
	else
		ok
	fi
	rm -rf "$T/bad" && mkdir -p "$T/bad"
	"$MIMEO" -q -o "$T/bad/" "$f" >/dev/null 2>&1
	if [ -n "$(ls -A "$T/bad")" ]; then
		bad "$f: a failed run left files: $(ls -A "$T/bad")"
	else
		ok
	fi
done

# Files that are unusual but right (CRLF, byte-order marks, UTF-16 with a
# BOM, flow style, comments everywhere) must load without a message.
for f in tests/good/*.yaml; do
	[ -e "$f" ] || continue
	out=$("$MIMEO" check -q "$f" 2>&1); st=$?
	[ $st = 0 ] && [ -z "$out" ] && ok || bad "$f: exit $st: $(head -2 <<<"$out")"
done

# 3. End-to-end: YAML in, PDF out, read back with poppler and qpdf.
. tests/e2e.sh
. tests/discussion.sh
# Golden display lists: what layout put where, as text.
. tests/regress.sh
# The pipeline in the tree: no stage of gen/ includes a later one's header.
. tests/stages.sh
# The library as a web page, in a browser.
. tests/index.sh

# Variables and versions, read back.
. tests/versions.sh
# The key of a draw per student: the table, worked keys with --key full.
. tests/keys.sh
# Class sets made from one layout per version: as if laid out in full.
. tests/reuse.sh
# The name block at the top of a worksheet, in named and blank copies.
. tests/fields.sh
# The decimal comma of Spanish: dec(), math, keys and worksheets.
. tests/decimal.sh
# Substitute packets and mimeo list.
. tests/packets.sh
# Footers on one line: a long title cut, never the version or the name.
. tests/footer.sh
# Problems in parts, two columns, pages that are filled (after reuse.sh:
# uses reuse_case).
. tests/parts.sh

# Writing systems: line breaking (UAX #14), mimeo list's columns.
. tests/scripts.sh
# Every line of the Hindi, Arabic and French library sets against pango.
. tests/inkpage.sh

# 4. The cairo backends (PNG, SVG, PostScript) against the PDF.
. tests/cairo.sh

# 5. Pictures in problems, in the PDF and through cairo.
. tests/images.sh

# Tables, word banks, hint cards, bonus, the grade table, new_page.
. tests/tables.sh

# 9b. Figures drawn from numbers: what each draws, key items, ink.
. tests/figures.sh

# Files from spreadsheets and word processors; where output may go.
. tests/teacher.sh
. tests/marking.sh

# Long lines, special files, signals, stale temporaries, strict numbers,
# mimeo list with links (issue 24).
. tests/robust.sh

# Installed like real software: schema, man pages, make install, PDF
# metadata, -o - (SPEC section 12).
. tests/install.sh

# 6. Fuzz regressions, limits, and a short fuzz run (tests/fuzz/).
. tests/fuzz.sh

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
