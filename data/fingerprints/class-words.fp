# Class from text any person would read: the product-type value of a
# vendor's parameter or device-information answer, given without the
# answer's usual frame (a line cut from a getparam listing, an ISAPI
# element without its document).  A product-type word names the kind of
# device, never its maker; the maker comes from other evidence.

rule vivotek-getparam-hostname-class-camera
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_hostname='[^'\r\n]{0,40}(?<![A-Za-z])(?:Network Camera|IP Camera|Speed Dome|Fisheye Camera|PTZ Camera)'
  flags    i
  set      class=camera
  tier     generic
  weight   0.5
  source   VIVOTEK URL command document (getparam.cgi answers name='value' lines: system_hostname, system_info_modelname); Vivotek cameras' host name defaults to the product type ("Mega-pixel Network Camera"); a user may rename it, so generic
  example  "system_hostname='Mega-pixel Network Camera'\r\n" => class=camera
  example  "system_hostname='Network Camera'\nsystem_info_modelname='IB8369A'" => class=camera
  example! "system_hostname='CAM01'"
  example! "SYSTEM_HOSTNAME='gentoo-router'"

rule vivotek-getparam-hostname-class-nvr
  on       http.body vendor-api.malformed
  match    (?:^|\n)\s*system_hostname='[^'\r\n]{0,40}(?<![A-Za-z])Network Video Recorder'
  flags    i
  set      class=nvr
  tier     generic
  weight   0.5
  source   VIVOTEK URL command document (getparam.cgi system_hostname='...'); the host name a unit reports as its product type
  example  "system_hostname='VIVOTEK Network Video Recorder'" => class=nvr
  example! "system_hostname='Network Camera'"

rule hik-devicename-camera-fragment
  on       http.body vendor-api.malformed isapi.malformed
  match    <deviceName>\s*(?:IP CAMERA|IP DOME|IPCamera|IPDome|Network Camera)\s*</deviceName>
  flags    i
  set      class=camera
  tier     generic
  weight   0.5
  source   protocols.md §4 (ISAPI DeviceInfo deviceName "IP CAMERA", the default name of a Hikvision camera, which a user may change); the element cut from its document
  example  "<deviceName>IP CAMERA</deviceName>\n<deviceID>8ef8b2a0</deviceID>" => class=camera
  example! "<deviceName>Access Controller</deviceName>"

# axis.model / axis.device-type / axis.product come only from Axis's own
# parameter formats (param.cgi root.Brand.*, basicdeviceinfo ProdNbr and
# ProdType, the AXIS OS sysDescr): a listing without its Brand line is
# still VAPIX, i.e. Axis firmware (OEM badges keep Axis as the maker).
rule axis-vapix-brand-group-without-brand
  on       axis.model axis.device-type axis.product
  match    ^\s*[A-Za-z0-9][A-Za-z0-9 ./+-]{0,62}$
  set      manufacturer=Axis
  weight   0.5
  source   Axis VAPIX parameter management (param.cgi?action=list&group=root.Brand: Brand, ProdFullName, ProdNbr, ProdType, ProdShortName) and basicdeviceinfo.cgi (ProdNbr, ProdType) are Axis firmware APIs (developer.axis.com VAPIX library)
  example  "Network Camera" => manufacturer=Axis
  example  "Q1656" => manufacturer=Axis
  example! "\x01"
