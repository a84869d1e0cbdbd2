/* SPDX-License-Identifier: ISC */
/*
 * Uploads a sensor's local spool into the central inventory through the
 * public store interface (no SQL here).
 */
#include "store/upload.h"

#include <pthread.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include <stdbool.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/obs.h"
#include "core/str.h"
#include "core/poison.h"

/* Hosts of one spool scan, in each_device order, with observations. */
struct host_obs {
	char ip[46];
	struct cs_obs_list obs;
};

struct scan_copy {
	struct host_obs *h;
	size_t n, cap;
	size_t next;              /* pass 2: index of the next row */
	struct cs_store *central; /* pass 2 */
	int64_t central_scan;     /* pass 2 */
	struct cs_upload_stats *st;
	int rc;
	char err[256];
};

/* Pass 1: remember the IPs. */
static int
collect_ip(void *arg, const struct cs_device_row *row)
{
	struct scan_copy *c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->h = cs_xrealloc(c->h, c->cap, sizeof(*c->h));
	}
	cs_strlcpy(c->h[c->n].ip, row->ip, sizeof(c->h[c->n].ip));
	cs_obs_list_init(&c->h[c->n].obs);
	c->n++;
	return 0;
}

static int
collect_obs(void *arg, const struct cs_obs *o)
{
	struct cs_obs_list *l = arg;

	/* cs_obs_add counts what its cap refuses; that count is kept. */
	cs_obs_add(l, o->key, o->port, o->flags, o->val, o->len);
	return 0;
}

/* Pass 2: put each row into central with its observations. */
static int
put_row(void *arg, const struct cs_device_row *row)
{
	struct scan_copy *c = arg;
	struct host_obs *ho;
	int rc;

	if (c->next >= c->n || strcmp(c->h[c->next].ip, row->ip) != 0) {
		snprintf(c->err, sizeof(c->err),
			 "spool changed during upload (%s)", row->ip);
		c->rc = CS_EIO;
		return 1;
	}
	ho = &c->h[c->next++];
	struct cs_host_result h = {
	    .ip = row->ip,
	    .ports = row->ports,
	    .nports = row->nports,
	    .obs = &ho->obs,
	    .id = &row->id,
	    .seen_at = row->last_seen,
	    .mac = row->mac,
	    .att = row->att,
	    .natt = row->natt,
	    .site = row->site,
	    .serial = row->serial,
	};
	if ((rc = cs_store_put_host(c->central, c->central_scan, &h)) != 0) {
		snprintf(c->err, sizeof(c->err), "central: %s",
			 cs_store_errmsg(c->central));
		c->rc = rc;
		return 1;
	}
	c->st->hosts++;
	c->st->obs += ho->obs.n;
	return 0;
}

static void
copy_free(struct scan_copy *c)
{
	for (size_t i = 0; i < c->n; i++)
		cs_obs_list_free(&c->h[i].obs);
	free(c->h);
	c->h = NULL;
	c->n = c->cap = 0;
}

/* Copies spool scan id; 0 or an error with c->err set. */
static int
upload_scan(struct cs_store *spool, struct cs_store *central, int64_t id,
	    struct scan_copy *c, struct cs_scan_state *ss)
{
	char options[320], cst[16];
	struct cs_scan_info info;
	int64_t cid, token;
	uint64_t wm;
	int rc;

	/*
	 * The central copy is named by a token kept in the spool from the
	 * first attempt on, so that every attempt finds the same copy: a
	 * cut-off upload is continued, and a copy already complete (its
	 * delivery mark lost) is only marked, never sent twice.
	 */
	if (ss->delivered < 0) {
		token = -ss->delivered;
	} else {
		if (getrandom(&token, sizeof(token), 0) != (ssize_t)sizeof(token))
			token = (int64_t)time(NULL) ^ ((int64_t)getpid() << 32);
		token = (token & INT64_MAX) | 1;
		if ((rc = cs_store_scan_delivered(spool, id, -token)) != 0) {
			snprintf(c->err, sizeof(c->err), "spool: %s",
				 cs_store_errmsg(spool));
			return rc;
		}
	}
	snprintf(options, sizeof(options),
		 "spool:%s:%" PRId64 ":%" PRId64 ":%" PRIx64, ss->vantage,
		 ss->started, id, (uint64_t)token);
	memset(&info, 0, sizeof(info));
	info.scope = ss->scope;
	info.exclusions = ss->exclusions;
	info.ports = ss->ports;
	info.options = options;
	info.vantage = ss->vantage;
	info.version = "spool";
	info.started = ss->started;
	info.total_targets = ss->total_targets;
	info.site = ss->site;

