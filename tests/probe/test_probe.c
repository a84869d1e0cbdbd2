/* SPDX-License-Identifier: ISC */
/*
 * Probe modules driven through a fake context with canned replies, fed
 * both whole and one byte at a time, plus the registry invariants that
 * keep the module list honest (names, summaries, docs, fuzz targets).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/obs.h"
#include "core/str.h"
#include "probe/probe.h"

struct fake {
	struct cs_buf out;
	struct cs_buf first; /* the probe's first request */
	struct cs_obs_list obs;
	struct cs_probe_ctx ctx;
};

static void
fake_init(struct fake *f, uint16_t port)
{
	memset(f, 0, sizeof(*f));
	cs_buf_init(&f->out, 1 << 16);
	cs_buf_init(&f->first, 1 << 16);
	cs_obs_list_init(&f->obs);
	f->ctx.ip = 0x7F000102;
	f->ctx.port = port;
	snprintf(f->ctx.host, sizeof(f->ctx.host), "127.0.1.2");
	f->ctx.out = &f->out;
	f->ctx.obs = &f->obs;
	f->ctx.arg = "";
}

static void
fake_free(struct fake *f)
{
	cs_buf_free(&f->out);
	cs_buf_free(&f->first);
	cs_obs_list_free(&f->obs);
}

/*
 * Feeds replies (one per step) to probe p as the engine would: prefix by
 * prefix when bytewise, else whole.  Returns the end reason given to
 * finish.
 */
static void
drive(const struct cs_probe *p, struct fake *f, const char *const *replies,
      const size_t *lens, size_t nreplies, bool bytewise)
{
	f->ctx.probe = p;
	p->start(&f->ctx);
	cs_buf_add(&f->first, f->out.p, f->out.len);
	for (size_t r = 0; r < nreplies; r++) {
		size_t n = lens[r];
		enum cs_step st = CS_STEP_MORE;
		size_t i = bytewise ? 1 : n;

		cs_buf_reset(&f->out);
		for (; i <= n; i++) {
			st =
			    p->on_data(&f->ctx, (const uint8_t *)replies[r], i);
			if (st != CS_STEP_MORE)
				break;
		}
		if (st == CS_STEP_SEND) {
			assert_true(f->out.len > 0);
			f->ctx.step++;
			continue;
		}
		p->finish(&f->ctx, (const uint8_t *)replies[r], i <= n ? i : n,
			  st == CS_STEP_DONE ? CS_END_COMPLETE : CS_END_EOF);
		return;
	}
}

static const char *
obs_str(const struct fake *f, const char *key)
{
	const struct cs_obs *o = cs_obs_find(&f->obs, key, 0);

	return o ? (const char *)o->val : NULL;
}

static void
test_registry(void **state)
{
	size_t n;
	const struct cs_probe *const *list = cs_probe_list(&n);
	const char *src = getenv("CS_SRCDIR");

	(void)state;
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		const struct cs_probe *p = list[i];
		char path[4096];

		assert_non_null(p->name);
		assert_true(strlen(p->name) > 0);
		for (const char *c = p->name; *c; c++)
			assert_true((*c >= 'a' && *c <= 'z') ||
				    (*c >= '0' && *c <= '9') || *c == '-');
		assert_non_null(p->summary);
		assert_true(strlen(p->summary) > 10);
		assert_non_null(p->start);
		assert_non_null(p->on_data);
		assert_non_null(p->finish);
		assert_non_null(p->ports);
		assert_true(p->ports[0] != 0);
		assert_true(p->max_input > 0 && p->max_input <= (1u << 20));
		/* safe, or credentialed (never both) */
		assert_true(!(p->flags & CS_PROBE_SAFE) ==
			    !!(p->flags & CS_PROBE_CRED));
		assert_ptr_equal(cs_probe_find(p->name), p);
		for (size_t j = 0; j < i; j++) {
			assert_string_not_equal(list[j]->name, p->name);
			assert_string_not_equal(list[j]->summary, p->summary);
		}
		if (src) {
			snprintf(path, sizeof(path), "%s/docs/modules/%s.md",
				 src, p->name);
			if (access(path, R_OK) != 0)
				fail_msg("missing %s", path);
		}
	}
}

