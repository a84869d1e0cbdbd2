/* SPDX-License-Identifier: ISC */
/*
 * The packet budget's per-segment estimates (issue #17, docs/budget.md):
 * for each /24 (and /16) the scan touches, a smoothed connect round-trip time
 * (from SYN-ACKs and RSTs) and how often the segment drops packets (answered
 * connections whose SYN had to be sent again).  The engine derives the liveness
 * probe's timeout from the first and the number of liveness probes a
 * silent address gets from the second.  Fixed size (a full table folds
 * new segments into the scan-wide estimate); pure, no I/O.
 */
#ifndef CS_ENGINE_BUDGET_H
#define CS_ENGINE_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_BUDGET_SLOTS 8192 /* /24s and /16s with their own estimate */
/*
 * The chance that one liveness probe to a live host goes unanswered (its
 * SYN or the answer lost) is estimated per scope as the share of answered
 * connects whose SYN the kernel had to send again, each scope's figure
 * shrunk toward its wider scope's (a /24 toward its /16, the /16 toward
 * the scan, the scan toward CS_BUDGET_LOSS0) by CS_BUDGET_PRIOR
 * pseudo-answers.  A silent address gets as many liveness probes as it
 * takes for that chance, to the power of the count, to be at most
 * CS_BUDGET_MISS.  A clean answer counts only once its connect is
 * CS_BUDGET_RTO_MS old: a lost SYN's answer comes no sooner (the
 * kernel's first retransmission), and counting clean answers as they
 * come would take a lossy segment for a clean one while its lost SYNs
 * are still being sent again (the first second of a scan above all).
 */
#define CS_BUDGET_LOSS0 0.01   /* before any answer: one probe in 100 lost */
#define CS_BUDGET_PRIOR 100.0  /* weight of the wider scope, in answers */
#define CS_BUDGET_MISS 5e-4    /* a live host missed by every probe */
#define CS_BUDGET_RTO_MS 1000  /* the kernel's first SYN retransmission */
#define CS_BUDGET_PENDING 4096 /* clean answers waiting to count */

struct cs_budget_seg {
	uint32_t key;     /* ip >> 8, plus one; 0 = empty */
	uint32_t samples; /* RTT samples */
	uint32_t clean;   /* answered connects without a retransmission,
			     CS_BUDGET_RTO_MS after their start */
	uint32_t lost;    /* answered connects whose SYN was retransmitted */
	double srtt_ms;
};

struct cs_budget_pend {
	uint32_t ip;
	uint64_t due_ms; /* when the clean answer counts */
};

struct cs_budget {
	struct cs_budget_seg seg[CS_BUDGET_SLOTS];
	struct cs_budget_seg all; /* scan-wide */
	struct cs_budget_pend
	    pend[CS_BUDGET_PENDING]; /* a ring, oldest first */
	size_t phead, pn;
};

void cs_budget_init(struct cs_budget *b);

/* A connect to ip was answered (SYN-ACK or RST) at now_ms (any monotonic
 * clock in ms), rtt_ms after it began; retrans when the kernel had to send
 * the SYN again. */
void cs_budget_sample(struct cs_budget *b, uint32_t ip, double rtt_ms,
		      bool retrans, uint64_t now_ms);

/* Counts the clean answers whose connects are CS_BUDGET_RTO_MS old by
 * now_ms (cs_budget_sample does it too). */
void cs_budget_mature(struct cs_budget *b, uint64_t now_ms);

/*
 * Timeout for a liveness probe to ip: eight smoothed RTTs of its segment
 * (or of the scan, before the segment has answered), at least min_ms and
 * at most max_ms (the configured connect timeout, also used while nothing
 * has answered yet).
 */
unsigned cs_budget_timeout(const struct cs_budget *b, uint32_t ip,
			   unsigned min_ms, unsigned max_ms);

/* The estimated chance that one liveness probe to a live host at ip goes
 * unanswered (see CS_BUDGET_LOSS0 above). */
double cs_budget_loss(const struct cs_budget *b, uint32_t ip);

/*
 * Liveness probes a silent address at ip gets: the fewest, at least one
 * and at most max, that all go unanswered from a live host with a chance
 * of at most CS_BUDGET_MISS at its segment's estimated loss.  At the
 * 0.5% loss each way of bench/bench_estate_routed.sh (1% a round trip),
 * two; on a segment that has answered some 2,000 connects without a
 * retransmission, one; at 10% a round trip, four.
 */
unsigned cs_budget_probes(const struct cs_budget *b, uint32_t ip, unsigned max);

#endif /* CS_ENGINE_BUDGET_H */
