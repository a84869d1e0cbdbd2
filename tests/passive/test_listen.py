#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep listen --read` end to end: a scenario capture written with
libpcap by gen_capture is read; the devices (JSON) and the inventory
(devices marked passive, phone-home findings) are checked."""
import json
import os
import subprocess
import sys
import tempfile

camsweep, gen = sys.argv[1], sys.argv[2]
src = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import Checker  # noqa: E402

checker = Checker(verbose=True)
check = checker.ok


with tempfile.TemporaryDirectory() as tmp:
    pcap = os.path.join(tmp, "scenario.pcap")
    db = os.path.join(tmp, "inv.db")
    der = os.path.join(src, "fuzz", "corpus", "x509", "hikvision-dvrnvr.der")
    subprocess.run([gen, "scenario", pcap, der], check=True)
    r = subprocess.run([camsweep, "listen", "--read", pcap, "--db", db, "--json",
                        "--stats"], capture_output=True, text=True, timeout=60)
    check(r.returncode == 0, "listen exits 0 (%s)" % r.stderr.strip())
    devs = {}
    for line in r.stdout.splitlines():
        o = json.loads(line)
        devs[o["ip"]] = o
    hik = devs.get("127.114.1.10", {})
    check(hik.get("manufacturer") == "Hikvision", "hikvision identified")
    check(hik.get("passive") is True, "marked passive")
    vias = {p["via"]: p for p in hik.get("phone_home", [])}
    check(set(vias) == {"dns", "addr", "sni"}, "three phone-home records: %s" % sorted(vias))
    check(vias.get("addr", {}).get("packets") == 10, "flow volume counted")
    check(vias.get("dns", {}).get("severity") == "high", "CN maker -> high")
    check(vias.get("dns", {}).get("source", "").startswith("tomasbedrich"), "row source carried")
    dh = devs.get("127.114.1.20", {})
    check(dh.get("manufacturer") == "Dahua", "dahua identified")
    check([p["maker"] for p in dh.get("phone_home", [])] == ["Dahua"], "dahua p2p")
    check("127.114.1.30" in devs, "tls device present")
    check("127.114.1.40" not in devs, "bystander absent")
    # The inventory: the same devices, marked passive, and the findings.
    r = subprocess.run([camsweep, "show", "--db", db, "--json", "--all"],
                       capture_output=True, text=True, timeout=60)
    shown = {json.loads(l)["ip"]: json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")}
    check(shown.get("127.114.1.10", {}).get("manufacturer") == "Hikvision", "stored identity")
    r = subprocess.run([camsweep, "plan", "--db", db, "--json", "--all"],
                       capture_output=True, text=True, timeout=60)
    fs = [json.loads(l) for l in r.stdout.splitlines() if l.startswith("{")]
    fs = [f for f in fs if f.get("regime") == "phone-home"]
    ips = sorted(f.get("ip") for f in fs)
    check(ips == ["127.114.1.10", "127.114.1.20"], "phone-home findings: %s" % ips)
    check(all(f.get("severity") == "high" for f in fs), "findings are high")
    import sqlite3
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM observation WHERE key = 'seen.passive'").fetchone()[0]
    check(n == 3, "seen.passive recorded per device (%d)" % n)
    # A second run over the same capture keeps one device per address
    # and one finding per device.
    subprocess.run([camsweep, "listen", "--read", pcap, "--db", db], check=True,
                   capture_output=True, timeout=60)
    n = con.execute("SELECT count(*) FROM device").fetchone()[0]
    check(n == 3, "devices not duplicated (%d)" % n)
    n = con.execute("SELECT count(*) FROM finding WHERE regime = 'phone-home'").fetchone()[0]
    check(n == 2, "findings not duplicated (%d)" % n)
    # The link-layer identity capture (issue #15) as Ethernet, Linux
    # cooked v1 and v2: the same devices, MACs and makers; IPv6 in the
    # output and the inventory.
    seen = {}
    for link in ("ether", "sll", "sll2"):
        cap = os.path.join(tmp, "ident-%s.pcap" % link)
        db2 = os.path.join(tmp, "ident-%s.db" % link)
        subprocess.run([gen, "identity", cap, link, der], check=True)
        r = subprocess.run([camsweep, "listen", "--read", cap, "--db", db2, "--json"],
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 0, "identity capture (%s) read: %s" % (link, r.stderr.strip()))
        ds = {json.loads(l)["ip"]: json.loads(l) for l in r.stdout.splitlines()}
        seen[link] = {ip: (d["mac"], d["manufacturer"]) for ip, d in ds.items()}
        dh = ds.get("127.114.2.20", {})
        check(dh.get("mac") == "02:11:22:33:44:20" and dh.get("manufacturer") == "Dahua",
              "%s: DHCP + P2P DNS unit named with its MAC: %s" % (link, dh.get("manufacturer")))
        v6 = ds.get("fe80::11:22ff:fe33:4460", {})
        check(v6.get("manufacturer") == "Axis" and v6.get("mac_via") == "ndp",
              "%s: IPv6-only mDNS camera" % link)
        gw = ds.get("127.114.2.1", {})
        check(gw.get("gateway") is True, "%s: gateway flagged" % link)
        check(all(d["mac"] == "" for ip, d in ds.items() if ip.startswith("127.115.")),
              "%s: gateway MAC not given to the hosts behind it" % link)
        r = subprocess.run([camsweep, "show", "--db", db2, "--json", "--all"],
                           capture_output=True, text=True, timeout=60)
        shown = {json.loads(l)["ip"] for l in r.stdout.splitlines() if l.startswith("{")}
        check("fe80::11:22ff:fe33:4460" in shown, "%s: IPv6 device in the inventory" % link)
    check(seen["ether"] == seen["sll"] == seen["sll2"], "same identities for every link type")
    # Errors: no input, unreadable file.
    r = subprocess.run([camsweep, "listen"], capture_output=True, timeout=10)
    check(r.returncode == 1, "usage error without input")
    r = subprocess.run([camsweep, "listen", "--read", os.path.join(tmp, "nope"), "--no-db"],
                       capture_output=True, timeout=10)
    check(r.returncode == 2, "runtime error for a missing file")

sys.exit(checker.status())
