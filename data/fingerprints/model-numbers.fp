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
  on       http.realm rtsp.realm onvif.model upnp.model sadp.model http.title
  match    \b(?:i?DS-7[0-9]{3}(?:HQH|HUH|HGH|HTH|HQHI|HUHI)\b)
  set      class=dvr
  weight   0.75
  source   field knowledge: Hikvision Turbo HD DVR families (HQH/HUHI/HGH/HTH); protocols.md §3 (DS-7804HQH-K1)
  example  "DS-7204HQHI" => class=dvr
  example! "DS-7608NI-K2"


rule hikvision-realm-camera
  on       http.realm rtsp.realm
  match    ^i?DS-2(?:CD|DE|DF|CV|XM|TD|DC|DY)[0-9]
  set      class=camera
  weight   0.7
  source   Hikvision camera product numbering DS-2CD/2DE/... in a realm; the model-as-realm behaviour of older firmware is UNVERIFIED (provenance audit, issue #11)
  example  "DS-2CD2032-I"
  example! "DS-7608NI-K2"

rule hikvision-realm-recorder
  on       http.realm rtsp.realm
  match    ^i?DS-(?:7[0-9]{3}|9[0-9]{3})N
  set      class=nvr
  weight   0.7
  source   Hikvision NVR product numbering DS-76/77/96xxNI in a realm; the model-as-realm behaviour of older firmware is UNVERIFIED (provenance audit, issue #11)
  example  "DS-7608NI-K2"
  example! "DS-2CD2032-I"
