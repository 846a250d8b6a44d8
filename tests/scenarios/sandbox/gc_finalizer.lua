-- Sandbox: no __gc: Lua runs finalizers with hooks off, out of reach of the instruction budget.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-gc-finalizer", title = "Sandbox: gc_finalizer", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  setmetatable({}, { __gc = function() while true do end end })  -- EXPECT: setmetatable: __gc is not allowed in a scenario
  error("ESCAPED: a finalizer was accepted")
end
