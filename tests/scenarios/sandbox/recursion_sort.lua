-- Sandbox: C-level recursion through table.sort comparators.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-sort", title = "Sandbox: recursion_sort", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = { 3, 1, 2 }
  local function cmp(a, b) table.sort(t, cmp) return a < b end  -- EXPECT: C stack overflow
  table.sort(t, cmp)
  error("ESCAPED: sort recursion ended")
end
