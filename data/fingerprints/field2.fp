# Field rules, second batch (issue #3): server headers, realms, titles, body
# markers and model-number families of further surveillance makers, as
# real devices answer in the field.  Format: docs/fingerprints.md.
#
# Sources: vendor documents, public captures and product naming; rules
# whose strings could not be checked against either say UNVERIFIED and
# carry a lowered weight.  Earlier versions cited other scanners'
# fingerprint data (a Tenable plugin, Greenbone detection scripts); those
# citations and the example strings taken from them were removed in the
# provenance audit (issue #11, docs/fingerprints.md "Provenance").

# --- Sony -------------------------------------------------------------------

rule sony-http-server-netevi
  on       http.server
  match    ^Net(?:EVI|Zoom)/([0-9][0-9.]{0,8}[a-z]?)
  set      manufacturer=Sony class=camera@0.6 firmware=$1@0.3
  weight   0.4
  source   web server banners NetEVI/NetZoom of older Sony SNC cameras; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "NetEVI/3.10" => manufacturer=Sony firmware=3.10
  example  "NetZoom/2.0" => manufacturer=Sony
  example! "NetEVIL/1.0"

rule sony-network-camera-model
  on       http.realm http.title snmp.sysdescr http.body
  match    (?<![A-Za-z0-9])Sony Network Camera (SNC-[A-Z]{1,3}[0-9]{1,4}[A-Z0-9]{0,6})(?:\b|(?=_))
  flags    i
  set      manufacturer=Sony model=$1 class=camera
  tier     model
  weight   0.7
  source   the string names the maker and a Sony SNC- product number; the exact realm/title/sysDescr form is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Sony Network Camera SNC-EP520" => manufacturer=Sony model=SNC-EP520
  example  "SONY Network Camera SNC-CH140" => model=SNC-CH140
  example! "Network Camera SNC"

rule sony-snc-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])(SNC-(?:[A-Z]{1,3})[0-9]{1,4}[A-Z0-9]{0,6})(?:\b|(?=_))
  set      model=$1 manufacturer=Sony@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   Sony network camera product numbers SNC-<series><number> (e.g. SNC-VB770, SNC-EM632R, SNC-EP520)
  example  "SNC-VB770" => model=SNC-VB770 manufacturer=Sony
  example  "onvif://www.onvif.org/hardware/SNC-EM632R" => model=SNC-EM632R
  example! "SNCF-123"

# --- Panasonic / i-PRO --------------------------------------------------------

rule panasonic-http-realm
  on       http.realm
  match    ^\s*Panasonic [Nn]etwork [Dd]evice\s*$
  set      manufacturer=Panasonic
  weight   0.6
  source   realm naming the maker (Panasonic network device); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Panasonic network device" => manufacturer=Panasonic
  example! "Panasonic"

rule ipro-http-realm
  on       http.realm
  match    ^\s*i-PRO [Nn]etwork [Dd]evice\s*$
  set      manufacturer=i-PRO
  weight   0.6
  source   i-PRO (ex-Panasonic) realm after the 2022 rename; the realm string itself is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "i-PRO network device" => manufacturer=i-PRO
  example! "PRO network device"

rule panasonic-wv-model
  on       http.title onvif.model gb.model onvif.scopes wsd.scopes upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])((?:WV|WJ)-[A-Z]{1,4}[0-9]{3,4}[A-Z0-9]{0,6})(?:\b|(?=_))
  set      model=$1 manufacturer=Panasonic@0.55 class=camera@0.5
  tier     model
  weight   0.75
  source   Panasonic / i-PRO security product numbers: WV- cameras, WJ- recorders and encoders (e.g. WV-SPW631L, WV-S1131)
  example  "WV-SPW631L" => model=WV-SPW631L manufacturer=Panasonic
  example  "WV-S1131 Network Camera" => model=WV-S1131
  example! "WV-1"

rule panasonic-bb-bl-model
  on       http.title onvif.model gb.model upnp.model upnp.model-number http.realm
  match    (?<![A-Za-z0-9])((?:BB-H[CN]M|BB-S[CW]|BL-C|BL-VP|BL-VT)[0-9]{2,4}[A-Z]{0,3})(?:\b|(?=_))
  set      model=$1 manufacturer=Panasonic@0.6 class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Panasonic consumer/SMB network cameras BB-HCM, BB-SC, BL-C, BL-VP series
  example  "BB-SC384B Network Camera" => model=BB-SC384B manufacturer=Panasonic
  example  "BL-C210" => model=BL-C210
  example! "BB-123"

rule panasonic-body-nph
  on       http.body http.location
  match    \bnph(?:ControlCamera|MotionJpeg)\b|/ViewerFrame\?Mode=
  set      manufacturer=Panasonic class=camera@0.5
  weight   0.7
  source   Panasonic Network Camera Technical Notes Ver. 2.3, 2004 (CGI nphControlCamera, nphMotionJpeg; copy at fdocuments.in); the ViewerFrame?Mode= page is unverified
  example  "<img src=\"/nphMotionJpeg?Resolution=320x240&Quality=Standard\">" => manufacturer=Panasonic
  example  "/ViewerFrame?Mode=Refresh"
  example! "ControlCamera"

# --- Vivotek ------------------------------------------------------------------

rule vivotek-http-server
  on       http.server
  match    ^Vivotek Network Camera(?:\b|(?=_))
  flags    i
  set      manufacturer=Vivotek class=camera@0.6
  weight   0.65
  source   web server banner naming the maker (Vivotek Network Camera); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Vivotek Network Camera" => manufacturer=Vivotek
  example! "Network Camera"

rule vivotek-body-markers
  on       http.body http.location
  match    camctrl_head_top\.tmpl|/cgi-bin/viewer/video\.jpg|/cgi-bin/viewer/getparam\.cgi|\bVVTK_[A-Z]
  set      manufacturer=Vivotek class=camera@0.5
  weight   0.7
  source   Vivotek URL command document, /cgi-bin/viewer/video.jpg and getparam.cgi (e.g. PZ7112 manual p.117, manualshelf.com); camctrl_head_top.tmpl and VVTK_ markers unverified
  example  "<img src=\"/cgi-bin/viewer/video.jpg\">" => manufacturer=Vivotek
  example  "/cgi-bin/viewer/getparam.cgi?system_info_modelname"
  example! "/cgi-bin/video.jpg"

rule streaming-server-realm
  on       http.realm rtsp.realm
  match    ^\s*streaming_server\s*$
  set      class=camera surveillance=yes
  tier     generic
  weight   0.45
  source   field knowledge: realm "streaming_server" is sent by both Axis and Vivotek cameras, so it names no maker
  example  "streaming_server" => class=camera
  example! "streaming server ready"

