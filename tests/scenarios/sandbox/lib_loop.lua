-- Library folder: a module runs under the scenario's budgets; an endless
-- loop in it stops with the module's file and line.
-- SESSION: none
-- WITHIN: 10
-- AT: lib/loop.lua:3
local x = require "loop"  -- EXPECT: instruction budget of 50 million spent without waiting
scenario{ id = "sandbox-lib-loop", title = "Sandbox: lib loop", duration = 600 }
function main() error("ESCAPED: the loop ended") end
