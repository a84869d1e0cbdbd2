# SPDX-License-Identifier: ISC
"""Issue #11: the vendor API probes run wherever http-root finds a web
server, not only on their fixed web ports.  A Hikvision NVR whose web
interface was moved to 8090 (scanned with -p 8090) answers
/ISAPI/System/deviceInfo there; the scan asks it after the root page and
names maker, model and class.  The server records the requests: the
chain stops after ISAPI answered with a model.  Loopback only."""
import ipaddress
import os
import sqlite3
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import scan, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

ADDR = str(ipaddress.ip_network(shifted("127.86.0.0/30")).network_address + 1)
PORT = 8090
DEVINFO = (b'<?xml version="1.0" encoding="UTF-8"?>\n<DeviceInfo '
           b'version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">'
           b'<deviceName>Network Video Recorder</deviceName>'
           b'<model>DS-7608NI-K2</model><firmwareVersion>V4.30.085'
           b'</firmwareVersion><deviceType>NVR</deviceType></DeviceInfo>')
SEEN = []


class Nvr(BaseHTTPRequestHandler):
    def reply(self, code, ctype, body):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        SEEN.append("GET " + self.path)
        if self.path == "/ISAPI/System/deviceInfo":
            self.reply(200, "application/xml", DEVINFO)
        elif self.path == "/":
            self.reply(200, "text/html",
                       b"<html><head><title></title></head></html>")
        else:
            self.reply(404, None, b"")

    def do_POST(self):
        SEEN.append("POST " + self.path)
        self.reply(404, None, b"")

    def log_message(self, *a):
        pass


def main():
    c = Checker()
    srv = HTTPServer((ADDR, PORT), Nvr)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    tmp = scratch("cs-vchain-")
    db = os.path.join(tmp, "inv.sqlite")
    try:
        devs, err = scan([ADDR], db, ["-p", str(PORT)])
    finally:
        srv.shutdown()
        srv.server_close()
    c.ok(len(devs) == 1, "one device found: %r %s" % (devs, err[:200]))
    d = devs[0] if devs else {}
    c.ok(d.get("manufacturer") == "Hikvision", "maker: %r" %
         d.get("manufacturer"))
    c.ok(d.get("model") == "DS-7608NI-K2", "model: %r" % d.get("model"))
    c.ok(d.get("device_class") == "nvr", "class: %r" % d.get("device_class"))
    c.ok("GET /ISAPI/System/deviceInfo" in SEEN,
         "ISAPI asked on %d: %r" % (PORT, SEEN))
    c.ok(not any("magicBox" in s or "RPC2" in s for s in SEEN),
         "the chain stopped after ISAPI named the model: %r" % SEEN)
    con = sqlite3.connect(db)
    keys = {k for (k,) in con.execute(
        "SELECT key FROM observation WHERE port = ?", (PORT,))}
    c.ok("isapi.model" in keys, "isapi.model stored for port %d: %r" %
         (PORT, sorted(keys)))
    con.close()
    c.done()


if __name__ == "__main__":
    main()
