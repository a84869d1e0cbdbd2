# SPDX-License-Identifier: ISC
"""Validity of the field corpus (bench/field/*.jsonl, format in
bench/field/README.md): every line is a JSON object with a unique id, an
identify kind, exactly one of data/data_hex, a label with valid values, a
source naming a URL and a collection date; lines of one device carry one
label.  Fails on the first file with a bad line (all problems listed).
Before the corpus, a set of known-bad lines is checked to be rejected, so
the checker cannot pass by accepting everything.

Usage: test_field_corpus.py SRCDIR
"""
import glob
import json
import os
import re
import sys

CLASSES = {"camera", "nvr", "dvr", "encoder", "decoder", "intercom", "access-control",
           "alarm-panel", "switch", "router", "storage", "vms-software", "radio",
           "printer", "other", "unknown"}
URL = re.compile(r"https?://[^\s/]+\.[^\s]+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEX = re.compile(r"^[0-9A-Fa-f:\s]*$")


def identify_kinds(srcdir):
    """The kinds `camsweep identify` accepts, read from its kind table."""
    text = open(os.path.join(srcdir, "src", "parse", "decode.c"), encoding="utf-8").read()
    m = re.search(r"\}\s*kinds\[\]\s*=\s*\{(.*?)\n\};", text, re.S)
    if not m:
        raise SystemExit("cannot find the kind table in src/parse/decode.c")
    kinds = set(re.findall(r'\{\s*"([a-z0-9.-]+)"\s*,', m.group(1)))
    if len(kinds) < 10:
        raise SystemExit("kind table of src/parse/decode.c looks wrong: %r" % sorted(kinds))
    return kinds


def check_line(line, kinds):
    """Problems of one corpus line (empty list when it is valid)."""
    try:
        o = json.loads(line)
    except ValueError as ex:
        return ["not JSON: %s" % ex]
    if not isinstance(o, dict):
        return ["not a JSON object"]
    p = []
    if not isinstance(o.get("id"), str) or not o["id"]:
        p.append("no string id")
    if o.get("kind") not in kinds:
        p.append("kind %r is not an identify kind" % o.get("kind"))
    has = [k for k in ("data", "data_hex") if k in o]
    if len(has) != 1:
        p.append("needs exactly one of data/data_hex")
    elif not isinstance(o[has[0]], str) or not o[has[0]]:
        p.append("%s is not a non-empty string" % has[0])
    elif has[0] == "data_hex" and (not HEX.match(o["data_hex"]) or
                                   len(re.sub(r"[\s:]", "", o["data_hex"])) % 2):
        p.append("data_hex is not hex bytes")
    if "port" in o and not (isinstance(o["port"], int) and 0 < o["port"] < 65536):
        p.append("port is not 1..65535")
    if "service" in o and not isinstance(o["service"], str):
        p.append("service is not a string")
    if "device" in o and not isinstance(o["device"], str):
        p.append("device is not a string")
    lab = o.get("label")
    if not isinstance(lab, dict):
        p.append("no label object")
    else:
        extra = set(lab) - {"maker", "class", "surveillance", "prc"}
        if extra:
            p.append("unknown label members %s" % sorted(extra))
        if "maker" not in lab or not (lab["maker"] is None or
                                      (isinstance(lab["maker"], str) and lab["maker"].strip())):
            p.append("label.maker must be a name or null")
        if lab.get("class") not in CLASSES:
            p.append("label.class %r not one of the classes" % lab.get("class"))
        surv = lab.get("surveillance", "absent")
        if not (isinstance(surv, bool) or surv is None):
            p.append("label.surveillance must be true, false or null")
        elif surv is None and lab.get("class") != "unknown":
            # null only for a unit the source does not establish (README:
            # registry observations of a multi-product maker).
            p.append("label.surveillance null needs class unknown")
        if "prc" not in lab or not (lab["prc"] is None or isinstance(lab["prc"], bool)):
            p.append("label.prc must be true, false or null")
        if lab.get("maker") is None and lab.get("prc") is not None and lab.get("prc") is True:
            p.append("label.prc true needs a maker")
    src = o.get("source")
    if not isinstance(src, str) or not URL.search(src):
        p.append("source names no URL")
    if not isinstance(o.get("collected"), str) or not DATE.match(o["collected"]):
        p.append("collected is not YYYY-MM-DD")
    if "unsafe_request" in o and (not isinstance(o["unsafe_request"], str)
                                  or len(o["unsafe_request"].strip()) < 20):
        p.append("unsafe_request must say, in a sentence, which request the line answers")
    return p


BAD = [
    'not json',
    '[1, 2]',
    '{"id": "x", "kind": "htp", "data": "a", "label": {"maker": null, "class": "camera", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "http", "data": "a", "data_hex": "00", "label": {"maker": null, "class": "camera", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "http", "data": "a", "label": {"maker": null, "class": "cam", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "http", "data": "a", "label": {"maker": null, "class": "camera", "surveillance": "yes", "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "http", "data": "a", "label": {"maker": "Hikvision", "class": "camera", "surveillance": true, "prc": true}, "source": "a forum", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "http", "data": "a", "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "mac", "data": "00:11:22:33:44:55", "label": {"maker": "Hikvision", "class": "camera", "surveillance": null, "prc": true}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "mac", "data": "00:11:22:33:44:55", "label": {"maker": "Hikvision", "class": "unknown", "prc": true}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"kind": "http", "data": "a", "label": {"maker": null, "class": "camera", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "mac", "data_hex": "0g", "label": {"maker": null, "class": "camera", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
    '{"id": "x", "kind": "banner", "data": "a", "unsafe_request": true, "label": {"maker": null, "class": "camera", "surveillance": true, "prc": null}, "source": "https://example.org/a", "collected": "2026-12-07"}',
]
GOOD = '{"id": "x", "kind": "http", "data": "a", "label": {"maker": "Hikvision", "class": "nvr", "surveillance": true, "prc": true}, "source": "https://example.org/a (comment 3)", "collected": "2026-12-07"}'


def main():
    srcdir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CS_SRCDIR", ".")
    kinds = identify_kinds(srcdir)
    # The checker itself: each bad line rejected, the good one accepted.
    for b in BAD:
        if not check_line(b, kinds):
            print("checker accepted a bad line: %s" % b)
            return 1
    if check_line(GOOD, kinds):
        print("checker rejected a good line: %s" % check_line(GOOD, kinds))
        return 1
    files = sorted(glob.glob(os.path.join(srcdir, "bench", "field", "*.jsonl")))
    if not files:
        print("no corpus files under bench/field")
        return 1
    failed, ids, total = False, {}, 0
    for path in files:
        name = os.path.basename(path)
        labels = {}
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    print("%s:%d: blank line" % (name, n))
                    failed = True
                    continue
                total += 1
                probs = check_line(line, kinds)
                o = json.loads(line) if not probs or not probs[0].startswith("not") else None
                if isinstance(o, dict):
                    i = o.get("id")
                    if isinstance(i, str):
                        if i in ids:
                            probs.append("id %s already used at %s" % (i, ids[i]))
                        else:
                            ids[i] = "%s:%d" % (name, n)
                    d = o.get("device")
                    if isinstance(d, str) and isinstance(o.get("label"), dict):
                        if d in labels and labels[d] != o["label"]:
                            probs.append("device %s has another label on an earlier line" % d)
                        labels.setdefault(d, o["label"])
                for p in probs:
                    print("%s:%d: %s" % (name, n, p))
                failed = failed or bool(probs)
    print("%d lines in %d files, %d ids: %s" % (total, len(files), len(ids),
                                              "FAIL" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
