#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""The on-disk cache of compiled Hyperscan databases (src/fp/fp_hscache.c)
changes no byte of identify's output and never trusts a bad file: a
first run writes private files, a second reads them, and files that were
flipped, cut, emptied or replaced by other bytes are compiled again and
rewritten with the output unchanged; CAMSWEEP_HS_CACHE=off writes
nothing.  Usage: test_hscache.py path/to/camsweep"""
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, status  # noqa: E402
import samples  # noqa: E402


def run(exe, data, cache, xdg=None):
    env = dict(os.environ)
    env["CAMSWEEP_HS_CACHE"] = cache
    env.pop("CAMSWEEP_FP_ENGINE", None)
    if xdg is not None:
        env["XDG_CACHE_HOME"] = xdg
    p = subprocess.run([exe, "identify", "--no-oui"], input=data.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=120)
    check(p.returncode == 0, "exit %d: %s" % (p.returncode, p.stderr[-300:]))
    return p.stdout


def files(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d)) if os.path.isdir(d) else []


def main():
    exe = sys.argv[1]
    lines = [
        {"kind": "http", "data": samples.HTTP_HIK, "port": 80},
        {"kind": "rtsp", "data": samples.RTSP_DAHUA, "port": 554},
        {"kind": "sadp", "data": samples.SADP, "port": 37020},
        {"kind": "upnp", "data": samples.UPNP, "port": 49152},
        {"kind": "http.server", "data": "App-webs/"},
        {"kind": "banner", "data": "192.0.0.64 login: ", "port": 23},
    ]
    data = "".join(json.dumps(o) + "\n" for o in lines)
    with tempfile.TemporaryDirectory() as tmp:
        d = os.path.join(tmp, "a", "hs")
        want = run(exe, data, "off")
        check(want.count(b"\n") == len(lines), "one identity a line")
        check(files(d) == [], "off writes nothing")
        # off also ignores XDG_CACHE_HOME
        xdg = os.path.join(tmp, "xdg")
        run(exe, data, "off", xdg)
        check(not os.path.exists(os.path.join(xdg, "camsweep")),
              "off: nothing under XDG_CACHE_HOME")

        check(run(exe, data, d) == want, "first run (compiles, writes)")
        kept = files(d)
        check(len(kept) > 0, "files written")
        check(stat.S_IMODE(os.stat(d).st_mode) == 0o700, "directory 0700")
        check(stat.S_IMODE(os.stat(os.path.join(tmp, "a")).st_mode) == 0o700,
              "parent created 0700")
        for f in kept:
            check(stat.S_IMODE(os.stat(f).st_mode) == 0o600, f + " is 0600")
            check(f.endswith(".hsdb"), f + " named .hsdb")
        before = {f: open(f, "rb").read() for f in kept}
        mtimes = {f: os.stat(f).st_mtime_ns for f in kept}

        check(run(exe, data, d) == want, "second run (reads)")
        check(files(d) == kept, "no new files on a second run")
        check(all(os.stat(f).st_mtime_ns == mtimes[f] for f in kept),
              "a valid file is not rewritten")

        # damage every file a different way; each must be compiled again
        for i, f in enumerate(kept):
            b = bytearray(before[f])
            how = i % 5
            if how == 0:
                b[len(b) // 2] ^= 0x40       # a payload byte
            elif how == 1:
                b = b[: len(b) - 7]          # cut short
            elif how == 2:
                b = b""                      # empty
            elif how == 3:
                b[9] ^= 0x01                 # the header's key
            else:
                b = b"\x00" * len(b)         # other bytes, same size
            with open(f, "wb") as fh:
                fh.write(bytes(b))
        check(run(exe, data, d) == want, "output unchanged over damaged files")
        check(files(d) == kept, "damaged files replaced, no temporaries left")
        for f in kept:
            check(len(open(f, "rb").read()) == len(before[f]),
                  f + " rewritten whole")
        check(run(exe, data, d) == want, "and read again")

        # XDG_CACHE_HOME/camsweep/hs when no directory is named
        check(run(exe, data, "", xdg) == want, "XDG_CACHE_HOME run")
        check(len(files(os.path.join(xdg, "camsweep", "hs"))) == len(kept),
              "the XDG default place")
    return status("hscache: ok")


if __name__ == "__main__":
    sys.exit(main())
