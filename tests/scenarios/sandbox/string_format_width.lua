-- Sandbox: string.format with a huge width.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-string-format-width", title = "Sandbox: string_format_width", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = string.format("%99999d", 1)  -- EXPECT: invalid conversion
  error("ESCAPED: a 99999-character number")
end
