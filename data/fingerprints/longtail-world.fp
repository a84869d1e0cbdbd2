# longtail-world.fp: the non-PRC long tail of makers (issue #11 §6), and
# model families of makers that had no specific rule.  Each rule names a
# maker from evidence specific to it (a model-number family, a product
# line, a server string), never from the brand name alone; class is
# claimed only where the family shows it.  Written from the sources named
# in each rule, not from other projects' fingerprint databases.
# Format: docs/fingerprints.md.

rule nightowl-nvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(WNVR-?[0-9A-Z]{2,10}(?:-V[0-9])?)(?:\b|(?=_))
  set      manufacturer="Night Owl" model=$1 class=nvr
  weight   0.65
  source   homebridge-plugins/homebridge-camera-ffmpeg issue #1210 (Night Owl 2.W WNVR201 series with WNIP2 cameras); Relkci/NightOwl-WifiCamera-Config-wnip2 issue #3 (WNVR-BTWN8-V2)
  example  "WNVR201" => manufacturer="Night Owl" model=WNVR201 class=nvr
  example  "WNVR-BTWN8-V2"
  example! "WNIP2"
  example! "NVR201"
  example! "XWNVR201"

rule nightowl-camera-model
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(WNIP-?[0-9][A-Z0-9-]{0,10})(?:\b|(?=_))
  set      manufacturer="Night Owl" model=$1 class=camera
  weight   0.6
  source   homebridge-plugins/homebridge-camera-ffmpeg issue #1210 (Night Owl WNIP2 series Wi-Fi cameras found by ONVIF discovery)
  example  "WNIP2-LTA" => manufacturer="Night Owl" class=camera
  example  "WNIP-2"
  example! "WNVR201"
  example! "WNIPX"

rule speco-ip-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number
  match    ^\s*(O(?:2|4|5|8|12)(?:B|D|T|P|VT|VB|VD|FB|FD|FT|IB|ID|IT|KT|LB|LT|BDD|TDD|BXLP|MDP|DB|BFR|BLP|TML|I)[0-9A-Z]{0,6})\s*$
  set      manufacturer=Speco model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/speco (O4B9M, O4D9, O2VD2, O4TDD2, O12B1M, O4P25X2 ...: Speco's O<megapixels><form> IP camera scheme)
  example  "O4B9M" => manufacturer=Speco model=O4B9M class=camera
  example  "O12MDP4"
  example  "O2VD2"
  example! "O4"
  example! "OB9M"
  example! "O4B9M-X-LONG-SUFFIX1"

rule luma-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(LUM-[0-9]{2,4}-(?:IP|BUL|DOM|TUR|FIS|PTZ|DRB|W)(?:-[A-Z0-9]{1,4}){0,2})(?:\b|(?=_))
  set      manufacturer="Snap One" brand=Luma model=$1 class=camera
  weight   0.65
  source   ch-bas/cctv-camera-database cameras/luma (LUM-510-BUL, LUM-420-IP-BM, LUM-820-IP-TFH, LUM-310-DRB ...)
  example  "LUM-820-IP-TFH" => manufacturer="Snap One" brand=Luma model=LUM-820-IP-TFH class=camera
  example  "LUM-510-BUL"
  example! "LUM-510"
  example! "LUM-X-IP"
  example! "ILLUM-510-BUL"

rule clarevision-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])((?:CLR-V[0-9]{3}-[0-9][A-Z0-9]{2,6})|(?:CVP?-[BMP][0-9][A-Z0-9]{2,6}-[A-Z]{2,7}))(?:\b|(?=_))
  set      manufacturer="Clare Controls" brand=ClareVision model=$1 class=camera
  weight   0.65
  source   ch-bas/cctv-camera-database cameras/clarevision (CLR-V100-2B36, CLR-V200-4T28, CV-B13B10-ODI, CVP-B2D50-ODIW ...)
  example  "CLR-V200-4T28" => manufacturer="Clare Controls" model=CLR-V200-4T28 class=camera
  example  "CVP-B2D50-ODIW"
  example  "CV-B13B10-ODI"
  example! "CLR-V200"
  example! "CV-1234"
  example! "CVS-B2D50-ODI"

rule resideo-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title
  match    (?<![A-Za-z0-9])(CX4[BDT]-AI)(?:\b|(?=_))
  set      manufacturer=Resideo model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/resideo (CX4B-AI, CX4D-AI, CX4T-AI)
  example  "CX4T-AI" => manufacturer=Resideo model=CX4T-AI class=camera
  example! "CX4T"
  example! "CX4X-AI"

rule instar-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(IN-[2-9][0-9]{3})(?:-?V2)?(?:\s+(?:HD|Full HD|WQHD|2K\+|4K))?(?:\b|(?=_))
  set      manufacturer=INSTAR model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/instar (IN-2905 V2, IN-6014 HD, IN-8015 Full HD, IN-9408 2K+, IN-9820 4K ...)
  example  "IN-9408 2K+" => manufacturer=INSTAR model=IN-9408 class=camera
  example  "INSTAR IN-8015 Full HD"
  example! "IN-123"
  example! "PIN-9408"
  example! "IN-1000"

