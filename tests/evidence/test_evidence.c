/* SPDX-License-Identifier: ISC */
/*
 * Evidence packs (issue #20): a pack built from an inventory verifies;
 * changing one byte of any file in it, of its manifest or of its
 * signature makes verification fail and name that file; a header or a
 * padding byte changed is reported too; another signer's key is refused;
 * the tar reader accepts only plain relative names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/obs.h"
#include "core/str.h"
#include "evidence/digest.h"
#include "evidence/evidence.h"
#include "evidence/tar.h"

#define T0 1714550400 /* 2024-05-01T08:00:00Z */

static const char estate[] =
    "department \"Home Office\" id=ho\n"
    "site \"2 Marsham St\" id=hq dept=ho sensitive=yes reason=secret\n"
    "network 127.0.0.0/24 site=hq zone=core\n";

static struct cs_store *
make_store(void)
{
	char err[256], sites[] = "hq", depts[] = "ho",
		       cmd[] = "camsweep assess --estate e.txt";
	struct cs_store *s = cs_store_open(":memory:", err, sizeof(err));
	struct cs_scan_info info = {.scope = "127.0.0.0/24",
				    .ports = "80",
				    .options = "{}",
				    .vantage = "test",
				    .version = "0.1.0",
				    .total_targets = 256};
	struct cs_identity id;
	struct cs_host_result h = {0};
	struct cs_obs_list l;
	struct cs_finding_row f;
	struct cs_assessment a;
	uint16_t ports[] = {80};
	int64_t sc;

	assert_non_null(s);
	info.started = T0;
	assert_int_equal(cs_store_scan_begin(s, &info, &sc), 0);
	cs_obs_list_init(&l);
	cs_obs_adds(&l, "http.server", 80, "App-webs/");
	memset(&id, 0, sizeof(id));
	cs_strlcpy(id.manufacturer, "Hikvision", sizeof(id.manufacturer));
	cs_strlcpy(id.manufacturer_country, "CN", 4);
	id.device_class = CS_CLASS_CAMERA;
	id.surveillance = id.surveillance_known = true;
	id.confidence = 0.9;
	h.ip = "127.0.0.10";
	h.ports = ports;
	h.nports = 1;
	h.obs = &l;
	h.id = &id;
	h.seen_at = T0 + 1;
	assert_int_equal(cs_store_put_host(s, sc, &h), 0);
	cs_obs_list_free(&l);
	assert_int_equal(cs_store_scan_end(s, sc, "complete", T0 + 60), 0);
	memset(&f, 0, sizeof(f));
	cs_strlcpy(f.key, "127.0.0.10|us-ndaa-889|part-b", sizeof(f.key));
	cs_strlcpy(f.ip, "127.0.0.10", sizeof(f.ip));
	cs_strlcpy(f.manufacturer, "Hikvision", sizeof(f.manufacturer));
	cs_strlcpy(f.device_class, "camera", sizeof(f.device_class));
	cs_strlcpy(f.site, "hq", sizeof(f.site));
	cs_strlcpy(f.site_name, "2 Marsham St", sizeof(f.site_name));
	cs_strlcpy(f.regime, "us-ndaa-889", sizeof(f.regime));
	cs_strlcpy(f.obligation, "part-b", sizeof(f.obligation));
	cs_strlcpy(f.action, "remove-replace", sizeof(f.action));
	cs_strlcpy(f.evidence, "Identity: Hikvision (CN) camera. Covered: y.",
		   sizeof(f.evidence));
	cs_strlcpy(f.status, "open", sizeof(f.status));
	f.sensitive = true;
	f.severity = CS_SEV_CRITICAL;
	f.first_scan = f.last_scan = sc;
	f.assessed_at = T0 + 100;
	assert_int_equal(cs_store_finding_put(s, &f, NULL, NULL), 0);
	memset(&a, 0, sizeof(a));
	a.scan_id = sc;
	a.assessed_at = T0 + 100;
	a.findings = 1;
	cs_strlcpy(a.as_of, "2024-05-01", sizeof(a.as_of));
	cs_strlcpy(a.regimes, "us-ndaa-889@2", sizeof(a.regimes));
	cs_strlcpy(a.estate_file, "e.txt", sizeof(a.estate_file));
	cs_ev_sha256_hex(estate, strlen(estate), a.estate_sha256);
	a.estate_text = (char *)(uintptr_t)estate;
	a.sites = sites;
	a.departments = depts;
	a.command = cmd;
	assert_int_equal(cs_store_assessment_put(s, &a), 0);
	return s;
}

struct seen {
	char files[64][128];
	size_t n;
};

static void
on_problem(void *arg, const char *file, const char *what)
{
	struct seen *s = arg;

	(void)what;
	if (s->n < 64)
		cs_strlcpy(s->files[s->n++], file, sizeof(s->files[0]));
}

