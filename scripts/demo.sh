#!/bin/sh
# SPDX-License-Identifier: ISC
# The demo audit: builds camsweep and camsim, brings up a simulated estate
# of a few hundred devices on loopback (127.42.0.0/20), scans it into the
# embedded SQLite inventory (./camsweep-demo.db), prints what it found and
# stops the fleet.  Nothing leaves the machine: every address is 127/8.
set -eu
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null

CIDR=127.42.0.0/20
DB=${DB:-camsweep-demo.db}
tmp=$(mktemp -d)
sim=
stop_fleet() { # idempotent: the EXIT trap may run after the fleet stopped
	[ -n "$sim" ] || return 0
	kill "$sim" 2>/dev/null || true
	wait "$sim" 2>/dev/null || true
	sim=
}
trap 'stop_fleet; rm -rf "$tmp"' EXIT

echo "== bringing up a simulated estate of 300 devices on $CIDR"
mkfifo "$tmp/ready"
build/camsim --cidr "$CIDR" --count 300 --seed 2022 \
    --manifest "$tmp/manifest.jsonl" >"$tmp/ready" &
sim=$!
read -r line <"$tmp/ready"
echo "   $line"

echo "== camsweep scan $CIDR  (inventory: $DB)"
rm -f "$DB"
build/camsweep scan --db "$DB" --rate 20000 --max-conns 1024 \
    --read-timeout 1500 "$CIDR"

echo
echo "== the same inventory, read back without scanning: makers found"
build/camsweep show --db "$DB" --json |
    python3 -c 'import json,sys,collections
c=collections.Counter((d["manufacturer"] or "unknown", d["manufacturer_country"] or "?") for d in map(json.loads,sys.stdin))
for (m,cc),n in c.most_common(): print("   %4d  %-16s %s" % (n,m,cc))'
echo "== stopping the fleet"
stop_fleet

echo
echo "== local discovery on a namespace estate (WS-Discovery, SADP, DHIP, SSDP, mDNS)"
python3 scripts/demo_discovery.py
