#!/bin/bash
# SPDX-License-Identifier: ISC
# Benchmark (not a test), issue #17 item 1: camsweep against nmap on a
# routed estate in network namespaces this script creates and removes.
# (bench/bench_estate.sh is another bench: the PostgreSQL large estate.)
#
#   scanner ns ---- router ns ---- segment ns 0: 198.18.0.0/PREFIX
#   10.255.0.2      (nftables)  `-- segment ns 1: next /PREFIX ...
#
# Each segment runs one camsim (--cidr on the segment's own loopback,
# 127.60.0.0/15 offset for offset) and maps each live device's address
# 198.18.x.y to its camsim address 127.60.x.y with an nftables DNAT map;
# only live addresses exist on the segment.  Silent addresses stay silent
# two ways: on even segments the router drops everything to an address
# that is not live (a firewall), and a firewalled segment sits behind its
# own gateway; with ARP_SILENT=1, odd segments are on-link to the router
# instead and nothing answers its ARP for an empty address.  That mode is
# off by default: every live device and every unanswered ARP then takes
# an entry in the kernel's neighbour table, whose limit (gc_thresh3, 1024
# by default) is one for the whole machine, all namespaces together; a
# fast sweep of empty on-link space overflows it, the router drops
# packets to live hosts too, and other namespaces on the machine (other
# tests) feel it.  The router drops LOSS percent
# of what it forwards, each way (nftables numgen), and holds every packet
# it forwards, each way, for DELAY ms (a fixed figure, or MIN-MAX drawn
# uniformly per packet), so a round trip gains twice that: bench/delayq
# in the router namespace takes the packets from an NFQUEUE (an
# iptables-legacy FORWARD rule with --queue-bypass: were it to die,
# packets would pass undelayed, and the bench says so), keeping each
# flow's order.  (Not tc netem: the kernel this was measured on has no
# sch_netem.)  Without iptables-legacy or delayq (libnetfilter-queue-dev
# to build it) the bench runs without delay and says so; DELAY=0 turns it
# off.  A ping across the router before and after shows the added RTT,
# and delayq's own figures (the delay it achieved, by percentile, queue
# depth, drops) are printed at the end.  The router counts every packet the
# scanner sends through it (an nftables counter), per tool, and by phase:
# its SYNs to empty addresses, its SYNs to live ones, the rest to live ones.
#
# Runs, on the same estate: camsweep scan at its defaults; nmap -sT -sV
# -T4 (its own host discovery first, as root); nmap -sn, then nmap -sT -sV
# -T4 -Pn on what answered.  Prints wall time, packets through the
# router, devices found, makers named right, and the ratios.  Nothing
# leaves the machine: the namespaces have no route out.
#
#   SEGMENTS (2)  PREFIX (20)  ARP_SILENT (0)  COUNT (1000 live devices, split evenly)
#   DELAY (1-5, ms each way; 0 for none)  LOSS (0.5, percent)  NMAP_TIMEOUT (1800 s per nmap
#   run; cut off there and scored on what it covered)  TOOLS ("camsweep
#   nmap nmap2"; "before" runs CAMSWEEP_BEFORE, another camsweep binary,
#   e.g. one built from the commit before the packet budget)
#   CAMSWEEP_ARGS (extra scan options)  CAMSWEEP, CAMSIM, DELAYQ (binaries;
#   default build/, rebuilt first; delayq built with cc if build/ has none)
set -eu
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "bench_estate_routed: needs root (namespaces)" >&2; exit 1; }
SEGMENTS=${SEGMENTS:-2}
PREFIX=${PREFIX:-20}
COUNT=${COUNT:-1000}
DELAY=${DELAY:-1-5}
DELAY=${DELAY//ms/} # 2ms or 1ms-5ms as well
[ -z "${JITTER:-}" ] || echo "bench: JITTER is ignored: DELAY=MIN-MAX draws uniformly (e.g. DELAY=1-5)"
LOSS=${LOSS:-0.5}
NMAP_TIMEOUT=${NMAP_TIMEOUT:-1800}
TOOLS=${TOOLS:-camsweep nmap nmap2}
ARP_SILENT=${ARP_SILENT:-0}
CAMSWEEP_ARGS=${CAMSWEEP_ARGS:-}
for t in nmap nft ip python3 bc; do
	command -v $t >/dev/null || { echo "bench_estate_routed: needs $t (scripts/deps.sh)" >&2; exit 1; }
done
size=$((1 << (32 - PREFIX)))
[ $((SEGMENTS * size)) -le 131072 ] || { echo "bench_estate_routed: the segments must fit in 198.18.0.0/15" >&2; exit 1; }
CAMSWEEP=${CAMSWEEP:-}
CAMSIM=${CAMSIM:-build/camsim}
if [ -z "$CAMSWEEP" ]; then
	[ -f build/build.ninja ] || meson setup build >/dev/null
	ninja -C build >/dev/null
	CAMSWEEP=build/camsweep
fi
DELAYQ=${DELAYQ:-build/bench/delayq}

tag=csr$$
NS_SCAN=$tag-scan NS_RTR=$tag-rtr
out=$(mktemp -d /tmp/cs-routed.XXXXXX)
chmod 755 "$out"
pids=""
dq_pid=""
delay_off() { # the NFQUEUE rule out first, then delayq (it accepts what it holds)
	[ -n "$dq_pid" ] || return 0
	ip netns exec $NS_RTR iptables-legacy -D FORWARD -j NFQUEUE \
	    --queue-num 0 --queue-bypass 2>/dev/null || true
	if kill -0 "$dq_pid" 2>/dev/null; then
		kill "$dq_pid" 2>/dev/null || true
		wait "$dq_pid" 2>/dev/null || true
	else
		wait "$dq_pid" 2>/dev/null || true
		echo "bench: delayq had died before the end: packets after that passed undelayed" \
		    "($out/delayq.err)"
	fi
	dq_pid=""
	sed 's/^delayq: /bench: delayq /' "$out/delayq.out"
}
cleanup() {
	delay_off
	for p in $pids; do kill "$p" 2>/dev/null || true; done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
	for ns in $(ip netns list | awk '{print $1}' | grep "^$tag-" || true); do
		ip netns del "$ns" 2>/dev/null || true
	done
}
trap cleanup EXIT INT TERM

addr() { # offset from a base a.b.c.d
	python3 -c 'import ipaddress,sys; print(ipaddress.ip_address(sys.argv[1]) + int(sys.argv[2]))' "$1" "$2"
}

ip netns add $NS_SCAN
ip netns add $NS_RTR
ip -n $NS_SCAN link set lo up
ip -n $NS_RTR link set lo up
ip link add $tag-s type veth peer name $tag-r
ip link set $tag-s netns $NS_SCAN
ip link set $tag-r netns $NS_RTR
ip -n $NS_SCAN addr add 10.255.0.2/30 dev $tag-s
ip -n $NS_RTR addr add 10.255.0.1/30 dev $tag-r
ip -n $NS_SCAN link set $tag-s up
ip -n $NS_RTR link set $tag-r up
ip -n $NS_SCAN route add 198.18.0.0/15 via 10.255.0.1
ip netns exec $NS_RTR sysctl -qw net.ipv4.ip_forward=1
# (the ARP table's gc_thresh limits are the host's, left alone: past them
# the router drops instead of asking ARP, which is silence all the same)
fw="" # the router's drop rules (firewalled segments)
targets=""
: >"$out/manifest.jsonl"
for i in $(seq 0 $((SEGMENTS - 1))); do
	ns=$tag-seg$i
	pub=$(addr 198.18.0.0 $((i * size)))
	lo=$(addr 127.60.0.0 $((i * size)))
	n=$((COUNT / SEGMENTS))
	[ "$i" -lt $((COUNT % SEGMENTS)) ] && n=$((n + 1))
	ip netns add $ns
	ip -n $ns link set lo up
	ip link add $tag-g$i type veth peer name $tag-h$i
	ip link set $tag-g$i netns $NS_RTR
	ip link set $tag-h$i netns $ns
	ip -n $NS_RTR addr add 10.254.$i.1/30 dev $tag-g$i
	ip -n $NS_RTR link set $tag-g$i up
	ip -n $ns addr add 10.254.$i.2/30 dev $tag-h$i
	ip -n $ns link set $tag-h$i up
	ip -n $ns route add default via 10.254.$i.1 dev $tag-h$i
	if [ $((i % 2)) -eq 1 ] && [ "$ARP_SILENT" != 0 ]; then
		# on-link: the router ARPs for every address of the segment
		ip -n $NS_RTR route add $pub/$PREFIX dev $tag-g$i src 10.254.$i.1
	else
		# behind the segment's gateway (one neighbour entry): what
		# the router does not drop, the segment does (no forwarding)
		ip -n $NS_RTR route add $pub/$PREFIX via 10.254.$i.2
	fi
	ip netns exec $ns sysctl -qw net.ipv4.conf.all.route_localnet=1
	ip netns exec $ns sysctl -qw net.ipv4.conf.$tag-h$i.route_localnet=1
	mkfifo "$out/ready$i"
	ip netns exec $ns "$CAMSIM" --cidr $lo/$PREFIX --count $n \
	    --seed $((1889 + i)) --manifest "$out/manifest$i.jsonl" \
	    >"$out/ready$i" 2>"$out/camsim$i.err" &
	pids="$pids $!"
	read -r line <"$out/ready$i"
	# live addresses: on the segment's link, and mapped to camsim's
	python3 - "$out/manifest$i.jsonl" "$out" $i $tag-h$i <<'PY'
import ipaddress, json, sys
man, out, i, dev = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
lo0, pub0 = ipaddress.ip_address("127.60.0.0"), ipaddress.ip_address("198.18.0.0")
pairs = []
with open(out + "/manifest.jsonl", "a") as all_:
    for line in open(man):
        d = json.loads(line)
        a = ipaddress.ip_address(d["ip"])
        p = pub0 + (int(a) - int(lo0))
        pairs.append((str(p), d["ip"]))
        d["ip"] = str(p)
        all_.write(json.dumps(d) + "\n")
with open("%s/addr%s.batch" % (out, i), "w") as f:
    for p, _ in pairs:
        f.write("addr add %s/32 dev %s\n" % (p, dev))
with open("%s/nat%s.nft" % (out, i), "w") as f:
    f.write("table ip csnat {\n map m { type ipv4_addr : ipv4_addr; elements = { %s } }\n"
            " chain pre { type nat hook prerouting priority -100; policy accept;\n"
            "  dnat to ip daddr map @m\n }\n}\n" % ", ".join("%s : %s" % pl for pl in pairs))
with open("%s/live%s.txt" % (out, i), "w") as f:
    f.write(", ".join(p for p, _ in pairs))
PY
	ip -n $ns -batch "$out/addr$i.batch"
	ip netns exec $ns nft -f "$out/nat$i.nft"
	if [ "$i" -eq 0 ]; then
		# Two odd devices with one unusual open port (37777) and
		# nothing else: one whose closed ports answer with a reset
		# as any stock stack does, one behind its own host firewall
		# that drops everything else (docs/budget.md).
		# (the first two addresses from the top that camsim left free)
		read -r odd1 odd2 < <(python3 - "$pub" "$size" "$out/live$i.txt" <<'PY'
import ipaddress, sys
base, size = ipaddress.ip_address(sys.argv[1]), int(sys.argv[2])
live = set(open(sys.argv[3]).read().replace(",", " ").split())
free = [str(base + k) for k in range(size - 2, 0, -1) if str(base + k) not in live]
print(free[0], free[1])
PY
)
		for a in $odd1 $odd2; do
			ip -n $ns addr add "$a/32" dev $tag-h$i
			ip netns exec $ns python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[1], 37777))
