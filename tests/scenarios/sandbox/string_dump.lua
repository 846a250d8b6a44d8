-- Sandbox: no string.dump (bytecode out of a function).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-string-dump", title = "Sandbox: string_dump", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local bytes = string.dump(main)  -- EXPECT: attempt to call a nil value (field 'dump')
  error("ESCAPED: string.dump is reachable")
end
