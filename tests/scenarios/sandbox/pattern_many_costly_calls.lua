-- Sandbox: many allowed but costly searches in one instant (each under the pattern bound; the clock was read every 1,000 instructions only).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-many-costly-calls", title = "Sandbox: pattern_many_costly_calls", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("a"):rep(8100)
  while true do s:find(".-b") end  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the loop ended")
end
