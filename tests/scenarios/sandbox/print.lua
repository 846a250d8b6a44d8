-- Sandbox: no print (standard output belongs to the program).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-print", title = "Sandbox: print", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  print("hello")  -- EXPECT: unknown name 'print'
  error("ESCAPED: print is reachable")
end
