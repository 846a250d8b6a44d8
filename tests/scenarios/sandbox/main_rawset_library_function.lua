-- Sandbox: rawset(_G, "main", error) sets the timeline past the strict globals: a C function
-- whose error had no line. Refused after loading, at the scenario{} line.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
-- WITHIN: 10
scenario{ id = "sandbox-main-rawset-library-function", title = "Sandbox: main_rawset", duration = 600 }  -- EXPECT: main must be a function of the scenario
persona{ handle = "@a", name = "A", followers = 10 }
rawset(_G, "main", error)
