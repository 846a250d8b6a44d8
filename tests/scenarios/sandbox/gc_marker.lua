-- Sandbox: no __gc as a marker either (Lua would call whatever __gc holds when collecting).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-gc-marker", title = "Sandbox: gc_marker", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local mt = { __gc = true }
  local t = setmetatable({}, mt)  -- EXPECT: setmetatable: __gc is not allowed in a scenario
  mt.__gc = function() while true do end end
  error("ESCAPED: an object was marked for finalization")
end
