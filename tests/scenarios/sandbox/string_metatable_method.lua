-- Sandbox: string methods cannot reach removed functions (""):dump().
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-string-metatable-method", title = "Sandbox: string_metatable_method", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local bytes = (""):dump()  -- EXPECT: attempt to call a nil value (method 'dump')
  error("ESCAPED: string.dump as a method")
end
