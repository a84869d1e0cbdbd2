# Class evidence in replies that named a maker but no class (issue #11,
# third round): the model a TP-Link Tapo answer gives in tplink.model,
# Axis VAPIX parameter listings of the image and PTZ groups, Vivotek
# getparam.cgi system_info answers, AVTECH get_capability Product.Type,
# 2N intercom HTTP API /api/system/info, and H3C Comware sysDescr (H3C
# is its own maker, not HP).  Class comes from device-type fields and
# model families, never from the maker.  Format: docs/fingerprints.md.

# ---- TP-Link Tapo: device_model as tplink.model ----

rule tplink-model-hub-recorder
  on       tplink.model
  match    ^\s*(H200|H500)(?:\([A-Z]{2}\))?\s*$
  set      class=nvr manufacturer=TP-Link@0.6
  tier     model
  weight   0.8
  source   Tapo H200 datasheet (hub recording its Tapo cameras to microSD); Tapo H500 HomeBase (local storage for up to 16 Tapo cameras); python-kasa tests/fixtures/smartcam (H200, H500 under SMART.TAPOHUB)
  example  "H200" => class=nvr manufacturer=TP-Link
  example  "H500(EU)" => class=nvr
  example! "H100"
  example! "H2000"

rule tplink-model-camera
  on       tplink.model
  match    ^\s*(?:C[1-7][0-9]{2}[A-Z]{0,2}|TC[0-9]{2}[A-Z]{0,2}|D[1-4][0-9]{2}[A-Z]{0,2})(?:\([A-Z]{2}\))?\s*$
  set      class=camera
  tier     model
  weight   0.8
  source   python-kasa/python-kasa tests/fixtures/smartcam (device_model C100, C210, C225, C520WS, TC70 cameras; D130, D230 video doorbells under SMART.TAPODOORBELL); TP-Link Tapo C-series camera datasheets
  example  "C210" => class=camera
  example  "TC70" => class=camera
  example  "C520WS(EU)" => class=camera
  example  "D230" => class=camera
  example! "H200"
  example! "P110"

rule tplink-model-sensor-hub
  on       tplink.model
  match    ^\s*H100(?:\([A-Z]{2}\))?\s*$
  set      class=other surveillance=no
  tier     model
  weight   0.75
  source   TP-Link Tapo H100 datasheet (smart hub for Tapo sensors, switches and buttons; no camera connection, no video storage); python-kasa tests/fixtures/smart (H100 under SMART.TAPOHUB)
  example  "H100" => class=other
  example! "H200"

# ---- Axis VAPIX param.cgi listings: image sources and PTZ ----

# Every AXIS OS product answers param.cgi; only products with an image
# source list root.Image.I<n> (and root.Properties.Image.*), and PTZ
# groups belong to products that drive a PTZ head.  That is video
# equipment; the class is a camera unless a model family says otherwise
# (encoders and door stations have image sources too), so generic tier.
rule axis-vapix-image-groups
  on       http.body axis-param.malformed vendor-api.malformed
  match    (?:^|\n)root\.(?:Image\.I[0-9]{1,2}\.|Properties\.Image\.(?:Format|Resolution|Rotation)=|PTZ\.(?:Preset|Various|Limit|Support)\.|Properties\.PTZ\.PTZ=yes)
  set      class=camera surveillance=yes
  tier     generic
  weight   0.6
  source   Axis VAPIX Parameter management (developer.axis.com/vapix/network-video/parameter-management): root.Image.I<n> per video source, root.Properties.Image.Format / Resolution, root.PTZ groups on PTZ-capable products
  example  "root.Image.I0.Enabled=yes\nroot.Image.I0.Name=View Area 1\n" => class=camera
  example  "root.Properties.Image.Format=jpeg,mjpeg,h264\nroot.Properties.Image.Resolution=1920x1080\n" => class=camera
  example  "root.PTZ.Preset.P0.HomePosition=1\n"
  example! "root.Properties.System.Architecture=armv7hf\nroot.Network.Bonjour.Enabled=yes\n"
  example! "root.Properties.PTZ.PTZ=no\n"
  example! "root.Audio.A0.Enabled=yes\n"

# ---- Vivotek getparam.cgi system_info ----

