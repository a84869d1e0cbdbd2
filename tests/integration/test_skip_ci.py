#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""The shared skip guard (tests/lib/skip.py): a test whose tool is missing
exits 77 (skipped) outside CI and fails (exit 1) when CI is set.  Checked
on the helper itself and end to end on test_report_browser.py run with an
empty PATH, so that Chromium cannot be found.  Also the shared tally
(tests/lib/checks.py): a failed check fails the test, and is named."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
import skip  # noqa: E402
from checks import Checker  # noqa: E402

checker = Checker(verbose=True)
ok = checker.ok


CHECKS_PY = r"""
import sys
sys.path.insert(0, sys.argv[1])
from checks import Checker, check, status
c = Checker(tap=sys.argv[2] == "tap")
c.ok(True, "first")
c.ok(sys.argv[3] == "pass", "second\nline")
check(True, "module-level")
sys.exit(c.status("summary") + 2 * status())
"""


def checks_run(mode, outcome):
    p = subprocess.run([sys.executable, "-c", CHECKS_PY, os.path.join(HERE, "..", "lib"),
                        mode, outcome], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout


def main():
    rc, out = checks_run("plain", "pass")
    ok(rc == 0 and out == "2 checks, 0 failed\nsummary\n1 checks, 0 failed\n",
       "checks: all pass: exit 0, tally and summary (%d %r)" % (rc, out))
    rc, out = checks_run("plain", "fail")
    ok(rc == 1 and out == "not ok 2 - second | line\n2 checks, 1 failed\n"
       "1 checks, 0 failed\n", "checks: one fails: exit 1, named (%d %r)" % (rc, out))
    rc, out = checks_run("tap", "fail")
    ok(rc == 1 and out == "ok 1 - first\nnot ok 2 - second | line\n1..2\n"
       "1 checks, 0 failed\n", "checks: TAP with its plan (%d %r)" % (rc, out))
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
    return checker.status()


if __name__ == "__main__":
    sys.exit(main())
