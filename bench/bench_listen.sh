#!/bin/sh
# SPDX-License-Identifier: ISC
# Throughput of `camsweep listen --read` against tshark extracting the
# same fields (issue #7: goal at least 10 times tshark's throughput).
#
# Generates a capture of SIZE MiB (default 1024) in /tmp with
# build/tests/passive/gen_capture (libpcap; a mix of DNS questions, TLS
# ClientHellos with SNI, HTTP responses, UDP and bulk TCP, some of it to
# listed phone-home names), then times
#   camsweep listen --read FILE --no-db --json > /dev/null
#   tshark -r FILE -T fields -e ip.src -e dns.qry.name \
#       -e tls.handshake.extensions_server_name -e http.server > /dev/null
# and prints MB/s, packets/s and the ratio.  The capture is deleted after.
#
# BENCH_MODE=small writes small packets instead (bare 60-byte TCP
# segments, 20-byte UDP datagrams, the same DNS/TLS/HTTP messages): the
# packet rate rather than the byte rate.
#
# usage: bench/bench_listen.sh [SIZE-MiB]   (build first: ninja -C build)
# tshark: DEBIAN_FRONTEND=noninteractive apt-get install -y tshark
set -eu
cd "$(dirname "$0")/.."
exe=${CAMSWEEP:-build/camsweep}
gen=${GEN_CAPTURE:-build/tests/passive/gen_capture}
size=${1:-1024}
tmp=$(mktemp -d /tmp/bench_listen.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

test -x "$exe" || { echo "bench_listen: build $exe first" >&2; exit 1; }
test -x "$gen" || { echo "bench_listen: build $gen first" >&2; exit 1; }
command -v tshark >/dev/null || { echo "bench_listen: needs tshark" >&2; exit 1; }

cap="$tmp/bench.pcap"
echo "bench_listen: writing a $size MiB capture" >&2
case ${BENCH_MODE:-} in
small) "$gen" bench-small "$cap" "$size" ;;
*) "$gen" bench "$cap" "$size" ;;
esac
bytes=$(stat -c %s "$cap")
packets=$(capinfos -c -M "$cap" 2>/dev/null | awk -F: '/Number of packets/ {gsub(/ /,"",$2); print $2}')
[ -n "$packets" ] || packets=0

now() { date +%s.%N; }

# Warm the page cache so both tools read from memory.
cat "$cap" > /dev/null

t0=$(now)
"$exe" listen --read "$cap" --no-db --json --stats > /dev/null 2> "$tmp/cs.err"
t1=$(now)
t2=$(now)
tshark -r "$cap" -T fields -e ip.src -e dns.qry.name \
    -e tls.handshake.extensions_server_name -e http.server > /dev/null 2> "$tmp/ts.err"
t3=$(now)

awk -v b="$bytes" -v p="$packets" -v a="$t0" -v c="$t1" -v d="$t2" -v e="$t3" 'BEGIN {
	cs = c - a; ts = e - d
	printf "capture: %.1f MiB, %d packets\n", b / 1048576, p
	printf "camsweep listen: %7.2f s  %8.1f MB/s  %10.0f packets/s\n", cs, b / 1e6 / cs, p / cs
	printf "tshark fields:   %7.2f s  %8.1f MB/s  %10.0f packets/s\n", ts, b / 1e6 / ts, p / ts
	printf "ratio (tshark time / camsweep time): %.1fx\n", ts / cs
}'
sed 's/^/camsweep: /' "$tmp/cs.err" >&2
