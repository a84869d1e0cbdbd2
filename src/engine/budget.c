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

bool
cs_budget_lossy(const struct cs_budget *b, uint32_t ip)
{
	const struct cs_budget_seg *s24 = find(b, key24(ip));
	const struct cs_budget_seg *s16 = find(b, key16(ip));

	/* The narrowest scope that has seen loss or enough answers to
	 * tell: a /24 with a few devices rarely sees its one lost SYN. */
	if (s24 != NULL &&
	    (s24->lost > 0 || s24->samples >= CS_BUDGET_LOSS_SAMPLES))
		return s24->lost > 0;
	if (s16 != NULL &&
	    (s16->lost > 0 || s16->samples >= CS_BUDGET_LOSS_SAMPLES))
		return s16->lost > 0;
	/* before the scan has answered enough to tell, assume loss: the
	 * first hosts are not to be lost for want of a second probe */
	return b->all.lost > 0 || b->all.samples < CS_BUDGET_LOSS_SAMPLES;
}
