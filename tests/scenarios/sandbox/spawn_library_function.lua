-- Sandbox: spawn(error): a thread of a C function had no line to name.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-spawn-library-function", title = "Sandbox: spawn_library_function", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  spawn(error)  -- EXPECT: spawn: give it a function of the scenario
  error("ESCAPED: a library function was spawned")
end
