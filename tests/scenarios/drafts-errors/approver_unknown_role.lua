-- Drafts: an approver for a role the rule set lacks, named at its line when the play starts.
scenario{ id = "drafts-approver-unknown-role", title = "Drafts: unknown role", duration = 600 }
approver{ role = "managr" }  -- EXPECT: approver: role 'managr' is not in rule set 'default'
function main()
  wait(10)
end
