/* SPDX-License-Identifier: ISC */
/*
 * The registry set of issue #11: Wireshark's manuf reader (table-driven),
 * the most specific and then the most recent assignment answering, the
 * default sources (system CSV files, manuf, the user's imports) with their
 * dates, and `camsweep oui update` (cs_oui_import): import then lookup,
 * and refusals that leave the installed files untouched.  Fixtures are in
 * tests/oui/fixtures; files are copied to a temporary directory whose
 * mtimes the test sets, since a checkout's mtimes mean nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "oui/oui.h"
#include "core/poison.h"

#define HDR "Registry,Assignment,Organization Name,Organization Address\n"

/* 2022-08-27, 2023-03-01, 2024-08-25 08:01:19, 2025-06-01 (UTC). */
#define T2022 ((int64_t)1661558400)
#define T2023 ((int64_t)1677628800)
#define T2024 ((int64_t)1724572879)
#define T2025 ((int64_t)1748736000)

static char tmpdir[256];

static const char *
srcdir(void)
{
	const char *s = getenv("CS_SRCDIR");

	return s ? s : ".";
}

static void
fixture(char *buf, size_t n, const char *rel)
{
	snprintf(buf, n, "%s/tests/oui/fixtures/%s", srcdir(), rel);
}

/* Copies file from to to and sets its mtime to t (0: leave it). */
static void
copy_file(const char *from, const char *to, int64_t t)
{
	FILE *in = fopen(from, "rb"), *out;
	char b[4096];
	size_t k;

	if (in == NULL)
		fail_msg("%s: %s", from, strerror(errno));
	out = fopen(to, "wb");
	if (out == NULL)
		fail_msg("%s: %s", to, strerror(errno));
	while ((k = fread(b, 1, sizeof(b), in)) > 0)
		assert_int_equal(fwrite(b, 1, k, out), k);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	if (t > 0) {
		struct timespec ts[2] = {{(time_t)t, 0}, {(time_t)t, 0}};

		assert_int_equal(utimensat(AT_FDCWD, to, ts, 0), 0);
	}
}

static void
write_file(const char *path, const char *text, int64_t t)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	if (t > 0) {
		struct timespec ts[2] = {{(time_t)t, 0}, {(time_t)t, 0}};

		assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	}
}

static char *
read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *p = malloc(1 << 16);

	assert_non_null(f);
	assert_non_null(p);
	*n = fread(p, 1, (1 << 16) - 1, f);
	p[*n] = '\0';
	fclose(f);
	return p;
}

static int64_t
mtime_of(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return (int64_t)sb.st_mtime;
}

/* Looks mac up in db; fails unless it resolves to registrant. */
static const struct cs_oui_hit *
expect(const struct cs_oui *db, const char *mac, const char *registrant,
       unsigned bits)
{
	static struct cs_oui_hit h;
	uint8_t m[6];

	assert_int_equal(cs_mac_parse(mac, m), 0);
	if (cs_oui_lookup(db, m, &h) != 0)
		fail_msg("%s: no assignment, want '%s'", mac, registrant);
	if (strcmp(h.registrant, registrant) != 0 || h.prefix_bits != bits)
		fail_msg("%s: '%s' /%u from %s, want '%s' /%u", mac,
			 h.registrant, h.prefix_bits, h.file ? h.file : "-",
			 registrant, bits);
	return &h;
}

static void
expect_file(const struct cs_oui_hit *h, const char *suffix)
{
	size_t a, b = strlen(suffix);

	assert_non_null(h->file);
	a = strlen(h->file);
	if (a < b || strcmp(h->file + a - b, suffix) != 0)
		fail_msg("answered by %s, want ...%s", h->file, suffix);
}

/* ---- manuf reader, table-driven ----------------------------------------- */

