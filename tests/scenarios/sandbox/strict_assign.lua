-- Sandbox: main() may change globals made at the top level, not make new ones.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-strict-assign", title = "Sandbox: strict_assign", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

counter = 0  -- made at the top level: allowed

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  counter = counter + 1
  assert(counter == 1)
  new_counter = 1  -- EXPECT: assignment to undeclared global 'new_counter'
  error("ESCAPED: a new global made inside main()")
end
