-- Sandbox: table.sort of a proxy of 2^31 elements (C metamethods).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-sort-proxy", title = "Sandbox: table_sort_proxy", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, { __len = function() return 2^31 - 2 end, __index = rawlen, __newindex = rawequal })
  table.sort(t)  -- EXPECT: table.sort works on plain tables in a scenario
  error("ESCAPED: the sort ended")
end
