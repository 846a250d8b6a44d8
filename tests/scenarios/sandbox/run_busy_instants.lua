-- Sandbox: a day-long scenario using 40% of the budget of each millisecond instant.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-run-busy-instants", title = "Sandbox: run_busy_instants", duration = 86400 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  while true do for i = 1, 5000000 do end wait(0.001) end  -- EXPECT: whole-run budget of
  error("ESCAPED: the day ended")
end
