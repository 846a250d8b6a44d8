-- Sandbox: a bare coroutine.yield() in main() is an error, not a timeline that silently stops.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-coroutine-yield", title = "Sandbox: coroutine_yield", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  coroutine.yield()  -- EXPECT: coroutine.yield() would stop this timeline for good
  error("ESCAPED: coroutine.yield() returned")
end
