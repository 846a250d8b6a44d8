-- Sandbox: news in a loop, as long as the API allows: what it keeps in memory and in the database is bounded.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-news-flood", title = "Sandbox: data_news_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local text, big = ("w"):rep(270), ("w"):rep(4000)
  for i = 1, 1e9 do news{ author = "@a", text = big } if i % 1000 == 0 then wait(0.001) end end  -- EXPECT: news: the scenario's data budget of 32 MiB is spent
  error("ESCAPED: the posts stopped")
end
