# SPDX-License-Identifier: ISC
"""Issue #12, escaping everywhere: cameras whose model strings carry a
right-to-left override, bidi isolates, a zero-width space, U+2028, DEL and
C1 controls (camsim mix "bidi").  The terminal table (`show`) and every
JSON output (`show --json`, `assess --json`, `plan list --json`, `diff
--json`) must hold none of them raw, be valid UTF-8, parse as JSON where
JSON, and still show the string (escaped).  Fails on a build whose JSON
goes through json-c's writer or whose terminal escaper passes bidi
controls.
"""
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

FLEET = shifted("127.122.0.0/28")
ESTATE = os.path.join(SRC, "data", "estate", "example.estate")
# Raw in output, each of these is a defect.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u00ad\u061c"
                       "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
                       "\ufeff]")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True,
                          timeout=600)


def check_text(c, name, raw, is_json, shown=True):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        c.ok(False, "%s: valid UTF-8 (%s)" % (name, e))
        return
    bad = sorted({"U+%04X" % ord(m) for m in FORBIDDEN.findall(text)})
    c.ok(not bad, "%s: no raw control, bidi or invisible character (%s)" %
         (name, ", ".join(bad)))
    if is_json:
        lines = [l for l in text.splitlines() if l.strip()]
        ok = True
        for l in lines:
            try:
                json.loads(l)
            except ValueError:
                ok = False
        c.ok(ok and lines, "%s: %d lines of valid JSON" % (name, len(lines)))
    if shown:
        c.ok("202e" in text.lower(),
             "%s: the override is shown, escaped" % name)


def main():
    c = Checker()
    tmp = scratch("cs-esc-")
    db = os.path.join(tmp, "inv.db")
    try:
        with Estate(FLEET, 8, seed=3, mix="bidi") as est:
            c.ok(any(d["profile"] == "hostile-bidi" for d in est.devices),
                 "the fleet has hostile-bidi cameras")
            # The first scan sweeps one port nothing listens on: the
            # same addresses as the second, so diff (which compares only
            # the addresses both scans covered, issue #20) calls every
            # device of the second "new".
            p = run(["scan", "--db", db, "-q", "--ports", "9", FLEET])
            c.ok(p.returncode == 0, "first scan (%r)" % p.stderr[-200:])
            p = run(["scan", "--db", db, "-q", FLEET])
            c.ok(p.returncode == 0, "second scan (%r)" % p.stderr[-200:])
        p = run(["show", "--db", db, "--all"])
        check_text(c, "show (terminal table)", p.stdout, False)
        p = run(["show", "--db", db, "--all", "--json"])
        check_text(c, "show --json", p.stdout, True)
        p = run(["assess", "--db", db, "--estate", ESTATE, "--json",
                 "--regime", "uk-gsg-2022,us-ndaa-889"])
        c.ok(p.returncode in (0, 4), "assess ran (%r)" % p.stderr[-200:])
        check_text(c, "assess --json", p.stdout, True)
        p = run(["plan", "list", "--db", db, "--all", "--json"])
        check_text(c, "plan list --json", p.stdout, True)
        p = run(["diff", "--db", db, "--json", "1", "2"])
        check_text(c, "diff --json", p.stdout, True)
        p = run(["plan", "list", "--db", db, "--all"])
        # (the text form names maker and evidence, not the model)
        check_text(c, "plan list (terminal)", p.stdout, False, shown=False)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
