-- Sandbox: the string metatable leads only to the sandboxed string table.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-string-metatable", title = "Sandbox: string_metatable", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local lib = getmetatable("").__index
  assert(lib == string, "the string metatable should lead to the string table")
  local bytes = lib.dump(main)  -- EXPECT: attempt to call a nil value (field 'dump')
  error("ESCAPED: string.dump through the string metatable")
end
