-- Sandbox: a message handler that closes the dead coroutine (its __close loops).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-budget-close-in-handler", title = "Sandbox: budget_close_in_handler", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local co = coroutine.create(function()
    local guard <close> = setmetatable({}, { __close = function() while true do end end })
    while true do end  -- EXPECT: instruction budget of 50 million spent
  end)
  xpcall(function() assert(coroutine.resume(co)) end, function() coroutine.close(co) while true do end end)
  error("ESCAPED: the handler returned")
end
