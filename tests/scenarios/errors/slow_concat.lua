-- Error: small concatenations, each copying the whole string: few instructions, endless work; stopped by the time ceiling.
-- KEEPS: c1 c2
-- WITHIN: 12
scenario{ id = "errors-slow-concat", title = "Errors: slow_concat", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local s = ""
  for i = 1, math.maxinteger do s = s .. "0123456789012345678901234567890123456789" .. i end  -- EXPECT: ran over 5 seconds without waiting
end
