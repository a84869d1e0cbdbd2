#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Issue #21: `camsweep serve` and its API over a scanned camsim
inventory, on SQLite and (with CS_PG_URI) on PostgreSQL.

A camsim fleet on a loopback /24 is scanned twice with an estate that
puts the lower half at site "north" (department dn) and the upper half at
"south" (department ds), and assessed.  Users: an admin, one scoped to
site north, one scoped to department ds.  Then, against `camsweep serve`
on a loopback port: 401 without a token or with a bad one; login, bad
passwords and the rate limit (429); every device read by following the
pages' cursors, exactly once each, as many as the inventory holds; limit
and cursor checks (400); ETag and If-None-Match -> 304; 404/405 and the
security headers; the scope (only the user's sites, 404 for a device,
finding or plan item outside it, also for PATCH); a plan change through
PATCH seen by `camsweep plan list` and in the audit log; diff between the
two scans; a 413 for an oversized body; no password in any output; and
on PostgreSQL, the scope enforced by the database itself: the user's role
sees only its sites with no application condition at all.  Devices only
the switches know (issue #22): a simulated switch per site (Net-SNMP
snmpd, tests/switches) places an unaddressed Hikvision MAC at each site
through `camsweep switches`; the API's device list and item and the
console's device pages show each with its placement (the port name
hostile, escaped), to the admin both, to each scoped user its own site's
only (404 for the other's), on PostgreSQL through the role's policy on
placement (granted by `user add`, and by migration 0010 to an inventory
whose users were made before it).  HTTPS from certificate files is
checked once.  Everything listens on 127.0.0.1."""
import http.client
import json
import os
import re
import shutil
import sqlite3
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "switches"))
from estate import Estate, Checker, shifted, CAMSWEEP  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402
import simswitch as sw  # noqa: E402

CIDR = shifted("127.121.0.0/24")
HOSTILE = shifted("127.123.0.0/28")
# Raw in an answer, each of these is a defect (as tests/integration/
# test_escaping.py).
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u00ad\u061c"
                       "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069"
                       "\ufeff]")
PASSWORD = "correct horse battery staple 21"
# Devices only the switches know, one per site: unaddressed MACs of a
# Hikvision block (IEEE MA-L C0-56-E3) on port 5 (VLAN 10, PoE) of a
# simulated switch at each site, whose port name is hostile.
PLACED = {"north": "c0:56:e3:21:00:01", "south": "c0:56:e3:21:00:02"}
PORT5 = 'Gi1/0/5<script>x()</script>"&'
PORT5_HTML = "Gi1/0/5&lt;script&gt;x()&lt;/script&gt;&quot;&amp;"
COMMUNITY = "serve-ro-Comm21"


class Server:
    """camsweep serve on 127.0.0.1, a free port, stopped on exit."""

    def __init__(self, db, tmp, extra=(), scheme="http"):
        self.port_file = os.path.join(tmp, "port.%d" % time.time_ns())
        self.log = open(os.path.join(tmp, "serve.log"), "a+")
        self.proc = subprocess.Popen(
            [CAMSWEEP, "serve", "--db", db, "--listen", "127.0.0.1:0",
             "--port-file", self.port_file, "--threads", "2"] + list(extra),
            stdout=self.log, stderr=self.log)
        deadline = time.time() + 30
        while time.time() < deadline:
            if os.path.exists(self.port_file) and open(self.port_file).read().strip():
                break
            if self.proc.poll() is not None:
                raise RuntimeError("serve exited %d" % self.proc.returncode)
            time.sleep(0.05)
        self.port = int(open(self.port_file).read())
        self.base = "%s://127.0.0.1:%d" % (scheme, self.port)
        self.ctx = None
        if scheme == "https":
            self.ctx = ssl.create_default_context()
            self.ctx.check_hostname = False
            self.ctx.verify_mode = ssl.CERT_NONE

    def req(self, method, path, body=None, token=None, headers=None):
        """(status, headers, body bytes)"""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        r = urllib.request.Request(self.base + path, data=data, method=method,
                                   headers=h)
        try:
            with urllib.request.urlopen(r, timeout=60, context=self.ctx) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def json(self, method, path, body=None, token=None, headers=None):
        st, h, b = self.req(method, path, body, token, headers)
        try:
            return st, h, json.loads(b) if b else None
        except ValueError:
            return st, h, b

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.seek(0)
        return self.log.read()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def run(args, **kw):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=600, **kw)


def write_estate(path):
    base = CIDR.split("/")[0].rsplit(".", 1)[0]
    with open(path, "w") as f:
        f.write('department "North dept" id=dn\n'
                'department "South dept" id=ds\n'
                'site "North" id=north dept=dn sensitive=yes reason=secret\n'
                'site "South" id=south dept=ds sensitive=no\n'
                'network %s.0/25 site=north zone=cctv\n'
                'network %s.128/25 site=south zone=cctv\n' % (base, base))


def place(db, tmp, c):
    """`camsweep switches` for each site: a simulated switch (snmpd) in
    the scan's range, whose forwarding table holds that site's PLACED MAC
    on port 5, read with --site; the MAC becomes a device only the
    switches know, at that site."""
    if shutil.which("snmpd") is None and not os.path.exists("/usr/sbin/snmpd"):
        c.ok(False, "snmpd is needed for the switch-only devices "
             "(scripts/deps.sh)")
        return
    base = CIDR.split("/")[0].rsplit(".", 1)[0]
    for site, last in (("north", 77), ("south", 200)):
        ip = "%s.%d" % (base, last)
        rows = sw.fdb_row(10, PLACED[site], 5) + [
            "%s.31.1.1.1.1.5 string %s" % (sw.MIB2, PORT5),
            "%s.2.2.1.2.5 string %s" % (sw.MIB2, PORT5)]
        data = os.path.join(tmp, "%s.snmp" % site)
        sw.write_data(data, "edge-sw1.snmp", rows)
        conf = os.path.join(tmp, "switches.%s.conf" % site)
        with open(conf, "w") as f:
            f.write("switch %s-sw %s port=16161 version=2c community=%s\n"
                    % (site, ip, COMMUNITY))
        os.chmod(conf, 0o600)
        agent = sw.Agent(tmp, "snmp-%s-%d" % (site, time.time_ns()), ip,
                         16161, data, community=COMMUNITY)
        try:
            r = run(["switches", "--db", db, "--file", conf, "--site", site,
                     "--rate", "100"])
        finally:
            agent.stop()
        c.ok(r.returncode == 0 and "1 devices read" in r.stdout + r.stderr,
             "switches at %s (%d): %r" % (site, r.returncode,
                                         (r.stdout + r.stderr)[-300:]))


def fill(db, estate, c, tmp=None):
    """Two scans and an assessment into db: the second of another fleet at
    the same addresses, so that diff has changes at both sites; with tmp,
    the switches read after the second (place)."""
    for i, seed in enumerate((21, 22)):
        with Estate(CIDR, 24, seed=seed) as est:
            c.ok(len(est.devices) == 24, "camsim fleet of 24 (seed %d)" % seed)
            r = run(["scan", "--db", db, "--rate", "0", "--read-timeout", "1500",
                     "-q", "--estate", estate, CIDR])
        c.ok(r.returncode == 0, "scan %d into %s: %r" % (i, db[:40], r.stderr[-300:]))
    if tmp is not None:
        place(db, tmp, c)
    r = run(["assess", "--db", db, "--estate", estate, "--json"])
    c.ok(r.returncode in (0, 4), "assess: %d %r" % (r.returncode, r.stderr[-300:]))


def walk(srv, token, path, limit):
    """Every item of a paginated list, following next; (items, pages)."""
    items, pages, cur = [], 0, None
    while True:
        q = "%s?limit=%d" % (path, limit) + ("&cursor=" + cur if cur else "")
        st, _, body = srv.json("GET", q, token=token)
        if st != 200:
            raise RuntimeError("%s: %d %r" % (q, st, body))
        pages += 1
        items += body["items"]
        cur = body["next"]
        if cur is None or pages > 10000:
            return items, pages


def login(srv, user, pw=PASSWORD):
    st, _, body = srv.json("POST", "/api/v1/login", {"user": user, "password": pw})
    return st, (body or {}).get("token") if isinstance(body, dict) else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **kw):
        return None


def page_login_cookie(srv, user, pw=PASSWORD):
    """The Set-Cookie of the log-in form's answer (a 303, not followed)."""
    data = urllib.parse.urlencode({"user": user, "password": pw}).encode()
    r = urllib.request.Request(srv.base + "/login", data=data, method="POST",
                               headers={"Content-Type":
                                        "application/x-www-form-urlencoded"})
    handlers = [_NoRedirect()]
    if srv.ctx is not None:
        handlers.append(urllib.request.HTTPSHandler(context=srv.ctx))
    try:
        with urllib.request.build_opener(*handlers).open(r, timeout=60) as resp:
            return resp.status, resp.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Set-Cookie", "")


def check_backend(c, name, db, tmp, users, truth, sql):
    """The API over db; users: admin, north, dept names; truth: the
    devices by site (a dict site -> set of ips) as the database holds
    them; sql(query) -> rows, for the audit log."""
    adm, north, dept = users
    tag = "[%s]" % name
    with Server(db, tmp) as srv:
        # 401 without a token, with a bad one, with a malformed header
        st, h, body = srv.json("GET", "/api/v1/devices")
        c.ok(st == 401 and "Bearer" in h.get("WWW-Authenticate", ""),
             "%s no token: 401 with WWW-Authenticate (%d)" % (tag, st))
        st, _, _ = srv.json("GET", "/api/v1/devices", token="0" * 64)
        c.ok(st == 401, "%s a made-up token: 401 (%d)" % (tag, st))
        st, _, _ = srv.json("GET", "/api/v1/devices",
                            headers={"Authorization": "Basic YWRtaW46eA=="})
        c.ok(st == 401, "%s Basic instead of Bearer: 401 (%d)" % (tag, st))
        # login
        st, _ = login(srv, adm, "wrong password")
        c.ok(st == 401, "%s bad password: 401 (%d)" % (tag, st))
        st, _ = login(srv, "nobody-here", PASSWORD)
        c.ok(st == 401, "%s unknown user: 401 (%d)" % (tag, st))
        st, tok_a = login(srv, adm)
        c.ok(st == 200 and tok_a and len(tok_a) == 64, "%s admin logs in" % tag)
        st, tok_n = login(srv, north)
        st2, tok_d = login(srv, dept)
        c.ok(st == 200 and st2 == 200, "%s scoped users log in" % tag)
        st, _, body = srv.json("POST", "/api/v1/login", b'{"user": 1}')
        c.ok(st == 400, "%s login with a bad body: 400 (%d)" % (tag, st))
        st, h, body = srv.json("GET", "/api/v1/me", token=tok_n)
        c.ok(st == 200 and body["user"] == north and body["sites"] == ["north"],
             "%s /me of the north user: %r" % (tag, body))
        # pagination: every device once, as many as the inventory holds
        all_ips = sorted(ip for v in truth.values() for ip in v)
        items, pages = walk(srv, tok_a, "/api/v1/devices", 7)
        ids = [d["id"] for d in items]
        c.ok(len(ids) == len(set(ids)), "%s no device twice across pages" % tag)
        c.ok(sorted(d["ip"] for d in items) == all_ips,
             "%s admin reads all %d devices in %d pages of 7 (%d)" %
             (tag, len(all_ips), pages, len(items)))
        c.ok(pages == (len(items) + 6) // 7 or pages == (len(items) + 6) // 7 + 1,
             "%s %d pages for %d devices" % (tag, pages, len(items)))
        d0 = items[0]
        c.ok(all(k in d0 for k in ("ip", "ports", "manufacturer", "device_class",
                                   "surveillance", "confidence", "evidence",
                                   "site", "first_seen", "last_seen")),
             "%s a device has the CLI's keys: %r" % (tag, sorted(d0)))
        c.ok(any(d["evidence"] for d in items),
             "%s devices carry their evidence chains" % tag)
        st, _, one = srv.json("GET", "/api/v1/devices/%d" % d0["id"], token=tok_a)
        c.ok(st == 200 and one == d0, "%s devices/{id} is the list's object" % tag)
        # limits and cursors
        for bad in ("0", "-1", "abc", "", "1e3"):
            st, _, _ = srv.json("GET", "/api/v1/devices?limit=" + bad, token=tok_a)
            c.ok(st == 400, "%s limit=%r: 400 (%d)" % (tag, bad, st))
        st, _, body = srv.json("GET", "/api/v1/devices?limit=99999", token=tok_a)
        c.ok(st == 200 and len(body["items"]) <= 500, "%s limit capped at 500" % tag)
        st, _, body = srv.json("GET", "/api/v1/findings?limit=1", token=tok_a)
        fcur = body.get("next") if st == 200 else None
        c.ok(st == 200 and fcur, "%s findings has more than one page" % tag)
        st, _, _ = srv.json("GET", "/api/v1/devices?cursor=%s" % fcur, token=tok_a)
        c.ok(st == 400, "%s a findings cursor on devices: 400 (%d)" % (tag, st))
        st, _, _ = srv.json("GET", "/api/v1/devices?cursor=zz", token=tok_a)
        c.ok(st == 400, "%s a junk cursor: 400 (%d)" % (tag, st))
        # ETag
        st, h, b1 = srv.req("GET", "/api/v1/devices?limit=5", token=tok_a)
        et = h.get("ETag")
        c.ok(st == 200 and et and et.startswith('"'), "%s ETag %r" % (tag, et))
        st, h, b2 = srv.req("GET", "/api/v1/devices?limit=5", token=tok_a,
                            headers={"If-None-Match": et})
        c.ok(st == 304 and b2 == b"" and h.get("ETag") == et,
             "%s If-None-Match: 304, no body (%d)" % (tag, st))
        st, h, b3 = srv.req("GET", "/api/v1/devices?limit=5", token=tok_a,
                            headers={"If-None-Match": '"0000"'})
        c.ok(st == 200 and b3 == b1, "%s another ETag: 200, the same body" % tag)
        # headers, 404, 405
        csp = h.get("Content-Security-Policy", "")
        c.ok("frame-ancestors 'none'" in csp and "default-src 'none'" in csp and
             h.get("X-Content-Type-Options") == "nosniff",
             "%s security headers: %r" % (tag, csp))
        st, _, body = srv.json("GET", "/api/v1/nothing", token=tok_a)
        c.ok(st == 404, "%s unknown path: 404 (%d)" % (tag, st))
        st, h, _ = srv.json("DELETE", "/api/v1/devices", token=tok_a)
        c.ok(st == 405 and "GET" in h.get("Allow", ""), "%s DELETE: 405 with Allow" % tag)
        st, _, _ = srv.json("GET", "/api/v1/devices/0", token=tok_a)
        c.ok(st == 404, "%s device 0: 404 (%d)" % (tag, st))
        # scope: the north user sees north only; south devices are not there
        nitems, _ = walk(srv, tok_n, "/api/v1/devices", 50)
        c.ok(sorted(d["ip"] for d in nitems) == truth["north"] and
             all(d["site"] == "north" for d in nitems),
             "%s north user: exactly north's %d devices (%d)" %
             (tag, len(truth["north"]), len(nitems)))
        # the rows under a device (ports, evidence) are the scoped user's
        # too, also where a scan from the centre (site "") saw the device
        byid = dict((d["id"], d) for d in items)
        c.ok(nitems and all(d == byid.get(d["id"]) for d in nitems),
             "%s north user's devices are the admin's, ports and evidence "
             "included (%d with evidence)" %
             (tag, len([d for d in nitems if d["evidence"]])))
        ditems, _ = walk(srv, tok_d, "/api/v1/devices", 50)
        c.ok(sorted(d["ip"] for d in ditems) == truth["south"],
             "%s department ds user: exactly south's %d devices (%d)" %
             (tag, len(truth["south"]), len(ditems)))
        south = [d for d in items if d["site"] == "south"]
        northd = [d for d in items if d["site"] == "north"]
        c.ok(south and northd, "%s both sites hold devices" % tag)
        if south and northd:
            st, _, body = srv.json("GET", "/api/v1/devices/%d" % south[0]["id"], token=tok_n)
            c.ok(st == 404, "%s north user, a south device: 404 not 403 (%d)" % (tag, st))
            st, _, body = srv.json("GET", "/api/v1/devices/%d" % northd[0]["id"], token=tok_n)
            c.ok(st == 200 and body["id"] == northd[0]["id"],
                 "%s north user, a north device: 200" % tag)
            st, _, _ = srv.json("GET", "/api/v1/devices?site=south", token=tok_n)
            c.ok(st == 200, "%s ?site=south for the north user answers" % tag)
            st, _, body = srv.json("GET", "/api/v1/devices?site=south", token=tok_n)
            c.ok(body["items"] == [], "%s ... with nothing in it" % tag)
        # findings and the plan, scoped
        fall, _ = walk(srv, tok_a, "/api/v1/findings", 10)
        fnorth, _ = walk(srv, tok_n, "/api/v1/findings", 10)
        c.ok(fall and fnorth and all(f["site"] == "north" for f in fnorth) and
             len(fnorth) == len([f for f in fall if f["site"] == "north"]),
             "%s findings: north user sees north's %d of %d" % (tag, len(fnorth), len(fall)))
        fs = [f for f in fall if f["site"] == "south"]
        fn = [f for f in fall if f["site"] == "north"]
        if c.ok(fs and fn, "%s findings at both sites" % tag):
            st, _, _ = srv.json("GET", "/api/v1/findings/%d" % fs[0]["id"], token=tok_n)
            c.ok(st == 404, "%s north user, a south finding: 404 (%d)" % (tag, st))
            st, _, _ = srv.json("PATCH", "/api/v1/plan/%d" % fs[0]["id"],
                                {"owner": "mallory"}, token=tok_n)
            c.ok(st == 404, "%s north user, PATCH of a south plan item: 404 (%d)" % (tag, st))
            st, _, body = srv.json("PATCH", "/api/v1/plan/%d" % fn[0]["id"],
                                   {"owner": "facilities-north", "due": "2027-03-31",
                                    "status": "planned"}, token=tok_n)
            c.ok(st == 200 and body["owner"] == "facilities-north" and
                 body["status"] == "planned", "%s PATCH plan: %d %r" % (tag, st, body))
            st, _, _ = srv.json("PATCH", "/api/v1/plan/%d" % fn[0]["id"],
                                {"status": "closed"}, token=tok_n)
            c.ok(st == 400, "%s PATCH to closed (assess's only): 400 (%d)" % (tag, st))
            st, _, _ = srv.json("PATCH", "/api/v1/plan/%d" % fn[0]["id"],
                                {"owner": "x", "evil": "y"}, token=tok_n)
            c.ok(st == 400, "%s PATCH with an unknown key: 400 (%d)" % (tag, st))
            r = run(["plan", "list", "--db", db, "--json", "--all"])
            got = [json.loads(l) for l in r.stdout.splitlines() if l.strip()]
            mine = [f for f in got if f["id"] == fn[0]["id"]]
            c.ok(mine and mine[0]["owner"] == "facilities-north" and
                 mine[0]["due"] == "2027-03-31" and mine[0]["status"] == "planned",
                 "%s the change in `camsweep plan list`: %r" % (tag, mine[:1]))
            rows = sql("SELECT who, action, target, before_json, after_json FROM "
                       "audit_log WHERE action = 'plan.set' ORDER BY id")
            c.ok(len(rows) == 1 and rows[0][0] == north and
                 rows[0][2] == "finding:%d" % fn[0]["id"] and
                 '"owner":"facilities-north"' in rows[0][4] and
                 '"owner":"facilities-north"' not in rows[0][3],
                 "%s the audit log: who, what, before and after (%r)" %
                 (tag, [r[:3] for r in rows]))
        # the answer cache never serves what has changed: a change from
        # another process (the CLI), then one through the server
        if fn:
            fid = fn[0]["id"]
            for _ in range(2):
                st, h1, b1 = srv.json("GET", "/api/v1/findings/%d" % fid, token=tok_a)
            r = run(["plan", "set", str(fid), "--db", db, "--owner", "cli-owner"])
            c.ok(r.returncode == 0, "%s plan set from the CLI: %r" % (tag, r.stderr[-200:]))
            st, h2, b2 = srv.json("GET", "/api/v1/findings/%d" % fid, token=tok_a)
            c.ok(st == 200 and b1["owner"] == "facilities-north" and
                 b2["owner"] == "cli-owner" and h1["ETag"] != h2["ETag"],
                 "%s a change by another process is seen at once (%r -> %r)" %
                 (tag, b1.get("owner"), b2.get("owner")))
            for _ in range(3):
                srv.json("GET", "/api/v1/plan/%d" % fid, token=tok_n)
            st, _, _ = srv.json("PATCH", "/api/v1/plan/%d" % fid,
                                {"owner": "facilities-north"}, token=tok_n)
            seen = set()
            for _ in range(6):  # whichever worker thread answers
                st, _, b3 = srv.json("GET", "/api/v1/plan/%d" % fid, token=tok_n)
                seen.add(b3["owner"])
            c.ok(seen == {"facilities-north"},
                 "%s a change through the server is seen at once: %r" % (tag, seen))
        pl, _ = walk(srv, tok_a, "/api/v1/plan", 10)
        c.ok(pl and all(f["status"] in ("open", "planned", "done", "risk-accepted")
                        for f in pl), "%s /plan lists the active findings (%d)" % (tag, len(pl)))
        # scans and diff
        scans, _ = walk(srv, tok_a, "/api/v1/scans", 1)
        c.ok(len(scans) == 2 and scans[0]["id"] != scans[1]["id"],
             "%s two scans, one per page (%d)" % (tag, len(scans)))
        if len(scans) == 2:
            st, _, body = srv.json("GET", "/api/v1/diff?from=%d&to=%d" %
                                   (scans[1]["id"], scans[0]["id"]), token=tok_a)
            allch = body.get("changes", []) if st == 200 else []
            c.ok(st == 200 and set(x["site"] for x in allch) == {"north", "south"},
                 "%s diff: changes at both sites (%d): %r" % (tag, len(allch), body.get("counts")))
            st, _, body = srv.json("GET", "/api/v1/diff?from=%d&to=%d" %
                                   (scans[1]["id"], scans[0]["id"]), token=tok_n)
            nch = body.get("changes", []) if st == 200 else []
            c.ok(st == 200 and nch and all(x["site"] == "north" for x in nch) and
                 len(nch) == len([x for x in allch if x["site"] == "north"]) and
                 sum(body["counts"].values()) == len(nch),
                 "%s diff for the north user: north's %d changes only" % (tag, len(nch)))
            st, _, _ = srv.json("GET", "/api/v1/diff?from=%d" % scans[0]["id"], token=tok_a)
            c.ok(st == 400, "%s diff without to: 400 (%d)" % (tag, st))
        # the page of a device the newest scan did not see: found by its
        # own newest sighting, in the older scan
        old = sql("SELECT d.id, d.ip FROM device d WHERE d.last_scan = "
                  "(SELECT min(id) FROM scan) ORDER BY d.id LIMIT 1")
        st, ck = page_login_cookie(srv, adm)
        if c.ok(old and st == 303, "%s a device only the first scan saw (%r)"
                % (tag, old)):
            st, html = page_get(srv, ck, "/devices/%s" % old[0][0])
            first = min(x["id"] for x in scans) if scans else -1
            c.ok(st == 200 and old[0][1] in html and
                 "As scan %d saw it." % first in html,
                 "%s its page: %d, as scan %d saw it" % (tag, st, first))
        # an oversized body
        try:
            st, _, _ = srv.req("POST", "/api/v1/login", b"{" + b" " * 70000 + b"}")
        except (ConnectionError, http.client.HTTPException) as e:
            st = repr(e)
        c.ok(st == 413, "%s a 70 kB body: 413 (%r)" % (tag, st))
        # logout ends the token
        st, _, _ = srv.json("POST", "/api/v1/logout", token=tok_d)
        st2, _, _ = srv.json("GET", "/api/v1/devices", token=tok_d)
        c.ok(st == 200 and st2 == 401, "%s logout: then 401 (%d, %d)" % (tag, st, st2))
        # the rate limit: 5 failures for a name, then even the right
        # password waits
        for _ in range(5):
            login(srv, dept, "nope")
        st, _ = login(srv, dept)
        c.ok(st == 429, "%s after 5 failures: 429 (%d)" % (tag, st))
        st, _ = login(srv, adm)
        c.ok(st == 200, "%s another user still logs in (%d)" % (tag, st))
        log = srv.stop()
    c.ok(srv.proc.returncode == 0 and "Sanitizer" not in log and
         "runtime error" not in log,
         "%s serve stops cleanly on SIGTERM (%r, %r)" % (tag, srv.proc.returncode, log[-300:]))
    c.ok(PASSWORD not in log and "nope" not in log,
         "%s no password in the server's log" % tag)
    rows = sql("SELECT action, count(*) FROM audit_log GROUP BY action ORDER BY action")
    acts = dict((r[0], int(r[1])) for r in rows)
    c.ok(acts.get("login.api", 0) >= 4 and acts.get("login.fail", 0) >= 7 and
         acts.get("user.add") == 3 and acts.get("logout") == 1,
         "%s audit log actions: %r" % (tag, acts))
    blob = " ".join(" ".join(str(x) for x in r) for r in sql("SELECT * FROM audit_log"))
    c.ok(PASSWORD not in blob, "%s no password in the audit log" % tag)
    rows = sql("SELECT pwhash FROM app_user")
    c.ok(rows and all(r[0].startswith("$argon2id$v=19$m=65536,t=3,p=1$") and
                      PASSWORD not in r[0] for r in rows),
         "%s passwords kept as Argon2id encodings only" % tag)
    rows = sql("SELECT token_hash FROM session")
    c.ok(rows and all(len(r[0]) == 64 and r[0] not in (tok_a, tok_n) for r in rows),
         "%s sessions kept as SHA-256 of the token only" % tag)


def page_get(srv, cookie, path):
    """(status, text) of a console page with the session cookie."""
    r = urllib.request.Request(srv.base + path,
                               headers={"Cookie": cookie.split(";", 1)[0]})
    try:
        with urllib.request.urlopen(r, timeout=60) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def check_placed(c, name, db, tmp, users):
    """Devices only the switches know through the API and the pages: the
    admin sees both, each scoped user its own site's only (users: admin,
    north, department ds = south)."""
    tag = "[%s placed]" % name
    adm, north, dept = users
    with Server(db, tmp) as srv:
        toks = dict((u, login(srv, u)[1]) for u in users)
        items, _ = walk(srv, toks[adm], "/api/v1/devices", 7)
        pl = dict((d["mac"], d) for d in items if d.get("known_from") == "switch")
        c.ok(sorted(pl) == sorted(PLACED.values()),
             "%s admin: the two switch-only devices in /api/v1/devices: %r"
             % (tag, sorted(pl)))
        ids = {}
        for site, mac in PLACED.items():
            d = pl.get(mac, {})
            q = d.get("placement", {})
            ids[site] = d.get("id", 0)
            c.ok(d.get("ip") == "" and d.get("site") == site and
                 d.get("manufacturer") == "Hikvision" and
                 d.get("ports") == [] and q.get("switch") == site + "-sw" and
                 q.get("port") == PORT5 and q.get("vlan") == 10 and
                 q.get("poe") == "delivering",
                 "%s the %s one: no address, its site, its placement: %r"
                 % (tag, site, d))
        st, _, one = srv.json("GET", "/api/v1/devices/%d" % ids["north"],
                              token=toks[adm])
        c.ok(st == 200 and one == pl.get(PLACED["north"]),
             "%s devices/{id} of a switch-only device is the list's object"
             % tag)
        st, h, b1 = srv.req("GET", "/api/v1/devices/%d" % ids["north"],
                            token=toks[adm])
        st2, _, _ = srv.req("GET", "/api/v1/devices/%d" % ids["north"],
                            token=toks[adm],
                            headers={"If-None-Match": h.get("ETag", "")})
        c.ok(st == 200 and st2 == 304 and PORT5.encode() not in b1 and
             json.loads(b1)["placement"]["port"] == PORT5,
             "%s its ETag answers 304; its port JSON-escaped (%d, %d)"
             % (tag, st, st2))
        for user, mine, other in ((north, "north", "south"),
                                  (dept, "south", "north")):
            its, _ = walk(srv, toks[user], "/api/v1/devices", 5)
            got = sorted(d["mac"] for d in its if d.get("known_from") == "switch")
            c.ok(got == [PLACED[mine]] and all(d["site"] == mine for d in its),
                 "%s %s: its site's switch-only device only: %r" % (tag, user, got))
            st, _, d = srv.json("GET", "/api/v1/devices/%d" % ids[mine],
                                token=toks[user])
            c.ok(st == 200 and d == pl.get(PLACED[mine]),
                 "%s %s reads its own by id, placement included (%d)"
                 % (tag, user, st))
            st, _, _ = srv.json("GET", "/api/v1/devices/%d" % ids[other],
                                token=toks[user])
            c.ok(st == 404, "%s %s, the other site's: 404 (%d)" % (tag, user, st))
            # the console's pages, as that user
            st, ck = page_login_cookie(srv, user)
            st, html = page_get(srv, ck, "/devices")
            c.ok(st == 200 and PLACED[mine] in html and
                 PLACED[other] not in html and
                 "known only from its switch %s-sw port %s VLAN 10 PoE "
                 "delivering" % (mine, PORT5_HTML) in html and
                 "<script>x()" not in html,
                 "%s %s's devices page: its switch-only device by MAC with "
                 "its port, escaped; not the other site's (%d)" % (tag, user, st))
            st, html = page_get(srv, ck, "/devices/%d" % ids[mine])
            c.ok(st == 200 and "<h2>Where it is plugged in</h2>" in html and
                 "<dt>Port</dt><dd>%s</dd>" % PORT5_HTML in html and
                 "<dt>VLAN</dt><dd>10</dd>" in html and
                 "<dt>PoE</dt><dd>delivering</dd>" in html and
                 PLACED[mine] in html and "<script>x()" not in html,
                 "%s %s's page of it: the placement as evidence (%d)"
                 % (tag, user, st))
            st, html = page_get(srv, ck, "/devices/%d" % ids[other])
            c.ok(st == 404 and PLACED[other] not in html,
                 "%s %s's page of the other site's: 404 (%d)" % (tag, user, st))
        st, ck = page_login_cookie(srv, adm)
        st, html = page_get(srv, ck, "/devices")
        c.ok(st == 200 and all(m in html for m in PLACED.values()),
             "%s the admin's devices page lists both" % tag)
        log = srv.stop()
    c.ok("Sanitizer" not in log and "runtime error" not in log,
         "%s serve: no sanitizer report" % tag)
    return ids


def add_users(c, db, tmp, names):
    pw = os.path.join(tmp, "pw")
    with open(pw, "w") as f:
        f.write(PASSWORD + "\n")
    os.chmod(pw, 0o600)
    adm, north, dept = names
    for args in (["user", "add", adm, "--admin"],
                 ["user", "add", north, "--site", "north"],
                 ["user", "add", dept, "--department", "ds"]):
        r = run(args + ["--db", db, "--password-file", pw])
        c.ok(r.returncode == 0 and PASSWORD not in r.stdout + r.stderr,
             "%s: %r" % (" ".join(args[:3]), r.stderr[-200:]))
    r = run(["user", "add", north, "--db", db, "--password-file", pw, "--site", "x"])
    c.ok(r.returncode != 0 and "exists" in r.stderr, "a second add of a name is refused")
    r = run(["user", "add", "scopeless", "--db", db, "--password-file", pw])
    c.ok(r.returncode != 0 and "scope" in r.stderr, "a user without a scope is refused")
    r = run(["user", "add", "Bad Name", "--db", db, "--password-file", pw, "--admin"])
    c.ok(r.returncode != 0, "a bad user name is refused")
    r = run(["user", "list", "--db", db])
    c.ok(r.returncode == 0 and north in r.stdout and "site:north" in r.stdout and
         PASSWORD not in r.stdout and "argon2" not in r.stdout,
         "user list: %r" % r.stdout[:300])


def truth_of(rows):
    """Each site's device addresses, one per device row, sorted: two
    fleets at the same addresses may leave two devices at one address
    (told apart by MAC or serial), and each is a device of its own."""
    t = {"north": [], "south": []}
    for site, ip in rows:
        t.setdefault(site, []).append(ip)
    return dict((k, sorted(v)) for k, v in t.items())


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
    c = Checker()
    pg_admin = os.environ.get("CS_PG_URI")
    if mode == "pg" and (not pg_admin or not shutil.which("psql")):
        return skip("no PostgreSQL server (CS_PG_URI) or no psql")
    tmp = scratch("cs-serve-")
    estate = os.path.join(tmp, "two.estate")
    write_estate(estate)
    if mode == "sqlite":
        main_sqlite(c, tmp, estate)
    else:
        main_pg(c, tmp, estate, pg_admin)
    return c.status("serve api (%s): ok" % mode)


def main_sqlite(c, tmp, estate):
    sq = os.path.join(tmp, "inv.db")
    fill(sq, estate, c, tmp)
    # the listener stays on loopback unless told
    r = run(["serve", "--db", sq, "--listen", "0.0.0.0:0"])
    c.ok(r.returncode == 1 and "--allow-remote" in r.stderr,
         "a non-loopback listen is refused: %r" % r.stderr[-200:])
    r = run(["serve", "--db", sq, "--listen", "0.0.0.0:0", "--allow-remote"])
    c.ok(r.returncode == 1 and "--cert" in r.stderr,
         "--allow-remote without HTTPS is refused: %r" % r.stderr[-200:])
    names = ("ada", "nora", "dee")
    add_users(c, sq, tmp, names)
    con = sqlite3.connect(sq)
    truth = truth_of(con.execute("SELECT site, ip FROM device").fetchall())
    con.close()

    def sql_sqlite(q):
        con = sqlite3.connect(sq)
        try:
            return con.execute(q).fetchall()
        finally:
            con.close()
    check_backend(c, "sqlite", sq, tmp, names, truth, sql_sqlite)
    check_placed(c, "sqlite", sq, tmp, names)
    # HTTPS from certificate files
    crt, key = os.path.join(tmp, "c.pem"), os.path.join(tmp, "k.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                        "-subj", "/CN=127.0.0.1", "-days", "1", "-keyout", key,
                        "-out", crt], capture_output=True)
    if c.ok(r.returncode == 0, "openssl made a test certificate"):
        with Server(sq, tmp, ["--cert", crt, "--key", key], scheme="https") as srv:
            st, tok = login(srv, names[0])
            st2, h, _ = srv.json("GET", "/api/v1/devices?limit=1", token=tok)
            c.ok(st == 200 and st2 == 200 and "max-age" in h.get(
                "Strict-Transport-Security", ""), "HTTPS: login and a page, with HSTS")
            st, ck = page_login_cookie(srv, names[0])
            c.ok(st == 303 and "HttpOnly" in ck and "; Secure" in ck,
                 "HTTPS: the log-in form's session cookie is Secure (%d %r)"
                 % (st, ck.split(";", 1)[-1]))  # not the token
        with Server(sq, tmp) as srv:
            st, ck = page_login_cookie(srv, names[0])
            c.ok(st == 303 and "HttpOnly" in ck and "Secure" not in ck,
                 "HTTP: the session cookie without Secure (%d)" % st)
    check_hostile(c, tmp)


