-- Sandbox: branch() in a loop: each one a row of the database.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-branch-flood", title = "Sandbox: data_branch_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  for i = 1, 1e9 do branch("b" .. i) end  -- EXPECT: branch: over 10000 branches
  error("ESCAPED: the branches stopped")
end
