-- Sandbox: wait() is refused inside the script's own coroutines (the host could not resume them).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-coroutine-wait", title = "Sandbox: coroutine_wait", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  coroutine.wrap(function() wait(1) end)()  -- EXPECT: wait() cannot be called from inside coroutine.wrap or coroutine.create
  error("ESCAPED: wait() inside coroutine.wrap returned")
end
