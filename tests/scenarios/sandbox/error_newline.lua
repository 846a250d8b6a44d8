-- Sandbox: an error message with line breaks is stored and shown on one line.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-error-newline", title = "Sandbox: error_newline", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  error("first line\nsecond line\r\nthird")  -- EXPECT: first line second line  third
  error("ESCAPED: error returned")
end
