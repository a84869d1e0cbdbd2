#!/bin/bash
# SPDX-License-Identifier: ISC
# The whole test suite: cppcheck and the clang-format check, a gcc build
# with -Werror and its tests, a clang ASan+UBSan build and its tests (fuzz
# corpora replayed in both), and a libFuzzer smoke run of every parser
# under ASan+UBSan.  Prints one closing
# line "N passed, N failed" and exits non-zero on any failure.
#   FUZZ_SECONDS  seconds per fuzz target (default 20, which keeps CI near
#                 half an hour with ~50 targets; 0 skips fuzzing)
set -u
cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-20}
passed=0
failed=0
fails=()

count_meson() { # $1 = build dir
	local log="$1/meson-logs/testlog.json" p f
	[ -f "$log" ] || { failed=$((failed + 1)); fails+=("$1: no test log"); return; }
	read -r p f < <(python3 - "$log" <<'PY'
import json, sys
ok = bad = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): ok += 1
    elif r != "SKIP": bad += 1; print(json.loads(line)["name"], file=sys.stderr)
print(ok, bad)
PY
)
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -eq 0 ] || fails+=("$1: $f test(s) failed")
}

step() { echo; echo "=== $*"; }

# PostgreSQL (issue #8): a throwaway server on 127.0.0.1 for the store's
# contract suite on PostgreSQL and the sensor tests (they skip without it).
# CS_PG_URI may be given from outside instead; the server stops on exit.
if [ -z "${CS_PG_URI:-}" ] && pg_env=$(bash scripts/pg.sh start); then
	eval "$pg_env"
	trap 'bash scripts/pg.sh stop "$CS_PG_DIR"' EXIT
fi

# Static checks first: cheap, and independent of the builds.
step "static analysis (cppcheck, scripts/cppcheck.supp)"
if bash scripts/cppcheck.sh; then passed=$((passed + 1)); else
	failed=$((failed + 1)); fails+=("cppcheck"); fi

step "format (clang-format on the files of scripts/format-list.txt)"
if bash scripts/format-check.sh; then passed=$((passed + 1)); else
	failed=$((failed + 1)); fails+=("format-check"); fi

step "gcc build (-Werror) and tests"
if { [ -f build/build.ninja ] || meson setup build >/dev/null; } &&
   meson configure build -Dwerror=true >/dev/null && ninja -C build; then
	meson test -C build --print-errorlogs --num-processes 2
	count_meson build
else
	failed=$((failed + 1)); fails+=("gcc build")
fi

# CI only (it installs and removes a package): the Debian package builds,
# passes lintian, installs, and its /usr/bin/camsweep scans camsim.
if [ "${CI:-}" = true ]; then
	step "Debian package: build, lintian, install, scan camsim"
	if bash scripts/package-test.sh; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1)); fails+=("package test")
	fi
fi

step "clang ASan+UBSan build and tests"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if { [ -f build-san/build.ninja ] || CC=clang-14 meson setup build-san \
	-Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true \
	-Dc_args=-fno-sanitize-recover=all >/dev/null; } && ninja -C build-san; then
	meson test -C build-san --print-errorlogs --num-processes 2 \
	    --timeout-multiplier 3
	count_meson build-san
else
	failed=$((failed + 1)); fails+=("sanitizer build")
fi

if [ "$FUZZ_SECONDS" -gt 0 ]; then
	step "libFuzzer smoke: ${FUZZ_SECONDS}s per parser under ASan+UBSan"
	if { [ -f build-fuzz/build.ninja ] || CC=clang-14 meson setup build-fuzz \
		-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false \
		-Dtests=disabled >/dev/null; } && ninja -C build-fuzz; then
		run_fuzz() {
			local f=$1 name=${1#build-fuzz/fuzz/fuzz_} work
			work=$(mktemp -d)
			cp -r fuzz/corpus/"$name"/. "$work"/ 2>/dev/null
			[ -d fuzz/regress/"$name" ] && cp -r fuzz/regress/"$name"/. "$work"/
			local dict=()
			[ -f fuzz/dict/"$name".dict ] && dict=(-dict=fuzz/dict/"$name".dict)
			if "$f" -max_total_time="$FUZZ_SECONDS" -timeout=5 \
			    -rss_limit_mb=2048 "${dict[@]}" -artifact_prefix="$work/" \
			    "$work" >"$work.log" 2>&1; then
				echo "fuzz $name: ok ($(grep -o 'cov: [0-9]*' "$work.log" | tail -1))"
				rm -rf "$work" "$work.log"
				return 0
			fi
			echo "fuzz $name: FAILED"; tail -30 "$work.log"
			for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-*; do
				[ -f "$a" ] && { echo "reproducer $a:"; od -An -tx1 "$a" | head -20; }
			done
			return 1
		}
		targets=()
		for t in build-fuzz/fuzz/fuzz_*; do
			[ -f "$t" ] && [ -x "$t" ] && targets+=("$t")
		done
		i=0
		while [ $i -lt ${#targets[@]} ]; do
			pids=()
			for t in "${targets[@]:$i:2}"; do
				run_fuzz "$t" & pids+=($!)
			done
			for p in "${pids[@]}"; do
				if wait "$p"; then passed=$((passed + 1)); else
					failed=$((failed + 1)); fails+=("fuzz target"); fi
			done
			i=$((i + 2))
		done
	else
		failed=$((failed + 1)); fails+=("fuzz build")
	fi
fi

echo
for f in "${fails[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
