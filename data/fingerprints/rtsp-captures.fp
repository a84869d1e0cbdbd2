# RTSP realms and SDP lines that name one maker's firmware, read from
# public bug reports in which users pasted a camera's RTSP replies
# together with its make (issue #11, field evidence).  Each source line
# names the threads; a string seen in one thread only gets a lower
# weight.  Nothing here comes from other projects' fingerprint databases.

rule reolink-bc-streaming-realm
  on       rtsp.realm http.realm
  match    ^\s*BC Streaming Media\s*$
  set      manufacturer=Reolink
  weight   0.8
  source   mbullington/yellowstone issue #86 (Reolink camera, DESCRIBE /Preview_01_main: 401 Digest realm="BC Streaming Media"); AlexxIT/go2rtc issue #331 (Reolink Video Doorbell, same realm in the SETUP trace); AlexxIT/Blog issue #5 (Preview_02_main)
  example  "BC Streaming Media" => manufacturer=Reolink
  example! "LIVE555 Streaming Media"
  example! "BC Streaming Media Server Pro"

rule reolink-bc-streaming-sdp-tool
  on       rtsp.sdp
  match    (?m)^a=tool:BC Streaming Media(?:\b|(?=_))
  set      manufacturer=Reolink
  weight   0.8
  source   mbullington/yellowstone issue #86 (Reolink camera, DESCRIBE /Preview_01_main answered with SDP a=tool:BC Streaming Media v202210012022.10.0, s=Session streamed by "preview")
  example  "v=0\r\ns=Session streamed by \"preview\"\r\nt=0 0\r\na=tool:BC Streaming Media v202210012022.10.0\r\n" => manufacturer=Reolink
  example! "v=0\r\na=tool:LIVE555 Streaming Media v2020.08.12\r\n"

rule reolink-sdp-session-preview
  on       rtsp.sdp rtsp.sdp.session
  match    ^(?:s=)?Session streamed by "preview"\r?$
  flags    m
  set      manufacturer=Reolink
  weight   0.6
  source   scottlamb/retina issue #17, AlexxIT/go2rtc issue #214, mbullington/yellowstone issue #86 (three Reolink units: s=Session streamed by "preview"); LIVE555's session-name form is generic, the name "preview" is Reolink's: medium weight
  example  "Session streamed by \"preview\"" => manufacturer=Reolink
  example  "v=0\r\no=- 1674668428057855 1 IN IP4 192.168.40.20\r\ns=Session streamed by \"preview\"\r\ni=\r\nt=0 0\r\n" => manufacturer=Reolink
  example! "Session streamed by \"testStream\""
  example! "v=0\r\ns=Session streamed by \"previewer\"\r\n"

rule dahua-sdp-dh-packetization
  on       rtsp.sdp
  match    (?m)^a=(?:packetization|rtppayload)-supported:DH\r?$
  set      manufacturer=Dahua
  weight   0.8
  source   blakeblackshear/frigate issue #16026 (Dahua C5A, cam/realmonitor SDP: s=Media Server, a=packetization-supported:DH, a=rtppayload-supported:DH); AlexxIT/go2rtc issue #791 (IMOU Ranger, same SDP lines); DH is Dahua's own payload name
  example  "v=0\r\ns=Media Server\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\na=control:*\r\na=packetization-supported:DH\r\na=rtppayload-supported:DH\r\n" => manufacturer=Dahua
  example  "a=rtppayload-supported:DH"
  example! "v=0\r\ns=Media Server\r\na=control:*\r\n"
  example! "a=packetization-supported:DHX"

# "Rtsp Server/3.0" is seen only in captures of Dahua-firmware units
# (cam/realmonitor paths, "Login to <serial>" realms, DH SDP lines);
# "Rtsp Server/2.0" is not used: a Reolink capture sends it too.
rule dahua-rtsp-server-3
  on       rtsp.server
  match    ^\s*Rtsp Server/3\.0\s*$
  set      manufacturer=Dahua
  weight   0.6
  source   ws2543/about-multimedia README (Dahua-firmware camera: realm Login to <serial>, Server: Rtsp Server/3.0, SDP DH lines); q191201771/lal pkg/rtsp auth test comment and openhab-addons ipcamera binding comment (cam/realmonitor)
  example  "Rtsp Server/3.0" => manufacturer=Dahua
  example! "Rtsp Server/2.0"
  example! "GStreamer RTSP server"
  example! "Rtsp Server/3.0.1 (Wowza)"

