#!/bin/bash
# SPDX-License-Identifier: ISC
# Format check: every file in scripts/format-list.txt must be exactly as
# clang-format (Debian's clang-format-14, the .clang-format of the tree)
# would write it.  A listed file that no longer exists is an error too, so
# the list cannot silently shrink.  Run by scripts/test.sh.
#   format-check.sh [--fix]   --fix rewrites the listed files in place
set -u
cd "$(dirname "$0")/.."
cf=$(command -v clang-format-14 || command -v clang-format) ||
	{ echo "format-check: clang-format not installed (scripts/deps.sh)"; exit 1; }
fix=0
[ "${1:-}" = "--fix" ] && fix=1
bad=0
n=0
while read -r f; do
	case "$f" in '' | '#'*) continue ;; esac
	n=$((n + 1))
	if [ ! -f "$f" ]; then
		echo "format-check: $f is listed but missing"
		bad=$((bad + 1))
	elif [ $fix -eq 1 ]; then
		"$cf" -i "$f"
	elif ! "$cf" --dry-run --Werror "$f" 2>/dev/null; then
		echo "format-check: $f differs from clang-format:"
		"$cf" "$f" | diff -u "$f" - | head -20
		bad=$((bad + 1))
	fi
done < scripts/format-list.txt
echo "format-check: $n files checked, $bad not conforming"
[ $bad -eq 0 ]
