#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""`camsweep identify` on `mac` observations with the real registries
(Debian ieee-data and Wireshark's manuf, installed by scripts/deps.sh):
the forms tools print resolve to the registrant's maker; a locally
administered address (bit 0x02 of the first octet) or a multicast one
has no registrant and names no maker, even when the same bits with that
bit clear are a camera maker's block; near-misses are not MACs."""
import json
import os
import subprocess
import sys

BUILD = os.environ.get("CS_BUILDDIR", "build")
EXE = os.path.join(BUILD, "camsweep")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, status  # noqa: E402


def identify(values):
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = "/nonexistent/camsweep-test"
    env.pop("CAMSWEEP_IEEE_DATA", None)
    env.pop("CAMSWEEP_MANUF", None)
    data = "".join(json.dumps({"id": str(i), "kind": "mac", "data": v}) + "\n"
                   for i, v in enumerate(values))
    p = subprocess.run([EXE, "identify"], input=data.encode(), env=env,
                       capture_output=True, timeout=60)
    check(p.returncode == 0, "identify exit %d: %s" % (p.returncode,
                                                      p.stderr[-300:]))
    out = {}
    for line in p.stdout.decode().splitlines():
        o = json.loads(line)
        out[o["id"]] = o
    return [out.get(str(i)) for i in range(len(values))]


def main():
    for f in ("/usr/share/ieee-data/oui.csv", "/usr/share/wireshark/manuf"):
        if not os.access(f, os.R_OK):
            sys.exit("FAIL: %s missing: run scripts/deps.sh" % f)
    # (value, maker): Hikvision C0:56:E3 and Dahua 3C:EF:8C in the forms
    # of snmpwalk (STRING and Hex-STRING), Windows, Cisco, Linux, SADP.
    named = [
        ("c0:56:e3:8:4e:1e", "Hikvision"),
        ("C0:56:E3:08:4E:1E", "Hikvision"),
        ("c0-56-e3-08-4e-1e", "Hikvision"),
        ("C0 56 E3 08 4E 1E ", "Hikvision"),
        ("c056.e308.4e1e", "Hikvision"),
        ("C056E3084E1E", "Hikvision"),
        ("3c:ef:8c:8:4e:1e", "Dahua"),
        ("3CEF.8C08.4E1E", "Dahua"),
        ("00:40:8c:a:b:c", "Axis"),
        ("c0:56:e3", "Hikvision"),  # a registry prefix given alone
        # March Networks' own blocks name March Networks (its owner,
        # Infinova, is told by the parent chain), and a Wyze block names
        # Hualai, which builds Wyze's cameras (issue #11).
        ("00:10:be:01:02:03", "March Networks"),
        ("00:12:81:01:02:03", "March Networks"),
        ("2c:aa:8e:01:02:03", "Hualai"),
        # Observint's block is on LTS (Hikvision OEM) cameras.
        ("64:25:5e:01:02:03", "Hikvision"),
    ]
    # Locally administered: C2:56:E3 and 3E:EF:8C are the Hikvision and
    # Dahua blocks with bit 0x02 set; 52:54:00 QEMU/KVM, 02:42 Docker,
    # DA:A1:19 a randomised phone MAC, 0A:... Hyper-V style.  Multicast:
    # 01:00:5E (IPv4), 33:33 (IPv6), C1:56:E3 (bit 0x01 of a Hikvision
    # block).
    anonymous = [
        "c2:56:e3:08:4e:1e", "C2-56-E3-08-4E-1E", "c256.e308.4e1e",
        "3e:ef:8c:8:4e:1e", "52:54:00:12:34:56", "02:42:ac:11:00:02",
        "da:a1:19:6b:2c:01", "0a:00:27:00:00:00", "c2:56:e3",
        "01:00:5e:00:00:fb", "33:33:00:00:00:01", "c1:56:e3:08:4e:1e",
    ]
    # Not MAC addresses at all.
    refused = [
        "c056e3084e1e1", "fe80::c256:e3ff:fe08:4e1e", "2001:db8::c0:56",
        "c056:e308:4e1e", "DS-2CD2143G0-I20190101AACHD12345678",
        "4K01FD2PAJ6E3FF",
    ]
    got = identify([v for v, _ in named] + anonymous + refused)
    for (v, maker), o in zip(named, got):
        check(o is not None and o["manufacturer"] == maker,
              "%s: manufacturer %r, want %s" % (
                  v, o and o["manufacturer"], maker))
    rest = got[len(named):]
    for v, o in zip(anonymous + refused, rest):
        check(o is not None and o["manufacturer"] is None,
              "%s: manufacturer %r, want none" % (v, o and o["manufacturer"]))
        check(o is not None and not any(
            e.get("observation") == "mac.maker" for e in o["evidence"]),
            "%s: a mac.maker claim" % v)
    # lookup --mac says why: no registrant for a local address.
    env = dict(os.environ, XDG_DATA_HOME="/nonexistent/camsweep-test")
    p = subprocess.run([EXE, "lookup", "--mac", "c2:56:e3:08:4e:1e",
                        "--json"], env=env, capture_output=True, text=True,
                       timeout=60)
    check(p.returncode == 3, "lookup --mac of a local address: exit %d"
          % p.returncode)
    check("Hikvision" not in p.stdout, "lookup --mac local: %s" % p.stdout)
    sys.exit(status("ok: %d named, %d anonymous, %d refused" % (
        len(named), len(anonymous), len(refused))))


if __name__ == "__main__":
    main()
