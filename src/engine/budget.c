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

/* Where key's entry is, or the free slot it would take; CS_BUDGET_SLOTS
 * when neither is found within 16 slots of its hash. */
static size_t
where(const struct cs_budget *b, uint32_t key)
{
	uint32_t h = (key * 2654435761u) % CS_BUDGET_SLOTS;

	for (size_t i = 0; i < 16; i++) {
		size_t k = (h + i) % CS_BUDGET_SLOTS;

		if (b->seg[k].key == key || b->seg[k].key == 0)
			return k;
	}
	return CS_BUDGET_SLOTS;
}

/* The entry of key: its slot, a free slot claimed, or NULL when full. */
static struct cs_budget_seg *
slot(struct cs_budget *b, uint32_t key)
{
	size_t k = where(b, key);

	if (k == CS_BUDGET_SLOTS)
		return NULL;
	b->seg[k].key = key;
	return &b->seg[k];
}

/* The entry of key, or NULL when it has none. */
static struct cs_budget_seg *
find_rw(struct cs_budget *b, uint32_t key)
{
	size_t k = where(b, key);

	return k < CS_BUDGET_SLOTS && b->seg[k].key == key ? &b->seg[k] : NULL;
}

static const struct cs_budget_seg *
find(const struct cs_budget *b, uint32_t key)
{
	size_t k = where(b, key);

	return k < CS_BUDGET_SLOTS && b->seg[k].key == key ? &b->seg[k] : NULL;
}

static void
add(struct cs_budget_seg *s, double rtt_ms)
{
	if (rtt_ms < 0)
		rtt_ms = 0;
	s->srtt_ms = s->samples == 0
			 ? rtt_ms
			 : (1 - RTT_GAIN) * s->srtt_ms + RTT_GAIN * rtt_ms;
	s->samples++;
}

/* A clean answer from ip counts (in the scopes that have an entry). */
static void
count_clean(struct cs_budget *b, uint32_t ip)
{
	struct cs_budget_seg *s24 = find_rw(b, key24(ip));
	struct cs_budget_seg *s16 = find_rw(b, key16(ip));

	if (s24 != NULL)
		s24->clean++;
	if (s16 != NULL)
		s16->clean++;
	b->all.clean++;
}

/* The oldest waiting clean answer counts now. */
static void
pop(struct cs_budget *b)
{
	count_clean(b, b->pend[b->phead].ip);
	b->phead = (b->phead + 1) % CS_BUDGET_PENDING;
	b->pn--;
}

void
cs_budget_mature(struct cs_budget *b, uint64_t now_ms)
{
	/* (due times are nearly in order; one a little later than the
	 * next waits for it, never longer than an RTT) */
	while (b->pn > 0 && b->pend[b->phead].due_ms <= now_ms)
		pop(b);
}

void
cs_budget_sample(struct cs_budget *b, uint32_t ip, double rtt_ms, bool retrans,
		 uint64_t now_ms)
{
	struct cs_budget_seg *s[3] = {slot(b, key24(ip)), slot(b, key16(ip)),
				      &b->all};

	cs_budget_mature(b, now_ms);
	/* a retransmitted SYN's time is the retransmission's, not the
	 * path's: it marks loss but is no RTT sample (Karn) */
	for (size_t i = 0; i < 3; i++) {
		if (s[i] == NULL)
			continue;
		if (retrans)
			s[i]->lost++;
		else
			add(s[i], rtt_ms);
	}
	if (retrans)
		return;
	/* A clean answer shows no loss only once a lost SYN's answer would
	 * have come too: it waits (a full ring counts its oldest now). */
	if (rtt_ms >= CS_BUDGET_RTO_MS) {
		count_clean(b, ip);
		return;
	}
	if (b->pn == CS_BUDGET_PENDING)
		pop(b);
	b->pend[(b->phead + b->pn) % CS_BUDGET_PENDING] =
	    (struct cs_budget_pend){
		ip, now_ms + (uint64_t)(CS_BUDGET_RTO_MS -
					(rtt_ms > 0 ? rtt_ms : 0))};
	b->pn++;
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
		t.n = (double)s->clean + (double)s->lost;
		t.lost = (double)s->lost;
	}
	if (inner != NULL) {
		t.n -= (double)inner->clean + (double)inner->lost;
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
