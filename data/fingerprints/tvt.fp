# TVT (Shenzhen TVT Digital Technology Co., Ltd.) and its OEM brands:
# the web/config service of the "NVMS9000" firmware its DVRs, NVRs and IP
# cameras share, and of NVMS-1000, its PC management software.
#
# Primary sources:
#  * bashis, "Shenzhen TVT Digital Technology Co. Ltd & OEM {DVR/NVR/IPC}
#    API RCE" (April 2018), github.com/mcw0/PoC
#    TVT_and_OEM_IPC_NVR_DVR_RCE_Backdoor_and_Information_Disclosure.txt
#    and TVT-PoC.py: the device's HTTP wrapper (ConfigSyncProc, TCP 80)
#    answers with "Content-type: text/xml ... Connection: close" and an
#    empty "AuthInfo:" header, bodies "<response version=\"1.0\">
#    <status>success|fail</status>" with <errorCode> 536870947 (wrong user)
#    and 536870948 (wrong password); the NVMS9000 process behind it
#    listens on TCP 4567 and echoes the fixed string
#    {D79E94C5-70F0-46BD-965B-E17497CCB598}; the same firmware runs on
#    TVT's and its 80+ OEMs' DVRs, NVRs and IP cameras, so none of this is
#    class evidence.  TVT's own advisory: en.tvt.net.cn/news/227.html.
#  * NVMS-1000 on Windows (the PC software, CVE-2019-20085; Metasploit
#    modules/auxiliary/scanner/http/tvt_nvms_traversal.rb "TVT
#    network surveillance management software-1000"; the Hack The Box
#    "ServMon" write-ups show its port-80 reply): the same AuthInfo
#    header, with a root page that only redirects to Pages/login.htm.
#    That is VMS software on a PC, not surveillance equipment.

