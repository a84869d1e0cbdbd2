# SPDX-License-Identifier: ISC
"""Acceptance for issue #21: the console in real headless Chromium.

A camsim fleet (two sites of one estate) is scanned into a fresh SQLite
inventory and assessed; two accounts are made with `camsweep user add`
(an administrator, and a user limited to site A); `camsweep serve`
listens on a loopback port.  Then, in Chromium driven by Selenium
(Debian's chromium, chromium-driver and python3-selenium):

1. the administrator logs in; the overview's counts (hosts, surveillance
   and PRC-made surveillance devices) equal the inventory's (read from the
   SQLite file), and the devices page lists as many devices;
2. a finding's plan is changed through its form (owner, due date,
   status), and `camsweep plan list` shows the change;
3. with the scans page open, a second fleet (the hostile one) is scanned:
   its row appears without a reload (server-sent events); the diff form
   compares the two scans;
4. every page of the hostile fleet (devices, each hostile device, findings,
   sites, overview, the diff) renders its strings inert: no script ran
   (alert and title hooks installed before any page script, no
   Content-Security-Policy violation reported, title unchanged, no
   injected marker element) and no element carries an event-handler
   attribute or a javascript: URL; the payloads show as text;
5. the user limited to site A gets 404 for a site-B device through the
   page and through the API (and 200 for a site-A device, so the 404 is
   the scope's).

Screenshots are saved under the build directory and their paths printed.
Fails (never skips) when Chromium, its driver or Selenium is missing:
scripts/deps.sh installs them.  Loopback only."""
import http.cookiejar
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from estate import BUILD, CAMSWEEP, Estate, Checker, scan, shifted  # noqa: E402
from scratch import scratch  # noqa: E402

DEBIAN_PY = "/usr/bin/python3"


def need(what, fix):
    print("FAIL: %s (%s)" % (what, fix))
    sys.stdout.flush()
    sys.exit(1)


def import_selenium():
    """Selenium from Debian's python3-selenium: under another Python (a
    pyenv shim found first on PATH) the test runs itself again with
    Debian's."""
    try:
        import selenium  # noqa: F401
        return
    except ImportError:
        pass
    if os.path.exists(DEBIAN_PY) and \
            os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PY) \
            and not os.environ.get("CS_BROWSER_REEXEC"):
        os.environ["CS_BROWSER_REEXEC"] = "1"
        os.execv(DEBIAN_PY, [DEBIAN_PY] + sys.argv)
    need("python3-selenium is not installed",
         "sh scripts/deps.sh installs it")


import_selenium()
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

# Installed before any script of a page runs (DevTools): records every
# alert/confirm/prompt, every title change and every policy violation.
HOOK = r"""
window.__cs_ran = [];
(function () {
  var note = function (what) { window.__cs_ran.push(String(what)); };
  window.alert = function (m) { note('alert:' + m); };
  window.confirm = function (m) { note('confirm:' + m); return false; };
  window.prompt = function (m) { note('prompt:' + m); return null; };
  document.addEventListener('securitypolicyviolation', function (e) {
    note('csp:' + e.violatedDirective + ':' + e.blockedURI + ':' +
         (e.sample || ''));
  }, true);
  var d = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
  Object.defineProperty(document, 'title', {
    get: function () { return d.get.call(document); },
    set: function (v) { note('title:' + v); d.set.call(document, v); }
  });
})();
"""