rule vivotek-getparam-model
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_info_(?:extended)?modelname='?([A-Z]{2}[0-9]{4}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,2})'?\s*(?:\r?\n|$)
  set      manufacturer=Vivotek model=$1
  weight   0.85
  source   VIVOTEK URL Command Document for Network Cameras (/cgi-bin/viewer/getparam.cgi answers name='value' lines: system_info_modelname, system_info_extendedmodelname, system_info_firmwareversion, system_info_serialnumber)
  example  "system_info_modelname='IB9381-HT'\r\nsystem_info_extendedmodelname='IB9381-HT'\r\n" => manufacturer=Vivotek model=IB9381-HT
  example  "system_info_modelname='ND9541P'\n" => model=ND9541P
  example! "modelname='IB9381-HT'\n"
  example! "system_info_modelname='Camera 1'\n"

rule vivotek-getparam-firmware
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_info_firmwareversion='?([A-Z]{2}[0-9]{4}[A-Z0-9-]{0,12}-VVTK-[0-9]{1,2}\.?[0-9]{1,4}[a-z]?)'?
  set      manufacturer=Vivotek firmware=$1
  weight   0.8
  source   VIVOTEK URL Command Document for Network Cameras (getparam.cgi system_info_firmwareversion, '<model>-VVTK-<version>')
  example  "system_info_firmwareversion='IB9381-VVTK-0102a'\r\n" => firmware=IB9381-VVTK-0102a manufacturer=Vivotek
  example! "system_info_firmwareversion='1.0.2'\r\n"

rule vivotek-getparam-camera
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_info_(?:extended)?modelname='?(?:FD|IB|IP|FE|SD|MD|IZ|MS|CC|TB)[89][0-9]{3}
  set      class=camera
  tier     model
  weight   0.75
  source   VIVOTEK product catalogue: FD (fixed dome), IB (bullet), IP (box), FE (fisheye), SD (speed dome), MD (mobile), IZ, MS (multi-sensor), CC, TB camera families; getparam.cgi system_info_modelname (URL Command Document)
  example  "system_info_modelname='IB9381-HT'\n" => class=camera
  example  "system_info_modelname='FD9387-HTV'\n" => class=camera
  example! "system_info_modelname='ND9541P'\n"

rule vivotek-getparam-nvr
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_info_(?:extended)?modelname='?(?:ND9[0-9]{3}P?|NR[89][0-9]{3})
  set      class=nvr
  tier     model
  weight   0.75
  source   Vivotek NVR product pages (ND9541P, ND9326P network video recorders; NR8401 mobile NVR); getparam.cgi system_info_modelname
  example  "system_info_modelname='ND9541P'\n" => class=nvr
  example! "system_info_modelname='IB9381-HT'\n"

# ---- AVTECH Machine.cgi get_capability Product.Type ----

rule avtech-capability-nvr
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*Firmware\.Version=[0-9]{4}-[^\n]{0,40}\n(?:[^\n]{0,80}\n){0,4}?\s*Product\.Type=NVR\s*(?:\r?\n|$)
  set      class=nvr
  tier     role
  weight   0.8
  source   lexxai.blogspot.com/2018/12/avtech-dvr-hiden-commands.html (get_capability answers Product.Type, the device-type field: DVR on an AVTECH DVR; AVTECH CGI Command Set Specification 2.1); NVR is the same field on AVTECH's network recorders
  example  "0\nOK\nFirmware.Version=1011-1005-1008-1002\nMACAddress=00:0E:53:00:00:01\nProduct.Type=NVR\n" => class=nvr
  example! "0\nOK\nFirmware.Version=1133-1039-1013-1025-0a-0000\nProduct.Type=DVR\n"

# ---- 2N IP intercoms: HTTP API /api/system/info ----

rule 2n-api-system-info
  on       http.body vendor-api.malformed
  match    "variant"\s*:\s*"(2N[ ®]{1,3}(?:Helios\s+)?(?:IP|Indoor|Access|LTE|SIP)\b[^"]{0,40})"
  set      manufacturer=2N model=$1
  weight   0.85
  source   2N IP Intercoms HTTP API manual (api/system/info answers success and result: variant, serialNumber, hwVersion, swVersion, buildType, deviceName)
  example  "{\"success\":true,\"result\":{\"variant\":\"2N IP Verso\",\"serialNumber\":\"54-0880-2424\",\"swVersion\":\"2.30.0.43.2\"}}" => manufacturer=2N model="2N IP Verso"
  example! "{\"variant\":\"Standard\"}"

