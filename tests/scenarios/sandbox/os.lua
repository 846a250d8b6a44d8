-- Sandbox: no os library: no commands, no exit, no files.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-os", title = "Sandbox: os", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  os.execute("touch /tmp/crisisdrill-sandbox-escaped")  -- EXPECT: unknown name 'os'
  error("ESCAPED: os.execute is reachable")
end