s.listen(64)
while True:
    c, _ = s.accept()
    c.close()' "$a" 2>/dev/null &
			pids="$pids $!"
		done
		printf 'table ip cshost { chain inbound { type filter hook input priority 0; policy accept;\n  ip daddr %s tcp dport != 37777 drop\n }\n}\n' \
		    "$odd2" | ip netns exec $ns nft -f -
		printf ', %s, %s' "$odd1" "$odd2" >>"$out/live$i.txt"
		echo "$odd1 $odd2" >"$out/odd.txt"
	fi
	if [ $((i % 2)) -eq 0 ] || [ "$ARP_SILENT" = 0 ]; then
		silence="silent addresses dropped by the router"
	else
		silence="silent addresses unanswered ARP"
	fi
	echo "bench: segment $i: $pub/$PREFIX, $line ($silence)"
	if [ "$silence" != "silent addresses unanswered ARP" ]; then
		fw="$fw
  ip daddr $pub/$PREFIX ip daddr != { $(cat "$out/live$i.txt") } counter name \"silent\" drop"
	fi
	targets="$targets $pub/$PREFIX"
done
cat >"$out/router.nft" <<NFT
table ip csrtr {
 counter sent { }
 counter silent { }
 counter syn { }
 chain through { type filter hook forward priority 0; policy accept;
  iifname "$tag-r" counter name "sent"
  iifname "$tag-r" tcp flags & (syn | ack) == syn counter name "syn"$fw
  numgen random mod 100000 < $(awk -v l="$LOSS" 'BEGIN { printf "%d", l * 1000 }') drop
 }
}
NFT
ip netns exec $NS_RTR nft -f "$out/router.nft"

