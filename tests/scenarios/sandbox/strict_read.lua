-- Sandbox: reading an unknown global inside main() is an error with its position.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-strict-read", title = "Sandbox: strict_read", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local n = undeclared_counter + 1  -- EXPECT: unknown name 'undeclared_counter'
  error("ESCAPED: an unknown name read as nil")
end
