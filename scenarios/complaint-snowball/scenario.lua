-- Complaint snowball: the flagship scenario of Crisis Drill.
--
-- A coffee chain's subscriber is still charged months after cancelling. Her
-- complaint on Chirp gathers reposts and echoes, a money-saving influencer
-- quotes it, a troll joins in, a consumer journalist asks questions and a
-- lawyer threatens action. What the trainee does with the complaint decides
-- the story:
--
--   calmed      a good public answer (apology + private messages) or a good
--               private message within 5 minutes: the customer writes in
--               private, is refunded and says so in public; the thread cools.
--   ignored     no answer within 5 minutes: the complaint is boosted, the
--               customer insists, a hashtag trends, the influencer comes back.
--   defensive   an answer that breaks a reply rule (blame, no apology...): the
--               customer quotes it and the crowd piles on the brand's answer.
--   streisand   the complaint deleted or hidden: the customer reposts a
--               screenshot, the censorship becomes the story.
--   calmed_late a good answer after the complaint was first ignored or badly
--               answered (the damage done stays: the outcome is not "resolved").
--
-- Side stories branch too: the customer's private message left unanswered
-- (dm_dropped), the troll (troll_fed / troll_moderated), the journalist
-- (press_routed / press_mishandled / press_ignored / press_called: the press
-- office alerted but the journalist never answered in the feed) and the
-- lawyer (legal_routed / legal_exposed / legal_deleted / legal_ignored /
-- legal_called), the manager (manager_alerted: a holding statement asked
-- for) and the brand's statement, drafted by the trainee and answered by the
-- manager: statement_published (a good one by 19:00, the thread cools),
-- no_statement (none: the hashtag grows; statement_late when it comes after),
-- statement_unapproved (published without the manager's go-ahead).
--
-- The scenario ends at 20:00 with "resolved" when everything was handled
-- well, else at the duration with "contained", "viral" or "backfired".
--
-- All visible text comes from T (en.lua, fr.lua); post ids are the same in
-- every language, so one answers file plays every version.

local DURATION = 40 * 60
local press = require "press"
local statement = require "statement"


scenario{
  id = "complaint-snowball",
  title = T.title,
  summary = T.summary,
  version = "1",
  languages = { "en", "fr" },
  duration = DURATION,
  rules = "default",
  difficulty = 2,
  network = "Chirp",
  limit = 280,
  brand = { handle = T.brand_handle, name = T.brand_name, followers = 23800 },
}

-- ---- people ---------------------------------------------------------------
-- A bio is what the profile shows; a language file without one shows none
-- (rawget: a missing text is not an error here).
local function bio(key) return rawget(T, key) end

local BRAND = T.brand_handle
local CUSTOMER, FAN, ASKER, WORKER = T.customer_handle, T.fan_handle, T.asker_handle, T.worker_handle
local INFLUENCER, TROLL, JOURNALIST, LAWYER = T.influencer_handle, T.troll_handle, T.journalist_handle,
                                              T.lawyer_handle
local V1, V2, V3, V4, V5 = T.v1_handle, T.v2_handle, T.v3_handle, T.v4_handle, T.v5_handle

persona{ handle = CUSTOMER, name = T.customer_name, followers = 1240, role = "customer", bio = bio("customer_bio") }
persona{ handle = FAN, name = T.fan_name, followers = 2310, role = "customer" }
persona{ handle = ASKER, name = T.asker_name, followers = 412, role = "customer" }
persona{ handle = WORKER, name = T.worker_name, followers = 768, role = "customer" }
persona{ handle = V1, name = T.v1_name, followers = 884, role = "customer" }
persona{ handle = V2, name = T.v2_name, followers = 531, role = "customer" }
persona{ handle = V3, name = T.v3_name, followers = 1903, role = "customer" }
persona{ handle = V4, name = T.v4_name, followers = 326, role = "customer" }
persona{ handle = V5, name = T.v5_name, followers = 4120, role = "customer" }
persona{ handle = INFLUENCER, name = T.influencer_name, followers = 86400, verified = true, role = "influencer",
         bio = bio("influencer_bio") }
persona{ handle = TROLL, name = T.troll_name, followers = 37, role = "troll", bio = bio("troll_bio") }
persona{ handle = JOURNALIST, name = T.journalist_name, followers = 14200, verified = true, role = "journalist",
         bio = bio("journalist_bio") }
persona{ handle = LAWYER, name = T.lawyer_name, followers = 3150, role = "lawyer", bio = bio("lawyer_bio") }
persona{ handle = "@ops_manager", name = T.ops_manager_name, role = "colleague" }
persona{ handle = "@legal_team", name = T.legal_team_name, role = "colleague" }

-- ---- pre-approved replies ---------------------------------------------------

template{ id = "status", situation = "internal_request", label = T.tpl_status_label, text = T.tpl_status }
template{ id = "screens", situation = "internal_request", label = T.tpl_screens_label, text = T.tpl_screens }
template{ id = "apology", situation = "complaint", label = T.tpl_apology_label, text = T.tpl_apology }
template{ id = "apology_all", situation = "complaint", label = T.tpl_apology_all_label, text = T.tpl_apology_all }
template{ id = "refund", situation = "complaint", channel = "private", label = T.tpl_refund_label, text = T.tpl_refund }
template{ id = "hours", situation = "question", label = T.tpl_hours_label, text = T.tpl_hours }
template{ id = "press", situation = "press_inquiry", label = T.tpl_press_label, text = T.tpl_press }
template{ id = "legal", situation = "legal_threat", label = T.tpl_legal_label, text = T.tpl_legal }

-- ---- helpers ----------------------------------------------------------------

-- The story so far: what became of the complaint and of the side stories.
local S = {
  c1 = "waiting",        -- waiting, ignored, good, bad, censored
  defensive = false, streisand = false,
  refunded = false,      -- the customer's private message was answered
  press = "waiting",     -- routed, mishandled, ignored, called
  legal = "waiting",     -- routed, exposed, deleted, ignored, called
  troll_fed = false,
}

local C1_KINDS = { "reply", "dm", "delete", "hide" }

-- Made-up accounts for the crowd (language-neutral first names).
local CROWD_NAMES = { "amy", "raj", "lena", "tom", "zoe", "yusuf", "emma", "theo", "nadia", "olly",
                      "marco", "jess", "kofi", "lucie", "dev", "anna", "sami", "rosa", "finn", "mia" }

local function crowd_author()
  local handle = "@" .. CROWD_NAMES[random(1, #CROWD_NAMES)] .. "_" .. random(10, 9999)
  persona{ handle = handle, followers = random(5, 3000), role = "customer" }
  return handle
end

-- The crowd echoes a post as its reposts climb, like crowd{}, but the texts
-- are dealt from a shuffled deck (no text comes back before all were used)
-- and at most two replies come at once (the rest follow at the next beat).
-- With `active`, the crowd stays quiet while active() is false.
local function chorus(o)
  spawn(function()
    local deck, dealt = {}, 0
    local function deal()
      if dealt == #deck then
        for i, text in ipairs(o.texts) do deck[i] = text end
        for i = #deck, 2, -1 do
          local j = random(1, i)
          deck[i], deck[j] = deck[j], deck[i]
        end
        dealt = 0
      end
      dealt = dealt + 1
      return deck[dealt]
    end
    local made, seen = 0, counters(o.about).reposts
    while made < o.max do
      wait(o.every)
      local n = math.min((counters(o.about).reposts - seen) // o.per, 2, o.max - made)
      seen = seen + n * o.per
      if o.active and not o.active() then n = 0 end
      for _ = 1, n do
        made = made + 1
        reply(o.about, { author = crowd_author(), situation = "echo", text = deal() })
      end
    end
  end)
end

-- The influencer reacts to the brand's answer to her quote.
local function influencer_thread()
  local a = first_action("i1", { "reply", "dm" }, 15 * 60)
  if not a then return end
  wait(75)
  if a.good then
    reply("i1", { id = "i5", author = INFLUENCER, situation = "none", sentiment = "neutral", text = T.i1_thanks })
  else
    quote("i1", { id = "i6", author = INFLUENCER, situation = "echo", text = T.i1_bad,
                  virality = { rate = 5, growth = 0.05, likes = 6, replies = 0.3 } })
  end
end

-- ---- the first wave: people were already typing -------------------------------

local function first_wave()
  wait(25)
  reply("c1", { id = "e1", author = V1, situation = "echo", text = T.e1 })
  wait(15)
  repost("c1", { id = "rt1", author = V2 })
  wait(5)
  reply("c1", { id = "e2", author = V2, situation = "echo", text = T.e2 })
  wait(30)
  quote("c1", { id = "e3", author = V3, situation = "echo", text = T.e3 })
  wait(20)
  repost("c1", { id = "rt2", author = V4 })
  wait(15)
  -- 02:40 the influencer: angrier if the brand has not answered well yet.
  quote("c1", { id = "i1", author = INFLUENCER, situation = "complaint",
                text = S.c1 == "good" and T.i1_answered or T.i1,
                virality = { rate = 6, growth = 0.04, cap = 3000, likes = 7, replies = 0.3 } })
  spawn(influencer_thread)
  if S.c1 == "waiting" then
    virality("c1", { rate = 8, growth = 0.1 })   -- 86k followers just saw it
  end
  wait(20)
  reply("i1", { id = "e4", author = V4, situation = "echo", text = T.e4 })
  wait(30)
  quote("c1", { id = "e5", author = V5, situation = "echo", text = T.e5 })
  wait(30)
  repost("i1", { id = "rt3", author = V1 })
end

-- ---- the complaint's branches -------------------------------------------------

-- calmed: the customer writes in private and expects an answer there.
local function calmed()
  wait(70)
  dm{ id = "d1", author = CUSTOMER, situation = "complaint", text = T.d1 }
  local a = first_action("d1", { "dm" }, 10 * 60)
  if a and a.good then
    S.refunded = true
    wait(150)
    reply("c1", { id = "c2", author = CUSTOMER, situation = "praise", text = T.c2 })
    wait(40)
    reply("c2", { id = "g1", author = V2, situation = "echo", sentiment = "neutral", text = T.g1 })
    wait(70)
    reply("c2", { id = "g2", author = FAN, situation = "praise", text = T.g2 })
  else
    branch("dm_dropped")
    reply("c1", { id = "c3", author = CUSTOMER, situation = "complaint", text = T.c3,
                  virality = { rate = 4, growth = 0.06, likes = 5, replies = 0.2 } })
  end
end

-- ignored: nobody answers, the snowball rolls.
local function snowball()
  virality("c1", { rate = 10, growth = 0.11, cap = 20000 })
  wait(100)
  if S.c1 == "ignored" then
    reply("c1", { id = "c6", author = CUSTOMER, situation = "complaint", text = T.c6,
                  virality = { rate = 3, growth = 0.05, likes = 6, replies = 0.3 } })
  end
  wait(90)
  quote("c1", { id = "x1", author = V5, situation = "echo", text = T.x1 })
  wait(150)
  if S.c1 == "ignored" then
    post{ id = "h1", author = V3, situation = "echo", text = T.h1,
          virality = { rate = 4, growth = 0.05, likes = 3, replies = 0.1 } }
  end
  wait(120)
  if S.c1 == "ignored" then
    quote("c1", { id = "i2", author = INFLUENCER, situation = "echo", text = T.i2,
                  virality = { rate = 9, growth = 0.04, likes = 8, replies = 0.3 } })
  end
  wait(180)
  post{ id = "x2", author = V1, situation = "echo", text = T.x2 }
  wait(450)
  if S.c1 == "ignored" then
    reply("c1", { id = "x4", author = V2, situation = "echo", text = T.x4 })
  end
  wait(420)
  if S.c1 == "ignored" then
    post{ id = "i7", author = INFLUENCER, situation = "echo", text = T.i7,
          virality = { rate = 7, growth = 0.03, likes = 9, replies = 0.3 } }
  end
end

-- defensive: the brand's answer becomes the story.
local function defensive()
  wait(45)
  quote("c1", { id = "c4", author = CUSTOMER, situation = "complaint", text = T.c4,
                virality = { rate = 8, growth = 0.08, cap = 15000, likes = 5, replies = 0.3 } })
  chorus{ about = "c4", texts = texts("def", 8), every = 25, per = 15, max = 8 }
  wait(60)
  quote("c4", { id = "x3", author = V3, situation = "echo", text = T.x3 })
  wait(90)
  quote("c4", { id = "i3", author = INFLUENCER, situation = "echo", text = T.i3,
                virality = { rate = 8, growth = 0.05, likes = 8, replies = 0.3 } })
end

-- streisand: the complaint disappeared; its screenshot does not.
local function streisand(kind)
  wait(40)
  post{ id = "c5", author = CUSTOMER, situation = "complaint", text = T["c5_" .. kind],
        virality = { rate = 12, growth = 0.1, cap = 25000, likes = 5, replies = 0.25 } }
  chorus{ about = "c5", texts = texts("str", 8), every = 20, per = 15, max = 8 }
  wait(60)
  quote("c5", { id = "i4", author = INFLUENCER, situation = "echo", text = T.i4,
                virality = { rate = 10, growth = 0.06, likes = 8, replies = 0.3 } })
  wait(90)
  post{ id = "h2", author = V5, situation = "echo", text = T.h2 }
  wait(12 * 60)
  post{ id = "j7", author = JOURNALIST, situation = "echo", text = T.j7,
        virality = { rate = 8, growth = 0.04, likes = 4, replies = 0.2 } }
end

-- What the trainee's action on the complaint does to the story.
local function react_to_complaint(a)
  if a.kind == "delete" or a.kind == "hide" then
    if not S.streisand then
      S.streisand, S.c1 = true, "censored"
      branch("streisand")
      spawn(function() streisand(a.kind) end)
    end
  elseif a.good then
    if S.c1 == "waiting" or S.c1 == "ignored" or S.c1 == "bad" then
      branch(S.c1 == "waiting" and "calmed" or "calmed_late")
      S.c1 = "good"
      spawn(calmed)
    end
  elseif not S.defensive and not S.streisand then
    S.defensive, S.c1 = true, "bad"
    branch("defensive")
    spawn(defensive)
  end
end

-- ---- side stories -------------------------------------------------------------

local function question_thread()
  local a = first_action("q1", { "reply", "dm" }, 15 * 60)
  if a then
    wait(50)
    reply("q1", { id = "q3", author = ASKER, situation = "praise", text = T.q3 })
  else
    reply("q1", { id = "q2", author = ASKER, situation = "question", text = T.q2 })
  end
end

local function troll_thread()
  wait(200)                                                   -- 04:10
  reply("c1", { id = "t1", author = TROLL, situation = "troll", text = T.t1 })
  local a = first_action("t1", { "reply", "hide", "delete" }, 15 * 60)
  if not a then return end
  if a.kind ~= "reply" then
    branch("troll_moderated")
    return
  end
  S.troll_fed = true
  branch("troll_fed")
  wait(random(40, 90))
  reply("t1", { id = "t2", author = TROLL, situation = "troll", text = T.t2 })
  wait(60)
  quote("t1", { id = "t3", author = V4, situation = "echo", text = T.t3 })
end

-- The journalist (scenarios/lib/press.lua): routed, mishandled, called or ignored.
local function press_thread()
  wait(330)                                                   -- 06:20
  quote("c1", { id = "j1", author = JOURNALIST, situation = "press_inquiry", text = T.j1 })
  press.inquiry{ post = "j1", author = JOURNALIST, timeout = 15 * 60,
    decided = function(outcome) S.press = outcome end,
    routed = { after = 90, reply = { id = "j3", text = T.j3 } },
    mishandled = { after = 120, reply = { id = "j4", text = T.j4 } },
    called = { reply = { id = "j6", text = T.j6 } },
    ignored = { post = { id = "j2", text = T.j2, virality = { rate = 10, growth = 0.05, likes = 4, replies = 0.2 } } },
  }
end

local function legal_thread()
  wait(490)                                                   -- 09:00
  quote("c1", { id = "l1", author = LAWYER, situation = "legal_threat", text = T.l1 })
  local a = first_action("l1", { "reply", "dm", "delete", "hide" }, 20 * 60)
  if a and (a.kind == "delete" or a.kind == "hide") then
    S.legal = "deleted"
    branch("legal_deleted")
    wait(60)
    post{ id = "l4", author = LAWYER, situation = "legal_threat", sentiment = "negative", text = T.l4 }
  elseif a and a.good then
    S.legal = "routed"
    branch("legal_routed")
    wait(120)
    reply("l1", { id = "l2", author = LAWYER, situation = "none", sentiment = "neutral", text = T.l2 })
  elseif a then
    S.legal = "exposed"
    branch("legal_exposed")
    wait(90)
    reply("l1", { id = "l3", author = LAWYER, situation = "legal_threat", sentiment = "negative", text = T.l3 })
  elseif alerted("legal") then
    S.legal = "called"
    branch("legal_called")
    reply("l1", { id = "l6", author = LAWYER, situation = "none", sentiment = "neutral", text = T.l6 })
  else
    S.legal = "ignored"
    branch("legal_ignored")
    reply("l1", { id = "l5", author = LAWYER, situation = "legal_threat", sentiment = "negative", text = T.l5 })
  end
end

-- Alerting the manager brings management in: the manager asks for a holding
-- statement on the internal channel. The trainee drafts it and submits it
-- (statement.approver below says what the manager does with a draft); a good
-- one published by 19:00 slows the spread wherever it still runs and the
-- customer thanks the brand; none by then lets the hashtag grow.
statement.approver{ role = "manager", author = "@ops_manager",
  refuse = { { "blame", T.st_refuse_blame }, { "liability", T.st_refuse_liability },
             { "arguing", T.st_refuse_arguing } },
  amend = { "manager_decision" }, amended = T.st_amended, amend_note = T.st_amend_note,
  holding_note = T.st_holding_note, ok = T.st_ok }

local function manager_thread()
  if not alerted("manager") then
    await{ kinds = { "alert" }, role = "manager" }
  end
  wait(60)
  branch("manager_alerted")
  internal{ id = "m1", author = "@ops_manager", situation = "none", text = T.mgr_ask }
end

local function statement_thread()
  statement.watch{ due = 19 * 60, author = "@ops_manager", unapproved = T.st_unapproved,
    published = function(a)
      if S.c1 ~= "good" then
        local c = counters("c1")
        virality("c1", { rate = math.max(2, c.reposts / 60), growth = -0.03 })
      end
      wait(60)
      reply(a.own, { id = "s2", author = CUSTOMER, situation = "praise", sentiment = "positive", text = T.s2 })
      if S.press == "routed" then
        wait(240)
        post{ id = "j5", author = JOURNALIST, situation = "none", sentiment = "neutral", text = T.j5 }
      end
    end,
    missed = function()
      virality("c1", { growth = 0.08 })
      post{ id = "s3", author = V5, situation = "echo", sentiment = "negative", text = T.s3,
            virality = { rate = 3, growth = 0.05, likes = 3, replies = 0.1 } }
    end }
end

local function ambient()
  wait(11 * 60)
  post{ id = "a2", author = WORKER, situation = "praise", text = T.a2, likes = 4 }
  wait(5 * 60)
  post{ id = "a3", author = FAN, situation = "praise", text = T.a3, likes = 9 }
  wait(150)
  post{ id = "a4", author = V4, situation = "praise", text = T.a4, likes = 6 }
end

local function outcome()
  if S.streisand or S.defensive then return "backfired" end
  if S.c1 == "good" then return "contained" end
  return "viral"
end

local function ending()
  wait_until(20 * 60)
  if S.c1 == "good" and S.refunded and S.press == "routed" and S.legal == "routed" and not S.troll_fed then
    finish("resolved")
  end
  wait_until(DURATION - 1)
  finish(outcome())
end

-- ---- the timeline ---------------------------------------------------------------

-- The news ticker and the internal channel: headlines that follow the
-- crisis, and colleagues who need answers too (a status for the manager,
-- evidence for legal).
local function office()
  wait(7 * 60 + 30)                                           -- 07:30
  news{ id = "n1", author = JOURNALIST, text = T.news1 }
  wait(30)                                                    -- 08:00
  internal{ id = "k1", author = "@ops_manager", text = T.k_status }
  wait(150)                                                   -- 10:30
  internal{ id = "k2", author = "@legal_team", text = T.k_screens }
  wait(210)                                                   -- 14:00
  news{ id = "n2", author = JOURNALIST, text = S.c1 == "good" and T.news2_calm or T.news2_spread }
end

function main()
  spawn(office)
  spawn(ambient)
  spawn(ending)
  wait(5)
  post{ id = "a1", author = FAN, situation = "praise", text = T.a1, likes = 14 }
  wait(20)
  post{ id = "q1", author = ASKER, situation = "question", text = T.q1 }
  spawn(question_thread)
  wait(25)                                                    -- 00:50
  post{ id = "c1", author = CUSTOMER, situation = "complaint", text = T.c1, likes = 3, replies = 1,
        virality = { rate = 4, growth = 0.1, cap = 20000, likes = 2.5, replies = 0.15 } }
  chorus{ about = "c1", texts = texts("crowd", 14), every = 30, per = 25, max = 14,
          active = function() return S.c1 ~= "good" and S.c1 ~= "censored" end }
  spawn(first_wave)
  spawn(troll_thread)
  spawn(press_thread)
  spawn(legal_thread)
  spawn(manager_thread)
  spawn(statement_thread)

  local a = first_action("c1", C1_KINDS, 5 * 60)
  if not a then
    S.c1 = "ignored"
    branch("ignored")
    spawn(snowball)
    a = await{ post = "c1", kinds = C1_KINDS }
  end
  while a do
    react_to_complaint(a)
    a = await{ post = "c1", kinds = C1_KINDS }
  end
end
