-- Sandbox: a branch name of a megabyte.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-branch-long", title = "Sandbox: data_branch_long", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  branch(("b"):rep(1000000))  -- EXPECT: branch: a name is at most 64 characters
  error("ESCAPED: the branch was kept")
end
