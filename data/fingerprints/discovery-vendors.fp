# Vendor discovery protocols beyond SADP, DHIP, SSDP, mDNS and WS-Discovery
# (issue #16): replies decoded by the kinds dh5050, bosch-disc, hanwha-disc,
# panasonic-disc, sony-disc, sony-snc-disc, vivotek-disc, foscam-disc,
# vstarcam-disc, ubnt-disc, gvcp, v360-disc and nice-disc
# (src/parse/parse_vd_*.c).  Written from the layouts and their sources in
# /work/shared/docs/discovery-protocols.md (cited per rule as dp.md §N);
# a <prefix>.reply value exists only for a datagram that parsed as a reply
# of that protocol (magic, type and layout checked), so the protocol itself
# names its maker.  Format: docs/fingerprints.md.

# --- Dahua legacy search (UDP 5050), dp.md §11 -----------------------------

rule dh5050-protocol
  on       dh5050.reply
  match    ^dh5050 reply;
  set      manufacturer=Dahua
  weight   0.85
  source   discovery-protocols.md §11 (Dahua version-1 search: 0xB3 reply to the 0xA3 request on UDP 5050); protocols.md §6 (request a3 01 00 01, reply b3 00 23 01)
  example  "dh5050 reply; mac=3c:ef:8c:01:02:03; addr=198.18.0.20; vendor=; model=IPC-HFW1230S; firmware=; name=; serial=4A01; class=" => manufacturer=Dahua
  example! "bosch-disc reply; mac=00:07:5f:12:34:56"

rule dh5050-model
  on       dh5050.model
  match    ^\s*([A-Z][A-Z0-9]{1,5}-[A-Za-z0-9][A-Za-z0-9-]{1,40})
  set      model=$1
  weight   0.85
  source   discovery-protocols.md §11 (section 2 carries the model after the MAC; section-1 device type otherwise)
  example  "IPC-HFW1230S" => model=IPC-HFW1230S
  example! "IPC"

rule dh5050-class
  on       dh5050.model
  match    ^\s*(?:IPC|SD|DH-IPC|DH-SD)(?:-|$)
  set      class=camera
  tier     model
  weight   0.7
  source   discovery-protocols.md §11 (device type field); exposure.md §1 (Dahua IPC-/SD- camera families)
  example  "IPC-HFW1230S" => class=camera
  example  "IPC"
  example! "NVR4104-P"

rule dh5050-class-recorder
  on       dh5050.model
  match    ^\s*(?:DH-)?(?:NVR|XVR|HCVR|DVR)[0-9A-Z-]
  set      class=nvr
  tier     model
  weight   0.7
  source   discovery-protocols.md §11 (device type field); exposure.md §1 (Dahua NVR/XVR recorder families)
  example  "NVR4104-P" => class=nvr
  example! "IPC-HFW1230S"

# --- Bosch (UDP 1757, replies on 1758), dp.md §1 ---------------------------

rule bosch-disc-protocol
  on       bosch.reply
  match    ^bosch-disc reply;
  set      manufacturer=Bosch
  weight   0.85
  source   discovery-protocols.md §1 (Bosch scan request magic 0x9939A427 on UDP 1757, replies on 1758; RCP+ reference "Autodetecting Devices")
  example  "bosch-disc reply; mac=00:07:5f:12:34:56; addr=198.18.0.20; vendor=; model=; firmware=; name=; serial=; class=" => manufacturer=Bosch
  example! "hanwha-disc reply; mac=00:09:18:ab:cd:ef"

rule bosch-disc-model
  on       bosch.model
  match    ^\s*((?:FLEXIDOME|DINION|AUTODOME|MIC|VIDEOJET|DIVAR|NBN|NDN|NDE|NTI|NUC)[A-Za-z0-9 ._/-]{0,50}?)\s*$
  set      model=$1 class=camera@0.6
  tier     model
  weight   0.8
  source   discovery-protocols.md §1 (XML friendlyName = device type); Bosch product families FLEXIDOME/DINION/AUTODOME/MIC cameras (Bosch catalogue names)
  example  "DINION IP 5000" => model="DINION IP 5000" class=camera
  example! "Bosch"

