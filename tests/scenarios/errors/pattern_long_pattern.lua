-- Error: a long pattern is refused.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-pattern-long-pattern", title = "Errors: pattern_long_pattern", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local found = ("text"):match(string.rep("a?", 200))  -- EXPECT: patterns over 256 characters are not allowed
end
