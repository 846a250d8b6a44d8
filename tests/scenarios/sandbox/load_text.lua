-- Sandbox: no load, not even of text.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-load-text", title = "Sandbox: load_text", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local f = load("return 1")  -- EXPECT: unknown name 'load'
  error("ESCAPED: load is reachable")
end
