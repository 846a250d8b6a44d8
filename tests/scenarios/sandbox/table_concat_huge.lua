-- Sandbox: table.concat of one MiB repeated 200 times.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-concat-huge", title = "Sandbox: table_concat_huge", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local mb = ("x"):rep(1024 * 1024)
  local t = {}
  for i = 1, 200 do t[i] = mb end
  local s = table.concat(t)  -- EXPECT: memory limit of 64 MiB reached
  error("ESCAPED: a 200 MiB string")
end
