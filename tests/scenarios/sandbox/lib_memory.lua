-- Library folder: a module is under the scenario's memory ceiling.
-- SESSION: none
-- WITHIN: 10
-- AT: lib/memory.lua:3
local x = require "memory"  -- EXPECT: memory limit of 64 MiB reached
scenario{ id = "sandbox-lib-memory", title = "Sandbox: lib memory", duration = 600 }
function main() error("ESCAPED: the module loaded") end
