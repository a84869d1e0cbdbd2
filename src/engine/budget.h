/* SPDX-License-Identifier: ISC */
/*
 * The packet budget's per-segment estimates (issue #17, docs/budget.md):
 * for each /24 (and /16) the scan touches, a smoothed connect round-trip time
 * (from SYN-ACKs and RSTs) and whether the segment drops packets (a connection
 * whose SYN had to be sent again).  The engine derives the liveness
 * probe's timeout from the first and the number of liveness probes a
 * silent address gets from the second.  Fixed size (a full table folds
 * new segments into the scan-wide estimate); pure, no I/O.
 */
#ifndef CS_ENGINE_BUDGET_H
#define CS_ENGINE_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_BUDGET_SLOTS 8192        /* /24s and /16s with their own estimate */
#define CS_BUDGET_LOSS_SAMPLES 1000 /* answers that show a scope loss-free */

struct cs_budget_seg {
	uint32_t key; /* ip >> 8, plus one; 0 = empty */
	uint32_t samples;
	uint32_t lost; /* answered connects whose SYN was retransmitted */
	double srtt_ms;
};

struct cs_budget {
	struct cs_budget_seg seg[CS_BUDGET_SLOTS];
	struct cs_budget_seg all; /* scan-wide */
};

void cs_budget_init(struct cs_budget *b);

/* A connect to ip was answered (SYN-ACK or RST) after rtt_ms; retrans
 * when the kernel had to send the SYN again. */
void cs_budget_sample(struct cs_budget *b, uint32_t ip, double rtt_ms,
		      bool retrans);

/*
 * Timeout for a liveness probe to ip: eight smoothed RTTs of its segment
 * (or of the scan, before the segment has answered), at least min_ms and
 * at most max_ms (the configured connect timeout, also used while nothing
 * has answered yet).
 */
unsigned cs_budget_timeout(const struct cs_budget *b, uint32_t ip,
			   unsigned min_ms, unsigned max_ms);

/*
 * True when ip's segment has shown loss: a silent address there gets a
 * second liveness probe.  The segment is ip's /24 once it has seen a
 * retransmitted SYN or CS_BUDGET_LOSS_SAMPLES answers without one, else
 * its /16 by the same test, else the whole scan, which counts as lossy
 * until it has CS_BUDGET_LOSS_SAMPLES answers.
 */
bool cs_budget_lossy(const struct cs_budget *b, uint32_t ip);

#endif /* CS_ENGINE_BUDGET_H */