/* Every parser header is used by some fuzz target with a seed corpus. */
static void
test_parsers_fuzzed(void **state)
{
	const char *src = getenv("CS_SRCDIR");
	char path[4096];
	DIR *d;
	struct dirent *e;

	(void)state;
	if (src == NULL)
		skip();
	snprintf(path, sizeof(path), "%s/src/parse", src);
	assert_non_null(d = opendir(path));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char inc[300], cmd[4400];

		if (len < 3 || strcmp(e->d_name + len - 2, ".h") != 0)
			continue;
		snprintf(inc, sizeof(inc), "\"parse/%s\"", e->d_name);
		snprintf(cmd, sizeof(cmd),
			 "grep -l -F '%s' %s/fuzz/fuzz_*.c >/dev/null 2>&1",
			 inc, src);
		if (WEXITSTATUS(system(cmd)) != 0)
			fail_msg("no fuzz target includes %s", inc);
	}
	closedir(d);
	snprintf(path, sizeof(path), "%s/fuzz", src);
	assert_non_null(d = opendir(path));
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char corpus[4400];
		struct stat st;

		if (strncmp(e->d_name, "fuzz_", 5) != 0 || len < 7 ||
		    strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		snprintf(corpus, sizeof(corpus), "%s/fuzz/corpus/%.*s", src,
			 (int)(len - 7), e->d_name + 5);
		if (stat(corpus, &st) != 0 || !S_ISDIR(st.st_mode))
			fail_msg("no seed corpus %s", corpus);
	}
	closedir(d);
}

/* No probe ever sends credentials. */
static void
test_no_credentials(void **state)
{
	size_t n;
	const struct cs_probe *const *list = cs_probe_list(&n);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		struct fake f;

		fake_init(&f, list[i]->ports[0]);
		f.ctx.probe = list[i];
		list[i]->start(&f.ctx);
		const char *s = cs_buf_str(&f.out);
		assert_null(strstr(s, "Authorization:"));
		assert_null(strstr(s, "admin"));
		assert_null(strstr(s, "PassWord"));
		if (strstr(s, "\"password\""))
			assert_non_null(strstr(s, "\"password\":\"\""));
		fake_free(&f);
	}
}

static const char hik_root[] =
    "HTTP/1.1 200 OK\r\nServer: App-webs/\r\nContent-Type: text/html\r\n"
    "Content-Length: 93\r\n\r\n"
    "<html><head><title>Index</title></head><body><script>"
    "window.location.href = \"/doc/page/login.asp\";</script>";

static void
test_http_root(void **state)
{
	const struct cs_probe *p = cs_probe_find("http-root");
	const char *const replies[] = {hik_root};
	const size_t lens[] = {sizeof(hik_root) - 1};

	(void)state;
	for (int bytewise = 0; bytewise < 2; bytewise++) {
		struct fake f;

		fake_init(&f, 80);
		drive(p, &f, replies, lens, 1, bytewise);
		assert_non_null(strstr(cs_buf_str(&f.first), "GET / HTTP/1.1"));
		assert_string_equal(obs_str(&f, "http.status"), "200");
		assert_string_equal(obs_str(&f, "http.server"), "App-webs/");
		assert_string_equal(obs_str(&f, "http.title"), "Index");
		assert_non_null(obs_str(&f, "http.body"));
		fake_free(&f);
	}
}