rule lupus-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])LUPUS(?:NET)?(?:[\s-]+HD)?[\s-]+(LE\s?[0-9]{3}[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer="Lupus Electronics" model=$1 class=camera
  weight   0.7
  source   field knowledge: LUPUS-Electronics LUPUSNET HD camera line with LE 2xx model numbers (LE 201, LE 204, LE 221); ch-bas/cctv-camera-database brand table (Lupus Electronics)
  example  "LUPUSNET HD - LE 204" => manufacturer="Lupus Electronics" class=camera
  example  "LUPUS LE221"
  example! "LUPUS"
  example! "LE 204"
  example! "Lupus XT2"

rule netatmo-homekit-model
  on       mdns.txt mdns.instance upnp.model http.title
  match    (?:^md=|\b)(Netatmo\s+(?:Welcome|Presence|Smart\s+(?:Indoor|Outdoor)\s+Camera|Smart\s+Video\s+Doorbell))(?:\b|(?=_))
  flags    i
  set      manufacturer=Netatmo model=$1 class=camera
  weight   0.7
  source   ch-bas/cctv-camera-database cameras/netatmo (Smart Indoor Camera, Smart Outdoor Camera, Smart Video Doorbell); field knowledge: HomeKit TXT md= carries the product name
  example  "md=Netatmo Smart Outdoor Camera" => manufacturer=Netatmo class=camera
  example  "Netatmo Welcome"
  example! "Netatmo Weather Station"
  example! "md=Netatmo Thermostat"

rule ajax-video-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Ajax\s+((?:TurretCam|BulletCam|DomeCam)(?:\s?Mini)?(?:\s?HL)?)(?:\b|(?=_))
  set      manufacturer="Ajax Systems" model=$1 class=camera
  weight   0.7
  source   ch-bas/cctv-camera-database brand table (Ajax: alarm + wired PoE cameras); field knowledge: Ajax TurretCam, BulletCam, DomeCam Mini
  example  "Ajax TurretCam" => manufacturer="Ajax Systems" class=camera
  example  "Ajax DomeCam Mini"
  example! "Ajax Hub 2"
  example! "ajax TurretCam"
  example! "jQuery Ajax"

rule ajax-video-nvr
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Ajax\s+(NVR\s?[0-9]{3,4}(?:\s?[A-Z]{1,2})?)(?:\b|(?=_))
  set      manufacturer="Ajax Systems" model=$1 class=nvr
  weight   0.7
  source   field knowledge: Ajax NVR (NVR108, NVR116) recorders for Ajax cameras
  example  "Ajax NVR108" => manufacturer="Ajax Systems" class=nvr
  example! "Ajax Hub"
  example! "NVR108"

rule simplisafe-simplicam
  on       upnp.model mdns.txt mdns.instance http.title dhcp.vendor
  match    (?<![A-Za-z0-9])(SimpliCam)(?:\b|(?=_))
  set      manufacturer=SimpliSafe model=$1 class=camera
  weight   0.7
  source   ch-bas/cctv-camera-database cameras/simplisafe (SimpliCam wired indoor camera)
  example  "SimpliCam" => manufacturer=SimpliSafe class=camera
  example! "SimpliSafe Base Station"
  example! "Simpli Cam"

rule 3xlogic-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(V[XA]-(?:[0-9]{1,2}[MS]|SMBK|VT)[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,8}){0,3})(?:\b|(?=_))
  set      manufacturer=3xLOGIC model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/3xlogic (VX-5M-OD-RIAW, VX-2M-ID-RIAW, VA-2MB-OD-RIWH, VX-SMBK-B-IW, VX-VT ...)
  example  "VX-5M-OD-RIAW" => manufacturer=3xLOGIC model=VX-5M-OD-RIAW class=camera
  example  "VA-2MB-OD-RIWH"
  example! "VX-"
  example! "VZ-5M-OD"
  example! "AVX-5M-OD"

rule abus-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])((?:IPCA|IPCB|IPCS|HDCC|TVIP)[0-9]{5}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=ABUS model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/abus (IPCA32500, IPCA54512A, HDCC35512, HDCC82501 ...)
  example  "IPCA54512A" => manufacturer=ABUS model=IPCA54512A class=camera
  example  "HDCC35512"
  example! "IPCA5451"
  example! "IPC-54512"
  example! "TVIP"

rule oncam-evolution-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(EVO-(?:05|12|20)-[A-Z]{2,5}(?:-[A-Z0-9]{1,4})?)(?:\b|(?=_))
  set      manufacturer=Oncam model=$1 class=camera
  weight   0.7
  source   field knowledge: Oncam Evolution 360-degree cameras EVO-05/EVO-12/EVO-20 (e.g. EVO-05-NID, EVO-12-NJD)
  example  "EVO-05-NID" => manufacturer=Oncam model=EVO-05-NID class=camera
  example  "EVO-12-NJD"
  example! "EVO-05"
  example! "EVO-10-NID"
  example! "Galaxy EVO"

rule illustra-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(I[FP][SVDT][0-9]{2}[A-Z][0-9][A-Z]{4,6})(?:\b|(?=_))
  set      manufacturer="Johnson Controls" brand=Illustra model=$1 class=camera
  weight   0.6
  source   field knowledge: Illustra Flex/Pro camera scheme I<line><form><MP><variant> (e.g. IFS03D1ICWIT, IPS02D2OCWTT)
  example  "IFS03D1ICWIT" => manufacturer="Johnson Controls" brand=Illustra class=camera
  example! "IFS03"
  example! "IPS02D2"
  example! "XIFS03D1ICWIT"

rule americandynamics-videoedge
  on       http.title http.server upnp.model snmp.sysdescr
  match    \bVideoEdge(?:\b|(?=_))
  set      manufacturer="Johnson Controls" brand="American Dynamics" class=nvr
  weight   0.65
  source   field knowledge: American Dynamics VideoEdge is the Johnson Controls NVR/recorder line; its web client and SNMP name it
  example  "VideoEdge" => manufacturer="Johnson Controls" class=nvr
  example  "American Dynamics VideoEdge NVR"
  example! "Video Edge"
  example! "EdgeVideo"

rule exacqvision-web
  on       http.title http.server
  match    \bexacqVision(?:\b|(?=_))
  flags    i
  set      manufacturer="Johnson Controls" class=vms-software
  weight   0.65
  source   field knowledge: exacqVision (Exacq Technologies, Johnson Controls) web service names itself in its page title
  example  "exacqVision Web Service" => manufacturer="Johnson Controls" class=vms-software
  example! "exacq"
  example! "Vision Web Service"

rule verint-nextiva-edge
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Nextiva\s+(S[0-9]{4}e?(?:-[A-Z]{1,4})?)(?:\b|(?=_))
  flags    i
  set      manufacturer=Verint model=$1 class=encoder
  weight   0.65
  source   field knowledge: Verint Nextiva S-series edge devices (S1708e, S1800e encoders)
  example  "Nextiva S1800e" => manufacturer=Verint model=S1800e class=encoder
  example! "Nextiva"
  example! "Nextiva Connect"

rule vicon-valerus
  on       http.title http.server
  match    \bValerus(?:\b|(?=_))
  set      manufacturer="Vicon Industries" class=vms-software
  weight   0.6
  source   field knowledge: Vicon Valerus VMS web client title
  example  "Valerus" => manufacturer="Vicon Industries" class=vms-software
  example  "Vicon Valerus Web Client"
  example! "Valerian"
  example! "valerus"

rule meraki-mv-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])Meraki\s+(MV[0-9]{1,2}[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer=Meraki model=$1 class=camera
  weight   0.8
  source   field knowledge: Cisco Meraki MV smart cameras (MV12W, MV22X, MV72) report 'Meraki MVnn' as product name
  example  "Meraki MV12W" => manufacturer=Meraki model=MV12W class=camera
  example  "Cisco Meraki MV72"
  example! "Meraki MR46"
  example! "Meraki"
  example! "MV12W"

rule meraki-ms-switch
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])Meraki\s+(MS[0-9]{2,3}[A-Z0-9-]{0,8})(?:\b|(?=_))
  flags    i
  set      manufacturer=Meraki model=$1 class=switch surveillance=no
  weight   0.8
  source   field knowledge: Cisco Meraki MS switches (MS120-8LP, MS225-48) beside the MV cameras: a camera maker's switch is not surveillance equipment
  example  "Meraki MS120-8LP" => manufacturer=Meraki model=MS120-8LP class=switch
  example! "Meraki MV12"
  example! "MS120"

