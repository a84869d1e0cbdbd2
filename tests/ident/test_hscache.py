#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""The on-disk cache of compiled Hyperscan databases (src/fp/fp_hscache.c)
changes no byte of identify's output and never trusts a bad file: a
first run writes private files, a second reads them, and files that were
flipped, cut, emptied or replaced by other bytes are compiled again and
rewritten with the output unchanged; CAMSWEEP_HS_CACHE=off writes
nothing.  Pruning (the policy in fp_hscache.c's comment): after a run
that wrote files, files named as the cache names them and not used for
an hour go when older than 30 days or past 64 MiB of more recently used
ones, as do dead temporaries; nothing else in the directory is touched,
and a load marks a file used (atime) without rewriting it.
Usage: test_hscache.py path/to/camsweep"""
import json
import os
import random
import stat
import subprocess
import sys
import tempfile
import time

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


def fake(path, age, size=64):
    """A file at path last used age seconds ago (sparse past 64 bytes)."""
    with open(path, "wb") as f:
        f.write(b"not a database\n".ljust(64, b"."))
        if size > 64:
            f.truncate(size)
    t = time.time() - age
    os.utime(path, (t, t), follow_symlinks=False)


def hexname(rnd):
    return "%032x.hsdb" % rnd.getrandbits(128)


def prune_checks(exe, data, tmp):
    """The cache's own files are pruned by age and size; nothing else."""
    rnd = random.Random(7)
    d = os.path.join(tmp, "prune", "hs")
    os.makedirs(d, mode=0o700)
    hour, day, mib = 3600, 86400, 1 << 20
    gone, kept = [], []
    for _ in range(3):                      # unused for 31 days
        gone.append(hexname(rnd))
        fake(os.path.join(d, gone[-1]), 31 * day)
    for _ in range(3):                      # in use (10 min), even at 40 days' size
        kept.append(hexname(rnd))
        fake(os.path.join(d, kept[-1]), 600, 40 * mib)
    # Unused for 2, 3 and 4 days, 40 MiB each (sparse): past the in-use
    # files, the newest fits 64 MiB, the next two do not.
    big = [hexname(rnd) for _ in range(3)]
    for i, name in enumerate(big):
        fake(os.path.join(d, name), (2 + i) * day, 40 * mib)
    kept.append(big[0])
    gone += big[1:]
    stale = hexname(rnd) + ".4242.tmp"      # a dead writer's temporary
    fake(os.path.join(d, stale), 2 * hour)
    gone.append(stale)
    fresh = hexname(rnd) + ".4243.tmp"      # a live writer's
    fake(os.path.join(d, fresh), 60)
    kept.append(fresh)
    # Not ours, all old: other names, a directory, a symlink to a file.
    h = hexname(rnd)
    others = ["notes.txt", "0123.hsdb", h.upper().replace(".HSDB", ".hsdb"),
              h + ".bak", h[:-5], "x" + h, h + ".1.tmp.x"]
    for name in others:
        fake(os.path.join(d, name), 400 * day)
    os.mkdir(os.path.join(d, hexname(rnd)))
    target = os.path.join(tmp, "prune", "target")
    fake(target, 400 * day)
    link = hexname(rnd)
    os.symlink(target, os.path.join(d, link))
    before = set(os.listdir(d))

    out = run(exe, data, d)
    now = set(os.listdir(d))
    new = sorted(now - before)
    check(len(new) > 0 and all(n.endswith(".hsdb") for n in new),
          "prune: the run wrote its files (%d)" % len(new))
    check(not (set(gone) & now), "prune: removed %s" % sorted(set(gone) & now))
    check(set(kept) <= now, "prune: kept %s" % sorted(set(kept) - now))
    check(set(others) <= now and link in now and os.path.isfile(target),
          "prune: other names, the directory, the symlink and its target kept")
    check(len(now) == len(before) - len(gone) + len(new),
          "prune: nothing else removed")

    # A load marks the file used (atime) and does not rewrite it: a run
    # that hits every file after they all aged 40 days, then a run that
    # writes (one file removed) and so prunes, keeps all of them.
    mine = [os.path.join(d, n) for n in new]
    old = time.time() - 40 * day
    for f in mine:
        os.utime(f, (old, old))
    check(run(exe, data, d) == out, "prune: output unchanged on hits")
    check(all(os.stat(f).st_atime > time.time() - hour and
              abs(os.stat(f).st_mtime - old) < 2 for f in mine),
          "prune: a hit sets atime, not mtime")
    os.unlink(mine[0])
    check(run(exe, data, d) == out, "prune: output unchanged after a miss")
    check(all(os.path.isfile(f) for f in mine),
          "prune: files just used are kept (%d of %d)" %
          (sum(os.path.isfile(f) for f in mine), len(mine)))


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
        prune_checks(exe, data, tmp)
    return status("hscache: ok")


if __name__ == "__main__":
    sys.exit(main())
