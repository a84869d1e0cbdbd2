# SPDX-License-Identifier: ISC
"""The simulated switches of the switch-placement tests (issue #22): a
real Net-SNMP snmpd on a loopback address per device, serving the data
files of tests/switches/data through agent.py (pass_persist), and the
readers of what it logged (the packets it received, decoded far enough to
name each request's PDU type and time).

Data file lines are `OID TYPE VALUE` (agent.py).  The helpers below write
the rows of the MIB tables camsweep reads (IF-MIB, BRIDGE-MIB,
Q-BRIDGE-MIB, LLDP-MIB, POWER-ETHERNET-MIB, IP-MIB) so that a test can
add the forwarding and ARP rows of the MACs it knows only at run time."""
import os
import re
import shutil
import signal
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
AGENT = os.path.join(HERE, "agent.py")

MIB2 = ".1.3.6.1.2.1"
LLDP_REM = ".1.0.8802.1.1.2.1.4.1.1"

# PDU tags (RFC 3416 §3; BER context-specific constructed).
PDU_NAMES = {0xA0: "get", 0xA1: "getnext", 0xA2: "response", 0xA3: "set",
             0xA5: "getbulk", 0xA6: "inform", 0xA7: "trap", 0xA8: "report"}


def mac_oid(mac):
    return ".".join(str(int(b, 16)) for b in mac.split(":"))


def portlist(ports, nbytes=8):
    b = bytearray(nbytes)
    for p in ports:
        b[(p - 1) // 8] |= 0x80 >> ((p - 1) % 8)
    return b.hex()


def sys_rows(descr, name):
    return ["%s.1.1.0 string %s" % (MIB2, descr),
            "%s.1.5.0 string %s" % (MIB2, name)]


def port_rows(port, ifname, pvid=None, poe=None):
    """A bridge port = ifIndex port, its names, PVID and PoE state
    (pethPsePortDetectionStatus: 2 searching, 3 delivering)."""
    r = ["%s.2.2.1.2.%d string %s" % (MIB2, port, ifname),
         "%s.2.2.1.8.%d integer 1" % (MIB2, port),
         "%s.31.1.1.1.1.%d string %s" % (MIB2, port, ifname),
         "%s.17.1.4.1.2.%d integer %d" % (MIB2, port, port)]
    if pvid:
        r.append("%s.17.7.1.4.5.1.1.%d gauge %d" % (MIB2, port, pvid))
    if poe:
        r.append("%s.105.1.1.1.6.1.%d integer %d" % (MIB2, port, poe))
    return r


def vlan_rows(vid, name, egress, untagged):
    return ["%s.17.7.1.4.3.1.1.%d string %s" % (MIB2, vid, name),
            "%s.17.7.1.4.2.1.3.0.%d gauge %d" % (MIB2, vid, vid),
            "%s.17.7.1.4.2.1.4.0.%d hex %s" % (MIB2, vid, portlist(egress)),
            "%s.17.7.1.4.2.1.5.0.%d hex %s" % (MIB2, vid,
                                              portlist(untagged))]


def lldp_rows(port, idx, chassis_mac, sysname, portid, caps):
    """An LLDP neighbour on local port `port`; caps is the first octet of
    lldpRemSysCapEnabled (0x20 bridge, 0x08 router, 0x04 telephone,
    0x01 station only)."""
    i = "0.%d.%d" % (port, idx)
    return ["%s.4.%s integer 4" % (LLDP_REM, i),
            "%s.5.%s hex %s" % (LLDP_REM, i, chassis_mac.replace(":", "")),
            "%s.7.%s string %s" % (LLDP_REM, i, portid),
            "%s.9.%s string %s" % (LLDP_REM, i, sysname),
            "%s.12.%s hex %02x00" % (LLDP_REM, i, caps)]


def fdb_row(vid, mac, port, status=3):
    """dot1qTpFdbPort and Status (3 learned, 4 self)."""
    return ["%s.17.7.1.2.2.1.2.%d.%s integer %d" % (MIB2, vid, mac_oid(mac),
                                                   port),
            "%s.17.7.1.2.2.1.3.%d.%s integer %d" % (MIB2, vid, mac_oid(mac),
                                                   status)]


def arp_row(ifindex, ip, mac):
    return ["%s.4.22.1.2.%d.%s hex %s" % (MIB2, ifindex, ip,
                                          mac.replace(":", ""))]


def write_data(path, base, rows):
    """A copy of the data file base (a name under tests/switches/data)
    with rows appended."""
    with open(os.path.join(DATA, base)) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text)
        if not text.endswith("\n"):
            f.write("\n")
        f.write("\n".join(rows) + "\n")


