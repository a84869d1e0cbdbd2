#!/bin/bash
# SPDX-License-Identifier: ISC
# Large-estate query timings (issue 13 item 4): builds a synthetic estate
# straight into PostgreSQL (bench/estate_gen.sql: sites, one complete scan,
# devices, sightings, ports, observations, evidence, reach records), then
# times `camsweep assess` (twice: the first run raises every finding, the
# second updates them), `report --format json`, `csv` and `html` (each with
# the load average before and after), and prints the EXPLAIN (ANALYZE,
# BUFFERS) plans of the statements that dominate them.  Uses $CS_PG_URI if set (it must be an empty database
# owned by the connecting role), else a throwaway server from
# scripts/pg.sh (fsync=off, loopback only).  Needs ./build.
#   bench/bench_estate.sh [devices [observations [sites [timeout_s]]]]
#   defaults 100000 5000000 50 600; the issue's size is 1000000 50000000 500
#   CAMSWEEP=/path/to/camsweep times that binary instead of ./build's;
#   CS_ESTATE_MEM_KB caps each timed command's address space (16 GiB);
#   CS_ESTATE_REUSE=1 with CS_PG_URI: when that database already holds
#   the bench estate of this size (a previous run's), skip generating it
#   and only empty the findings, so the first assess raises them all
#   again (the 1M/50M estate takes minutes and ~9 GB to build)
set -eu
cd "$(dirname "$0")/.."
devices=${1:-100000}
obs=${2:-5000000}
sites=${3:-50}
limit=${4:-600}
mem=${CS_ESTATE_MEM_KB:-16777216} # 16 GiB per timed command
cs=${CAMSWEEP:-./build/camsweep} # CAMSWEEP=path times another build
[ -n "${CAMSWEEP:-}" ] || ninja -C build camsweep >/dev/null
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
own_server=
if [ -z "${CS_PG_URI:-}" ]; then
	eval "$(bash scripts/pg.sh start)"
	own_server=$CS_PG_DIR # only a server started here is stopped here
fi
work=$(mktemp -d /tmp/cs-estate.XXXXXX)
trap 'rm -rf "$work"; [ -n "$own_server" ] && bash scripts/pg.sh stop "$own_server"' EXIT
q() { "$psql" "$CS_PG_URI" -qAtX "$@"; }
exec 3>&1 # timings go here even when a command's output is redirected
secs() { date +%s.%N; }
load1() { cut -d' ' -f1 /proc/loadavg; }
timed() { # timed NAME CMD...: prints NAME, seconds, exit status
	local name=$1 t0 t1 rc=0 l0
	shift
	l0=$(load1)
	t0=$(secs)
	# at most $mem KiB of address space: a report that outgrows the
	# machine fails by itself instead of waking the OOM killer
	(ulimit -v "$mem" && exec timeout "$limit" "$@") || rc=$?
	t1=$(secs)
	# the 1-minute load average before -> after: the machine is shared
	printf '%-22s %8.1f s  (exit %d%s)  load %s -> %s\n' "$name" \
	    "$(echo "$t1 - $t0" | bc)" "$rc" \
	    "$([ $rc -eq 124 ] && echo ", killed at ${limit} s")" "$l0" "$(load1)" >&3
}
echo "# $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $devices devices, $obs observations, $sites sites"
have=
if [ -n "${CS_ESTATE_REUSE:-}" ] && [ -z "$own_server" ]; then
	have=$(q -c "SELECT count(*) FROM sighting WHERE scan_id = 1000" 2>/dev/null || true)
fi
if [ "$have" = "$devices" ]; then
	echo "# reusing the estate in the database; findings emptied"
	q -c "TRUNCATE finding, finding_event"
else
	$cs db init --db "$CS_PG_URI" >/dev/null
	t0=$(secs)
	q -v devices="$devices" -v obs="$obs" -v sites="$sites" -f bench/estate_gen.sql
	printf 'generate               %8.1f s\n' "$(echo "$(secs) - $t0" | bc)"
