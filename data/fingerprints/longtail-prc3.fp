# longtail-prc3.fp: the PRC long tail, round 3 (issue #11 §6): model
# families the earlier rounds missed (Kedacom's IPC1xx/IPC2xxx cameras
# whose suffix carries a digit, e.g. IPC123-EI7N).  Written from the
# sources named in each rule, not from other projects' fingerprint
# databases.  Format: docs/fingerprints.md.

rule kedacom-ipc-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:KEDACOM\s+)?(IPC[12][0-9]{2,3}-[A-Z]{1,3}[0-9]?[A-Z]{0,2}N[A-Z]?(?:-[A-Z0-9]{1,12}){0,4})(?![A-Za-z0-9])
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

rule zkteco-access-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(?:ZKTeco\s+)?(SpeedFace[- ](?:V|H|M)[0-9]{1,2}L?(?:\s?\[[A-Z]{2}\])?|ProFace\s?X(?:\s?\[[A-Z]{1,3}\])?|iClock\s?[0-9]{3,4}|inBio\s?[0-9]{3}(?:\s?Pro)?|uFace\s?[0-9]{3})(?![A-Za-z0-9])
  flags    i
  set      manufacturer=ZKTeco model=$1 class=access-control
  tier     model
  weight   0.7
  source   ZKTeco product page https://www.zkteco.com/en/SpeedFaceSeries/SpeedFace-V5L (face/RFID/PIN terminal with Wiegand, lock relay, door sensor); ZKTeco ADMS push device names (~DeviceName=SpeedFace-V5L; iClock, inBio, uFace terminals)
  example  "SpeedFace-V5L" => manufacturer=ZKTeco model=SpeedFace-V5L class=access-control
  example  "ZKTeco ProFace X" => model="ProFace X"
  example  "~DeviceName=SpeedFace-V5L,FWVersion=Ver 8.0.4" => model=SpeedFace-V5L
  example  "iClock 880" => class=access-control
  example  "inBio460" => model=inBio460
  example! "SpeedFace"
  example! "iClock"
  example! "FaceDepot-7A"

rule gwell-gwelltimes-name
  on       onvif.manufacturer onvif.model gb.model onvif.scopes onvif.hardware upnp.manufacturer upnp.model upnp.friendly-name http.title mdns.instance wsd.scopes
  match    \bGWell[ -]?Times(?:\b|(?=_))
  flags    i
  set      manufacturer=Gwell
  weight   0.6
  source   agsh/onvif src/onvif.ts (setupSystemDateAndTime: "Seen on a cheap Chinese camera from GWellTimes-IPC"); IEEE registrant Shenzhen Gwelltimes Technology Co.,Ltd (makers.tsv Gwell)
  example  "GWellTimes-IPC" => manufacturer=Gwell
  example  "onvif://www.onvif.org/name/GWellTimes" => manufacturer=Gwell
  example! "Gwell"
  example! "GoodWellTimes"

rule gwell-gwelltimes-ipc
  on       onvif.manufacturer onvif.model gb.model onvif.scopes onvif.hardware upnp.manufacturer upnp.model upnp.friendly-name http.title mdns.instance wsd.scopes
  match    \bGWell[ -]?Times[-_ ]IPC(?:\b|(?=_))
  flags    i
  set      class=camera
  tier     role
  weight   0.5
  source   agsh/onvif src/onvif.ts ("a cheap Chinese camera from GWellTimes-IPC"): the IPC suffix names an IP camera
  example  "GWellTimes-IPC" => class=camera
  example! "GWellTimes"
  example! "GWellTimes-NVR"
