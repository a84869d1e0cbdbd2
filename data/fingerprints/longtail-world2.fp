# longtail-world2.fp: the non-PRC long tail, round 2 (issue #11 §6):
# model families of makers that had a makers.tsv row but no specific rule.
# Each rule names a maker from a family published for it, never from the
# brand name alone (bare "Costar" never matches: policy.md §1.6).  Written
# from the sources named in each rule, not from other projects'
# fingerprint databases.  Format: docs/fingerprints.md.

rule cohuhd-costar-model
  on       onvif.model gb.model upnp.model upnp.model-number http.title onvif.hardware
  match    (?<![A-Za-z0-9])Cohu(?:HD)?(?:\s*\|\s*HD)?(?:\s+Costar)?\s+(?:(?:Helios|iVIEW|iDOME)\s+)?([0-9]{4}(?:HD|SD)?)(?:\b|(?=_))
  flags    i
  set      manufacturer="Costar Technologies" model=$1 class=camera
  weight   0.6
  source   docest.com/doc/287237 (COHU|HD Costar 3960 Camera Positioning System A&E spec); docsbay.net 5970SD IP thermal camera positioning system spec (CohuHD Costar, 2014); ch-bas/cctv-camera-database cameras/cohu (3920 iDome, 3950 iView, 3960)
  example  "Cohu iVIEW 3950" => manufacturer="Costar Technologies" model=3950 class=camera
  example  "COHU|HD Costar 3960"
  example  "CohuHD 5970SD" => model=5970SD
  example! "Cohu 39601"
  example! "Costar 3960"
  example! "Cohu Semiconductor Delta"
