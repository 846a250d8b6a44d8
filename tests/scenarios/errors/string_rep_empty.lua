-- Error: string.rep of nothing returns at once, however many times (Lua would loop n times).
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-string-rep-empty", title = "Errors: string_rep_empty", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local nothing = string.rep("", math.maxinteger) .. string.rep("", math.maxinteger, "")
  assert(nothing == "")
  local s = string.rep("ab", 1e6)  -- EXPECT: string.rep: the result would be over 1024 KiB
end
