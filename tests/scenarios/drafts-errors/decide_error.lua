-- Drafts: decide raises an error when the manager answers (00:30 + 60 s):
-- the scenario stops at decide's line. Played with submit.txt.
-- KEEPS: c1 submit:1
scenario{ id = "drafts-decide-error", title = "Drafts: decide errs", duration = 600 }
persona{ handle = "@sam", name = "Sam", role = "customer" }
approver{ role = "manager", after = 60, decide = function(draft)
  local verdict = nil
  return verdict.answer  -- EXPECT: attempt to index a nil value (local 'verdict')
end }
function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = "Where is my parcel?" }
end
