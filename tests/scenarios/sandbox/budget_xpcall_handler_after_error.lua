-- Sandbox: a message handler reached through error() loops: the budget runs out inside it, and the error raised in the hook calls it again.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-xpcall-handler-after-error", title = "Sandbox: budget_xpcall_handler_after_error", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  xpcall(error, function(m) while true do end end, "boom")  -- EXPECT: instruction budget of 50 million spent
  error("ESCAPED: the handler returned")
end
