-- Error: reading an unknown name at the top level.
-- SESSION: none
scenario{ id = "errors-toplevel-undefined", title = "Errors: toplevel_undefined", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

local pace = default_pace  -- EXPECT: unknown name 'default_pace'

function main() wait(1) end