static bool
named(const struct seen *s, const char *file)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->files[i], file) == 0)
			return true;
	return false;
}

static char keypath[256];

static void
make_pack(struct cs_buf *tar, uint8_t pk[CS_EV_PK_BYTES])
{
	struct cs_store *s = make_store();
	struct cs_ev_pack_opts o = {0};
	uint8_t sk[CS_EV_SK_BYTES];
	char err[1024], data[4096];
	const char *src = getenv("CS_SRCDIR");

	snprintf(data, sizeof(data), "%s/data", src ? src : CS_SRCDIR);
	assert_int_equal(cs_ev_load_secret(keypath, sk, err, sizeof(err)), 0);
	snprintf(err, sizeof(err), "%s.pub", keypath);
	assert_int_equal(cs_ev_load_public(err, pk, err, sizeof(err)), 0);
	o.data_dir = data;
	o.tool_version = "0.1.0";
	o.now = T0 + 200;
	o.command = "camsweep evidence pack --key k -o p.tar";
	o.sk = sk;
	cs_buf_init(tar, (size_t)256 << 20);
	err[0] = '\0';
	if (cs_ev_pack(s, &o, tar, err, sizeof(err)) != 0)
		fail_msg("pack: %s", err);
	cs_store_close(s);
}

static int
setup(void **state)
{
	char dir[] = "/tmp/cs-ev-XXXXXX", err[512];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(keypath, sizeof(keypath), "%s/signer.key", dir);
	assert_int_equal(cs_ev_keygen(keypath, err, sizeof(err)), 0);
	return 0;
}

static int
teardown(void **state)
{
	char p[300];

	(void)state;
	snprintf(p, sizeof(p), "%s.pub", keypath);
	unlink(p);
	unlink(keypath);
	*strrchr(keypath, '/') = '\0';
	rmdir(keypath);
	return 0;
}

