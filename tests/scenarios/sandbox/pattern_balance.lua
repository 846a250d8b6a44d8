-- Sandbox: %b scanning from every start of a text of open brackets.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-balance", title = "Sandbox: pattern_balance", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local found = ("("):rep(60000):find("%b()")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
