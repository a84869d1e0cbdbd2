/* SPDX-License-Identifier: ISC */
/*
 * The packet budget's per-segment estimates (src/engine/budget.c, issue
 * #17): liveness timeouts from RTT samples, per /24 with the scan-wide
 * estimate as the fallback, and the second liveness probe only where a
 * segment has shown loss.
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
	bool want_lossy; /* a few samples: lossy until the scan knows */
};

static const struct tcase cases[] = {
    {"nothing answered yet: the configured timeout",
     {-1},
     false,
     IP(10, 1, 1, 9),
     1500,
     true},
    {"a fast segment: the floor",
     {1, 1, 1, -1},
     false,
     IP(10, 1, 1, 9),
     250,
     true},
    {"8 x a 40 ms RTT", {40, 40, 40, -1}, false, IP(10, 1, 1, 9), 320, true},
    {"a slow segment: the configured cap",
     {400, -1},
     false,
     IP(10, 1, 1, 9),
     1500,
     true},
    {"another /24 borrows the scan-wide estimate",
     {40, -1},
     false,
     IP(10, 1, 2, 9),
     320,
     true},
    {"a retransmitted SYN marks the segment lossy, no RTT sample",
     {40, 900, -1},
     true,
     IP(10, 1, 1, 9),
     320,
     true},
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
					 c->retrans && k + 1 == n);
		got = cs_budget_timeout(b, c->ask, 250, 1500);
		if (got != c->want_ms ||
		    cs_budget_lossy(b, c->ask) != c->want_lossy)
			fail_msg("%s: timeout %u lossy %d, want %u %d", c->what,
				 got, cs_budget_lossy(b, c->ask), c->want_ms,
				 c->want_lossy);
	}
	free(b);
}

/* A segment that never answered goes by the scan: lossy before the scan
 * knows better, clean after enough clean answers, lossy once loss is
 * seen anywhere. */
static void
test_silent_segment_of_lossy_scan(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	cs_budget_init(b);
	/* nothing known yet: assume loss */
	assert_true(cs_budget_lossy(b, IP(10, 9, 9, 9)));
	for (unsigned i = 0; i < CS_BUDGET_LOSS_SAMPLES; i++)
		cs_budget_sample(b, IP(10, 1, 1, 1), 5, false);
	assert_false(cs_budget_lossy(b, IP(10, 9, 9, 9)));
	cs_budget_sample(b, IP(10, 1, 3, 1), 0, true);
	assert_true(cs_budget_lossy(b, IP(10, 9, 9, 9)));
	free(b);
}

/* Retries only where a segment drops: loss on 10.1.3.x leaves 10.1.1.x,
 * which answered cleanly often enough to tell, with one liveness probe;
 * 10.1.2.x, with one clean answer, goes by its /16, which dropped; and
 * 10.2.x.x by its own /16, which has answered cleanly. */
static void
test_lossy_per_segment(void **state)
{
	struct cs_budget *b = malloc(sizeof(*b));

	(void)state;
	assert_non_null(b);
	cs_budget_init(b);
	cs_budget_sample(b, IP(10, 1, 3, 1), 0, true);
	for (unsigned i = 0; i < CS_BUDGET_LOSS_SAMPLES; i++) {
		cs_budget_sample(b, IP(10, 1, 1, 1), 5, false);
		cs_budget_sample(b, IP(10, 2, 0, 1), 5, false);
	}
	cs_budget_sample(b, IP(10, 1, 2, 1), 5, false);
	assert_true(cs_budget_lossy(b, IP(10, 1, 3, 200)));
	assert_false(cs_budget_lossy(b, IP(10, 1, 1, 200)));
	assert_true(cs_budget_lossy(b, IP(10, 1, 2, 200)));
	assert_false(cs_budget_lossy(b, IP(10, 2, 9, 9)));
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
		cs_budget_sample(b, IP(10, 0, 0, 0) + (s << 8), 20, false);
	assert_int_equal(cs_budget_timeout(b, IP(11, 0, 0, 1), 10, 5000), 160);
	free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_table),
	    cmocka_unit_test(test_silent_segment_of_lossy_scan),
	    cmocka_unit_test(test_lossy_per_segment),
	    cmocka_unit_test(test_full_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
