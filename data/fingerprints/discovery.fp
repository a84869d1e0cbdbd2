# Discovery protocols decoded by `camsweep identify` (part B): Hikvision
# SADP, Dahua DHIP, Xiongmai DVRIP, SSDP/UPnP, mDNS/DNS-SD, WS-Discovery.
# Format: docs/fingerprints.md.

# --- Hikvision SADP (UDP 37020) -------------------------------------------

rule sadp-protocol
  on       sadp.raw
  match    <ProbeMatch>[\s\S]{0,2000}?<(?:DeviceDescription|DeviceSN|CommandPort|SoftwareVersion)>
  set      manufacturer=Hikvision
  weight   0.9
  source   protocols.md §3 (SADP ProbeMatch fields DeviceDescription, DeviceSN, CommandPort)
  example  "<?xml version=\"1.0\"?><ProbeMatch><Uuid>1</Uuid><Types>inquiry</Types><DeviceType>141945</DeviceType><DeviceDescription>DS-2CD2385G1-I</DeviceDescription>" => manufacturer=Hikvision
  example! "<ProbeMatches><Types>dn:NetworkVideoTransmitter</Types></ProbeMatches>"

rule sadp-model
  on       sadp.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9()/_.+-]{1,62})
  set      model=$1 manufacturer=Hikvision@0.85
  weight   0.9
  source   protocols.md §3 (DeviceDescription = model, e.g. DS-2CD2385G1-I, CS-C6TC-32WFR)
  example  "DS-2CD2385G1-I" => model=DS-2CD2385G1-I manufacturer=Hikvision
  example  "CS-C6TC-32WFR" => model=CS-C6TC-32WFR
  example! "  "

rule sadp-model-ezviz
  on       sadp.model upnp.model onvif.model gb.model http.title wsd.scopes
  match    \b(CS-[A-Z][A-Z0-9]{1,8}-[A-Z0-9-]{2,30})
  set      brand=EZVIZ model=$1@0.5 manufacturer=Hikvision@0.6 class=camera@0.6
  tier     model
  weight   0.8
  source   protocols.md §3 (EZVIZ devices answer SADP with CS- model numbers, Hikvision OUIs)
  example  "CS-C6TC-32WFR" => brand=EZVIZ manufacturer=Hikvision
  example! "DS-2CD2385G1-I"
  example! "ABCS-C6TC"

rule sadp-model-recorder
  on       sadp.model
  match    ^\s*i?DS-(?:7[0-9]{3}|8[0-9]{3}|9[0-9]{3,4})N
  set      class=nvr
  tier     model
  weight   0.7
  source   exposure.md §1 (NVR families DS-76xxNI, DS-71xxNI, DS-96xxNI); SADP DeviceDescription carries the model (protocols.md §3)
  example  "DS-7608NI-K2" => class=nvr
  example  "DS-9664NI-I8"
  example! "DS-2CD2385G1-I"
  example! "DS-7804HQH-K1"

rule sadp-firmware
  on       sadp.firmware
  match    ^\s*([Vv]?[0-9][0-9.]{0,20}(?:\s*build\s*[0-9]{6})?)
  set      firmware=$1
  weight   0.9
  source   protocols.md §3 (SoftwareVersion "V5.6.2build 190701")
  example  "V5.6.2build 190701" => firmware="V5.6.2build 190701"
  example  "V4.1.64" => firmware=V4.1.64
  example! "N/A"

rule sadp-oem-info
  on       sadp.oem
  match    ^\s*(?!(?:N/A|NA|none|null|0)\s*$)([^\s].{0,62})
  flags    i
  lookup   brands
  weight   0.7
  source   protocols.md §3 (OEMInfo/DetailOEMCode exist in the SADP schema)
  example  "LTS" => brand=LTS manufacturer=Hikvision
  example! "N/A"

# --- Dahua DHIP (UDP 37810) -----------------------------------------------

rule dhip-protocol
  on       dhip.raw
  match    "method"\s*:\s*"client\.notifyDevInfo"|DHDiscover\.search|"deviceInfo"\s*:\s*\{[^}]{0,400}"(?:DeviceClass|SerialNo|UnLoginFuncMask)"
  set      manufacturer=Dahua
  weight   0.9
  source   protocols.md §5 (DHIP reply client.notifyDevInfo with deviceInfo keys)
  example  "{\"mac\":\"3c:ef:8c:00:00:01\",\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":{\"DeviceType\":\"IPC-HDW1431T1-S4\"}}}" => manufacturer=Dahua
  example  "DHIP\x00\x00{\"method\":\"DHDiscover.search\"}"
  example! "{\"method\":\"system.listMethods\"}"

rule dhip-model
  on       dhip.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9()/_.+-]{1,62})
  set      model=$1 manufacturer=Dahua@0.8
  weight   0.9
  source   protocols.md §5 (DeviceType = model, e.g. IPC-HDW1431T1-S4)
  example  "IPC-HDW1431T1-S4" => model=IPC-HDW1431T1-S4 manufacturer=Dahua
  example! ""