# The delay line (see the top).  The ping goes to a live device of
# segment 0 (its camsim answers through the segment's DNAT).
pingto=$(cut -d, -f1 "$out/live0.txt")
rtt() {
	command -v ping >/dev/null || { echo "not measured (no ping: iputils-ping, scripts/deps.sh)"; return 0; }
	ip netns exec $NS_SCAN ping -n -q -c 20 -i 0.05 -W 1 "$pingto" 2>&1 |
	    sed -n 's/^rtt min\/avg\/max\/mdev = \(.*\)/\1 (min\/avg\/max\/mdev)/p'
}
delay_note="none (DELAY=0)"
if [ "$DELAY" != 0 ]; then
	delay_note=""
	if ! command -v iptables-legacy >/dev/null; then
		delay_note="none: no iptables-legacy (Debian iptables, scripts/deps.sh)"
	elif [ ! -x "$DELAYQ" ]; then
		if pkg-config --exists libnetfilter_queue 2>/dev/null &&
		    cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
		    bench/delayq.c $(pkg-config --cflags --libs libnetfilter_queue) \
		    -o "$out/delayq" 2>"$out/delayq-cc.err"; then
			DELAYQ=$out/delayq
			echo "bench: delayq built with cc into $DELAYQ (no build/bench/delayq)"
		else
			delay_note="none: no $DELAYQ and it does not build (libnetfilter-queue-dev, scripts/deps.sh)"
		fi
	fi
	if [ -z "$delay_note" ]; then
		echo "bench: RTT scanner -> $pingto without delay: $(rtt)"
		ip netns exec $NS_RTR "$DELAYQ" --queue 0 --delay "$DELAY" \
		    >"$out/delayq.out" 2>"$out/delayq.err" &
		dq_pid=$!
		for _ in $(seq 50); do
			grep -q '^delayq: queue' "$out/delayq.out" 2>/dev/null && break
			kill -0 $dq_pid 2>/dev/null || break
			sleep 0.1
		done
		if grep -q '^delayq: queue' "$out/delayq.out" &&
		    ip netns exec $NS_RTR iptables-legacy -A FORWARD -j NFQUEUE \
		    --queue-num 0 --queue-bypass 2>>"$out/delayq.err"; then
			delay_note="$DELAY ms each way (bench/delayq)"
			echo "bench: RTT scanner -> $pingto with delay $DELAY ms each way: $(rtt)"
		else
			delay_note="none: $DELAYQ did not start or its rule did not load ($out/delayq.err)"
			delay_off >/dev/null
		fi
	fi
