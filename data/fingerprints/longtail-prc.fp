# longtail-prc.fp: the PRC long tail of makers (issue #11 §6).  Each rule
# names a maker from evidence specific to it (a model-number family, a
# product-line string, a device-id scheme), never from the brand name
# alone; class is claimed only where the family shows it.  Written from
# the sources named in each rule (vendor model schemes as published in
# manuals, bug reports and spec sheets), not from other projects'
# fingerprint databases.  Format: docs/fingerprints.md.

rule vstarcam-model-c78
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(C7[0-9]{3}WIP)(?:\b|(?=_))
  set      manufacturer=Vstarcam model=$1 class=camera
  weight   0.7
  source   koshka.ddns.net/?p=182 (VSTARCAM C7815WIP and C7823WIP cameras); discovery-protocols.md §7
  example  "C7824WIP" => manufacturer=Vstarcam model=C7824WIP class=camera
  example  "VSTARCAM C7815WIP"
  example! "C7824"
  example! "DS-2CD7824WIP"
  example! "C7815WIPX"

rule wanscam-model-hw
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])((?:HW|JW)00[0-9]{2})(?:\b|(?=_))
  set      manufacturer=Wanscam model=$1 class=camera
  weight   0.65
  source   homebridge-plugins/homebridge-camera-ffmpeg issue #1461 (Wanscam HW0043; Wanscam quick-setup guide for HW models); cloud-and-nvr.md §1.9
  example  "HW0043" => manufacturer=Wanscam model=HW0043
  example  "JW0004"
  example! "HW43"
  example! "HW00432"
  example! "XHW0043"

rule sricam-model-sp
  on       onvif.model gb.model upnp.model upnp.model-number
  match    ^\s*(SP0[0-9]{2}(?:-A)?)\s*$
  set      manufacturer=Sricam model=$1 class=camera
  weight   0.6
  source   home-assistant/core issue #39818 (Sricam SP009); home-assistant.io issue #30309 (SP019); ispysoftware/iSpy issue #172 (SP012); CamioCam/rtsp issue #35 (SP009, SP009-A)
  example  "SP009" => manufacturer=Sricam model=SP009
  example  "SP009-A"
  example  "SP012"
  example! "SP0123"
  example! "ESP012"
  example! "SP109"

rule zmodo-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(Z[HMP]-[A-Z]{2,5}[0-9]{2,3}(?:-[A-Z0-9]{1,5})?)(?:\b|(?=_))
  set      manufacturer=Zmodo model=$1 class=camera@0.5
  weight   0.6
  source   field knowledge: Zmodo model scheme ZP-/ZH-/ZM- (e.g. ZP-IBH13-W, ZH-IXA15-WAC, ZP-NE14-S)
  example  "ZP-IBH13-W" => manufacturer=Zmodo model=ZP-IBH13-W
  example  "ZH-IXA15-WAC"
  example! "ZX-IBH13"
  example! "ZP-13"
  example! "AZP-IBH13"

rule tenda-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware sip.server
  match    (?<![A-Za-z0-9])Tenda\s+((?:CP|CT|CH|IT|IC|RH)[0-9]{1,2}(?:-[A-Z0-9]{2,6})?)(?:\b|(?=_))
  flags    i
  set      manufacturer=Tenda model=$1 class=camera
  weight   0.75
  source   field knowledge: Tenda camera lines CP/CT/CH/IT/IC (e.g. CP3, CT6, IT7-PCS); Tenda routers are AC/F/N/RX, which this rule leaves alone
  example  "Tenda CP3" => manufacturer=Tenda model=CP3 class=camera
  example  "Tenda IT7-PCS"
  example! "Tenda AC1200"
  example! "Tenda F3"
  example! "Tenda"

rule longse-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(BM[LMS][A-E][A-Z]{2,4}[0-9]{1,3}[A-Z]{1,3}(?:-X5)?)(?:\b|(?=_))
  set      manufacturer=Longse model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/longse (BMMDKL5RC, BMLCKL5AD, BMSCFCV2R, BMMBTL8RC-X5 ...)
  example  "BMMDKL5RC" => manufacturer=Longse model=BMMDKL5RC
  example  "BMMBTL8RC-X5"
  example  "BMSCFCV2R"
  example! "BMW320"
  example! "BMMD5"
  example! "XBMMDKL5RC"

