-- Sandbox: the metatable of _G cannot be reached to disarm it.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-getmetatable-global", title = "Sandbox: getmetatable_global", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local mt = getmetatable(_G)
  mt.__index = nil  -- EXPECT: attempt to index a boolean value (local 'mt')
  error("ESCAPED: strict globals switched off")
end
