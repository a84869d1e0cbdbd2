# Servers of HiSilicon's IP-camera reference SDK ("HiIpcam", version
# scheme V100R003), which many OEMs ship unchanged: public sources show
# it on cameras sold under several names (Hipcam/Microseven clones,
# "hichip" firmware, DealExtreme Foscam clones) and establish no single
# maker, so it names none: it is recorded as camera-SDK evidence
# (generic tier; any model family or device type outranks it).
#
# Sources: angelcam/arrow-client src/scanner/discovery.rs
# (is_hipcam_rtsp_response: IP cameras whose RTSP Server is "HiIpcam/V100R003
# VodServer/1.0.0" or "Hipcam RealServer/V1.0"); a public write-up of the
# QuickTime HTTP tunnel on such cameras ("HTTP/1.0 200 OK / Server:
# HiIpcam/V100R003 VodServer/1.0.0" for GET /iphone.mov); a Chinese RTSP
# digest tutorial capturing "Server: HiIpcam/V100R003 VodServer/1.0.0" with
# realm "HipcamRealServer" from a camera at rtsp://<ip>:554/11; a GitHub
# issue's capture of port 554 answering "Server: Hisilicon Ipcam" to
# non-RTSP requests and the VodServer string to OPTIONS.

rule hisilicon-ipcam-vodserver
  on       rtsp.server http.server banner rtsp.header http.header
  match    ^(?:Server:\s*)?HiIpcam/V[0-9]{3}R[0-9]{3}\s+VodServer(?:\b|(?=_))
  set      class=camera
  tier     generic
  weight   0.5
  source   angelcam/arrow-client src/scanner/discovery.rs (cameras with RTSP Server HiIpcam/V100R003 VodServer/1.0.0); QuickTime-tunnel and RTSP-digest write-ups capturing the same Server on IP cameras
  example  "HiIpcam/V100R003 VodServer/1.0.0" => class=camera
  example  "Server: HiIpcam/V100R003 VodServer/1.0.0" => class=camera
  example! "HiIpcam/V100R003 VodClient/1.0.0"
  example! "VodServer/1.0"

rule hisilicon-ipcam-server-name
  on       rtsp.server http.server rtsp.header http.header
  match    ^(?:Server:\s*)?Hisilicon Ipcam\s*$
  flags    i
  set      class=camera
  tier     generic
  weight   0.45
  source   a GitHub issue's capture of an IP camera's port 554: "RTSP/1.0 400 Bad Request / Server: Hisilicon Ipcam" to non-RTSP requests, HiIpcam/V100R003 VodServer/1.0.0 to OPTIONS
  example  "Hisilicon Ipcam" => class=camera
  example! "Hisilicon Ipcam Client"
