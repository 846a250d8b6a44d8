-- Error: await with timeout 0 in a loop is the same endless loop.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-await-zero-loop", title = "Errors: await_zero_loop", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  while true do await{ timeout = 0 } end  -- EXPECT: instruction budget of 50 million spent
end
