/* SPDX-License-Identifier: ISC */
/* nmap's conventions for scan: times, ports and XML output; see scan_out.h. */
#include "cli/scan_out.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/cs.h"
#include "core/escape.h"
#include "core/str.h"
#include "core/poison.h"

struct cs_xml_out {
	FILE *f;
	struct cs_buf b;
	bool failed;
};

/* Appends s as XML attribute text: the HTML escaper's output (& < > " '
 * as references, controls and invalid UTF-8 replaced) is valid XML 1.0. */
static void
attr(struct cs_buf *b, const char *name, const char *s)
{
	cs_buf_printf(b, " %s=\"", name);
	cs_esc_html(b, s, strlen(s));
	cs_buf_adds(b, "\"");
}

static void
flush(struct cs_xml_out *x)
{
	if (x->b.len > 0 && fwrite(x->b.p, 1, x->b.len, x->f) != x->b.len)
		x->failed = true;
	if (fflush(x->f) != 0)
		x->failed = true;
	cs_buf_reset(&x->b);
}

static void
timestr(time_t t, char *buf, size_t sz)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, sz, "%a %b %e %H:%M:%S %Y UTC", &tm);
}

struct cs_xml_out *
cs_xml_open(const char *path, const char *version, int argc, char **argv,
	    const uint16_t *ports, size_t nports, int verbose, int debug,
	    time_t start, char *err, size_t errsz)
{
	struct cs_xml_out *x;
	struct cs_buf args;
	char when[64], *services;
	FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "we");

	if (f == NULL) {
		snprintf(err, errsz, "%s: cannot create", path);
		return NULL;
	}
	x = cs_xcalloc(1, sizeof(*x));
	x->f = f;
	cs_buf_init(&x->b, 1 << 22);
	cs_buf_init(&args, 1 << 16);
	cs_buf_adds(&args, "camsweep");
	for (int i = 0; i < argc; i++) {
		cs_buf_adds(&args, " ");
		cs_buf_add(&args, argv[i], strlen(argv[i]));
	}
	cs_buf_add(&args, "", 1);
	services = cs_xcalloc(8 * nports + 8, 1);
	cs_cli_ports_text(ports, nports, services, 8 * nports + 8);
	timestr(start, when, sizeof(when));
	cs_buf_adds(&x->b,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<!DOCTYPE nmaprun>\n"
		    "<?xml-stylesheet href=\"file:///usr/share/nmap/nmap.xsl\""
		    " type=\"text/xsl\"?>\n"
		    "<nmaprun scanner=\"camsweep\"");
	attr(&x->b, "args", (const char *)args.p);
	cs_buf_printf(&x->b,
		      " start=\"%lld\" startstr=\"%s\" version=\"%s\" "
		      "xmloutputversion=\"1.05\">\n"
		      "<scaninfo type=\"connect\" protocol=\"tcp\" "
		      "numservices=\"%zu\" services=\"%s\"/>\n"
		      "<verbose level=\"%d\"/>\n<debugging level=\"%d\"/>\n",
		      (long long)start, when, version, nports, services,
		      verbose, debug);
	flush(x);
	free(services);
	cs_buf_free(&args);
	return x;
}

/* The IANA service name of a port (method="table"), or "unknown". */
static const char *
service_name(uint16_t port)
{
	static const struct {
		uint16_t port;
		const char *name;
	} t[] = {{21, "ftp"},     {22, "ssh"},          {23, "telnet"},
		 {80, "http"},    {81, "http"},         {443, "https"},
		 {554, "rtsp"},   {631, "ipp"},         {5000, "upnp"},
		 {8000, "http"},  {8080, "http-proxy"}, {8081, "http"},
		 {8443, "https"}, {8554, "rtsp"},       {9100, "jetdirect"}};

	for (size_t i = 0; i < CS_NELEM(t); i++)
		if (t[i].port == port)
			return t[i].name;
	return "unknown";
}

/* nmap's device type word for a class, or NULL. */
static const char *
device_type(enum cs_class c)
{
	switch (c) {
	case CS_CLASS_CAMERA:
		return "webcam";
	case CS_CLASS_NVR:
	case CS_CLASS_DVR:
	case CS_CLASS_ENCODER:
	case CS_CLASS_DECODER:
	case CS_CLASS_INTERCOM:
	case CS_CLASS_ACCESS_CONTROL:
	case CS_CLASS_ALARM_PANEL:
		return "security-misc";
	case CS_CLASS_SWITCH:
		return "switch";
	case CS_CLASS_ROUTER:
		return "router";
	case CS_CLASS_STORAGE:
		return "storage-misc";
	default:
		return NULL;
	}
}

static void
elem(struct cs_buf *b, const char *key, const char *val)
{
	if (val == NULL || val[0] == '\0')
		return;
	cs_buf_printf(b, "<elem key=\"%s\">", key);
	cs_esc_html(b, val, strlen(val));
	cs_buf_adds(b, "</elem>\n");
}

