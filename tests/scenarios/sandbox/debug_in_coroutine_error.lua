-- Sandbox: an error thrown from coroutine.wrap carries a message, not the coroutine's debug access.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-debug-in-coroutine-error", title = "Sandbox: debug_in_coroutine_error", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local co = coroutine.wrap(function() local lib = debug end)
  co()  -- EXPECT: debug_in_coroutine_error.lua:11: unknown name 'debug'
  error("ESCAPED: debug reachable from a coroutine")
end
