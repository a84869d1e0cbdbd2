# products2.fp: class evidence from the product-number schemes of the
# major PRC makers, round 2 (issue #11 §1, §6): product lines the first
# round (products.fp, model-numbers.fp, field2.fp) left without a class
# or with the wrong maker: Hikvision value-series NVRs, mobile recorders,
# body cameras and long-range PoE switches; Dahua mobile recorders,
# card readers, storage and DHI-prefixed NVR6 recorders (which the
# Uniview NVR3xx/NVR6xx scheme otherwise claimed).  Each rule is a model
# family with the class it names (tier model).  Written from the
# documents named in each rule, not from other projects' fingerprint
# databases.  Format: docs/fingerprints.md.

rule hikvision-value-nvr
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(ERI-K[0-9]{3}-P[0-9]{1,2})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=nvr
  tier     model
  weight   0.8
  source   maciej-or/hikvision_next README.md, "Tested models" (NVR: ERI-K104-P4, tested over Hikvision ISAPI beside DS-7608NI-I2 and DS-7616NI-Q2)
  example  "ERI-K104-P4" => manufacturer=Hikvision model=ERI-K104-P4 class=nvr
  example  "<model>ERI-K216-P16</model>" => model=ERI-K216-P16
  example! "ERI-K104"
  example! "SERI-K104-P4"
  example! "ERI-K104-P4X"

rule hikvision-mobile-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(DS-MP[57][0-9]{3}[A-Z0-9]{0,6}(?:[-/][A-Z0-9()]{1,8}){0,4})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=dvr
  tier     model
  weight   0.8
  source   https://www.syscom.mx/producto/DS-MP5604-HIKVISION-188780.html (DS-MP5604 "DVR Movil", 4 Turbo + 4 IP channels, 4G/GPS); DS-MP5604H-S/GW, a hybrid vehicle recorder, in public fleet-project documents
  example  "DS-MP5604" => manufacturer=Hikvision model=DS-MP5604 class=dvr
  example  "DS-MP7508/GLF/WI58" => model=DS-MP7508/GLF/WI58
  example! "DS-MH2311"
  example! "DS-MP1301"
  example! "XDS-MP5604"

