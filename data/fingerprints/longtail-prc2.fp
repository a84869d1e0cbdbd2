# longtail-prc2.fp: the PRC long tail, round 2 (issue #11 §6): makers that
# had a makers.tsv row but no specific rule (Infinova, SV3C, Tenvis, TKH
# Siqura, Meari) and new ones (Anpviz), plus the HiSilicon "Hi3510 CGI"
# firmware family that dozens of PRC OEMs ship under many brands.  Each
# rule names a maker only from evidence that identifies it (a model-number
# family published for that maker, a firmware string carrying its name);
# the Hi3510 firmware rules name no maker, because the firmware is shared
# by many OEMs and a chip maker is not the camera maker.  Written from the
# sources named in each rule, not from other projects' fingerprint
# databases.  Format: docs/fingerprints.md.

rule infinova-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware
  match    ^\s*(?:Infinova\s+)?(V(?:HA|H|PAE|PA|P|S|T)[1-5][0-9]{2}(?:-[A-Z0-9]{1,8}){1,3}|V(?:14|16|68)[0-9]{2}[A-Z]{1,3}-[A-Z0-9]{1,9}(?:-[A-Z0-9]{1,3})?)\s*$
  set      manufacturer=Infinova model=$1 class=camera@0.5
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/infinova (VH111-A2, VH231-A233-B361W, VHA411-A20B-M0, VP130-A220, VPA311-A7, VPAE511-0550-M0, VS210-A2-I0, VS351-A40LCHW-PA, VT210-A2-A0, V1421MN-A2, V1631MN-F, V6812IR-H0265SX-Y)
  example  "VS210-A2-I0" => manufacturer=Infinova model=VS210-A2-I0 class=camera
  example  "VH231-A233-B361W" => model=VH231-A233-B361W
  example  "VPAE511-0550-M0"
  example  "V1421MN-A2" => model=V1421MN-A2
  example  "Infinova VT210-A2-A0" => model=VT210-A2-A0
  example! "VT242"
  example! "VS210"
  example! "DS-2CD2385G1-I"
  example! "XVS210-A2-I0"
  example! "VX210-A2"

rule sv3c-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware http.title
  match    ^\s*(?:SV3C\s+)?(SV-[BCD][0-9]{2}(?:W|POE)(?:-[A-Z0-9]{1,6}){0,4})\s*$
  set      manufacturer=SV3C model=$1 class=camera
  weight   0.6
  source   ch-bas/cctv-camera-database cameras/sv3c/b08poe.json (model SV-B08POE, sv3c.com product page); motioneye-project/motioneye issue #1670 (SV3C model SV-B06W-1080P-HX-2); spagonic/ha-hi3510 README (SV3C SV-B01W-1080P, SV-B06W-5MP)
  example  "SV-B08POE" => manufacturer=SV3C model=SV-B08POE class=camera
  example  "SV-B06W-1080P-HX-2" => model=SV-B06W-1080P-HX-2
  example  "SV3C SV-B01W-1080P"
  example! "SV-B08"
  example! "CSV-B08POE"
  example! "SV-X06W"

rule tenvis-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware http.title
  match    ^\s*(?:Tenvis\s+)?(TH6[0-9]{2}|T88[0-9]{2}|IPROBOT\s?3)\s*$
  flags    i
  set      manufacturer=Tenvis model=$1 class=camera
  weight   0.5
  source   spagonic/ha-hi3510 README, brand table (Tenvis IPROBOT3, TH661, T8862, TH692 on the Hi3510 CGI firmware); threat9/routersploit pull request #252 (Tenvis TH692 Outdoor P2P HD IP camera)
  example  "TH692" => manufacturer=Tenvis model=TH692 class=camera
  example  "Tenvis TH661" => model=TH661
  example  "IPROBOT3"
  example  "T8862"
  example! "TH6920"
  example! "TH692 router"
  example! "T886"

