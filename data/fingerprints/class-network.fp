# class-network.fp: the class of network, printing, storage and media
# equipment from what it says it is (issue #11 item 1: class claims come
# only from class evidence).  Each rule reads a product-line string in a
# sysDescr (RFC 1213 sysDescr: "the full name and version identification
# of the system's hardware type, software operating-system, and
# networking software"), a standard UPnP/DLNA or TR-064 device or service
# type, or a vendor API field that names the kind of device.  None of
# these is surveillance equipment: every rule says surveillance=no, and a
# rule names a maker only where the product line is that maker's alone.
# Sources: vendor documentation and protocol specifications named in each
# rule.  Format: docs/fingerprints.md.

# ---- UPnP / TR-064 device and service types ----------------------------

rule tr064-internet-gateway-device
  on       ssdp.usn upnp.device-type upnp.raw
  match    urn:dslforum-org:device:(?:InternetGatewayDevice|WANDevice|WANConnectionDevice):[0-9]
  flags    i
  set      class=router surveillance=no
  tier     role
  weight   0.6
  source   DSL Forum TR-064 "LAN-Side DSL CPE Configuration" (May 2004), device model: the CPE's root device is urn:dslforum-org:device:InternetGatewayDevice:1 with embedded LANDevice/WANDevice/WANConnectionDevice; a device describing itself so is the DSL gateway
  example  "urn:dslforum-org:device:InternetGatewayDevice:1" => class=router
  example  "<deviceType>urn:dslforum-org:device:WANConnectionDevice:1</deviceType>" => class=router
  example! "urn:dslforum-org:device:LANDevice:1"
  example! "urn:schemas-upnp-org:device:MediaRenderer:1"

# A USN is sent only by the device that offers the service (an M-SEARCH
# request carries an ST but never a USN), so a WAN connection service in
# a USN names the gateway itself, not a client looking for one.
rule upnp-igd-wan-service-usn
  on       ssdp.usn
  match    ::urn:schemas-upnp-org:service:(?:WANIPConnection|WANPPPConnection|WANCommonInterfaceConfig|Layer3Forwarding):
  flags    i
  set      class=router surveillance=no
  tier     role
  weight   0.55
  source   UPnP Forum InternetGatewayDevice:1 template (WANIPConnection, WANPPPConnection, WANCommonInterfaceConfig, Layer3Forwarding are IGD services); UPnP Device Architecture 1.0 §1 (USN uuid:...::urn:...:service:type:v in NOTIFY and search replies)
  example  "uuid:1234-5678::urn:schemas-upnp-org:service:WANIPConnection:1" => class=router
  example  "uuid:abcd::urn:schemas-upnp-org:service:WANPPPConnection:1" => class=router
  example! "uuid:abcd::urn:schemas-upnp-org:service:ContentDirectory:1"
  example! "urn:schemas-upnp-org:service:WANIPConnection:1"

rule upnp-dlna-media-device
  on       upnp.device-type ssdp.usn
  match    urn:schemas-upnp-org:device:Media(?:Server|Renderer):[0-9]
  flags    i
  set      class=other surveillance=no
  tier     generic
  weight   0.45
  source   UPnP AV MediaServer:1 and MediaRenderer:1 device templates (UPnP Forum 2002), DLNA guidelines (DMS/DMR device classes): TV, receiver, streamer, media software; generic tier, as a NAS may also carry one
  example  "urn:schemas-upnp-org:device:MediaRenderer:1" => class=other
  example  "uuid:0000::urn:schemas-upnp-org:device:MediaServer:1" => class=other
  example! "urn:schemas-upnp-org:device:InternetGatewayDevice:1"
  example! "urn:schemas-upnp-org:device:Basic:1"