rule meraki-mx-mg-router
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])Meraki\s+(M[XG][0-9]{2,3}[A-Z0-9-]{0,6})(?:\b|(?=_))
  flags    i
  set      manufacturer=Meraki model=$1 class=router surveillance=no
  weight   0.8
  source   field knowledge: Cisco Meraki MX security appliances and MG cellular gateways
  example  "Meraki MX68" => manufacturer=Meraki model=MX68 class=router
  example  "Meraki MG21"
  example! "Meraki MV22"
  example! "MX68"
  example! "Meraki MR46"

rule meraki-mr-access-point
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])Meraki\s+(MR[0-9]{2,3}[A-Z0-9-]{0,6})(?:\b|(?=_))
  flags    i
  set      manufacturer=Meraki model=$1 class=other surveillance=no
  weight   0.8
  source   field knowledge: Cisco Meraki MR wireless access points
  example  "Meraki MR46" => manufacturer=Meraki model=MR46 class=other
  example! "Meraki MV22"
  example! "MR46"

rule 360vision-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title
  match    ^\s*(?:360\s?Vision\s+)?((?:Predator|Invictus|VisionDome|Eclipse)(?:\s+(?:HD|Steel|Radar|Thermal|TC100|[0-9]{1,3}X))*)\s*$
  flags    i
  set      manufacturer="360 Vision" model=$1 class=camera
  weight   0.65
  source   ch-bas/cctv-camera-database cameras/360-vision (Predator HD, Predator Steel HD, Predator Radar, Invictus, VisionDome HD, Eclipse HD); discovery-protocols.md §9
  example  "Predator HD" => manufacturer="360 Vision" class=camera
  example  "360 Vision Invictus"
  example! "Predator X34 Monitor"
  example! "Invicta"

rule videotec-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(ULISSE(?:\s?(?:COMPACT|EVO|RADICAL|2|MAXI))*(?:\s?(?:HD|DELUX|THERMAL|NETCAM))*|MAXIMUS\s?M[A-Z]{1,3}[A-Z0-9]{0,4}|NXPTZ[A-Z0-9]{0,6}|UPTIRN[A-Z0-9]{0,6})(?:\b|(?=_))
  set      manufacturer=Videotec model=$1 class=camera
  weight   0.7
  source   field knowledge: Videotec PTZ and camera families ULISSE (COMPACT, EVO, RADICAL), MAXIMUS (MPX, MVX), NXPTZ, UPTIRN
  example  "ULISSE COMPACT HD" => manufacturer=Videotec class=camera
  example  "MAXIMUS MPXHD"
  example  "NXPTZ"
  example! "Ulysses"
  example! "MAXIMUS"
  example! "ULISSEX"

