# class-security.fp: the class of security products that are not video
# surveillance equipment (intercoms, access control, alarm panels, VMS
# software) and of camera makers' network products, from class evidence
# only (issue #11 item 1): a device-type field of the maker's own API, a
# documented product line, or the API a product of one kind alone
# answers.  A maker's name is never class evidence; these rules read
# what the device says it is.  Sources: vendor documentation and public
# API clients named in each rule.  Format: docs/fingerprints.md.

# ---- Hikvision ISAPI deviceType of access-control and intercom units ----
# hikvision.fp reads <deviceType>ACS/VIS</deviceType> in hik.isapi; these
# read the decoded field, a body without ISAPI namespace and subDeviceType.

rule isapi-type-access-control
  on       isapi.device-type http.body isapi.malformed
  match    (?:^\s*|<deviceType>\s*)ACS\s*(?:$|</deviceType>)|<subDeviceType>\s*accessControl(?:Terminal|Controller)\s*</subDeviceType>
  set      class=access-control surveillance=no
  tier     role
  weight   0.75
  source   Hikvision ISAPI developer guide, access control (DeviceInfo deviceType "ACS", subDeviceType accessControlTerminal); public ISAPI client test fixtures of DS-K1T673DX and DS-K1T341AMF terminals answer the same
  example  "ACS" => class=access-control
  example  "200 <DeviceInfo><model>DS-K1T804AMF</model><deviceType>ACS</deviceType></DeviceInfo>" => class=access-control
  example  "<subDeviceType>accessControlTerminal</subDeviceType>" => class=access-control
  example! "<deviceType>IPCamera</deviceType>"
  example! "ACSS"

rule isapi-type-video-intercom
  on       isapi.device-type http.body isapi.malformed
  match    (?:^\s*|<deviceType>\s*)(?:VIS|EmbeddedNetVIS)\s*(?:$|</deviceType>)
  set      class=intercom surveillance=no
  tier     role
  weight   0.75
  source   Hikvision ISAPI developer guide, video intercom (DeviceInfo deviceType "VIS": door and indoor stations); a public ISAPI inventory client's fixture of a DS-KV9503-WBE1 door station answers deviceType VIS
  example  "VIS" => class=intercom
  example  "<DeviceInfo><deviceName>OUTDOOR STATION</deviceName><deviceType>VIS</deviceType></DeviceInfo>" => class=intercom
  example! "<deviceType>NVR</deviceType>"
  example! "VISION"

# ---- Hikvision AX PRO / security control panel ISAPI, JSON form -------
# (platform-roles.fp reads the XML form: <AlarmHostStatus>, <requestURL>)

