# consumer-cloud.fp: device records from consumer camera makers' cloud
# APIs, as users paste them in bug reports (issue #11: consumer units
# whose only evidence is a cloud reply).  eufy (Anker Innovations) device
# and station records carry the product code in device_model /
# station_model / model; the codes are listed in eufy-security-client's
# supported-devices table.  Only the camera and recorder codes claim a
# class; doorbells, HomeBase hubs, locks, sensors and keypads name the
# maker only.  Format: docs/fingerprints.md.

rule eufy-cloud-camera-model
  on       http.body vendor-api.malformed
  match    "(?:device_model|station_model|model)"\s*:\s*"(T8(?:11[1-4]|12[2-4]|13[014]|14[0-2X]|15[0-3]|16[01]|17[0-2]|40[01]|41[0146]|42[0-5]|4A[01]|452|600|B0|E00)X?)"
  set      manufacturer=Anker brand=eufy model=$1 class=camera
  tier     model
  weight   0.85
  source   bropat/eufy-security-client docs/supported_devices.md (eufyCam T811x-T816x, SoloCam T812x/T813x/T8170/T8B0, 4G T815x, Indoor Cam T840x/T841x, Floodlight T842x, Wall Light T84A0/1, Garage T8452, E330 T8600); homebridge-eufy #942, #817 records
  example  "{\"device_sn\": \"T814X***\", \"device_model\": \"T814X\", \"device_type\": 10037, \"station_sn\": \"T8030***\"}" => manufacturer=Anker model=T814X class=camera
  example  "{\"serialNumber\": \"T8172P10253318D7\", \"type\": 89, \"model\": \"T8172\", \"stationSerialNumber\": \"T8030P1325244890\"}" => class=camera model=T8172
  example  "{\"model\": \"T8410\"}" => model=T8410
  example! "{\"station_model\": \"T8030\"}"
  example! "{\"device_model\": \"T8530\"}"
  example! "{\"model\": \"T8410-B\"}"

rule eufy-cloud-nvr-model
  on       http.body vendor-api.malformed
  match    "(?:device_model|station_model|model)"\s*:\s*"(T8N00)"
  set      manufacturer=Anker brand=eufy model=$1 class=nvr
  tier     model
  weight   0.85
  source   bropat/eufy-security-client docs/supported_devices.md, master (NVR S4 Max, T8N00); homebridge-plugins/homebridge-eufy issue #873 (T8N00 station record)
  example  "{\"station_sn\": \"T8N00***\", \"station_model\": \"T8N00\"}" => class=nvr model=T8N00
  example! "{\"station_model\": \"T8010\"}"

rule eufy-cloud-other-model
  on       http.body vendor-api.malformed
  match    "(?:device_model|station_model|model)"\s*:\s*"(T(?:8(?:00[12]|01[0-9]|02[0-9]|03[0-9]|2[0-2][0-9]|5[0-3][0-9]P?|79[0-9]|87B[0-9]|89[0-9]|96[0-9])|900[0-9]|740[0-9]))"
  set      manufacturer=Anker brand=eufy model=$1
  weight   0.8
  source   bropat/eufy-security-client docs/supported_devices.md (HomeBase T800x-T803x, doorbells T82xx, locks T85xx, SmartDrop, trackers, sensors, keypad, safes); homebridge-eufy #911, #913 (HomeBase Pro T9000): maker only
  example  "{\"station_sn\": \"T8010T152325064D\", \"station_model\": \"T8010\"}" => manufacturer=Anker model=T8010
  example  "{\"device_model\": \"T8530\"}" => model=T8530
  example! "{\"device_model\": \"T8410\"}"
  example! "{\"model\": \"T80100\"}"

# Wyze cloud device records (api.wyzecam.com device lists as pasted in
# bug reports): product_model is the product code, product_type the kind
# of device.  Wyze Cam hardware with WYZE* and HL_ codes is Hualai's
# (brands.tsv Wyze -> Hualai white-label, oem.tsv Wyze Cam v1-v3); other
# code families (GW_, AN_, LD_, ME_) name no maker here.
rule wyze-cloud-product-type-camera
  on       http.body vendor-api.malformed
  match    "product_model"\s*:\s*"[A-Za-z0-9_-]{2,32}".{0,400}?"product_type"\s*:\s*"Camera"
  flags    s
  set      class=camera
  tier     role
  weight   0.8
  source   jfarmer08/homebridge-wyze-smart-home issues #66 and #175 (Wyze device lists: product_model WYZE_CAKP2JFUS, product_type Camera); IDisposable/docker-wyze-bridge issue #141 (ME_WCO3 product_type=Camera)
  example  "{\"mac\":\"7C78B26DC7C0\",\"nickname\":\"Rear Patio\",\"product_model\":\"WYZE_CAKP2JFUS\",\"product_model_logo_url\":\"https://x/wyze_icon_cam_v3.png\",\"product_type\":\"Camera\"}" => class=camera
  example! "{\"product_model\":\"HL_A19C2\",\"product_type\":\"MeshLight\"}"
  example! "{\"product_type\":\"Camera\"}"