rule lilin-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])([ZPSV][0-9]R[0-9]{4}[A-Z][0-9]{1,2}(?:-[A-Z0-9]{1,4})?)(?:\b|(?=_))
  set      manufacturer=LILIN model=$1 class=camera
  weight   0.65
  source   field knowledge: LILIN camera scheme <form><gen>R<4 digits><option> (Z6R6452X3, P2R6522E2)
  example  "Z6R6452X3" => manufacturer=LILIN model=Z6R6452X3 class=camera
  example  "P2R6522E2"
  example! "Z6R645"
  example! "Z6R6452"
  example! "XZ6R6452X3"

rule edimax-ic-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<!Icom )\b(IC-(?:3|5|7|9)[0-9]{3}[A-Z]{0,3})(?:\b|(?=_))
  set      manufacturer=Edimax model=$1 class=camera
  weight   0.65
  source   exposure.md §1.11 (Edimax IC-7100 IP camera, CVE-2025-1316); field knowledge: Edimax's camera line is IC-nnnn (IC-3140W, IC-9110W), its routers BR-/EW-
  example  "IC-7100" => manufacturer=Edimax model=IC-7100 class=camera
  example  "IC-3140W"
  example! "IC-71"
  example! "BR-6428NS"
  example! "PIC-7100"
  example! "Icom IC-7300"

rule digiever-nvr-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(DS-[0-9]{4}\s?Pro\+?)(?![A-Za-z0-9])
  set      manufacturer=Digiever model=$1 class=nvr
  weight   0.7
  source   exposure.md §1.13 (Digiever DS-2105 Pro NVR, firmware 3.1.0.71-11, CVE-2023-52163); Hikvision's DS- models never end in ' Pro'
  example  "DS-2105 Pro" => manufacturer=Digiever model="DS-2105 Pro" class=nvr
  example  "DS-4104 Pro+"
  example! "DS-2105"
  example! "DS-2CD2105 Pro"
  example! "DS-7608NI"

rule jvc-vn-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(VN-[HTXC][0-9]{1,3}[A-Z]{0,4})(?:\b|(?=_))
  set      manufacturer=JVCKENWOOD model=$1 class=camera
  weight   0.6
  source   field knowledge: JVC network cameras VN-H/VN-T/VN-X/VN-C series (VN-H57, VN-T216VPRU, VN-X35)
  example  "VN-H57" => manufacturer=JVCKENWOOD model=VN-H57 class=camera
  example  "VN-T216VPRU"
  example! "VN-"
  example! "VN-Z57"
  example! "EVN-H57"

rule aiphone-ix-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware sip.server
  match    (?<![A-Za-z0-9])(IXG?-(?:DVF?|DVM|DA|DF|MV7?|SSA|SOFP|EA|RS|BA|2C7|DM7)(?:-[A-Z0-9]{1,6})?)(?:\b|(?=_))
  set      manufacturer=Aiphone model=$1 class=intercom
  weight   0.7
  source   field knowledge: Aiphone IX/IXG IP video intercom stations (IX-DV, IX-DVF, IX-MV7-HB, IX-SSA, IXG-DM7)
  example  "IX-DVF" => manufacturer=Aiphone model=IX-DVF class=intercom
  example  "IX-MV7-HB"
  example! "IX-"
  example! "IX-ZZ"
  example! "SIX-DVF"

rule doorbird-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware sip.server
  match    (?<![A-Za-z0-9])DoorBird\s+(D[0-9]{3,4}[A-Z]{0,3})(?:\b|(?=_))
  flags    i
  set      manufacturer=DoorBird model=$1 class=intercom
  weight   0.75
  source   AlexxIT/go2rtc issue #1060 (DoorBird LAN API, doorbird.com/downloads/api_lan.pdf); field knowledge: door stations D101, D1101V, D2101V named DoorBird <model>
  example  "DoorBird D2101V" => manufacturer=DoorBird model=D2101V class=intercom
  example! "DoorBird"
  example! "D2101V"
  example! "DoorBird App"

rule nxwitness-web
  on       http.title http.server
  match    \bNx Witness(?:\b|(?=_))
  set      manufacturer="Network Optix" class=vms-software
  weight   0.65
  source   field knowledge: Nx Witness VMS (Network Optix) web client and server name themselves
  example  "Nx Witness" => manufacturer="Network Optix" class=vms-software
  example  "Nx Witness Web Client"
  example! "Nx Witnesses"
  example! "Witness"

rule sharx-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(SCNC[0-9]{4}[A-Z]?)(?:\b|(?=_))
  set      manufacturer="Sharx Security" model=$1 class=camera
  weight   0.7
  source   CamioCam/rtsp paths.csv (Sharx Security SCNC3905, SCNC3805, SCNC3804, SCNC3605); issue #62 (SCNC2900 manual)
  example  "SCNC3905" => manufacturer="Sharx Security" model=SCNC3905 class=camera
  example! "SCNC39"
  example! "ASCNC3905"

