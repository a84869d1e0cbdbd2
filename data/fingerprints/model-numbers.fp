# model-numbers.fp (with the model rules in hikvision.fp and dahua.fp): vendors' model-number schemes where devices put the
# model into fields that are not labelled as a model (digest realms on
# older Hikvision firmware, ONVIF/UPnP/DHIP model fields, titles).  Only
# schemes specific to one maker are here; generic prefixes (IPC-, NVR-)
# are left to fields that also name the maker.

rule hikvision-realm-model
  on       http.realm rtsp.realm
  match    ^(i?DS-[0-9][0-9A-Z]{3,10}(?:-[A-Z0-9()/]{1,12}){0,3})$
  set      manufacturer=Hikvision model=$1
  weight   0.6
  source   Hikvision DS- product numbers (protocols.md §3 examples) used as the digest realm by older firmware; that realm behaviour is UNVERIFIED (provenance audit, issue #11); weight lowered
  example  "DS-2CD2032-I" => manufacturer=Hikvision model=DS-2CD2032-I
  example  "DS-7608NI-K2" => model=DS-7608NI-K2
  example! "DS-Server"
  example! "IP Camera(C2189)"

rule hikvision-model-dvr
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(i?DS-(?:7[0-9]{3}|8[0-9]{3}|90[0-9]{2})(?:HQH|HUH|HGH|HTH|HQI|HUI|HTI|HWI|HVI|HFH|HFI)[A-Z]{0,2}(?:-[A-Z0-9()/]{1,12}){0,3})(?![A-Za-z0-9])
  set      class=dvr manufacturer=Hikvision@0.6 model=$1@0.5
  tier     model
  weight   0.75
  source   protocols.md §3 (DS-7804HQH-K1); Hikvision Turbo HD DVR manuals: "Digital Video Recorder (DVR) DS-73xxHUI-K4, DS-73xxHQI-K4, DS-90xxHUI-K8"; DS-7100HQHI-K1, DS-7200HUHI-K, DS-8100HTHI-K8, DS-7200HGHI-K1
  example  "DS-7204HQHI" => class=dvr
  example  "DS-7208HUHI-K2/P" => class=dvr
  example  "DS-9016HUHI-K8" => class=dvr
  example  "DS-7216HGHI-M1" => class=dvr
  example  "DS-7308HQI-K4" => class=dvr
  example  "DS-8104HQHI-K8" => class=dvr
  example  "DS-7316HTI-K4" => class=dvr
  example  "DS-7104HGHI-F1" => class=dvr model=DS-7104HGHI-F1
  example  "<DeviceDescription>DS-7216HQHI-K2</DeviceDescription>" => model=DS-7216HQHI-K2
  example! "DS-7608NI-K2"

rule hikvision-realm-camera
  on       http.realm rtsp.realm
  match    ^i?DS-2(?:CD|DE|DF|CV|XM|TD|DC|DY)[0-9]
  set      class=camera
  tier     model
  weight   0.7
  source   Hikvision camera product numbering DS-2CD/2DE/... in a realm; the model-as-realm behaviour of older firmware is UNVERIFIED (provenance audit, issue #11)
  example  "DS-2CD2032-I"
  example! "DS-7608NI-K2"

rule hikvision-realm-recorder
  on       http.realm rtsp.realm
  match    ^i?DS-(?:7[0-9]{3}|8[0-9]{3}|9[0-9]{3,4})N
  set      class=nvr
  tier     model
  weight   0.7
  source   Hikvision NVR product numbering DS-76/77/96xxNI in a realm; the model-as-realm behaviour of older firmware is UNVERIFIED (provenance audit, issue #11)
  example  "DS-7608NI-K2"
  example! "DS-2CD2032-I"

# HiSilicon and other camera/recorder SoC names: Xiongmai's DVRIP SystemInfo
# (xm.model from HardWare), banners and bodies name the board's chip.  The
# chip says what kind of device the board is (vendor SoC product briefs),
# never who made it.

rule soc-camera-class
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:Hi35(?:16|18|19)[A-Z]{0,2}V[0-9]{3}|HI35(?:16|18|19)[A-Z]{0,2}V[0-9]{3}|Hi3516[A-Z]?|HI3518[A-Z]?|GK72(?:02|05)[A-Z0-9]{0,3}|XM5[13]0)
  set      class=camera surveillance=yes
  tier     role
  weight   0.55
  source   HiSilicon Hi3516/Hi3518/Hi3519 product briefs ("IP camera SoC"); Goke GK7205 IP camera SoC brief; Xiongmai XM530 IP camera SoC; protocols.md §7 (HardWare HI3516EV300_85H50AI)
  example  "HI3516EV300_85H50AI" => class=camera
  example  "{\"HardWare\":\"GK7205V200_IPC\"}" => class=camera
  example! "HI3520DV400_50H10L"
  example! "Hi3798MV100"

rule soc-recorder
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(?:Hi|HI)35(?:20|21|31|35|36)[A-Z]?(?:V[0-9]{3})?
  set      surveillance=yes
  weight   0.55
  source   HiSilicon Hi3520D/Hi3521A/Hi3531/Hi3535/Hi3536 product briefs ("DVR/NVR SoC"): a board on one of them is a video recorder (NVR or DVR, not told apart)
  example  "HI3520DV400_50H10L" => surveillance=yes
  example  "Hi3536" => surveillance=yes
  example! "HI3516EV300"
