# Vendor device-information APIs (issue #11 §5).  The decoders of
# src/parse/decode.c (kinds isapi, dahua-cgi, dahua-rpc2, axis-bdi,
# sunapi, lapi; also read from http bodies) split each answer into the
# fields below; the probes hik-isapi, dahua-rpc2, dahua-magicbox,
# axis-bdi, hanwha-sunapi and uniview-lapi ask for them with read-only
# requests and no credentials.  Class comes from the device-type fields,
# never from the maker.  Format: docs/fingerprints.md.

# ---- Hikvision ISAPI /ISAPI/System/deviceInfo ----

rule isapi-model
  on       isapi.model
  match    ^\s*([A-Za-z0-9][^\s<>"]{1,62})
  set      model=$1 manufacturer=Hikvision@0.5
  weight   0.9
  source   protocols.md §4 (ISAPI DeviceInfo <model>; Hikvision ISAPI Core Protocol, System/deviceInfo)
  example  "DS-2CD2385G1-I" => model=DS-2CD2385G1-I manufacturer=Hikvision
  example  "DS-7608NI-K2" => model=DS-7608NI-K2
  example! ""

rule isapi-firmware
  on       isapi.firmware
  match    ^\s*([Vv]?[0-9][^\s<>"]{0,62})
  set      firmware=$1
  weight   0.85
  source   protocols.md §4 (ISAPI DeviceInfo <firmwareVersion>, e.g. V5.6.2)
  example  "V5.6.2" => firmware=V5.6.2
  example  "V4.30.085" => firmware=V4.30.085
  example! "build 190701"

rule isapi-type-camera
  on       isapi.device-type
  match    ^\s*(?:IPCamera|IPDome|IPZoom)\s*$
  flags    i
  set      class=camera
  weight   0.9
  source   protocols.md §4 (ISAPI DeviceInfo deviceType IPCamera | IPDome | NVR | DVR; [HIKNEXT] fixtures)
  example  "IPCamera" => class=camera
  example  "IPDome"
  example! "NVR"

rule isapi-type-nvr
  on       isapi.device-type
  match    ^\s*NVR\s*$
  flags    i
  set      class=nvr
  weight   0.9
  source   protocols.md §4 (ISAPI DeviceInfo deviceType NVR)
  example  "NVR" => class=nvr
  example! "DVR"

rule isapi-type-dvr
  on       isapi.device-type
  match    ^\s*DVR\s*$
  flags    i
  set      class=dvr
  weight   0.9
  source   protocols.md §4 (ISAPI DeviceInfo deviceType DVR)
  example  "DVR" => class=dvr
  example! "NVR"

rule isapi-manufacturer
  on       isapi.manufacturer
  match    ^\s*(\S[^<>]{0,62}?)\s*$
  lookup   brands
  weight   0.85
  source   protocols.md §4 (ISAPI DeviceInfo <manufacturer>, "hikvision" on newer firmware)
  example  "hikvision" => manufacturer=Hikvision brand=Hikvision
  example! "Hangzhou"

# ---- Dahua magicBox.cgi and RPC2 (Dahua HTTP API; Amcrest and other OEMs share it) ----

rule dahua-api-model
  on       dahua.model
  match    ^\s*(?:DH-)?((?=[A-Za-z0-9._+/()-]{0,62}[A-Za-z])[A-Za-z0-9][A-Za-z0-9._+/()-]{1,62})
  set      model=$1 manufacturer=Dahua@0.55
  weight   0.85
  source   protocols.md §6 (magicBox.cgi getDeviceType "type=", RPC2 magicBox.getDeviceType params.type; Dahua HTTP API for IPC & NVR)
  example  "IPC-HDW1431T1-S4" => model=IPC-HDW1431T1-S4 manufacturer=Dahua
  example  "DH-XVR5104HS-I3" => model=XVR5104HS-I3
  example! " "
  example! "31"

rule dahua-api-firmware
  on       dahua.firmware
  match    ^\s*([0-9][0-9A-Za-z.]{2,40})
  set      firmware=$1
  weight   0.85
  source   protocols.md §5, §6 (Version "2.800.0000000.13.R"; magicBox getSoftwareVersion "version=")
  example  "2.800.0000000.13.R,build:2020-03-11" => firmware=2.800.0000000.13.R
  example! "Default"

rule dahua-api-class-camera
  on       dahua.device-class
  match    ^\s*(?:IPC|SD|ITC|TPC|PTZ)\s*$
  flags    i
  set      class=camera
  weight   0.85
  source   protocols.md §5 (DeviceClass IPC); Dahua HTTP API magicBox getDeviceClass; field knowledge: SD = speed dome, TPC = thermal camera
  example  "IPC" => class=camera
  example  "SD"
  example! "NVR"

rule dahua-api-class-nvr
  on       dahua.device-class
  match    ^\s*(?:NVR|IVSS|EVS|NVS)\s*$
  flags    i
  set      class=nvr
  weight   0.85
  source   protocols.md §5 (DeviceClass); field knowledge: Dahua NVR, IVSS and EVS are network recorders
  example  "NVR" => class=nvr
  example! "XVR"

rule dahua-api-class-dvr
  on       dahua.device-class
  match    ^\s*(?:XVR|HCVR|DVR)\s*$
  flags    i
  set      class=dvr
  weight   0.85
  source   protocols.md §5 (DeviceClass); field knowledge: XVR/HCVR are Dahua's HDCVI (analogue) recorders
  example  "XVR" => class=dvr
  example  "HCVR"
  example! "NVR"

rule dahua-api-class-intercom
  on       dahua.device-class
  match    ^\s*(?:VTO|VTH)\s*$
  flags    i
  set      class=intercom
  weight   0.85
  source   field knowledge: Dahua video intercom classes, VTO = outdoor station, VTH = indoor monitor (Dahua HTTP API, VTO/VTH sections)
  example  "VTO" => class=intercom
  example  "VTH"
  example! "IPC"

# ---- Axis VAPIX basicdeviceinfo.cgi getAllUnrestrictedProperties ----

rule axis-api-brand
  on       axis.brand
  match    ^\s*AXIS\s*$
  flags    i
  set      manufacturer=Axis brand=Axis
  weight   0.95
  source   protocols.md §10 (VAPIX Basic Device Information, Brand; https://developer.axis.com/vapix/network-video/basic-device-information)
  example  "AXIS" => manufacturer=Axis brand=Axis
  example! "ACME"

rule axis-api-model
  on       axis.model
  match    ^\s*([A-Za-z0-9][^"<>]{0,62}?)\s*$
  set      model=$1
  weight   0.9
  source   protocols.md §10 (basicdeviceinfo ProdNbr)
  example  "M3106-L Mk II" => model="M3106-L Mk II"
  example! " "

rule axis-api-firmware
  on       axis.firmware
  match    ^\s*([0-9][0-9.]{0,40}[0-9])\s*$
  set      firmware=$1
  weight   0.9
  source   protocols.md §10 (basicdeviceinfo Version, the AXIS OS version)
  example  "10.12.114" => firmware=10.12.114
  example! "beta"

rule axis-api-type-camera
  on       axis.device-type
  match    Camera
  flags    i
  set      class=camera
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType, "Network Camera")
  example  "Network Camera" => class=camera
  example  "Thermal Network Camera"
  example! "Video Encoder"

rule axis-api-type-encoder
  on       axis.device-type
  match    (?:Video Encoder|Video Server)
  flags    i
  set      class=encoder
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType); field knowledge: Axis video encoders (e.g. M7104)
  example  "Video Encoder" => class=encoder
  example! "Network Camera"

rule axis-api-type-intercom
  on       axis.device-type
  match    (?:Door Station|Intercom)
  flags    i
  set      class=intercom
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType); field knowledge: Axis network door stations (A8105-E, I8016-LVE)
  example  "Network Video Door Station" => class=intercom
  example! "Network Camera"

rule axis-api-type-access
  on       axis.device-type
  match    (?:Door Controller|Access Control|Reader)
  flags    i
  set      class=access-control
  weight   0.85
  source   protocols.md §10 (basicdeviceinfo ProdType); field knowledge: Axis door controllers (A1601) and readers
  example  "Network Door Controller" => class=access-control
  example! "Network Camera"

rule axis-api-type-audio
  on       axis.device-type
  match    (?:Speaker|Audio|Horn|Siren|Strobe)
  flags    i
  set      class=other surveillance=no
  weight   0.8
  source   protocols.md §10 (basicdeviceinfo ProdType); field knowledge: Axis network speakers, horn speakers and strobe sirens
  example  "Network Horn Speaker" => class=other
  example! "Network Camera"

# ---- Hanwha Vision SUNAPI system.cgi?msubmenu=deviceinfo&action=view ----

rule sunapi-model
  on       sunapi.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9._+/()-]{1,62})
  set      model=$1 manufacturer="Hanwha Vision"@0.7
  weight   0.85
  source   Hanwha Vision SUNAPI system.cgi deviceinfo view (Model, DeviceType, FirmwareVersion, as the Wisenet web UI reads them)
  example  "XNV-6080R" => model=XNV-6080R manufacturer="Hanwha Vision"
  example! " "

rule sunapi-firmware
  on       sunapi.firmware
  match    ^\s*([0-9][0-9A-Za-z._-]{1,62})
  set      firmware=$1
  weight   0.85
  source   Hanwha Vision SUNAPI system.cgi deviceinfo view (FirmwareVersion)
  example  "2.10.01_20210906" => firmware=2.10.01_20210906
  example! "none"

rule sunapi-type-camera
  on       sunapi.device-type
  match    ^\s*NWC\s*$
  flags    i
  set      class=camera
  weight   0.85
  source   Hanwha Vision SUNAPI deviceinfo DeviceType; field knowledge: NWC = network camera
  example  "NWC" => class=camera
  example! "NVR"

rule sunapi-type-nvr
  on       sunapi.device-type
  match    ^\s*NVR\s*$
  flags    i
  set      class=nvr
  weight   0.85
  source   Hanwha Vision SUNAPI deviceinfo DeviceType (Wisenet NVRs answer NVR)
  example  "NVR" => class=nvr
  example! "NWC"

rule sunapi-type-encoder
  on       sunapi.device-type
  match    ^\s*(?:Encoder|ENC)\s*$
  flags    i
  set      class=encoder
  weight   0.8
  source   Hanwha Vision SUNAPI deviceinfo DeviceType; field knowledge: Wisenet encoders (SPE-series)
  example  "Encoder" => class=encoder
  example! "NWC"

# ---- Uniview LAPI /LAPI/V1.0/System/DeviceInfo ----

rule lapi-model
  on       lapi.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9._+/()-]{1,62})
  set      model=$1 manufacturer=Uniview@0.6
  weight   0.85
  source   Uniview LAPI System/DeviceInfo (DeviceModel; fields ID, DeviceName, DeviceType, DeviceModel, SerialNumber, FirmwareVersion)
  example  "IPC322LR3-VSPF28-D" => model=IPC322LR3-VSPF28-D manufacturer=Uniview
  example! " "

