-- Sandbox: _G holds no forbidden library, and reading one through it is strict too.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-global-table", title = "Sandbox: global_table", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = _G.io  -- EXPECT: unknown name 'io'
  error("ESCAPED: _G.io is reachable")
end
