#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""One exit-status table: src/core/exitcode.h defines every EXIT_* value,
no other source file defines its own, and camsweep(1) documents each
distinct value under EXIT STATUS.  Prints TAP."""
import os
import re
import sys

SRC = os.environ.get("CS_SRCDIR",
                     os.path.join(os.path.dirname(__file__), "..", ".."))
TABLE = "src/core/exitcode.h"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import Checker  # noqa: E402

checker = Checker(tap=True)
result = checker.ok


with open(os.path.join(SRC, TABLE)) as f:
    table = f.read()
values = sorted({int(v) for v in
                 re.findall(r"\bEXIT_[A-Z]+\s*=\s*(\d+)", table)})
result(len(values) >= 5, "%s defines %s" % (TABLE, values))

# Another enum or #define giving an EXIT_* name a number is a second table.
own = re.compile(r"(\bEXIT_[A-Z_]+\s*=\s*\d)|(#\s*define\s+EXIT_[A-Z_]+\s+\d)")
for d, _, files in os.walk(os.path.join(SRC, "src")):
    for fn in sorted(files):
        if not fn.endswith((".c", ".h")):
            continue
        p = os.path.join(d, fn)
        rel = os.path.relpath(p, SRC)
        if rel == TABLE:
            continue
        with open(p) as f:
            hit = own.search(f.read())
        if hit:
            result(False, "%s defines its own exit status: %s"
                   % (rel, hit.group(0)))
result(True, "no other exit-status table under src/")

with open(os.path.join(SRC, "docs", "man", "camsweep.1")) as f:
    man = f.read()
m = re.search(r"^\.SH EXIT STATUS\n(.*?)^\.SH", man, re.S | re.M)
result(m is not None, "camsweep(1) has an EXIT STATUS section")
documented = set(int(v) for v in re.findall(r"^\.B (\d+)$", m.group(1), re.M)) if m else set()
for v in values:
    result(v in documented, "camsweep(1) documents exit status %d" % v)
sys.exit(checker.status())
