-- Sandbox: reply() with a proxy option table.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-reply", title = "Sandbox: api_proxy_reply", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  reply("c1", setmetatable({}, { __index = function(_, k) local junk = {} for i = 1, 200 do junk[i] = {} end return k == "author" and "@a" or ("x"):rep(40) .. k end }))  -- EXPECT: reply: the options must be a plain table (no metatable)
  error("ESCAPED: the proxy was read")
end