def check_hostile(c, tmp):
    """The hostile camsim fleets (HTML, script, ESC, invalid UTF-8; bidi
    controls, U+2028, C1): every answer is valid UTF-8 and JSON with none
    of them raw, and the strings are still there, escaped."""
    db = os.path.join(tmp, "hostile.db")
    for mix, seed in (("hostile", 5), ("bidi", 3)):
        with Estate(HOSTILE, 8, seed=seed, mix=mix) as est:
            c.ok(any(d["profile"].startswith("hostile") for d in est.devices),
                 "the %s fleet has hostile devices" % mix)
            r = run(["scan", "--db", db, "--rate", "0", "-q", HOSTILE])
            c.ok(r.returncode == 0, "scan of the %s fleet: %r" % (mix, r.stderr[-200:]))
    r = run(["assess", "--db", db, "--no-estate", "--json"])
    c.ok(r.returncode in (0, 4), "assess of the hostile fleets: %r" % r.stderr[-200:])
    pw = os.path.join(tmp, "pw")
    r = run(["user", "add", "root1", "--db", db, "--password-file", pw, "--admin"])
    c.ok(r.returncode == 0, "user add on the hostile inventory")
    raws = []
    with Server(db, tmp) as srv:
        st, tok = login(srv, "root1")
        st, _, b = srv.req("GET", "/api/v1/scans", token=tok)
        ids = [x["id"] for x in json.loads(b)["items"]]
        for path in ("/api/v1/devices?limit=500", "/api/v1/findings?limit=500",
                     "/api/v1/plan?limit=500",
                     "/api/v1/diff?from=%d&to=%d" % (min(ids), max(ids))):
            st, h, b = srv.req("GET", path, token=tok)
            ok = st == 200 and h.get("Content-Type") == "application/json"
            try:
                text = b.decode("utf-8")
                json.loads(text)
            except ValueError as e:
                ok, text = False, repr(e)
            bad = sorted({"U+%04X" % ord(m) for m in FORBIDDEN.findall(text)})
            c.ok(ok and not bad, "hostile %s: valid UTF-8 JSON, nothing raw (%s)"
                 % (path, ", ".join(bad)))
            raws.append(text)
        for d in json.loads(raws[0])["items"]:
            st, _, b = srv.req("GET", "/api/v1/devices/%d" % d["id"], token=tok)
            c.ok(st == 200 and not FORBIDDEN.search(b.decode("utf-8")),
                 "hostile device %d alone: nothing raw" % d["id"])
    alltext = "".join(raws)
    c.ok("\\u202e" in alltext.lower() and "<script>" in alltext,
         "the hostile strings are there, escaped for JSON")


