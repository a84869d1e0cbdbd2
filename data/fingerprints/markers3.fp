# Vendor API answers that still named no maker (issue #11 §5, §6): Axis
# VAPIX param.cgi listings without their root.Brand group, and Dahua
# magicBox / configManager answers of other actions than getDeviceType
# and getSystemInfo.  These read the raw body wherever it lands: an http
# reply's http.body, the dahua-cgi probe's dahua.cgi ("<status> <body>"),
# and the raw bytes of a reply the vendor-api, axis-param or dahua-cgi
# decoder could not read (*.malformed).  A maker's API names the maker,
# never the class (docs/fingerprints.md §5 step 7), except where the
# answer is a device-type field (getDeviceClass).
# Format: docs/fingerprints.md.

# ---- Axis VAPIX param.cgi?action=list ----

rule axis-vapix-param-listing
  on       http.body axis-param.malformed vendor-api.malformed
  match    (?:^|\n)root\.(?:Properties|Network|Image|ImageSource|Audio|AudioSource|PTZ|IOPort|Input|Output|StreamProfile|Time|HTTPS|SNMP|Storage|Event|Layout|Bandwidth|System|SOCKS|RemoteService|WebService|Recording)\.[A-Za-z][A-Za-z0-9_]{0,40}(?:\.[A-Za-z0-9_]{1,40}){0,4}=
  set      manufacturer=Axis
  weight   0.8
  source   Axis VAPIX Parameter management (developer.axis.com/vapix/network-video/parameter-management): /axis-cgi/param.cgi action=list answers root.<Group>[.<Sub>].<Param>=<value> lines; Properties, Network, Image (I0..), PTZ groups
  example  "root.Properties.API.HTTP.Version=3\nroot.Properties.API.HTTP.AdminPath=/\n" => manufacturer=Axis
  example  "root.Network.Bonjour.Enabled=yes\nroot.Network.Bonjour.FriendlyName=AXIS M3045-V - ACCC8E000001\n" => manufacturer=Axis
  example  "root.Image.I0.Enabled=yes\r\nroot.Image.I0.Name=View Area 1\r\n" => manufacturer=Axis
  example  "root.PTZ.Preset.P0.HomePosition=1\n"
  example! "network.ipaddress=192.168.0.123\r\n"
  example! "table.Network.eth0.IPAddress=192.168.1.108\r\n"
  example! "root.txt=hello"
  example! "<root><Network>eth0</Network></root>"
  example! "Model=XNV-6080\r\nDeviceType=NWC\r\n"

# ---- Dahua magicBox / configManager key=value answers ----

rule dahua-config-table
  on       http.body dahua.cgi vendor-api.malformed dahua-cgi.malformed
  match    (?:^|[\n ])table\.(?:General|Network|Encode|VideoInMode|VideoColor|VideoInOptions|Lighting(?:_V2)?|DisableLinkage|MotionDetect|RTSP|NTP|Locales|ChannelTitle|AlarmServer|Ethernet|VideoWidget|Snap|Record|Language|DVRIP|Web|Email|AccessControl|VideoTalkPhoneGeneral)(?:\[[0-9]{1,3}\]){0,3}(?:\.[A-Za-z0-9_]{1,40}(?:\[[0-9]{1,3}\]){0,3}){1,5}=
  set      manufacturer=Dahua
  weight   0.8
  source   Dahua API of HTTP Protocol Specification V2.76 (configManager.cgi getConfig: table.<Name>.<Field>=<value>); device replies quoted in rroller/dahua custom_components/dahua/client.py (table.General.MachineName=Cam4)
  example  "table.General.LocalNo=8\r\ntable.General.LockLoginEnable=false\r\ntable.General.MachineName=Cam4\r\n" => manufacturer=Dahua
  example  "200 table.General.MachineName=FrontDoor\r\n" => manufacturer=Dahua
  example  "table.Lighting_V2[0][2][0].Mode=Manual\r\n"
  example  "table.DisableLinkage.Enable=false"
  example! "root.Network.eth0.IPAddress=192.168.1.108"
  example! "network.ipaddress=192.168.0.123"
  example! "<table.General>"
  example! "SELECT * FROM table.General WHERE id=1"

rule dahua-magicbox-vendor
  on       http.body dahua.cgi vendor-api.malformed dahua-cgi.malformed
  match    ^(?:200 )?\s*vendor=(?:Dahua|DH|General)\s*$
  set      manufacturer=Dahua
  weight   0.75
  source   Dahua API of HTTP Protocol Specification V2.76 (magicBox getVendor: vendor=<name>); rroller/dahua custom_components/dahua/client.py (vendor=Dahua); ItsNotGoodName/dahua-rpc README (getVendor answers "General")
  example  "vendor=Dahua\r\n" => manufacturer=Dahua
  example  "200 vendor=General\r\n" => manufacturer=Dahua
  example! "vendor=Hikvision"
  example! "vendor=Dahua and others"
  example! "name=Dahua"

