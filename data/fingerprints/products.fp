# products.fp: what a device IS, for the products of camera makers and of
# multi-product makers that are not cameras (issue #11).  A maker's name
# alone never says what a device is; these rules give class evidence from
# model families and product-line strings (tier model), so a Hikvision
# switch, a Dahua door station or a Huawei router comes out as what it is.
# Recorder families that were misread as cameras are here too.
# Format: docs/fingerprints.md.

# --- Hikvision ------------------------------------------------------------

rule hikvision-model-switch
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DS-3E[0-9]{4}[A-Z0-9]{0,4}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=switch
  tier     model
  weight   0.8
  source   Hikvision network switch datasheets (DS-3E0105P-E/M, DS-3E0510P-E, DS-3E1318P-EI: "PoE switch"); Hikvision model scheme DS-3E = switches
  example  "DS-3E0510P-E" => class=switch model=DS-3E0510P-E manufacturer=Hikvision
  example  "<model>DS-3E1318P-EI</model>" => model=DS-3E1318P-EI
  example! "DS-2CD2385G1-I"
  example! "DS-3E"

rule hikvision-model-access-terminal
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DS-K(?:1T|1A|1F|2[0-9]|1M)[0-9A-Z]{2,8}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=access-control
  tier     model
  weight   0.8
  source   Hikvision access control datasheets (DS-K1T341AMF, DS-K1T671M face recognition terminals; DS-K1A802 time attendance; DS-K2604 access controller)
  example  "DS-K1T341AMF" => class=access-control model=DS-K1T341AMF
  example  "DS-K2604T" => class=access-control
  example! "DS-KH6320-WTE1"
  example! "DS-2CD2385G1-I"

rule hikvision-model-intercom
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DS-K(?:H|V|D|IS|B)[0-9]{1,4}[0-9A-Z]{0,6}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=intercom
  tier     model
  weight   0.8
  source   Hikvision video intercom datasheets (DS-KH6320-WTE1 indoor station, DS-KV6113-WPE1 villa door station, DS-KD8003-IME1 modular door station, DS-KIS602 kit, DS-KB6003 doorbell)
  example  "DS-KH6320-WTE1" => class=intercom model=DS-KH6320-WTE1
  example  "DS-KV6113-WPE1(C)" => class=intercom
  example  "DS-KD8003-IME1" => class=intercom
  example! "DS-K1T341AMF"
  example! "DS-KH"

