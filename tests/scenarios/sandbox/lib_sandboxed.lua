-- Library folder: a module runs in the sandbox too (no io, os, ...).
-- SESSION: none
-- AT: lib/escape.lua:2
local x = require "escape"  -- EXPECT: unknown name 'io'
scenario{ id = "sandbox-lib-sandboxed", title = "Sandbox: lib sandboxed", duration = 600 }
function main() error("ESCAPED: the module loaded") end
