# product-words.fp: the product-category words makers use for their own
# non-camera product lines (issue #11 §1, class from evidence).  Round 1
# read "Network Video Recorder", "Digital Video Recorder", "IP Camera",
# "Network Camera" and "Speed Dome" as role evidence; the same holds for
# the other categories of the makers' catalogues: video encoders and
# decoders, access-control and face-recognition terminals, door and
# indoor stations, alarm (security control) panels, PoE switches and
# storage.  Hikvision and Dahua name their product lines with these
# words (hikvision.com / dahuasecurity.com product categories: "Video
# Encoders", "Decoders", "Access Control Terminals", "Face Recognition
# Terminals", "Door Stations", "Indoor Stations", "Security Control
# Panels", "PoE Switches"), as do their device names and procurement
# descriptions.  Role tier: a model family outranks them.  No maker.
# Format: docs/fingerprints.md.

rule word-video-encoder
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \b(?:Network\s+)?Video\s+Encoders?\b|\bNetwork\s+Video\s+Server\b|\bAXIS\s+[0-9A-Z]{3,8}\s+Video\s+Server\b|\bEncoding\s+Server(?:\b|(?=_))
  flags    i
  set      class=encoder surveillance=yes
  tier     role
  weight   0.55
  source   vendor product categories "Video Encoders" (Hikvision DS-6700 series; Axis "video encoders", formerly "video servers": AXIS 241Q Video Server; Dahua NVS "Network Video Server")
  example  "Video Encoder" => class=encoder
  example  "4-ch Video Encoder" => class=encoder
  example  "AXIS 241Q Video Server" => class=encoder
  example  "Network Video Server" => class=encoder
  example! "Video Encoding Settings"
  example! "Video Serverless"
  example! "Emby Video Server"

rule word-video-decoder
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \bVideo\s+Decoder\b|\bDecoding\s+Server\b|\bVideo\s+Wall\s+Controller\b|\bNetwork\s+Decoder(?:\b|(?=_))
  flags    i
  set      class=decoder surveillance=yes
  tier     role
  weight   0.55
  source   vendor product categories "Decoders" / "Video Wall Controllers" (Hikvision DS-6900UDI "Video Wall Decoder"; Dahua NVD "Network Video Decoder")
  example  "Video Decoder" => class=decoder
  example  "Decoding Server" => class=decoder
  example  "Video Wall Controller" => class=decoder
  example! "Decoder settings"
  example! "Audio Decoder"

rule word-access-control-terminal
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \b(?:Face\s+Recognition|Access\s+Control|Fingerprint)\s+Terminal\b|\bAccess\s+Control(?:ler|\s+Panel|\s+Controller)\b|\bDoor\s+Controller(?:\b|(?=_))
  flags    i
  set      class=access-control surveillance=no
  tier     role
  weight   0.6
  source   vendor product categories "Access Control Terminals", "Face Recognition Terminals", "Access Controllers" (Hikvision DS-K1T/DS-K2600, Dahua ASI/ASC product pages); Axis A1001 "Network Door Controller"
  example  "Face Recognition Terminal" => class=access-control
  example  "Access Control Terminal" => class=access-control
  example  "Access Controller" => class=access-control
  example  "AXIS A1601 Network Door Controller" => class=access-control
  example! "Access Control List"
  example! "Card Reader Settings"
  example! "Payment Card Terminal"

rule word-intercom-station
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server sip.server
  match    \b(?:Villa\s+|Outdoor\s+|Module\s+)?Door\s+Station\b|\bIndoor\s+(?:Station|Monitor)\b|\bVideo\s+Door\s+Phone\b|\bVideo\s+Intercom\b|\bDoor\s+Phone\b|\bMain\s+Station(?:\b|(?=_))
  flags    i
  set      class=intercom surveillance=no
  tier     role
  weight   0.6
  source   vendor product categories "Video Intercom": "Door Stations", "Indoor Stations"/"Indoor Monitors", "Main Stations" (Hikvision DS-KV/DS-KD/DS-KH/DS-KM, Dahua VTO/VTH/VTS product pages); 2N and Akuvox door phones
  example  "Door Station" => class=intercom
  example  "Video Intercom" => class=intercom
  example  "Indoor Monitor" => class=intercom
  example  "Villa Door Station" => class=intercom
  example! "Doorbell settings"
  example! "Station list"

