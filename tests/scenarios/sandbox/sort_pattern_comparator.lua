-- Sandbox: table.sort with string.find as comparator: a C function called from C, no instruction counted.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-sort-pattern-comparator", title = "Sandbox: sort_pattern_comparator", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = {}
  for i = 1, 2000 do t[i] = (".-"):rep(2) .. ("a"):rep(100 + i % 7) end
  table.sort(t, string.find)  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the sort ended")
end
