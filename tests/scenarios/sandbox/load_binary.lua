-- Sandbox: no load of a binary chunk either (malicious bytecode can crash the VM).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-load-binary", title = "Sandbox: load_binary", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local chunk = "\27LuaT\0\25\147\r\n\26\n\4\8\8xV\0\0\0\0\0\0\0\0\0\0\0(w@"
  local f = load(chunk, "bytes", "b")  -- EXPECT: unknown name 'load'
  error("ESCAPED: load of a binary chunk is reachable")
end
