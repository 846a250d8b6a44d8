-- Sandbox: a coroutine bomb: coroutines made and kept without end.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-coroutine-bomb", title = "Sandbox: coroutine_bomb", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local all = {}
  for i = 1, math.maxinteger do all[i] = coroutine.create(function() coroutine.yield() end) coroutine.resume(all[i]) end  -- EXPECT: memory limit of 64 MiB reached
  error("ESCAPED: coroutines without end")
end
