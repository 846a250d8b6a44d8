-- Sandbox: table.sort of 2 million elements with a cheap C comparator (rawequal): 40 million calls the hook never sees.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-sort-c-comparator", title = "Sandbox: sort_c_comparator", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = {}
  for i = 1, 2000000 do t[i] = i end
  table.sort(t, rawequal)  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the sort ended")
end
