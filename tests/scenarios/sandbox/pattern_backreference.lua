-- Sandbox: a back-reference scanning the text from every start.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-pattern-backreference", title = "Sandbox: pattern_backreference", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local found = ("a"):rep(60000):find("(a*)%1b")  -- EXPECT: a pattern with repetitions that may backtrack
  error("ESCAPED: the search ran")
end
