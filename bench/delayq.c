/* SPDX-License-Identifier: ISC */
/*
 * delayq: a delay line for the routed-estate bench (issue #17 item 1), for
 * kernels without sch_netem.  Run inside the router namespace, it takes
 * the packets an iptables NFQUEUE rule hands it, holds each for a fixed
 * delay or one drawn uniformly from [min, max] ms, and then accepts it.
 *
 *   iptables-legacy -A FORWARD -j NFQUEUE --queue-num 0 --queue-bypass
 *   delayq --queue 0 --delay 1-5
 *
 * Order: packets are hashed by flow (addresses, protocol, ports) into
 * lanes; a packet is never released before an earlier packet of its lane,
 * so a flow is never reordered (jitter then delays a packet that follows a
 * slower one a little more, as a FIFO with jitter does).  Releases are
 * driven by a timerfd armed at the earliest release time (no busy loop).
 * The queue is bounded (--limit): a packet that finds it full is dropped
 * and counted.  On SIGTERM or SIGINT every held packet is accepted at once
 * and the counters are printed: packets, drops, the deepest the queue got,
 * and the delay achieved (from the packet's arrival here to its verdict)
 * by percentile.  SIGUSR1 prints the counters so far.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>

#include <libnetfilter_queue/libnetfilter_queue.h>

#define LANES 4096u
#define HIST_US 10u     /* histogram bucket width, microseconds */
#define HIST_N 20001u   /* 0 .. 200 ms; the last bucket holds the rest */
#define COPY_BYTES 128u /* enough of a packet for its flow key */

struct held {
	uint64_t seq;         /* arrival order, breaks ties in release time */
	uint64_t t_in, t_out; /* monotonic ns */
	uint32_t id;          /* the kernel's packet id */
};

static struct {
	struct nfq_q_handle *qh;
	struct held *slot; /* limit entries */
	uint32_t *freel, nfree;
	uint32_t *heap, nheap; /* slot indices, min-heap on (t_out, seq) */
	uint32_t limit;
	uint64_t lane_out[LANES];  /* latest release time of each lane */
	uint64_t dmin_ns, dmax_ns; /* the delay range */
	uint64_t rng;
	uint64_t seq;
	/* counters */
	uint64_t packets, accepted, dropped, flushed, verdict_err, nobufs;
	uint32_t maxdepth;
	uint64_t hist[HIST_N];
	uint64_t dsum_us, dlo_us, dhi_us;
} q;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t
rng_next(void)
{
	/* xorshift64* */
	q.rng ^= q.rng >> 12;
	q.rng ^= q.rng << 25;
	q.rng ^= q.rng >> 27;
	return q.rng * 2685821657736338717ull;
}

static uint64_t
draw_delay(void)
{
	uint64_t span = q.dmax_ns - q.dmin_ns;

	if (span == 0)
		return q.dmin_ns;
	return q.dmin_ns + rng_next() % (span + 1);
}

static int
before(uint32_t a, uint32_t b)
{
	const struct held *x = &q.slot[a], *y = &q.slot[b];

	return x->t_out < y->t_out || (x->t_out == y->t_out && x->seq < y->seq);
}

static void
heap_push(uint32_t s)
{
	uint32_t i = q.nheap++;

	q.heap[i] = s;
	while (i > 0) {
		uint32_t p = (i - 1) / 2;
		if (!before(q.heap[i], q.heap[p]))
			break;
		uint32_t t = q.heap[i];
		q.heap[i] = q.heap[p];
		q.heap[p] = t;
		i = p;
	}
}

static uint32_t
heap_pop(void)
{
	uint32_t top = q.heap[0], i = 0;

	q.heap[0] = q.heap[--q.nheap];
	for (;;) {
		uint32_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < q.nheap && before(q.heap[l], q.heap[m]))
			m = l;
		if (r < q.nheap && before(q.heap[r], q.heap[m]))
			m = r;
		if (m == i)
			break;
		uint32_t t = q.heap[i];
		q.heap[i] = q.heap[m];
		q.heap[m] = t;
		i = m;
	}
	return top;
}

