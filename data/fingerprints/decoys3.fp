# decoys3.fp: what non-surveillance network devices are, from the system
# description (SNMP sysDescr) their firmware reports (issue #11 §1: class
# from evidence; a router, switch, printer or NAS on a camera LAN must
# not come out as a camera, nor as a bare "other").  Round 1 (decoys.fp,
# decoys2.fp, snmp-decoy-os) said only "other" for IOS, JUNOS, Jetdirect
# and Brother print servers; these rules give the product class, at tier
# model (a platform or model family), so they outrank that default.
# Each sysDescr layout is the vendor's own (its command reference or
# MIB documentation, as named in each rule).  Format: docs/fingerprints.md.

rule cisco-ios-catalyst-switch
  on       snmp.sysdescr banner
  match    ^Cisco IOS Software,?\s+(?:\[[A-Za-z]+\],?\s+)?(C29[56]0[A-Z]{0,3}|C29[56]0[A-Z]{1,3}-[A-Z]{1,3}|C3[56][0-9]0[A-Z]{0,3}|C3750[A-Z]{0,2}|C3850|C4[59]00[A-Z]{0,2}|C6[58]00|C9[0-9]00|CAT9K(?:_IOSXE)?|cat9k_iosxe|cat3k_caa|IE[0-9]{4}|Catalyst L3 Switch)\s+Software
  set      manufacturer=Cisco@0.6 class=switch surveillance=no
  tier     model
  weight   0.75
  source   Cisco IOS "show version"/sysDescr banner ("Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE"), Cisco Catalyst 2960/3750/9300 software configuration guides and release notes
  example  "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE, RELEASE SOFTWARE (fc2)" => class=switch manufacturer=Cisco
  example  "Cisco IOS Software, C3750E Software (C3750E-UNIVERSALK9-M), Version 15.0(2)SE" => class=switch
  example  "Cisco IOS Software [Fuji], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 16.9.5" => class=switch
  example! "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M6"
  example! "Cisco IOS Software, ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4"

rule cisco-ios-router
  on       snmp.sysdescr banner
  match    ^Cisco IOS Software,?\s+(?:\[[A-Za-z]+\],?\s+)?(C8[0-9]{2}|C8[0-9]{2}VA|C(?:19|29|39)00|C7200|ISR|ASR1000|CSR1000V|C1100)\s+Software
  set      manufacturer=Cisco@0.6 class=router surveillance=no
  tier     model
  weight   0.75
  source   Cisco IOS "show version"/sysDescr banner of ISR and ASR routers ("Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M)"; IOS XE "ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M)"), Cisco ISR 1900/2900/3900 and 4000 release notes
  example  "Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M6" => class=router
  example  "Cisco IOS Software, ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4" => class=router
  example  "Cisco IOS Software, C880 Software (C880DATA-UNIVERSALK9-M), Version 15.1(3)T4" => class=router
  example! "Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE"

rule cisco-nxos-switch
  on       snmp.sysdescr banner
  match    ^Cisco NX-OS(?:\(tm\))?\s+(n[0-9]{4}|n[0-9]k|[a-z0-9]{2,12}),
  set      manufacturer=Cisco@0.6 class=switch surveillance=no
  tier     model
  weight   0.75
  source   Cisco Nexus NX-OS sysDescr/show version banner ("Cisco NX-OS(tm) n9000, Software (n9000-dk9)"), Cisco Nexus 9000 Series NX-OS command references
  example  "Cisco NX-OS(tm) n9000, Software (n9000-dk9), Version 7.0(3)I7(6)" => class=switch
  example  "Cisco NX-OS(tm) n5000, Software (n5000-uk9), Version 7.3(2)N1(1)" => class=switch
  example! "Cisco IOS Software, C2960 Software"

rule cisco-asa-firewall
  on       snmp.sysdescr banner
  match    ^Cisco (?:Adaptive Security Appliance|Firepower Threat Defense)(?:\b|(?=_))
  set      manufacturer=Cisco@0.6 class=router surveillance=no
  tier     model
  weight   0.7
  source   Cisco ASA sysDescr/show version banner ("Cisco Adaptive Security Appliance Version 9.8(4)"), Cisco ASA Series general operations configuration guide; a firewall gateway is classed router (the class list has no firewall)
  example  "Cisco Adaptive Security Appliance Version 9.8(4)" => class=router
  example! "Cisco IOS Software, C2960 Software"

