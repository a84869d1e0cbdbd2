# class-evidence3.fp: model-naming conventions read as class evidence in
# every key a model can appear in (issue #11, fourth round): Dahua series
# names (the updateSerial of getSystemInfo, the firmware image names),
# Imou consumer camera models, Dahua decoders with a DHI- prefix and
# four-digit NVD numbers, Hikvision serial numbers that start with the
# model, EZVIZ models without a suffix; and the firmware version schemes
# of Dahua and Xiongmai, which name the maker when the ONVIF manufacturer
# is a neutral word ("General", "IPC", "NVR").  Format: docs/fingerprints.md.

# ---- Dahua series names ----
# getSystemInfo's updateSerial names the series whose firmware the unit
# takes: NVR2X-4KS3 (rroller/dahua issue #9, a Dahua NVR's getSystemInfo),
# and the firmware images are named by series (DH_XVR5x04_..._V3.210...,
# DH_IPC-HX1X2X-Themis_..._V2.400..., CVE-2017-3223 record; exposure.md
# §2.2): a digit followed by X stands for the family.

rule dahua-series-nvr
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session dahua.update-serial
  match    (?<![A-Za-z0-9])(?:DHI?-)?NVR[0-9][Xx](?:-[A-Z0-9]{1,8}){1,3}(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 class=nvr
  tier     model
  weight   0.75
  source   rroller/dahua issue #9 (Dahua NVR getSystemInfo: updateSerial=NVR2X-4KS3, getMachineName name=NVR, getVendor vendor=Dahua); exposure.md §2.2 (Dahua firmware named by series)
  example  "NVR4X-4KS2" => class=nvr manufacturer=Dahua
  example  "200 deviceType=31\r\nupdateSerial=NVR5X-I\r\n" => class=nvr
  example! "NVR4104HS-4KS2"
  example! "NVR-X"

rule dahua-series-dvr
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session dahua.update-serial
  match    (?<![A-Za-z0-9])(?:DH_|DHI?-)?XVR[0-9][Xx][0-9X]{0,3}(?:-[A-Z0-9]{1,8}){0,3}(?![A-Za-z0-9])|(?<![A-Za-z0-9])(?:DH_|DHI?-)?HCVR[0-9][Xx][0-9X]{0,3}(?:-[A-Z0-9]{1,8}){0,3}(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 class=dvr
  tier     model
  weight   0.75
  source   exposure.md §2.2 (Dahua firmware image DH_XVR5x04_EngSpnFrn_NP_V3.210.0001.8.R.20170307, CVE-2017-3223 record: XVR recorders named by series); rroller/dahua issue #9 (updateSerial names the series)
  example  "XVR5X04" => class=dvr manufacturer=Dahua
  example  "XVR1X-I" => class=dvr
  example! "XVR5104HS-I3X"
  example! "HCVR"

rule dahua-series-camera
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session dahua.update-serial
  match    (?<![A-Za-z0-9])(?:DH_|DHI?-)?IPC-[A-Z]{1,4}[0-9][Xx][0-9X]{0,4}(?:-[A-Za-z0-9]{1,12}){0,2}(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 class=camera
  tier     model
  weight   0.7
  source   exposure.md §2.2 (Dahua camera firmware named by series: DH_IPC-HX1X2X-Themis, FLIR_IPC-HX1X2X-Themis-VMS; CVE-2017-3223 record)
  example  "IPC-HX1X2X-Themis" => class=camera manufacturer=Dahua
  example  "IPC-HDW4X3X" => class=camera
  example! "IPC-HDW4631C-A"
  example! "IPC-X"

# ---- Imou (Dahua's consumer brand) ----

rule imou-model-camera
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session dahua.update-serial
  match    (?<![A-Za-z0-9])(?:DH-)?IPC-((?:A|C|K|F|G|S|GK|GS|KW)[0-9]{1,2}[0-9A-Z]{0,5}(?:-[A-Za-z0-9]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.55 model=IPC-$1@0.5 class=camera
  tier     model
  weight   0.7
  source   rroller/dahua issue #6 ("Support for iMou Ranger 2 (DAHUA based)", DHIP replies of an Imou IPC-A22); Imou product pages (Ranger 2 IPC-A22EP, Cue 2 IPC-C22EP, Cube IPC-K22, Bullet Lite IPC-F22, Cruiser IPC-S42FP)
  example  "IPC-A22EP" => class=camera manufacturer=Dahua model=IPC-A22EP
  example  "{\"DeviceType\":\"IPC-K22A\",\"Vendor\":\"Imou\"}" => class=camera
  example  "IPC-S42FP-D" => class=camera
  example! "IPC-B140H"
  example! "IPC-T240H"
  example! "IPC-HDW1230S"

# ---- Dahua decoders: NVD with any four digits, with or without DHI- ----

rule dahua-model-decoder-nvd
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?NVD([0-9]{4}[A-Z]{0,3}(?:-[A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=NVD$1@0.5 class=decoder
  tier     model
  weight   0.75
  source   Dahua network video decoder datasheets: DHI-NVD0405DH-4I-4K, DHI-NVD1205DH-4I-4K, NVD0905DH-4I-4K (NVD = network video decoder)
  example  "DHI-NVD1205DH-4I-4K" => class=decoder model=NVD1205DH-4I-4K
  example  "NVD0905DH-4I-4K" => class=decoder
  example! "NVD-1205"
  example! "NVR1205DH"

# ---- Hikvision serial numbers that start with the model ----
# protocols.md §3: DeviceSN = model + YYYYMMDD + serial
# (DS-2CD2385G1-I20200414AAWRE33842150); recorders put their channel count
# between model and date (DS-7608NI-I2/8P0820210719CCRR...,
# maciej-or/hikvision_next issue #58).  The model is the part before the
# date; the family rules read the class from the same text.

rule hikvision-serial-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?)DS-([0-9][0-9A-Z]{1,8}(?:-[A-Z0-9()/]{1,10}?){0,3}?)(?:[0-9]{2})?(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:[0-2][0-9]|3[01])[A-Z]{2,6}[0-9]{6,12}(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1DS-$2
  weight   0.85
  source   protocols.md §3 (Hikvision DeviceSN = model + YYYYMMDD + serial, DS-2CD2385G1-I20200414AAWRE33842150); maciej-or/hikvision_next issue #58 (NVR serialNumber DS-7608NI-I2/8P0820210719CCR...)
  example  "DS-2CD2042WD-I20160101AAWR123456789" => model=DS-2CD2042WD-I manufacturer=Hikvision
  example  "DS-7608NI-I2/8P0820210719CCRRG12345678" => model=DS-7608NI-I2/8P
  example  "<serialNumber>DS-7204HQHI-K10420190101CCWRC12345678</serialNumber>" => model=DS-7204HQHI-K1
  example! "DS-2CD2042WD-I"
  example! "DS-2CD2042WD-I2016"

# ---- EZVIZ models without a dash suffix ----

rule ezviz-model-short
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])CS-((?:C[0-9]|CV|H[0-9]|DB|BC|EB|LC|HB|CP|TY)[0-9]?[A-Za-z0-9]{0,5})(?![A-Za-z0-9-])
  set      model=CS-$1 brand=EZVIZ manufacturer=Hikvision@0.6 class=camera
  tier     model
  weight   0.7
  source   protocols.md §3 (EZVIZ, Hikvision's consumer brand, answers SADP with CS- models, CS-C6TC-32WFR); EZVIZ product pages (C3TN CS-C3TN, H8c CS-H8c, C6N CS-C6N cameras)
  example  "CS-C3TN" => model=CS-C3TN brand=EZVIZ class=camera
  example  "EZVIZ CS-H8c" => model=CS-H8c
  example! "CS-C6N-A0-1C2WFR"
  example! "CS-GO"

# ---- Firmware version schemes ----
# A version as the device reports it (DHIP Version, ONVIF FirmwareVersion,
# the web UI) names the maker.  A version with an image-name date glued on
# (.R.20200916) is left to the dated-relation check (docs/fingerprints.md
# §5 step 3b): OEM firmware of a brand whose Dahua relation ended is dated
# by that suffix.

rule dahua-firmware-scheme
  on       onvif.firmware dhip.firmware dahua.firmware upnp.model-number http.body banner sip.server
  match    (?<![0-9A-Za-z.])[Vv]?[1-5]\.[0-9]{3}\.[0-9A-Z]{4,7}\.[0-9]{1,3}\.R(?![A-Za-z0-9]|\.[0-9])
  set      manufacturer=Dahua
  weight   0.6
  source   exposure.md §2.2 (Dahua Version 2.800.0000000.13.R; V3.140.0000000.4.R and 3.140.0000000.10.R,build:2024-01-16, rroller/dahua issue #340; image names V2.400.0000.30.R); protocols.md §5
  example  "2.800.0000000.13.R" => manufacturer=Dahua
  example  "V3.140.0000000.4.R, Build Date: 2023-11-22" => manufacturer=Dahua
  example  "V2.800.00AC006.0.R" => manufacturer=Dahua
  example! "V5.5.800 build 210628"
  example! "1.2.3.4.R"
  example! "V4.001.0000000.1.R.20200916"

rule xiongmai-firmware-scheme
  on       onvif.firmware xm.firmware upnp.model-number http.body banner
  match    (?<![0-9A-Za-z.])V[45]\.[0-9]{2}\.R[0-9]{2}\.[0-9A-Z]{8}\.[0-9]{5}\.[0-9]{6}(?:\.[0-9]{5,7})?(?![0-9A-Za-z])
  set      manufacturer=Xiongmai
  weight   0.65
  source   exposure.md §2.8 (Xiongmai firmware V5.00.R02.000059A8.10010.040400.0020000, the fourth field the board profile, OpenIPC/coupler README); protocols.md §7 (SystemInfo SoftWareVersion V5.00.R02.000529B2.10010.040600.0020000)
  example  "V5.00.R02.000529B2.10010.040600.0020000" => manufacturer=Xiongmai
  example  "V4.02.R11.34500140.12001.131600.00000" => manufacturer=Xiongmai
  example! "V5.5.800 build 210628"
  example! "2.800.0000000.13.R"

# ---- ONVIF model words of white-label recorders ----

rule onvif-model-word-recorder
  on       onvif.model gb.model
  match    ^\s*(?:NVR|Network Video Recorder)(?:[ _-]?[0-9]{1,2}(?:CH|ch|Ch)?)?\s*$
  set      class=nvr surveillance=yes
  tier     role
  weight   0.7
  source   protocols.md §2 (GetDeviceInformation tds:Model); white-label recorders answer the bare word (exposure.md §2.8: Xiongmai boards report neutral ONVIF identities)
  example  "NVR" => class=nvr
  example  "NVR-8ch" => class=nvr
  example! "NVR4104HS-4KS2"

rule onvif-model-word-dvr
  on       onvif.model gb.model
  match    ^\s*(?:DVR|XVR|HVR|AHD ?DVR|Digital Video Recorder)(?:[ _-]?[0-9]{1,2}(?:CH|ch|Ch)?)?\s*$
  set      class=dvr surveillance=yes
  tier     role
  weight   0.7
  source   protocols.md §2 (GetDeviceInformation tds:Model); white-label DVRs answer the bare word (exposure.md §2.8: Xiongmai boards report neutral ONVIF identities)
  example  "DVR" => class=dvr
  example  "XVR 16CH" => class=dvr
  example! "DVR5104H"

# ---- Dahua models as its international OEMs badge them ----
# EmpireTech and Loryta sell Dahua cameras under shortened models: the
# Dahua IPC-HDW5442TM-AS is the Loryta IPC-T5442TM-AS (policy.md §2.1,
# scottlamb/moonfire-nvr wiki Cameras:-Loryta).  Four digits after IPC-T
# (and the IR turret IPC-T54IR) are Dahua's numbering; HiLook-style
# IPC-T240H has three.

rule dahua-oem-turret-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DH-)?IPC-T((?:[0-9]{4}[A-Z]{0,3}|[0-9]{2}IR)(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=IPC-T$1@0.5 class=camera
  tier     model
  weight   0.7
  source   policy.md §2.1 (moonfire-nvr wiki Cameras:-Loryta: Loryta IPC-T5442TM-AS is a Dahua IPC-HDW5442TM-AS; EmpireTech and Loryta are Dahua white-label, aiodahua)
  example  "IPC-T5442TM-AS" => manufacturer=Dahua class=camera model=IPC-T5442TM-AS
  example  "IPC-T54IR-ZE" => class=camera
  example! "IPC-T240H"
  example! "IPC-T"
