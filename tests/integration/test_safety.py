# SPDX-License-Identifier: ISC
"""Issue #12 on loopback: the exceptions a review found, each reproduced.

  scope     the built-in exclusions hold with a data directory that has no
            scope/exclude.conf; a long @file line is refused, not split;
            reach honours exclusions (a stored 224.0.0.1 row, --exclude)
            and only connects (not a byte sent);
  failure   descriptors running out is an error, never an empty network:
            inherited descriptors under a low limit, the limit cut while
            the scan runs, `ulimit -n 32` on a 100-device fleet; a scan
            whose results could not be stored is 'incomplete'; the rerun
            completes with every device;
  kill      SIGKILL at several random moments leaves an intact inventory
            and the rerun finds the same devices as an uninterrupted run.

Every address is in 127.0.0.0/8.  Run with CS_BUILDDIR pointing at an
older build to see the checks fail there.
"""
import os
import random
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from estate import Estate, Checker, shifted, CAMSWEEP, SRC  # noqa: E402
from scratch import scratch  # noqa: E402

FLEET = shifted("127.118.0.0/24")
SMALL = shifted("127.119.0.0/28")
BASE = FLEET.split("/")[0].rsplit(".", 1)[0]


class Listener:
    """Accepts TCP connections on addr:port and records the bytes sent."""

    def __init__(self, addr, port):
        self.s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.s.bind((addr, port))
        self.s.listen(64)
        self.s.settimeout(0.2)
        self.conns = 0
        self.data = b""
        self.stop_flag = False
        self.t = threading.Thread(target=self.run, daemon=True)
        self.t.start()

    def run(self):
        while not self.stop_flag:
            try:
                c, _ = self.s.accept()
            except (socket.timeout, OSError):
                continue
            self.conns += 1
            c.settimeout(0.5)
            try:
                while True:
                    b = c.recv(4096)
                    if not b:
                        break
                    self.data += b
            except (socket.timeout, OSError):
                pass
            c.close()

    def close(self):
        self.stop_flag = True
        self.t.join()
        self.s.close()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def run(args, **kw):
    return subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                          timeout=kw.pop("timeout", 600), **kw)


def status(db):
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT status FROM scan ORDER BY id")]
    finally:
        con.close()


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def ips(stdout):
    import json
    return {json.loads(l)["ip"] for l in stdout.splitlines() if l.strip()}


def data_without_excludes(tmp):
    """A data directory like the real one but without scope/exclude.conf."""
    d = os.path.join(tmp, "data")
    os.mkdir(d)
    for name in os.listdir(os.path.join(SRC, "data")):
        if name != "scope":
            os.symlink(os.path.join(SRC, "data", name), os.path.join(d, name))
    return d


def check_scope(c, tmp):
    port = free_port()
    lst = Listener("0.0.0.0", port)
    try:
        p = run(["scan", "--db", os.path.join(tmp, "x.db"), "-q",
                 "--data", data_without_excludes(tmp), "--ports", str(port),
                 "--connect-timeout", "300", "0.0.0.0", "224.0.0.1",
                 "255.255.255.255"])
        time.sleep(0.5)
        c.ok(lst.conns == 0,
             "built-in exclusions: nothing contacted without exclude.conf "
             "(%d connections)" % lst.conns)
        c.ok(p.returncode == 1 and "nothing left in scope" in p.stderr,
             "built-in exclusions: usage error, not a scan (rc %d, %r)" %
             (p.returncode, p.stderr[:120]))
    finally:
        lst.close()

    # A 264-byte comment whose address starts at byte 256.
    target = BASE + ".9"
    lst = Listener(target, port)
    try:
        path = os.path.join(tmp, "targets.txt")
        with open(path, "w") as f:
            f.write(BASE + ".8\n# " + "x" * 253 + " " + target + "\n")
        p = run(["scan", "--db", os.path.join(tmp, "y.db"), "-q",
                 "--ports", str(port), "@" + path])
        time.sleep(0.5)
        c.ok(lst.conns == 0, "long @file line: its tail is not a target "
             "(%d connections)" % lst.conns)
        c.ok(p.returncode == 0, "a 264-byte comment line is fine (rc %d)" %
             p.returncode)
        # Over the limit: refused with file:line, nothing scanned.
        with open(path, "w") as f:
            f.write(BASE + ".8\n# " + "x" * 2000 + " " + target + "\n")
        p = run(["scan", "--db", os.path.join(tmp, "y.db"), "-q",
                 "--ports", str(port), "@" + path])
        time.sleep(0.5)
        c.ok(lst.conns == 0 and p.returncode == 1 and
             "%s:2: line longer than" % path in p.stderr,
             "over-long @file line refused with file:line (rc %d, %r)" %
             (p.returncode, p.stderr[:200]))
        # The same for -iL (nmap's target list): a line over 1024 bytes
        # is refused at its number, its tail never a target.
        with open(path, "w") as f:
            f.write(BASE + ".8\n# " + "x" * 2000 + " " + target + "\n")
        p = run(["scan", "--db", os.path.join(tmp, "y.db"), "-q",
                 "--ports", str(port), "-iL", path])
        time.sleep(0.5)
        c.ok(lst.conns == 0 and p.returncode == 1 and
             "-iL %s:2: line longer than 1024 bytes" % path in p.stderr,
             "over-long -iL line refused with file:line (rc %d, %r)" %
             (p.returncode, p.stderr[:200]))
        # And scan --config: a line of more than 4096 bytes (newline
        # included) was cut in two, its tail read as a line of its own
        # ("targets = ..." below, scanned); it is refused at its number.
        conf = os.path.join(tmp, "site.conf")
        with open(conf, "w") as f:
            f.write("db = %s\nports = %d\nquiet\n# %s targets = %s\n" %
                    (os.path.join(tmp, "y.db"), port, "x" * 4092, target))
        os.chmod(conf, 0o600)
        p = run(["scan", "--config", conf])
        time.sleep(0.5)
        c.ok(lst.conns == 0 and p.returncode == 1 and
             "%s:4: line longer than 4096 bytes" % conf in p.stderr,
             "over-long --config line refused with file:line (%d "
             "connections, rc %d, %r)" % (lst.conns, p.returncode,
                                          p.stderr[:200]))
        # A comment of exactly 4096 bytes with its newline is read as
        # before: one comment, so nothing to scan.
        with open(conf, "w") as f:
            f.write("db = %s\nports = %d\nquiet\n# %s\n" %
                    (os.path.join(tmp, "y.db"), port, "x" * 4093))
        before = lst.conns
        p = run(["scan", "--config", conf])
        c.ok(lst.conns == before and p.returncode == 1 and
             "no targets given" in p.stderr,
             "a 4096-byte --config comment is one comment (rc %d, %r)" %
             (p.returncode, p.stderr[:200]))
    finally:
        lst.close()