rule 2n-api-intercom
  on       http.body vendor-api.malformed
  match    "variant"\s*:\s*"2N[ ®]{1,3}(?:Helios\s+)?(?:IP\s+(?:Verso|Force|Solo|Style|Vario|Base|Uni|Safety|One)|Indoor\s+(?:Touch|Compact|View|Talk|Clip))(?:\b|(?=_))
  set      class=intercom
  tier     model
  weight   0.8
  source   2N IP Intercoms HTTP API manual (api/system/info variant); 2N product lines: IP Verso, Force, Solo, Style, Vario, Base, Uni, Safety, One door intercoms and Indoor Touch/Compact/View/Talk/Clip answering units (2n.com)
  example  "{\"result\":{\"variant\":\"2N IP Verso\"}}" => class=intercom
  example  "{\"result\":{\"variant\":\"2N Indoor Touch 2.0\"}}" => class=intercom
  example! "{\"result\":{\"variant\":\"2N Access Unit 2.0\"}}"

rule 2n-api-access-unit
  on       http.body vendor-api.malformed
  match    "variant"\s*:\s*"2N[ ®]{1,3}Access\s+Unit(?:\b|(?=_))
  set      class=access-control
  tier     model
  weight   0.8
  source   2N Access Unit HTTP API (same api/system/info as the intercoms); 2N Access Unit / Access Unit 2.0 / Access Unit M card and keypad readers (2n.com access control)
  example  "{\"result\":{\"variant\":\"2N Access Unit 2.0\"}}" => class=access-control
  example! "{\"result\":{\"variant\":\"2N IP Force\"}}"

# ---- H3C Comware sysDescr ----

rule h3c-comware-sysdescr
  on       snmp.sysdescr
  match    \bH3C Comware (?:Platform )?Software\b|\bNew H3C Technologies Co\.|\bHangzhou H3C Tech(?:nologies)?\.? Co\.
  set      manufacturer=H3C
  weight   0.85
  source   H3C Comware sysDescr as display version prints it (H3C S5130S-EI fundamentals configuration guide): "H3C Comware Platform Software ... New H3C Technologies Co., Ltd."; older units "Hangzhou H3C Tech. Co., Ltd."; H3C is not HP
  example  "H3C Comware Platform Software, Software Version 7.1.064, Release 1311P01\r\nH3C S5130S-28S-EI\r\nCopyright (c) 2004-2020 New H3C Technologies Co., Ltd. All rights reserved." => manufacturer=H3C
  example  "H3C Comware Software, Version 5.20.99, Release 1115\r\nCopyright (c) 2004-2016 Hangzhou H3C Tech. Co., Ltd." => manufacturer=H3C
  example! "HPE Comware Platform Software, Software Version 7.1.045, Release 2432P06\r\nHPE 5130 24G 4SFP+ EI Switch"

rule h3c-msr-router
  on       snmp.sysdescr
  match    (?<![A-Za-z0-9])H3C (MSR[0-9]{2,4}(?:-[0-9A-Z]{1,6}){0,3}|ER[0-9]{4}[A-Z]{0,2}[0-9]?)(?:\b|(?=_))
  set      manufacturer=H3C model=$1 class=router surveillance=no
  tier     model
  weight   0.75
  source   H3C MSR3600 / MSR2600 / MSR810 router series and ER-series SMB routers (h3c.com product pages); Comware sysDescr names the model on its second line
  example  "H3C Comware Platform Software, Software Version 7.1.064, Release 0821P16\r\nH3C MSR3620\r\nCopyright (c) 2004-2019 New H3C Technologies Co., Ltd." => class=router model=MSR3620
  example  "H3C ER3200G2" => class=router
  example! "H3C S5130S-28S-EI"

# ---- Hikvision EHome / ISUP registration (PPVSPMessage) ----