static void
test_manuf_table(void **state)
{
	static const struct {
		const char *in;
		int ret;          /* assignments added, or the error */
		const char *mac;  /* looked up when ret > 0 */
		const char *name; /* registrant wanted */
		unsigned bits;    /* prefix length wanted */
		const char *reg;  /* registry wanted */
		unsigned skipped; /* records counted as no assignment */
	} cases[] = {
	    {"00:00:0C\tCisco\tCisco Systems, Inc\n", 1, "00:00:0c:01:02:03",
	     "Cisco Systems, Inc", 24, "MA-L", 0},
	    /* Short name only: it is the registrant. */
	    {"00:00:13\tCamex\n", 1, "00:00:13:00:00:01", "Camex", 24, "MA-L",
	     0},
	    /* An empty field (two TABs) and a trailing remark. */
	    {"00:00:D1\tAdaptec\t\tAdaptec, Inc.\t# \"Nodem\" product\n", 1,
	     "00:00:d1:00:00:01", "Adaptec, Inc.", 24, "MA-L", 0},
	    {"00:55:DA:10:00:00/28\tKoolPOS\tKoolPOS Inc.\n", 1,
	     "00:55:da:1f:ff:ff", "KoolPOS Inc.", 28, "MA-M", 0},
	    {"00:1B:C5:00:10:00/36\tOpenRBco\tOpenRB.com, Direct SIA\n", 1,
	     "00:1b:c5:00:1f:ff", "OpenRB.com, Direct SIA", 36, "MA-S", 0},
	    /* /36 under the two IAB parents are IAB. */
	    {"00:50:C2:00:10:00/36\tT\tIab Holder\n", 1, "00:50:c2:00:10:01",
	     "Iab Holder", 36, "IAB", 0},
	    {"40:D8:55:00:20:00/36\tT\tIab Two\n", 1, "40:d8:55:00:20:01",
	     "Iab Two", 36, "IAB", 0},
	    /* Other separators, CRLF, BOM, blank and comment lines. */
	    {"\xEF\xBB\xBF# c\r\n\r\n00-00-0C\tCisco\tDash Sep\r\n", 1,
	     "00:00:0c:00:00:01", "Dash Sep", 24, "MA-L", 0},
	    {"00.00.0C\tC\tDot Sep\n", 1, "00:00:0c:00:00:01", "Dot Sep", 24,
	     "MA-L", 0},
	    /* Old ethers style: spaces after the address. */
	    {"00:00:0C Cisco\n", 1, "00:00:0c:00:00:01", "Cisco", 24, "MA-L",
	     0},
	    /* Not assignments: a full address, other masks. */
	    {"01:00:0C:CC:CC:CC\tCDP\n01:00:5E:00:00:00/25\tIPv4mcast\n"
	     "00:00:0C:00:00:00/32\tX\n",
	     0, NULL, NULL, 0, NULL, 3},
	    /* Errors. */
	    {"zz:00:0C\tX\tY\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C\t# only a remark\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"000:00:0C\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C:00:00:00:00\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00::0C\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C/0\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C/49\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C/2x\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    {"00:00:0C:\tX\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	    /* A good line, then a bad one: nothing is added. */
	    {"00:00:0D\tA\tGood\nxx\tB\n", CS_EPROTO, NULL, NULL, 0, NULL, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct cs_oui *db = cs_oui_new();
		char err[256] = "";
		int r = cs_oui_add(db, CS_OUI_FMT_MANUF, "m", 0,
				   (const uint8_t *)cases[i].in,
				   strlen(cases[i].in), err, sizeof(err));

		if (r != cases[i].ret)
			fail_msg("case %zu: %d, want %d (%s)", i, r,
				 cases[i].ret, err);
		if (r < 0) {
			assert_true(strncmp(err, "m:", 2) == 0);
			assert_int_equal(cs_oui_count(db), 0);
			assert_int_equal(cs_oui_source_count(db), 0);
		} else {
			assert_int_equal(cs_oui_source_count(db), 1);
			assert_int_equal(cs_oui_source_at(db, 0)->skipped,
					 cases[i].skipped);
			assert_string_equal(cs_oui_source_at(db, 0)->format,
					    "manuf");
		}
		if (r > 0) {
			const struct cs_oui_hit *h = expect(
			    db, cases[i].mac, cases[i].name, cases[i].bits);

			assert_string_equal(h->registry, cases[i].reg);
			assert_string_equal(h->file, "m");
		}
		cs_oui_free(db);
	}
	/* A line longer than the cap. */
	{
		struct cs_oui *db = cs_oui_new();
		size_t n = CS_OUI_MAX_LINE + 100;
		char *big = malloc(n + 1);

		assert_non_null(big);
		memcpy(big, "00:00:0C\tX\t", 11);
		memset(big + 11, 'y', n - 11);
		big[n] = '\0';
		assert_int_equal(cs_oui_add(db, CS_OUI_FMT_MANUF, "m", 0,
					    (const uint8_t *)big, n, NULL, 0),
				 CS_ELIMIT);
		free(big);
		cs_oui_free(db);
	}
}

/* The date of a manuf file is the newest Last-Modified in its comments. */
static void
test_manuf_date(void **state)
{
	static const char in[] =
	    "# https://standards-oui.ieee.org/oui/oui.csv:\n"
	    "#   Last-Modified: Sun, 25 Aug 2024 08:01:19 GMT\n"
	    "#   Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT\n"
	    "#   Last-Modified: garbage\n"
	    "00:00:0C\tC\tCisco\n";
	struct cs_oui *db = cs_oui_new();
	const struct cs_oui_source *s;
	char d[16];

	(void)state;
	assert_int_equal(cs_oui_add(db, CS_OUI_FMT_MANUF, "m", T2022,
				    (const uint8_t *)in, strlen(in), NULL, 0),
			 1);
	s = cs_oui_source_at(db, 0);
	assert_int_equal(s->date, T2024);
	assert_string_equal(s->date_kind, CS_OUI_DATE_INFILE);
	assert_string_equal(cs_oui_date_format(s->date, d, sizeof(d)),
			    "2024-08-25");
	/* Without a date in it, the mtime given. */
	assert_int_equal(cs_oui_add(db, CS_OUI_FMT_MANUF, "n", T2022,
				    (const uint8_t *)"00:00:0D\tD\n", 11, NULL,
				    0),
			 1);
	s = cs_oui_source_at(db, 1);
	assert_int_equal(s->date, T2022);
	assert_string_equal(s->date_kind, CS_OUI_DATE_MTIME);
	/* Neither. */
	assert_int_equal(
	    cs_oui_add_csv(db, "c", (const uint8_t *)HDR, strlen(HDR), NULL, 0),
	    0);
	assert_string_equal(cs_oui_source_at(db, 2)->date_kind,
			    CS_OUI_DATE_UNKNOWN);
	assert_string_equal(cs_oui_date_format(0, d, sizeof(d)), "unknown");
	cs_oui_free(db);
}

/* ---- resolution ------------------------------------------------------ */

static void
add(struct cs_oui *db, enum cs_oui_format f, const char *name, int64_t date,
    const char *text, int want)
{
	char err[256] = "";
	int r = cs_oui_add(db, f, name, date, (const uint8_t *)text,
			   strlen(text), err, sizeof(err));

	if (r != want)
		fail_msg("%s: %d, want %d (%s)", name, r, want, err);
}

/* A /28 or /36 inside a /24 answers, whichever file is newer. */
static void
test_most_specific(void **state)
{
	struct cs_oui *db = cs_oui_new();

	(void)state;
	add(db, CS_OUI_FMT_CSV, "old.csv", T2022,
	    HDR "MA-M,ACBBCC1,Medium Old,x\n"
		"MA-S,ACBBCC123,Small Old,x\n",
	    2);
	/* A newer file with only the /24 does not hide the finer blocks. */
	add(db, CS_OUI_FMT_MANUF, "new", T2025,
	    "AC:BB:CC\tP\tParent Block New\n", 1);
	expect(db, "ac:bb:cc:12:30:01", "Small Old", 36);
	expect(db, "ac:bb:cc:12:40:01", "Medium Old", 28);
	expect(db, "ac:bb:cc:1f:ff:ff", "Medium Old", 28);
	expect(db, "ac:bb:cc:20:00:01", "Parent Block New", 24);
	expect(db, "ac:bb:cc:00:00:00", "Parent Block New", 24);
	cs_oui_free(db);
}

/* When files disagree on one assignment, the most recent answers. */
static void
test_most_recent(void **state)
{
	static const char old_csv[] = HDR "MA-L,A0B1C2,Old Name,x\n"
					  "MA-L,A0B1C3,Old Only,x\n";
	static const char new_manuf[] = "A0:B1:C2\tNew\tNew Name\n";
	struct cs_oui *db;
	const struct cs_oui_hit *h;
	int order;

	(void)state;
	for (order = 0; order < 2; order++) {
		db = cs_oui_new();
		if (order == 0) {
			add(db, CS_OUI_FMT_CSV, "old.csv", T2022, old_csv, 2);
			add(db, CS_OUI_FMT_MANUF, "new", T2024, new_manuf, 1);
		} else {
			add(db, CS_OUI_FMT_MANUF, "new", T2024, new_manuf, 1);
			add(db, CS_OUI_FMT_CSV, "old.csv", T2022, old_csv, 2);
		}
		h = expect(db, "a0:b1:c2:00:00:01", "New Name", 24);
		assert_string_equal(h->file, "new");
		assert_int_equal(h->source_index, order == 0 ? 1 : 0);
		h = expect(db, "a0:b1:c3:00:00:01", "Old Only", 24);
		assert_string_equal(h->file, "old.csv");
		assert_int_equal(cs_oui_count(db), 2);
		cs_oui_free(db);
	}
	/* Same date: the later-loaded file (a user's import) answers. */
	db = cs_oui_new();
	add(db, CS_OUI_FMT_CSV, "first.csv", T2023, HDR "MA-L,A0B1C2,First,x\n",
	    1);
	add(db, CS_OUI_FMT_CSV, "second.csv", T2023,
	    HDR "MA-L,A0B1C2,Second,x\n", 1);
	assert_string_equal(expect(db, "a0:b1:c2:00:00:01", "Second", 24)->file,
			    "second.csv");
	/* A failed file changes nothing. */
	add(db, CS_OUI_FMT_CSV, "bad.csv", T2025,
	    HDR "MA-L,A0B1C2,Third,x\nMA-L,zz,bad\n", CS_EPROTO);
	expect(db, "a0:b1:c2:00:00:01", "Second", 24);
	assert_int_equal(cs_oui_source_count(db), 2);
	cs_oui_free(db);
}

/* ---- default sources and `oui update` ------------------------------------ */

static char sysdir[320], manuf[320], xdg[320], userdir[400];

static void
set_env(void)
{
	setenv("CAMSWEEP_IEEE_DATA", sysdir, 1);
	setenv("CAMSWEEP_MANUF", manuf, 1);
	setenv("XDG_DATA_HOME", xdg, 1);
}

static int
setup_dirs(void **state)
{
	char f[512];

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/camsweep-oui-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(sysdir, sizeof(sysdir), "%s/sys", tmpdir);
	snprintf(manuf, sizeof(manuf), "%s/manuf", tmpdir);
	snprintf(xdg, sizeof(xdg), "%s/xdg", tmpdir);
	snprintf(userdir, sizeof(userdir), "%s/camsweep/oui", xdg);
	if (mkdir(sysdir, 0755) != 0)
		return -1;
	fixture(f, sizeof(f), "sys/oui.csv");
	{
		char to[400];

		snprintf(to, sizeof(to), "%s/oui.csv", sysdir);
		copy_file(f, to, T2022);
		fixture(f, sizeof(f), "sys/mam.csv");
		snprintf(to, sizeof(to), "%s/mam.csv", sysdir);
		copy_file(f, to, T2022);
	}
	fixture(f, sizeof(f), "manuf");
	/* An old mtime: the date in the file must win. */
	copy_file(f, manuf, T2022 - 86400 * 365);
	set_env();
	return 0;
}

static void
rm_rf(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[1024];
		struct stat sb;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			rm_rf(p);
		else
			unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static int
teardown_dirs(void **state)
{
	(void)state;
	rm_rf(tmpdir);
	return 0;
}

static struct cs_oui *
load_default(void)
{
	char err[512] = "";
	struct cs_oui *db;

	set_env();
	db = cs_oui_load(NULL, NULL, err, sizeof(err));
	if (db == NULL)
		fail_msg("%s", err);
	return db;
}

/* Number of entries of dir (temporary files would show here). */
static size_t
dir_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") != 0 &&
					    strcmp(e->d_name, "..") != 0))
			n++;
	closedir(d);
	return n;
}

static void
test_system_sources(void **state)
{
	struct cs_oui *db;
	const struct cs_oui_source *s;
	const struct cs_oui_hit *h;

	(void)state;
	rm_rf(xdg);
	db = load_default();
	assert_int_equal(cs_oui_source_count(db), 3);
	s = cs_oui_source_at(db, 0);
	assert_true(strstr(s->path, "/sys/oui.csv") != NULL);
	assert_string_equal(s->format, "ieee-csv");
	assert_string_equal(s->date_kind, CS_OUI_DATE_MTIME);
	assert_int_equal(s->date, T2022);
	assert_int_equal(s->entries, 4);
	s = cs_oui_source_at(db, 2);
	assert_string_equal(s->path, manuf);
	assert_string_equal(s->format, "manuf");
	assert_string_equal(s->date_kind, CS_OUI_DATE_INFILE);
	assert_int_equal(s->date, T2024);
	assert_int_equal(s->entries, 6);
	assert_int_equal(s->skipped, 2);
	/* manuf (2024) renamed A0:B1:C2; ieee-data (2022) alone has C3. */
	h = expect(db, "a0:b1:c2:00:00:01", "New Name Cameras Co., Ltd.", 24);
	expect_file(h, "/manuf");
	expect_file(expect(db, "a0:b1:c3:00:00:01", "Only In System Ltd", 24),
		    "/sys/oui.csv");
	expect_file(expect(db, "a0:b1:c4:70:00:01", "Medium Block GmbH", 28),
		    "/manuf");
	expect(db, "a0:b1:c4:81:20:01", "Small Block Sp. z o.o.", 36);
	expect(db, "a0:b1:c4:81:30:01", "IEEE Registration Authority", 24);
	expect(db, "a0:b1:c6:00:00:01", "ShortOnly", 24);
	expect(db, "a0:b1:c7:00:00:01", "Spaced Fields Ltd", 24);
	cs_oui_free(db);
	/* CAMSWEEP_MANUF="" leaves manuf out. */
	setenv("CAMSWEEP_MANUF", "", 1);
	{
		char err[256];

		db = cs_oui_load(NULL, NULL, err, sizeof(err));
		assert_non_null(db);
		assert_int_equal(cs_oui_source_count(db), 2);
		expect(db, "a0:b1:c2:00:00:01", "Old Name Cameras Co.", 24);
		cs_oui_free(db);
	}
	set_env();
}

static int
import(const char *const *rel, size_t n, bool force, char *err, size_t errsz)
{
	char paths[6][512];
	const char *p[6];
	struct cs_buf log;
	size_t i;
	int r;

	assert_true(n <= 6);
	for (i = 0; i < n; i++) {
		if (rel[i][0] == '/')
			snprintf(paths[i], sizeof(paths[i]), "%s", rel[i]);
		else
			fixture(paths[i], sizeof(paths[i]), rel[i]);
		p[i] = paths[i];
	}
	cs_buf_init(&log, 1 << 16);
	r = cs_oui_import(p, n, userdir, force, &log, err, errsz);
	if (r > 0)
		assert_non_null(strstr(cs_buf_str(&log), "installed "));
	cs_buf_free(&log);
	return r;
}

/* `oui update` installs the files, later loads read them. */
static void
test_import_then_lookup(void **state)
{
	static const char *const files[] = {
	    "import/oui.csv", "import/mam download (1).csv", "import/cid.csv"};
	char err[512] = "", src[512], dst[512], from[512];
	struct cs_oui *db;
	const struct cs_oui_hit *h;
	size_t na, nb;
	char *a, *b;

	(void)state;
	rm_rf(xdg);
	/* Date the download: copy it with a 2025 mtime. */
	fixture(src, sizeof(src), "import/oui.csv");
	snprintf(from, sizeof(from), "%s/oui-download.csv", tmpdir);
	copy_file(src, from, T2025);
	{
		const char *f2[] = {from, files[1], files[2]};

		if (import(f2, 3, false, err, sizeof(err)) != 3)
			fail_msg("import: %s", err);
	}
	snprintf(dst, sizeof(dst), "%s/oui.csv", userdir);
	a = read_all(from, &na);
	b = read_all(dst, &nb);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	free(a);
	free(b);
	assert_int_equal(mtime_of(dst), T2025);
	snprintf(dst, sizeof(dst), "%s/mam.csv", userdir);
	assert_int_equal(access(dst, R_OK), 0);
	snprintf(dst, sizeof(dst), "%s/cid.csv", userdir);
	assert_int_equal(access(dst, R_OK), 0);
	assert_int_equal(dir_entries(userdir), 3);

	db = load_default();
	assert_int_equal(cs_oui_source_count(db), 6);
	/* The import (2025) beats manuf (2024) and ieee-data (2022). */
	h = expect(db, "a0:b1:c2:00:00:01", "Newest Name Cameras Co.", 24);
	expect_file(h, "/camsweep/oui/oui.csv");
	expect(db, "a0:b1:c9:00:00:01", "Imported, Only Co.", 24);
	expect_file(expect(db, "a0:b1:c4:80:00:01", "Imported Medium Ltd", 28),
		    "/camsweep/oui/mam.csv");
	/* ... but not a more specific block inside it. */
	expect(db, "a0:b1:c4:81:20:01", "Small Block Sp. z o.o.", 36);
	expect(db, "a0:b1:c3:00:00:01", "Only In System Ltd", 24);
	assert_int_equal(cs_oui_source_at(db, 5)->skipped, 1); /* the CID */
	cs_oui_free(db);

	/* An import older than manuf loses to it: most recent, not most
	 * local. */
	snprintf(dst, sizeof(dst), "%s/oui.csv", userdir);
	{
		struct timespec ts[2] = {{(time_t)T2023, 0},
					 {(time_t)T2023, 0}};

		assert_int_equal(utimensat(AT_FDCWD, dst, ts, 0), 0);
	}
	db = load_default();
	expect_file(
	    expect(db, "a0:b1:c2:00:00:01", "New Name Cameras Co., Ltd.", 24),
	    "/manuf");
	cs_oui_free(db);
}

/* A malformed import is refused and the installed files stay as they are. */
static void
test_import_refused(void **state)
{
	static const struct {
		const char *files[2];
		size_t n;
		int want;
	} bad[] = {
	    {{"import/oui.csv", "import/bad-quote.csv"}, 2, CS_EPROTO},
	    {{"import/mixed.csv", NULL}, 1, CS_EPROTO},
	    {{"import/empty.csv", NULL}, 1, CS_EPROTO},
	    {{"import/not-csv.csv", NULL}, 1, CS_EPROTO},
	    {{"sys/oui.csv", "import/oui.csv"}, 2, CS_EINVAL},
	    {{"import/no-such-file.csv", NULL}, 1, CS_EIO},
	    {{NULL, NULL}, 0, CS_EINVAL},
	};
	char err[512], dst[512], big[512], *before, *after;
	size_t i, nb, na;
	int64_t mt;

	(void)state;
	rm_rf(xdg);
	/* Install a six-record oui.csv first. */
	snprintf(big, sizeof(big), "%s/big.csv", tmpdir);
	write_file(big,
		   HDR "MA-L,A0B1D1,A,x\nMA-L,A0B1D2,B,x\nMA-L,A0B1D3,C,x\n"
		       "MA-L,A0B1D4,D,x\nMA-L,A0B1D5,E,x\nMA-L,A0B1D6,F,x\n",
		   T2024);
	{
		const char *f[] = {big};

		assert_int_equal(import(f, 1, false, err, sizeof(err)), 1);
	}
	snprintf(dst, sizeof(dst), "%s/oui.csv", userdir);
	before = read_all(dst, &nb);
	mt = mtime_of(dst);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int r;

		err[0] = '\0';
		r = import(bad[i].files, bad[i].n, false, err, sizeof(err));
		if (r != bad[i].want)
			fail_msg("case %zu: %d, want %d (%s)", i, r,
				 bad[i].want, err);
		assert_true(err[0] != '\0');
		after = read_all(dst, &na);
		assert_int_equal(na, nb);
		assert_memory_equal(before, after, nb);
		free(after);
		assert_int_equal(mtime_of(dst), mt);
		assert_int_equal(dir_entries(userdir), 1);
	}
	/* Two records after six: a truncated download, refused ... */
	{
		const char *f[] = {"import/oui.csv"};

		assert_int_equal(import(f, 1, false, err, sizeof(err)),
				 CS_EPROTO);
		assert_non_null(strstr(err, "--force"));
		after = read_all(dst, &na);
		assert_int_equal(na, nb);
		free(after);
		/* ... unless forced. */
		assert_int_equal(import(f, 1, true, err, sizeof(err)), 1);
		after = read_all(dst, &na);
		assert_true(na != nb);
		free(after);
	}
	free(before);
	assert_int_equal(dir_entries(userdir), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_manuf_table),
	    cmocka_unit_test(test_manuf_date),
	    cmocka_unit_test(test_most_specific),
	    cmocka_unit_test(test_most_recent),
	    cmocka_unit_test(test_system_sources),
	    cmocka_unit_test(test_import_then_lookup),
	    cmocka_unit_test(test_import_refused),
	};

	return cmocka_run_group_tests(tests, setup_dirs, teardown_dirs);
}
