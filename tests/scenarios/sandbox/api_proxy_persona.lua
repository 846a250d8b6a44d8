-- Sandbox: persona{} with a proxy option table, at the top level.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
-- WITHIN: 10
scenario{ id = "sandbox-api-proxy-persona", title = "Sandbox: api_proxy_persona", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
persona(setmetatable({}, { __index = function(_, k) local junk = {} for i = 1, 200 do junk[i] = {} end return k == "author" and "@a" or ("x"):rep(40) .. k end }))  -- EXPECT: persona: the options must be a plain table (no metatable)

function main()
  wait(1)
end