# A Hikvision device registering with a platform (EHome, later ISUP, TCP
# 7660 by default) sends an XML PPVSPMessage REGISTER request with its
# SerialNumber (DeviceSN: model + YYYYMMDD + serial, protocols.md §3),
# FirmwareVersion and the unit type; the platform answers a
# PPVSPMessage RESPONSE.  Wherever such a message lands (a capture's
# payload as banner, an HTTP body, an unread vendor reply), it names
# Hikvision, and the serial's model part gives the model.
rule hik-ppvsp-register
  on       banner http.body hik.isapi vendor-api.malformed isapi.malformed
  match    <PPVSPMessage>(?:(?!</PPVSPMessage>).){0,400}?<Command>\s*REGISTER\s*</Command>
  flags    s
  set      manufacturer=Hikvision
  weight   0.85
  source   Hikvision EHome/ISUP REGISTER request: PPVSPMessage with CommandType REQUEST, Command REGISTER, Params SerialNumber, NetUnitType PU, DeviceID, FirmwareVersion, LocalPort 7660 (public eHome client demo, eHomeClient MainWindow.xaml.cs)
  example  "<PPVSPMessage><Version>4.0</Version><Sequence>1</Sequence><CommandType>REQUEST</CommandType><Method>REGISTER</Method><Command>REGISTER</Command><Params><NetUnitType>PU</NetUnitType></Params></PPVSPMessage>" => manufacturer=Hikvision
  example  "<PPVSPMessage>\n<Version>2.5</Version>\n<Sequence>7</Sequence>\n<CommandType>RESPONSE</CommandType>\n<Command>REGISTER</Command>\n<Params>"
  example! "<PPVSPMessage><Command>CLEARACSPARAM</Command></PPVSPMessage>"
  example! "<Message><Command>REGISTER</Command></Message>"

rule hik-ppvsp-serial-model
  on       banner http.body hik.isapi vendor-api.malformed isapi.malformed
  match    <PPVSPMessage>(?:(?!</PPVSPMessage>).){0,400}?<SerialNumber>\s*(i?DS-[0-9A-Z][0-9A-Z()/-]{2,30}?)(?:19|20)[0-9]{6}[A-Z]{2}[A-Z]{2,4}[0-9]{6,12}\s*</SerialNumber>
  flags    s
  set      manufacturer=Hikvision model=$1
  weight   0.85
  source   protocols.md §3 (Hikvision DeviceSN = model + YYYYMMDD + serial); EHome/ISUP REGISTER Params SerialNumber (eHomeClient demo)
  example  "<PPVSPMessage><Command>REGISTER</Command><Params><SerialNumber>DS-2CD2043G2-I20210101AAWRG12345678</SerialNumber>" => model=DS-2CD2043G2-I manufacturer=Hikvision
  example  "<PPVSPMessage><Params><SerialNumber>DS-7608NI-K220180519CCWR123456789</SerialNumber>" => model=DS-7608NI-K2
  example! "<PPVSPMessage><Params><SerialNumber>DS-AAAAA</SerialNumber>"

rule hik-ppvsp-firmware
  on       banner http.body hik.isapi vendor-api.malformed isapi.malformed
  match    <PPVSPMessage>(?:(?!</PPVSPMessage>).){0,600}?<FirmwareVersion>\s*([Vv][0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,3}(?: build [0-9]{6})?)\s*</FirmwareVersion>
  flags    s
  set      firmware=$1
  weight   0.8
  source   EHome/ISUP REGISTER Params FirmwareVersion "Vx.y.z buildYYMMDD" (eHomeClient demo); Hikvision firmware versions V5.7.3 build 220112 (ISAPI deviceInfo, protocols.md §4)
  example  "<PPVSPMessage><Params><FirmwareVersion>V5.7.3 build 220112</FirmwareVersion>" => firmware="V5.7.3 build 220112"
  example! "<PPVSPMessage><Params><FirmwareVersion>Vx.y.z buildYYMMDD</FirmwareVersion>"

# ---- Reolink api.cgi answers other than GetDevInfo ----

