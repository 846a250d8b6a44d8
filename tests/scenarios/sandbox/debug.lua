-- Sandbox: no debug library (registry, upvalues, hooks).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-debug", title = "Sandbox: debug", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local registry = debug.getregistry()  -- EXPECT: unknown name 'debug'
  error("ESCAPED: debug.getregistry is reachable")
end