rule alarmcom-adc-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware dhcp.vendor
  match    (?<![A-Za-z0-9])(ADC-V(?:DB|C)?[0-9]{3}[A-Z]{0,3})(?:\b|(?=_))
  set      manufacturer=Alarm.com model=$1 class=camera
  weight   0.7
  source   field knowledge: Alarm.com ADC-V cameras and video doorbells (ADC-V522, ADC-V723, ADC-VC826, ADC-VDB770)
  example  "ADC-V723" => manufacturer=Alarm.com model=ADC-V723 class=camera
  example  "ADC-VDB770"
  example! "ADC-V72"
  example! "ADC-1234"
  example! "XADC-V723"

rule qognify-vms
  on       http.title http.server
  match    \b(?:Qognify\s+VMS|Cayuga\s+R[0-9]{2}|VisionHub)(?:\b|(?=_))
  set      manufacturer=Qognify class=vms-software
  weight   0.6
  source   field knowledge: Qognify VMS / Cayuga (ex-SeeTec) and VisionHub (ex-NICE Vision) product names; discovery-protocols.md §10
  example  "Cayuga R16" => manufacturer=Qognify class=vms-software
  example  "Qognify VMS Web"
  example! "Cayuga Lake"
  example! "Qognify"

rule eagleeye-bridge
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Eagle Eye(?: Networks)?\s+((?:Bridge|CMVR)\s?[0-9]{3}[A-Z]?)(?:\b|(?=_))
  flags    i
  set      manufacturer="Eagle Eye Networks" model=$1 class=nvr
  weight   0.7
  source   field knowledge: Eagle Eye Networks on-site Bridges and CMVRs (Bridge 304, CMVR 510) that buffer and upload video
  example  "Eagle Eye Networks Bridge 304" => manufacturer="Eagle Eye Networks" class=nvr
  example! "Eagle Eye Networks"
  example! "Eagle Eye Bridge"

rule rhombus-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Rhombus\s+(R[0-9]{3})(?:\b|(?=_))
  set      manufacturer=Rhombus model=$1 class=camera
  weight   0.7
  source   field knowledge: Rhombus Systems cameras R100, R120, R200, R360, R400, R500
  example  "Rhombus R200" => manufacturer=Rhombus model=R200 class=camera
  example! "Rhombus"
  example! "R200"
  example! "Rhombus Console"

rule wansview-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Wansview\s+([KQWM][0-9][A-Z0-9]{0,5})(?:\b|(?=_))
  flags    i
  set      manufacturer=Wansview model=$1 class=camera
  weight   0.7
  source   CamioCam/rtsp issue #187 (Wansview K3 camera, OUI F0:85:C1); dmitrif/onvif2mqtt pull #48 (Wansview W4)
  example  "Wansview W4" => manufacturer=Wansview model=W4 class=camera
  example  "Wansview K3"
  example! "Wansview"
  example! "Wansview App"

rule avertx-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])AvertX\s+(?:Pro\s+)?(HD[0-9]{2,4}[A-Z]{0,3}|HDIP[0-9]{0,4})(?:\b|(?=_))
  flags    i
  set      manufacturer=AvertX model=$1 class=camera@0.5
  weight   0.7
  source   CamioCam/rtsp issue #105 (AvertX HD IP NVR manual 32223AD, AvertX HD30 camera manual 31498AA)
  example  "AvertX HD30" => manufacturer=AvertX model=HD30
  example! "AvertX"
  example! "HD30"

rule arlo-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt dhcp.vendor
  match    (?<![A-Za-z0-9])(VMC[0-9]{4}[A-Z0-9]{0,3})(?:\b|(?=_))
  set      manufacturer=Arlo model=$1 class=camera
  weight   0.7
  source   field knowledge: Arlo camera model numbers VMC (VMC3030, VMC4030P, VMC5040); base stations are VMB and left alone
  example  "VMC4030P" => manufacturer=Arlo model=VMC4030P class=camera
  example! "VMB4000"
  example! "VMC40"

rule genetec-streamvault
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(SV-(?:100|150|300|350|1000|2000|4000|7000)E?(?:-[A-Z0-9]{1,6})?)(?:\b|(?=_))
  set      manufacturer=Genetec model=$1 class=nvr
  weight   0.6
  source   field knowledge: Genetec Streamvault recording appliances SV-100E, SV-300E, SV-1000E, SV-4000E
  example  "SV-300E" => manufacturer=Genetec model=SV-300E class=nvr
  example! "SV-B06POE"
  example! "SV-30"
  example! "ASV-300E"

rule milestone-husky
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Husky\s+(X[28]|M[0-9]{2}|IVO\s?[0-9]{3,4}[A-Z]{0,2})(?:\b|(?=_))
  set      manufacturer=Milestone model=$1 class=nvr
  weight   0.7
  source   field knowledge: Milestone Husky recording appliances (Husky X2, X8, M30, M50, IVO 150D)
  example  "Husky X2" => manufacturer=Milestone model=X2 class=nvr
  example  "Husky IVO 350R"
  example! "Husky"
  example! "Siberian Husky"

rule milestone-xprotect
  on       http.title http.server
  match    \bXProtect(?:\b|(?=_))
  set      manufacturer=Milestone class=vms-software
  weight   0.6
  source   field knowledge: Milestone XProtect web client and mobile server name the product
  example  "XProtect Web Client" => manufacturer=Milestone class=vms-software
  example! "Protect"
  example! "UniFi Protect"

