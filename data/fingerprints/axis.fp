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
  match    \bLinux/[0-9][0-9.]*-axis[0-9]*\b
  flags    i
  set      manufacturer=Axis
  weight   0.8
  source   protocols.md §9 (UPnP SERVER "Linux/4.9.94-axis5, UPnP/1.0, Portable SDK for UPnP devices/1.6.22", Recog)
  example  "Linux/4.9.94-axis5, UPnP/1.0, Portable SDK for UPnP devices/1.6.22"
  example! "Linux/4.9.94, UPnP/1.0, Portable SDK for UPnP devices/1.6.22"

rule axis-ftp-banner
  on       banner
  match    ^(?:220[ -])?AXIS ([A-Z]?[0-9]{2,4}[A-Z0-9-]*(?: PTZ)?) (?:PTZ Dome )?(?:Network Camera|Video Server|Network Video Encoder) ([0-9][0-9.]{0,20})
  set      manufacturer=Axis model=$1 firmware=$2
  weight   0.9
  source   protocols.md §10 (Recog ftp_banners.xml "AXIS 214 PTZ Network Camera 4.49 (Oct 05 2009) ready")
  example  "220 AXIS 214 PTZ Network Camera 4.49 (Oct 05 2009) ready." => model="214 PTZ" firmware=4.49 manufacturer=Axis
  example  "AXIS 241Q Video Server 4.47 (Jan 29 2009) ready." => model=241Q
  example! "220 ProFTPD Server ready."

rule axis-ftp-video-server
  on       banner
  match    ^(?:220[ -])?AXIS [A-Z0-9 -]{2,20} (?:Video Server|Network Video Encoder) [0-9]
  set      class=encoder
  weight   0.8
  source   protocols.md §10 (Recog ftp_banners.xml)
  example  "220 AXIS 241Q Video Server 4.47 (Jan 29 2009) ready."
  example! "220 AXIS 214 PTZ Network Camera 4.49 (Oct 05 2009) ready."

rule axis-mdns-service
  on       mdns.service
  match    ^_axis-video\._tcp\b
  set      manufacturer=Axis class=camera
  tier     generic
  weight   0.85
  source   protocols.md §10 (Bonjour service _axis-video._tcp.local)
  example  "_axis-video._tcp.local"
  example! "_http._tcp.local"

rule axis-tls-subject
  on       tls.subject
  match    (?:O=Axis Communications AB|CN=axis-[0-9a-f]{12}\b)
  flags    i
  set      manufacturer=Axis
  weight   0.85
  source   protocols.md §10, §12 (default self-signed CN=axis-<mac>,O=Axis Communications AB)
  example  "CN=axis-accc8e3c0419,O=Axis Communications AB"
  example! "CN=www.hikvision.com,O=HIKVISION"

rule axis-dhcp-vendor-class
  on       dhcp.vendor
  match    ^AXIS,(?:Network Camera|Video Server|[A-Za-z ]{1,30}),([A-Z0-9-]{2,20}),([0-9][0-9.]{0,20})
  set      manufacturer=Axis model=$1 firmware=$2
  weight   0.85
  source   protocols.md §10 (DHCP option 60 "AXIS,Network Camera,P3343,5.20.3", Recog)
  example  "AXIS,Network Camera,P3343,5.20.3" => model=P3343 firmware=5.20.3
  example! "MSFT 5.0"
