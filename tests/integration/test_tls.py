# SPDX-License-Identifier: ISC
"""HTTPS probes end to end on loopback.  camsim --replay serves recorded
replies (tests/integration/tls_units.jsonl, hand-written from the same
protocol facts as replay_units.jsonl) over TLS on 443 and 8443 with a
certificate it generates; three hostile TLS peers in the same scan
answer a ClientHello with a ServerHello followed by garbage, with a
ServerHello and a certificate chain of a megabyte, or with a ServerHello
and then nothing.  The scan must finish, name every camsim unit exactly
as `camsweep identify` names the lines camsim served, record each unit's
certificate as tls.subject/tls.issuer, and record each hostile peer's
failure (tls.malformed, tls.timeout) once, without trying the other
probes on a port whose handshake failed."""
import os
import socket
import sqlite3
import struct
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "lib"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "bench"))
from estate import CAMSIM, CAMSWEEP, SRC, Checker, shifted  # noqa: E402
from scratch import scratch  # noqa: E402
import bench_field  # noqa: E402
import replay_scan  # noqa: E402

CIDR = shifted("127.42.12.0/24")
HOSTILE_NET = shifted("127.42.13.0/24").split("/")[0].rsplit(".", 1)[0]
READ_TIMEOUT_MS = 1500


def record(typ, payload):
    return struct.pack("!BHH", typ, 0x0303, len(payload)) + payload


def handshake(typ, body_len, body=b""):
    return struct.pack("!B", typ) + body_len.to_bytes(3, "big") + body


def server_hello():
    # TLS 1.2 ServerHello: ECDHE-RSA-AES128-GCM-SHA256 (0xC02F), no
    # session id, no compression, no extensions (RFC 5246 7.4.1.3).
    body = b"\x03\x03" + os.urandom(32) + b"\x00" + b"\xc0\x2f" + b"\x00"
    return record(0x16, handshake(0x02, len(body), body))


class Hostile:
    """One TLS peer on ip:443 that misbehaves after the ServerHello."""

    def __init__(self, ip, mode):
        self.ip, self.mode = ip, mode
        self.conns = 0
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.stop = False
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((ip, 443))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while not self.stop:
            try:
                c, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            threading.Thread(target=self.serve, args=(c,), daemon=True).start()

    def serve(self, c):
        with self.lock:
            self.conns += 1
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            c.settimeout(10)
            if not c.recv(4096):  # the ClientHello
                return
            c.sendall(server_hello())
            if self.mode == "garbage":
                c.sendall(b"\x00\xffgarbage after the ServerHello" * 40)
            elif self.mode == "huge":
                # A Certificate message announcing 1 MiB, sent as full
                # records until the client gives up.
                first = handshake(0x0B, 1 << 20, ((1 << 20) - 3).to_bytes(3, "big"))
                c.sendall(record(0x16, first + b"\x30" * (16384 - len(first))))
                for _ in range(64):
                    c.sendall(record(0x16, b"\x30" * 16384))
            # "stall", and after the others: wait for the client's close.
            while c.recv(4096):
                pass
        except OSError:
            pass
        finally:
            c.close()
            with self.lock:
                self.active -= 1

    def close(self):
        self.stop = True
        self.sock.close()
        self.thread.join(2)


def observations(db, ip):
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT o.key, o.port, o.flags, o.value FROM observation o "
            "JOIN sighting s ON s.id = o.sighting_id WHERE s.ip = ? "
            "ORDER BY o.seq", (ip,)).fetchall()
    finally:
        con.close()
    return [(k, p, f, v.decode("utf-8", "replace") if isinstance(v, bytes) else v)
            for k, p, f, v in rows]