rule vivotek-model
  on       onvif.model gb.model onvif.scopes wsd.scopes upnp.model upnp.model-number http.title
  match    (?<![A-Za-z0-9])((?:FD|IB|IP|FE|SD|MD|IZ|MS|CC|TB|FE|ND|NR)(?:8|9)[0-9]{3}[A-Z]{0,3}(?:-[A-Z0-9]{1,6})?)(?:\b|(?=_))
  set      model=$1@0.5 class=camera@0.3
  tier     model
  weight   0.35
  source   field knowledge: Vivotek model families FD8xxx, IB8xxx, IP8xxx, FE9xxx, SD9xxx, ND9xxx (weak: letters+4 digits is not unique)
  example  "FD9387-HTV" => model=FD9387-HTV
  example! "FD123"

# --- Pelco, Canon, Mobotix, Axis (older strings) ------------------------------

rule pelco-sarix-marker
  on       http.title http.body onvif.model gb.model upnp.model
  match    (?<![A-Za-z0-9])Sarix\b|\bPelco (?:Spectra|Sarix|Optera|Esprit)(?:\b|(?=_))
  flags    i
  set      manufacturer=Pelco class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Pelco camera product lines Sarix, Spectra, Optera, Esprit shown in the web UI
  example  "Sarix IME322" => manufacturer=Pelco
  example  "Pelco Spectra Enhanced"
  example! "Sari X"

rule pelco-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])((?:IME|IBE|IXE|IMP|IMM|IBP|IXP|IJP|IWP|IMV|IBV|IXV|IMS|ISE|IBD|IMD)[0-9]{2,4}-[0-9A-Z]{1,8})(?:\b|(?=_))
  set      model=$1 manufacturer=Pelco@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: Pelco Sarix model numbering IME322-1ES, IBE329-1R, IMP1110-1, IXE32-1
  example  "IME322-1ES" => model=IME322-1ES manufacturer=Pelco
  example  "onvif://www.onvif.org/hardware/IBE329-1R" => model=IBE329-1R
  example! "IME322"

rule canon-title-model
  on       http.title
  match    ^\s*Network Camera (VB-[A-Z0-9]{2,12})(?:\b|(?=_))
  set      manufacturer=Canon model=$1 class=camera
  tier     model
  weight   0.85
  source   field knowledge: Canon VB-series web title "Network Camera VB-<model>"
  example  "Network Camera VB-M40" => manufacturer=Canon model=VB-M40
  example! "Network Camera"

rule canon-vb-model
  on       onvif.model gb.model onvif.scopes wsd.scopes upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])(VB-(?:[SHMRC][0-9]{2,4}[A-Z]{0,3}|[0-9]{2,3}))(?:\b|(?=_))
  set      model=$1 manufacturer=Canon@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: Canon network camera model family VB-xxx (VB-S30D, VB-H43, VB-M640V, VB-R11, VB-C60)
  example  "VB-H43" => model=VB-H43 manufacturer=Canon
  example! "VB-A"

rule canon-liveapplet
  on       http.body http.location
  match    LiveApplet\.zip|/sample/LvAppl/
  set      manufacturer=Canon class=camera@0.5
  weight   0.45
  source   Canon WebView live-view applet (LiveApplet.zip, /sample/LvAppl/); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "archive=\"LiveApplet.zip\"" => manufacturer=Canon
  example! "Applet.zip"

rule mobotix-http-server
  on       http.server
  match    ^thttpd/2\.[0-9]{2}-MX(?:\b|(?=_))
  set      manufacturer=Mobotix
  weight   0.45
  source   thttpd web server with an -MX suffix on MOBOTIX cameras; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "thttpd/2.20-MX" => manufacturer=Mobotix
  example! "thttpd/2.25b 29dec2003"

rule mobotix-body-markers
  on       http.body http.location
  match    content="MOBOTIX AG|/control/userimage\.html|/cgi-bin/guestimage\.html|/record/current\.jpg
  set      manufacturer=Mobotix
  weight   0.65
  source   content="MOBOTIX AG names the maker; MOBOTIX CGI tree /control/, /cgi-bin/ (developer.mobotix.com/paks/help_cgi-image.html, via home-assistant.io#35794); the listed pages are unverified
  example  "<meta name=\"author\" content=\"MOBOTIX AG\">" => manufacturer=Mobotix
  example  "/control/userimage.html"
  example! "/control/index.html"

rule mobotix-title-model
  on       http.title
  match    ^\s*MOBOTIX ([MDSQTPCV][0-9]{1,3}[A-Za-z]{0,3})(?:\b|(?=_))
  set      manufacturer=Mobotix model="MOBOTIX $1" class=camera
  tier     model
  weight   0.7
  source   MOBOTIX product names (M, D, S, Q, T, P, C, V + number, e.g. M24, D24, S15, Q25) in the web title; the title form is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "MOBOTIX M24 Camera" => manufacturer=Mobotix model="MOBOTIX M24"
  example! "MOBOTIX"

rule axis-http-title-model
  on       http.title
  match    ^\s*(?:Live view\s*[/-]{1,2}\s*)?AXIS ([0-9]{3,4}[A-Z]?|[A-Z][0-9]{2,4}(?:-[A-Z0-9]{1,6})?)(?: PTZ)?(?: Dome)? (?:Network Camera|Video Server|Camera Server|Network Video Encoder)(?: version ([0-9][0-9.]{0,12}))?
  flags    i
  set      manufacturer=Axis model="AXIS $1" firmware=$2@0.5 class=camera@0.6
  tier     model
  weight   0.65
  source   Axis product names 'AXIS <model> Network Camera' (cf. sysDescr in glpi-project/glpi-agent#975: AXIS M3045-V; Network Camera); the web-title form is UNVERIFIED (provenance audit, issue #11); weight lowered
  example  "AXIS M3045-V Network Camera" => manufacturer=Axis model="AXIS M3045-V"
  example  "Live view - AXIS P1448-LE Network Camera version 10.12.114" => model="AXIS P1448-LE" firmware=10.12.114
  example! "AXIS bank Network"

# --- Chinese makers: Milesight, Tiandy, Sunell, Jovision, TVT, Uniview -------

rule milesight-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(MS-(?:C|N)[0-9]{4}-[A-Z0-9]{1,10})(?:\b|(?=_))
  set      model=$1 manufacturer=Milesight class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Milesight camera/NVR model numbering MS-C2963-PB, MS-C8165-PA, MS-N5008-UPC
  example  "MS-C2963-PB" => model=MS-C2963-PB manufacturer=Milesight
  example! "MS-C29"

rule milesight-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])MS-N[0-9]{4}-
  set      class=nvr
  tier     model
  weight   0.6
  source   field knowledge: Milesight NVR models MS-Nxxxx
  example  "MS-N5008-UPC" => class=nvr
  example! "MS-C5008-PB"