fi
q -c "SELECT 'database size ' || pg_size_pretty(pg_database_size(current_database()))"
# the estate file: one department per 50 sites, site k owns 10.0.0.0/11 + k*4096
awk -v n="$sites" 'BEGIN {
	for (d = 0; d * 50 < n; d++) printf "department \"Dept %d\" id=d%d\n", d, d
	for (k = 0; k < n; k++) {
		printf "site \"Site %d\" id=s%d dept=d%d sensitive=%s\n", k, k, int(k / 50),
		    k % 10 == 0 ? "yes reason=secret" : "no"
		a = k * 4096
		printf "network 10.%d.%d.0/20 site=s%d zone=%s\n", int(a / 65536),
		    int(a / 256) % 256, k, k % 3 == 0 ? "core" : "cctv"
	}
}' >"$work/bench.estate"
$cs estate check "$work/bench.estate" | head -3
timed assess $cs assess --db "$CS_PG_URI" --estate "$work/bench.estate" --json --fail-on critical >"$work/assess1.json"
timed assess-again $cs assess --db "$CS_PG_URI" --estate "$work/bench.estate" --json --fail-on critical >"$work/assess2.json"
q -c "SELECT 'findings ' || count(*) || ', active ' || count(*) FILTER (WHERE status NOT IN ('closed', 'withdrawn')) FROM finding"
timed report-json $cs report --db "$CS_PG_URI" --format json -o "$work/r.json"
timed report-csv $cs report --db "$CS_PG_URI" --format csv -o "$work/r"
timed report-html $cs report --db "$CS_PG_URI" --format html -o "$work/r.html"
ls -l "$work"/r.json "$work"/r-*.csv "$work"/r.html 2>/dev/null | awk '{print "# " $5 " bytes " $9}'
echo "## plans of the dominant statements"
# assess: its sightings cursor (no child cursors: the presumed-surveillance
# line is a column) and its close step's read of the active findings' ids;
# then the report's cursors, observations, reach and finding reads
# 1 024 devices from the 5 000th on (from the first on a small estate)
skip=$((devices >= 6024 ? 5000 : 0))
ids=$(q -c "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM sighting WHERE scan_id = 1000 ORDER BY ip_num LIMIT 1024 OFFSET $skip) x")
for sql in \
    "SELECT s.id, s.device_id, s.ip, s.manufacturer, s.device_class, d.first_seen, d.last_seen, s.mac, d.site, d.serial, s.id IN (SELECT sighting_id FROM evidence WHERE rule = 'maker:mostly-video') FROM sighting s JOIN device d ON d.id = s.device_id AND d.site = s.device_site WHERE s.scan_id = 1000 ORDER BY s.ip_num IS NULL, s.ip_num, s.ip::inet" \
    "SELECT id, last_scan FROM finding WHERE severity >= 0 AND regime = 'uk-gsg-2022' AND status IN ('open', 'planned', 'done', 'risk-accepted')" \
    "SELECT s.id, s.device_id, s.ip, s.manufacturer, s.device_class, d.first_seen, d.last_seen, s.mac, d.site, d.serial FROM sighting s JOIN device d ON d.id = s.device_id AND d.site = s.device_site WHERE s.scan_id = 1000 ORDER BY s.ip_num IS NULL, s.ip_num, s.ip::inet" \
    "SELECT e.sighting_id, s.ip_num, s.ip, e.field, e.value, e.rule, e.obs_key, e.port, e.weight, e.claim FROM sighting s JOIN evidence e ON e.sighting_id = s.id WHERE s.scan_id = 1000 ORDER BY s.ip_num IS NULL, s.ip_num, s.ip::inet, e.seq" \
    "SELECT p.sighting_id, s.ip_num, s.ip, p.port FROM sighting s JOIN sighting_port p ON p.site = s.site AND p.sighting_id = s.id WHERE s.scan_id = 1000 ORDER BY s.ip_num IS NULL, s.ip_num, s.ip::inet, p.port" \
    "SELECT u.i::int8, o.key, o.port::int4, o.flags::int8, o.value, o.seq::int8 FROM unnest('$ids'::int8[]) WITH ORDINALITY AS u (sid, i) JOIN observation o ON o.sighting_id = u.sid" \
    "SELECT DISTINCT ON (ip) ip, vantage, ports FROM reach WHERE reachable = 1 ORDER BY ip, checked_at DESC, vantage COLLATE \"C\"" \
    "SELECT * FROM finding WHERE severity >= 0 AND status IN ('open', 'planned', 'done', 'risk-accepted') ORDER BY severity DESC, site COLLATE \"C\", ip COLLATE \"C\", regime COLLATE \"C\", obligation COLLATE \"C\", id"; do
	# the statement (the observation read's 1 024 ids cut short)
	echo "### $sql" | sed -E 's/\{([0-9]+,){3}[0-9,]*\}/{ID,ID,ID,...}/'
	# as each_device runs its child cursors (cursors plan serially),
	# with JIT off as every camsweep session has it (pg_open)
	q -c "SET work_mem = '64MB'" -c "SET max_parallel_workers_per_gather = 0" \
	    -c "SET jit = off" -c "EXPLAIN (ANALYZE, BUFFERS) $sql" | sed 's/^/    /'

done
