# Protocol markers that are paths, not names: the stream URLs a camera's
# RTSP server answers with (DESCRIBE Content-Base, SDP a=control).  A
# path is a firmware convention that other firmwares and OEM clones may
# copy, so these weigh a little above the naming threshold (0.4) and
# lose to any stronger evidence; they claim no class.
# Format: docs/fingerprints.md.

rule rtsp-path-hikvision-streaming-channels
  on       rtsp.content-base rtsp.sdp
  match    (?:^|a=control:)\s*rtsp://[^\s/]{1,80}/(?:ISAPI/Streaming/[Cc]hannels/[0-9]{1,4}|Streaming/[Cc]hannels/[1-9][0-9]{2,3})(?:\b|(?=_))
  set      manufacturer=Hikvision
  weight   0.45
  source   Tedyst/HikLoad issue #11 (a Hikvision device lists StreamingChannel id 101 over RTSP); maciej-or/hikvision_next pull request #183 (ISAPI/Streaming/channels/101); OEM firmwares reuse it (low weight); under ISAPI/, Hikvision's API, any id
  example  "rtsp://192.0.2.7:554/Streaming/Channels/101/" => manufacturer=Hikvision
  example  "v=0\r\ns=Media Presentation\r\na=control:rtsp://192.0.2.7/ISAPI/Streaming/channels/102/trackID=1\r\n" => manufacturer=Hikvision
  example! "rtsp://192.0.2.7:554/stream1"
  example! "rtsp://192.0.2.7/Streaming/Channels/1"
  example  "rtsp://192.0.2.7:554/ISAPI/Streaming/channels/2/" => manufacturer=Hikvision
  example! "rtsp://192.0.2.7/ISAPI/Streaming/channels/live"

rule rtsp-path-hikvision-legacy
  on       rtsp.content-base rtsp.sdp
  match    (?:^|a=control:)\s*rtsp://[^\s/]{1,80}/h264/ch[0-9]{1,2}/(?:main|sub)/av_stream(?:\b|(?=_))
  set      manufacturer=Hikvision
  weight   0.45
  source   mpromonet/webrtc-streamer issue #138 (realm IP Camera(C2189), Content-Base .../h264/ch1/main/av_stream/, SDP Media_header MEDIAINFO=494D4B48 (IMKH)); OEM firmwares reuse it
  example  "rtsp://192.0.2.7:554/h264/ch1/main/av_stream/" => manufacturer=Hikvision
  example! "rtsp://192.0.2.7:554/h264/stream1"

rule rtsp-path-reolink-preview
  on       rtsp.content-base rtsp.sdp
  match    (?:^|a=control:)\s*rtsp://[^\s/]{1,80}/h264Preview_[0-9]{2}_(?:main|sub)(?:\b|(?=_))
  set      manufacturer=Reolink
  weight   0.55
  source   scottlamb/retina issue #17 (DESCRIBE rtsp://.../h264Preview_01_main on a Reolink camera); ReolinkCameraAPI/reolinkapipy stream URL (h264Preview_01_main)
  example  "rtsp://192.0.2.9:554/h264Preview_01_main/" => manufacturer=Reolink
  example  "a=control:rtsp://192.0.2.9/h264Preview_02_sub/trackID=1" => manufacturer=Reolink
  example! "rtsp://192.0.2.9/h264Preview"

rule rtsp-path-axis-media
  on       rtsp.content-base rtsp.sdp
  match    (?:^|a=control:)\s*rtsp://[^\s/]{1,80}/axis-media/media\.amp(?:\b|(?=_))
  set      manufacturer=Axis
  weight   0.6
  source   Axis VAPIX RTSP API (developer.axis.com, Video streaming: rtsp://<servername>/axis-media/media.amp); AlexxIT/go2rtc issue #728 (Axis camera streamed over RTSP)
  example  "rtsp://192.0.2.11/axis-media/media.amp/" => manufacturer=Axis
  example  "a=control:rtsp://192.0.2.11/axis-media/media.amp/trackID=1" => manufacturer=Axis
  example! "rtsp://192.0.2.11/media.amp"

# ---- Dahua DHIP framing without its JSON ----

rule dhip-header-only
  on       dhip.header
  match    ^2000000044484950
  set      manufacturer=Dahua
  weight   0.75
  source   protocols.md §5 (DHIP 32-byte header: size 0x20, magic "DHIP"; [US] Dahua2.cs Dahua2Header, [MCW0] Dahua-DHIP-JSON-Debug-Console.py)
  example  "2000000044484950000000000100000000000000000000000000000000000000" => manufacturer=Dahua
  example! "2000000044484951000000000000000000000000000000000000000000000000"