rule tiandy-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(TC-(?:NC|NR|C|R|H|A)[0-9]{2,4}[A-Z0-9]{0,8}(?:-[A-Z0-9]{1,8}){0,4})(?:\b|(?=_))
  set      model=$1 manufacturer=Tiandy@0.6
  weight   0.7
  source   field knowledge: Tiandy model numbering TC-C32XN, TC-NC9401S3E-MP-E, TC-R3110
  example  "TC-C32XN" => model=TC-C32XN manufacturer=Tiandy
  example  "TC-NR5080M7-P2" => model=TC-NR5080M7-P2
  example  "TC-NC9401S3E-MP-E"
  example! "TC-X"

rule tiandy-camera-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TC-(?:NC|C|H|A)[0-9]{2,4}
  set      class=camera
  tier     model
  weight   0.7
  source   Tiandy product catalogue: TC-C3xxx / TC-NC network cameras (TC-C32XN, TC-NC9401S3E-MP-E), TC-H PTZ (TC-H354S); TC-NR / TC-R are recorders (tiandy-nvr-class)
  example  "TC-C32XN" => class=camera
  example  "TC-NC9401S3E-MP-E" => class=camera
  example! "TC-R3110"
  example! "TC-NR5080M7"

rule tiandy-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TC-(?:NR|R)[0-9]{4}
  set      class=nvr
  tier     model
  weight   0.75
  source   field knowledge: Tiandy NVR models TC-R3xxx / TC-NR
  example  "TC-R3110" => class=nvr
  example! "TC-C32XN"

rule sunell-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(SN-(?:IPR|IPC|IPS|NVR|TPC)[0-9A-Z]{1,6}(?:[/-][0-9A-Z]{1,10}){0,4})(?:\b|(?=_))
  set      model=$1 manufacturer=Sunell@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: Sunell model numbering SN-IPR57/04ZDN, SN-IPC54/14ZDN, SN-NVR3808
  example  "SN-IPR57/04ZDN" => model=SN-IPR57/04ZDN manufacturer=Sunell
  example! "SN-123"

rule jovision-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(JVS-(?:N|ND|C|H|NV|HN)[0-9A-Z]{1,6}(?:-[0-9A-Z]{1,6}){0,3})(?:\b|(?=_))
  set      model=$1 manufacturer=Jovision@0.6 class=camera@0.5
  tier     model
  weight   0.65
  source   field knowledge: Jovision model numbering JVS-N71-HY, JVS-ND6008-H3 (JVS = Jovision)
  example  "JVS-N71-HY" => model=JVS-N71-HY manufacturer=Jovision
  example! "JVS-"

rule jovision-web-markers
  on       http.body http.title
  match    \bJovision\b|\bCloudSEE\b|\bjvs_ocx(?:\b|(?=_))
  flags    i
  set      manufacturer=Jovision
  weight   0.65
  source   field knowledge: Jovision web UI and CloudSEE app branding
  example  "Download CloudSEE client" => manufacturer=Jovision
  example! "Cloud SEE"

rule tvt-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(TD-(?:[3579][0-9]{3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3}|2[0-9]{3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){1,3}))(?![A-Za-z0-9])
  set      model=$1 manufacturer=TVT@0.6
  weight   0.65
  source   TVT Digital product catalogue model numbering: TD-9xxx IP cameras (TD-9523A3-LA), TD-7xxx analogue cameras, TD-3xxx NVRs (TD-3316H2), TD-2xxx-XX DVRs (TD-2108TS-HC); Brother's TD-2xxx/TD-4xxx label printers (no dashed suffix) are not matched
  example  "TD-9523A3-LA" => model=TD-9523A3-LA manufacturer=TVT
  example  "TD-2108TS-HC" => model=TD-2108TS-HC
  example! "TD-12"
  example! "Brother TD-2130N"
  example! "TD-4550DNWB"

rule tvt-camera-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TD-[79][0-9]{3}[A-Z0-9]{1,6}
  set      class=camera
  tier     model
  weight   0.75
  source   TVT Digital product catalogue: TD-9xxx network cameras (TD-9523A3-LA, TD-9441S3), TD-7xxx analogue HD cameras (TD-7421AE2)
  example  "TD-9523A3-LA" => class=camera
  example! "TD-3316H2"

rule tvt-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TD-3[0-9]{3}[A-Z][0-9A-Z]{0,5}
  set      class=nvr
  tier     model
  weight   0.75
  source   TVT Digital product catalogue: TD-3xxx network video recorders (TD-3316H2, TD-3332B4)
  example  "TD-3316H2" => class=nvr
  example! "TD-9523A3-LA"

rule tvt-dvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TD-2[0-9]{3}[A-Z]{1,3}-[A-Z]{1,3}
  set      class=dvr
  tier     model
  weight   0.75
  source   TVT Digital product catalogue: TD-2xxx digital video recorders (TD-2104TS-HC, TD-2116NS-HC)
  example  "TD-2108TS-HC" => class=dvr
  example! "TD-2130N"
  example! "TD-3316H2"

rule uniview-model-ipc
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(IPC[2-9][0-9]{2,3}(?:[A-Z]{1,4}[0-9]?){1,2}(?:-[A-Z0-9@]{1,8}){1,4})(?:\b|(?=_))
  set      model=$1 manufacturer=Uniview@0.55 class=camera@0.5
  tier     model
  weight   0.65
  source   field knowledge: Uniview camera model numbering IPC2122LR3-PF40-E, IPC3615SB-ADF28KM-I0
  example  "IPC2122LR3-PF40-E" => model=IPC2122LR3-PF40-E manufacturer=Uniview
  example  "IPC322LR3-VSPF28-D" => model=IPC322LR3-VSPF28-D class=camera
  example! "IPC-HDW2431T"

rule uniview-model-nvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(NVR[1-9][0-9]{2}-[0-9]{2,3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3})(?:\b|(?=_))
  set      model=$1 manufacturer=Uniview@0.55 class=nvr
  tier     model
  weight   0.65
  source   field knowledge: Uniview NVR model numbering NVR301-08-P8, NVR302-16S2
  example  "NVR301-08-P8" => model=NVR301-08-P8 class=nvr
  example  "NVR516-128" => class=nvr
  example! "NVR4108HS-P-4KS2"

