# SPDX-License-Identifier: ISC
"""Vendor device-information APIs scanned live (issue #11 §5): a camsim
fleet (mix vendor-api) whose Uniview NVRs answer LAPI DeviceInfo, Dahua
XVRs answer magicBox getDeviceType, Axis cameras answer basicdeviceinfo,
and Hanwha, Uniview and Hikvision units answer their APIs with 401.  The
scan must ask each API (the probes are read-only GETs/POSTs without
credentials), record its observations, and name maker, model and the
class the device-type fields give."""
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, scan, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

CIDR = shifted("127.21.0.0/26")
COUNT = 28

# profile -> (observation keys the scan must hold, identity fields,
#             vendor-api.fp rules whose class claim must be in the evidence)
# The class claims are checked as evidence: which class wins against the
# generic ONVIF camera evidence is the class model's decision (fp_match).
WANT = {
    "uniview-nvr": (["lapi.deviceinfo", "lapi.model", "lapi.device-type"],
                    {"manufacturer": "Uniview"}, ["lapi-type-nvr"]),
    "uniview-camera": (["lapi.deviceinfo"], {"manufacturer": "Uniview"}, []),
    "dahua-xvr": (["dahua.cgi", "dahua.model", "dahua.realm"],
                  {"manufacturer": "Dahua"}, ["dahua-model-dvr"]),
    "axis-camera": (["axis.model", "axis.device-type"],
                    {"manufacturer": "Axis", "device_class": "camera"},
                    ["axis-api-type-camera"]),
    "hanwha-camera": (["sunapi.deviceinfo"],
                      {"manufacturer": "Hanwha Vision"}, []),
    "hikvision-nvr": (["hik.isapi"], {"manufacturer": "Hikvision"}, []),
}


def main():
    c = Checker()
    tmp = scratch("cs-vapi-")
    db = os.path.join(tmp, "inv.db")
    with Estate(CIDR, COUNT, seed=11, mix="vendor-api") as est:
        truth = {d["ip"]: d for d in est.devices}
        devs, err = scan([CIDR], db, ["--rate", "0"])
    found = {d["ip"]: d for d in devs}
    con = sqlite3.connect(db)
    seen = set()
    for ip, t in sorted(truth.items()):
        prof = t["profile"]
        d = found.get(ip)
        if prof not in WANT or not c.ok(d is not None, "%s (%s) found" % (ip, prof)):
            continue
        seen.add(prof)
        keys, fields, rules = WANT[prof]
        have = {r[0] for r in con.execute(
            "SELECT o.key FROM observation o JOIN sighting s ON s.id = o.sighting_id "
            "WHERE s.ip = ?", (ip,))}
        for k in keys:
            c.ok(k in have, "%s (%s) has observation %s" % (ip, prof, k))
        for f, v in fields.items():
            c.ok(d.get(f) == v, "%s (%s) %s %r == %r" % (ip, prof, f, d.get(f), v))
        ev = {(e.get("field"), e.get("rule")) for e in d.get("evidence", [])}
        for r in rules:
            c.ok(("class", r) in ev, "%s (%s) class evidence from %s" % (ip, prof, r))
        if prof in ("uniview-nvr", "dahua-xvr", "axis-camera"):
            c.ok(d.get("model") == t["model"],
                 "%s (%s) model %r == %r" % (ip, prof, d.get("model"), t["model"]))
    con.close()
    c.ok(seen >= {"uniview-nvr", "dahua-xvr", "axis-camera"},
         "fleet holds the open-API profiles: %s" % sorted(seen))
    c.done()


if __name__ == "__main__":
    main()