rule bosch-disc-model-other
  on       bosch.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._/()-]{1,50}?)\s*$
  set      model=$1@0.5
  weight   0.5
  source   discovery-protocols.md §1 (XML friendlyName, used as device type / model by the implementation the layout rests on; a user may rename it, hence the low weight)
  example  "NBE-4502-AL" => model=NBE-4502-AL
  example! "  "

rule bosch-disc-encoder
  on       bosch.model
  match    ^\s*VIDEOJET(?:\b|(?=_))
  set      class=encoder
  tier     model
  weight   0.75
  source   discovery-protocols.md §1 (friendlyName); VIDEOJET is Bosch's video encoder line (Bosch catalogue)
  example  "VIDEOJET decoder 8000"
  example  "VIDEOJET multi 4000" => class=encoder
  example! "DINION IP 5000"

# --- Hanwha Vision / Samsung Techwin (UDP 7701, replies on 7711), dp.md §2 --

rule hanwha-disc-protocol
  on       hanwha.reply
  match    ^hanwha-disc reply;
  set      manufacturer="Hanwha Vision"
  weight   0.85
  source   discovery-protocols.md §2 (IP Installer search: type 0x01 request on UDP 7701, 262-byte type 0x0B reply on 7711)
  example  "hanwha-disc reply; mac=00:09:18:ab:cd:ef; addr=198.18.0.20; vendor=; model=XNV-6080R; firmware=; name=; serial=; class=" => manufacturer="Hanwha Vision"
  example! "bosch-disc reply; mac=00:07:5f:12:34:56"

rule hanwha-disc-model
  on       hanwha.model
  match    ^\s*([A-Z]{2,4}-[A-Z0-9]{3,12})
  set      model=$1
  weight   0.7
  source   discovery-protocols.md §2 (device type / model, 10 bytes, long names cut: a prefix of the model)
  example  "XNV-6080R" => model=XNV-6080R
  example! "x"

rule hanwha-disc-class
  on       hanwha.model
  match    ^\s*(?:[XQPH]N[VDOBPF]|SN[VDOBP]|SCV|SCO|SND|SNO)-
  set      class=camera
  tier     model
  weight   0.7
  source   discovery-protocols.md §2 (model field); Wisenet naming: XNV/XND/XNO/QNV/PNV... network cameras, XRN/QRN/PRN recorders (Hanwha catalogue)
  example  "XNV-6080R" => class=camera
  example! "XRN-810S"

rule hanwha-disc-recorder
  on       hanwha.model
  match    ^\s*(?:[XQPHA]RN|SRN|HRX)-
  set      class=nvr
  tier     model
  weight   0.7
  source   discovery-protocols.md §2 (model field); Wisenet XRN/QRN/PRN/ARN network video recorders (Hanwha catalogue)
  example  "XRN-810S" => class=nvr
  example! "XNV-6080R"

# --- Panasonic / i-PRO Easy IP Setup (UDP 10670/10669), dp.md §3 -----------

rule panasonic-disc-protocol
  on       panasonic.reply
  match    ^panasonic-disc reply;
  set      manufacturer=Panasonic
  weight   0.8
  source   discovery-protocols.md §3 (Easy IP Setup: header 0x0001, command 0x000D search on UDP 10670 from 10669; UniversalScanner and Easy_IP agree)
  example  "panasonic-disc reply; mac=00:80:45:12:34:56; addr=198.18.0.20; vendor=; model=WV-S2131L; firmware=2.40; name=Lobby; serial=XBA01234; class=" => manufacturer=Panasonic
  example! "sony-disc reply; mac=08:00:46:12:34:56"

