-- Sandbox: no collectgarbage.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-collectgarbage", title = "Sandbox: collectgarbage", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  collectgarbage("collect")  -- EXPECT: unknown name 'collectgarbage'
  error("ESCAPED: collectgarbage is reachable")
end
