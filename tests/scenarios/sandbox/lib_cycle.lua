-- Library folder: modules that require each other stop with an error, not
-- an endless recursion.
-- SESSION: none
-- AT: lib/cycle_b.lua:2
local x = require "cycle_a"  -- EXPECT: require: module 'cycle_a' is required while it loads
scenario{ id = "sandbox-lib-cycle", title = "Sandbox: lib cycle", duration = 600 }
function main() error("ESCAPED: the cycle loaded") end
