-- Sandbox: weak tables and __mode do not give a way around the memory ceiling.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-gc-weak-tables", title = "Sandbox: gc_weak_tables", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local cache = setmetatable({}, { __mode = "k" })
  local strong = {}
  for i = 1, math.maxinteger do local k = {} cache[k] = ("y"):rep(16000) .. i strong[i] = k end  -- EXPECT: memory limit of 64 MiB reached
  error("ESCAPED: memory without end")
end