rule hikvision-model-alarm
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DS-P(?:WA|HA|EA|WH)[0-9]{2,3}[0-9A-Z]{0,4}(?:-[A-Za-z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=alarm-panel
  tier     model
  weight   0.8
  source   Hikvision AX PRO user manual (DS-PWA64-Kit1-WE, DS-PWA96-M2H-WE control panels; manualsnet.com, scribd 712130412); AX HYBRID PRO user manual (DS-PHA64-LP, manualsfile.com k42zrheg19x); cloud-and-nvr.md (AX PRO)
  example  "DS-PWA96-M-WE" => class=alarm-panel model=DS-PWA96-M-WE
  example  "DS-PHA64-LP" => class=alarm-panel
  example  "DS-PWA64-Kit1-WE" => class=alarm-panel model=DS-PWA64-Kit1-WE
  example! "DS-PDTT15-EG2"
  example! "DS-2CD2385G1-I"

rule hikvision-model-storage
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DS-A[78][0-9]{3,5}[A-Z]{0,3}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=storage
  tier     model
  weight   0.75
  source   field knowledge: Hikvision storage product naming DS-A7xxxx / DS-A8xxxx (hybrid SAN and CVR storage systems, e.g. DS-A81016S); not verified against a datasheet
  example  "DS-A81016S" => class=storage model=DS-A81016S
  example  "DS-A71024R" => class=storage
  example! "DS-7608NI-K2"

rule hikvision-vms-software-title
  on       http.title
  match    ^\s*(?:iVMS-4[0-9]{3}|HikCentral(?: Professional| Access Control| FocSign| Lite)?)(?:\b|(?=_))
  set      manufacturer=Hikvision class=vms-software surveillance=no@0.3
  tier     model
  weight   0.75
  source   Hikvision software product names: iVMS-4200 client software, HikCentral Professional VMS (web client title); cloud-and-nvr.md (iVMS-4200)
  example  "HikCentral Professional" => class=vms-software manufacturer=Hikvision
  example  "iVMS-4200 Web" => class=vms-software
  example! "Download iVMS-4200"

# --- Dahua ------------------------------------------------------------------

rule dahua-model-intercom
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?((?:VTO|VTH|VTS|VTA|VTM)[0-9]{3,5}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=intercom
  tier     model
  weight   0.8
  source   exposure.md §1.3, §1.4 (Dahua intercoms VTO75X95X, VTO65XXX door stations, VTH542XH indoor monitors); Dahua video intercom datasheets (VTO2202F, VTH5221D)
  example  "VTO2202F-P" => class=intercom model=VTO2202F-P
  example  "DHI-VTH5221D" => class=intercom model=VTH5221D
  example! "IPC-HDW1431T1-S4"

rule dahua-dhip-class-intercom
  on       dhip.class
  match    ^\s*(?:VTO|VTH|VTS|VTA)\s*$
  flags    i
  set      class=intercom
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); exposure.md §1.3 (VTO/VTH are intercoms)
  example  "VTO" => class=intercom
  example! "IPC"

rule dahua-dhip-class-dvr
  on       dhip.class
  match    ^\s*(?:HCVR|XVR|DVR|HDCVI)[A-Z0-9-]{0,10}\s*$
  flags    i
  set      class=dvr
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); exposure.md §1.4 (XVR4xxx/5xxx/7xxx recorders, tested as DVR)
  example  "XVR" => class=dvr
  example  "HCVR"
  example! "NVR"

rule dahua-model-access
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?((?:ASI|ASC|ASA|ASF)[0-9]{3,5}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=access-control
  tier     model
  weight   0.8
  source   Dahua access control datasheets (ASI7213Y standalone terminal, ASC1204B controller, ASA1222E attendance)
  example  "ASI7213Y-V3" => class=access-control model=ASI7213Y-V3
  example  "DHI-ASC1204B-S" => class=access-control
  example! "IPC-HFW2228M"

rule dahua-model-switch
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DH-)?(PFS[0-9]{4}-[0-9A-Z]{2,8}(?:-[0-9A-Z]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=switch
  tier     model
  weight   0.8
  source   Dahua network switch datasheets (PFS3010-8ET-96, PFS4218-16ET-190 PoE switches)
  example  "PFS3010-8ET-96" => class=switch model=PFS3010-8ET-96
  example! "PFS"

rule dahua-model-alarm
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?(ARC[0-9]{4}[A-Z]{0,3}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=alarm-panel
  tier     model
  weight   0.8
  source   Dahua Alarm Hub user's manual V2.0.2 for ARC3000H-W2 (Zhejiang Dahua Vision Technology; manualsfile.com k3n62jmvct0); ARC model prefix = Dahua alarm hubs/controllers
  example  "ARC3000H-W2" => class=alarm-panel model=ARC3000H-W2
  example! "ARC"

rule dahua-vms-software-title
  on       http.title
  match    ^\s*(?:SmartPSS(?: Lite)?|DSS (?:Pro|Express)|DSS Platform)(?:\b|(?=_))
  set      manufacturer=Dahua class=vms-software surveillance=no@0.3
  tier     model
  weight   0.75
  source   Dahua software product names: SmartPSS client, DSS Pro / DSS Express video management platforms
  example  "DSS Pro" => class=vms-software
  example  "SmartPSS Lite" => class=vms-software manufacturer=Dahua
  example! "Please use SmartPSS"

# --- Recorder families read as cameras by the maker rules ---------------------

rule sunell-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])SN-NVR[0-9]{3,4}
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: Sunell NVR models SN-NVR3808 (see sunell-model)
  example  "SN-NVR3808E1-J" => class=nvr
  example! "SN-IPR57/04ZDN"

rule tiandy-nvr-model-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])TC-(?:NR|R)[0-9]{4}
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: Tiandy NVR models TC-R3xxx / TC-NR (as tiandy-nvr-class, on the other model fields)
  example  "onvif://www.onvif.org/hardware/TC-R3110" => class=nvr
  example! "TC-C32XN"

rule idis-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])DR-[1-8][0-9]{3}P?[A-Z]{0,3}(?:\b|(?=_))
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: IDIS DirectIP recorders DR-1304P, DR-2516P, DR-6316P (see idis-model)
  example  "DR-2516P" => class=nvr
  example! "DC-D4236RX"

rule trendnet-nvr-class
  on       http.realm http.title upnp.model upnp.model-number onvif.model gb.model http.server
  match    (?<![A-Za-z0-9])TV-NVR[0-9]{3,4}
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: TRENDnet TV-NVR104/TV-NVR408 network video recorders (see trendnet-model)
  example  "TV-NVR408" => class=nvr
  example! "TV-IP314PI"

rule amcrest-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi
  match    \bNV[0-9]{4}
  set      class=nvr
  tier     model
  weight   0.8
  source   policy.md §2.1 (Amcrest NV1104 NVR on the Dahua-OEM line); field knowledge: AMDV = Amcrest DVRs (see amcrest-dvr-class)
  example  "NV4108E-HS" => class=nvr
  example! "IP2M-841B"
  example! "AMDV10814"

