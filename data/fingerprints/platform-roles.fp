# Video-platform protocols of video-first makers as role evidence
# (issue #11; docs/fingerprints.md §5 step 8, "video roles").
#
# A reply in a maker's video-platform protocol (Hikvision ISAPI documents,
# EHome/ISUP registration, SADP, Dahua DVRIP/DHIP/RPC2/magicBox, Uniview
# LAPI, Xiongmai DVRIP) comes from the firmware of that maker's video
# devices: it claims surveillance=yes at the role level and guesses no
# class.  A model family (tier model) or a device-type field naming a
# non-video product (an access terminal, a door station, an alarm hub, a
# switch) gives that class, and step 8 then says not surveillance whatever
# these rules claim.  Maker-only evidence (a server header, a MAC block, a
# company name in a sysDescr) stays maker-only: nothing here reads it.
#
# ISAPI documents of the non-video product lines (access control, video
# intercom, the AX PRO security control panel) say which line they are
# from (their root, their event type or their request URL); they set that
# class at the role tier instead of claiming surveillance.
# Format: docs/fingerprints.md.

# ---- Hikvision ISAPI ----

# ISAPI (Intelligent Security API) documents are XML in the namespace
# http://www.hikvision.com/ver20/XMLSchema (older ver10 and std-cgi.com, newer
# www.isapi.org).  ISAPI is the firmware API of Hikvision's cameras and
# recorders; the access-control, intercom and AX PRO documents are left to
# the rules further down.  The login and security documents every ISAPI
# product answers alike (userCheck, the 401 of any path; SessionLoginCap,
# which an AX PRO hub answers too: petrleocompel/hikaxpro_hacs issue #56),
# the system settings every product has (network interfaces, IO ports,
# time, users) and the capability document (DeviceCap, read by
# role-isapi-device-cap only when it lists video capabilities) are not
# read here.
rule role-isapi-document
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <(?!userCheck\b|SessionLogin|Security|User|Network|IO[A-Z]|Time\b|NTP|DeviceCap\b|AcsEvent\b|AccessControl|VideoIntercom|CallStatus\b|Door|CardInfo|UserInfo|FaceData)([A-Za-z][A-Za-z0-9]{1,40})\s[^>]{0,120}?xmlns="http://www\.(?:hikvision\.com|isapi\.org|std-cgi\.com)/ver[12]0/XMLSchema"
  set      surveillance=yes
  weight   0.6
  source   CamioCam/rtsp#123 (NVR DeviceInfo, std-cgi.com); mezz64/pyHik#62 (camera documents, hikvision.com ver10/ver20); mezz64/pyHik#8 (DS-7108N NVR EventTrigger, isapi.org); node-red-contrib-hikvision-ultimate#13 (EventNotificationAlert); protocols.md §4
  example  "200 <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ResponseStatus version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">\n<requestURL>/ISAPI/System/reboot</requestURL>\n<statusCode>1</statusCode>" => surveillance=yes
  example  "<HttpHostNotificationList version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">" => surveillance=yes
  example  "<EventNotificationAlert version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><eventType>IO</eventType>" => surveillance=yes
  example  "<DeviceInfo version=\"1.0\" xmlns=\"http://www.std-cgi.com/ver20/XMLSchema\">" => surveillance=yes
  example! "401 <userCheck xmlns=\"http://www.hikvision.com/ver20/XMLSchema\"><statusValue>401</statusValue></userCheck>"
  example! "<AcsEvent version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
  example! "<NetworkInterfaceList version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"
  example! "<SessionLoginCap version=\"2.0\" xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">\n<sessionID>631c</sessionID>"
  example! "<DeviceInfo xmlns=\"http://www.example.com/ver20/XMLSchema\">"

rule role-isapi-device-cap
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <DeviceCap\b.{0,4000}?<(?:RacmCap|ImageCap|PTZCtrlCap|StreamingCap|VideoInputCap)(?:\b|(?=_))
  flags    s
  set      surveillance=yes
  weight   0.6
  source   Hikvision ISAPI /ISAPI/System/capabilities answers DeviceCap with one block per function (SysCap, NetworkCap, SecurityCap, EventCap, RacmCap for recording, ImageCap, PTZCtrlCap, StreamingCap); protocols.md §4; CamioCam/rtsp#123 (capabilities of an NVR)
  example  "<DeviceCap version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n<SysCap><isSupportDst>true</isSupportDst></SysCap>\n<RacmCap><isSupportZeroChan>true</isSupportZeroChan></RacmCap>" => surveillance=yes
  example! "<DeviceCap version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n<SysCap><isSupportDst>true</isSupportDst></SysCap><SecurityCap/>"

