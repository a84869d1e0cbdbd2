# Dahua firmware family (true maker Dahua; also Amcrest, Lorex, EmpireTech,
# Loryta, Imou ... units).  Format: docs/fingerprints.md.

rule dahua-rtsp-server
  on       rtsp.server
  match    ^Dahua Rtsp Server(?:\b|(?=_))
  flags    i
  set      manufacturer=Dahua
  weight   0.6
  source   RTSP Server header naming the maker (Dahua Rtsp Server); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Dahua Rtsp Server"
  example! "Hipcam RealServer/V1.0"

# The realm's twelve hex digits are a MAC, so the realm's maker outranks the
# registrant of that MAC (the document's own example uses Axis's prefix).
rule dahua-http-realm-dh-mac
  on       http.realm rtsp.realm
  match    ^DH_[0-9A-Fa-f]{12}$
  set      manufacturer=Dahua
  weight   0.7
  source   Dahua HTTP API for IPC & SD, Authentication: digest realm "DH_" + 12 hex digits (example DH_00408CA5EA04), quoted at ipcamtalk.com/threads/direct-snapshot-link-for-web-page.16465/post-153083 and qna.habr.com/q/1119156
  example  "DH_3CEF8CA1B2C3"
  example! "DH_CAMERA"
  example! "XDH_3CEF8CA1B2C3"

rule dahua-rpc2-login-realm
  on       dahua.rpc2
  match    "realm"\s*:\s*"Login to [^"]{0,64}"
  set      manufacturer=Dahua
  weight   0.9
  source   protocols.md §6 (/RPC2_Login JSON-RPC; login-challenge shape "realm":"Login to ...")
  example  "{ \"error\" : { \"code\" : 268632079, \"message\" : \"Component error: login challenge!\" }, \"id\" : 1, \"params\" : { \"encryption\" : \"Default\", \"random\" : \"8341\", \"realm\" : \"Login to 4L0123PAZ\" }, \"result\" : false, \"session\" : 12 }"
  example! "{\"realm\":\"Welcome\"}"

rule dahua-rpc2-encryption
  on       dahua.rpc2
  match    "encryption"\s*:\s*"(?:Default|Basic|OldDigest)"
  set      manufacturer=Dahua
  weight   0.6
  source   protocols.md §6 (/RPC2_Login challenge carries "encryption")
  example  "{\"params\":{\"encryption\":\"Default\",\"random\":\"1\"}}"
  example! "{\"params\":{\"crypto\":\"Default\"}}"

rule dahua-rpc2-session
  on       dahua.rpc2
  match    "result"\s*:\s*(?:true|false)\s*,\s*"session"\s*:
  set      manufacturer=Dahua
  weight   0.5
  source   protocols.md §6 (reply shape { "id" : 10000, "params" : null, "result" : true, "session" : 100385023 }, mcw0 dahua-backdoor.txt)
  example  "{ \"id\" : 10000, \"params\" : null, \"result\" : true, \"session\" : 100385023 }"
  example! "{\"result\":true}"

# An /RPC2 error answer: Dahua's error codes (0x1003xxxx, 0x1004xxxx,
# 0x1103xxxx, 0x1124xxxx) in the JSON-RPC error object.
rule dahua-rpc2-error-code
  on       dahua.rpc2 http.body vendor-api.malformed
  match    "error"\s*:\s*\{\s*"code"\s*:\s*(?:268632064|268632079|268894209|268894210|285409284|287637504|287637505)\b
  set      manufacturer=Dahua
  weight   0.6
  source   ItsNotGoodName/ipcmanview-old-3 src/rpc/mod.rs (Dahua RPC client: error codes 268894209 InvalidRequest, 268894210 MethodNotFound, 268632064 InterfaceNotFound, 285409284 NoData, 287637504/287637505 session); protocols.md §6 (268632079 login challenge)
  example  "{ \"error\" : { \"code\" : 268894210, \"message\" : \"Method not found!\" }, \"id\" : 7, \"result\" : false, \"session\" : 0 }"
  example! "{\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":7}"

