# Dahua firmware family (true maker Dahua; also Amcrest, Lorex, EmpireTech,
# Loryta, Imou ... units).  Format: docs/fingerprints.md.

rule dahua-rtsp-server
  on       rtsp.server
  match    ^Dahua Rtsp Server\b
  flags    i
  set      manufacturer=Dahua
  weight   0.6
  source   RTSP Server header naming the maker (Dahua Rtsp Server); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Dahua Rtsp Server"
  example! "Hipcam RealServer/V1.0"

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
  match    ^200\b.*?\b(?:device)?type=([A-Za-z0-9][A-Za-z0-9._+/-]{0,62})
  flags    si
  set      manufacturer=Dahua@0.7 model=$1
  weight   0.85
  source   protocols.md §6 (magicBox.cgi getDeviceType; Dahua/Amcrest CGI API)
  example  "200 type=IPC-HDW1431T1-S4\r\n" => model=IPC-HDW1431T1-S4 manufacturer=Dahua
  example  "200 type=IP2M-841B\r\n" => model=IP2M-841B
  example! "404 Not Found"
  example! "401 type=IPC-HDW1431T1-S4"

rule dahua-magicbox-present
  on       dahua.cgi
  match    ^401\b
  set      manufacturer=Dahua
  weight   0.3
  source   protocols.md §6 (magicBox.cgi answering with a login prompt means the CGI service is on; 404 means off)
  example  "401 Unauthorized"
  example! "404 Not Found"

rule dahua-model-camera
  on       dahua.cgi onvif.model onvif.scopes wsd.scopes http.title dhip.model upnp.model
  match    \b(?:DH-)?(IPC-(?:H|T|E|K|A|P)[A-Z]{1,4}[0-9]{3,4}[A-Z0-9-]*)
  set      manufacturer=Dahua@0.5 class=camera@0.7 model=$1@0.5
  tier     model
  weight   0.5
  source   protocols.md §5 (DeviceType e.g. IPC-HDW1431T1-S4); policy.md §2.1 (Loryta IPC-T5442TM-AS)
  example  "IPC-HDW1431T1-S4" => model=IPC-HDW1431T1-S4 class=camera
  example  "200 type=DH-IPC-HFW2228M-I1-V2" => model=IPC-HFW2228M-I1-V2
  example! "IPC322LR3-VSPF28"
  example! "DS-2CD2385G1-I"

rule dahua-model-recorder
  on       dahua.cgi onvif.model onvif.scopes wsd.scopes http.title dhip.model upnp.model
  match    \b(?:DH-)?(NVR[0-9]{4}[A-Z0-9-]*)
  set      manufacturer=Dahua@0.4 model=$1@0.5 class=nvr@0.6
  tier     model
  weight   0.5
  source   protocols.md §5 (Dahua DeviceType model strings); policy.md §2.1 (Amcrest NV1104)
  example  "NVR4104HS-P-4KS2" => class=nvr
  example! "NVR-104MH-C"

rule dahua-model-dvr
  on       dahua.cgi onvif.model onvif.scopes wsd.scopes http.title dhip.model upnp.model
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
