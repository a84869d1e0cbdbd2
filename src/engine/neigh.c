/* SPDX-License-Identifier: ISC */
/* The /proc/net/arp parser and reader, and the IPv6 (netlink) one; see
 * neigh.h. */
#include "engine/neigh.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "core/addr.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/text.h"
#include "core/poison.h"

#define NFIELDS 6

/* Parses "0x" followed by 1-8 hex digits. */
static int
parse_hex(struct cs_span s, unsigned *out)
{
	unsigned v = 0;

	if (s.n < 3 || s.n > 10 || s.p[0] != '0' || (s.p[1] | 0x20) != 'x')
		return CS_EPROTO;
	for (size_t i = 2; i < s.n; i++) {
		int h = cs_hexval(s.p[i]);

		if (h < 0)
			return CS_EPROTO;
		v = v << 4 | (unsigned)h;
	}
	*out = v;
	return 0;
}

int
cs_neigh_parse_line(const uint8_t *p, size_t n, struct cs_neigh *out)
{
	struct cs_span f[NFIELDS];
	size_t nf = 0, i = 0;
	unsigned hw, flags;
	bool zero = true;

	if (n > CS_NEIGH_LINE_MAX)
		return CS_ELIMIT;
	while (i < n) {
		size_t start;

		while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
			i++;
		if (i >= n)
			break;
		start = i;
		while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			i++;
		if (nf >= 1 && cs_span_istarts(f[0], "IP"))
			return CS_ENOTFOUND; /* the header line */
		if (nf >= NFIELDS)
			return CS_EPROTO;
		f[nf].p = p + start;
		f[nf].n = i - start;
		nf++;
	}
	if (nf != NFIELDS)
		return CS_EPROTO;
	memset(out, 0, sizeof(*out));
	if (cs_ipv4_parse(f[0], 0, &out->ip) != 0 ||
	    parse_hex(f[1], &hw) != 0 || parse_hex(f[2], &flags) != 0 ||
	    cs_hwaddr_parse(f[3], CS_HWADDR_COLON, out->mac) != 0)
		return CS_EPROTO;
	if (f[5].n >= sizeof(out->dev))
		return CS_ELIMIT;
	cs_span_copy(out->dev, sizeof(out->dev), f[5]);
	for (size_t k = 0; k < 6; k++)
		zero = zero && out->mac[k] == 0;
	if (hw != 1 || !(flags & 0x2) || zero || (out->mac[0] & 1))
		return CS_ENOTFOUND;
	return 0;
}

int
cs_neigh_find(const uint8_t *p, size_t n, const char *dev, uint32_t ip,
	      uint8_t mac[6])
{
	size_t i = 0;

	while (i < n) {
		const uint8_t *nl = memchr(p + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (p + i)) : n - i;
		struct cs_neigh e;

		if (cs_neigh_parse_line(p + i, len, &e) == 0 && e.ip == ip &&
		    (dev == NULL || *dev == '\0' || strcmp(dev, e.dev) == 0)) {
			memcpy(mac, e.mac, 6);
			return 0;
		}
		i += len + 1;
	}
	return CS_ENOTFOUND;
}

int
cs_neigh_lookup(const char *path, const char *dev, uint32_t ip, uint8_t mac[6])
{
	struct cs_buf b;
	int rc;

	cs_buf_init(&b, CS_NEIGH_FILE_MAX);
	rc = cs_file_read(path ? path : "/proc/net/arp", CS_NEIGH_FILE_MAX, &b,
			  NULL);
	/* A table longer than the cap is looked up in its first part. */
	if (rc == 0 || rc == CS_ELIMIT)
		rc = cs_neigh_find(b.p ? b.p : (const uint8_t *)"", b.len, dev,
				   ip, mac);
	cs_buf_free(&b);
	return rc;
}

/* ---- IPv6: the netlink neighbour dump ---- */

/* NUD states whose link-layer address can be trusted. */
#define NUD_USABLE                                                             \
	(NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT)

/* One RTM_NEWNEIGH message's body (p, n bytes): 0 and mac when it is the
 * usable entry sought. */
