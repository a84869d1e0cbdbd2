# Xiongmai (XMEye / NETSurveillance / "Sofia") boards used by many
# no-name brands, and HiSilicon-SDK white-label DVRs.
# Format: docs/fingerprints.md.

rule xiongmai-uc-httpd
  on       http.server
  match    ^uc-httpd(?:[ /]([0-9][0-9.]{0,15}))?
  set      manufacturer=Xiongmai
  weight   0.5
  source   uc-httpd web server banner of Xiongmai (XMEye/NETSurveillance) firmware; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "uc-httpd 1.0.2"
  example  "uc-httpd/1.1"
  example! "lighttpd/1.4.59"

rule xiongmai-netsurveillance-title
  on       http.title
  match    ^\s*NETSurveillance WEB\s*$
  flags    i
  set      manufacturer=Xiongmai
  weight   0.65
  source   github.com/ZoneMinder/zoneminder/pull/3566 ('Alarm Server for NETSurveillance WEB IP cameras'); protocols.md §7 (Xiongmai NETSurveillance/Sofia firmware, python-dvr)
  example  "NETSurveillance WEB"
  example! "Surveillance WEB"

rule xiongmai-dvrip-ret
  on       xm.dvrip
  match    "Ret"\s*:\s*[0-9]{2,3}(?:\b|(?=_))
  set      manufacturer=Xiongmai
  weight   0.85
  source   protocols.md §7 (DVRIP on 34567: replies carry "Ret": 100; python-dvr dvrip.py)
  example  "{ \"Name\" : \"\", \"Ret\" : 100, \"SessionID\" : \"0x00000002\" }"
  example! "{\"result\":true}"

rule xiongmai-dvrip-model
  on       xm.dvrip
  match    "(?:DeviceModel|HardWare)"\s*:\s*"([^"]{1,63})"
  set      model=$1
  weight   0.7
  source   protocols.md §7 (SystemInfo DeviceModel/HardWare, e.g. HI3516EV300_85H50AI)
  example  "{\"Ret\":100,\"SystemInfo\":{\"HardWare\":\"HI3516EV300_85H50AI\"}}" => model=HI3516EV300_85H50AI
  example! "{\"Ret\":100}"

rule xiongmai-dvrip-firmware
  on       xm.dvrip
  match    "SoftWareVersion"\s*:\s*"([^"]{1,63})"
  set      firmware=$1
  weight   0.8
  source   protocols.md §7 (SystemInfo SoftWareVersion)
  example  "{\"SoftWareVersion\" : \"V5.00.R02.000529B2.10010.040600.0020000\"}" => firmware=V5.00.R02.000529B2.10010.040600.0020000
  example! "{\"Version\":\"1\"}"

rule xiongmai-tcp-34567
  on       tcp.open
  port     34567
  match    ^$
  set      manufacturer=Xiongmai
  weight   0.3
  source   protocols.md §7 (TCP 34567 is the DVRIP port; an open port alone is weak)
  example  ""
  example! "x"

rule hisilicon-cross-web-server
  on       http.server
  match    ^Cross Web Server(?:\b|(?=_))
  set      class=dvr surveillance=yes
  weight   0.4
  source   web server banner of white-label HiSilicon-SDK DVRs (Cross Web Server); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Cross Web Server"
  example! "Web Server"

rule hisilicon-dvr-components-title
  on       http.title
  match    ^\s*DVR Components Download\s*$
  set      class=dvr surveillance=yes
  weight   0.4
  source   page title of white-label HiSilicon-SDK DVRs' plug-in download page; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "DVR Components Download"
  example! "Download"
