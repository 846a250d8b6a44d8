-- Error: wait() belongs in main(), not the top level.
-- SESSION: none
scenario{ id = "errors-toplevel-wait", title = "Errors: toplevel_wait", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

wait(5)  -- EXPECT: wait() works only inside main() or a function given to spawn()

function main() wait(1) end