rule juniper-junos-switch
  on       snmp.sysdescr
  match    ^Juniper Networks, Inc\.\s+((?:ex|qfx)[0-9]{3,5}[a-z0-9-]{0,16})(?:\b|(?=_))
  flags    i
  set      manufacturer=Juniper@0.6 model=$1 class=switch surveillance=no
  tier     model
  weight   0.75
  source   Juniper JUNOS sysDescr layout ("Juniper Networks, Inc. ex2200-24t-4g Ethernet Switch, kernel JUNOS 12.3R12.4"), Junos OS network management and monitoring guide (MIB-II system group)
  example  "Juniper Networks, Inc. ex2200-24t-4g Ethernet Switch, kernel JUNOS 12.3R12.4" => class=switch model=ex2200-24t-4g
  example  "Juniper Networks, Inc. qfx5100-48s-6q Ethernet Switch, kernel JUNOS 17.3R3" => class=switch
  example! "Juniper Networks, Inc. srx300 internet router, kernel JUNOS 15.1X49"

rule juniper-junos-router
  on       snmp.sysdescr
  match    ^Juniper Networks, Inc\.\s+((?:srx|mx|acx|ptx|j)[0-9]{2,5}[a-z0-9-]{0,16})(?:\b|(?=_))
  flags    i
  set      manufacturer=Juniper@0.6 model=$1 class=router surveillance=no
  tier     model
  weight   0.75
  source   Juniper JUNOS sysDescr layout ("Juniper Networks, Inc. srx300 internet router, kernel JUNOS 15.1X49"; mx480, acx2100), Junos OS network management and monitoring guide
  example  "Juniper Networks, Inc. srx300 internet router, kernel JUNOS 15.1X49-D170.4" => class=router model=srx300
  example  "Juniper Networks, Inc. mx480 internet router, kernel JUNOS 18.2R3" => class=router
  example! "Juniper Networks, Inc. ex2200-24t-4g Ethernet Switch"

rule snmp-sysdescr-switch-word
  on       snmp.sysdescr
  match    (?:^|[\s,])(?:[A-Za-z+/-]*[0-9][A-Za-z0-9+/-]*\s|(?:Ethernet|Managed|Smart|PoE\+?|Gigabit|Stackable|L2|L3)\s)Switch(?:[\s,]|$)
  set      class=switch surveillance=no
  tier     role
  weight   0.6
  source   sysDescr that names the device a switch: HPE ProCurve/Aruba ("ProCurve J9280A Switch 2510G-48, revision Y.11.16"), Juniper ("... Ethernet Switch, kernel JUNOS"), TP-Link JetStream ("L2 Managed Switch"); vendors' MIB-II docs
  example  "ProCurve J9280A Switch 2510G-48, revision Y.11.16, ROM Y.11.12" => class=switch
  example  "Aruba JL253A 2930F-24G-4SFP+ Switch, revision WC.16.10.0003" => class=switch
  example  "HP J9772A 2530-48G-PoEP Switch, revision YA.16.02.0012" => class=switch
  example! "Nintendo Switch"
  example! "switch"
  example! "SwitchBot Hub"

rule hp-jetdirect-printer
  on       snmp.sysdescr banner
  match    ^HP ETHERNET MULTI-ENVIRONMENT\b|\bJETDIRECT(?:\b|(?=_))
  set      manufacturer=HP@0.6 class=printer surveillance=no
  tier     model
  weight   0.8
  source   HP Jetdirect print server sysDescr ("HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI23900"), HP Jetdirect Print Servers administrator's guide (SNMP)
  example  "HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI23900" => class=printer
  example  "HP ETHERNET MULTI-ENVIRONMENT,SN:CN12345,FN:ABC,SVCID:123" => class=printer
  example! "HP J9772A 2530-48G-PoEP Switch"

rule brother-print-server
  on       snmp.sysdescr banner
  match    ^Brother NC-[0-9A-Za-z]{2,8}(?:\b|(?=_))
  set      manufacturer=Brother@0.6 class=printer surveillance=no
  tier     model
  weight   0.8
  source   Brother network print server sysDescr ("Brother NC-8300h, Firmware Ver.1.06 (11.05.19),MID 8C5-F42,FID 2"), Brother Network User's Guide (NC-xxxx print/scan servers)
  example  "Brother NC-8300h, Firmware Ver.1.06  (11.05.19),MID 8C5-F42,FID 2" => class=printer
  example  "Brother NC-340h, Firmware Ver.1.17" => class=printer
  example! "Brother HL-L2350DW"

