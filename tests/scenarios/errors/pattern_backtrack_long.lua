-- Error: a single lazy repetition on a long subject is quadratic: refused past the bound.
-- KEEPS: c1
-- WITHIN: 5
scenario{ id = "errors-pattern-backtrack-long", title = "Errors: pattern_backtrack_long", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  assert(("hello   world"):gsub("%s+", " ") == "hello world")   -- ordinary patterns still work
  assert(string.rep("a", 60000):find("b", 1, true) == nil)       -- plain search is linear
  local found = string.rep("a", 60000):find(".-b")  -- EXPECT: a pattern with
end
