-- Benchmark scenario: a complaint that snowballs into 10,000 posts in one
-- hour. Used by bench/bench_headless.c, which plays it with a generated
-- answers list of 1,000 trainee actions aimed at posts already shown.
--
-- The schedule below is mirrored in bench_headless.c (snowball_schedule):
-- every post has a fixed id and a fixed time in whole milliseconds, so that
-- the generated actions can name posts that exist when they are played.
-- If you change a count or a time here, change it there too (the bench
-- refuses to report when an action names a post not yet shown).
--
--   c0            the complaint, at 0 s, with a virality curve
--   e1..e6000     echoes (replies to c0), ever faster: 1 s + 3589 s * (i/6000)^2
--   k1..k2000     other complaints, every 1.79 s from 2 s
--   q1..q1000     questions, every 3.58 s from 3 s
--   x1..x795      quotes of c0, every 4.5 s from 5 s
--   b1..b200      bare reposts of c0, every 17.9 s from 4 s
--   t1, j1, l1, t2  a troll (5 min), a journalist (10 min), a lawyer (20 min),
--                 the troll again (40 min)
-- Total: 10,000 posts, plus the trainee's own replies and messages.

scenario{
  id = "bench-snowball",
  title = "Benchmark: a complaint snowballs into 10,000 posts",
  summary = "A synthetic worst case for the headless engine: one post every 0.36 s on average.",
  version = "1",
  languages = { "en" },
  duration = 3600,
  rules = "default",
  brand = { handle = "@acme", name = "Acme Parcels" },
}

local ECHOES, COMPLAINTS, QUESTIONS, QUOTES, REPOSTS = 6000, 2000, 1000, 795, 200

persona{ handle = "@angry_customer", name = "Julie M.", followers = 62000, verified = true, role = "influencer" }
persona{ handle = "@troll_king", name = "Troll King", followers = 40, role = "troll" }
persona{ handle = "@press_anna", name = "Anna Reporter", followers = 18000, verified = true, role = "journalist" }
persona{ handle = "@me_dupont", name = "Maître Dupont", followers = 2500, role = "lawyer" }

local fans = {}
for i = 1, 200 do
  fans[i] = string.format("@fan_%03d", i)
  persona{ handle = fans[i], name = "Fan " .. i, followers = 10 + (i * 37) % 3000, role = "customer" }
end

template{ id = "apology", situation = "complaint", label = "Apologise, move to DM",
          text = "We are sorry for the trouble with your parcel. Please send us a private message with your order number so we can fix this today." }
template{ id = "dm_followup", situation = "complaint", label = "Follow up in private",
          text = "Hello, this is Acme Parcels customer care. Could you give us your order number? We will track your parcel right away." }
template{ id = "answer_question", situation = "question", label = "Point to the tracking page",
          text = "You can follow every parcel on our tracking page; if it has not moved for two days, send us a private message." }
template{ id = "holding", label = "Holding line",
          text = "Thank you for your message, we are looking into it and will come back to you shortly." }

local echo_texts = {
  "Same here, my parcel is lost too",
  "@acme answer her!",
  "This is the third time this month",
  "Never ordering from them again",
  "Why is nobody at @acme answering?",
}
local complaint_texts = {
  "Order %d never arrived and nobody answers @acme",
  "Parcel %d marked delivered but not here",
  "Waiting two weeks for order %d, useless support",
  "My order %d came broken, I want a refund",
}
local question_texts = {
  "How do I track parcel %d?",
  "Do you deliver on Sundays? (order %d)",
  "Can I change the address of order %d?",
}

-- Runs show(i) for i = 1..n at first + i * step milliseconds.
local function every(n, first, step, show)
  spawn(function()
    local last = 0
    for i = 1, n do
      local t = first + i * step
      wait((t - last) / 1000)
      last = t
      show(i)
    end
  end)
end

function main()
  post{ id = "c0", author = "@angry_customer", situation = "complaint",
        text = "Third week without my parcel, @acme support does not answer. Retweet so they see it!",
        virality = { rate = 3, growth = 0.06, cap = 20000, likes = 2.5, replies = 0.15 } }

  -- The crowd echoes the complaint, faster and faster (the snowball).
  spawn(function()
    local last, reposts = 0, 0
    for i = 1, ECHOES do
      local t = 1000 + 3589000 * i * i // (ECHOES * ECHOES)
      wait((t - last) / 1000)
      last = t
      if i % 25 == 1 then reposts = counters("c0").reposts end
      reply("c0", { id = "e" .. i, author = fans[i % #fans + 1], situation = "echo",
                    text = echo_texts[i % #echo_texts + 1] .. " (" .. reposts .. " reposts)" })
    end
  end)

  every(COMPLAINTS, 2000, 1790, function(i)
    local text = string.format(complaint_texts[i % #complaint_texts + 1], 40000 + i)
    if i % 400 == 0 then text = text .. ", my lawyer will hear of it" end
    post{ id = "k" .. i, author = fans[(i * 7) % #fans + 1], situation = "complaint", text = text }
  end)

  every(QUESTIONS, 3000, 3580, function(i)
    post{ id = "q" .. i, author = fans[(i * 13) % #fans + 1], situation = "question",
          text = string.format(question_texts[i % #question_texts + 1], 50000 + i) }
  end)

  every(QUOTES, 5000, 4500, function(i)
    quote("c0", { id = "x" .. i, author = fans[(i * 3) % #fans + 1], situation = "echo",
                  text = "Look at how @acme treats its customers" })
  end)

  every(REPOSTS, 4000, 17900, function(i)
    repost("c0", { id = "b" .. i, author = fans[(i * 11) % #fans + 1] })
  end)

  -- How the brand answers the first complaint bends its curve.
  spawn(function()
    local a = await{ post = "c0", kinds = { "reply", "dm" }, timeout = 300 }
    if a and a.good then
      branch("calmed")
      virality("c0", { rate = 2, growth = -0.02 })
    else
      branch("ignored")
      virality("c0", { growth = 0.1 })
    end
  end)

  wait(300)
  post{ id = "t1", author = "@troll_king", situation = "troll", text = "lol @acme employees are all clowns" }
  wait(300)
  post{ id = "j1", author = "@press_anna", situation = "press_inquiry",
        text = "@acme I am writing about lost parcels for tomorrow's paper. Who can I talk to?" }
  wait(600)
  post{ id = "l1", author = "@me_dupont", situation = "legal_threat",
        text = "On behalf of my client we are preparing a lawsuit against @acme for repeated non-delivery." }
  wait(1200)
  post{ id = "t2", author = "@troll_king", situation = "troll", text = "boycott @acme, they steal parcels" }
end
