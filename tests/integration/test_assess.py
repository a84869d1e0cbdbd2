# SPDX-License-Identifier: ISC
"""Acceptance of issue #5: a simulated estate of three sites of different
sensitivity, each with a core and a surveillance network, on loopback
127.112.0.0/16 (one camsim per device, fixed seeds).  Checks the exact
findings, actions, deadlines and citations under uk-gsg-2022 and
us-ndaa-889; that a changed ownership row re-evaluates stored devices
without a rescan and as of the right dates; that a rescan after a removal
closes the finding as verified and a reappearance reopens it; reach from
a core vantage; diff; and the --fail-on exit codes."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import CAMSIM, CAMSWEEP, SRC, Checker  # noqa: E402
from scratch import scratch  # noqa: E402

ESTATE = os.path.join(SRC, "data", "estate", "example.estate")
TARGET = "127.112.0.0/21"

# ip -> profile.  hq (sensitive: secret, ministers), lab (sensitive: dv),
# depot (not sensitive); .1/.3/.5 are core, .2/.4/.6 surveillance.
FLEET = {
    "127.112.1.20": "dahua-camera",      # hq core
    "127.112.2.10": "hikvision-camera",  # hq cctv
    "127.112.2.11": "axis-camera",       # hq cctv
    "127.112.3.10": "axis-camera",       # lab core
    "127.112.4.10": "lts-camera",        # lab cctv (Hikvision OEM)
    "127.112.5.10": "hanwha-camera",     # depot core
    "127.112.6.10": "amcrest-camera",    # depot cctv (Dahua OEM)
    "127.112.6.11": "uniview-camera",    # depot cctv
    "127.112.6.12": "printer",           # depot cctv, a decoy
}

UK_CITE = "HCWS386"
DEADLINE = "2025-04-30"

# (ip, obligation) -> (severity, action, deadline) under uk-gsg-2022.
# Obligation 2 ("no such equipment ... on core networks") only for
# covered equipment (issue #20): the Axis camera on the lab core and the
# Hanwha camera on the depot core are not raised under the statement;
# the local rule core-no-surveillance raises them when chosen.
UK_EXPECT = {
    ("127.112.1.20", "1"): ("critical", "cease-deployment", ""),
    ("127.112.1.20", "2"): ("critical", "disconnect", ""),
    ("127.112.1.20", "3"): ("critical", "remove-replace", DEADLINE),
    ("127.112.2.10", "1"): ("high", "cease-deployment", ""),
    ("127.112.2.10", "3"): ("high", "remove-replace", DEADLINE),
    ("127.112.4.10", "1"): ("high", "cease-deployment", ""),
    ("127.112.4.10", "3"): ("high", "remove-replace", DEADLINE),
    ("127.112.6.10", "4"): ("medium", "review", ""),
    ("127.112.6.11", "4"): ("medium", "review", ""),
}

US_EXPECT = {
    ("127.112.1.20", "part-a"): ("critical", "review", ""),
    ("127.112.1.20", "part-b"): ("critical", "remove-replace", ""),
    ("127.112.2.10", "part-a"): ("high", "review", ""),
    ("127.112.2.10", "part-b"): ("high", "remove-replace", ""),
    ("127.112.4.10", "part-a"): ("high", "review", ""),
    ("127.112.4.10", "part-b"): ("high", "remove-replace", ""),
    ("127.112.6.10", "part-a"): ("medium", "review", ""),
    ("127.112.6.10", "part-b"): ("medium", "remove-replace", ""),
}


class Fleet:
    """One camsim process per device, so one can be stopped alone."""

    def __init__(self, workdir):
        self.dir = workdir
        self.procs = {}

    def start(self, ip, profile, seed=5):
        man = os.path.join(self.dir, "m-%s.jsonl" % ip)
        p = subprocess.Popen([CAMSIM, "--device-ip", ip, "--profile",
                              profile, "--seed", str(seed), "--manifest",
                              man], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        line = p.stdout.readline()
        if "ready" not in line:
            p.kill()
            raise RuntimeError("camsim %s: %r %s" % (ip, line,
                                                     p.stderr.read()))
        self.procs[ip] = p

    def stop(self, ip):
        p = self.procs.pop(ip)
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def stop_all(self):
        for ip in list(self.procs):
            self.stop(ip)


def run(args, check=None):
    p = subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                       timeout=600)
    if check is not None and p.returncode != check:
        raise RuntimeError("camsweep %s -> %d: %s" % (args, p.returncode,
                                                      p.stderr))
    return p


def scan(db):
    run(["scan", "--db", db, "-q", "--rate", "0", "--read-timeout", "1500",
         TARGET], check=0)


def assess(db, *extra):
    p = run(["assess", "--db", db, "--estate", ESTATE, "--json",
             "--fail-on", "critical"] + list(extra))
    if p.returncode not in (0, 4):
        raise RuntimeError("assess -> %d: %s" % (p.returncode, p.stderr))
    rows = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return rows, p.returncode


def by_key(rows, regime):
    return {(r["ip"], r["obligation"]): r for r in rows
            if r["regime"] == regime}


def check_exact(c, rows, regime, expect, cite):
    got = by_key(rows, regime)
    c.ok(set(got) == set(expect), "%s findings %s == %s" % (
        regime, sorted(got), sorted(expect)))
    for k, (sev, action, deadline) in expect.items():
        r = got.get(k)
        if r is None:
            continue
        c.ok((r["severity"], r["action"], r["deadline"]) ==
             (sev, action, deadline), "%s %s: %s %s %s" % (
                 regime, k, r["severity"], r["action"], r["deadline"]))
        c.ok(cite in r["citation"] and r["url"].startswith("https://"),
             "%s %s cites %r" % (regime, k, r["citation"]))
        c.ok(r["evidence"] != "", "%s %s has evidence" % (regime, k))


def main():
    c = Checker()
    tmp = scratch("cs-assess-")
    db = os.path.join(tmp, "inv.db")
    fleet = Fleet(tmp)
    try:
        for ip, prof in FLEET.items():
            fleet.start(ip, prof)
        scan(db)

        # Exact findings under the UK and the US regimes.
        rows, rc = assess(db, "--regime", "uk-gsg-2022,us-ndaa-889")
        check_exact(c, rows, "uk-gsg-2022", UK_EXPECT, UK_CITE)
        check_exact(c, rows, "us-ndaa-889", US_EXPECT, "889")
        c.ok(rc == 4, "critical findings -> exit 4 (got %d)" % rc)
        dahua = by_key(rows, "uk-gsg-2022")[("127.112.1.20", "1")]
        c.ok("Dahua" in dahua["evidence"] and "(CN)" in dahua["evidence"],
             "evidence names the maker and country: %s" % dahua["evidence"])
        lts = by_key(rows, "uk-gsg-2022").get(("127.112.4.10", "1"))
        c.ok(lts is not None and "Hikvision" in lts["evidence"],
             "white-label LTS is covered as Hikvision")

        # Stable ids across runs.
        rows2, _ = assess(db, "--regime", "uk-gsg-2022,us-ndaa-889")
        c.ok(sorted(r["id"] for r in rows) == sorted(r["id"] for r in rows2),
             "finding ids are stable across assess runs")

        # --fail-on exit codes.
        c.ok(run(["assess", "--db", db, "--estate", ESTATE, "--fail-on",
                  "critical", "--regime", "uk-gsg-2022", "--dry-run"]
                 ).returncode == 4, "fail-on critical -> 4")
        c.ok(run(["assess", "--db", db, "--estate", ESTATE, "--fail-on",
                  "critical", "--regime", "us-fcc-covered", "--dry-run"]
                 ).returncode == 0, "FCC list capped at medium -> 0")
        c.ok(run(["assess", "--db", db, "--regime", "nope"]
                 ).returncode == 1, "unknown regime -> 1")

        # Issue #20: without an estate, assess says what it cannot judge
        # and fails (it marked everything "unmapped, medium" and exited
        # 0), unless --no-estate asks for the makers only.
        p = run(["assess", "--db", db, "--dry-run", "--regime",
                 "uk-gsg-2022"])
        c.ok(p.returncode == 1 and "cannot judge" in p.stderr and
             "--no-estate" in p.stderr and p.stdout == "",
             "assess without --estate -> 1, says why (%d %r)" % (
                 p.returncode, p.stderr[-300:]))
        p = run(["assess", "--db", db, "--dry-run", "--no-estate",
                 "--json", "--regime", "uk-gsg-2022"])
        c.ok(p.returncode in (0, 4) and p.stdout.strip() != "",
             "assess --no-estate judges the makers (%d)" % p.returncode)

        # Issue #20: report --site/--department must name a site of the
        # assessment's estate (a typo rendered an empty report, exit 0).
        out = os.path.join(tmp, "r.json")
        p = run(["report", "--db", db, "--format", "json", "-o", out,
                 "--site", "hqq"])
        c.ok(p.returncode == 1 and "unknown site 'hqq'" in p.stderr,
             "report --site typo -> 1 (%d %r)" % (p.returncode, p.stderr))
        p = run(["report", "--db", db, "--format", "json", "-o", out,
                 "--department", "h0"])
        c.ok(p.returncode == 1 and "unknown department" in p.stderr,
             "report --department typo -> 1 (%d)" % p.returncode)
        p = run(["report", "--db", db, "--format", "json", "-o", out,
                 "--site", "hq"])
        rep = json.load(open(out)) if p.returncode == 0 else {}
        c.ok(p.returncode == 0 and rep.get("assessment", {}).get("scan") == 1
             and len(rep["assessment"].get("estate_sha256", "")) == 64,
             "report --site hq names the assessment and the estate hash "
             "(%d %r)" % (p.returncode, p.stderr))

        # as-of: before the UK statement nothing applies.
        early, rc = assess(db, "--regime", "uk-gsg-2022", "--as-of",
                           "2022-11-23")
        c.ok(early == [] and rc == 0, "nothing before 2022-11-24")

        # Ownership change in a copy of the data: Hanwha Vision sold to
        # Dahua on 2024-06-01.
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(SRC, "data"), data)
        with open(os.path.join(data, "entities", "ownership.tsv"), "a") as f:
            f.write("Hanwha Vision\tDahua\tacquired-by\t2024-06-01\t-\t"
                    "high\ttest: simulated sale\n")
        # Close the Hanwha Group row on the same date.
        path = os.path.join(data, "entities", "ownership.tsv")
        lines = open(path).read().splitlines()
        lines = [l.replace("Hanwha Vision\tHanwha Group\tsubsidiary-of\t"
                           "2015\t-", "Hanwha Vision\tHanwha Group\t"
                           "subsidiary-of\t2015\t2024-06-01") for l in lines]
        open(path, "w").write("\n".join(lines) + "\n")
        before, _ = assess(db, "--regime", "uk-gsg-2022,us-ndaa-889",
                           "--data", data, "--as-of", "2024-05-31")
        after, _ = assess(db, "--regime", "uk-gsg-2022,us-ndaa-889",
                          "--data", data, "--as-of", "2024-06-01")
        hb = by_key(before, "uk-gsg-2022")
        ha = by_key(after, "uk-gsg-2022")
        c.ok(("127.112.5.10", "2") not in hb,
             "Hanwha before the sale: not covered, so no obligation 2")
        c.ok(ha.get(("127.112.5.10", "2"), {}).get("severity") == "high",
             "Hanwha after the sale: covered, high")
        c.ok(("127.112.5.10", "4") in ha and ("127.112.5.10", "4") not in hb,
             "Hanwha after the sale: review on the depot")
        c.ok(("127.112.5.10", "part-b") in by_key(after, "us-ndaa-889") and
             ("127.112.5.10", "part-b") not in by_key(before, "us-ndaa-889"),
             "Hanwha after the sale: affiliate of Dahua under 889")

        # The wider local rule, when chosen: every surveillance device on
        # a core network, whatever its maker.
        loc, _ = assess(db, "--regime", "core-no-surveillance", "--dry-run")
        c.ok(set(by_key(loc, "core-no-surveillance")) ==
             {("127.112.1.20", "core"), ("127.112.3.10", "core"),
              ("127.112.5.10", "core")} and
             by_key(loc, "core-no-surveillance")[("127.112.3.10", "core")]
             ["severity"] == "high",
             "core-no-surveillance: the three core cameras (%s)" %
             sorted(by_key(loc, "core-no-surveillance")))

        # Removal: stop the hq Hikvision camera, rescan, assess.
        fleet.stop("127.112.2.10")
        scan(db)
        # Issue #20: the newest scan beside the findings of the older
        # assessment is refused unless told (it showed both quietly).
        p = run(["report", "--db", db, "--format", "json", "-o", out])
        c.ok(p.returncode == 1 and "assessed on scan 1" in p.stderr,
             "report of scan 2 with scan 1's findings -> 1 (%d %r)" % (
                 p.returncode, p.stderr))
        p = run(["report", "--db", db, "--format", "json", "-o", out,
                 "--allow-stale"])
        rep = json.load(open(out)) if p.returncode == 0 else {}
        c.ok(p.returncode == 0 and rep.get("stale") is True and
             rep["scan"]["id"] == 2 and rep["assessment"]["scan"] == 1,
             "--allow-stale shows them, marked stale")
        run(["assess", "--db", db, "--estate", ESTATE, "--regime",
             "uk-gsg-2022,us-ndaa-889"])
        plan = [json.loads(l) for l in run(
            ["plan", "list", "--db", db, "--all", "--json"]
        ).stdout.splitlines() if l.strip()]
        gone = [f for f in plan if f["ip"] == "127.112.2.10"]
        c.ok(gone and all(f["status"] == "closed" and f["verified_scan"] == 2
                          for f in gone),
             "removed device: findings closed, verified by scan 2")
        c.ok(all(f["status"] == "open" for f in plan
                 if f["ip"] != "127.112.2.10"), "others stay open")

        # Plan update.
        fid = [f for f in plan if f["ip"] == "127.112.1.20"][0]["id"]
        c.ok(run(["plan", "set", str(fid), "--db", db, "--owner", "estates",
                  "--due", "2026-12-31", "--status", "planned"]
                 ).returncode == 0, "plan set")
        c.ok(run(["plan", "set", str(fid), "--db", db, "--status",
                  "risk-accepted"]).returncode == 1,
             "risk-accepted needs --until")
        c.ok(run(["plan", "set", str(fid), "--db", db, "--status",
                  "closed"]).returncode == 1, "closed is set by assess only")

        # Reappearance reopens.
        fleet.start("127.112.2.10", "hikvision-camera")
        scan(db)
        rows3, _ = assess(db, "--regime", "uk-gsg-2022,us-ndaa-889")
        back = [r for r in rows3 if r["ip"] == "127.112.2.10"]
        c.ok(back and all(r["status"] == "open" for r in back),
             "reappearing device reopens its findings")
        kept = [r for r in rows3 if r["id"] == fid]
        c.ok(kept and kept[0]["status"] == "planned" and
             kept[0]["owner"] == "estates", "plan kept across assess")

        # Diff between scan 1 and 2: the camera is gone.
        d = [json.loads(l) for l in run(["diff", "--db", db, "--json", "1",
                                         "2"]).stdout.splitlines() if l]
        c.ok([x["ip"] for x in d if x["change"] == "gone"] ==
             ["127.112.2.10"], "diff 1 2: hq camera gone (%s)" % d)
        d = [json.loads(l) for l in run(["diff", "--db", db, "--json", "2",
                                         "3"]).stdout.splitlines() if l]
        c.ok([x["ip"] for x in d if x["change"] == "new"] ==
             ["127.112.2.10"], "diff 2 3: hq camera new")

        # Issue #20: diff after a narrower rescan compares only the
        # addresses both scans covered (it called every device outside
        # the new scope "gone").
        run(["scan", "--db", db, "-q", "--rate", "0", "--read-timeout",
             "1500", "127.112.6.0/24"], check=0)
        p = run(["diff", "--db", db, "--json", "3", "4"])
        d = [json.loads(l) for l in p.stdout.splitlines() if l]
        c.ok(p.returncode == 0 and
             [x for x in d if x["change"] in ("gone", "new")] == [] and
             "compared only the addresses both scans covered" in p.stderr
             and "6 device(s) of scan 3 outside scan 4's scope" in p.stderr,
             "narrower rescan: nothing gone, says what was compared "
             "(%r %r)" % (d, p.stderr))
        # The wide scan again, so later steps assess the whole estate.
        scan(db)

        # Reach: the Axis camera in the hq CCTV range answers from a core
        # vantage point, so it becomes a disconnect finding.
        p = run(["reach", "--db", db, "--vantage", "hq-core-ws1",
                 "127.112.2.11"])
        c.ok(p.returncode == 0 and "answers" in p.stdout,
             "reach records the hq Axis camera")
        rows4, _ = assess(db, "--regime", "uk-gsg-2022,core-no-surveillance")
        c.ok(("127.112.2.11", "2") not in by_key(rows4, "uk-gsg-2022"),
             "reachable from core, but not covered: no UK obligation 2")
        ax = by_key(rows4, "core-no-surveillance").get(("127.112.2.11",
                                                        "core"))
        c.ok(ax is not None and ax["reach_core"] and
             ax["severity"] == "high",
             "reachable from core -> local rule: disconnect, high (%s)" % ax)

        # Scanned with --estate, each device is recorded at the site its
        # address is mapped to (schema v4), and assess keys the findings
        # by site; the same findings come out.
        site_of = {r["ip"]: r["site"] for r in rows}
        db2 = os.path.join(tmp, "sited.db")
        run(["scan", "--db", db2, "-q", "--rate", "0", "--read-timeout",
             "1500", "--estate", ESTATE, TARGET], check=0)
        con = sqlite3.connect(db2)
        got = dict(con.execute("SELECT ip, site FROM device"))
        con.close()
        c.ok(all(got.get(ip) == s for ip, s in site_of.items()) and
             len(set(site_of.values())) == 3,
             "devices recorded at their estate sites: %r" % got)
        rows5, _ = assess(db2, "--regime", "uk-gsg-2022")
        c.ok(set(by_key(rows5, "uk-gsg-2022")) == set(UK_EXPECT),
             "the same findings from a sited inventory")
        c.ok(all(r["site"] == site_of.get(r["ip"]) for r in rows5),
             "each finding at its device's site")
        # Issue #20: a signed evidence pack of the assessment verifies,
        # and one byte changed in a file makes verify fail, naming it.
        key = os.path.join(tmp, "signer.key")
        pack = os.path.join(tmp, "pack.tar")
        c.ok(run(["evidence", "keygen", key]).returncode == 0 and
             (os.stat(key).st_mode & 0o777) == 0o600, "evidence keygen")
        p = run(["evidence", "pack", "--db", db, "--key", key, "-o", pack])
        c.ok(p.returncode == 0, "evidence pack (%r)" % p.stderr[-300:])
        p = run(["evidence", "verify", "--pub", key + ".pub", pack])
        c.ok(p.returncode == 0 and p.stdout.startswith("OK:"),
             "evidence verify: intact (%r)" % p.stdout[-300:])
        import tarfile
        with tarfile.open(pack) as tf:
            names = tf.getnames()
            est = tf.getmember("estate/estate.txt")
            at = est.offset_data + 3
        c.ok("attestations/uk-gsg-return.txt" in names and
             "inventory/inventory.json" in names and
             "MANIFEST.sha256" in names, "pack contents: %s" % names)
        with open(pack, "r+b") as f:
            f.seek(at)
            b = f.read(1)
            f.seek(at)
            f.write(bytes([b[0] ^ 1]))
        p = run(["evidence", "verify", "--pub", key + ".pub", pack])
        c.ok(p.returncode == 3 and "FAILED estate/estate.txt" in p.stdout,
             "evidence verify names the changed file (%d %r)" % (
                 p.returncode, p.stdout[-300:]))

        c.ok(run(["scan", "--db", "postgresql://x@127.0.0.1:1/x",
                  "--spool", os.path.join(tmp, "spool.db"), "--estate",
                  ESTATE, "--sensor", "x", TARGET]).returncode == 1,
             "a sensor's devices are its own site's: --estate refused")
    finally:
        fleet.stop_all()
    c.done()


if __name__ == "__main__":
    main()