/* A redirect is followed only to a path on the same host and port. */
static void
test_redirect_scope(void **state)
{
	static const struct {
		const char *location;
		const char *follow; /* NULL: must not follow */
	} cases[] = {
	    {"/doc/page/login.asp", "/doc/page/login.asp"},
	    {"http://127.0.1.2/login.html", "/login.html"},
	    {"http://10.0.0.1/login.html", NULL},
	    {"http://127.0.1.2.evil/x", NULL},
	    {"http://127.0.1.23/x", NULL},
	    {"https://127.0.1.2/x", NULL},
	    {"//10.0.0.1/x", NULL},
	    {"/", NULL},
	    {"/a b", NULL},
	    {"javascript:alert(1)", NULL},
	};
	const struct cs_probe *p = cs_probe_find("http-root");

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char reply[512];
		const char *replies[1] = {reply};
		size_t lens[1];
		struct fake f;

		lens[0] =
		    (size_t)snprintf(reply, sizeof(reply),
				     "HTTP/1.1 302 Found\r\nLocation: %s\r\n"
				     "Content-Length: 0\r\n\r\n",
				     cases[i].location);
		fake_init(&f, 80);
		drive(p, &f, replies, lens, 1, false);
		if (cases[i].follow == NULL) {
			assert_null(f.ctx.next_probe);
		} else {
			assert_ptr_equal(f.ctx.next_probe,
					 cs_probe_find("http-page"));
			assert_string_equal(f.ctx.next_arg, cases[i].follow);
		}
		fake_free(&f);
	}
}

/*
 * HTTPS: the root page, the page it redirects to, the vendor endpoints
 * and ONVIF run over TLS on 443 and 8443 (the engine does the
 * handshake); no other probe does, no credentialed probe does, and no
 * port is both clear and TLS for one probe.
 */
static void
test_tls_ports(void **state)
{
	static const char *const https[] = {
	    "http-root",  "http-page",      "hik-isapi",     "dahua-rpc2",
	    "axis-bdi",   "dahua-magicbox", "hanwha-sunapi", "uniview-lapi",
	    "onvif-time", "onvif-info",     "axis-param",
	};
	size_t n, ntls = 0;
	const struct cs_probe *const *list = cs_probe_list(&n);

	(void)state;
	for (size_t i = 0; i < sizeof(https) / sizeof(https[0]); i++) {
		const struct cs_probe *p = cs_probe_find(https[i]);

		assert_non_null(p);
		assert_true(cs_probe_tls_on_port(p, 443));
		assert_true(cs_probe_tls_on_port(p, 8443));
		assert_true(cs_probe_on_port(p, 443));
		assert_true(cs_probe_on_port(p, 80));
		assert_false(cs_probe_tls_on_port(p, 80));
	}
	for (size_t i = 0; i < n; i++) {
		const struct cs_probe *p = list[i];

		if (p->tls_ports == NULL)
			continue;
		ntls++;
		assert_false(p->flags & CS_PROBE_CRED);
		for (const uint16_t *q = p->tls_ports; *q; q++)
			for (const uint16_t *c = p->ports; *c; c++)
				assert_int_not_equal(*q, *c);
	}
	assert_int_equal(ntls, sizeof(https) / sizeof(https[0]));
	assert_false(cs_probe_tls_on_port(cs_probe_find("rtsp"), 443));
	assert_false(cs_probe_on_port(cs_probe_find("banner"), 443));
}

/* Over TLS a redirect to https:// on the same host and port is followed,
 * http:// is not (another port), and in the clear the reverse holds. */
static void
test_redirect_tls(void **state)
{
	static const struct {
		bool tls;
		const char *location, *follow;
	} cases[] = {
	    {true, "https://127.0.1.2/doc/page/login.asp",
	     "/doc/page/login.asp"},
	    {true, "http://127.0.1.2/x", NULL},
	    {true, "https://10.0.0.1/x", NULL},
	    {true, "/login.html", "/login.html"},
	    {false, "https://127.0.1.2/x", NULL},
	    {false, "http://127.0.1.2/x", "/x"},
	};
	const struct cs_probe *p = cs_probe_find("http-root");

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char reply[512];
		const char *replies[1] = {reply};
		size_t lens[1];
		struct fake f;

		lens[0] =
		    (size_t)snprintf(reply, sizeof(reply),
				     "HTTP/1.1 302 Found\r\nLocation: %s\r\n"
				     "Content-Length: 0\r\n\r\n",
				     cases[i].location);
		fake_init(&f, 443);
		f.ctx.tls = cases[i].tls;
		drive(p, &f, replies, lens, 1, false);
		if (cases[i].follow == NULL) {
			assert_null(f.ctx.next_probe);
		} else {
			assert_ptr_equal(f.ctx.next_probe,
					 cs_probe_find("http-page"));
			assert_string_equal(f.ctx.next_arg, cases[i].follow);
		}
		fake_free(&f);
	}
}