rule belkin-wemo-device-type-camera
  on       upnp.device-type ssdp.usn
  match    urn:Belkin:device:NetCamSensor:[0-9]
  flags    i
  set      class=camera manufacturer=Belkin@0.6
  tier     role
  weight   0.7
  source   Belkin WeMo app device-type constants (NET_CAM = "urn:Belkin:device:NetCamSensor:1", beside SWITCH = urn:Belkin:device:controllee:1 and SENSOR = urn:Belkin:device:sensor:1): the WeMo NetCam Wi-Fi camera
  example  "urn:Belkin:device:NetCamSensor:1" => class=camera manufacturer=Belkin
  example! "urn:Belkin:device:controllee:1"

rule belkin-wemo-device-type-home
  on       upnp.device-type ssdp.usn
  match    urn:Belkin:device:(?:controllee|lightswitch|insight|socket|dimmer|bridge|Maker|sensor|outdoor|Humidifier|HeaterA|CoffeeMaker|Crockpot):[0-9]
  flags    i
  set      class=other surveillance=no manufacturer=Belkin@0.6
  tier     role
  weight   0.6
  source   Belkin WeMo app device-type constants (controllee = Switch, lightswitch, insight, sensor = Motion, Maker, bridge): WeMo smart plugs, switches, sensors and bridges, home automation, not video equipment
  example  "urn:Belkin:device:controllee:1" => class=other
  example  "urn:Belkin:device:insight:1" => class=other
  example! "urn:Belkin:device:NetCamSensor:1"

