# Decoys, second batch (issue #3): non-camera devices found next to cameras,
# especially those sold by makers that also make cameras (Canon printers,
# Panasonic phones, Sony TVs, D-Link routers, Grandstream phones, Ubiquiti
# network gear), so that they are not called surveillance equipment.
# Sources are the devices' own UI / product naming.  Format:
# docs/fingerprints.md.

rule decoy-grandstream-phone
  on       http.title http.server sip.server upnp.model onvif.model gb.model snmp.sysdescr
  match    \b(?:GXP[0-9]{4}|GRP[0-9]{4}|GXV3[0-4][0-9]{2}|HT[0-9]{3}|DP7[0-9]{2}|WP8[0-9]{2}|UCM[0-9]{4}|GWN7[0-9]{3})(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: Grandstream desk/video phones (GXP, GRP, GXV3140-3480), ATAs (HT8xx), DECT (DP7xx), PBX (UCM) and APs (GWN)
  example  "Grandstream GXP2170" => class=other
  example  "GXV3370"
  example! "GXV3610_HD"

rule decoy-canon-printer
  on       http.title http.server snmp.sysdescr upnp.model mdns.instance mdns.txt
  match    \bCanon (?:iR(?:-ADV)?|imageRUNNER|imageCLASS|MF[0-9]{3,4}|LBP[0-9]{3,4}|PIXMA|MAXIFY|TS[0-9]{4}|G[0-9]{4}|i-SENSYS|imagePROGRAF|SELPHY)|\bCanon HTTP Server\b|\bCANON HTTP Server(?:\b|(?=_))
  flags    i
  set      class=printer surveillance=no
  weight   0.75
  source   field knowledge: Canon printers/MFPs (imageRUNNER ADVANCE, i-SENSYS MF/LBP, PIXMA, MAXIFY) and their "Canon HTTP Server"
  example  "Canon iR-ADV C5535" => class=printer
  example  "Canon MF743C/744C"
  example! "Network Camera VB-M40"

rule decoy-panasonic-office
  on       http.title http.server snmp.sysdescr upnp.model sip.server
  match    \bKX-(?:NS|NSX|TDE|TDA|NCP|HDV|HTS|UT|TGP|MB|MC|DT|TGE)[0-9]{2,4}|\bPanasonic (?:KX-|VIERA|Viera|Let's note|Toughbook)|\bVIERA(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: Panasonic PBXs (KX-NS/TDE), SIP phones (KX-HDV/UT/TGP), MFPs (KX-MB), VIERA TVs
  example  "Panasonic KX-HDV230" => class=other
  example  "KX-NS1000"
  example! "WV-S1131"

rule decoy-sony-consumer
  on       http.title http.server upnp.model upnp.friendly-name snmp.sysdescr ssdp.server mdns.instance
  match    \bBRAVIA\b|\bPlayStation\b|\bSony (?:TV|STR-|HT-|SRS-|UBP-|BDP-)|\bKD-[0-9]{2}[A-Z][0-9]{2,4}[A-Z]?\b|\bXR-[0-9]{2}[A-Z][0-9]{2}[A-Z]
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: Sony BRAVIA TVs (KD-/XR- models), PlayStation, AV receivers and players
  example  "BRAVIA KD-55X85J" => class=other
  example  "KD-55X85J"
  example! "SNC-VB770"

rule decoy-dlink-network
  on       http.title http.realm http.server upnp.model upnp.model-number snmp.sysdescr
  match    \b(?:DIR|DAP|DES|DGS|DXS|DWR|DSL|DWL|DCH|DSR|DNS|DWA|COVR|DBA|DMS)-[0-9]{3,4}[A-Z0-9]{0,4}(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: D-Link routers (DIR), access points (DAP/DWL/DBA), switches (DES/DGS/DXS), modems (DSL/DWR), NAS (DNS)
  example  "DIR-842" => class=other
  example  "DGS-1210-28"
  example! "DCS-930L"

rule decoy-ubiquiti-network
  on       http.title http.server upnp.model upnp.model-number snmp.sysdescr mdns.txt ssdp.server dhcp.vendor
  match    \b(?:UAP-[A-Za-z0-9-]{2,20}|U6-[A-Za-z0-9-]{2,12}|U7-[A-Za-z0-9-]{2,12}|USW-[A-Za-z0-9-]{2,20}|UDM(?:-Pro|-SE)?|UDR|UXG-[A-Za-z]{2,10}|USG-[A-Za-z0-9-]{2,10}|UniFi (?:Network|Dream Machine|Dream Router|Switch|AP|Access Point|OS)|EdgeRouter|EdgeSwitch|EdgeOS|airMAX|airOS|AirOS|AirFiber|UISP)(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.65
  source   field knowledge: Ubiquiti UniFi network gear (UAP, U6, USW, UDM, USG), EdgeMAX and airMAX/airOS
  example  "UniFi Network" => class=other
  example  "UAP-AC-PRO"
  example! "UVC-G4-Bullet"

rule decoy-tplink-network
  on       http.title http.server upnp.model upnp.model-number snmp.sysdescr
  match    \b(?:Archer [A-Z]{1,2}[0-9]{1,4}|Deco [A-Z]{1,2}[0-9]{1,3}|TL-(?:WR|SG|SF|WA|MR|ER|SX|PA)[0-9]{3,4}[A-Z]{0,3}|EAP[0-9]{3}|Omada (?:Controller|Gateway|Switch))(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: TP-Link routers (Archer, Deco), switches (TL-SG), access points (EAP, Omada)
  example  "Archer C7" => class=other
  example  "TL-SG108E"
  example! "Tapo C200"

rule decoy-ups-cards
  on       http.title http.server snmp.sysdescr upnp.model
  match    \bAPC Web/SNMP Management Card\b|\bNetwork Management Card\b|\bPowerChute\b|\bSmart-UPS\b|\bEaton (?:Network-M[23]|Gigabit Network Card|ConnectUPS|[0-9]{1,2}[A-Z]{1,3})\b|\bNetwork-M2\b|\bCyberPower\b|\bRMCARD[0-9]{3}\b|\bVertiv\b|\bLiebert\b|\bIS-UNITY(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: UPS network cards (APC NMC / Smart-UPS, Eaton Network-M2, CyberPower RMCARD, Vertiv/Liebert IS-UNITY)
  example  "APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2)" => class=other
  example  "Eaton Network-M2"
  example! "Network Camera"

rule decoy-nas
  on       http.title http.server upnp.model upnp.model-number snmp.sysdescr mdns.instance
  match    ^\s*(?:WD )?My Cloud\b|\bMyCloud(?:EX2|PR[0-9]{4}|Home)\b|\bTeraStation\b|\bLinkStation\b|\bASUSTOR\b|\bADM\s[0-9]\.[0-9]|\bTrueNAS\b|\bFreeNAS\b|\bReadyNAS\b|\bTerraMaster\b|\bUnraid\b|\bOpenMediaVault(?:\b|(?=_))
  flags    i
  set      class=storage surveillance=no
  weight   0.7
  source   field knowledge: NAS web UIs (WD My Cloud, Buffalo TeraStation/LinkStation, ASUSTOR ADM, TrueNAS, ReadyNAS, TerraMaster, Unraid, OpenMediaVault)
  example  "WD My Cloud" => class=storage
  example  "TrueNAS"
  example! "Cloud Camera"

rule decoy-wifi-ap-controllers
  on       http.title http.server snmp.sysdescr
  match    \b(?:Aruba Instant|ArubaOS|Aruba AP|Instant On|Ruckus (?:Wireless|Unleashed|SmartZone)|Unleashed|Meraki|Cisco (?:Aironet|Catalyst|Business)|Cisco Meraki|Mist AP|Cambium (?:Networks|cnPilot)|cnPilot|EnGenius|Netgear (?:Insight|Orbi)|Orbi|Omada)(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.65
  source   field knowledge: Wi-Fi access points and controllers (Aruba Instant, Ruckus Unleashed, Meraki, Cisco Aironet, Cambium cnPilot, EnGenius, Orbi)
  example  "Ruckus Unleashed" => class=other
  example  "Cisco Aironet 2800 Series"
  example! "Network Video Recorder"

rule decoy-firewalls-routers
  on       http.title http.server snmp.sysdescr banner
  match    \b(?:pfSense|OPNsense|SonicWALL|SonicOS|WatchGuard|Fireware|Sophos (?:XG|UTM|Firewall)|FortiGate|FortiOS|DrayTek|Vigor[0-9]{3,4}|Check Point Gaia|PAN-OS|GlobalProtect|Mikrotik|RouterOS|FRITZ!Box|Huawei HG[0-9]{4}|EchoLife|HUAWEI Home Gateway|ZTE ZXHN|ZXHN [A-Z][0-9]{3}|MiWiFi|Speedport|Livebox|Freebox|Sagemcom|Technicolor|AVM FRITZ)(?:\b|(?=_))
  set      class=router surveillance=no
  weight   0.65
  source   field knowledge: firewall and home/ISP router UIs (pfSense, OPNsense, SonicWALL, WatchGuard, Sophos, FortiGate, DrayTek Vigor, Huawei EchoLife, ZTE ZXHN, Xiaomi MiWiFi, FRITZ!Box)
  example  "pfSense - Login" => class=router
  example  "HUAWEI Home Gateway HG8245H"
  example! "HUAWEI IPC6325"

rule decoy-server-bmc
  on       http.title http.server snmp.sysdescr
  match    \b(?:HP-iLO-Server|iLO [3-7]\b|Integrated Lights-Out|iDRAC[0-9]{0,2}|Supermicro BMC|IPMI|Lenovo XClarity|XClarity Controller|IMM2|ESXi|VMware ESXi|vSphere|Proxmox)(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.7
  source   field knowledge: server management controllers and hypervisors (HPE iLO, Dell iDRAC, Supermicro IPMI, Lenovo XClarity, VMware ESXi, Proxmox)
  example  "HP-iLO-Server/1.30" => class=other
  example  "iDRAC9"
  example! "IP Camera"

rule decoy-smart-tv-media
  on       http.title http.server ssdp.server upnp.model upnp.friendly-name upnp.manufacturer mdns.instance
  match    \b(?:webOS TV|LG Smart TV|\[LG\] webOS|Samsung (?:Smart TV|TV)|Tizen TV|Roku/[0-9]|Roku (?:Ultra|Express|Streaming Stick)|Android TV|Google TV|Chromecast|Apple TV|Fire TV|FireTV|SHIELD Android TV|Philips TV|Hisense|TCL TV|Sonos|Kodi|Plex Media Server)(?:\b|(?=_))
  set      class=other surveillance=no
  weight   0.65
  source   field knowledge: smart TVs and media players (LG webOS, Samsung Tizen, Roku, Android/Google TV, Chromecast, Apple TV, Fire TV, Sonos, Kodi, Plex)
  example  "Roku/9.4.0 UPnP/1.0 Roku/9.4.0" => class=other
  example  "[LG] webOS TV OLED55C1"
  example! "DVR Web Viewer"

rule decoy-printers-more
  on       http.title http.server snmp.sysdescr upnp.model mdns.instance
  match    ^KM-MFP-http/|\bbizhub\b|\bKONICA MINOLTA\b|^Xerox_MicroServer|\bXerox (?:WorkCentre|VersaLink|AltaLink|Phaser)\b|\bRICOH (?:Aficio|MP|IM|SP) ?[C0-9]|\bLexmark [A-Z]{0,2}[0-9]{3}|\bSHARP MX-|\bOKI (?:MC|C|B)[0-9]{3}|\bTOSHIBA e-STUDIO|\bSamsung (?:M|C|SL-)[0-9]{3,4}|\bZebra (?:ZT|ZD|GK|GX)[0-9]{3}|\bPrinter(?:\b|(?=_))
  set      class=printer surveillance=no
  weight   0.65
  source   field knowledge: printer/MFP web servers and names (Kyocera KM-MFP-http, Konica Minolta bizhub, Xerox, Ricoh, Lexmark, Sharp MX, OKI, Toshiba e-STUDIO, Zebra)
  example  "KM-MFP-http/V0.0.1" => class=printer
  example  "KONICA MINOLTA bizhub C258"
  example! "Network Camera"

rule decoy-voip-phones-http
  on       http.title http.server upnp.model snmp.sysdescr
  match    \b(?:Yealink (?:T[0-9]{2}|SIP-T|W[0-9]{2})|Polycom (?:VVX|SoundPoint|Trio)|Poly (?:VVX|CCX|Edge)|Cisco (?:SPA|CP-)[0-9]{3,4}|snom (?:D|[0-9]{3})|Fanvil [XVHi][0-9]|Gigaset|Avaya (?:J|9)[0-9]{3}|Mitel [0-9]{4}|Htek|Akuvox R[0-9]{2}[A-Z]? ?Phone)
  set      class=other surveillance=no
  weight   0.65
  source   field knowledge: IP desk phone web UIs (Yealink, Polycom/Poly, Cisco SPA/CP, snom, Fanvil, Gigaset, Avaya, Mitel, Htek)
  example  "Yealink T46S Phone" => class=other
  example  "Polycom VVX 411"
  example! "Yealink meeting camera UVC84"
