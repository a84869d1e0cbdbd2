# Field rules across HTTP, RTSP, TLS, SIP, SNMP, DHCP, banners and MAC OUI
# evidence, for surveillance makers and the non-camera devices beside
# them.  Format: docs/fingerprints.md.

# --- Brand lookups on further keys ----------------------------------------

rule brand-in-rtsp-server
  on       rtsp.server
  lookup   brands
  weight   0.6
  source   RFC 2326 12.36: the RTSP Server header names the server software; known brand names in it are looked up
  example  "Vivotek RTSP Server" => brand=Vivotek
  example! "GStreamer RTSP server"

rule brand-in-http-server
  on       http.server
  lookup   brands
  weight   0.5
  source   field knowledge: vendor names in HTTP Server headers
  example  "Mobotix Web Server" => brand=Mobotix
  example! "nginx/1.18.0"

rule brand-in-tls-names
  on       tls.subject tls.issuer
  lookup   brands
  weight   0.5
  source   RFC 5280 4.1.2.6: a subject/issuer O= names the organisation; known brand names in it are looked up
  example  "CN=192.168.1.64,O=Hanwha Techwin,C=KR" => brand="Hanwha Vision"
  example! "CN=localhost,O=Internet Widgits Pty Ltd"

rule brand-in-snmp-sysdescr
  on       snmp.sysdescr
  lookup   brands
  weight   0.65
  source   field knowledge: SNMP sysDescr starts with the vendor and model
  example  "AXIS P3245-LVE Network Camera 10.12.114" => brand=Axis
  example! "Linux camera 3.10.0 #1 SMP armv7l"

rule brand-in-sip-server
  on       sip.server
  lookup   brands
  weight   0.6
  source   field knowledge: SIP Server/User-Agent carries vendor and model
  example  "Yealink SIP-T46S 66.86.0.15" => brand=Yealink
  example! "Asterisk PBX 18.2.0"

rule brand-in-dhcp-vendor
  on       dhcp.vendor
  lookup   brands
  weight   0.55
  source   RFC 2132 9.13: DHCP option 60 vendor class identifier carries a vendor string; known brand names in it are looked up
  example  "Hikvision IPC" => brand=Hikvision
  example! "udhcp 1.30.1"

rule brand-in-wsd-xaddrs-ssdp-usn
  on       ssdp.usn wsd.xaddrs
  lookup   brands
  weight   0.3
  source   field knowledge: some vendors put their name in USN/XAddrs paths
  example  "uuid:Upnp-Hikvision-1_0-1234::upnp:rootdevice" => brand=Hikvision
  example! "uuid:2f402f80-da50-11e1-9b23-001788000000::upnp:rootdevice"

# --- MAC OUI (supporting evidence only) ------------------------------------

rule mac-oui-maker
  on       mac.maker
  match    ^\s*(?!(?:Espressif|Realtek|MediaTek|AzureWave|Hon Hai|Murata|AMPAK|Fn-Link|Quectel|Tuya|Intel|Broadcom|Qualcomm|Texas Instruments|Raspberry Pi|Samsung Electronics|Apple|Microsoft|VMware)\b)([^\s].{0,62}?)\s*$
  flags    i
  set      manufacturer=$1
  weight   0.4
  source   policy.md §2.1 (an OUI match is strong positive evidence but badges may carry either OUI); protocols.md §13
  example  "Hikvision" => manufacturer=Hikvision
  example  "Dahua" => manufacturer=Dahua
  example! "Espressif"
  example! "Hon Hai"

rule mac-oui-module-maker
  on       mac.maker
  match    ^\s*(Espressif|Realtek|MediaTek|AzureWave|Hon Hai|Murata|AMPAK|Fn-Link|Quectel|Tuya)(?:\b|(?=_))
  flags    i
  set      manufacturer=$1
  weight   0.08
  source   field knowledge: Wi-Fi/cellular module makers' OUIs appear on many makers' devices (kept visible, nearly no weight)
  example  "Espressif" => manufacturer=Espressif
  example  "AzureWave" => manufacturer=AzureWave
  example! "Hikvision"

rule mac-oui-registrant-trap
  on       mac.registrant
  match    \b(?:Shanghai Dahua Scale|Hyesung Techwin|Techwinsemi|Kedah Electronics|Costar Group|Opelcomm|Pelcombe)(?:\b|(?=_))
  flags    i
  set      surveillance=no
  weight   0.2
  source   protocols.md §13 and policy.md §1.6 (registrants whose names resemble camera makers but are other companies)
  example  "Shanghai Dahua Scale Factory"
  example  "Shenzhen Techwinsemi Technology Co., Ltd"
  example! "Zhejiang Dahua Technology Co., Ltd."

