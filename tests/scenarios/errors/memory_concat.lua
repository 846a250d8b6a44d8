-- Error: a string concatenated without end hits the memory ceiling.
-- KEEPS: c1 c2
-- WITHIN: 5
scenario{ id = "errors-memory-concat", title = "Errors: memory_concat", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local chunk = string.rep("x", 1024 * 1024)
  local s = ""
  while true do s = s .. chunk end  -- EXPECT: memory limit of 64 MiB reached
end
