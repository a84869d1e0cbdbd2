# SPDX-License-Identifier: ISC
"""Scores `camsweep identify` on the field corpus (bench/field/*.jsonl).

Usage: bench_field.py CAMSWEEP DATA_DIR FIELD_DIR [--verbose]

Every line of a corpus file is an identify input plus a label (see
bench/field/README.md).  Lines that share a "device" value within one
file are one unit (identified together); every other line is a unit on
its own.  For each file and overall it prints the PRC-surveillance flag's
recall and precision, maker accuracy over labelled surveillance units,
class accuracy over labelled classes and the registry-trap errors; with
--verbose, every unit where a figure was lost.  Exit status 0 whatever
the figures (a benchmark, not a test); 2 when the corpus or camsweep
cannot be read or run at all.
"""
import glob
import json
import os
import subprocess
import sys

INPUT_KEYS = ("kind", "data", "data_hex", "port", "service")


def read_tsv(path):
    rows = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                rows.append(line.rstrip("\n").split("\t"))
    except OSError:
        pass
    return rows


def prc_makers(data_dir):
    """Makers the entities record as PRC: incorporated in CN (makers.tsv
    country column), or controlled from a PRC maker or company: a parent
    (makers.tsv) or an open-ended subsidiary-of / controlled-by /
    largest-shareholder owner (ownership.tsv) that is itself PRC."""
    ent = os.path.join(data_dir, "entities")
    country, owner = {}, {}
    for r in read_tsv(os.path.join(ent, "makers.tsv")):
        if len(r) < 5:
            continue
        name = r[0].lower()
        country[name] = r[2]
        if r[4] not in ("-", ""):
            owner.setdefault(name, set()).add(r[4].lower())
    for r in read_tsv(os.path.join(ent, "ownership.tsv")):
        if len(r) < 5:
            continue
        rel, to = r[2], r[4]
        if rel in ("subsidiary-of", "controlled-by", "largest-shareholder") and to in ("-", ""):
            owner.setdefault(r[0].lower(), set()).add(r[1].lower())
    # Owners named with a gloss ("CETHIK (China ...)") are also looked up
    # by the name before " (".
    def is_prc(name, seen):
        if name in seen:
            return False
        seen.add(name)
        base = name.split(" (")[0]
        if country.get(name) == "CN" or country.get(base) == "CN":
            return True
        return any(is_prc(o, seen) for o in owner.get(name, set()) | owner.get(base, set()))
    return {n for n in set(country) | set(owner) if is_prc(n, set())}


def flagged(res, prc):
    """The PRC-surveillance flag of one identity (README: 'The flag')."""
    if res is None or res.get("surveillance") is not True:
        return False
    if res.get("manufacturer_country") == "CN":
        return True
    m = res.get("manufacturer")
    return isinstance(m, str) and m.lower() in prc