rule panasonic-disc-model
  on       panasonic.model
  match    ^\s*([A-Z]{2,3}-[A-Z0-9]{3,14})
  set      model=$1
  weight   0.85
  source   discovery-protocols.md §3 (tag 0xA8 model name)
  example  "WV-S2131L" => model=WV-S2131L
  example! "camera"

rule panasonic-disc-firmware
  on       panasonic.firmware
  match    ^\s*([0-9][0-9A-Za-z._-]{0,30})
  set      firmware=$1
  weight   0.8
  source   discovery-protocols.md §3 (tag 0xA9 firmware version, Easy_IP)
  example  "2.40" => firmware=2.40
  example! "Unknown"

rule panasonic-disc-recorder
  on       panasonic.class panasonic.model
  match    ^\s*(?:recorder$|NX[0-9]|WJ-)
  set      class=nvr
  tier     role
  weight   0.75
  source   discovery-protocols.md §3 (Easy_IP: a recorder has tag 0xC0 channel count, or a model starting NX or WJ)
  example  "recorder" => class=nvr
  example  "NX400"
  example! "WV-S2131L"

rule panasonic-disc-camera
  on       panasonic.model
  match    ^\s*(?:WV|BB|BL|K-E)-
  set      class=camera
  tier     model
  weight   0.6
  source   discovery-protocols.md §3 (model tag); WV- network camera model prefix (Panasonic/i-PRO catalogue)
  example  "WV-S2131L" => class=camera
  example! "NX400"

# --- Sony (UDP 52380 SRG/BRC, UDP 2380 SNC), dp.md §4 ----------------------

rule sony-disc-protocol
  on       sony.reply
  match    ^sony(?:-snc)?-disc reply;
  set      manufacturer=Sony
  weight   0.85
  source   discovery-protocols.md §4 (Sony SRG-120DH technical manual p.33: STX, NAME:value units ended by 0xFF, ETX; ENQ:network inquiry on UDP 52380)
  example  "sony-disc reply; mac=08:00:46:12:34:56; addr=198.18.0.20; vendor=; model=SRG-300SE; firmware=2.10; name=CAM1; serial=; class=" => manufacturer=Sony
  example  "sony-snc-disc reply; mac=08:00:46:ab:cd:ef; addr=; vendor=; model=SNC-EM602R; firmware=; name=; serial=1; class="
  example! "foscam-disc reply; mac=; addr=198.18.0.20"

rule sony-disc-model
  on       sony.model
  match    ^\s*([A-Z]{2,4}-[A-Z0-9]{2,12})
  set      model=$1 class=camera@0.7
  tier     model
  weight   0.85
  source   discovery-protocols.md §4 (MODEL unit); SRG/BRC PTZ and SNC network cameras (Sony manuals)
  example  "SRG-300SE" => model=SRG-300SE class=camera
  example  "SNC-EM602R" => model=SNC-EM602R
  example! "x"

rule sony-disc-firmware
  on       sony.firmware
  match    ^\s*([0-9][0-9A-Za-z._-]{0,30})
  set      firmware=$1
  weight   0.8
  source   discovery-protocols.md §4 (SOFTVERSION unit, SRG-120DH technical manual)
  example  "2.10" => firmware=2.10
  example! "v"

# --- Vivotek (UDP 10000, magic 0x4A5D8F1C), dp.md §5 -----------------------

rule vivotek-disc-protocol
  on       vivotek.reply
  match    ^vivotek-disc reply;
  set      manufacturer=Vivotek
  weight   0.85
  source   discovery-protocols.md §5 (Vivotek search: magic 0x4A5D8F1C after a session byte, UDP 10000)
  example  "vivotek-disc reply; mac=00:02:d1:11:22:33; addr=198.18.0.20; vendor=; model=IB9368H; firmware=; name=Lot; serial=; class=" => manufacturer=Vivotek
  example! "foscam-disc reply; mac=; addr=198.18.0.20"