rule uniview-model-xvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(XVR[1-3]0[1-9]-[0-9]{2}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,2})(?:\b|(?=_))
  set      model=$1 manufacturer=Uniview@0.5 class=dvr
  tier     model
  weight   0.65
  source   Uniview XVR datasheets (XVR301-04Q3, XVR302-08Q: hybrid DVRs recording analogue and IP channels)
  example  "XVR301-08Q3" => class=dvr model=XVR301-08Q3
  example! "XVR5104HS-I3"

rule kedacom-markers
  on       http.body http.title http.server onvif.model gb.model
  match    \bKEDACOM\b|\bKedaCom\b|\bkdm2801\b|\bIPC[0-9]{3,4}-[A-Z]{1,3}N(?:-[A-Z0-9]{1,8}){0,3}(?:\b|(?=_))
  set      manufacturer=Kedacom
  weight   0.6
  source   field knowledge: Kedacom branding in web UI and model numbering IPC2855-HN-PIR50
  example  "KEDACOM IPC" => manufacturer=Kedacom
  example  "IPC2855-HN-PIR50"
  example! "Kedah Electronics"

# --- Korean / Taiwanese / European makers ------------------------------------

rule hanwha-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number snmp.sysdescr
  match    (?<![A-Za-z0-9])((?:SN[BDOPVZ]|XN[BDFOPVZ]|QN[BDEOPVF]|PN[BDMOPV]|AN[DOV]|HC[BDOPV]|TN[OVBM]|LN[VDO]|SRN|XRN|QRN|PRN|ARN|SNR)-[0-9]{3,5}[A-Z0-9]{0,6})(?:\b|(?=_))
  set      model=$1 manufacturer="Hanwha Vision"@0.65 class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Samsung Techwin / Hanwha Wisenet model numbering SNB-6004, SND-L6083R, XNV-6080, QNO-8080R, PNM-9084QZ, SRN-1673S
  example  "SNB-6004" => model=SNB-6004 manufacturer="Hanwha Vision"
  example  "XNV-8080R"
  example! "SNX-1"

rule hanwha-samsung-techwin-title
  on       http.title http.body
  match    \b(?:Samsung (?:Techwin|Network Camera|Smart Camera|IP Camera|DVR Web Viewer)|Techwin Web Viewer|iPOLiS|WiseNet (?:Web|Viewer))(?:\b|(?=_))
  flags    i
  set      manufacturer="Hanwha Vision"
  weight   0.7
  source   field knowledge: older Samsung Techwin / iPOLiS web UI titles (Samsung DVR Web Viewer, Samsung Network Camera)
  example  "Samsung DVR Web Viewer" => manufacturer="Hanwha Vision"
  example  "iPOLiS Web Viewer"
  example! "Samsung Smart TV"

rule idis-markers
  on       http.body http.title
  match    \bDirectIP\b|\bIDIS Solution Suite\b|\bIDIS Center(?:\b|(?=_))
  set      manufacturer=IDIS
  weight   0.7
  source   field knowledge: IDIS DirectIP product line and IDIS Solution Suite / IDIS Center clients
  example  "DirectIP Web Viewer" => manufacturer=IDIS
  example! "Direct IP address"

rule idis-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(DC-[DSTEYCB][0-9]{4}[A-Z0-9]{0,6}|DR-[1-8][0-9]{3}P?[A-Z]{0,3})(?:\b|(?=_))
  set      model=$1 manufacturer=IDIS@0.6 class=camera@0.4
  tier     model
  weight   0.65
  source   field knowledge: IDIS model numbering DC-D4213RX, DC-T4233HRX (cameras), DR-6516P, DR-8364 (DirectIP NVRs)
  example  "DC-D4213RX" => model=DC-D4213RX manufacturer=IDIS
  example! "DC-100"

rule dallmeier-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    \b((?:DDF|DDZ|DF|DMF)[0-9]{4}HD[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3}|DDF[0-9]{4}[A-Z]{0,4}-[A-Z0-9]{1,6}|DOMERA\b|Panomera)
  flags    i
  set      model=$1@0.6 manufacturer=Dallmeier@0.65 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: Dallmeier model numbering DF5200HD-DN, DDF4520HDV-DN, DDZ4020HD; DOMERA and Panomera product lines
  example  "DDF4520HDV-DN" => manufacturer=Dallmeier
  example  "Panomera S8"
  example! "DF52"

rule geutebruck-markers
  on       http.body http.title http.server onvif.model gb.model upnp.model
  match    \bG-Cam/[A-Z]{2,5}-?[0-9]{3,5}\b|\bGeViScope\b|\bG-Core\b|\bGeViSoft\b|\bGEUTEBR(?:UE|Ü)CK(?:\b|(?=_))
  flags    i
  set      manufacturer=Geutebruck
  weight   0.75
  source   field knowledge: Geutebrück G-Cam camera names (G-Cam/EFD-2250) and GeViScope / G-Core recorders
  example  "G-Cam/EFD-2250" => manufacturer=Geutebruck
  example  "GeViScope Web"
  example! "G-Cam"

rule geutebruck-recorder-class
  on       http.body http.title
  match    \b(?:GeViScope|G-Core|GeViSoft)(?:\b|(?=_))
  set      class=nvr
  weight   0.6
  source   field knowledge: GeViScope and G-Core are Geutebrück recorder / VMS platforms
  example  "G-Core Web" => class=nvr
  example! "G-Cam/EFD-2250"

rule acti-markers
  on       http.body http.title
  match    ACTi Corporation All Rights Reserved|\bACTi (?:Web Configurator|NVR|Camera)(?:\b|(?=_))
  set      manufacturer=ACTi
  weight   0.6
  source   web UI text naming the maker (ACTi Corporation); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "(c) ACTi Corporation All Rights Reserved" => manufacturer=ACTi
  example! "Activision Corporation"

rule acti-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])((?:KCM|ACM|TCM|ACD)-[0-9]{4}[A-Z]{0,2})(?:\b|(?=_))
  set      model=$1 manufacturer=ACTi@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: ACTi model numbering KCM-5611, ACM-3511, TCM-4301
  example  "KCM-5611" => model=KCM-5611 manufacturer=ACTi
  example! "KCM-56"

rule iqinvision-server
  on       rtsp.server http.server
  match    ^IQinVision Embedded\b(?: ([0-9][0-9.]{0,10}))?
  flags    i
  set      manufacturer=IQinVision
  weight   0.6
  source   server banner naming the maker (IQinVision Embedded); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "IQinVision Embedded 3.2" => manufacturer=IQinVision
  example! "Embedded 1.0"