static uint32_t
fnv1a(uint32_t h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

/* The lane of a packet: its addresses, protocol and (TCP, UDP, SCTP,
 * first fragments) ports; anything unparsed shares lane 0. */
static uint32_t
flow_lane(const unsigned char *p, int len)
{
	uint32_t h = 2166136261u;
	size_t hl, n = len > 0 ? (size_t)len : 0;
	unsigned proto;

	if (n >= 20 && p[0] >> 4 == 4) {
		hl = (size_t)(p[0] & 15) * 4;
		proto = p[9];
		h = fnv1a(h, p + 9, 1);
		h = fnv1a(h, p + 12, 8);
		if ((p[6] & 0x1f) != 0 || p[7] != 0) /* a later fragment */
			return h % LANES;
	} else if (n >= 40 && p[0] >> 4 == 6) {
		hl = 40;
		proto = p[6];
		h = fnv1a(h, p + 6, 1);
		h = fnv1a(h, p + 8, 32);
	} else {
		return 0;
	}
	if ((proto == 6 || proto == 17 || proto == 132) && n >= hl + 4)
		h = fnv1a(h, p + hl, 4);
	return h % LANES;
}

static void
record_delay(uint64_t d_ns)
{
	uint64_t us = d_ns / 1000, b = us / HIST_US;

	q.hist[b < HIST_N ? b : HIST_N - 1]++;
	q.dsum_us += us;
	if (q.accepted == 0 || us < q.dlo_us)
		q.dlo_us = us;
	if (us > q.dhi_us)
		q.dhi_us = us;
	q.accepted++;
}

static void
release(uint32_t s, uint64_t t)
{
	if (nfq_set_verdict(q.qh, q.slot[s].id, NF_ACCEPT, 0, NULL) < 0)
		q.verdict_err++;
	record_delay(t - q.slot[s].t_in);
	q.freel[q.nfree++] = s;
}

/* Releases every packet that is due (all of them when flushing). */
static void
release_due(int flush)
{
	uint64_t t = now_ns();

	while (q.nheap > 0 && (flush || q.slot[q.heap[0]].t_out <= t)) {
		uint32_t s = heap_pop();
		if (flush && q.slot[s].t_out > t)
			q.flushed++;
		release(s, t);
	}
}

static int
on_packet(struct nfq_q_handle *qh, struct nfgenmsg *msg, struct nfq_data *nfa,
	  void *data)
{
	struct nfqnl_msg_packet_hdr *ph = nfq_get_msg_packet_hdr(nfa);
	unsigned char *payload = NULL;
	uint64_t t = now_ns(), out;
	uint32_t id, lane, s;
	int len;

	if (ph == NULL)
		return 0;
	id = ntohl(ph->packet_id);
	q.packets++;
	if (q.nfree == 0) {
		q.dropped++;
		if (nfq_set_verdict(qh, id, NF_DROP, 0, NULL) < 0)
			q.verdict_err++;
		return 0;
	}
	len = nfq_get_payload(nfa, &payload);
	lane = payload != NULL ? flow_lane(payload, len) : 0;
	out = t + draw_delay();
	if (out < q.lane_out[lane])
		out = q.lane_out[lane];
	q.lane_out[lane] = out;
	s = q.freel[--q.nfree];
	q.slot[s] =
	    (struct held){.seq = q.seq++, .t_in = t, .t_out = out, .id = id};
	heap_push(s);
	if (q.nheap > q.maxdepth)
		q.maxdepth = q.nheap;
	return 0;
}

static double
percentile_ms(double pct)
{
	uint64_t want, seen = 0;

	if (q.accepted == 0)
		return 0;
	want = (uint64_t)(pct / 100.0 * (double)q.accepted + 0.5);
	if (want == 0)
		want = 1;
	for (uint32_t b = 0; b < HIST_N; b++) {
		seen += q.hist[b];
		if (seen >= want) /* past the last bucket: the maximum */
			return b + 1 < HIST_N ? (b + 0.5) * HIST_US / 1000.0
					      : q.dhi_us / 1000.0;
	}
	return q.dhi_us / 1000.0;
}

/* The kernel's own counters of the queue (this namespace's): packets it
 * dropped because the queue was full, or could not hand over. */
static void
kernel_counters(unsigned qnum, unsigned long *qdrop, unsigned long *udrop)
{
	FILE *f = fopen("/proc/net/netfilter/nfnetlink_queue", "r");
	unsigned num, mode;
	unsigned long portid, total, range, qd, ud, idseq;
	int one;

	*qdrop = *udrop = 0;
	if (f == NULL)
		return;
	while (fscanf(f, "%u %lu %lu %u %lu %lu %lu %lu %d", &num, &portid,
		      &total, &mode, &range, &qd, &ud, &idseq, &one) == 9) {
		if (num == qnum) {
			*qdrop = qd;
			*udrop = ud;
		}
	}
	fclose(f);
}

static void
print_counters(unsigned qnum, const char *when)
{
	unsigned long qd, ud;

	kernel_counters(qnum, &qd, &ud);
	printf("delayq: %s: %" PRIu64 " packets, %" PRIu64 " accepted, %" PRIu64
	       " dropped (queue full, limit %" PRIu32 "), %" PRIu64
	       " released early at exit, max depth %" PRIu32
	       "; kernel: %lu dropped (queue full), %lu not delivered"
	       "; %" PRIu64 " netlink overruns, %" PRIu64 " verdict errors\n",
	       when, q.packets, q.accepted, q.dropped, q.limit, q.flushed,
	       q.maxdepth, qd, ud, q.nobufs, q.verdict_err);
	if (q.accepted > 0)
		printf(
		    "delayq: delay achieved (ms): min %.3f p50 %.3f p90 %.3f "
		    "p99 %.3f max %.3f mean %.3f\n",
		    q.dlo_us / 1000.0, percentile_ms(50), percentile_ms(90),
		    percentile_ms(99), q.dhi_us / 1000.0,
		    (double)q.dsum_us / (double)q.accepted / 1000.0);
	fflush(stdout);
}

static int
parse_ms(const char *s, uint64_t *ns, char **end)
{
	double v;

	errno = 0;
	v = strtod(s, end);
	if (*end == s || errno != 0 || !(v >= 0 && v <= 10000))
		return -1;
	*ns = (uint64_t)(v * 1e6 + 0.5);
	return 0;
}

static int
parse_delay(const char *s)
{
	char *end;

	if (parse_ms(s, &q.dmin_ns, &end) < 0)
		return -1;
	q.dmax_ns = q.dmin_ns;
	if (*end == '-' && parse_ms(end + 1, &q.dmax_ns, &end) < 0)
		return -1;
	return *end == '\0' && q.dmax_ns >= q.dmin_ns ? 0 : -1;
}

static int
parse_uint(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 10);
	return end == s || *end != '\0' || errno != 0 || *v > max ? -1 : 0;
}