rule vivotek-disc-model
  on       vivotek.model
  match    ^\s*([A-Z]{2}[0-9]{4}[A-Z0-9-]{0,10})
  set      model=$1 class=camera@0.6
  tier     model
  weight   0.8
  source   discovery-protocols.md §5 (type 0x09 short name = model); Vivotek model names IB/FD/IP/MD + 4 digits (Vivotek catalogue)
  example  "IB9368H" => model=IB9368H class=camera
  example! "Lot 1"

rule vivotek-disc-model-other
  on       vivotek.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._-]{1,30}?)\s*$
  set      model=$1@0.5
  weight   0.5
  source   discovery-protocols.md §5 (type 0x09 short name, used as model)
  example  "CC8130" => model=CC8130
  example! " "

rule vivotek-disc-recorder
  on       vivotek.model
  match    ^\s*ND[0-9]{4}
  set      class=nvr
  tier     model
  weight   0.75
  source   discovery-protocols.md §5 (model field); ND-series network video recorders (Vivotek catalogue)
  example  "ND9441P" => class=nvr
  example! "IB9368H"

# --- Foscam / Wansview MO_I (UDP 10000), dp.md §6 --------------------------

rule foscam-disc-protocol
  on       foscam.reply
  match    ^foscam-disc reply;
  set      manufacturer=Foscam class=camera@0.6
  tier     role
  weight   0.75
  source   discovery-protocols.md §6 (Foscam/Wansview "IP Camera Search Protocol": MO_I header, Search_Resp opcode 1, 88 bytes; the protocol is shared by Wansview-badged units of the same firmware)
  example  "foscam-disc reply; mac=; addr=198.18.0.20; vendor=; model=; firmware=11.37.2.49; name=FI8918W; serial=00626E4A1B2C; class=" => manufacturer=Foscam class=camera
  example! "vivotek-disc reply; mac=00:02:d1:11:22:33"

rule foscam-disc-firmware
  on       foscam.firmware
  match    ^([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})$
  set      firmware=$1
  weight   0.75
  source   discovery-protocols.md §6 (Search_Resp system firmware version, four bytes a.b.c.d at 0x4D)
  example  "11.37.2.49" => firmware=11.37.2.49
  example! "v1"

rule foscam-disc-model-name
  on       foscam.name
  match    ^\s*((?:FI|C|R|FI9|FI8)[0-9]{1,4}[A-Z0-9]{0,6})\s*$
  set      model=$1@0.4
  weight   0.5
  source   discovery-protocols.md §6 (camera name, 21 bytes: the factory name is the model on FI89xx units; a user may rename it, hence the low weight)
  example  "FI8918W" => model=FI8918W
  example! "Front door"

# --- Vstarcam (UDP 8600, "DH" 01 08), dp.md §7 -----------------------------

rule vstarcam-disc-protocol
  on       vstarcam.reply
  match    ^vstarcam-disc reply;
  set      manufacturer=Vstarcam class=camera@0.6
  tier     role
  weight   0.8
  source   discovery-protocols.md §7 (Vstarcam search "DH" 01 01 on UDP 8600, reply "DH" 01 08)
  example  "vstarcam-disc reply; mac=48:02:2a:01:02:03; addr=198.18.0.20; vendor=; model=C7824WIP; firmware=48.2.64.36; name=; serial=VSTC1; class=" => manufacturer=Vstarcam
  example! "ubnt-disc reply; mac=24:a4:3c:01:02:03"

rule vstarcam-disc-model
  on       vstarcam.model
  match    ^\s*([A-Z]{1,2}[0-9]{2,5}[A-Z0-9-]{0,10})\s*$
  set      model=$1
  weight   0.6
  source   discovery-protocols.md §7 (name field at 0x7C, used as model); cloud-and-nvr.md §1.9 (C7815WIP/C7823WIP models)
  example  "C7824WIP" => model=C7824WIP
  example! "ipcam"

