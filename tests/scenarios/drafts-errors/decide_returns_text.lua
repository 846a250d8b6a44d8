-- Drafts: decide returns a string, not a decision: reported at the approver's line.
-- Played with submit.txt.
-- KEEPS: c1 submit:1
scenario{ id = "drafts-decide-returns-text", title = "Drafts: decide returns text", duration = 600 }
persona{ handle = "@sam", name = "Sam", role = "customer" }
approver{ role = "manager", after = 5,  -- EXPECT: approver: decide must return approve(), amend(text) or refuse(reason)
  decide = function(draft) return "approved" end }
function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = "Where is my parcel?" }
end
