# SPDX-License-Identifier: ISC
"""Issue #19, one JSON: every device camsweep writes for programs (scan
--json, scan -oJ, show --json, and the scans import nmap, shodan, zeek,
runzero and censys record) validates against docs/schema/device.v1.json; identify's standard
output against identity.v1.json (whose members shared with a device are
defined as in device.v1.json); scans --json against
scan.v1.json; export cmdb-json against ci.v1.json; the notify body
against notify.v1.json.  Unknown is null, never "", and times are ISO 8601
UTC (the schemas say so).
"""
import json
import os
import shutil
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "ident"))
import samples  # noqa: E402

SCHEMA = os.path.join(SRC, "docs", "schema")
DATA = os.path.join(SRC, "tests", "integration", "data")


def run(args):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=600)


def jl(text):
    return [json.loads(l) for l in text.splitlines() if l.strip()]


class Receiver(BaseHTTPRequestHandler):
    bodies = []

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        Receiver.bodies.append(self.rfile.read(n))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *a):
        pass


def main():
    c = Checker()
    try:
        import jsonschema
    except ImportError:
        c.ok(False, "python3-jsonschema installed (scripts/deps.sh)")
        c.done()
    schemas = {}
    for name in ("device", "identity", "scan", "ci", "notify"):
        with open(os.path.join(SCHEMA, name + ".v1.json")) as f:
            schemas[name] = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schemas[name])

    def check(kind, objs, what):
        v = jsonschema.Draft202012Validator(schemas[kind])
        errs = [e.message for o in objs for e in v.iter_errors(o)]
        c.ok(objs and not errs, "%s: %d objects valid against %s.v1 %s" %
             (what, len(objs), kind, errs[:3]))

    # identify: identities (ungrouped, grouped, salvaged) and line errors.
    ident = schemas["identity"]["$defs"]["identity"]["properties"]
    same = [k for k in ident if k in schemas["device"]["properties"]]
    c.ok(len(same) == 10 and all(ident[k] == schemas["device"]["properties"][k]
                                for k in same),
         "identity.v1 defines its %d device members as device.v1 does" %
         len(same))
    lines = [
        {"id": "http", "kind": "http", "data": samples.HTTP_HIK, "port": 80},
        {"id": 7, "kind": "rtsp", "data": samples.RTSP_DAHUA, "port": 554},
        {"device": "10.1.2.3", "kind": "sadp", "data": samples.SADP,
         "port": 37020},
        {"device": "10.1.2.3", "kind": "tls-cert", "data": samples.HIK_PEM,
         "port": 443},
        {"device": 12, "kind": "wsd", "data": samples.WSD, "port": 3702},
        {"kind": "banner", "data": "SSH-2.0-dropbear", "port": 22},
        # A Dahua device certificate alone: cctv=mostly, presumed.
        {"id": "dahua-cert", "kind": "tls.subject",
         "data": "CN=192.168.1.108,OU=IPC,O=Dahua,L=HangZhou,ST=ZheJiang,C=CN",
         "port": 443},
        {"id": "cut", "kind": "rtsp",
         "data": "CSeq: 1\r\nServer: Dahua Rtsp Server\r\n"},
        {"id": "bad", "kind": "htp", "data": "x"},
        {"device": "10.9.9.9", "data": "x"},
    ]
    r = subprocess.run([CAMSWEEP, "identify", "--no-oui"], capture_output=True,
                       text=True, timeout=120,
                       input="".join(json.dumps(l) + "\n" for l in lines))
    out = jl(r.stdout)
    c.ok(r.returncode == 0 and len(out) == len(lines) - 1,
         "identify: %d objects for %d lines, two grouped (exit %d)" %
         (len(out), len(lines), r.returncode))
    check("identity", out, "identify")
    c.ok(sum("error" in o for o in out) == 2 and
         any(o.get("salvaged") for o in out) and
         any("device" in o for o in out) and
         any(o.get("manufacturer") for o in out),
         "identify: errors, a salvaged, a grouped and an identified object "
         "are among them")
    basis = {o.get("id"): o.get("surveillance_basis") for o in out}
    c.ok(basis.get("dahua-cert") == "presumed" and
         basis.get("http") == "observed" and
         all(o.get("surveillance_basis") is None for o in out
             if "error" not in o and o.get("surveillance") is None),
         "identify: surveillance_basis presumed for a Dahua certificate "
         "alone, observed for an ISAPI reply, null when surveillance is "
         "(%s)" % basis)
    v = __import__("jsonschema").Draft202012Validator(schemas["identity"])
    c.ok(any(True for _ in v.iter_errors(dict(out[0],
                                              surveillance_basis="guessed"))),
         "identity.v1 refuses a surveillance_basis other than "
         "observed, presumed or null")
    bad = dict(out[0], model="")
    c.ok(any(True for _ in v.iter_errors(bad)) and
         any(True for _ in v.iter_errors(dict(out[0], device="x"))),
         "identity.v1 refuses \"\" for unknown and both id and device")

    tmp = scratch("cs-schema-")
    srv = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        db = os.path.join(tmp, "s.db")
        oj = os.path.join(tmp, "s.jsonl")
        with Estate(shifted("127.78.0.0/26"), 30, seed=5) as est:
            r = run(["scan", "--db", db, "--json", "--all", "-q", "-oJ", oj,
                     "--rate", "2000", shifted("127.78.0.0/26")])
            c.ok(r.returncode == 0, "scan exits 0 (%s)" % r.stderr[-200:])
            scanned = jl(r.stdout)
            check("device", scanned, "scan --json")
            with open(oj) as f:
                check("device", jl(f.read()), "scan -oJ")
            check("device", jl(run(["show", "--json", "--all", "--db",
                                    db]).stdout), "show --json")
            c.ok(len(scanned) == len(est.devices),
                 "every camsim device was written (%d of %d)" %
                 (len(scanned), len(est.devices)))
        for src, path in (("nmap", os.path.join(DATA, "nmap-hik.xml")),
                          ("shodan", os.path.join(DATA, "shodan-hik.jsonl")),
                          ("zeek", os.path.join(DATA, "zeek")),
                          ("runzero", os.path.join(DATA,
                                                   "runzero-assets.jsonl")),
                          ("censys", os.path.join(DATA,
                                                  "censys-hosts.jsonl"))):
            idb = os.path.join(tmp, src + ".db")
            run(["import", src, path, "--db", idb])
            check("device", jl(run(["show", "--json", "--all", "--db",
                                    idb]).stdout), "import %s" % src)
            check("scan", jl(run(["scans", "--json", "--db", idb]).stdout),
                  "scans --json after import %s" % src)
        check("scan", jl(run(["scans", "--json", "--db", db]).stdout),
              "scans --json")
        zdb = os.path.join(tmp, "zeek.db")
        run(["assess", "--no-estate", "--db", zdb, "--regime", "uk-gsg-2022"])
        check("ci", jl(run(["export", "cmdb-json", "--db", zdb]).stdout),
              "export cmdb-json")
        check("ci", jl(run(["export", "cmdb-json", "--db", db]).stdout),
              "export cmdb-json of a scan")
        url = "http://127.0.0.1:%d/" % srv.server_address[1]
        r = run(["notify", "--url", url, "--db", zdb])
        check("notify", [json.loads(b) for b in Receiver.bodies],
              "notify body (%d)" % r.returncode)
    finally:
        srv.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