rule lg-webos-tv
  on       ssdp.server upnp.device-type ssdp.usn upnp.model-description
  match    \bLGE WebOS TV\b|urn:lge(?:-com)?:device:tv:[0-9]
  flags    i
  set      class=other surveillance=no
  tier     role
  weight   0.6
  source   LG webOS TV developer documentation (webostv.developer.lge.com, second-screen discovery over SSDP; LG Electronics' television platform): a TV
  example  "Linux/i686 UPnP/1,0 DLNADOC/1.50 LGE WebOS TV/Version 0.9" => class=other
  example  "urn:lge:device:tv:1" => class=other
  example! "WebOS/4.0.0 UPnP/1.0"

# ---- routers ------------------------------------------------------------

rule tplink-router-ssdp-server
  on       ssdp.server
  match    (?<![A-Za-z0-9])TP-Link\b[^\r\n]{0,20}?\b((?:TL-(?:ER|R|WR|MR)[0-9]{3,4}[A-Z]{0,3}|ER[0-9]{3,4}|Archer [A-Z]{1,2}[0-9]{1,4}))(?:\b|(?=_))
  set      class=router surveillance=no model=$1 manufacturer=TP-Link@0.6
  tier     model
  weight   0.7
  source   TP-Link product catalogue: TL-R/TL-ER (SafeStream and Omada VPN routers, e.g. TL-R605, TL-ER7206), TL-WR/TL-MR (wireless and 4G routers), Archer (Wi-Fi routers); an SSDP SERVER naming one is the router's own UPnP stack
  example  "TP-Link SMB TL-R600VPN, UPnP/1.0" => class=router model=TL-R600VPN
  example  "TP-Link Archer C7, UPnP/1.0" => class=router
  example! "TP-Link Tapo C200, UPnP/1.0"

rule apple-airport-base-station
  on       snmp.sysdescr
  match    ^Apple AirPort\b
  set      class=router surveillance=no manufacturer=Apple@0.6
  tier     model
  weight   0.7
  source   Apple AirPort Utility / AirPort base station documentation (AirPort Extreme and AirPort Express base stations are Wi-Fi routers; their SNMP agent names the product "Apple AirPort")
  example  "Apple AirPort - Apple Inc., 2006-2012.  All rights Reserved." => class=router
  example! "Apple TV"

rule gateway-router-words
  on       banner snmp.sysdescr http.title
  match    (?<![A-Za-z0-9])(?:Home Gateway|Residential Gateway|Broadband Router|ADSL Router|ADSL2\+ Router|VDSL Router|Wireless Router|HOME GATEWAY|BROADBAND ROUTER|WIRELESS ROUTER)(?![a-z0-9])
  set      class=router surveillance=no
  tier     role
  weight   0.55
  source   product-category words naming a residential gateway: Broadcom BCM963xx reference firmware ("Broadband Router"), Huawei EchoLife "Home Gateway" and Technicolor "Residential Gateway" user guides
  example  "\r\nWelcome to the Home Gateway\r\nLogin:" => class=router
  example  "BCM96358 ADSL Router\nLogin: " => class=router
  example  "Wireless Router" => class=router
  example  "Welcome to the Home GatewayLogin:" => class=router
  example! "Gateway Timeout"
  example! "Home Gateways"
  example! "Video Gateway"

rule huawei-ar-router-sysdescr
  on       snmp.sysdescr
  match    ^Huawei (AR[0-9]{3,4}[A-Z0-9-]{0,12}) Huawei Versatile Routing
  set      class=router surveillance=no model=$1 manufacturer=Huawei@0.6
  tier     model
  weight   0.75
  source   Huawei AR150/AR160/AR1200/AR2200 enterprise router product documentation (support.huawei.com, "AR Series Access Routers"); VRP sysDescr "Huawei <product> Huawei Versatile Routing Platform Software"
  example  "Huawei AR2220 Huawei Versatile Routing Platform Software VRP (R) software, Version 5.160" => class=router model=AR2220
  example! "Huawei S5720-28X-SI-AC Huawei Versatile Routing Platform Software"

rule huawei-wlan-access-controller
  on       snmp.sysdescr
  match    ^Huawei (AC6[0-9]{3}[A-Z0-9-]{0,12}) Huawei Versatile Routing
  set      class=other surveillance=no model=$1 manufacturer=Huawei@0.6
  tier     model
  weight   0.75
  source   Huawei AC6005/AC6605/AC6805 Access Controller product documentation (support.huawei.com: wireless LAN access controllers managing Huawei APs)
  example  "Huawei AC6005-8 Huawei Versatile Routing Platform Software VRP (R) software" => class=other model=AC6005-8
  example! "Huawei AR151 Huawei Versatile Routing"

rule huawei-quidway-switch
  on       snmp.sysdescr banner
  match    (?<![A-Za-z0-9])Quidway (S[0-9]{4}[A-Z0-9]{0,3}(?:-[A-Z0-9]{1,6}){0,3})(?![A-Za-z0-9])
  set      class=switch surveillance=no model=$1 manufacturer=Huawei@0.6
  tier     model
  weight   0.75
  source   Huawei Quidway S-series LAN switch documentation (Quidway S3700/S5700/S8500/S9300 Ethernet switches, support.huawei.com)
  example  "Huawei Versatile Routing Platform Software\nQuidway S5700-28C-EI\nCopyright(c) Huawei" => class=switch model=S5700-28C-EI
  example! "Quidway AR28-31"

rule huawei-integrated-access-software
  on       snmp.sysdescr
  match    ^Huawei Integrated Access Software\b
  set      class=other surveillance=no manufacturer=Huawei@0.6
  tier     role
  weight   0.6
  source   Huawei SmartAX MA5600T/MA5800 OLT and MSAN product documentation (support.huawei.com; the access node's software is "Huawei Integrated Access Software"): broadband access equipment
  example  "Huawei Integrated Access Software" => class=other
  example! "Huawei Versatile Routing Platform Software"

# ---- switches -----------------------------------------------------------

rule sysdescr-switch-phrase
  on       snmp.sysdescr
  match    (?<![A-Za-z])(?:Routing|Ethernet|Layer ?[23]|L[23]|Managed|Industrial|Stackable|Gigabit|10G|PoE\+?)\s{1,3}(?:Ethernet\s)?Switch(?:\s*\(|[\s,]|$)|(?:^|[\s,])[A-Za-z+/-]*[0-9][A-Za-z0-9+/-]*(?:\s[A-Z]{2,3})?\s{1,3}Switch(?:[\s,]|$)|^\s*Switch\s*$
  set      class=switch surveillance=no
  tier     role
  weight   0.6
  source   RFC 1213 sysDescr (the entity's hardware type); Ruijie RG-S6220/RG-S6000C datasheets ("10G Routing Switches"), Nortel/Avaya Ethernet Routing Switch 4500/5500 guides, HPE FlexFabric 5700/5130 Switch Series (Comware 7)
  example  "Ruijie Full 10G Routing Switch(S6000C-48GT4XS) By Ruijie Networks" => class=switch
  example  "Ethernet Routing Switch 5520-48T-PWR  HW:00 FW:6.0.0.8" => class=switch
  example  "HP Comware Software, HPE 5130-24G-4SFP+ EI  Switch" => class=switch
  example  "Switch" => class=switch
  example! "Nintendo Switch"
  example! "SwitchBot Hub"
  example! "Smart Switch"

rule mikrotik-switch-board
  on       snmp.sysdescr
  match    ^\s*(?:RouterOS\s+)?((?:CRS|CSS)[0-9]{3}[A-Za-z0-9+-]{0,20}|RB2[56]0GSP?)\s*$
  set      class=switch surveillance=no model=$1 manufacturer=MikroTik@0.6
  tier     model
  weight   0.75
  source   MikroTik product catalogue (mikrotik.com/products/group/switches: CRS Cloud Router Switches and CSS Cloud Smart Switches; RB260GS/RB260GSP, the SwOS switches later sold as CSS106); RouterOS sysDescr is "RouterOS <board name>", SwOS's the board name
  example  "RouterOS CRS326-24G-2S+" => class=switch model=CRS326-24G-2S+
  example  "CSS326-24G-2S+" => class=switch
  example  "RB260GSP" => class=switch
  example! "RouterOS RB4011iGS+"

rule extremeware-summit-switch
  on       snmp.sysdescr
  match    ^((?:Summit|Alpine|BlackDiamond)\s?[0-9]{1,4}[A-Za-z0-9-]{0,12}) - Version [0-9]
  set      class=switch surveillance=no model=$1 manufacturer="Extreme Networks"@0.6
  tier     model
  weight   0.75
  source   ExtremeWare 7.x Command Reference Guide ("show switch"/sysDescr "<platform> - Version 7.x (Build n) by Release_Master"); Summit, Alpine and BlackDiamond are Extreme Networks' Ethernet switch families
  example  "Summit200-24 - Version 7.2e.1 (Build 10) by Release_Master 03/26/04 18:29:56" => class=switch model=Summit200-24
  example  "Alpine3804 - Version 7.1.1 (Build 3) by Release_Master" => class=switch
  example! "Summit Hotel Wi-Fi"

rule hirschmann-industrial-switch
  on       snmp.sysdescr
  match    ^Hirschmann (?:BOBCAT|RSPE?|RSB|MACH ?[0-9]{0,4}|OCTOPUS|GREYHOUND|MSP|Rail Switch|Railswitch|DRAGON)\b
  flags    i
  set      class=switch surveillance=no manufacturer=Hirschmann@0.6
  tier     model
  weight   0.75
  source   Belden/Hirschmann product documentation (hirschmann.com: BOBCAT, RSP, RSPE, MACH, OCTOPUS, GREYHOUND, DRAGON are managed industrial Ethernet switch families; EAGLE, the firewall line, is not matched)
  example  "Hirschmann Rail Switch Power Enhanced" => class=switch
  example  "Hirschmann MACH4002" => class=switch
  example! "Hirschmann EAGLE Security Device"

rule dell-force10-switch
  on       snmp.sysdescr
  match    ^(?:Dell )?Force10 (?:OS|Networks|Operating System)\b
  set      class=switch surveillance=no
  tier     model
  weight   0.7
  source   Dell Force10 FTOS Command Line Reference (show version / sysDescr "Dell Force10 OS"; FTOS runs the Force10 C-Series, E-Series and S-Series Ethernet switches)
  example  "Dell Force10 OS\nOperating System Version: 2.0\nSeries: S4810" => class=switch
  example  "Force10 Networks Real Time Operating System Software" => class=switch
  example! "Dell OpenManage"

rule mellanox-onyx-switch
  on       snmp.sysdescr
  match    ^(?:Onyx|MLNX-OS),\s*(?:MSN|SN|MSX|SX)[0-9]{4}
  set      class=switch surveillance=no
  tier     model
  weight   0.7
  source   NVIDIA (Mellanox) Onyx and MLNX-OS user manuals (the switch OS of the Spectrum SN2000/SN3000 and SwitchX SX series Ethernet switches; ordering part numbers MSN2410, MSN2700 ...)
  example  "Onyx,MSN2700,SWv3.8.2008" => class=switch
  example  "MLNX-OS,SX1036,SWv3.4.3002" => class=switch
  example! "Onyx Boox"

rule broadcom-fastpath-switching
  on       snmp.sysdescr
  match    ^\s*FASTPATH (?:Switching|Routing)\b
  set      class=switch surveillance=no
  tier     role
  weight   0.6
  source   Broadcom FASTPATH (formerly LVL7 Systems) Layer 2/Layer 3 switching software, licensed to OEM switch makers; its agent's default sysDescr names the package
  example  "FASTPATH Routing" => class=switch
  example! "Fastpath gateway"

rule zyxel-gs1900-switch-bare
  on       snmp.sysdescr upnp.model http.title
  match    ^\s*((?:GS19[0-9]0|XGS19[0-9]0|GS2210|GS22[0-9]0|XGS2210)-[0-9]{1,2}[A-Z]{0,4}(?:v[0-9])?)\s*$
  set      class=switch surveillance=no model=$1 manufacturer=Zyxel@0.6
  tier     model
  weight   0.7
  source   Zyxel GS1900 and GS2210 series datasheets (zyxel.com: "GS1900 Series 8/10/16/24/48-port GbE Smart Managed Switch", GS2210 L2 managed switch); the switch's sysDescr defaults to its model
  example  "GS1900-24E" => class=switch model=GS1900-24E
  example  "GS2210-8HP" => class=switch
  example! "GS1900 user manual"

rule dcn-switch-sysdescr
  on       snmp.sysdescr
  match    (?s)^\s*((?:S|CS)[0-9]{4}[A-Z]?-[0-9]{2}[A-Z0-9]{0,5}(?:-[A-Z]{1,3})?) Device, Compiled\b.{0,400}\b(?:Digital China Networks|DCN|Yunke China)\b
  set      class=switch surveillance=no model=$1
  tier     model
  weight   0.7
  source   DCN (Digital China Networks) S4600/S5750/CS6200 switch configuration guides ("show version": "<model> Device, Compiled ... SoftWare Version ... Copyright (C) ... by Digital China Networks Limited"); DCN's S-series are Ethernet switches
  example  "S5750E-28X-SI Device, Compiled Jan 01 2018 SoftWare Version 7.0.3.5 Copyright (C) 2001-2018 by Digital China Networks Limited." => class=switch model=S5750E-28X-SI
  example! "S4600-52P-SI Device"

# ---- broadband access (OLT, MSAN): network equipment, not a router ------

rule olt-product-lines
  on       snmp.sysdescr
  match    ^\s*(?:(C3[0-2]0|C6[0-9]0) Version V[0-9].{0,60}\bZTE\b|(AN55[0-9]{2}-[0-9]{2}[A-Z]?)\s*$|BDCOM\(tm\) ((?:GP|EP)[0-9]{4}[A-Z0-9-]{0,6}) Software|ROAP\s+Version (ISCOM[0-9]{4}[A-Z0-9-]{0,8}))
  set      class=other surveillance=no
  tier     model
  weight   0.7
  source   vendors' OLT product documentation: ZTE ZXA10 C300/C320/C600 OLT, FiberHome AN5516-01/-04/-06 OLT, BDCOM GP3600/EP3600 series GPON/EPON OLT, Raisecom ISCOM5508 EPON OLT (optical line terminals: broadband access equipment)
  example  "C300 Version V2.0.0 Software, Copyright (c) by ZTE Corporation" => class=other
  example  "AN5516-06" => class=other
  example  "BDCOM(tm) EP3608 Software, Version 10.1.0B" => class=other
  example! "C3 Corvette"

# ---- printers -----------------------------------------------------------

rule sysdescr-print-server
  on       snmp.sysdescr
  match    (?<![A-Za-z])Print Server(?![A-Za-z])|^ZebraNet\b
  flags    i
  set      class=printer surveillance=no
  tier     role
  weight   0.65
  source   RFC 1213 sysDescr: print servers name themselves (D-Link DP-300U/DP-301U print server manuals, Epson network interface sysDescr "EPSON Built-in ... Print Server", Zebra ZebraNet 10/100 and ZebraNet Wireless Print Server user guides)
  example  "D-Link DP-301U Print Server" => class=printer
  example  "ZebraNet Wireless PS" => class=printer
  example! "Printer Friendly Web Server"

rule epson-builtin-network-interface
  on       snmp.sysdescr
  match    ^EPSON Built-in\b
  set      class=printer surveillance=no manufacturer=Epson@0.6
  tier     model
  weight   0.6
  source   Epson Network Guide (printers' built-in network interface: SNMP sysDescr "EPSON Built-in <interface>"); the network interface of Epson printers and multifunction printers
  example  "EPSON Built-in" => class=printer
  example! "EPSON Projector"

rule hp-printer-product-words
  on       http.title http.body upnp.model snmp.sysdescr mdns.instance
  match    (?<![A-Za-z0-9])HP (?:Color )?(?:LaserJet|OfficeJet|DeskJet|DesignJet|PageWide|Smart Tank|Photosmart)\b
  flags    i
  set      class=printer surveillance=no manufacturer=HP@0.6
  tier     model
  weight   0.7
  source   HP printer product lines (hp.com: LaserJet, OfficeJet, DeskJet, DesignJet, PageWide, Smart Tank, Photosmart printers and MFPs); HP's embedded web server titles and its device data name the product
  example  "HP Color LaserJet MFP M477fdw" => class=printer
  example  "<title>HP OfficeJet Pro 9010 series</title>" => class=printer
  example! "HP ProLiant DL380 Gen10"

rule hp-imaging-schema
  on       http.body hik.isapi
  match    xmlns(?::[a-z]{1,10})?="http://www\.hp\.com/schemas/imaging/
  set      class=printer surveillance=no manufacturer=HP@0.6
  tier     role
  weight   0.7
  source   HP LEDM (Low-End Data Model) printer web services: /DevMgmt/ProductConfigDyn.xml and /DevMgmt/ProductStatusDyn.xml answer in the http://www.hp.com/schemas/imaging/con/... namespaces (HP printers' embedded web server)
  example  "<ProductConfigDyn xmlns=\"http://www.hp.com/schemas/imaging/con/ledm/productconfigdyn/2007/11/19\">" => class=printer
  example! "<DeviceInfo xmlns=\"http://www.hikvision.com/ver20/XMLSchema\">"

rule hp-compact-server-header
  on       http.server
  match    ^\s*HP_Compact_Server\b
  set      class=printer surveillance=no manufacturer=HP@0.6
  tier     role
  weight   0.6
  source   sane-airscan (alexpevzner/sane-airscan airscan-escl.c): HP MFPs whose eSCL web server answers "Server: HP_Compact_Server" need a "Host: localhost" quirk; the embedded web server of HP inkjet printers and MFPs
  example  "HP_Compact_Server" => class=printer
  example! "HP HTTP Server; HP ProLiant iLO"

rule ipp-server-header
  on       http.server
  match    (?<![A-Za-z])IPP-Server/[0-9]|(?:^|\s)IPP/[12]\.[0-9](?:\s|$)
  set      class=printer surveillance=no
  tier     role
  weight   0.55
  source   RFC 8011 (IPP/1.1 model and semantics; IPP over HTTP on port 631) and PWG 5100.14 IPP Everywhere: an HTTP server that names its IPP version is a printer's (or a print server's) IPP service
  example  "Canon_IPP-Server/1.0" => class=printer
  example  "CUPS/2.4 IPP/2.1" => class=printer
  example! "Apache/2.4.41 (Ubuntu)"

# ---- storage ------------------------------------------------------------

rule emc-storage-sysdescr
  on       snmp.sysdescr
  match    \bEMC Celerra File Server\b|^\s*(?:CX[0-9]{1,2}-[0-9]{2,3}[a-z]?|AX[0-9]-[0-9]{1,2}) - Flare [0-9]
  set      class=storage surveillance=no
  tier     model
  weight   0.7
  source   EMC Celerra Network Server documentation (Celerra File Server, NAS) and EMC CLARiiON CX3/CX4/AX4 storage systems (FLARE operating environment), EMC support documentation
  example  "Product: EMC Celerra File Server   Project: SNAS   Version: T6.0.41.3" => class=storage
  example  "CX4-120 - Flare 4.28.0.5.006" => class=storage
  example! "EMC Unisphere"

# ---- other network and facility equipment -------------------------------

rule sysdescr-access-point
  on       snmp.sysdescr
  match    ^\s*(?:Wireless )?(?:Access Point|AP)\s*$|(?<![A-Za-z])Wireless Access Point(?![A-Za-z])
  flags    i
  set      class=other surveillance=no
  tier     role
  weight   0.55
  source   RFC 1213 sysDescr (the entity's hardware type); a Wi-Fi access point that names itself so (EnGenius, TP-Link EAP and Cisco Aironet agents: "Wireless Access Point")
  example  "Wireless Access Point" => class=other
  example  "EAP245 Wireless Access Point" => class=other
  example! "Access Point Name"

rule sysdescr-ups
  on       snmp.sysdescr
  match    (?<![A-Za-z])(?:UPS|Uninterruptible Power Supply)(?![A-Za-z])
  set      class=other surveillance=no
  tier     role
  weight   0.5
  source   RFC 1628 (UPS MIB) and UPS network-card documentation (APC AP9630 "APC Web/SNMP Management Card ... UPS", Eaton Network-M2): a sysDescr naming a UPS is the power supply's agent
  example  "DC UPS 48V" => class=other
  example  "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.5.6 PN:apc_hw05_aos_656.bin AF1:v6.5.6 AN1:apc_hw05_sumx_656.bin MN:AP9630 HR:05 SN: XXX MD:01/01/2020) (Embedded PowerNet SNMP Agent SW v2.2 compatible) UPS" => class=other
  example! "UPSTREAM router"

rule akcp-sensorprobe
  on       snmp.sysdescr
  match    ^\s*sensorProbe[0-9]?\b
  flags    i
  set      class=other surveillance=no
  tier     model
  weight   0.7
  source   AKCP sensorProbe/sensorProbe2/sensorProbe4/sensorProbe8 user manuals (akcp.com: environmental monitoring units, temperature/humidity sensors)
  example  "sensorProbe2" => class=other
  example! "probe"

rule ip-pbx-and-softphone-agents
  on       sip.server
  match    ^\s*(?:Grandstream UCM[0-9]{4}|Bria(?: [0-9]| Solo| Enterprise| Teams)|X-Lite|Asterisk PBX|FPBX-|3CX(?:Phone)?\b|Yeastar)
  set      class=other surveillance=no
  tier     role
  weight   0.6
  source   Grandstream UCM6300 IP PBX manual (SIP Server "Grandstream UCM63xx"), CounterPath Bria/X-Lite softphone guides, Asterisk/FreePBX (useragent "Asterisk PBX", "FPBX-"), 3CX and Yeastar PBX docs: telephony servers and softphones
  example  "Grandstream UCM6302V1.3A 1.0.20.31" => class=other
  example  "Bria 6 release 6.5.1 stamp 109070" => class=other
  example  "Asterisk PBX 18.1.0" => class=other
  example! "Grandstream GDS3710 1.0.11.13"
  example! "DahuaVTO"

rule tandberg-video-conference-codec
  on       snmp.sysdescr
  match    ^TANDBERG (?:Codec|MXP)\b
  set      class=other surveillance=no
  tier     model
  weight   0.65
  source   TANDBERG (Cisco TelePresence) Codec C-series and MXP administrator guides: video-conferencing codecs
  example  "TANDBERG Codec Release TC7.3.6" => class=other
  example! "TANDBERG Data tape"

rule kasa-tapo-home-automation-type
  on       tplink.device-type tplink.malformed http.body
  match    (?:^\s*|"(?:mic_type|type|device_type)"\s*:\s*")(?:IOT\.SMART(?:PLUGSWITCH|BULB)|SMART\.(?:TAPOPLUG|TAPOBULB|KASAPLUG|KASASWITCH|TAPOSWITCH|TAPOENERGY|TAPOSENSOR))\b
  set      class=other surveillance=no manufacturer=TP-Link@0.6
  tier     role
  weight   0.65
  source   python-kasa docs (Kasa get_sysinfo "mic_type"/"type": IOT.SMARTPLUGSWITCH plugs and switches, IOT.SMARTBULB bulbs; Tapo "type" SMART.TAPOPLUG, SMART.TAPOBULB, SMART.KASASWITCH); softScheck "Reverse Engineering the TP-Link HS110"
  example  "IOT.SMARTPLUGSWITCH" => class=other
  example  "{\"system\":{\"get_sysinfo\":{\"type\":\"IOT.SMARTBULB\"}}}" => class=other
  example  "SMART.TAPOPLUG" => class=other
  example! "SMART.IPCAMERA"

rule ip-phone-vendor-class
  on       dhcp.vendor sip.server
  match    (?<![A-Za-z])(?:IP[- ]?Phone|IP[- ]?PHONE|Aastra ?IP|Polycom-(?:SoundPoint|VVX|SoundStation)|Cisco Systems, Inc\. IP Phone)(?![a-z])
  set      class=other surveillance=no
  tier     role
  weight   0.55
  source   IP phones' DHCP option 60 vendor classes (Cisco Unified IP Phone administration guide: "Cisco Systems, Inc. IP Phone CP-<model>"; Mitel/Aastra SIP phone admin guide; Polycom UC Software admin guide) and SIP agents naming an IP phone
  example  "Cisco Systems, Inc. IP Phone CP-7962G" => class=other
  example  "Aastra IP-Phone" => class=other
  example! "udhcp 1.24.1"
  example! "IP Camera"
  example! "Linphone/4.4 (iPhone)"

rule traffic-manager-and-transport
  on       snmp.sysdescr
  match    (?<![A-Za-z])(?:Advanced Traffic Manager|Application Delivery Controller|Fiber Service Platform|FSP ?150[A-Z]{0,3}-[A-Z0-9-]{2,12}|FSP ?3000)(?![a-z])
  set      class=other surveillance=no
  tier     model
  weight   0.65
  source   A10 Networks ACOS documentation (AX Series Advanced Traffic Manager, Thunder application delivery controllers) and ADVA FSP 150 / FSP 3000 Fiber Service Platform documentation (Ethernet access and optical transport): network infrastructure
  example  "AX Series Advanced Traffic Manager AX2500, ACOS 2.7.2" => class=other
  example  "FSP150CC-825" => class=other
  example! "Service Platform"
