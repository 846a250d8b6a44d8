-- Sandbox: __concat recursion.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-concat", title = "Sandbox: recursion_concat", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, { __concat = function(a, b) return a .. b end })  -- EXPECT: C stack overflow
  local s = t .. "x"
  error("ESCAPED: __concat recursion ended")
end
