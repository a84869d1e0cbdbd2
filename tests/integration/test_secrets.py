# SPDX-License-Identifier: ISC
"""Issue #12, no secret kept: a recorder on loopback whose credentialed
replies do not parse and carry camera passwords, a token and an echo of
the Authorization header; its web page names a password in a link.

Checks: no planted secret (nor the user's password, nor the Authorization
header it received) anywhere in the inventory files, the HTML, CSV and
JSON reports, `show`, or the scan's output and log; the inventory and the
reports are 0600; the credential reached the recorder once, although two
probes ask for channel lists.  Fails on a build without the fix.
"""
import http.server
import os
import shutil
import socketserver
import stat
import subprocess
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402

NET = shifted("127.120.0.0/30")
IP = NET.split("/")[0].rsplit(".", 1)[0] + ".1"
PORT = 8080
CRED_PASS = "CredPass-PLANTED-0"
SECRETS = ["CamPass-PLANTED-1", "TOK-PLANTED-2", "WebPass-PLANTED-3",
           CRED_PASS]


class Recorder(http.server.BaseHTTPRequestHandler):
    authorized = []  # Authorization headers received
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, code, body, extra=()):
        self.send_response(code)
        self.send_header("Server", "App-webs/")
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        auth = self.headers.get("Authorization")
        if self.path == "/":
            self.send(200, b"<html><title>NVR</title><a href=\"/login?user="
                      b"admin&pwd=WebPass-PLANTED-3\">login</a></html>")
        elif auth is None:
            self.send(401, b"", [("WWW-Authenticate",
                                  'Digest realm="rec", nonce="n0nce", '
                                  'qop="auth"')])
        else:
            Recorder.authorized.append(auth)
            body = ("<InputProxyChannelList><InputProxyChannel><id>1<id>"
                    "<password>CamPass-PLANTED-1</password>"
                    "<userName>admin</userName>{\"token\":\"TOK-PLANTED-2\"}"
                    "\r\nAuthorization: %s\r\n<broken" % auth).encode()
            self.send(200, body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def read_all(paths):
    data = b""
    for p in paths:
        if os.path.exists(p):
            with open(p, "rb") as f:
                data += f.read()
    return data


def main():
    c = Checker()
    tmp = scratch("cs-secrets-")
    srv = Server((IP, PORT), Recorder)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        creds = os.path.join(tmp, "nvr.creds")
        fd = os.open(creds, os.O_WRONLY | os.O_CREAT, 0o600)
        os.write(fd, ("%s digest auditor %s\n" % (IP, CRED_PASS)).encode())
        os.close(fd)
        db = os.path.join(tmp, "inv.db")
        p = subprocess.run([CAMSWEEP, "scan", "--db", db, "--json", "--all",
                            "--ports", str(PORT), "--credentials", creds, IP],
                           capture_output=True, text=True, timeout=300)
        c.ok(p.returncode == 0, "scan ran (rc %d, %r)" % (p.returncode,
                                                          p.stderr[-300:]))
        c.ok(len(Recorder.authorized) == 1,
             "the credential reached the recorder once (%d times)" %
             len(Recorder.authorized))
        outputs = [p.stdout, p.stderr]
        for fmt in ("html", "csv", "json"):
            out = os.path.join(tmp, "report." + fmt)
            r = subprocess.run([CAMSWEEP, "report", "--db", db, "--format",
                                fmt, "-o", out], capture_output=True,
                               text=True, timeout=120)
            files = [out] if fmt != "csv" else [
                os.path.join(tmp, "report-devices.csv"),
                os.path.join(tmp, "report-findings.csv")]
            c.ok(r.returncode == 0 and all(map(os.path.exists, files)),
                 "report %s written (%r)" % (fmt, r.stderr[-200:]))
            for f in filter(os.path.exists, files):
                mode = stat.S_IMODE(os.stat(f).st_mode)
                c.ok(mode == 0o600, "%s is 0600 (%o)" % (f, mode))
                outputs.append(read_all([f]).decode("utf-8", "replace"))
            outputs.append(r.stderr)
        s = subprocess.run([CAMSWEEP, "show", "--db", db, "--json", "--all"],
                           capture_output=True, text=True, timeout=60)
        outputs += [s.stdout, s.stderr]
        mode = stat.S_IMODE(os.stat(db).st_mode)
        c.ok(mode == 0o600, "inventory is 0600 (%o)" % mode)
        dbbytes = read_all([db, db + "-wal", db + "-journal"])
        planted = SECRETS + [a.split("response=")[-1].split(",")[0].strip('"')
                             for a in Recorder.authorized]
        for secret in planted:
            c.ok(secret.encode() not in dbbytes,
                 "%s not in the inventory files" % secret)
            for i, o in enumerate(outputs):
                c.ok(secret not in o, "%s not in output %d" % (secret, i))
    finally:
        srv.shutdown()
        srv.server_close()
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