rule iqinvision-model
  on       onvif.model gb.model http.title upnp.model http.body http.realm
  match    (?<![A-Za-z0-9])(IQeye ?[0-9]{3,4}[A-Z]{0,3}|IQ(?:M|D|A)[0-9]{2}[A-Z0-9]{0,4})(?:\b|(?=_))
  set      model=$1 manufacturer=IQinVision@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   field knowledge: IQinVision IQeye camera naming (IQeye 705, IQeye 853, IQM32N, IQD31)
  example  "IQeye 705" => model="IQeye 705" manufacturer=IQinVision
  example! "IQ test 7"

rule brickcom-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.realm
  match    (?<![A-Za-z0-9])((?:OB|FB|WOB|WCB|VD|MD|CB|GOB|FD|WFB|OSD|MOB)-[0-9]{3}[A-Z]?[a-z]{1,3}(?:-[A-Za-z0-9]{1,6})?)(?![A-Za-z0-9])
  set      model=$1 manufacturer=Brickcom@0.6 class=camera@0.5
  tier     model
  weight   0.65
  source   field knowledge: Brickcom model numbering with lower-case suffix (OB-200Np, FB-130Np, WCB-100Ae, VD-300Np)
  example  "OB-200Np-LR" => model=OB-200Np-LR manufacturer=Brickcom
  example  "FB-130Np"
  example! "FB-130NP"

rule digital-watchdog-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])(DWC-[A-Z]{1,4}[0-9]{2,5}[A-Za-z0-9]{0,8})(?:\b|(?=_))
  set      model=$1 manufacturer="Digital Watchdog" class=camera@0.5
  tier     model
  weight   0.8
  source   field knowledge: Digital Watchdog camera model numbering DWC-MV75Wi28TW, DWC-PZ21M69T, DWC-MB45WiATW
  example  "DWC-MV75Wi28TW" => model=DWC-MV75Wi28TW manufacturer="Digital Watchdog"
  example! "DWC-12"

rule digital-watchdog-spectrum
  on       http.title http.body http.server
  match    \bDW Spectrum(?:\b|(?=_))
  set      manufacturer="Digital Watchdog" class=vms-software
  weight   0.75
  source   field knowledge: Digital Watchdog DW Spectrum IPVMS, Blackjack and VMAX recorders
  example  "DW Spectrum" => manufacturer="Digital Watchdog" class=vms-software
  example! "Spectrum"

rule provision-isr-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])((?:I[2-6]|DI|BX|DMA|SH|MD|PR)-[0-9]{3}(?:IP|A|IPS|IPE|IPEN|AHD|X)[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,2})(?:\b|(?=_))
  set      model=$1 manufacturer=Provision-ISR@0.6 class=camera@0.5
  tier     model
  weight   0.65
  source   field knowledge: Provision-ISR model numbering I4-380IPEN-36, DI-380IPE-28, BX-390IPS
  example  "I4-380IPEN-36" => model=I4-380IPEN-36 manufacturer=Provision-ISR
  example! "I4-380"

rule march-networks-markers
  on       http.body http.title http.server
  match    \bMegaPX\b|\bCommand Recording Server\b|\bVisual Intelligence Platform\b|\bMarch Networks(?:\b|(?=_))
  set      manufacturer="March Networks" class=nvr@0.4
  weight   0.75
  source   field knowledge: March Networks MegaPX cameras and Command Recording Server / 8000-series recorders
  example  "MegaPX WDR MiniDome" => manufacturer="March Networks"
  example! "Mega PX"

rule verkada-markers
  on       tls.subject tls.issuer http.location http.body
  match    \b[a-z0-9-]{0,40}\.?verkada\.com\b|\bO=Verkada(?:\b|(?=_))
  flags    i
  set      manufacturer=Verkada
  weight   0.8
  source   field knowledge: Verkada cameras are cloud-managed via *.verkada.com (command.verkada.com)
  example  "https://command.verkada.com/" => manufacturer=Verkada
  example! "verkadas.net"

rule honeywell-equip
  on       http.title http.body onvif.model gb.model upnp.model
  match    \bequIP\b|\bMAXPRO\b|\bHoneywell (?:Network Camera|IP Camera|HD[0-9]|NVR)
  set      manufacturer=Honeywell
  weight   0.7
  source   field knowledge: Honeywell equIP cameras and MAXPRO NVR/VMS
  example  "equIP Series Network Camera" => manufacturer=Honeywell
  example  "MAXPRO NVR"
  example! "equipment"

rule flir-model
  on       http.title http.server onvif.model gb.model upnp.model snmp.sysdescr
  match    (?<![A-Za-z0-9])FLIR (?!DNR)((?:FC|PT|A|AX|CM|CB|CF|CP)-?[0-9]{1,4}[A-Z0-9]{0,6}|Ariel|Quasar|Saros|Triton)(?:\b|(?=_))
  set      model="FLIR $1"@0.6 manufacturer="Teledyne FLIR" class=camera@0.5
  tier     model
  weight   0.8
  source   field knowledge: FLIR security camera families FC-, PT-, Ariel, Quasar, Saros, Triton (FLIR DNR recorders are Dahua OEM and excluded)
  example  "FLIR FC-632" => manufacturer="Teledyne FLIR"
  example  "FLIR Quasar"
  example! "FLIR DNR516"

# --- Consumer and budget brands ---------------------------------------------

rule avtech-upnp-server
  on       http.server ssdp.server banner
  match    \bAvtech/([0-9][0-9.]{0,8})(?:\b|(?=_))
  flags    i
  set      manufacturer=Avtech
  weight   0.6
  source   server string naming the maker (Avtech/<version>); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "UPnP/1.0 Avtech/2.1" => manufacturer=Avtech
  example! "Linux/2.x UPnP/1.0 Portable SDK/1.0"

rule avtech-video-web-server
  on       http.server http.title
  match    ^\s*(?:AV-TECH (AV[0-9]{3,4}) Video Web Server|--- VIDEO WEB SERVER ---|SQ-WEBCAM)\s*$
  set      manufacturer=Avtech model=$1@0.5 class=dvr@0.6
  tier     model
  weight   0.4
  source   AV-TECH DVR web server banner and titles; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "AV-TECH AV798 Video Web Server" => manufacturer=Avtech model=AV798
  example! "VIDEO WEB SERVER"

