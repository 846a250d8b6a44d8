-- Sandbox: rawset can name a global after loading, but cannot bring a removed library back.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-rawset-global", title = "Sandbox: rawset_global", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  rawset(_G, "io", string)
  local f = io.open("/etc/passwd")  -- EXPECT: attempt to call a nil value (field 'open')
  error("ESCAPED: io.open is reachable")
end
