/* SPDX-License-Identifier: ISC */
/*
 * The one decoder per protocol: raw device messages (an HTTP or RTSP
 * reply, a SOAP document, a discovery datagram, a vendor API answer)
 * into observations of the vocabulary of docs/fingerprints.md §1
 * (declared in parse/obskeys.h).  Both the scanner's probes (src/probe)
 * and `camsweep identify` (src/ident) call cs_decode, so the same bytes
 * give the same observations on either path.
 *
 * Decoders read what they can from partial input: a reply cut at a
 * capture's snap length, a SOAP Body without its Envelope, a bare
 * element or JSON fragment, JSON with a slip (trailing comma, single
 * quotes, unquoted keys) or without its binary framing, stray bytes
 * around it.  Observations obtained that way carry CS_OBS_SALVAGED.
 * They never read outside [p, p + n).
 *
 * The decoders are pure functions of their input; a context only holds
 * scratch space, so use one per thread.
 */
#ifndef CS_PARSE_DECODE_H
#define CS_PARSE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cs.h"
#include "core/obs.h"

/*
 * Resolves a MAC address (6 bytes) to its maker (canonical entity name)
 * and the IEEE registrant.  bits is 48 for a whole address; for a
 * registry prefix given alone (90:02:A9, 90:02:A9:1/28) it is the
 * prefix length (24 to 44, a multiple of 4; the bytes after it are 0),
 * and only assignments of at most that many bits may answer.  Writes
 * NUL-terminated strings (either may be left "") and returns 0, or
 * returns CS_ENOTFOUND.  arg is the pointer given with the function.
 */
typedef int (*cs_dec_mac_fn)(void *arg, const uint8_t mac[6], unsigned bits,
			     char *maker, size_t makersz, char *registrant,
			     size_t regsz);

/* Scratch space of the decoders; opaque. */
struct cs_dec;

/* Returns a new context (aborts on OOM); free it with cs_dec_free. */
struct cs_dec *cs_dec_new(void);
/* Frees d; NULL is a no-op. */
void cs_dec_free(struct cs_dec *d);
/* Sets (fn may be NULL to unset) the MAC resolver d uses. */
void cs_dec_set_mac_lookup(struct cs_dec *d, cs_dec_mac_fn fn, void *arg);

/* True if kind (NUL-terminated) is a kind cs_decode knows. */
bool cs_dec_kind_known(const char *kind);
/* True for kinds whose messages are binary (dhip, dvrip, mdns, ...). */
bool cs_dec_kind_binary(const char *kind);
/* The i-th known kind (i < cs_dec_kind_count()), in table order. */
const char *cs_dec_kind_name(size_t i);
size_t cs_dec_kind_count(void);

/*
 * Decodes one message of the given kind (p, n bytes, borrowed for the
 * call) seen on port (0 if unknown; service may be NULL) and appends
 * its observations to obs (copies).  Returns 0; CS_EPROTO if nothing
 * could be read from it (it is then recorded as a "<kind>.malformed"
 * observation flagged CS_OBS_MALFORMED, holding the raw bytes);
 * CS_ENOTFOUND for an unknown kind (nothing is recorded).
 */
int cs_decode(struct cs_dec *d, const char *kind, const uint8_t *p, size_t n,
	      uint16_t port, const char *service, struct cs_obs_list *obs);

/*
 * True if the last cs_decode with d read the observations the list held
 * (a decoder that adds a value only once per list does): its result then
 * depended on them, not on the message alone.  Otherwise it appended the
 * same observations whatever the list held, unless the list was full.
 */
bool cs_dec_read_list(const struct cs_dec *d);
/*
 * Parses a MAC address written as aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff,
 * aabb.ccdd.eeff (Cisco), aabbccddeeff, "aa bb cc dd ee ff" (an SNMP
 * Hex-STRING) or with Net-SNMP's one-digit bytes after ':'
 * (3c:ef:8c:8:4e:1e); either case, surrounding whitespace ignored.  One
 * kind of separator, six groups (three of four digits for '.'); "::",
 * 13 digits or a 4-digit group with ':' (IPv6) are refused.  Returns 0
 * and fills mac, or CS_EPROTO.
 */
int cs_dec_mac_parse(const uint8_t *p, size_t n, uint8_t mac[6]);
/*
 * Parses a registry prefix written alone (90:02:A9, 90-02-A9, 9002A9,
 * 90:02:A9:1 for a 28-bit block, 90:02:A9:12:3, optionally with a mask
 * suffix /24 .. /44, or a whole address with its mask,
 * 90:02:A9:10:00:00/28).  Returns 0, fills mac (bits after the prefix
 * 0) and *bits (24 to 44, a multiple of 4), or CS_EPROTO.
 */
int cs_dec_mac_prefix_parse(const uint8_t *p, size_t n, uint8_t mac[6],
			    unsigned *bits);

#endif /* CS_PARSE_DECODE_H */
