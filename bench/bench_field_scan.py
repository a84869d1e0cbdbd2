# SPDX-License-Identifier: ISC
"""Scores the scan path on the field corpus (bench/field/*.jsonl): every
unit is served as a live loopback host by `camsim --replay` and found by
`camsweep scan` (default ports, JSON output); the figures are those of
bench_field.py (its scoring is imported, not copied), and for every
served unit the scan's identity is compared with `camsweep identify` on
the same bytes (the lines camsim served).

Usage: bench_field_scan.py CAMSWEEP CAMSIM DATA_DIR FIELD_DIR [--verbose]
                           [--ports LIST]

--ports LIST is passed to the scan as it is.  Without it, each file's
scan sweeps the scan's default ports plus every port camsim served a line
of that file on (a field unit recorded on 8086 or 17970 is a device a
user would point the scan at with --ports); the units that are reachable
only on such added ports are counted and, with --verbose, listed, so the
figures also say what a default-ports scan would not reach.

Lines with an "unsafe_request" member answer a request camsweep never
sends (a vendor backdoor handshake, an information-disclosure URL): they
are not served as hosts, are counted under their own reason, and stay in
identify's figures (see bench/field/README.md).

Units with no servable line (MAC addresses, sysDescr values, single
header fields, UDP discovery replies on loopback) have no host, so the
scan path gives them no identity and they count as misses in the
scan-path figures; the manifest's skip reasons are summarised.  Exit
status 0 whatever the figures (a benchmark, not a test)."""
import collections
import glob
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_field  # noqa: E402
import replay_scan  # noqa: E402


def show(label, s):
    print(label)
    for line in s.lines():
        print("  " + line)


def default_ports(camsweep):
    """The scan's default port list, as `camsweep scan --help` prints it."""
    p = subprocess.run([camsweep, "scan", "--help"], capture_output=True,
                       text=True, check=False)
    m = re.search(r"default ([0-9][0-9,]*)", p.stdout + p.stderr)
    if not m:
        raise RuntimeError("cannot read the scan's default ports from `camsweep scan --help`")
    return [int(x) for x in m.group(1).split(",") if x]