	/* Pass 1: IPs, then each host's observations. */
	if ((rc = cs_store_each_device(spool, id, collect_ip, c)) != 0) {
		snprintf(c->err, sizeof(c->err), "spool: %s",
			 cs_store_errmsg(spool));
		return rc;
	}
	for (size_t i = 0; i < c->n; i++) {
		rc = cs_store_each_observation(spool, id, c->h[i].ip,
					       collect_obs, &c->h[i].obs);
		if (rc != 0) {
			snprintf(c->err, sizeof(c->err), "spool: %s",
				 cs_store_errmsg(spool));
			return rc;
		}
	}

	if (cs_store_scan_find(central, &info, &cid, cst) == 0 &&
	    strcmp(cst, "complete") == 0) {
		c->st->skipped++;
		goto delivered; /* sent before; only the mark was lost */
	}
	/* The central scan: continue a cut-off upload, else begin. */
	rc = cs_store_scan_find_resumable(central, &info, &cid, &wm);
	if (rc == CS_ENOTFOUND)
		rc = cs_store_scan_begin(central, &info, &cid);
	if (rc != 0)
		goto central_err;
	c->central = central;
	c->central_scan = cid;
	c->next = 0;
	rc = cs_store_each_device(spool, id, put_row, c);
	if (c->rc != 0)
		return c->rc;
	if (rc != 0) {
		snprintf(c->err, sizeof(c->err), "spool: %s",
			 cs_store_errmsg(spool));
		return rc;
	}
	if ((rc = cs_store_checkpoint(central, cid, ss->watermark,
				      ss->hosts_done)) != 0)
		goto central_err;
	if (strcmp(ss->status, "running") != 0 &&
	    (rc = cs_store_scan_end(central, cid, ss->status, ss->ended)) != 0)
		goto central_err;
	c->st->scans++;
delivered:
	/* Finished and delivered: the spool says so, and later uploads of
	 * this spool skip it (each scan arrives once). */
	if (strcmp(ss->status, "complete") == 0 &&
	    (rc = cs_store_scan_delivered(spool, id, cid)) != 0) {
		snprintf(c->err, sizeof(c->err), "spool: %s",
			 cs_store_errmsg(spool));
		return rc;
	}
	return 0;
central_err:
	snprintf(c->err, sizeof(c->err), "central: %s",
		 cs_store_errmsg(central));
	return rc;
}

int
cs_store_upload(struct cs_store *spool, struct cs_store *central,
		struct cs_upload_stats *stats, char *err, size_t errsz)
{
	struct cs_upload_stats dummy;
	struct cs_scan_state *ss;
	int64_t first, last;
	int rc;

	if (err != NULL && errsz > 0)
		err[0] = '\0';
	if (stats == NULL)
		stats = &dummy;
	memset(stats, 0, sizeof(*stats));
	if (spool == NULL || central == NULL)
		return CS_EINVAL;
	rc = cs_store_first_scan(spool, &first);
	if (rc == CS_ENOTFOUND)
		return 0;
	if (rc != 0 || (rc = cs_store_latest_scan(spool, &last)) != 0) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "spool: %s",
				 cs_store_errmsg(spool));
		return CS_EIO;
	}
	ss = cs_xmalloc(sizeof(*ss));
	/* oldest first; ids are not consecutive (cs_store_next_scan) */
	for (int64_t id = first;;) {
		struct scan_copy c;

		memset(&c, 0, sizeof(c));
		c.st = stats;
		rc = cs_store_scan_get(spool, id, ss);
		if (rc != 0) {
			snprintf(c.err, sizeof(c.err), "spool: %s",
				 cs_store_errmsg(spool));
		} else if (ss->delivered > 0) {
			stats->skipped++; /* delivered by an earlier upload */
		} else {
			rc = upload_scan(spool, central, id, &c, ss);
		}
		copy_free(&c);
		if (rc == 0 && id >= last)
			break;
		if (rc == 0 && (rc = cs_store_next_scan(spool, id, &id)) != 0)
			snprintf(c.err, sizeof(c.err), "spool: %s",
				 cs_store_errmsg(spool));
		if (rc != 0) {
			if (err != NULL && errsz > 0)
				cs_strlcpy(err, c.err, errsz);
			free(ss);
			return CS_EIO;
		}
	}
	free(ss);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* The background uploader. */

