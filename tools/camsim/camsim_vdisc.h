/* SPDX-License-Identifier: ISC */
/*
 * camsim's responders for the vendor discovery protocols of
 * /work/shared/docs/discovery-protocols.md: Dahua legacy 5050 (§11),
 * Bosch (§1), Hanwha (§2), Panasonic/i-PRO (§3), Sony SRG/BRC and SNC
 * (§4), Vivotek (§5), Foscam (§6), Vstarcam (§7), Ubiquiti (§8), 360
 * Vision (§9), NICE (§10) and GigE Vision (§13).  Pure functions from one
 * received datagram to the reply: only the protocol's inquiry is
 * answered (every other message, a set-IP or reboot command included, is
 * ignored), and nothing from the request is echoed but a transaction id.
 * Replies carry the device's truth values (model, firmware, serial, MAC)
 * and the profile vars adv_ip (the address a reply names) and disc_name
 * (a user-assigned name; default the model).
 */
#ifndef CS_CAMSIM_VDISC_H
#define CS_CAMSIM_VDISC_H

#include "core/buf.h"
#include "core/cs.h"
#include "camsim_estate.h"
#include "camsim_profile.h"

/*
 * Appends device d's reply to the datagram in (protocol k, one of the
 * vendor protocols) to out; out is left empty when in is not k's
 * inquiry.  Returns 0 or a cs_buf error.
 */
int cs_camsim_vdisc_answer(const struct cs_camsim_device *d,
			   enum cs_camsim_disc k, struct cs_span in,
			   struct cs_buf *out);

#endif /* CS_CAMSIM_VDISC_H */
