-- Sandbox: tostring recursion through __tostring.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-tostring", title = "Sandbox: recursion_tostring", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, { __tostring = function(self) return tostring(self) end })  -- EXPECT: C stack overflow
  local s = tostring(t)
  error("ESCAPED: __tostring recursion ended")
end
