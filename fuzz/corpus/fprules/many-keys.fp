rule many-keys
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session http.server
  match    (?<![A-Za-z0-9])(DS-2CD[0-9]{4})
  set      model=$1 class=camera
  tier     model
  weight   0.6
  source   test seed: a rule on the most keys a rule may read (32)
  example  "DS-2CD2385"
  example! "XDS-2CD2385"
