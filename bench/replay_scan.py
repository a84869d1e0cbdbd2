# SPDX-License-Identifier: ISC
"""Serves units of identify input as live loopback hosts (`camsim
--replay`), scans them with `camsweep scan --json --all` and returns the
scan's identity of each unit, so that the scan path and `camsweep
identify` can be compared on the same bytes.  Used by
bench/bench_field_scan.py and tests/integration/test_replay_agree.py.

A unit is a dict with "key", "ids" and "lines" (identify input lines as
JSON text), as bench_field.load_units makes them.  Every address used is
inside 127.0.0.0/8."""
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time


def _loopback(cidr):
    net = ipaddress.ip_network(cidr)
    if not net.subnet_of(ipaddress.ip_network("127.0.0.0/8")):
        raise ValueError("refusing %s: not inside 127.0.0.0/8" % cidr)


def replay_input(units):
    """The camsim --replay input: every line carries its unit's key as
    "device" (so a one-line unit is a unit too) and its own id."""
    out = []
    for u in units:
        for i, text in enumerate(u["lines"]):
            o = json.loads(text)
            o["device"] = u["key"]
            o["id"] = u["ids"][i]
            out.append(json.dumps(o))
    return "\n".join(out) + "\n"


def norm_class(c):
    return None if c in (None, "unknown") else c


def norm_maker(m):
    return m.lower() if isinstance(m, str) else None


class Replay:
    """camsim --replay on cidr, stopped on exit.  .manifest maps unit key
    -> manifest object (ip, served, skipped).  Its files go to workdir,
    or to a temporary directory of its own removed on exit (a caller's
    workdir is left as it is)."""

    def __init__(self, camsim, units, cidr, workdir=None):
        _loopback(cidr)
        self.cidr = cidr
        self.own_dir = workdir is None
        self.dir = workdir or tempfile.mkdtemp(prefix="cs-replay-")
        src = os.path.join(self.dir, "replay.jsonl")
        man = os.path.join(self.dir, "manifest.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            f.write(replay_input(units))
        self.errf = open(os.path.join(self.dir, "camsim.err"), "w+")
        self.proc = subprocess.Popen([camsim, "--replay", src, "--cidr", cidr,
                                      "--manifest", man],
                                     stdout=subprocess.PIPE, stderr=self.errf,
                                     text=True)
        line = ""
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line or "ready" in line:
                break
        if "ready" not in line:
            self.stop()
            why = self.summary()
            self.close()
            raise RuntimeError("camsim --replay did not start: %s" % why)
        self.manifest = {}
        with open(man, encoding="utf-8") as f:
            for l in f:
                o = json.loads(l)
                key = o["unit"][4:] if o["unit"].startswith("dev:") else o["unit"]
                self.manifest[key] = o

    def summary(self):
        self.errf.flush()
        self.errf.seek(0)
        return [l.rstrip("\n") for l in self.errf if l.startswith("camsim: replay")]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def __enter__(self):
        return self

    def close(self):
        """Closes the error log and removes the directory if it made it."""
        self.errf.close()
        if self.own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __exit__(self, *exc):
        self.stop()
        self.close()

    def scan(self, camsweep, data_dir, extra=(), timeout=1800):
        """Scans the served hosts (default ports) and returns unit key ->
        the scan's device object, and the scan's stderr."""
        ips = sorted((m["ip"] for m in self.manifest.values() if m["ip"]),
                     key=lambda a: ipaddress.ip_address(a))
        if not ips:
            return {}, ""
        db = os.path.join(self.dir, "inv.db")
        if os.path.exists(db):
            os.unlink(db)
        targets = os.path.join(self.dir, "targets.txt")
        with open(targets, "w") as f:
            f.write("\n".join(ips) + "\n")
        args = [camsweep, "scan", "--db", db, "--data", data_dir, "--json",
                "--all", "-q", "--no-resume", "--rate", "0"]
        args += list(extra) + ["@" + targets]
        p = subprocess.run(args, capture_output=True, text=True,
                           timeout=timeout, check=False)
        by_ip = {}
        for l in p.stdout.splitlines():
            try:
                d = json.loads(l)
            except ValueError:
                continue
            by_ip[d.get("ip")] = d
        out = {}
        for key, m in self.manifest.items():
            d = by_ip.get(m["ip"]) if m["ip"] else None
            if d is not None:
                d = dict(d)
                d["device_class"] = norm_class(d.get("device_class"))
                out[key] = d
        return out, p.stderr


def unsafe_lines(units):
    """id -> (kind, why), for the lines of units that answer a request camsweep
    never sends (their "unsafe_request" member, bench_field.load_units)."""
    out = {}
    for u in units:
        out.update(u.get("unsafe") or {})
    return out


def without_lines(units, ids):
    """The units without the lines whose id is in ids (a unit left with no
    line is left out)."""
    out = []
    for u in units:
        keep = [i for i, x in enumerate(u["ids"]) if x not in ids]
        if keep:
            v = dict(u)
            v["ids"] = [u["ids"][i] for i in keep]
            v["lines"] = [u["lines"][i] for i in keep]
            out.append(v)
    return out


def served_units(units, manifest):
    """The units restricted to the lines camsim served (same keys)."""
    out = []
    for u in units:
        m = manifest.get(u["key"])
        ids = {s["id"] for s in m["served"]} if m else set()
        keep = [i for i, x in enumerate(u["ids"]) if x in ids]
        if keep:
            out.append({"key": u["key"], "label": u.get("label"),
                        "ids": [u["ids"][i] for i in keep],
                        "lines": [u["lines"][i] for i in keep]})
    return out


def disagreements(units, scanned, identified):
    """For every unit in units: (key, fields) where the scan's and
    identify's maker, class or surveillance differ."""
    out = []
    for u in units:
        s, i = scanned.get(u["key"]) or {}, identified.get(u["key"]) or {}
        diff = []
        if norm_maker(s.get("manufacturer")) != norm_maker(i.get("manufacturer")):
            diff.append("maker")
        if norm_class(s.get("device_class")) != norm_class(i.get("device_class")):
            diff.append("class")
        if s.get("surveillance") != i.get("surveillance"):
            diff.append("surveillance")
        if diff:
            out.append((u["key"], diff))
    return out
