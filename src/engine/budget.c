/* SPDX-License-Identifier: ISC */
/* Per-segment RTT and loss estimates of the packet budget; see budget.h. */
#include "engine/budget.h"

#include <string.h>

#define RTT_GAIN 0.125 /* EWMA weight of a new sample (RFC 6298's alpha) */

void
cs_budget_init(struct cs_budget *b)
{
	memset(b, 0, sizeof(*b));
}

/* Keys: a /24 is (ip >> 8) + 1, a /16 0x80000000 | (ip >> 16). */
static uint32_t
key24(uint32_t ip)
{
	return (ip >> 8) + 1;
}

static uint32_t
key16(uint32_t ip)
{
	return 0x80000000u | (ip >> 16);
}

/* The entry of key: its slot, a free slot claimed, or NULL when full. */
static struct cs_budget_seg *
slot(struct cs_budget *b, uint32_t key)
{
	uint32_t h = (key * 2654435761u) % CS_BUDGET_SLOTS;

	for (size_t i = 0; i < 16; i++) {
		struct cs_budget_seg *s = &b->seg[(h + i) % CS_BUDGET_SLOTS];

		if (s->key == key)
			return s;
		if (s->key == 0) {
			s->key = key;
			return s;
		}
	}
	return NULL;
}

static void
add(struct cs_budget_seg *s, double rtt_ms, bool retrans)
{
	if (rtt_ms < 0)
		rtt_ms = 0;
	s->srtt_ms = s->samples == 0
			 ? rtt_ms
			 : (1 - RTT_GAIN) * s->srtt_ms + RTT_GAIN * rtt_ms;
	s->samples++;
	s->lost += retrans;
}

void
cs_budget_sample(struct cs_budget *b, uint32_t ip, double rtt_ms, bool retrans)
{
	struct cs_budget_seg *s[3] = {slot(b, key24(ip)), slot(b, key16(ip)),
				      &b->all};

	/* a retransmitted SYN's time is the retransmission's, not the
	 * path's: it marks loss but is no RTT sample (Karn) */
	for (size_t i = 0; i < 3; i++) {
		if (s[i] == NULL)
			continue;
		if (retrans)
			s[i]->lost++;
		else
			add(s[i], rtt_ms, false);
	}
}

/* The entry of key, or NULL when it has none. */
static const struct cs_budget_seg *
find(const struct cs_budget *b, uint32_t key)
{
	uint32_t h = (key * 2654435761u) % CS_BUDGET_SLOTS;

	for (size_t i = 0; i < 16; i++) {
		const struct cs_budget_seg *s =
		    &b->seg[(h + i) % CS_BUDGET_SLOTS];

		if (s->key == key)
			return s;
		if (s->key == 0)
			return NULL;
	}
	return NULL;
}

static const struct cs_budget_seg *
est(const struct cs_budget *b, uint32_t ip)
{
	const struct cs_budget_seg *s = find(b, key24(ip));

	return s != NULL && s->samples > 0 ? s : &b->all;
}

unsigned
cs_budget_timeout(const struct cs_budget *b, uint32_t ip, unsigned min_ms,
		  unsigned max_ms)
{
	const struct cs_budget_seg *s = est(b, ip);
	double t;

	if (s->samples == 0)
		return max_ms;
	t = 8 * s->srtt_ms;
	if (t < min_ms)
		t = min_ms;
	if (t > max_ms)
		t = max_ms;
	return (unsigned)t;
}

/* Answers and lost ones of a scope, less those of a narrower scope
 * inside it (which are counted in both): what the scope says apart from
 * the narrower one.  A scope without an entry has none. */
struct tally {
	double n, lost;
};

static struct tally
tally(const struct cs_budget_seg *s, const struct cs_budget_seg *inner)
{
	struct tally t = {0, 0};

	if (s != NULL) {
		t.n = (double)s->samples + (double)s->lost;
		t.lost = (double)s->lost;
	}
	if (inner != NULL) {
		t.n -= (double)inner->samples + (double)inner->lost;
		t.lost -= (double)inner->lost;
	}
	/* (a full table may have given the narrower scope an entry and
	 * not the wider: never below nothing) */
	if (t.n < 0)
		t.n = 0;
	if (t.lost < 0)
		t.lost = 0;
	return t;
}

/* A scope's chance of a lost probe: its own lost / answered, shrunk
 * toward the estimate around it by CS_BUDGET_PRIOR pseudo-answers. */
static double
shrink(struct tally t, double around)
{
	return (t.lost + CS_BUDGET_PRIOR * around) / (t.n + CS_BUDGET_PRIOR);
}

double
cs_budget_loss(const struct cs_budget *b, uint32_t ip)
{
	const struct cs_budget_seg *s24 = find(b, key24(ip));
	const struct cs_budget_seg *s16 = find(b, key16(ip));
	double q;

	/* the scan outside the /16, the /16 outside the /24, the /24:
	 * each answer counted once */
	q = shrink(tally(&b->all, s16 != NULL ? s16 : s24), CS_BUDGET_LOSS0);
	if (s16 != NULL)
		q = shrink(tally(s16, s24), q);
	return shrink(tally(s24, NULL), q);
}

unsigned
cs_budget_probes(const struct cs_budget *b, uint32_t ip, unsigned max)
{
	double q = cs_budget_loss(b, ip);
	double miss = q;
	unsigned k = 1;

	/* k probes all go unanswered with probability q^k */
	while (k < max && miss > CS_BUDGET_MISS) {
		miss *= q;
		k++;
	}
	return k;
}
