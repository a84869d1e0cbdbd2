/* SPDX-License-Identifier: ISC */
/* Evidence packs: keys, building and verifying; see evidence.h. */
#include "evidence/evidence.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/escape.h"
#include "core/str.h"
#include "evidence/digest.h"
#include "evidence/tar.h"
#include "policy/estate.h"
#include "core/poison.h"

#define KEY_SECRET "camsweep-ed25519-secret-key v1"
#define KEY_PUBLIC "camsweep-ed25519-public-key v1"
#define SIG_HEAD "camsweep-evidence-signature v1"
#define MAX_DATA_FILE ((size_t)64 << 20)

/* ---------------------------------------------------------------------- */
/* Keys */

static int
write_new(const char *path, const char *text, mode_t mode, char *err,
	  size_t errsz)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	size_t n = strlen(text);
	bool ok;

	if (fd < 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	ok = fchmod(fd, mode) == 0 && write(fd, text, n) == (ssize_t)n;
	ok = close(fd) == 0 && ok;
	if (!ok) {
		snprintf(err, errsz, "%s: write failed", path);
		unlink(path);
		return -1;
	}
	return 0;
}

int
cs_ev_keygen(const char *path, char *err, size_t errsz)
{
	uint8_t pk[CS_EV_PK_BYTES], sk[CS_EV_SK_BYTES];
	char hex[2 * CS_EV_SK_BYTES + 1], text[256], pub[4096];
	int rc;

	if (cs_ev_init() != 0) {
		snprintf(err, errsz, "libsodium failed to initialise");
		return -1;
	}
	if (strlen(path) + 5 >= sizeof(pub)) {
		snprintf(err, errsz, "%s: name too long", path);
		return -1;
	}
	snprintf(pub, sizeof(pub), "%s.pub", path);
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(hex, sizeof(hex), sk, sizeof(sk));
	snprintf(text, sizeof(text), "%s\n%s\n", KEY_SECRET, hex);
	rc = write_new(path, text, 0600, err, errsz);
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(text, sizeof(text));
	sodium_memzero(hex, sizeof(hex));
	if (rc != 0)
		return -1;
	sodium_bin2hex(hex, sizeof(hex), pk, sizeof(pk));
	snprintf(text, sizeof(text), "%s\n%s\n", KEY_PUBLIC, hex);
	if (write_new(pub, text, 0644, err, errsz) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* Reads a key file: its first line must be head, the second hex of n
 * bytes. */
static int
read_key(const char *path, const char *head, uint8_t *out, size_t n, char *err,
	 size_t errsz)
{
	size_t len, bin = 0;
	uint8_t *p = cs_policy_read_file(path, 4096, &len, err, errsz);
	char *text, *nl;
	int rc = -1;

	if (p == NULL)
		return -1;
	text = cs_xstrndup(p, len);
	sodium_memzero(p, len);
	free(p);
	nl = strchr(text, '\n');
	if (nl == NULL || (size_t)(nl - text) != strlen(head) ||
	    memcmp(text, head, strlen(head)) != 0) {
		snprintf(err, errsz, "%s: not a %s file", path, head);
		goto out;
	}
	if (sodium_hex2bin(out, n, nl + 1, strlen(nl + 1), "\n", &bin, NULL) !=
		0 ||
	    bin != n) {
		snprintf(err, errsz, "%s: bad key", path);
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(text, strlen(text));
	free(text);
	return rc;
}

int
cs_ev_load_secret(const char *path, uint8_t sk[CS_EV_SK_BYTES], char *err,
		  size_t errsz)
{
	struct stat sb;

	if (cs_ev_init() != 0) {
		snprintf(err, errsz, "libsodium failed to initialise");
		return -1;
	}
	if (stat(path, &sb) != 0) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* The signing key is the user's alone. */
	if ((sb.st_mode & 077) != 0 || sb.st_uid != geteuid()) {
		snprintf(err, errsz,
			 "%s: a signing key must be yours and mode 0600 "
			 "(chmod 600)",
			 path);
		return -1;
	}
	return read_key(path, KEY_SECRET, sk, CS_EV_SK_BYTES, err, errsz);
}

int
cs_ev_load_public(const char *path, uint8_t pk[CS_EV_PK_BYTES], char *err,
		  size_t errsz)
{
	uint8_t sk[CS_EV_SK_BYTES];

	if (cs_ev_init() != 0) {
		snprintf(err, errsz, "libsodium failed to initialise");
		return -1;
	}
	if (read_key(path, KEY_PUBLIC, pk, CS_EV_PK_BYTES, err, errsz) == 0)
		return 0;
	if (read_key(path, KEY_SECRET, sk, sizeof(sk), err, errsz) != 0) {
		snprintf(err, errsz, "%s: not a camsweep public key file",
			 path);
		return -1;
	}
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	sodium_memzero(sk, sizeof(sk));
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Building a pack */

struct pack {
	struct cs_buf *tar;
	struct cs_buf manifest;
	int64_t mtime;
	int rc;
	char *err;
	size_t errsz;
};

/* Adds one file to the archive and its line to the manifest. */
static void
add_file(struct pack *pk, const char *name, const void *p, size_t n)
{
	char hex[CS_SHA256_HEX];

	if (pk->rc != 0)
		return;
	cs_ev_sha256_hex(p, n, hex);
	if ((pk->rc = cs_tar_add(pk->tar, name, p, n, pk->mtime)) != 0 ||
	    (pk->rc = cs_buf_printf(&pk->manifest, "%s  %s\n", hex, name)) != 0)
		snprintf(pk->err, pk->errsz, "%s: cannot add to the pack (%s)",
			 name, cs_strerror(pk->rc));
}

static void
add_buf(struct pack *pk, const char *name, struct cs_buf *b)
{
	add_file(pk, name, b->p ? (const void *)b->p : "", b->len);
}

/* Adds every regular file of dir/sub as data/sub/NAME, by name. */
static void
add_data_dir(struct pack *pk, const char *dir, const char *sub,
	     struct cs_buf *versions)
{
	char path[4096], name[CS_TAR_NAME_MAX + 1];
	char **names;
	size_t n;

	if (cs_ev_list_dir(dir, sub, &names, &n) != 0) {
		cs_buf_printf(versions, "data/%s: not readable (%s)\n", sub,
			      strerror(errno));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint8_t *p;
		size_t len;
		char e[512];

		snprintf(path, sizeof(path), "%s/%s/%s", dir, sub, names[i]);
		snprintf(name, sizeof(name), "data/%s/%s", sub, names[i]);
		if (!cs_tar_name_ok(name)) {
			cs_buf_printf(versions,
				      "data/%s: a file with a name "
				      "a pack cannot hold was left out\n",
				      sub);
		} else if ((p = cs_policy_read_file(path, MAX_DATA_FILE, &len,
						    e, sizeof(e))) != NULL) {
			add_file(pk, name, p, len);
			free(p);
		}
	}
	cs_ev_names_free(names, n);
}

/* Renders one report of r into b (reset first); 0 or a cs error. */
static int
render(const struct cs_report *r, int fmt, struct cs_buf *b, struct cs_buf *b2)
{
	cs_buf_reset(b);
	if (b2)
		cs_buf_reset(b2);
	if (fmt == 0)
		return cs_report_write_html(r, b);
	if (fmt == 1)
		return cs_report_write_json(r, b);
	if (fmt == 2)
		return cs_report_write_csv_devices(r, b);
	return cs_report_write_csv_findings(r, b);
}

int
cs_ev_pack(struct cs_store *s, const struct cs_ev_pack_opts *o,
	   struct cs_buf *tar, char *err, size_t errsz)
{
	static const char *const attest[] = {
	    "uk-gsg-return", "far-52.204-24-25-26", "2cfr-200.216"};
	struct cs_assessment a;
	struct cs_report_opts ro = {0};
	struct cs_report *r = NULL, *rs = NULL;
	struct pack pk = {0};
	struct cs_buf b, versions, sig;
	uint8_t sigbin[crypto_sign_BYTES], pkey[CS_EV_PK_BYTES];
	char hex[2 * crypto_sign_BYTES + 1], mh[CS_SHA256_HEX], t[32];
	char digest[160];
	int rc;

	if (cs_ev_init() != 0) {
		snprintf(err, errsz, "libsodium failed to initialise");
		return CS_EIO;
	}
	rc = cs_store_assessment_latest(s, &a);
	if (rc != 0) {
		snprintf(err, errsz, "%s",
			 rc == CS_ENOTFOUND
			     ? "no assessment recorded: run camsweep assess "
			       "(with --estate) first"
			     : cs_store_errmsg(s));
		return rc;
	}
	if (a.estate_sha256[0]) {
		char h[CS_SHA256_HEX];
		const char *et = a.estate_text ? a.estate_text : "";

		cs_ev_sha256_hex(et, strlen(et), h);
		if (strcmp(h, a.estate_sha256) != 0) {
			snprintf(err, errsz,
				 "the estate text recorded with assessment "
				 "#%lld does not match its recorded SHA-256",
				 (long long)a.id);
			cs_assessment_clear(&a);
			return CS_EINVAL;
		}
	}
	/* The reports of the assessed scan. */
	ro.scan_id = a.scan_id;
	ro.now = o->now;
	ro.marking = o->marking;
	ro.registry = o->registry;
	ro.nregistry = o->nregistry;
	ro.tool_version = o->tool_version;
	if ((rc = cs_report_load(s, &ro, &r, err, errsz)) != 0) {
		cs_assessment_clear(&a);
		return rc;
	}
	ro.summary = true;
	if ((rc = cs_report_load(s, &ro, &rs, err, errsz)) != 0) {
		cs_report_free(r);
		cs_assessment_clear(&a);
		return rc;
	}
	pk.tar = tar;
	pk.mtime = o->now;
	pk.err = err;
	pk.errsz = errsz;
	cs_buf_init(&pk.manifest, (size_t)16 << 20);
	cs_buf_init(&b, CS_REPORT_MAX_OUTPUT);
	cs_buf_init(&versions, (size_t)1 << 20);
	cs_buf_init(&sig, 4096);
	if ((pk.rc = render(r, 0, &b, NULL)) == 0)
		add_buf(&pk, "reports/report.html", &b);
	if (pk.rc == 0 && (pk.rc = render(rs, 0, &b, NULL)) == 0)
		add_buf(&pk, "reports/board-paper.html", &b);
	if (pk.rc == 0 && (pk.rc = render(r, 1, &b, NULL)) == 0)
		add_buf(&pk, "inventory/inventory.json", &b);
	if (pk.rc == 0 && (pk.rc = render(r, 2, &b, NULL)) == 0)
		add_buf(&pk, "inventory/devices.csv", &b);
	if (pk.rc == 0 && (pk.rc = render(r, 3, &b, NULL)) == 0)
		add_buf(&pk, "inventory/findings.csv", &b);
	if (pk.rc != 0 && err[0] == '\0')
		snprintf(err, errsz, "rendering the reports: %s",
			 cs_strerror(pk.rc));
	/* The estate file exactly as the assessment read it. */
	if (a.estate_sha256[0])
		add_file(&pk, "estate/estate.txt", a.estate_text,
			 strlen(a.estate_text));
	/* The data and its versions. */
	cs_buf_printf(&versions, "camsweep evidence pack\n");
	cs_buf_printf(&versions, "program: camsweep %s\n",
		      o->tool_version ? o->tool_version : "?");
	cs_buf_printf(&versions, "inventory schema: %d\n",
		      cs_store_schema_version(s));
	cs_buf_printf(&versions, "pack made: %s\n",
		      cs_report_time(o->now, t, sizeof(t)));
	cs_buf_printf(&versions,
		      "assessment: #%lld of scan %lld at %s, as of %s, by "
		      "camsweep %s, %lld finding(s)\n",
		      (long long)a.id, (long long)a.scan_id,
		      cs_report_time(a.assessed_at, t, sizeof(t)), a.as_of,
		      a.tool_version, (long long)a.findings);
	cs_buf_printf(&versions, "regimes: %s\n", a.regimes);
	cs_buf_printf(&versions, "data digest at the assessment: %s\n",
		      a.data_version[0] ? a.data_version : "not recorded");
	cs_ev_data_digest(o->data_dir, digest, sizeof(digest));
	cs_buf_printf(&versions,
		      "data digest of the files in this pack: %s%s\n", digest,
		      strcmp(digest, a.data_version) == 0
			  ? ""
			  : " (DIFFERENT: the data changed after the "
			    "assessment; the files here are today's)");
	cs_buf_printf(&versions, "estate file: ");
	if (a.estate_sha256[0]) {
		cs_esc_term(&versions, a.estate_file, strlen(a.estate_file));
		cs_buf_printf(&versions,
			      " (in this pack as estate/estate.txt), SHA-256 "
			      "%s\n",
			      a.estate_sha256);
	} else {
		cs_buf_printf(&versions, "none (assessed with --no-estate)\n");
	}
	for (size_t i = 0; i < o->nregistry; i++) {
		const struct cs_report_registry *g = &o->registry[i];

		cs_buf_printf(&versions, "MAC registry: ");
		cs_esc_term(&versions, g->file, strlen(g->file));
		cs_buf_printf(&versions, ", dated %s (%s), %zu assignments\n",
			      g->date, g->date_from, g->assignments);
	}
	add_data_dir(&pk, o->data_dir, "policy", &versions);
	add_data_dir(&pk, o->data_dir, "entities", &versions);
	add_buf(&pk, "versions.txt", &versions);
	/* The command lines. */
	cs_buf_reset(&b);
	cs_buf_printf(&b, "# the assessment\n");
	cs_esc_term(&b, a.command ? a.command : "",
		    a.command ? strlen(a.command) : 0);
	cs_buf_printf(&b, "\n# this pack\n");
	cs_esc_term(&b, o->command ? o->command : "",
		    o->command ? strlen(o->command) : 0);
	cs_buf_printf(&b, "\n");
	add_buf(&pk, "commands.txt", &b);
	/* The attestation templates, filled. */
	for (size_t i = 0; i < CS_NELEM(attest) && pk.rc == 0; i++) {
		char name[CS_TAR_NAME_MAX + 1];

		cs_buf_reset(&b);
		if ((pk.rc = cs_ev_attestation(s, &a, attest[i], o->now, &b)) !=
		    0) {
			snprintf(err, errsz, "attestation %s: %s", attest[i],
				 cs_strerror(pk.rc));
			break;
		}
		snprintf(name, sizeof(name), "attestations/%s.txt", attest[i]);
		add_buf(&pk, name, &b);
	}
	/* The manifest and its signature. */
	if (pk.rc == 0) {
		cs_ev_sha256_hex(pk.manifest.p, pk.manifest.len, mh);
		crypto_sign_detached(sigbin, NULL, pk.manifest.p,
				     pk.manifest.len, o->sk);
		crypto_sign_ed25519_sk_to_pk(pkey, o->sk);
		cs_buf_printf(&sig, "%s\nalgorithm ed25519\n", SIG_HEAD);
		sodium_bin2hex(hex, sizeof(hex), pkey, sizeof(pkey));
		cs_buf_printf(&sig, "public-key %s\n", hex);
		cs_buf_printf(&sig, "manifest-sha256 %s\n", mh);
		sodium_bin2hex(hex, sizeof(hex), sigbin, sizeof(sigbin));
		cs_buf_printf(&sig, "signature %s\n", hex);
		if ((pk.rc = cs_tar_add(tar, CS_EV_MANIFEST, pk.manifest.p,
					pk.manifest.len, pk.mtime)) == 0 &&
		    (pk.rc = cs_tar_add(tar, CS_EV_SIGNATURE, sig.p, sig.len,
					pk.mtime)) == 0)
			pk.rc = cs_tar_finish(tar);
		if (pk.rc != 0)
			snprintf(err, errsz, "pack: %s", cs_strerror(pk.rc));
	}
	rc = pk.rc;
	cs_buf_free(&pk.manifest);
	cs_buf_free(&b);
	cs_buf_free(&versions);
	cs_buf_free(&sig);
	cs_report_free(r);
	cs_report_free(rs);
	cs_assessment_clear(&a);
	return rc;
}

/* ---------------------------------------------------------------------- */
/* Verifying a pack */

struct vctx {
	cs_ev_problem_cb cb;
	void *arg;
	int n;
};

static void problem(struct vctx *v, const char *file, const char *fmt, ...)
    CS_PRINTF(3, 4);

static void
problem(struct vctx *v, const char *file, const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	v->n++;
	if (v->cb)
		v->cb(v->arg, file, what);
}

/* The value of "key VALUE" in the signature text, or NULL. */
static const char *
sig_field(const char *text, const char *key, char *out, size_t outsz)
{
	size_t kl = strlen(key);

	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);

		if (l > kl && memcmp(p, key, kl) == 0 && p[kl] == ' ') {
			cs_span_copy(out, outsz,
				     cs_span_make(p + kl + 1, l - kl - 1));
			return out;
		}
		p = nl ? nl + 1 : NULL;
	}
	return NULL;
}

/* Checks the signature file against the manifest; true if authentic. */
static bool
check_signature(struct vctx *v, const uint8_t *man, size_t mlen,
		const uint8_t *sigp, size_t slen, const uint8_t *trusted,
		char key_hex[65])
{
	char *text = cs_xstrndup(sigp, slen);
	char kh[80], sh[160], mh[80], real[CS_SHA256_HEX];
	uint8_t key[CS_EV_PK_BYTES], sig[crypto_sign_BYTES];
	size_t bin = 0, bin2 = 0;
	bool ok = false, sig_ok;

	key_hex[0] = '\0';
	if (strncmp(text, SIG_HEAD "\n", strlen(SIG_HEAD) + 1) != 0 ||
	    sig_field(text, "public-key", kh, sizeof(kh)) == NULL ||
	    sig_field(text, "signature", sh, sizeof(sh)) == NULL ||
	    sig_field(text, "manifest-sha256", mh, sizeof(mh)) == NULL ||
	    sodium_hex2bin(key, sizeof(key), kh, strlen(kh), NULL, &bin,
			   NULL) != 0 ||
	    bin != sizeof(key) ||
	    sodium_hex2bin(sig, sizeof(sig), sh, strlen(sh), NULL, &bin2,
			   NULL) != 0 ||
	    bin2 != sizeof(sig)) {
		problem(v, CS_EV_SIGNATURE, "not a readable signature file");
		goto out;
	}
	cs_strlcpy(key_hex, kh, 65);
	if (trusted != NULL && sodium_memcmp(trusted, key, sizeof(key)) != 0) {
		problem(v, CS_EV_SIGNATURE,
			"signed by key %.16s..., not by the trusted key given",
			kh);
		goto out;
	}
	sig_ok = crypto_sign_verify_detached(sig, man, mlen, key) == 0;
	cs_ev_sha256_hex(man, mlen, real);
	if (sig_ok && strcmp(real, mh) == 0) {
		ok = true;
	} else if (sig_ok) {
		/* The signature holds for this manifest: the signature
		 * file's own record of the manifest hash was changed. */
		problem(v, CS_EV_SIGNATURE,
			"its manifest-sha256 line was changed (the signature "
			"itself verifies)");
	} else if (strcmp(real, mh) != 0) {
		problem(v, CS_EV_MANIFEST,
			"changed after signing: SHA-256 %.16s..., signed "
			"%.16s...",
			real, mh);
	} else {
		problem(v, CS_EV_SIGNATURE,
			"the signature does not verify for this manifest");
	}
out:
	free(text);
	return ok;
}

int
cs_ev_verify(const uint8_t *p, size_t n, const uint8_t *pk, cs_ev_problem_cb cb,
	     void *arg, char key_hex[65], size_t *nfiles)
{
	struct vctx v = {cb, arg, 0};
	struct cs_tar t;
	const struct cs_tar_entry *man, *sig;
	char err[512];
	bool *listed = NULL;

	key_hex[0] = '\0';
	if (nfiles)
		*nfiles = 0;
	if (cs_ev_init() != 0) {
		problem(&v, "libsodium", "failed to initialise");
		return v.n;
	}
	if (cs_tar_read(p, n, &t, err, sizeof(err)) != 0) {
		/* "NAME: what" or "archive: what" */
		const char *c = strstr(err, ": ");
		char file[CS_TAR_NAME_MAX + 16];

		cs_span_copy(file, sizeof(file),
			     cs_span_make(err, c ? (size_t)(c - err) : 0));
		problem(&v, file[0] ? file : "archive", "%s", c ? c + 2 : err);
		/* The entries read before it are still checked below. */
	}
	man = cs_tar_find(&t, CS_EV_MANIFEST);
	sig = cs_tar_find(&t, CS_EV_SIGNATURE);
	if (man == NULL)
		problem(&v, CS_EV_MANIFEST, "missing");
	if (sig == NULL)
		problem(&v, CS_EV_SIGNATURE, "missing");
	if (man && sig)
		check_signature(&v, p + man->off, man->len, p + sig->off,
				sig->len, pk, key_hex);
	listed = cs_xcalloc(t.n + 1, sizeof(*listed));
	if (man != NULL) {
		const char *m = (const char *)p + man->off;
		size_t left = man->len, line = 0;

		while (left > 0) {
			const char *nl = memchr(m, '\n', left);
			size_t l = nl ? (size_t)(nl - m) : left;
			char name[CS_TAR_NAME_MAX + 1], want[CS_SHA256_HEX],
			    got[CS_SHA256_HEX];
			const struct cs_tar_entry *e;

			line++;
			if (l < 67 || l > 66 + CS_TAR_NAME_MAX ||
			    m[64] != ' ' || m[65] != ' ') {
				problem(&v, CS_EV_MANIFEST,
					"line %zu is not \"SHA256  NAME\"",
					line);
			} else {
				memcpy(want, m, 64);
				want[64] = '\0';
				cs_span_copy(name, sizeof(name),
					     cs_span_make(m + 66, l - 66));
				e = cs_tar_find(&t, name);
				if (e == NULL) {
					problem(&v, name,
						"listed in the manifest but "
						"not in the pack");
				} else {
					listed[e - t.v] = true;
					cs_ev_sha256_hex(p + e->off, e->len,
							 got);
					if (nfiles)
						(*nfiles)++;
					if (strcmp(got, want) != 0)
						problem(&v, name,
							"SHA-256 differs from "
							"the manifest (file "
							"%.16s..., manifest "
							"%.16s...)",
							got, want);
				}
			}
			if (nl == NULL)
				break;
			left -= l + 1;
			m = nl + 1;
		}
	}
	for (size_t i = 0; i < t.n; i++)
		if (!listed[i] && &t.v[i] != man && &t.v[i] != sig)
			problem(&v, t.v[i].name,
				"in the pack but not in the "
				"manifest");
	free(listed);
	cs_tar_free(&t);
	return v.n;
}
