/* SPDX-License-Identifier: ISC */
/*
 * The simulated estate: which loopback addresses carry a device, which
 * profile each device runs, and its per-device values (serial, MAC ...).
 * Everything derives from the seed through a small deterministic PRNG, so
 * the same seed, CIDR, count and mix always give the same estate.
 */
#ifndef CS_CAMSIM_ESTATE_H
#define CS_CAMSIM_ESTATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "camsim_profile.h"

/* Most devices one run may simulate. */
#define CS_CAMSIM_MAX_DEVICES 100000

/* An IPv4 prefix inside 127.0.0.0/8. */
struct cs_camsim_cidr {
	uint32_t net; /* host byte order, host bits zero */
	unsigned len; /* prefix length, 8..30 */
};

/* One simulated device. */
struct cs_camsim_device {
	uint32_t addr; /* host byte order */
	char ip[46];   /* dotted quad, or IPv6 text (--device-ip ::1) */
	const struct cs_camsim_profile *prof; /* borrowed from the set */
	const struct cs_camsim_model *model;  /* borrowed from prof */
	const char *firmware;                 /* borrowed from prof */
	char serial[64];
	char mac[18];       /* "aa:bb:cc:dd:ee:ff" */
	char mac_up[18];    /* "AA:BB:CC:DD:EE:FF" */
	char mac_dash[18];  /* "aa-bb-cc-dd-ee-ff" */
	char mac_hex[13];   /* "aabbccddeeff" */
	char mac_hexup[13]; /* "AABBCCDDEEFF" */
	char uuid[37];
	/* Channel of an attached camera on its recorder ("1".. and
	 * "0".., for {channel} and {channel0}); "" on other devices. */
	char channel[24], channel0[24];
	/* Owned array of the cameras behind a recorder, by channel. */
	struct cs_camsim_device *attached;
	size_t nattached;
	/* Owned values of model->vars then prof->vars, in that order. */
	char **vals;
	size_t nvals;
};

/*
 * Parses "a.b.c.d/len".  Returns 0; CS_EINVAL if malformed or the prefix
 * leaves no usable address (len > 30); CS_ESCOPE if it is not entirely
 * inside 127.0.0.0/8.
 */
int cs_camsim_cidr_parse(const char *s, struct cs_camsim_cidr *out);

/*
 * Returns how many addresses of c camsim may use: all but the network and
 * broadcast addresses, and never 127.0.0.1.
 */
uint64_t cs_camsim_cidr_usable(const struct cs_camsim_cidr *c);

/*
 * Returns the next value of a splitmix64 generator whose state is *st.
 */
uint64_t cs_camsim_rand(uint64_t *st);

/*
 * Appends to out (size outsz, NUL-terminated, truncated to fit) the value
 * generated from pattern: '#' a decimal digit, '@' an upper-case letter,
 * '*' an upper-case hex digit, '%' a lower-case hex digit, "\\c" the
 * character c, "{name}" a value of d named as in camsim_proto.h (only
 * values already set), anything else itself.  Draws from *st.
 */
void cs_camsim_gen_pattern(char *out, size_t outsz, const char *pattern,
			   uint64_t *st, const struct cs_camsim_device *d);

/*
 * Builds n devices on distinct addresses of c for the mix of set.
 * Requires n <= cs_camsim_cidr_usable(c) and n <= CS_CAMSIM_MAX_DEVICES.
 * On success stores an array sorted by address in *out (caller frees
 * with cs_camsim_estate_free(); it borrows from set, which must outlive
 * it) and returns 0; returns CS_EINVAL if n does not fit.
 */
int cs_camsim_estate_build(const struct cs_camsim_set *set,
			   const struct cs_camsim_cidr *c, size_t n,
			   uint64_t seed, struct cs_camsim_device **out);

/*
 * Builds one device of the set's first mix profile on address addr (host
 * byte order; any address: the caller checks where it may be used), with
 * the same per-device values cs_camsim_estate_build() would give it.
 * Stores an array of one device in *out (free with
 * cs_camsim_estate_free(*out, 1)) and returns 0.
 */
int cs_camsim_device_build(const struct cs_camsim_set *set, uint32_t addr,
			   uint64_t seed, struct cs_camsim_device **out);

/* Frees an array from cs_camsim_estate_build(); NULL is ignored. */
void cs_camsim_estate_free(struct cs_camsim_device *d, size_t n);

/*
 * Writes the ground truth of the n devices as JSON Lines to f (which the
 * caller owns and closes).  Returns 0 or CS_EIO.
 */
int cs_camsim_manifest_write(FILE *f, const struct cs_camsim_device *d,
			     size_t n);

/*
 * Returns the value of the template variable name (len bytes, not NUL
 * terminated) for d, or NULL if d has no such value.  The pointer is
 * borrowed from d.  Dynamic values (date, nonce, cseq) are not handled
 * here but in camsim_proto.c.
 */
const char *cs_camsim_device_var(const struct cs_camsim_device *d,
				 const char *name, size_t len);

#endif /* CS_CAMSIM_ESTATE_H */
