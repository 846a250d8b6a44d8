-- Error: a huge string.rep is refused before it runs.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-string-rep-huge", title = "Errors: string_rep_huge", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local s = string.rep("x", 1e9)  -- EXPECT: string.rep: the result would be over 1024 KiB
end
