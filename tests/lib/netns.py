# SPDX-License-Identifier: ISC
"""A simulated surveillance estate in Linux network namespaces.

Root only, stdlib only.  Layout (docs/camsim.md, "Network namespaces"):

  <p>-sw     switch namespace holding bridge br0 (multicast snooping off)
  <p>-sc     scanner namespace, eth0 = 198.18.0.2/24
  <p>-dN     one namespace per device, eth0 = 198.18.0.(10+N)/24 with the
             MAC camsim gives the device (its maker's OUI)

where <p> is "cs-<pid>".  Every eth0 is one end of a veth pair whose
other end is a port of br0.  No namespace has a default route; each has
224.0.0.0/4 on eth0 so that multicast leaves through it.  Only addresses
in 198.18.0.0/24 (RFC 2544) are configured.  Everything is torn down in
stop() (also on errors), and namespaces left by crashed runs ("cs-<pid>-"
with a dead pid) are deleted first.

When namespaces cannot be created, Skip is raised; tests pass its reason to
skip.skip() (tests/lib/skip.py): exit 77, or a failure in CI.
"""
import json
import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch import scratch, discard  # noqa: E402

BUILD = os.environ.get("CS_BUILDDIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
SRC = os.environ.get("CS_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
CAMSIM = os.path.join(BUILD, "camsim")
NET = "198.18.0."
SCANNER_IP = NET + "2"
FIRST_DEVICE = 10
OFF_SCOPE_NET = "198.18.1.0/24"  # on-link for the scanner, never used


class Skip(Exception):
    """Namespaces are not available here: the test must be skipped."""


def _ip(*args, check=True):
    p = subprocess.run(["ip"] + list(args), capture_output=True, text=True)
    if check and p.returncode != 0:
        raise RuntimeError("ip %s: %s" % (" ".join(args), p.stderr.strip()))
    return p


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _list_netns():
    p = _ip("netns", "list", check=False)
    return [l.split()[0] for l in p.stdout.splitlines() if l.strip()]


def _kill_netns_pids(ns):
    p = _ip("netns", "pids", ns, check=False)
    for tok in p.stdout.split():
        try:
            os.kill(int(tok), signal.SIGKILL)
        except (ValueError, ProcessLookupError):
            pass


def _del_netns(ns):
    _kill_netns_pids(ns)
    _ip("netns", "del", ns, check=False)


def cleanup_stale():
    """Deletes namespaces of earlier runs whose process is gone."""
    for ns in _list_netns():
        m = re.match(r"^cs-(\d+)-", ns)
        if m and int(m.group(1)) != os.getpid() and not _pid_alive(int(m.group(1))):
            _del_netns(ns)


def check_available():
    """Raises Skip unless this process may create network namespaces."""
    if os.geteuid() != 0:
        raise Skip("not root")
    probe = "cs-%d-probe" % os.getpid()
    p = _ip("netns", "add", probe, check=False)
    if p.returncode != 0:
        raise Skip("ip netns add not permitted: %s" % p.stderr.strip())
    _ip("netns", "del", probe, check=False)


CAPTURE_SCRIPT = r'''
import json, socket, struct, sys, time
dur, maxn = float(sys.argv[1]), int(sys.argv[2])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.ntohs(3))
s.bind(("br0", 0))
s.settimeout(0.2)
end = time.time() + dur
n = 0
print("ready", flush=True)
while time.time() < end and n < maxn:
    try:
        f = s.recv(65535)
    except socket.timeout:
        continue
    n += 1
    if len(f) < 14:
        continue
    et = struct.unpack("!H", f[12:14])[0]
    rec = {"eth_dst": f[0:6].hex(":"), "eth_src": f[6:12].hex(":"), "type": et}
    if et == 0x0800 and len(f) >= 34:
        ihl = (f[14] & 15) * 4
        rec["src"] = socket.inet_ntoa(f[26:30])
        rec["dst"] = socket.inet_ntoa(f[30:34])
        proto = f[23]
        rec["proto"] = {6: "tcp", 17: "udp", 1: "icmp", 2: "igmp"}.get(proto, str(proto))
        if proto in (6, 17) and len(f) >= 14 + ihl + 4:
            rec["dport"] = struct.unpack("!H", f[14 + ihl + 2:14 + ihl + 4])[0]
            rec["sport"] = struct.unpack("!H", f[14 + ihl:14 + ihl + 2])[0]
        if proto == 17 and len(f) >= 14 + ihl + 8:
            rec["payload"] = f[14 + ihl + 8:14 + ihl + 8 + 2048].hex()
    elif et == 0x0806 and len(f) >= 42:
        rec["proto"] = "arp"
        rec["src"] = socket.inet_ntoa(f[28:32])
        rec["dst"] = socket.inet_ntoa(f[38:42])
    elif et == 0x86DD and len(f) >= 54:
        rec["proto"] = "ipv6"
        rec["src"] = socket.inet_ntop(socket.AF_INET6, f[22:38])
        rec["dst"] = socket.inet_ntop(socket.AF_INET6, f[38:54])
    print(json.dumps(rec), flush=True)
'''


class Capture:
    """A bounded packet capture on the bridge (AF_PACKET in the switch)."""

    def __init__(self, switch_ns, seconds, max_packets):
        self.proc = subprocess.Popen(
            ["ip", "netns", "exec", switch_ns, sys.executable, "-c",
             CAPTURE_SCRIPT, str(seconds), str(max_packets)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        if "ready" not in line:
            self.proc.kill()
            raise RuntimeError("capture did not start: %s" % self.proc.stderr.read())

    def stop(self):
        """Stops the capture; returns the packets as dicts (src, dst,
        proto, and dport for TCP/UDP)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            out, _ = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


class NetnsEstate:
    """Devices in namespaces on one bridge, and a scanner namespace.

    devices: list of (profile, seed) pairs; device i gets 198.18.0.(10+i).
    credentials: optional {profile: "user:password"} passed to camsim with
    --credentials (a 0600 file).
    """

    def __init__(self, devices, workdir=None, credentials=None):
        if len(devices) > 240:
            raise ValueError("at most 240 devices")
        self.specs = list(devices)
        self.own_dir = workdir is None   # a directory of its own: stop() removes it
        self.dir = workdir or scratch("cs-netns-")
        self.prefix = "cs-%d" % os.getpid()
        self.switch = self.prefix + "-sw"
        self.scanner = self.prefix + "-sc"
        self.namespaces = []
        self.procs = []
        self.devices = []
        self.credentials = credentials or {}

    # -- life cycle -----------------------------------------------------
    def start(self):
        check_available()
        cleanup_stale()
        try:
            self._build()
        except BaseException:
            self.stop()
            raise
        return self.devices

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        deadline = time.time() + 10
        for p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        self.procs = []
        for ns in reversed(self.namespaces):
            _del_netns(ns)
        self.namespaces = []
        if self.own_dir:
            discard(self.dir)

    # -- construction ---------------------------------------------------
    def _add_ns(self, name):
        _ip("netns", "add", name)
        self.namespaces.append(name)
        _ip("-n", name, "link", "set", "lo", "up")

    def _attach(self, ns, port, ip, mac=None):
        """veth: <port> in the switch (on br0), eth0 in ns."""
        _ip("-n", self.switch, "link", "add", port, "type", "veth",
            "peer", "name", "eth0", "netns", ns)
        if mac:
            _ip("-n", ns, "link", "set", "eth0", "address", mac)
        _ip("-n", ns, "addr", "add", ip + "/24", "dev", "eth0")
        _ip("-n", ns, "link", "set", "eth0", "up")
        _ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0")
        _ip("-n", self.switch, "link", "set", port, "master", "br0")
        _ip("-n", self.switch, "link", "set", port, "up")

    def _camsim_args(self, i, profile, seed, manifest):
        args = [CAMSIM, "--device-ip", NET + str(FIRST_DEVICE + i),
                "--profile", profile, "--seed", str(seed),
                "--manifest", manifest]
        if profile in self.credentials:
            path = os.path.join(self.dir, "cred-%d" % i)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(self.credentials[profile] + "\n")
            args += ["--credentials", path]
        return args

    def _build(self):
        self._add_ns(self.switch)
        _ip("-n", self.switch, "link", "add", "br0", "type", "bridge",
            "mcast_snooping", "0")
        _ip("-n", self.switch, "link", "set", "br0", "up")
        self._add_ns(self.scanner)
        self._attach(self.scanner, "sc", SCANNER_IP)
        # 198.18.1.0/24 on-link in the scanner only: a scanner that tried
        # an out-of-scope address there would show up as an ARP request
        # on the bridge instead of failing silently with ENETUNREACH.
        # Nothing answers there, and no other route exists.
        _ip("-n", self.scanner, "route", "add", OFF_SCOPE_NET, "dev", "eth0")
        for i, (profile, seed) in enumerate(self.specs):
            manifest = os.path.join(self.dir, "d%d.json" % i)
            args = self._camsim_args(i, profile, seed, manifest)
            p = subprocess.run(args + ["--dry-run"], capture_output=True, text=True)
            if p.returncode != 0:
                raise RuntimeError("camsim --dry-run %s: %s" % (profile, p.stderr))
            with open(manifest) as f:
                dev = json.loads(f.readline())
            ns = "%s-d%d" % (self.prefix, i)
            self._add_ns(ns)
            self._attach(ns, "d%d" % i, dev["ip"], dev["mac"])
            dev["netns"] = ns
            self.devices.append(dev)
        for i, (profile, seed) in enumerate(self.specs):
            manifest = os.path.join(self.dir, "d%d.json" % i)
            args = self._camsim_args(i, profile, seed, manifest)
            log = open(os.path.join(self.dir, "d%d.log" % i), "w")
            self.procs.append(subprocess.Popen(
                ["ip", "netns", "exec", self.devices[i]["netns"]] + args,
                stdout=subprocess.PIPE, stderr=log, text=True))
            log.close()
        for i, p in enumerate(self.procs):
            line = p.stdout.readline()
            if "ready" not in line:
                with open(os.path.join(self.dir, "d%d.log" % i)) as f:
                    raise RuntimeError("camsim %s did not start: %s" %
                                       (self.specs[i][0], f.read()))
        with open(os.path.join(self.dir, "manifest.jsonl"), "w") as f:
            for d in self.devices:
                f.write(json.dumps(d) + "\n")

    # -- use ------------------------------------------------------------
    def run_in_scanner(self, argv, timeout=600, **kw):
        """Runs argv inside the scanner namespace (subprocess.run)."""
        return subprocess.run(["ip", "netns", "exec", self.scanner] + list(argv),
                              capture_output=True, text=True, timeout=timeout, **kw)

    def capture(self, seconds=120, max_packets=200000):
        """Starts a capture on br0; call .stop() for the packets."""
        return Capture(self.switch, seconds, max_packets)


# --- a minimal discovery client, for checking the estate itself -------------

def _probes():
    import struct
    import uuid
    u = str(uuid.uuid4())
    wsd = ('<?xml version="1.0" encoding="UTF-8"?><e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" '
           'xmlns:w="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery">'
           '<e:Header><w:MessageID>urn:uuid:%s</w:MessageID><w:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</w:To>'
           '<w:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</w:Action></e:Header><e:Body><d:Probe>'
           '<d:Types xmlns:dn="http://www.onvif.org/ver10/network/wsdl">dn:NetworkVideoTransmitter</d:Types>'
           '</d:Probe></e:Body></e:Envelope>' % u).encode()
    sadp = ('<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>%s</Uuid><Types>inquiry</Types></Probe>' % u.upper()).encode()
    body = b'{"method":"DHDiscover.search","params":{"mac":"","uni":1}}\n'
    dhip = struct.pack("<I4sIIIIII", 0x20, b"DHIP", 0, 0, len(body), 0, len(body), 0) + body
    ssdp = b'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n'
    q = b""
    for svc in ("_axis-video._tcp.local", "_http._tcp.local"):
        name = b"".join(bytes([len(l)]) + l.encode() for l in svc.split(".")) + b"\0"
        q += name + struct.pack("!HH", 12, 1)
    mdns = struct.pack("!HHHHHH", 0x1234, 0, 2, 0, 0, 0) + q
    xm = struct.pack("<BB2xII2xHI", 0xff, 1, 0, 0, 1530, 0)
    dh5050 = bytes([0xa3, 1, 0, 1]) + bytes(12) + bytes([2, 0, 0, 0]) + bytes(12)
    return [("wsd", "239.255.255.250", 3702, wsd), ("sadp", "239.255.255.250", 37020, sadp),
            ("dhip", "239.255.255.251", 37810, dhip), ("ssdp", "239.255.255.250", 1900, ssdp),
            ("mdns", "224.0.0.251", 5353, mdns), ("xm", "198.18.0.255", 34569, xm),
            ("dh5050", "198.18.0.255", 5050, dh5050)]


def probe_all(local_ip=SCANNER_IP, wait=2.0):
    """Sends every discovery probe once from local_ip (run inside the
    scanner namespace) and returns {source ip: sorted protocol names}."""
    import socket
    found = {}
    socks = []
    for name, group, port, payload in _probes():
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(local_ip))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
        s.bind((local_ip, 0))
        s.sendto(payload, (group, port))
        s.setblocking(False)
        socks.append((name, s))
    end = time.time() + wait
    while time.time() < end:
        for name, s in socks:
            try:
                while True:
                    data, addr = s.recvfrom(65535)
                    found.setdefault(addr[0], set()).add(name)
            except BlockingIOError:
                pass
        time.sleep(0.05)
    for _, s in socks:
        s.close()
    return {k: sorted(v) for k, v in found.items()}


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "probe":
        print(json.dumps(probe_all()))
