#!/bin/bash
# SPDX-License-Identifier: ISC
# Observations written per second into PostgreSQL by 8 concurrent sensors
# (each its own role under row-level security, 10 observations, 4
# evidence rows and 3 ports per host, a checkpoint every 16 hosts).
# Uses $CS_PG_URI if set, else a throwaway server from scripts/pg.sh.
#   bench/bench_pg.sh [hosts_per_sensor]   (default 256)
# Needs a build in ./build (ninja -C build).
set -eu
cd "$(dirname "$0")/.."
hosts=${1:-256}
ninja -C build tests/store/test_sensors >/dev/null
if [ -z "${CS_PG_URI:-}" ]; then
	eval "$(bash scripts/pg.sh start)"
	trap 'bash scripts/pg.sh stop "$CS_PG_DIR"' EXIT
fi
export CS_PG_URI
CS_SRCDIR=$PWD ./build/tests/store/test_sensors "$hosts" | grep -E '^# 8 sensors|sensors:'