rule dlink-dcs-model
  on       http.realm http.title http.server upnp.model upnp.model-number onvif.model gb.model mdns.txt dhcp.vendor
  match    (?<![A-Za-z0-9])(DCS-[0-9]{3,4}[A-Z]{0,3}[0-9]?)(?![A-Za-z0-9])
  set      model=$1 manufacturer=D-Link class=camera@0.6
  tier     model
  weight   0.8
  source   D-Link DCS- camera product numbers (e.g. DCS-930L, DCS-5020L), carried by realm, title or discovery model fields; the web realm is the model with an _NN suffix (bmork/defogger #9, bmork 2019-10-28: a DCS-8000LH answers realm="DCS-8000LH_00")
  example  "DCS-930L" => model=DCS-930L manufacturer=D-Link class=camera
  example  "DCS-5020L"
  example  "DCS-8000LH_00" => model=DCS-8000LH
  example! "DCS"
  example! "DCS-8000LHXYZ"

rule dlink-camera-server
  on       http.server
  match    ^(?:alphapd|dcs-lig-httpd|D-Link MiniAVServer)(?:\b|(?=_))
  set      manufacturer=D-Link@0.7 class=camera@0.5
  weight   0.5
  source   server banners of D-Link DCS cameras (D-Link MiniAVServer names the maker; alphapd, dcs-lig-httpd); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "alphapd" => manufacturer=D-Link
  example  "D-Link MiniAVServer"
  example! "alpha"

rule camera-web-server-10
  on       http.server
  match    ^Camera Web Server/[0-9]
  set      class=camera surveillance=yes
  weight   0.5
  source   field knowledge: Server "Camera Web Server/1.0" on D-Link / Airlink clone cameras (no unique maker)
  example  "Camera Web Server/1.0" => class=camera
  example! "Web Server/1.0"

rule trendnet-model
  on       http.realm http.title upnp.model upnp.model-number onvif.model gb.model http.server
  match    (?<![A-Za-z0-9])(TV-(?:IP|NVR)[0-9]{3,4}[A-Z]{0,4})(?:\b|(?=_))
  set      model=$1 manufacturer=TRENDnet class=camera@0.6
  tier     model
  weight   0.8
  source   field knowledge: TRENDnet camera models TV-IP310PI, TV-IP572PI and NVRs TV-NVR208 (realm/title carry the model)
  example  "TV-IP310PI" => model=TV-IP310PI manufacturer=TRENDnet
  example! "TV-IP"

rule trendnet-realm-netcam
  on       http.realm
  match    ^\s*netcam\s*$
  set      class=camera surveillance=yes manufacturer=TRENDnet@0.3
  weight   0.45
  source   field knowledge: older TRENDnet TV-IP cameras answer realm "netcam" (also other clones; supporting only)
  example  "netcam" => class=camera
  example! "netcam2000"

rule grandstream-camera-model
  on       http.title http.server sip.server onvif.model gb.model upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])((?:GXV3[5-7][0-9]{2}|GSC36[0-9]{2}|GXV36[0-9]{2})(?:_[A-Z0-9]{1,6}|-[A-Z0-9]{1,6})?)(?:\b|(?=_))
  set      model=$1 manufacturer=Grandstream class=camera
  tier     model
  weight   0.8
  source   field knowledge: Grandstream IP cameras GXV3610_HD, GXV3672, GSC3610 and encoders GXV3500
  example  "GXV3610_HD" => model=GXV3610_HD manufacturer=Grandstream class=camera
  example  "GSC3610"
  example! "GXV3370"

rule ezviz-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(CS-(?:C[0-9]|CV|H[0-9]|DB|BC|EB|LC|HB|CP|TY)[A-Z0-9]{0,6}-[A-Z0-9-]{2,30})(?:\b|(?=_))
  set      model=$1 brand=EZVIZ manufacturer=Hikvision@0.7 class=camera@0.5
  tier     model
  weight   0.75
  source   policy.md §2.1 (EZVIZ is a Hikvision subsidiary); field knowledge: EZVIZ model numbering CS-C6N-A0-1C2WFR, CS-CV310-A0-1B2WFR
  example  "CS-C6N-A0-1C2WFR" => brand=EZVIZ manufacturer=Hikvision
  example! "CS-GO"

rule reolink-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(RL[CNK][0-9]{0,2}-[0-9]{3,4}[A-Z0-9]{0,4})(?:\b|(?=_))
  set      model=$1 manufacturer=Reolink
  weight   0.8
  source   Reolink product pages and datasheets: RLC-410, RLC-810A, RLC-823A cameras; RLN8-410, RLN16-410 NVRs; RLK8-410B4 NVR kits
  example  "RLC-810A" => model=RLC-810A manufacturer=Reolink
  example  "RLN8-410" => model=RLN8-410
  example! "RLC-"

rule reolink-camera-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:RLC-[0-9]{3,4}|Reolink (?:E1(?: Pro| Zoom| Outdoor)?|Argus(?: [0-9A-Za-z]{1,8})?|Duo|TrackMix|Lumus|Go(?: PT| Plus)?|Video Doorbell|CX[0-9]{3})(?![A-Za-z0-9])|E1 (?:Pro|Zoom|Outdoor)(?![A-Za-z0-9])|Argus (?:[23]|Eco|PT|Pro)(?![A-Za-z0-9]))
  set      class=camera
  tier     model
  weight   0.75
  source   Reolink product pages: RLC-410/RLC-810A PoE cameras, E1 / E1 Pro / E1 Zoom indoor cameras, Argus 2 / Argus 3 Pro / Argus Eco / Argus PT battery cameras, Duo, TrackMix, Lumus, Go, Video Doorbell
  example  "RLC-810A" => class=camera
  example  "E1 Pro" => class=camera
  example  "Reolink Argus 3 Pro" => class=camera
  example  "Argus 2" => class=camera
  example! "RLN8-410"
  example! "E1 error"

rule reolink-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:RL[NK][0-9]{1,2}-[0-9]{3,4}|Reolink Home Hub)
  set      class=nvr
  tier     model
  weight   0.75
  source   Reolink product pages: RLN8-410 / RLN16-410 / RLN36 network video recorders, RLK8-410B4 kits (the kit's networked unit is the NVR), Reolink Home Hub (local recording of Reolink cameras)
  example  "RLN8-410" => class=nvr
  example  "RLK8-410B4" => class=nvr
  example! "RLC-810A"

rule amcrest-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi
  match    (?<![A-Za-z0-9])(IP[2-8]M-[0-9]{3,4}[A-Z0-9]{0,6}|AD[0-9]{3}|ASH[0-9]{2}[A-Z0-9-]{0,6}|AMDV[0-9]{4,5}[A-Z0-9-]{0,8}|NV[0-9]{4}[A-Z0-9-]{0,6}E?)(?:\b|(?=_))
  set      model=$1 brand=Amcrest manufacturer=Amcrest@0.6 class=camera@0.5
  tier     model
  weight   0.7
  source   policy.md §2.1 (Amcrest is a Dahua white-label); field knowledge: Amcrest model numbering IP2M-841, IP8M-2493EW, AD110, ASH21, AMDV5M16-H5
  example  "IP4M-1041B" => model=IP4M-1041B brand=Amcrest manufacturer=Dahua
  example! "IP4M"

rule lorex-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi dhip.model
  match    (?<![A-Za-z0-9])((?:LN[BERZ]|LNR|LHV|LHA|LHB|LBV|LEV)[0-9]{3,5}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,2})(?:\b|(?=_))
  set      model=$1 brand=Lorex manufacturer=Lorex@0.5 class=camera@0.5
  tier     model
  weight   0.7
  source   policy.md §2.1 (Lorex Dahua-era OEM); field knowledge: Lorex model numbering LNB4163, LNE8950AB, LNR6100, LHV2008
  example  "LNB4163" => model=LNB4163 brand=Lorex
  example! "LNB4"

