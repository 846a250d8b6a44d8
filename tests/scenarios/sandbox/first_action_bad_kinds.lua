-- Sandbox: first_action without kinds: ipairs failed inside the prelude.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-first-action-bad-kinds", title = "Sandbox: first_action_bad_kinds", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local a = first_action("c1", nil, 1)  -- EXPECT: attempt to index a nil value
  error("ESCAPED: the action came")
end
