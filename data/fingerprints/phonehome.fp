# Phone-home as evidence (issue #15): `camsweep listen` records, for a
# device that asks DNS for, names in a TLS ClientHello, or sends to an
# endpoint of data/phonehome/endpoints.tsv, one observation
#   phonehome.maker = "<maker>; confidence=<high|medium|low>"
# per maker and confidence.  The maker is a claim, weighted by the
# endpoint row's confidence: a maker's cloud is also reached by its phone
# apps and by recorders on behalf of cameras, so it is supporting
# evidence (below a protocol marker), never a verdict.  P2P platform
# operators (ThroughTek Kalay, CS2 Network PPPP) serve many makers and
# name none.  Format: docs/fingerprints.md.

rule phonehome-maker-high
  on       phonehome.maker
  match    ^(?!ThroughTek;|CS2 Network)([^;]{1,47}); confidence=high$
  set      manufacturer=$1
  weight   0.55
  source   data/phonehome/endpoints.tsv rows of confidence high (each row cites its source; facts from /work/shared/docs/cloud-and-nvr.md Part 1)
  example  "Hikvision; confidence=high" => manufacturer=Hikvision
  example! "Hikvision; confidence=medium"
  example! "ThroughTek; confidence=high"

rule phonehome-maker-medium
  on       phonehome.maker
  match    ^(?!ThroughTek;|CS2 Network)([^;]{1,47}); confidence=medium$
  set      manufacturer=$1
  weight   0.4
  source   data/phonehome/endpoints.tsv rows of confidence medium (each row cites its source; facts from /work/shared/docs/cloud-and-nvr.md Part 1)
  example  "Dahua; confidence=medium" => manufacturer=Dahua
  example! "Dahua; confidence=high"
  example! "CS2 Network (PPPP); confidence=medium"

rule phonehome-maker-low
  on       phonehome.maker
  match    ^(?!ThroughTek;|CS2 Network)([^;]{1,47}); confidence=low$
  set      manufacturer=$1
  weight   0.2
  source   data/phonehome/endpoints.tsv rows of confidence low ([UNATTR] sources: indicative only, hence the lowest weight)
  example  "Xiongmai; confidence=low" => manufacturer=Xiongmai
  example! "Xiongmai; confidence=medium"
  example! "ThroughTek; confidence=low"
