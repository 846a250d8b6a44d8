-- Error: an endless loop at the top level is stopped too.
-- SESSION: none
-- WITHIN: 3
scenario{ id = "errors-toplevel-loop", title = "Errors: toplevel_loop", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

while true do end  -- EXPECT: instruction budget of 50 million spent without waiting

function main() wait(1) end
