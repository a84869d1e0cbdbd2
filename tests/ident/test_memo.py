#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""identify's memo of decoded messages (src/ident/memo.h) changes no byte:
the same input with the memo and without it (CAMSWEEP_IDENT_MEMO=off)
gives the same stdout and stderr, on repeated messages alone and grouped
by device, a device that gets the same mDNS answer twice (its decoder
adds a value once per list: a replay must not add it again), a device
past the 256 observations a list keeps, a message whose identity is
memoised, errors between them, more distinct messages than the
memos keep (they are emptied and refilled), replies that differ only
in bytes no rule reads (the memo of identities), and the bench's mix of
tests/ident/mix.py (per-unit values), also against the PCRE2 engine.
Usage: test_memo.py path/to/camsweep"""
import io
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from checks import check, status  # noqa: E402
import samples  # noqa: E402
import mix  # noqa: E402


def run(exe, data, memo, engine=None):
    env = dict(os.environ)
    env["CAMSWEEP_IDENT_MEMO"] = "on" if memo else "off"
    if engine:
        env["CAMSWEEP_FP_ENGINE"] = engine
    p = subprocess.run([exe, "identify", "--no-oui"], input=data.encode(),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=env, timeout=120)
    check(p.returncode == 0, "exit status %d: %s" % (p.returncode, p.stderr[-300:]))
    return p.stdout, p.stderr


def msgs():
    raw = [
        ("http", samples.HTTP_HIK, 80, None),
        ("rtsp", samples.RTSP_DAHUA, 554, None),
        ("sadp", samples.SADP, 37020, None),
        ("wsd", samples.WSD, 3702, None),
        ("upnp", samples.UPNP, 49152, None),
        ("ssdp", samples.SSDP, 1900, None),
        ("tls-cert", samples.HIK_PEM, 443, None),
        ("banner", "192.0.0.64 login: ", 23, "telnet"),
        ("banner", "192.0.0.64 login: ", 23, None),
        ("banner", "192.0.0.64 login: ", 2323, "telnet"),
        ("sadp", "<oops", 37020, None),
        ("tls.subject", samples.HIK_SUBJECT, 0, None),
        ("http.server", "App-webs/", 0, None),
    ]
    out = []
    for kind, data, port, svc in raw:
        o = {"kind": kind, "data": data, "port": port}
        if svc:
            o["service"] = svc
        out.append(o)
    out.append({"kind": "mdns", "data_hex": samples.axis_mdns().hex(), "port": 5353})
    out.append({"kind": "dhip", "data_hex": samples.dhip_frame().hex(), "port": 37810})
    out.append({"kind": "dvrip", "data_hex": samples.xm_frame().hex(), "port": 34567})
    # the same bytes as latin-1 "data": another key, the same decoding
    out.append({"kind": "dvrip", "data": samples.xm_frame().decode("latin-1"),
                "port": 34567})
    return out


def line(head, m):
    o = dict(head)
    o.update(m)
    return json.dumps(o)


def main():
    exe = sys.argv[1]
    ms = msgs()
    mdns = [m for m in ms if m["kind"] == "mdns"][0]
    http = [m for m in ms if m["kind"] == "http"][0]
    rnd = random.Random(17)
    lines = []
    for i in range(400):
        lines.append(line({"id": i}, rnd.choice(ms)))
    for d in range(60):
        for _ in range(rnd.randint(1, 6)):
            lines.append(line({"device": "d%d" % d}, rnd.choice(ms)))
    # the same mDNS answer twice to one device, alone and after others
    lines.append(line({"device": "twice"}, mdns))
    lines.append(line({"device": "twice"}, mdns))
    lines.append(line({"device": "twice2"}, http))
    lines.append(line({"device": "twice2"}, mdns))
    lines.append(line({"device": "twice2"}, mdns))
    # past the list's 256 observations
    for _ in range(80):
        lines.append(line({"device": "full"}, rnd.choice(ms)))
    lines += ['{"id":"bad","kind":"nope","data":"x"}', "not json",
              '{"id":"nodata","kind":"http"}',
              '{"id":"hex","kind":"mdns","data_hex":"zz"}']
    for i in range(50):
        lines.append(line({"id": "again%d" % i}, rnd.choice(ms)))
    # more distinct messages than the memos keep (4,096 messages and
    # observations, 8,192 evidence rows): each is emptied and refilled
    # (a message or observation is kept the second time it is seen, so
    # each comes twice, the second time after others)
    for i in range(9000):
        m = {"kind": "http.server", "data": "App-webs/%d" % i}
        if i % 3:
            lines.append(line({"id": "u%d" % i}, m))
            if i >= 2:
                lines.append(line({"id": "v%d" % i},
                                  {"kind": "http.server",
                                   "data": "App-webs/%d" % (i - 2)}))
        else:
            lines.append(line({"device": "u%d" % (i // 6)}, m))
            lines.append(line({"device": "u%d" % (i // 6)}, rnd.choice(ms)))
    data = "".join(l + "\n" for l in lines)

    on_out, on_err = run(exe, data, True)
    off_out, off_err = run(exe, data, False)
    check(on_out == off_out, "stdout differs with and without the memo")
    check(on_err == off_err, "stderr differs with and without the memo")
    outs = [json.loads(l) for l in on_out.decode().splitlines()]
    by = {o.get("device"): o for o in outs if "device" in o}
    alone, _ = run(exe, line({"id": "alone"}, mdns) + "\n", True)
    n = json.loads(alone)["observations"]
    check(n > 0 and by["twice"]["observations"] < 2 * n,
          "the same mDNS answer twice adds its once-per-list values once"
          " (%d, alone %d)"
          % (by["twice"]["observations"], n))
    check(by["full"]["observations"] == 256, "a full device keeps 256 observations"
          " (%s)" % by["full"].get("observations"))
    check(len(outs) > 500, "every line identified (%d)" % len(outs))
    # a message is kept the second time it is seen, and found the third
    # (identify --stats counts the memos' lookups and finds)
    env = dict(os.environ)
    env["CAMSWEEP_IDENT_MEMO"] = "on"
    three = "".join(line({"id": i}, http) + "\n" for i in range(3))
    p = subprocess.run([exe, "identify", "--no-oui", "--stats"],
                       input=three.encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=60)
    check(b"identify: memo: 1 of 3 messages found" in p.stderr,
          "the same message three times is found once: %r" % p.stderr[-200:])
    # three Hikvision replies that differ in their Date and nonce alone:
    # three messages, but one signature of assertions (no rule reads or
    # shows those bytes), so the third is found in the memo of identities
    hik = []
    for i in range(3):
        d = samples.HTTP_HIK.replace("00:00:00", "00:00:0%d" % i)
        d = d.replace('nonce="4e5468"', 'nonce="4e546%d"' % i)
        hik.append(line({"id": "hik%d" % i}, {"kind": "http", "data": d, "port": 80}) + "\n")
    p = subprocess.run([exe, "identify", "--no-oui", "--stats"],
                       input="".join(hik).encode(), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=60)
    check(b"messages found" in p.stderr and
          b"0 of 3 messages found" in p.stderr and
          b"1 of 3 identities found" in p.stderr,
          "replies differing in Date and nonce: one identity found: %r"
          % p.stderr[-200:])
    off_hik, _ = run(exe, "".join(hik), False)
    check(p.stdout == off_hik, "replies differing in Date and nonce: output"
          " differs with and without the memos")
    hout = [json.loads(l) for l in p.stdout.decode().splitlines()]
    check(len(hout) == 3 and hout[2]["id"] == "hik2" and
          hout[2]["manufacturer"] == "Hikvision",
          "the identity found is printed with its own id: %r" % hout[-1:])
    # the bench's mix (per-unit values in the messages, tests/ident/mix.py):
    # the default engine with its memos, without them, and PCRE2 alone
    buf = io.StringIO()
    mix.generate(30000, buf, seed=5)
    data = buf.getvalue()
    on_out, on_err = run(exe, data, True)
    off_out, off_err = run(exe, data, False)
    pcre_out, pcre_err = run(exe, data, False, "pcre2")
    check(on_out == off_out and on_err == off_err,
          "the bench's mix: output differs with and without the memos")
    check(on_out == pcre_out and on_err == pcre_err,
          "the bench's mix: output differs from the PCRE2 engine's")
    check(on_out.count(b"\n") > 15000, "the bench's mix: identities (%d)"
          % on_out.count(b"\n"))
    sys.exit(status("ok: %d identities, identical with and without the memo" % len(outs)))


if __name__ == "__main__":
    main()
