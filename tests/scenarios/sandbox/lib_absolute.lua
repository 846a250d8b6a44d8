-- Library folder: an absolute path is not a module name either.
-- SESSION: none
local x = require "/etc/passwd"  -- EXPECT: require: '/etc/passwd' is not a module name
scenario{ id = "sandbox-lib-absolute", title = "Sandbox: lib absolute", duration = 600 }
function main() error("ESCAPED: a path was loaded") end
