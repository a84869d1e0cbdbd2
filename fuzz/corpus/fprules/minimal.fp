rule r
 on http.server
 match ^App-webs/(\d+)?
 flags i
 set manufacturer=Hikvision model=$1@0.3 class="camera"
 weight 0.7
 source s
 example "App-webs/12" => manufacturer=Hikvision
 example! "x\x00\r\n\"\\"