def load_units(path):
    """Returns (units, problems): units in file order, each a dict with
    key, label, ids and the identify input lines, and "unsafe" (id -> (kind, why))
    for lines whose "unsafe_request" says they answer a request camsweep
    never sends."""
    units, by_dev, problems = [], {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                o = json.loads(line)
            except ValueError as ex:
                problems.append("line %d: not JSON (%s)" % (n, ex))
                continue
            inp = {k: o[k] for k in INPUT_KEYS if k in o}
            dev = o.get("device")
            if dev is not None:
                key = "dev:%s" % dev
                if key not in by_dev:
                    by_dev[key] = {"key": key, "label": o.get("label"), "ids": [], "lines": []}
                    units.append(by_dev[key])
                u = by_dev[key]
                inp["device"] = key
            else:
                key = "id:%s" % o.get("id", "line%d" % n)
                u = {"key": key, "label": o.get("label"), "ids": [], "lines": []}
                units.append(u)
                inp["id"] = key
            u["ids"].append(str(o.get("id")))
            u["lines"].append(json.dumps(inp))
            if o.get("unsafe_request"):
                u.setdefault("unsafe", {})[str(o.get("id"))] = (str(o.get("kind")), str(o["unsafe_request"]))
    return units, problems


def identify(camsweep, data_dir, units):
    """Runs identify once over all units (device lines adjacent) and
    returns key -> identity (or None)."""
    text = "\n".join(l for u in units for l in u["lines"]) + "\n"
    p = subprocess.run([camsweep, "identify", "--data", data_dir],
                       input=text.encode("utf-8"), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    if p.returncode not in (0,):
        sys.stderr.write("bench_field: camsweep identify exited %d: %s\n"
                         % (p.returncode, p.stderr.decode("utf-8", "replace")[:500]))
    out = {}
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        key = r.get("device", r.get("id"))
        if isinstance(key, str) and "error" not in r:
            out[key] = r
    return out


class Score:
    def __init__(self):
        self.units = self.tp = self.fp = self.fn = self.traps = 0
        self.excluded = 0
        self.maker_n = self.maker_ok = self.class_n = self.class_ok = 0
        self.misses = []

    def add(self, other):
        for k in ("units", "tp", "fp", "fn", "traps", "excluded", "maker_n",
                  "maker_ok", "class_n", "class_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.misses += other.misses

    def lines(self):
        def ratio(a, b):
            return "%.3f (%d/%d)" % (a / b, a, b) if b else "n/a (0/0)"
        return [
            "units %d (PRC-surveillance flag: %d labelled positive, %d excluded: prc or surveillance not established)"
            % (self.units, self.tp + self.fn, self.excluded),
            "  flag recall      %s" % ratio(self.tp, self.tp + self.fn),
            "  flag precision   %s" % ratio(self.tp, self.tp + self.fp),
            "  maker accuracy   %s  (labelled surveillance units with a known maker)" % ratio(self.maker_ok, self.maker_n),
            "  class accuracy   %s  (units with a labelled class)" % ratio(self.class_ok, self.class_n),
            "  registry traps   %d  (non-PRC or non-surveillance units flagged)" % self.traps,
        ]


def score_file(units, results, prc):
    s = Score()
    for u in units:
        lab = u["label"] or {}
        res = results.get(u["key"])
        s.units += 1
        why = []
        f = flagged(res, prc)
        surv, isprc = lab.get("surveillance"), lab.get("prc")
        if (surv is None and isprc is not False) or (surv is True and isprc is None):
            s.excluded += 1
        else:
            truth = surv is True and isprc is True
            if truth and f:
                s.tp += 1
            elif truth:
                s.fn += 1
                why.append("flag missed")
            elif f:
                s.fp += 1
                s.traps += 1
                why.append("flag wrongly raised (registry trap)")
        if surv is True and lab.get("maker"):
            s.maker_n += 1
            got = (res or {}).get("manufacturer")
            if isinstance(got, str) and got.lower() == lab["maker"].lower():
                s.maker_ok += 1
            else:
                why.append("maker")
        cls = lab.get("class")
        if cls and cls != "unknown":
            s.class_n += 1
            if (res or {}).get("device_class") == cls:
                s.class_ok += 1
            else:
                why.append("class")
        if why:
            got = res or {}
            s.misses.append("%s: %s | label maker=%s class=%s surveillance=%s prc=%s | got maker=%s country=%s class=%s surveillance=%s%s"
                            % (",".join(u["ids"]) if len(u["ids"]) < 4 else "%s..%s (%d lines)" % (u["ids"][0], u["ids"][-1], len(u["ids"])),
                               "; ".join(why), lab.get("maker"), cls, surv, isprc,
                               got.get("manufacturer"), got.get("manufacturer_country"),
                               got.get("device_class"), got.get("surveillance"),
                               "" if res else " (no identity)"))
    return s


def main(argv):
    verbose = "--verbose" in argv or "-v" in argv
    args = [a for a in argv if a not in ("--verbose", "-v")]
    if len(args) != 3:
        sys.stderr.write(__doc__)
        return 2
    camsweep, data_dir, field = args
    files = sorted(glob.glob(os.path.join(field, "*.jsonl")))
    if not files:
        sys.stderr.write("bench_field: no *.jsonl in %s\n" % field)
        return 2
    prc = prc_makers(data_dir)
    total = Score()
    for path in files:
        units, problems = load_units(path)
        for p in problems:
            sys.stderr.write("bench_field: %s: %s\n" % (os.path.basename(path), p))
        results = identify(camsweep, data_dir, units)
        s = score_file(units, results, prc)
        total.add(s)
        nlines = sum(len(u["lines"]) for u in units)
        print("== %s: %d lines" % (os.path.basename(path), nlines))
        for line in s.lines():
            print(line)
        if verbose and s.misses:
            print("  misses (%d):" % len(s.misses))
            for m in s.misses:
                print("    " + m)
    print("== overall (%d files)" % len(files))
    for line in total.lines():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
