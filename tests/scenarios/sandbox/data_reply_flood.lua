-- Sandbox: reply in a loop, as long as the API allows: what it keeps in memory and in the database is bounded.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-reply-flood", title = "Sandbox: data_reply_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
persona{ handle = "@" .. ("a"):rep(63), name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local text, author, id = ("w"):rep(280), "@" .. ("a"):rep(63), ("i"):rep(50)
  for i = 1, 1e9 do reply("c1", { author = author, id = id .. i, text = text }) if i % 1000 == 0 then wait(0.001) end end  -- EXPECT: reply: the scenario's data budget of 32 MiB is spent
  error("ESCAPED: the posts stopped")
end