fi
live=$(wc -l <"$out/manifest.jsonl")
echo "bench: $live live devices in $((SEGMENTS * size)) addresses ($SEGMENTS x /$PREFIX);" \
    "delay $delay_note, loss $LOSS% each way; work dir $out"

sent() { # counter (sent: all the scanner sent; syn: its SYNs; silent: to empty addresses)
	ip netns exec $NS_RTR nft list counter ip csrtr "${1:-sent}" | awk '/packets/ {print $2}'
}
PORTS=$("$CAMSWEEP" scan --help | sed -n 's/.*--ports LIST.*default \([0-9,]*\)).*/\1/p')

runtool() { # name, command...
	name=$1
	shift
	before=$(sent) syn0=$(sent syn) sil0=$(sent silent)
	start=$(date +%s.%N)
	ip netns exec $NS_SCAN /usr/bin/time -v -o "$out/$name.time" "$@" || true
	end=$(date +%s.%N)
	after=$(sent) syn1=$(sent syn) sil1=$(sent silent)
	echo "$end - $start" | bc >"$out/$name.wall"
	echo $((after - before)) >"$out/$name.pkts"
	# by phase: SYNs to empty addresses (liveness probes and their
	# retries), SYNs to live ones (sweeps and probe connections), the
	# rest (handshake ACKs, requests, FINs and RSTs to live hosts)
	echo "$((sil1 - sil0)) $((syn1 - syn0 - sil1 + sil0)) $((after - before - syn1 + syn0))" \
	    >"$out/$name.phases"
}