rule dahua-rtsp-realm-mediaserver3
  on       rtsp.realm
  match    ^\s*MediaServer3\.0\s*$
  set      manufacturer=Dahua
  weight   0.5
  source   q191201771/lal pkg/rtsp auth test comment (OPTIONS on cam/realmonitor?channel=1&subtype=0: 401 Basic realm="MediaServer3.0", then Server: Rtsp Server/3.0); one capture only, so a low weight
  example  "MediaServer3.0" => manufacturer=Dahua
  example! "MediaServer"
  example! "LIVE555 Streaming Media"

# Stream paths that one maker's firmware serves, as read back in the
# DESCRIBE reply's Content-Base or the SDP's a=control URLs.
rule xiongmai-rtsp-url-scheme
  on       rtsp.content-base rtsp.sdp
  match    /user=[^&\s/]{0,32}&password=[^&\s/]{0,64}&channel=[0-9]{1,3}&stream=[0-9]
  set      manufacturer=Xiongmai
  weight   0.6
  source   ZoneMinder/zoneminder issue #3058 (XMEye/Cantonk DVR stream URLs /user=admin&password=...&channel=1&stream=0.sdp); djwackey/dorsvr issue #12 (DESCRIBE on that URL: Content-Base echoes it, s=Video Server Session)
  example  "rtsp://192.168.88.253:554/user=admin&password=&channel=1&stream=0/" => manufacturer=Xiongmai
  example  "v=0\r\ns=Video Server Session\r\na=control:rtsp://10.0.0.5:554/user=admin&password=&channel=1&stream=0.sdp/trackID=1\r\n"
  example! "rtsp://10.0.0.5/cam/realmonitor?channel=1&subtype=0/"
  example! "rtsp://10.0.0.5/live?user=admin&channel=1"

rule tvt-rtsp-url-chid
  on       rtsp.content-base rtsp.sdp
  match    [/?&]chID=[0-9]{1,3}&streamType=(?:main|sub)
  flags    i
  set      manufacturer=TVT
  weight   0.6
  source   CamioCam/rtsp issue #170 (TVT 8-channel DVR, OUI 00:18:AE: rtsp://host:554/?chID=<n>&streamType=main&linkType=tcp, confirmed working by a user); one thread, medium weight
  example  "rtsp://192.168.1.20:554/?chID=1&streamType=main&linkType=tcp/" => manufacturer=TVT
  example! "rtsp://192.168.1.20:554/cam/realmonitor?channel=1&subtype=0"
  example! "rtsp://192.168.1.20/chID=main"

rule uniview-rtsp-url-unicast
  on       rtsp.content-base rtsp.sdp
  match    /unicast/c[0-9]{1,3}/s[0-9]/live(?:\b|(?=_))
  set      manufacturer=Uniview
  weight   0.6
  source   CamioCam/rtsp issue #133 (Uniview NVR308-64R, OUI 48:ea:63: the user manual's stream URL rtsp://host:554/unicast/c<channel>/s<stream>/live)
  example  "rtsp://10.1.1.9:554/unicast/c1/s0/live/" => manufacturer=Uniview
  example! "rtsp://10.1.1.9:554/live/ch1"
  example! "rtsp://10.1.1.9/unicast/live"

