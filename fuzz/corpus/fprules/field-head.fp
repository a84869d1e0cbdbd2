# Field rules across HTTP, RTSP, TLS, SIP, SNMP, DHCP, banners and MAC OUI
# evidence, for surveillance makers and the non-camera devices beside
# them.  Format: docs/fingerprints.md.

# --- Brand lookups on further keys ----------------------------------------

rule brand-in-rtsp-server
  on       rtsp.server
  lookup   brands
  weight   0.6
  source   protocols.md §8 (RTSP Server strings name the vendor)
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
  source   protocols.md §12 (default certificate subjects name the maker)
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
  source   protocols.md §10 (vendor class carries the maker, e.g. AXIS,Network Camera,...)
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
  match    ^\s*(Espressif|Realtek|MediaTek|AzureWave|Hon Hai|Murata|AMPAK|Fn-Link|Quectel|Tuya)\b
  flags    i
  set      manufacturer=$1
  weight   0.08
  source   field knowledge: Wi-Fi/ce