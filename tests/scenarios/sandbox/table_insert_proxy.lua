-- Sandbox: table.insert at the front of a proxy of 2^50 elements.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-insert-proxy", title = "Sandbox: table_insert_proxy", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, { __len = function() return 2^50 end, __index = rawequal, __newindex = rawequal })
  table.insert(t, 1, "x")  -- EXPECT: table.insert works on plain tables in a scenario
  error("ESCAPED: the loop ended")
end
