# Vendor local APIs and discovery answers read since the first round
# (issue #11 §5): TP-Link Tapo/Kasa discovery and local API JSON, Reolink
# api.cgi GetDevInfo, Dahua magicBox getSystemInfo updateSerial, and
# Hikvision ISAPI event alerts without their namespace.  The decoders are
# in src/parse/decode.c (kinds tplink, reolink, axis-param, dahua-cgi,
# isapi, and any of them as an http body or vendor-api).  Class comes
# from the device-type fields, never from the maker.  Axis param.cgi
# listings give the axis.* keys that vendor-api.fp reads.
# Format: docs/fingerprints.md.

# ---- TP-Link Tapo/Kasa (UDP 20002 discovery, local API getDeviceInfo) ----

rule tplink-type-camera
  on       tplink.device-type
  match    ^\s*SMART\.IPCAMERA\s*$
  set      manufacturer=TP-Link class=camera
  tier     role
  weight   0.85
  source   python-kasa/python-kasa tests/fixtures/smartcam/C210(EU)_2.0_1.4.3.json (discovery_result device_type SMART.IPCAMERA, getDeviceInfo manufacturer_name TP-LINK); python-kasa docs/source/discover.rst (UDP 20002)
  example  "SMART.IPCAMERA" => manufacturer=TP-Link class=camera
  example! "SMART.TAPOPLUG"
  example! "SMART.IPCAMERAS"

rule tplink-type-doorbell
  on       tplink.device-type
  match    ^\s*SMART\.TAPODOORBELL\s*$
  set      manufacturer=TP-Link class=camera
  tier     role
  weight   0.85
  source   python-kasa kasa/deviceconfig.py (SMART.TAPODOORBELL; D130, D225, D235 in tests/fixtures/smartcam); TP-Link sells these as "Video Doorbell Camera": a Wi-Fi camera with a button, not an intercom system's door station
  example  "SMART.TAPODOORBELL" => manufacturer=TP-Link class=camera
  example! "SMART.IPCAMERA"

rule tplink-type-hub
  on       tplink.device-type
  match    ^\s*SMART\.TAPOHUB\s*$
  set      manufacturer=TP-Link class=other
  tier     role
  weight   0.8
  source   python-kasa/python-kasa kasa/deviceconfig.py (DeviceFamily SmartTapoHub = SMART.TAPOHUB; hubs H200, H500 in tests/fixtures/smartcam)
  example  "SMART.TAPOHUB" => manufacturer=TP-Link class=other
  example! "SMART.TAPODOORBELL"

rule tplink-type-smart-home
  on       tplink.device-type
  match    ^\s*(?:SMART|IOT)\.(?:TAPOPLUG|TAPOBULB|TAPOSWITCH|TAPOSENSOR|KASAPLUG|KASASWITCH|SMARTPLUGSWITCH|SMARTBULB)\s*$
  set      manufacturer=TP-Link class=other
  tier     role
  weight   0.8
  source   python-kasa/python-kasa kasa/deviceconfig.py DeviceFamily (IOT.SMARTPLUGSWITCH, IOT.SMARTBULB, SMART.TAPOPLUG, SMART.TAPOBULB, SMART.TAPOSWITCH, SMART.KASAPLUG ...: plugs, bulbs, switches)
  example  "SMART.TAPOPLUG" => manufacturer=TP-Link class=other
  example  "IOT.SMARTPLUGSWITCH" => class=other
  example! "SMART.IPCAMERA"

rule tplink-model
  on       tplink.model
  match    ^\s*([A-Z]{1,3}[0-9]{2,4}[A-Z]{0,3}(?:\([A-Z]{2}\))?)\s*$
  set      model=$1 manufacturer=TP-Link@0.6
  weight   0.85
  source   python-kasa/python-kasa tests/fixtures/smartcam (device_model C210, C100, TC70, D130, H200)
  example  "C210" => model=C210 manufacturer=TP-Link
  example  "TC70" => model=TC70
  example! "Living room"

rule tplink-firmware
  on       tplink.firmware
  match    ^\s*([0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,3}(?: Build [0-9]{6} Rel\.[0-9A-Za-z]{1,10})?)
  set      firmware=$1
  weight   0.85
  source   python-kasa/python-kasa tests/fixtures/smartcam/C210(EU)_2.0_1.4.3.json (firmware_version "1.4.3 Build 241010 Rel.33858n")
  example  "1.4.3 Build 241010 Rel.33858n" => firmware="1.4.3 Build 241010 Rel.33858n"
  example! "latest"