static void
test_http_malformed(void **state)
{
	const struct cs_probe *p = cs_probe_find("http-root");
	static const char junk[] = "\x16\x03\x01\x02\x00garbage\r\n\r\n";
	const char *const replies[] = {junk};
	const size_t lens[] = {sizeof(junk) - 1};
	struct fake f;

	(void)state;
	fake_init(&f, 80);
	drive(p, &f, replies, lens, 1, false);
	const struct cs_obs *o = cs_obs_find(&f.obs, "http.malformed", 0);
	assert_non_null(o);
	assert_true(o->flags & CS_OBS_MALFORMED);
	assert_null(obs_str(&f, "http.server"));
	fake_free(&f);
}

static const char rtsp_options[] =
    "RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: Dahua Rtsp Server\r\n"
    "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n";
static const char rtsp_describe[] =
    "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\n"
    "WWW-Authenticate: Basic realm=\"device\"\r\n\r\n";

static void
test_rtsp_two_steps(void **state)
{
	const struct cs_probe *p = cs_probe_find("rtsp");
	const char *const replies[] = {rtsp_options, rtsp_describe};
	const size_t lens[] = {sizeof(rtsp_options) - 1,
			       sizeof(rtsp_describe) - 1};

	(void)state;
	for (int bytewise = 0; bytewise < 2; bytewise++) {
		struct fake f;

		fake_init(&f, 554);
		drive(p, &f, replies, lens, 2, bytewise);
		assert_string_equal(obs_str(&f, "rtsp.server"),
				    "Dahua Rtsp Server");
		assert_non_null(obs_str(&f, "rtsp.public"));
		assert_string_equal(obs_str(&f, "rtsp.realm"), "device");
		assert_int_equal(f.ctx.step, 1);
		fake_free(&f);
	}
}

static const char rtsp_sdp[] =
    "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\n"
    "Content-Length: 64\r\n\r\n"
    "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=Sony RTSP Server\r\nt=0 0\r\n"
    "m=video 0 RTP/AVP 96\r\n";

static void
test_rtsp_sdp(void **state)
{
	const struct cs_probe *p = cs_probe_find("rtsp");
	const char *const replies[] = {rtsp_options, rtsp_sdp};
	size_t lens[] = {sizeof(rtsp_options) - 1, sizeof(rtsp_sdp) - 1};
	struct fake f;

	(void)state;
	/* Content-Length is 64 while the body is longer: cut it there. */
	fake_init(&f, 554);
	drive(p, &f, replies, lens, 2, false);
	assert_string_equal(obs_str(&f, "rtsp.sdp.session"),
			    "Sony RTSP Server");
	fake_free(&f);
}

static void
test_endpoints(void **state)
{
	static const char isapi[] =
	    "HTTP/1.1 401 Unauthorized\r\nContent-Length: 29\r\n"
	    "WWW-Authenticate: Digest realm=\"IP Camera(C2189)\", "
	    "nonce=\"x\"\r\n"
	    "\r\n<userCheck>401</userCheck>\n\n\n";
	static const char rpc2[] =
	    "HTTP/1.1 200 OK\r\nContent-Length: 16\r\n\r\n{\"result\":false}";
	static const char rpc2_404[] =
	    "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nno!";
	struct fake f;
	const char *r1[] = {isapi}, *r2[] = {rpc2}, *r3[] = {rpc2_404};
	size_t l1[] = {sizeof(isapi) - 1}, l2[] = {sizeof(rpc2) - 1},
	       l3[] = {sizeof(rpc2_404) - 1};

	(void)state;
	fake_init(&f, 80);
	drive(cs_probe_find("hik-isapi"), &f, r1, l1, 1, true);
	assert_non_null(strstr(cs_buf_str(&f.first),
			       "GET /ISAPI/System/deviceInfo HTTP/1.1"));
	assert_string_equal(obs_str(&f, "hik.isapi"),
			    "401 <userCheck>401</userCheck>\n\n\n");
	assert_string_equal(obs_str(&f, "http.realm"), "IP Camera(C2189)");
	fake_free(&f);

	fake_init(&f, 80);
	drive(cs_probe_find("dahua-rpc2"), &f, r2, l2, 1, false);
	assert_non_null(strstr(cs_buf_str(&f.first), "POST /RPC2_Login"));
	assert_string_equal(obs_str(&f, "dahua.rpc2"), "{\"result\":false}");
	fake_free(&f);

	/* Only a 200 is recorded for endpoints that answer with data. */
	fake_init(&f, 80);
	drive(cs_probe_find("dahua-rpc2"), &f, r3, l3, 1, false);
	assert_null(obs_str(&f, "dahua.rpc2"));
	fake_free(&f);
}

