-- Sandbox: gsub with 32 lazy captures.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-gsub-captures", title = "Sandbox: pattern_gsub_captures", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("word "):rep(2000)
  local out = s:gsub(("(.-)"):rep(32), "%1")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the substitution ran")
end
