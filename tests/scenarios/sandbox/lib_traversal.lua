-- Library folder: a module name is a plain name, never a path out of lib/.
-- SESSION: none
local x = require "../lib/loop"  -- EXPECT: require: '../lib/loop' is not a module name
scenario{ id = "sandbox-lib-traversal", title = "Sandbox: lib traversal", duration = 600 }
function main() error("ESCAPED: a path was loaded") end