rule escam-model-qf
  on       onvif.model gb.model upnp.model upnp.model-number
  match    ^\s*(QF[0-9]{3})\s*$
  set      manufacturer=Escam model=$1 class=camera
  weight   0.5
  source   field knowledge: ESCAM QF-series Wi-Fi cameras (QF001, QF002, QF300, QF600)
  example  "QF001" => manufacturer=Escam model=QF001
  example! "QF1"
  example! "QF0012"
  example! "AQF001"

rule chuangmi-miio-camera
  on       mdns.instance mdns.hostname mdns.txt upnp.model dhcp.vendor
  match    \b(chuangmi[.-]camera[.-][a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Chuangmi model=$1 class=camera
  weight   0.75
  source   field knowledge: Xiaomi MiIO model ids of Shanghai Chuangmi (Imilab) cameras, chuangmi.camera.ipc009/ipc019/ipc021 (as listed by python-miio's device classes)
  example  "chuangmi.camera.ipc019" => manufacturer=Chuangmi class=camera
  example  "chuangmi-camera-ipc009_miio123456789"
  example! "chuangmi.plug.m1"
  example! "camera.ipc019"

rule xiaoyi-miio-camera
  on       mdns.instance mdns.hostname mdns.txt upnp.model dhcp.vendor
  match    \b(yunyi[.-]camera[.-][a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Xiaoyi model=$1 class=camera
  weight   0.75
  source   field knowledge: MiIO model id yunyi.camera.* of Shanghai Xiaoyi (YI) cameras; cloud-and-nvr.md §1.9 (Yi/Kami)
  example  "yunyi.camera.v1" => manufacturer=Xiaoyi class=camera
  example! "yunyi.light.v1"
  example! "camera.v1"

rule xiaoyi-yi-hack-firmware
  on       http.title http.body banner onvif.firmware
  match    \byi-hack(?:-v[0-9]|-MStar|-Allwinner(?:-v2)?)?(?:\b|(?=_))
  flags    i
  set      manufacturer=Xiaoyi class=camera
  weight   0.6
  source   roleoroleo/yi-hack-MStar issues #88, #450 and shadow-1/yi-hack-v3 issue #80 (custom firmware that runs only on YI cameras; its web UI names itself)
  example  "yi-hack-MStar"
  example  "Welcome to yi-hack-v3"
  example! "yi-hacker news"
  example! "hack"

rule lumi-miio-camera
  on       mdns.instance mdns.hostname mdns.txt upnp.model dhcp.vendor
  match    \b(lumi[.-]camera[.-][a-z0-9]{3,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Lumi model=$1 class=camera
  weight   0.75
  source   field knowledge: MiIO model ids lumi.camera.* of Lumi United (Aqara) cameras, e.g. lumi.camera.gwagl02 (Aqara G2H)
  example  "lumi.camera.gwagl02" => manufacturer=Lumi class=camera
  example! "lumi.sensor_motion.aq2"
  example! "lumi.gateway.v3"

rule xiaomi-miio-camera
  on       mdns.instance mdns.hostname mdns.txt upnp.model dhcp.vendor
  match    \b((?:mijia|xiaomi)[.-]camera[.-][a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Xiaomi model=$1 class=camera
  weight   0.7
  source   field knowledge: MiIO model ids mijia.camera.* / xiaomi.camera.* of Xiaomi-branded cameras (Mi Home)
  example  "mijia.camera.v3" => manufacturer=Xiaomi class=camera
  example  "xiaomi-camera-c01a01_miio12345"
  example! "mijia.vacuum.v2"
  example! "mijia"

rule swann-baichuan-nvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(NVR-7(?:072|085|285|300|400))(?:\b|(?=_))
  set      manufacturer=Reolink brand=Swann model=$1 class=nvr
  weight   0.6
  source   cloud-and-nvr.md §1.13; thirtythreeforty/neolink issue #250 (Swann BC family NVR-7072/7085/7285/7300/7400 run Reolink Baichuan firmware, NVR-7400 'Reolink Firmware 190823')
  example  "NVR-7400" => manufacturer=Reolink brand=Swann model=NVR-7400 class=nvr
  example! "NVR-7500"
  example! "NVR-74"
  example! "DS-7400"

rule swann-baichuan-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(NHD-8(?:0[56]|1[015-9])(?:AF)?)(?:\b|(?=_))
  set      manufacturer=Reolink brand=Swann model=$1 class=camera
  weight   0.6
  source   cloud-and-nvr.md §1.13; thirtythreeforty/neolink issue #250 (Swann NHD-805/806/810/811/815/815AF/816-819 cameras on Reolink Baichuan firmware, Hardware Ver IPC_388M)
  example  "NHD-818" => manufacturer=Reolink brand=Swann model=NHD-818 class=camera
  example  "NHD-815AF"
  example! "NHD-820"
  example! "SWNHD-820CAM"
  example! "NHD-8"

rule swann-raysharp-dvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DVR(?:4|8|16)-(?:45|55)[0-9]{2}V?)(?:\b|(?=_))
  set      manufacturer=Raysharp brand=Swann model=$1 class=dvr
  weight   0.45
  source   jonathanrobichaud4/raysharp-dvr-api-docs-and-sdk (Swann modules in RsSDK_V1.1.17, issue #1 Swann box); homebridge-camera-ffmpeg issue #1334 (Swann DVR4-4580V); line-to-maker mapping medium-low
  example  "DVR4-4580V" => manufacturer=Raysharp brand=Swann model=DVR4-4580V class=dvr
  example  "DVR8-5580"
  example! "DVR4-4400"
  example! "DVR4-4580X1"
  example! "NVR4-4580"

rule akuvox-intercom-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])Akuvox[\s_-]+((?:R2[0-9]|E1[0-9]|S5[0-9]{2}|X9[0-9]{2}|C31[0-9]|IT8[0-9]|A0[0-9])[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer=Akuvox model=$1 class=intercom
  weight   0.8
  source   field knowledge: Akuvox SIP door phones and indoor monitors report 'Akuvox <model>' (R20A, R29C, E12W, S539, X915, C315) as SIP User-Agent and in the web UI
  example  "Akuvox R29C 29.30.2.214" => manufacturer=Akuvox model=R29C class=intercom
  example  "Akuvox E12W"
  example! "Akuvox"
  example! "Akuvox RX1"
  example! "Akuvox Cloud"

rule dnake-intercom-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    \bDNAKE[\s_-]+((?:S2[0-9]{2}|S6[0-9]{2}|S7[0-9]{2}|E2[0-9]{2}|E4[0-9]{2}|H6[0-9]{2}|C1[0-9]{2}|A4[0-9]{2}|280[A-Z]{1,3}|902[A-Z]{1,3})[A-Z0-9-]{0,8})
  flags    i
  set      manufacturer=DNAKE model=$1 class=intercom
  weight   0.8
  source   field knowledge: DNAKE SIP video intercom families (S615/S215 door stations, E216/E416 and H618 indoor monitors, 280SD/902C series) report 'DNAKE <model>' as SIP User-Agent
  example  "DNAKE S615" => manufacturer=DNAKE model=S615 class=intercom
  example  "DNAKE E216"
  example! "DNAKE"
  example! "DNAKE Cloud"
  example! "DNAKE S5"

rule zkteco-web-server
  on       http.server
  match    ^ZK Web Server(?:\b|(?=_))
  set      manufacturer=ZKTeco class=access-control
  weight   0.6
  source   field knowledge, not checked against a stored capture: ZKTeco access-control and time terminals (web firmware) answer with Server: ZK Web Server
  example  "ZK Web Server" => manufacturer=ZKTeco class=access-control
  example! "ZKWeb"
  example! "Web Server"
  example! "AZK Web Server"

rule huawei-holosens-ipc-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware
  match    ^\s*((?:M|D|X|C)[0-9]{4}-[0-9]{2}-[A-Z]{1,5}(?:-[A-Z0-9]{1,4})?)\s*$
  set      manufacturer=Huawei model=$1 class=camera
  weight   0.65
  source   Huawei SDC Technical White Paper V2.1, 2019-05 (M series and X series software-defined cameras); field knowledge: HoloSens IPC model scheme <series letter><4 digits>-<2 digits>-<suffix> (M2120-10-EI, X2221-10-FLI, D2150-10-SIU, C3220-10-I-P)
  example  "M2120-10-EI" => manufacturer=Huawei model=M2120-10-EI class=camera
  example  "X2221-10-FLI"
  example! "M2120"
  example! "AR2220-10"
  example! "S5720-28X-SI"

rule hytera-bodycam-model
  on       onvif.model gb.model upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(VM[5-7][0-9]{2}D?)(?:\b|(?=_))
  set      manufacturer=Hytera model=$1 class=camera
  weight   0.6
  source   field knowledge: Hytera body-worn cameras VM550D/VM580D/VM780 (Hytera radios are PD/PT/HP models, which this rule leaves alone)
  example  "VM780" => manufacturer=Hytera model=VM780 class=camera
  example  "VM580D"
  example! "PD785"
  example! "VM5800"
  example! "VMware"
