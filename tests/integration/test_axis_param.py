# SPDX-License-Identifier: ISC
"""The Axis VAPIX parameter list as a conditional follow-up (issue #11, with
the packet budget of issue #17): the scan asks
GET /axis-cgi/param.cgi?action=list&group=Brand,Properties only of hosts
whose earlier replies point to Axis and whose basicdeviceinfo named no
model, once per host, and reads the reply with the decoder `identify` uses.

  fleet     a camsim fleet (mix axis-param): Axis units on firmware without
            basicdeviceinfo (profile axis-camera-legacy, answering only the
            documented param.cgi request) come out as Axis cameras with the
            model and firmware of their listing; current Axis units keep
            basicdeviceinfo's answer; Hikvision and Linux hosts carry no
            axis.* observation.
  requests  recording web servers on loopback: an Axis-looking host with no
            basicdeviceinfo gets exactly one param.cgi request, the
            documented one, without credentials; an Axis host whose
            basicdeviceinfo names its model and a non-Axis host get none.

Every address is in 127.0.0.0/8.
"""
import os
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

FLEET = shifted("127.23.0.0/27")
COUNT = 16
REC = shifted("127.23.1.0/29")
DOC_PATH = "/axis-cgi/param.cgi?action=list&group=Brand,Properties"

LISTING = ("root.Brand.Brand=AXIS\r\nroot.Brand.ProdNbr=M1065-LW\r\n"
           "root.Brand.ProdFullName=AXIS M1065-LW Network Camera\r\n"
           "root.Brand.ProdType=Network Camera\r\n"
           "root.Properties.Firmware.Version=7.25.1\r\n")
BDI = ('{"apiVersion":"1.3","data":{"propertyList":{"Brand":"AXIS",'
       '"ProdNbr":"P3245-LVE","ProdType":"Dome Camera",'
       '"Version":"10.12.206"}}}')


def make_handler(kind, log):
    """kind: 'legacy' (Axis title, no basicdeviceinfo, listing served),
    'modern' (Axis title, basicdeviceinfo answers), 'other' (no Axis)."""

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *a):
            pass

        def reply(self, status, ctype, body):
            b = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(b)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b)

        def handle_any(self):
            n = int(self.headers.get("Content-Length") or 0)
            if n:
                self.rfile.read(n)
            log.append((self.command, self.path,
                        self.headers.get("Authorization")))
            if self.command == "GET" and self.path == "/":
                title = ("Router" if kind == "other" else
                         "Live View / - AXIS M1065-LW Network Camera")
                return self.reply(200, "text/html",
                                  "<html><head><title>%s</title></head>"
                                  "</html>" % title)
            if (kind == "modern" and self.command == "POST" and
                    self.path == "/axis-cgi/basicdeviceinfo.cgi"):
                return self.reply(200, "application/json", BDI)
            if (kind != "other" and self.command == "GET" and
                    self.path == DOC_PATH):
                return self.reply(200, "text/plain", LISTING)
            return self.reply(404, "text/html", "<html>404</html>")

        do_GET = do_POST = do_HEAD = do_OPTIONS = handle_any

    return H


