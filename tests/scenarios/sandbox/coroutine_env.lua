-- Sandbox: a coroutine runs in the same sandbox.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-coroutine-env", title = "Sandbox: coroutine_env", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = coroutine.wrap(function() return io.open end)()  -- EXPECT: unknown name 'io'
  error("ESCAPED: io reachable from a coroutine")
end