rule amcrest-dvr-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi
  match    \bAMDV[0-9]{4,5}
  set      class=dvr
  tier     model
  weight   0.8
  source   field knowledge: Amcrest AMDV series are DVRs (Amcrest model scheme, see amcrest-model)
  example  "AMDV10814-H5" => class=dvr
  example! "NV4108E-HS"

rule lorex-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi dhip.model
  match    \b(?:LNR[0-9]{3,5}|N8[0-9]{2}[A-Z0-9]{0,4}|N4K[0-9])
  set      class=nvr
  tier     model
  weight   0.8
  source   policy.md §2.1 (Lorex Dahua-era IP/NVR line); field knowledge: LNR6100, N841/N861 Lorex NVRs
  example  "LNR6100" => class=nvr
  example  "N861B6" => class=nvr
  example! "LNB4163"

rule lorex-dvr-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number dahua.cgi dhip.model
  match    \b(?:LHV|LHA|D8[0-9]{2})[0-9]{2,4}
  set      class=dvr
  tier     model
  weight   0.8
  source   field knowledge: Lorex LHV2008/LHA21081 and D861 HD (analogue) DVRs
  example  "LHV2008" => class=dvr
  example! "LNR6100"

rule swann-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])SW(?:NVR|NVK)-
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: Swann SWNVR NVRs and SWNVK NVR kits (see swann-model)
  example  "SWNVK-887804" => class=nvr
  example! "SWDVK-845804"

rule swann-dvr-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])SW(?:DVR|DVK)-
  set      class=dvr
  tier     model
  weight   0.8
  source   field knowledge: Swann SWDVR DVRs and SWDVK DVR kits (see swann-model)
  example  "SWDVK-845804" => class=dvr
  example! "SWNVK-887804"

rule hanwha-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number snmp.sysdescr
  match    (?<![A-Za-z0-9])(?:SRN|XRN|QRN|PRN|ARN|SNR)-[0-9]{3,5}
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: Hanwha Wisenet recorders XRN-1610, QRN-810, PRN-4011, ARN-410 (see hanwha-model, hanwha-sdp-nvr-model)
  example  "XRN-1610S" => class=nvr
  example! "XNV-6080R"

rule geovision-recorder-class
  on       onvif.model gb.model onvif.scopes wsd.scopes http.title upnp.model upnp.model-number http.body
  match    (?<![A-Za-z0-9])GV-(?:SNVR|UNVR|Hybrid|DVR)[0-9A-Z-]{0,16}
  set      class=nvr
  tier     model
  weight   0.8
  source   field knowledge: GeoVision GV-SNVR/GV-UNVR network video recorders (see geovision-model)
  example  "GV-SNVR0811" => class=nvr
  example! "GV-BX5700"

# --- TP-Link ---------------------------------------------------------------

rule tplink-vigi-tapo-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])((?:VIGI|Tapo) (?:C[0-9]{2,3}[A-Z]{0,2}|D[0-9]{3}[A-Z0-9]{0,3})(?:-[A-Z0-9]{1,6})?)(?![A-Za-z0-9])
  set      manufacturer=TP-Link@0.6 model=$1@0.6 class=camera
  tier     model
  weight   0.8
  source   TP-Link datasheets: VIGI C340 / C540V business cameras; Tapo C100, C200, C310, C500 home cameras; Tapo D230 video doorbell (a battery camera with recording, counted as a camera)
  example  "VIGI C340" => class=camera model="VIGI C340"
  example  "Tapo C200" => class=camera
  example  "Tapo D230S1" => class=camera
  example! "Tapo P100"
  example! "Tapo H100"

rule tplink-tapo-camera-hub
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(Tapo H200)(?![A-Za-z0-9])
  set      manufacturer=TP-Link@0.6 model=$1@0.6 class=nvr
  tier     model
  weight   0.75
  source   TP-Link Tapo H200 datasheet: smart hub that connects Tapo battery cameras and records their video to its local microSD storage (Tapo H100 is the sensor hub, not matched)
  example  "Tapo H200" => class=nvr model="Tapo H200"
  example! "Tapo H100"

rule tplink-vigi-nvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(VIGI NVR[0-9]{4}[A-Z]{0,2}(?:-[A-Z0-9]{1,6})?)(?![A-Za-z0-9])
  set      manufacturer=TP-Link@0.6 model=$1@0.6 class=nvr
  tier     model
  weight   0.8
  source   TP-Link VIGI NVR1004H-4P / NVR1008H network video recorder datasheets
  example  "VIGI NVR1008H" => class=nvr model="VIGI NVR1008H"
  example! "VIGI C340"

