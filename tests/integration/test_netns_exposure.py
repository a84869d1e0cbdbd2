#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Exposure on a namespace estate (issue #18, acceptance; docs/posture.md).

Simulated units in network namespaces (tests/lib/netns.py): Hikvision
and Dahua cameras on vulnerable and on fixed firmware, an LTS camera on Hikvision
firmware (white label), a Hikvision unit never activated with Hik-Connect
on, an Amcrest unit whose RTSP stream is open, a Uniview camera that
answers ONVIF GetDeviceInformation without credentials, current Axis cameras and
an Axis unit with telnet open and an expired, self-signed RSA-1024
certificate on 443 (read by the scan's TLS handshake).
camsweep scans from the scanner namespace with --interface eth0 (so SADP
is heard), then `assess --regime kev,posture` on an estate that puts the
units on a sensitive site's core network.  Checks:

* every vulnerable unit gets a kev finding for exactly the CVEs expected
  (the LTS unit through its OEM, marked inferred), and no fixed unit and
  no Axis unit gets any;
* the unactivated unit gets unactivated and cloud findings, the Amcrest
  unit rtsp-open, the Uniview unit onvif-open and rtsp-open, the TLS unit telnet and the three certificate findings
  (and not no-https), and nothing else does;
* kev findings on the sensitive core site are critical, carry the KEV
  due date and the rule's source URL;
* `assess --fail-on critical` exits 3 (findings); posture alone without
  the estate (units unmapped: medium at most) passes --fail-on high and
  fails --fail-on medium;
* the HTML report shows the exposure section with the CVE ids, the CSV
  and JSON reports carry the kev findings' evidence.

Exit 77 (skipped) when namespaces cannot be created; in CI a failure.
"""
import csv
import io
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
import netns  # noqa: E402
from scratch import scratch  # noqa: E402
from skip import skip  # noqa: E402

CAMSWEEP = os.path.join(netns.BUILD, "camsweep")
EXIT_FINDINGS = 4

# profile -> (count, CVEs the kev regime must raise, posture signals)
PLAN = {
    "hikvision-camera-kev": (2, {"CVE-2021-36260"}, set()),
    "hikvision-camera-fixed": (2, set(), set()),
    "dahua-camera-kev": (1, {"CVE-2021-33044"}, set()),
    "dahua-camera-fixed": (1, set(), set()),
    "lts-camera-kev": (1, {"CVE-2021-36260"}, set()),
    "hikvision-camera-unactivated": (1, set(), {"unactivated", "cloud"}),
    "amcrest-camera-open": (1, set(), {"rtsp-open"}),
    # answers ONVIF GetDeviceInformation without credentials
    "uniview-camera": (1, set(), {"onvif-open", "rtsp-open"}),
    "axis-camera": (1, set(), set()),
    "axis-camera-tls-weak": (1, set(), {"telnet", "cert-self-signed",
                                        "cert-expired", "cert-weak-key"}),
}
# CVE -> (KEV due date, the rule file that holds it)
KEV = {"CVE-2021-36260": ("2022-01-24", "hikvision.vuln"),
       "CVE-2021-33044": ("2024-09-11", "dahua.vuln")}
# Units whose hits are inferred: the LTS unit inherits through its OEM's
# firmware; the Dahua rule's reading of IPC-HX5XXX is itself an inference
# (docs/vulns.md §1).
INFERRED = {"lts-camera-kev", "dahua-camera-kev"}
# Signals every unit of this estate shows (plain HTTP only): not checked
# per unit beyond being allowed.
COMMON = {"no-https"}

ESTATE = """\
department "Test department" id=d1
site "Sensitive test site" id=s1 dept=d1 sensitive=yes reason=secret
network 198.18.0.0/24 site=s1 zone=core
"""


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


def main():
    h = run([CAMSWEEP, "scan", "--help"])
    if "--interface" not in h.stdout + h.stderr:
        return skip("discovery not built")
    try:
        netns.check_available()
    except netns.Skip as e:
        return skip(str(e))
    specs, seed = [], 7100
    for prof, (n, _, _) in PLAN.items():
        for _ in range(n):
            specs.append((prof, seed))
            seed += 1
    failures = []
    work = scratch("cs-netns-exposure-")
    db = os.path.join(work, "inv.db")
    est_path = os.path.join(work, "test.estate")
    with open(est_path, "w") as f:
        f.write(ESTATE)
    est = netns.NetnsEstate(specs, workdir=work)
    try:
        devices = est.start()
        r = est.run_in_scanner([CAMSWEEP, "scan", "--interface", "eth0",
                                "--db", db, "-q", "198.18.0.0/24"],
                               timeout=600)
        if r.returncode != 0:
            failures.append("scan exit %d: %s" % (r.returncode, r.stderr[-2000:]))
    except netns.Skip as e:
        return skip(str(e))
    finally:
        est.stop()

    a = run([CAMSWEEP, "assess", "--db", db, "--estate", est_path,
             "--regime", "kev,posture", "--json"])
    if a.returncode not in (0, EXIT_FINDINGS):
        failures.append("assess exit %d: %s" % (a.returncode, a.stderr[-2000:]))
    rows = [json.loads(x) for x in a.stdout.splitlines() if x.startswith("{")]
    by_ip = {}
    for f in rows:
        by_ip.setdefault(f["ip"], []).append(f)
    for d in devices:
        count, want_cves, want_sig = PLAN[d["profile"]]
        got = by_ip.get(d["ip"], [])
        cves = {f["obligation"] for f in got if f["regime"] == "kev"}
        sig = {f["obligation"] for f in got if f["regime"] == "posture"}
        if cves != want_cves:
            failures.append("%s %s: kev %s, want %s" % (
                d["ip"], d["profile"], sorted(cves), sorted(want_cves)))
        if d["profile"] == "axis-camera-tls-weak" and "no-https" in sig:
            failures.append("%s: no-https raised on a unit serving 443" % d["ip"])
        if sig - COMMON != want_sig:
            failures.append("%s %s: posture %s, want %s (+ %s allowed)" % (
                d["ip"], d["profile"], sorted(sig), sorted(want_sig), sorted(COMMON)))
        for f in got:
            if f["regime"] != "kev":
                continue
            ev = f.get("evidence", "")
            if f["severity"] != "critical":
                failures.append("%s %s: severity %s on a sensitive core site" % (
                    d["ip"], f["obligation"], f["severity"]))
            due, rules = KEV.get(f["obligation"], ("?", "?"))
            if f.get("deadline") != due:
                failures.append("%s %s: deadline %r, want %s" % (d["ip"], f["obligation"], f.get("deadline"), due))
            if not (f.get("url") or "").startswith("https://"):
                failures.append("%s %s: no source url" % (d["ip"], f["obligation"]))
            if ("rule %s:" % rules) not in ev or "build date before" not in ev:
                failures.append("%s %s: evidence lacks rule or range: %s" % (d["ip"], f["obligation"], ev))
            inferred = "(inferred)" in ev
            if inferred != (d["profile"] in INFERRED):
                failures.append("%s %s %s: inferred=%s" % (d["ip"], d["profile"], f["obligation"], inferred))
    print("assess: %d findings on %d devices" % (len(rows), len(devices)))

    g = run([CAMSWEEP, "assess", "--db", db, "--estate", est_path,
             "--regime", "kev,posture", "--dry-run",
             "--fail-on", "critical"])
    if g.returncode != EXIT_FINDINGS:
        failures.append("--fail-on critical: exit %d, want %d" % (g.returncode, EXIT_FINDINGS))
    # posture alone, on units whose posture findings are capped at high
    # or below except unactivated/rtsp-open: --fail-on critical still
    # fails (never activated on a sensitive core site is critical) ...
    g = run([CAMSWEEP, "assess", "--db", db, "--estate", est_path,
             "--regime", "posture", "--dry-run",
             "--fail-on", "critical"])
    if g.returncode != EXIT_FINDINGS:
        failures.append("posture --fail-on critical: exit %d, want %d" % (g.returncode, EXIT_FINDINGS))
    # ... and without the estate (every unit unmapped) posture tops out at
    # medium: --fail-on high does not fail, --fail-on medium does.
    for lvl, want in (("high", 0), ("medium", EXIT_FINDINGS)):
        g = run([CAMSWEEP, "assess", "--db", db, "--no-estate",
                 "--regime", "posture", "--dry-run",
                 "--fail-on", lvl])
        if g.returncode != want:
            failures.append("posture --no-estate --fail-on %s: exit %d, want %d"
                            % (lvl, g.returncode, want))

    html = os.path.join(work, "r.html")
    rep = run([CAMSWEEP, "report", "--db", db, "--format", "html", "-o", html])
    if rep.returncode != 0:
        failures.append("report html exit %d: %s" % (rep.returncode, rep.stderr[-1000:]))
    else:
        text = open(html, encoding="utf-8").read()
        if 'id="exposure"' not in text:
            failures.append("html report: no exposure section")
        for cve in KEV:
            if cve not in text:
                failures.append("html report: %s not shown" % cve)
        for s in ("unactivated", "rtsp-open"):
            if s not in text:
                failures.append("html report: posture %s not shown" % s)
    rep = run([CAMSWEEP, "report", "--db", db, "--format", "csv"])
    if rep.returncode == 0:
        found = [row for row in csv.reader(io.StringIO(rep.stdout)) if "CVE-2021-36260" in row]
        if not found:
            failures.append("csv report: no CVE-2021-36260 row")
    else:
        failures.append("report csv exit %d" % rep.returncode)
    rep = run([CAMSWEEP, "report", "--db", db, "--format", "json"])
    if rep.returncode != 0 or any(c not in rep.stdout for c in KEV):
        failures.append("json report: not every CVE of %s" % sorted(KEV))
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
