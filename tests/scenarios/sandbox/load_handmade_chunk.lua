-- Sandbox: a hand-made "\27Lua" chunk finds no loader (load is gone, string.dump too).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-load-handmade-chunk", title = "Sandbox: load_handmade_chunk", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local header = "\27Lua" .. string.char(0x54, 0, 0x19, 0x93, 13, 10, 0x1a, 10, 4, 8, 8)
  local f = (load or loadstring)(header .. ("\0"):rep(64))  -- EXPECT: unknown name 'load'
  error("ESCAPED: a binary chunk was loaded")
end