rule dahua-dvrip-37777
  on       dahua.dvrip
  match    ^b0[0-9a-f]{6}
  flags    i
  set      manufacturer=Dahua
  weight   0.85
  source   protocols.md §6 (DVRIP realm request a0 01 00 60 is answered by a packet starting 0xB0)
  example  "b00000680000000000000000"
  example  "b0010068"
  example! "ff0100000000"

rule dahua-magicbox-devicetype
  on       dahua.cgi
  match    ^200\b.*?\b(?:device)?type=((?=[A-Za-z0-9._+/-]{0,62}[A-Za-z])[A-Za-z0-9][A-Za-z0-9._+/-]{0,62})
  flags    si
  set      manufacturer=Dahua@0.7 model=$1
  weight   0.85
  source   protocols.md §6 (magicBox.cgi getDeviceType; Dahua/Amcrest CGI API); a value without a letter (deviceType=31 of getSystemInfo) is a numeric type code no Dahua document lists, not a model: dahua-magicbox-numeric-type
  example  "200 type=IPC-HDW1431T1-S4\r\n" => model=IPC-HDW1431T1-S4 manufacturer=Dahua
  example  "200 type=IP2M-841B\r\n" => model=IP2M-841B
  example  "200 deviceType=31\r\ntype=NVR4208-8P-4KS2\r\n" => model=NVR4208-8P-4KS2
  example! "404 Not Found"
  example! "401 type=IPC-HDW1431T1-S4"
  example! "200 deviceType=31\r\n"

rule dahua-magicbox-numeric-type
  on       dahua.cgi
  match    ^200\b.*?\bdeviceType=[0-9]{1,6}\s*(?:\r?\n|$)
  flags    s
  set      manufacturer=Dahua@0.7
  weight   0.8
  source   protocols.md §6 (magicBox.cgi getSystemInfo key=value answer); the numeric deviceType names the API (Dahua's), not a model: no published table maps the numbers to models
  example  "200 deviceType=31\r\nprocessor=ST7108\r\nserialNumber=ABC123\r\n" => manufacturer=Dahua
  example! "200 deviceType=IPC-HDW1431T1-S4\r\n"
  example! "404 deviceType=31"

rule dahua-magicbox-present
  on       dahua.cgi
  match    ^401(?:\b|(?=_))
  set      manufacturer=Dahua
  weight   0.3
  source   protocols.md §6 (magicBox.cgi answering with a login prompt means the CGI service is on; 404 means off)
  example  "401 Unauthorized"
  example! "404 Not Found"

rule dahua-model-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DH-)?(IPC-(?:H|T|E|K|A|P)[A-Z]{1,4}[0-9]{3,4}[A-Z0-9-]*)
  set      manufacturer=Dahua@0.5 class=camera@0.7 model=$1@0.5
  tier     model
  weight   0.5
  source   protocols.md §5 (DeviceType e.g. IPC-HDW1431T1-S4); policy.md §2.1 (Loryta IPC-T5442TM-AS)
  example  "IPC-HDW1431T1-S4" => model=IPC-HDW1431T1-S4 class=camera
  example  "200 type=DH-IPC-HFW2228M-I1-V2" => model=IPC-HFW2228M-I1-V2
  example  "{\"DeviceClass\":\"IPC\",\"DeviceType\":\"DH-IPC-HDBW2431E-S-S2\"}" => model=IPC-HDBW2431E-S-S2 class=camera
  example! "IPC322LR3-VSPF28"
  example! "DS-2CD2385G1-I"

rule dahua-model-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    \b(?:DH-)?(NVR[0-9]{4}[A-Z0-9-]*)
  set      manufacturer=Dahua@0.4 model=$1@0.5 class=nvr@0.6
  tier     model
  weight   0.5
  source   protocols.md §5 (Dahua DeviceType model strings); policy.md §2.1 (Amcrest NV1104)
  example  "NVR4104HS-P-4KS2" => class=nvr
  example  "DH-NVR4108HS-8P-4KS2" => class=nvr model=NVR4108HS-8P-4KS2
  example  "DHI-NVR5216-16P-I" => model=NVR5216-16P-I
  example! "NVR-104MH-C"

