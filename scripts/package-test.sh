#!/bin/bash
# SPDX-License-Identifier: ISC
# The Debian package, end to end: builds it from a copy of the tree with
# `dpkg-buildpackage -us -uc -b`, checks it with lintian (no errors),
# installs it, then scans a simulated estate on loopback (127.91.19.0/26)
# with the installed /usr/bin/camsweep from another directory, and checks
# that the installed binary found its installed data and the devices.
# The package is removed again afterwards unless it was installed before.
# Needs root (dpkg -i) and build/camsim from the ordinary build.
#   KEEP_PKG=1  leave the package installed
set -eu
cd "$(dirname "$0")/.."
src=$PWD
[ "$(id -u)" -eq 0 ] || { echo "package-test: needs root" >&2; exit 1; }
[ -x build/camsim ] || { echo "package-test: build/camsim missing (ninja -C build)" >&2; exit 1; }
was_installed=0
dpkg-query -W -f='${Status}' camsweep 2>/dev/null | grep -q "ok installed" &&
    was_installed=1
tmp=$(mktemp -d)
sim=
cleanup() {
	[ -n "$sim" ] && { kill "$sim" 2>/dev/null; wait "$sim" 2>/dev/null; }
	if [ "$was_installed" = 0 ] && [ "${KEEP_PKG:-0}" = 0 ]; then
		dpkg -P camsweep >/dev/null 2>&1 || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "== building the package (dpkg-buildpackage -us -uc -b)"
mkdir "$tmp/src"
# The tree as git sees it (tracked and new files, no build directories);
# outside a git checkout, everything but build*/ and .git.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
	    grep -zv '^build' | tar -C "$src" --null -T - -cf - |
	    tar -C "$tmp/src" -xf -
else
	tar -C "$src" --exclude='./build*' --exclude=./.git --exclude='./obj-*' \
	    -cf - . | tar -C "$tmp/src" -xf -
fi
(cd "$tmp/src" && DEB_BUILD_OPTIONS="nocheck parallel=${JOBS:-2}" \
    dpkg-buildpackage -us -uc -b >"$tmp/build.log" 2>&1) ||
    { tail -40 "$tmp/build.log"; echo "package-test: build failed" >&2; exit 1; }
deb=$(ls "$tmp"/camsweep_*.deb)
echo "   $(basename "$deb")"

echo "== lintian"
lintian --fail-on error --suppress-tags-from-file /dev/null "$deb" | tee "$tmp/lintian.log"
if grep -q '^E:' "$tmp/lintian.log"; then
	echo "package-test: lintian errors" >&2
	exit 1
fi

echo "== installing"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
for f in /usr/bin/camsweep /usr/share/camsweep/fingerprints \
    /usr/share/man/man1/camsweep.1.gz /usr/share/bash-completion/completions/camsweep \
    /usr/share/zsh/vendor-completions/_camsweep /etc/camsweep/scan.conf \
    /lib/systemd/system/camsweep-scan.service /lib/systemd/system/camsweep-scan.timer \
    /usr/lib/sysusers.d/camsweep.conf /usr/share/doc/camsweep/copyright; do
	[ -e "$f" ] || { echo "package-test: $f not installed" >&2; exit 1; }
done
id camsweep >/dev/null || { echo "package-test: no camsweep user" >&2; exit 1; }
/usr/bin/camsweep -V | grep -qx 'data directory: /usr/share/camsweep' ||
    { /usr/bin/camsweep -V; echo "package-test: wrong data directory" >&2; exit 1; }

echo "== scanning camsim on 127.91.19.0/26 with /usr/bin/camsweep"
mkfifo "$tmp/ready"
build/camsim --cidr 127.91.19.0/26 --count 30 --seed 19 \
    --manifest "$tmp/manifest.jsonl" >"$tmp/ready" &
sim=$!
read -r _ <"$tmp/ready"
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
env -u CAMSWEEP_DATA HOME="$tmp/elsewhere" XDG_DATA_HOME= \
    /usr/bin/camsweep scan --quiet --json --all --rate 5000 127.91.19.0/26 \
    >"$tmp/scan.jsonl"
cd "$src"
python3 - "$tmp/manifest.jsonl" "$tmp/scan.jsonl" <<'PY'
import json, sys
man = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
got = {d["ip"]: d for d in map(json.loads, open(sys.argv[2])) if d}
want = {m["ip"] for m in man}
missing = sorted(want - set(got))
named = sum(1 for ip in want & set(got) if got[ip].get("manufacturer"))
print("   %d devices in camsim, %d found, %d with a maker" % (len(want), len(want & set(got)), named))
if missing or named == 0:
    sys.exit("package-test: missing %s" % missing[:5])
PY
db="$tmp/elsewhere/.local/share/camsweep/camsweep.db"
[ "$(stat -c %a "$db")" = 600 ] ||
    { echo "package-test: default inventory $db not 0600" >&2; exit 1; }
echo "package-test: ok"