# The header alone stays below the naming threshold (0.4): TVT's Windows
# NVMS-1000 sends it too (a 408 reply carries nothing else), and that is
# VMS software, not a camera; with a TVT body or the GUID it adds up.
rule tvt-http-authinfo
  on       http.header banner
  match    (?:^|\n)AuthInfo:[ \t]*(?:\r?\n|$|\{)
  set      manufacturer=TVT
  weight   0.35
  source   github.com/mcw0/PoC TVT_and_OEM_..._Information_Disclosure.txt (2018: TVT ConfigSyncProc/NVMS9000 replies carry an empty AuthInfo: header); HTB ServMon write-ups (NVMS-1000 on Windows, same header)
  example  "AuthInfo: " => manufacturer=TVT
  example  "AuthInfo:" => manufacturer=TVT
  example! "Authentication-Info: nextnonce=\"abc\""
  example  "HTTP/1.1 200 OK\r\nContent-type: text/html\r\nAuthInfo:\r\n{D79E94C5-70F0-46BD-965B-E17497CCB598} 1" => manufacturer=TVT
  example! "X-AuthInfo: 1"
  example! "AuthInfo: Basic abc"

rule tvt-xml-response
  on       http.body
  match    <response\s+version="1\.0"\s*>\s*<status>(?:success|fail)</status>
  set      manufacturer=TVT
  weight   0.45
  source   github.com/mcw0/PoC TVT advisory (2018) §4 (doLogin reply <response version="1.0"><status>success</status>) and TVT-PoC.py (queryBasicCfg, queryUserList replies: response/status, response/errorCode)
  example  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response version=\"1.0\">\t<status>success</status>\n\t<content>\t\t<userId>{9FC4C546}</userId>" => manufacturer=TVT
  example  "<response version=\"1.0\"><status>fail</status><errorCode>536870948</errorCode></response>" => manufacturer=TVT
  example! "<response version=\"1.0\"><code>0</code></response>"
  example! "<response><status>success</status></response>"

rule tvt-xml-errorcode
  on       http.body
  match    <errorCode>53687094[78]</errorCode>
  set      manufacturer=TVT
  weight   0.5
  source   github.com/mcw0/PoC TVT-PoC.py (2018: a TVT/OEM device's <errorCode> 536870948 is a wrong password, 536870947 a wrong user name)
  example  "<status>fail</status><errorCode>536870947</errorCode>" => manufacturer=TVT
  example! "<errorCode>404</errorCode>"

rule tvt-4567-guid
  on       banner http.body http.header
  match    \{D79E94C5-70F0-46BD-965B-E17497CCB598\}
  flags    i
  set      manufacturer=TVT
  weight   0.9
  source   github.com/mcw0/PoC TVT advisory (2018) §2: on TCP 4567 the NVMS9000 process of TVT/OEM DVR, NVR and IPC firmware echoes the hard-coded GUID and repeats it after AuthInfo: in its replies
  example  "{D79E94C5-70F0-46BD-965B-E17497CCB598}" => manufacturer=TVT
  example  "AuthInfo:\r\n{D79E94C5-70F0-46BD-965B-E17497CCB598} 1" => manufacturer=TVT
  example! "{D79E94C5-70F0-46BD-965B-E17497CCB599}"

rule tvt-nvms1000-root
  on       http.body
  match    <title></title>\s*<script type="text/javascript">\s*window\.location\.href\s*=\s*"Pages/login\.htm";
  set      manufacturer=TVT@0.4 class=vms-software surveillance=no
  tier     role
  weight   0.5
  source   HTB ServMon write-ups (NVMS-1000 on Windows, port 80: XHTML root page, empty title, window.location.href = "Pages/login.htm"); Metasploit tvt_nvms_traversal.rb (NVMS-1000: TVT's management software)
  example  "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title></title>\n<script type=\"text/javascript\">\nwindow.location.href = \"Pages/login.htm\";\n</script>" => class=vms-software surveillance=no
  example! "<title>Login</title><script type=\"text/javascript\">window.location.href = \"/doc/page/login.asp\";"

rule tvt-nvms1000-name
  on       http.title http.body banner
  match    (?<![A-Za-z0-9])NVMS-?1000(?![0-9])
  flags    i
  set      manufacturer=TVT class=vms-software surveillance=no
  tier     role
  weight   0.6
  source   Metasploit tvt_nvms_traversal.rb, exploit-db 47774 (CVE-2019-20085: TVT NVMS-1000, network surveillance management software for Windows); mcw0/PoC TVT advisory ("NVMS1000 for Microsoft Windows")
  example  "NVMS-1000" => manufacturer=TVT class=vms-software
  example  "NVMS1000 Ver3.4.0.61217_EN" => class=vms-software
  example! "NVMS-10000"
  example! "NVMS-9000"

rule tvt-basiccfg-kenerl
  on       http.body
  match    <kenerlVersion>[^<]{0,64}</kenerlVersion>
  set      manufacturer=TVT
  weight   0.6
  source   github.com/mcw0/PoC TVT-PoC.py (2018: queryBasicCfg answers of TVT and OEM DVR/NVR/IPC carry softwareVersion, kenerlVersion (sic), launchDate, hardwareVersion, customerId, sn, productModel)
  example  "<content><softwareVersion>4.0.3</softwareVersion><kenerlVersion>3.0.8</kenerlVersion>" => manufacturer=TVT
  example! "<kernelVersion>3.0.8</kernelVersion>"

rule tvt-basiccfg-product-model
  on       http.body
  match    <productModel>\s*([A-Za-z0-9][A-Za-z0-9 ._/+-]{1,40}?)\s*</productModel>
  set      model=$1
  weight   0.5
  source   github.com/mcw0/PoC TVT-PoC.py (2018: queryBasicCfg content/productModel is the device model of TVT and OEM units); the element names no maker by itself
  example  "<productModel>TD-2704AS-SL</productModel>" => model=TD-2704AS-SL
  example! "<productModel></productModel>"
