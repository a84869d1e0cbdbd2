# Generic ONVIF evidence: an ONVIF device is a video-surveillance device,
# whatever its maker.  GetDeviceInformation fields carry the maker, model
# and firmware when a device answers it.  Format: docs/fingerprints.md.

rule onvif-namespaces
  on       onvif.ns
  match    \bwww\.onvif\.org/ver(?:10|20)/
  set      class=camera surveillance=yes
  tier     generic
  weight   0.6
  source   protocols.md §1, §2 (ONVIF device/media service namespaces)
  example  "http://www.w3.org/2003/05/soap-envelope http://www.onvif.org/ver10/device/wsdl"
  example! "http://www.w3.org/2003/05/soap-envelope"

rule onvif-scopes
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/
  set      class=camera surveillance=yes
  tier     generic
  weight   0.6
  source   protocols.md §1 (ONVIF scope URIs; a device shall include Profile, hardware and name scopes)
  example  "onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/hardware/X"
  example! "urn:schemas-upnp-org:device:MediaServer:1"

rule onvif-scope-type-nvt
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/type/(?:video_encoder|Network_Video_Transmitter|NetworkVideoTransmitter)(?:\b|(?=_))
  flags    i
  set      class=camera
  tier     generic
  weight   0.7
  source   protocols.md §1 (type/video_encoder on Hikvision, type/Network_Video_Transmitter on Dahua)
  example  "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/Profile/Streaming"
  example  "onvif://www.onvif.org/type/Network_Video_Transmitter"
  example! "onvif://www.onvif.org/type/audio_encoder"

rule onvif-scope-hardware
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/hardware/([^\s/]{1,63})
  set      model=$1
  weight   0.6
  source   protocols.md §1 (hardware/ scope is the model string)
  example  "onvif://www.onvif.org/hardware/DS-2CD2385G1-I onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I" => model=DS-2CD2385G1-I
  example! "onvif://www.onvif.org/name/Camera"

rule onvif-scope-name-brand
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/name/(\S{1,128})
  lookup   brands
  weight   0.5
  source   protocols.md §1 (name/ scope, user-settable, e.g. name/HIKVISION%20DS-2CD2385G1-I, name/Dahua)
  example  "onvif://www.onvif.org/name/HIKVISION%20DS-2CD2385G1-I" => brand=Hikvision manufacturer=Hikvision
  example  "onvif://www.onvif.org/name/Dahua onvif://www.onvif.org/hardware/IPC-HFW2228M-I1-V2" => manufacturer=Dahua
  example! "onvif://www.onvif.org/name/Shanghai%20Dahua%20Scale onvif://www.onvif.org/location/city/hangzhou"
  example! "onvif://www.onvif.org/hardware/Dahua"

# A name/ scope that is the brand alone (the default device name of many
# firmwares), as for page titles in brands.fp.
rule onvif-scope-name-is-brand
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/name/([A-Za-z][A-Za-z0-9._-]{1,24})(?:\s|$)
  lookup   brands
  weight   0.65
  source   protocols.md §1 (name/ scope, e.g. name/Dahua); a name that is nothing but the badge
  example  "onvif://www.onvif.org/name/TVT onvif://www.onvif.org/hardware/IPC" => brand=TVT manufacturer=TVT
  example  "onvif://www.onvif.org/name/UNV" => brand=Uniview manufacturer=Uniview
  example! "onvif://www.onvif.org/name/Shanghai%20Dahua%20Scale"
  example! "onvif://www.onvif.org/name/Camera"

rule onvif-manufacturer-brand
  on       onvif.manufacturer
  lookup   brands
  weight   0.85
  source   protocols.md §2 (GetDeviceInformation tds:Manufacturer, mapped through the brand table)
  example  "HIKVISION" => manufacturer=Hikvision brand=Hikvision
  example  "Amcrest" => manufacturer=Dahua brand=Amcrest
  example! "Hangzhou"
  example! "General"

rule onvif-manufacturer-raw
  on       onvif.manufacturer
  match    ^\s*(?!(?:General|Private|Generic|ONVIF|IPCAM|IP ?Camera|Manufacturer|Unknown|Default|N/A|none|NVR|DVR|XVR|HVR|IPC|NVS|H\.?264|H\.?265|Camera|Network Camera|Network Video Recorder)\s*$)(\S.{0,62})
  flags    i
  set      manufacturer=$1
  weight   0.45
  source   protocols.md §2, §5 (tds:Manufacturer as reported; neutral OEM values such as "General"/"Private" are ignored); exposure.md §2.8 (Xiongmai boards report Manufacturer "H264"); device-kind words (NVR, DVR, IPC) name no company
  example  "Reolink" => manufacturer=Reolink
  example  "  HIKVISION" => manufacturer=Hikvision
  example! "General"
  example! "NVR"
  example! "H264"
  example! "Private"

rule onvif-model
  on       onvif.model
  match    ^\s*(\S.{0,62})
  set      model=$1 class=camera@0.5
  tier     generic
  weight   0.85
  source   protocols.md §2 (GetDeviceInformation tds:Model)
  example  "DS-2CD2385G1-I" => model=DS-2CD2385G1-I
  example! "   "

rule onvif-firmware
  on       onvif.firmware
  match    ^\s*(\S.{0,62})
  set      firmware=$1
  weight   0.85
  source   protocols.md §2 (GetDeviceInformation tds:FirmwareVersion)
  example  "V5.6.2 build 190701" => firmware="V5.6.2 build 190701"
  example! ""

rule onvif-fault-not-authorized
  on       onvif.fault
  match    NotAuthorized
  set      class=camera surveillance=yes
  tier     generic
  weight   0.4
  source   protocols.md §2 (GetDeviceInformation is READ_SYSTEM; an ONVIF service answering with a fault is present)
  example  "ter:NotAuthorized"
  example! "ter:InvalidArgVal"

# A manufacturer/ scope (not one of the ONVIF Core's standard categories;
# makers add it, Hanwha Vision among them: Jazea/Onvif.Core #55) names
# the maker as the device states it, URL-encoded.
rule onvif-scope-manufacturer-brand
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/manufacturer/(\S{1,128})
  lookup   brands
  weight   0.75
  source   Jazea/Onvif.Core #55 (Hanwha Vision's ProbeMatch scopes carry manufacturer/); the value mapped through the brand table
  example  "onvif://www.onvif.org/manufacturer/HIKVISION onvif://www.onvif.org/hardware/DS-2CD2T47G2-L" => manufacturer=Hikvision
  example  "onvif://www.onvif.org/type/video_encoder onvif://www.onvif.org/manufacturer/Amcrest" => brand=Amcrest manufacturer=Dahua
  example! "onvif://www.onvif.org/name/Camera onvif://www.onvif.org/hardware/Dahua"

rule onvif-scope-manufacturer-raw
  on       onvif.scopes wsd.scopes
  match    \bonvif://www\.onvif\.org/manufacturer/(?!(?:General|Private|Generic|ONVIF|IPCAM|Manufacturer|Unknown|Default|NVR|DVR|IPC|Camera)(?:\s|$))([A-Za-z][A-Za-z0-9._-]{1,40})
  flags    i
  set      manufacturer=$1
  weight   0.45
  source   Jazea/Onvif.Core #55 (manufacturer/ scope); the first word as written, neutral words ignored, as for tds:Manufacturer
  example  "onvif://www.onvif.org/manufacturer/Sunell onvif://www.onvif.org/hardware/IPC" => manufacturer=Sunell
  example! "onvif://www.onvif.org/manufacturer/IPC"
