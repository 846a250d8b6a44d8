-- Sandbox: no loadfile.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-loadfile", title = "Sandbox: loadfile", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = loadfile("/etc/passwd")  -- EXPECT: unknown name 'loadfile'
  error("ESCAPED: loadfile is reachable")
end
