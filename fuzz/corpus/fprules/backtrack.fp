rule evil
 on http.title
 match ^(a+)+$
 set class=camera
 weight 1
 source s
 example "aaaa"
 example! "b"
