/* SPDX-License-Identifier: ISC */
/*
 * Ad-hoc throughput measurement of cs_store_put_host: N hosts with ~10
 * observations (100-300 bytes each), 4 evidence rows and 3 ports, with a
 * checkpoint every C hosts (default 256), into a fresh SQLite file under
 * $TMPDIR, by W concurrent writer processes (default 1) each writing its
 * own scan, as W sensors would into one SQLite inventory.
 * Usage: bench_store [hosts_per_writer [writers [hosts_per_checkpoint]]]
 * (default 20000 1 256); bench/bench_pg.sh prints it beside PostgreSQL.
 */
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/obs.h"
#include "core/str.h"
#include "store/store.h"
#include "core/poison.h"

/* Removes the database file, its WAL and shared memory, and dir. */
static void
cleanup(const char *dir, const char *path)
{
	char p2[320];

	unlink(path);
	snprintf(p2, sizeof(p2), "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof(p2), "%s-shm", path);
	unlink(p2);
	rmdir(dir);
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const uint16_t ports[] = {80, 554, 8000};
	const char *tmp = getenv("TMPDIR");
	char dir[256], path[300], err[256], ip[32], key[32];
	char val[320];
	struct cs_identity *id;
	struct cs_obs_list l;
	struct cs_store *s;
	long long n = 20000, writers = 1, every = 256;
	int64_t scan;
	double t0, t1;
	int w = 0;
	pid_t kids[64];

	if ((argc > 1 && cs_str_tonum(argv[1], 1, 1000000, &n) != 0) ||
	    (argc > 2 && cs_str_tonum(argv[2], 1, 64, &writers) != 0) ||
	    (argc > 3 && cs_str_tonum(argv[3], 1, 100000, &every) != 0)) {
		fprintf(stderr, "usage: bench_store [hosts_per_writer [writers "
				"[hosts_per_checkpoint]]]\n");
		return 2;
	}
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(dir, sizeof(dir), "%s/cs-bench-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/bench.db", dir);
	if ((s = cs_store_open(path, err, sizeof(err))) == NULL) {
		fprintf(stderr, "open: %s\n", err);
		return 1;
	}
	t0 = now_s();
	if (writers > 1) {
		/* the file exists and is migrated: each writer opens it */
		cs_store_close(s);
		fflush(NULL);
		for (w = 0; w < writers; w++)
			if ((kids[w] = fork()) == 0)
				break;
		if (w == writers) { /* the parent: wait, then report */
			int bad = 0;
			for (int k = 0; k < writers; k++) {
				int st = 0;
				waitpid(kids[k], &st, 0);
				bad |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
			}
			t1 = now_s();
			printf("sqlite: %lld writers, %lld hosts each, a "
			       "checkpoint every %lld: %lld observations in "
			       "%.2f s = %.0f observations/s\n",
			       writers, n, every, writers * n * 10, t1 - t0,
			       (double)(writers * n * 10) / (t1 - t0));
			cleanup(dir, path);
			return bad;
		}
		if ((s = cs_store_open(path, err, sizeof(err))) == NULL) {
			fprintf(stderr, "open: %s\n", err);
			_exit(1);
		}
	}
	id = calloc(1, sizeof(*id));
	if (id == NULL)
		return 1;
	cs_strlcpy(id->manufacturer, "Hikvision", sizeof(id->manufacturer));
	cs_strlcpy(id->model, "DS-2CD2042WD-I", sizeof(id->model));
	id->device_class = CS_CLASS_CAMERA;
	id->surveillance = true;
	id->surveillance_known = true;
	id->confidence = 0.9;
	id->nev = 4;
	for (size_t i = 0; i < id->nev; i++) {
		cs_strlcpy(id->ev[i].field, "manufacturer",
			   sizeof(id->ev[i].field));
		cs_strlcpy(id->ev[i].value, "Hikvision",
			   sizeof(id->ev[i].value));
		cs_strlcpy(id->ev[i].rule, "bench-rule",
			   sizeof(id->ev[i].rule));
		snprintf(id->ev[i].obs_key, sizeof(id->ev[i].obs_key),
			 "http.header.%zu", i);
		id->ev[i].port = 80;
		id->ev[i].weight = 0.5;
	}
	struct cs_scan_info in = {
	    "127.0.0.0/8", "", "80,554,8000", "{}", "bench",
	    "0.1.0",       0,  (uint64_t)n,   NULL};
	if (cs_store_scan_begin(s, &in, &scan) != 0)
		return 1;

	t0 = now_s();
	for (long long i = 0; i < n; i++) {
		cs_obs_list_init(&l);
		for (int k = 0; k < 10; k++) {
			snprintf(key, sizeof(key), "http.header.%d", k);
			memset(val, 'a' + k, sizeof(val));
			cs_obs_add(&l, key, 80, 0, val, 100 + (size_t)k * 20);
		}
		snprintf(ip, sizeof(ip), "127.%lld.%lld.%lld",
			 ((i >> 16) + (long long)w * 16) & 255, (i >> 8) & 255,
			 i & 255);
		struct cs_host_result h = {ip, ports,      3,    &l,
					   id, (int64_t)i, NULL, NULL,
					   0,  NULL,       NULL};
		if (cs_store_put_host(s, scan, &h) != 0) {
			fprintf(stderr, "put_host: %s\n", cs_store_errmsg(s));
			return 1;
		}
		cs_obs_list_free(&l);
		if (i % every == every - 1 &&
		    cs_store_checkpoint(s, scan, (uint64_t)i + 1,
					(uint64_t)i + 1) != 0)
			return 1;
	}
	cs_store_checkpoint(s, scan, (uint64_t)n, (uint64_t)n);
	t1 = now_s();
	cs_store_scan_end(s, scan, "complete", 1);
	cs_store_close(s);
	if (writers > 1)
		_exit(0);
	printf("put_host: %lld hosts x 10 observations in %.3f s = %.0f "
	       "hosts/s\n",
	       n, t1 - t0, (double)n / (t1 - t0));
	free(id);
	cleanup(dir, path);
	return 0;
}