struct cs_uploader {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool kicked, stop, busy;
	struct cs_store *spool, *central; /* the worker's own connections */
	char *spool_path, *central_uri;
	/* result of the last upload (worker writes, finish reads) */
	int rc;
	struct cs_upload_stats st;
	char err[512];
	bool down_said;
};

/* One upload attempt, on the worker thread. */
static void
uploader_run(struct cs_uploader *u)
{
	char err[512];
	struct cs_upload_stats st;
	int rc;

	memset(&st, 0, sizeof(st));
	if (u->central == NULL &&
	    (u->central = cs_store_open(u->central_uri, err, sizeof(err))) ==
		NULL) {
		rc = CS_EIO;
	} else if ((rc = cs_store_upload(u->spool, u->central, &st, err,
					 sizeof(err))) != 0) {
		cs_store_close(u->central); /* reconnect next time */
		u->central = NULL;
	}
	if (rc != 0 && !u->down_said)
		fprintf(stderr,
			"camsweep: central database unreachable (%s); "
			"buffering in %s\n",
			err, u->spool_path);
	else if (rc == 0 && u->down_said)
		fprintf(stderr, "camsweep: central database back; uploaded\n");
	pthread_mutex_lock(&u->mu);
	u->down_said = rc != 0;
	u->rc = rc;
	u->st = st;
	cs_strlcpy(u->err, rc != 0 ? err : "", sizeof(u->err));
	pthread_mutex_unlock(&u->mu);
}

static void *
uploader_main(void *arg)
{
	struct cs_uploader *u = arg;
	bool last;

	for (;;) {
		pthread_mutex_lock(&u->mu);
		while (!u->kicked && !u->stop)
			pthread_cond_wait(&u->cv, &u->mu);
		last = u->stop;
		u->kicked = false;
		u->busy = true;
		pthread_mutex_unlock(&u->mu);
		uploader_run(u);
		pthread_mutex_lock(&u->mu);
		u->busy = false;
		pthread_mutex_unlock(&u->mu);
		if (last)
			return NULL;
	}
}

struct cs_uploader *
cs_uploader_start(const char *spool_path, const char *central_uri, char *err,
		  size_t errsz)
{
	struct cs_uploader *u = cs_xcalloc(1, sizeof(*u));

	u->spool = cs_store_open(spool_path, err, errsz);
	if (u->spool == NULL) {
		free(u);
		return NULL;
	}
	u->spool_path = cs_xstrdup(spool_path);
	u->central_uri = cs_xstrdup(central_uri);
	u->rc = CS_EIO;
	pthread_mutex_init(&u->mu, NULL);
	pthread_cond_init(&u->cv, NULL);
	if (pthread_create(&u->thread, NULL, uploader_main, u) != 0) {
		if (err != NULL && errsz > 0)
			cs_strlcpy(err, "cannot start the upload thread",
				   errsz);
		cs_store_close(u->spool);
		free(u->spool_path);
		free(u->central_uri);
		free(u);
		return NULL;
	}
	return u;
}

void
cs_uploader_kick(struct cs_uploader *u)
{
	if (u == NULL)
		return;
	pthread_mutex_lock(&u->mu);
	if (!u->busy) {
		u->kicked = true;
		pthread_cond_signal(&u->cv);
	}
	pthread_mutex_unlock(&u->mu);
}

int
cs_uploader_finish(struct cs_uploader *u, struct cs_upload_stats *st, char *err,
		   size_t errsz)
{
	int rc;

	if (u == NULL)
		return CS_EINVAL;
	pthread_mutex_lock(&u->mu);
	u->stop = true; /* the worker makes one more, last, upload */
	pthread_cond_signal(&u->cv);
	pthread_mutex_unlock(&u->mu);
	pthread_join(u->thread, NULL);
	rc = u->rc;
	if (st != NULL)
		*st = u->st;
	if (err != NULL && errsz > 0)
		cs_strlcpy(err, u->err, errsz);
	cs_store_close(u->central);
	cs_store_close(u->spool);
	pthread_mutex_destroy(&u->mu);
	pthread_cond_destroy(&u->cv);
	free(u->spool_path);
	if (u->central_uri != NULL)
		memset(u->central_uri, 0, strlen(u->central_uri));
	free(u->central_uri);
	free(u);
	return rc;
}
