-- Sandbox: collectgarbage is gone, and churning garbage forever ends on the instruction budget with bounded memory.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-gc-churn", title = "Sandbox: gc_churn", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local keep, n = nil, 0
  while true do n = n + 1 if n % 64 == 0 then keep = { {}, { {} } } end end  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the loop ended")
end
