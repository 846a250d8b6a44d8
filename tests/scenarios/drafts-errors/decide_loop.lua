-- Drafts: decide never returns; the instruction budget stops it at its line.
-- Played with submit.txt.
-- KEEPS: c1 submit:1
-- WITHIN: 10
scenario{ id = "drafts-decide-loop", title = "Drafts: decide loops", duration = 600 }
persona{ handle = "@sam", name = "Sam", role = "customer" }
approver{ role = "manager", decide = function(draft)
  while #draft.text > 0 do end  -- EXPECT: instruction budget of 50 million spent without waiting
end }
function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = "Where is my parcel?" }
end