for t in $TOOLS; do
	case $t in
	camsweep)
		echo "bench: camsweep scan (defaults)$targets"
		runtool camsweep "$CAMSWEEP" scan --db "$out/cs.db" --json --all -q \
		    $CAMSWEEP_ARGS $targets >"$out/camsweep.jsonl" 2>"$out/camsweep.err"
		;;
	before)
		echo "bench: camsweep before ($CAMSWEEP_BEFORE, defaults)$targets"
		runtool before "$CAMSWEEP_BEFORE" scan --db "$out/before.db" --json --all -q \
		    $CAMSWEEP_ARGS $targets >"$out/before.jsonl" 2>"$out/before.err"
		;;
	nmap)
		echo "bench: nmap -sT -sV -T4 -n -p PORTS$targets"
		runtool nmap timeout "$NMAP_TIMEOUT" nmap -sT -sV -T4 -n -p "$PORTS" \
		    -oX "$out/nmap.xml" $targets >/dev/null 2>"$out/nmap.err"
		;;
	nmap2)
		echo "bench: nmap -sn, then nmap -sT -sV -T4 -Pn -p PORTS on what answered"
		runtool nmap2a timeout "$NMAP_TIMEOUT" nmap -sn -T4 -n -oG "$out/nmap-sn.gnmap" \
		    $targets >/dev/null 2>"$out/nmap2a.err"
		awk '/Status: Up/ {print $2}' "$out/nmap-sn.gnmap" >"$out/nmap-up.txt"
		runtool nmap2b timeout "$NMAP_TIMEOUT" nmap -sT -sV -T4 -Pn -n -p "$PORTS" \
		    -oX "$out/nmap2.xml" -iL "$out/nmap-up.txt" >/dev/null 2>"$out/nmap2b.err"
		;;
	esac
done

delay_off
python3 bench/score_routed.py "$out" "$((SEGMENTS * size))" $TOOLS
