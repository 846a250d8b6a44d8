-- Sandbox: require is the host's own (the library folder, lib/NAME.lua):
-- no Lua or C module of the system, no package table.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-require", title = "Sandbox: require", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local m = require("os")  -- EXPECT: require: no module 'os' (no file lib/os.lua, nor
  error("ESCAPED: require is reachable")
end
