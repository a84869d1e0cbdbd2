# products3.fp: the rest of the non-video product lines of the two big
# video makers (issue #11, fourth round), so that their platform replies
# (platform-roles.fp) never make them surveillance: Hikvision's DS-K line
# beyond the terminals and stations of products.fp (card readers,
# turnstiles, exit buttons, intercom distributors, master and indoor
# stations), the AX PRO peripherals (detectors, sirens, keypads, modules),
# wireless routers and access points, displays, barrier gates; Dahua's
# AirShield alarm peripherals and monitors.  Tier model.
# Format: docs/fingerprints.md.

rule hikvision-model-access-line
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-K([0-9][0-9A-Z]{2,10}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-K$1@0.6 class=access-control
  tier     model
  weight   0.7
  source   Hikvision access control datasheets: DS-K1107AE and DS-K1102AM card readers, DS-K1T341AMF terminals, DS-K2604 controllers, DS-K3B501S swing barriers, DS-K4H258S locks (DS-K + digit = access control line)
  example  "DS-K1107AE" => class=access-control model=DS-K1107AE manufacturer=Hikvision
  example  "DS-K3B501S" => class=access-control
  example! "DS-KH6320-WTE1"
  example! "DS-K"

rule hikvision-model-intercom-line
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-K((?:AD|M|C|DM|IS)[0-9]{1,4}[0-9A-Z]{0,6}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-K$1@0.6 class=intercom
  tier     model
  weight   0.7
  source   Hikvision video intercom datasheets: DS-KAD706 distributor, DS-KM8301 master station, DS-KC001 indoor station, DS-KIS602 kit (DS-K + letters = video intercom line)
  example  "DS-KAD706" => class=intercom model=DS-KAD706
  example  "DS-KM8301" => class=intercom
  example! "DS-K1107AE"

rule hikvision-model-alarm-peripheral
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-P((?:D[A-Z]{1,4}[0-9]{0,3}|S[0-9]|K[0-9A-Z]{1,3}|M[0-9]|T[0-9]|KF[0-9])[A-Z0-9]{0,6}(?:-[A-Za-z0-9]{1,6}){1,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-P$1@0.6 class=alarm-panel
  tier     model
  weight   0.7
  source   Hikvision AX PRO user manual and accessory datasheets: DS-PDP15P-EG2 and DS-PDMC-EG2-WE detectors, DS-PS1-I-WE siren, DS-PK1-LT-WE keypad, DS-PM1-O1H-WE output module, DS-PKF1-WE keyfob (DS-P = alarm system)
  example  "DS-PDP15P-EG2" => class=alarm-panel model=DS-PDP15P-EG2
  example  "DS-PM1-O1H-WE" => class=alarm-panel
  example  "DS-PK1-LT-WE" => class=alarm-panel
  example! "DS-PWA96-M-WE-X1X"
  example! "DS-PD"

rule hikvision-model-wireless-router
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-3WR([0-9]{2}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-3WR$1@0.6 class=router
  tier     model
  weight   0.7
  source   Hikvision network product datasheets: DS-3WR12GC and DS-3WR15X wireless routers (DS-3W = wireless network line)
  example  "DS-3WR12GC" => class=router model=DS-3WR12GC
  example! "DS-3WAP522-SI"

rule hikvision-model-wireless-ap
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-3W((?:AP|F)[0-9]{2,3}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-3W$1@0.6 class=other
  tier     model
  weight   0.7
  source   Hikvision network product datasheets: DS-3WAP522-SI access point, DS-3WF01C-2N wireless bridge (DS-3W = wireless network line)
  example  "DS-3WAP522-SI" => class=other model=DS-3WAP522-SI
  example  "DS-3WF01C-2N" => class=other
  example! "DS-3WR12GC"

rule hikvision-model-display
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-D(5[0-9]{3}[A-Z]{1,4}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-D$1@0.6 class=other
  tier     model
  weight   0.7
  source   Hikvision display datasheets: DS-D5043QE, DS-D5022FC and DS-D5032FL monitors (DS-D5 = monitors)
  example  "DS-D5043QE" => class=other model=DS-D5043QE
  example! "DS-D5"

rule hikvision-model-barrier
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DS-TMG([0-9]{3}[A-Z0-9]{0,4}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-TMG$1@0.6 class=access-control
  tier     model
  weight   0.7
  source   Hikvision entrance and exit datasheets: DS-TMG033 and DS-TMG4B0 barrier gates (vehicle access control)
  example  "DS-TMG033" => class=access-control model=DS-TMG033
  example! "DS-TCG205-E"

rule hikvision-model-anpr-camera
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])i?DS-TCG([0-9]{3}[A-Z0-9]{0,4}(?:-[A-Z0-9()/]{1,8}){0,3})(?![A-Za-z0-9])
  set      manufacturer=Hikvision@0.6 model=DS-TCG$1@0.6 class=camera
  tier     model
  weight   0.7
  source   Hikvision entrance and exit datasheets: DS-TCG205-E and DS-TCG406-E ANPR cameras (DS-TCG = entrance/exit ANPR cameras)
  example  "DS-TCG205-E" => class=camera model=DS-TCG205-E
  example! "DS-TMG033"

rule dahua-model-alarm-peripheral
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:DHI?-)?AR([ADMK][0-9]{2,4}[A-Z]{0,3}(?:-[A-Z0-9]{1,6}){1,3})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=AR$1@0.5 class=alarm-panel
  tier     model
  weight   0.7
  source   Dahua AirShield alarm datasheets: DHI-ARD1233-W2 PIR detector, DHI-ARD1611-W2 door contact, DHI-ARA12-W2 siren, DHI-ARM7011-W2 output module, DHI-ARK30T-W2 keypad (AR = alarm)
  example  "DHI-ARD1233-W2" => class=alarm-panel model=ARD1233-W2 manufacturer=Dahua
  example  "ARM7011-W2" => class=alarm-panel
  example! "ARD1233"
  example! "ARC2008C"

rule dahua-model-monitor
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])DHI?-LM([0-9]{2}-[A-Z][0-9A-Z]{2,6}(?:-[A-Z0-9]{1,6}){0,2})(?![A-Za-z0-9])
  set      manufacturer=Dahua@0.5 model=LM$1@0.5 class=other
  tier     model
  weight   0.7
  source   Dahua monitor datasheets: DHI-LM22-A200 and DHI-LM24-H200 LCD monitors (LM = monitors)
  example  "DHI-LM22-A200" => class=other model=LM22-A200
  example! "LM22-A200"
