/* SPDX-License-Identifier: ISC */
/*
 * Sony network setup protocol (discovery-protocols.md §4): UDP 52380 for
 * SRG/BRC PTZ cameras and IP cards (framing and message set documented in
 * Sony's SRG-120DH, SRG-H40UH and SRG-280SHE technical manuals), UDP 2380
 * for SNC security cameras (the `ENQ:allinfo` variant and its keys rest
 * on UniversalScanner Sony.cs alone: ASSUMED).
 *
 * A frame is 0x02 (STX), units "NAME:value" each ended by 0xff, 0x03
 * (ETX).  The inquiry is one unit starting "ENQ:" (ENQ:network,
 * ENQ:allinfo).  A reply carries MODEL (model), SOFTVERSION (firmware),
 * MAC (hex octets joined by '-' or ':'), IPADR, NAME, SERIAL; keys are
 * compared without case and a value is split at the first ':' only.  The
 * "network setting" frame (MAC, IPADR, MASK, NAME... without MODEL or
 * SOFTVERSION; SET... units) and a bare ACK/NAK are "other"; an
 * "ACK:ENQ" unit before the fields (as an emulator documents) is kept.
 */
#include <string.h>

#include "core/str.h"
#include "parse/parse_vdisc.h"
#include "core/poison.h"

#define MAX_UNITS 64

int
cs_vd_sony_parse(const uint8_t *p, size_t n, struct cs_vdisc *out)
{
	size_t i = 1, units = 0;
	bool enq = false, ident = false, set = false;

	memset(out, 0, sizeof(*out));
	if (n < 3 || p[0] != 0x02)
		return CS_EPROTO;
	while (i < n && p[i] != 0x03 && units < MAX_UNITS) {
		size_t e = i, c;
		struct cs_span k, v;

		while (e < n && p[e] != 0xff)
			e++;
		if (e >= n)
			out->truncated = true;
		for (c = i; c < e && p[c] != ':'; c++)
			;
		k = cs_span_make(p + i, c - i);
		v = c < e ? cs_span_make(p + c + 1, e - c - 1)
			  : cs_span_make(p + e, 0);
		units++;
		if (cs_span_istarts(k, "ENQ"))
			enq = true;
		else if (cs_span_istarts(k, "SET"))
			set = true;
		if (cs_span_ieq(k, "MODEL") || cs_span_ieq(k, "MODELNAME")) {
			cs_vd_text(out->model, sizeof(out->model), v.p, v.n);
			ident = true;
		} else if (cs_span_ieq(k, "SOFTVERSION")) {
			cs_vd_text(out->firmware, sizeof(out->firmware), v.p,
				   v.n);
			ident = true;
		} else if (cs_span_ieq(k, "SERIAL")) {
			cs_vd_text(out->serial, sizeof(out->serial), v.p, v.n);
			ident = true;
		} else if (cs_span_ieq(k, "MAC")) {
			cs_vd_mac_text(out, v.p, v.n);
		} else if (cs_span_ieq(k, "IPADR")) {
			cs_vd_text(out->ipv4, sizeof(out->ipv4), v.p, v.n);
		} else if (cs_span_ieq(k, "NAME")) {
			cs_vd_text(out->name, sizeof(out->name), v.p, v.n);
		}
		i = e + 1;
	}
	if (units == 0 || (i >= n && !out->truncated && p[n - 1] != 0x03))
		out->truncated = true;
	if (enq && units == 1 && !ident) {
		out->msg = CS_VD_INQUIRY;
		return 0;
	}
	if (ident && !set && !enq) {
		out->msg = CS_VD_REPLY;
		return 0;
	}
	if (units == 0)
		return CS_EPROTO;
	/* A network setting, an ACK/NAK, several ENQ units ... */
	memset(out, 0, sizeof(*out));
	out->msg = CS_VD_OTHER;
	return 0;
}
