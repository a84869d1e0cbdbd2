#!/bin/bash
# SPDX-License-Identifier: ISC
# Static analysis: cppcheck (Debian's) over src/ and tools/ with the checked-in
# suppressions in scripts/cppcheck.supp, each of which must carry a comment.
# Exits non-zero on any finding.  Run by scripts/test.sh.
set -u
cd "$(dirname "$0")/.."
supp=scripts/cppcheck.supp
command -v cppcheck >/dev/null || { echo "cppcheck: not installed (scripts/deps.sh)"; exit 1; }
# A suppression must follow a comment line (or another suppression that
# does): no silent suppression.
if ! awk '/^#/ { c = 1; next } /^[ \t]*$/ { c = 0; next }
	  { if (!c) { print FILENAME ":" NR ": suppression without a comment: " $0; bad = 1 } }
	  END { exit bad }' "$supp"; then
	exit 1
fi
exec cppcheck -q --std=c11 --enable=warning,portability --inline-suppr \
	--error-exitcode=1 -j2 -I src -I tools/camsim \
	-D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -DCS_SRCDIR='"."' \
	--suppressions-list="$supp" src tools
