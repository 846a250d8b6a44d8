-- Sandbox: no dofile: no running other files.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-dofile", title = "Sandbox: dofile", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  dofile("/etc/passwd")  -- EXPECT: unknown name 'dofile'
  error("ESCAPED: dofile is reachable")
end
