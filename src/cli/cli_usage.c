/* SPDX-License-Identifier: ISC */
/*
 * The usage texts of camsweep and of camsweep scan.
 */
#include "cli/cli.h"
#include "cli/scan_cmd.h"

#include <errno.h>
#include <netdb.h>
#include <arpa/inet.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "audit/scan.h"
#include "oui/models.h"
#include "cli/cli_disc.h"
#include "cli/output.h"
#include "core/addr.h"
#include "core/exitcode.h"
#include "cli/scan_out.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/str.h"
#include "engine/creds.h"
#include "engine/engine.h"
#include "engine/privsep.h"
#include "engine/scope.h"
#include "fp/fp.h"
#include "policy/estate.h"
#include "probe/probe.h"
#include "store/store.h"
#include "store/upload.h"
#include "core/poison.h"

void
cs_cli_scan_usage(FILE *f)
{
	fprintf(
	    f,
	    "usage: camsweep scan [options] TARGET...\n"
	    "  TARGET is a CIDR (127.16.0.0/20), a range (127.0.0.1-127.0.0.9),"
	    "\n"
	    "  an octet range as nmap writes it (127.77.0-1.1-254, 10.1.*.1,\n"
	    "  127.0.0.1,3,5-7), an address, an IPv6 address or CIDR (::1,\n"
	    "  fd00:77::/120; at most 65536 IPv6 addresses), a host name\n"
	    "  (resolved once, at the start), or @FILE (one per line).  Times"
	    " take\n"
	    "  units: 500ms, 30s, 2m (a bare number is milliseconds).\n"
	    "options:\n"
	    "  -iL FILE              read targets from FILE ('-': standard "
	    "input)\n"
	    "  --exclude SPEC        exclude addresses (repeatable)\n"
	    "  --exclude-file FILE   exclude the addresses listed in FILE\n"
	    "  --excludefile FILE    the same, as nmap spells it\n"
	    "  -p, --ports LIST      TCP ports and ranges to sweep "
	    "(80,554,8000-8001;\n"
	    "                        default %s)\n"
	    "  -oJ FILE              JSON Lines, one device per line as each "
	    "host completes\n"
	    "  -oX FILE              nmap XML (nmap.dtd, xmloutputversion "
	    "1.05)\n"
	    "                        ('-' for either: standard output, "
	    "without the table)\n"
	    "  -v, --verbose         a line per host as it completes "
	    "(repeatable)\n"
	    "  -d, --debug           the scope, exclusions and options too\n"
	    "  --stats-every TIME    a status line every TIME, TTY or not\n"
	    "  --rate N              new connections per second (default "
	    "1000; 0 = no cap)\n"
	    "  --max-conns N         concurrent connections (default 512)\n"
	    "  --host-conns N        concurrent connections per host (default"
	    " 2, max 4)\n"
	    "  --connect-timeout T   per connection attempt (default 1500ms)\n"
	    "  --read-timeout T      idle time while reading (default 3s)\n"
	    "  --host-timeout T      time budget per host (default 30s)\n"
	    "  --dead-after N        stop sweeping a host after N unanswered "
	    "connects with\n"
	    "                        no SYN-ACK or RST at all (default 3; 0 = "
	    "never)\n"
	    "  --budget auto|off     packet budget: auto (default) sends the "
	    "full port list\n"
	    "                        only to hosts that answered a liveness "
	    "probe; off sweeps\n"
	    "                        every port of every address (see "
	    "docs/budget.md)\n"
	    "  --db PATH|URI         inventory: an SQLite file (default %s)"
	    " or\n"
	    "                        postgresql://... (the central database)\n"
	    "  --sensor NAME         run as a site sensor: write to the spool,"
	    " upload to\n"
	    "                        --db whenever it answers\n"
	    "  --spool PATH          a sensor's local buffer (default "
	    "./camsweep-spool.db)\n"
	    "  --estate FILE         record each device at the site the estate "
	    "maps its\n"
	    "                        address to (two sites may reuse a range)\n"
	    "  --config FILE         options from a sensor configuration "
	    "file (name = value\n"
	    "                        lines; see docs/sensors.md)\n"
	    "  --data DIR            fingerprint and entity data directory\n"
	    "  --json                one JSON object per device on stdout, "
	    "at the end,\n"
	    "                        read back from the inventory (-oJ - "
	    "streams)\n"
	    "  --all                 list non-surveillance hosts too\n"
	    "  --no-resume           start afresh even if an identical scan"
	    " was interrupted\n"
	    "  --allow-large         allow more than %d addresses\n"
	    "  --max-addrs N         stop after N addresses (testing)\n"
	    "  --credentials FILE    read recorders' camera lists with these "
	    "credentials\n"
	    "                        (mode 0600; see docs/credentials.md)\n"
	    "  --interface IF        discover devices on the link of IF first"
	    " (WS-Discovery,\n"
	    "                        SADP, DHIP, SSDP, mDNS) and record MAC "
	    "addresses\n"
	    "  --discover-time T     discovery phase before the sweep (default"
	    " 3s)\n"
	    "  --user USER           started as root: become USER once the "
	    "sockets are open\n"
	    "                        (default camsweep, else nobody)\n"
	    "  -q, --quiet           no progress line, no table\n",
	    cs_scan_default_ports, CS_DEFAULT_DB_TEXT, DEFAULT_MAX_ADDRS);
}

void
cs_cli_usage(FILE *f)
{
	fputs(
	    "usage: camsweep COMMAND [options]\n"
	    "commands:\n"
	    "  scan TARGET...   sweep addresses, identify devices, record "
	    "them\n"
	    "  scans            list the scans in the inventory\n"
	    "  show             print a recorded scan from the inventory\n"
	    "  import nmap FILE another tool's results as a scan (nmap XML)\n"
	    "  identify         identify devices from observations (JSON "
	    "Lines on stdin)\n"
	    "  lookup TEXT      who makes a product, typed as a buyer would\n"
	    "  estate           check or import the estate description\n"
	    "  assess           findings of the applicable rules\n"
	    "  plan             the remediation plan: list and update\n"
	    "  diff             what changed between two scans\n"
	    "  serve            the console and JSON API over the inventory\n"
	    "  user             the console's accounts: add, list, del\n"
	    "  reach            which devices answer from this vantage point\n"
	    "  report           HTML, CSV or JSON report from the inventory\n"
	    "  evidence         signed evidence packs: keygen, pack, verify\n"
	    "  export FORMAT    findings as syslog (RFC 5424) or CEF; devices "
	    "as CMDB\n"
	    "                   configuration items (cmdb-csv, cmdb-json)\n"
	    "  notify --url URL POST new and changed findings as JSON\n"
	    "  listen           identify devices from captured traffic\n"
	    "  upload           send a sensor's spool to the central database\n"
	    "  oui              the MAC registry: import IEEE files, list "
	    "sources\n"
	    "  vulns            the known-exploited vulnerability table: list, "
	    "match\n"
	    "  db               set up the central database and its sensors\n"
	    "  check            validate the data files and estates\n"
	    "  version          print the version\n"
	    "Run 'camsweep COMMAND --help' for a command's options.\n",
	    f);
}
