rule r
 on k
 match (x
