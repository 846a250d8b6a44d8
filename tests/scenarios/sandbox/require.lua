-- Sandbox: no require: no modules, Lua or C.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-require", title = "Sandbox: require", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local m = require("os")  -- EXPECT: unknown name 'require'
  error("ESCAPED: require is reachable")
end
