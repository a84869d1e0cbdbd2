#!/bin/bash
# SPDX-License-Identifier: ISC
# Observations written per second by 8 concurrent sensors, into
# PostgreSQL and, in the same run, into SQLite:
#  - PostgreSQL: tests/store/test_sensors -- 8 sensor roles under the
#    sealed-site row policies, each its own site, 10 observations, 4
#    evidence rows and 3 ports per host, written in bulk (COPY into
#    session temp tables, set-based moves at each checkpoint);
#  - SQLite: tests/store/bench_store -- 8 writer processes into one file,
#    same host shape, same checkpoint interval.
# Uses $CS_PG_URI if set, else a throwaway server from scripts/pg.sh
# (fsync=off, loopback).  Needs a build in ./build (ninja -C build).
#   bench/bench_pg.sh [hosts_per_sensor [hosts_per_checkpoint]]
#   (defaults 1024 and 256: the engine checkpoints every 250 ms, a few
#   hundred hosts of a fast sensor; an upload checkpoints once per scan)
set -eu
cd "$(dirname "$0")/.."
hosts=${1:-1024}
every=${2:-256}
ninja -C build tests/store/test_sensors tests/store/bench_store >/dev/null
if [ -z "${CS_PG_URI:-}" ]; then
	eval "$(bash scripts/pg.sh start)"
	trap 'bash scripts/pg.sh stop "$CS_PG_DIR"' EXIT
fi
export CS_PG_URI
echo "# $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
CS_SRCDIR=$PWD ./build/tests/store/test_sensors "$hosts" "$every" |
	grep -E '^# 8 sensors|sensors:' | sed 's/^# 8 sensors/postgresql: 8 sensors/'
./build/tests/store/bench_store "$hosts" 8 "$every"
