-- Sandbox: rawget on _G finds nothing either: no library hides behind the strict metatable.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-rawget", title = "Sandbox: rawget", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local lib = rawget(_G, "io") or rawget(_G, "os") or rawget(_G, "debug") or rawget(_G, "package")
  local f = lib.open  -- EXPECT: attempt to index a nil value (local 'lib')
  error("ESCAPED: a library found with rawget")
end
