#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Every parser is fuzzed for real, not by an #include line.

For each header of untrusted-input parsers (src/parse/*.h and the core
toolkit's addr.h, text.h, dnsname.h, redact.h), some fuzz target must call
one of the functions the header declares: including the header is not
enough.  Every fuzz_*.c must call at least one function of a header it
includes, and its seed folder fuzz/corpus/NAME must hold at least one
file (the replay test feeds each through the target in every build).
Prints TAP."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import Checker  # noqa: E402

SRC = os.environ.get("CS_SRCDIR",
                     os.path.join(os.path.dirname(__file__), "..", ".."))
PARSERS = sorted(
    ["src/parse/" + f for f in os.listdir(os.path.join(SRC, "src/parse"))
     if f.endswith(".h")] +
    ["src/core/addr.h", "src/core/text.h", "src/core/dnsname.h",
     "src/core/redact.h"])

DECL = re.compile(r"^[a-z][^;{}()]*?\b(cs_[a-z0-9_]+)\s*\(", re.M)
CALL = re.compile(r"\b(cs_[a-z0-9_]+)\s*\(")
INCL = re.compile(r'^#include "([^"]+)"', re.M)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def declared(header):
    with open(os.path.join(SRC, header)) as f:
        body = strip_comments(f.read())
    # Declarations and static inline definitions, not calls in bodies.
    return set(DECL.findall(body))


def main():
    fuzz_dir = os.path.join(SRC, "fuzz")
    targets = sorted(f for f in os.listdir(fuzz_dir)
                     if f.startswith("fuzz_") and f.endswith(".c"))
    calls, incs = {}, {}
    for t in targets:
        with open(os.path.join(fuzz_dir, t)) as f:
            text = f.read()
        incs[t] = set(INCL.findall(text))
        body = INCL.sub("", strip_comments(text))
        calls[t] = set(CALL.findall(body))
    checker = Checker(tap=True)
    result = checker.ok

    for h in PARSERS:
        fns = declared(h)
        users = [t for t in targets if calls[t] & fns]
        result(bool(fns) and bool(users),
               "%s called by %s" % (h, ", ".join(users) or "no fuzz target"))
    for t in targets:
        name = t[len("fuzz_"):-2]
        own = set()
        for inc in incs[t]:
            p = os.path.join(SRC, "src", inc)
            if os.path.isfile(p):
                own |= declared(os.path.join("src", inc))
        result(bool(calls[t] & own),
               "%s calls a function of a header it includes" % t)
        corpus = os.path.join(fuzz_dir, "corpus", name)
        seeds = [f for f in os.listdir(corpus)] if os.path.isdir(corpus) else []
        result(len(seeds) > 0, "%s has %d seeds" % (t, len(seeds)))
    return checker.status()


if __name__ == "__main__":
    sys.exit(main())
