-- Sandbox: table.unpack of a billion values.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-table-unpack-huge", title = "Sandbox: table_unpack_huge", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local n = select("#", table.unpack({}, 1, 1e9))  -- EXPECT: too many results to unpack
  error("ESCAPED: a billion results")
end