rule anpviz-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware http.title
  match    ^\s*(?:Anpviz\s+)?(IPC-[BD][0-9][0-9]{2,3}[WBGP]D?S?(?:-[A-Z0-9]{1,5}){1,2}|PTZIP[0-9][0-9A-Z]{3,8}(?:-[A-Z0-9]{1,5}){1,2})\s*$
  set      manufacturer=Anpviz model=$1 class=camera
  weight   0.5
  source   ch-bas/cctv-camera-database cameras/anpviz (IPC-B1053WD-S, IPC-B8740W-S, IPC-D3150W-S, IPC-D240W-S, IPC-D3053BD-S, PTZIP204WX4IR-SU, PTZIP3182WD-SU-5X ...); hardware ODM not established, the scheme names the Anpviz line
  example  "IPC-B1053WD-S" => manufacturer=Anpviz model=IPC-B1053WD-S class=camera
  example  "IPC-D3150W-S"
  example  "PTZIP204WX4IR-SU" => model=PTZIP204WX4IR-SU
  example  "Anpviz IPC-D240W-S"
  example! "IPC-B1B20"
  example! "IPC-HDW5442TM-AS"
  example! "DH-IPC-B1053WD-S"
  example! "IPC-D3150W"

rule tkh-siqura-model
  on       onvif.model gb.model upnp.model upnp.model-number onvif.hardware
  match    ^\s*(?:Siqura\s+)?((?:BC|BL|FD|FE|PD)5[0-9]{3}M?)\s*$
  set      manufacturer="TKH Security" brand=Siqura model=$1 class=camera
  weight   0.5
  source   ch-bas/cctv-camera-database cameras/siqura (BC5004, BL5008M, FD5006M, FE5012, PD5004; catalog.tkhsecurity.com/product/bc5004)
  example  "BC5004" => manufacturer="TKH Security" brand=Siqura model=BC5004 class=camera
  example  "Siqura FD5006M" => model=FD5006M
  example  "FE5012"
  example! "BC500"
  example! "BC5004-X"
  example! "XBC5004"

rule meari-ppstrong-firmware
  on       onvif.firmware http.body banner upnp.model-number mdns.txt
  match    \b(ppstrong-[a-z0-9]{2,6}-[a-z0-9_]{1,24}-[0-9]{1,3}(?:\.[0-9]{1,8}){2,3})(?:\b|(?=_))
  set      manufacturer=Meari firmware=$1 class=camera@0.5
  weight   0.75
  source   SirLouen/zs-gx1s issue #3 (Bell 15T JSON: ppstrong-b81-m_neutral_std-3.1.3.20220922, factoryname PPSTRONG, p2p_id MEARI-L); guino/ppsapp-rtsp issue #7 (Tuya 'Speed 3S': ppstrong-c51-tuya2_laxihub-2.9.7.20201028)
  example  "\"firmwareversion\":\t\"ppstrong-b81-m_neutral_std-3.1.3.20220922\"," => manufacturer=Meari firmware=ppstrong-b81-m_neutral_std-3.1.3.20220922
  example  "ppstrong-c51-tuya2_laxihub-2.9.7.20201028" => firmware=ppstrong-c51-tuya2_laxihub-2.9.7.20201028
  example! "ppstrong"
  example! "ppstrong-b81"
  example! "strong-b81-m_neutral_std-3.1.3.20220922"

rule meari-device-json
  on       http.body banner
  match    "(?:p2p_id"\s*:\s*"MEARI-[A-Z0-9]{1,6}"|mcuversion"\s*:\s*"meari-[0-9]{1,3}\.[0-9])
  set      manufacturer=Meari class=camera@0.5
  weight   0.7
  source   SirLouen/zs-gx1s issue #3 (the camera's /flash/encryption JSON on port 8090: "p2p_id": "MEARI-L", "mcuversion": "meari-2.4.1.20220921")
  example  "\"p2p_factory_name\":\t\"NONE\",\n\t\"p2p_id\":\t\"MEARI-L\"," => manufacturer=Meari
  example  "\"mcuversion\":\t\"meari-2.4.1.20220921\","
  example! "\"p2p_id\": \"MEARI\""
  example! "meari-2.4.1"

