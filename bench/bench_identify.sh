#!/bin/sh
# SPDX-License-Identifier: ISC
# Throughput and memory of `camsweep identify` (issue #3: at least one
# million observations a minute on one core, memory flat in the input).
#
# Generates realistic JSON Lines input of two sizes (tests/ident/mix.py:
# a mix of every raw kind and single fields, two thirds of the lines
# grouped by device in runs of 2-6 adjacent lines (a third of the draws
# start a device), and some hostile and malformed lines), runs
#   /usr/bin/time -v build/camsweep identify --stats < input > output
# and prints observations per minute and per second, and peak RSS, for
# each size and each engine (issue #17): "pcre2" runs every rule of the
# observation's key through PCRE2 and decodes and identifies every line
# anew (CAMSWEEP_FP_ENGINE=pcre2 CAMSWEEP_IDENT_MEMO=off: the path before
# the prefilter and the memos), "nomemo" lets Hyperscan's scan of the
# rules' required literals and of the brand aliases name the candidates
# first (src/fp/fp_pre.c) but still decodes and matches every line
# (CAMSWEEP_IDENT_MEMO=off), "prefilter" is the default: the prefilter
# and the memos of decoded messages, of what the rules assert of an
# observation and of evidence rows (src/ident/memo.h).  obs/s is by wall
# time; obs/cpu-s by user+system time (the honest per-core figure on a
# shared machine).  After each run of the default engine the bench
# prints how many messages and observations its memos found.
#
# Each line comes from a unit (a simulated device: a "device" group is
# one unit, every ungrouped line a unit of its own, as a scan hears each
# unit answer each probe once), and the messages carry what real units
# put in per unit or per reply, so that a memo of whole messages finds
# only what an estate really repeats:
#   per reply: the HTTP Date header (Hikvision 401, Apache page) and the
#     Digest nonce (Hikvision 401, the single www-authenticate field),
#     the WS-Discovery MessageID, the DVRIP SessionID;
#   per unit: MAC addresses (mac, SADP, the ONVIF MAC scope, DHIP, the
#     Axis mDNS instance/host/TXT, the Axis UPnP serial, friendly name
#     and UDN, the SSDP USN), serial numbers (SADP DeviceSN, DHIP
#     SerialNo/MachineName), UUIDs (SADP Uuid, the WS-Discovery endpoint),
#     the unit's IPv4 address where a message carries it (SADP, WSD
#     XAddrs, SSDP LOCATION, mDNS A record, DHIP) and the serial number
#     of the self-signed certificate.
# Server strings, titles, realms, models, firmware, banners, the RTSP
# reply and the certificate's names stay the model's, so they repeat.
# (Before issue #17's honest mix the input reused some 50 messages in
# all, and the memos of whole messages carried the rate.)
#
# With CAMSWEEP_BEFORE=<another camsweep binary> (a build of an earlier
# commit) a fourth row, "before", runs that binary's default engine on
# the same input, so that one run prints the rate of the earlier build
# and of this one side by side (and the ratio of their obs/cpu-s).
# ENGINES picks the rows (default "pcre2 nomemo prefilter", plus
# "before" when CAMSWEEP_BEFORE is set).  REPEAT=k runs each engine k
# times, the engines in turn, and prints each one's run of least CPU
# time (on a shared machine the load moves the CPU time of a run by a
# fifth; the outputs of the runs are compared too).
#
# The outputs are compared: they must be identical (by checksum: each
# output is removed once summed, so that gigabytes of an earlier run's
# output still being written back do not slow the next run's writes).
#
# usage: [CAMSWEEP_BEFORE=old/camsweep] [ENGINES="before prefilter"]
#        [REPEAT=k] bench/bench_identify.sh [lines-small] [lines-large]
#   (defaults 1000000 and 3000000; build first with ninja -C build;
#   pin to one core with taskset -c 0 for the per-core figure)
set -eu
cd "$(dirname "$0")/.."
exe=${CAMSWEEP:-build/camsweep}
before=${CAMSWEEP_BEFORE:-}
engines=${ENGINES:-pcre2 nomemo prefilter${before:+ before}}
repeat=${REPEAT:-1}
small=${1:-1000000}
large=${2:-3000000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

test -x "$exe" || { echo "bench_identify: build $exe first" >&2; exit 1; }
case " $engines " in
*" before "*)
	test -n "$before" && test -x "$before" || {
		echo "bench_identify: 'before' needs CAMSWEEP_BEFORE=<camsweep binary>" >&2
		exit 1
	} ;;
esac
test -x /usr/bin/time || { echo "bench_identify: needs /usr/bin/time (GNU time)" >&2; exit 1; }