# Every Reolink api.cgi answer is a JSON array of {"cmd": <command>,
# "code": <n>, "value": {...}} or, on an error, "error": {"detail":
# <text>, "rspCode": <negative code>}: a refused Login still names the API.
rule reolink-api-envelope
  on       http.body reolink.malformed vendor-api.malformed
  match    ^\s*\[\s*\{\s*"cmd"\s*:\s*"[A-Za-z]{3,32}"\s*,\s*"code"\s*:\s*[0-9]{1,3}\s*,\s*"(?:error"\s*:\s*\{\s*"detail"\s*:\s*"[^"]{0,80}"\s*,\s*"rspCode"\s*:\s*-?[0-9]{1,4}|value"\s*:\s*\{\s*"(?:DevInfo|Ability|Token|Enc|Osd|Ai|Rec|Image)")
  set      manufacturer=Reolink
  weight   0.75
  source   Reolink Camera HTTP API user guide (api.cgi requests and answers are JSON arrays of cmd/code/value; errors carry error.detail and error.rspCode, e.g. Login "invalid user" rspCode -6), as quoted in ReolinkCameraAPI/reolinkapipy
  example  "[{\"cmd\":\"Login\",\"code\":1,\"error\":{\"detail\":\"invalid user\",\"rspCode\":-6}}]" => manufacturer=Reolink
  example  "[\n {\n  \"cmd\" : \"Login\",\n  \"code\" : 0,\n  \"value\" : {\n   \"Token\" : {\"leaseTime\":3600,\"name\":\"abc\"}}}]"
  example! "{\"cmd\":\"Login\",\"code\":1}"
  example! "[{\"cmd\":\"Login\",\"code\":1,\"error\":{\"detail\":\"x\"}}]"

rule reolink-devinfo-model-camera
  on       reolink.model
  match    ^\s*(?:Reolink\s+)?(?:RLC-[0-9]{3,4}|E1(?: Pro| Zoom| Outdoor)?|Argus(?: [0-9A-Za-z]{1,8}){0,2}|Duo(?: [0-9A-Za-z]{1,8}){0,2}|TrackMix(?: [A-Za-z]{1,8})?|Lumus(?: [A-Za-z]{1,8})?|Go(?: PT| Plus| Ranger)?|Video Doorbell(?: [A-Za-z]{1,8})?|CX[0-9]{3}[A-Z]?)(?![A-Za-z0-9])
  set      class=camera
  tier     model
  weight   0.75
  source   Reolink product pages: RLC PoE cameras, E1 / E1 Pro / E1 Zoom / E1 Outdoor, Argus battery cameras, Duo, TrackMix, Lumus, Go, Video Doorbell, CX410 ColorX; GetDevInfo model (Reolink HTTP API user guide)
  example  "E1 Zoom" => class=camera
  example  "RLC-410-5MP" => class=camera
  example  "Reolink Video Doorbell WiFi" => class=camera
  example! "RLN8-410"
  example! "Home Hub"

rule reolink-devinfo-model-recorder
  on       reolink.model
  match    ^\s*(?:Reolink\s+)?(?:RL[NK][0-9]{1,2}-[0-9]{3,4}|Home Hub(?: Pro)?)(?![A-Za-z0-9])
  set      class=nvr
  tier     model
  weight   0.75
  source   Reolink product pages: RLN8-410 / RLN16-410 NVRs, RLK kits, Reolink Home Hub and Home Hub Pro (local recording of Reolink cameras); GetDevInfo model
  example  "RLN16-410" => class=nvr
  example  "Reolink Home Hub" => class=nvr
  example! "E1 Zoom"

# ---- Network gear sysDescr: makers the class rules left unnamed ----

rule zyxel-usg-firewall
  on       snmp.sysdescr http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(?:Zyxel\s+|ZyXEL\s+)?(USG\s?FLEX\s?[0-9]{2,3}[A-Z]{0,2}|ATP[0-9]{3,4}|USG[0-9]{2,4}[A-Z]{0,2}(?:-VPN)?|ZyWALL\s?[0-9A-Z]{2,8})(?:\b|(?=_))
  set      manufacturer=Zyxel model=$1 class=router surveillance=no
  tier     model
  weight   0.75
  source   Zyxel firewall series: USG FLEX 100/200/500/700, ATP100-ATP800, USG20-VPN/USG60W, ZyWALL (Zyxel product pages and USG FLEX user's guide); sysDescr is the model name; Ubiquiti's USG is written USG or USG-Pro-4, never with FLEX, ATP or digits
  example  "USG FLEX 100" => manufacturer=Zyxel class=router model="USG FLEX 100"
  example  "ATP200" => class=router
  example  "USG60W" => class=router
  example! "USG-Pro-4"
  example! "USG"

rule ubiquiti-edgeswitch-sysdescr
  on       snmp.sysdescr
  match    ^\s*EdgeSwitch\s+[0-9]{1,2}-Port(?:\b|(?=_))
  set      manufacturer=Ubiquiti class=switch surveillance=no
  tier     model
  weight   0.75
  source   Ubiquiti EdgeMAX EdgeSwitch: sysDescr "EdgeSwitch 24-Port 250W, 1.9.0..., Linux 3.6.5" (EdgeSwitch CLI command reference, SNMP system group)
  example  "EdgeSwitch 24-Port 250W, 1.9.0.5168504, Linux 3.6.5-f4a26ed5" => manufacturer=Ubiquiti class=switch
  example! "EdgeSwitch"

rule ubiquiti-edgeos-sysdescr
  on       snmp.sysdescr
  match    ^\s*EdgeOS\s+v[0-9]
  set      manufacturer=Ubiquiti class=router surveillance=no
  tier     model
  weight   0.75
  source   Ubiquiti EdgeMAX EdgeRouter: EdgeOS sysDescr "EdgeOS v2.0.9..." (EdgeOS user guide, SNMP); EdgeOS runs on EdgeRouters only
  example  "EdgeOS v2.0.9-hotfix.2.5402463.210511.1317" => manufacturer=Ubiquiti class=router
  example! "EdgeOS"

rule hpe-aruba-procurve-sysdescr
  on       snmp.sysdescr
  match    ^\s*(?:ProCurve\s+J[0-9]{4}[A-Z]\b|Aruba\s+J[LK]?[0-9]{3,4}[A-Z]\s+[0-9]{4}[A-Z]?\b|HP\s+J[0-9]{4}[A-Z]\s+[0-9A-Za-z-]{2,20}\s+Switch(?:\b|(?=_)))
  set      manufacturer=HP class=switch surveillance=no
  tier     model
  weight   0.75
  source   HPE Aruba/ProCurve switch sysDescr "Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10..." and "ProCurve J9280A Switch 2510G-48, revision Y.11.16" (ArubaOS-Switch management and configuration guide, show system); J-numbers are HPE product numbers
  example  "Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10.0009" => manufacturer=HP class=switch
  example  "ProCurve J9280A Switch 2510G-48, revision Y.11.16" => class=switch
  example! "Aruba Instant On"

rule cisco-small-business-switch
  on       snmp.sysdescr http.title
  match    ^\s*(?:Cisco\s+)?((?:SG|SF|CBS)[0-9]{3}[A-Z]{0,2}(?:-[0-9A-Z]{1,4}){1,2})\s+[0-9]{1,2}-Port\b[^\r\n]{0,60}?\bSwitch(?:\b|(?=_))
  set      manufacturer=Cisco model=$1 class=switch surveillance=no
  tier     model
  weight   0.75
  source   Cisco Small Business / Business switches SG350, SG550X, CBS350: sysDescr "SG350-28P 28-Port Gigabit PoE Managed Switch" (Cisco 350 series administration guide, system summary description)
  example  "SG350-28P 28-Port Gigabit PoE Managed Switch" => manufacturer=Cisco class=switch model=SG350-28P
  example  "CBS350-24P-4G 24-Port Gigabit PoE Managed Switch" => class=switch
  example! "SG350-28P"

rule zte-zxr10-switch
  on       snmp.sysdescr
  match    (?<![A-Za-z0-9])(ZXR10\s+(?:29|39|59|89)[0-9]{2}[A-Z]{0,3})(?:\b|(?=_))
  set      manufacturer=ZTE model=$1 class=switch surveillance=no
  tier     model
  weight   0.7
  source   ZTE ZXR10 2900E/3900E/5900E/8900E series Ethernet switches (ZTE product pages, ZXR10 2900E configuration guide: sysDescr "ZXR10 ROS Version V4.8.23 ZXR10 2928E Software")
  example  "ZXR10 ROS Version V4.8.23 ZXR10 2928E Software" => manufacturer=ZTE class=switch model="ZXR10 2928E"
  example! "ZXR10 M6000-8S Plus"

rule kyocera-printing-system
  on       snmp.sysdescr
  match    ^\s*KYOCERA (?:Document Solutions|Mita) Printing System(?:\b|(?=_))
  flags    i
  set      manufacturer=Kyocera class=printer surveillance=no
  tier     model
  weight   0.75
  source   Kyocera ECOSYS/TASKalfa SNMP system group: sysDescr "KYOCERA Document Solutions Printing System" (older units "KYOCERA MITA Printing System"), Kyocera Command Center RX / KM-MIB notes
  example  "KYOCERA Document Solutions Printing System" => manufacturer=Kyocera class=printer
  example  "KYOCERA MITA Printing System" => class=printer
  example! "KYOCERA Document Solutions"

# ---- Hikvision ISAPI event notifications of video analytics ----

# The smart events and VCA events an alertStream or an HTTP listening
# host receives come from a device that analyses video (a camera, or a
# recorder for its channels): video equipment, class not told.
rule isapi-video-analytics-event
  on       hik.isapi http.body
  match    <eventType>\s*(?:regionEntrance|regionExiting|scenechangedetection|facedetection|defocus|unattendedBaggage|attendedBaggage|loitering|group|rapidMove|parking|ANPR|faceSnap|PeopleCounting|audioexception)\s*</eventType>
  flags    i
  set      manufacturer=Hikvision@0.5 surveillance=yes
  weight   0.6
  source   Hikvision ISAPI EventNotificationAlert eventType of smart events (regionEntrance, regionExiting, loitering, group, rapidMove, parking, attendedBaggage), VCA events (scenechangedetection, facedetection, defocus), ANPR, faceSnap
  example  "<EventNotificationAlert version=\"2.0\"><channelID>1</channelID><eventType>regionEntrance</eventType><eventState>active</eventState>" => surveillance=yes
  example  "<eventType>scenechangedetection</eventType>"
  example! "<eventType>IO</eventType>"
  example! "<eventType>AccessControllerEvent</eventType>"

# ---- Hikvision ISAPI deviceType values beyond IPCamera/NVR/DVR ----

# The DeviceInfo deviceType enumeration of Hikvision's ISAPI (IPCamera,
# IPDome, DVR, HybirdNVR [sic], NVR, DVS, IPZoom, CVR, Gateway,
# SecurityCP, ACS), as Hikvision's DeviceGateway ISAPI guide V1.8.0
# appendix A.1 lists it and Hikvision's device network SDK demos name
# the recorder kinds.
rule isapi-type-hybrid-nvr
  on       isapi.device-type hik.isapi
  match    (?:^\s*|<deviceType>\s*)(?:HybirdNVR|HybridNVR)\s*(?:$|</deviceType>)
  set      class=nvr
  tier     role
  weight   0.8
  source   Hikvision ISAPI DeviceInfo deviceType enumeration (DeviceGateway ISAPI guide V1.8.0 appendix A.1: HybirdNVR, hybrid network video recorder); device network SDK demo enum DeviceType (IPCamera, IPDome, DVR, HybirdNVR, NVR, DVS, IPZoom, CVR)
  example  "HybirdNVR" => class=nvr
  example  "200 <DeviceInfo><deviceType>HybirdNVR</deviceType></DeviceInfo>" => class=nvr
  example! "NVR"

rule isapi-type-encoder
  on       isapi.device-type hik.isapi
  match    (?:^\s*|<deviceType>\s*)DVS\s*(?:$|</deviceType>)
  set      class=encoder
  tier     role
  weight   0.8
  source   Hikvision ISAPI DeviceInfo deviceType DVS (digital video server: a video encoder; DeviceGateway ISAPI guide V1.8.0 appendix A.1); Hikvision DS-6700 series video encoders
  example  "DVS" => class=encoder
  example  "<deviceType>DVS</deviceType>" => class=encoder
  example! "DVR"

rule isapi-type-central-recorder
  on       isapi.device-type hik.isapi
  match    (?:^\s*|<deviceType>\s*)CVR\s*(?:$|</deviceType>)
  set      class=nvr
  tier     role
  weight   0.75
  source   Hikvision ISAPI DeviceInfo deviceType CVR (central video recorder, the recording server of a video system; DeviceGateway ISAPI guide V1.8.0 appendix A.1)
  example  "CVR" => class=nvr
  example! "DVR"

rule isapi-type-security-panel
  on       isapi.device-type hik.isapi
  match    (?:^\s*|<deviceType>\s*)SecurityCP\s*(?:$|</deviceType>)
  set      class=alarm-panel surveillance=no
  tier     role
  weight   0.8
  source   Hikvision ISAPI DeviceInfo deviceType SecurityCP (security control panel, an intrusion alarm panel; DeviceGateway ISAPI guide V1.8.0 appendix A.1)
  example  "SecurityCP" => class=alarm-panel
  example! "ACS"