rule role-isapi-response-status
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <ResponseStatus\b[^>]{0,160}>\s*<requestURL>\s*/ISAPI/(?!AccessControl/|SecurityCP/|VideoIntercom/)
  set      surveillance=yes
  weight   0.6
  source   evercam/evercam-server#63 (camera ResponseStatus for /ISAPI/Streaming/channels/201/picture, urn:psialliance-org); maciej-or/hikvision_next PR #183 (error 6 badXmlContent); protocols.md §4
  example  "<ResponseStatus version=\"1.0\"><requestURL>/ISAPI/Event/notification/alertStream</requestURL><statusCode>4</statusCode>" => surveillance=yes
  example! "<ResponseStatus version=\"1.0\"><requestURL>/ISAPI/AccessControl/UserInfo/Count</requestURL>"
  example! "<ResponseStatus><requestURL>/cgi-bin/status</requestURL>"

rule role-isapi-event-alert
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <EventNotificationAlert\b.{0,1200}?<eventType>\s*(?!AccessControllerEvent\b|AcsEvent\b|VideoIntercomEvent\b|alarmHost|AlarmHost|cid\b|CIDEvent\b)[A-Za-z]
  flags    s
  set      surveillance=yes
  weight   0.6
  source   node-red-contrib-hikvision-ultimate#13 (camera alertStream: EventNotificationAlert, eventType videoloss); mezz64/pyHik#62 (duration/fielddetection); maciej-or/hikvision_next PR #313 (VMD)
  example  "<EventNotificationAlert version=\"1.0\"><ipAddress>10.0.0.5</ipAddress><channelID>1</channelID><eventType>IO</eventType><eventState>active</eventState></EventNotificationAlert>" => surveillance=yes
  example  "<EventNotificationAlert version=\"2.0\">\n<eventType>videoloss</eventType>" => surveillance=yes
  example! "<EventNotificationAlert version=\"2.0\"><eventType>AccessControllerEvent</eventType>"
  example! "<EventNotificationAlert version=\"2.0\"><activePostCount>1</activePostCount></EventNotificationAlert>"

rule hik-event-json-shape
  on       http.body vendor-api.malformed
  match    "activePostCount"\s*:\s*[0-9]{1,6}\s*,\s*"eventType"\s*:\s*"
  set      manufacturer=Hikvision
  weight   0.7
  source   pergolafabio/Hikvision-Addons issue #177 (a Hikvision terminal's event in ISAPI JSON form: ipAddress, portNo, protocol, dateTime, activePostCount, eventType, eventState, eventDescription), the JSON twin of EventNotificationAlert
  example  "{\"ipAddress\": \"10.0.0.9\", \"portNo\": 80, \"protocol\": \"HTTP\", \"dateTime\": \"2024-08-26T12:32:28+01:00\", \"activePostCount\": 1, \"eventType\": \"AccessControllerEvent\"}" => manufacturer=Hikvision
  example! "{\"eventType\": \"VMD\"}"