rule nuuo-nvrmini
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(NVRmini\s?2?|NVRsolo|Crystal\s+NVR)(?:\b|(?=_))
  flags    i
  set      manufacturer=Nuuo model=$1 class=nvr
  weight   0.7
  source   exposure.md §1.8 (NUUO NVRmini, NVRmini2 and NVRsolo; EOL letter)
  example  "NVRmini2" => manufacturer=Nuuo model=NVRmini2 class=nvr
  example  "NUUO NVRsolo"
  example! "NVR mini"
  example! "NVRmaxi"

rule amazon-blink-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])Blink\s+(XT2?|Mini|Outdoor(?:\s?4)?|Indoor|Video Doorbell)(?:\b|(?=_))
  set      manufacturer=Amazon brand=Blink model=$1 class=camera
  weight   0.7
  source   field knowledge: Blink (Amazon) camera products Blink XT, XT2, Mini, Outdoor, Indoor, Video Doorbell
  example  "Blink XT2" => manufacturer=Amazon brand=Blink class=camera
  example! "Blink Sync Module"
  example! "blink"

rule google-nest-cam
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])(Nest\s+Cam(?:\s+(?:IQ(?:\s+(?:Indoor|Outdoor))?|Indoor|Outdoor|with\s+floodlight))?|Nest\s+Doorbell)(?:\b|(?=_))
  set      manufacturer=Google brand=Nest model=$1 class=camera
  weight   0.7
  source   field knowledge: Google Nest camera products (Nest Cam IQ, Nest Cam Indoor/Outdoor, Nest Doorbell)
  example  "Nest Cam IQ Outdoor" => manufacturer=Google brand=Nest class=camera
  example! "Nest Thermostat"
  example! "Nest Hub"

rule toshiba-ik-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(IK-W[BDRP][0-9]{2}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=Toshiba model=$1 class=camera
  weight   0.65
  source   field knowledge: Toshiba network cameras IK-WB (box), IK-WD (dome), IK-WR (outdoor) series, e.g. IK-WB16A, IK-WR14A
  example  "IK-WB16A" => manufacturer=Toshiba model=IK-WB16A class=camera
  example! "IK-WB1"
  example! "IK-XB16A"

rule sanyo-vcc-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(VCC-(?:HD|HDN|XZ|N)[0-9]{4}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=Sanyo model=$1 class=camera
  weight   0.65
  source   field knowledge: Sanyo network cameras VCC-HD2300, VCC-HD4600, VCC-HDN4000, VCC-XZ600
  example  "VCC-HD2300P" => manufacturer=Sanyo model=VCC-HD2300P class=camera
  example! "VCC-2300"
  example! "VCC-HD23"

rule linksys-wvc-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(WVC[0-9]{2,3}[A-Z]{0,3})(?:\b|(?=_))
  set      manufacturer=Linksys model=$1 class=camera
  weight   0.65
  source   motioneye-project/motioneyeos issue #771 (Linksys WV200 camera beside Wansview); field knowledge: Linksys WVC54GC, WVC80N cameras
  example  "WVC80N" => manufacturer=Linksys model=WVC80N class=camera
  example  "WVC54GC"
  example! "WRT54GL"
  example! "WVC5"

rule logitech-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])Logitech\s+(Alert\s?7[05]0[ei]|Circle(?:\s?View(?:\s?Doorbell)?|\s?2)?)(?:\b|(?=_))
  flags    i
  set      manufacturer=Logitech model=$1 class=camera
  weight   0.7
  source   field knowledge: Logitech security cameras Alert 700e/750e and Circle 2 / Circle View
  example  "Logitech Circle View" => manufacturer=Logitech class=camera
  example  "Logitech Alert 750e"
  example! "Logitech MX Master"
  example! "Logitech"

rule planet-ica-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(ICA-(?:[A-Z]{1,2})?[0-9]{3,4}[A-Z]{0,4})(?:\b|(?=_))
  set      manufacturer="Planet Technology" model=$1 class=camera
  weight   0.6
  source   field knowledge: PLANET Technology IP cameras ICA-4200, ICA-E3550V, ICA-HM101 (its switches are GS-/FGSW-, left alone)
  example  "ICA-E3550V" => manufacturer="Planet Technology" model=ICA-E3550V class=camera
  example  "ICA-4200"
  example! "GS-4210-24P2S"
  example! "ICA-12"

