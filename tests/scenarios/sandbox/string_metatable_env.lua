-- Sandbox: the string metatable's __index pointed at _ENV reads through strict globals.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-string-metatable-env", title = "Sandbox: string_metatable_env", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  getmetatable("").__index = _ENV
  local lib = ("").os  -- EXPECT: unknown name 'os'
  error("ESCAPED: os through the string metatable")
end
