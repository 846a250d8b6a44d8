-- Error: a backtracking pattern on a subject under the cap must not hang.
-- KEEPS: c1 c2
-- WITHIN: 5
scenario{ id = "errors-pattern-backtrack", title = "Errors: pattern_backtrack", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local subject = string.rep("a", 2000)
  local found = subject:find(".-.-.-b")  -- EXPECT: a pattern with
end