rule epson-print-server
  on       snmp.sysdescr banner
  match    ^EPSON Built-in\b.{0,60}\bPrint Server(?:\b|(?=_))
  set      manufacturer=Epson@0.6 class=printer surveillance=no
  tier     model
  weight   0.8
  source   Epson network interface sysDescr ("EPSON Built-in 11b/g/n Print Server"), Epson network guide (SNMP)
  example  "EPSON Built-in 11b/g/n Print Server" => class=printer
  example  "EPSON Built-in 10Base-T/100Base-TX Print Server" => class=printer
  example! "EPSON Scan"

rule sharp-mfp
  on       snmp.sysdescr
  match    ^SHARP MX-[A-Z]?[0-9]{3,4}[A-Z]{0,3}(?:\b|(?=_))
  flags    i
  set      manufacturer=Sharp@0.6 class=printer surveillance=no
  tier     model
  weight   0.75
  source   Sharp MX-series multifunction printers' sysDescr ("SHARP MX-3070N"), Sharp MX operation manual (SNMP settings)
  example  "Sharp MX-3070N" => class=printer
  example  "SHARP MX-M905" => class=printer
  example! "SHARP AQUOS"

rule nas-sysdescr-storage
  on       snmp.sysdescr
  match    ^Linux (?:DiskStation|RackStation|NAS|TS-[0-9]{3,4}[A-Za-z+]{0,4}) [0-9]+\.[0-9]+\.[0-9]+(?:-qnap)?\b|^Linux [A-Za-z0-9-]{1,30} [0-9]+\.[0-9]+\.[0-9]+-qnap(?:\b|(?=_))
  set      class=storage surveillance=no
  tier     role
  weight   0.65
  source   Synology DSM SNMP sysDescr with the default host names DiskStation/RackStation ("Linux DiskStation 3.10.105 #25556 SMP"), Synology DSM MIB guide; QNAP QTS kernels tagged -qnap ("Linux NAS 4.14.24-qnap #1 SMP")
  example  "Linux DiskStation 3.10.105 #25556 SMP Thu Mar 4 17:59:46 CST 2021 x86_64" => class=storage
  example  "Linux NAS 4.14.24-qnap #1 SMP Wed Mar 2 2022 x86_64" => class=storage
  example  "Linux office-nas 5.10.60-qnap #1 SMP" => class=storage
  example! "Linux raspberrypi 5.10.103-v7l+ #1529 SMP armv7l"
  example! "Linux DS-7608NI-K2"

rule dell-networking-switch
  on       snmp.sysdescr
  match    ^Dell (?:EMC )?Networking (?:N[0-9]{4}[A-Z]{0,2}|S[0-9]{4}[A-Z-]{0,4}|OS[0-9]{0,2})(?:\b|(?=_))
  set      manufacturer=Dell@0.6 class=switch surveillance=no
  tier     model
  weight   0.7
  source   Dell EMC Networking N-series and OS9/OS10 switches' sysDescr ("Dell EMC Networking N1548P", "Dell Networking OS Version 9.14"), Dell EMC Networking N-Series user guide
  example  "Dell EMC Networking N1548P, 6.6.3.10, Linux 4.14.138" => class=switch
  example  "Dell Networking OS Version 9.14" => class=switch
  example! "Dell Inc. PowerEdge R740"

rule h3c-ruijie-switch
  on       snmp.sysdescr
  match    (?<![A-Za-z0-9])(?:H3C (S[0-9]{4}[A-Z]{0,3}(?:-[0-9]{1,3}[A-Z]{0,4}){0,2}(?:-[A-Z]{1,4})?)|Ruijie Networks.{0,60}\b(RG-S[0-9]{4}[A-Z0-9-]{0,12}))(?:\b|(?=_))
  set      class=switch surveillance=no
  tier     model
  weight   0.7
  source   H3C Comware sysDescr naming the S-series switch ("H3C Comware Platform Software ... H3C S5130S-28S-EI"); Ruijie RGOS sysDescr with RG-S switch models; H3C S5130S-EI and Ruijie RG-S2900 series installation/configuration guides
  example  "H3C Comware Platform Software, Software Version 7.1.064, Release 3208P08 H3C S5130S-28S-EI" => class=switch
  example  "Ruijie General Operating System Software Release 11.4(1)B12P10,Ruijie Networks RG-S2910-24GT4XS-E" => class=switch
  example! "H3C Comware Platform Software"
  example! "H3C MSR3620"