rule hikvision-body-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(DS-MH2[0-9]{3}[A-Z0-9]{0,4}(?:[-/][A-Z0-9]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=camera
  tier     model
  weight   0.75
  source   Hikvision body camera line DS-MH2311 ("Body Camera", asset register of a public fleet-management repository listing manufacturer Hikvision, model DS-MH2311); Hikvision mobile catalogue (DS-MH2xxx body-worn cameras)
  example  "DS-MH2311" => manufacturer=Hikvision model=DS-MH2311 class=camera
  example  "DS-MH2311/32G/GLE" => model=DS-MH2311/32G/GLE
  example! "DS-MH5008"
  example! "DS-MH23"

rule hikvision-longrange-switch
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(DS-3T[0-9]{4}[A-Z0-9]{0,4}(?:[-/][A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=$1@0.6 class=switch
  tier     model
  weight   0.8
  source   Hikvision long-range PoE switch line (DS-3T0506HP-E/HS: unmanaged 4-port Hi-PoE switch with 2 SFP uplinks, 300 m extend mode; DS-3T0306P 4-port PoE switch), product catalogues of Hikvision resellers
  example  "DS-3T0506HP-E/HS" => manufacturer=Hikvision model=DS-3T0506HP-E/HS class=switch
  example  "DS-3T0306P" => class=switch
  example! "DS-3E0510P-E"
  example! "DS-3T05"

rule dahua-mobile-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dhip.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:DHI?-)?(MNVR[0-9]{4}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=dvr
  tier     model
  weight   0.8
  source   Dahua mobile (vehicle) NVR line: "Dahua Mobile NVR MNVR4104", mounted on buses and trucks (public product list of a Vietnamese integrator); Dahua model scheme MNVR = mobile NVR (its NVR family with an M prefix)
  example  "MNVR4104" => manufacturer=Dahua model=MNVR4104 class=dvr
  example  "DHI-MNVR4208-GFWI" => model=MNVR4208-GFWI
  example! "NVR4104HS-4KS2"
  example! "MNVR41"

rule dahua-card-reader
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dhip.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:DHI?-)?(ASR[0-9]{4}[A-Z]{0,3}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.6 model=$1@0.6 class=access-control
  tier     model
  weight   0.8
  source   Dahua DHI-ASR2200A-D datasheet (https://www.dahuasecurity.com/asset/upload/uploads/soft/20210326/DHI-ASR2200A-D_datasheet_20201209.pdf: access card reader, Wiegand/RS-485); Dahua ASR1200A, ASR2100A-D, ASR2101A readers in public product lists
  example  "DHI-ASR2200A-D" => manufacturer=Dahua model=ASR2200A-D class=access-control
  example  "ASR1201A" => class=access-control
  example! "ASR12"
  example! "CASR1201A"

rule dahua-nvr6-prefixed
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dhip.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])DHI?-(NVR6[0-9]{2}[A-Z]{0,2}-[0-9]{2,3}[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.7 model=$1@0.7 class=nvr
  tier     model
  weight   0.85
  source   Dahua WizMind NVR product pages (DHI-NVR608H-128XL "128CH 2U 8HDDs WizMind Network Video Recorder"; DHI-NVR608-64-4KS2, DHI-NVR608-32-4KS2 on Dahua firmware V4.002); the DHI- prefix is Dahua's international product prefix
  example  "DHI-NVR608-64-4KS2" => manufacturer=Dahua model=NVR608-64-4KS2 class=nvr
  example  "DHI-NVR608H-128XL" => model=NVR608H-128XL
  example! "NVR302-16S"
  example! "DHI-NVR5216-16P-4KS2E"

rule vivotek-nvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])((?:ND9[0-9]{3}P?|NR[89][0-9]{3}[A-Z]{0,3})(?:-[A-Z0-9]{1,6})?)(?![A-Za-z0-9])
  set      manufacturer=Vivotek@0.5 model=$1@0.6 class=nvr
  tier     model
  weight   0.75
  source   Vivotek NVR product pages (https://www.vivotek.com/website/nd9541p/: ND9541P network video recorder; ND9326P); NR-series mobile NVRs (NR8401); a public asset register lists "NVR VIVOTEK ND9541P" on Vivotek OUI 00:02:D1
  example  "ND9541P" => model=ND9541P class=nvr manufacturer=Vivotek
  example  "ND9326P" => class=nvr
  example  "NR8401XP" => class=nvr
  example! "IB8369A"
  example! "ND95"

rule axis-recorder-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])AXIS\s+(S(?:30[0-9]{2}|22[0-9]{2}|11[0-9]{2}|12[0-9]{2})(?:\s?Mk\s?II)?)(?:\s+(?:Recorder|Appliance|Workstation|Server))?(?![A-Za-z0-9])|^\s*(S30[0-9]{2})\s*$
  flags    i
  set      manufacturer=Axis@0.6 class=nvr
  tier     model
  weight   0.75
  source   Axis recorder lines: "AXIS S3008 Recorder" (8-channel recorder; Axis product page and distributor price lists), AXIS S3016, S3048; AXIS S22 appliance and S11/S12 recorder series (AXIS Camera Station recorders), axis.com product pages
  example  "AXIS S3008 Recorder" => class=nvr manufacturer=Axis
  example  "AXIS S1148" => class=nvr
  example  "AXIS S2212 Appliance" => class=nvr
  example  "S3016" => class=nvr
  example! "AXIS S9002 Desktop Terminal"
  example! "AXIS M3045-V"

rule lts-nvr-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(LTN[0-9]{4}[A-Z]{0,3}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=LTS@0.5 brand=LTS model=$1@0.6 class=nvr
  tier     model
  weight   0.75
  source   LTS NVR series (LTN8704, LTN8708, LTN8716 "LTS NVRs (LTN series)" with Hikvision-style /Streaming/Channels RTSP paths, public camera-integration docs); oem.tsv LTS LTN line = Hikvision
  example  "LTN8704-P4" => class=nvr model=LTN8704-P4
  example  "LTN8716" => class=nvr
  example! "LTN87"
  example! "CMIP8242W"

rule fanvil-door-phone
  on       sip.server http.title upnp.model upnp.friendly-name mdns.instance snmp.sysdescr
  match    (?<![A-Za-z0-9])Fanvil\s+(i(?:1[0-9]|2[0-9]|3[0-9]|6[0-9])[A-Z]{0,2})(?:\b|(?=_))
  flags    i
  set      manufacturer=Fanvil@0.6 model=$1 class=intercom
  tier     model
  weight   0.7
  source   Fanvil SIP door phone and intercom line i10/i12/i16V/i20S/i30/i31S/i32V/i33V/i62/i64 (fanvil.com product pages; their SIP User-Agent is "Fanvil <model> <firmware>")
  example  "Fanvil i30 2.12.8" => manufacturer=Fanvil model=i30 class=intercom
  example  "Fanvil i16V" => model=i16V
  example! "Fanvil X4U"
  example! "Fanvil"

rule bosch-videojet-decoder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])VIDEOJET\s+decoder(?:\s+[0-9]{4})?\b|\bVJD-[0-9]{4}(?:\b|(?=_))
  flags    i
  set      manufacturer=Bosch@0.6 class=decoder
  tier     model
  weight   0.8
  source   Bosch VIDEOJET decoder 7000 / 8000 (VJD-7513, VJD-8000) datasheets (boschsecurity.com): the VIDEOJET decoder line decodes streams to monitors (the VIDEOJET multi/X encoders encode)
  example  "VIDEOJET decoder 7000" => class=decoder manufacturer=Bosch
  example  "VJD-8000" => class=decoder
  example! "VIDEOJET multi 4000"

rule panasonic-ipro-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(WJ-(?:NX|NV|ND|NU|NXE)[0-9]{3}[A-Z]{0,3}(?:/[A-Z0-9]{1,4})?)(?![A-Za-z0-9])
  set      manufacturer=Panasonic@0.5 model=$1@0.6 class=nvr
  tier     model
  weight   0.8
  source   Panasonic / i-PRO network disk recorders WJ-NX400, WJ-NX200, WJ-NV300, WJ-ND400, WJ-NU101 (i-pro.com and Panasonic security product pages: "Network Disk Recorder"); WV- is Panasonic's camera scheme
  example  "WJ-NX400" => class=nvr model=WJ-NX400
  example  "WJ-NV300/G" => class=nvr
  example! "WV-S2131L"
  example! "WJ-HD616"

rule panasonic-digital-disk-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(WJ-(?:HD|HL|HXE)[0-9]{3}[A-Z]{0,3}(?:/[A-Z0-9]{1,4})?)(?![A-Za-z0-9])
  set      manufacturer=Panasonic@0.5 model=$1@0.6 class=dvr
  tier     model
  weight   0.8
  source   Panasonic digital disk recorders WJ-HD616, WJ-HD716, WJ-HL408 and hybrid WJ-HXE400 (Panasonic security product pages: "Digital Disk Recorder", "Hybrid Disk Recorder")
  example  "WJ-HD616" => class=dvr model=WJ-HD616
  example  "WJ-HXE400" => class=dvr
  example! "WJ-NX400"

rule axis-video-encoder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])AXIS\s+((?:M70[0-9]{2}|M71[0-9]{2}|P72[0-9]{2}|Q74[0-9]{2}|Q7411|Q7436)(?:-[A-Z]{1,3})?(?:\s?Mk\s?II)?)(?![A-Za-z0-9])
  flags    i
  set      manufacturer=Axis@0.6 class=encoder
  tier     model
  weight   0.8
  source   Axis video encoders (axis.com: "AXIS M7104 Video Encoder", "AXIS P7214 Video Encoder", "AXIS Q7424-R Mk II Video Encoder", AXIS M7011, Q7411); M70/M71, P72 and Q74 are Axis's encoder series
  example  "AXIS P7214" => class=encoder manufacturer=Axis
  example  "AXIS Q7424-R Mk II" => class=encoder
  example  "AXIS M7104 Video Encoder" => class=encoder
  example! "AXIS M3045-V"
  example! "AXIS P1435-LE"

