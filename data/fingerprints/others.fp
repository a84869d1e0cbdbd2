# Other camera makers and firmware families.  Format: docs/fingerprints.md.

rule hanwha-onvif-scopes
  on       onvif.scopes wsd.scopes
  match    onvif://www\.onvif\.org/(?:manufacturer|name|hardware)/(?:Hanwha|Samsung(?:%20|_|\s)?Techwin|Wisenet)
  flags    i
  set      manufacturer="Hanwha Vision"
  weight   0.75
  source   protocols.md §1 (Hanwha Vision puts manufacturer/model/location in scopes, Jazea/Onvif.Core#55); policy.md §2
  example  "onvif://www.onvif.org/name/Wisenet onvif://www.onvif.org/hardware/XNV-6080" => manufacturer="Hanwha Vision"
  example  "onvif://www.onvif.org/manufacturer/Hanwha%20Vision"
  example! "onvif://www.onvif.org/name/Samsung%20TV"

rule hanwha-sdp-nvr-model
  on       rtsp.sdp.session
  match    ^\s*((?:XRN|QRN|PRN|ARN|SRN)-[0-9]{3,4}[A-Z0-9-]*)\s*$
  set      manufacturer="Hanwha Vision" model=$1 class=nvr
  tier     model
  weight   0.6
  source   protocols.md §8 (Wisenet NVR uses the model as s=, gortsplib sdpunmarshaler test)
  example  "XRN-410S" => model=XRN-410S class=nvr
  example! "Media Presentation"

rule bosch-tls-subject
  on       tls.subject
  match    (?:O=Bosch Sicherheitssysteme GmbH|CN=local\.myboschcam\.net)
  flags    i
  set      manufacturer=Bosch
  weight   0.55
  source   certificate subject O= is Bosch's legal name (RFC 5280 4.1.2.6); the default CN local.myboschcam.net is UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "CN=camera,O=Bosch Sicherheitssysteme GmbH"
  example  "CN=local.myboschcam.net"
  example! "CN=bosch.example,O=Robert Example GmbH"

rule avigilon-rtsp-server
  on       rtsp.server
  match    ^AvigilonOnvifNvt(?:/([0-9][0-9.]{0,30}))?
  set      manufacturer=Avigilon class=camera@0.5 firmware=$1@0.4
  weight   0.55
  source   RTSP Server header naming the maker (AvigilonOnvifNvt/<version>); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "AvigilonOnvifNvt/4.2.0" => manufacturer=Avigilon firmware=4.2.0
  example! "Dahua Rtsp Server"
  example! "OnvifNvt/4.2.0"

rule avigilon-tls-subject
  on       tls.subject
  match    CN=AVIGILON-CAMERA-([A-Z0-9.-]{2,40}?)-[0-9]+(?:,|$)
  flags    i
  set      manufacturer=Avigilon model=$1@0.5 class=camera
  tier     model
  weight   0.5
  source   certificate CN naming the maker and model (AVIGILON-CAMERA-<model>-<n>); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "CN=AVIGILON-CAMERA-H5A-1" => model=H5A
  example! "CN=camera,O=Example"

rule hipcam-rtsp-realserver
  on       rtsp.server
  match    ^Hipcam RealServer/
  set      manufacturer=Hipcam
  weight   0.45
  source   RTSP Server header of firmware naming itself Hipcam; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered
  example  "Hipcam RealServer/V2.0"
  example! "RealServer/V1.0"

# s=Sony RTSP Server is also sent by Dahua-OEM (Amcrest) firmware
# (protocols.md §6), so it names no maker: it only says "camera".
rule rtsp-sdp-sony-session
  on       rtsp.sdp.session rtsp.sdp
  match    (?:^|s=)Sony RTSP Server(?:\b|(?=_))
  set      class=camera surveillance=yes
  tier     generic
  weight   0.4
  source   protocols.md §6, §8 (s=Sony RTSP Server; false-attribution trap with Amcrest/Dahua)
  example  "Sony RTSP Server"
  example! "TP-LINK RTSP Server"

rule tplink-rtsp-session
  on       rtsp.sdp.session rtsp.sdp rtsp.server
  match    TP-LINK RTSP Server
  flags    i
  set      manufacturer=TP-Link class=camera
  weight   0.8
  source   protocols.md §8 (SDP Session streamed by "TP-LINK RTSP Server", gortsplib test)
  example  "Session streamed by \"TP-LINK RTSP Server\""
  example! "Session streamed by \"GStreamer RTSP server\""

# MERCURY cameras run the same RTSP server as TP-LINK's (SDP session
# name "<brand> RTSP Server", a private m=application/<brand> track).
rule mercury-rtsp-session
  on       rtsp.sdp.session rtsp.sdp rtsp.server
  match    MERCURY RTSP Server|m=application/MERCURY\b
  set      manufacturer=Mercury class=camera surveillance=yes
  weight   0.8
  source   bluenviron/gortsplib issue #271 and its SDP test cases (MERCURY camera: s=Session streamed by "MERCURY RTSP Server", m=application/MERCURY 0 RTP/AVP smart/1/90000)
  example  "Session streamed by \"MERCURY RTSP Server\"" => manufacturer=Mercury
  example! "Session streamed by \"TP-LINK RTSP Server\""

rule uniview-sdp-session
  on       rtsp.sdp.session rtsp.sdp
  match    VCP IPC Realtime stream
  set      manufacturer=Uniview class=camera
  weight   0.85
  source   protocols.md §8 (Uniview s=VCP IPC Realtime stream, gortsplib test)
  example  "VCP IPC Realtime stream"
  example! "Media Presentation"

rule uniview-sdp-decodertag
  on       rtsp.sdp
  match    DecoderTag=h3c-v3
  flags    i
  set      manufacturer=Uniview
  weight   0.8
  source   protocols.md §8, §15 (DecoderTag=h3c-v3 reflects Uniview's H3C origin)
  example  "a=fmtp:96 profile-level-id=4d0029;DecoderTag=h3c-v3 RTCP=0"
  example! "a=fmtp:96 profile-level-id=4d0029"

rule truen-tls-subject
  on       tls.subject
  match    CN=TCAM,OU=Security,O=Truen(?:\b|(?=_))
  set      manufacturer=Truen class=camera
  weight   0.5
  source   certificate subject O= naming the maker (Truen); UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "CN=TCAM,OU=Security,O=Truen"
  example! "CN=TCAM,O=Other"

rule ubiquiti-video-tls-subject
  on       tls.subject
  match    (?:CN=unifivideo-app\b|CN=camera\.ubnt\.dev(?:\b|(?=_)))
  set      manufacturer=Ubiquiti class=camera
  weight   0.5
  source   UniFi Video default certificate CNs unifivideo-app / camera.ubnt.dev; UNVERIFIED (provenance audit, issue #11): no vendor document or public capture found; weight lowered; examples are minimal test strings
  example  "CN=camera.ubnt.dev"
  example  "CN=unifivideo-app"
  example! "CN=unifi.ubnt.dev"
