-- Error: spawning in a loop stops at a ceiling (the scheduler scans every thread).
-- KEEPS: c1 c2
-- WITHIN: 5
scenario{ id = "errors-too-many-threads", title = "Errors: too_many_threads", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  while true do spawn(function() while true do wait(1) end end) end  -- EXPECT: spawn: over 1000 functions running at once
end