rule levelone-fcs-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(FCS-[0-9]{4}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=LevelOne model=$1 class=camera
  weight   0.6
  source   field knowledge: LevelOne FCS-series network cameras (FCS-1060, FCS-3054, FCS-5201)
  example  "FCS-3054" => manufacturer=LevelOne model=FCS-3054 class=camera
  example! "FCS-30"
  example! "GSW-2457"

rule sercomm-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(RC8[0-9]{3}[A-Z0-9]{0,3}|OC8[0-9]{2}[A-Z]?|NC8[0-9]{2}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=Sercomm model=$1 class=camera
  weight   0.6
  source   usermanual.wiki/Sercomm (RC8021, RC8061, RC8221, RC8221V2 wireless network cameras, OC810 outdoor camera, NC822A)
  example  "RC8221V2" => manufacturer=Sercomm model=RC8221V2 class=camera
  example  "OC810"
  example! "RC80"
  example! "NV812D"

rule sercomm-video-server
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(NV8[0-9]{2}[A-Z]?)(?:\b|(?=_))
  set      manufacturer=Sercomm model=$1 class=encoder
  weight   0.6
  source   usermanual.wiki/Sercomm/NV812D (Network Video Server user guide)
  example  "NV812D" => manufacturer=Sercomm model=NV812D class=encoder
  example! "NV81"
  example! "RC8021"

rule blueiris-server
  on       http.server http.title
  match    ^(?:BlueServer(?:/[0-9][0-9.]{0,15})?|Blue Iris(?: Login)?)(?:\b|(?=_))
  set      manufacturer="Perspective Software" class=vms-software
  weight   0.7
  source   camlocus.com/docs/remote-access (Blue Iris built-in web server, default port 81, UI3); field knowledge, not checked against a stored capture: Server BlueServer/<version>, title Blue Iris Login
  example  "BlueServer/5.5.8.2" => manufacturer="Perspective Software" class=vms-software
  example  "Blue Iris Login"
  example! "BlueServe"
  example! "nginx"

rule senstar-symphony
  on       http.title http.server
  match    \bSenstar\s+Symphony\b|\bAimetis\s+Symphony(?:\b|(?=_))
  flags    i
  set      manufacturer=Senstar class=vms-software
  weight   0.7
  source   field knowledge: Senstar (ex-Aimetis) Symphony VMS web client
  example  "Senstar Symphony" => manufacturer=Senstar class=vms-software
  example  "Aimetis Symphony"
  example! "Symphony"
  example! "Senstar"

rule salient-completeview
  on       http.title http.server
  match    \bCompleteView(?:\b|(?=_))
  set      manufacturer="Salient Systems" class=vms-software
  weight   0.65
  source   field knowledge: Salient Systems CompleteView VMS web client
  example  "CompleteView Web Client" => manufacturer="Salient Systems" class=vms-software
  example! "Complete View"
  example! "completeview"

rule zavio-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Zavio\s+([FDBMP][0-9]{4}[A-Z]?)(?:\b|(?=_))
  flags    i
  set      manufacturer=Zavio model=$1 class=camera
  weight   0.7
  source   field knowledge: Zavio IP cameras F3210, D5110, B7210, M511W
  example  "Zavio F3210" => manufacturer=Zavio model=F3210 class=camera
  example! "Zavio"
  example! "F3210"

rule ycam-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Y-cam\s+(HomeMonitor(?:\s?HD)?(?:\s?Pro)?|Evo|Cube(?:\s?HD)?|Bullet(?:\s?HD)?|Knight|Black|White)(?:\b|(?=_))
  flags    i
  set      manufacturer=Y-cam model=$1 class=camera
  weight   0.7
  source   field knowledge: Y-cam camera products (HomeMonitor HD, Evo, Cube HD, Bullet HD, Knight)
  example  "Y-cam HomeMonitor HD" => manufacturer=Y-cam class=camera
  example  "Y-cam Cube HD"
  example! "Y-cam"
  example! "Y-camera"

rule moxa-vport
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    \bVPort\s?([0-9]{2,3}[A-Z0-9-]{0,12})(?:\b|(?=_))
  set      manufacturer=Moxa model=VPort$1
  weight   0.7
  source   field knowledge: Moxa VPort industrial IP cameras (VPort 36, VPort 56) and video encoders (VPort 461A)
  example  "VPort 461A" => manufacturer=Moxa model=VPort461A
  example  "VPort 36-1MP"
  example! "VPort"
  example! "Viewport 461"

rule axon-bodycam
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Axon\s+(Body\s?[234]|Flex\s?2?|Fleet\s?[23]?)(?:\b|(?=_))
  set      manufacturer=Axon model=$1 class=camera
  weight   0.7
  source   field knowledge: Axon Enterprise body-worn and in-car cameras (Axon Body 3, Axon Flex 2, Axon Fleet 3)
  example  "Axon Body 3" => manufacturer=Axon model="Body 3" class=camera
  example! "Axon Evidence"
  example! "axon body 3"
  example! "Axon"

rule canary-camera-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])Canary\s+(Flex|View|Pro|All-in-One)(?:\b|(?=_))
  set      manufacturer=Canary model=$1 class=camera
  weight   0.7
  source   field knowledge: Canary Connect camera products Canary All-in-One, Flex, View, Pro
  example  "Canary Flex" => manufacturer=Canary model=Flex class=camera
  example! "Canary Wharf"
  example! "Canary"
  example! "canary flex"

rule uniden-camera-line
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Uniden\s+(Guardian(?:\s?G[0-9]{3,4}[A-Z0-9]{0,4})?|AppCam(?:\s?[0-9]{1,3}[A-Z]{0,2})?|U-Bell(?:\s?DB[0-9])?)(?:\b|(?=_))
  set      manufacturer=Uniden model=$1 class=camera
  weight   0.7
  source   field knowledge: Uniden Guardian wireless camera systems, AppCam Wi-Fi cameras and U-Bell doorbells (cloud-and-nvr.md §1.2: Uniden DB1 doorbell rebrand)
  example  "Uniden Guardian G766" => manufacturer=Uniden class=camera
  example  "Uniden AppCam 23"
  example! "Uniden Bearcat"
  example! "Uniden"

rule hive-view-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])(Hive\s+View(?:\s+Outdoor)?)(?:\b|(?=_))
  set      manufacturer=Hive model=$1 class=camera
  weight   0.7
  source   field knowledge: Hive View and Hive View Outdoor cameras (Centrica Hive)
  example  "Hive View Outdoor" => manufacturer=Hive class=camera
  example! "Hive Hub"
  example! "Hive Active Heating"
  example! "beehive view"

