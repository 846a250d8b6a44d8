-- The window's test of the brand's own voice (tests/ui/test_desk.c): a
-- complaint to quote, answer or hide, a colleague on the internal channel,
-- a pre-approved answer for complaints only and one for private messages
-- only (a statement, a quote and a
-- draft are offered none), and two approvers: the manager amends a draft a
-- minute after it comes, legal refuses one after 30 seconds.
scenario{ id = "voice", title = "The brand's voice", duration = 30 * 60, limit = 280,
          brand = { handle = "@brewco", name = "BrewCo", followers = 48200 } }
persona{ handle = "@julie_m", name = "Julie Martin", followers = 312, role = "customer" }
persona{ handle = "@alex_ops", name = "Alex (manager on duty)", role = "colleague" }
persona{ handle = "@legal_sam", name = "Sam (legal)", role = "colleague" }
template{ id = "apology", situation = "complaint", label = "Apologise and move to private messages",
          text = "We are sorry, Julie. Could you send us a private message with your order number?" }
template{ id = "refund", situation = "complaint", channel = "private", label = "Private message: the refund",
          text = "Thank you, Julie: your refund is on its way." }

approver{ role = "manager", author = "@alex_ops", after = 60, decide = function(draft)
  return amend("Some of you got cold coffee at BrewCo Central this week: we are sorry. "
               .. "Every cold drink is refunded at the counter.",
               "OK with one change: no promise about the machines until the technician has been.")
end }
approver{ role = "legal", author = "@legal_sam", after = 30, decide = function(draft)
  return refuse("On ne rejette pas la faute sur un fournisseur en public.")
end }

function main()
  post{ id = "c1", author = "@julie_m", situation = "complaint",
        text = "Third cold coffee this week at BrewCo Central. Lovely. Never again. Does anyone there read these?" }
  wait(5)
  internal{ id = "k1", author = "@alex_ops", text = "Status on the cold coffee thread? Do we need a statement?" }
  wait(30 * 60)
end
