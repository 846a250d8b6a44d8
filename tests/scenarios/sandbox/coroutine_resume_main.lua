-- Sandbox: main() cannot resume itself from one of its coroutines.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-coroutine-resume-main", title = "Sandbox: coroutine_resume_main", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local me = coroutine.running()
  local ok, why = coroutine.resume(me)
  error(why)  -- EXPECT: cannot resume non-suspended coroutine
  error("ESCAPED: main() resumed itself")
end