# Every element's attributes that could run or load something.
BAD_ATTRS = r"""
var bad = [];
document.querySelectorAll('*').forEach(function (el) {
  for (var i = 0; i < el.attributes.length; i++) {
    var a = el.attributes[i];
    if (/^on/i.test(a.name) || /javascript:/i.test(a.value) ||
        /pwned/i.test(a.value) || /pwned/i.test(a.name) ||
        (/^(src|href|action|formaction|xlink:href|style)$/i.test(a.name) &&
         /[<>"']|\\x|\s/.test(a.value)))
      bad.push(el.tagName + ' ' + a.name + '=' + a.value);
  }
  // no element a device could use to navigate, embed or re-base
  if (/^(BASE|IFRAME|FRAME|OBJECT|EMBED|FORM)$/.test(el.tagName) &&
      !(el.tagName === 'FORM' && /^(\/login|\/logout|\/diff|\/findings\/[0-9]+\/plan)$/
        .test(el.getAttribute('action') || '')))
    bad.push('element ' + el.tagName);
  if (el.tagName === 'META' && el.hasAttribute('http-equiv') &&
      el.getAttribute('http-equiv') !== 'Content-Security-Policy')
    bad.push('meta http-equiv=' + el.getAttribute('http-equiv'));
});
return bad;
"""


def chromium():
    for name in ("chromium", "chromium-browser"):
        p = shutil.which(name)
        if p:
            return p
    return None


def driver_for(tmp):
    exe = chromium()
    if exe is None:
        need("chromium is not installed", "sh scripts/deps.sh installs it")
    drv = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not os.path.exists(drv):
        need("chromedriver is not installed (Debian: chromium-driver)",
             "sh scripts/deps.sh installs it")
    o = Options()
    o.binary_location = exe
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--disable-background-networking",
              "--disable-component-update", "--disable-sync",
              "--no-first-run", "--window-size=1280,1800",
              "--user-data-dir=" + os.path.join(tmp, "chrome-profile"),
              "--disable-features=MediaRouter,OptimizationHints"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        d = webdriver.Chrome(service=Service(drv), options=o)
    except Exception as e:  # noqa: BLE001 (any failure to start is fatal)
        need("chromium could not be started by chromedriver: %s" %
             str(e).splitlines()[0], "check chromium and chromium-driver")
    d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                      {"source": HOOK})
    d.set_page_load_timeout(60)
    return d


class Console:
    """camsweep serve on a loopback port, stopped on exit."""

    def __init__(self, db, tmp):
        pf = os.path.join(tmp, "port")
        self.log = open(os.path.join(tmp, "serve.log"), "w+")
        self.proc = subprocess.Popen(
            [CAMSWEEP, "serve", "--db", db, "--listen", "127.0.0.1:0",
             "--port-file", pf], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline and self.proc.poll() is None:
            try:
                with open(pf) as f:
                    t = f.read().strip()
                if t:
                    self.port = int(t)
                    break
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        if self.port is None:
            self.stop()
            raise RuntimeError("camsweep serve did not start: %s" %
                               self.output())
        self.base = "http://127.0.0.1:%d" % self.port

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-3000:]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def run(args, ok=(0,)):
    p = subprocess.run([CAMSWEEP] + args, capture_output=True, text=True,
                       timeout=600)
    if p.returncode not in ok:
        raise RuntimeError("camsweep %s: exit %d: %s" %
                           (" ".join(args), p.returncode, p.stderr[-500:]))
    return p.stdout


def db_counts(db):
    """Hosts, surveillance and PRC-made surveillance devices of the newest
    scan, read from the SQLite file itself."""
    c = sqlite3.connect(db)
    try:
        scan_id = c.execute("SELECT max(id) FROM scan").fetchone()[0]
        hosts, surv, prc = c.execute(
            "SELECT count(*), coalesce(sum(surveillance = 1), 0), "
            "coalesce(sum(surveillance = 1 AND manufacturer_country = 'CN'),"
            " 0) FROM sighting WHERE scan_id = ?", (scan_id,)).fetchone()
        return scan_id, hosts, surv, prc
    finally:
        c.close()


def site_devices(db, site):
    """Device ids of the newest scan at site (each once)."""
    c = sqlite3.connect(db)
    try:
        return [r[0] for r in c.execute(
            "SELECT DISTINCT d.id FROM sighting s JOIN device d "
            "ON d.id = s.device_id"
            " WHERE s.scan_id = (SELECT max(id) FROM scan) AND d.site = ? "
            "ORDER BY d.id", (site,))]
    finally:
        c.close()


