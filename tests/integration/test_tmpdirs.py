#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""The test helpers leave no temporary directory behind: a camsim estate
(tests/lib/estate.py), a namespace estate (tests/lib/netns.py) and a
replay fleet (bench/replay_scan.py) remove the directory they made on
stop and keep a caller's workdir; tests/lib/scratch.py removes its
directories on return, sys.exit, an uncaught exception and SIGTERM (after
`finally` ran), keeps them with CS_KEEP_TMP=1; and no test or script
makes a directory with tempfile.mkdtemp() outside scratch().  Loopback
only."""
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.join(HERE, "..", "lib")
sys.path.insert(0, LIB)
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from estate import CAMSIM, SRC, Estate, Checker, shifted  # noqa: E402
import netns  # noqa: E402
import replay_scan  # noqa: E402

CIDR = shifted("127.61.7.0/29")

CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[1])
from scratch import scratch
d = scratch("cs-tmpdirs-child-")
open(os.path.join(d, "f"), "w").write("x")
os.mkdir(os.path.join(d, "sub"))
print(d, flush=True)
how = sys.argv[2]
if how == "exit":
    sys.exit(3)
if how == "raise":
    raise RuntimeError("on purpose")
if how == "term":
    try:
        time.sleep(60)
    finally:
        open(sys.argv[3], "w").write("finally ran")
"""


def child(c, how, env_extra=None):
    env = dict(os.environ)
    env.pop("CS_KEEP_TMP", None)
    env.update(env_extra or {})
    marker = tempfile.NamedTemporaryFile(prefix="cs-tmpdirs-", delete=False)
    marker.close()
    os.unlink(marker.name)
    p = subprocess.Popen([sys.executable, "-c", CHILD, LIB, how, marker.name],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    d = p.stdout.readline().strip()
    c.ok(d.startswith(tempfile.gettempdir()), "%s: child made %r" % (how, d))
    if how == "term":
        c.ok(os.path.isdir(d), "term: directory there while the child runs")
        p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    if how == "term":
        c.ok(os.path.exists(marker.name), "term: the child's finally ran")
        if os.path.exists(marker.name):
            os.unlink(marker.name)
    return p.returncode, d, err


def main():
    c = Checker()

    # scratch(): every way out of the process removes the directory.
    for how, want in (("return", 0), ("exit", 3), ("raise", 1),
                      ("term", 128 + signal.SIGTERM)):
        rc, d, err = child(c, how)
        c.ok(rc == want, "%s: exit %d (want %d) %s" % (how, rc, want, err[-200:]))
        c.ok(d and not os.path.exists(d), "%s: %s removed" % (how, d))
    rc, d, err = child(c, "return", {"CS_KEEP_TMP": "1"})
    c.ok(d and os.path.isdir(d) and os.path.exists(os.path.join(d, "f")),
         "CS_KEEP_TMP=1 keeps %s" % d)
    c.ok("kept " + d in err, "and names it: %r" % err[-200:])
    if d and d.startswith(tempfile.gettempdir()) and "cs-tmpdirs-child-" in d:
        shutil.rmtree(d, ignore_errors=True)

    # A camsim estate removes its own directory, and only its own.
    with Estate(CIDR, 2, seed=3) as est:
        own = est.dir
        c.ok(os.path.isfile(est.manifest), "estate: manifest in %s" % own)
        c.ok(len(est.devices) == 2, "estate: 2 devices")
    c.ok(not os.path.exists(own), "estate: its directory %s removed on stop" % own)
    c.ok(est.stop() == 0 and not os.path.exists(own), "estate: stop() again is harmless")
    mine = tempfile.mkdtemp(prefix="cs-tmpdirs-")
    try:
        with Estate(CIDR, 2, seed=3, workdir=mine) as est:
            pass
        c.ok(os.path.isfile(os.path.join(mine, "manifest.jsonl")),
             "estate: a caller's workdir kept with its manifest")
    finally:
        shutil.rmtree(mine, ignore_errors=True)

    # A namespace estate likewise (not started: no root or namespaces
    # needed for what stop() does with its directory).
    ne = netns.NetnsEstate([("hikvision-camera", 1)])
    own = ne.dir
    c.ok(os.path.isdir(own), "netns: directory made")
    ne.stop()
    c.ok(not os.path.exists(own), "netns: its directory removed on stop")
    mine = tempfile.mkdtemp(prefix="cs-tmpdirs-")
    try:
        netns.NetnsEstate([("hikvision-camera", 1)], workdir=mine).stop()
        c.ok(os.path.isdir(mine), "netns: a caller's workdir kept")
    finally:
        shutil.rmtree(mine, ignore_errors=True)

    # A replay fleet (bench/replay_scan.py, used by test_replay_agree and
    # test_tls).
    units = [{"key": "u1", "ids": ["u1-0"], "lines": [json.dumps(
        {"kind": "http.server", "data": "App-webs/", "port": 80})]}]
    with replay_scan.Replay(CAMSIM, units, CIDR) as rp:
        own = rp.dir
        c.ok(os.path.isdir(own), "replay: directory made")
    c.ok(not os.path.exists(own), "replay: its directory removed on exit")

    # No test or script makes a directory with tempfile.mkdtemp() outside
    # scratch() (one inside a scratch directory, dir=..., is fine).
    bad = []
    paths = glob.glob(os.path.join(SRC, "tests", "**", "*.py"), recursive=True)
    paths += glob.glob(os.path.join(SRC, "scripts", "*.py"))
    for path in paths:
        if os.path.basename(path) in ("scratch.py", "test_tmpdirs.py"):
            continue
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if re.search(r"\bmkdtemp\(|\bmkstemp\(|delete=False", line) and \
                        "dir=" not in line:
                    bad.append("%s:%d" % (os.path.relpath(path, SRC), n))
    c.ok(bad == [], "no bare mkdtemp/mkstemp in tests and scripts: %s" % bad)
    c.ok(len(paths) > 40, "scanned %d Python files" % len(paths))
    c.done()


if __name__ == "__main__":
    main()
