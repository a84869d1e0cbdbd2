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