def card(drv, label):
    """The number on the overview card labelled label (the first one)."""
    for el in drv.find_elements(By.CSS_SELECTOR, ".card"):
        if el.find_element(By.CSS_SELECTOR, ".l").text.strip().lower() == \
                label.lower():
            return int(el.find_element(By.CSS_SELECTOR, ".n").text)
    return None


def login(drv, base, user, pw):
    drv.get(base + "/login")
    drv.find_element(By.NAME, "user").send_keys(user)
    drv.find_element(By.NAME, "password").send_keys(pw)
    drv.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(drv, 20).until(
        lambda d: not d.current_url.rstrip("/").endswith("/login"))


def logout(drv):
    drv.find_element(By.CSS_SELECTOR, "form.logout button").click()
    WebDriverWait(drv, 20).until(lambda d: "/login" in d.current_url)


def http(base, path, cookie=None, token=None, data=None, ctype=None):
    """(status, body) of one request, without following redirects."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    op = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(base + path, data=data)
    if cookie:
        req.add_header("Cookie", cookie)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if ctype:
        req.add_header("Content-Type", ctype)
    try:
        with op.open(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def inert(c, drv, what, url=None):
    """No script ran on the page drv shows (the page of url, when given:
    no injected refresh or link took the browser elsewhere) and nothing
    was injected."""
    time.sleep(0.3)  # policy-violation events are queued as tasks
    if url is not None:
        c.ok(drv.current_url == url, "%s: still at %s (%s)" %
             (what, url, drv.current_url))
    ran = drv.execute_script("return window.__cs_ran || null")
    c.ok(ran == [], "%s: no script ran (hooks: %r)" % (what, ran))
    c.ok("pwned" not in drv.title.lower(),
         "%s: title unchanged (%r)" % (what, drv.title))
    c.ok(not drv.find_elements(By.ID, "pwned-marker"),
         "%s: no injected marker element" % what)
    bad = drv.execute_script(BAD_ATTRS)
    c.ok(bad == [], "%s: no injected attribute (%r)" % (what, bad[:3]))
    scripts = [s.get_attribute("src") for s in
               drv.find_elements(By.TAG_NAME, "script")]
    c.ok(all(s and s.endswith("/static/events.js") for s in scripts),
         "%s: only the console's own script (%r)" % (what, scripts))
    errs = [e for e in drv.get_log("browser")
            if e.get("level") == "SEVERE" and "/events" not in
            e.get("message", "")]
    c.ok(errs == [], "%s: no error in the console (%r)" % (what, errs[:2]))


def shot(drv, name, shots):
    path = os.path.join(os.path.abspath(BUILD), "console-%s.png" % name)
    drv.save_screenshot(path)
    shots.append(path)


def main():
    c = Checker(verbose=True)
    tmp = scratch("cs-console-")
    shots = []
    drv = driver_for(tmp)
    net = shifted("127.124.0.0/24")
    hostile_net = shifted("127.124.1.0/24")
    base3 = net.split("/")[0].rsplit(".", 1)[0]  # "127.x.0"
    estate = os.path.join(tmp, "estate.txt")
    with open(estate, "w") as f:
        f.write('department "Home Office" id=ho\n'
                'department "Department for Science" id=dsit\n'
                'site "Site A" id=sa dept=ho sensitive=yes reason=secret\n'
                'site "Site B" id=sb dept=dsit sensitive=no\n'
                'network %s.0/25 site=sa zone=cctv\n'
                'network %s.128/25 site=sb zone=cctv\n'
                'network %s site=sa zone=core\n' % (base3, base3, hostile_net))
    db = os.path.join(tmp, "estate.db")
    pwfile = {}
    for user, pw in (("admin", "correct horse battery admin"),
                     ("alice", "site-A only: alice's passphrase")):
        pwfile[user] = (os.path.join(tmp, user + ".pw"), pw)
        with open(pwfile[user][0], "w") as f:
            f.write(pw + "\n")
        os.chmod(pwfile[user][0], 0o600)
    console = None
    try:
        with Estate(net, 48, seed=21, mix="default") as est:
            scan([net], db, ["--rate", "0", "--estate", estate])
        run(["assess", "--db", db, "--estate", estate, "--regime",
             "uk-gsg-2022,us-ndaa-889"], ok=(0, 4))
        run(["user", "add", "admin", "--db", db, "--password-file",
             pwfile["admin"][0], "--admin"])
        run(["user", "add", "alice", "--db", db, "--password-file",
             pwfile["alice"][0], "--site", "sa"])
        console = Console(db, tmp)
        base = console.base
        scan1, hosts, surv, prc = db_counts(db)
        c.ok(hosts >= 20 and surv >= 5 and prc >= 1,
             "inventory: scan %d, %d hosts, %d surveillance, %d PRC-made" %
             (scan1, hosts, surv, prc))
        sb = site_devices(db, "sb")
        sa = site_devices(db, "sa")
        c.ok(sa and sb, "devices at both sites (%d at A, %d at B)" %
             (len(sa), len(sb)))

        # 1. Log in; the overview's counts are the inventory's.
        drv.get(base + "/")
        c.ok("/login" in drv.current_url, "a page without a session goes "
             "to the log-in page (%s)" % drv.current_url)
        login(drv, base, "admin", pwfile["admin"][1])
        drv.get(base + "/")
        c.ok(card(drv, "hosts responding") == hosts,
             "overview: hosts %r == inventory %d" %
             (card(drv, "hosts responding"), hosts))
        c.ok(card(drv, "surveillance devices") == surv,
             "overview: surveillance devices %r == inventory %d" %
             (card(drv, "surveillance devices"), surv))
        c.ok(card(drv, "PRC-made surveillance devices") == prc,
             "overview: PRC-made %r == inventory %d" %
             (card(drv, "PRC-made surveillance devices"), prc))
        c.ok(len(drv.find_elements(By.CSS_SELECTOR, "#overview svg")) >= 2,
             "overview: the report's SVG charts")
        inert(c, drv, "overview", base + "/")
        shot(drv, "overview", shots)
        drv.get(base + "/devices")
        rows = drv.find_elements(By.CSS_SELECTOR, "#devices tbody tr")
        c.ok(len(rows) == hosts, "devices page: %d rows == %d hosts" %
             (len(rows), hosts))
        drv.get(base + "/devices/%d" % sa[0])
        c.ok(drv.find_elements(By.ID, "evidence"),
             "device %d: its evidence chain" % sa[0])
        shot(drv, "device", shots)
        drv.get(base + "/sites")
        c.ok("Site A" in drv.page_source and "Site B" in drv.page_source,
             "sites page names both sites")

        # 2. A plan change through the form, seen by `camsweep plan list`.
        drv.get(base + "/findings")
        forms = drv.find_elements(By.CSS_SELECTOR, "form.plan")
        c.ok(forms, "findings page: %d plan forms" % len(forms))
        fid = int(forms[0].get_attribute("id").split("-")[1])
        f = drv.find_element(By.ID, "plan-%d" % fid)
        owner = f.find_element(By.NAME, "owner")
        owner.clear()
        owner.send_keys("Estates team (J. Smith)")
        drv.execute_script("arguments[0].value = '2026-03-31'",
                           f.find_element(By.NAME, "due"))
        Select(f.find_element(By.NAME, "status")).select_by_visible_text(
            "planned")
        f.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(drv, 20).until(lambda d: "saved=" in d.current_url)
        c.ok("The plan of finding %d was saved." % fid in drv.page_source,
             "the form's POST redirected back (saved %d)" % fid)
        shot(drv, "findings", shots)
        out = run(["plan", "list", "--db", db, "--all"])
        line = [ln for ln in out.splitlines()
                if ln.startswith("#%d " % fid)]
        c.ok(line and "planned" in line[0] and "2026-03-31" in line[0] and
             "Estates team (J. Smith)" in line[0],
             "camsweep plan list shows the change: %r" % line)
        con = sqlite3.connect(db)
        audit = con.execute(
            "SELECT who, before_json, after_json FROM audit_log WHERE "
            "action = 'plan.set' AND target = ?",
            ("finding:%d" % fid,)).fetchall()
        con.close()
        c.ok(len(audit) == 1 and audit[0][0] == "admin" and
             json.loads(audit[0][2]).get("owner") ==
             "Estates team (J. Smith)" and
             json.loads(audit[0][1]).get("owner") == "",
             "the change is in the audit log, before and after: %r" % audit)
        # A POST without the CSRF token is refused.
        ck = "; ".join("%s=%s" % (k["name"], k["value"])
                       for k in drv.get_cookies())
        st, _ = http(base, "/findings/%d/plan" % fid, cookie=ck,
                     data=b"owner=forged&status=done",
                     ctype="application/x-www-form-urlencoded")
        c.ok(st == 403, "a plan POST without the CSRF token: %d" % st)
        out = run(["plan", "list", "--db", db, "--all"])
        c.ok("forged" not in out, "the forged change was not made")

        # 3. A new scan appears without a reload; the diff of the two.
        drv.get(base + "/scans")
        drv.execute_script("window.__cs_same_page = 42")
        time.sleep(1.0)  # the events client's first answer
        with Estate(hostile_net, 16, seed=5, mix="hostile") as hest:
            nhostile = sum(1 for d in hest.devices
                           if d["profile"] == "hostile-strings")
            scan([hostile_net], db, ["--rate", "0", "--estate", estate])
        scan2 = db_counts(db)[0]
        c.ok(nhostile >= 3, "%d hostile devices in the fleet" % nhostile)
        try:
            WebDriverWait(drv, 30).until(
                lambda d: d.find_elements(By.ID, "scan-%d" % scan2))
            appeared = True
        except TimeoutException:
            appeared = False
        c.ok(appeared, "scan %d's row appeared on the open scans page" %
             scan2)
        try:
            WebDriverWait(drv, 30).until(
                lambda d: d.find_element(By.ID, "scan-%d" % scan2)
                .find_elements(By.TAG_NAME, "td")[1].text == "complete")
            done = True
        except (TimeoutException, IndexError):
            done = False
        c.ok(done, "and shows it complete (announced again when its "
             "status changed, if it was seen running)")
        c.ok(drv.execute_script("return window.__cs_same_page") == 42,
             "without a reload")
        live = drv.find_element(By.ID, "live").text
        c.ok(("New scan %d" % scan2) in live, "live line: %r" % live)
        shot(drv, "scans", shots)
        drv.get(base + "/scans")  # the diff form lists both scans now
        form = drv.find_element(By.ID, "diff")
        Select(form.find_element(By.NAME, "a")).select_by_visible_text(
            str(scan1))
        Select(form.find_element(By.NAME, "b")).select_by_visible_text(
            str(scan2))
        form.find_element(By.CSS_SELECTOR, "button").click()
        WebDriverWait(drv, 20).until(lambda d: "/diff" in d.current_url)
        c.ok("Changes from scan %d to scan %d" % (scan1, scan2) in drv.title,
             "diff page: %r" % drv.title)
        inert(c, drv, "diff")

        # 4. The hostile fleet's pages.
        hostile_ids = site_devices(db, "sa")
        drv.get(base + "/devices")
        inert(c, drv, "hostile devices list", base + "/devices")
        body = drv.find_element(By.TAG_NAME, "body").text
        c.ok("PWNED" in body, "hostile strings shown as text on the list")
        shot(drv, "hostile-devices", shots)
        shown_payload = False
        for i in hostile_ids:
            drv.get(base + "/devices/%d" % i)
            inert(c, drv, "device %d" % i, base + "/devices/%d" % i)
            text = drv.find_element(By.TAG_NAME, "body").text
            if "<script>document.title='PWNED-SERVER'</script>" in text:
                if not shown_payload:
                    shot(drv, "hostile-device", shots)
                shown_payload = True
                c.ok("\\x1b[31m" in text, "ESC shown as \\x1b")
        c.ok(shown_payload, "a hostile Server header shown as text")
        for path in ("/", "/findings", "/sites", "/scans"):
            drv.get(base + path)
            inert(c, drv, "hostile " + path, base + path)

        # 5. Site A's user: 404 for site B's device, page and API.
        logout(drv)
        login(drv, base, "alice", pwfile["alice"][1])
        drv.get(base + "/")
        heads = [h.text for h in drv.find_elements(By.CSS_SELECTOR,
                                                   "section.site h2")]
        c.ok(heads == ["Site sa"], "alice's overview: her site only (%r)" %
             heads)
        con = sqlite3.connect(db)
        n_sa = con.execute(
            "SELECT count(*) FROM sighting s JOIN device d ON "
            "d.id = s.device_id WHERE d.site = 'sa' AND "
            "s.scan_id = (SELECT max(id) FROM scan)").fetchone()[0]
        con.close()
        c.ok(card(drv, "hosts responding") == n_sa,
             "alice's overview: hosts %r == site A's %d hosts in the inventory" %
             (card(drv, "hosts responding"), n_sa))
        c.ok("alice (sites sa)" in drv.find_element(
            By.CSS_SELECTOR, "nav.top").text, "alice's scope in the header")
        drv.get(base + "/devices/%d" % sb[0])
        c.ok("404" in drv.title, "page of site B's device %d for alice: %r" %
             (sb[0], drv.title))
        ck = "; ".join("%s=%s" % (k["name"], k["value"])
                       for k in drv.get_cookies())
        st, _ = http(base, "/devices/%d" % sb[0], cookie=ck)
        c.ok(st == 404, "GET /devices/%d as alice: %d" % (sb[0], st))
        st, _ = http(base, "/devices/%d" % sa[0], cookie=ck)
        c.ok(st == 200, "GET /devices/%d (site A) as alice: %d" % (sa[0], st))
        drv.get(base + "/devices")
        ids = [int(a.text) for a in drv.find_elements(
            By.CSS_SELECTOR, "#devices tbody tr td:first-child a")]
        c.ok(ids and not set(ids) & set(sb),
             "alice's device list holds no site-B device (%d rows)" %
             len(ids))
        shot(drv, "site-a-user", shots)
        st, body = http(base, "/api/v1/login", data=json.dumps(
            {"user": "alice", "password": pwfile["alice"][1]}).encode(),
            ctype="application/json")
        token = json.loads(body).get("token") if st == 200 else None
        c.ok(token, "API log-in as alice (%d)" % st)
        st, _ = http(base, "/api/v1/devices/%d" % sb[0], token=token)
        c.ok(st == 404, "GET /api/v1/devices/%d as alice: %d" % (sb[0], st))
        st, _ = http(base, "/api/v1/devices/%d" % sa[0], token=token)
        c.ok(st == 200, "GET /api/v1/devices/%d (site A) as alice: %d" %
             (sa[0], st))
        st, _ = http(base, "/api/v1/devices/%d" % sb[0])
        c.ok(st == 401, "the API without a token: %d" % st)
    finally:
        try:
            drv.quit()
        except Exception:  # noqa: BLE001
            pass
        if console is not None:
            rc = console.stop()
            c.ok(rc == 0, "camsweep serve stopped cleanly (%r)" % rc)
            if c.fail:
                print(console.output())
    for p in shots:
        print("screenshot: %s" % p)
    c.done()


if __name__ == "__main__":
    main()
