-- Sandbox: walking _G with next/pairs finds no forbidden library. (require
-- is there: the host's own, which loads only lib/NAME.lua; lib_*.lua test it.)
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-next-global-table", title = "Sandbox: next_global_table", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local seen = 0
  for k, v in next, _G do
    seen = seen + 1
    if k == "io" or k == "os" or k == "debug" or k == "package" or k == "load"
       or k == "dofile" or k == "loadfile" or k == "collectgarbage" or k == "print" then
      error("ESCAPED: _G holds " .. k)
    end
  end
  error("no forbidden name among the globals")  -- EXPECT: no forbidden name among the globals
end
