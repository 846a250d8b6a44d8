-- Drafts: an amended text longer than the network allows could never be published:
-- reported at the approver's line. Played with submit.txt.
-- KEEPS: c1 submit:1
scenario{ id = "drafts-decide-amend-too-long", title = "Drafts: amended text too long", duration = 600, limit = 40 }
persona{ handle = "@sam", name = "Sam", role = "customer" }
approver{ role = "manager", after = 5,  -- EXPECT: approver: the amended text is 41 characters; the network allows 40
  decide = function(draft) return amend(("é"):rep(41)) end }
function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = "Where is my parcel?" }
end
