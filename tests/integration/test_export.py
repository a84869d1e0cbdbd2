# SPDX-License-Identifier: ISC
"""Issue #19, results in the forms other systems take: findings as RFC
5424 syslog lines with a JSON payload and as CEF:0 events; devices as
CMDB configuration items (CSV and JSON, null for unknown, the plan's
owner); `camsweep notify --url` POSTing new and then changed findings as
JSON to a receiver on 127.0.0.1, nothing when nothing changed, and
keeping them for the next run when the receiver fails.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

DATA = os.path.join(SRC, "tests", "integration", "data")
SYSLOG = re.compile(r"^<(\d+)>1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) (\S+) "
                    r"camsweep - finding - (\{.*\})$")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=300)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


class Receiver(BaseHTTPRequestHandler):
    posts = []
    answer = 200

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        Receiver.posts.append((self.path, self.headers.get("Content-Type"),
                               self.rfile.read(n)))
        self.send_response(Receiver.answer)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


def main():
    c = Checker()
    tmp = scratch("cs-export-")
    srv = HTTPServer(("127.0.0.1", 0), Receiver)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    url = "http://127.0.0.1:%d/hook" % srv.server_address[1]
    try:
        db = os.path.join(tmp, "e.db")
        run(["import", "zeek", os.path.join(DATA, "zeek"), "--db", db])
        a = run(["assess", "--no-estate", "--db", db, "--regime", "uk-gsg-2022", "--json"])
        findings = jl(a.stdout)
        c.ok(len(findings) == 3, "three findings to export")

        r = run(["export", "syslog", "--db", db])
        lines = r.stdout.splitlines()
        ok = r.returncode == 0 and len(lines) == len(findings)
        for l in lines:
            m = SYSLOG.match(l)
            if not m:
                ok = False
                continue
            f = json.loads(m.group(4))
            sev = {"info": 6, "low": 5, "medium": 4, "high": 3,
                   "critical": 2}[f["severity"]]
            ok = ok and int(m.group(1)) == 16 * 8 + sev and f["ip"]
        c.ok(ok, "syslog: RFC 5424 lines, local0 and the finding's "
             "severity, JSON payload (%d lines)" % len(lines))

        r = run(["export", "cef", "--db", db])
        lines = r.stdout.splitlines()
        ok = r.returncode == 0 and len(lines) == len(findings)
        ips = set()
        for l in lines:
            head = re.split(r"(?<!\\)\|", l)
            ok = ok and len(head) == 8 and head[0] == "CEF:0" and \
                head[1] == "camsweep" and head[6].isdigit()
            ext = dict(re.findall(r"(\w+)=((?:[^=\\]|\\.)*?)(?= \w+=|$)",
                                  head[7] if len(head) == 8 else ""))
            ips.add(ext.get("src"))
            ok = ok and ext.get("cs1") == "uk-gsg-2022"
        c.ok(ok and ips == {f["ip"] for f in findings},
             "cef: 8 header fields, src and the regime in the extension")

        fid = findings[0]["id"]
        p = run(["plan", "set", str(fid), "--db", db, "--owner",
                 "facilities", "--due", "2027-01-31", "--status", "planned"])
        c.ok(p.returncode == 0, "a plan for finding %d" % fid)
        r = run(["export", "cmdb-csv", "--db", db])
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        devs = {d["ip"]: d for d in
                jl(run(["show", "--json", "--all", "--db", db]).stdout)}
        c.ok(r.returncode == 0 and len(rows) == len(devs) and
             all(row["manufacturer"] == devs[row["ip"]]["manufacturer"]
                 for row in rows),
             "cmdb-csv: one item per device, its maker")
        c.ok(any(row["owner"] == "facilities" and
                 row["ip"] == findings[0]["ip"] for row in rows),
             "cmdb-csv: the plan's owner")
        cj = jl(run(["export", "cmdb-json", "--db", db]).stdout)
        c.ok(len(cj) == len(devs) and all(d["model"] is None for d in cj)
             and all(set(d) >= {"ci_id", "manufacturer", "model",
                                "firmware", "location", "owner"}
                     for d in cj),
             "cmdb-json: the same items, null for unknown")

        # notify: first everything is new; after a plan change, one
        # changed; with nothing new, nothing is sent.
        Receiver.posts.clear()
        st = os.path.join(tmp, "notify.state")
        # the plan set above made finding fid "planned" already; the
        # first notify sends all three as new
        r = run(["notify", "--url", url, "--db", db, "--state", st])
        c.ok(r.returncode == 0 and len(Receiver.posts) == 1,
             "notify: one POST (%d: %s)" % (r.returncode, r.stderr))
        if Receiver.posts:
            path, ctype, body = Receiver.posts[-1]
            doc = json.loads(body)
            c.ok(path == "/hook" and ctype == "application/json" and
                 doc["version"] == 1 and len(doc["new"]) == 3 and
                 doc["changed"] == [], "notify: three new findings")
        r = run(["notify", "--url", url, "--db", db, "--state", st])
        c.ok(r.returncode == 0 and len(Receiver.posts) == 1 and
             "nothing new" in r.stderr, "notify again: nothing sent")
        run(["plan", "set", str(fid), "--db", db, "--status", "done"])
        Receiver.answer = 500
        r = run(["notify", "--url", url, "--db", db, "--state", st])
        c.ok(r.returncode == 2 and len(Receiver.posts) == 2,
             "a receiver answering 500: exit 2")
        Receiver.answer = 200
        r = run(["notify", "--url", url, "--db", db, "--state", st])
        doc = json.loads(Receiver.posts[-1][2]) if Receiver.posts else {}
        c.ok(r.returncode == 0 and len(Receiver.posts) == 3 and
             doc.get("new") == [] and len(doc.get("changed", [])) == 1 and
             doc["changed"][0]["previous_status"] == "planned" and
             doc["changed"][0]["finding"]["status"] == "done",
             "the change is sent again once delivered: planned -> done")
        r = run(["notify", "--url", "http://127.0.0.1:1/x", "--db", db,
                 "--state", os.path.join(tmp, "other.state")])
        c.ok(r.returncode == 2 and "cannot connect" in r.stderr,
             "no receiver: exit 2")
    finally:
        srv.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
