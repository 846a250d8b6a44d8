-- Sandbox: main() cannot resume itself (a thread of the timeline is the scheduler's alone).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-coroutine-resume-main", title = "Sandbox: coroutine_resume_main", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local me = coroutine.running()
  local ok, why = coroutine.resume(me)  -- EXPECT: coroutine.resume: this is a thread of the scenario's timeline
  error(why)
  error("ESCAPED: main() resumed itself")
end
