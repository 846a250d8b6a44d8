-- crowd{} names its replies: ID1, ID2, ... (id defaults to ABOUT_crowd);
-- crowds sharing an id number on from each other (tests/cli/crowd_ids.sh).
scenario{ id = "test-crowd-ids", title = "Test: crowd ids", duration = 10 * 60 }
persona{ handle = "@julie", name = "Julie", followers = 300, role = "customer" }

function main()
  post{ id = "c1", author = "@julie", situation = "complaint", text = "Cold coffee again.",
        virality = { rate = 30, growth = 0 } }
  crowd{ about = "c1", id = "echo", texts = { "Same here." }, every = 30, per = 10, max = 3 }
  crowd{ about = "c1", texts = { "Me too." }, every = 30, per = 10, max = 2 }
  crowd{ about = "c1", id = "echo", texts = { "Again." }, every = 45, per = 10, max = 1 }
  local a = await{ post = "echo2", kinds = { "reply" } }
  branch("echo2_answered_at_" .. math.floor(a.at))
  wait(60)
  finish(counters("c1_crowd2").reposts == 0 and "named" or "unnamed")
end
