/* SPDX-License-Identifier: ISC */
/* Differences between two scans; see diff.h. */
#include "audit/diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit/scope.h"
#include "core/alloc.h"
#include "core/cs.h"
#include "core/str.h"
#include "core/poison.h"

struct devs {
	struct cs_audit_dev *v;
	size_t n, cap;
};

static int
collect_dev(void *arg, const struct cs_device_row *row)
{
	struct devs *d = arg;
	struct cs_audit_dev *x;

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = cs_xrealloc(d->v, d->cap, sizeof(*d->v));
	}
	x = &d->v[d->n++];
	cs_strlcpy(x->ip, row->ip, sizeof(x->ip));
	cs_strlcpy(x->mac, row->mac, sizeof(x->mac));
	x->id = row->id;
	x->first_seen = row->first_seen;
	x->device_id = row->device_id;
	cs_strlcpy(x->site, row->site, sizeof(x->site));
	return 0;
}

/* The device with the same identity; NULL if none. */
static const struct cs_audit_dev *
dev_by_id(const struct devs *d, int64_t device_id)
{
	if (device_id == 0)
		return NULL;
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].device_id == device_id)
			return &d->v[i];
	return NULL;
}

const char *
cs_audit_change_name(enum cs_audit_change c)
{
	static const char *const names[] = {"new", "gone", "moved", "changed"};

	return (unsigned)c < CS_NELEM(names) ? names[c] : "?";
}

/* Describes what changed between x and y into d (empty if nothing). */
static void
changes(const struct cs_audit_dev *x, const struct cs_audit_dev *y, char *d,
	size_t dsz)
{
	d[0] = '\0';
	if (strcmp(x->id.firmware, y->id.firmware) != 0)
		snprintf(d, dsz, "firmware %s -> %s; ", x->id.firmware,
			 y->id.firmware);
	if (strcmp(x->id.manufacturer, y->id.manufacturer) != 0 ||
	    strcmp(x->id.brand, y->id.brand) != 0 ||
	    strcmp(x->id.model, y->id.model) != 0 ||
	    x->id.device_class != y->id.device_class) {
		size_t l = strlen(d);
		snprintf(d + l, dsz - l, "identity %s/%s/%s -> %s/%s/%s; ",
			 x->id.manufacturer, x->id.brand, x->id.model,
			 y->id.manufacturer, y->id.brand, y->id.model);
	}
	if (x->mac[0] && y->mac[0] && strcmp(x->mac, y->mac) != 0) {
		size_t l = strlen(d);
		snprintf(d + l, dsz - l, "mac %s -> %s; ", x->mac, y->mac);
	}
}

static void
emit(struct cs_audit_diff_result *res, cs_audit_diff_cb cb, void *arg,
     enum cs_audit_change what, const struct cs_audit_dev *a,
     const struct cs_audit_dev *b, const char *detail)
{
	res->count[what]++;
	if (cb != NULL)
		cb(arg, what, a, b, detail);
}

int
cs_audit_diff(struct cs_store *st, int64_t sa, int64_t sb, cs_audit_diff_cb cb,
	      void *arg, struct cs_audit_diff_result *res)
{
	struct devs a = {0}, b = {0};
	struct cs_scope sc_a, sc_b;
	struct cs_scan_state ss;
	int ret = CS_EIO;

	memset(res, 0, sizeof(*res));
	if (cs_store_scan_get(st, sa, &ss) != 0 ||
	    cs_store_scan_get(st, sb, &ss) != 0)
		return CS_ENOTFOUND;
	if (cs_store_each_device(st, sa, collect_dev, &a) != 0 ||
	    cs_store_each_device(st, sb, collect_dev, &b) != 0)
		goto out;
	/* Compare only where both scans looked: a device outside the
	 * other scan's scope was not looked for there, so it is neither
	 * new nor gone. */
	res->have_a = cs_audit_recorded_scope(st, sa, false, &sc_a);
	res->have_b = cs_audit_recorded_scope(st, sb, false, &sc_b);
	for (size_t i = 0; i < b.n; i++) {
		const struct cs_audit_dev *y = &b.v[i];
		const struct cs_audit_dev *x = dev_by_id(&a, y->device_id);
		char d[512];
		if (x == NULL && res->have_a &&
		    !cs_audit_scope_has(&sc_a, y->ip)) {
			res->outside_a++;
			continue;
		}
		if (x != NULL && strcmp(x->ip, y->ip) != 0) {
			snprintf(d, sizeof(d), "moved from %s", x->ip);
			emit(res, cb, arg, CS_AUDIT_MOVED, x, y, d);
			continue;
		}
		if (x == NULL) {
			emit(res, cb, arg, CS_AUDIT_NEW, NULL, y, "");
			continue;
		}
		changes(x, y, d, sizeof(d));
		if (d[0])
			emit(res, cb, arg, CS_AUDIT_CHANGED, x, y, d);
	}
	for (size_t i = 0; i < a.n; i++) {
		const struct cs_audit_dev *x = &a.v[i];
		if (dev_by_id(&b, x->device_id) != NULL)
			continue;
		if (res->have_b && !cs_audit_scope_has(&sc_b, x->ip)) {
			res->outside_b++;
			continue;
		}
		emit(res, cb, arg, CS_AUDIT_GONE, x, NULL, "");
	}
	if (res->have_a)
		cs_scope_free(&sc_a);
	if (res->have_b)
		cs_scope_free(&sc_b);
	ret = 0;
out:
	free(a.v);
	free(b.v);
	return ret;
}
