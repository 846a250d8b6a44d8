-- Sandbox: a spawned function resumes main() out of turn, while it waits.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-host-thread-resume", title = "Sandbox: host_thread_resume", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local me = coroutine.running()
  spawn(function()
    assert(coroutine.resume(me))  -- EXPECT: coroutine.resume: this is a thread of the scenario's timeline
  end)
  wait(1)
  error("ESCAPED: main() was resumed")
end
