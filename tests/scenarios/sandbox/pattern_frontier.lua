-- Sandbox: frontier patterns with lazy repetitions between them.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-frontier", title = "Sandbox: pattern_frontier", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local found = ("ab "):rep(20000):find("%f[%w].-%f[%W].-%f[%w].-x")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
