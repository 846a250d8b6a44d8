-- Sandbox: a to-be-closed variable whose __close loops, run by coroutine.close after the budget ran out in the coroutine (Lua left its hooks off).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-close-after-budget", title = "Sandbox: budget_close_after_budget", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local co = coroutine.create(function()
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end  -- EXPECT: instruction budget of 50 million spent
  end)
  coroutine.resume(co)
  coroutine.close(co)
  error("ESCAPED: the __close ran and returned")
end
