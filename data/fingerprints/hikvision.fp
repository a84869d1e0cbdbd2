# Hikvision firmware family (true maker Hikvision; also EZVIZ, HiLook,
# HiWatch, LTS, Annke ... units running Hikvision firmware).
# Format: docs/fingerprints.md.

rule hikvision-server-app-webs
  on       http.server
  match    ^App-webs/?
  set      manufacturer=Hikvision
  weight   0.45
  source   Hikvision firmware web server banner App-webs/; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "App-webs/"
  example! "Apache/2.4.57 (Debian)"
  example! "MyApp-webs/"

rule hikvision-server-hikvision-webs
  on       http.server
  match    ^Hikvision-Webs(?:\b|(?=_))
  flags    i
  set      manufacturer=Hikvision
  weight   0.5
  source   banner names the maker (Hikvision-Webs); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Hikvision-Webs"
  example! "GoAhead-Webs"

rule hikvision-server-dvrdvs-webs
  on       http.server
  match    ^DVRDVS-Webs(?:\b|(?=_))
  set      manufacturer=Hikvision class=dvr
  weight   0.5
  source   Hikvision DVR/DVS web server banner DVRDVS-Webs; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "DVRDVS-Webs"
  example! "Webs"

rule hikvision-server-dnvrs-webs
  on       http.server
  match    ^DNVRS-Webs(?:\b|(?=_))
  set      manufacturer=Hikvision class=nvr@0.35
  weight   0.8
  source   github.com/eu-evops/homebridge-hikvision/issues/2 (comment 2021-04-08: curl -v of the user's Hikvision recorder answers Server: DNVRS-Webs)
  example  "DNVRS-Webs"
  example! "DVRDVS-Webs"

rule hikvision-realm
  on       http.realm rtsp.realm
  match    ^\s*hikvision\s*$
  flags    i
  set      manufacturer=Hikvision
  weight   0.5
  source   AlexxIT/WebRTC issue #243 (a Hikvision door intercom's RTSP 401: Digest and Basic realm="Hikvision", /Streaming/Channels/102); one capture, of an intercom: maker only, weight kept
  example  "hikvision"
  example  "Hikvision"
  example! "hikvision-lookalike"
  example! "device"

rule hikvision-realm-ip-camera
  on       http.realm rtsp.realm
  match    ^IP Camera\(([A-Za-z0-9]{1,16})\)$
  set      manufacturer=Hikvision class=camera
  weight   0.45
  source   protocols.md §4 (newer realms like "IP Camera(C2189)", mpromonet/webrtc-streamer#138)
  example  "IP Camera(C2189)"
  example! "IP Camera"
  example! "IP Camera()"

rule hikvision-isapi-namespace
  on       hik.isapi http.body
  match    (?:www\.hikvision\.com|www\.isapi\.org|www\.std-cgi\.com)/ver[12]0/XMLSchema
  flags    i
  set      manufacturer=Hikvision
  weight   0.9
  source   protocols.md §4 (DeviceInfo namespaces; CamioCam/rtsp#123; hikvision_next fixtures)
  example  "401 <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<userCheck xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
  example  "200 <DeviceInfo version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
  example  "<ResponseStatus xmlns=\"http://www.std-cgi.com/ver20/XMLSchema\">"
  example! "<DeviceInfo xmlns=\"http://www.example.com/ver20/XMLSchema\">"

rule hikvision-isapi-usercheck
  on       hik.isapi
  match    <userCheck[\s>]
  set      manufacturer=Hikvision
  weight   0.7
  source   protocols.md §4 (ISAPI /ISAPI/System/deviceInfo answers 401 with a userCheck document)
  example  "401 <?xml version=\"1.0\"?><userCheck><statusValue>401</statusValue><statusString>Unauthorized</statusString></userCheck>"
  example! "404 <html><body>Not Found</body></html>"

rule hikvision-isapi-model
  on       hik.isapi
  match    <model>\s*([^<\s][^<]{0,62}?)\s*</model>
  set      model=$1
  weight   0.9
  source   protocols.md §4 (DeviceInfo <model>)
  example  "200 <DeviceInfo xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><deviceName>IP CAMERA</deviceName><model>DS-2CD2385G1-I</model><firmwareVersion>V5.6.2</firmwareVersion></DeviceInfo>" => model=DS-2CD2385G1-I
  example! "401 <userCheck><statusValue>401</statusValue></userCheck>"
  example! "200 <model></model>"

rule hikvision-isapi-firmware
  on       hik.isapi
  match    <firmwareVersion>\s*([^<\s][^<]{0,62}?)\s*</firmwareVersion>
  set      firmware=$1
  weight   0.9
  source   protocols.md §4 (DeviceInfo <firmwareVersion>)
  example  "200 <DeviceInfo><model>DS-2CD2385G1-I</model><firmwareVersion>V5.6.2</firmwareVersion><firmwareReleasedDate>build 190701</firmwareReleasedDate></DeviceInfo>" => firmware=V5.6.2
  example! "401 <userCheck/>"

rule hikvision-isapi-manufacturer
  on       hik.isapi
  match    <manufacturer>\s*([^<]{1,63}?)\s*</manufacturer>
  lookup   brands
  weight   0.8
  source   protocols.md §4 (DeviceInfo <manufacturer>, "hikvision" on newer firmware)
  example  "200 <DeviceInfo><manufacturer>hikvision</manufacturer></DeviceInfo>" => manufacturer=Hikvision brand=Hikvision
  example! "200 <DeviceInfo><manufacturer>Hangzhou</manufacturer></DeviceInfo>"

rule hikvision-isapi-type-camera
  on       hik.isapi
  match    <deviceType>\s*(?:IPCamera|IPDome|IPZoom)\s*</deviceType>
  set      class=camera
  weight   0.85
  source   protocols.md §4 (DeviceInfo deviceType IPCamera | IPDome | NVR | DVR)
  example  "200 <deviceType>IPCamera</deviceType>"
  example  "200 <deviceType>IPDome</deviceType>"
  example! "200 <deviceType>NVR</deviceType>"

rule hikvision-isapi-type-nvr
  on       hik.isapi
  match    <deviceType>\s*NVR\s*</deviceType>
  set      class=nvr
  weight   0.85
  source   protocols.md §4 (DeviceInfo deviceType)
  example  "200 <deviceType>NVR</deviceType>"
  example! "200 <deviceType>DVR</deviceType>"

rule hikvision-isapi-type-dvr
  on       hik.isapi
  match    <deviceType>\s*DVR\s*</deviceType>
  set      class=dvr
  weight   0.85
  source   protocols.md §4 (DeviceInfo deviceType)
  example  "200 <deviceType>DVR</deviceType>"
  example! "200 <deviceType>IPCamera</deviceType>"

# Non-camera deviceType values of ISAPI deviceInfo, as public ISAPI client
# test fixtures record them: ACS (access control terminals, e.g.
# DS-K1T673DX-BR with subDeviceType accessControlTerminal), VIS (video
# intercom indoor/door stations), AXPro (AX PRO DS-PWA96-M-WE hub).

rule hikvision-isapi-type-access
  on       hik.isapi
  match    <deviceType>\s*ACS\s*</deviceType>
  set      class=access-control
  weight   0.85
  source   ISAPI deviceInfo deviceType ACS of Hikvision access terminals (DS-K1T673DX-BR, DS-K1T341AMF, DS-K1T808MFWX in public ISAPI client fixtures, subDeviceType accessControlTerminal)
  example  "200 <DeviceInfo><model>DS-K1T673DX-BR</model><deviceType>ACS</deviceType></DeviceInfo>" => class=access-control
  example! "200 <deviceType>IPCamera</deviceType>"

rule hikvision-isapi-type-intercom
  on       hik.isapi
  match    <deviceType>\s*VIS\s*</deviceType>
  set      class=intercom
  weight   0.85
  source   ISAPI deviceInfo deviceType VIS (video intercom system) of Hikvision indoor and door stations (public ISAPI intercom client fixtures)
  example  "200 <DeviceInfo><deviceType>VIS</deviceType></DeviceInfo>" => class=intercom
  example! "200 <deviceType>NVR</deviceType>"

rule hikvision-isapi-type-alarm
  on       hik.isapi
  match    <deviceType>\s*(?:AXPro|AXHybridPro|AlarmHost)\s*</deviceType>
  set      class=alarm-panel
  weight   0.75
  source   ISAPI deviceInfo deviceType AXPro of the AX PRO hub DS-PWA96-M-WE (a public ISAPI client fixture); AXHybridPro/AlarmHost by analogy (lower weight)
  example  "200 <DeviceInfo><model>DS-PWA96-M-WE</model><deviceType>AXPro</deviceType></DeviceInfo>" => class=alarm-panel
  example! "200 <deviceType>DVR</deviceType>"

rule hikvision-onvif-namespace
  on       onvif.ns
  match    \bhikvision\.com/
  flags    i
  set      manufacturer=Hikvision
  weight   0.8
  source   protocols.md §2 (vendor namespaces in SOAP replies; hammeraj/onvif fixtures)
  example  "http://www.w3.org/2003/05/soap-envelope http://www.hikvision.com/2011/event/topics"
  example! "http://www.w3.org/2003/05/soap-envelope http://www.onvif.org/ver10/schema"
  example! "http://nothikvision.com.example/"

rule hikvision-sdp-imkh
  on       rtsp.sdp
  match    a=Media_header:MEDIAINFO=494D4B48
  flags    i
  set      manufacturer=Hikvision
  weight   0.85
  source   protocols.md §4, §8 (Hikvision SDP "IMKH" media header, webrtc-streamer#138 log)
  example  "v=0\r\ns=Media Presentation\r\na=Media_header:MEDIAINFO=494D4B48010100000400000100000000;\r\n"
  example! "v=0\r\ns=Media Presentation\r\n"

rule hikvision-sdp-hik-media-server
  on       rtsp.sdp.session rtsp.sdp
  match    (?:^|s=)HIK Media Server(?: V([0-9][0-9.]{0,20}))?
  set      manufacturer=Hikvision
  weight   0.8
  source   protocols.md §4 (gortsplib test "Hik Media Server": s=HIK Media Server V3.1.3)
  example  "HIK Media Server V3.1.3"
  example  "v=0\r\ns=HIK Media Server V3.1.3\r\n"
  example! "Media Presentation"

rule hikvision-telnet-factory-ip
  on       banner
  match    192\.0\.0\.64 login:
  set      manufacturer=Hikvision
  weight   0.3
  source   telnet prompt carrying Hikvision's old factory address 192.0.0.64 as host name; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "192.0.0.64 login: "
  example! "router login: "

rule hikvision-tls-subject
  on       tls.subject
  match    O=HIKVISION(?:\b|(?=_))
  set      manufacturer=Hikvision
  weight   0.6
  source   certificate subject O= names the maker (RFC 5280 4.1.2.6); Hikvision's default-certificate form UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "CN=192.168.1.64,O=HIKVISION"
  example! "CN=camera.local,O=Example Corp"
  example! "O=HIKVISIONX"

rule hikvision-model-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?DS-2(?:CD|DE|DF|CE|CV|XM|XS|TD|DY|DC|PT|SE|CC|DP|TB|TP)[0-9][0-9A-Z]{2,}[A-Z0-9()/-]{0,24})
  set      manufacturer=Hikvision@0.6 class=camera@0.7 model=$1@0.5
  tier     model
  weight   0.6
  source   Hikvision catalogue scheme DS-2 = cameras (datasheets DS-2CD2143G2-I network, DS-2DE4425IW-DE PTZ, DS-2CE16D0T-IRF Turbo HD, DS-2TD2617-6/PA thermal, iDS-2CD7A46G0-IZHS DeepinView); protocols.md §3
  example  "DS-2CD2385G1-I" => model=DS-2CD2385G1-I manufacturer=Hikvision class=camera
  example  "onvif://www.onvif.org/hardware/DS-2CD2385G1-I" => model=DS-2CD2385G1-I
  example  "iDS-2CD7A46G0-IZHS" => model=iDS-2CD7A46G0-IZHS class=camera
  example  "DS-2CE16D0T-IRF" => class=camera
  example  "Hikvision DS-2DE4425IW-DE PTZ" => model=DS-2DE4425IW-DE
  example  "<model>DS-2TD2617-6/PA</model>" => model=DS-2TD2617-6/PA
  example! "IPC-HDW1431T1-S4"
  example! "XDS-2CD2385G1-I"
  example! "DS-7608NI-K2"

rule hikvision-model-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?DS-(?:7[0-9]{3}|8[0-9]{3}|9[0-9]{3,4})N[A-Z0-9()/-]{0,24})
  set      manufacturer=Hikvision@0.6 model=$1@0.5 class=nvr@0.8
  tier     model
  weight   0.6
  source   exposure.md §1 (Hikvision NVR families DS-76xxNI-K1/Q, DS-71xxNI-Q1, DS-96xxNXI/DS-79xxNXI "Network Video Recorder" manuals); the N after the channel count marks an NVR
  example  "DS-7608NI-K2" => class=nvr
  example  "DS-9664NI-I8" => class=nvr
  example  "DS-7104NI-Q1/4P" => class=nvr model=DS-7104NI-Q1/4P
  example  "DS-8632NI-K8" => class=nvr
  example  "DS-7732NXI-I4/16P" => class=nvr
  example  "<deviceName>Network Video Recorder</deviceName><model>DS-7616NI-K2/16P</model>" => model=DS-7616NI-K2/16P class=nvr
  example  "Hikvision DS-9632NI-I8 NVR" => model=DS-9632NI-I8
  example! "DS-7204HQHI-K1"
  example! "DS-2CD2385G1-I"

rule hikvision-model-encoder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?DS-67[0-9]{2}H[A-Z]{1,3}I?(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.5 class=encoder
  tier     model
  weight   0.75
  source   Hikvision video encoder datasheets: DS-6701HUHI and DS-6704HUHI Turbo HD video encoders, DS-6700HQHI series (DS-67xx = encoders in the Hikvision catalogue)
  example  "DS-6704HUHI-K" => class=encoder model=DS-6704HUHI-K
  example  "DS-6701HUHI" => class=encoder
  example! "DS-7604NI-K1"
  example! "DS-6901UDI"

rule hikvision-model-decoder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?DS-6[49][0-9]{2}(?:U|H)DI(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.5 class=decoder
  tier     model
  weight   0.75
  source   Hikvision video decoder datasheets: DS-6901UDI and DS-6910UDI video wall decoders, DS-6404HDI-T decoder (DS-69xxUDI / DS-64xxHDI = decoders)
  example  "DS-6901UDI" => class=decoder model=DS-6901UDI
  example  "DS-6404HDI-T" => class=decoder
  example! "DS-6704HUHI"

rule hikvision-web-video-plugin
  on       http.body
  match    /codebase/WebComponents\.exe|\bWebComponentsKit\.exe(?:\b|(?=_))
  set      surveillance=yes
  weight   0.5
  source   Hikvision network camera and NVR user manuals, live view: the web client asks to install its video plug-in (WebComponents.exe / WebComponentsKit.exe) for preview and playback
  example  "<object classid=\"clsid:x\" codebase=\"/codebase/WebComponents.exe\">" => surveillance=yes
  example! "<script src=\"/doc/script/lib/jquery.js\">"

rule hikvision-isapi-description-kind
  on       hik.isapi http.body
  match    <deviceDescription>\s*(?:IPCamera|IPDome|IPZoom|IP CAMERA|IP DOME)\s*</deviceDescription>
  flags    i
  set      class=camera surveillance=yes
  weight   0.6
  source   protocols.md §4 (ISAPI DeviceInfo deviceDescription, which older camera firmware fills with the deviceType word IPCamera / IPDome)
  example  "200 <DeviceInfo><deviceDescription>IPCamera</deviceDescription></DeviceInfo>" => class=camera
  example! "200 <DeviceInfo><deviceDescription>ACS</deviceDescription></DeviceInfo>"

# /ISAPI/Security/adminAccesses (and its /capabilities) lists the ports
# of the device's access protocols; DEV_MANAGE is the Hikvision SDK
# (iVMS/HCNetSDK) port, 8000 by default.  The maker only: cameras,
# recorders, door stations and alarm panels all answer it.
rule hikvision-isapi-admin-access-dev-manage
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <AdminAccessProtocol\b.{0,600}?<protocol\b[^>]{0,80}>\s*DEV_MANAGE\s*</protocol>
  flags    s
  set      manufacturer=Hikvision
  weight   0.6
  source   Hikvision ISAPI guide (loozhengyuan/hikvision-sdk resources/isapi.pdf), /ISAPI/Security/adminAccesses: AdminAccessProtocol protocol HTTP|HTTPS|RTSP|DEV_MANAGE, DEV_MANAGE = SDK server port 8000
  example  "<AdminAccessProtocolList version=\"2.0\"><AdminAccessProtocol><id>2</id><protocol>DEV_MANAGE</protocol><portNo>8000</portNo></AdminAccessProtocol></AdminAccessProtocolList>" => manufacturer=Hikvision
  example! "<AdminAccessProtocolList><AdminAccessProtocol><id>1</id><protocol>HTTP</protocol><portNo>80</portNo></AdminAccessProtocol></AdminAccessProtocolList>"
