# SPDX-License-Identifier: ISC
"""Acceptance of issue #22: where each camera is plugged in.

A loopback estate: three camsim cameras, and real SNMP agents (Net-SNMP
snmpd with tests/switches/agent.py over tests/switches/data) for an
access switch edge-sw1 (v2c), a core switch core-sw1 (SNMPv3 authNoPriv,
SHA-256) and a router gw1 (SNMPv3 authPriv, SHA/AES) whose ARP table maps
the cameras' MACs to their addresses, and a fourth agent outside the scan
scope.  Checks: every camera placed on its edge port and VLAN (never on
the trunk, the uplinks or the core switch's downlink), the Dahua camera
on the core VLAN raised under the core-network obligation with the switch
evidence although its address is in the CCTV range, an unaddressed MAC on
a PoE port recorded as a device named by its OUI, the agent outside the
scope never sent a packet, only GET/GETNEXT/GETBULK sent (the agents'
packet dumps decoded, and the pass_persist command logs), at the
configured rate, no secret printed or stored, and the 0600 rule."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "switches"))
from estate import CAMSIM, CAMSWEEP, Checker, shifted  # noqa: E402
from scratch import scratch, discard  # noqa: E402
from skip import skip  # noqa: E402
import simswitch as sw  # noqa: E402

NET = shifted("127.122.0.0/21")
B = NET.split("/")[0].rsplit(".", 2)[0]          # "127.x"
GW, EDGE, CORE = B + ".0.1", B + ".0.2", B + ".0.3"
FAR = B + ".8.9"                                 # outside the /21
DEAD = B + ".0.4"                                # in scope, no agent
CAMS = {B + ".2.10": ("hikvision-camera", 1, 20),   # port, VLAN
        B + ".2.11": ("dahua-camera", 2, 10),       # core VLAN
        B + ".2.12": ("axis-camera", 3, 20)}
UNADDR = "c0:56:e3:5a:00:04"   # a Hikvision OUI (IEEE MA-L C0-56-E3)
UNADDR_CORE = "c0:56:e3:5a:00:05"  # another, on a core-VLAN PoE port
DAHUA = "3c:ef:8c:5a:00:06"  # a Dahua OUI (IEEE MA-L 3C-EF-8C): cctv=mostly
# What the switch says of that port, hostile: every output must escape it.
PORT5 = 'Gi1/0/5<script>x()</script>"&'
NEIGH5 = "=cmd|' /C calc'!A0<img src=x>"
DESK = "00:1b:21:0d:e5:01"     # a PC on core-sw1 Gi1/0/3
RATE = 10
SECRETS = ["edge-ro-Comm7", "core-auth-pass-2", "gw-auth-pass-3",
           "gw-priv-pass-4", "far-ro-Comm9"]


def camsweep(*args):
    return subprocess.run([CAMSWEEP] + list(args), capture_output=True,
                          text=True, timeout=600)


def api_findings(db, tmp, user, password):
    """camsweep serve on 127.0.0.1 (a free port): as user, the first page
    of /api/v1/findings, and under "one" the switch-only finding read by
    id.  The server is stopped before returning."""
    import urllib.request
    import urllib.error
    pf = os.path.join(tmp, "serve.port")
    log = open(os.path.join(tmp, "serve.log"), "w")
    proc = subprocess.Popen([CAMSWEEP, "serve", "--db", db, "--listen",
                             "127.0.0.1:0", "--port-file", pf, "--threads",
                             "1"], stdout=log, stderr=log)
    out = {}
    try:
        deadline = time.time() + 30
        while time.time() < deadline and proc.poll() is None and not (
                os.path.exists(pf) and open(pf).read().strip()):
            time.sleep(0.05)
        base = "http://127.0.0.1:%d" % int(open(pf).read())

        def call(path, body=None, token=None):
            h = {"Content-Type": "application/json"} if body else {}
            if token:
                h["Authorization"] = "Bearer " + token
            r = urllib.request.Request(
                base + path, headers=h, method="POST" if body else "GET",
                data=json.dumps(body).encode() if body else None)
            try:
                with urllib.request.urlopen(r, timeout=60) as resp:
                    return json.loads(resp.read())
            except urllib.error.HTTPError:
                return {}
        tok = call("/api/v1/login", {"user": user,
                                     "password": password}).get("token")
        out = call("/api/v1/findings?limit=500", token=tok)
        for f in out.get("items", []):
            if f.get("ip") == "" and f.get("mac") == UNADDR_CORE:
                out["one"] = call("/api/v1/findings/%d" % f["id"],
                                  token=tok)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
    return out


def main():
    if shutil.which("snmpd") is None and not os.path.exists("/usr/sbin/snmpd"):
        return skip("snmpd not installed (scripts/deps.sh)")
    c = Checker(verbose=True)
    tmp = scratch("cs-switches-")
    procs, agents = [], []
    try:
        macs = {}
        for ip, (prof, _, _) in CAMS.items():
            man = os.path.join(tmp, "m-%s.jsonl" % ip)
            p = subprocess.Popen([CAMSIM, "--device-ip", ip, "--profile",
                                  prof, "--seed", "5", "--manifest", man],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
            procs.append(p)
            line = p.stdout.readline()
            if "ready" not in line:
                raise RuntimeError("camsim %s: %r" % (ip, line))
            macs[ip] = json.loads(open(man).readline())["mac"].lower()

        # Forwarding tables: each camera on its edge port of edge-sw1 and
        # on core-sw1's downlink Te1/1/2; 12 phones behind the trunk;
        # the desk PC on core-sw1's Gi1/0/3 and behind edge-sw1's uplink.
        edge, core = [], []
        for ip, (_, port, vlan) in CAMS.items():
            edge += sw.fdb_row(vlan, macs[ip], port)
            core += sw.fdb_row(vlan, macs[ip], 2)
        edge += sw.fdb_row(20, UNADDR, 4)
        # a second unaddressed Hikvision MAC, in VLAN 10 (core) on
        # Gi1/0/5, whose ifName and LLDP neighbour are hostile strings
        edge += sw.fdb_row(10, UNADDR_CORE, 5)
        edge += ["%s.31.1.1.1.1.5 string %s" % (sw.MIB2, PORT5),
                 "%s.2.2.1.2.5 string %s" % (sw.MIB2, PORT5)]
        edge += sw.lldp_rows(5, 1, "c0:56:e3:5a:00:05", NEIGH5, "eth0",
                             0x01)
        # an unaddressed Dahua MAC: surveillance presumed from its maker
        edge += sw.fdb_row(20, DAHUA, 6)
        for i in range(12):
            edge += sw.fdb_row(30, "00:04:f2:00:00:%02x" % i, 47)
        edge += sw.fdb_row(10, DESK, 48)
        core += sw.fdb_row(10, DESK, 3)
        arp = []
        for ip in CAMS:
            arp += sw.arp_row(2, ip, macs[ip])
        arp += sw.arp_row(2, B + ".1.50", DESK)
        for name, base, rows in (("edge", "edge-sw1.snmp", edge),
                                 ("core", "core-sw1.snmp", core),
                                 ("gw", "gw1.snmp", arp),
                                 ("far", "edge-sw1.snmp", edge)):
            sw.write_data(os.path.join(tmp, name + ".snmp"), base, rows)
        agents.append(sw.Agent(tmp, "edge", EDGE, 16161,
                               os.path.join(tmp, "edge.snmp"),
                               community=SECRETS[0]))
        agents.append(sw.Agent(tmp, "core", CORE, 16161,
                               os.path.join(tmp, "core.snmp"),
                               users=[("coreaudit", "SHA-256", SECRETS[1],
                                       None, None)]))
        agents.append(sw.Agent(tmp, "gw", GW, 16161,
                               os.path.join(tmp, "gw.snmp"),
                               users=[("gwaudit", "SHA", SECRETS[2], "AES",
                                       SECRETS[3])]))
        agents.append(sw.Agent(tmp, "far", FAR, 16161,
                               os.path.join(tmp, "far.snmp"),
                               community=SECRETS[4]))
        edge_a, core_a, gw_a, far_a = agents

        db = os.path.join(tmp, "inv.db")
        p = camsweep("scan", "--db", db, "-q", "--rate", "0",
                     "--read-timeout", "1500", NET)
        c.ok(p.returncode == 0, "scan %s (%s)" % (NET, p.stderr[-300:]))

        conf = os.path.join(tmp, "switches.conf")
        with open(conf, "w") as f:
            f.write("# the estate's switches\n"
                    "switch core-sw1 %s port=16161 version=3 user=coreaudit"
                    " auth=sha256 auth-pass=%s\n"
                    "switch edge-sw1 %s port=16161 version=2c community=%s\n"
                    "router gw1 %s port=16161 version=3 user=gwaudit auth=sha"
                    " auth-pass=%s priv=aes priv-pass=%s\n"
                    "switch far-sw %s port=16161 version=2c community=%s\n"
                    "switch dead-sw %s port=16161 version=2c community=%s\n"
                    % (CORE, SECRETS[1], EDGE, SECRETS[0], GW, SECRETS[2],
                       SECRETS[3], FAR, SECRETS[4], DEAD, SECRETS[0]))
        # The 0600 rule: refused, nothing sent, nothing secret said.
        os.chmod(conf, 0o644)
        p = camsweep("switches", "--db", db, "--file", conf)
        c.ok(p.returncode == 1 and "0644" in p.stderr,
             "a switches file readable by others is refused (%d %r)" % (
                 p.returncode, p.stderr[-200:]))
        c.ok(not edge_a.packets(), "nothing sent with a refused file")
        os.chmod(conf, 0o600)

        t0 = time.time()
        p = camsweep("switches", "--db", db, "--file", conf, "--rate",
                     str(RATE), "--timeout", "1500", "--retries", "1")
        took = time.time() - t0
        out = p.stdout + p.stderr
        # far-sw is outside the scope: exit 2, the others read.
        c.ok(p.returncode == 2 and "far-sw" in p.stderr and
             "outside the scope" in p.stderr,
             "the switch outside the scan scope is refused (%d %r)" % (
                 p.returncode, p.stderr[-300:]))
        c.ok(far_a.packets() == [] and far_a.commands() == [],
             "the agent outside the scope received nothing")
        c.ok("3 devices read, 1 failed, 1 refused" in p.stdout,
             "three devices read: %s" % p.stdout.splitlines()[-1:])
        c.ok("dead-sw (%s): no answer (timeout)" % DEAD in p.stderr,
             "the switch that does not answer is reported")
        for s in SECRETS:
            c.ok(s not in out, "no secret printed (%s...)" % s[:4])

        p2 = camsweep("switches", "--db", db, "--list")
        rows = {}
        for line in p2.stdout.splitlines():
            f = line.split()
            if len(f) >= 4 and f[0].count(":") == 5:
                rows[f[0]] = line
        for ip, (_, port, vlan) in CAMS.items():
            line = rows.get(macs[ip], "")
            c.ok(line.split()[1:4] == [ip, "edge-sw1", "Gi1/0/%d" % port]
                 and "vlan %d " % vlan in line and "poe delivering" in line,
                 "%s placed on edge-sw1 Gi1/0/%d VLAN %d: %r" % (
                     ip, port, vlan, line))
        c.ok("lldp camera-lobby" in rows.get(macs[B + ".2.12"], ""),
             "the LLDP neighbour of the Axis camera's port")
        line = rows.get(UNADDR, "")
        c.ok(line.split()[1:4] == ["-", "edge-sw1", "Gi1/0/4"] and
             "poe delivering" in line,
             "the unaddressed MAC on the PoE port is placed: %r" % line)
        line = rows.get(DESK, "")
        c.ok(line.split()[1:4] == [B + ".1.50", "core-sw1", "Gi1/0/3"],
             "the desk PC on core-sw1 Gi1/0/3 (not edge-sw1's uplink): %r"
             % line)
        c.ok(not any("00:04:f2:00:00:" in k for k in rows),
             "the MACs behind the trunk are not placed")
        c.ok(not any(" Gi1/0/47 " in l or " Gi1/0/48 " in l or
                     " Te1/1/" in l for l in rows.values()),
             "nothing placed on a trunk or an uplink")
        for up in ("uplink edge-sw1 Gi1/0/47", "uplink edge-sw1 Gi1/0/48",
                   "uplink core-sw1 Te1/1/1", "uplink core-sw1 Te1/1/2"):
            c.ok(up in p.stdout, "%s recognised" % up)

        con = sqlite3.connect(db)
        dev = con.execute("SELECT ip, manufacturer, mac FROM device "
                          "WHERE dkey = ?", ("mac:" + UNADDR,)).fetchall()
        c.ok(len(dev) == 1 and dev[0][0] == "" and
             "Hikvision" in dev[0][1],
             "the unaddressed MAC is an inventory device named by its "
             "OUI: %r" % dev)
        linked = con.execute(
            "SELECT d.ip FROM placement p JOIN device d ON d.id = "
            "p.device_id WHERE p.mac IN (%s)" % ",".join(
                "'%s'" % macs[i] for i in CAMS)).fetchall()
        c.ok(sorted(r[0] for r in linked) == sorted(CAMS),
             "each camera's placement is on its scanned device: %r" % linked)
        con.close()
        raw = open(db, "rb").read()
        for wal in (db + "-wal",):
            if os.path.exists(wal):
                raw += open(wal, "rb").read()
        c.ok(not any(s.encode() in raw for s in SECRETS),
             "no secret stored in the inventory")

        # Only reads, at the configured rate.
        for a, name, decodable in ((edge_a, "edge-sw1", True),
                                   (core_a, "core-sw1", True),
                                   (gw_a, "gw1", False)):
            pk = a.packets()
            kinds = [sw.PDU_NAMES.get(sw.pdu_type(m)) for _, m in pk]
            if decodable:
                # (an SNMPv3 client's first request is a GET without
                # bindings that learns the agent's engine id, RFC 3414 §4)
                c.ok(len(pk) >= 20 and set(kinds) <= {"get", "getnext",
                                                     "getbulk"}
                     and "getbulk" in kinds,
                     "%s: %d requests, only %s" % (name, len(pk),
                                                   sorted(set(kinds))))
            cmds = set(a.commands())
            c.ok(cmds and cmds <= {"PING", "get", "getnext"},
                 "%s agent saw only %s" % (name, sorted(cmds)))
            times = [t for t, _ in pk]
            per_s = max(times.count(t) for t in set(times)) if times else 0
            c.ok(per_s <= RATE + 1,
                 "%s: at most %d requests in any second (%d)" % (
                     name, RATE, per_s))
            if len(times) > RATE:
                c.ok(times[-1] - times[0] >= (len(times) - 1) // RATE - 1,
                     "%s: %d requests spread over %ds" % (
                         name, len(times), times[-1] - times[0]))
        n = sum(len(a.packets()) for a in (edge_a, core_a, gw_a))
        # one device after another, each at most RATE a second (and
        # dead-sw's request and its retry, 1.5 s each; an agent's first
        # answer waits for its pass_persist script to start)
        c.ok(took >= (n - 3) / RATE * 0.9 + 3.0,
             "%d requests to 3 devices at %d/s each took %.1fs" % (
                 n, RATE, took))

        # The estate names VLAN 10 as core: the Dahua camera, in the CCTV
        # range by its address, is on the core network by its port.
        est = os.path.join(tmp, "switches.estate")
        with open(est, "w") as f:
            f.write('department "Test" id=t\n'
                    'site "HQ" id=hq dept=t sensitive=no\n'
                    "network %s site=hq zone=other\n"
                    "network %s.2.0/24 site=hq zone=cctv\n"
                    "vlan 10 zone=core\nvlan 20 zone=cctv\n"
                    "switch core-sw1 zone=core\n" % (NET, B))
        p = camsweep("assess", "--db", db, "--estate", est, "--json",
                     "--regime", "uk-gsg-2022")
        c.ok(p.returncode in (0, 4), "assess (%d %s)" % (p.returncode,
                                                          p.stderr[-200:]))
        fnd = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        core_f = [f for f in fnd if f["ip"] == B + ".2.11" and
                  f["obligation"] == "2"]
        c.ok(len(core_f) == 1 and core_f[0]["action"] == "disconnect",
             "the Dahua camera on VLAN 10 gets the core-network finding: "
             "%r" % [(f["ip"], f["obligation"]) for f in fnd])
        ev = core_f[0]["evidence"] if core_f else ""
        c.ok("switch edge-sw1 port Gi1/0/2 VLAN 10" in ev and
             "zone core by VLAN" in ev and "zone cctv" in ev,
             "with the switch evidence: %s" % ev)
        c.ok(not any(f["ip"] == B + ".2.10" and f["obligation"] == "2"
                     for f in fnd),
             "the Hikvision camera on VLAN 20 has no core finding")

        # Devices only the switch knows, in assess: identified from the
        # MAC as `identify` identifies that MAC alone (maker Hikvision,
        # class unknown: a covered maker whose class is to confirm), the
        # finding keyed by MAC, zone and evidence from the placement.
        p = subprocess.run([CAMSWEEP, "identify"], capture_output=True,
                           text=True, timeout=120,
                           input=json.dumps({"id": "u", "kind": "mac",
                                             "data": UNADDR_CORE}) + "\n")
        idn = json.loads(p.stdout.splitlines()[0]) if p.stdout else {}
        c.ok(idn.get("manufacturer") == "Hikvision" and
             idn.get("device_class") is None and
             idn.get("surveillance") is None,
             "the MAC alone: Hikvision, class and surveillance not "
             "established: %r" % {k: idn.get(k) for k in (
                 "manufacturer", "device_class", "surveillance")})
        for mac, zone, vlan, port in ((UNADDR_CORE, "core", 10, PORT5),
                                      (UNADDR, "cctv", 20, "Gi1/0/4")):
            mine = [f for f in fnd if f["mac"] == mac]
            f0 = mine[0] if mine else {}
            c.ok(len(mine) == 1 and f0["ip"] == "" and
                 f0["action"] == "confirm-class" and
                 f0["zone"] == zone and
                 f0["manufacturer"] == idn.get("manufacturer") and
                 f0["manufacturer_country"] == "CN" and
                 f0["device_class"] == "unknown" and
                 abs(f0["confidence"] - idn.get("confidence", -1)) < 1e-3,
                 "the switch-only MAC %s on VLAN %d: one confirm-class "
                 "finding, zone %s, as identified: %r" % (
                     mac, vlan, zone,
                     [(f["ip"], f["obligation"], f["zone"],
                       f["severity"]) for f in mine]))
            ev = f0.get("evidence", "")
            c.ok("plugged into switch edge-sw1 port %s VLAN %d "
                 "(PoE delivering)" % (port, vlan) in ev and
                 "Location: no address, known only from its switch port"
                 in ev and "Maker covered, class to confirm" in ev,
                 "with the placement as evidence: %s" % ev)
        # A maker of mostly video surveillance (Dahua): presumed, as
        # identify presumes it from that MAC alone, and only the
        # presumed confirm-class finding.
        p = subprocess.run([CAMSWEEP, "identify"], capture_output=True,
                           text=True, timeout=120,
                           input=json.dumps({"id": "d", "kind": "mac",
                                             "data": DAHUA}) + "\n")
        idd = json.loads(p.stdout.splitlines()[0]) if p.stdout else {}
        dh = [f for f in fnd if f["mac"] == DAHUA]
        c.ok(idd.get("surveillance_basis") == "presumed" and len(dh) == 1
             and dh[0]["action"] == "confirm-class" and
             "presumed from maker; confirm class" in dh[0]["action_text"]
             and dh[0]["manufacturer"] == "Dahua" and dh[0]["zone"] ==
             "cctv",
             "the switch-only Dahua MAC: the presumed confirm-class "
             "finding, as identify presumes it: %r" % [
                 (f["action"], f["action_text"][:40], f["zone"])
                 for f in dh])
        ev = [f["evidence"] for f in fnd if f["mac"] == UNADDR_CORE]
        c.ok(ev and "zone core by VLAN" in ev[0],
             "the core-VLAN MAC's zone is core by its VLAN")
        # the same assessment again: the MAC-keyed findings keep their ids
        p2 = camsweep("assess", "--db", db, "--estate", est, "--json",
                      "--regime", "uk-gsg-2022")
        again = {f["mac"]: f["id"] for l in p2.stdout.splitlines()
                 if l.strip() for f in [json.loads(l)] if f["ip"] == ""}
        first = {f["mac"]: f["id"] for f in fnd if f["ip"] == ""}
        c.ok(again == first and UNADDR_CORE in first,
             "assessed again, the MAC-keyed findings keep their ids "
             "(%r, %r)" % (first, again))
        p2 = camsweep("assess", "--db", db, "--estate", est,
                      "--regime", "uk-gsg-2022")
        c.ok(any(l.split()[2:3] == [UNADDR_CORE] for l in
                 p2.stdout.splitlines() if l.startswith("#")),
             "the text findings name the device by its MAC: %r" % [
                 l for l in p2.stdout.splitlines() if UNADDR_CORE in l])

        # ... in the plan, by its MAC, and planned like any finding.
        fid = first.get(UNADDR_CORE, 0)
        p2 = camsweep("plan", "set", str(fid), "--db", db, "--owner",
                      "estates", "--due", "2030-01-31")
        p3 = camsweep("plan", "--db", db)
        line = [l for l in p3.stdout.splitlines()
                if l.startswith("#%d " % fid)]
        c.ok(p2.returncode == 0 and line and
             line[0].split()[3] == UNADDR_CORE and
             "owner estates" in line[0] and "due 2030-01-31" in line[0],
             "plan: the MAC-keyed finding set and listed by MAC: %r %r" % (
                 line, p2.stderr[-200:]))

        # ... and in the console's API (serve on 127.0.0.1), by MAC.
        pw = os.path.join(tmp, "pw")
        with open(pw, "w") as f:
            f.write("switch-only placement 22\n")
        os.chmod(pw, 0o600)
        p2 = camsweep("user", "add", "adm", "--admin", "--db", db,
                      "--password-file", pw)
        c.ok(p2.returncode == 0, "user add (%s)" % p2.stderr[-200:])
        api = api_findings(db, tmp, "adm", "switch-only placement 22")
        mine = [f for f in api.get("items", []) if f.get("id") == fid]
        c.ok(len(mine) == 1 and mine[0]["ip"] == "" and
             mine[0]["mac"] == UNADDR_CORE and
             mine[0]["action"] == "confirm-class" and
             mine[0]["owner"] == "estates" and
             any(f["ip"] == B + ".2.11" for f in api["items"]) and
             api.get("one", {}).get("mac") == UNADDR_CORE,
             "serve: /api/v1/findings and /api/v1/findings/%d return the "
             "MAC-keyed finding beside the address-keyed ones: %r" % (
                 fid, mine))

        # ... in show, with its placement (the port name JSON-escaped).
        p = camsweep("show", "--db", db, "--json")
        objs = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        pl = {o["mac"]: o for o in objs if o.get("known_from") == "switch"}
        o = pl.get(UNADDR_CORE, {})
        q = o.get("placement", {})
        c.ok(p.returncode == 0 and o.get("ip") == "" and
             o.get("manufacturer") == "Hikvision" and
             o.get("device_class") is None and
             o.get("surveillance") is None and
             q.get("switch") == "edge-sw1" and q.get("port") == PORT5 and
             q.get("vlan") == 10 and q.get("poe") == "delivering" and
             q.get("neighbour") == NEIGH5,
             "show --json lists the switch-only MAC with its placement: "
             "%r" % o)
        c.ok(pl.get(DAHUA, {}).get("surveillance") is True and
             pl[DAHUA].get("surveillance_basis") == "presumed" and
             any(e["rule"] == "mac-oui-maker" for e in
                 o.get("evidence", [])),
             "show --json: the identity its MAC gives, with its evidence "
             "and presumption: %r" % {k: pl.get(DAHUA, {}).get(k) for k in
                                      ("surveillance",
                                       "surveillance_basis")})
        c.ok(pl.get(UNADDR, {}).get("placement", {}).get("port") ==
             "Gi1/0/4" and not any(o.get("mac") in (UNADDR, UNADDR_CORE)
                                   for o in objs
                                   if o.get("known_from") != "switch"),
             "show --json: the other unaddressed MAC too, once each")
        p = camsweep("show", "--db", db)
        lines = p.stdout.splitlines()
        at = [i for i, l in enumerate(lines) if "MAC %s" % UNADDR_CORE in l]
        c.ok(at and lines[at[0]].split()[:1] == ["placed:"] and
             ("port %s VLAN 10 PoE delivering" % PORT5) in lines[at[0]] and
             lines[at[0] - 1].split()[:1] == ["-"] and
             "Hikvision" in lines[at[0] - 1],
             "show: a row without address, then where it is plugged in: "
             "%r" % [lines[i - 1:i + 1] for i in at])

        # ... and in every report format, escaped for each.
        rep = os.path.join(tmp, "rep")
        for fmt in ("json", "csv", "html"):
            p = camsweep("report", "--db", db, "--format", fmt, "-o",
                         rep + "." + fmt)
            c.ok(p.returncode == 0, "report --format %s (%s)" % (
                fmt, p.stderr[-200:]))
        doc = json.load(open(rep + ".json"))
        pd = {d["mac"]: d for d in doc.get("placed_devices", [])}
        q = pd.get(UNADDR_CORE, {}).get("placement", {})
        c.ok(q.get("port") == PORT5 and q.get("neighbour") == NEIGH5 and
             q.get("vlan") == 10 and q.get("poe") == "delivering" and
             pd[UNADDR_CORE]["ip"] == "" and
             pd[UNADDR_CORE]["manufacturer"] == "Hikvision" and
             UNADDR in pd and
             not any(d["mac"] in pd for d in doc["devices"]),
             "report JSON: placed_devices with their placement, apart "
             "from the hosts: %r" % pd.get(UNADDR_CORE))
        c.ok(pd.get(DAHUA, {}).get("surveillance_basis") == "presumed" and
             any(e["rule"] == "mac-oui-maker" for e in
                 pd[DAHUA]["evidence"]) and
             pd[UNADDR_CORE]["surveillance"] is None,
             "report JSON: the identity, evidence and presumption show "
             "gives: %r" % {k: pd.get(DAHUA, {}).get(k) for k in (
                 "surveillance", "surveillance_basis", "evidence")})
        c.ok(any(f["mac"] == UNADDR_CORE and f["ip"] == "" and
                 f["action"] == "confirm-class" for f in doc["findings"]),
             "report JSON: the MAC-keyed finding")
        csv = open(rep + "-devices.csv", encoding="utf-8",
                   newline="").read()
        row = [l for l in csv.split("\r\n") if UNADDR_CORE in l]
        c.ok(csv.split("\r\n")[0].endswith(
            "known_from,switch,switch_port,vlan,poe,lldp_neighbour") and
             len(row) == 1 and ',switch,"edge-sw1","Gi1/0/5<script>x()'
             '</script>""&",10,"delivering","\'=cmd|' in row[0],
             "report CSV: the placement columns, quoted, the neighbour "
             "kept from being a formula: %r" % row)
        html = open(rep + ".html", encoding="utf-8").read()
        c.ok("<script>x()" not in html and "<img src=x>" not in html and
             "Gi1/0/5&lt;script&gt;x()&lt;/script&gt;" in html and
             "Devices only the switches know" in html and
             "<td>%s</td><td>none</td><td>Hikvision</td>" % UNADDR_CORE
             in html,
             "report HTML: the switch-only devices' annex, escaped")

        # ... and in the CMDB export, after the hosts: named by its MAC,
        # located by its switch port, its finding's owner by device.
        p = camsweep("export", "cmdb-json", "--db", db)
        cis = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        byname = {}
        for ci in cis:
            byname.setdefault(ci["name"], []).append(ci)
        ci = byname.get(UNADDR_CORE, [{}])
        c.ok(p.returncode == 0 and len(ci) == 1 and ci[0]["ip"] is None and
             ci[0]["mac"] == UNADDR_CORE and
             ci[0]["manufacturer"] == "Hikvision" and
             ci[0]["location"] == "switch edge-sw1 port " + PORT5 and
             ci[0]["owner"] == "estates" and
             ci[0]["ci_id"].startswith("camsweep-device-"),
             "export cmdb-json: the switch-only MAC as an item named by its "
             "MAC, located by its port, owner from its plan: %r" % ci)
        c.ok(UNADDR in byname and DAHUA in byname and B + ".2.11" in byname
             and byname.get(UNADDR, [{}])[0].get("owner") is None and
             len(cis) == len(set(x["ci_id"] for x in cis)),
             "export cmdb-json: the hosts and every switch-only MAC, once "
             "each, no owner where its finding has none (%d items)" % len(cis))
        p = camsweep("export", "cmdb-csv", "--db", db)
        row = [l for l in p.stdout.splitlines() if UNADDR_CORE in l]
        c.ok(p.returncode == 0 and len(row) == 1 and
             ',"%s","","%s",' % (UNADDR_CORE, UNADDR_CORE) in row[0] and
             '"switch edge-sw1 port Gi1/0/5<script>x()</script>""&"' in row[0],
             "export cmdb-csv: the same item, quoted: %r" % row)
    finally:
        for a in agents:
            a.stop()
        for p in procs:
            p.terminate()
            p.wait(timeout=20)
        discard(tmp)
    return c.status("switches: ok")


if __name__ == "__main__":
    sys.exit(main())
