#!/bin/sh
# SPDX-License-Identifier: ISC
# Installs what camsweep needs to build, test and run its demo on Debian 12.
# debhelper and lintian build and check the package (scripts/package-test.sh);
# nmap only for its XML stylesheet and DTD (nmap.xsl, nmap.dtd) and xmllint
# (libxml2-utils): they check camsweep's -oX; python3-jsonschema checks
# the JSON outputs against docs/schema.  iptables (its legacy backend, for
# NFQUEUE) and libnetfilter-queue-dev: bench/delayq, the routed bench's
# delay line where the kernel has no sch_netem, and ping to show it.
# libsnmp-dev: `camsweep switches` reads switches through Net-SNMP's
# library; snmpd (and the snmp tools, for looking by hand) serves the
# simulated switches of tests/switches (issue #22).
# libmicrohttpd (with GnuTLS for HTTPS) and libargon2: camsweep serve and
# its accounts (issue #21); wrk: bench/bench_serve.sh; openssl: the test
# certificate of tests/serve.
# Idempotent; uses sudo only when not already root.
set -eu
PKGS="meson ninja-build pkg-config gcc clang-14 libclang-rt-14-dev
 libuv1-dev libcmocka-dev libsqlite3-dev sqlite3 libpcre2-dev libexpat1-dev
 libjson-c-dev libbsd-dev libmd-dev libpcap-dev zlib1g-dev ieee-data libwireshark-data python3
 iproute2 chromium chromium-driver python3-selenium
 libpq-dev postgresql libseccomp-dev libssl-dev cppcheck clang-format-14
 libsodium-dev poppler-utils
 debhelper lintian xsltproc nmap libxml2-utils python3-jsonschema
 nftables iptables libnetfilter-queue-dev iputils-ping
 libsnmp-dev snmp snmpd libmicrohttpd-dev libgnutls28-dev libargon2-dev wrk openssl"
# Hyperscan, the prefilter of identification (issue #17), is amd64-only in
# Debian; elsewhere the build falls back to PCRE2 alone.
if [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ]; then
	PKGS="$PKGS libhyperscan-dev"
fi
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# The unprivileged system user camsweep drops to when started as root
# (docs/privsep.md); without it camsweep falls back to nobody.
if ! id camsweep >/dev/null 2>&1; then
	$SUDO useradd --system --no-create-home --home-dir /nonexistent \
	    --shell /usr/sbin/nologin camsweep
fi
[ -z "$missing" ] && exit 0
echo "deps: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