rule word-alarm-panel
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \b(?:Security|Intrusion|Alarm)\s+(?:Control\s+)?Panel\b|\bAlarm\s+Hub\b|\bAlarm\s+Host(?:\b|(?=_))
  flags    i
  set      class=alarm-panel surveillance=no
  tier     role
  weight   0.6
  source   vendor product categories "Security Control Panels" (Hikvision AX PRO DS-PWA, AX Hybrid PRO DS-PHA), "Alarm Hub", "Alarm Host" (Dahua ARC), Bosch "Intrusion Control Panels"
  example  "Security Control Panel" => class=alarm-panel
  example  "Alarm Hub" => class=alarm-panel
  example  "Intrusion Control Panel" => class=alarm-panel
  example! "Alarm settings panel"
  example! "Alarm Input"

rule word-poe-switch
  on       http.title upnp.friendly-name upnp.model-description upnp.model banner mdns.instance ssdp.server
  match    \b(?:[0-9]{1,2}[- ]Port\s+)?(?:Gigabit\s+)?(?:Smart\s+|Managed\s+|Unmanaged\s+|Long[- ]Range\s+)?(?:Hi-)?PoE\+?\s+Switch\b|\b(?:Smart|Managed|Ethernet|Network)\s+Switch(?:\b|(?=_))
  flags    i
  set      class=switch surveillance=no
  tier     role
  weight   0.6
  source   vendor product categories "Network Switches"/"PoE Switches" (Hikvision DS-3E, Dahua PFS, TP-Link "Smart Switch", Ubiquiti UniFi switches)
  example  "8 Port PoE Switch" => class=switch
  example  "PoE Switch" => class=switch
  example  "Managed Switch" => class=switch
  example! "PoE settings"
  example! "Switch to live view"

rule word-surveillance-storage
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \bIP\s?SAN\b|\b(?:Network|Video)\s+Storage(?:\s+Server)?\b|\bStorage\s+Server\b|\bCloud\s+Video\s+Recorder(?:\b|(?=_))
  flags    i
  set      class=storage surveillance=no
  tier     role
  weight   0.55
  source   vendor product categories "Storage" (Hikvision DS-A7x "IP SAN" and "Storage Server", Dahua EVS/ESS storage, Hikvision CVR "Cloud Video Recorder" storage)
  example  "IP SAN" => class=storage
  example  "Storage Server" => class=storage
  example  "Network Storage" => class=storage
  example! "Storage settings"
  example! "SANS"

rule word-camera-kinds
  on       http.title upnp.friendly-name upnp.model-description upnp.model snmp.sysdescr banner mdns.instance ssdp.server
  match    \b(?:Thermal(?:\s+Imaging)?|ANPR|LPR|License\s+Plate\s+Recognition|Body[- ]Worn|Bullet|Dome|Turret|Fisheye|Panoramic|Box)\s+(?:Network\s+|IP\s+)?Cameras?(?:\b|(?=_))
  flags    i
  set      class=camera surveillance=yes
  tier     role
  weight   0.5
  source   vendor product categories for cameras by form and function (Hikvision/Dahua/Hanwha/Axis catalogues: bullet, dome, turret, fisheye, box, thermal, ANPR/LPR, body-worn cameras)
  example  "Thermal Camera" => class=camera
  example  "ANPR Camera" => class=camera
  example  "4MP Bullet Network Camera" => class=camera
  example  "Body Worn Camera" => class=camera
  example! "Camera settings"
  example! "Dome light"

rule word-vms-software
  on       http.title upnp.friendly-name upnp.model-description ssdp.server
  match    \bVideo\s+Management\s+(?:Software|System)(?:\b|(?=_))
  flags    i
  set      class=vms-software surveillance=no
  tier     role
  weight   0.55
  source   the product category "video management software/system (VMS)" as makers name it (Milestone XProtect, Genetec Security Center, Hikvision HikCentral product pages)
  example  "Video Management Software" => class=vms-software
  example  "Video Management System" => class=vms-software
  example! "Video management"
