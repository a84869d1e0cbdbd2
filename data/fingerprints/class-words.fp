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

# An Axis product number read from Axis's own parameter keys: the
# camera lines by their letter and first digit (M1-M5 compact, box,
# bullet, dome and PTZ cameras; P1/P3/P5 fixed, dome and PTZ cameras;
# Q1/Q3/Q6/Q8 high-performance, dome, PTZ and positioning cameras).
# Other lines (A access control and door stations, C audio, D detectors
# and decoders, I intercoms, S recorders, T accessories, M70/M71, P72
# and Q74 encoders) are not matched here; products2.fp classes several.
rule axis-product-number-camera-line
  on       axis.model axis.product
  match    ^\s*(?:AXIS\s+)?(?:M[1-5][0-9]{3}|P[135][0-9]{3}|Q(?:1[0-9]|3[0-9]|6[0-9]|8[67])[0-9]{2})(?:-[A-Z0-9]{1,4}){0,3}(?:\s+Mk\s+I{1,3}V?)?(?:\s+(?:PTZ\s+)?(?:Dome\s+|Bullet\s+|Box\s+)?(?:Network\s+)?Camera)?\s*$
  flags    i
  set      class=camera
  tier     model
  weight   0.6
  source   Axis product naming on axis.com product pages (AXIS M3106-L Mk II Network Camera, P3225-LV Mk II, Q1656, Q6075-E PTZ, Q8685-E positioning camera); VAPIX root.Brand.ProdNbr/ProdShortName carry it
  example  "AXIS M3106-L Mk II" => class=camera
  example  "Q1656" => class=camera
  example  "P3225-LV Mk II Network Camera" => class=camera
  example! "M7104"
  example! "AXIS A8105-E"
  example! "Q7414"
  example! "AXIS T8705"

# ISAPI's deviceType element cut from its document (a log line, a
# capture's excerpt): the enumeration's values name the kind of device.
rule isapi-devicetype-element-camera
  on       http.body vendor-api.malformed isapi.malformed
  match    <deviceType>\s*(?:IPCamera|IPDome|IPZoom)\s*</deviceType>
  set      class=camera
  tier     role
  weight   0.6
  source   Hikvision ISAPI developer guide, DeviceInfo deviceType (IPCamera, IPDome, IPZoom, NVR, DVR, DVS, HybirdNVR, CVR ...); protocols.md §4
  example  "<deviceType>IPCamera</deviceType>" => class=camera
  example! "<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>"

rule isapi-devicetype-element-recorder
  on       http.body vendor-api.malformed isapi.malformed
  match    <deviceType>\s*NVR\s*</deviceType>
  set      class=nvr
  tier     role
  weight   0.6
  source   Hikvision ISAPI developer guide, DeviceInfo deviceType NVR; protocols.md §4
  example  "<deviceType>NVR</deviceType>" => class=nvr
  example! "<deviceType>DVR</deviceType>"

rule isapi-devicetype-element-dvr
  on       http.body vendor-api.malformed isapi.malformed
  match    <deviceType>\s*DVR\s*</deviceType>
  set      class=dvr
  tier     role
  weight   0.6
  source   Hikvision ISAPI developer guide, DeviceInfo deviceType DVR; protocols.md §4
  example  "<deviceType>DVR</deviceType>" => class=dvr
  example! "<deviceType>NVR</deviceType>"