static void
usage(FILE *f)
{
	fprintf(f, "usage: delayq [--queue N] --delay MS[-MS] [--limit N] "
		   "[--seed N]\n"
		   "  holds each packet of NFQUEUE N (0) for MS, or uniformly "
		   "MIN-MAX ms,\n"
		   "  keeping each flow's order; at most --limit (65536) held, "
		   "the rest dropped\n");
}

static int
arm(int tfd)
{
	struct itimerspec its = {0};

	if (q.nheap > 0) {
		uint64_t t = q.slot[q.heap[0]].t_out;
		its.it_value.tv_sec = (time_t)(t / 1000000000u);
		its.it_value.tv_nsec = (long)(t % 1000000000u);
		if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0)
			its.it_value.tv_nsec = 1;
	}
	return timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL);
}

int
main(int argc, char **argv)
{
	unsigned long qnum = 0, limit = 65536, seed = 0, v;
	int have_delay = 0;

	for (int i = 1; i < argc; i += 2) {
		const char *a = argv[i],
			   *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (val == NULL)
			goto bad;
		if (strcmp(a, "--queue") == 0 &&
		    parse_uint(val, 65535, &v) == 0)
			qnum = v;
		else if (strcmp(a, "--limit") == 0 &&
			 parse_uint(val, 1u << 22, &v) == 0 && v > 0)
			limit = v;
		else if (strcmp(a, "--seed") == 0 &&
			 parse_uint(val, ~0ul, &v) == 0)
			seed = v;
		else if (strcmp(a, "--delay") == 0 && parse_delay(val) == 0)
			have_delay = 1;
		else
			goto bad;
	}
	if (!have_delay)
		goto bad;

	q.limit = (uint32_t)limit;
	q.slot = calloc(limit, sizeof *q.slot);
	q.freel = calloc(limit, sizeof *q.freel);
	q.heap = calloc(limit, sizeof *q.heap);
	if (q.slot == NULL || q.freel == NULL || q.heap == NULL) {
		fprintf(stderr, "delayq: out of memory\n");
		return 1;
	}
	for (uint32_t s = 0; s < q.limit; s++)
		q.freel[q.nfree++] = q.limit - 1 - s;
	q.rng = seed != 0 ? seed : now_ns() ^ ((uint64_t)getpid() << 32);
	if (q.rng == 0)
		q.rng = 1;
	/* Timers on time: the default slack is 50 us. */
	(void)prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);

	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGUSR1);
	sigprocmask(SIG_BLOCK, &sigs, NULL);
	int sfd = signalfd(-1, &sigs, SFD_CLOEXEC);
	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (sfd < 0 || tfd < 0) {
		perror("delayq: signalfd/timerfd");
		return 1;
	}

	struct nfq_handle *h = nfq_open();
	if (h == NULL) {
		perror("delayq: nfq_open");
		return 1;
	}
	q.qh = nfq_create_queue(h, (uint16_t)qnum, on_packet, NULL);
	if (q.qh == NULL) {
		perror("delayq: nfq_create_queue (another reader bound?)");
		nfq_close(h);
		return 1;
	}
	/* The kernel's queue holds what we hold; ours is the bound that
	 * drops (and counts), the kernel's only a backstop. */
	if (nfq_set_mode(q.qh, NFQNL_COPY_PACKET, COPY_BYTES) < 0 ||
	    nfq_set_queue_maxlen(q.qh, q.limit + 4096) < 0) {
		perror("delayq: nfq_set_mode/maxlen");
		nfq_destroy_queue(q.qh);
		nfq_close(h);
		return 1;
	}
	int fd = nfq_fd(h);
	int one = 1;
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one);
	nfnl_rcvbufsiz(nfq_nfnlh(h), 16u << 20);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

	printf("delayq: queue %lu, delay %.3f-%.3f ms, limit %lu\n", qnum,
	       (double)q.dmin_ns / 1e6, (double)q.dmax_ns / 1e6, limit);
	fflush(stdout);

	static char buf[1 << 17];
	struct pollfd pfd[3] = {{.fd = fd, .events = POLLIN},
				{.fd = tfd, .events = POLLIN},
				{.fd = sfd, .events = POLLIN}};
	int running = 1, status = 0;
	while (running) {
		if (poll(pfd, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("delayq: poll");
			status = 1;
			break;
		}
		if (pfd[0].revents & POLLIN) {
			for (;;) {
				ssize_t n = recv(fd, buf, sizeof buf, 0);
				if (n < 0 && errno == ENOBUFS) {
					q.nobufs++;
					continue;
				}
				if (n <= 0)
					break;
				nfq_handle_packet(h, buf, (int)n);
			}
		}
		if (pfd[1].revents & POLLIN) {
			uint64_t ticks;
			(void)!read(tfd, &ticks, sizeof ticks);
		}
		if (pfd[2].revents & POLLIN) {
			struct signalfd_siginfo si;
			if (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
				if (si.ssi_signo == SIGUSR1)
					print_counters((unsigned)qnum,
						       "so far");
				else
					running = 0;
			}
		}
		release_due(!running);
		if (arm(tfd) < 0) {
			perror("delayq: timerfd_settime");
			status = 1;
			break;
		}
	}
	release_due(1);
	print_counters((unsigned)qnum, "exit");
	nfq_destroy_queue(q.qh);
	nfq_close(h);
	free(q.slot);
	free(q.freel);
	free(q.heap);
	return status;
bad:
	usage(stderr);
	return 2;
}
