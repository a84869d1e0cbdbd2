/* SPDX-License-Identifier: ISC */
/*
 * camsim's UDP discovery responders: ONVIF WS-Discovery, Hikvision SADP,
 * Dahua DHIP and legacy 5050 discovery, SSDP (with the UPnP description
 * served over HTTP), mDNS/DNS-SD and the Xiongmai search.  Pure functions
 * (no I/O, no globals) from one received datagram to the datagram to send
 * back to its sender; the event loop in camsim.c does the sockets.  Wire
 * facts are from /work/shared/docs/protocols.md; what a reply carries is
 * the device's truth values (model, firmware, serial, MAC) plus these
 * optional profile vars:
 *   adv_ip       the address the replies advertise (default: the device's
 *                own; a hostile profile points it elsewhere)
 *   http_port    default: the profile's first http port, else 80
 *   wsd_name, wsd_location   ONVIF name/ and location/ scope values
 *   sadp_type    SADP DeviceType (default 141945)
 *   dhip_vendor, dhip_class  DHIP Vendor and DeviceClass
 *   ssdp_server  SSDP SERVER header
 *   mdns_services  space-separated service types ("_http._tcp")
 *   mdns_instance  DNS-SD instance name
 *   disc_cut       cut every discovery reply to this many bytes
 *   disc_garble    "1": flip every byte after the first 8 of a reply
 * The vendor protocols (Bosch, Hanwha ... GigE Vision) are answered by
 * camsim_vdisc.c.
 * Client bytes are hostile: parsing is bounded and nothing from a request
 * is echoed except a WS-Discovery MessageID, a SADP Uuid and a DNS ID,
 * each only when made of a small safe character set.
 */
#ifndef CS_CAMSIM_DISC_H
#define CS_CAMSIM_DISC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/cs.h"
#include "camsim_estate.h"
#include "camsim_profile.h"
#include "camsim_proto.h"

/* Path of the UPnP description that SSDP replies point to. */
#define CS_CAMSIM_UPNP_PATH "/upnp/device.xml"

/* Largest datagram a responder reads or writes. */
#define CS_CAMSIM_DISC_MAX 9000

/* Where a discovery protocol listens. */
struct cs_camsim_disc_info {
	uint16_t port;       /* UDP port */
	const char *group;   /* IPv4 multicast group, or NULL (broadcast) */
	uint16_t reply_port; /* fixed port replies go to (the sender's
				address); 0: the sender's port */
};

/* Returns the port and group of protocol k (a static object). */
const struct cs_camsim_disc_info *cs_camsim_disc_info(enum cs_camsim_disc k);

/*
 * Answers the datagram in (hostile, borrowed for the call) received on
 * protocol k's port, for device d.  Appends the reply datagram to out
 * and returns 0; out is left empty when the datagram asks for nothing
 * this device offers (or is not a request of k at all).  Returns a
 * cs_buf error (CS_ELIMIT) if the reply does not fit.
 */
int cs_camsim_disc_answer(const struct cs_camsim_device *d,
			  enum cs_camsim_disc k, struct cs_span in,
			  const struct cs_camsim_dyn *dyn, struct cs_buf *out);

/*
 * Appends the WS-Discovery Hello (bye false) or Bye (bye true) that
 * device d multicasts when it starts or stops.  Returns 0 or a cs_buf
 * error.
 */
int cs_camsim_disc_hello(const struct cs_camsim_device *d, bool bye,
			 const struct cs_camsim_dyn *dyn, struct cs_buf *out);

/*
 * Appends the UPnP device description XML of d (manufacturer, modelName,
 * modelNumber, serialNumber, friendlyName, UDN).  Returns 0 or a cs_buf
 * error.
 */
int cs_camsim_disc_upnp_desc(const struct cs_camsim_device *d,
			     const struct cs_camsim_dyn *dyn,
			     struct cs_buf *out);

#endif /* CS_CAMSIM_DISC_H */