static int
neigh6_msg(const uint8_t *p, size_t n, int ifindex, const uint8_t ip[16],
	   uint8_t mac[6])
{
	struct ndmsg nd;
	size_t off = NLMSG_ALIGN(sizeof(nd));
	bool have_dst = false, have_ll = false;
	uint8_t ll[6];
	bool zero = true;

	if (n < sizeof(nd))
		return CS_ENOTFOUND;
	memcpy(&nd, p, sizeof(nd));
	if (nd.ndm_family != 10 /* AF_INET6 */ ||
	    (ifindex != 0 && nd.ndm_ifindex != ifindex) ||
	    !(nd.ndm_state & NUD_USABLE))
		return CS_ENOTFOUND;
	while (off + sizeof(struct rtattr) <= n) {
		struct rtattr a;
		size_t alen;

		memcpy(&a, p + off, sizeof(a));
		alen = a.rta_len;
		if (alen < sizeof(a) || alen > n - off)
			return CS_ENOTFOUND;
		if (a.rta_type == NDA_DST && alen == sizeof(a) + 16) {
			if (memcmp(p + off + sizeof(a), ip, 16) != 0)
				return CS_ENOTFOUND;
			have_dst = true;
		} else if (a.rta_type == NDA_LLADDR && alen == sizeof(a) + 6) {
			memcpy(ll, p + off + sizeof(a), 6);
			have_ll = true;
		}
		off += RTA_ALIGN(alen);
	}
	if (!have_dst || !have_ll)
		return CS_ENOTFOUND;
	for (size_t k = 0; k < 6; k++)
		zero = zero && ll[k] == 0;
	if (zero || (ll[0] & 1))
		return CS_ENOTFOUND;
	memcpy(mac, ll, 6);
	return 0;
}

int
cs_neigh6_find(const uint8_t *p, size_t n, int ifindex, const uint8_t ip[16],
	       uint8_t mac[6], bool *done)
{
	size_t off = 0;

	*done = false;
	while (off + sizeof(struct nlmsghdr) <= n) {
		struct nlmsghdr h;

		memcpy(&h, p + off, sizeof(h));
		if (h.nlmsg_len < sizeof(h) || h.nlmsg_len > n - off)
			return CS_ENOTFOUND;
		if (h.nlmsg_type == NLMSG_DONE || h.nlmsg_type == NLMSG_ERROR) {
			*done = true;
			return CS_ENOTFOUND;
		}
		if (h.nlmsg_type == RTM_NEWNEIGH &&
		    neigh6_msg(p + off + NLMSG_HDRLEN,
			       h.nlmsg_len > NLMSG_HDRLEN
				   ? h.nlmsg_len - NLMSG_HDRLEN
				   : 0,
			       ifindex, ip, mac) == 0)
			return 0;
		off += NLMSG_ALIGN(h.nlmsg_len);
	}
	return CS_ENOTFOUND;
}

int
cs_neigh6_lookup(int ifindex, const uint8_t ip[16], uint8_t mac[6])
{
	struct {
		struct nlmsghdr h;
		struct ndmsg nd;
	} req;
	struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
	uint8_t *buf;
	size_t total = 0;
	int fd, rc = CS_ENOTFOUND;
	bool done = false;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return CS_EIO;
	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = RTM_GETNEIGH;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = 1;
	req.nd.ndm_family = AF_INET6;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) != (ssize_t)sizeof(req)) {
		close(fd);
		return CS_EIO;
	}
	buf = malloc(65536);
	if (buf == NULL) {
		close(fd);
		return CS_EIO;
	}
	/* Each datagram holds whole messages; the dump ends with
	 * NLMSG_DONE.  At most CS_NEIGH_FILE_MAX bytes are read. */
	while (!done && total < CS_NEIGH_FILE_MAX) {
		ssize_t got = recv(fd, buf, 65536, 0);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			rc = CS_EIO;
			break;
		}
		total += (size_t)got;
		if (cs_neigh6_find(buf, (size_t)got, ifindex, ip, mac, &done) ==
		    0) {
			rc = 0;
			break;
		}
	}
	free(buf);
	close(fd);
	return rc;
}