rule dhip-class-camera
  on       dhip.class
  match    ^\s*(?:IPC|SD|ITC|TPC|PTZ|IPC-[A-Z]+)\s*$
  flags    i
  set      class=camera
  weight   0.85
  source   protocols.md §5 (DeviceClass IPC); field knowledge: SD = speed dome, TPC = thermal
  example  "IPC" => class=camera
  example  "SD"
  example! "NVR"
  example! "VTO"

rule dhip-class-recorder
  on       dhip.class
  match    ^\s*(?:NVR|IVSS|EVS)[A-Z0-9-]{0,10}\s*$
  flags    i
  set      class=nvr
  weight   0.85
  source   protocols.md §5 (DeviceClass); field knowledge: NVR/XVR/IVSS recorders
  example  "NVR" => class=nvr
  example  "IVSS"
  example! "IPC"
  example! "XVR"
  example! "NVS"

rule dhip-firmware
  on       dhip.firmware
  match    ^\s*([0-9]\.[0-9]{3}\.[0-9A-Za-z.]{1,40})
  set      firmware=$1
  weight   0.85
  source   protocols.md §5 (Version "2.800.0000000.13.R")
  example  "2.800.0000000.13.R" => firmware=2.800.0000000.13.R
  example! "V5.6.2"

rule dhip-vendor-brand
  on       dhip.vendor
  match    ^\s*(?!(?:Private|General|Generic|OEM)\s*$)(\S.{0,62})
  flags    i
  lookup   brands
  weight   0.75
  source   protocols.md §5 (Vendor/Manufacturer may be "Private" or "General" on neutral firmware)
  example  "Amcrest" => brand=Amcrest manufacturer=Dahua
  example  "Dahua" => manufacturer=Dahua
  example! "General"
  example! "Private"

# --- Xiongmai DVRIP (TCP 34567) -------------------------------------------

rule dvrip-xm-json
  on       dvrip.raw xm.dvrip
  match    "(?:SoftWareVersion|BuildTime|DeviceModel|HardWare)"\s*:\s*"
  set      manufacturer=Xiongmai
  weight   0.8
  source   protocols.md §7 (SystemInfo reply keys BuildTime, HardWare, SoftWareVersion)
  example  "{\"Name\":\"SystemInfo\",\"Ret\":100,\"SystemInfo\":{\"HardWare\":\"HI3516EV300_85H50AI\",\"SoftWareVersion\":\"V5.00.R02.000529B2.10010.040600.0020000\"}}" => manufacturer=Xiongmai
  example! "{\"result\":true}"

rule dvrip-xm-firmware
  on       dvrip.raw
  match    "SoftWareVersion"\s*:\s*"([^"]{1,63})"
  set      firmware=$1
  weight   0.8
  source   protocols.md §7 (SoftWareVersion)
  example  "\"SoftWareVersion\":\"V5.00.R02.000529B2.10010.040600.0020000\"" => firmware=V5.00.R02.000529B2.10010.040600.0020000
  example! "\"Version\":\"1\""

rule dvrip-xm-model
  on       dvrip.raw
  match    "(?:DeviceModel|HardWare)"\s*:\s*"([^"]{1,63})"
  set      model=$1
  weight   0.7
  source   protocols.md §7 (DeviceModel/HardWare, e.g. HI3516EV300_85H50AI)
  example  "\"HardWare\":\"HI3516EV300_85H50AI\"" => model=HI3516EV300_85H50AI
  example! "\"Name\":\"x\""

# --- SSDP (UDP 1900) and UPnP description XML -----------------------------

rule ssdp-server-brand
  on       ssdp.server
  lookup   brands
  weight   0.5
  source   protocols.md §9 (SSDP SERVER strings identify devices)
  example  "Linux/3.10 UPnP/1.0 Hikvision-Webs/1.0" => brand=Hikvision
  example! "Linux/4.4 UPnP/1.0 Portable SDK for UPnP devices/1.6.22"