rule netgear-zyxel-switch-model
  on       snmp.sysdescr http.title upnp.model
  match    ^\s*(?:NETGEAR\s+)?((?:GS|GSM|XS)[0-9]{3}[A-Z]{0,4}(?:v[0-9])?|M4[0-9]{3}-[0-9A-Z]{2,10})\s*$|^\s*(?:ZyXEL|Zyxel)\s+(GS[0-9]{4}-[0-9]{1,2}[A-Z]{0,4}(?:v[0-9])?|XGS[0-9]{4}-[0-9]{1,2}[A-Z]{0,4})(?:\b|(?=_))
  set      class=switch surveillance=no
  tier     model
  weight   0.65
  source   Netgear switch model schemes (GS108T, GS724TP, GSM7248, XS712T, M4300-52G): Netgear ProSAFE/Smart switch datasheets; Zyxel GS1920/XGS2210 switch datasheets (sysDescr is the model name)
  example  "GS108Tv3" => class=switch
  example  "NETGEAR GS724TPv2" => class=switch
  example  "Zyxel GS1920-24HPv2" => class=switch
  example! "GS10"
  example! "DS-7608NI-K2"

# Not on ssdp.st: an M-SEARCH request's ST is read into ssdp.st too, and
# a camera looking for a gateway (UPnP port mapping) or a recorder looking
# for cameras sends one; a USN comes only from the device that offers it.
rule upnp-igd-router
  on       ssdp.usn upnp.device-type
  match    urn:schemas-upnp-org:device:(?:InternetGatewayDevice|WANDevice|WANConnectionDevice):[0-9]
  flags    i
  set      class=router surveillance=no
  tier     role
  weight   0.6
  source   UPnP Forum InternetGatewayDevice:1 and :2 device templates (the IGD root device with WANDevice and WANConnectionDevice is a residential gateway/router); a device answering as one is the gateway
  example  "urn:schemas-upnp-org:device:InternetGatewayDevice:1" => class=router
  example  "uuid:abc::urn:schemas-upnp-org:device:WANConnectionDevice:1" => class=router
  example! "urn:schemas-upnp-org:device:MediaRenderer:1"
  example! "urn:schemas-upnp-org:service:WANIPConnection:1"

rule upnp-printer-device
  on       ssdp.usn upnp.device-type
  match    urn:schemas-upnp-org:device:Printer:[0-9]
  flags    i
  set      class=printer surveillance=no
  tier     role
  weight   0.6
  source   UPnP Forum Printer:1 device template (PrintBasic/PrintEnhanced services)
  example  "urn:schemas-upnp-org:device:Printer:1" => class=printer
  example! "urn:schemas-upnp-org:device:Basic:1"

rule router-model-family
  on       upnp.model upnp.model-number upnp.friendly-name http.title snmp.sysdescr
  match    (?<![A-Za-z0-9])(?:NETGEAR\s+(?:Router\s+)?(R[6-9][0-9]{3}[A-Z]{0,2}|RAX[0-9]{2,3}[A-Z]{0,2}|RBR[0-9]{2,3})|ASUS\s+(?:Wireless\s+Router\s+)?(RT-[A-Z]{1,3}[0-9]{2,5}[A-Z]{0,3}|GT-[A-Z]{1,3}[0-9]{4,5})|(FRITZ!Box\s[0-9]{4}[A-Za-z ]{0,10}))(?![A-Za-z0-9])|^\s*(R[6-9][0-9]{3}|RAX[0-9]{2,3}|RT-AC[0-9]{2,4}[A-Z]?|RT-AX[0-9]{2,4}[A-Z]?)\s*$
  set      class=router surveillance=no
  tier     model
  weight   0.65
  source   Netgear Nighthawk router model scheme (R6400, R7000, RAX50, Orbi RBR50) and ASUS router scheme (RT-AC68U, RT-AX88U, GT-AX11000) from their product/support pages; AVM FRITZ!Box 7590 product page
  example  "NETGEAR Router R7000" => class=router
  example  "ASUS Wireless Router RT-AC68U - Login" => class=router
  example  "R7000" => class=router
  example  "FRITZ!Box 7590" => class=router
  example! "R700"
  example! "RT-"

