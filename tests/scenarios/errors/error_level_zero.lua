-- Error: an error raised without position (level 0) gets one.
-- KEEPS: c1 c2
scenario{ id = "errors-error-level-zero", title = "Errors: error_level_zero", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  error("no position given", 0)  -- EXPECT: no position given
end
