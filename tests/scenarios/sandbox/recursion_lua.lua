-- Sandbox: endless Lua recursion.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-lua", title = "Sandbox: recursion_lua", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local function deeper(n) return 1 + deeper(n + 1) end  -- EXPECT: stack overflow
  deeper(1)
  error("ESCAPED: the recursion ended")
end
