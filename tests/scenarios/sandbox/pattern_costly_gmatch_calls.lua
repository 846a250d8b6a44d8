-- Sandbox: many allowed but costly gmatch iterators in one instant.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-costly-gmatch-calls", title = "Sandbox: pattern_costly_gmatch_calls", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("a"):rep(8100)
  while true do for _ in s:gmatch("a-b") do end end  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the loop ended")
end
