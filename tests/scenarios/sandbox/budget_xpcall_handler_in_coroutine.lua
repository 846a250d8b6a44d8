-- Sandbox: a looping message handler inside a coroutine.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-xpcall-handler-in-coroutine", title = "Sandbox: budget_xpcall_handler_in_coroutine", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  coroutine.wrap(function() xpcall(function() while true do end end, function() while true do end end) end)()  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the coroutine returned")
end
