# longtail-prc3.fp: the PRC long tail, round 3 (issue #11 §6): model
# families the earlier rounds missed (Kedacom's IPC1xx/IPC2xxx cameras
# whose suffix carries a digit, e.g. IPC123-EI7N).  Written from the
# sources named in each rule, not from other projects' fingerprint
# databases.  Format: docs/fingerprints.md.

rule kedacom-ipc-model
  on       onvif.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    \b(?:KEDACOM\s+)?(IPC[12][0-9]{2,3}-[A-Z]{1,3}[0-9]?[A-Z]{0,2}N[A-Z]?(?:-[A-Z0-9]{1,12}){0,4})(?![A-Za-z0-9])
  set      manufacturer=Kedacom model=$1 class=camera@0.6
  tier     model
  weight   0.65
  source   ch-bas/cctv-camera-database cameras/kedacom (IPC123-EI7N, IPC121-EI4N, IPC123-FI9N, IPC2231-FN-SIR40, IPC2151-AN-BN, IPC2241-GI4NW-SIR15, IPC2233-FN-SIR40-Z2712); Kedacom model scheme IPC + series digits + -suffix ending in N
  example  "IPC123-EI7N" => manufacturer=Kedacom model=IPC123-EI7N class=camera
  example  "IPC2231-FN-SIR40" => model=IPC2231-FN-SIR40
  example  "IPC2241-GI4NW-SIR15" => model=IPC2241-GI4NW-SIR15
  example! "IPC2122LR3-PF40-A"
  example! "IPC-HFW2431S-S-S2"
  example! "IPC186"
