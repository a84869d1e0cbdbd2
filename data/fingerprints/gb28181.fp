# gb28181.fp: GB/T 28181, the PRC national standard for networked video
# surveillance (SIP signalling; MANSCDP XML bodies).  Its devices --
# cameras, NVRs, DVRs, encoders of every PRC maker -- register with a
# 20-digit code of coding rule A and answer DeviceInfo queries with their
# Manufacturer, Model, Firmware and DeviceType.  The decoder (kind sip)
# emits gb.manufacturer, gb.model, gb.firmware, gb.device-type and
# gb.device-id; model-family rules elsewhere read gb.model too.  Written
# from the standard and the pages cited, not from other projects'
# fingerprint databases.  Format: docs/fingerprints.md.

rule gb-manufacturer-brand
  on       gb.manufacturer
  lookup   brands
  weight   0.85
  source   GB/T 28181-2016 Annex A (MANSCDP DeviceInfo answer: Manufacturer, the device maker), mapped through the brand table
  example  "HIKVISION" => manufacturer=Hikvision brand=Hikvision
  example  "Tiandy" => manufacturer=Tiandy
  example! "General"

rule gb-manufacturer-raw
  on       gb.manufacturer
  match    ^\s*(?!(?:General|Private|Generic|Manufacturer|Unknown|Default|N/A|none|NVR|DVR|IPC|Camera|IP ?Camera|GB28181|GB/T ?28181)\s*$)(\S.{0,62})
  flags    i
  set      manufacturer=$1
  weight   0.45
  source   GB/T 28181-2016 Annex A (MANSCDP DeviceInfo Manufacturer as reported; device-kind words name no company)
  example  "Kedacom" => manufacturer=Kedacom
  example! "IPC"
  example! "Unknown"

rule gb-model
  on       gb.model
  match    ^\s*(?!(?:NVR|DVR|IPC|Camera|IP ?Camera|Unknown|N/A)\s*$)(\S.{0,62})
  flags    i
  set      model=$1
  weight   0.8
  source   GB/T 28181-2016 Annex A (MANSCDP DeviceInfo Model); the model families of the makers' own rules read gb.model for class
  example  "DS-7916N-R4" => model=DS-7916N-R4
  example! "NVR"

rule gb-firmware
  on       gb.firmware
  match    ^\s*(\S.{0,62})
  set      firmware=$1
  weight   0.8
  source   GB/T 28181-2016 Annex A (MANSCDP DeviceInfo Firmware)
  example  "V4.72.107" => firmware=V4.72.107
  example! "   "

rule gb-device-type-camera
  on       gb.device-type
  match    ^\s*(?:IPC|IP ?Camera|Camera|Network Camera)\s*$
  flags    i
  set      class=camera surveillance=yes
  tier     role
  weight   0.6
  source   GB/T 28181-2016 Annex A (MANSCDP DeviceInfo DeviceType: the kind of front-end device answering)
  example  "IPC" => class=camera
  example! "DVR"

rule gb-device-type-recorder
  on       gb.device-type
  match    ^\s*(?:DVR|NVR|HVR|XVR)\s*$
  flags    i
  set      surveillance=yes
  weight   0.6
  source   GB/T 28181-2016 Annex A (DeviceInfo DeviceType); a recorder kind without its class: Hikvision NVRs answer DVR (a GB28181 client's comment quoting a DS-7916N-R4's DeviceInfo), so the model decides NVR or DVR
  example  "DVR" => surveillance=yes
  example  "NVR" => surveillance=yes
  example! "IPC"

rule gb-code-recorder
  on       gb.device-id
  match    ^[0-9]{10}(?:111|118)[0-9]{7}$
  set      surveillance=yes
  weight   0.5
  source   GB/T 28181-2016 Annex D coding rule A (digits 11-13 the type: 111 DVR, 118 NVR; 365seal.com/y/JmpwQEALvw.html, makers code recorders differently), codes are set at installation: video role only
  example  "34020000001110000005" => surveillance=yes
  example  "34020000001180000001" => surveillance=yes
  example! "34020000002000000001"
  example! "3402000000111000000"

rule gb-code-camera
  on       gb.device-id
  match    ^[0-9]{10}13[12][0-9]{7}$
  set      class=camera surveillance=yes
  tier     role
  weight   0.65
  source   GB/T 28181-2016 Annex D coding rule A (131 camera, 132 network camera; 365seal.com/y/JmpwQEALvw.html: 132 camera); outweighs a maker-named SIP agent's door-station guess
  example  "34020000001320000001" => class=camera
  example  "32028100001310000001" => class=camera
  example! "34020000002000000001"
  example! "34020000001180000001"

rule gb-code-encoder
  on       gb.device-id
  match    ^[0-9]{10}11[23][0-9]{7}$
  set      class=encoder surveillance=yes
  tier     role
  weight   0.5
  source   GB/T 28181-2016 Annex D coding rule A (type 112 video server, 113 encoder)
  example  "34020000001130000001" => class=encoder
  example! "34020000001140000001"

rule gb-code-decoder
  on       gb.device-id
  match    ^[0-9]{10}114[0-9]{7}$
  set      class=decoder surveillance=yes
  tier     role
  weight   0.5
  source   GB/T 28181-2016 Annex D coding rule A (type 114 decoder)
  example  "34020000001140000001" => class=decoder
  example! "34020000001130000001"
