/* SPDX-License-Identifier: ISC */
/* libpcap front end of the passive listener; see capture.h. */
#include "passive/capture.h"

#include <pcap/pcap.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "core/str.h"
#include "core/poison.h"

static pcap_t *
open_live(const struct cs_capture_opts *o, char *pe)
{
	pcap_t *h = pcap_create(o->iface, pe);

	if (h == NULL)
		return NULL;
	if (pcap_set_snaplen(h, o->snaplen > 0 ? o->snaplen : 65535) != 0 ||
	    pcap_set_promisc(h, 1) != 0 || pcap_set_timeout(h, 250) != 0 ||
	    pcap_set_buffer_size(h, 8 << 20) != 0 || pcap_activate(h) < 0) {
		snprintf(pe, PCAP_ERRBUF_SIZE, "%s", pcap_geterr(h));
		pcap_close(h);
		return NULL;
	}
	return h;
}

int
cs_capture_run(struct cs_passive *p, const struct cs_capture_opts *o,
	       struct cs_capture_stats *st, char *err, size_t errsz)
{
	char pe[PCAP_ERRBUF_SIZE];
	struct cs_capture_stats local;
	struct pcap_pkthdr *hdr;
	const u_char *data;
	pcap_t *h;
	int rc, ret = 0;

	if (st == NULL)
		st = &local;
	memset(st, 0, sizeof(*st));
	pe[0] = '\0';
	if (o->file != NULL)
		h = pcap_open_offline(o->file, pe);
	else if (o->iface != NULL)
		h = open_live(o, pe);
	else {
		snprintf(err, errsz, "no capture file or interface");
		return CS_EINVAL;
	}
	if (h == NULL) {
		snprintf(err, errsz, "%s: %s", o->file ? o->file : o->iface,
			 pe);
		return CS_EIO;
	}
	if (pcap_datalink(h) != DLT_EN10MB) {
		snprintf(err, errsz, "%s: link type %s is not Ethernet",
			 o->file ? o->file : o->iface,
			 pcap_datalink_val_to_name(pcap_datalink(h))
			     ? pcap_datalink_val_to_name(pcap_datalink(h))
			     : "?");
		pcap_close(h);
		return CS_EINVAL;
	}
	if (o->file == NULL && pcap_setnonblock(h, 1, pe) != 0) {
		snprintf(err, errsz, "%s: %s", o->iface, pe);
		pcap_close(h);
		return CS_EIO;
	}
	if (o->file == NULL && o->filter != NULL && o->filter[0]) {
		struct bpf_program prog;

		if (pcap_compile(h, &prog, o->filter, 1,
				 PCAP_NETMASK_UNKNOWN) != 0 ||
		    pcap_setfilter(h, &prog) != 0) {
			snprintf(err, errsz, "filter: %s", pcap_geterr(h));
			pcap_close(h);
			return CS_EINVAL;
		}
		pcap_freecode(&prog);
	}
	if (o->ready != NULL && o->ready(o->ready_arg) != 0) {
		snprintf(err, errsz, "cannot drop privileges or enter the "
				     "sandbox");
		pcap_close(h);
		return CS_EIO;
	}
	for (;;) {
		if (o->stop != NULL && *o->stop)
			break;
		rc = pcap_next_ex(h, &hdr, &data);
		if (rc == 0) {
			/* Live, non-blocking: nothing ready.  Wait at most
			 * 250 ms so a stop request is seen even when no
			 * packet arrives (the pcap timeout alone may never
			 * fire on an idle TPACKET_V3 ring). */
			struct pollfd pfd = {.fd = pcap_get_selectable_fd(h),
					     .events = POLLIN};

			if (pfd.fd >= 0)
				(void)poll(&pfd, 1, 250);
			continue;
		}
		if (rc == PCAP_ERROR_BREAK)
			break; /* end of file */
		if (rc < 0) {
			snprintf(err, errsz, "%s: %s",
				 o->file ? o->file : o->iface, pcap_geterr(h));
			ret = CS_EIO;
			break;
		}
		st->frames++;
		(void)cs_passive_packet(p, (int64_t)hdr->ts.tv_sec, data,
					hdr->caplen, hdr->len);
	}
	if (o->file == NULL) {
		struct pcap_stat ps;

		if (pcap_stats(h, &ps) == 0)
			st->os_dropped = ps.ps_drop;
	}
	pcap_close(h);
	return ret;
}
