# longtail-world3.fp: the long tail of makers outside the PRC, round 3
# (issue #11 §6): makers that had a makers.tsv row but no specific rule
# (Messoa, CNB Technology, Pixord, Comelit, Urmet, Commax, CBC/Ganz).
# Each rule is a model-number family published for that maker (product
# pages and datasheets, as collected with their source URLs in
# ch-bas/cctv-camera-database), tier model where the family is one kind
# of device.  Written from the sources named in each rule, not from other
# projects' fingerprint databases.  Format: docs/fingerprints.md.

rule messoa-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])((?:BLT|BOX|CVP|DOM|FHE|MBL|MDM|PTZ)[01][0-9]{2}[A-Z]-[A-Z]{3}[0-9][0-9A-Z]{0,4})(?![A-Za-z0-9])
  set      manufacturer=Messoa model=$1 class=camera@0.6
  tier     model
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/messoa (BLT020C-ORM0310 from https://www.messoa.com/product_detail.php?i=30; BOX020A-IAX0, CVP010A-IWF037, DOM020F-ORM2812, FHE120E-ORF012, MBL030A-ORZ0310, MDM021F-IRF028, PTZ022W-ORX30X)
  example  "BLT020C-ORM0310" => manufacturer=Messoa model=BLT020C-ORM0310 class=camera
  example  "PTZ052W-ORX28X" => model=PTZ052W-ORX28X
  example  "<model>FHE120E-ORF012</model>" => model=FHE120E-ORF012
  example  "BOX020A-IAX0"
  example! "BLT020C"
  example! "PTZ-N4215I-DE"
  example! "DOM20F-ORM2812"

rule cnb-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    \b(T(?:BL|BM|BN|BP|DB|DV|PL|PN|PU|SF)[0-9]{2}[RZ](?:-[A-Z0-9()]{1,9})?)(?![A-Za-z0-9(-])
  set      manufacturer="CNB Technology" model=$1 class=camera@0.55
  tier     model
  weight   0.55
  source   ch-bas/cctv-camera-database cameras/cnb (TBM41R-(28)36W from https://cnbtec.com/en/products/tbm41r-2836w; TBL84R-X4SP, TBN22R, TBN25R-W, TBP25R-X10, TDB21R-2836W, TDV25R-W, TPL84Z-X42SW, TPN24R-X5, TPU24R-X33SW, TSF96R-18A)
  example  "TBN25R-W" => manufacturer="CNB Technology" model=TBN25R-W class=camera
  example  "TPL84Z-X42SW" => model=TPL84Z-X42SW
  example  "TBN22R" => model=TBN22R
  example! "TBN25"
  example! "XTBN25R-W"
  example! "TBA25R-W"

rule pixord-model
  on       onvif.model gb.model onvif.hardware upnp.model upnp.model-number isapi.model lapi.model sunapi.model dahua.model http.title
  match    ^\s*(?:PIXORD\s+)?(P(?:D6[0-9]{2}|D7[0-9]{2}|L7[0-9]{2}|L9[0-9]{2}|S7[0-9]{2})[A-Z]{0,2})\s*$
  flags    i
  set      manufacturer=Pixord model=$1 class=camera@0.5
  tier     model
  weight   0.5
  source   ch-bas/cctv-camera-database cameras/pixord (PD614E(F) from https://www.pixord.com/en/products_show.php?show=29; PD636E, PD736, PD771, PL721SF, PL925, PS760D)
  example  "PD614E" => manufacturer=Pixord model=PD614E class=camera
  example  "Pixord PL721SF" => model=PL721SF
  example  "PS760D"
  example! "PD614E router"
  example! "PX614E"
  example! "PD61"

rule comelit-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])((?:IP|AH)[BDKMST]CAM[ANS][0-9]{2}[FVZ][0-9A-Z]{1,6})(?![A-Za-z0-9])
  set      manufacturer=Comelit model=$1 class=camera@0.6
  tier     model
  weight   0.65
  source   ch-bas/cctv-camera-database cameras/comelit (IPBCAMA04ZA from https://pro.comelitgroup.com/en-gb/product/ipbcama04za and its datasheet; IPBCAMN04FCUA, AHBCAMS05FA, AHDCAMS02F01A, AHKCAMS08ZA, AHSCAMS05F02A)
  example  "IPBCAMA04ZA" => manufacturer=Comelit model=IPBCAMA04ZA class=camera
  example  "AHDCAMS02F01A" => model=AHDCAMS02F01A
  example  "IPBCAMN04FCUA"
  example! "IPBCAM04ZA"
  example! "IPBCAMA4ZA"

rule urmet-ip-camera-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    \b((?:VK-?)?109[23]/[0-9]{3}[A-Z][A-Z0-9]{0,4})(?![A-Za-z0-9/])
  set      manufacturer=Urmet model=$1 class=camera@0.6
  tier     model
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/urmet (model 1093/142M2, Urmet IP bullet camera, from https://www.urmet.de/; 1093/125M4I, 1093/184M18, 1092/250H, 1092/220M); Urmet catalogue numbers 1092/ and 1093/ are cameras
  example  "1093/142M2" => manufacturer=Urmet model=1093/142M2 class=camera
  example  "1092/250H" => model=1092/250H
  example! "1093/142"
  example! "21093/142M2"
  example! "1099/304"

rule commax-camera-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])(C(?:AD|AU|NP|NU)-[0-9][A-Z0-9]{2,9})(?![A-Za-z0-9])
  set      manufacturer=Commax model=$1 class=camera@0.55
  tier     model
  weight   0.55
  source   ch-bas/cctv-camera-database cameras/commax (CNU-210RL from https://www.commax.com/en/products/product/productView?uid=2980; CAD-102R, CAU-2M04R24SH, CNP-402RW)
  example  "CNU-210RL" => manufacturer=Commax model=CNU-210RL class=camera
  example  "CAU-2M04R24SH" => model=CAU-2M04R24SH
  example! "CNU-21"
  example! "CDV-70N"
  example! "XCNU-210RL"

rule ganz-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])((?:ZN1A?|ZN|ZC)-(?:[0-9][A-Z]|[A-Z])[A-Z0-9]{3,12}(?:-[A-Z]{1,4})?)(?![A-Za-z0-9])
  set      manufacturer=CBC brand=Ganz model=$1 class=camera@0.55
  tier     model
  weight   0.55
  source   ch-bas/cctv-camera-database cameras/ganz (ZN-B2MTP from https://ganzsecurity.com/; ZN-D5DMP58LHE, ZN-M4NTFN4L, ZN1A-B4DMZ52U, ZN1A-2D6DTMZ71, ZC-D5025NXA, ZC-DNT8312NBA-IR); Ganz is CBC's security brand (makers.tsv)
  example  "ZN-B2MTP" => manufacturer=CBC model=ZN-B2MTP class=camera
  example  "ZN1A-B4DMZ52U" => model=ZN1A-B4DMZ52U
  example  "ZC-DNT8312NBA-IR" => model=ZC-DNT8312NBA-IR
  example! "ZN-B2"
  example! "ZX-B2MTP"

rule avigilon-camera-model
  on       onvif.model gb.model onvif.scopes onvif.hardware isapi.model sadp.model dahua.model upnp.model upnp.model-number upnp.friendly-name http.title
  match    (?<![A-Za-z0-9])([0-9]{1,2}(?:\.[0-9])?[A-Z]{1,2}-H[3-6][A-Z]{0,3}(?:-[A-Z0-9]{1,5}){1,4})(?![A-Za-z0-9])
  set      manufacturer=Avigilon model=$1 class=camera@0.6
  tier     model
  weight   0.65
  source   Avigilon camera model scheme <megapixels><W|C|L>-H<generation>-<form>: 2.0W-H3-BO1-IR (https://assets.avigilon.com/file_library/pdf/h3-bullet/avigilon-h264-hd-bullet-camera-datasheet-en-rev4.pdf), 2.0C-H5A-D1, 8.0C-H5A-BO2-IR (Avigilon H5A datasheets)
  example  "2.0W-H3-BO1-IR" => manufacturer=Avigilon model=2.0W-H3-BO1-IR class=camera
  example  "Avigilon 2.0C-H5A-D1" => model=2.0C-H5A-D1
  example  "8.0C-H5A-BO2-IR" => model=8.0C-H5A-BO2-IR
  example! "2.0C-H5A"
  example! "H5A"
  example! "12-H3"

rule hunt-nvr-cgi
  on       http.body http.location
  match    \b(?:SetCHEnable|SetTimePlay)\.cgi\?session=|\bGetStream\.cgi\?CH_ENABLE=[01]{1,32}
  set      manufacturer="Hunt Electronic" class=nvr
  tier     role
  weight   0.5
  source   HUNT NVR SDK V1.1 (2015-04), CGI specification (GetStream.cgi?CH_ENABLE=, SetCHEnable.cgi?session=, SetTimePlay.cgi?session=), https://studylib.net/doc/8551038/hunt_nvr_sdk_v1.12015-04
  example  "http://192.168.1.241/GetStream.cgi?CH_ENABLE=0101" => manufacturer="Hunt Electronic" class=nvr
  example  "xhr.open('GET','/SetCHEnable.cgi?session='+sid+'&nDISP=1')" => class=nvr
  example! "GetStream.cgi"
  example! "/cgi-bin/SetTimePlay.cgi"

rule 2n-intercom-product
  on       sip.server http.title upnp.model upnp.friendly-name onvif.model gb.model onvif.hardware mdns.instance banner snmp.sysdescr
  match    (?<![A-Za-z0-9])2N\s+(?:Helios\s+)?IP\s+(Verso|Force|Solo|Style|Vario|Base|Uni|Safety|One)\b|\b2N\s+Indoor\s+(Touch|Compact|View|Talk|Clip)(?:\b|(?=_))
  set      manufacturer=2N class=intercom
  tier     model
  weight   0.7
  source   2N product lines (2n.com: IP Verso, IP Force, IP Solo, IP Style, IP Vario, IP Base, IP Uni door intercoms; Indoor Touch/Compact/View/Talk answering units); 2N Helios IP integration wiki (wiki.2n.cz/hip); ch-bas/cctv-camera-database cameras/2n
  example  "2N Helios IP Verso" => manufacturer=2N class=intercom
  example  "2N IP Force" => class=intercom
  example  "2N Indoor Touch" => class=intercom
  example! "2N"
  example! "2N IP"

rule 2n-access-unit
  on       sip.server http.title upnp.model upnp.friendly-name mdns.instance banner snmp.sysdescr
  match    (?<![A-Za-z0-9])2N\s+Access\s+Unit(?:\s+[0-9.]{1,4}|\s+M)?(?:\b|(?=_))
  set      manufacturer=2N class=access-control
  tier     model
  weight   0.7
  source   2N Access Unit / Access Unit 2.0 / Access Unit M card and keypad readers (2n.com access-control product line)
  example  "2N Access Unit 2.0" => manufacturer=2N class=access-control
  example  "2N Access Unit M" => class=access-control
  example! "2N Access"
