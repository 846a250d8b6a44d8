-- Sandbox: coroutine.wrap nested in itself.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-coroutine-wrap", title = "Sandbox: recursion_coroutine_wrap", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local function nest() return coroutine.wrap(nest)() end  -- EXPECT: C stack overflow
  nest()
  error("ESCAPED: coroutine nesting ended")
end
