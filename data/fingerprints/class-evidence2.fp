# Class evidence for multi-product makers whose model numbers already
# named the maker but no recorder or decoder class (issue #11, class
# evidence round 4): Honeywell recorder families (30/35 Series NVRs,
# Performance Series embedded NVRs and HQA DVRs) and Axis video decoders,
# which came out as cameras from generic ONVIF answers.  Class comes from
# the model family in the vendor's own catalogue, never from the maker.
# Format: docs/fingerprints.md.

rule honeywell-nvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(HN3[05](?:04|08|16|32)[0-9]{4}|HEN(?:04|08|16|32|64)[0-9]{3})(?![A-Za-z0-9])
  set      manufacturer=Honeywell@0.6 model=$1@0.5 class=nvr
  tier     model
  weight   0.8
  source   Honeywell 30 Series NVR datasheet (HN30040100, HN30080100, HN30160200); Honeywell 35 Series NVR datasheet (HN35080200, HN35160200, HN35320400); Honeywell Performance Series embedded NVR datasheet (HEN04102, HEN08142, HEN16284)
  example  "HN35080200" => class=nvr manufacturer=Honeywell model=HN35080200
  example  "HN30040100" => class=nvr
  example  "HEN08142" => class=nvr model=HEN08142
  example! "HC35W45R3"
  example! "HEN0814"
  example! "XHEN08142"

rule honeywell-dvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(HRGX(?:41|81|161)[A-Z0-9]{0,4})(?![A-Za-z0-9])
  set      manufacturer=Honeywell@0.6 model=$1@0.5 class=dvr
  tier     model
  weight   0.8
  source   Honeywell Performance Series HQA DVR datasheet (HRGX41, HRGX81, HRGX161: 4/8/16-channel HQA analogue plus IP recorders)
  example  "HRGX81" => class=dvr manufacturer=Honeywell
  example  "HRGX161" => class=dvr
  example! "HRGX"
  example! "HN35080200"

rule axis-video-decoder
  on       onvif.model gb.model onvif.scopes onvif.hardware upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?:\bAXIS\s+|^\s*)((?:T8705|D1110)(?:\s?Mk\s?II)?)(?:\s+Video\s+Decoder(?:\s+4K)?)?\s*(?:$|(?![A-Za-z0-9]))
  flags    i
  set      manufacturer=Axis@0.6 class=decoder
  tier     model
  weight   0.8
  source   Axis product pages and datasheets: "AXIS T8705 Video Decoder" (decodes and shows Axis camera streams on a monitor), "AXIS D1110 Video Decoder 4K"
  example  "AXIS T8705 Video Decoder" => class=decoder manufacturer=Axis
  example  "D1110" => class=decoder
  example  "AXIS D1110 Video Decoder 4K" => class=decoder
  example! "AXIS M7104 Video Encoder"
  example! "AXIS P1435-LE"
  example! "T87050"

# ---- Encoders and decoders of Panasonic/i-PRO, Sony and Bosch ----

rule panasonic-encoder-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])WJ-GXE(?:100|500)(?:[A-Z]{1,2})?(?![A-Za-z0-9])
  set      class=encoder
  tier     model
  weight   0.8
  source   Panasonic / i-PRO WJ-GXE500 Network Video Encoder (4 analogue channels) and WJ-GXE100 Network Video Encoder (1 channel) operating instructions and specification sheets
  example  "WJ-GXE500" => class=encoder
  example  "WJ-GXE100E" => class=encoder
  example! "WJ-GXD400"
  example! "WJ-NX300"

rule panasonic-decoder-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])WJ-GXD400(?:[A-Z]{1,2})?(?![A-Za-z0-9])
  set      class=decoder
  tier     model
  weight   0.8
  source   Panasonic / i-PRO WJ-GXD400 Network Decoder specification sheet (decodes camera streams to monitors)
  example  "WJ-GXD400" => class=decoder
  example  "WJ-GXD400E" => class=decoder
  example! "WJ-GXE500"
  example! "WJ-GXD4000"

rule sony-encoder-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])SNT-(?:EX101|EX104|EX154|EP104|EP154|V704|V501|V304)E?(?![A-Za-z0-9])
  set      class=encoder
  tier     model
  weight   0.8
  source   Sony network video encoder datasheets: SNT-EX101/EX104/EX154 and SNT-EP104/EP154 (1 and 4 channel encoders), SNT-V704 (4 channel video network station), SNT-V501, SNT-V304
  example  "SNT-EX154" => class=encoder
  example  "SNT-EP104" => class=encoder
  example! "SNC-EB600"
  example! "SNT-EX1540"

