-- Library folder: a syntax error in a module names the module's line.
-- SESSION: none
-- AT: lib/syntax.lua:3
local x = require "syntax"  -- EXPECT: unexpected symbol near '='
scenario{ id = "sandbox-lib-syntax", title = "Sandbox: lib syntax", duration = 600 }
function main() error("ESCAPED: the module loaded") end
