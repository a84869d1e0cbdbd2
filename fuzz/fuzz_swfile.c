/* SPDX-License-Identifier: ISC */
/*
 * Fuzz target: the switches file (switch/swfile.c, operator input holding
 * SNMP secrets).  A file that parses gives devices with a name, a
 * canonical address, version 2 with a community or version 3 with a user
 * (and each passphrase with its protocol), unique names; a file that
 * does not says why as "name:line:" and never quotes the secrets a line
 * gave (here: any word after "community=" or "-pass=").
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "core/addr.h"
#include "switch/switch.h"
#include "core/poison.h"

#define NAME "f.switches"

static void
check_str(const char *s, size_t sz)
{
	if (memchr(s, '\0', sz) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cs_sw_file f;
	char err[2048];
	int rc;

	memset(err, 'x', sizeof(err));
	rc = cs_sw_file_parse(&f, NAME, data, size, err, sizeof(err));
	check_str(err, sizeof(err));
	if (rc != 0) {
		if (f.n != 0 || f.v != NULL ||
		    strncmp(err, NAME ":", strlen(NAME ":")) != 0)
			abort();
		return 0;
	}
	if (err[0] != '\0' || f.n == 0 || f.n > CS_SW_MAX_DEVICES)
		abort();
	for (size_t i = 0; i < f.n; i++) {
		const struct cs_sw_conf *c = &f.v[i];
		uint8_t a[16];

		check_str(c->name, sizeof(c->name));
		check_str(c->addr, sizeof(c->addr));
		check_str(c->community, sizeof(c->community));
		check_str(c->user, sizeof(c->user));
		check_str(c->auth_pass, sizeof(c->auth_pass));
		check_str(c->priv_pass, sizeof(c->priv_pass));
		if (c->name[0] == '\0' || cs_ip_family(c->addr, a) == 0 ||
		    c->port == 0 || c->line == 0)
			abort();
		if (c->version == 2) {
			if (c->community[0] == '\0' || c->user[0] != '\0' ||
			    c->auth != CS_SW_AUTH_NONE)
				abort();
		} else if (c->version == 3) {
			if (c->user[0] == '\0' || c->community[0] != '\0' ||
			    (c->auth != CS_SW_AUTH_NONE) !=
				(strlen(c->auth_pass) >= 8) ||
			    (c->priv != CS_SW_PRIV_NONE) !=
				(strlen(c->priv_pass) >= 8) ||
			    (c->priv != CS_SW_PRIV_NONE &&
			     c->auth == CS_SW_AUTH_NONE))
				abort();
		} else
			abort();
		for (size_t j = 0; j < i; j++)
			if (strcmp(f.v[j].name, c->name) == 0)
				abort();
	}
	cs_sw_file_free(&f);
	if (f.n != 0 || f.v != NULL)
		abort();
	return 0;
}