rule isapi-security-cp-alarm-host
  on       http.body isapi.malformed vendor-api.malformed
  match    "AlarmHostStatus(?:Cond)?"\s*:\s*\{|"requestURL"\s*:\s*"/ISAPI/SecurityCP/
  set      class=alarm-panel surveillance=no
  tier     role
  weight   0.7
  source   Hikvision ISAPI SecurityCP (security control panel) resources: GET /ISAPI/SecurityCP/status/host answers {"AlarmHostStatus": {"HostStatus": ...}} (read so by independent ISAPI alarm clients), /ISAPI/SecurityCP/status/zones, /ISAPI/SecurityCP/control/arm
  example  "{\n\t\"AlarmHostStatus\": {\n\t\t\"HostStatus\": {\"ACConnect\": true}}}" => class=alarm-panel
  example  "{\"requestURL\": \"/ISAPI/SecurityCP/status/zones\", \"statusCode\": 1}" => class=alarm-panel
  example! "{\"DeviceInfo\": {\"deviceType\": \"IPCamera\"}}"

rule hikvision-ax-pro-name
  on       http.title upnp.model upnp.friendly-name mdns.instance sadp.model sadp.raw onvif.model
  match    (?<![A-Za-z0-9])(?:AX PRO|AX Hub|AX Hybrid PRO|Axiom Hub|AxHub)(?![A-Za-z0-9])
  flags    i
  set      class=alarm-panel surveillance=no
  tier     model
  weight   0.7
  source   Hikvision AX PRO and AX Hybrid PRO intrusion alarm documentation (hikvision.com: "AX PRO wireless alarm system", DS-PWA64/DS-PWA96 hubs) and Pyronix/Hikvision Axiom Hub
  example  "AX PRO" => class=alarm-panel
  example  "Hikvision AX Hybrid PRO" => class=alarm-panel
  example! "AXIS P1375"

# ---- Dahua magicBox getDeviceClass of non-video products ---------------

rule dahua-api-class-access
  on       dahua.device-class
  match    ^\s*(?:ASI|ASC|ASA|ASR|ASG|ASF)\s*$
  set      class=access-control surveillance=no
  tier     role
  weight   0.8
  source   Dahua HTTP API (magicBox.cgi?action=getDeviceClass answers class=<product family>); Dahua access control families ASI (face/card terminals), ASC (controllers), ASA (attendance), ASR (readers), ASG (turnstiles), dahuasecurity.com catalogue
  example  "ASI" => class=access-control
  example  "ASC" => class=access-control
  example! "IPC"
  example! "ASIC"

rule dahua-api-class-alarm
  on       dahua.device-class
  match    ^\s*ARC\s*$
  set      class=alarm-panel surveillance=no
  tier     role
  weight   0.8
  source   Dahua HTTP API (magicBox.cgi?action=getDeviceClass); ARC is Dahua's alarm hub and controller family (ARC3000H AirShield hub, ARC2016C alarm controller), dahuasecurity.com catalogue
  example  "ARC" => class=alarm-panel
  example! "NVR"

rule dahua-api-class-intercom-other
  on       dahua.device-class
  match    ^\s*(?:VTS|VTA|VTM|VTT|VTNC)\s*$
  set      class=intercom surveillance=no
  tier     role
  weight   0.8
  source   Dahua HTTP API (magicBox.cgi?action=getDeviceClass); Dahua video intercom families VTS (master station), VTA (accessories), VTM (modules), VTNC (intercom network controller), dahuasecurity.com catalogue
  example  "VTS" => class=intercom
  example! "VTO2202F"

rule dahua-model-intercom-network
  on       onvif.model gb.model dhip.model dhip.raw dahua.model dahua.cgi upnp.model upnp.model-number http.title snmp.sysdescr sip.server
  match    (?<![A-Za-z0-9])(?:DHI?-)?((?:VTNS|VTNC|VTT)[0-9]{3,4}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      class=intercom surveillance=no model=$1@0.6 manufacturer=Dahua@0.6
  tier     model
  weight   0.75
  source   Dahua video intercom catalogue (dahuasecurity.com: VTNS1006A PoE switch and VTNC3000A controller of the 2-wire IP intercom system, VTT2610C wireless transmitter)
  example  "DHI-VTNS1006A-2" => class=intercom model=VTNS1006A-2
  example  "VTNC3000A" => class=intercom
  example! "VTO2202F-P"

# ---- intercoms and VMS of other makers ----------------------------------

rule doorbird-lan-api
  on       http.body vendor-api.malformed
  match    \{\s*"BHA"\s*:\s*\{\s*"RETURNCODE"\s*:
  set      class=intercom surveillance=no manufacturer=DoorBird@0.6
  tier     role
  weight   0.75
  source   DoorBird LAN-2-LAN API (Bird Home Automation GmbH: every answer is a JSON object {"BHA": {"RETURNCODE": "1", ...}}; /bha-api/info.cgi gives VERSION with FIRMWARE and BUILD_NUMBER); DoorBird devices are IP video door stations
  example  "{\"BHA\": {\"RETURNCODE\": \"1\", \"VERSION\": [{\"FIRMWARE\": \"000109\"}]}}" => class=intercom manufacturer=DoorBird
  example! "{\"BHA\": \"x\"}"

rule vms-software-names
  on       http.server http.realm tls.subject upnp.model upnp.friendly-name mdns.instance ssdp.server banner sip.server http.title
  match    (?<![A-Za-z0-9])(?:HikCentral(?: Professional| Access Control| Lite| FocSign)?|iVMS-[45][0-9]{3}|DSS (?:Pro|Express|Platform)|SmartPSS(?: Lite)?|Bluecherry|Milestone XProtect|XProtect (?:Corporate|Expert|Professional\+?|Express\+?|Essential\+?|Mobile Server)|Nx Witness|Network Optix|exacqVision(?: Web Service| Server)?|Blue Iris|Digifort|Luxriot|ZoneMinder|Shinobi|Avigilon Control Center|Genetec Security Center)(?![A-Za-z0-9])
  set      class=vms-software surveillance=no
  tier     model
  weight   0.7
  source   VMS makers' product documentation: Hikvision HikCentral, iVMS-4200/5200; Dahua DSS Pro/Express, SmartPSS; Bluecherry; Milestone XProtect; Nx Witness; exacqVision; Blue Iris; Digifort; Luxriot; ZoneMinder; Shinobi; Avigilon ACC; Genetec Security Center
  example  "Basic realm=\"Bluecherry\"" => class=vms-software
  example  "HikCentral Professional" => class=vms-software
  example  "CN=DSS Express" => class=vms-software
  example! "DS-2CD2386G2-IU"
  example! "Hikvision-Webs"

# ---- Axis products that are not video equipment --------------------------

rule axis-device-type-not-video
  on       axis.device-type snmp.sysdescr axis.basicdeviceinfo
  match    (?:^\s*|;\s*|"ProdType"\s*:\s*")(?:Connectivity Hub|Network Document Server|Document Server)\s*(?:$|;|")|\bAXIS [0-9]{2,4}[A-Z]? Network Document Server\b
  set      class=other surveillance=no
  tier     role
  weight   0.7
  source   Axis product documentation (axis.com: AXIS D3110 Connectivity Hub, an audio and sensor hub; AXIS 70U/1234-era Network Document Servers, document scanners' network interface); AXIS OS sysDescr and basicdeviceinfo ProdType name the product type
  example  "Connectivity Hub" => class=other
  example  "AXIS 70U Network Document Server" => class=other
  example! "Network Camera"

# ---- ISAPI deviceName defaults (a user may rename a unit: generic) ------

rule isapi-devicename-access
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <deviceName>\s*(?:Access Controller|Face Recognition Terminal)\s*</deviceName>
  set      class=access-control surveillance=no
  tier     generic
  weight   0.5
  source   Hikvision ISAPI DeviceInfo deviceName, the factory name a unit reports until renamed: public ISAPI client fixtures show "Access Controller" (DS-K1T673DX terminal) and "OUTDOOR STATION" (DS-KV9503-WBE1 door station)
  example  "<deviceName>Access Controller</deviceName>" => class=access-control
  example! "<deviceName>IP CAMERA</deviceName>"

rule isapi-devicename-intercom
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <deviceName>\s*(?:OUTDOOR STATION|INDOOR STATION|Outdoor Station|Indoor Station|Door Station|Villa Door Station|Master Station)\s*</deviceName>
  set      class=intercom surveillance=no
  tier     generic
  weight   0.5
  source   Hikvision ISAPI DeviceInfo deviceName, the factory name a unit reports until renamed: public ISAPI client fixtures show "Access Controller" (DS-K1T673DX terminal) and "OUTDOOR STATION" (DS-KV9503-WBE1 door station)
  example  "<DeviceInfo><deviceName>OUTDOOR STATION</deviceName><deviceID>7d4</deviceID>" => class=intercom
  example! "<deviceName>Outdoor camera</deviceName>"

rule isapi-devicename-alarm
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <deviceName>\s*(?:AX PRO|AX Hub|Alarm Host|Security Control Panel)\s*</deviceName>
  set      class=alarm-panel surveillance=no
  tier     generic
  weight   0.5
  source   Hikvision ISAPI DeviceInfo deviceName, the factory name a unit reports until renamed: public ISAPI client fixtures show "Access Controller" (DS-K1T673DX terminal) and "OUTDOOR STATION" (DS-KV9503-WBE1 door station)
  example  "<deviceName>AX PRO</deviceName>" => class=alarm-panel
  example! "<deviceName>NVR</deviceName>"

# ---- other makers' access control and camera makers' switches ----------

rule access-control-controller-lines
  on       http.title http.server http.realm upnp.model upnp.friendly-name mdns.instance snmp.sysdescr banner tls.subject
  match    (?<![A-Za-z0-9])(?:VertX (?:EVO )?V[12][0-9]{3}|Edge EVO(?: [A-Z]{2}[0-9]{3,4})?|Mercury (?:LP|EP|MR)[0-9]{4}|LP[14]502|LP2500|Paxton (?:Net2(?: Plus)?|10)|Net2 Plus ACU|Synergis Cloud Link|Gallagher Controller [0-9]{4}|AXIS A1[0-9]{3}(?:-[A-Z]{1,3})? Network Door Controller)(?![A-Za-z0-9])
  set      class=access-control surveillance=no
  tier     model
  weight   0.75
  source   access control makers' documentation: HID VertX EVO V1000/V2000 and Edge EVO, Mercury (HID) LP1502/LP4502/LP2500 controllers, Paxton Net2 Plus ACU and Paxton10, Genetec Synergis Cloud Link, Gallagher Controller 6000, AXIS A1601
  example  "VertX EVO V2000" => class=access-control
  example  "Mercury LP4502" => class=access-control
  example  "Paxton Net2 Plus" => class=access-control
  example! "Mercury RTSP Server"
  example! "Edge"

rule axis-network-switch
  on       http.title snmp.sysdescr upnp.model upnp.model-description mdns.instance axis.model axis.product axis.device-type
  match    (?<![A-Za-z0-9])(?:AXIS )?((?:T85[0-9]{2}|D82[0-9]{2})(?:-[A-Z]{1,3})?)(?:\s+(?:PoE\+?\+? )?(?:Network |Industrial )?(?:PoE\+?\+? )?Switch)|^\s*(?:PoE\+?\+? )?(?:Network |Industrial )?(?:PoE\+?\+? )?Switch\s*$
  set      class=switch surveillance=no
  tier     model
  weight   0.7
  source   Axis product documentation (axis.com: AXIS T8504-R/T8508/T8516/T8524 PoE+ Network Switch series, AXIS D8208-R Industrial PoE++ Switch); the product type "Network Switch" of basicdeviceinfo ProdType
  example  "AXIS T8508 PoE+ Network Switch" => class=switch
  example  "AXIS D8208-R Industrial PoE++ Switch" => class=switch
  example  "PoE+ Network Switch" => class=switch
  example! "AXIS P3265-LVE Dome Camera"

rule dahua-model-switch-sf
  on       onvif.model gb.model dhip.model dhip.raw dahua.model dahua.cgi upnp.model upnp.model-number http.title snmp.sysdescr mdns.instance
  match    (?<![A-Za-z0-9])(?:DH-)?(SF1[0-9]{3}[A-Z]{0,3}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      class=switch surveillance=no model=$1@0.6 manufacturer=Dahua@0.6
  tier     model
  weight   0.7
  source   Dahua switch user guides (DH-SF1026LP 16/24-port unmanaged desktop switch user's manual V1.0.1, 2023; the DH-SF10xx desktop PoE switch line beside the PFS series)
  example  "DH-SF1026LP" => class=switch model=SF1026LP
  example  "DH-SF1008LP" => class=switch
  example! "DH-SD1A404XB-GNR"
