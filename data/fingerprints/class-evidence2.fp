# Class evidence for multi-product makers whose model numbers already
# named the maker but no recorder or decoder class (issue #11, class
# evidence round 4): Honeywell recorder families (30/35 Series NVRs,
# Performance Series embedded NVRs and HQA DVRs) and Axis video decoders,
# which came out as cameras from generic ONVIF answers.  Class comes from
# the model family in the vendor's own catalogue, never from the maker.
# Format: docs/fingerprints.md.

rule honeywell-nvr-model
  on       onvif.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(HN3[05](?:04|08|16|32)[0-9]{4}|HEN(?:04|08|16|32|64)[0-9]{3})(?![A-Za-z0-9])
  set      manufacturer=Honeywell@0.6 model=$1@0.5 class=nvr
  tier     model
  weight   0.8
  source   Honeywell 30 Series NVR datasheet (HN30040100, HN30080100, HN30160200); Honeywell 35 Series NVR datasheet (HN35080200, HN35160200, HN35320400); Honeywell Performance Series embedded NVR datasheet (HEN04102, HEN08142, HEN16284)
  example  "HN35080200" => class=nvr manufacturer=Honeywell model=HN35080200
  example  "HN30040100" => class=nvr
  example  "HEN08142" => class=nvr model=HEN08142
  example! "HC35W45R3"
  example! "HEN0814"
  example! "XHEN08142"

rule honeywell-dvr-model
  on       onvif.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(HRGX(?:41|81|161)[A-Z0-9]{0,4})(?![A-Za-z0-9])
  set      manufacturer=Honeywell@0.6 model=$1@0.5 class=dvr
  tier     model
  weight   0.8
  source   Honeywell Performance Series HQA DVR datasheet (HRGX41, HRGX81, HRGX161: 4/8/16-channel HQA analogue plus IP recorders)
  example  "HRGX81" => class=dvr manufacturer=Honeywell
  example  "HRGX161" => class=dvr
  example! "HRGX"
  example! "HN35080200"

rule axis-video-decoder
  on       onvif.model onvif.scopes onvif.hardware upnp.model upnp.model-number upnp.friendly-name http.title axis.model axis.product
  match    (?:\bAXIS\s+|^\s*)((?:T8705|D1110)(?:\s?Mk\s?II)?)(?:\s+Video\s+Decoder(?:\s+4K)?)?\s*(?:$|(?![A-Za-z0-9]))
  flags    i
  set      manufacturer=Axis@0.6 class=decoder
  tier     model
  weight   0.8
  source   Axis product pages and datasheets: "AXIS T8705 Video Decoder" (decodes and shows Axis camera streams on a monitor), "AXIS D1110 Video Decoder 4K"
  example  "AXIS T8705 Video Decoder" => class=decoder manufacturer=Axis
  example  "D1110" => class=decoder
  example  "AXIS D1110 Video Decoder 4K" => class=decoder
  example! "AXIS M7104 Video Encoder"
  example! "AXIS P1435-LE"
  example! "T87050"
