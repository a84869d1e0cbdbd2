# longtail-banners.fp: the long tail by protocol evidence rather than model
# numbers (issue #11 §6, failure class 5): RTSP realms, Server headers and
# SDP lines, SIP User-Agents, each as a public bug report or forum post
# quotes the device's own reply.  A rule names a maker only where the
# string is that maker's; a string shared by many OEMs (a chip vendor's
# SDK server) claims a class and no maker.  Class is claimed only where the
# reply shows it (a camera realm, a door station's SIP agent).  Written
# from the sources named in each rule, not from other projects'
# fingerprint databases.  Format: docs/fingerprints.md.

rule dahua-vto-sip-uac
  on       sip.server
  match    ^\s*Dahua UAC/([0-9]{1,2}\.[0-9]{1,3})(?:\b|(?=_))
  set      manufacturer=Dahua class=intercom
  weight   0.75
  source   n-IA-hane/esphome-intercom issue #85 (Dahua VTO2111D-P-S2 door station, firmware V4.700.0.3, registers with User-Agent: Dahua UAC/3.0)
  example  "Dahua UAC/3.0" => manufacturer=Dahua class=intercom
  example  "Dahua UAC/2.1"
  example! "Dahua"
  example! "DH-VTO2202F"
  example! "Dahua UAC"

rule panasonic-rtsp-realm
  on       rtsp.realm
  match    ^\s*Panasonic [Nn]etwork [Dd]evice\s*$
  set      manufacturer=Panasonic class=camera@0.5
  weight   0.8
  source   deepch/RTSPtoWeb issue #83 (RTSP SETUP/PLAY on rtsp://.../MediaInput/h264 answered with Digest realm="Panasonic network device")
  example  "Panasonic network device" => manufacturer=Panasonic class=camera
  example! "Panasonic"
  example! "i-PRO network device"

rule tplink-camera-realm
  on       rtsp.realm http.realm
  match    ^\s*TP-Link IP-Camera\s*$
  flags    i
  set      manufacturer=TP-Link class=camera
  weight   0.75
  source   AlexxIT/StreamAssist pull request #19 (ffmpeg trace: a TP-Link camera's RTSP DESCRIBE on /stream2 answered with Digest realm="TP-Link IP-Camera")
  example  "TP-Link IP-Camera" => manufacturer=TP-Link class=camera
  example! "TP-LINK Wireless N Router WR841N"
  example! "TP-Link"
  example! "TP-Link IP-Camera Router"

rule reolink-sdp-preview-stream
  on       rtsp.sdp
  match    (?m)^i=h264Preview_[0-9]{2}_(?:main|sub)\r?$
  set      manufacturer=Reolink class=camera@0.5
  weight   0.7
  source   scottlamb/retina issue #17 (DESCRIBE rtsp://.../h264Preview_01_main on a Reolink camera; SDP i=h264Preview_01_main, s=Session streamed by "preview", LIVE555 v2013.04.08)
  example  "v=0\r\ns=Session streamed by \"preview\"\r\ni=h264Preview_01_main\r\nt=0 0\r\n" => manufacturer=Reolink class=camera
  example  "i=h264Preview_02_sub"
  example! "i=LIVE555 Streaming Media v2022.06.16"
  example! "a=control:rtsp://192.168.1.48/h264Preview_01_main/"

rule hanwha-sdp-samsung-info
  on       rtsp.sdp
  match    (?m)^i=samsung\r?$
  set      manufacturer="Hanwha Vision" class=camera@0.4
  weight   0.6
  source   Ullaakut/cameradar issue #199 (DESCRIBE .../profile2/media.smp answered with SDP s=Media Presentation, i=samsung); CamioCam/rtsp pull request #70 (Samsung Techwin media.smp stream paths)
  example  "v=0\r\no=- 0 0 IN IP4 10.56.30.17\r\ns=Media Presentation\r\ni=samsung\r\nc=IN IP4 0.0.0.0\r\n" => manufacturer="Hanwha Vision"
  example! "i=samsung galaxy"
  example! "s=Media Presentation"

rule hisilicon-sdk-rtsp-server
  on       rtsp.server
  match    ^\s*Hisilicon Streaming Media Server/[0-9]
  flags    i
  set      class=camera surveillance=yes
  weight   0.5
  source   luisiam/homebridge-foscamcamera issue #6 (Foscam C1 OPTIONS reply: Server: Hisilicon Streaming Media Server/1.0.0(Jul 30 2015)); the HiSilicon SDK server is shared by many OEMs, so no maker is named
  example  "Hisilicon Streaming Media Server/1.0.0(Jul 30 2015)" => class=camera
  example! "Hisilicon"
  example! "GStreamer RTSP server"