static void
test_keys(void **state)
{
	struct stat sb;
	uint8_t sk[CS_EV_SK_BYTES];
	char err[512];

	(void)state;
	assert_int_equal(stat(keypath, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* Never overwritten. */
	assert_int_equal(cs_ev_keygen(keypath, err, sizeof(err)), -1);
	/* A key others can read is refused. */
	assert_int_equal(chmod(keypath, 0644), 0);
	assert_int_equal(cs_ev_load_secret(keypath, sk, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "0600"));
	assert_int_equal(chmod(keypath, 0600), 0);
	assert_int_equal(cs_ev_load_secret(keypath, sk, err, sizeof(err)), 0);
}

/* The pack verifies; one byte changed in any file is named. */
static void
test_pack_flip_each(void **state)
{
	struct cs_buf tar;
	struct cs_tar t;
	uint8_t pk[CS_EV_PK_BYTES], other[CS_EV_PK_BYTES];
	struct seen s;
	char err[512], key_hex[65];
	size_t nfiles = 0;

	(void)state;
	make_pack(&tar, pk);
	memset(&s, 0, sizeof(s));
	assert_int_equal(
	    cs_ev_verify(tar.p, tar.len, pk, on_problem, &s, key_hex, &nfiles),
	    0);
	assert_int_equal(s.n, 0);
	assert_true(nfiles >= 15);
	assert_int_equal(cs_tar_read(tar.p, tar.len, &t, err, sizeof(err)), 0);
	assert_non_null(cs_tar_find(&t, "estate/estate.txt"));
	assert_non_null(cs_tar_find(&t, "reports/board-paper.html"));
	assert_non_null(
	    cs_tar_find(&t, "attestations/far-52.204-24-25-26.txt"));
	assert_non_null(cs_tar_find(&t, "data/policy/uk-gsg-2022.regime"));
	/* The estate file is the recorded text, byte for byte. */
	{
		const struct cs_tar_entry *e =
		    cs_tar_find(&t, "estate/estate.txt");
		assert_int_equal(e->len, strlen(estate));
		assert_memory_equal(tar.p + e->off, estate, e->len);
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct cs_tar_entry *e = &t.v[i];
		size_t at = e->off + e->len / 2;

		assert_true(e->len > 0);
		tar.p[at] ^= 0x01;
		memset(&s, 0, sizeof(s));
		if (cs_ev_verify(tar.p, tar.len, pk, on_problem, &s, key_hex,
				 NULL) == 0)
			fail_msg("a byte changed in %s was not noticed",
				 e->name);
		if (!named(&s, e->name))
			fail_msg("a byte changed in %s: verify named %s",
				 e->name, s.n ? s.files[0] : "nothing");
		tar.p[at] ^= 0x01;
	}
	/* A header byte (the first entry's mode) and a padding byte. */
	tar.p[t.v[0].off - 512 + 101] ^= 0x01;
	memset(&s, 0, sizeof(s));
	assert_true(cs_ev_verify(tar.p, tar.len, pk, on_problem, &s, key_hex,
				 NULL) > 0);
	tar.p[t.v[0].off - 512 + 101] ^= 0x01;
	for (size_t i = 0; i < t.n; i++)
		if (t.v[i].len % 512) {
			tar.p[t.v[i].off + t.v[i].len] = 'x';
			memset(&s, 0, sizeof(s));
			assert_true(cs_ev_verify(tar.p, tar.len, pk, on_problem,
						 &s, key_hex, NULL) > 0);
			assert_true(named(&s, t.v[i].name));
			tar.p[t.v[i].off + t.v[i].len] = 0;
			break;
		}
	/* Another signer's key is refused; no key: the pack's key is
	 * reported for the caller to compare. */
	memcpy(other, pk, sizeof(other));
	other[0] ^= 0x80;
	memset(&s, 0, sizeof(s));
	assert_true(cs_ev_verify(tar.p, tar.len, other, on_problem, &s, key_hex,
				 NULL) > 0);
	assert_true(named(&s, CS_EV_SIGNATURE));
	assert_int_equal(
	    cs_ev_verify(tar.p, tar.len, NULL, NULL, NULL, key_hex, NULL), 0);
	assert_int_equal(strlen(key_hex), 64);
	/* Cut short: noticed. */
	assert_true(cs_ev_verify(tar.p, tar.len - 1024, pk, NULL, NULL, key_hex,
				 NULL) > 0);
	cs_tar_free(&t);
	cs_buf_free(&tar);
}

/* The attestations carry the figures. */
static void
test_attestations(void **state)
{
	struct cs_buf tar;
	struct cs_tar t;
	uint8_t pk[CS_EV_PK_BYTES];
	char err[512], *far, *uk;
	const struct cs_tar_entry *e;

	(void)state;
	make_pack(&tar, pk);
	assert_int_equal(cs_tar_read(tar.p, tar.len, &t, err, sizeof(err)), 0);
	e = cs_tar_find(&t, "attestations/far-52.204-24-25-26.txt");
	far = strndup((const char *)tar.p + e->off, e->len);
	assert_non_null(strstr(far, "found in use: 1 unit(s)"));
	assert_non_null(strstr(far, "By maker: Hikvision 1"));
	assert_non_null(strstr(far, "127.0.0.10  Hikvision, camera; site 2 "
				    "Marsham St"));
	e = cs_tar_find(&t, "attestations/uk-gsg-return.txt");
	uk = strndup((const char *)tar.p + e->off, e->len);
	assert_non_null(strstr(uk, "did not apply uk-gsg-2022"));
	free(far);
	free(uk);
	cs_tar_free(&t);
	cs_buf_free(&tar);
}

/* The tar reader takes plain relative names only. */
static void
test_tar_names(void **state)
{
	static const struct {
		const char *name;
		bool ok;
	} t[] = {
	    {"a.txt", true},
	    {"data/policy/x.regime", true},
	    {"", false},
	    {"/etc/passwd", false},
	    {"../x", false},
	    {"a/../b", false},
	    {"a/./b", false},
	    {"a//b", false},
	    {"dir/", false},
	    {"sp ace", false},
	    {"back\\slash", false},
	    {"\xc3\xa9", false},
	};
	struct cs_buf b;
	struct cs_tar tr;
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(cs_tar_name_ok(t[i].name), t[i].ok);
	/* Round trip, then a hand-made "../" entry is refused. */
	cs_buf_init(&b, 1 << 20);
	assert_int_equal(cs_tar_add(&b, "a.txt", "hello", 5, T0), 0);
	assert_int_equal(cs_tar_add(&b, "../x", "x", 1, T0), CS_EINVAL);
	assert_int_equal(cs_tar_finish(&b), 0);
	assert_int_equal(cs_tar_read(b.p, b.len, &tr, err, sizeof(err)), 0);
	assert_int_equal(tr.n, 1);
	assert_int_equal(tr.v[0].len, 5);
	assert_memory_equal(b.p + tr.v[0].off, "hello", 5);
	cs_tar_free(&tr);
	memcpy(b.p, "../a.txt", 8); /* checksum now wrong too */
	assert_int_equal(cs_tar_read(b.p, b.len, &tr, err, sizeof(err)),
			 CS_EINVAL);
	cs_tar_free(&tr);
	/* Trailing bytes after the end blocks. */
	memcpy(b.p, "a.txt\0\0\0", 8);
	assert_int_equal(cs_buf_add(&b, "\0\0\0\0\0\0\0\0", 8), 0);
	assert_int_equal(cs_tar_read(b.p, b.len, &tr, err, sizeof(err)),
			 CS_EINVAL);
	cs_tar_free(&tr);
	cs_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_pack_flip_each),
	    cmocka_unit_test(test_attestations),
	    cmocka_unit_test(test_tar_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