rule vstarcam-disc-firmware
  on       vstarcam.firmware
  match    ^\s*([0-9][0-9.]{2,30})
  set      firmware=$1
  weight   0.7
  source   discovery-protocols.md §7 (firmware field at 0xCC)
  example  "48.2.64.36" => firmware=48.2.64.36
  example! "x"

# --- Ubiquiti (UDP 10001), dp.md §8 ----------------------------------------

rule ubnt-disc-protocol
  on       ubnt.reply
  match    ^ubnt-disc reply;
  set      manufacturer=Ubiquiti
  weight   0.85
  source   discovery-protocols.md §8 (Ubiquiti discovery on UDP 10001: version/command/length header and type-length-value records, per nitefood/python-ubnt-discovery README and headlesszeke/ubiquiti-probing README)
  example  "ubnt-disc reply; mac=24:a4:3c:01:02:03; addr=198.18.0.20; vendor=; model=UVC G3; firmware=4.23.8; name=garage; serial=; class=UVC-G3" => manufacturer=Ubiquiti
  example! "gvcp reply; mac=00:30:53:1a:2b:3c"

rule ubnt-disc-camera
  on       ubnt.model ubnt.class
  match    ^\s*(UVC[ -][A-Za-z0-9 .-]{1,30}?|UVC)\s*$
  set      model=$1 class=camera
  tier     model
  weight   0.8
  source   discovery-protocols.md §8 (TLV 0x0C product code, 0x14/0x15 model); headlesszeke/ubiquiti-probing README shows an AirCam reply; UVC = UniFi Video Camera (Ubiquiti catalogue)
  example  "UVC G3" => model="UVC G3" class=camera
  example  "UVC-G4-PRO" => class=camera
  example! "U6-Lite"

rule ubnt-disc-nvr
  on       ubnt.model ubnt.class
  match    ^\s*(UNVR[A-Za-z0-9 -]{0,12}|UCK[A-Za-z0-9 -]{0,12}|UDM[A-Za-z0-9 -]{0,12})\s*$
  set      model=$1 class=nvr@0.6
  tier     model
  weight   0.7
  source   discovery-protocols.md §8 (model TLVs); UNVR / Cloud Key (UCK) / Dream Machine run UniFi Protect recordings (Ubiquiti catalogue)
  example  "UNVR" => class=nvr
  example! "UVC G3"

rule ubnt-disc-model
  on       ubnt.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._-]{1,40}?)\s*$
  set      model=$1@0.6
  weight   0.6
  source   discovery-protocols.md §8 (TLV 0x14 model v1 / 0x15 model v2)
  example  "U6-Lite" => model=U6-Lite
  example! " "

rule ubnt-disc-firmware
  on       ubnt.firmware
  match    (?:^|\.)v?([0-9]+\.[0-9]+\.[0-9]+(?:\.[0-9]+)?)
  set      firmware=$1
  weight   0.7
  source   discovery-protocols.md §8 (TLV 0x03 full firmware string platform.vX.Y.Z.build, TLV 0x16 version; headlesszeke/ubiquiti-probing README reply examples)
  example  "UVC.S2L.v4.23.8.67.0eca0f3.200511.1233" => firmware=4.23.8.67
  example  "4.51.20" => firmware=4.51.20
  example! "UVC"

# --- GigE Vision (GVCP, UDP 3956), dp.md §13 -------------------------------

rule gvcp-manufacturer
  on       gvcp.manufacturer
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 &.,()-]{1,40}?)\s*$
  set      manufacturer=$1@0.8
  weight   0.8
  source   discovery-protocols.md §13 (DISCOVERY_ACK manufacturer name, 32 bytes at body offset 0x48; PcapPlusPlus GvcpLayer.h gvcp_discovery_body, after the GigE Vision specification 2.0)
  example  "Basler" => manufacturer=Basler
  example! "  "

rule gvcp-model
  on       gvcp.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._/+-]{1,40}?)\s*$
  set      model=$1
  weight   0.85
  source   discovery-protocols.md §13 (DISCOVERY_ACK model name at body offset 0x68)
  example  "acA1920-25gm" => model=acA1920-25gm
  example! " "

