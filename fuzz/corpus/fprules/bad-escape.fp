rule r
 set model=$9
 example "\x4