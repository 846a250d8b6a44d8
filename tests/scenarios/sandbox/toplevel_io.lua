-- Sandbox: the top level of the file (where new globals may be made) is sandboxed
-- too. If io were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
scenario{ id = "sandbox-toplevel-io", title = "Sandbox: toplevel_io", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

local lines = io.lines("/etc/passwd")  -- EXPECT: unknown name 'io'
error("ESCAPED: io.lines is reachable at the top level")

function main() wait(1) end
