-- Sandbox: persona{} with a proxy option table, at the top level (ASan: heap-use-after-free in f_persona).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-persona", title = "Sandbox: api_proxy_persona", duration = 600 }
-- A proxy: its fields come from __index, where each read allocates (the collector runs) and
-- returns a fresh string that only the stack holds (before: read after the collector freed it).
local function proxy(fields)
  return setmetatable({}, { __index = function(_, k)
    local junk = {}
    for i = 1, 5000 do junk[i] = { i } end
    local v = fields[k]
    return v and (v .. #junk) or nil
  end })
end

persona(proxy{ handle = "@p", name = ("n"):rep(60), role = "customer" })  -- EXPECT: persona: the options must be a plain table (no metatable)
error("ESCAPED: the proxy was read")
