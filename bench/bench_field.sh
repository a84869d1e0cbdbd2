#!/bin/sh
# SPDX-License-Identifier: ISC
# Field-corpus benchmark: feeds every bench/field/*.jsonl through
# `camsweep identify` and prints PRC-surveillance flag recall and
# precision, maker and class accuracy and registry-trap errors, per file
# and overall (bench/field/README.md defines them).  Builds nothing: uses
# $CAMSWEEP, else build/camsweep.  --verbose lists every miss.
#
#   bench/bench_field.sh [--verbose] [FIELD_DIR]
#
# Exit status 0 whatever the figures (it is a benchmark, not a test).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
verbose=
if [ "${1:-}" = "--verbose" ] || [ "${1:-}" = "-v" ]; then
	verbose=--verbose
	shift
fi
field=${1:-$here/field}
bin=${CAMSWEEP:-$root/build/camsweep}
data=${CAMSWEEP_DATA:-$root/data}
if [ ! -x "$bin" ]; then
	echo "bench_field: $bin not found; build first (ninja -C build) or set CAMSWEEP" >&2
	exit 2
fi
echo "camsweep: $bin ($("$bin" --version 2>/dev/null | head -n 1))"
echo "data: $data"
exec python3 "$here/bench_field.py" "$bin" "$data" "$field" $verbose