rule vstarcam-rtsp-url-av0
  on       rtsp.content-base rtsp.sdp
  port     10554
  match    /(?:tcp|udp)/av0_[01](?:\b|(?=_))
  set      manufacturer=Vstarcam
  weight   0.55
  source   Ansersion/myRtspClient issue #14 (a Vstarcam camera: rtsp://host:10554/tcp/av0_0); motioneye-project/motioneyeos issue #2253 (Vstarcam C7824WIP: RTSP on fixed port 10554); the port is required
  example  "rtsp://192.168.1.72:10554/tcp/av0_0/" => manufacturer=Vstarcam
  example! "rtsp://192.168.1.72:554/0/av0"
  example! "rtsp://192.168.1.72:10554/live/av1"

rule dahua-rtsp-url-realmonitor
  on       rtsp.content-base
  match    /cam/realmonitor\?channel=[0-9]{1,3}&subtype=[0-9]
  set      manufacturer=Dahua
  weight   0.5
  source   CamioCam/rtsp issue #79 (Dahua cameras, and the Watchnet and Amcrest units built on Dahua firmware: /cam/realmonitor?channel=<n>&subtype=<s>); ws2543/about-multimedia README (Content-Base of that form); OEM makers share it, so a low weight
  example  "rtsp://115.236.15.165:554/cam/realmonitor?channel=1&subtype=0/" => manufacturer=Dahua
  example! "rtsp://10.0.0.2/Streaming/Channels/101/"
  example! "rtsp://10.0.0.2/cam/realmonitor"

