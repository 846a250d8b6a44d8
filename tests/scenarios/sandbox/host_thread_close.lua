-- Sandbox: a spawned function closes main()'s thread while it waits: the host then resumed a dead coroutine (no position).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-host-thread-close", title = "Sandbox: host_thread_close", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local me = coroutine.running()
  spawn(function()
    coroutine.close(me)  -- EXPECT: coroutine.close: this is a thread of the scenario's timeline
  end)
  wait(1)
  error("ESCAPED: main() was closed")
end