rule hi3510-cgi-realm
  on       http.realm rtsp.realm
  match    ^\s*hi3510\s*$
  flags    i
  set      class=camera surveillance=yes
  weight   0.6
  source   spagonic/ha-hi3510 README ("How to identify a compatible camera": the HTTP 401 carries WWW-Authenticate Basic realm="hi3510"; HiSilicon-based cameras of dozens of PRC OEMs, CamHi/HiP2P apps); names no maker: the firmware is shared
  example  "hi3510" => class=camera
  example! "hi3510x"
  example! "Hipcam"

rule hi3510-cgi-serverinfo
  on       http.body
  match    \bvar\s+model\s*=\s*"(C[0-9]F0S[a-z]Z[0-9]N0P[0-9a-z]L[0-9])"
  set      model=$1 class=camera surveillance=yes
  weight   0.55
  source   spagonic/ha-hi3510 README (/cgi-bin/hi3510/param.cgi?cmd=getserverinfo answers var key="value"; tested model codes C6F0SoZ0N0PnL2, C6F0SgZ3N0P5L0, C9F0SgZ0N0P7L0 ...); names no maker: the firmware is shared by many OEMs
  example  "var model=\"C6F0SgZ0N0P3L0\";\r\nvar hardVersion=\"V1.0.0.1\";" => model=C6F0SgZ0N0P3L0 class=camera
  example  "var model=\"C9F0SeZ0N0P2L0\";"
  example! "var model=\"DS-2CD2385G1-I\";"
  example! "model=C6F0SgZ0N0P3L0"

rule reecam-sosocam-params
  on       http.body
  match    "sosocam_(?:id|url)"\s*:
  set      manufacturer=ReeCam class=camera
  weight   0.7
  source   GioCirque/reecam-monitor src/lib/reecam.ts and reecam.types.ts (ReeCam CGI Ajax, wiki.reecam.cn/CGI/Ajax: get_params.cgi?json=1 answers fields sosocam_id and sosocam_url; README: ReeCam and SoSoCam IP cameras)
  example  "{\"error\":0,\"id\":\"cam1\",\"p2p_id\":\"\",\"sosocam_id\":\"abc\",\"alias\":\"Test Cam\"}" => manufacturer=ReeCam class=camera
  example  "\"sosocam_url\": \"\","
  example! "sosocam"
  example! "\"sosocam_idx\":1"

rule swann-raysharp-dvr-early
  on       onvif.model gb.model onvif.scopes onvif.hardware onvif.serial hik.isapi isapi.model sadp.model sadp.raw dhip.model dhip.raw dahua.model dahua.cgi lapi.model sunapi.model xm.model upnp.model upnp.model-number upnp.friendly-name upnp.model-description http.title http.body http.realm rtsp.realm snmp.sysdescr banner tls.subject sip.server mdns.instance mdns.txt ssdp.server rtsp.sdp.session
  match    (?<![A-Za-z0-9])(DVR(?:4|8|16)-[123][0-9]{3})(?:\b|(?=_))
  set      manufacturer=Raysharp brand=Swann model=$1 class=dvr
  weight   0.5
  source   kz/swanntools README (Swann DVR4-1200, also DVR04B/DM70-D, manufactured by RaySharp; protocol shared with the DVR8-2600 of meatheadmike/swanntools); Forbes 2013-01-22 (Rapid7: Swann DVRs on Ray Sharp firmware)
  example  "DVR4-1200" => manufacturer=Raysharp brand=Swann model=DVR4-1200 class=dvr
  example  "DVR8-2600"
  example! "DVR4-4400"
  example! "DVR4-1200X"
  example! "NVR8-2600"
