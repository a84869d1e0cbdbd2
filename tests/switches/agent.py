#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""A switch (or router) for tests: Net-SNMP snmpd's pass_persist
protocol (snmpd.conf(5), "pass_persist") over a data file of this
directory's format, one binding a line:

    OID TYPE VALUE      # TYPE: integer, gauge, string, hex, objectid

`hex` is an OCTET STRING written as hex digits (spaces ignored), as a
MAC, a PortList or BITS are.  Lines are sorted by OID here, so a file may
list them in any order.  Only `get` and `getnext` are answered; `set` is
refused (not-writable) and every command is appended to the log named by
the second argument, so a test can see that none came."""
import sys


def oid_key(o):
    return tuple(int(x) for x in o.strip(".").split("."))


def load(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            oid, typ, val = (line.split(None, 2) + [""])[:3]
            rows[oid_key(oid)] = (typ, val)
    return sorted(rows.items())


def answer(oid, typ, val):
    o = "." + ".".join(str(x) for x in oid)
    if typ == "hex":
        h = val.replace(" ", "").replace(":", "")
        val = " ".join(h[i:i + 2] for i in range(0, len(h), 2))
        typ = "octet"
    return "%s\n%s\n%s\n" % (o, typ, val)


def main():
    rows = load(sys.argv[1])
    keys = [k for k, _ in rows]
    log = open(sys.argv[2], "a", encoding="utf-8") if len(sys.argv) > 2 \
        else None
    import bisect
    out = sys.stdout
    while True:
        cmd = sys.stdin.readline()
        if not cmd:
            return
        cmd = cmd.strip()
        if log:
            log.write(cmd + "\n")
            log.flush()
        if cmd == "PING":
            out.write("PONG\n")
        elif cmd in ("get", "getnext"):
            req = sys.stdin.readline().strip()
            k = oid_key(req) if req.strip(".") else ()
            if cmd == "get":
                i = bisect.bisect_left(keys, k)
                hit = i < len(keys) and keys[i] == k
            else:
                i = bisect.bisect_right(keys, k)
                hit = i < len(keys)
            if hit:
                out.write(answer(keys[i], *rows[i][1]))
            else:
                out.write("NONE\n")
        elif cmd == "set":
            sys.stdin.readline()
            sys.stdin.readline()
            out.write("not-writable\n")
        else:
            out.write("NONE\n")
        out.flush()


if __name__ == "__main__":
    main()
