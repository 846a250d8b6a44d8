-- Sandbox: table.concat of a large table again and again in one instant (linear work in C per call).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-concat-many-calls", title = "Sandbox: table_concat_many_calls", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = {}
  for i = 1, 200000 do t[i] = "x" end
  while true do local s = table.concat(t) end  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the loop ended")
end
