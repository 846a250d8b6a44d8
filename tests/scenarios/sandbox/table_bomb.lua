-- Sandbox: a table bomb: a table that doubles itself.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-bomb", title = "Sandbox: table_bomb", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = { 1 }
  while true do local n = #t for i = 1, n do t[n + i] = { t[i] } end end  -- EXPECT: memory limit of 64 MiB reached
  error("ESCAPED: tables without end")
end
