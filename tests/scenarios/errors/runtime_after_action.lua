-- Error: a runtime error at 00:30, after the trainee replied at 00:05 (see
-- tests/cli/errors.sh): the reply, its score rows and the posts stay stored
-- (errors.sh checks the reply and its scores; KEEPS only the scenario's post).
-- KEEPS: c1
scenario{ id = "errors-runtime-after-action", title = "Errors: runtime after action", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10, role = "customer" }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "My order never came and nobody answers." }
  wait(30)
  local followup = nil
  post{ id = "c2", author = "@a", text = followup.text }  -- EXPECT: attempt to index a nil value (local 'followup')
end
