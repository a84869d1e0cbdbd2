-- SPDX-License-Identifier: ISC
-- wrk script of bench/bench_serve.sh: each request one of the console's
-- API reads, in turn: a page of devices (first, and deep in the list by
-- the cursor CS_CURSOR), one device by id (a random one of the user's
-- scope), a page of findings, the plan, the scans.  The token is
-- CS_TOKEN; CS_IDS is "lo,hi,step,mod,maxres": ids in [lo, hi] with
-- id % mod < maxres (the scope of the bench user).
local token = os.getenv("CS_TOKEN")
local cursor = os.getenv("CS_CURSOR")
local lo, hi, mod, maxres = string.match(os.getenv("CS_IDS"),
  "(%d+),(%d+),(%d+),(%d+)")
lo, hi, mod, maxres = tonumber(lo), tonumber(hi), tonumber(mod), tonumber(maxres)
local n = 0
local headers = {["Authorization"] = "Bearer " .. token}

local function device_id()
  while true do
    local id = math.random(lo, hi)
    if id % mod < maxres then return id end
  end
end

request = function()
  n = n + 1
  local k = n % 6
  local path
  if k == 0 then path = "/api/v1/devices?limit=50"
  elseif k == 1 then path = "/api/v1/devices?limit=50&cursor=" .. cursor
  elseif k == 2 then path = "/api/v1/devices/" .. device_id()
  elseif k == 3 then path = "/api/v1/findings?limit=50"
  elseif k == 4 then path = "/api/v1/plan?limit=20"
  else path = "/api/v1/scans" end
  return wrk.format("GET", path, headers)
end