rule gvcp-firmware
  on       gvcp.firmware
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._-]{0,40}?)\s*$
  set      firmware=$1
  weight   0.7
  source   discovery-protocols.md §13 (DISCOVERY_ACK device version at body offset 0x88)
  example  "106755-20" => firmware=106755-20
  example! " "

rule gvcp-transmitter
  on       gvcp.class
  match    ^transmitter$
  set      class=camera@0.6
  tier     role
  weight   0.6
  source   discovery-protocols.md §13 (device mode class transmitter: a GigE Vision streaming source, i.e. a camera)
  example  "transmitter" => class=camera
  example! "receiver"

# --- 360 Vision Technology (UDP 3600), dp.md §9 ----------------------------

rule v360-disc-protocol
  on       v360.reply
  match    ^v360-disc reply;
  set      manufacturer="360 Vision" class=camera@0.6
  tier     role
  weight   0.75
  source   discovery-protocols.md §9 (360 Vision search "DISCOVER" on UDP 3600, reply TYPE=/KEY= pairs)
  example  "v360-disc reply; mac=; addr=; vendor=; model=Predator; firmware=; name=; serial=0A1B; class=" => manufacturer="360 Vision"
  example! "nice-disc reply; mac=00:0d:8b:01:02:03"

rule v360-disc-model
  on       v360.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._-]{1,40}?)\s*$
  set      model=$1
  weight   0.6
  source   discovery-protocols.md §9 (TYPE = product, used as model)
  example  "Predator" => model=Predator
  example! " "

# --- NICE Vision (UDP 2007), dp.md §10 -------------------------------------

rule nice-disc-protocol
  on       nice.reply
  match    ^nice-disc reply;
  set      manufacturer=NICE class=camera@0.4
  tier     role
  weight   0.75
  source   discovery-protocols.md §10 (NICE Vision search: "NICE" header on UDP 2007, 90-byte reply)
  example  "nice-disc reply; mac=00:0d:8b:01:02:03; addr=198.18.0.20; vendor=; model=VT-1; firmware=5.3.0.12; name=; serial=; class=" => manufacturer=NICE
  example! "v360-disc reply; mac="

rule nice-disc-model
  on       nice.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9 ._-]{1,30}?)\s*$
  set      model=$1@0.5
  weight   0.5
  source   discovery-protocols.md §10 (device name at 0x4A, used as model)
  example  "VT-1" => model=VT-1
  example! " "

rule nice-disc-firmware
  on       nice.firmware
  match    ^([0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5})$
  set      firmware=$1@0.4
  weight   0.4
  source   discovery-protocols.md §10 (four u16 version words at 0x1E; their byte order is assumed)
  example  "5.3.0.12" => firmware=5.3.0.12
  example! "x"

# --- Arecont Vision (mDNS _arec._tcp), dp.md §12 ---------------------------

rule arecont-mdns-service
  on       mdns.service
  match    ^_arec\._tcp(?:\.local)?\.?$
  set      manufacturer="Arecont Vision" class=camera@0.6
  tier     role
  weight   0.85
  source   discovery-protocols.md §12 (Arecont Vision devices answer the DNS-SD service type _arec._tcp.local; Arecont's OUI 00-1A-07 in IEEE oui.csv)
  example  "_arec._tcp.local" => manufacturer="Arecont Vision" class=camera
  example! "_axis-video._tcp.local"

rule arecont-mdns-model
  on       arecont.model
  match    ^\s*(AV[0-9][A-Za-z0-9]{1,20})\s*$
  set      model=$1 manufacturer="Arecont Vision"@0.6
  weight   0.8
  source   discovery-protocols.md §12 (instance "<model>-<id>": the part before the first '-' is the model; Arecont models are AV + digits, e.g. AV2155DN)
  example  "AV2155DN" => model=AV2155DN
  example! "camera"
