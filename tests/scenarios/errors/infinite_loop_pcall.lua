-- Error: an endless loop inside pcall cannot swallow the budget's error.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-infinite-loop-pcall", title = "Errors: infinite_loop_pcall", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  while true do pcall(function() while true do end end) end  -- EXPECT: instruction budget of 50 million spent
end
