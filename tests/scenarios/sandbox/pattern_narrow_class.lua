-- Sandbox: backtracking with a narrow class on a text made of it (a*a*a*b on a's), which a count of broad classes missed.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-narrow-class", title = "Sandbox: pattern_narrow_class", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local found = ("a"):rep(20000):find("a*a*a*b")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
