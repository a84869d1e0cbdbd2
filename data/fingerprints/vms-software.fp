# vms-software.fp: video-management software named by its own web
# client or server (issue #11 §1: "a camera maker's VMS software" is
# class vms-software, not a camera).  Round 1 covered XProtect, Nx
# Witness, Blue Iris, exacqVision, Valerus, Symphony, CompleteView, DW
# Spectrum, HikCentral, iVMS, SmartPSS and DSS; this adds the VMS of
# Genetec, Avigilon, Hanwha, Digital Watchdog's full product name and
# the open-source NVR packages (which name no maker).  Product names
# from the vendors' and projects' own documentation.
# Format: docs/fingerprints.md.

rule genetec-security-center
  on       http.title
  match    (?<![A-Za-z0-9])Genetec\b.{0,20}\b(?:Security Center|Security Desk|Web Client|Omnicast|Synergis)\b|\bSecurity Center (?:Web Client|Config Tool)(?:\b|(?=_))
  set      manufacturer=Genetec class=vms-software
  tier     model
  weight   0.75
  source   Genetec Security Center product documentation (Security Center, Security Desk, Config Tool, Security Center Web Client; Omnicast video and Synergis access-control modules), techdocs.genetec.com
  example  "Genetec Security Center" => manufacturer=Genetec class=vms-software
  example  "Genetec Web Client" => class=vms-software
  example  "Security Center Web Client" => class=vms-software
  example! "Genetec"
  example! "Windows Security Center"

rule avigilon-control-center
  on       http.title
  match    (?<![A-Za-z0-9])Avigilon (?:Control Center|Unity|ACC Web Endpoint)\b|\bACC (?:Web Client|Server)\b.{0,20}\bAvigilon(?:\b|(?=_))
  set      manufacturer=Avigilon class=vms-software
  tier     model
  weight   0.75
  source   Avigilon Control Center (ACC) and Avigilon Unity video-management software documentation (ACC Server, ACC Web Endpoint, ACC Web Client), avigilon.com support
  example  "Avigilon Control Center" => manufacturer=Avigilon class=vms-software
  example  "Avigilon Unity" => class=vms-software
  example! "Avigilon"
  example! "Avigilon H5A Camera"

rule hanwha-wisenet-wave
  on       http.title
  match    (?<![A-Za-z0-9])Wisenet WAVE\b|\bWisenet SSM\b|\bSmart Security Manager(?:\b|(?=_))
  set      manufacturer="Hanwha Vision" class=vms-software
  tier     model
  weight   0.75
  source   Hanwha Vision Wisenet WAVE VMS and Wisenet SSM (Smart Security Manager) product documentation, hanwhavision.com
  example  "Wisenet WAVE" => manufacturer="Hanwha Vision" class=vms-software
  example  "Wisenet SSM" => class=vms-software
  example! "Wisenet"
  example! "Wisenet XNV-6080R"

rule digital-watchdog-spectrum-full
  on       http.title
  match    (?<![A-Za-z0-9])Digital Watchdog Spectrum\b|\bDW Spectrum IPVMS(?:\b|(?=_))
  set      manufacturer="Digital Watchdog" class=vms-software
  tier     model
  weight   0.75
  source   Digital Watchdog DW Spectrum IPVMS product documentation (digital-watchdog.com); the full product name in a page title
  example  "Digital Watchdog Spectrum" => manufacturer="Digital Watchdog" class=vms-software
  example  "DW Spectrum IPVMS" => class=vms-software
  example! "Digital Watchdog"

rule open-source-nvr-software
  on       http.title
  match    ^\s*(?:ZoneMinder(?:\s*[-:].{0,40})?|Shinobi(?:\s*[-:].{0,40})?|Frigate|motionEye(?:OS)?|Agent DVR|iSpy(?:\s*Connect)?|Kerberos\.io|Viseron|Scrypted)\s*$
  flags    i
  set      class=vms-software
  tier     model
  weight   0.7
  source   the projects' own sites: zoneminder.com, shinobi.video, frigate.video (Frigate NVR), motioneye-project, ispyconnect.com (Agent DVR, iSpy), kerberos.io, Viseron, Scrypted: recording software, no hardware maker
  example  "ZoneMinder" => class=vms-software
  example  "Frigate" => class=vms-software
  example  "motionEye" => class=vms-software
  example  "ZoneMinder - Console" => class=vms-software
  example! "Frigate Sailing Club"
  example! "Shinobi Ninja Warrior Dojo Schedule And Fees And Times For All"
