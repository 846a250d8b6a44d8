-- Sandbox: a gmatch loop whose every step backtracks.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-gmatch-loop", title = "Sandbox: pattern_gmatch_loop", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local n = 0
  for w in ("a"):rep(40000):gmatch("(.-)(.-)x") do n = n + 1 end  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the loop ran")
end