rule bosch-vip-encoder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])VIP[ -]X(?:1600[ -]XFM4|[12][ -]XF(?:[ -]E)?)(?:\b|(?=_))
  flags    i
  set      class=encoder
  tier     model
  weight   0.8
  source   Bosch VIP X1600 XFM4 (4-channel MPEG-4/H.264 encoder modules) and VIP X1 XF / VIP X2 XF video encoder datasheets (Bosch Security Systems)
  example  "VIP X1600 XFM4" => class=encoder
  example  "VIP X1 XF E" => class=encoder
  example! "VIP X1600"
  example! "VIP X10 XF"

# ---- Hanwha analogue-HD recorders ----

rule hanwha-dvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])((?:HRD|HRX)-(?:4|8|16)[0-9]{1,3}[A-Z]?)(?![A-Za-z0-9])
  set      class=dvr
  tier     model
  weight   0.8
  source   Hanwha Techwin / Wisenet HD+ DVR datasheets: HRD-440, HRD-841, HRD-1642 (analogue HD DVRs) and HRX-1621 (4K analogue HD and IP DVR)
  example  "HRX-1621" => class=dvr
  example  "HRD-841" => class=dvr
  example! "XRN-420S"
  example! "HRD"

# ---- Huawei HoloSens recorders ----

rule huawei-holosens-ivs-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:HoloSens\s+)?IVS1800(?:-[A-Z0-9]{1,8}){0,2}(?![A-Za-z0-9])
  set      class=nvr
  tier     model
  weight   0.8
  source   Huawei HoloSens IVS1800 intelligent video storage product documentation (support.huawei.com: recorder that stores and analyses the streams of connected cameras)
  example  "IVS1800" => class=nvr
  example  "HoloSens IVS1800" => class=nvr
  example! "IVSS7008"
  example! "IVS18000"

# ---- Network keyboards of video systems ----

rule video-network-keyboard
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:DHI?-)?NKB(?:1000|3000|5000)(?:-[A-Z0-9]{1,6})?(?![A-Za-z0-9])|(?<![A-Za-z0-9])DS-1[0-9]00KI(?:\([A-Z]\))?(?![A-Za-z0-9])
  set      class=other
  tier     model
  weight   0.8
  source   Dahua NKB1000 / NKB3000 / NKB5000 Network Keyboard datasheets; Hikvision DS-1100KI / DS-1200KI / DS-1600KI network keyboard datasheets (joystick consoles that control cameras and recorders; they capture no video)
  example  "DH-NKB1000" => class=other
  example  "DS-1100KI" => class=other
  example! "NKB10000"
  example! "DS-1100K"

# ---- Dahua DHIP DeviceClass values of non-camera product lines ----

# The DeviceClass a Dahua device gives in its DHIP discovery answer is its
# product-line prefix.  NVS is Dahua's "network video server", an encoder
# (NVS0104HDC), not a recorder; NVD a decoder; HVR a hybrid DVR; ARC the
# alarm hubs; ASI/ASC/ASA the access terminals and controllers.
rule dahua-dhip-class-encoder
  on       dhip.class
  match    ^\s*NVS\s*$
  flags    i
  set      class=encoder
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass is the product-line prefix); Dahua datasheets NVS0104HDC / NVS0404HDC (NVS = network video server, HDCVI video encoder)
  example  "NVS" => class=encoder
  example! "NVR"
  example! "NVSS"

rule dahua-dhip-class-decoder
  on       dhip.class
  match    ^\s*NVD\s*$
  flags    i
  set      class=decoder
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); Dahua datasheet NVD0405DH-4I-4K (NVD = network video decoder)
  example  "NVD" => class=decoder
  example! "NVR"

rule dahua-dhip-class-hybrid-dvr
  on       dhip.class
  match    ^\s*HVR\s*$
  flags    i
  set      class=dvr
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); Dahua HVR hybrid (analogue plus IP) digital video recorder datasheets
  example  "HVR" => class=dvr
  example! "NVR"

rule dahua-dhip-class-alarm
  on       dhip.class
  match    ^\s*ARC\s*$
  flags    i
  set      class=alarm-panel
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); Dahua Alarm Hub user's manual V2.0.2 for ARC3000H-W2 (ARC = alarm hubs and controllers)
  example  "ARC" => class=alarm-panel
  example! "ASI"

rule dahua-dhip-class-access
  on       dhip.class
  match    ^\s*(?:ASI|ASC|ASA)\s*$
  flags    i
  set      class=access-control
  tier     role
  weight   0.85
  source   protocols.md §5 (DHIP DeviceClass); Dahua access control datasheets (ASI7213Y standalone terminal, ASC1204B controller, ASA1222E attendance terminal)
  example  "ASI" => class=access-control
  example  "ASC" => class=access-control
  example! "ARC"
  example! "IPC"
