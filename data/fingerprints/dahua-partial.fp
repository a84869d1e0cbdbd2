# Dahua evidence in partial form: magicBox key=value lines alone whose
# value is a product-line word, the deviceType decoder field holding only
# such a word, and the certificates Dahua devices make for themselves.
#
# Sources: Dahua API of HTTP Protocol Specification V2.76 (magicBox
# getDeviceType type=, getMachineName name=, getSystemInfo deviceType=);
# rroller/dahua issue #9 (an NVR2X-4KS3 answering getMachineName with
# name=NVR); D4-project/Plum-Island issue #204 (issuer CN=Dahua Device NVR
# CA, O=Zhejiang Dahua Technology Co.,Ltd., shown with no-break spaces);
# rroller/dahua issue #647 (issuer CN=NVR ... O=ZheJiang Dahua Technology
# CO.,LTD.; OU=NVR, a unit addressed with Lighting_V2[3], a channel index).

# A product-line word as the whole value of a magicBox line names a kind
# of recorder; XVR and HCVR are used by other Chinese OEMs' recorders too,
# so the word names no maker here (the line layout alone is weak).
rule dahua-magicbox-line-recorder-word
  on       http.body dahua.cgi vendor-api.malformed dahua-cgi.malformed
  match    ^(?:200 )?\s*(?:type|name|deviceType)=(XVR|HCVR|DVR)\s*$
  flags    m
  set      class=dvr
  tier     role
  weight   0.6
  source   Dahua HTTP API V2.76 (magicBox getDeviceType type=, getMachineName name=; XVR/HCVR are Dahua's analogue-HD recorder lines); rroller/dahua #9 (an NVR answers name=NVR)
  example  "type=XVR\r\n" => class=dvr
  example  "name=HCVR" => class=dvr
  example  "200 deviceType=XVR" => class=dvr
  example! "name=XVR5108HS-X"
  example! "type=XVRS"

rule dahua-magicbox-line-nvr-word
  on       http.body dahua.cgi vendor-api.malformed dahua-cgi.malformed
  match    ^(?:200 )?\s*(?:type|name|deviceType)=NVR\s*$
  flags    m
  set      class=nvr
  tier     role
  weight   0.6
  source   rroller/dahua issue #9 (Dahua NVR2X-4KS3: getMachineName answers name=NVR, getSystemInfo deviceType=31); Dahua HTTP API V2.76 (getDeviceType type=)
  example  "name=NVR\r\n" => class=nvr
  example  "deviceType=NVR" => class=nvr
  example! "name=NVR5216-4KS2"
  example! "name=MyNVR"

# The CA a Dahua device generates for its own web certificate is named
# after its product line ("Dahua Device NVR CA", "... XVR CA"); the word
# is the device's own statement, but a unit may carry a recorder's
# certificate line (#647), so it is generic evidence that any model
# family or device-type field outranks.
rule dahua-tls-device-ca-maker
  on       tls.issuer tls.subject
  match    CN=Dahua(?: |\xc2\xa0)Device(?: |\xc2\xa0)[A-Z]{2,6}(?: |\xc2\xa0)CA\b|O=Zhejiang(?: |\xc2\xa0)Dahua(?: |\xc2\xa0)
  flags    i
  set      manufacturer=Dahua
  weight   0.6
  source   D4-project/Plum-Island #204 (issuer CN=Dahua Device NVR CA, O=Zhejiang Dahua Technology Co.,Ltd., no-break spaces as shown); rroller/dahua #647 (O=ZheJiang Dahua Technology CO.,LTD.)
  example  "CN=Dahua\xc2\xa0Device\xc2\xa0NVR\xc2\xa0CA,O=Zhejiang\xc2\xa0Dahua\xc2\xa0Technology\xc2\xa0Co.,Ltd.,C=CN" => manufacturer=Dahua
  example  "CN=Dahua Device XVR CA,O=Zhejiang Dahua Technology Co.,Ltd." => manufacturer=Dahua
  example! "CN=Dahuang Device CA,O=Zhejiang Dahuang"
  example! "O=Shanghai Dahua Scale Factory"

# No class from "Dahua Device NVR CA" or OU=NVR: rroller/dahua #647 shows
# that issuer (OU=NVR) on a camera, so the CA's line word is shared by
# Dahua's cameras and recorders and is not class evidence (issue #11
# item 1); the maker rule above still reads it.

rule dahua-tls-device-ca-xvr
  on       tls.issuer tls.subject
  match    CN=Dahua(?: |\xc2\xa0)Device(?: |\xc2\xa0)XVR(?: |\xc2\xa0)CA(?:\b|(?=_))
  flags    i
  set      class=dvr
  tier     generic
  weight   0.35
  source   "Dahua DVR - Technical Investigation Report (Phase 1)", 2026-07-18, a public GitHub project's notes (a Dahua XVR's HTTPS issuer CN=Dahua Device XVR CA); generic tier
  example  "CN=Dahua Device XVR CA,O=Zhejiang Dahua Technology Co.,Ltd." => class=dvr
  example! "CN=Dahua Device NVR CA"
