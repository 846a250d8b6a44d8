-- Sandbox: post{} whose virality table is a proxy.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-nested", title = "Sandbox: api_proxy_nested", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
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

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  post{ author = "@a", text = "x", virality = proxy{} }  -- EXPECT: post: virality must be a plain table (no metatable)
  error("ESCAPED: the proxy was read")
end
