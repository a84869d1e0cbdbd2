/* SPDX-License-Identifier: ISC */
/*
 * The kernel's IPv4 neighbour table as Linux prints it in /proc/net/arp
 * (and, at the end, the IPv6 one, read over netlink):
 *
 *   IP address       HW type     Flags       HW address            Mask     Device
 *   198.18.0.11      0x1         0x2         58:50:ed:1f:e3:85     *        veth0
 *
 * A pure, bounded line parser (no I/O, no globals) plus a small reader.
 * Only complete Ethernet entries (HW type 0x1, flag ATF_COM 0x2, a
 * non-zero unicast address) are returned.
 */
#ifndef CS_ENGINE_NEIGH_H
#define CS_ENGINE_NEIGH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CS_NEIGH_LINE_MAX 256        /* bytes of one table line */
#define CS_NEIGH_FILE_MAX (1u << 20) /* bytes of the table read */

struct cs_neigh {
	uint32_t ip;    /* host byte order */
	uint8_t mac[6];
	char dev[16];   /* interface name, NUL-terminated */
};

/*
 * Parses one line (p, n bytes, no newline; need not be NUL-terminated)
 * of the table.  Returns 0 and fills *out for a complete Ethernet entry;
 * CS_ENOTFOUND for the header line or an incomplete, non-Ethernet or
 * all-zero entry; CS_EPROTO for a line that does not have the six
 * fields or whose address, flags or MAC do not parse; CS_ELIMIT for a
 * line longer than CS_NEIGH_LINE_MAX or a device name longer than 15.
 */
int cs_neigh_parse_line(const uint8_t *p, size_t n, struct cs_neigh *out);

/*
 * Finds ip in a whole table (p, n bytes, borrowed) on interface dev
 * (NULL or "": any).  Malformed lines are skipped.  Returns 0 and fills
 * mac, or CS_ENOTFOUND.
 */
int cs_neigh_find(const uint8_t *p, size_t n, const char *dev, uint32_t ip,
		  uint8_t mac[6]);

/*
 * Reads the table at path (NULL: /proc/net/arp; at most
 * CS_NEIGH_FILE_MAX bytes) and looks ip up as cs_neigh_find.  Returns 0,
 * CS_ENOTFOUND, or CS_EIO when the file cannot be read.
 */
int cs_neigh_lookup(const char *path, const char *dev, uint32_t ip,
		    uint8_t mac[6]);

/*
 * The IPv6 neighbour table (NDP), which Linux gives only over netlink: a
 * dump of RTM_NEWNEIGH messages (struct ndmsg, then NDA_DST and
 * NDA_LLADDR attributes).  cs_neigh6_find is the pure, bounded parser of
 * one received buffer of such messages (read with memcpy, no alignment
 * assumed): it returns 0 and fills mac when an entry of family AF_INET6
 * for ip (16 bytes, network order) on interface ifindex (0: any) is
 * usable (reachable, stale, delay, probe or permanent) with a non-zero
 * unicast Ethernet address; CS_ENOTFOUND otherwise.  *done is set when
 * the buffer holds the dump's NLMSG_DONE (or an NLMSG_ERROR); a message
 * whose length is short or runs past the buffer ends the parse.
 */
int cs_neigh6_find(const uint8_t *p, size_t n, int ifindex,
		   const uint8_t ip[16], uint8_t mac[6], bool *done);

/*
 * Dumps the kernel's IPv6 neighbour table over netlink (at most
 * CS_NEIGH_FILE_MAX bytes) and looks ip up as cs_neigh6_find.  Returns
 * 0, CS_ENOTFOUND, or CS_EIO when netlink cannot be used.
 */
int cs_neigh6_lookup(int ifindex, const uint8_t ip[16], uint8_t mac[6]);

#endif /* CS_ENGINE_NEIGH_H */
