rule hikvision-model-recorder
  on       onvif.model onvif.scopes wsd.scopes hik.isapi http.title sadp.model upnp.model upnp.model-number
  match    \b(i?DS-(?:7[0-9]{3}|9[0-9]{3,4}|71[0-9]{2})N[A-Z0-9()/-]*)
  set      manufacturer=Hikvision@0.6 model=$1@0.5 class=nvr@0.8
  tier     model
  weight   0.6
  source   exposure.md §1 (Hikvision NVR families DS-76xxNI-K1/Q, DS-71xxNI-Q1, DS-96xxNXI/DS-79xxNXI "Network Video Recorder" manuals); the N after the channel count marks an NVR
  example  "DS-7608NI-K2" => class=nvr
  example  "DS-9664NI-I8" => class=nvr
  example  "DS-7104NI-Q1/4P" => class=nvr model=DS-7104NI-Q1/4P
  example! "DS-7204HQHI-K1"
  example! "DS-2CD2385G1-I"
rule onvif-profile-access-control
  on       onvif.scopes wsd.scopes
  match    ^(?!.*Profile/(?:Streaming|T\b|G\b|M\b|D\b))(?=.*onvif://www\.onvif\.org/Profile/[AC]\b)
  flags    s
  set      class=access-control surveillance=no@0.3
  tier     role
  weight   0.7
  source   ONVIF Profile A (access control configuration) and Profile C (door control) conformant devices announce Profile/A or Profile/C scopes; video devices announce Profile/Streaming (S), T, G or M (ONVIF profile scopes, protocols.md §1)
  example  "onvif://www.onvif.org/Profile/C onvif://www.onvif.org/Profile/A onvif://www.onvif.org/hardware/AC-100"
  example! "onvif://www.onvif.org/Profile/Streaming onvif://www.onvif.org/Profile/C"

