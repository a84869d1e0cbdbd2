# SPDX-License-Identifier: ISC
"""Skipping a test whose tool or service this machine lacks, in one place.

A test that cannot run here (no Chromium, no network namespaces, no
PostgreSQL server) exits 77, which meson reports as SKIP.  In CI (the
environment variable CI set, as CI runners and scripts/test.sh's callers
set it to "true") a skip would hide a missing dependency, so the same call
prints why and returns 1: the test fails instead.  Usage:

    from skip import skip
    if shutil.which("chromium") is None:
        return skip("chromium not installed (scripts/deps.sh)")
"""
import os
import sys

SKIP = 77


def in_ci():
    """True when running in CI: CI is set and not "", "0", "false" or "no"."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def skip(reason):
    """Prints reason; returns 77 (skipped), or 1 (failed) in CI."""
    if in_ci():
        print("CI: %s: failing, not skipping" % reason)
        sys.stdout.flush()
        return 1
    print("skip: %s" % reason)
    sys.stdout.flush()
    return SKIP
