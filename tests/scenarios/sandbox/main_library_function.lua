-- Sandbox: main = string.rep: the timeline was a C function, and its error had no line.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
-- WITHIN: 10
scenario{ id = "sandbox-main-library-function", title = "Sandbox: main_library_function", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

main = string.rep  -- EXPECT: main must be a function of the scenario
