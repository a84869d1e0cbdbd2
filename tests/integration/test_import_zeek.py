# SPDX-License-Identifier: ISC
"""Issue #19, `camsweep import zeek DIR`: Zeek logs written in the ASCII
(TSV) writer's format (conn, software, known_services, dhcp, the latter
gzip-compressed here) and the JSON writer's (ssl, x509, http, dns) become
one scan record whose source is Zeek, spanning the logs' times.  Hosts:
responders of established TCP connections (not an external one, not an
unanswered SYN, not UDP), known services, and the evidence joined to them
(software's HTTP server banner; ssl.log's certificate from x509.log by
fingerprint; dhcp.log's MAC of the address it assigned) identify each of
the three; assessable.  An empty directory and a malformed row are
errors.
"""
import gzip
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

DATA = os.path.join(SRC, "tests", "integration", "data", "zeek")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


def main():
    c = Checker()
    tmp = scratch("cs-zeek-")
    try:
        logs = os.path.join(tmp, "logs")
        shutil.copytree(DATA, logs)
        with open(os.path.join(logs, "dhcp.log"), "rb") as f, \
                gzip.open(os.path.join(logs, "dhcp.log.gz"), "wb") as g:
            g.write(f.read())
        os.unlink(os.path.join(logs, "dhcp.log"))
        db = os.path.join(tmp, "z.db")
        r = run(["import", "zeek", logs, "--db", db])
        c.ok(r.returncode == 0, "exit 0 (%s)" % r.stderr.strip())
        c.ok("dhcp 1," in r.stderr and "x509 1," in r.stderr,
             "the gzip dhcp log and the JSON x509 log were read")
        scans = jl(run(["scans", "--json", "--db", db]).stdout)
        c.ok(len(scans) == 1 and scans[0]["vantage"] == "zeek import" and
             scans[0]["status"] == "complete" and
             scans[0]["started"] == "2024-03-01T08:50:00Z" and
             scans[0]["ended"] == "2024-03-01T10:00:00Z",
             "one scan, source zeek, the logs' times: %s" % scans)
        devs = {d["ip"]: d for d in
                jl(run(["show", "--json", "--all", "--db", db]).stdout)}
        c.ok(set(devs) == {"192.0.2.20", "192.0.2.21", "192.0.2.22"},
             "hosts: the local responders only (%s)" % sorted(devs))
        want = {"192.0.2.20": ([80], "http.server"),
                "192.0.2.21": ([443], "tls.subject"),
                "192.0.2.22": ([554], "mac.maker")}
        for ip, (ports, obs) in want.items():
            d = devs.get(ip, {})
            got = {e["observation"] for e in d.get("evidence", [])}
            c.ok(d.get("ports") == ports and
                 d.get("manufacturer") == "Hikvision" and obs in got,
                 "%s: ports %s, Hikvision from %s (%s, %s, %s)" %
                 (ip, ports, obs, d.get("ports"), d.get("manufacturer"),
                  sorted(got)))
        a = run(["assess", "--no-estate", "--db", db, "--regime", "uk-gsg-2022", "--json"])
        c.ok(a.returncode in (0, 4) and
             len({f.get("ip") for f in jl(a.stdout)}) == 3,
             "assess: findings for the three imported devices")
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        r = run(["import", "zeek", empty, "--db", os.path.join(tmp, "e.db")])
        c.ok(r.returncode == 2 and "no Zeek logs" in r.stderr,
             "an empty directory is an error")
        with open(os.path.join(logs, "conn.log"), "a") as f:
            f.write("1709290000.0\tonly-two-fields\n")
        db2 = os.path.join(tmp, "z2.db")
        r = run(["import", "zeek", logs, "--db", db2])
        scans = jl(run(["scans", "--json", "--db", db2]).stdout)
        c.ok(r.returncode == 2 and "conn.log:" in r.stderr and
             scans and scans[0]["status"] == "incomplete",
             "a malformed row: named, exit 2, scan incomplete (%s)" %
             r.stderr.strip()[:300])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
