-- Sandbox: a huge string.rep called as a method.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-string-rep-method", title = "Sandbox: string_rep_method", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = ("x"):rep(2 ^ 40)  -- EXPECT: string.rep: the result would be over 1024 KiB
  error("ESCAPED: a huge string.rep")
end
