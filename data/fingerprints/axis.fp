# Axis Communications (Sweden).  Format: docs/fingerprints.md.

rule axis-basicdeviceinfo-brand
  on       axis.basicdeviceinfo
  match    "Brand"\s*:\s*"AXIS"
  flags    i
  set      manufacturer=Axis brand=Axis
  weight   0.95
  source   protocols.md §10 (VAPIX basicdeviceinfo.cgi getAllUnrestrictedProperties: Brand)
  example  "{\"apiVersion\":\"1.3\",\"data\":{\"propertyList\":{\"Brand\":\"AXIS\",\"ProdNbr\":\"M3045-V\"}}}" => manufacturer=Axis brand=Axis
  example! "{\"Brand\":\"ACME\"}"

rule axis-basicdeviceinfo-model
  on       axis.basicdeviceinfo
  match    "ProdNbr"\s*:\s*"\s*([^"\s][^"]{0,62})"
  set      model=$1
  weight   0.9
  source   protocols.md §10 (basicdeviceinfo ProdNbr)
  example  "{\"Brand\":\"AXIS\",\"ProdNbr\":\"M3045-V\",\"Version\":\"10.12.114\"}" => model=M3045-V
  example! "{\"ProdNbr\":\"\"}"

rule axis-basicdeviceinfo-version
  on       axis.basicdeviceinfo
  match    "Version"\s*:\s*"\s*([0-9][^"]{0,62})"
  set      firmware=$1
  weight   0.9
  source   protocols.md §10 (basicdeviceinfo Version, the AXIS OS version)
  example  "{\"ProdNbr\":\"M3045-V\",\"Version\":\"10.12.114\"}" => firmware=10.12.114
  example! "{\"apiVersion\":\"1.3\"}"

rule axis-basicdeviceinfo-camera
  on       axis.basicdeviceinfo
  match    "ProdType"\s*:\s*"[^"]{0,40}Camera"
  flags    i
  set      class=camera
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType)
  example  "{\"ProdType\":\"Network Camera\"}"
  example! "{\"ProdType\":\"Video Encoder\"}"

rule axis-basicdeviceinfo-encoder
  on       axis.basicdeviceinfo
  match    "ProdType"\s*:\s*"[^"]{0,40}(?:Encoder|Video Server)"
  flags    i
  set      class=encoder
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType)
  example  "{\"ProdType\":\"Video Encoder\"}"
  example! "{\"ProdType\":\"Network Camera\"}"