def main():
    c = Checker()
    data = os.path.join(SRC, "data")
    units, problems = bench_field.load_units(os.path.join(HERE, "tls_units.jsonl"))
    c.ok(not problems, "units read: %s" % problems)
    hostile = {}
    work = scratch("cs-tls-")
    try:
        for i, mode in enumerate(("garbage", "huge", "stall")):
            ip = "%s.%d" % (HOSTILE_NET, i + 1)
            hostile[mode] = Hostile(ip, mode)
        with replay_scan.Replay(CAMSIM, units, CIDR) as rp:
            manifest = rp.manifest
            served = replay_scan.served_units(units, manifest)
            c.ok(len(served) == len(units), "every unit served (%d of %d)" % (len(served), len(units)))
            tls_ports = sorted({s["port"] for m in manifest.values() for s in m["served"] if s.get("tls")})
            c.ok(tls_ports == [443, 8443], "camsim serves TLS on 443 and 8443: %s" % tls_ports)
            ips = [m["ip"] for m in manifest.values() if m["ip"]]
            ips += [h.ip for h in hostile.values()]
            targets = os.path.join(work, "targets.txt")
            with open(targets, "w") as f:
                f.write("\n".join(ips) + "\n")
            db = os.path.join(work, "inv.db")
            t0 = time.monotonic()
            import subprocess
            p = subprocess.run(
                [CAMSWEEP, "scan", "--db", db, "--data", data, "--json", "--all",
                 "-q", "--no-resume", "--rate", "0", "--ports", "80,443,8443",
                 "--read-timeout", str(READ_TIMEOUT_MS), "@" + targets],
                capture_output=True, text=True, timeout=300)
            took = time.monotonic() - t0
        c.ok(p.returncode == 0, "scan exit 0 (%d): %s" % (p.returncode, p.stderr[-400:]))
        c.ok(took < 60, "scan bounded by its timeouts (%.1f s)" % took)
        import json
        by_ip = {}
        for l in p.stdout.splitlines():
            try:
                d = json.loads(l)
            except ValueError:
                continue
            by_ip[d.get("ip")] = d
        ident = bench_field.identify(CAMSWEEP, data, served)
        named = 0
        for u in served:
            ip = manifest[u["key"]]["ip"]
            s, i = by_ip.get(ip), ident.get(u["key"]) or {}
            if not c.ok(s is not None, "%s found by the scan" % u["key"]):
                continue
            named += i.get("manufacturer") is not None
            for fld, norm in (("manufacturer", replay_scan.norm_maker),
                              ("device_class", replay_scan.norm_class),
                              ("surveillance", lambda v: v)):
                c.ok(norm(s.get(fld)) == norm(i.get(fld)),
                     "%s %s: scan %r == identify %r" % (u["key"], fld, s.get(fld), i.get(fld)))
            obs = observations(db, ip)
            port = manifest[u["key"]]["served"][0]["port"]
            subj = [o for o in obs if o[0] == "tls.subject"]
            c.ok([(o[1], o[3]) for o in subj] == [(port, "O=camsim replay test")],
                 "%s: the certificate recorded once on %d: %s" % (u["key"], port, subj))
            c.ok(any(o[0] == "tls.issuer" and o[1] == port for o in obs),
                 "%s: tls.issuer recorded" % u["key"])
            cert_keys = ("tls.subject", "tls.issuer", "tls.not-before", "tls.not-after",
                         "tls.key", "tls.self-issued")
            c.ok(not any(o[0].startswith("tls.") and o[0] not in cert_keys
                         for o in obs), "%s: no TLS failure recorded: %s" % (u["key"], obs))
            # The posture facts of camsim's certificate (docs/posture.md):
            # a P-256 key, self-signed, valid for a day from an hour ago.
            facts = {o[0]: o[3] for o in obs if o[1] == port and o[0] in cert_keys}
            c.ok(facts.get("tls.key") == "ec 256" and facts.get("tls.self-issued") == "yes"
                 and len(facts.get("tls.not-after", "")) == 10
                 and facts.get("tls.not-before", "") <= facts.get("tls.not-after", ""),
                 "%s: certificate key, self-issued and validity read: %s" % (u["key"], facts))
            # The reply itself came through TLS to the shared decoder.
            c.ok(any(o[1] == port and not o[0].startswith(("tls.", "tcp.")) for o in obs),
                 "%s: a decoded reply on %d" % (u["key"], port))
        c.ok(named == len(served), "identify names a maker for %d of %d units" % (named, len(served)))
        want = {"garbage": ("tls.malformed", 2), "huge": ("tls.malformed", 2),
                "stall": ("tls.timeout", 0)}
        for mode, h in hostile.items():
            obs = observations(db, h.ip)
            tls = [o for o in obs if o[0].startswith("tls.")]
            key, flag = want[mode]
            c.ok(len(tls) == 1 and tls[0][0] == key and tls[0][1] == 443 and
                 (tls[0][2] & 2) == flag,
                 "%s peer: one %s observation: %s" % (mode, key, tls))
            c.ok(("tcp.open", 443) in [(o[0], o[1]) for o in obs], "%s peer: port recorded open" % mode)
            # After the failed handshake the other HTTPS probes are not
            # tried: at most the two connections a host may have at once.
            c.ok(1 <= h.conns <= 2 and h.max_active <= 2,
                 "%s peer: %d connections (at most 2 at once: %d)" % (mode, h.conns, h.max_active))
        stall = [o for o in observations(db, hostile["stall"].ip) if o[0] == "tls.timeout"]
        c.ok(stall and stall[0][3] == "handshake", "stall recorded as a handshake timeout: %s" % stall)
        huge = [o for o in observations(db, hostile["huge"].ip) if o[0] == "tls.malformed"]
        c.ok(huge and "excessive message size" in huge[0][3],
             "huge chain refused by the chain cap: %s" % huge)
    finally:
        for h in hostile.values():
            h.close()
    c.done()


if __name__ == "__main__":
    main()