rule dahua-magicbox-short-answer
  on       dahua.cgi
  match    ^200\s+(?:sn|name|class|vendor|version|serialNumber|processor|hardwareVersion|deviceType|type)=[^\r\n=]{1,64}\s*$
  set      manufacturer=Dahua
  weight   0.7
  source   Dahua API of HTTP Protocol Specification V2.76 (magicBox getSerialNo sn=, getMachineName name=, getDeviceClass class=, getVendor vendor=, getHardwareVersion version=); rroller/dahua client.py (name=FrontDoorCam)
  example  "200 sn=4E01234PAZ12345\r\n" => manufacturer=Dahua
  example  "200 name=FrontDoorCam" => manufacturer=Dahua
  example  "200 version=1.00\r\n"
  example! "404 <html><body>Not Found</body></html>"
  example! "200 <html><head><title>Login</title></head></html>"
  example! "401 Unauthorized"

rule dahua-magicbox-class-word
  on       http.body vendor-api.malformed dahua-cgi.malformed
  match    ^\s*class=(?:IPC|NVR|XVR|HCVR|DVR|HVR|VTO|VTH|VTS|SD|PTZ|TPC|ITC|IVSS|EVS|NVS|NVD|HDCVI|ASI|ASC)\s*$
  set      manufacturer=Dahua
  weight   0.7
  source   Dahua API of HTTP Protocol Specification V2.76 (magicBox getDeviceClass: class=<DeviceClass>); ItsNotGoodName/dahua-rpc README (getDeviceClass on an IPC-T5442TM-AS answers "IPC")
  example  "class=IPC\r\n" => manufacturer=Dahua
  example  "class=XVR"
  example! "class=camera"
  example! "<div class=IPC>"
  example! "class=IPC\nname=x"

rule dahua-magicbox-class-camera
  on       http.body vendor-api.malformed dahua-cgi.malformed
  match    ^\s*class=(?:IPC|SD|PTZ|TPC|ITC)\s*$
  set      class=camera
  tier     role
  weight   0.8
  source   Dahua API of HTTP Protocol Specification V2.76 (getDeviceClass); IPC network camera, SD speed dome, TPC thermal and ITC traffic camera are Dahua camera classes (dahuasecurity.com catalogue)
  example  "class=IPC" => class=camera
  example  "class=SD\r\n" => class=camera
  example! "class=NVR"
  example! "class=IPCX"

rule dahua-magicbox-class-nvr
  on       http.body vendor-api.malformed dahua-cgi.malformed
  match    ^\s*class=(?:NVR|IVSS|EVS)\s*$
  set      class=nvr
  tier     role
  weight   0.8
  source   Dahua API of HTTP Protocol Specification V2.76 (getDeviceClass); NVR, IVSS and EVS are Dahua network recorder classes (dahuasecurity.com catalogue)
  example  "class=NVR\r\n" => class=nvr
  example! "class=XVR"
  example! "class=NVRS"

rule dahua-magicbox-class-dvr
  on       http.body vendor-api.malformed dahua-cgi.malformed
  match    ^\s*class=(?:XVR|HCVR|DVR|HVR)\s*$
  set      class=dvr
  tier     role
  weight   0.8
  source   Dahua API of HTTP Protocol Specification V2.76 (getDeviceClass); XVR and HCVR are Dahua HDCVI/analogue recorder classes (dahuasecurity.com catalogue)
  example  "class=HCVR" => class=dvr
  example  "class=XVR\r\n" => class=dvr
  example! "class=NVR"

rule dahua-magicbox-class-intercom
  on       http.body vendor-api.malformed dahua-cgi.malformed
  match    ^\s*class=(?:VTO|VTH|VTS)\s*$
  set      class=intercom
  tier     role
  weight   0.8
  source   Dahua API of HTTP Protocol Specification V2.76 (getDeviceClass); VTO door stations, VTH indoor monitors and VTS master stations are Dahua video intercom classes (dahuasecurity.com catalogue)
  example  "class=VTO" => class=intercom
  example  "class=VTH\r\n" => class=intercom
  example! "class=IPC"

# ---- SNMP sysDescr forms ----

