-- Sandbox: coroutine.wrap closes a coroutine that failed, running its __close: after the budget, with hooks off.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-wrap-close-after-budget", title = "Sandbox: budget_wrap_close_after_budget", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = coroutine.wrap(function()
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end  -- EXPECT: instruction budget of 50 million spent
  end)
  pcall(f)
  error("ESCAPED: the __close ran and returned")
end