void
cs_xml_host(struct cs_xml_out *x, const struct cs_xml_host *h)
{
	const struct cs_identity *id = h->id;
	const char *dt = id ? device_type(id->device_class) : NULL;
	struct cs_buf *b = &x->b;
	char product[160] = "", summary[512], conf[16];
	int surv = id ? cs_identity_surveillance(id) : -1;

	if (id && id->manufacturer[0])
		snprintf(product, sizeof(product), "%s%s%s", id->manufacturer,
			 id->model[0] ? " " : "", id->model);
	cs_buf_printf(b,
		      "<host starttime=\"%lld\" endtime=\"%lld\">"
		      "<status state=\"up\" reason=\"syn-ack\" "
		      "reason_ttl=\"0\"/>\n",
		      (long long)h->start, (long long)h->end);
	cs_buf_adds(b, "<address");
	attr(b, "addr", h->ip);
	cs_buf_adds(b, strchr(h->ip, ':') != NULL ? " addrtype=\"ipv6\"/>\n"
						   : " addrtype=\"ipv4\"/>\n");
	if (h->mac && h->mac[0]) {
		cs_buf_adds(b, "<address");
		attr(b, "addr", h->mac);
		cs_buf_adds(b, " addrtype=\"mac\"/>\n");
	}
	cs_buf_adds(b, "<hostnames>");
	if (h->hostname) {
		cs_buf_adds(b, "<hostname");
		attr(b, "name", h->hostname);
		cs_buf_adds(b, " type=\"user\"/>");
	}
	cs_buf_adds(b, "</hostnames>\n<ports>");
	for (size_t i = 0; i < h->nports; i++) {
		cs_buf_printf(b,
			      "<port protocol=\"tcp\" portid=\"%u\">"
			      "<state state=\"open\" reason=\"syn-ack\" "
			      "reason_ttl=\"0\"/><service",
			      h->ports[i]);
		attr(b, "name", service_name(h->ports[i]));
		if (product[0])
			attr(b, "product", product);
		if (id && id->firmware[0])
			attr(b, "version", id->firmware);
		if (dt)
			attr(b, "devicetype", dt);
		cs_buf_adds(b, " method=\"table\" conf=\"3\"/></port>\n");
	}
	cs_buf_adds(b, "</ports>\n");
	/* The identity, with its true maker, as a host script's output. */
	snprintf(conf, sizeof(conf), "%.3f", id ? id->confidence : 0.0);
	snprintf(summary, sizeof(summary),
		 "maker: %s (%s); brand: %s; model: %s; firmware: %s; "
		 "class: %s; surveillance: %s; confidence: %s",
		 id && id->manufacturer[0] ? id->manufacturer : "unknown",
		 id && id->manufacturer_country[0] ? id->manufacturer_country
						   : "?",
		 id && id->brand[0] ? id->brand : "unknown",
		 id && id->model[0] ? id->model : "unknown",
		 id && id->firmware[0] ? id->firmware : "unknown",
		 id ? cs_class_name(id->device_class) : "unknown",
		 surv > 0    ? "yes"
		 : surv == 0 ? "no"
			     : "unknown",
		 conf);
	cs_buf_adds(b, "<hostscript><script id=\"camsweep-identity\"");
	attr(b, "output", summary);
	cs_buf_adds(b, ">\n");
	if (id) {
		elem(b, "manufacturer", id->manufacturer);
		elem(b, "manufacturer_country", id->manufacturer_country);
		elem(b, "brand", id->brand);
		elem(b, "model", id->model);
		elem(b, "firmware", id->firmware);
		elem(b, "device_class", cs_class_name(id->device_class));
	}
	elem(b, "surveillance",
	     surv > 0    ? "true"
	     : surv == 0 ? "false"
			 : "unknown");
	elem(b, "confidence", conf);
	cs_buf_adds(b, "</script></hostscript>\n</host>\n");
	flush(x);
}

int
cs_xml_close(struct cs_xml_out *x, uint64_t up, uint64_t total, double elapsed,
	     bool success, const char *errmsg)
{
	time_t now = time(NULL);
	char when[64];
	int rc;

	if (x == NULL)
		return 0;
	timestr(now, when, sizeof(when));
	cs_buf_printf(&x->b,
		      "<runstats><finished time=\"%lld\" timestr=\"%s\" "
		      "elapsed=\"%.2f\" summary=\"camsweep done at %s; %llu "
		      "IP addresses (%llu hosts up) scanned in %.2f seconds\" "
		      "exit=\"%s\"",
		      (long long)now, when, elapsed, when,
		      (unsigned long long)total, (unsigned long long)up,
		      elapsed, success ? "success" : "error");
	if (!success && errmsg)
		attr(&x->b, "errormsg", errmsg);
	cs_buf_printf(&x->b,
		      "/><hosts up=\"%llu\" down=\"%llu\" total=\"%llu\"/>"
		      "</runstats>\n</nmaprun>\n",
		      (unsigned long long)up,
		      (unsigned long long)(total > up ? total - up : 0),
		      (unsigned long long)total);
	flush(x);
	rc = x->failed ? -1 : 0;
	if (x->f != stdout && fclose(x->f) != 0)
		rc = -1;
	cs_buf_free(&x->b);
	free(x);
	return rc;
}
