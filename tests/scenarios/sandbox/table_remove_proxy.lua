-- Sandbox: table.remove on a "table" of 2^50 elements whose __index and __newindex are C functions: a loop in C with no hook.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-remove-proxy", title = "Sandbox: table_remove_proxy", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, { __len = function() return 2^50 end, __index = rawequal, __newindex = rawequal })
  table.remove(t, 1)  -- EXPECT: table.remove works on plain tables in a scenario
  error("ESCAPED: the loop ended")
end
