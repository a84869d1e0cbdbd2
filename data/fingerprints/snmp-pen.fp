# SNMP sysObjectID (snmp.sysobjectid, kind snmp-sysobjectid): the IANA
# Private Enterprise Number in it names the maker.
#
# RFC 3418 (SNMPv2-MIB) defines sysObjectID.0 as "the vendor's
# authoritative identification of the network management subsystem
# contained in the entity", allocated within the SMI enterprises subtree
# 1.3.6.1.4.1; the number after it is the vendor's Private Enterprise
# Number, which IANA assigns and publishes with its registrant
# (https://www.iana.org/assignments/enterprise-numbers, RFC 9371).  Each
# rule below names one registry entry, its number and its registrant as
# the registry writes them.
#
# A PEN names the company that allocated the OID, so these rules are
# maker-only evidence: none sets a class (no vendor document here says
# which subtree below a PEN is which product line), and the class stays
# unknown and surveillance follows makers.tsv (a maker that also makes
# switches, routers or access control stays unestablished).  Numbers
# whose registrant is ambiguous are left out: "TVT" (50671) does not say
# it is Shenzhen TVT Digital Technology, and "AVTECH Software, Inc."
# (20916) is a US environment-monitoring company, not AVTECH Corporation
# of Taiwan (tests/ident/test_families.py checks both name nobody).  Devices that run
# the stock Net-SNMP agent report Net-SNMP's own number (8072,
# 1.3.6.1.4.1.8072.3.2.10 for Linux), which names no maker.