def check_reach(c, tmp):
    db = os.path.join(tmp, "reach.db")
    with Estate(SMALL, 4, seed=12, mix="cameras") as est:
        devs = sorted(d["ip"] for d in est.devices)
        p = run(["scan", "--db", db, "-q", "--ports", "80,554,8000", SMALL])
        c.ok(p.returncode == 0, "reach: scan of the small fleet (%r)" %
             p.stderr[:200])
    # The fleet is gone: listeners take the devices' addresses and record
    # every byte reach sends.
    lst = [Listener(ip, port) for ip in devs for port in (80, 554, 8000)]
    con = sqlite3.connect(db)
    # A stored row naming a multicast address, as a tampered or old
    # inventory might hold.
    con.execute("UPDATE sighting SET ip = '224.0.0.1' WHERE ip = ?",
                (devs[0],))
    con.execute("UPDATE device SET ip = '224.0.0.1' WHERE ip = ?", (devs[0],))
    con.commit()
    con.close()
    def conns():
        return {ip: sum(l.conns for l in lst if l.s.getsockname()[0] == ip)
                for ip in devs}

    try:
        p = run(["reach", "--db", db, "--vantage", "core", "0.0.0.0/0"])
        time.sleep(1)
        sent = sum(len(l.data) for l in lst)
        c.ok(p.returncode == 0, "reach runs (rc %d, %r)" %
             (p.returncode, p.stderr[:200]))
        c.ok("224.0.0.1" not in p.stdout,
             "reach: a stored 224.0.0.1 is never checked (%r)" % p.stdout)
        c.ok(any(n > 0 for n in conns().values()),
             "reach connects to the devices: %r" % conns())
        c.ok(sent == 0, "reach sends nothing, it only connects (%d bytes: "
             "%r)" % (sent, b"".join(l.data for l in lst)[:120]))
        before = conns()
        p = run(["reach", "--db", db, "--vantage", "core", "--exclude",
                 devs[1], "0.0.0.0/0"])
        time.sleep(1)
        c.ok(p.returncode == 0 and conns()[devs[1]] == before[devs[1]],
             "reach honours --exclude (rc %d, %r)" % (p.returncode,
                                                      p.stderr[:120]))
    finally:
        for l in lst:
            l.close()


def limit(n):
    def f():
        resource.setrlimit(resource.RLIMIT_NOFILE, (n, n))
    return f


def fresh(db):
    for f in (db, db + "-wal", db + "-shm"):
        if os.path.exists(f):
            os.unlink(f)


def scan_args(db, extra=()):
    return [CAMSWEEP, "scan", "--db", db, "--json", "--all", "-q"] + \
        list(extra) + [FLEET]


