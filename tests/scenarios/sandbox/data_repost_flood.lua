-- Sandbox: repost in a loop, as long as the API allows: what it keeps in memory and in the database is bounded.
-- Each repost is small (no text), so its ids, author and situation are made as long as allowed.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-repost-flood", title = "Sandbox: data_repost_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
persona{ handle = "@" .. ("a"):rep(63), name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  local parent = ("p"):rep(60)
  post{ id = parent, author = "@a", situation = "complaint", text = "the reposted post" }
  wait(5)
  local author, id, situation = "@" .. ("a"):rep(63), ("r"):rep(50), ("s"):rep(1000)
  for i = 1, 1e9 do repost(parent, { author = author, id = id .. i, situation = situation }) if i % 1000 == 0 then wait(0.001) end end  -- EXPECT: repost: the scenario's data budget of 32 MiB is spent
  error("ESCAPED: the posts stopped")
end
