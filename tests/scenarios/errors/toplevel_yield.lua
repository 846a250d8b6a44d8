-- Error: a bare coroutine.yield() at the top level is an error with its line.
-- SESSION: none
scenario{ id = "errors-toplevel-yield", title = "Errors: toplevel_yield", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

coroutine.yield()  -- EXPECT: the top level of a scenario cannot wait nor yield

function main() wait(1) end
