# TP-Link Tapo / VIGI cameras: the HTTPS API on 443 (the "smartcam" API
# that pytapo and python-kasa's SslAesTransport speak).  TP-Link makes
# routers, switches, plugs and sensor hubs too, so only the camera API's
# own handshake is class evidence; a bare TP-Link error code names the
# maker only.
#
# Sources (users' debug logs quoting the device's answer to the login
# request, as JSON or as Python dict repr):
#  * JurajNyiri/pytapo #109 (Tapo C425), #135 (C220): {'result': {'data':
#    {'code': -40401, 'time': 9, 'max_time': 10, 'encrypt_type': ['3'],
#    'key': ..., 'nonce': ..., 'device_confirm': ...}}, 'error_code': -40413}
#  * JurajNyiri/HomeAssistant-Tapo-Control #1028 (C200: code -40407,
#    encrypt_type, key), #550, #1246
#  * python-kasa/python-kasa #1356 (TC70), #1628 (TC40: status 200 with
#    the same answer on https://<camera>)
# The H200 hub (records Tapo battery cameras) speaks the same API, so the
# class claim is generic (a model family outranks it: class-evidence.fp).

rule tplink-smartcam-login-challenge
  on       http.body tplink.malformed vendor-api.malformed banner
  match    ['"]code['"]\s*:\s*-404(?:01|07|13)\b[^}]{0,120}['"]encrypt_type['"]\s*:\s*\[\s*['"][0-9]['"][^}]{0,300}['"](?:nonce|device_confirm|key)['"]\s*:|['"]encrypt_type['"]\s*:\s*\[\s*['"][0-9]['"]\s*\][^}]{0,400}['"]device_confirm['"]\s*:
  set      manufacturer=TP-Link class=camera
  tier     generic
  weight   0.75
  source   JurajNyiri/pytapo #109, #135; HomeAssistant-Tapo-Control #1028; pytapo #59, python-kasa #1356, #1628 (Tapo C200/C220/C425/TC40/TC70 answer login with code -40401/-40407, encrypt_type ["3"], key, nonce, device_confirm)
  example  "{'result': {'data': {'code': -40401, 'time': 9, 'max_time': 10, 'encrypt_type': ['3'], 'key': 'REDACTED', 'nonce': 'REDACTED', 'device_confirm': 'REDACTED'}}, 'error_code': -40413}" => manufacturer=TP-Link class=camera
  example  "{\"error_code\":-40413,\"result\":{\"data\":{\"code\":-40401,\"encrypt_type\":[\"3\"],\"key\":\"MFwwDQYJ\",\"nonce\":\"91EF05CB287811E1\"" => class=camera
  example  "{'data': {'code': -40407, 'encrypt_type': ['3'], 'key': 'MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKvh'" => manufacturer=TP-Link
  example  "{'data': {'encrypt_type': ['3'], 'key': 'K', 'nonce': 'N', 'device_confirm': 'C', 'code': -40401}}" => class=camera
  example  "{\"error_code\": -40401, \"result\": {\"data\": {\"code\": -40407, \"encrypt_type\": [\"1\", \"2\"], \"key\": \"MIGfMA0G\", \"nonce\": \"lU3L7xDN\"}}" => class=camera
  example! "{\"error_code\": -40401}"
  example! "{\"code\": -40401, \"msg\": \"x\"}"
  example! "{\"encrypt_type\": [\"3\"], \"key\": \"K\"}"

rule tplink-smartcam-error-code
  on       http.body tplink.malformed vendor-api.malformed
  match    ['"]error_code['"]\s*:\s*-404(?:01|04|07|13)\s*[,}]
  set      manufacturer=TP-Link
  weight   0.5
  source   JurajNyiri/pytapo #109 and python-kasa #1356 (Tapo cameras' error_code -40413 with data code -40401); HomeAssistant-Tapo-Control #1028 (-40401, -40407); kopiro/homebridge-tapo-camera src/tapoCamera.ts (-40404 temporary suspension)
  example  "{\"error_code\": -40401}" => manufacturer=TP-Link
  example  "'error_code': -40413}" => manufacturer=TP-Link
  example! "{\"error_code\": 0}"
  example! "{\"error_code\": -40401234}"

# The certificate Tapo cameras present on 443 (users' openssl s_client
# output: depth=0 CN=TPRI-DEVICE, O=TPRI, C=US, on a C210 and a C260).
# Other Tapo products may carry the same certificate, so it names the
# maker only.
rule tplink-tpri-device-certificate
  on       tls.subject tls.issuer
  match    (?:^|,)\s*CN=TPRI-DEVICE\s*,\s*O=TPRI\b|(?:^|,)\s*O=TPRI\s*,\s*CN=TPRI-DEVICE(?:\b|(?=_))
  set      manufacturer=TP-Link
  weight   0.6
  source   JurajNyiri/HomeAssistant-Tapo-Control #1207 (Tapo C210) and #1088 (Tapo C260): openssl s_client to the camera's 443 shows depth=0 CN=TPRI-DEVICE, O=TPRI, C=US
  example  "CN=TPRI-DEVICE,O=TPRI,C=US" => manufacturer=TP-Link
  example  "CN=TPRI-DEVICE, O=TPRI, C=US" => manufacturer=TP-Link
  example! "CN=TPRI-DEVICE-X,O=Other"

# Tapo cameras serve ONVIF on TCP 2020 (not 80), device service at
# /onvif/service: the address a GetCapabilities/GetServices answer (or a
# SOAP reply cut short, which keeps it in onvif.malformed) gives.
rule tplink-tapo-onvif-2020
  on       onvif.xaddr onvif.malformed wsd.xaddrs http.body
  match    \bhttps?://[^/\s<>"]{1,80}:2020/onvif/service\b
  set      manufacturer=TP-Link class=camera surveillance=yes
  tier     generic
  weight   0.5
  source   skrtk98/tapo-c220 wiki ONVIF (Tapo C220: ONVIF entry http://<camera>:2020/onvif/service); AlexxIT/go2rtc internal/onvif/README.md (tapo1: onvif://...:2020)
  example  "http://192.0.2.30:2020/onvif/service" => manufacturer=TP-Link surveillance=yes
  example! "http://192.0.2.30/onvif/device_service"
  example! "http://192.0.2.30:20200/onvif/service"
