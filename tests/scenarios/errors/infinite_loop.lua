-- Error: an endless loop is stopped by the instruction budget, within seconds.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-infinite-loop", title = "Errors: infinite_loop", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  while true do end  -- EXPECT: instruction budget of 50 million spent without waiting
end
