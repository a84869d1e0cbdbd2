# SPDX-License-Identifier: ISC
"""Scores bench_estate_routed.sh's runs against camsim's manifests and
prints the side-by-side table: wall time, packets the router forwarded
from the scanner, devices found, makers named right, and the ratios.

usage: score_routed.py WORKDIR ADDRESSES TOOL..."""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

out, addrs, tools = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
truth = {}
for line in open(os.path.join(out, "manifest.jsonl")):
    d = json.loads(line)
    truth[d["ip"]] = d
makers = sorted({d["manufacturer"] for d in truth.values() if d["surveillance"]})
surv = sum(1 for t in truth.values() if t["surveillance"])


def num(name, ext, conv=float):
    try:
        return conv(open(os.path.join(out, "%s.%s" % (name, ext))).read().strip())
    except (OSError, ValueError):
        return None


def rss(name):
    try:
        for line in open(os.path.join(out, name + ".time")):
            if "Maximum resident set size" in line:
                return int(line.rsplit(" ", 1)[1]) / 1024.0
    except OSError:
        pass
    return None


odd = []
try:
    odd = open(os.path.join(out, "odd.txt")).read().split()
except OSError:
    pass


def camsweep(name="camsweep"):
    found = {}
    try:
        for line in open(os.path.join(out, name + ".jsonl")):
            d = json.loads(line)
            if d.get("ports"):
                found[d["ip"]] = d["manufacturer"] if d.get("surveillance") else None
    except OSError:
        pass
    return found


def nmap(path):
    found = {}
    try:
        for _, el in ET.iterparse(path):
            if el.tag != "host":
                continue
            ip = el.find("address").get("addr")
            ports = [p for p in el.iter("port") if p.find("state").get("state") == "open"]
            if not ports:
                continue
            text = " ".join(" ".join(filter(None, (s.get("product"), s.get("devicetype"),
                                                   s.get("extrainfo"), s.get("ostype"))))
                            for p in ports for s in p.iter("service"))
            named = None
            for m in makers:  # nmap's words for the maker, whole word
                if re.search(r"\b%s\b" % re.escape(m.split()[0]), text, re.I):
                    named = m
                    break
            found[ip] = named
    except (OSError, ET.ParseError):
        pass
    return found


rows = []
for t in tools:
    if t == "camsweep":
        rows.append(("camsweep", num(t, "wall"), num(t, "pkts", int), camsweep(), rss(t)))
    elif t == "before":
        rows.append(("camsweep before", num(t, "wall"), num(t, "pkts", int),
                     camsweep("before"), rss(t)))
    elif t == "nmap":
        rows.append(("nmap -sT -sV -T4", num(t, "wall"), num(t, "pkts", int),
                     nmap(os.path.join(out, "nmap.xml")), rss(t)))
    elif t == "nmap2":
        wa, wb = num("nmap2a", "wall"), num("nmap2b", "wall")
        pa, pb = num("nmap2a", "pkts", int), num("nmap2b", "pkts", int)
        rows.append(("nmap -sn; -sV", (wa or 0) + (wb or 0), (pa or 0) + (pb or 0),
                     nmap(os.path.join(out, "nmap2.xml")), rss("nmap2b")))

print()
print("%-17s %9s %11s %9s %13s %13s %9s  %s" % ("tool", "wall s", "packets", "pkt/addr",
                                                "found", "maker right", "RSS MiB",
                                                "odd devices (37777 only; RST / firewalled)"))
base = None
for name, wall, pkts, found, mem in rows:
    hit = sum(1 for ip in truth if ip in found)
    right = sum(1 for ip, t in truth.items()
                if t["surveillance"] and found.get(ip) == t["manufacturer"])
    print("%-17s %9s %11s %9s %8d/%-4d %8d/%-4d %9s  %s" % (
        name, "%.1f" % wall if wall else "n/a", pkts if pkts is not None else "n/a",
        "%.2f" % (pkts / addrs) if pkts else "n/a", hit, len(truth), right, surv,
        "%.1f" % mem if mem else "n/a",
        " / ".join("found" if a in found else "missed" for a in odd)))
    if base is None:
        base = (name, wall, pkts, right)
    elif base[1] and wall and base[2] and pkts:
        print("%-17s   vs %s: %.2fx the time, %.2fx the packets; makers right %d vs %d" % (
            "", base[0], wall / base[1], pkts / base[2], right, base[3]))
for t in tools:
    ph = num(t, "phases", str)
    if ph:
        sil, syn, rest = (int(x) for x in ph.split())
        print("%-17s packets by phase: %d SYNs to empty addresses, %d SYNs to live ones,"
              " %d other packets to live ones" % (t, sil, syn, rest))
print("(%d addresses, %d live, %d surveillance devices; packets: forwarded by the router"
      " from the scanner)" % (addrs, len(truth), surv))
