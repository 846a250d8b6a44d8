-- Sandbox: costly allowed searches at every millisecond for a day.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-run-costly-patterns", title = "Sandbox: run_costly_patterns", duration = 86400 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("a"):rep(4000)
  while true do s:find(".-b") wait(0.001) end  -- EXPECT: whole-run budget of
  error("ESCAPED: the day ended")
end
