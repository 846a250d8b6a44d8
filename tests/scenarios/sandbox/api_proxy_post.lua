-- Sandbox: post{} with an option table whose fields come from __index (a use-after-free under ASan).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-post", title = "Sandbox: api_proxy_post", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  post(setmetatable({}, { __index = function(_, k) local junk = {} for i = 1, 200 do junk[i] = {} end return k == "author" and "@a" or ("x"):rep(40) .. k end }))  -- EXPECT: post: the options must be a plain table (no metatable)
  error("ESCAPED: the proxy was read")
end