rule somfy-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware mdns.txt
  match    (?<![A-Za-z0-9])Somfy\s+(One\+?|Outdoor\s+Camera|Indoor\s+Camera|Security\s+Camera)(?:\b|(?=_))
  flags    i
  set      manufacturer=Somfy model=$1 class=camera
  weight   0.7
  source   field knowledge: Somfy Protect cameras (Somfy One/One+, Indoor Camera, Outdoor Camera)
  example  "Somfy Outdoor Camera" => manufacturer=Somfy class=camera
  example! "Somfy TaHoma"
  example! "Somfy"

rule bosch-camera-ctn
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])((?:NBN|NDE|NDI|NDV|NDN|NDS|NDP|NTI|NBE|NUC|NTC|NBC|NIN|NAI|NDC|NEZ)-[0-9]{4,5}-[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,4})?|(?:VG4|VG5|MIC)-[0-9]{3,4}-[A-Z0-9]{2,8})(?:\b|(?=_))
  set      manufacturer=Bosch model=$1 class=camera
  weight   0.7
  source   field knowledge: Bosch IP camera commercial type numbers (DINION NBN-80052-BA, FLEXIDOME NDE-5503-AL, NDI-5503-A, NDV-3502-F03, NTI-50022-A3, AUTODOME NDP-7512-Z30, VG5-7220-EPC5, MIC-7502-Z30BR)
  example  "NDE-5503-AL" => manufacturer=Bosch model=NDE-5503-AL class=camera
  example  "MIC-7502-Z30BR"
  example  "NBN-80052-BA"
  example! "NDE-55"
  example! "FPA-5000"
  example! "XNDE-5503-AL"

rule bosch-camera-family
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])((?:DINION|FLEXIDOME|AUTODOME|MIC)\s+(?:IP\s+)?(?:starlight\s+|ultra\s+|panoramic\s+|indoor\s+|outdoor\s+|micro\s+|bullet\s+|turret\s+|corner\s+)*(?:[0-9]{3,4}[a-z]?i?|HD|inteox|fusion)(?:\s?[A-Z0-9]{1,6})?)(?:\b|(?=_))
  flags    i
  set      manufacturer=Bosch model=$1 class=camera
  weight   0.7
  source   field knowledge: Bosch camera families DINION IP, FLEXIDOME IP, AUTODOME IP and MIC IP (e.g. FLEXIDOME IP starlight 8000i, AUTODOME IP 5000 HD, MIC IP fusion 9000i)
  example  "FLEXIDOME IP starlight 8000i" => manufacturer=Bosch class=camera
  example  "DINION IP 3000 HD"
  example  "AUTODOME IP 5000i"
  example! "FLEXIDOME"
  example! "DINION"
  example! "AUTODOMES"

rule bosch-videojet-encoder
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])(VIDEOJET\s+(?:decoder\s+[0-9]{4}|multi\s+[0-9]{4}i?|X[0-9]{2}|connect|[0-9]{4})|VJT-X[0-9]{2}[A-Z]{0,4}|VJ[CD]-[0-9]{4}[A-Z0-9-]{0,8}|VIP-X[0-9]{1,4}[A-Z0-9-]{0,8})(?:\b|(?=_))
  flags    i
  set      manufacturer=Bosch model=$1 class=encoder
  weight   0.7
  source   field knowledge: Bosch VIDEOJET encoders and decoders and VIP X encoders (VIDEOJET X20, VJT-X20XF-E, VJD-7513, VIP-X1600-XFM4)
  example  "VIDEOJET X20" => manufacturer=Bosch class=encoder
  example  "VIP-X1600-XFM4"
  example  "VJT-X20XF"
  example! "VIDEOJET"
  example! "VJT-20"

rule bosch-divar-recorder
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware snmp.sysdescr
  match    (?<![A-Za-z0-9])(DIVAR\s+(?:IP\s+(?:all-in-one\s+)?[0-9]{4}|network\s+[0-9]{4}|hybrid\s+[0-9]{4}|AN\s+[0-9]{4})|(?:DIP|DRN|DRH)-[0-9]{4}[A-Z]{0,3}-[A-Z0-9]{2,8})(?:\b|(?=_))
  flags    i
  set      manufacturer=Bosch model=$1 class=nvr
  weight   0.7
  source   field knowledge: Bosch DIVAR IP and DIVAR network/hybrid recorders (DIVAR IP all-in-one 5000, DIP-5244IG-4HD, DRN-5532-400N16, DRH-5532-414D16)
  example  "DIVAR IP all-in-one 5000" => manufacturer=Bosch class=nvr
  example  "DIP-5244IG-4HD"
  example! "DIVAR"
  example! "DIP-52"

rule avtech-avm-camera
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])(AVM[0-9]{3,4}[A-Z]{0,3})(?:\b|(?=_))
  set      manufacturer=Avtech model=$1 class=camera
  weight   0.65
  source   exposure.md §1.15 (AVTECH AVM1203 IP camera, CVE-2024-7029, EOL); field knowledge: AVTECH AVM-series IP cameras (AVM328, AVM1203)
  example  "AVM1203" => manufacturer=Avtech model=AVM1203 class=camera
  example! "AVM12"
  example! "XAVM1203"
