-- Sandbox: pcall cannot swallow the end of the instruction budget.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pcall-budget", title = "Sandbox: pcall_budget", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  while true do pcall(function() while true do end end) end  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the loop ended")
end
