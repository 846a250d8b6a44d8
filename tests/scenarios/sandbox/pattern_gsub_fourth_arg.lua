-- Sandbox: gsub's fourth argument (a count) was taken for find's 'plain': the pattern bound was skipped.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-gsub-fourth-arg", title = "Sandbox: pattern_gsub_fourth_arg", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("a"):rep(50000):gsub(".-.-.-.-.-b", "", 1)  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
