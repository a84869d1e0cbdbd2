/* SPDX-License-Identifier: ISC */
/* Recorder channel-list parsers (Hikvision ISAPI, Dahua CGI), table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/str.h"
#include "parse/parse_nvr.h"
#include "core/poison.h"

static const char isapi_two[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<InputProxyChannelList version=\"2.0\" "
    "xmlns=\"http://www.hikvision.com/ver20/XMLSchema\" size=\"8\">\n"
    "<InputProxyChannel version=\"2.0\">\n"
    "<id>1</id>\n<name>Gate</name>\n"
    "<sourceInputPortDescriptor>\n"
    "<proxyProtocol>HIKVISION</proxyProtocol>\n"
    "<addressingFormatType>ipaddress</addressingFormatType>\n"
    "<ipAddress>192.168.254.2</ipAddress>\n"
    "<managePortNo>8000</managePortNo>\n<srcInputPort>1</srcInputPort>\n"
    "<userName>admin</userName>\n<streamType>auto</streamType>\n"
    "<model>DS-2CD2143G0-I</model>\n<serialNumber>DS-2CD2143G0-I2019"
    "0101AAWRC12345678</serialNumber>\n"
    "<firmwareVersion>V5.6.3 build 190923</firmwareVersion>\n"
    "<deviceID></deviceID>\n"
    "</sourceInputPortDescriptor>\n"
    "<enableAnr>false</enableAnr>\n"
    "</InputProxyChannel>\n"
    "<InputProxyChannel version=\"2.0\">\n"
    "<id>2</id>\n<name>Yard &amp; lane</name>\n"
    "<sourceInputPortDescriptor>\n"
    "<proxyProtocol>ONVIF</proxyProtocol>\n"
    "<ipAddress>192.168.254.3</ipAddress>\n"
    "<managePortNo>80</managePortNo>\n"
    "</sourceInputPortDescriptor>\n"
    "</InputProxyChannel>\n"
    "</InputProxyChannelList>\n";

static void
test_isapi(void **state)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));
	const struct cs_nvr_channel *c;

	(void)state;
	assert_int_equal(cs_nvr_parse_isapi_channels((const uint8_t *)isapi_two,
						     strlen(isapi_two), ch),
			 0);
	assert_int_equal(ch->n, 2);
	c = &ch->ch[0];
	assert_int_equal(c->channel, 1);
	assert_string_equal(c->name, "Gate");
	assert_string_equal(c->ip, "192.168.254.2");
	assert_int_equal(c->port, 8000);
	assert_string_equal(c->model, "DS-2CD2143G0-I");
	assert_string_equal(c->firmware, "V5.6.3 build 190923");
	assert_string_equal(c->vendor, "HIKVISION");
	c = &ch->ch[1];
	assert_int_equal(c->channel, 2);
	assert_string_equal(c->name, "Yard & lane");
	assert_string_equal(c->vendor, "ONVIF");
	assert_string_equal(c->model, "");
	assert_int_equal(c->port, 80);
	free(ch);
}

struct xcase {
	const char *in;
	int rc;
	size_t n;
};

static const struct xcase xcases[] = {
    {"<InputProxyChannelList/>", 0, 0},
    {"<a:InputProxyChannelList xmlns:a=\"urn:x\"><a:InputProxyChannel>"
     "<a:id>7</a:id></a:InputProxyChannel></a:InputProxyChannelList>",
     0, 1},
    {"<ResponseStatus><statusCode>4</statusCode></ResponseStatus>", CS_EPROTO,
     0},
    {"<InputProxyChannelList><InputProxyChannel>", CS_EPROTO, 0},
    {"<!DOCTYPE x [<!ENTITY a \"b\">]><InputProxyChannelList/>", CS_EPROTO, 0},
    {"", CS_EPROTO, 0},
    {"not xml", CS_EPROTO, 0},
};

static void
test_isapi_table(void **state)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));

	(void)state;
	for (size_t i = 0; i < sizeof(xcases) / sizeof(xcases[0]); i++) {
		int rc = cs_nvr_parse_isapi_channels(
		    (const uint8_t *)xcases[i].in, strlen(xcases[i].in), ch);

		if (rc != xcases[i].rc)
			fail_msg("case %zu: rc %d want %d", i, rc,
				 xcases[i].rc);
		if (rc == 0)
			assert_int_equal(ch->n, xcases[i].n);
	}
	free(ch);
}

static void
test_isapi_many(void **state)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));
	struct cs_buf b;

	(void)state;
	cs_buf_init(&b, 1 << 20);
	cs_buf_adds(&b, "<InputProxyChannelList>");
	for (int i = 1; i <= CS_NVR_CHANNELS_MAX + 5; i++)
		cs_buf_printf(&b,
			      "<InputProxyChannel><id>%d</id>"
			      "<name>c</name></InputProxyChannel>",
			      i);
	cs_buf_adds(&b, "</InputProxyChannelList>");
	assert_int_equal(cs_nvr_parse_isapi_channels(b.p, b.len, ch), 0);
	assert_int_equal(ch->n, CS_NVR_CHANNELS_MAX);
	assert_int_equal(ch->dropped, 5);
	cs_buf_free(&b);
	free(ch);
}

static const char dahua_two[] =
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Address="
    "192.168.1.108\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.DeviceType="
    "IPC-HDW2431T-AS-S2\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Enable=true\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.HttpPort=80\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Mac="
    "3c:ef:8c:00:00:01\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Name=Door\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Password="
    "s3cret!\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Port=37777\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.SerialNo="
    "5J0ABC123\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.UserName="
    "admin\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.Vendor="
    "Private\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_0.VideoInputs[0]"
    ".Name=x\r\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_3.Address="
    "192.168.1.111\n"
    "table.RemoteDevice.uuid:System_CONFIG_NETCAMERA_INFO_3.Enable=false\n"
    "garbage line\n";

static void
test_dahua(void **state)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));
	const struct cs_nvr_channel *c;

	(void)state;
	assert_int_equal(cs_nvr_parse_dahua_remote((const uint8_t *)dahua_two,
						   strlen(dahua_two), ch),
			 0);
	assert_int_equal(ch->n, 2);
	c = &ch->ch[0];
	assert_int_equal(c->channel, 1);
	assert_string_equal(c->ip, "192.168.1.108");
	assert_string_equal(c->model, "IPC-HDW2431T-AS-S2");
	assert_string_equal(c->mac, "3c:ef:8c:00:00:01");
	assert_string_equal(c->name, "Door");
	assert_string_equal(c->serial, "5J0ABC123");
	assert_string_equal(c->vendor, "Private");
	assert_int_equal(c->port, 37777);
	assert_true(c->enabled);
	/* the camera password is never copied anywhere */
	assert_null(cs_memmem((const uint8_t *)ch, sizeof(*ch),
			      (const uint8_t *)"s3cret", 6));
	c = &ch->ch[1];
	assert_int_equal(c->channel, 4);
	assert_false(c->enabled);

	assert_int_equal(
	    cs_nvr_parse_dahua_remote(
		(const uint8_t *)"Error\r\nBad Request!\r\n", 21, ch),
	    CS_ENOTFOUND);
	assert_int_equal(cs_nvr_parse_dahua_remote((const uint8_t *)"", 0, ch),
			 CS_ENOTFOUND);
	free(ch);
}