def main(argv):
    verbose = "--verbose" in argv or "-v" in argv
    args = [a for a in argv if a not in ("--verbose", "-v")]
    extra = []
    if "--ports" in args:
        k = args.index("--ports")
        if k + 1 >= len(args):
            sys.stderr.write(__doc__)
            return 2
        extra = ["--ports", args[k + 1]]
        del args[k:k + 2]
    if len(args) != 4:
        sys.stderr.write(__doc__)
        return 2
    camsweep, camsim, data_dir, field = args
    files = sorted(glob.glob(os.path.join(field, "*.jsonl")))
    if not files:
        sys.stderr.write("bench_field_scan: no *.jsonl in %s\n" % field)
        return 2
    prc = bench_field.prc_makers(data_dir)
    defaults = default_ports(camsweep)
    n_added_only = 0
    added_ports = set()
    tot_id, tot_scan, tot_sid, tot_sscan = (bench_field.Score() for _ in range(4))
    skips = collections.Counter()
    n_units = n_served = n_lines = n_lines_served = n_dis = 0
    dis_fields = collections.Counter()
    for fi, path in enumerate(files):
        units, problems = bench_field.load_units(path)
        for p in problems:
            sys.stderr.write("bench_field_scan: %s: %s\n" % (os.path.basename(path), p))
        unsafe = replay_scan.unsafe_lines(units)
        for kind, _ in unsafe.values():
            skips[(kind, "answers a request camsweep never sends (the line's unsafe_request; --verbose lists them)")] += 1
        cidr = "127.203.%d.0/22" % (4 * fi)
        with replay_scan.Replay(camsim, replay_scan.without_lines(units, unsafe), cidr) as rp:
            manifest = rp.manifest
            args = extra
            only_added = []
            if not extra:
                served_ports = {x["port"] for m in manifest.values() for x in m["served"]}
                more = sorted(served_ports - set(defaults))
                added_ports.update(more)
                args = ["--ports", ",".join(str(x) for x in defaults + more)]
                only_added = sorted(k for k, m in manifest.items() if m["served"]
                                    and all(x["port"] in more for x in m["served"]))
                n_added_only += len(only_added)
            scanned, err = rp.scan(camsweep, data_dir, args)
        if err.strip():
            sys.stderr.write("bench_field_scan: scan: %s\n" % err.strip()[:500])
        served = replay_scan.served_units(units, manifest)
        ident_all = bench_field.identify(camsweep, data_dir, units)
        ident_served = bench_field.identify(camsweep, data_dir, served)
        s_id = bench_field.score_file(units, ident_all, prc)
        s_scan = bench_field.score_file(units, scanned, prc)
        s_sid = bench_field.score_file(served, ident_served, prc)
        s_sscan = bench_field.score_file(served, scanned, prc)
        for tot, s in ((tot_id, s_id), (tot_scan, s_scan), (tot_sid, s_sid),
                       (tot_sscan, s_sscan)):
            tot.add(s)
        for m in manifest.values():
            for k in m["skipped"]:
                skips[(k["kind"], k["reason"])] += 1
        n_units += len(units)
        n_served += len(served)
        n_lines += sum(len(u["lines"]) for u in units)
        n_lines_served += sum(len(u["lines"]) for u in served)
        dis = replay_scan.disagreements(served, scanned, ident_served)
        n_dis += len(dis)
        for _, f in dis:
            dis_fields.update(f)
        print("== %s: %d units, %d served as hosts" % (os.path.basename(path), len(units), len(served)))
        print("  scan vs identify on the same bytes: %d of %d served units disagree" % (len(dis), len(served)))
        if only_added:
            print("  %d served units answer only on ports outside the scan's default list (scanned because they were served there)"
                  % len(only_added))
        if verbose:
            for i, (kind, why) in sorted(unsafe.items()):
                print("    not served: %s %s: answers a request camsweep never sends: %s" % (i, kind, why))
            for key in only_added:
                print("    on added ports only: %s (%s)" % (key, ", ".join(
                    "%s/%d" % (x["kind"], x["port"]) for x in manifest[key]["served"])))
            for key, f in dis:
                m = manifest[key]
                s, i = scanned.get(key) or {}, ident_served.get(key) or {}
                print("    %s: %s | served %s | scan maker=%s class=%s surveillance=%s%s | identify maker=%s class=%s surveillance=%s"
                      % (key, ",".join(f),
                         ", ".join("%s %s/%s%s" % (x["id"], x["kind"], x["port"],
                                                   "" if x["framing"] == "recorded" else " (" + x["framing"] + ")")
                                   for x in m["served"]),
                         s.get("manufacturer"), s.get("device_class"), s.get("surveillance"),
                         "" if s else " (no host found)",
                         i.get("manufacturer"), i.get("device_class"), i.get("surveillance")))
            for mline in s_scan.misses:
                print("    scan miss " + mline)
    print("== overall (%d files): %d units, %d served as hosts; %d of %d lines served"
          % (len(files), n_units, n_served, n_lines_served, n_lines))
    if not extra:
        print("scanned ports: the default list plus %s (ports lines were served on); %d served units answer only there"
              % (",".join(str(x) for x in sorted(added_ports)) or "none", n_added_only))
    print("lines not served, by kind and reason:")
    for (kind, why), n in sorted(skips.items(), key=lambda x: -x[1]):
        print("  %4d %s: %s" % (n, kind, why))
    show("identify, all units (as bench_field.sh):", tot_id)
    show("scan path, all units (unserved units have no identity):", tot_scan)
    show("identify, served units on the served lines only:", tot_sid)
    show("scan path, served units:", tot_sscan)
    print("scan vs identify on the same bytes: %d of %d served units disagree (%s)"
          % (n_dis, n_served, ", ".join("%s %d" % kv for kv in sorted(dis_fields.items())) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
