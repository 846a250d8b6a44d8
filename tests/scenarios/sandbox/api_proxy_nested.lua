-- Sandbox: post{} whose virality table is a proxy.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-nested", title = "Sandbox: api_proxy_nested", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  post{ author = "@a", text = "x", virality = setmetatable({}, { __index = function(_, k) local junk = {} for i = 1, 200 do junk[i] = {} end return k == "author" and "@a" or ("x"):rep(40) .. k end }) }  -- EXPECT: post: virality must be a plain table (no metatable)
  error("ESCAPED: the proxy was read")
end
