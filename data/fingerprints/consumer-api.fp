# consumer-api.fp: the PRC consumer camera makers' own API answers and
# identifiers (issue #11, fourth round): the Foscam CGI getDevInfo product
# name as class evidence, the Vstarcam (Eye4) P2P device id wherever a
# reply shows it, and Reolink's Baichuan protocol on TCP 9000.  Each
# names the maker; Foscam, Vstarcam and Reolink make nothing but video
# surveillance equipment (makers.tsv cctv=only), so the maker alone
# already says surveillance.  Format: docs/fingerprints.md.

rule foscam-devinfo-camera
  on       http.body vendor-api.malformed
  match    <CGI_Result>.{0,600}?<productName>\s*(?:FI[0-9]{4}|C[1-9]|R[2-9]|G[2-9]|X[1-9]|SD[0-9]|D[0-9]|V[0-9]|E[0-9]|S[0-9]|T[0-9])[A-Za-z0-9 _-]{0,24}</productName>
  flags    s
  set      manufacturer=Foscam class=camera
  tier     model
  weight   0.75
  source   Foscam IPCamera CGI User Guide (cmd=getDevInfo: productName in <CGI_Result>); Foscam product pages (FI9821W, FI9900P, C1, C2, R2, R4, G4, X5, SD2, D2 doorbell, V2 cameras; FN NVRs)
  example  "<CGI_Result>\n<result>0</result>\n<productName>FI9821W V2</productName>\n<serialNo>0000</serialNo>" => class=camera manufacturer=Foscam
  example  "<CGI_Result><result>0</result><productName>R4</productName></CGI_Result>" => class=camera
  example! "<CGI_Result><result>0</result><productName>FN7108HE</productName></CGI_Result>"
  example! "<productName>FI9821W V2</productName>"

rule foscam-devinfo-nvr
  on       http.body vendor-api.malformed
  match    <CGI_Result>.{0,600}?<productName>\s*FN[0-9]{4}[A-Za-z0-9 _-]{0,16}</productName>
  flags    s
  set      manufacturer=Foscam class=nvr
  tier     model
  weight   0.75
  source   Foscam IPCamera/NVR CGI answers (<CGI_Result> productName); Foscam FN7108HE and FN8108H NVR product pages (FN = network video recorder)
  example  "<CGI_Result><result>0</result><productName>FN7108HE</productName></CGI_Result>" => class=nvr
  example! "<CGI_Result><result>0</result><productName>FI9821W</productName></CGI_Result>"

rule vstarcam-p2p-device-id
  on       http.body banner onvif.serial upnp.serial upnp.friendly-name mdns.instance mdns.txt mdns.hostname dhcp.hostname vstarcam.serial
  match    (?<![A-Za-z0-9])VST[ABCDFJ]-?[0-9]{6}-?[A-Z]{5}(?![A-Za-z0-9])
  set      manufacturer=Vstarcam
  weight   0.7
  source   cloud-and-nvr.md §1.9 (CS2 PPPP device ids PREFIX-NNNNNN-CHECK; Eye4/VStarcam prefixes VSTA VSTB VSTC VSTD VSTF VSTJ, [PALANT] Applications table)
  example  "var id=\"VSTC123456ABCDE\";\nvar sys_ver=\"48.53.64.67\";" => manufacturer=Vstarcam
  example  "VSTB-654321-KLMNP" => manufacturer=Vstarcam
  example! "VSTE123456ABCDE"
  example! "XVSTC123456ABCDE"

rule reolink-baichuan-header
  on       banner
  port     9000
  match    ^\xf0\xde\xbc
  set      manufacturer=Reolink
  weight   0.7
  source   QuantumEntangledAndy/neolink issue #365 (a Reolink P320's Baichuan login reply captured as F0 DE BC 0A 01 00 00 00 ...); thirtythreeforty/neolink pull request #80 (BC message header notes: magic f0 de bc 0a)
  example  "\xf0\xde\xbc\x01\x00\x00\x00\x91\x00\x00\x00"
  example! "\xde\xbc\xf0"

