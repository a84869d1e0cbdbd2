#!/bin/bash
# SPDX-License-Identifier: ISC
# Benchmark (not a test): camsweep against nmap on the same simulated
# estate.  Brings up 1,000 camsim devices scattered over 127.60.0.0/16,
# scans the /16 with camsweep and with nmap -sT -sV on the same ports, and
# prints for each: wall time, addresses per second, devices found, devices
# whose maker was named correctly, peak memory; then the ratios.
# Everything stays on loopback.  Installs nmap if missing.
#   COUNT (1000)  CIDR (127.60.0.0/16)  NMAP_TIMEOUT (seconds, 900: nmap is cut off there and scored on what it covered)
set -eu
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000}
CIDR=${CIDR:-127.60.0.0/16}
NMAP_TIMEOUT=${NMAP_TIMEOUT:-900}
case "$CIDR" in 127.*) ;; *) echo "bench: loopback only" >&2; exit 1 ;; esac
command -v nmap >/dev/null || {
	SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get install -y -qq nmap >/dev/null
}
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null

out=$(mktemp -d /tmp/cs-bench.XXXXXX)
mkfifo "$out/ready"
build/camsim --cidr "$CIDR" --count "$COUNT" --seed 1889 \
    --manifest "$out/manifest.jsonl" >"$out/ready" &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null' EXIT
read -r line <"$out/ready"
echo "bench: $line on $CIDR (work dir $out)"
PORTS=$(build/camsweep scan --help | sed -n 's/.*--ports LIST.*default \([0-9,]*\)).*/\1/p')

echo "bench: camsweep scan $CIDR"
/usr/bin/time -v -o "$out/camsweep.time" build/camsweep scan --db "$out/bench.db" \
    --allow-large --rate 0 --max-conns 4096 --read-timeout 2000 \
    --json --all -q --ports "$PORTS" "$CIDR" >"$out/camsweep.jsonl"

echo "bench: nmap -sT -sV -Pn -T4 -p $PORTS $CIDR (may take a long time)"
start=$(date +%s.%N)
/usr/bin/time -v -o "$out/nmap.time" timeout "$NMAP_TIMEOUT" \
    nmap -sT -sV -Pn -T4 -n -p "$PORTS" -oX "$out/nmap.xml" "$CIDR" \
    >/dev/null 2>"$out/nmap.err" || echo "bench: nmap did not finish (timeout $NMAP_TIMEOUT s)"
echo "$(date +%s.%N) - $start" | bc >"$out/nmap.wall" 2>/dev/null || true

python3 bench/score.py "$out" "$CIDR"