rule santachi-sdp-session
  on       rtsp.sdp rtsp.sdp.session
  match    ^(?:s=)?streamed by the Santachi RTSP server\r?$
  flags    mi
  set      manufacturer=Santachi
  weight   0.7
  source   beyondszine/camerasdiscovery README (ffprobe of an IP camera's RTSP stream: title, the SDP session name, "streamed by the Santachi RTSP server"); one capture, the string names the maker
  example  "streamed by the Santachi RTSP server" => manufacturer=Santachi
  example  "v=0\r\no=- 1 1 IN IP4 192.168.1.99\r\ns=streamed by the Santachi RTSP server\r\nt=0 0\r\n" => manufacturer=Santachi
  example! "Session streamed by \"preview\""
  example! "streamed by the GStreamer RTSP server"

# RTSP method lists (the OPTIONS reply's Public header) that show one
# maker's RTSP stack.
rule tplink-rtsp-public-multitrans
  on       rtsp.public
  match    (?:^|[ ,])MULTITRANS(?:$|[ ,\r])
  set      manufacturer=TP-Link
  weight   0.75
  source   bluenviron/mediamtx issue #3116 and koush/scrypted issue #1271 (TP-Link cameras: Public ends in MULTITRANS, realm TP-LINK IP-Camera); AlexxIT/go2rtc issue #1724 (TP-Link IPC two-way talk over the RTSP MULTITRANS extension)
  example  "OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER, MULTITRANS" => manufacturer=TP-Link
  example! "OPTIONS, DESCRIBE, SETUP, TEARDOWN, PLAY, PAUSE, GET_PARAMETER, SET_PARAMETER"
  example! "OPTIONS, MULTITRANSPORT"

rule dahua-rtsp-public-order
  on       rtsp.public
  match    ^\s*OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, TEARDOWN, SET_PARAMETER, GET_PARAMETER\s*$
  set      manufacturer=Dahua
  weight   0.5
  source   ws2543/about-multimedia README and openhab-addons ipcamera binding comment (Dahua cam/realmonitor units, Server: Rtsp Server/3.0, this exact Public list); an ordered list, not a name: low weight
  example  "OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, TEARDOWN, SET_PARAMETER, GET_PARAMETER" => manufacturer=Dahua
  example! "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, SET_PARAMETER, GET_PARAMETER, ANNOUNCE"
  example! "DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, PAUSE, GET_PARAMETER, TEARDOWN"

rule foscam-rtsp-url-videomain
  on       rtsp.content-base rtsp.sdp
  match    ^rtsp://[^\s/]{1,80}/video(?:Main|Sub)/?\s*$|(?m)^a=control:rtsp://[^\s/]{1,80}/video(?:Main|Sub)(?:\b|(?=_))
  set      manufacturer=Foscam
  weight   0.6
  source   CamioCam/rtsp issues #117 and #99 (Foscam R2 and FI9803P: /videoMain, /videoSub); AlexxIT/WebRTC issue #46 (Foscam C1 /videoMain); motioneye-project/motioneyeos #2604 (Foscam FI8904W /videoMain)
  example  "rtsp://192.168.0.160:554/videoMain/" => manufacturer=Foscam
  example  "v=0\r\na=control:rtsp://192.168.0.160:554/videoSub/track1\r\n" => manufacturer=Foscam
  example! "rtsp://192.168.0.160:554/live/videoMainStream"
  example! "rtsp://192.168.0.160:554/videoMain/extra/path"

rule ezviz-rtsp-url-h264-stream
  on       rtsp.content-base rtsp.sdp
  match    ^rtsp://[^\s/]{1,80}/h264_stream/?\s*$|(?m)^a=control:rtsp://[^\s/]{1,80}/h264_stream(?:/|\b)
  set      brand=EZVIZ manufacturer=Hikvision@0.55
  weight   0.55
  source   homebridge-camera-ffmpeg #1460 (Ezviz, all models: rtsp://admin:<verification code>@<ip>/h264_stream); bluenviron/mediamtx #1631 (an EZVIZ camera served at :554/h264_stream)
  example  "rtsp://192.168.0.65:554/h264_stream/" => brand=EZVIZ manufacturer=Hikvision
  example  "v=0\r\na=control:rtsp://192.168.0.65:554/h264_stream/trackID=1\r\n" => brand=EZVIZ
  example! "rtsp://192.168.0.65:554/live/h264_stream_main"
  example! "rtsp://192.168.0.65:554/h264_stream/extra"

rule hanwha-rtsp-url-media-smp
  on       rtsp.content-base rtsp.sdp
  match    ^rtsp://[^\s/]{1,80}/profile[0-9]{1,2}/media\.smp/?\s*$|(?m)^a=control:rtsp://[^\s/]{1,80}/profile[0-9]{1,2}/media\.smp(?:/|\s|$)
  set      manufacturer="Hanwha Vision"
  weight   0.6
  source   CamioCam/rtsp PR #70 (Samsung Techwin SNH- cameras: rtsp://<ip>:554/profile<n>/media.smp); Ullaakut/cameradar #199 (Hanwha iPolis cameras at /profile2/media.smp)
  example  "rtsp://10.0.0.5:554/profile2/media.smp/" => manufacturer="Hanwha Vision"
  example  "v=0\r\na=control:rtsp://10.0.0.5:554/profile1/media.smp/trackID=v\r\n" => manufacturer="Hanwha Vision"
  example! "rtsp://10.0.0.5:554/profile2/media.smp/extra"

rule mobotix-rtsp-url
  on       rtsp.content-base rtsp.sdp
  match    ^rtsp://[^\s/]{1,80}/mobotix\.h26[45]/?\s*$|(?m)^a=control:rtsp://[^\s/]{1,80}/mobotix\.h26[45](?:/|\s|$)
  set      manufacturer=Mobotix
  weight   0.65
  source   CamioCam/rtsp #189 (Mobotix S16: rtsp://<ip>:554/mobotix.h264)
  example  "rtsp://10.0.0.5:554/mobotix.h264/" => manufacturer=Mobotix
  example! "rtsp://10.0.0.5:554/cam/mobotix.h264.bak"

rule sony-rtsp-url-media-video
  on       rtsp.content-base rtsp.sdp
  match    ^rtsp://[^\s/]{1,80}/media/video[1-3]/?\s*$|(?m)^a=control:rtsp://[^\s/]{1,80}/media/video[1-3](?:/|\s|$)
  set      manufacturer=Sony
  weight   0.5
  source   CamioCam/rtsp #147 (Sony ER RP camera: /media/video1) and #154 (Sony SNC-EM632R: /media/video<stream>, streams 1 and 2)
  example  "rtsp://10.0.0.5/media/video1/" => manufacturer=Sony
  example! "rtsp://10.0.0.5/media/video1/other"
  example! "rtsp://10.0.0.5/media/video9"