# ---- Xiaomi Mi Home (MiIO/MIoT) camera model ids ----
# A Mi Home device names itself by a model id <vendor>.camera.<model>
# (miiocli info, MIoT spec URNs, DHCP host names <vendor>-camera-<model>
# _miio<did>); the vendor part is the maker of the camera sold under the
# Xiaomi badge: XiaoMi/xiaomi-miloco issue #236 lists chuangmi.camera.*
# as Shanghai Chuangmi's, isa.camera.* as Hualai's, xiaomi.camera.* as
# Xiaomi's own.

rule miio-camera-chuangmi
  on       http.body http.title banner mdns.instance mdns.hostname mdns.txt upnp.model upnp.friendly-name dhcp.vendor dhcp.hostname onvif.model gb.model tls.subject
  match    (?<![A-Za-z0-9])chuangmi[.-]camera[.-]([a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Chuangmi model=chuangmi.camera.$1 class=camera
  tier     model
  weight   0.75
  source   XiaoMi/xiaomi-miloco issue #236 (chuangmi.camera.* made by Shanghai Chuangmi, 上海创米); rytilahti/python-miio issues #547, #1524 and #1887 (miiocli info Model: chuangmi.camera.039a01, chuangmi.camera.029a02)
  example  "Model: chuangmi.camera.ipc009" => manufacturer=Chuangmi class=camera model=chuangmi.camera.ipc009
  example  "chuangmi-camera-ipc019_miio123456" => class=camera
  example! "chuangmi.plug.v3"
  example! "xchuangmi.camera.ipc009"

rule miio-camera-hualai
  on       http.body http.title banner mdns.instance mdns.hostname mdns.txt upnp.model upnp.friendly-name dhcp.vendor dhcp.hostname onvif.model gb.model tls.subject
  match    (?<![A-Za-z0-9])isa[.-]camera[.-]([a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Hualai model=isa.camera.$1 class=camera
  tier     model
  weight   0.75
  source   XiaoMi/xiaomi-miloco issue #236 (isa.camera.cw501d and isa.camera.hlmax made by Hualai, 华来科技)
  example  "{\"model\":\"isa.camera.hlc6\"}" => manufacturer=Hualai class=camera
  example! "isa.light.v1"

rule miio-camera-xiaomi
  on       http.body http.title banner mdns.txt upnp.friendly-name dhcp.hostname onvif.model gb.model tls.subject
  match    (?<![A-Za-z0-9])(?:xiaomi|mijia)[.-]camera[.-]([a-z0-9]{2,12})(?![a-z0-9])
  flags    i
  set      manufacturer=Xiaomi class=camera
  tier     model
  weight   0.7
  source   XiaoMi/xiaomi-miloco issue #236 (xiaomi.camera.082ac1 made by Xiaomi); MiIO model ids mijia.camera.* of Mi Home cameras
  example  "{\"model\":\"xiaomi.camera.082ac1\"}" => manufacturer=Xiaomi class=camera
  example! "xiaomi.vacuum.b106"

rule dafang-hacks-firmware
  on       http.title http.body banner
  match    (?<![A-Za-z0-9])(?:Xiaomi[ -])?Dafang[ -]Hacks(?:\b|(?=_))
  flags    i
  set      class=camera surveillance=yes
  tier     model
  weight   0.75
  source   EliasKotlyar/Xiaomi-Dafang-Hacks pull request #1284 (custom firmware whose web UI reports the camera it runs on: "Xiaomi Dafang", "Xiaomi Xiaofang 1S" or "Wyzecam V2"); it runs on those cameras only, whose makers differ, so it names none
  example  "Xiaomi Dafang Hacks" => class=camera surveillance=yes
  example  "<title>Dafang Hacks</title>"
  example! "Dafang"
