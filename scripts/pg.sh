#!/bin/bash
# SPDX-License-Identifier: ISC
# A throwaway PostgreSQL server for the tests: a fresh cluster in a temp
# directory, listening only on 127.0.0.1 at a free port and on a Unix
# socket in that directory, trust authentication (loopback only), a
# database "camsweep" (UTF8).  Runs the server as the postgres user when
# invoked as root.
#   eval "$(scripts/pg.sh start)"   exports CS_PG_URI and CS_PG_DIR
#   scripts/pg.sh stop "$CS_PG_DIR" stops it and removes the directory
set -eu
bindir=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bindir/initdb" ] || bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "pg.sh: no PostgreSQL server installed" >&2; exit 1; }

as_owner() { # runs "$@" as the cluster owner
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
	dir=$(mktemp -d /tmp/cs-pg.XXXXXX)
	# A start that fails half-way stops the server it may have begun and
	# removes its directory (nobody gets its name to call stop with).
	trap 'rc=$?; if [ "$rc" -ne 0 ]; then
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
		rm -rf "$dir"; fi' EXIT
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 \
	    --locale=C.UTF-8 -A trust >"$dir/initdb.log" 2>&1 ||
	    { cat "$dir/initdb.log" >&2; exit 1; }
	as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" \
	    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	as_owner "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt \
	    -c "CREATE DATABASE camsweep" postgres >/dev/null
	echo "export CS_PG_DIR=$dir"
	echo "export CS_PG_URI=postgresql://postgres@127.0.0.1:$port/camsweep"
	;;
stop)
	dir=${2:?usage: pg.sh stop DIR}
	case "$dir" in /tmp/cs-pg.*) ;; *) echo "pg.sh: refusing $dir" >&2; exit 1 ;; esac
	as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: pg.sh start | stop DIR" >&2
	exit 2
	;;
esac
