# SPDX-License-Identifier: ISC
"""Scores camsweep's JSON and nmap's XML against camsim's manifest and
prints the side-by-side figures of bench_nmap.sh."""
import ipaddress
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

out, cidr = sys.argv[1], sys.argv[2]
addrs = ipaddress.ip_network(cidr).num_addresses
truth = {}
for line in open(os.path.join(out, "manifest.jsonl")):
    d = json.loads(line)
    truth[d["ip"]] = d
makers = sorted({d["manufacturer"] for d in truth.values() if d["surveillance"]})


def timing(name):
    wall = rss = None
    try:
        for line in open(os.path.join(out, name + ".time")):
            if "Elapsed (wall clock)" in line:
                t = line.rsplit(" ", 1)[1].strip().split(":")
                wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(t)))
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(" ", 1)[1]) / 1024.0
    except OSError:
        pass
    return wall, rss


def score(found):
    """found: ip -> manufacturer named (or None)."""
    hit = sum(1 for ip in truth if ip in found)
    right = sum(1 for ip, t in truth.items()
                if t["surveillance"] and found.get(ip) == t["manufacturer"])
    return hit, right


cs = {}
for line in open(os.path.join(out, "camsweep.jsonl")):
    d = json.loads(line)
    cs[d["ip"]] = d["manufacturer"] if d["surveillance"] else None

def nmap_hosts(path):
    """Yields <host> elements, also from a file cut short by a timeout."""
    try:
        for _, el in ET.iterparse(path):
            if el.tag == "host":
                yield el
    except (OSError, ET.ParseError):
        return


nm = {}
nmap_covered = 0
if True:
    for h in nmap_hosts(os.path.join(out, "nmap.xml")):
        nmap_covered += 1
        ip = h.find("address").get("addr")
        ports = [p for p in h.iter("port")
                 if p.find("state").get("state") == "open"]
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
        nm[ip] = named

surv = sum(1 for t in truth.values() if t["surveillance"])
rows = []
nmap_wall = None
try:
    nmap_wall = float(open(os.path.join(out, "nmap.wall")).read())
except (OSError, ValueError):
    pass
for name, found, covered in (("camsweep", cs, addrs), ("nmap", nm, nmap_covered)):
    wall, rss = timing(name)
    if name == "nmap" and nmap_wall:
        wall = wall or nmap_wall
    hit, right = score(found)
    rows.append((name, wall, rss, hit, right, covered))
    print("%-9s wall %8s s  %7d/%d addresses  %9s addr/s  found %4d/%d  maker right %4d/%d  peak RSS %s MiB" % (
        name, "%.1f" % wall if wall else "n/a", covered, addrs,
        "%.1f" % (covered / wall) if wall else "n/a", hit, len(truth), right, surv,
        "%.1f" % rss if rss else "n/a"))
(c, cw, _, _, cr, cc), (n, nw, _, _, nr, nc) = rows
if cw and nw and nc:
    print("ratio: camsweep %.1fx nmap's addresses per second; makers named right: %d vs %d%s" % (
        (cc / cw) / (nc / nw), cr, nr,
        "" if nc == addrs else " (nmap stopped after %d of %d addresses)" % (nc, addrs)))
