-- Error: pattern matching on a long subject is refused (backtracking runs in C, out of the budget's reach).
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-pattern-long-subject", title = "Errors: pattern_long_subject", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local subject = string.rep("a", 70000)
  local found = subject:find(".-.-.-b")  -- EXPECT: pattern matching on a text over 64 KiB is not allowed
end