rule ssdp-server-axis
  on       ssdp.server
  match    \bLinux/[0-9][0-9.]{0,20}-axis[0-9]
  flags    i
  set      manufacturer=Axis
  weight   0.5
  source   AXIS OS kernel release tag -axis<n> in the SSDP SERVER string; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Linux/5.15.0-axis9, UPnP/1.0" => manufacturer=Axis
  example! "Linux/4.9.94, UPnP/1.0"

rule ssdp-server-truen-mozart
  on       ssdp.server http.server
  match    \bLinux/[0-9.]{1,20}-Mozart
  set      manufacturer=Truen
  weight   0.35
  source   Truen firmware kernel tag Mozart in the SSDP SERVER string; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Linux/3.4.0-Mozart, UPnP/1.0" => manufacturer=Truen
  example! "Linux/2.6.28.9, UPnP/1.0"

rule ssdp-udn-dahuatech
  on       ssdp.usn ssdp.st
  match    \buuid:www\.dahuatech\.com\.device_[0-9]_[0-9]-([0-9A-Z]{8,20})(?:\b|(?=_))
  set      manufacturer=Dahua
  weight   0.75
  source   home-assistant/core #46822 turn 7 (ssdp debug, the Dahua unit at .20: SERVER ZheJiang Dahua Technology CO.,LTD. Upnp SDK, ST/USN uuid:www.dahuatech.com.device_3_0-<serial>): Dahua's UPnP SDK puts dahuatech.com in the UDN
  example  "uuid:www.dahuatech.com.device_3_0-1L047ACPAW00037" => manufacturer=Dahua
  example  "uuid:www.dahuatech.com.device_3_0-1L047ACPAW00037::upnp:rootdevice" => manufacturer=Dahua
  example! "uuid:www.example.com.device_3_0-1L047ACPAW00037"
  example! "uuid:device_3_0-1L047ACPAW00037"

# Not on ssdp.st: an M-SEARCH request's ST is read into ssdp.st too, and
# a camera looking for a gateway (UPnP port mapping) or a recorder looking
# for cameras sends one; a USN comes only from the device that offers it.
rule ssdp-st-camera
  on       ssdp.usn
  match    (?:urn:schemas-upnp-org:device:(?:NetworkCamera|DigitalSecurityCamera|IPCamera)|:device:(?:Network)?VideoCamera)
  flags    i
  set      class=camera surveillance=yes
  weight   0.6
  source   field knowledge: UPnP device types announced by cameras (DigitalSecurityCamera DCP)
  example  "urn:schemas-upnp-org:device:DigitalSecurityCamera:1" => class=camera
  example! "urn:schemas-upnp-org:device:MediaRenderer:1"

rule ssdp-st-decoy
  on       ssdp.usn
  match    urn:schemas-upnp-org:device:(?:MediaRenderer|InternetGatewayDevice|WANDevice|Printer|WFADevice)|urn:dial-multiscreen-org|urn:schemas-sonos-com
  flags    i
  set      class=other surveillance=no
  weight   0.5
  source   field knowledge: UPnP device types of TVs, routers, printers, speakers
  example  "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
  example! "urn:schemas-upnp-org:device:DigitalSecurityCamera:1"

rule upnp-manufacturer-brand
  on       upnp.manufacturer upnp.manufacturer-url
  lookup   brands
  weight   0.8
  source   protocols.md §9 (description XML <manufacturer> identifies the device)
  example  "Hikvision" => brand=Hikvision manufacturer=Hikvision
  example  "AXIS" => brand=Axis
  example  "http://www.amcrest.com" => brand=Amcrest manufacturer=Dahua
  example! "Linux Foundation"

rule upnp-friendly-name-brand
  on       upnp.friendly-name upnp.model-description
  lookup   brands
  weight   0.5
  source   protocols.md §9 (<friendlyName>, user-settable: weaker)
  example  "LOREX LNB4163 - 192.168.1.10" => brand=Lorex
  example! "Living room TV"

rule upnp-model
  on       upnp.model upnp.model-number
  match    ^\s*(?!(?:IPC|IPCAM|IP Camera|Camera|NVR|DVR|Network Camera|N/A|-)\s*$)([A-Za-z0-9][A-Za-z0-9 ()/_.+-]{0,62}?)\s*$
  flags    i
  set      model=$1
  weight   0.6
  source   protocols.md §9 (<modelName>/<modelNumber>)
  example  "DS-2CD2385G1-I" => model=DS-2CD2385G1-I
  example  "AXIS P3245-LVE" => model="AXIS P3245-LVE"
  example! "IPC"

