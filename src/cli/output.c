/* SPDX-License-Identifier: ISC */
/* Terminal rendering of inventory rows; see output.h (the JSON
 * rendering is in out_json.c). */
#include "cli/output.h"

#include <stdio.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/text.h"
#include "core/poison.h"

/* One of three words for yes, no and not established (output.h). */
const char *
cs_out_surv_word(const struct cs_identity *id, const char *yes, const char *no,
		 const char *unknown)
{
	int s = cs_identity_surveillance(id);

	return s > 0 ? yes : s == 0 ? no : unknown;
}

/* Appends s escaped for a terminal, cut or padded to width columns. */
static void
cell(struct cs_buf *b, const char *s, int width)
{
	struct cs_buf tmp;
	size_t n;

	cs_buf_init(&tmp, 4096);
	cs_esc_term(&tmp, s, strlen(s));
	n = tmp.len;
	if (n > (size_t)width) {
		/* Cut on a UTF-8 boundary. */
		n = (size_t)width - 1;
		while (n > 0 && (tmp.p[n] & 0xC0) == 0x80)
			n--;
		cs_buf_add(b, tmp.p, n);
		cs_buf_adds(b, "~");
		n++;
	} else {
		cs_buf_add(b, tmp.p, n);
	}
	for (; n < (size_t)width + 1; n++)
		cs_buf_adds(b, " ");
	cs_buf_free(&tmp);
}

int
cs_out_ip_width(int w, const char *ip)
{
	size_t n = ip != NULL ? strlen(ip) : 0;

	/* 45: the longest IPv6 text (INET6_ADDRSTRLEN - 1). */
	if (n > 45)
		n = 45;
	return (int)n > w ? (int)n : w;
}

void
cs_out_table_head(FILE *f, int ipw)
{
	fprintf(f, "%-*s %-22s %-14s %-12s %-20s %-18s %-14s %-5s %s\n", ipw,
		"IP", "PORTS", "MANUFACTURER", "BRAND", "MODEL", "FIRMWARE",
		"CLASS", "SURV", "CONF");
}

void
cs_out_table_row(FILE *f, const struct cs_device_row *r, int ipw)
{
	struct cs_buf b;
	char ports[128];
	size_t k = 0;

	ports[0] = '\0';
	for (size_t i = 0; i < r->nports && k + 8 < sizeof(ports); i++)
		k += (size_t)snprintf(ports + k, sizeof(ports) - k, "%s%u",
				      i ? "," : "", r->ports[i]);
	cs_buf_init(&b, 1 << 16);
	cell(&b, r->ip, ipw);
	cell(&b, ports, 22);
	cell(&b, r->id.manufacturer[0] ? r->id.manufacturer : "-", 14);
	cell(&b, r->id.brand[0] ? r->id.brand : "-", 12);
	cell(&b, r->id.model[0] ? r->id.model : "-", 20);
	cell(&b, r->id.firmware[0] ? r->id.firmware : "-", 18);
	cell(&b, cs_class_name(r->id.device_class), 14);
	/* "?": not established (maker-only evidence; issue #11); "yes*":
	 * presumed from a cctv=mostly maker, class to confirm. */
	cell(&b,
	     cs_out_surv_word(&r->id,
			      cs_identity_surveillance_presumed(&r->id) ? "yes*"
									: "yes",
			      "no", "?"),
	     5);
	cs_buf_printf(&b, "%.2f\n", r->id.confidence);
	/* Cameras behind a recorder, indented under it. */
	for (size_t i = 0; i < r->natt; i++) {
		const struct cs_attachment *a = &r->att[i];
		char ch[24];

		snprintf(ch, sizeof(ch), "  ch%u", a->channel);
		cell(&b, ch, ipw);
		cell(&b, a->ip[0] ? a->ip : "-", 22);
		cell(&b, a->manufacturer[0] ? a->manufacturer : "-", 14);
		cell(&b, a->brand[0] ? a->brand : "-", 12);
		cell(&b,
		     a->id_model[0] ? a->id_model
				    : (a->model[0] ? a->model : "-"),
		     20);
		cell(&b, a->firmware[0] ? a->firmware : "-", 18);
		cell(&b, "attached", 14);
		cs_buf_adds(&b, "\n");
	}
	fwrite(b.p, 1, b.len, f);
	cs_buf_free(&b);
}