rule lapi-firmware
  on       lapi.firmware
  match    ^\s*([A-Za-z0-9][A-Za-z0-9._-]{1,62})
  set      firmware=$1
  weight   0.85
  source   Uniview LAPI System/DeviceInfo (FirmwareVersion)
  example  "IPC_G6103-B0007P61D1906" => firmware=IPC_G6103-B0007P61D1906
  example! " "

rule lapi-type-camera
  on       lapi.device-type
  match    ^\s*(?:IPC|IPCamera|Camera)\s*$
  flags    i
  set      class=camera
  weight   0.85
  source   Uniview LAPI System/DeviceInfo DeviceType (the API is documented for IPC and NVR)
  example  "IPC" => class=camera
  example! "NVR"

rule lapi-type-nvr
  on       lapi.device-type
  match    ^\s*NVR\s*$
  flags    i
  set      class=nvr
  weight   0.85
  source   Uniview LAPI System/DeviceInfo DeviceType (the API is documented for IPC and NVR)
  example  "NVR" => class=nvr
  example! "IPC"

rule lapi-manufacturer
  on       lapi.manufacturer
  match    ^\s*(\S[^<>"]{0,62}?)\s*$
  lookup   brands
  weight   0.8
  source   Uniview LAPI System/DeviceInfo (a manufacturer field where firmware gives one)
  example  "Uniview" => manufacturer=Uniview brand=Uniview
  example! "General"

# ---- Xiongmai DVRIP SystemInfo fields (read even from sloppy or cut JSON) ----

rule xm-api-model
  on       xm.model
  match    ^\s*([A-Za-z0-9][A-Za-z0-9._+/()-]{1,62})
  set      model=$1 manufacturer=Xiongmai@0.6
  weight   0.7
  source   protocols.md §7 (DVRIP on 34567 is Xiongmai's "Sofia" protocol; SystemInfo DeviceModel/HardWare, e.g. HI3516EV300_85H50AI)
  example  "HI3516EV300_85H50AI" => model=HI3516EV300_85H50AI manufacturer=Xiongmai
  example! " "

rule xm-api-firmware
  on       xm.firmware
  match    ^\s*(V[0-9][0-9A-Za-z._-]{1,62})
  set      firmware=$1
  weight   0.8
  source   protocols.md §7 (SystemInfo SoftWareVersion, e.g. V5.00.R02.000529B2.10010.040600.0020000)
  example  "V5.00.R02.000529B2.10010.040600.0020000" => firmware=V5.00.R02.000529B2.10010.040600.0020000
  example! "unknown"