# --- HTTP: realms, servers, titles, body markers ---------------------------

rule dahua-http-realm-login-to
  on       http.realm rtsp.realm
  match    ^Login to [A-Za-z0-9]{6,24}$
  set      manufacturer=Dahua
  weight   0.7
  source   github.com/scottlamb/retina/issues/62 (Dahua camera's RTSP 401: Digest realm="Login to 4K01FD2PAJ6E3FF"); bluenviron/mediamtx#368 (Dahua device, realm "Login to <id>")
  example  "Login to 4K01FD2PAJ6E3FF" => manufacturer=Dahua
  example! "Login to the router"

rule axis-http-realm
  on       http.realm rtsp.realm
  match    ^AXIS_(?:[0-9A-Fa-f]{12}|ACCC8E|B8A44F|E82725)
  set      manufacturer=Axis
  weight   0.6
  source   Axis realm carrying the MAC; public capture GuilhermeC18/node-onvif#40 shows realm="AXIS_WS_ACCC8E494578" (AXIS_WS_<MAC>), which this pattern does not match; AXIS_<MAC> form unverified, weight lowered
  example  "AXIS_ACCC8E123456" => manufacturer=Axis
  example! "AXIS"

rule hanwha-http-realm-ipolis
  on       http.realm
  match    ^\s*(?:iPolis|iPOLiS)(?:_[0-9A-Fa-f]{6,12})?\s*$
  set      manufacturer="Hanwha Vision"
  weight   0.7
  source   github.com/Ullaakut/cameradar/issues/199 (comment 2019-05-23: Hanwha iPolis camera's RTSP 401 carries Digest realm="iPOLiS"; the HTTP realm is assumed to match)
  example  "iPOLiS" => manufacturer="Hanwha Vision"
  example  "iPolis_00095B123456"
  example! "Politics"

rule mobotix-http-realm
  on       http.realm
  match    ^MOBOTIX Camera(?:\b|(?=_))
  flags    i
  set      manufacturer=Mobotix class=camera
  weight   0.7
  source   realm names the maker (MOBOTIX Camera ...); the exact default string is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "MOBOTIX Camera User" => manufacturer=Mobotix class=camera
  example! "Camera User"

rule bosch-http-server-videojet
  on       http.server
  match    ^VCS-VideoJet-Webserver(?:\b|(?=_))
  set      manufacturer=Bosch class=camera@0.6
  weight   0.65
  source   VideoJet is a Bosch encoder line (Bosch VIDEOJET X20 manual, azmanual.top/manuals/55971); the banner VCS-VideoJet-Webserver itself is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "VCS-VideoJet-Webserver" => manufacturer=Bosch
  example! "VideoJet"

rule geovision-http-server
  on       http.server
  match    ^GeoHttpServer(?:\b|(?=_))
  set      manufacturer=GeoVision
  weight   0.6
  source   GeoVision web server banner GeoHttpServer; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "GeoHttpServer" => manufacturer=GeoVision
  example! "HttpServer"

rule netwave-http-server
  on       http.server
  match    ^Netwave IP Camera(?:\b|(?=_))
  set      class=camera surveillance=yes
  weight   0.55
  source   web server banner of Netwave-firmware clone cameras; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Netwave IP Camera" => class=camera
  example! "Netwave"

rule jaws-dvr-http-server
  on       http.server
  match    ^JAWS/1\.0(?:\b|(?=_))
  set      class=dvr surveillance=yes
  weight   0.45
  source   web server banner of white-label DVRs (JAWS/1.0); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "JAWS/1.0" => class=dvr
  example! "JAWS/2.0-beta"

rule goahead-embedded-weak
  on       http.server
  match    ^GoAhead-(?:Webs|http)(?:\b|(?=_))
  set      class=camera@0.2
  tier     generic
  weight   0.2
  source   field knowledge: GoAhead embedded server is common on cheap IP cameras and many other embedded devices (weak)
  example  "GoAhead-Webs"
  example! "Apache"

rule hikvision-http-login-asp
  on       http.body http.location
  match    /doc/page/(?:login|main|preview)\.asp|/doc/ui/|/ISAPI/Security/(?:userCheck|sessionLogin)
  set      manufacturer=Hikvision
  weight   0.6
  source   /ISAPI/Security/userCheck and sessionLogin are Hikvision ISAPI paths (ISAPI guide, loozhengyuan/hikvision-sdk resources/isapi.pdf); /doc/page/login.asp is UNVERIFIED (protocols.md §4); weight lowered
  example  "<script>window.location.href = \"/doc/page/login.asp?_\" + (new Date()).getTime();</script>" => manufacturer=Hikvision
  example  "/doc/page/login.asp"
  example! "/login.asp"

rule dahua-http-body-rpc2
  on       http.body
  match    /RPC2_Login\b|/baseProj/|\bjsBase/widget|\bWebCapsConfig\b|\bDhWebClientSessionID(?:\b|(?=_))
  set      manufacturer=Dahua
  weight   0.7
  source   protocols.md §6 (/RPC2_Login JSON-RPC); field knowledge: Dahua web UI assets
  example  "<script src=\"/baseProj/js/base.js\"></script>" => manufacturer=Dahua
  example  "xhr.open('POST','/RPC2_Login')"
  example! "/RPC2/ something"

rule dahua-http-title-web-service
  on       http.title
  match    ^\s*WEB SERVICE\s*$
  set      manufacturer=Dahua@0.45
  weight   0.45
  source   field knowledge: Dahua (and Dahua-OEM) web UI title "WEB SERVICE"
  example  "WEB SERVICE"
  example! "Web Services Portal"

rule uniview-http-lapi
  on       http.body http.location
  match    /LAPI/V[0-9]|\bUniview\b|/Uniview/
  flags    i
  set      manufacturer=Uniview
  weight   0.55
  source   exposure.md §2.4 and cloud-and-nvr.md §1.6 (Uniview LAPI /LAPI/V1.0/... endpoints; low-confidence, unattributed sources); weight lowered
  example  "fetch('/LAPI/V1.0/System/DeviceInfo')" => manufacturer=Uniview
  example! "/API/V1.0/"

rule reolink-http-api
  on       http.body http.location
  match    /cgi-bin/api\.cgi\?cmd=|\breolink(?:\b|(?=_))
  flags    i
  set      manufacturer=Reolink
  weight   0.6
  source   support.reolink.com/hc/en-us/articles/900000629206 (Reolink's CGI API document); gist.github.com/jasonk/4772d1cd5154069cfc9eed07acb2057a (calls /cgi-bin/api.cgi?cmd=Login on a Reolink NVR)
  example  "/cgi-bin/api.cgi?cmd=Login" => manufacturer=Reolink
  example! "/cgi-bin/luci"

rule tvt-http-nvms
  on       http.title http.body
  match    \bNVMS-9000\b|\bNVMS9000(?:\b|(?=_))
  set      manufacturer=TVT
  weight   0.6
  source   mcw0/PoC TVT_and_OEM_IPC_NVR_DVR_RCE_Backdoor_and_Information_Disclosure.txt (2018: NVMS9000 is the process of TVT and OEM DVR, NVR and IPC firmware; its web client sends systemType="NVMS-9000"), so no class
  example  "NVMS-9000" => manufacturer=TVT
  example! "NVMS"

rule ubiquiti-http-protect
  on       http.title
  match    ^\s*UniFi (?:Protect|Video|NVR)(?:\b|(?=_))
  set      manufacturer=Ubiquiti class=nvr@0.6
  weight   0.8
  source   UniFi Protect, UniFi Video and UniFi NVR are Ubiquiti product names (ui.com product pages); the web page title carries the product name
  example  "UniFi Protect" => manufacturer=Ubiquiti
  example! "UniFi Network"

rule generic-camera-title
  on       http.title
  match    ^\s*(?:IP ?Camera|Network Camera|IPCAM|NetCamera|Camera Login)(?:\b|(?=_))
  flags    i
  set      class=camera surveillance=yes
  weight   0.45
  source   field knowledge: generic titles of camera web UIs
  example  "Network Camera" => class=camera
  example  "IPCAM"
  example! "Router Login"
  example! "DVR Login"

rule generic-recorder-title
  on       http.title
  match    ^\s*(?:NVR Login|Network Video Recorder)(?:\b|(?=_))
  flags    i
  set      class=nvr surveillance=yes
  weight   0.45
  source   field knowledge: generic titles of recorder web UIs (split from generic-camera-title: a recorder's title names a recorder)
  example  "NVR Login" => class=nvr
  example! "DVR Login"

rule generic-dvr-title
  on       http.title
  match    ^\s*(?:DVR Login|Digital Video Recorder)(?:\b|(?=_))
  flags    i
  set      class=dvr surveillance=yes
  weight   0.45
  source   field knowledge: generic titles of DVR web UIs (split from generic-camera-title)
  example  "DVR Login" => class=dvr
  example! "NVR Login"

rule generic-video-client-title
  on       http.title
  match    ^\s*(?:Web ?Client|Live ?View|Video Recorder)(?:\b|(?=_))
  flags    i
  set      class=camera@0.3 surveillance=yes
  tier     generic
  weight   0.45
  source   field knowledge: web UI titles shared by cameras and recorders ("Web Client", "Live View"): video equipment, kind not said
  example  "Web Client" => surveillance=yes
  example! "Router Login"

# --- RTSP ------------------------------------------------------------------

rule rtsp-server-h264dvr
  on       rtsp.server
  match    ^H264DVR(?:\b|(?=_))
  set      class=dvr surveillance=yes manufacturer=Xiongmai@0.4
  weight   0.45
  source   RTSP Server header H264DVR of XMEye-style white-label DVRs; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "H264DVR 1.0" => class=dvr
  example! "H264"

rule rtsp-server-indigo
  on       rtsp.server
  match    ^Indigo-Security/
  set      brand=IndigoVision manufacturer="Motorola Solutions" class=camera@0.5
  weight   0.45
  source   RTSP Server header Indigo-Security/<version> of IndigoVision cameras; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Indigo-Security/2.1" => brand=IndigoVision
  example! "Indigo/1.0"

rule rtsp-server-geovision
  on       rtsp.server
  match    ^GeoVision\b|^GV-
  set      manufacturer=GeoVision class=camera@0.5
  weight   0.55
  source   RTSP Server header naming GeoVision or its GV- model prefix; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "GeoVision RTSP Server" => manufacturer=GeoVision
  example! "Vision Server"

rule rtsp-server-media-servers
  on       rtsp.server
  match    ^(?:Wowza|VLC|mediamtx|rtsp-simple-server|EasyDarwin)
  flags    i
  set      class=other@0.3
  weight   0.3
  source   field knowledge: general-purpose RTSP servers that run on PCs and servers (software, not camera firmware); LIVE555, GStreamer and Darwin are libraries that camera firmware embeds (reolink-sdp a=tool:LIVE555), so they name no class
  example  "Wowza Streaming Engine"
  example  "mediamtx"
  example! "Dahua Rtsp Server"
  example! "LIVE555 Streaming Media v2013.04.08"
  example! "GStreamer RTSP server"

# --- TLS ------------------------------------------------------------------

rule mobotix-tls
  on       tls.subject tls.issuer
  match    \bO=MOBOTIX(?:\b|(?=_))
  flags    i
  set      manufacturer=Mobotix
  weight   0.6
  source   certificate O= is the maker's legal name, MOBOTIX AG (RFC 5280 4.1.2.6); default-certificate use unverified; weight lowered
  example  "CN=10.0.0.5,O=MOBOTIX AG,C=DE" => manufacturer=Mobotix
  example! "O=MOTION"

rule hanwha-tls
  on       tls.subject tls.issuer
  match    \bO=(?:Hanwha (?:Techwin|Vision)|Samsung Techwin)(?:\b|(?=_))
  flags    i
  set      manufacturer="Hanwha Vision"
  weight   0.6
  source   certificate O= is the maker's legal name, Hanwha Techwin/Vision or Samsung Techwin (RFC 5280 4.1.2.6); default-certificate use unverified; weight lowered
  example  "CN=Wisenet,O=Hanwha Techwin,C=KR" => manufacturer="Hanwha Vision"
  example! "O=Hyesung Techwin"

rule dahua-tls
  on       tls.subject tls.issuer
  match    \bO=(?:Zhejiang )?Dahua(?: Technology| Vision)?\b|\bCN=DahuaCA\b|\bOU=Dahua(?:\b|(?=_))
  flags    i
  set      manufacturer=Dahua
  weight   0.6
  source   certificate O= is the maker's legal name, Zhejiang Dahua Technology (RFC 5280 4.1.2.6); the DahuaCA issuer CN is unverified; weight lowered
  example  "CN=Device,O=Zhejiang Dahua Technology Co.,Ltd.,C=CN" => manufacturer=Dahua
  example! "O=Shanghai Dahua Scale Factory"

rule twon-intercom-tls
  on       tls.subject tls.issuer
  match    OU=2N IP Intercoms,O=2N Telekomunikace
  set      manufacturer=2N class=intercom@0.6
  weight   0.5
  source   certificate subject naming 2N Telekomunikace and its IP intercom line; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "OU=2N IP Intercoms,O=2N Telekomunikace a.s." => manufacturer=2N
  example! "O=2N"

# --- Banners (telnet, FTP, SSH, SMTP) --------------------------------------

rule hikvision-telnet-dvrdvs
  on       banner
  match    ^\s*dvrdvs login:
  set      manufacturer=Hikvision class=dvr@0.5
  weight   0.5
  source   telnet prompt dvrdvs login: of Hikvision DVR/NVR firmware; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "dvrdvs login: " => manufacturer=Hikvision
  example! "router login: "

rule xiongmai-telnet-localhost
  on       banner
  match    ^\s*(?:LocalHost|xmhdipc|XMHDIPC) login:
  set      manufacturer=Xiongmai@0.6 class=camera@0.5
  weight   0.45
  source   telnet prompts LocalHost/xmhdipc login: of Xiongmai firmware; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "LocalHost login: " => manufacturer=Xiongmai
  example  "xmhdipc login:"
  example! "localhost.localdomain login:"

rule embedded-telnet-none
  on       banner
  match    ^\s*\(none\) login:
  set      class=camera@0.15
  tier     generic
  weight   0.15
  source   field knowledge: BusyBox hosts without a hostname print "(none) login:" (cheap cameras, routers; weak)
  example  "(none) login: "
  example! "(home) login:"

rule banner-ssh-dropbear
  on       banner
  match    ^SSH-2\.0-dropbear
  set      class=camera@0.1
  tier     generic
  weight   0.1
  source   field knowledge: dropbear SSH is common on embedded Linux (very weak)
  example  "SSH-2.0-dropbear_2019.78"
  example! "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.1"

rule banner-smtp-ms-exchange
  on       banner
  match    ^220 [^\r\n]{0,100}(?:Microsoft ESMTP|Postfix|Exim|Sendmail)
  set      class=other surveillance=no
  weight   0.5
  source   field knowledge: mail servers
  example  "220 mail.example.com ESMTP Postfix (Ubuntu)"
  example! "220 AXIS Q1615 FTP server ready"

# --- SNMP sysDescr and DHCP vendor class -----------------------------------

rule snmp-axis-model
  on       snmp.sysdescr
  match    ^\s*AXIS\s+([A-Z][0-9A-Z]{1,8}(?:-[A-Z0-9]{1,8}){0,3})\s+(?:[A-Za-z ]{0,30})?(?:Network|PTZ|Dome|Fixed|Thermal|Panoramic|Video)
  set      manufacturer=Axis model="AXIS $1" class=camera@0.6
  tier     model
  weight   0.6
  source   Axis sysDescr names the model; public capture glpi-project/glpi-agent#975 shows ' ; AXIS M3045-V; Network Camera; 6.15.4.1; ...' which this pattern does not match; space-separated form unverified
  example  "AXIS P3245-LVE Network Camera 10.12.114" => model="AXIS P3245-LVE" manufacturer=Axis
  example! "Axis bank"

rule snmp-decoy-os
  on       snmp.sysdescr
  match    ^(?:Cisco IOS|Cisco NX-OS|Juniper Networks|Hardware: .{1,40} Software: Windows|RouterOS|Linux [a-z0-9.-]{1,40} [0-9]\.[0-9]+\.[0-9]+.{0,40}x86_64|HP ETHERNET MULTI-ENVIRONMENT|Brother NC-|EPSON Built-in|Xerox|RICOH|Lexmark|KYOCERA)
  set      class=other surveillance=no
  weight   0.55
  source   field knowledge: sysDescr of routers, switches, servers and printers
  example  "Cisco IOS Software, C2960 Software"
  example  "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT"
  example! "AXIS P3245-LVE Network Camera"

rule dhcp-decoy-vendors
  on       dhcp.vendor
  match    ^(?:MSFT [0-9]|android-dhcp|dhcpcd-[0-9].{0,40}(?:x86_64|amd64)|Cisco Systems|HP LaserJet|Hewlett-Packard JetDirect|Brother|EPSON)
  set      class=other surveillance=no
  weight   0.5
  source   field knowledge: DHCP option 60 of Windows, Android, Cisco and printers
  example  "MSFT 5.0"
  example  "android-dhcp-13"
  example! "udhcp 1.30.1"

# --- SIP (intercoms vs phones) ----------------------------------------------

rule sip-phone-other
  on       sip.server
  match    ^(?:Yealink SIP-|Grandstream (?:GXP|GRP|HT|DP|WP)|Fanvil [XV][0-9]|Cisco-CP|PolycomVVX|Polycom|snom[0-9]|Asterisk|FPBX|FreeSWITCH|Avaya|Mitel|Aastra|Gigaset)
  set      class=other surveillance=no
  weight   0.6
  source   field knowledge: SIP User-Agent strings of desk phones and PBXs
  example  "Yealink SIP-T46S 66.86.0.15"
  example  "Asterisk PBX 18.2.0"
  example! "Grandstream GDS3710"

rule sip-door-station
  on       sip.server
  match    ^(?:Grandstream GDS[0-9]|Grandstream GSC|2N IP|Hikvision|DS-KD|DS-KV|DH-VTO|VTO[0-9]|Akuvox|Dahua)
  set      class=intercom
  weight   0.6
  source   field knowledge: video door stations and intercoms (Grandstream GDS, 2N, Hikvision DS-KD/KV, Dahua VTO, Akuvox)
  example  "Grandstream GDS3710 1.0.11.3" => class=intercom
  example  "DH-VTO2202F"
  example! "Yealink SIP-T46S"

rule sip-hikvision-intercom-model
  on       sip.server upnp.model sadp.model onvif.model gb.model
  match    \b(DS-K[DVHBI][0-9]{3,4}[A-Z0-9-]*)
  set      manufacturer=Hikvision model=$1@0.6 class=intercom@0.8
  tier     model
  weight   0.7
  source   field knowledge: Hikvision video intercom models DS-KD/DS-KV/DS-KH
  example  "DS-KV6113-WPE1" => manufacturer=Hikvision model=DS-KV6113-WPE1
  example! "DS-2CD2385G1-I"

rule sip-dahua-vto-model
  on       sip.server dhip.model upnp.model onvif.model gb.model
  match    \b((?:DH-)?VT[OH][0-9]{4}[A-Z0-9-]*)
  set      manufacturer=Dahua model=$1@0.6 class=intercom@0.8
  tier     model
  weight   0.7
  source   field knowledge: Dahua video intercom models VTO/VTH
  example  "DH-VTO2202F-P" => manufacturer=Dahua model=DH-VTO2202F-P
  example! "VT100"

# --- Protocol roles that say "a video device" (issue #11, class from evidence)
# A device that serves a video stream, answers a video-input or stream
# document, raises video-analytics events or stores recordings is a video
# device, whoever made it, even when nothing says camera or recorder: these
# rules claim surveillance=yes and, only where the role shows it (an NVR's
# proxied IP channels, a recorder's device name), a class.  They never beat
# model-family evidence: a door station (DS-KV/DS-KD, VTO) or a face
# terminal also streams RTSP video, and its model family gives it a
# non-video class, which decides (docs/fingerprints.md §5, step 8).  With
# no class evidence at all such a unit counts as video equipment: the UK
# regime covers intercoms anyway, and the evidence is of a video product.

rule role-rtsp-sdp-video
  on       rtsp.sdp
  match    (?m)^m=video[ \t]+[0-9]{1,5}[ \t]
  set      surveillance=yes
  weight   0.6
  source   RFC 8866 §5.14 (m=video media description): the RTSP server answering DESCRIBE serves a live video stream; protocols.md §4, §6 (Hikvision and Dahua DESCRIBE answers)
  example  "v=0\r\ns=Media Presentation\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n" => surveillance=yes
  example  "v=0\r\ns=Media Server\r\nm=audio 0 RTP/AVP 8\r\nm=video 0 RTP/AVP 96\r\n"
  example! "v=0\r\ns=Audio\r\nm=audio 0 RTP/AVP 0\r\n"
  example! "v=0\r\ns=m=video here\r\n"

rule role-rtsp-service
  on       rtsp.www-authenticate rtsp.public rtsp.content-base rtsp.server
  port     554 8554 10554 5544 1554
  match    ^(?!AirTunes/|AirPlay/)[\x21-\x7e]
  set      surveillance=yes
  weight   0.5
  source   RFC 2326 §1.1, RFC 7826 §1: RTSP delivers real-time media streams (IANA port 554, alt 8554); a device answering on a stream port serves live video. AirPlay receivers (Server AirTunes) also speak RTSP and are left out
  example  "Digest realm=\"Login to 4K01ABCDEF\", nonce=\"1\"" => surveillance=yes
  example  "OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY"
  example! "AirTunes/366.0"
  example! ""

rule role-video-stream-path
  on       rtsp.sdp http.body hik.isapi http.location onvif.scopes
  match    /Streaming/[Cc]hannels/[0-9]{1,4}|/ISAPI/Streaming/|/cam/realmonitor\?channel=[0-9]|\bh26[45]Preview_[0-9]{2}_(?:main|sub)(?:\b|(?=_))
  set      surveillance=yes
  weight   0.6
  source   Hikvision support "RTSP URL" note (rtsp://IP:554/Streaming/Channels/101, ISAPI /ISAPI/Streaming/channels); Dahua HTTP API for IPC & DVR §4.1 (cam/realmonitor?channel=1&subtype=0); Reolink support "RTSP" (h264Preview_01_main)
  example  "a=control:rtsp://192.168.1.64:554/Streaming/Channels/101/?transportmode=unicast" => surveillance=yes
  example  "rtsp://192.168.1.108:554/cam/realmonitor?channel=1&subtype=0"
  example  "rtsp://192.168.1.10:554/h264Preview_01_main"
  example! "a=control:trackID=0"
  example! "/ISAPI/System/deviceInfo"

rule role-isapi-video-documents
  on       http.body hik.isapi
  match    <(?:StreamingChannel|StreamingChannelList|VideoInputChannel|VideoInputChannelList|MotionDetection|LineDetection|FieldDetection|VideoInput)[\s>]|<eventType>\s*(?:VMD|linedetection|fielddetection|videoloss|shelteralarm|tamperdetection)\s*</eventType>
  flags    i
  set      surveillance=yes
  weight   0.6
  source   Hikvision support "RTSP URL" note (rtsp://IP:554/Streaming/Channels/101); Dahua HTTP API for IPC & DVR §4.1 (cam/realmonitor?channel=1&subtype=0); Reolink support "RTSP" (h264Preview_01_main)
  example  "<StreamingChannelList version=\"2.0\"><StreamingChannel><id>101</id>" => surveillance=yes
  example  "<EventNotificationAlert><eventType>VMD</eventType></EventNotificationAlert>"
  example  "<MotionDetection version=\"2.0\"><enabled>true</enabled>"
  example! "<EventNotificationAlert><eventType>AccessControllerEvent</eventType></EventNotificationAlert>"
  example! "<DeviceInfo><model>DS-K1T671MF</model></DeviceInfo>"

rule role-dahua-video-events
  on       http.body dahua.cgi dahua.rpc2
  match    \bCode=(?:VideoMotion|CrossLineDetection|CrossRegionDetection|VideoLoss|VideoBlind)\b|"Code"\s*:\s*"(?:VideoMotion|CrossLineDetection|CrossRegionDetection|VideoLoss|VideoBlind)"
  set      surveillance=yes
  weight   0.6
  source   Dahua HTTP API for IPC & DVR, eventManager.cgi event codes VideoMotion, VideoLoss, VideoBlind, CrossLineDetection, CrossRegionDetection (video-analytics events of cameras and recorders)
  example  "Code=VideoMotion;action=Start;index=0" => surveillance=yes
  example  "{\"Code\":\"CrossLineDetection\",\"Action\":\"Start\"}"
  example! "Code=DoorBell;action=Start;index=0"

rule role-isapi-recorder-channels
  on       http.body hik.isapi
  match    <InputProxyChannel(?:List|Status|StatusList)?[\s>]
  set      class=nvr surveillance=yes
  weight   0.7
  source   Hikvision ISAPI developer guide: /ISAPI/ContentMgmt/InputProxy/channels (InputProxyChannelList), the IP camera channels a network video recorder records
  example  "<InputProxyChannelList version=\"2.0\"><InputProxyChannel><id>1</id>" => class=nvr surveillance=yes
  example! "<StreamingChannelList><StreamingChannel>"

rule role-isapi-storage
  on       http.body hik.isapi
  match    <hddList[\s>]|<HDDList[\s>]
  set      surveillance=yes
  weight   0.55
  source   Hikvision ISAPI developer guide: /ISAPI/ContentMgmt/Storage (storage for video recording; hddList of the recorder's disks or the camera's card)
  example  "<storage><hddList><hdd><id>1</id><capacity>3815447</capacity></hdd></hddList></storage>" => surveillance=yes
  example! "<storage><nasList/></storage>"

rule role-recorder-device-name
  on       hik.isapi http.body http.title snmp.sysdescr banner upnp.friendly-name upnp.model-description sadp.raw
  match    \b(?:Network Video Recorder|NVR Device)(?:\b|(?=_))
  flags    i
  set      class=nvr surveillance=yes
  weight   0.6
  source   Hikvision NVR user manuals (default device name "Network Video Recorder" in ISAPI deviceInfo deviceName); exposure.md §1 (Network Video Recorder manuals)
  example  "<deviceName>Network Video Recorder</deviceName>" => class=nvr surveillance=yes
  example  "Hikvision DS-7608NI-K2 Network Video Recorder"
  example! "<deviceName>Access Controller</deviceName>"

rule role-dvr-device-name
  on       hik.isapi http.body http.title snmp.sysdescr banner upnp.friendly-name upnp.model-description sadp.raw
  match    \b(?:Digital Video Recorder|Embedded Net DVR|Hybrid (?:Network )?Video Recorder)(?:\b|(?=_))
  flags    i
  set      class=dvr surveillance=yes
  weight   0.55
  source   Hikvision Turbo HD DVR user manuals ("Digital Video Recorder", default deviceName "Embedded Net DVR" in ISAPI deviceInfo)
  example  "<deviceName>Embedded Net DVR</deviceName>" => class=dvr surveillance=yes
  example  "Digital Video Recorder"
  example! "<deviceName>Indoor Station</deviceName>"

rule role-camera-device-name
  on       hik.isapi
  match    <deviceName>\s*(?:IP CAMERA|IP DOME|IPCamera|IPDome|Network Camera)\s*</deviceName>
  flags    i
  set      class=camera surveillance=yes
  weight   0.55
  source   protocols.md §4 (DeviceInfo deviceName "IP CAMERA" of a Hikvision camera; the default name, which a user may change)
  example  "200 <DeviceInfo><deviceName>IP CAMERA</deviceName><model>X</model></DeviceInfo>" => class=camera surveillance=yes
  example! "200 <DeviceInfo><deviceName>Access Controller</deviceName></DeviceInfo>"

# Words that name the kind of video device, anywhere in a title, realm,
# sysDescr, banner, UPnP/mDNS/SSDP name or certificate (the anchored title
# rules above cover "NVR Login" and the like at the start).  Role evidence:
# a model family outranks it.  Home-TV recorders ("Channels DVR", Plex,
# HDHomeRun, TiVo, MythTV) are not surveillance recorders and are excluded.

rule role-words-recorder
  on       http.title http.realm rtsp.realm snmp.sysdescr banner upnp.friendly-name upnp.model-description mdns.instance ssdp.server tls.subject
  match    (?<![A-Za-z0-9])(?:NVR|Network Video Recorder|Network Recorder)(?![A-Za-z0-9])
  set      class=nvr surveillance=yes
  weight   0.55
  source   NVR = network video recorder (Hikvision, Dahua, Uniview NVR user manuals: "Network Video Recorder"); a unit that names itself so in its title, realm or sysDescr
  example  "Hikvision NVR" => class=nvr surveillance=yes
  example  "CN=NVR,O=Example"
  example  "NVR-4CH"
  example! "NVRAM settings"
  example! "SNVR"

rule role-words-dvr
  on       http.title http.realm rtsp.realm snmp.sysdescr banner upnp.friendly-name upnp.model-description mdns.instance ssdp.server tls.subject
  match    (?<!Channels )(?<!Plex )(?<!TiVo )(?<!MythTV )(?<!HDHomeRun )(?<![A-Za-z0-9])(?:DVR|XVR|HVR|Digital Video Recorder|Hybrid Video Recorder)(?![A-Za-z0-9])(?! Server)
  set      class=dvr surveillance=yes
  weight   0.5
  source   DVR/XVR/HVR = digital, penta-brid and hybrid video recorders (Hikvision Turbo HD DVR, Dahua XVR user manuals); home-TV recorders excluded
  example  "DVR Web Client" => class=dvr surveillance=yes
  example  "220 DVR FTP server ready"
  example! "Channels DVR"
  example! "Plex DVR"
  example! "DVRDVS"

rule role-words-camera
  on       http.title http.realm rtsp.realm snmp.sysdescr banner upnp.friendly-name upnp.model-description mdns.instance ssdp.server
  match    (?<![A-Za-z0-9])(?:IP ?Camera|IPCAM|Network Camera|Netcam|Dome Camera|Bullet Camera|PTZ Camera|Speed ?Dome|Network Dome)(?![A-Za-z0-9])
  flags    i
  set      class=camera surveillance=yes
  weight   0.55
  source   camera product names in maker datasheets ("Network Camera", "IP Camera", "Speed Dome", "Bullet Camera"); a unit that names itself so
  example  "Hikvision IP Camera" => class=camera surveillance=yes
  example  "Network Dome"
  example! "Camera Raw"
  example! "Camera settings"