rule nas-model-family
  on       upnp.model upnp.model-number upnp.friendly-name http.title
  match    ^\s*(?:Synology\s+)?((?:DS|RS)[0-9]{3,4}(?:\+|j|play|xs\+?|RP\+)?)\s*$|^\s*(?:QNAP\s+)?((?:TS|TVS|TBS|TS-h)-?[0-9]{3,4}[A-Z]{0,3}(?:\+)?(?:-[0-9]{1,2}G)?)\s*$
  set      class=storage surveillance=no
  tier     model
  weight   0.6
  source   Synology DiskStation/RackStation model scheme (DS918+, DS220j, RS1221+; synology.com product pages) and QNAP Turbo NAS scheme (TS-453D, TVS-872XT; qnap.com product pages), as UPnP modelName
  example  "DS918+" => class=storage
  example  "Synology DS220j" => class=storage
  example  "TS-453D" => class=storage
  example  "QNAP TVS-872XT" => class=storage
  example! "DS-7608NI-K2"
  example! "DS918+ camera"

rule printer-model-family
  on       upnp.model upnp.model-number upnp.friendly-name snmp.sysdescr
  match    ^\s*(?:Brother\s+)?((?:HL|MFC|DCP)-[A-Z]?[0-9]{3,4}[A-Z]{0,4})(?:\s+series)?\b|^\s*(?:HP\s+)?((?:Color\s+)?(?:LaserJet|OfficeJet|DeskJet|ENVY|PageWide|DesignJet)\b[ A-Za-z0-9-]{0,40})
  set      class=printer surveillance=no
  tier     model
  weight   0.65
  source   Brother printer model scheme (HL-L2350DW, MFC-L2710DW, DCP-L2550DW; brother product pages) and HP printer lines (LaserJet, OfficeJet, DeskJet, ENVY, PageWide, DesignJet; hp.com), as UPnP modelName or sysDescr
  example  "HL-L2350DW series" => class=printer
  example  "HP LaserJet MFP M426fdw" => class=printer
  example  "Brother MFC-L2710DW" => class=printer
  example! "HLS-2350"
  example! "HP ProCurve Switch"

rule mdns-printer-service
  on       mdns.service
  match    ^_(?:ipp|ipps|printer|pdl-datastream|uscan|uscans)\._tcp(?:\b|(?=_))
  set      class=printer surveillance=no
  tier     role
  weight   0.6
  source   Apple Bonjour Printing Specification v1.2.1 (_ipp._tcp, _printer._tcp LPR, _pdl-datastream._tcp raw port 9100); PWG 5100.14 IPP Everywhere and PWG eSCL (_uscan._tcp); IANA service-name registry
  example  "_ipp._tcp.local" => class=printer
  example  "_pdl-datastream._tcp.local" => class=printer
  example! "_rtsp._tcp.local"
  example! "_smb._tcp.local"

rule miniupnpd-gateway
  on       ssdp.server http.server
  match    \bminiupnpd/[0-9]
  flags    i
  set      class=router surveillance=no
  tier     role
  weight   0.55
  source   MiniUPnP project (miniupnp.free.fr): miniupnpd is the UPnP IGD / NAT-PMP / PCP daemon of routers and gateways (OpenWrt, pfSense, OPNsense, ASUS firmware); its SSDP SERVER token is miniupnpd/<version>
  example  "Linux/3.10 UPnP/1.1 MiniUPnPd/2.1" => class=router
  example  "ASUSTeK UPnP/1.0 MiniUPnPd/1.9" => class=router
  example! "miniupnpc/2.0"
  example! "Linux UPnP/1.0 Portable SDK"

rule hue-bridge
  on       ssdp.server http.server upnp.model upnp.friendly-name
  match    (?<![A-Za-z0-9])IpBridge/[0-9]|\bPhilips hue bridge(?:\b|(?=_))
  flags    i
  set      manufacturer=Signify@0.5 class=other surveillance=no
  tier     model
  weight   0.6
  source   Philips Hue bridge SSDP SERVER token IpBridge/<api version> and UPnP modelName "Philips hue bridge 2015" (Philips Hue developer documentation, bridge discovery)
  example  "FreeRTOS/6.0.5, UPnP/1.0, IpBridge/1.26.0" => class=other
  example  "Philips hue bridge 2015" => class=other
  example! "Bridge"