rule axis-vapix-namespace
  on       onvif.ns http.body
  match    www\.axis\.com/vapix/ws
  flags    i
  set      manufacturer=Axis
  weight   0.85
  source   protocols.md §2, §10 (Axis SOAP replies declare http://www.axis.com/vapix/ws/... namespaces)
  example  "http://www.w3.org/2003/05/soap-envelope http://www.axis.com/vapix/ws/event1"
  example! "http://www.onvif.org/ver10/schema"

rule axis-upnp-server
  on       http.server banner
  match    \bLinux/[0-9][0-9.]*-axis[0-9]*(?:\b|(?=_))
  flags    i
  set      manufacturer=Axis
  weight   0.5
  source   AXIS OS kernel release tag -axis<n> in the UPnP/HTTP server string; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Linux/5.15.0-axis9, UPnP/1.0"
  example! "Linux/5.15.0, UPnP/1.0"

rule axis-mdns-service
  on       mdns.service
  match    ^_axis-video\._tcp(?:\b|(?=_))
  set      manufacturer=Axis class=camera
  tier     generic
  weight   0.85
  source   protocols.md §10 (Bonjour service _axis-video._tcp.local)
  example  "_axis-video._tcp.local"
  example! "_http._tcp.local"

rule axis-tls-subject
  on       tls.subject
  match    (?:O=Axis Communications AB|CN=axis-[0-9a-f]{12}(?:\b|(?=_)))
  flags    i
  set      manufacturer=Axis
  weight   0.6
  source   certificate subject O= is Axis's legal name (RFC 5280 4.1.2.6); the default CN=axis-<MAC> form is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "CN=axis-accc8e3c0419,O=Axis Communications AB"
  example! "CN=www.hikvision.com,O=HIKVISION"

rule axis-dhcp-vendor-class
  on       dhcp.vendor
  match    ^AXIS,(?:Network Camera|Video Server|[A-Za-z ]{1,30}),([A-Z0-9-]{2,20}),([0-9][0-9.]{0,20})
  set      manufacturer=Axis model=$1 firmware=$2
  weight   0.45
  source   DHCP option 60 vendor class (RFC 2132 9.13) of the form AXIS,<type>,<model>,<version>; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "AXIS,Network Camera,M3045-V,10.12.114" => model=M3045-V firmware=10.12.114
  example! "MSFT 5.0"

rule axis-apidiscovery-list
  on       http.body
  match    "getApiList"[^\[\]]{0,120}"apiList"\s*:\s*\[
  set      manufacturer=Axis
  weight   0.8
  source   Axis VAPIX API Discovery service (developer.axis.com/vapix/network-video/api-discovery-service): apidiscovery.cgi getApiList answers an apiList, no authentication, AXIS OS 8.50+; every AXIS OS product, so no class
  example  "{\"apiVersion\":\"1.0\",\"method\":\"getApiList\",\"data\":{\"apiList\":[{\"id\":\"basic-device-info\",\"version\":\"1.1\"}]}}" => manufacturer=Axis
  example  "{\"method\": \"getApiList\", \"apiVersion\": \"1.0\", \"data\": {\"apiList\": [" => manufacturer=Axis
  example! "{\"method\":\"getApiList\",\"error\":{\"code\":4002}}"
  example! "{\"apiList\":[\"a\",\"b\"]}"

rule axis-vapix-doclink
  on       http.body
  match    "docLink"\s*:\s*"https?://(?:www\.axis\.com/(?:partner_pages/)?vapix|developer\.axis\.com/vapix)
  set      manufacturer=Axis
  weight   0.7
  source   Axis VAPIX API Discovery service (developer.axis.com/vapix/network-video/api-discovery-service): each apiList entry links its documentation (docLink) in Axis's VAPIX library
  example  "{\"id\":\"mdnssd\",\"version\":\"1.0\",\"docLink\":\"https://www.axis.com/partner_pages/vapix_library/#/\"}" => manufacturer=Axis
  example! "{\"docLink\":\"https://example.com/vapix/\"}"

# An Axis camera line named with its brand in any text a device sends
# (page title, FTP/telnet greeting, mDNS or UPnP name, sysDescr): the
# product numbers of class-words.fp's axis-product-number-camera-line,
# and the older three-digit cameras (AXIS 207W, 221, 225FD) and video
# servers (AXIS 241Q).  Upper-case AXIS as Axis writes it.
rule axis-named-camera-line
  on       http.title http.realm banner mdns.instance upnp.friendly-name upnp.model upnp.model-description ssdp.server snmp.sysdescr onvif.model gb.model onvif.scopes wsd.scopes dhcp.vendor tls.subject
  match    (?<![A-Za-z0-9])AXIS\s+((?:M[1-5][0-9]{3}|P[135][0-9]{3}|Q(?:1[0-9]|3[0-9]|6[0-9]|8[67])[0-9]{2})(?:-[A-Z0-9]{1,4}){0,3}(?:\s+Mk\s+I{1,3}V?)?|2[0-3][0-9][A-Z]{0,3})(?![A-Za-z0-9-])
  set      manufacturer=Axis model="AXIS $1" class=camera
  tier     model
  weight   0.7
  source   Axis product naming on axis.com product pages (AXIS M3106-L Mk II Network Camera, P3225-LV Mk II, Q6075-E); AXIS 221 Network Camera (home-assistant/core #59294), AXIS 225FD cameras (home-assistant.io #31290)
  example  "AXIS P1448-LE Network Camera 10.12.114 (2022) ready." => manufacturer=Axis model="AXIS P1448-LE" class=camera
  example  "AXIS M3045-V" => model="AXIS M3045-V"
  example  "AXIS 221 Network Camera" => model="AXIS 221"
  example  "AXIS M5014 - ACCC8E3C0419" => model="AXIS M5014"
  example! "AXIS A8207-VE"
  example! "AXIS M7104"
  example! "AXIS 241Q"
  example! "Axis 2100 rotation"

rule axis-named-video-server
  on       http.title http.realm banner mdns.instance upnp.friendly-name upnp.model upnp.model-description ssdp.server snmp.sysdescr onvif.model gb.model onvif.scopes wsd.scopes dhcp.vendor tls.subject
  match    (?<![A-Za-z0-9])AXIS\s+(24[0-9][A-Z]{0,3})(?![A-Za-z0-9-])
  set      manufacturer=Axis model="AXIS $1" class=encoder
  tier     model
  weight   0.7
  source   Axis video servers AXIS 240Q, 241Q, 241S, 243SA, 247S (CamioCam/rtsp PR #138: Axis 241Q Video Server)
  example  "AXIS 241Q Video Server" => manufacturer=Axis model="AXIS 241Q" class=encoder
  example! "AXIS 221"
