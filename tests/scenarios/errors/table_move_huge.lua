-- Error: a huge table.move is refused (it copies in C, out of the budget's reach).
-- KEEPS: c1 c2
-- WITHIN: 3
scenario{ id = "errors-table-move-huge", title = "Errors: table_move_huge", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  table.move({}, 1, 1e15, 1, {})  -- EXPECT: table.move: moving over 4194304 elements at once is not allowed
end