static void
test_dahua_limits(void **state)
{
	struct cs_nvr_channels *ch = malloc(sizeof(*ch));
	char *big = malloc(CS_NVR_LINE_MAX + 64);
	struct cs_buf b;

	(void)state;
	memset(big, 'a', CS_NVR_LINE_MAX + 64);
	memcpy(big, "table.RemoteDevice.k_0.Name=", 28);
	assert_int_equal(cs_nvr_parse_dahua_remote((const uint8_t *)big,
						   CS_NVR_LINE_MAX + 64, ch),
			 CS_ELIMIT);
	cs_buf_init(&b, 1 << 20);
	for (int i = 0; i < CS_NVR_CHANNELS_MAX + 3; i++)
		cs_buf_printf(&b, "table.RemoteDevice.k_%d.Address=10.0.0.%d\n",
			      i, i & 255);
	assert_int_equal(cs_nvr_parse_dahua_remote(b.p, b.len, ch), 0);
	assert_int_equal(ch->n, CS_NVR_CHANNELS_MAX);
	assert_int_equal(ch->dropped, 3);
	cs_buf_free(&b);
	free(big);
	free(ch);
}

static void
test_json_roundtrip(void **state)
{
	struct cs_nvr_channel c, d;
	struct cs_buf b;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.channel = 3;
	c.port = 8000;
	cs_strlcpy(c.ip, "10.1.2.3", sizeof(c.ip));
	cs_strlcpy(c.name, "say \"hi\"\\", sizeof(c.name));
	cs_strlcpy(c.model, "DS-2CD2143G0-I", sizeof(c.model));
	cs_strlcpy(c.vendor, "HIKVISION", sizeof(c.vendor));
	cs_buf_init(&b, 4096);
	assert_int_equal(cs_nvr_channel_json(&b, &c), 0);
	assert_non_null(strstr(cs_buf_str(&b), "\"channel\":3"));
	assert_int_equal(cs_nvr_channel_from_json(b.p, b.len, &d), 0);
	assert_int_equal(d.channel, 3);
	assert_int_equal(d.port, 8000);
	assert_string_equal(d.ip, c.ip);
	assert_string_equal(d.name, c.name);
	assert_string_equal(d.model, c.model);
	assert_string_equal(d.vendor, c.vendor);
	assert_int_equal(
	    cs_nvr_channel_from_json((const uint8_t *)"[1]", 3, &d), CS_EPROTO);
	cs_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_isapi),
	    cmocka_unit_test(test_isapi_table),
	    cmocka_unit_test(test_isapi_many),
	    cmocka_unit_test(test_dahua),
	    cmocka_unit_test(test_dahua_limits),
	    cmocka_unit_test(test_json_roundtrip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
