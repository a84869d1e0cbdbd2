#!/bin/bash
# SPDX-License-Identifier: ISC
# Integration test of camsim (docs/camsim.md): brings up 50 simulated
# devices on 127.77.0.0/22, checks the manifest, determinism, the CIDR
# safety check, one HTTP reply, and a clean SIGTERM shutdown.
# Needs bash (for /dev/tcp when curl is absent).  Loopback traffic only.
set -u

BUILD=${CS_BUILDDIR:?CS_BUILDDIR not set}
SRC=${CS_SRCDIR:?CS_SRCDIR not set}
CAMSIM="$BUILD/camsim"
DATA="$SRC/data/camsim"
CIDR=127.77.0.0/22
TMP=$(mktemp -d)
PID=

fail() {
	echo "not ok: $*"
	exit 1
}

cleanup() {
	if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
		kill -TERM "$PID" 2>/dev/null
		wait "$PID" 2>/dev/null
	fi
	rm -rf "$TMP"
}
trap cleanup EXIT

# start NAME SEED: runs camsim in the background, waits for the ready line.
start() {
	"$CAMSIM" --cidr "$CIDR" --count 50 --seed "$2" --data "$DATA" \
	    --manifest "$TMP/$1.jsonl" >"$TMP/$1.out" 2>"$TMP/$1.err" &
	PID=$!
	for _ in $(seq 1 100); do
		grep -q '^camsim: ready 50 devices$' "$TMP/$1.out" && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	cat "$TMP/$1.err"
	fail "camsim did not become ready"
}

# stop: SIGTERM, expect exit status 0.
stop() {
	kill -TERM "$PID" || fail "camsim vanished"
	wait "$PID"
	rc=$?
	PID=
	[ "$rc" -eq 0 ] || fail "camsim exited $rc after SIGTERM"
}

# 1. Safety: refuses anything outside 127.0.0.0/8, and oversized counts.
if "$CAMSIM" --cidr 10.0.0.0/24 --count 5 --seed 1 --data "$DATA" \
    --manifest "$TMP/x.jsonl" 2>"$TMP/x.err"; then
	fail "accepted 10.0.0.0/24"
fi
grep -q 127.0.0.0/8 "$TMP/x.err" || fail "no refusal message"
[ ! -e "$TMP/x.jsonl" ] || fail "wrote a manifest for 10.0.0.0/24"
if "$CAMSIM" --cidr 127.77.0.0/30 --count 3 --seed 1 --data "$DATA" \
    --manifest "$TMP/x.jsonl" 2>/dev/null; then
	fail "accepted 3 devices in a /30"
fi
echo "ok 1 - refuses non-loopback CIDR and oversized count"

# 2. Manifest: 50 lines, every key, sorted, inside the CIDR.
start a 42
[ "$(wc -l <"$TMP/a.jsonl")" -eq 50 ] || fail "manifest has not 50 lines"
for key in ip ports profile brand manufacturer model firmware \
    device_class surveillance mac serial; do
	n=$(grep -c "\"$key\":" "$TMP/a.jsonl")
	[ "$n" -eq 50 ] || fail "key $key in $n of 50 lines"
done
grep -v '"ip":"127\.77\.[0-3]\.[0-9]*"' "$TMP/a.jsonl" && fail "ip outside CIDR"
grep -q '"ip":"127\.0\.0\.1"' "$TMP/a.jsonl" && fail "used 127.0.0.1"
grep -Eq '"mac":"([0-9a-f]{2}:){5}[0-9a-f]{2}"' "$TMP/a.jsonl" ||
	fail "bad mac format"
sed 's/^{"ip":"\([^"]*\)".*/\1/' "$TMP/a.jsonl" >"$TMP/ips"
sort -t. -k1,1n -k2,2n -k3,3n -k4,4n -c "$TMP/ips" || fail "not sorted by ip"
[ "$(sort -u "$TMP/ips" | wc -l)" -eq 50 ] || fail "duplicate addresses"
echo "ok 2 - manifest complete"

# 3. A Hikvision device answers HTTP with its Server header.
hik=$(grep -m1 '"profile":"hikvision-camera"' "$TMP/a.jsonl" |
	sed 's/^{"ip":"\([^"]*\)".*/\1/')
[ -n "$hik" ] || fail "seed 42 produced no hikvision-camera"
if command -v curl >/dev/null 2>&1; then
	curl -s -D "$TMP/h" -o /dev/null --max-time 5 "http://$hik/" ||
		fail "curl $hik failed"
else
	exec 3<>"/dev/tcp/$hik/80" || fail "connect $hik:80"
	printf 'GET / HTTP/1.0\r\nHost: %s\r\n\r\n' "$hik" >&3
	timeout 5 cat <&3 >"$TMP/h"
	exec 3<&-
fi
grep -q '^Server: App-webs/' "$TMP/h" || fail "no App-webs/ Server header"
echo "ok 3 - hikvision HTTP Server header"

# 4. A port sweep's connect-and-close does not disturb it.
for p in 80 554 8000; do
	(exec 3<>"/dev/tcp/$hik/$p") 2>/dev/null || fail "connect $hik:$p"
done
kill -0 "$PID" || fail "camsim died after connect/close"
echo "ok 4 - connect and close"

# 5. SIGTERM exits 0; the same seed gives the same manifest.
stop
start b 42
stop
cmp -s "$TMP/a.jsonl" "$TMP/b.jsonl" || fail "same seed, different manifest"
start c 43
stop
cmp -s "$TMP/a.jsonl" "$TMP/c.jsonl" && fail "different seeds, same manifest"
echo "ok 5 - deterministic, clean SIGTERM exit"
exit 0