static void
test_hik_sdk(void **state)
{
	const struct cs_probe *p = cs_probe_find("hik-sdk");
	static const char greet[] = "\0\0\0\x10\0\0\0\x1e\0\0\0\x1e\0\0\0\0";
	const char *const replies[] = {greet};
	const size_t lens[] = {16};
	struct fake f;

	(void)state;
	fake_init(&f, 8000);
	drive(p, &f, replies, lens, 1, true);
	assert_int_equal(f.first.len, 0); /* sends nothing */
	assert_string_equal(obs_str(&f, "hik.sdk"),
			    "000000100000001e0000001e00000000");
	fake_free(&f);
}

static void
test_dahua_dvrip(void **state)
{
	const struct cs_probe *p = cs_probe_find("dahua-dvrip");
	char reply[32];
	const char *const replies[] = {reply};
	const size_t lens[] = {32};
	struct fake f;

	(void)state;
	memset(reply, 0, sizeof(reply));
	reply[0] = (char)0xB0;
	reply[3] = 0x68;
	fake_init(&f, 37777);
	drive(p, &f, replies, lens, 1, true);
	assert_int_equal(f.first.len, 32);
	assert_int_equal(f.first.p[0], 0xA0);
	assert_non_null(obs_str(&f, "dahua.dvrip"));
	assert_true(strncmp(obs_str(&f, "dahua.dvrip"), "b0", 2) == 0);
	fake_free(&f);
}

static void
test_banner_telnet(void **state)
{
	const struct cs_probe *p = cs_probe_find("banner");
	static const char greet[] = "\xff\xfd\x18\xff\xfb\x01"
				    "192.0.0.64 login: ";
	const char *const replies[] = {greet};
	const size_t lens[] = {sizeof(greet) - 1};
	struct fake f;

	(void)state;
	fake_init(&f, 23);
	drive(p, &f, replies, lens, 1, true);
	assert_string_equal(obs_str(&f, "banner"), "192.0.0.64 login: ");
	fake_free(&f);
}

/*
 * Services on ports their probe does not expect: a web interface on 8000
 * (where the Hikvision SDK service would speak first) or on a port no
 * probe claims stays silent, and is then asked as a web server; an RTSP
 * server that answers the web probe is then asked as an RTSP server.
 */