def check_failure(c, tmp, est, truth):
    db = os.path.join(tmp, "fd.db")

    # 1. Descriptors inherited from a parent eat the limit.
    fresh(db)
    fds = [os.open("/dev/null", os.O_RDONLY) for _ in range(20)]
    try:
        p = subprocess.run(scan_args(db), pass_fds=fds, preexec_fn=limit(32),
                           capture_output=True, text=True, timeout=600)
    finally:
        for fd in fds:
            os.close(fd)
    found = ips(p.stdout)
    st = status(db)
    c.ok(found == truth or (p.returncode == 2 and st == ["incomplete"]),
         "inherited descriptors: all %d found or exit 2 incomplete (rc %d, "
         "%d found, %r)" % (len(truth), p.returncode, len(found), st))

    # 2. The limit is cut while the scan runs.
    fresh(db)
    pr = subprocess.Popen(scan_args(db, ["--rate", "300"]),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    time.sleep(1)
    # The scan may have dropped root (docs/privsep.md): cut its limit as
    # the user it now runs as.
    ids = {}
    with open("/proc/%d/status" % pr.pid) as f:
        for line in f:
            if line.startswith(("Uid:", "Gid:")):
                ids[line[:3]] = line.split()[1]
    cmd = ["prlimit", "--pid", str(pr.pid), "--nofile=12:12"]
    if ids.get("Uid") != str(os.getuid()):
        cmd = ["setpriv", "--reuid", ids["Uid"], "--regid", ids["Gid"],
               "--clear-groups"] + cmd
    r = subprocess.run(cmd, capture_output=True, text=True)
    c.ok(r.returncode == 0, "limit cut mid-scan (%r)" % r.stderr)
    out, err = pr.communicate(timeout=600)
    found, st = ips(out), status(db)
    c.ok(found == truth or (pr.returncode == 2 and st == ["incomplete"]),
         "limit cut mid-scan: all found or exit 2 incomplete (rc %d, %d "
         "found, %r, %r)" % (pr.returncode, len(found), st, err[-200:]))
    # ... and the rerun finishes it.
    p = subprocess.run(scan_args(db), capture_output=True, text=True,
                       timeout=600)
    c.ok(p.returncode == 0 and ips(p.stdout) == truth and
         status(db)[-1] == "complete",
         "rerun after running out completes with all %d devices (rc %d, "
         "%d, %r)" % (len(truth), p.returncode, len(ips(p.stdout)),
                      status(db)))

    # 3. The acceptance case: ulimit -n 32, 100 devices.
    fresh(db)
    p = subprocess.run(scan_args(db), preexec_fn=limit(32),
                       capture_output=True, text=True, timeout=600)
    found, st = ips(p.stdout), status(db)
    c.ok((found == truth and p.returncode == 0 and st == ["complete"]) or
         (p.returncode == 2 and st == ["incomplete"]),
         "ulimit -n 32: all %d found, or exit 2 incomplete (rc %d, %d found,"
         " %r)" % (len(truth), p.returncode, len(found), st))

    # 4. Results that cannot be stored: the inventory is locked by another
    # writer for longer than the busy timeout while the scan runs.
    fresh(db)
    subprocess.run([CAMSWEEP, "scan", "--db", db, "-q", "--max-addrs", "1",
                    FLEET], capture_output=True)
    pr = subprocess.Popen(scan_args(db, ["--rate", "150", "--no-resume"]),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    time.sleep(1.5)
    con = sqlite3.connect(db, timeout=30, isolation_level=None)
    con.execute("BEGIN EXCLUSIVE")
    time.sleep(8)
    con.execute("COMMIT")
    con.close()
    out, err = pr.communicate(timeout=600)
    st = status(db)
    c.ok(st[-1] == "incomplete" and pr.returncode == 2,
         "results not stored: scan recorded incomplete, exit 2 (rc %d, %r, "
         "%r)" % (pr.returncode, st, err[-200:]))


def check_kill(c, tmp, est, truth):
    rnd = random.Random(os.environ.get("CS_SEED", str(time.time())))
    ref = os.path.join(tmp, "ref.db")
    fresh(ref)
    p = subprocess.run(scan_args(ref, ["--rate", "400"]), capture_output=True,
                       text=True, timeout=600)
    want = ips(p.stdout)
    c.ok(want == truth, "uninterrupted run finds all %d" % len(truth))
    for k in range(4):
        db = os.path.join(tmp, "kill%d.db" % k)
        fresh(db)
        at = rnd.uniform(0.05, 3.0)
        pr = subprocess.Popen(scan_args(db, ["--rate", "400"]),
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        time.sleep(at)
        pr.kill()
        pr.wait()
        ok = not os.path.exists(db) or integrity(db) == "ok"
        c.ok(ok, "SIGKILL at %.2f s: inventory intact" % at)
        p = subprocess.run(scan_args(db, ["--rate", "400"]),
                           capture_output=True, text=True, timeout=600)
        got = ips(p.stdout)
        c.ok(p.returncode == 0 and got == want and
             status(db)[-1] == "complete" and integrity(db) == "ok",
             "SIGKILL at %.2f s: rerun completes with the same %d devices "
             "(rc %d, %d, %r)" % (at, len(want), p.returncode, len(got),
                                  status(db)))


def main():
    c = Checker()
    tmp = scratch("cs-safety-")
    try:
        check_scope(c, tmp)
        check_reach(c, tmp)
        with Estate(FLEET, 100, seed=21) as est:
            truth = {d["ip"] for d in est.devices}
            check_failure(c, tmp, est, truth)
            check_kill(c, tmp, est, truth)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    c.done()


if __name__ == "__main__":
    main()
