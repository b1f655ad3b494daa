#!/usr/bin/env bash
# tests/bare-machine.sh - SPEC section 12 on a bare Debian 12, as a new
# user meets it.  Not part of `make test`: it takes minutes, needs root,
# debootstrap and the network (the apt mirror of this machine's sources).
#
#   sudo bash tests/bare-machine.sh [WORKDIR]     (default /var/tmp/mimeo-bare)
#
# 1. a debootstrap --variant=minbase chroot (no make, no compiler) with a
#    clean clone of this checkout's HEAD: the README's first code block,
#    each command exactly as written; then `make install` and the
#    installed mimeo run from another folder with no environment variable;
# 2. the .deb built there with `dpkg-buildpackage -b -us -uc`;
# 3. a second fresh chroot: `apt-get install ./mimeo_*.deb`, a worksheet
#    printed there.
# Prints the time of each step and the sizes; exits non-zero at the first
# failure.  The minbase tree is kept in WORKDIR/base for the next run.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
W=${1:-/var/tmp/mimeo-bare}
mkdir -p "$W"
W=$(cd "$W" && pwd)

mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources \
	2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" { print $2; exit }' \
	/etc/apt/sources.list 2>/dev/null)
mirror=${mirror:-http://deb.debian.org/debian}

step() { echo; echo "=== $* ($(date -u +%T))"; }
# timed LABEL COMMAND...: runs it, then prints "LABEL: N s"
timed() {
	local label=$1 t0=$SECONDS; shift
	"$@"
	echo "--- $label: $((SECONDS - t0)) s"
}
mounted=()
cleanup() {
	local m
	for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || true; done
}
trap cleanup EXIT

# fresh NAME: a copy of the minbase tree with /proc and DNS
fresh() {
	local r=$W/$1
	[ -d "$r" ] && { umount "$r/proc" 2>/dev/null || true; rm -rf "$r"; }
	cp -a "$W/base" "$r"
	cp /etc/resolv.conf "$r/etc/resolv.conf"
	mount --bind /proc "$r/proc"
	mounted+=("$r/proc")
}
# inside NAME SCRIPT: run a shell script in the chroot, as root
inside() { chroot "$W/$1" /usr/bin/env -i HOME=/root TERM=dumb DEBIAN_FRONTEND=noninteractive \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	/bin/sh -ec "$2"; }

if [ ! -x "$W/base/bin/sh" ]; then
	step "debootstrap --variant=minbase bookworm ($mirror)"
	timed debootstrap debootstrap --variant=minbase bookworm "$W/base" \
		"$mirror" >"$W/debootstrap.log"
fi
echo "minbase tree: $(du -shx "$W/base" | cut -f1)"

step "chroot 1: a clean clone of $(git -C "$repo" rev-parse --short HEAD)"
fresh one
git clone -q --no-hardlinks "$repo" "$W/one/root/mimeo"
git -C "$W/one/root/mimeo" checkout -q "$(git -C "$repo" rev-parse HEAD)"
inside one 'for c in make cc gcc; do command -v $c && exit 1; done; echo "no make, no compiler"'

# The README's first code block, each line without its comment.
mapfile -t cmds < <(awk '/^```/ { if (inblock) exit; inblock = 1; next }
	inblock { sub(/ *#.*/, ""); if ($0 != "") print }' "$repo/README.md")
[ "${#cmds[@]}" = 2 ] || { echo "README: expected two commands, got ${#cmds[@]}"; exit 1; }
for c in "${cmds[@]}"; do
	step "README: $c"
	timed "$c" inside one "cd /root/mimeo && $c" 2>&1 | tee "$W/one.log" | \
		grep -v '^wrote \|^Get:\|^Selecting\|^Preparing\|^Unpacking\|^Setting up\|^Processing' || true
	tail -1 "$W/one.log" | grep -q '^--- ' || { echo "FAILED: $c"; exit 1; }
done
grep -E '^[0-9]+ passed, 0 failed' "$W/one.log" || { echo "tests failed"; exit 1; }
echo "chroot after the README's commands: $(du -shx "$W/one" | cut -f1)"

step "make install, then the installed mimeo from another folder"
timed "make install" inside one 'cd /root/mimeo && make -s install'
inside one 'unset MIMEO_DATA; mkdir -p /srv/class && cd /srv/class &&
	cp /root/mimeo/problems/math/grade5/adding-fractions.yaml . &&
	command -v mimeo && mimeo worksheet -o sheet.pdf adding-fractions.yaml &&
	mimeo --lang es key -o clave.pdf adding-fractions.yaml &&
	pdfinfo sheet.pdf | grep -E "^(Title|Pages)" && pdftotext clave.pdf - | grep -m1 -i "clave" &&
	man -w mimeo 2>/dev/null || ls /usr/local/share/man/man1/mimeo.1 /usr/local/share/man/man5/mimeo.5'
timed "make uninstall" inside one 'cd /root/mimeo && make -s uninstall &&
	! command -v mimeo && [ ! -e /usr/local/share/mimeo ] && echo "uninstalled"'

step "the .deb: dpkg-buildpackage -b -us -uc"
timed "build-deps" inside one 'apt-get install -y -q --no-install-recommends dpkg-dev debhelper >/dev/null &&
	cd /root/mimeo && apt-get build-dep -y -q ./ >/dev/null'
timed "dpkg-buildpackage" inside one 'cd /root/mimeo && dpkg-buildpackage -b -us -uc >/root/deb.log 2>&1 ||
	{ tail -40 /root/deb.log; exit 1; }; grep -E "passed, [0-9]+ failed" /root/deb.log || true'
deb=$(ls "$W"/one/root/mimeo_*.deb)
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) kB"
dpkg-deb -c "$deb" | awk '{ print $6 }' | grep -E 'bin/mimeo$|mimeo\.[15]|worksheet\.yaml|schema' 

step "chroot 2: apt-get install ./$(basename "$deb"), print a worksheet"
fresh two
cp "$deb" "$W/two/root/"
cp "$repo/problems/math/grade5/adding-fractions.yaml" "$W/two/root/"
timed "apt-get install" inside two 'apt-get update -q >/dev/null &&
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./root/mimeo_*.deb | grep -E "newly installed|Need to get|After this"'
inside two 'cd /tmp && mimeo worksheet -o - /root/adding-fractions.yaml >sheet.pdf &&
	head -c 8 sheet.pdf && echo && ls -l sheet.pdf && mimeo list /root'
echo "chroot 2 with mimeo installed: $(du -shx "$W/two" | cut -f1)"
step "all steps passed"
