# Brand names from data/entities/brands.tsv found as whole words in
# user-interface text.  A hit asserts the brand and, through the table,
# its true maker (recorded as "brand-table:<rule>" evidence).
# Format: docs/fingerprints.md.

# A web UI titled with the brand alone (one or two words, nothing else)
# names the badge more surely than a brand word inside a longer title.
rule brand-is-http-title
  on       http.title
  match    ^\s*([A-Za-z][A-Za-z0-9.&!-]{1,20}(?: [A-Za-z0-9.&!-]{1,12})?)\s*$
  lookup   brands
  weight   0.65
  source   policy.md §2, §2.1 (badge brands); the web UI title of a device that names nothing but its badge (TVT, Night Owl, Hipcam)
  example  "TVT" => brand=TVT manufacturer=TVT
  example  "Night Owl" => brand="Night Owl"
  example! "Ubuntu 22.04 LTS"
  example! "Hangzhou"
  example! "LTS Web Client"

rule brand-in-http-title
  on       http.title
  lookup   brands
  weight   0.55
  source   policy.md §2, §2.1 (badge brands); the web UI title names the label
  example  "LTS Web Client" => brand=LTS manufacturer=Hikvision
  example  "Amcrest Web" => brand=Amcrest manufacturer=Dahua
  example  "EZVIZ" => brand=EZVIZ
  example! "Ubuntu 22.04 LTS"
  example! "Hangzhou"
  example! "Shanghai Dahua Scale Factory"
  example! "Faxis Portal"

# An authentication realm that is the brand alone, as for titles above.
rule brand-is-realm
  on       http.realm rtsp.realm
  match    ^\s*([A-Za-z][A-Za-z0-9.&!-]{1,20}(?: [A-Za-z0-9.&!-]{1,12})?)\s*$
  lookup   brands
  weight   0.6
  source   policy.md §2.1 (badge brands in the authentication realm); a realm that names nothing but the badge
  example  "TVT" => brand=TVT manufacturer=TVT
  example! "Login to 4K01FD2PAJ6E3FF"
  example! "device"

# A server header, SIP agent, DHCP vendor class, UPnP friendly name, mDNS
# name or greeting that is the brand alone, as for titles above.
rule brand-is-value
  on       http.server rtsp.server sip.server dhcp.vendor upnp.friendly-name mdns.instance mdns.hostname banner
  match    ^\s*([A-Za-z][A-Za-z0-9.&!-]{1,20}(?: [A-Za-z0-9.&!-]{1,12})?)\s*$
  lookup   brands
  weight   0.62
  source   policy.md §2.1 (badge brands); a device field that names nothing but the badge names it more surely than a brand word among others
  example  "TVT" => brand=TVT manufacturer=TVT
  example  "Zmodo" => brand=Zmodo
  example! "Ubuntu LTS"
  example! "lighttpd/1.4.59"

rule brand-in-http-realm
  on       http.realm rtsp.realm
  lookup   brands
  weight   0.5
  source   policy.md §2.1 (badge brands in the authentication realm)
  example  "Amcrest" => brand=Amcrest manufacturer=Dahua
  example! "device"

rule brand-in-http-body
  on       http.body
  lookup   brands
  weight   0.3
  source   policy.md §2.1 (badge brands in the root page; weak: pages mention other names)
  example  "<html><head><script>var oem='HiLook';</script></head></html>" => brand=HiLook
  example! "<html><body>Welcome</body></html>"

rule brand-in-ftp-telnet-banner
  on       banner
  lookup   brands
  weight   0.4
  source   policy.md §2.1 (badge brands in service banners)
  example  "220 Hikvision FTP server ready" => brand=Hikvision
  example! "220 ProFTPD Server (Debian)"
