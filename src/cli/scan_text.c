/* SPDX-License-Identifier: ISC */
/* nmap's conventions for scan: times with units and port lists as text
 * (scan_out.h). */
#include "cli/scan_out.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

int
cs_cli_parse_ms(const char *s, long long min_ms, long long max_ms,
		long long *out)
{
	static const struct {
		const char *suffix;
		long long mult;
	} units[] = {{"ms", 1}, {"s", 1000}, {"m", 60000}, {"h", 3600000}};
	char num[32];
	size_t len = strspn(s, "0123456789");
	long long v, mult = 1;

	if (len == 0 || len >= sizeof(num))
		return CS_EINVAL;
	if (s[len] != '\0') {
		size_t k = 0;
		while (k < CS_NELEM(units) && strcmp(s + len, units[k].suffix))
			k++;
		if (k == CS_NELEM(units))
			return CS_EINVAL;
		mult = units[k].mult;
	}
	memcpy(num, s, len);
	num[len] = '\0';
	if (cs_str_tonum(num, 0, max_ms, &v) != 0 || v > max_ms / mult ||
	    v * mult < min_ms)
		return CS_EINVAL;
	*out = v * mult;
	return 0;
}

static int
cmp_u16(const void *a, const void *b)
{
	return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

void
cs_cli_ports_text(const uint16_t *ports, size_t n, char *buf, size_t sz)
{
	uint16_t *v = cs_xcalloc(n ? n : 1, sizeof(*v));
	size_t k = 0;

	memcpy(v, ports, n * sizeof(*v));
	qsort(v, n, sizeof(*v), cmp_u16);
	buf[0] = '\0';
	for (size_t i = 0; i < n && k < sz;) {
		size_t j = i;
		while (j + 1 < n && v[j + 1] == v[j] + 1)
			j++;
		if (j == i)
			k += (size_t)snprintf(buf + k, sz - k, "%s%u",
					      k ? "," : "", v[i]);
		else
			k += (size_t)snprintf(buf + k, sz - k, "%s%u-%u",
					      k ? "," : "", v[i], v[j]);
		i = j + 1;
	}
	free(v);
}