class Agent:
    """snmpd -f on addr:port serving data through agent.py, its packets
    dumped (-d) with timestamps to workdir/NAME.log.  v2c community
    and/or SNMPv3 users [(user, auth, authpass, priv, privpass)]."""

    def __init__(self, workdir, name, addr, port, data, community=None,
                 users=()):
        self.dir = os.path.join(workdir, name)
        os.makedirs(self.dir)
        self.log = os.path.join(self.dir, "snmpd.log")
        self.cmdlog = os.path.join(self.dir, "commands.log")
        conf = os.path.join(self.dir, "snmpd.conf")
        lines = ["[snmp] logTimestamp yes",
                 "agentAddress udp:%s:%d" % (addr, port)]
        if community:
            lines.append("rocommunity %s 127.0.0.0/8" % community)
        for u, a, ap, p, pp in users:
            lines.append('createUser %s %s "%s"%s' % (
                u, a, ap, (' %s "%s"' % (p, pp)) if p else ""))
            lines.append("rouser %s %s" % (u, "priv" if p else "auth"))
        for sub in (".1.3.6.1.2.1", ".1.0.8802"):
            lines.append("pass_persist %s /usr/bin/python3 %s %s %s" % (
                sub, AGENT, data, self.cmdlog))
        with open(conf, "w") as f:
            f.write("\n".join(lines) + "\n")
        env = dict(os.environ, MIBS="", MIBDIRS=self.dir,
                   SNMP_PERSISTENT_DIR=os.path.join(self.dir, "persist"),
                   SNMPCONFPATH=self.dir)
        snmpd = shutil.which("snmpd") or "/usr/sbin/snmpd"
        # Only the modules the simulation needs: mib-2 is left to
        # agent.py (no view of the host's own interfaces or ARP table).
        self.proc = subprocess.Popen(
            [snmpd, "-f", "-C", "-c", conf, "-Lf", self.log, "-d",
             "-p", os.path.join(self.dir, "pid"),
             "-I", "pass_persist,vacm_conf,vacm_vars,usmUser,usmConf,"
                   "snmpEngine,snmpMPDStats,usmStats"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(self.log) and \
                    "NET-SNMP version" in open(self.log).read():
                break
            if self.proc.poll() is not None:
                raise RuntimeError("snmpd %s exited: %s" % (
                    name, open(self.log).read()[-500:]
                    if os.path.exists(self.log) else ""))
            time.sleep(0.1)
        else:
            self.stop()
            raise RuntimeError("snmpd %s did not start" % name)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def commands(self):
        if not os.path.exists(self.cmdlog):
            return []
        with open(self.cmdlog) as f:
            return [l.strip() for l in f if l.strip()]

    def packets(self):
        """[(unix time, bytes)] of every packet snmpd received."""
        return received_packets(self.log)


_TS = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([0-9A-F]{4}): (.*)$")


def received_packets(log):
    out = []
    with open(log, errors="replace") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        m = re.search(r"Received (\d+) byte packet", lines[i])
        if not m:
            i += 1
            continue
        n = int(m.group(1))
        data = bytearray()
        when = None
        i += 1
        while i < len(lines) and len(data) < n:
            t = _TS.match(lines[i])
            if not t:
                break
            when = when or time.mktime(time.strptime(t.group(1),
                                                     "%Y-%m-%d %H:%M:%S"))
            take = min(16, n - len(data))
            toks = t.group(3).split()
            data += bytes(int(x, 16) for x in toks[:take])
            i += 1
        out.append((when, bytes(data)))
    return out


def _tlv(b, i):
    tag = b[i]
    ln = b[i + 1]
    j = i + 2
    if ln & 0x80:
        k = ln & 0x7F
        ln = int.from_bytes(b[j:j + k], "big")
        j += k
    return tag, j, j + ln


def pdu_type(msg):
    """The PDU tag of an SNMP message: v1/v2c (version, community, PDU)
    or v3 without privacy (version, header, security parameters,
    scopedPDU(engine id, context, PDU)); None when it cannot be read
    (an encrypted scopedPDU)."""
    tag, i, end = _tlv(msg, 0)
    if tag != 0x30:
        return None
    t, vs, ve = _tlv(msg, i)
    version = int.from_bytes(msg[vs:ve], "big")
    i = ve
    if version in (0, 1):
        t, s, e = _tlv(msg, i)          # community
        return msg[e]
    _, s, e = _tlv(msg, i)              # msgGlobalData
    _, s, e = _tlv(msg, e)              # msgSecurityParameters
    t, s, e = _tlv(msg, e)              # scopedPDU (0x30) or encrypted (0x04)
    if t != 0x30:
        return None
    _, s2, e2 = _tlv(msg, s)            # contextEngineID
    _, s3, e3 = _tlv(msg, e2)           # contextName
    return msg[e3]
