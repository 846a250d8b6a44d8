-- Error: a table that grows without end hits the memory ceiling.
-- KEEPS: c1 c2
-- WITHIN: 5
scenario{ id = "errors-memory-table", title = "Errors: memory_table", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local t = {}
  for i = 1, math.maxinteger do t[i] = { i } end  -- EXPECT: memory limit of 64 MiB reached
end
