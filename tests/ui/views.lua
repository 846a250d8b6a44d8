-- The window's test of the desk's views (tests/ui/test_desk.c): public
-- posts that name the brand or not, a hashtag, private messages from two
-- customers, a colleague on the internal channel, a headline; a bio for
-- the profile; two more posts later (the "new posts" marker, the live
-- search).
scenario{ id = "views", title = "The desk's views", duration = 30 * 60, limit = 280,
          brand = { handle = "@brewco", name = "BrewCo", followers = 48200 } }
persona{ handle = "@julie_m", name = "Julie Martin", followers = 312, role = "customer",
         bio = "Nurse, night shifts, coffee before everything. Leeds." }
persona{ handle = "@bob_k", name = "Bob Kane", followers = 88, role = "troll" }
persona{ handle = "@ellie_news", name = "Ellie Shaw", followers = 14200, verified = true, role = "journalist" }
persona{ handle = "@alex_ops", name = "Alex (manager on duty)", role = "colleague" }
persona{ handle = "@daily", name = "The Daily", followers = 90000, role = "media" }

function main()
  post{ id = "m1", author = "@julie_m", situation = "complaint",
        text = "Third cold coffee this week, @brewco. Does anyone there read these?" }
  post{ id = "p1", author = "@bob_k", situation = "troll", text = "Coffee is overrated anyway. #ColdCoffee" }
  post{ id = "p2", author = "@ellie_news", situation = "press_inquiry", text = "Anyone else had a problem at a Leeds café this week?" }
  repost("m1", { id = "r1", author = "@bob_k" })
  dm{ id = "d1", author = "@julie_m", situation = "complaint", text = "My order number is 4471, the receipt is attached." }
  dm{ id = "d2", author = "@bob_k", situation = "troll", text = "Free coffee or I post more." }
  internal{ id = "k1", author = "@alex_ops", text = "Status on the cold coffee thread?" }
  news{ id = "n1", author = "@daily", text = "Coffee chain under fire over cold drinks" }
  wait(60)
  post{ id = "p3", author = "@ellie_news", situation = "press_inquiry",
        text = "Writing about #ColdCoffee at Leeds cafés: DMs open." }
  post{ id = "m2", author = "@julie_m", situation = "complaint", text = "@brewco still waiting for an answer." }
  wait(30 * 60)
end
