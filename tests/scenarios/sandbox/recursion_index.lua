-- Sandbox: a metamethod chain: __index calling itself.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-index", title = "Sandbox: recursion_index", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local t = setmetatable({}, {})
  getmetatable(t).__index = function(self, k) return self[k] end  -- EXPECT: C stack overflow
  local v = t.anything
  error("ESCAPED: __index recursion ended")
end
