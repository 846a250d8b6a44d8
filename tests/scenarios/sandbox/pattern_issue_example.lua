-- Sandbox: the backtracking search of the issue: five lazy repetitions on 50,000 characters.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-issue-example", title = "Sandbox: pattern_issue_example", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local found = string.find(("a"):rep(50000), ".-.-.-.-.-b")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
