#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""A synthetic estate straight into a camsweep SQLite inventory (created
by camsweep first, schema v7), for bench/bench_serve.sh: SITES sites,
DEVICES devices, one complete scan that saw every device, 2 ports and 3
evidence rows per sighting, the maker mix of bench/estate_gen.sql.  Site
k (s0, s1, ...) owns 10.k.0.0/16.  Writes the matching estate file (two
departments, d0 with the even sites, d1 with the odd) for `camsweep
assess`.  Usage: serve_gen.py DB ESTATE DEVICES SITES"""
import sqlite3
import sys

MAKERS = [
    ("Hikvision", "CN", "DS-2CD2043G2-I", "camera", 1),
    ("Hikvision", "CN", "DS-7608NI-K2", "nvr", 1),
    ("Dahua", "CN", "IPC-HDW2431T", "camera", 1),
    ("Dahua", "CN", "DHI-NVR4108HS", "nvr", 1),
    ("Uniview", "CN", "IPC322LB", "camera", 1),
    ("Axis Communications", "SE", "P3245-LV", "camera", 1),
    ("Axis Communications", "SE", "M3106-L", "camera", 1),
    ("Hanwha Vision", "KR", "XNV-6080", "camera", 1),
    ("Bosch Security Systems", "DE", "FLEXIDOME IP 5000i", "camera", 1),
    ("Avigilon", "CA", "H5A-DO", "camera", 1),
    ("Hikvision", "CN", "DS-KV8113-WME1", "intercom", 1),
    ("Dahua", "CN", "", "unknown", None),
    ("", "", "", "unknown", None),
    ("", "", "", "unknown", None),
    ("Axis Communications", "SE", "Q6135-LE", "camera", 1),
    ("", "", "", "unknown", None),
]


def main():
    db, estate, n, sites = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    t0 = 1790000000
    cur = con.execute(
        "INSERT INTO scan (scope, ports, options, vantage, version, status, "
        "started, ended, total_targets, watermark, hosts_done, site) VALUES "
        "(?, '80,443,554,8000', '{}', 'bench', 'bench', 'complete', ?, ?, ?, ?, ?, '')",
        ("10.0.0.0/12", t0, t0 + 3600, 1 << 20, 1 << 20, n))
    scan = cur.lastrowid
    dev, sig, ports, ev = [], [], [], []
    for i in range(1, n + 1):
        k = i % sites
        j = i // sites
        ip = "10.%d.%d.%d" % (k, j // 256, j % 256)
        ipn = (10 << 24) | (k << 16) | j
        m = MAKERS[(i * 2654435761 >> 7) % 16]
        mac = "02:00:%02x:%02x:%02x:%02x" % (k, (j >> 16) & 255, (j >> 8) & 255, j & 255)
        conf = 0.9 if m[0] else 0.0
        dev.append((i, "s%d" % k, "mac:" + mac, ip, ipn, m[0], m[1], m[0], m[2],
                    "V5.7.%d" % (i % 20), m[3], m[4], conf, scan, scan, t0, t0 + 3600, mac))
        sig.append((i, scan, i, ip, ipn, t0 + 60, m[0], m[1], m[0], m[2],
                    "V5.7.%d" % (i % 20), m[3], m[4], conf, mac))
        ports += [(i, 80), (i, 554)]
        if m[0]:
            ev += [(i, 0, "manufacturer", m[0], m[0], "bench-http-server", "http.server", 80, 0.9),
                   (i, 1, "model", m[2], m[2], "bench-model", "http.title", 80, 0.8),
                   (i, 2, "class", m[3], m[3], "bench-class", "rtsp.server", 554, 0.7)]
    con.executemany(
        "INSERT INTO device (id, site, dkey, ip, ip_num, manufacturer, "
        "manufacturer_country, brand, model, firmware, device_class, "
        "surveillance, confidence, first_scan, last_scan, first_seen, "
        "last_seen, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", dev)
    con.executemany(
        "INSERT INTO sighting (id, scan_id, device_id, ip, ip_num, seen_at, "
        "manufacturer, manufacturer_country, brand, model, firmware, "
        "device_class, surveillance, confidence, mac) VALUES "
        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", sig)
    con.executemany("INSERT INTO sighting_port VALUES (?, ?)", ports)
    con.executemany(
        "INSERT INTO evidence (sighting_id, seq, field, claim, value, rule, "
        "obs_key, port, weight) VALUES (?,?,?,?,?,?,?,?,?)", ev)
    con.commit()
    con.close()
    with open(estate, "w") as f:
        f.write('department "Department 0" id=d0\ndepartment "Department 1" id=d1\n')
        for k in range(sites):
            f.write('site "Site %d" id=s%d dept=d%d %s\n'
                    % (k, k, k % 2, "sensitive=yes reason=secret" if k % 3 == 0
                       else "sensitive=no"))
        for k in range(sites):
            f.write("network 10.%d.0.0/16 site=s%d zone=cctv\n" % (k, k))
    print("serve_gen: %d devices, %d sites, scan %d" % (n, sites, scan))


if __name__ == "__main__":
    main()