# Sony's SNC cameras answer sysDescr with the bare product number (the
# manual lists SNC-CH240, SNC-CH140, SNC-DH140T ...; "You cannot change
# this parameter").  Samsung Techwin's SNC-B2331 / SNC-M300 use one
# letter after the dash, Sony's these models two.
rule sony-snc-sysdescr-model
  on       snmp.sysdescr
  match    ^\s*(SNC-[A-Z]{2}[0-9]{2,4}[A-Z0-9]{0,4})\s*$
  set      manufacturer=Sony model=$1 class=camera
  tier     model
  weight   0.8
  source   Sony SNC-DH240/CH240 user manual, Using the SNMP, p.122 (camera.manualsonline.com/manuals/mfg/sony/dh240.html?p=122): var sysDescr="SNC-CH240" (or SNC-CH140, SNC-DH140T ...), sysObjectID 1.3.6.1.4.1.122.8501
  example  "SNC-CH240" => manufacturer=Sony model=SNC-CH240 class=camera
  example  "SNC-DH140T" => model=SNC-DH140T
  example! "SNC-B2331"
  example! "SNC-M300"
  example! "Linux SNC-CH240 2.6.18"

# ---- Foscam CGIProxy.fcgi answers ----

rule foscam-cgi-result
  on       http.body vendor-api.malformed
  match    <CGI_Result>\s*<result>-?[0-9]{1,2}</result>
  set      manufacturer=Foscam
  weight   0.75
  source   Foscam IPCamera CGI User Guide (every CGIProxy.fcgi answer is <CGI_Result><result>code</result>...</CGI_Result>; -1 no such command, -2 bad user/password); libpyfoscam foscam.py (CGI_Result parsing)
  example  "<CGI_Result>\n  <result>-2</result>\n</CGI_Result>" => manufacturer=Foscam
  example  "<CGI_Result><result>0</result><isMirror>0</isMirror><isFlip>0</isFlip></CGI_Result>"
  example! "<CGI_Result><code>0</code></CGI_Result>"
  example! "<Result>0</Result>"

rule foscam-cgi-devinfo-model
  on       http.body vendor-api.malformed
  match    <CGI_Result>.{0,600}?<productName>\s*([A-Z][A-Za-z0-9 _-]{1,30}?)\s*</productName>
  flags    s
  set      manufacturer=Foscam model=$1
  weight   0.75
  source   Foscam IPCamera CGI User Guide (cmd=getDevInfo answers productName, serialNo, devName, firmwareVer, hardwareVer inside <CGI_Result>)
  example  "<CGI_Result><result>0</result><productName>FI9821W V2</productName><serialNo>0000</serialNo></CGI_Result>" => manufacturer=Foscam model="FI9821W V2"
  example! "<productName>FI9821W</productName>"

# ---- Embedded web server error pages (shared servers: weak) ----

# Hikvision's older firmware answers an unauthenticated ISAPI request
# with the GoAhead-derived error page below.  GoAhead's "Document
# Error:" pages ship on many other makers' devices, so this only adds to
# other evidence (0.35 names nobody alone, docs/fingerprints.md §5 step 3).
rule hikvision-goahead-401-page
  on       http.body
  match    <title>Document Error: Unauthorized</title>.{0,200}?Access Error: 401 -- Unauthorized.{0,80}?Authentication Error
  flags    s
  set      manufacturer=Hikvision
  weight   0.35
  source   mezz64/pyHik issue #15 and nayrnet/node-hikvision-api issue #8 (Hikvision camera answers /ISAPI/System/deviceInfo and the alert stream with this page); the page layout is GoAhead's, shared by other makers (weak)
  example  "<!DOCTYPE html>\n<html><head><title>Document Error: Unauthorized</title></head>\n<body><h2>Access Error: 401 -- Unauthorized</h2>\n<p>Authentication Error</p>" => manufacturer=Hikvision
  example! "<html><head><title>Document Error: Not Found</title></head><body><h2>Access Error: Not Found</h2>"
  example! "<title>401 Unauthorized</title>"

# ---- AVTECH CGI answers (CGI Command Set Specification 2.1) ----

# Every AVTECH CGI answer starts with a status code line and "OK", then
# key=value lines; Machine.cgi?action=get_capability (open to "nobody")
# lists Firmware.Version (four dash-joined groups), Product.Type, Video.*.
rule avtech-machine-capability
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*Firmware\.Version=([0-9]{4}(?:-[0-9A-Fa-f]{2,4}){3,5})\s*\r?\n(?:[^\n]{0,80}\n){0,4}?\s*Product\.Type=
  set      manufacturer=Avtech firmware=$1
  weight   0.8
  source   lexxai.blogspot.com/2018/12/avtech-dvr-hiden-commands.html (AVTECH DVR answer to /cgi-bin/nobody/Machine.cgi?action=get_capability, from AVTECH CGI Command Set Specification 2.1)
  example  "0\nOK\nFirmware.Version=1133-1039-1013-1025-0a-0000\nMACAddress=00:0X:XX:XX:XX:XX\nProduct.Type=DVR\nProduct.ID=672\n" => manufacturer=Avtech firmware=1133-1039-1013-1025-0a-0000
  example  "Firmware.Version=1011-1005-1008-1002\nMACAddress=00:0E:53:00:00:01\nProduct.Type=DVR\n" => firmware=1011-1005-1008-1002
  example! "Firmware.Version=2.800.0000000.16.R\nProduct.Type=DVR\n"
  example! "root.Properties.Firmware.Version=9.80.1\nroot.Brand.ProdType=Network Camera\n"

