-- Error: the budget spent inside a coroutine also stops main()'s own pcall loop; the error names
-- the line where the budget ran out.
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-infinite-loop-coroutine", title = "Errors: infinite_loop_coroutine", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  pcall(coroutine.wrap(function() while true do end end))  -- EXPECT: instruction budget of 50 million spent
  while true do pcall(function() for i = 1, 1000 do end end) end
end
