-- Sandbox: a thousand threads waking every millisecond for a day.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-run-many-threads", title = "Sandbox: run_many_threads", duration = 86400 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  for i = 1, 999 do spawn(function() while true do wait(0.001) end end) end  -- EXPECT: whole-run budget of
  wait(100000)
  error("ESCAPED: the day ended")
end
