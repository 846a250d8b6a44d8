-- Sandbox: _ENV is the same sandboxed table.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-env", title = "Sandbox: env", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local exit = _ENV["os"]  -- EXPECT: unknown name 'os'
  error("ESCAPED: _ENV.os is reachable")
end
