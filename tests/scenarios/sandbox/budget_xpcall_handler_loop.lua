-- Sandbox: xpcall's message handler loops after the budget is spent (Lua runs it inside the count hook, hooks off).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-xpcall-handler-loop", title = "Sandbox: budget_xpcall_handler_loop", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  xpcall(function() while true do end end, function() while true do end end)  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the handler returned")
end
