-- Sandbox: a function's _ENV is the same sandbox table (no fresh globals in closures).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-env-upvalue", title = "Sandbox: env_upvalue", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local function get() return _ENV end
  local lib = get().package  -- EXPECT: unknown name 'package'
  error("ESCAPED: package through a closure's _ENV")
end