rule axis-door-station-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])AXIS\s+((?:A81[0-9]{2}|A82[0-9]{2}|I80[0-9]{2})(?:-[A-Z]{1,3})?)(?![A-Za-z0-9])
  flags    i
  set      manufacturer=Axis@0.6 class=intercom
  tier     model
  weight   0.8
  source   Axis network door stations and intercoms (axis.com: AXIS A8105-E Network Video Door Station, AXIS A8207-VE, AXIS I8016-LVE Network Video Intercom)
  example  "AXIS A8105-E" => class=intercom manufacturer=Axis
  example  "AXIS I8016-LVE" => class=intercom
  example! "AXIS A1601"

rule sony-network-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(NSR-(?:S[0-9]{2}|[0-9]{3,4})[A-Z]{0,2})(?![A-Za-z0-9])
  set      manufacturer=Sony@0.5 model=$1@0.6 class=nvr
  tier     model
  weight   0.75
  source   Sony network surveillance recorders NSR-S20, NSR-500, NSR-1050H (Sony security product pages and manuals: "Network Surveillance Recorder")
  example  "NSR-S20" => class=nvr model=NSR-S20
  example  "NSR-1050H" => class=nvr
  example! "NSR-"

rule hanwha-encoder-class
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(SPE-[0-9]{3,4}[A-Z]{0,2})(?![A-Za-z0-9])
  set      manufacturer="Hanwha Vision"@0.5 model=$1@0.6 class=encoder
  tier     model
  weight   0.75
  source   Hanwha SPE-series network video encoders (SPE-400, SPE-1600R; hanwhavision.com)
  example  "SPE-400" => class=encoder model=SPE-400 manufacturer="Hanwha Vision"
  example  "SPE-1600R" => class=encoder
  example! "SPD-151"

rule hanwha-decoder-class
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(SPD-[0-9]{3,4}[A-Z]{0,2})(?![A-Za-z0-9])
  set      manufacturer="Hanwha Vision"@0.5 model=$1@0.6 class=decoder
  tier     model
  weight   0.75
  source   Hanwha SPD-series network video decoders (SPD-151, SPD-152; hanwhavision.com)
  example  "SPD-151" => class=decoder
  example! "SPE-400"

rule geovision-video-server
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?<![A-Za-z0-9])(GV-VS[0-9]{2,4}[A-Z]{0,2})(?![A-Za-z0-9])
  set      manufacturer=GeoVision@0.6 model=$1@0.6 class=encoder
  tier     model
  weight   0.75
  source   GeoVision GV-VS series video servers (encoders: GV-VS2401, GV-VS12, GV-VS04H; geovision.com.tw product pages)
  example  "GV-VS2401" => class=encoder model=GV-VS2401
  example! "GV-BX2700"
