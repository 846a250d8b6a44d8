-- Error: an error in the top level of the file.
-- SESSION: none
scenario{ id = "errors-toplevel-error", title = "Errors: toplevel_error", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

local settings = nil
local pace = settings.pace  -- EXPECT: attempt to index a nil value (local 'settings')

function main() wait(1) end
