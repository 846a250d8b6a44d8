-- Sandbox: a day-long scenario waking every millisecond: each instant is within its budget, the run never ends.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-run-millisecond-waits", title = "Sandbox: run_millisecond_waits", duration = 86400 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  while true do wait(0.001) end  -- EXPECT: whole-run budget of
  error("ESCAPED: the day ended")
end
