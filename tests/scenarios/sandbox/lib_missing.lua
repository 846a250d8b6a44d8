-- Library folder: an unknown module is an error naming the file looked for.
-- SESSION: none
local x = require "nosuch"  -- EXPECT: require: no module 'nosuch' (no file lib/nosuch.lua, nor
scenario{ id = "sandbox-lib-missing", title = "Sandbox: lib missing", duration = 600 }
function main() error("ESCAPED: a missing module loaded") end
