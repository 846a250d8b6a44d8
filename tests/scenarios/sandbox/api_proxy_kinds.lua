-- Sandbox: await{} whose kinds list is a proxy (its __len and __index ran inside the binding).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-kinds", title = "Sandbox: api_proxy_kinds", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  await{ kinds = setmetatable({}, { __len = function() return 3 end, __index = function() return "reply" end }) }  -- EXPECT: await: kinds must be a plain table (no metatable)
  error("ESCAPED: the proxy was read")
end