rule swann-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])(SW(?:NHD|DVK|NVK|IFI|PRO|HOM|PTZ|NVR|DVR)-[A-Z0-9]{2,12}(?:-[A-Z0-9]{1,6}){0,3})(?:\b|(?=_))
  set      model=$1 brand=Swann manufacturer=Swann@0.6 class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Swann model prefixes SWNHD-, SWDVK-, SWNVK-, SWIFI-, SWPRO-
  example  "SWNHD-820CAM" => model=SWNHD-820CAM brand=Swann
  example! "SWAN-123"

rule wyze-markers
  on       mdns.hostname upnp.model dhcp.vendor mdns.instance
  match    (?<![A-Za-z0-9])(WYZE(?:C[0-9]|CP[0-9]|DB[0-9]|_CAKP[0-9A-Z]{2,10})[A-Z0-9-]{0,8})(?:\b|(?=_))
  flags    i
  set      manufacturer=Wyze model=$1@0.5 class=camera@0.6
  tier     model
  weight   0.8
  source   field knowledge: Wyze camera model identifiers WYZEC1, WYZEC1-JZ (v2), WYZECP1 (Pan), WYZEDB3 (doorbell), WYZE_CAKP2JFUS (v3)
  example  "WYZE_CAKP2JFUS" => manufacturer=Wyze
  example  "WYZEC1-JZ"
  example! "WYZERTY"

rule eufy-markers
  on       mdns.hostname mdns.instance upnp.model upnp.manufacturer dhcp.vendor http.title
  match    \beufy\s?(?:Security|Cam|HomeBase)\b|\bT8[0-9]{3}\b.{0,20}\beufy
  flags    i
  set      brand=eufy manufacturer=Anker class=camera@0.5
  weight   0.75
  source   field knowledge: Anker eufy Security cameras and HomeBase (models T8xxx)
  example  "eufy Security HomeBase" => manufacturer=Anker
  example! "Eufyx"

rule ubiquiti-uvc-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title mdns.txt ssdp.server
  match    \b(UVC[- ](?:G[3-6]|AI|Micro|Pro|Dome|Flex|Bullet|Instant|Doorbell|G3-[A-Za-z]{2,8}|G4-[A-Za-z]{2,8}|G5-[A-Za-z]{2,8})[A-Za-z0-9-]{0,10})
  set      model=$1 manufacturer=Ubiquiti class=camera
  tier     model
  weight   0.8
  source   field knowledge: UniFi Protect camera models UVC-G3-Flex, UVC-G4-Bullet, UVC-AI-Pro
  example  "UVC-G4-Bullet" => manufacturer=Ubiquiti class=camera
  example! "UVC video class"

rule ubiquiti-airvision
  on       http.title http.body
  match    \bairVision\b|\bUniFi Video\b|\bUniFi NVR\b|\bUNVR(?:-Pro)?(?:\b|(?=_))
  set      manufacturer=Ubiquiti class=nvr
  weight   0.75
  source   field knowledge: Ubiquiti airVision / UniFi Video / UniFi NVR (UNVR) recorders
  example  "airVision NVR" => manufacturer=Ubiquiti class=nvr
  example! "air vision"

rule geovision-model
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])(GV-(?:BX|FD|EBD|BL|ABL|TBL|ADR|VD|MFD|SD|PPTZ|EFD|TVD|SNVR|UNVR|BX|CB|FE|LPC|EBL|TDR|AVD|MDR|LPR|VR|Hybrid)[0-9A-Z-]{0,16})(?:\b|(?=_))
  set      model=$1 manufacturer=GeoVision class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: GeoVision model numbering GV-BX2700, GV-EBD4700, GV-ABL2703, GV-SNVR0811
  example  "GV-EBD4700" => model=GV-EBD4700 manufacturer=GeoVision
  example! "GV-"

rule geovision-body
  on       http.body http.location
  match    /JPGLogin\.htm|/ssi\.cgi/Login\.htm|\bGeoVision Inc(?:\b|(?=_))
  flags    i
  set      manufacturer=GeoVision
  weight   0.55
  source   GeoVision Inc names the maker; login pages /JPGLogin.htm and /ssi.cgi/Login.htm of GV- devices; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "/ssi.cgi/Login.htm" => manufacturer=GeoVision
  example! "/Login.htm"

