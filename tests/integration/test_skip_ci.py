#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""The shared skip guard (tests/lib/skip.py): a test whose tool is missing
exits 77 (skipped) outside CI and fails (exit 1) when CI is set.  Checked
on the helper itself and end to end on test_report_browser.py run with an
empty PATH, so that Chromium cannot be found."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import skip  # noqa: E402

fails = []


def ok(cond, what):
    print("%s - %s" % ("ok" if cond else "not ok", what))
    if not cond:
        fails.append(what)


def main():
    saved = os.environ.get("CI")
    for value, want in ((None, 77), ("", 77), ("false", 77), ("0", 77),
                        ("true", 1), ("1", 1), ("yes", 1)):
        if value is None:
            os.environ.pop("CI", None)
        else:
            os.environ["CI"] = value
        ok(skip.skip("tool missing") == want, "skip() with CI=%r gives %d" % (value, want))
    if saved is None:
        os.environ.pop("CI", None)
    else:
        os.environ["CI"] = saved

    browser = os.path.join(HERE, "test_report_browser.py")
    for ci, want in ((None, 77), ("true", 1)):
        env = dict(os.environ)
        env["PATH"] = ""
        env.pop("CI", None)
        if ci is not None:
            env["CI"] = ci
        p = subprocess.run([sys.executable, browser], env=env, capture_output=True,
                           text=True, timeout=60)
        ok(p.returncode == want,
           "report_browser without chromium, CI=%r: exit %d (want %d) %s"
           % (ci, p.returncode, want, p.stdout.strip()[-200:]))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
