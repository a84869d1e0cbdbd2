/* SPDX-License-Identifier: ISC */
/*
 * The packet budget's per-segment estimates (src/engine/budget.c, issue
 * #17): liveness timeouts from RTT samples, per /24 with the scan-wide
 * estimate as the fallback, and the liveness probes of a silent address
 * from its segment's measured loss: more only where a segment drops, as
 * many as its loss rate calls for.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>

#include "engine/budget.h"

#define IP(a, b, c, d)                                                         \
	(((uint32_t)(a) << 24) | ((uint32_t)(b) << 16) |                       \
	 ((uint32_t)(c) << 8) | (uint32_t)(d))

struct tcase {
	const char *what;
	double rtt[4]; /* samples on 10.1.1.x; < 0 ends */
	bool retrans;  /* the last sample's SYN was sent again */
	uint32_t ask;  /* the address asked about */
	unsigned want_ms;
	unsigned want_probes; /* a few samples: two until the scan knows */
};

static const struct tcase cases[] = {
    {"nothing answered yet: the configured timeout",
     {-1},
     false,
     IP(10, 1, 1, 9),
     1500,
     2},
    {"a fast segment: the floor",
     {1, 1, 1, -1},
     false,
     IP(10, 1, 1, 9),
     250,
     2},
    {"8 x a 40 ms RTT", {40, 40, 40, -1}, false, IP(10, 1, 1, 9), 320, 2},
    {"a slow segment: the configured cap",
     {400, -1},
     false,
     IP(10, 1, 1, 9),
     1500,
     2},
    {"another /24 borrows the scan-wide estimate",
     {40, -1},
     false,
     IP(10, 1, 2, 9),
     320,
     2},
    {"a retransmitted SYN marks the segment lossy, no RTT sample",
     {40, 900, -1},
     true,
     IP(10, 1, 1, 9),
     320,
     2},
};

static void
test_table(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct tcase *c = &cases[i];
		unsigned got;
		size_t n = 0;

		cs_budget_init(b);
		while (n < 4 && c->rtt[n] >= 0)
			n++;
		for (size_t k = 0; k < n; k++)
			cs_budget_sample(b, IP(10, 1, 1, 7), c->rtt[k],
					 c->retrans && k + 1 == n, 0);
		got = cs_budget_timeout(b, c->ask, 250, 1500);
		if (got != c->want_ms ||
		    cs_budget_probes(b, c->ask, 4) != c->want_probes)
			fail_msg("%s: timeout %u probes %u, want %u %u",
				 c->what, got, cs_budget_probes(b, c->ask, 4),
				 c->want_ms, c->want_probes);
	}
	free(b);
}

/* Answered connects on one /24: clean ones and retransmitted ones. */
struct fill {
	uint32_t net; /* a.b.c.0; 0 ends */
	unsigned clean, lost;
};

struct pcase {
	const char *what;
	struct fill fill[3];
	uint32_t ask;
	unsigned max;
	unsigned want;
};

/* Liveness probes of a silent address from the measured loss: the fewest
 * whose all being lost is at most CS_BUDGET_MISS likely. */