rule upnp-description-camera
  on       upnp.model-description upnp.model upnp.friendly-name
  match    \b(?:IP\s?Camera|Network Camera|Network Video|Dome Camera|Bullet Camera|PTZ|Video Server|Video Encoder|Surveillance|IPC)(?:\b|(?=_))
  flags    i
  set      class=camera surveillance=yes
  weight   0.55
  source   field knowledge: camera UPnP descriptions ("Network Camera", "IP Camera")
  example  "AXIS P1435-LE Network Camera"
  example  "IP Camera"
  example! "Wireless Router"

rule upnp-description-recorder
  on       upnp.model-description upnp.model upnp.friendly-name
  match    \b(?:NVR|Network Video Recorder)(?:\b|(?=_))
  flags    i
  set      class=nvr surveillance=yes
  weight   0.55
  source   field knowledge: recorder UPnP descriptions
  example  "Network Video Recorder" => class=nvr
  example! "Network Camera"
  example! "Digital Video Recorder"

# --- mDNS / DNS-SD --------------------------------------------------------

rule mdns-service-brand
  on       mdns.instance mdns.hostname
  lookup   brands
  weight   0.5
  source   protocols.md §10 (instance names carry the model, e.g. "AXIS M5014 - ACCC8E3C0419")
  example  "AXIS M5014 - ACCC8E3C0419" => brand=Axis
  example! "Office-Printer"

rule mdns-axis-instance-model
  on       mdns.instance
  match    ^\s*AXIS\s+([A-Z][0-9A-Z]{1,10}(?:-[A-Z0-9]{1,8}){0,3})\s+-\s+[0-9A-Fa-f]{12}
  set      model="AXIS $1" manufacturer=Axis class=camera@0.5
  tier     model
  weight   0.8
  source   protocols.md §10 (instance name "<model> - <MAC>")
  example  "AXIS M5014 - ACCC8E3C0419" => model="AXIS M5014" manufacturer=Axis
  example! "AXIS M5014"

rule mdns-arecont
  on       mdns.service
  match    ^_arec\._tcp(?:\b|(?=_))
  set      manufacturer="Arecont Vision" class=camera
  weight   0.75
  source   protocols.md §11 (Arecont mDNS _arec._tcp)
  example  "_arec._tcp.local" => manufacturer="Arecont Vision"
  example! "_http._tcp.local"

