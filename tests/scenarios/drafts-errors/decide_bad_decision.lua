-- Drafts: decide returns a table that is no decision: reported at the approver's line.
-- Played with submit.txt.
-- KEEPS: c1 submit:1
scenario{ id = "drafts-decide-bad-decision", title = "Drafts: decide returns no decision", duration = 600 }
persona{ handle = "@sam", name = "Sam", role = "customer" }
approver{ role = "manager", after = 5,  -- EXPECT: approver: a decision is approve(note), amend(text, note) or refuse(reason), not { decision = "ok" }
  decide = function(draft) return { decision = "ok" } end }
function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = "Where is my parcel?" }
end