rule dahua-model-dvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    \b(?:DHI?-)?((?:XVR|HCVR)[0-9][0-9A-Z]{3}[A-Z0-9-]*)
  set      class=dvr manufacturer=Dahua@0.4 model=$1@0.5
  tier     model
  weight   0.7
  source   protocols.md §5 (Dahua DeviceType model strings: XVR/HCVR recorders are DVRs)
  example  "XVR5104HS-I3"
  example  "DH-XVR1B08-I" => class=dvr model=XVR1B08-I
  example! "NVR4104HS-P-4KS2"

rule dahua-onvif-prolog-weak
  on       onvif.ns
  match    http://www\.w3\.org/2003/05/soap-encoding
  set      manufacturer=Dahua
  weight   0.1
  source   protocols.md §2 (Dahua SOAP replies use s:/sc: prefixes and standalone="yes"; weak, many stacks declare soap-encoding)
  example  "http://www.w3.org/2003/05/soap-envelope http://www.w3.org/2003/05/soap-encoding"
  example! "http://www.w3.org/2003/05/soap-envelope"

rule dahua-tcp-37777
  on       tcp.open
  port     37777
  match    ^$
  set      manufacturer=Dahua
  weight   0.3
  source   protocols.md §6 (TCP 37777 is Dahua's DVRIP port; an open port alone is weak)
  example  ""
  example! "x"

# Dahua model families beyond IPC/NVR/XVR/HCVR, in every key where a model
# string appears (Dahua Technology product catalogue and datasheets; the
# DH-/DHI- prefix is the catalogue's own, "DH-SD49225XA-HNR").

rule dahua-model-ptz-hdcvi-thermal
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?((?:SD[0-9][0-9A-Z]{3,8}|PTZ[0-9][0-9A-Z]{3,8}|HAC-[A-Z]{2,5}[0-9]{3,4}[A-Z0-9]{0,6}|TPC-[A-Z]{2,4}[0-9]{3,4}[A-Z0-9]{0,4}|ITC[0-9]{3}-[A-Z0-9]{2,8})(?:-[A-Z0-9]{1,8}){0,4})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=$1@0.45 class=camera
  tier     model
  weight   0.75
  source   Dahua datasheets: SD49225XA-HNR and SD22404T-GN PTZ domes, PTZ1A225U-IRA-N PTZ, HAC-HFW1200T HDCVI camera, TPC-BF5421-T thermal camera, ITC237-PW6M-IRLZF ANPR camera
  example  "DH-SD49225XA-HNR" => class=camera model=SD49225XA-HNR manufacturer=Dahua
  example  "HAC-HFW1200T-0280B" => class=camera model=HAC-HFW1200T-0280B
  example  "TPC-BF5421-T" => class=camera
  example  "{\"DeviceType\":\"ITC237-PW6M-IRLZF\"}" => class=camera model=ITC237-PW6M-IRLZF
  example  "SD22404T-GN" => class=camera
  example! "SDK1234-A"
  example! "VTO2202F-P"
  example! "SDXC"

rule dahua-model-server-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?((?:IVSS|EVS)[0-9]{4}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,8}){0,4})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=$1@0.45 class=nvr
  tier     model
  weight   0.75
  source   Dahua datasheets: IVSS7008-1I intelligent video surveillance server (records IP cameras), EVS5016S-V2 embedded video storage (a recorder of video channels)
  example  "DHI-IVSS7008-1I" => class=nvr model=IVSS7008-1I
  example  "EVS5016S-V2" => class=nvr
  example! "IVS-F7500"

rule dahua-model-encoder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?(NVS0[0-9]{3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=$1@0.45 class=encoder
  tier     model
  weight   0.75
  source   Dahua datasheets: NVS0104HDC / NVS0404HDC HDCVI video encoders (analogue to IP)
  example  "DH-NVS0104HDC" => class=encoder model=NVS0104HDC
  example! "NVR0104"

rule dahua-model-decoder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?(NVD0[0-9]{3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=$1@0.45 class=decoder
  tier     model
  weight   0.75
  source   Dahua datasheets: NVD0405DH-4I-4K network video decoder (video wall)
  example  "NVD0405DH-4I-4K" => class=decoder model=NVD0405DH-4I-4K
  example! "NVR0405DH"