def main_pg(c, tmp, estate, pg_admin):
    tagn = os.getpid()
    dbname, db2name = "cs_serve_%d" % tagn, "cs_serve2_%d" % tagn
    for d in (dbname, db2name):
        r = subprocess.run(["psql", pg_admin, "-Atqc", "CREATE DATABASE " + d],
                           capture_output=True, text=True)
        c.ok(r.returncode == 0, "pg: create database %s: %r" % (d, r.stderr))
    pg = pg_admin.rsplit("/", 1)[0] + "/" + dbname
    pg2 = pg_admin.rsplit("/", 1)[0] + "/" + db2name

    def psql(q, uri=pg):
        r = subprocess.run(["psql", uri, "-AtqF", "\t", "-c", q],
                           capture_output=True, text=True, timeout=120)
        return [l.split("\t") for l in r.stdout.splitlines() if l]

    def role_of(user, uri=pg):
        rows = psql("SELECT pg_role FROM app_user WHERE name = '%s'" % user, uri)
        return rows[0][0] if rows else ""

    def as_role(user, q, uri=pg):
        return psql("BEGIN; SET LOCAL ROLE \"%s\"; %s; COMMIT"
                    % (role_of(user, uri), q), uri)

    pnames = ("ada%d" % tagn, "nora%d" % tagn, "dee%d" % tagn)
    roles = set()
    try:
        fill(pg, estate, c, tmp)
        add_users(c, pg, tmp, pnames)
        roles |= set(role_of(u) for u in pnames[1:])
        c.ok(all(r.startswith("cs_u_") and r.endswith("_" + u) and r != "cs_u_" + u
                 for r, u in zip([role_of(u) for u in pnames[1:]], pnames[1:])),
             "pg: each scoped user's role is named for the inventory: %r" % roles)
        c.ok(role_of(pnames[0]) == "", "pg: an admin has no role of its own")
        truth = truth_of(psql("SELECT site, ip FROM device"))
        check_backend(c, "pg", pg, tmp, pnames, truth, psql)
        check_placed(c, "pg", pg, tmp, pnames)
        # the role's policy on placement, with no condition in the query
        north = pnames[1]
        q = "SELECT DISTINCT site FROM placement"
        c.ok(as_role(north, q) == [["north"]] and
             as_role(pnames[2], q) == [["south"]],
             "pg: each role reads its sites' placements only: %r, %r"
             % (as_role(north, q), as_role(pnames[2], q)))
        # An inventory whose users were made before schema v10: no grant
        # on placement; migration 0010 (db init, or any command that
        # opens it) grants it with its policy (and 0011 follows).
        psql("REVOKE SELECT ON placement FROM camsweep_reader; "
             "DROP POLICY cs_reader ON placement; DROP INDEX placement_scan; "
             "DROP FUNCTION cs_notify_change() CASCADE; "
             "DELETE FROM schema_version WHERE version >= 10")
        rows = as_role(north, q)
        c.ok(rows == [], "pg: as under v9, the role may not read placement: %r"
             % rows)
        r = run(["db", "init", "--db", pg])
        rows = as_role(north, q)
        c.ok(r.returncode == 0 and rows == [["north"]] and
             psql("SELECT max(version) FROM schema_version") == [["11"]],
             "pg: migration 0010 grants it, by site: %r (%r)"
             % (rows, r.stderr[-200:]))
        check_placed(c, "pg migrated", pg, tmp, pnames)
        # The database enforces the scope, not only the application: the
        # north user's role, with no condition in the query, sees north.
        north = pnames[1]
        rows = as_role(north, "SELECT DISTINCT '=' || site FROM "
                       "device UNION SELECT DISTINCT '=' || site FROM finding UNION "
                       "SELECT DISTINCT '=' || device_site FROM sighting")
        c.ok(rows == [["=north"]], "pg: the north role sees north's rows only: %r" % rows)
        rows = as_role(north, "SELECT count(*), count(*) FILTER "
                       "(WHERE g.device_site <> 'north') FROM evidence e JOIN sighting g "
                       "ON g.id = e.sighting_id")
        nall = psql("SELECT count(*) FROM evidence e JOIN sighting g ON g.id = "
                    "e.sighting_id WHERE g.device_site = 'north'")
        c.ok(rows and rows[0][1] == "0" and [rows[0][0]] == nall[0] and nall[0][0] != "0",
             "pg: the north role reads exactly north's evidence: %r of %r" % (rows, nall))
        rows = as_role(north, "SELECT count(*) FROM app_user")
        c.ok(rows == [], "pg: the role may not read the accounts: %r" % rows)
        as_role(north, "UPDATE finding SET owner = 'x'")
        n = psql("SELECT count(*) FROM finding WHERE owner = 'x'")
        c.ok(n == [["0"]], "pg: the role may not write findings: %r" % n)
        # A second inventory in the same cluster with a user of the same
        # name: its own role, and deleting it there leaves this one's.
        fill(pg2, estate, c)
        pw = os.path.join(tmp, "pw")
        r = run(["user", "add", north, "--db", pg2, "--password-file", pw,
                 "--site", "south"])
        c.ok(r.returncode == 0, "pg: the same user name in a second inventory: %r"
             % r.stderr[-200:])
        roles.add(role_of(north, pg2))
        c.ok(role_of(north, pg2) not in ("", role_of(north)),
             "pg: a role of its own there: %r, %r" % (role_of(north, pg2), role_of(north)))
        rows = as_role(north, "SELECT DISTINCT site FROM device", pg2)
        c.ok(rows == [["south"]], "pg: there it reads its scope there, south: %r" % rows)
        r = run(["user", "del", north, "--db", pg2])
        c.ok(r.returncode == 0, "pg: user del in the second inventory: %r" % r.stderr[-200:])
        rows = as_role(north, "SELECT DISTINCT site FROM device")
        c.ok(rows == [["north"]], "pg: the first inventory's user still reads north "
             "through its role: %r" % rows)
        with Server(pg, tmp) as srv:
            st, tok = login(srv, north)
            items, _ = walk(srv, tok, "/api/v1/devices", 50) if st == 200 else ([], 0)
            c.ok(st == 200 and items and all(d["site"] == "north" for d in items),
                 "pg: and through the API (%d, %d devices)" % (st, len(items)))
        for u in pnames:
            r = run(["user", "del", u, "--db", pg])
            c.ok(r.returncode == 0, "pg: user del %s: %r" % (u, r.stderr[-200:]))
        rows = psql("SELECT count(*) FROM pg_roles WHERE rolname LIKE 'cs_u_%%%d'" % tagn)
        c.ok(rows == [["0"]], "pg: user del drops the roles: %r" % rows)
    finally:
        for role in roles:
            if role:
                subprocess.run(["psql", pg_admin, "-qc", 'DROP ROLE IF EXISTS "%s"' % role],
                               capture_output=True)
        for d in (dbname, db2name):
            subprocess.run(["psql", pg_admin, "-qc", "DROP DATABASE IF EXISTS " + d],
                           capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