rule avtech-capability-dvr
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*Firmware\.Version=[0-9]{4}-[^\n]{0,40}\n(?:[^\n]{0,80}\n){0,4}?\s*Product\.Type=DVR\s*(?:\r?\n|$)
  set      class=dvr
  tier     role
  weight   0.8
  source   lexxai.blogspot.com/2018/12/avtech-dvr-hiden-commands.html (get_capability: Product.Type=DVR on an AVTECH DVR; AVTECH CGI Command Set Specification 2.1)
  example  "0\nOK\nFirmware.Version=1133-1039-1013-1025-0a-0000\nMACAddress=00:0X:XX:XX:XX:XX\nProduct.Type=DVR\nProduct.ID=672\n" => class=dvr
  example! "0\nOK\nFirmware.Version=1133-1039-1013-1025-0a-0000\nProduct.Type=NVR\n"

rule avtech-cgi-status-ok
  on       http.body vendor-api.malformed
  match    ^\s*0\r?\nOK\r?\n(?:SmartMonitor=Alive|Firmware\.Version=|MACAddress=|Product\.(?:Type|ID|ShortName)=|Video\.(?:System|Input\.Num)=)
  set      manufacturer=Avtech
  weight   0.7
  source   lexxai.blogspot.com/2018/12/avtech-dvr-hiden-commands.html (AVTECH CGI answers "0\nOK\n" then key=value: SmartMonitor.cgi answers SmartMonitor=Alive; AVTECH CGI Command Set Specification 2.1)
  example  "0\nOK\nSmartMonitor=Alive\n" => manufacturer=Avtech
  example  "0\r\nOK\r\nVideo.System=PAL\r\n"
  example! "0\nOK\n"
  example! "OK\nSmartMonitor=Alive"
  example! "200 OK\nFirmware.Version=1.0"

# ---- A surveillance maker's own name as the product token ----

# brands.fp's lookups give these makers at brand weight x the table's
# confidence (medium: 0.5 x 0.7 = 0.35 on a Server header), which names
# nobody (docs/fingerprints.md §5 step 3).  A Server, SERVER or
# User-Agent field, or a whole title, that starts with the maker's own
# name is the maker's firmware naming itself: maker only, no class.
rule maker-name-product-token
  on       http.server rtsp.server ssdp.server sip.server http.title snmp.sysdescr
  match    (?:^\s*|\bUPnP/[0-9.]{1,5}\s+)(Tiandy|Kedacom|KEDACOM|Sunell|SUNELL|Jovision|JOVISION|Milesight|MILESIGHT|NUUO|Nuuo|Avtech|AVTECH|Brickcom|BRICKCOM|EverFocus|EVERFOCUS|Raysharp|RaySharp|VStarcam|Vstarcam|VSTARCAM|Wanscam|WANSCAM|Longse|LONGSE|Wansview|WANSVIEW|Foscam|FOSCAM|Infinova|INFINOVA|LILIN|Digiever|DIGIEVER|Zavio|ZAVIO|GeoVision|GEOVISION)(?=$|[ /_(-])
  set      manufacturer=$1
  weight   0.6
  source   RFC 9110 §10.2.4 (Server: product tokens naming the origin server software); UPnP Device Architecture 2.0 §1.2.2 (SERVER: OS/version UPnP/2.0 product/version); RFC 3261 §20.35/§20.41 (Server, User-Agent)
  example  "Milesight" => manufacturer=Milesight
  example  "NUUO Web Server" => manufacturer=Nuuo
  example  "Sunell NVR" => manufacturer=Sunell
  example  "Linux/3.10 UPnP/1.0 Avtech/1.0" => manufacturer=Avtech
  example! "Linux/3.10 UPnP/1.0 Portable SDK for UPnP devices/1.6.6"
  example  "Tiandy/1.0" => manufacturer=Tiandy
  example  "KEDACOM" => manufacturer=Kedacom
  example! "Milesightly"
  example! "Powered by Tiandy"
  example! "GeoVisionary Labs"
  example! "nginx"