rule wyze-cloud-product-model-hualai
  on       http.body vendor-api.malformed
  match    "product_model"\s*:\s*"(WYZEC1(?:-JZ)?|WYZECP1_JEF|WYZE_CAKP2JFUS|WYZEDB3|HL_[A-Z0-9]{2,8})"
  set      manufacturer=Hualai brand=Wyze model=$1
  weight   0.8
  source   jfarmer08/homebridge-wyze-smart-home issues #84 (WYZEC1-JZ, HL_PAN3, WYZEDB3, WYZE_CAKP2JFUS) and #141 (HL_WCO2); SecKatie/ha-wyzeapi #765 (HL_PAN4); brands.tsv Wyze -> Hualai (HL_ product codes, com.hualai app)
  example  "{\"product_model\":\"WYZE_CAKP2JFUS\",\"product_type\":\"Camera\"}" => manufacturer=Hualai model=WYZE_CAKP2JFUS
  example  "\"product_model\": \"HL_PAN3\"" => model=HL_PAN3
  example! "{\"product_model\":\"GW_BE1\"}"
  example! "{\"product_model\":\"WYZEC1X\"}"

# TP-Link Tapo cameras: the device type the Tapo cloud and the device's
# own API report (pytapo getDeviceInfo basic_info, python-kasa fixtures).
rule tapo-device-type-ipcamera
  on       http.body vendor-api.malformed banner
  match    ["'](?:device_type|deviceType)["']\s*:\s*["']SMART\.IPCAMERA["']
  set      manufacturer=TP-Link class=camera
  tier     role
  weight   0.85
  source   JurajNyiri/HomeAssistant-Tapo-Control issue #861 (C200 basic_info: device_type SMART.IPCAMERA, device_model C200); python-kasa/python-kasa pull request #1760 (C200 fixture, SMART.IPCAMERA)
  example  "{'basic_info': {'device_type': 'SMART.IPCAMERA'}}"
  example  "{\"basic_info\": {\"device_type\": \"SMART.IPCAMERA\", \"device_info\": \"C200 5.0 IPC\", \"device_model\": \"C200\"}}" => manufacturer=TP-Link class=camera
  example  "{\"deviceType\":\"SMART.IPCAMERA\",\"deviceModel\":\"C310\"}" => class=camera
  example! "{\"device_type\": \"SMART.TAPOPLUG\"}"
  example! "{\"device_type\": \"SMART.IPCAMERAS\"}"

# Xiaomi-ecosystem MiIO model ids of other camera makers (the chuangmi,
# isa and xiaomi/mijia families are in consumer-api.fp).
rule miio-camera-mxiang
  on       http.body http.title banner mdns.instance mdns.hostname mdns.txt upnp.model upnp.friendly-name dhcp.hostname
  match    (?<![A-Za-z0-9])mxiang[.-]camera[.-]([a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Mxiang brand=Xiaomi model=mxiang.camera.$1 class=camera
  tier     model
  weight   0.75
  source   XiaoMi/xiaomi-miloco issue #236 (mxiang.camera.c500ch, Xiaomi Smart Camera C500 dual-lens, maker 摩象网络) and #176 (mxiang.camera.mwc11)
  example  "{\"model\":\"mxiang.camera.mwc11\"}" => manufacturer=Mxiang class=camera model=mxiang.camera.mwc11
  example! "mxiang.light.v1"
  example! "xmxiang.camera.c500ch"

rule miio-camera-lumi
  on       http.body http.title banner mdns.instance mdns.hostname mdns.txt upnp.model upnp.friendly-name dhcp.hostname
  match    (?<![A-Za-z0-9])lumi[.-]camera[.-]([a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Lumi model=lumi.camera.$1 class=camera
  tier     model
  weight   0.75
  source   merdok/homebridge-miot issue #482 (lumi.camera.aq1, Mi Camera Hub: camera-control and p2p-stream services)
  example  "{\"model\":\"lumi.camera.aq1\"}" => manufacturer=Lumi class=camera model=lumi.camera.aq1
  example! "lumi.gateway.v3"
