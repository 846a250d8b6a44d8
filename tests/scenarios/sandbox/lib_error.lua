-- Library folder: an error in a module names the module's file and line.
-- SESSION: none
-- AT: lib/boom.lua:4
local x = require "boom"  -- EXPECT: the module fails while it loads
scenario{ id = "sandbox-lib-error", title = "Sandbox: lib error", duration = 600 }
function main() error("ESCAPED: the module loaded") end