rule foscam-hd-cgiproxy
  on       http.body http.location
  match    /cgi-bin/CGIProxy\.fcgi|\bFoscam(?:\b|(?=_))
  flags    i
  set      manufacturer=Foscam
  weight   0.75
  source   Foscam IPCamera CGI User Guide 2015-11-06 (foscam.es/descarga, linked from home-assistant.io#18654); homebridge-camera-ffmpeg#1289 (Foscam C1 /cgi-bin/CGIProxy.fcgi?cmd=snapPicture2)
  example  "/cgi-bin/CGIProxy.fcgi?cmd=getDevInfo" => manufacturer=Foscam
  example! "/cgi-bin/Proxy.cgi"

rule foscam-model
  on       onvif.model gb.model http.title upnp.model upnp.model-number onvif.scopes wsd.scopes
  match    (?<![A-Za-z0-9])(FI[89][0-9]{3}[A-Z]{0,3}(?: ?V[0-9])?)(?:\b|(?=_))
  set      model=$1 manufacturer=Foscam class=camera@0.5
  tier     model
  weight   0.75
  source   field knowledge: Foscam model numbering FI8910W, FI9821P, FI9900P
  example  "FI9821P V2" => model="FI9821P V2" manufacturer=Foscam
  example! "FI98"

rule netwave-foscam-ptz
  on       http.body
  match    next_url=ptz\.htm&ptz_center_onstart=|/check_user\.cgi|/get_status\.cgi
  set      class=camera surveillance=yes manufacturer=Foscam@0.4
  weight   0.4
  source   CGI names of Netwave-firmware (Foscam FI8xxx and clone) cameras; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "/check_user.cgi?user=admin" => class=camera
  example! "next_url=index.htm"

rule everfocus-markers
  on       http.server http.body http.title
  match    ^http server/everfocus\b|EverFocus Electronics Corp|\bEverFocus E[A-Z]{2,4}[0-9]{2,4}|edsrcomm\.jar|\bECORViewer(?:\b|(?=_))
  flags    i
  set      manufacturer=EverFocus
  weight   0.6
  source   strings naming the maker (EverFocus Electronics Corp., http server/everfocus) and its ECOR viewer; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "http server/everfocus" => manufacturer=EverFocus
  example  "EverFocus Electronics Corp."
  example! "Ever Focus"

rule seyeon-flexwatch
  on       http.server http.body
  match    ^FlexWATCH-Webs\b|\bFlexWATCH(?:\b|(?=_))
  set      manufacturer="Seyeon Tech"
  weight   0.6
  source   FlexWATCH is Seyeon Tech's product brand; the FlexWATCH-Webs banner is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "FlexWATCH-Webs" => manufacturer="Seyeon Tech"
  example! "Flex-Watch"

# --- Hikvision / Dahua / HiSilicon older and variant strings -----------------

rule hikvision-windweb-activex
  on       http.body
  match    NewHCNetActiveX\.cab|\bHCNetVideoActiveX\b|/codebase/WebComponents\.exe
  set      manufacturer=Hikvision
  weight   0.6
  source   HCNet is Hikvision's SDK name (HCNetSDK, e.g. github.com/c-ong/hikvision-for-droid issue 2); the ActiveX file names are UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "<object codebase=\"NewHCNetActiveX.cab\">" => manufacturer=Hikvision
  example! "ActiveX.cab"

rule hikvision-windweb-server
  on       http.server
  match    ^WindWeb/[0-9]
  set      class=dvr@0.3 manufacturer=Hikvision@0.3
  weight   0.3
  source   WindWeb is a VxWorks web server banner reported on old Hikvision DVS units and used elsewhere; UNVERIFIED (provenance audit, issue #11), supporting only
  example  "WindWeb/1.0" => class=dvr
  example! "WindWebServer"

rule hikvision-webserver-plain
  on       http.server
  match    ^webserver$
  set      manufacturer=Hikvision@0.25
  weight   0.25
  source   field knowledge: older Hikvision DVR/NVR firmware sends Server "webserver" and redirects / to index.asp (supporting only)
  example  "webserver"
  example! "webserver/1.0"

rule hikvision-index-asp-redirect
  on       http.location
  match    ^(?:https?://[^/\s]{1,80})?/index\.asp$
  set      manufacturer=Hikvision@0.25
  weight   0.25
  source   field knowledge: older Hikvision DVR/NVR root redirect to /index.asp (supporting only; with Server "webserver" it names Hikvision)
  example  "/index.asp"
  example! "/index.aspx"

rule hikvision-ivms-body
  on       http.body http.title
  match    \biVMS-4[0-9]{3}\b|\bHik-Connect\b|\bHikCentral(?:\b|(?=_))
  set      manufacturer=Hikvision
  weight   0.6
  source   field knowledge: Hikvision iVMS-4200 / Hik-Connect / HikCentral client names in device pages
  example  "Download iVMS-4200" => manufacturer=Hikvision
  example! "iVMS"

rule dahua-http-server-web-service
  on       http.server
  match    ^\s*(?:DH)?Web ?Service\s*$
  flags    i
  set      manufacturer=Dahua@0.45
  weight   0.45
  source   field knowledge: some Dahua(-OEM) firmware answers Server "Web Service" / "DHWebService"
  example  "Web Service"
  example! "Web Services Gateway"

rule dahua-lighthttpd
  on       http.server
  match    ^LightHttpd(?:\b|(?=_))
  set      manufacturer=Dahua@0.3
  weight   0.3
  source   field knowledge: Dahua NVR/camera firmware capitalises its lighttpd build "LightHttpd" (supporting only, never enough alone)
  example  "LightHttpd/1.0"
  example! "lighttpd/1.4.59"

rule dahua-smartpss-body
  on       http.body http.title
  match    \bSmartPSS\b|\bDMSS\b|\bgDMSS\b|\biDMSS\b|\bDahua Technology(?:\b|(?=_))
  set      manufacturer=Dahua
  weight   0.6
  source   field knowledge: Dahua SmartPSS / DMSS client names and "Dahua Technology" copyright in device pages
  example  "Please use SmartPSS" => manufacturer=Dahua
  example! "SmartPS"

rule dahua-title-web-service-mixed
  on       http.title
  match    ^\s*(?:Web Service|WEB Service|DH Web Service)\s*$
  set      manufacturer=Dahua@0.45
  weight   0.45
  source   field knowledge: Dahua web UI title "WEB SERVICE" in other capitalisations
  example  "Web Service"
  example! "Web Services"

rule hisilicon-dvr-body
  on       http.body http.title
  match    \bDVR Components Download\b|/webplugin\.exe|\bNetSurveillance\b|\bNETSurveillance(?:\b|(?=_))
  set      class=dvr surveillance=yes
  weight   0.35
  source   white-label DVR web UIs offering a webplugin.exe / 'DVR Components Download' and NetSurveillance pages; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "<a href=\"/webplugin.exe\">" => class=dvr
  example! "webplugin"

rule xmeye-body
  on       http.body http.title
  match    \bXMEye\b|\bxmeye\.net\b|\bVMS\s?Xiongmai\b|\bCMS\s?XM(?:\b|(?=_))
  flags    i
  set      manufacturer=Xiongmai
  weight   0.6
  source   policy.md §2 (XMEye / Sofia firmware is Xiongmai)
  example  "Download XMEye app" => manufacturer=Xiongmai
  example! "XMEyes"

rule hipcam-realm
  on       http.realm rtsp.realm http.server
  match    ^\s*Hipcam
  flags    i
  set      manufacturer=Hipcam
  weight   0.45
  source   firmware naming itself Hipcam in its realm or server header; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "HipcamRealServer" => manufacturer=Hipcam
  example! "Hip camera"

rule jaws-web-server
  on       http.server
  match    ^JAWS Web Server(?:\b|(?=_))
  set      class=dvr surveillance=yes
  weight   0.5
  source   field knowledge: white-label DVRs (MVPower clones) answer "JAWS Web Server"; names no maker
  example  "JAWS Web Server" => class=dvr
  example! "JAWS"