rule snmp-pen-axis
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.368(?:\.|$)
  set      manufacturer=Axis
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 368, registrant "Axis Communications AB"
  example  "1.3.6.1.4.1.368.1.1" => manufacturer=Axis
  example  "1.3.6.1.4.1.368" => manufacturer=Axis
  example! "1.3.6.1.4.1.3681.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-bosch-security
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.3967(?:\.|$)
  set      manufacturer=Bosch
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 3967, registrant "Bosch Sicherheitssysteme Engineering GmbH"; Bosch's security-systems engineering arm (Robert Bosch GmbH's 5318 is left out)
  example  "1.3.6.1.4.1.3967.1.1" => manufacturer=Bosch
  example  "1.3.6.1.4.1.3967" => manufacturer=Bosch
  example! "1.3.6.1.4.1.39671.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-hanwha-techwin
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.36849(?:\.|$)
  set      manufacturer="Hanwha Vision"
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 36849, registrant "Hanwha Techwin Co., Ltd. (formerly 'Samsung Techwin Co., Ltd.')"
  example  "1.3.6.1.4.1.36849.1.1" => manufacturer="Hanwha Vision"
  example  "1.3.6.1.4.1.36849" => manufacturer="Hanwha Vision"
  example! "1.3.6.1.4.1.368491.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-dahua
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.37496(?:\.|$)
  set      manufacturer=Dahua
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 37496, registrant "ZHEJIANG DAHUA TECHNOLOGY CO.,LTD"
  example  "1.3.6.1.4.1.37496.1.1" => manufacturer=Dahua
  example  "1.3.6.1.4.1.37496" => manufacturer=Dahua
  example! "1.3.6.1.4.1.374961.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-hikvision
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.39165(?:\.|$)
  set      manufacturer=Hikvision
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 39165, registrant "Hikvision Digital Technology Co., Ltd."
  example  "1.3.6.1.4.1.39165.1.1" => manufacturer=Hikvision
  example  "1.3.6.1.4.1.39165" => manufacturer=Hikvision
  example! "1.3.6.1.4.1.391651.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-uniview
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.39747(?:\.|$)
  set      manufacturer=Uniview
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 39747, registrant "Zhejiang Uniview Technologies Co., Ltd."
  example  "1.3.6.1.4.1.39747.1.1" => manufacturer=Uniview
  example  "1.3.6.1.4.1.39747" => manufacturer=Uniview
  example! "1.3.6.1.4.1.397471.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-uniview-europe
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.54999(?:\.|$)
  set      manufacturer=Uniview
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 54999, registrant "Uniview Europe B.V."; Uniview's European subsidiary
  example  "1.3.6.1.4.1.54999.1.1" => manufacturer=Uniview
  example  "1.3.6.1.4.1.54999" => manufacturer=Uniview
  example! "1.3.6.1.4.1.549991.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-mobotix
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.21701(?:\.|$)
  set      manufacturer=Mobotix
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 21701, registrant "MOBOTIX AG"
  example  "1.3.6.1.4.1.21701.1.1" => manufacturer=Mobotix
  example  "1.3.6.1.4.1.21701" => manufacturer=Mobotix
  example! "1.3.6.1.4.1.217011.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-vivotek
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.23465(?:\.|$)
  set      manufacturer=Vivotek
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 23465, registrant "VIVOTEK INC."
  example  "1.3.6.1.4.1.23465.1.1" => manufacturer=Vivotek
  example  "1.3.6.1.4.1.23465" => manufacturer=Vivotek
  example! "1.3.6.1.4.1.234651.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-avigilon
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.46202(?:\.|$)
  set      manufacturer=Avigilon
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 46202, registrant "Avigilon Corporation"
  example  "1.3.6.1.4.1.46202.1.1" => manufacturer=Avigilon
  example  "1.3.6.1.4.1.46202" => manufacturer=Avigilon
  example! "1.3.6.1.4.1.462021.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-pelco
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.25066(?:\.|$)
  set      manufacturer=Pelco
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 25066, registrant "PELCO"
  example  "1.3.6.1.4.1.25066.1.1" => manufacturer=Pelco
  example  "1.3.6.1.4.1.25066" => manufacturer=Pelco
  example! "1.3.6.1.4.1.250661.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-milestone
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.24149(?:\.|$)
  set      manufacturer=Milestone
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 24149, registrant "Milestone Systems A/S"
  example  "1.3.6.1.4.1.24149.1.1" => manufacturer=Milestone
  example  "1.3.6.1.4.1.24149" => manufacturer=Milestone
  example! "1.3.6.1.4.1.241491.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-ipro
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.57501(?:\.|$)
  set      manufacturer=i-PRO
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 57501, registrant "Panasonic i-PRO Sensing Solutions Co., Ltd."
  example  "1.3.6.1.4.1.57501.1.1" => manufacturer=i-PRO
  example  "1.3.6.1.4.1.57501" => manufacturer=i-PRO
  example! "1.3.6.1.4.1.575011.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-kedacom
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.24389(?:\.|$)
  set      manufacturer=Kedacom
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 24389, registrant "Suzhou Keda Technology Company, Ltd."
  example  "1.3.6.1.4.1.24389.1.1" => manufacturer=Kedacom
  example  "1.3.6.1.4.1.24389" => manufacturer=Kedacom
  example! "1.3.6.1.4.1.243891.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-acti
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.34799(?:\.|$)
  set      manufacturer=ACTi
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 34799, registrant "ACTi Corporation"
  example  "1.3.6.1.4.1.34799.1.1" => manufacturer=ACTi
  example  "1.3.6.1.4.1.34799" => manufacturer=ACTi
  example! "1.3.6.1.4.1.347991.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-sony
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.122(?:\.|$)
  set      manufacturer=Sony
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 122, registrant "Sony"; Sony makes far more than cameras: maker only
  example  "1.3.6.1.4.1.122.1.1" => manufacturer=Sony
  example  "1.3.6.1.4.1.122" => manufacturer=Sony
  example! "1.3.6.1.4.1.1221.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-honeywell
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.20998(?:\.|$)
  set      manufacturer=Honeywell
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 20998, registrant "Honeywell International Inc"; Honeywell makes far more than cameras: maker only
  example  "1.3.6.1.4.1.20998.1.1" => manufacturer=Honeywell
  example  "1.3.6.1.4.1.20998" => manufacturer=Honeywell
  example! "1.3.6.1.4.1.209981.1"
  example! "1.3.6.1.4.1.8072.3.2.10"

rule snmp-pen-huawei
  on       snmp.sysobjectid
  match    ^1\.3\.6\.1\.4\.1\.2011(?:\.|$)
  set      manufacturer=Huawei
  weight   0.8
  source   https://www.iana.org/assignments/enterprise-numbers entry 2011, registrant "HUAWEI Technology Co.,Ltd"; its switches and routers too: maker only
  example  "1.3.6.1.4.1.2011.1.1" => manufacturer=Huawei
  example  "1.3.6.1.4.1.2011" => manufacturer=Huawei
  example! "1.3.6.1.4.1.20111.1"
  example! "1.3.6.1.4.1.8072.3.2.10"