rule tplink-model-switch
  on       http.title http.server upnp.model upnp.model-number snmp.sysdescr http.realm
  match    (?<![A-Za-z0-9])((?:TL-S[GFX]|TL-SL)[0-9]{3,5}[A-Z]{0,4}(?:-[0-9A-Z]{1,6})?)\b|\b(?:JetStream|Omada)\b[^\r\n]{0,60}?\b(SG[0-9]{4}[A-Z]{0,3}(?:-[0-9A-Z]{1,6})?)(?:\b|(?=_))
  set      manufacturer=TP-Link@0.5 model=$1$2@0.5 class=switch surveillance=no@0.5
  tier     model
  weight   0.8
  source   TP-Link switch datasheets (TL-SG1016PE, TL-SG108E, SG3428 JetStream/Omada switches)
  example  "TL-SG1016PE" => class=switch
  example  "JetStream 28-Port Gigabit L2+ Managed Switch SG3428" => class=switch
  example! "Archer C6"

rule tplink-model-router
  on       http.title http.server upnp.model upnp.model-number snmp.sysdescr http.realm
  match    (?<![A-Za-z0-9])((?:Archer [A-Z]{1,2}[0-9]{1,4}[A-Z]?|Deco [A-Z]{1,2}[0-9]{1,3}|TL-(?:WR|MR|ER|R)[0-9]{3,4}[A-Z]{0,3}))\b|\b(?:TP-Link|Omada)\b[^\r\n]{0,40}?\b(ER[0-9]{3,4}(?:-[A-Z0-9]{1,6})?)(?:\b|(?=_))
  set      manufacturer=TP-Link@0.5 model=$1$2@0.5 class=router surveillance=no@0.5
  tier     model
  weight   0.8
  source   TP-Link router datasheets (Archer C6/AX55, Deco M5 mesh, TL-WR841N, ER605 Omada gateway)
  example  "Archer C6" => class=router model="Archer C6"
  example  "TL-WR841N" => class=router
  example  "Omada Gigabit VPN Router ER605" => class=router model=ER605
  example! "TL-SG1016PE"

# --- Huawei and ZTE network equipment --------------------------------------

rule huawei-vrp-router
  on       snmp.sysdescr http.title banner
  match    (?s)\bHuawei Versatile Routing Platform\b.{0,300}?\b((?:AR|NE|ME|CX)[0-9]{2,4}[A-Z]{0,3}(?:-[A-Z0-9]{1,8})?)\b|\bHuawei ((?:AR|NE)[0-9]{3,4}[A-Z]{0,3}) Router(?:\b|(?=_))
  set      manufacturer=Huawei@0.7 model=$1$2@0.5 class=router surveillance=no@0.6
  tier     model
  weight   0.85
  source   Huawei AR/NE router documentation: sysDescr "Huawei Versatile Routing Platform Software ... VRP (R) software, Version 5.170 (AR2200 V200R010...) ... Huawei AR2220E Router"
  example  "Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (AR2200 V200R010C10SPC500)\r\nCopyright (C) 2011-2019 HUAWEI TECH CO., LTD\r\nHuawei AR2220E Router" => class=router manufacturer=Huawei
  example! "Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (S5720 V200R011C10SPC600)"