static void
test_port_followups(void **state)
{
	const struct cs_probe *hik = cs_probe_find("hik-sdk");
	const struct cs_probe *ban = cs_probe_find("banner");
	const struct cs_probe *root = cs_probe_find("http-root");
	const struct cs_probe *rtsp = cs_probe_find("rtsp");
	static const char sdk[] = "\x00\x00\x00\x10\x00\x00\x00\x00"
				  "\x00\x00\x00\x00\x00\x00\x00\x00";
	static const char rtsp_bad[] =
	    "RTSP/1.0 400 Bad Request\r\nServer: Hipcam RealServer/V1.0\r\n"
	    "CSeq: 0\r\n\r\n";
	struct fake f;

	(void)state;
	/* hik-sdk: silence until the timeout -> http-root; bytes -> none. */
	fake_init(&f, 8000);
	f.ctx.probe = hik;
	hik->finish(&f.ctx, (const uint8_t *)"", 0, CS_END_TIMEOUT);
	assert_ptr_equal(f.ctx.next_probe, root);
	fake_free(&f);
	fake_init(&f, 8000);
	f.ctx.probe = hik;
	hik->finish(&f.ctx, (const uint8_t *)sdk, sizeof(sdk) - 1,
		    CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	assert_non_null(obs_str(&f, "hik.sdk"));
	fake_free(&f);
	fake_init(&f, 8000);
	f.ctx.probe = hik;
	hik->finish(&f.ctx, (const uint8_t *)"", 0, CS_END_EOF);
	assert_null(f.ctx.next_probe);
	fake_free(&f);

	/* banner on a port no probe claims: silence -> http-root; on its own
	 * ports (no argument) a silent service is left alone. */
	fake_init(&f, 8090);
	f.ctx.arg = CS_PROBE_ARG_ANY;
	f.ctx.probe = ban;
	ban->finish(&f.ctx, (const uint8_t *)"", 0, CS_END_TIMEOUT);
	assert_ptr_equal(f.ctx.next_probe, root);
	fake_free(&f);
	fake_init(&f, 23);
	f.ctx.probe = ban;
	ban->finish(&f.ctx, (const uint8_t *)"", 0, CS_END_TIMEOUT);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
	fake_init(&f, 8090);
	f.ctx.arg = CS_PROBE_ARG_ANY;
	f.ctx.probe = ban;
	ban->finish(&f.ctx, (const uint8_t *)"220 FTP ready\r\n", 15,
		    CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	assert_string_equal(obs_str(&f, "banner"), "220 FTP ready");
	fake_free(&f);

	/* http-root answered in RTSP on 8086 -> rtsp, nothing recorded as
	 * a malformed web reply; never on the RTSP probe's own ports. */
	fake_init(&f, 8086);
	f.ctx.probe = root;
	root->finish(&f.ctx, (const uint8_t *)rtsp_bad, sizeof(rtsp_bad) - 1,
		     CS_END_COMPLETE);
	assert_ptr_equal(f.ctx.next_probe, rtsp);
	assert_int_equal(f.obs.n, 0);
	fake_free(&f);
	fake_init(&f, 8554);
	f.ctx.probe = root;
	root->finish(&f.ctx, (const uint8_t *)rtsp_bad, sizeof(rtsp_bad) - 1,
		     CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
}

/*
 * Issue #11: the vendor endpoints are asked wherever http-root finds a
 * web server, not only on their own ports.  On 8090 an HTTP answer to
 * the root page starts the chain hik-isapi, dahua-rpc2, axis-bdi,
 * dahua-magicbox, hanwha-sunapi, uniview-lapi (each the follow-up of the
 * one before); an answer naming a model, or no answer, ends it.  On 80
 * (their own port, where the engine plans them) nothing is chained.
 */
static void
test_vendor_chain(void **state)
{
	static const char *const chain[] = {
	    "hik-isapi",      "dahua-rpc2",    "axis-bdi",
	    "dahua-magicbox", "hanwha-sunapi", "uniview-lapi",
	};
	static const char page[] =
	    "HTTP/1.1 200 OK\r\nServer: lighttpd\r\nContent-Length: 5\r\n"
	    "\r\nhello";
	static const char nf[] =
	    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
	static const char isapi[] =
	    "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n\r\n"
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DeviceInfo "
	    "version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
	    "<model>DS-2CD2385G1-I</model><deviceType>IPCamera</deviceType>"
	    "</DeviceInfo>";
	const struct cs_probe *root = cs_probe_find("http-root");
	struct fake f;

	(void)state;
	fake_init(&f, 8090);
	f.ctx.probe = root;
	root->finish(&f.ctx, (const uint8_t *)page, sizeof(page) - 1,
		     CS_END_COMPLETE);
	assert_ptr_equal(f.ctx.next_probe, cs_probe_find(chain[0]));
	assert_string_equal(f.ctx.next_arg, CS_PROBE_ARG_CHAIN);
	fake_free(&f);
	/* Each 404 passes on to the next endpoint; the last ends it. */
	for (size_t i = 0; i < sizeof(chain) / sizeof(chain[0]); i++) {
		const struct cs_probe *p = cs_probe_find(chain[i]);

		assert_non_null(p);
		fake_init(&f, 8090);
		f.ctx.probe = p;
		f.ctx.arg = CS_PROBE_ARG_CHAIN;
		p->finish(&f.ctx, (const uint8_t *)nf, sizeof(nf) - 1,
			  CS_END_COMPLETE);
		if (i + 1 < sizeof(chain) / sizeof(chain[0])) {
			assert_ptr_equal(f.ctx.next_probe,
					 cs_probe_find(chain[i + 1]));
			assert_string_equal(f.ctx.next_arg, CS_PROBE_ARG_CHAIN);
		} else {
			assert_null(f.ctx.next_probe);
		}
		fake_free(&f);
	}
	/* ISAPI answered with its model: the chain stops there. */
	fake_init(&f, 8090);
	f.ctx.probe = cs_probe_find("hik-isapi");
	f.ctx.arg = CS_PROBE_ARG_CHAIN;
	f.ctx.probe->finish(&f.ctx, (const uint8_t *)isapi, sizeof(isapi) - 1,
			    CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	assert_string_equal(obs_str(&f, "isapi.model"), "DS-2CD2385G1-I");
	fake_free(&f);
	/* No reply: nothing more is asked. */
	fake_init(&f, 8090);
	f.ctx.probe = cs_probe_find("dahua-rpc2");
	f.ctx.arg = CS_PROBE_ARG_CHAIN;
	f.ctx.probe->finish(&f.ctx, (const uint8_t *)"", 0, CS_END_TIMEOUT);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
	/* Their own ports: the engine plans them, nothing is chained. */
	fake_init(&f, 80);
	f.ctx.probe = root;
	root->finish(&f.ctx, (const uint8_t *)page, sizeof(page) - 1,
		     CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
	fake_init(&f, 80);
	f.ctx.probe = cs_probe_find("hik-isapi");
	f.ctx.probe->finish(&f.ctx, (const uint8_t *)nf, sizeof(nf) - 1,
			    CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
	/* Not a web server (an FTP greeting to the root request): none. */
	fake_init(&f, 8090);
	f.ctx.probe = root;
	root->finish(&f.ctx, (const uint8_t *)"220 FTP ready\r\n", 15,
		     CS_END_COMPLETE);
	assert_null(f.ctx.next_probe);
	fake_free(&f);
}

/*
 * axis-param is asked only as axis-bdi's follow-up, and only when the
 * host's replies point to Axis and basicdeviceinfo named no model; its
 * request is exactly the documented VAPIX listing; its reply is read as
 * an http reply (a Brand/Properties listing gives the axis.* keys).
 */
static void
test_axis_param(void **state)
{
	static const char bdi401[] =
	    "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
	    "realm=\"AXIS_ACCC8E123456\", nonce=\"abc\", algorithm=MD5, "
	    "qop=\"auth\"\r\nContent-Length: 0\r\n\r\n";
	static const char bdi404[] =
	    "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
	static const char bdi200[] =
	    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
	    "{\"apiVersion\":\"1.3\",\"data\":{\"propertyList\":{\"Brand\":"
	    "\"AXIS\",\"ProdNbr\":\"M3045-V\",\"ProdType\":\"Network "
	    "Camera\"}}}";
	static const char listing[] =
	    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
	    "root.Brand.Brand=AXIS\r\n"
	    "root.Brand.ProdFullName=AXIS P3245-LVE Network Camera\r\n"
	    "root.Brand.ProdNbr=P3245-LVE\r\n"
	    "root.Brand.ProdShortName=AXIS P3245-LVE\r\n"
	    "root.Brand.ProdType=Network Camera\r\n"
	    "root.Properties.Firmware.Version=9.80.3.8\r\n";
	/* Earlier evidence of the host, one case each. */
	static const struct {
		const char *key, *val, *reply;
		bool want;
	} cases[] = {
	    {NULL, NULL, bdi401, true}, /* bdi's own AXIS_ realm */
	    {"http.server", "Linux/4.9.94-axis5, UPnP/1.0", bdi404, true},
	    {"http.title", "AXIS M1065-LW Network Camera", bdi404, true},
	    {"http.title", "Live View / - AXIS 211 Network Camera", bdi404,
	     true},
	    {"onvif.ns", "http://www.axis.com/vapix/ws/action1", bdi404, true},
	    {"rtsp.realm", "AXIS_WS_ACCC8E494578", bdi404, true},
	    {NULL, NULL, bdi404, false}, /* nothing Axis */
	    {"http.server", "nginx/1.18.0", bdi404, false},
	    {"http.realm", "DS-2CD2043G2-I", bdi404, false},
	    {"http.title", "Praxis login", bdi404, false},
	    {"http.title", "Live View", bdi404, false},
	    {"http.realm", "AXIS_ACCC8E123456", bdi200, false}, /* model */
	};
	static const char req[] = "GET /axis-cgi/param.cgi?action=list&"
				  "group=Brand,Properties HTTP/1.1\r\n"
				  "Host: 127.0.1.2\r\n";
	const struct cs_probe *bdi = cs_probe_find("axis-bdi");
	const struct cs_probe *ap = cs_probe_find("axis-param");
	const char *const rep[] = {listing};
	const size_t len[] = {sizeof(listing) - 1};
	struct fake f;

	(void)state;
	assert_non_null(bdi);
	assert_non_null(ap);
	assert_true(ap->flags & CS_PROBE_FOLLOWUP);
	assert_true(ap->flags & CS_PROBE_ONCE);
	assert_true(ap->flags & CS_PROBE_SAFE);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		fake_init(&f, 80);
		if (cases[i].key)
			cs_obs_adds(&f.obs, cases[i].key, 80, cases[i].val);
		f.ctx.probe = bdi;
		bdi->finish(&f.ctx, (const uint8_t *)cases[i].reply,
			    strlen(cases[i].reply), CS_END_COMPLETE);
		if (cases[i].want) {
			assert_ptr_equal(f.ctx.next_probe, ap);
			assert_string_equal(f.ctx.next_arg, "");
		} else {
			assert_null(f.ctx.next_probe);
		}
		fake_free(&f);
	}
	/* In a chain on a moved port it replaces the other makers' APIs. */
	fake_init(&f, 8090);
	f.ctx.probe = bdi;
	f.ctx.arg = CS_PROBE_ARG_CHAIN;
	bdi->finish(&f.ctx, (const uint8_t *)bdi401, sizeof(bdi401) - 1,
		    CS_END_COMPLETE);
	assert_ptr_equal(f.ctx.next_probe, ap);
	fake_free(&f);

	/* The request, whole and byte by byte; nothing follows it. */
	for (int bw = 0; bw < 2; bw++) {
		fake_init(&f, 80);
		drive(ap, &f, rep, len, 1, bw != 0);
		assert_true(f.first.len > 0);
		assert_true(f.first.len > sizeof(req) - 1);
		assert_memory_equal(f.first.p, req, sizeof(req) - 1);
		assert_null(cs_memmem(f.first.p, f.first.len,
				      (const uint8_t *)"Authorization", 13));
		assert_string_equal(obs_str(&f, "axis.model"), "P3245-LVE");
		assert_string_equal(obs_str(&f, "axis.brand"), "AXIS");
		assert_string_equal(obs_str(&f, "axis.firmware"), "9.80.3.8");
		assert_string_equal(obs_str(&f, "axis.device-type"),
				    "Network Camera");
		assert_null(f.ctx.next_probe);
		fake_free(&f);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_registry),
	    cmocka_unit_test(test_axis_param),
	    cmocka_unit_test(test_parsers_fuzzed),
	    cmocka_unit_test(test_no_credentials),
	    cmocka_unit_test(test_http_root),
	    cmocka_unit_test(test_http_malformed),
	    cmocka_unit_test(test_redirect_scope),
	    cmocka_unit_test(test_tls_ports),
	    cmocka_unit_test(test_redirect_tls),
	    cmocka_unit_test(test_rtsp_two_steps),
	    cmocka_unit_test(test_rtsp_sdp),
	    cmocka_unit_test(test_endpoints),
	    cmocka_unit_test(test_hik_sdk),
	    cmocka_unit_test(test_dahua_dvrip),
	    cmocka_unit_test(test_banner_telnet),
	    cmocka_unit_test(test_port_followups),
	    cmocka_unit_test(test_vendor_chain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
