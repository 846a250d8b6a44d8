-- Library folder: an error in a module's function, called from main(),
-- names the module's line; the session is aborted, what was shown stays.
-- KEEPS: c1
-- AT: lib/boom.lua:5
BOOM_LATER = true
local boom = require "boom"
scenario{ id = "sandbox-lib-runtime-error", title = "Sandbox: lib runtime error", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  boom.later({})  -- EXPECT: attempt to index a nil value (field 'missing')
end