rule tplink-manufacturer
  on       tplink.manufacturer
  match    ^\s*TP-?LINK(?:\b|(?=_))
  flags    i
  set      manufacturer=TP-Link
  weight   0.85
  source   python-kasa/python-kasa tests/fixtures/smartcam/C210(EU)_2.0_1.4.3.json (getDeviceInfo basic_info manufacturer_name TP-LINK)
  example  "TP-LINK" => manufacturer=TP-Link
  example! "Mercusys"

# ---- Reolink /cgi-bin/api.cgi GetDevInfo ----

rule reolink-devinfo-model
  on       reolink.model
  match    ^\s*([A-Za-z][A-Za-z0-9._+-]{1,24}(?: [A-Za-z0-9._+-]{1,16}){0,3})\s*$
  set      model=$1 manufacturer=Reolink@0.6
  weight   0.85
  source   Reolink camera HTTP API user guide, GetDevInfo (DevInfo model, firmVer, buildDay, type), as quoted in ReolinkCameraAPI/reolinkapipy get_information (model RLC-411WS, type IPC)
  example  "RLC-411WS" => model=RLC-411WS manufacturer=Reolink
  example  "E1 Outdoor" => model="E1 Outdoor"
  example! "  "

rule reolink-devinfo-firmware
  on       reolink.firmware
  match    ^\s*(v[0-9][0-9A-Za-z._]{2,40})
  set      firmware=$1
  weight   0.85
  source   Reolink HTTP API user guide, GetDevInfo firmVer (v2.0.0.1389_18081408), as quoted in ReolinkCameraAPI/reolinkapipy
  example  "v2.0.0.1389_18081408" => firmware=v2.0.0.1389_18081408
  example! "build 18081408"

rule reolink-devinfo-type-camera
  on       reolink.device-type
  match    ^\s*IPC\s*$
  set      class=camera
  tier     role
  weight   0.85
  source   Reolink HTTP API user guide, GetDevInfo type IPC (ReolinkCameraAPI/reolinkapipy get_information); starkillerOG/reolink_aio reads exactType
  example  "IPC" => class=camera
  example! "NVR"

rule reolink-devinfo-type-nvr
  on       reolink.device-type
  match    ^\s*(?:NVR|WIFI_NVR)\s*$
  set      class=nvr
  tier     role
  weight   0.85
  source   starkillerOG/reolink_aio (GetDevInfo exactType NVR, WIFI_NVR for Reolink recorders)
  example  "NVR" => class=nvr
  example  "WIFI_NVR" => class=nvr
  example! "IPC"

# ---- Dahua magicBox getSystemInfo ----

rule dahua-update-serial
  on       dahua.update-serial
  match    ^\s*(?:DH-)?(?:IPC|SD|NVR|XVR|HCVR|DHI|VTO|VTH)[A-Z0-9]{0,8}-[A-Z0-9-]{2,30}\s*$
  set      manufacturer=Dahua
  weight   0.75
  source   koush/scrypted plugins/amcrest/src/amcrest-api.ts (magicBox.cgi?action=getSystemInfo of an Amcrest IP4M-1041B: deviceType=IP4M-1041B, updateSerial=IPC-AW46WN-S2, the Dahua base model its firmware updates follow)
  example  "IPC-AW46WN-S2" => manufacturer=Dahua
  example  "NVR4104HS-P-4KS2" => manufacturer=Dahua
  example! "IP4M-1041B"

# ---- Hikvision ISAPI documents without their namespace ----

rule isapi-event-alert
  on       hik.isapi
  match    <EventNotificationAlert[\s>]
  set      manufacturer=Hikvision
  weight   0.75
  source   Supergiovane/node-red-contrib-hikvision-ultimate issue #13 (EventNotificationAlert with ipAddress, macAddress, eventType from a Hikvision camera's alertStream)
  example  "200 <EventNotificationAlert version=\"1.0\"><eventType>videoloss</eventType></EventNotificationAlert>" => manufacturer=Hikvision
  example! "200 <EventNotification><type>x</type></EventNotification>"