gen() {
	python3 tests/ident/mix.py "$1"
}

run() {
	n=$1
	in=$tmp/in-$n.jsonl
	test -s "$in" || gen "$n" > "$in"
	bytes=$(wc -c < "$in")
	# each engine REPEAT times, the engines taken in turn (so that a
	# change in the machine's load falls on all of them), each row the
	# run of least CPU time
	rep=0
	while test $rep -lt "$repeat"; do
		rep=$((rep + 1))
		for engine in $engines; do
			e=; m=; x=$exe
			case $engine in
			pcre2) e=pcre2; m=off ;;
			nomemo) m=off ;;
			prefilter) ;;
			before) x=$before ;;
			*) echo "bench_identify: unknown engine $engine" >&2; exit 1 ;;
			esac
			CAMSWEEP_FP_ENGINE=$e CAMSWEEP_IDENT_MEMO=$m \
			    /usr/bin/time -v "$x" identify --no-oui --stats \
			    < "$in" > "$tmp/out-$engine" 2> "$tmp/time" || true
			c=$(awk -F': ' '/User time/ {u = $2} /System time/ {y = $2}
			    END {print u + y}' "$tmp/time")
			if test ! -s "$tmp/cpu-$engine" ||
			    awk -v c="$c" -v b="$(cat "$tmp/cpu-$engine")" \
			    'BEGIN {exit !(c < b)}'; then
				echo "$c" > "$tmp/cpu-$engine"
				cp "$tmp/time" "$tmp/time-$engine"
			fi
			md5sum < "$tmp/out-$engine" > "$tmp/sum"
			rm -f "$tmp/out-$engine"
			if test $rep -eq 1; then
				mv "$tmp/sum" "$tmp/sum-$engine"
			elif ! cmp -s "$tmp/sum" "$tmp/sum-$engine"; then
				echo "          OUTPUT DIFFERS between runs of $engine" >&2
				status=1
			fi
		done
	done
	for engine in $engines; do
		t=$tmp/time-$engine
		sec=$(awk -F': ' '/Elapsed \(wall clock\)/ {
			n = split($2, t, ":"); s = 0;
			for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$t")
		user=$(awk -F': ' '/User time/ {print $2}' "$t")
		sys=$(awk -F': ' '/System time/ {print $2}' "$t")
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$t")
		awk -v n="$n" -v s="$sec" -v u="$user" -v y="$sys" -v r="$rss" \
		    -v b="$bytes" -v e="$engine" 'BEGIN {
			if (s <= 0) s = 0.01; c = u + y; if (c <= 0) c = 0.01;
			printf "%-9s %8d obs (%6.1f MB): %6.2f s wall, %6.2f s cpu " \
			       "(%.2f user %.2f sys), %9.0f obs/s, %9.0f obs/cpu-s, " \
			       "%10.0f obs/min, peak RSS %5.1f MB\n",
			       e, n, b / 1e6, s, c, u, y, n / s, n / c, n / s * 60,
			       r / 1024 }' | tee "$tmp/row-$engine"
		# how much the memos found (the default engines only)
		sed -n 's/^identify: memo: \([0-9]*\) of \([0-9]*\) messages found, \([0-9]*\) of \([0-9]*\) observations found, \([0-9]*\) of \([0-9]*\) .*/\1 \2 \3 \4 \5 \6/p' \
		    "$t" | awk '$2 > 0 && $4 > 0 {
			printf "          memo: %d of %d messages found (%.1f%%), " \
			       "%d of %d observations (%.1f%%), %d of %d " \
			       "identities by signature\n",
			       $1, $2, 100 * $1 / $2, $3, $4, 100 * $3 / $4, $5, $6 }'
	done
	if test -s "$tmp/row-before" && test -s "$tmp/row-prefilter"; then
		awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "obs/cpu-s,") r[NR] = $i }
		     END { if (r[1] > 0) printf "          prefilter/before: " \
			   "%.2f times the obs/cpu-s of %s\n", r[2] / r[1], b }' \
		    b="$before" "$tmp/row-before" "$tmp/row-prefilter"
	fi
	same=yes
	for engine in $engines; do
		cmp -s "$tmp/sum-$engine" "$tmp/sum-${engines%% *}" || same=no
	done
	if test $same = yes; then
		echo "          identical output from: $engines"
	else
		echo "          OUTPUT DIFFERS between the engines ($engines)" >&2
		status=1
	fi
	rm -f "$in" "$tmp"/sum-* "$tmp"/row-* "$tmp"/cpu-* "$tmp"/time-*
}

status=0
echo "camsweep identify benchmark ($exe)"
run "$small"
run "$large"
exit $status
