-- Sandbox: match with a truthy fourth argument skipped the pattern bound.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-match-fourth-arg", title = "Sandbox: pattern_match_fourth_arg", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("a"):rep(50000):match(".-.-.-.-.-b", 1, true)  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