rule huawei-vrp-switch
  on       snmp.sysdescr http.title banner
  match    (?s)\b(?:Huawei Versatile Routing Platform|Quidway)\b.{0,300}?\(((?:S|CE)[0-9]{4}[A-Z0-9-]{0,12}) V[0-9]{3}R|^\s*((?:S|CE)[0-9]{4}-[0-9A-Z-]{2,20})\s*\r?\nHuawei Versatile Routing Platform
  set      manufacturer=Huawei@0.7 model=$1$2@0.5 class=switch surveillance=no@0.6
  tier     model
  weight   0.85
  source   Huawei S-series / CloudEngine switch documentation: sysDescr "S5720-28X-SI-AC\r\nHuawei Versatile Routing Platform Software ... (S5720 V200R011C10SPC600)"
  example  "S5720-28X-SI-AC\r\nHuawei Versatile Routing Platform Software\r\n VRP (R) software,Version 5.170 (S5720 V200R011C10SPC600)" => class=switch manufacturer=Huawei
  example! "Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 5.170 (AR2200 V200R010C10SPC500)"

rule huawei-vrp-network
  on       snmp.sysdescr banner
  match    \bHuawei Versatile Routing Platform\b|\bVRP \(R\) software(?:\b|(?=_))
  set      manufacturer=Huawei surveillance=no
  weight   0.7
  source   Huawei VRP (Versatile Routing Platform) is the operating system of Huawei routers and switches (Huawei VRP documentation); no camera runs it
  example  "Huawei Versatile Routing Platform Software" => manufacturer=Huawei surveillance=no
  example! "HUAWEI IPC6325-WD-VR"

rule huawei-home-gateway
  on       http.title snmp.sysdescr upnp.model upnp.friendly-name
  match    (?<![A-Za-z0-9])(?:HUAWEI Home Gateway|EchoLife)\b|\b(HG8[0-9]{3}[A-Z0-9]{0,4}|EG8[0-9]{3}[A-Z0-9]{0,4}|HS8[0-9]{3}[A-Z0-9]{0,4})(?:\b|(?=_))
  set      manufacturer=Huawei@0.6 class=router surveillance=no@0.5
  tier     model
  weight   0.8
  source   Huawei EchoLife ONT/home gateway documentation (HG8245H, EG8145V5 optical network terminals with router function)
  example  "HUAWEI Home Gateway HG8245H" => class=router manufacturer=Huawei
  example! "HUAWEI IPC6325"

rule zte-network-os
  on       snmp.sysdescr http.title banner
  match    \bZXR10\b|\bZXA10(?:\b|(?=_))
  set      manufacturer=ZTE surveillance=no
  weight   0.75
  source   ZTE network operating platforms: ZXR10 (routers and switches) and ZXA10 (access OLTs), ZTE product documentation; no camera runs them
  example  "ZTE ZXR10 Software, Version: V4.8.23" => manufacturer=ZTE surveillance=no
  example! "ZTE Blade A5"

rule zte-home-gateway
  on       http.title snmp.sysdescr upnp.model upnp.friendly-name banner
  match    (?<![A-Za-z0-9])ZTE ZXHN\b|\bZXHN [A-Z][0-9]{3}[A-Z0-9]{0,3}\b|\bZXV10 [A-Z0-9]{2,8}(?:\b|(?=_))
  set      manufacturer=ZTE@0.6 class=router surveillance=no@0.5
  tier     model
  weight   0.8
  source   ZTE ZXHN home gateways (e.g. ZXHN H298A, ZXHN F670L ONT router) and ZXV10 gateways, ZTE product documentation
  example  "ZXHN H298A" => class=router manufacturer=ZTE
  example! "ZTE Blade A5"

# --- Hytera ---------------------------------------------------------------

rule hytera-radio
  on       http.title snmp.sysdescr upnp.model sip.server banner
  match    (?<![A-Za-z0-9])Hytera\b[^\r\n]{0,40}?\b((?:RD|PD|HP|MD|HM|BD|PT|MT|HR)[0-9]{3,4}[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer=Hytera@0.7 model=$1@0.5 class=radio surveillance=no@0.5
  tier     model
  weight   0.8
  source   Hytera DMR radios and repeaters (PD785 portable, MD785 mobile, RD985 repeater, HP785) product documentation; policy.md §1.4 (Hytera, telecommunications equipment)
  example  "Hytera RD985 Repeater" => class=radio model=RD985
  example! "Hytera VM780"

rule hytera-body-camera
  on       http.title snmp.sysdescr upnp.model mdns.instance
  match    (?<![A-Za-z0-9])Hytera\b[^\r\n]{0,40}?\b(VM[5-9][0-9]{2}[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer=Hytera@0.7 model=$1@0.5 class=camera
  tier     model
  weight   0.8
  source   Hytera body-worn cameras VM580D, VM750, VM780 (Hytera product documentation)
  example  "Hytera VM780" => class=camera model=VM780
  example! "Hytera RD985"

# --- Axis non-camera products --------------------------------------------

rule axis-basicdeviceinfo-door-station
  on       axis.basicdeviceinfo
  match    "ProdType"\s*:\s*"[^"]{0,40}(?:Door Station|Intercom)"
  set      class=intercom
  tier     role
  weight   0.85
  source   Axis VAPIX basicdeviceinfo ProdType of Axis network door stations (AXIS A8105-E, AXIS I8016-LVE "Network Video Door Station"/"Network Intercom")
  example  "{\"ProdType\":\"Network Video Door Station\"}" => class=intercom
  example! "{\"ProdType\":\"Network Camera\"}"

rule axis-basicdeviceinfo-door-controller
  on       axis.basicdeviceinfo
  match    "ProdType"\s*:\s*"[^"]{0,40}(?:Door Controller|Access Control|Reader)"
  set      class=access-control
  tier     role
  weight   0.85
  source   Axis VAPIX basicdeviceinfo ProdType of Axis access control (AXIS A1001/A1601 "Network Door Controller")
  example  "{\"ProdType\":\"Network Door Controller\"}" => class=access-control
  example! "{\"ProdType\":\"Network Camera\"}"

rule axis-basicdeviceinfo-audio
  on       axis.basicdeviceinfo
  match    "ProdType"\s*:\s*"[^"]{0,40}(?:Speaker|Audio|Horn|Paging|I/O Relay|Radar|Strobe|Siren)[^"]{0,20}"
  set      class=other surveillance=no@0.5
  tier     role
  weight   0.8
  source   Axis VAPIX basicdeviceinfo ProdType of Axis audio, I/O and radar products (AXIS C1004-E "Network Cabinet Speaker", C3003-E "Network Horn Speaker", A9188 "Network I/O Relay Module")
  example  "{\"ProdType\":\"Network Horn Speaker\"}" => class=other
  example! "{\"ProdType\":\"Network Camera\"}"

rule axis-product-name-audio-io
  on       http.title snmp.sysdescr upnp.model upnp.model-description mdns.instance banner
  match    \bAXIS ([CA][0-9]{4}(?:-[A-Z]{1,3})?) Network (?:Cabinet Speaker|Horn Speaker|Ceiling Speaker|Audio Bridge|I/O Relay Module)
  set      manufacturer=Axis model="AXIS $1"@0.6 class=other surveillance=no@0.5
  tier     model
  weight   0.8
  source   Axis product names (AXIS C1004-E Network Cabinet Speaker, AXIS C3003-E Network Horn Speaker, AXIS A9188 Network I/O Relay Module)
  example  "AXIS C1004-E Network Cabinet Speaker" => class=other model="AXIS C1004-E"
  example! "AXIS M3045-V Network Camera"

rule axis-product-name-door-controller
  on       http.title snmp.sysdescr upnp.model upnp.model-description mdns.instance banner
  match    \bAXIS (A1[0-9]{3}(?:-[A-Z]{1,3})?) Network Door Controller
  set      manufacturer=Axis model="AXIS $1"@0.6 class=access-control
  tier     model
  weight   0.8
  source   Axis product names (AXIS A1001 / A1601 Network Door Controller)
  example  "AXIS A1001 Network Door Controller" => class=access-control model="AXIS A1001"
  example! "AXIS M3045-V Network Camera"

rule axis-product-name-door-station
  on       http.title snmp.sysdescr upnp.model upnp.model-description mdns.instance banner
  match    \bAXIS ((?:A8[0-9]{3}|I8[0-9]{3})(?:-[A-Z]{1,4})?) Network (?:Video Door Station|Intercom)
  set      manufacturer=Axis model="AXIS $1"@0.6 class=intercom
  tier     model
  weight   0.8
  source   Axis product names (AXIS A8105-E Network Video Door Station, AXIS I8016-LVE Network Intercom)
  example  "AXIS A8105-E Network Video Door Station" => class=intercom model="AXIS A8105-E"
  example! "AXIS M3045-V Network Camera"

# --- ONVIF access control ----------------------------------------------------

rule onvif-profile-access-control
  on       onvif.scopes wsd.scopes
  match    ^(?!.*Profile/(?:Streaming|T\b|G\b|M\b|D\b))(?=.*onvif://www\.onvif\.org/Profile/[AC](?:\b|(?=_)))
  flags    s
  set      class=access-control surveillance=no@0.3
  tier     role
  weight   0.7
  source   ONVIF Profile A (access control configuration) and Profile C (door control) conformant devices announce Profile/A or Profile/C scopes; video devices announce Profile/Streaming (S), T, G or M (ONVIF profile scopes, protocols.md §1)
  example  "onvif://www.onvif.org/Profile/C onvif://www.onvif.org/Profile/A onvif://www.onvif.org/hardware/AC-100"
  example! "onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/Profile/C"

# --- D-Link, Ubiquiti network equipment ---------------------------------------

rule dlink-model-router
  on       http.title http.realm http.server upnp.model upnp.model-number snmp.sysdescr
  match    (?<![A-Za-z0-9])((?:DIR|DSR|DWR|COVR)-[0-9]{3,4}[A-Z0-9]{0,4})(?:\b|(?=_))
  set      manufacturer=D-Link@0.5 model=$1@0.5 class=router surveillance=no@0.5
  tier     model
  weight   0.8
  source   D-Link router datasheets (DIR-842, DSR-250 VPN router, DWR-921 4G router, COVR-1102 mesh)
  example  "DIR-842" => class=router model=DIR-842
  example! "DCS-8000LH"

rule dlink-model-switch
  on       http.title http.realm http.server upnp.model upnp.model-number snmp.sysdescr
  match    (?<![A-Za-z0-9])((?:DES|DGS|DXS)-[0-9]{3,4}[A-Z0-9]{0,4}(?:/[A-Z0-9]{1,4})?)(?:\b|(?=_))
  set      manufacturer=D-Link@0.5 model=$1@0.5 class=switch surveillance=no@0.5
  tier     model
  weight   0.8
  source   D-Link switch datasheets (DGS-1210-28, DES-1008P, DXS-3400)
  example  "DGS-1210-28" => class=switch
  example! "DIR-842"

rule dlink-model-nas
  on       http.title http.realm upnp.model upnp.model-number
  match    (?<![A-Za-z0-9])(DNS-[0-9]{3}(?:-[0-9]{1,2})?)(?:\b|(?=_))
  set      manufacturer=D-Link@0.5 model=$1@0.5 class=storage surveillance=no@0.5
  tier     model
  weight   0.8
  source   D-Link ShareCenter NAS datasheets (DNS-320, DNS-327L, DNS-340L)
  example  "DNS-320" => class=storage
  example! "DNR-202L"

rule ubiquiti-model-switch
  on       http.title upnp.model upnp.model-number snmp.sysdescr mdns.txt ssdp.server dhcp.vendor
  match    (?<![A-Za-z0-9])(USW-[A-Za-z0-9-]{2,20}|US-(?:8|16|24|48)(?:-[0-9A-Z]{2,6}){0,2})(?:\b|(?=_))
  set      manufacturer=Ubiquiti@0.5 model=$1@0.5 class=switch surveillance=no@0.5
  tier     model
  weight   0.8
  source   Ubiquiti UniFi switch datasheets (USW-Lite-8-PoE, USW-24-PoE, US-8-60W)
  example  "USW-Lite-8-PoE" => class=switch
  example! "UVC-G4-Bullet"

rule ubiquiti-model-router
  on       http.title upnp.model upnp.model-number snmp.sysdescr mdns.txt ssdp.server dhcp.vendor
  match    (?<![A-Za-z0-9])(UDM(?:-Pro(?:-Max)?|-SE)?|UDR|UXG-[A-Za-z]{2,10}|USG(?:-Pro-4|-XG-8)?(?![ -]?(?:FLEX|ATP|VPN|[0-9]))|UniFi Dream Machine(?: Pro| SE)?|EdgeRouter(?: [A-Za-z0-9]{1,8})?)(?:\b|(?=_))
  set      manufacturer=Ubiquiti@0.5 class=router surveillance=no@0.4
  tier     model
  weight   0.75
  source   Ubiquiti gateways (UniFi Dream Machine UDM/UDM-Pro, UDR, UXG-Lite, USG, EdgeRouter) datasheets; a UDM may also run UniFi Protect (an NVR function) and is a router first
  example  "UDM-Pro" => class=router
  example  "EdgeRouter X" => class=router
  example  "USG-Pro-4" => class=router
  example! "UNVR-Pro"
  example! "USG FLEX 100"
  example! "USG60W"

# --- Bosch and Honeywell intrusion and access ------------------------------------

rule bosch-intrusion-panel
  on       http.title snmp.sysdescr upnp.model upnp.model-description banner
  match    \bBosch\b[^\r\n]{0,40}?\b(B[3-9]512G?|B9512G|D7412GV[34]|D9412GV[34]|Solution (?:2000|3000|6000)|AMAX ?[2-4]100)\b|\b(B[3-9]512G?|B9512G) (?:Control Panel|Intrusion)
  set      manufacturer=Bosch@0.6 model=$1$2@0.5 class=alarm-panel surveillance=no@0.4
  tier     model
  weight   0.8
  source   Bosch intrusion control panel documentation (B9512G/B8512G, B6512/B5512/B4512/B3512 control panels, Solution 3000, AMAX 4000)
  example  "Bosch B6512 Control Panel" => class=alarm-panel model=B6512
  example! "Bosch DINION IP 5000"

rule honeywell-intrusion-panel
  on       http.title snmp.sysdescr upnp.model upnp.model-description banner
  match    (?<![A-Za-z0-9])(Galaxy Dimension|Galaxy Flex|VISTA-(?:15P|20P|21iP|128BPT|250BPT))(?:\b|(?=_))
  set      manufacturer=Honeywell@0.6 model=$1@0.4 class=alarm-panel surveillance=no@0.4
  tier     model
  weight   0.75
  source   Honeywell intrusion panels (Galaxy Dimension, Galaxy Flex, VISTA-20P, VISTA-128BPT) product documentation
  example  "Honeywell Galaxy Dimension" => class=alarm-panel
  example! "Honeywell equIP HDZ302D"

rule honeywell-access
  on       http.title snmp.sysdescr upnp.model upnp.model-description banner
  match    (?<![A-Za-z0-9])(Pro-?Watch|WIN-PAK|NetAXS(?:-123|-4)?)(?:\b|(?=_))
  set      manufacturer=Honeywell@0.6 model=$1@0.4 class=access-control surveillance=no@0.4
  tier     model
  weight   0.75
  source   Honeywell access control platforms (Pro-Watch, WIN-PAK software; NetAXS-123/NetAXS-4 controllers) product documentation
  example  "NetAXS-123" => class=access-control
  example! "Honeywell equIP HDZ302D"

# --- Hikvision sub-brand recorder and camera families ------------------------

rule hiwatch-model-family
  on       onvif.model gb.model onvif.scopes wsd.scopes hik.isapi sadp.model upnp.model http.title http.realm
  match    (?<![A-Za-z0-9])(?:DS-HiWatchI-)?(HW(?:[ND]-|I-[A-Z])[0-9]{2,4}[A-Z0-9]{0,6}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      brand=HiWatch model=$1@0.6 manufacturer=Hikvision@0.6
  weight   0.75
  source   exposure.md §1.1 (DS-HiWatchI-HWN-21xxMH/41xxMH NVRs); HiWatch scheme HWN = NVR, HWD = DVR, HWI-<form letter> = IP camera (HWI-B121H); not HWT (Holowits HWT-IVS1800, holowits.com/resource/doc/202511596)
  example  "HWN-2104MH-4P" => brand=HiWatch model=HWN-2104MH-4P manufacturer=Hikvision
  example  "HWI-B121H-M" => brand=HiWatch model=HWI-B121H-M manufacturer=Hikvision
  example! "HWX-2104"
  example! "HWI-2104"
  example! "HWT-IVS1800"

rule hiwatch-nvr-class
  on       onvif.model gb.model onvif.scopes wsd.scopes hik.isapi sadp.model upnp.model http.title http.realm
  match    (?<![A-Za-z0-9])HWN-[0-9]{2,4}
  set      class=nvr
  tier     model
  weight   0.8
  source   exposure.md §1.1 (DS-HiWatchI-HWN-21xxMH/41xxMH are NVRs)
  example  "DS-HiWatchI-HWN-4216MH-16P" => class=nvr
  example! "HWD-6108MH-G2"

rule hiwatch-dvr-class
  on       onvif.model gb.model onvif.scopes wsd.scopes hik.isapi sadp.model upnp.model http.title http.realm
  match    (?<![A-Za-z0-9])HWD-[0-9]{2,4}
  set      class=dvr
  tier     model
  weight   0.8
  source   HiWatch model scheme: HWD = Turbo HD DVR (Hikvision HiWatch catalogue naming)
  example  "HWD-6108MH-G2" => class=dvr
  example! "HWN-2104MH"

rule hiwatch-camera-class
  on       onvif.model gb.model onvif.scopes wsd.scopes hik.isapi sadp.model upnp.model http.title http.realm
  match    (?<![A-Za-z0-9])HWI-[A-Z][0-9]{2,4}
  set      class=camera
  tier     model
  weight   0.8
  source   HiWatch model scheme: HWI = IP camera (e.g. HWI-B121H, Hikvision HiWatch catalogue naming)
  example  "HWI-B121H" => class=camera
  example! "HWN-2104MH"

rule hilook-nvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DS-HiLookI-)?NVR-[0-9]{3}MH?-[A-Z0-9/]{1,8}
  set      class=nvr brand=HiLook@0.5 manufacturer=Hikvision@0.5
  tier     model
  weight   0.75
  source   exposure.md §1.1 (DS-HiLookI-NVR-1xxMH/2xxMH NVR families)
  example  "NVR-104MH-C/4P" => class=nvr
  example  "DS-HiLookI-NVR-216MH-C" => class=nvr brand=HiLook
  example! "NVR4104HS-P-4KS2"

rule hilook-style-camera-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DS-HiLookI-)?(?:IPC-[BDT][0-9]{3}[A-Z]{0,3}|PTZ-N[0-9]{4}[A-Z0-9]{0,4})(?:-[A-Z0-9/]{1,8}){0,3}(?![A-Za-z0-9])
  set      class=camera
  tier     model
  weight   0.7
  source   exposure.md §1.1 (HiLook sub-brand model prefixes IPC- and PTZ-N for cameras, e.g. IPC-B140H bullet, IPC-T240H turret); the same IPC-B/D/T scheme is used by other budget lines, so no maker is named
  example  "IPC-B140H" => class=camera
  example  "DS-HiLookI-PTZ-N4215I-DE" => class=camera
  example! "IPC-HDW1431T1"
  example! "NVR-104MH-C"

rule hilook-style-dvr-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DS-HiLookI-)?DVR-[0-9]{3}[A-Z]{1,2}-[A-Z][0-9A-Z]{0,3}(?![A-Za-z0-9])
  set      class=dvr
  tier     model
  weight   0.7
  source   exposure.md §1.1 (HiLook sub-brand recorders; DVR-2xxQ-K1 Turbo HD DVRs in the HiLook catalogue); a DVR- model is a DVR whoever badges it, so no maker is named
  example  "DVR-204Q-K1" => class=dvr
  example! "DVR-Link"
