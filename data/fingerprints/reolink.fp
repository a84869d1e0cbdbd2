# Reolink (Shenzhen Reolink Technology) HTTP API, /cgi-bin/api.cgi: the
# answers as integrations log them, whole, pretty-printed or cut.
#
# Sources: Reolink Camera HTTP API user guide (GetDevInfo, GetAbility;
# linked from ReolinkCameraAPI/reolinkapipy issue #75); home-assistant/core
# issues #103241 and #100181 and JimStar/reolink_cctv #14/#78 (debug logs
# of reolink_aio quoting pretty-printed answers "[\n {\n \"cmd\" : ...");
# home-assistant/core tests/components/reolink/conftest.py (abilities
# {"abilityChn": [{"aiTrack": {"permit": 0, "ver": 0}}]}).
#
# The GetDevInfo members themselves (model, firmVer, exactType/type) are
# read by the decoder (kind reolink, or an http body: also a member list
# cut from its document) and matched in vendor-api2.fp and
# class-evidence.fp; the rules here read what is left in the raw text.

rule reolink-ability-permit-ver
  on       http.body reolink.malformed vendor-api.malformed
  match    (['"])permit\1\s*:\s*[0-9]{1,3}\s*,\s*\1ver\1\s*:\s*[0-9]{1,3}\s*\}[^"']{0,40}\1[A-Za-z0-9_]{2,40}\1\s*:\s*\{\s*\1permit\1\s*:\s*[0-9]{1,3}\s*,\s*\1ver\1\s*:
  set      manufacturer=Reolink
  weight   0.7
  source   Reolink HTTP API user guide GetAbility (every ability is {"permit": n, "ver": n}); home-assistant/core tests/components/reolink/conftest.py; reolink_aio reads abilityChn[ch][name]["ver"]
  example  "{\"Ability\": {\"abilityChn\": [{\"aiTrack\": {\"permit\": 0, \"ver\": 0}, \"aiTrackDogCat\": {\"permit\": 0, \"ver\": 0}, \"alarmAudio\": {\"permit\": 6, \"ver\": 1}" => manufacturer=Reolink
  example  "\"ptzCtrl\" : {\n \"permit\" : 0,\n \"ver\" : 1\n },\n \"ptzDirection\" : {\n \"permit\" : 0,\n \"ver\" : 1\n }" => manufacturer=Reolink
  example  "{'abilityChn': [{'aiTrack': {'permit': 0, 'ver': 0}, 'floodLight': {'permit': 0, 'ver': 1}" => manufacturer=Reolink
  example! "{\"permit\": 1, \"ver\": 2}"
  example! "\"a\": {\"permit\": 0, \"version\": 0}, \"b\": {\"permit\": 0, \"version\": 0}"

rule reolink-api-envelope-unanchored
  on       http.body reolink.malformed vendor-api.malformed banner
  match    \{\s*(['"])cmd\1\s*:\s*\1(?:Get|Set|Login|Logout|Snap|Ptz|Search|Nvr|Test)[A-Za-z]{0,30}\1\s*,\s*\1code\1\s*:\s*-?[0-9]{1,3}\s*,\s*\1(?:value\1\s*:\s*\{\s*\1[A-Za-z]{2,24}\1\s*:|error\1\s*:\s*\{\s*\1detail)
  set      manufacturer=Reolink
  weight   0.6
  source   Reolink HTTP API user guide (answers are arrays of {"cmd", "code", "value"|"error"}); reolink_aio debug logs in home-assistant/core #103241, JimStar/reolink_cctv #14 (pretty-printed, after log text)
  example  "HTTP Response data:\n[\n   {\n      \"cmd\" : \"Login\",\n      \"code\" : 0,\n      \"value\" : {\n         \"Token\" : {" => manufacturer=Reolink
  example  "{\n\"cmd\" : \"Logout\",\n\"code\" : 1,\n\"error\" : {\n\"detail\" : \"please login first\"," => manufacturer=Reolink
  example  "[{'cmd': 'Login', 'code': 0, 'value': {'Token': {'leaseTime': 3600, 'name': 'abc'}}}]" => manufacturer=Reolink
  example! "{\"cmd\": \"Login\", \"code\": 0}"
  example! "{\"cmd\":\"ls\",\"code\":0,\"value\":{\"x\":1}}"

rule reolink-devinfo-hardver
  on       http.body reolink.malformed vendor-api.malformed
  match    (['"])hardVer\1\s*:\s*\1(?:IPC_[0-9]{3,8}[A-Z0-9_]{0,24}|N[0-9]{1,2}MB[0-9]{2}[A-Z0-9_]{0,8})\1
  set      manufacturer=Reolink
  weight   0.6
  source   Reolink GetDevInfo hardVer as users report it: fwestenberg/reolink_dev #565 (RLC-511WA hw IPC_523128M5MP, RLC-520A IPC_523128M5MP_V2); ReolinkCameraAPI/reolinkapipy #75 (RLN16-410 hardware N6MB01)
  example  "\"hardVer\" : \"IPC_523128M5MP\"," => manufacturer=Reolink
  example  "\"hardVer\": \"N6MB01\"" => manufacturer=Reolink
  example  "'hardVer': 'IPC_51516M5M'," => manufacturer=Reolink
  example! "\"hardVer\": \"V1.0\""

rule reolink-devinfo-model-camera2
  on       reolink.model
  match    ^\s*(?:Reolink\s+)?(?:[PW][3-4][0-9]{2}|[BD][48]00|E[3-5][0-9]{2}|Duo [23](?: [A-Za-z]{2,8}){0,2}|Elite(?: [A-Za-z]{2,8}){0,2}|Altas(?: [A-Za-z]{2,8}){0,2}|Argus(?: [A-Za-z0-9]{1,8}){0,3}|TrackMix(?: [A-Za-z]{2,8}){0,2}|RLC-[0-9]{3,4}[A-Z]{0,3})(?:[ -][A-Za-z0-9]{1,8}){0,2}\s*$
  set      class=camera
  tier     model
  weight   0.75
  source   Reolink product pages: P320/P330/P340/P430 PoE, W320/W330/W430 WiFi, B400/B800/D400/D800 kit cameras, E320/E330/E340/E540 (E1 series), Duo 2/3, Elite, Altas, Argus, TrackMix; GetDevInfo model
  example  "P330" => class=camera
  example  "Reolink Duo 2 WiFi" => class=camera
  example  "RLC-811A" => class=camera
  example  "E340" => class=camera
  example! "RLN8-410"
  example! "Home Hub Pro"

rule reolink-devinfo-model-nvr2
  on       reolink.model
  match    ^\s*(?:Reolink\s+)?RLN[0-9]{1,2}(?:-[0-9]{3,4}[A-Z]?)?\s*$
  set      class=nvr
  tier     model
  weight   0.75
  source   Reolink product pages: RLN8-410, RLN16-410, RLN36 network video recorders; GetDevInfo model (ReolinkCameraAPI/reolinkapipy #75: RLN16-410)
  example  "RLN36" => class=nvr
  example  "RLN16-410" => class=nvr
  example! "RLC-811A"