rule role-hik-event-json-video
  on       http.body vendor-api.malformed
  match    "eventType"\s*:\s*"(?:VMD|linedetection|fielddetection|videoloss|shelteralarm|regionEntrance|regionExiting|scenechangedetection|duration)"
  set      surveillance=yes
  weight   0.6
  source   camera/NVR alertStream event types (VMD, linedetection, fielddetection, videoloss, shelteralarm: node-red-contrib-hikvision-ultimate#13, eu-evops/homebridge-hikvision#15) in the ISAPI JSON event form (pergolafabio/Hikvision-Addons#177)
  example  "{\"ipAddress\": \"10.0.0.5\", \"activePostCount\": 1, \"eventType\": \"linedetection\", \"eventState\": \"active\"}" => surveillance=yes
  example! "{\"eventType\": \"AccessControllerEvent\"}"

rule role-isapi-access-control
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <eventType>\s*(?:AccessControllerEvent|AcsEvent)\s*</eventType>|"eventType"\s*:\s*"AccessControllerEvent"|<(?:AcsEvent|AcsEventCond|AcsCfg|UserInfoCount|CardInfoCount|FaceDataRecord)\b|<requestURL>\s*/ISAPI/AccessControl/
  set      class=access-control
  weight   0.75
  source   pergolafabio/Hikvision-Addons#177 (DS-K1T502DBFWX-C terminal: eventType AccessControllerEvent, "Access Controller Event", doorNo); maciej-or/hikvision_next#37; ISAPI /ISAPI/AccessControl/ resources
  example  "<EventNotificationAlert version=\"2.0\"><eventType>AccessControllerEvent</eventType><eventState>active</eventState>" => class=access-control
  example  "<ResponseStatus version=\"1.0\"><requestURL>/ISAPI/AccessControl/UserInfo/Record</requestURL>" => class=access-control
  example  "{\"ipAddress\": \"10.0.0.9\", \"portNo\": 80, \"eventType\": \"AccessControllerEvent\", \"eventState\": \"active\"}" => class=access-control
  example! "<EventNotificationAlert version=\"2.0\"><eventType>VMD</eventType>"

rule role-isapi-intercom
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <eventType>\s*VideoIntercomEvent\s*</eventType>|<requestURL>\s*/ISAPI/VideoIntercom/|<(?:CallStatus|VideoIntercomEvent)(?:\b|(?=_))
  set      class=intercom
  weight   0.75
  source   Hikvision ISAPI video-intercom resources /ISAPI/VideoIntercom/ (callStatus, callSignal) and VideoIntercomEvent alerts of DS-KV/KD door stations and DS-KH indoor stations (public Hikvision intercom integrations for Home Assistant)
  example  "<ResponseStatus version=\"2.0\"><requestURL>/ISAPI/VideoIntercom/callSignal</requestURL>" => class=intercom
  example  "<CallStatus version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><status>idle</status></CallStatus>" => class=intercom
  example! "<ResponseStatus version=\"2.0\"><requestURL>/ISAPI/System/reboot</requestURL>"

rule role-isapi-alarm-panel
  on       hik.isapi http.body isapi.malformed vendor-api.malformed
  match    <requestURL>\s*/ISAPI/SecurityCP/|<(?:SecurityCP[A-Za-z]{0,30}|AlarmHostStatus|ZoneStatus)(?:\b|(?=_))
  set      class=alarm-panel
  weight   0.75
  source   Hikvision AX PRO hubs (DS-PWA, DS-PHA) answer the ISAPI SecurityCP resources (/ISAPI/SecurityCP/status/zones, /ISAPI/SecurityCP/control/arm) (petrleocompel/hikaxpro_hacs issue #56, a DS-PHA20-P's ISAPI session)
  example  "<ResponseStatus version=\"2.0\"><requestURL>/ISAPI/SecurityCP/control/arm/1</requestURL>" => class=alarm-panel
  example  "<SecurityCPCapabilities version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">" => class=alarm-panel
  example! "<ResponseStatus version=\"2.0\"><requestURL>/ISAPI/System/reboot</requestURL>"

# ---- Hikvision EHome/ISUP, SADP, SDK port ----

rule role-hik-ppvsp-pu
  on       banner http.body hik.isapi vendor-api.malformed isapi.malformed
  match    <PPVSPMessage>.{0,600}?<NetUnitType>\s*PU\s*</NetUnitType>
  flags    s
  set      surveillance=yes
  weight   0.6
  source   Hikvision EHome/ISUP REGISTER request Params NetUnitType PU: the registering front-end (encoding) unit of the platform, a camera or recorder streaming to the EHome/ISUP server (public eHome client demo, eHomeClient MainWindow.xaml.cs)
  example  "<PPVSPMessage>\n<Version>2.5</Version>\n<CommandType>REQUEST</CommandType>\n<Command>REGISTER</Command>\n<Params>\n<DeviceID>dev01</DeviceID>\n<NetUnitType>PU</NetUnitType>\n</Params>\n</PPVSPMessage>" => surveillance=yes
  example! "<PPVSPMessage><Command>REGISTER</Command><Params><NetUnitType>CU</NetUnitType></Params></PPVSPMessage>"

rule role-hik-sadp-reply
  on       sadp.raw
  match    <ProbeMatch>.{0,2000}?<(?:DeviceSN|CommandPort|DSPVersion)>
  flags    s
  set      surveillance=yes
  weight   0.6
  source   protocols.md §3 (Hikvision SADP ProbeMatch: DeviceSN, CommandPort 8000, DSPVersion, AnalogChannelNum/DigitalChannelNum; the SADP tool discovers Hikvision's cameras, recorders and encoders)
  example  "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><ProbeMatch><Uuid>x</Uuid><Types>inquiry</Types><DeviceType>1</DeviceType><DeviceSN>0820201001CCRRE12345678</DeviceSN><CommandPort>8000</CommandPort></ProbeMatch>" => surveillance=yes
  example! "<Probe><Uuid>x</Uuid><Types>inquiry</Types></Probe>"

# The 16-byte reply with length word 0x10 is the layout src/parse/parse_vendor.c
# accepts as a Hikvision SDK-port greeting; hik.sdk comes only from that
# decoder (kind hik-sdk, probe of TCP 8000), so no port is required.
rule role-hik-sdk-port
  on       hik.sdk
  match    ^00000010
  set      manufacturer=Hikvision surveillance=yes
  weight   0.5
  source   Hikvision camera/NVR user manuals, Network > Port (Server Port 8000 for client software and SDK); protocols.md §3 (SADP CommandPort 8000); byte values UNVERIFIED: no vendor document or public capture found; weight lowered
  example  "000000100000001e0000001e00000000" => manufacturer=Hikvision surveillance=yes
  example! "000000200000001e0000001e00000000"

rule role-hik-media-stream
  on       rtsp.sdp rtsp.sdp.session rtsp.content-base
  match    a=Media_header:MEDIAINFO=494D4B48|(?:^|s=)HIK Media Server\b|(?:^|a=control:)\s*rtsp://[^\s/]{1,80}/h264/ch[0-9]{1,2}/(?:main|sub)/av_stream(?:\b|(?=_))
  flags    i
  set      surveillance=yes
  weight   0.6
  source   mpromonet/webrtc-streamer issue #138 (a Hikvision camera's DESCRIBE: Content-Base .../h264/ch1/main/av_stream/, SDP Media_header MEDIAINFO=494D4B48, the IMKH stream header); protocols.md §4 (s=HIK Media Server V3.1.3, gortsplib test)
  example  "v=0\r\ns=Media Presentation\r\na=Media_header:MEDIAINFO=494D4B48010100000400000100000000;\r\n" => surveillance=yes
  example  "HIK Media Server V3.1.3" => surveillance=yes
  example  "rtsp://192.0.2.7:554/h264/ch1/main/av_stream/" => surveillance=yes
  example! "v=0\r\ns=Media Presentation\r\n"

rule role-hik-web-video-activex
  on       http.body
  match    NewHCNetActiveX\.cab|\bHCNetVideoActiveX(?:\b|(?=_))
  set      surveillance=yes
  weight   0.5
  source   HCNet is Hikvision's network video SDK (HCNetSDK, c-ong/hikvision-for-droid issue 2); its web client's video ActiveX for live view and playback; file names UNVERIFIED: no vendor document or public capture found; weight lowered
  example  "<object codebase=\"NewHCNetActiveX.cab\">" => surveillance=yes
  example! "ActiveX.cab"

# ---- Dahua DVRIP, DHIP, RPC2, magicBox ----

rule role-dahua-dvrip-reply
  on       dahua.dvrip
  match    ^b[0-3][0-9a-f]{6}
  set      surveillance=yes
  weight   0.6
  source   protocols.md §6 (TCP 37777 DVRIP: realm request a0 01 00 60 answered b0 00 00 68 / b0 01 00 68; the private protocol of Dahua's recorders and cameras, DHIP replies advertise it as Port 37777; mcw0/Tools Dahua-JSON-Debug-Console-v2.py)
  example  "b0000068000000000000000000000000" => surveillance=yes
  example  "b1000058" => surveillance=yes
  example! "ff0100000000"

rule role-dahua-dhip
  on       dhip.raw dhip.header
  match    ^2000000044484950|"(?:method|DeviceClass|SerialNo|MachineName|VideoInputChannels)"\s*:
  set      surveillance=yes
  weight   0.6
  source   protocols.md §5 (DHIP discovery UDP 37810 and JSON-RPC over TCP: client.notifyDevInfo with DeviceClass, SerialNo, VideoInputChannels, Port 37777); rroller/dahua#6 (Imou Ranger 2 answering DHIP global.login)
  example  "{\"mac\":\"3c:ef:8c:00:00:01\",\"method\":\"client.notifyDevInfo\",\"params\":{\"deviceInfo\":{\"SerialNo\":\"4A00000PAZ00000\",\"Vendor\":\"General\"}}}" => surveillance=yes
  example  "2000000044484950000000000000000000000000000000000000000000000000" => surveillance=yes
  example! "{\"foo\":1}"

rule role-dahua-rpc2-challenge
  on       dahua.rpc2 dahua.realm
  match    (?:^|"realm"\s*:\s*")Login to [A-Za-z0-9]{6,24}
  set      surveillance=yes
  weight   0.6
  source   rroller/dahua issue #6 and mcw0/DahuaConsole issue #29 (Imou Ranger 2 global.login challenge: "realm":"Login to 907F3C6C73FEDA77", error 268632079 "Component error: login challenge!"); protocols.md §6 (/RPC2_Login)
  example  "{\"result\":false,\"params\":{\"realm\":\"Login to 907F3C6C73FEDA77\",\"random\":\"1f1e\",\"encryption\":\"Default\"},\"id\":0,\"session\":2869194125}" => surveillance=yes
  example  "Login to 4B01234PAJ12345" => surveillance=yes
  example! "{\"params\":{\"realm\":\"Welcome\"}}"

rule role-dahua-login-realm
  on       http.realm rtsp.realm
  match    ^Login to [A-Za-z0-9]{6,24}$
  set      surveillance=yes
  weight   0.6
  source   github.com/scottlamb/retina/issues/62 (Dahua camera's RTSP 401: Digest realm="Login to 4K01FD2PAJ6E3FF", the unit's serial number); rroller/dahua issue #6 (the same realm in the RPC2 login challenge)
  example  "Login to 4K01FD2PAJ6E3FF" => surveillance=yes
  example! "Login to the router"

rule role-dahua-system-info
  on       dahua.cgi http.body dahua-cgi.malformed
  match    updateSerial=[A-Za-z0-9]|processor=[A-Za-z0-9][^\n]{0,40}\n(?:[A-Za-z]{2,20}=[^\n]{0,64}\n){0,4}serialNumber=[A-Za-z0-9]
  flags    s
  set      surveillance=yes
  weight   0.6
  source   rroller/dahua README and issue #9 (magicBox getSystemInfo: deviceType=, processor=, serialNumber=, updateSerial= lines); koush/scrypted plugins/amcrest/src/amcrest-api.ts (updateSerial=IPC-AW46WN-S2)
  example  "200 deviceType=31\r\nprocessor=ST7108\r\nserialNumber=ZG01234PAJ12345\r\nupdateSerial=NVR2X-4KS2\r\n" => surveillance=yes
  example  "appAutoStart=true\ndeviceType=IPC-HDW4631C-A\nhardwareVersion=1.00\nprocessor=S2L55M\nserialNumber=4B01234PAJ12345\nupdateSerial=IPC-HDW4631C-A\n" => surveillance=yes
  example! "200 type=DH-XVR5108HS-X\r\n"
  example! "<html>serialNumber</html>"

rule role-dahua-update-serial
  on       dahua.update-serial
  match    ^\s*[A-Za-z][A-Za-z0-9-]{2,40}\s*$
  set      surveillance=yes
  weight   0.6
  source   koush/scrypted plugins/amcrest/src/amcrest-api.ts (magicBox getSystemInfo updateSerial=IPC-AW46WN-S2: the Dahua base model whose firmware updates the unit takes); rroller/dahua issue #9
  example  "NVR2X-4KS2" => surveillance=yes
  example! "31"

rule role-dahua-magicbox-answer
  on       dahua.cgi
  match    ^200\s+(?:sn|name|class|vendor|version|serialNumber|processor|hardwareVersion|deviceType|type|updateSerial|appAutoStart)=[^\r\n=]{1,64}
  set      surveillance=yes
  weight   0.6
  source   Dahua API of HTTP Protocol Specification V2.76 (magicBox.cgi: getSerialNo sn=, getMachineName name=, getDeviceClass class=, getVendor vendor=, getSoftwareVersion version=, getDeviceType type=); rroller/dahua issue #9 (a Dahua NVR's magicBox answers)
  example  "200 sn=4E01234PAZ12345\r\n" => surveillance=yes
  example  "200 version=4.001.0000005.0,build:2020-11-17" => surveillance=yes
  example! "401 Unauthorized"
  example! "200 <html><head><title>Login</title></head></html>"

rule role-dahua-config-table
  on       http.body dahua.cgi vendor-api.malformed dahua-cgi.malformed
  match    (?:^|[\n ])table\.(?:Encode|VideoInMode|VideoColor|VideoInOptions|MotionDetect|ChannelTitle|VideoWidget|Snap|Record|RTSP|DVRIP)(?:\[[0-9]{1,3}\]){0,3}(?:\.[A-Za-z0-9_]{1,40}(?:\[[0-9]{1,3}\]){0,3}){1,5}=
  set      surveillance=yes
  weight   0.6
  source   Dahua API of HTTP Protocol Specification V2.76 (configManager.cgi getConfig tables of the video functions: Encode, VideoInMode, VideoColor, MotionDetect, ChannelTitle, VideoWidget, Snap, Record, RTSP); rroller/dahua client.py (table.* replies)
  example  "table.Encode[0].MainFormat[0].Video.Compression=H.264\r\n" => surveillance=yes
  example  "table.VideoInOptions[0].DayNightColor=1" => surveillance=yes
  example! "table.General.MachineName=Cam4"
  example! "table.AccessControl[0].State=0"

rule role-dahua-rpc2-session
  on       dahua.rpc2
  match    "result"\s*:\s*(?:true|false)\s*,\s*"session"\s*:|"session"\s*:\s*"?[0-9A-Za-z]{1,40}"?\s*,\s*"result"\s*:
  set      surveillance=yes
  weight   0.6
  source   protocols.md §6 (/RPC2 JSON-RPC reply { "id" : 10000, "params" : null, "result" : true, "session" : 100385023 }, mcw0 dahua-backdoor.txt); rroller/dahua issue #6 (RPC2 login of an Imou camera)
  example  "{ \"id\" : 10000, \"params\" : null, \"result\" : true, \"session\" : 100385023 }" => surveillance=yes
  example! "{\"result\":true}"

# ---- Uniview LAPI ----

rule role-uniview-lapi
  on       lapi.deviceinfo http.body vendor-api.malformed
  match    "ResponseURL"\s*:\s*"/LAPI/V[0-9]\.[0-9]/
  set      manufacturer=Uniview surveillance=yes
  weight   0.6
  source   Uniview LAPI (HTTP API for IPC/NVR V1.x): every answer is {"Response":{"ResponseURL":"/LAPI/V1.0/...","ResponseCode":...,"ResponseString":...,"Data":...}} (Uniview "LiteAPI over HTTP" document for IP cameras and NVRs)
  example  "{\"Response\":{\"ResponseURL\":\"/LAPI/V1.0/System/DeviceInfo\",\"ResponseCode\":3,\"ResponseString\":\"Not Authorized\"}}" => manufacturer=Uniview surveillance=yes
  example  "200 {\"Response\": {\"ResponseURL\": \"/LAPI/V1.0/Channels/System/DeviceInfo\", \"CreatedID\": -1, \"ResponseCode\": 0}}" => manufacturer=Uniview
  example! "{\"Response\":{\"ResponseURL\":\"/api/v1/info\"}}"

# ---- Xiongmai DVRIP (Sofia, TCP 34567) ----

rule role-xm-dvrip
  on       xm.dvrip dvrip.raw
  match    "(?:Ret|SessionID|AliveInterval|ChannelNum)"\s*:
  set      surveillance=yes
  weight   0.6
  source   protocols.md §7 (Xiongmai DVRIP on TCP 34567: JSON replies with Ret 100, SessionID, AliveInterval, ChannelNum, DeviceType; NeiroNx/python-dvr dvrip.py), the NETSurveillance protocol of Xiongmai cameras and recorders
  example  "{ \"AliveInterval\" : 20, \"ChannelNum\" : 4, \"Ret\" : 100, \"SessionID\" : \"0x00000001\" }" => surveillance=yes
  example! "{\"foo\":1}"
