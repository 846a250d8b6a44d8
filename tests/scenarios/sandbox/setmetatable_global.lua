-- Sandbox: the metatable of _G (strict globals) cannot be replaced.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-setmetatable-global", title = "Sandbox: setmetatable_global", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  setmetatable(_G, nil)  -- EXPECT: cannot change a protected metatable
  error("ESCAPED: strict globals switched off")
end
