-- Library folder: a module is loaded at the top level, where the scenario's
-- version (its content hash) is made; a new one from main() is refused.
-- KEEPS: c1
scenario{ id = "sandbox-lib-in-main", title = "Sandbox: lib in main", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local m = require "cycle_a"  -- EXPECT: require: load module 'cycle_a' at the top level of the scenario
  error("ESCAPED: a module loaded at run time")
end
