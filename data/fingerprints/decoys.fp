# Common non-camera devices that share networks with cameras.  They come
# out as class "other", not surveillance.  Patterns come from the devices'
# own default web interfaces (general knowledge; protocols.md §14 notes
# that printers share LANs with cameras).  Format: docs/fingerprints.md.

rule printer-hp-server
  on       http.server
  match    ^(?:HP HTTP Server|HP-ChaiSOE|HP-ChaiServer)(?:\b|(?=_))
  set      manufacturer=HP class=printer surveillance=no
  weight   0.8
  source   protocols.md §14 (printers on camera LANs); HP embedded web server header
  example  "HP HTTP Server; HP Color LaserJet MFP M477fdw - CF379A; Serial Number: X"
  example  "HP-ChaiSOE/1.0"
  example! "App-webs/"

rule printer-hp-title
  on       http.title
  match    \bHP (?:Color )?(?:LaserJet|OfficeJet|DeskJet|PageWide)(?:\b|(?=_))
  flags    i
  set      manufacturer=HP class=printer surveillance=no
  weight   0.75
  source   protocols.md §14; HP printer web UI title
  example  "HP Color LaserJet Pro MFP M477fdw"
  example! "HP ProCurve Switch"

rule printer-brother
  on       http.title http.server
  match    (?:^Brother (?:HL|MFC|DCP)-[A-Z0-9]+|^debut/[0-9])
  set      manufacturer=Brother class=printer surveillance=no
  weight   0.75
  source   protocols.md §14; Brother printer web UI title and embedded server
  example  "Brother HL-L2350DW series"
  example  "debut/1.20"
  example! "Brother Industries Home"

rule printer-epson
  on       http.title http.server
  match    (?:^EPSON_Linux UPnP|^EPSON HTTP Server|^(?:EPSON|Epson) (?:ET|WF|XP|L)-?[0-9]{3,5}(?:\b|(?=_)))
  set      manufacturer=Epson class=printer surveillance=no
  weight   0.75
  source   protocols.md §14; Epson printer web UI
  example  "EPSON ET-2850 Series"
  example  "EPSON_Linux UPnP/1.0 Epson UPnP SDK/1.0"
  example! "Epsonite"

rule printer-cups
  on       http.server http.title
  match    (?:^CUPS/[0-9]|^Home - CUPS [0-9])
  set      class=other surveillance=no
  weight   0.75
  source   protocols.md §14; CUPS print server (port 631)
  example  "CUPS/2.4 IPP/2.1"
  example  "Home - CUPS 2.4.2"
  example! "CUPSTOM/1.0"

rule printer-raw-port
  on       tcp.open
  port     9100
  match    ^$
  set      class=other surveillance=no
  tier     generic
  weight   0.35
  source   lprng.sourceforge.net/LPRng-Reference-Multipart/socketapi.htm (raw socket printing: HP JetDirect listens on TCP 9100 by default)
  example  ""
  example! "x"

rule printer-ipp-port
  on       tcp.open
  port     631
  match    ^$
  set      class=other surveillance=no
  tier     generic
  weight   0.3
  source   protocols.md §14 (IPP printing)
  example  ""
  example! "x"

rule router-mikrotik
  on       http.title banner http.server
  match    (?:RouterOS router configuration page|^(?:220 )?[A-Za-z0-9._-]* ?FTP server \(MikroTik [0-9]|^mikrotik routeros)
  flags    i
  set      manufacturer=MikroTik class=router surveillance=no
  weight   0.8
  source   MikroTik RouterOS default web page and FTP banner (general knowledge)
  example  "RouterOS router configuration page"
  example  "220 MikroTik FTP server (MikroTik 6.49.7) ready"
  example! "Router configuration"

rule router-openwrt
  on       http.title http.body
  match    \b(?:OpenWrt|LuCI)(?:\b|(?=_))
  set      class=router surveillance=no
  weight   0.7
  source   OpenWrt LuCI web interface title (general knowledge)
  example  "OpenWrt - LuCI"
  example! "Open Wireless"

rule router-ddwrt
  on       http.title http.realm
  match    \bDD-WRT(?:\b|(?=_))
  set      class=router surveillance=no
  weight   0.7
  source   DD-WRT web interface (general knowledge)
  example  "DD-WRT (build 50000) - Info"
  example! "WRT54G"

rule router-netgear
  on       http.realm http.title
  match    ^NETGEAR\s+([A-Z]{1,4}[0-9]{3,5}[A-Za-z0-9]*)
  set      manufacturer=Netgear model=$1 class=router surveillance=no
  weight   0.75
  source   Netgear router authentication realm (general knowledge)
  example  "NETGEAR R7000" => model=R7000
  example! "NETGEAR"

rule router-tplink
  on       http.realm http.title
  match    ^TP-LINK\s+(?:Wireless|Gigabit|Archer)?.{0,40}(?:Router|Access Point|AP)(?:\b|(?=_))
  flags    i
  set      manufacturer=TP-Link class=router surveillance=no
  weight   0.75
  source   TP-Link router authentication realm (general knowledge)
  example  "TP-LINK Wireless N Router WR841N"
  example! "TP-LINK IP Camera"

rule nas-synology
  on       http.title
  match    ^Synology\s+(?:DiskStation|RackStation|NAS|Router)|\bDSM\s+[0-9]
  set      manufacturer=Synology class=storage surveillance=no
  weight   0.8
  source   Synology DSM web interface title (general knowledge)
  example  "Synology DiskStation - NAS01"
  example! "Synology Surveillance Station"

rule nas-qnap
  on       http.title
  match    ^(?:QNAP Turbo NAS|QTS(?:\b|(?=_)))
  set      manufacturer=QNAP class=storage surveillance=no
  weight   0.8
  source   QNAP QTS web interface title (general knowledge)
  example  "QNAP Turbo NAS"
  example! "QNAPPY"

rule generic-web-server
  on       http.server
  match    ^(?:Apache(?:/[0-9]|\b)|nginx(?:/[0-9]|\b)|lighttpd(?:/[0-9]|\b)|Microsoft-IIS/)
  set      class=other surveillance=no
  tier     generic
  weight   0.2
  source   generic web servers (weak: cameras also embed them)
  example  "Apache/2.4.57 (Debian)"
  example  "nginx/1.22.1"
  example! "App-webs/"

rule generic-default-page
  on       http.title
  match    ^\s*(?:Apache2 (?:Debian|Ubuntu) Default Page|Welcome to nginx!|Test Page for the Apache HTTP Server|IIS Windows Server|Lighttpd Default Page)
  flags    i
  set      class=other surveillance=no
  weight   0.5
  source   default pages of generic web servers
  example  "Apache2 Debian Default Page: It works"
  example  "Welcome to nginx!"
  example! "NETSurveillance WEB"

rule generic-rtsp-port
  on       tcp.open
  port     554
  match    ^$
  set      class=camera surveillance=yes
  tier     generic
  weight   0.2
  source   protocols.md §8 (RTSP on TCP 554; an open port alone is weak)
  example  ""
  example! "x"