rule mdns-decoy-services
  on       mdns.service
  match    ^_(?:ipp|ipps|printer|pdl-datastream|scanner|uscan|airplay|raop|googlecast|spotify-connect|sonos|smb|afpovertcp|adisk|homekit|companion-link|device-info|workstation)\._tcp(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.4
  source   field knowledge: DNS-SD services of printers, media players, file servers
  example  "_ipp._tcp.local"
  example  "_googlecast._tcp.local"
  example! "_axis-video._tcp.local"
  example! "_rtsp._tcp.local"

rule mdns-camera-services
  on       mdns.service
  match    ^_(?:rtsp|onvif|nvr|camera|hap-camera)\._(?:tcp|udp)(?:\b|(?=_))
  set      class=camera@0.4 surveillance=yes@0.5
  tier     generic
  weight   0.5
  source   field knowledge: DNS-SD service types of cameras (RTSP, ONVIF)
  example  "_rtsp._tcp.local"
  example! "_ipp._tcp.local"

rule mdns-txt-brand
  on       mdns.txt
  match    ^(?:manufacturer|vendor|mf|md|model|ty|product|brand)=(.{1,63})
  flags    i
  lookup   brands
  weight   0.55
  source   field knowledge: DNS-SD TXT keys (mf=, md=, ty=) carry maker names
  example  "ty=HP LaserJet Pro M404" => brand=HP
  example  "manufacturer=Hikvision" => brand=Hikvision
  example! "txtvers=1"

# --- WS-Discovery types ---------------------------------------------------

rule wsd-types-nvt
  on       wsd.types
  match    \b(?:NetworkVideoTransmitter|tds:Device)(?:\b|(?=_))
  set      class=camera@0.45 surveillance=yes
  tier     generic
  weight   0.55
  source   protocols.md §1 (ONVIF devices match dn:NetworkVideoTransmitter and/or tds:Device)
  example  "dn:NetworkVideoTransmitter tds:Device"
  example! "wsdp:Device pub:Computer"

rule wsd-types-nvs
  on       wsd.types
  match    \bNetworkVideoStorage(?:\b|(?=_))
  set      class=nvr surveillance=yes
  weight   0.55
  source   field knowledge: ONVIF NVR/NVS device types; ONVIF Core Specification (device types NetworkVideoTransmitter, NetworkVideoDisplay, NetworkVideoStorage, NetworkVideoAnalytics: a display is a decoder, not a recorder)
  example  "dn:NetworkVideoStorage"
  example! "dn:NetworkVideoTransmitter"
  example! "dn:NetworkVideoDisplay"

rule wsd-types-display
  on       wsd.types
  match    \bNetworkVideoDisplay(?:\b|(?=_))
  set      class=decoder surveillance=yes
  weight   0.55
  source   ONVIF Core Specification (device type NetworkVideoDisplay, NVD: receives and shows streams, i.e. a decoder); ONVIF Display Service Specification
  example  "dn:NetworkVideoDisplay" => class=decoder
  example! "dn:NetworkVideoStorage"

rule wsd-types-printer
  on       wsd.types
  match    \b(?:PrintDeviceType|ScanDeviceType|pub:Computer|wprt:|wscn:)
  set      class=other surveillance=no
  weight   0.5
  source   field knowledge: WSD types of Windows hosts, printers and scanners
  example  "wsdp:Device wprt:PrintDeviceType"
  example! "dn:NetworkVideoTransmitter"

# --- Discovery fields that say what kind of video device it is -------------

rule sadp-description-device-type
  on       sadp.model
  match    ^\s*(?:IPCamera|IPDome|IPZoom|IP CAMERA|IP DOME)\s*$
  flags    i
  set      class=camera surveillance=yes
  weight   0.6
  source   SADP DeviceDescription normally carries the model (protocols.md §3); a unit that puts a device kind there uses ISAPI deviceType words (IPCamera, IPDome: protocols.md §4), which say camera
  example  "IPCamera" => class=camera
  example! "DS-KH6320-WTE1"

rule dhip-remote-video-inputs
  on       dhip.raw
  match    "RemoteVideoInputChannels"\s*:\s*[1-9]
  set      class=nvr surveillance=yes
  weight   0.6
  source   protocols.md §5 (DHIP deviceInfo RemoteVideoInputChannels: the IP-camera channels a recorder takes in; cameras and door stations report 0)
  example  "{\"deviceInfo\":{\"DeviceClass\":\"\",\"RemoteVideoInputChannels\":16,\"VideoInputChannels\":0}}" => class=nvr
  example! "{\"deviceInfo\":{\"RemoteVideoInputChannels\":0,\"VideoInputChannels\":1}}"

rule dhip-video-inputs
  on       dhip.raw
  match    "VideoInputChannels"\s*:\s*[1-9]
  set      surveillance=yes
  weight   0.55
  source   protocols.md §5 (DHIP deviceInfo VideoInputChannels: the unit takes in video; a door station's camera counts too, and its DeviceClass VTO then makes it an intercom)
  example  "{\"deviceInfo\":{\"DeviceClass\":\"IPC\",\"VideoInputChannels\":1}}" => surveillance=yes
  example! "{\"deviceInfo\":{\"VideoInputChannels\":0}}"

rule xm-video-inputs
  on       dvrip.raw xm.dvrip
  match    "VideoInChannel"\s*:\s*[1-9]
  set      surveillance=yes
  weight   0.55
  source   protocols.md §7 (Xiongmai SystemInfo VideoInChannel: video inputs of the camera or recorder)
  example  "{\"SystemInfo\":{\"VideoInChannel\":4}}" => surveillance=yes
  example! "{\"SystemInfo\":{\"VideoInChannel\":0}}"

rule sdp-session-ipc-stream
  on       rtsp.sdp.session rtsp.sdp
  match    \bIPC Realtime stream(?:\b|(?=_))
  flags    i
  set      class=camera surveillance=yes
  weight   0.6
  source   protocols.md §8 (Uniview SDP s=VCP IPC Realtime stream: the live stream of an IP camera, "IPC")
  example  "VCP IPC Realtime stream" => class=camera
  example  "v=0\r\ns=VCP IPC Realtime stream\r\nm=video 0 RTP/AVP 96\r\n"
  example! "Media Presentation"

rule sdp-hikvision-video-header
  on       rtsp.sdp
  match    a=Media_header:MEDIAINFO=494D4B48
  flags    i
  set      surveillance=yes
  weight   0.55
  source   protocols.md §4, §8 (Hikvision SDP a=Media_header IMKH: the header of the Hikvision video stream the server sends)
  example  "a=Media_header:MEDIAINFO=494D4B48010100000400000100000000;\r\n" => surveillance=yes
  example! "v=0\r\ns=Media Presentation\r\n"