static const struct pcase pcases[] = {
    {"nothing known: two (a 1% loss is assumed)",
     {{0, 0, 0}},
     IP(10, 9, 9, 9),
     4,
     2},
    {"2,000 clean answers across the scan: one",
     {{IP(10, 2, 0, 0), 2000, 0}, {0, 0, 0}},
     IP(10, 9, 9, 9),
     4,
     1},
    {"too few clean answers to tell: still two",
     {{IP(10, 2, 0, 0), 1500, 0}, {0, 0, 0}},
     IP(10, 9, 9, 9),
     4,
     2},
    {"one retransmission in 20,000 answers: one, elsewhere",
     {{IP(10, 2, 0, 0), 20000, 1}, {0, 0, 0}},
     IP(10, 9, 9, 9),
     4,
     1},
    {"one retransmission in 20,000 answers: one, in its own /16",
     {{IP(10, 2, 0, 0), 20000, 1}, {0, 0, 0}},
     IP(10, 2, 7, 9),
     4,
     1},
    {"1% of answers retransmitted (0.5% each way): two",
     {{IP(10, 1, 1, 0), 9900, 100}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     4,
     2},
    {"5% retransmitted: three",
     {{IP(10, 1, 1, 0), 950, 50}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     4,
     3},
    {"10% retransmitted: four",
     {{IP(10, 1, 1, 0), 900, 100}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     4,
     4},
    {"10% retransmitted, at most two: two",
     {{IP(10, 1, 1, 0), 900, 100}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     2,
     2},
    {"a clean /24 of a lossy /16 goes by the /16: two",
     {{IP(10, 1, 1, 0), 200, 0}, {IP(10, 1, 2, 0), 9900, 100}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     4,
     2},
    {"a /24 that drops, in a clean scan: two there",
     {{IP(10, 2, 0, 0), 5000, 0}, {IP(10, 1, 1, 0), 60, 1}, {0, 0, 0}},
     IP(10, 1, 1, 9),
     4,
     2},
    {"... and one on the clean /16",
     {{IP(10, 2, 0, 0), 5000, 0}, {IP(10, 1, 1, 0), 60, 1}, {0, 0, 0}},
     IP(10, 2, 9, 9),
     4,
     1},
};

static void
test_probes(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	for (size_t i = 0; i < sizeof(pcases) / sizeof(pcases[0]); i++) {
		const struct pcase *c = &pcases[i];
		unsigned got;

		cs_budget_init(b);
		for (const struct fill *f = c->fill; f->net != 0; f++) {
			for (unsigned k = 0; k < f->clean; k++)
				cs_budget_sample(b, f->net + 1 + k % 250, 5,
						 false, 0);
			for (unsigned k = 0; k < f->lost; k++)
				cs_budget_sample(b, f->net + 1 + k % 250, 900,
						 true, 0);
		}
		cs_budget_mature(b, 60000);
		got = cs_budget_probes(b, c->ask, c->max);
		if (got != c->want)
			fail_msg("%s: %u probes (loss %.5f), want %u", c->what,
				 got, cs_budget_loss(b, c->ask), c->want);
	}
	free(b);
}

/* Answers arriving over time (ms of the loop's clock) and the probes a
 * silent address on their /24 gets at given times: a clean answer counts
 * only once a lost SYN's answer would have come too (1 s after the
 * connect began), so a lossy segment's first second does not pass for a
 * clean one. */
struct event {
	uint64_t at_ms; /* 0 with n 0 ends */
	unsigned n;
	double rtt_ms;
	bool retrans;
};

struct query {
	uint64_t at_ms; /* 0 ends */
	unsigned want;
};

struct tcase_time {
	const char *what;
	struct event ev[3];
	struct query q[3];
};

static const struct tcase_time tcases[] = {
    {"2,000 clean answers at once: evidence a second later, not before",
     {{100, 2000, 5, false}, {0, 0, 0, false}},
     {{600, 2}, {1200, 1}, {0, 0}}},
    {"10% retransmitted: clean answers come first, the lost ones a second "
     "later; never one probe, four once both are in",
     {{100, 900, 5, false}, {1150, 100, 1050, true}, {0, 0, 0, false}},
     {{600, 2}, {1200, 4}, {0, 0}}},
    {"an answer after a second counts at once",
     {{1500, 2000, 1200, false}, {0, 0, 0, false}},
     {{1500, 1}, {0, 0}}},
    {"more waiting than the ring holds: the oldest count early, all later",
     {{100, CS_BUDGET_PENDING + 2000, 5, false}, {0, 0, 0, false}},
     {{200, 1}, {2000, 1}, {0, 0}}},
};

static void
test_over_time(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	for (size_t i = 0; i < sizeof(tcases) / sizeof(tcases[0]); i++) {
		const struct tcase_time *c = &tcases[i];
		const struct event *ev = c->ev;

		cs_budget_init(b);
		for (const struct query *q = c->q; q->at_ms != 0; q++) {
			unsigned got;

			for (; ev->n != 0 && ev->at_ms <= q->at_ms; ev++)
				for (unsigned k = 0; k < ev->n; k++)
					cs_budget_sample(
					    b, IP(10, 1, 1, 1 + k % 250),
					    ev->rtt_ms, ev->retrans, ev->at_ms);
			cs_budget_mature(b, q->at_ms);
			got = cs_budget_probes(b, IP(10, 1, 1, 9), 4);
			if (got != q->want)
				fail_msg("%s: at %llu ms %u probes (loss "
					 "%.5f), want %u",
					 c->what, (unsigned long long)q->at_ms,
					 got,
					 cs_budget_loss(b, IP(10, 1, 1, 9)),
					 q->want);
		}
	}
	free(b);
}

/* A full table folds new segments into the scan-wide estimate. */
static void
test_full_table(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	cs_budget_init(b);
	for (uint32_t s = 0; s < 3 * CS_BUDGET_SLOTS; s++)
		cs_budget_sample(b, IP(10, 0, 0, 0) + (s << 8), 20, false, 0);
	assert_int_equal(cs_budget_timeout(b, IP(11, 0, 0, 1), 10, 5000), 160);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_probes),
	    cmocka_unit_test(test_over_time),
	    cmocka_unit_test(test_full_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
