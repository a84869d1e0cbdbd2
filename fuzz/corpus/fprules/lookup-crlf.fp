rule r
 on http.title
 lookup brands
 weight .5
 source s
 example "LTS"
 example! "x"
