#!/bin/sh
# SPDX-License-Identifier: ISC
# Throughput and memory of `camsweep identify` (issue #3: at least one
# million observations a minute on one core, memory flat in the input).
#
# Generates realistic JSON Lines input of two sizes (a mix of every raw
# kind and single fields, a third of the lines grouped by device in runs
# of 2-6 adjacent lines, and some hostile and malformed lines), runs
#   /usr/bin/time -v build/camsweep identify < input > /dev/null
# and prints observations per minute and per second, and peak RSS, for
# each size and each engine (issue #17): "pcre2" runs every rule of the
# observation's key through PCRE2 and decodes and identifies every line
# anew (CAMSWEEP_FP_ENGINE=pcre2 CAMSWEEP_IDENT_MEMO=off: the path before
# the prefilter and the memos), "nomemo" lets Hyperscan's scan of the
# rules' required literals and of the brand aliases name the candidates
# first (src/fp/fp_pre.c) but still decodes and matches every line
# (CAMSWEEP_IDENT_MEMO=off), "prefilter" is the default: the prefilter
# and the memos of decoded messages, of what the rules assert of an
# observation and of evidence rows (src/ident/memo.h; the input repeats
# the same few dozen messages, as an estate of a few models does, so
# most lines are found in the memo).  obs/s is by wall time; obs/cpu-s
# by user+system time (the honest per-core figure on a shared machine).
# The output of the three is compared: it must be identical (by
# checksum: each output is removed once summed, so that gigabytes of an
# earlier run's output still being written back do not slow the next
# run's writes).
#
# usage: bench/bench_identify.sh [lines-small] [lines-large]
#   (defaults 1000000 and 3000000; build first with ninja -C build)
set -eu
cd "$(dirname "$0")/.."
exe=${CAMSWEEP:-build/camsweep}
small=${1:-1000000}
large=${2:-3000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

test -x "$exe" || { echo "bench_identify: build $exe first" >&2; exit 1; }
test -x /usr/bin/time || { echo "bench_identify: needs /usr/bin/time (GNU time)" >&2; exit 1; }

gen() {
	python3 - "$1" <<'PY'
import json, random, sys
sys.path.insert(0, "tests/ident")
import samples

random.seed(3)
n = int(sys.argv[1])
raw = [
    ("http", samples.HTTP_HIK, 80, None),
    ("http", "HTTP/1.1 200 OK\r\nServer: uc-httpd 1.0.0\r\nContent-Length: 60\r\n\r\n"
             "<html><head><title>NETSurveillance WEB</title></head></html>", 80, None),
    ("http", "HTTP/1.1 200 OK\r\nServer: Apache/2.4.57 (Debian)\r\n\r\n"
             "<title>Apache2 Debian Default Page: It works</title>", 80, None),
    ("rtsp", samples.RTSP_DAHUA, 554, None),
    ("sadp", samples.SADP, 37020, None),
    ("wsd", samples.WSD, 3702, None),
    ("upnp", samples.UPNP, 49152, None),
    ("ssdp", samples.SSDP, 1900, None),
    ("tls-cert", samples.HIK_PEM, 443, None),
    ("banner", "192.0.0.64 login: ", 23, "telnet"),
    ("banner", "SSH-2.0-dropbear_2019.78", 22, "ssh"),
    ("snmp-sysdescr", "Linux printer 4.14.0 HP LaserJet", 161, None),
    ("mac", "58:50:ed:00:00:01", 0, None),
]
binary = [
    ("mdns", samples.axis_mdns(), 5353),
    ("dhip", samples.dhip_frame(), 37810),
    ("dvrip", samples.xm_frame(), 34567),
]
fields = [
    ("http.server", "App-webs/"), ("http.server", "Webs"), ("http.server", "nginx"),
    ("http.title", "LOREX"), ("http.title", "Login"), ("http.www-authenticate",
    'Digest realm="IP Camera(C2189)", nonce="1"'), ("rtsp.server", "Dahua Rtsp Server"),
    ("tls.subject", samples.HIK_SUBJECT), ("http.favicon-md5", "89b932fcc47cf4ca3faadb0cfdef89cf"),
]
pre = []
for kind, data, port, svc in raw:
    o = {"kind": kind, "data": data, "port": port}
    if svc:
        o["service"] = svc
    pre.append(json.dumps(o)[1:-1])
for kind, data, port in binary:
    pre.append(json.dumps({"kind": kind, "data_hex": data.hex(), "port": port})[1:-1])
for kind, data in fields:
    for _ in range(4):  # single fields are the commonest export
        pre.append(json.dumps({"kind": kind, "data": data})[1:-1])
bad = ['{"id":"bad","kind":"nope","data":"x"}', 'not json at all',
       '{"id":"h","kind":"banner","data":"\\u001b[2J\\u0000evil"}']
out = sys.stdout
i = 0
dev = 0
w = out.write
while i < n:
    r = random.random()
    if r < 0.001:
        w(bad[i % 3] + "\n"); i += 1
    elif r < 0.33:
        dev += 1
        for _ in range(min(random.randint(2, 6), n - i)):
            w('{"device":"dev%d",%s}\n' % (dev, random.choice(pre))); i += 1
    else:
        w('{"id":%d,%s}\n' % (i, random.choice(pre))); i += 1
PY
}

run() {
	n=$1
	in=$tmp/in-$n.jsonl
	test -s "$in" || gen "$n" > "$in"
	bytes=$(wc -c < "$in")
	for engine in pcre2 nomemo prefilter; do
		e=; m=
		case $engine in
		pcre2) e=pcre2; m=off ;;
		nomemo) m=off ;;
		esac
		CAMSWEEP_FP_ENGINE=$e CAMSWEEP_IDENT_MEMO=$m \
		    /usr/bin/time -v "$exe" identify --no-oui \
		    < "$in" > "$tmp/out-$engine" 2> "$tmp/time" || true
		sec=$(awk -F': ' '/Elapsed \(wall clock\)/ {
			n = split($2, t, ":"); s = 0;
			for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tmp/time")
		user=$(awk -F': ' '/User time/ {print $2}' "$tmp/time")
		sys=$(awk -F': ' '/System time/ {print $2}' "$tmp/time")
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
		awk -v n="$n" -v s="$sec" -v u="$user" -v y="$sys" -v r="$rss" \
		    -v b="$bytes" -v e="$engine" 'BEGIN {
			if (s <= 0) s = 0.01; c = u + y; if (c <= 0) c = 0.01;
			printf "%-9s %8d obs (%6.1f MB): %6.2f s wall, %6.2f s cpu " \
			       "(%.2f user %.2f sys), %9.0f obs/s, %9.0f obs/cpu-s, " \
			       "%10.0f obs/min, peak RSS %5.1f MB\n",
			       e, n, b / 1e6, s, c, u, y, n / s, n / c, n / s * 60,
			       r / 1024 }'
		md5sum < "$tmp/out-$engine" > "$tmp/sum-$engine"
		rm -f "$tmp/out-$engine"
	done
	if cmp -s "$tmp/sum-pcre2" "$tmp/sum-prefilter" &&
	    cmp -s "$tmp/sum-pcre2" "$tmp/sum-nomemo"; then
		echo "          identical output from the three"
	else
		echo "          OUTPUT DIFFERS between the engines" >&2
		status=1
	fi
	rm -f "$in" "$tmp"/sum-*
}

status=0
echo "camsweep identify benchmark ($exe)"
run "$small"
run "$large"
exit $status
