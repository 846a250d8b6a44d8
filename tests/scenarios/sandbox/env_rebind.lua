-- Sandbox: a local _ENV whose __index is _G still meets strict globals.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-env-rebind", title = "Sandbox: env_rebind", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local _ENV = setmetatable({}, { __index = _G })
  local lib = io  -- EXPECT: unknown name 'io'
  error("ESCAPED: io through a rebound _ENV")
end