def requests_part(c, tmp):
    base = REC.split("/")[0].rsplit(".", 1)[0]
    hosts = {"legacy": base + ".2", "modern": base + ".3", "other": base + ".4"}
    logs = {k: [] for k in hosts}
    servers = []
    for kind, ip in hosts.items():
        srv = ThreadingHTTPServer((ip, 80), make_handler(kind, logs[kind]))
        t = threading.Thread(target=srv.serve_forever, daemon=True)
        t.start()
        servers.append((srv, t))
    try:
        devs, _ = scan([REC], os.path.join(tmp, "rec.db"),
                       ["--rate", "0", "-p", "80"])
    finally:
        for srv, t in servers:
            srv.shutdown()
            srv.server_close()
            t.join()
    found = {d["ip"]: d for d in devs}
    for kind, ip in hosts.items():
        c.ok(ip in found, "%s host %s found" % (kind, ip))
        c.ok(any(p == "/" for _, p, _ in logs[kind]),
             "%s host was asked its root page: %s" % (kind, logs[kind]))
        c.ok(all(a is None for _, _, a in logs[kind]),
             "%s host: no request carried credentials" % kind)
    asked = {k: [(m, p) for m, p, _ in v if "param.cgi" in p]
             for k, v in logs.items()}
    c.ok(asked["legacy"] == [("GET", DOC_PATH)],
         "legacy Axis host: exactly the documented param.cgi request, "
         "once: %s" % asked["legacy"])
    c.ok(asked["modern"] == [],
         "Axis host whose basicdeviceinfo named the model: no param.cgi: %s"
         % asked["modern"])
    c.ok(asked["other"] == [],
         "non-Axis host: no param.cgi: %s" % asked["other"])
    d = found.get(hosts["legacy"], {})
    c.ok(d.get("manufacturer") == "Axis" and d.get("model") == "M1065-LW"
         and d.get("firmware") == "7.25.1",
         "legacy host named from its listing: %r %r %r" %
         (d.get("manufacturer"), d.get("model"), d.get("firmware")))
    d = found.get(hosts["other"], {})
    c.ok(d.get("manufacturer") != "Axis",
         "non-Axis host not named Axis: %r" % d.get("manufacturer"))


# The profiles the fleet must hold: camsim deals them by seed and address,
# and the fleet's range moves with the build directory (shifted), so a
# seed that gives 16 devices no current Axis camera at one checkout path
# gives one at another (0.75^16, about 1% of paths).  The first seed from
# 23 whose fleet holds them all is used: the same at every path.
WANT = {"axis-camera-legacy", "axis-camera", "hikvision-camera"}


def fleet_part(c, tmp):
    db = os.path.join(tmp, "fleet.db")
    devs, truth = [], {}
    for seed in range(23, 43):
        with Estate(FLEET, COUNT, seed=seed, mix="axis-param") as est:
            truth = {d["ip"]: d for d in est.devices}
            if not WANT <= {d["profile"] for d in truth.values()}:
                continue
            devs, _ = scan([FLEET], db, ["--rate", "0"])
            break
    found = {d["ip"]: d for d in devs}
    con = sqlite3.connect(db)
    profiles = set()
    for ip, t in sorted(truth.items()):
        prof = t["profile"]
        profiles.add(prof)
        d = found.get(ip)
        if not c.ok(d is not None, "%s (%s) found" % (ip, prof)):
            continue
        keys = {r[0] for r in con.execute(
            "SELECT o.key FROM observation o JOIN sighting s "
            "ON s.id = o.sighting_id WHERE s.ip = ?", (ip,))}
        if prof.startswith("axis-camera"):
            c.ok("axis.model" in keys, "%s (%s) has axis.model" % (ip, prof))
            for f in ("manufacturer", "model", "firmware", "device_class"):
                c.ok(d.get(f) == t[f], "%s (%s) %s %r == %r" %
                     (ip, prof, f, d.get(f), t[f]))
            if prof == "axis-camera-legacy":
                c.ok("axis.basicdeviceinfo" not in keys,
                     "%s (legacy) has no basicdeviceinfo answer" % ip)
        else:
            c.ok(not any(k.startswith("axis.") for k in keys),
                 "%s (%s) has no axis.* observation" % (ip, prof))
            c.ok(d.get("manufacturer") != "Axis",
                 "%s (%s) not named Axis" % (ip, prof))
    con.close()
    c.ok(WANT <= profiles, "fleet holds the profiles: %s" % sorted(profiles))


def main():
    c = Checker()
    tmp = scratch("cs-axparam-")
    requests_part(c, tmp)
    fleet_part(c, tmp)
    c.done()


if __name__ == "__main__":
    main()
