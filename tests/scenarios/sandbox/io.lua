-- Sandbox: no io library: no files.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-io", title = "Sandbox: io", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = io.open("/etc/passwd")  -- EXPECT: unknown name 'io'
  error("ESCAPED: io.open is reachable")
end
