-- Library folder: no dots (Lua's "a.b" would mean a/b.lua): one flat folder.
-- SESSION: none
local x = require "press.lua"  -- EXPECT: require: 'press.lua' is not a module name
scenario{ id = "sandbox-lib-dotted", title = "Sandbox: lib dotted", duration = 600 }
function main() error("ESCAPED: a dotted name was loaded") end
