#!/bin/bash
# SPDX-License-Identifier: ISC
# Load bench of `camsweep serve` (issue #21): an SQLite inventory of
# DEVICES devices (default 10,000) over 10 sites (bench/serve_gen.py) with
# its findings (camsweep assess), a user scoped to half the sites, serve
# on 127.0.0.1, a login, then wrk with CONNS concurrent connections
# (default 200) for SECONDS (default 60) on the API reads of
# bench/bench_serve.lua.  Prints requests/s, errors (non-2xx/3xx answers
# and socket errors) and the p50/p99 latency, and PASS when there is no
# error and p99 is under 100 ms.
# The server answers repeated reads from its cache (serve --cache, checked
# against the inventory's data version); CACHE=0 measures without it.
# PG=1: the same over PostgreSQL ($CS_PG_URI, a database of its own made
# and dropped here; bench/estate_gen.sql), where every request of the
# scoped user that the cache does not answer runs under its role and
# row-level security (the cache checked against change notifications).
#   bench/bench_serve.sh [BUILDDIR]
#   env: DEVICES CONNS SECONDS_RUN THREADS (default: the cores) CACHE
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
cs=$build/camsweep
devices=${DEVICES:-10000}
conns=${CONNS:-200}
secs=${SECONDS_RUN:-60}
threads=${THREADS:-$(nproc)}
cache=${CACHE:-64}
command -v wrk >/dev/null || { echo "bench_serve: wrk not installed (scripts/deps.sh)" >&2; exit 1; }
tmp=$(mktemp -d /tmp/cs-bench-serve.XXXXXX)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
db=$tmp/inv.db
head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tmp/pw"
chmod 600 "$tmp/pw"
if [ "${PG:-0}" = 1 ]; then
	: "${CS_PG_URI:?PG=1 needs CS_PG_URI (eval \"\$(bash scripts/pg.sh start)\")}"
	pgdb=cs_bench_serve_$$
	psql "$CS_PG_URI" -qAtX -c "CREATE DATABASE $pgdb"
	db=${CS_PG_URI%/*}/$pgdb
	pgdrop() {
		# the user's role belongs to the cluster: dropped by user del
		"$cs" user del bench --db "$db" >/dev/null 2>&1
		psql "$CS_PG_URI" -qAtX -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1
	}
	trap 'cleanup; pgdrop' EXIT
	"$cs" db init --db "$db" >/dev/null
	psql "$db" -qAtX -v devices="$devices" -v obs=$((devices * 5)) -v sites=10 \
	    -f "$src/bench/estate_gen.sql" >/dev/null
	# bench/estate_gen.sql: site k owns 10.0.0.0/11 + k*4096 (a /20)
	python3 - "$tmp/estate" <<'PY'
import ipaddress, sys
with open(sys.argv[1], "w") as f:
    f.write('department "Department 0" id=d0\ndepartment "Department 1" id=d1\n')
    for k in range(10):
        f.write('site "Site %d" id=s%d dept=d%d %s\n' % (k, k, k % 2,
                "sensitive=yes reason=secret" if k % 3 == 0 else "sensitive=no"))
    for k in range(10):
        net = ipaddress.ip_network("10.0.0.0/20")
        a = ipaddress.ip_address(int(net.network_address) + k * 4096)
        f.write("network %s/20 site=s%d zone=cctv\n" % (a, k))
PY
	"$cs" user add bench --db "$db" --password-file "$tmp/pw" \
	    --site s0 --site s1 --site s2 --site s3 --site s4 2>/dev/null
else
	"$cs" user add bench --db "$db" --password-file "$tmp/pw" \
	    --site s0 --site s1 --site s2 --site s3 --site s4 2>/dev/null
	python3 "$src/bench/serve_gen.py" "$db" "$tmp/estate" "$devices" 10
fi
"$cs" assess --db "$db" --estate "$tmp/estate" >/dev/null || [ $? -eq 4 ]
"$cs" serve --db "$db" --listen 127.0.0.1:0 --port-file "$tmp/port" \
    --threads "$threads" --cache "$cache" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(cat "$tmp/port")
base=http://127.0.0.1:$port
token=$(python3 - "$base" "$tmp/pw" <<'PY'
import json, sys, urllib.request
pw = open(sys.argv[2]).read().strip()
r = urllib.request.Request(sys.argv[1] + "/api/v1/login", method="POST",
    data=json.dumps({"user": "bench", "password": pw}).encode())
print(json.load(urllib.request.urlopen(r))["token"])
PY
)
# a cursor deep in the list: the page after the 40th
cursor=$(python3 - "$base" "$token" <<'PY'
import json, sys, urllib.request
base, tok, cur = sys.argv[1], sys.argv[2], None
for _ in range(40):
    q = base + "/api/v1/devices?limit=50" + ("&cursor=" + cur if cur else "")
    r = urllib.request.Request(q, headers={"Authorization": "Bearer " + tok})
    cur = json.load(urllib.request.urlopen(r))["next"]
print(cur)
PY
)
echo "bench_serve: $devices devices ($( [ "${PG:-0}" = 1 ] && echo PostgreSQL || echo SQLite)), user scoped to 5 of 10 sites, serve --threads $threads --cache $cache on $base"
echo "bench_serve: load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
CS_TOKEN=$token CS_CURSOR=$cursor CS_IDS="1,$devices,10,5" \
    wrk -t 2 -c "$conns" -d "${secs}s" --timeout 10s --latency \
    -s "$src/bench/bench_serve.lua" "$base" | tee "$tmp/wrk.out"
echo "bench_serve: load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(v, u):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[u]
lat = dict((p, ms(v, u)) for p, v, u in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", t, re.M))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
reqs = int(re.search(r"(\d+) requests in", t).group(1))
non2 = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errors = (int(non2.group(1)) if non2 else 0) + (sum(int(x) for x in sock.groups()) if sock else 0)
p50, p99 = lat.get("50"), lat.get("99")
ok = errors == 0 and p99 is not None and p99 < 100
print("bench_serve: %d requests, %.0f requests/s, %d errors, p50 %.2f ms, p99 %.2f ms: %s"
      % (reqs, rps, errors, p50, p99, "PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
