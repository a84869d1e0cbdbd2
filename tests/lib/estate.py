# SPDX-License-Identifier: ISC
"""Helpers for integration tests: run camsim on loopback and camsweep
against it.  Every address used is inside 127.0.0.0/8."""
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch import scratch, discard  # noqa: E402
from checks import Checker  # noqa: E402,F401 (the tests import it from here)

BUILD = os.environ.get("CS_BUILDDIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
SRC = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CAMSIM = os.path.join(BUILD, "camsim")
CAMSWEEP = os.path.join(BUILD, "camsweep")


def shifted(cidr):
    """Moves a test's loopback range by an offset derived from the build
    directory, so the test suites of two builds (gcc and sanitizers) can
    run at the same time without binding the same addresses."""
    import zlib
    salt = os.environ.get("CS_BUILDDIR", "")
    off = (zlib.crc32(os.path.abspath(salt).encode()) % 7) * 32
    net = ipaddress.ip_network(cidr)
    o = str(net.network_address).split(".")
    o[1] = str((int(o[1]) + off) % 224)
    return "%s/%d" % (".".join(o), net.prefixlen)


def loopback_only(cidr):
    net = ipaddress.ip_network(cidr)
    assert net.subnet_of(ipaddress.ip_network("127.0.0.0/8")), cidr


class Estate:
    """A camsim fleet, stopped on exit.  Its manifest goes to workdir, or
    to a temporary directory of its own that stop() removes (a caller's
    workdir is left as it is)."""

    def __init__(self, cidr, count, seed=1, mix=None, workdir=None,
                 extra=()):
        loopback_only(cidr)
        self.own_dir = workdir is None
        self.dir = workdir or scratch("cs-estate-")
        self.manifest = os.path.join(self.dir, "manifest.jsonl")
        args = [CAMSIM, "--cidr", cidr, "--count", str(count),
                "--seed", str(seed), "--manifest", self.manifest]
        if mix:
            args += ["--mix", mix]
        args += list(extra)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        line = ""
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line or "ready" in line:
                break
        if "ready" not in line:
            self.stop()
            raise RuntimeError("camsim did not start: %r %s" %
                               (line, self.proc.stderr.read()))
        with open(self.manifest) as f:
            self.devices = [json.loads(l) for l in f if l.strip()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.own_dir:
            discard(self.dir)
        return self.proc.returncode

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def scan(targets, db, extra=(), timeout=600, check=True):
    """Runs camsweep scan --json --all and returns (devices, stderr)."""
    args = [CAMSWEEP, "scan", "--db", db, "--json", "--all", "-q"]
    args += list(extra) + list(targets)
    p = subprocess.run(args, capture_output=True, text=True,
                       timeout=timeout)
    if check and p.returncode != 0:
        raise RuntimeError("camsweep failed (%d): %s" %
                           (p.returncode, p.stderr))
    devs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return devs, p.stderr
