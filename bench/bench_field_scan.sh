#!/bin/sh
# SPDX-License-Identifier: ISC
# Field-corpus benchmark of the scan path: serves every bench/field/*.jsonl
# unit as a live loopback host with `camsim --replay` (127.203.0.0/16
# only), scans them with `camsweep scan --json` on the default ports plus
# the ports camsim served lines on (or exactly --ports LIST), and
# prints bench_field.sh's figures for the scan path beside identify's,
# plus how many units scan and identify disagree on (maker, class,
# surveillance) given the same bytes.  Builds nothing: uses $CAMSWEEP,
# else build/camsweep, and $CAMSIM, else build/camsim.  --verbose lists
# every disagreement and every scan-path miss.
#
#   bench/bench_field_scan.sh [--verbose] [--ports LIST] [FIELD_DIR]
#
# Exit status 0 whatever the figures (it is a benchmark, not a test).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
verbose=
ports=
while [ $# -gt 0 ]; do
	case $1 in
	--verbose | -v) verbose=--verbose; shift ;;
	--ports) ports="--ports $2"; shift 2 ;;
	*) break ;;
	esac
done
field=${1:-$here/field}
bin=${CAMSWEEP:-$root/build/camsweep}
sim=${CAMSIM:-$root/build/camsim}
data=${CAMSWEEP_DATA:-$root/data}
for b in "$bin" "$sim"; do
	if [ ! -x "$b" ]; then
		echo "bench_field_scan: $b not found; build first (ninja -C build)" >&2
		exit 2
	fi
done
echo "camsweep: $bin ($("$bin" --version 2>/dev/null | head -n 1))"
echo "camsim: $sim"
echo "data: $data"
exec python3 "$here/bench_field_scan.py" "$bin" "$sim" "$data" "$field" $verbose $ports
