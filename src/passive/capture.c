/* SPDX-License-Identifier: ISC */
/* libpcap front end of the passive listener; see capture.h. */
#define _GNU_SOURCE /* fopencookie: a gzip stream as a FILE for libpcap */
#include "passive/capture.h"

#include <pcap/pcap.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

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

/* Link types the decoder reads, from libpcap's DLT_ values. */
static int
link_of(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB:
		return CS_LINK_ETHER;
	case DLT_LINUX_SLL:
		return CS_LINK_SLL;
#ifdef DLT_LINUX_SLL2
	case DLT_LINUX_SLL2:
		return CS_LINK_SLL2;
#endif
	case DLT_RAW:
#if defined(DLT_IPV4) && defined(DLT_IPV6)
	case DLT_IPV4:
	case DLT_IPV6:
#endif
		return CS_LINK_RAW;
	default:
		return -1;
	}
}

static ssize_t
gz_read(void *cookie, char *buf, size_t n)
{
	int got = gzread((gzFile)cookie, buf,
			 (unsigned)(n > (1u << 30) ? 1u << 30 : n));

	return got < 0 ? -1 : got;
}

static int
gz_close(void *cookie)
{
	return gzclose((gzFile)cookie) == Z_OK ? 0 : -1;
}

/*
 * Opens a capture file: plain pcap/pcapng through libpcap, or the same
 * compressed with gzip (recognised by its magic bytes), decompressed as
 * it is read.
 */
static pcap_t *
open_file(const char *path, char *pe)
{
	unsigned char magic[2] = {0, 0};
	FILE *f = fopen(path, "rb");
	gzFile gz;
	pcap_t *h;

	if (f == NULL)
		return pcap_open_offline(path, pe); /* for its message */
	if (fread(magic, 1, 2, f) != 2 || magic[0] != 0x1f ||
	    magic[1] != 0x8b) {
		fclose(f);
		return pcap_open_offline(path, pe);
	}
	fclose(f);
	if ((gz = gzopen(path, "rb")) == NULL) {
		snprintf(pe, PCAP_ERRBUF_SIZE, "cannot open gzip stream");
		return NULL;
	}
	(void)gzbuffer(gz, 1u << 18);
	f = fopencookie(
	    gz, "rb",
	    (cookie_io_functions_t){.read = gz_read, .close = gz_close});
	if (f == NULL) {
		gzclose(gz);
		snprintf(pe, PCAP_ERRBUF_SIZE, "cannot open gzip stream");
		return NULL;
	}
	h = pcap_fopen_offline(f, pe); /* owns f from here on */
	if (h == NULL)
		fclose(f);
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
		h = open_file(o->file, pe);
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
	if (link_of(pcap_datalink(h)) < 0) {
		snprintf(
		    err, errsz,
		    "%s: link type %s is not one camsweep reads (Ethernet, "
		    "Linux cooked v1/v2, raw IP)",
		    o->file ? o->file : o->iface,
		    pcap_datalink_val_to_name(pcap_datalink(h))
			? pcap_datalink_val_to_name(pcap_datalink(h))
			: "?");
		pcap_close(h);
		return CS_EINVAL;
	}
	cs_passive_set_link(p, link_of(pcap_datalink(h)));
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
