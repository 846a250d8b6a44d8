-- Employee video gone viral: two employees of a pizza chain film themselves
-- mistreating food in a store's kitchen; a clip account reposts the video and
-- it spreads within minutes.
--
-- Modelled on a documented public case: in April 2009 two Domino's Pizza
-- employees in Conover, North Carolina, posted a YouTube video of themselves
-- contaminating food in the store's kitchen. It passed a million views in a
-- few days; the company first stayed quiet, then its US president, Patrick
-- Doyle, apologised in a video of his own on YouTube, the store was closed and
-- cleaned, and the two employees were dismissed and charged. Sources:
--   - Stephanie Clifford, "Video Prank at Domino's Taints Brand", The New York
--     Times, 15 April 2009;
--   - Patrick Doyle's apology, "Dominos President Responds to Prank Video",
--     YouTube, 16 April 2009, and the press coverage of it (Associated Press,
--     Advertising Age, The Consumerist, April 2009).
-- Everything below is fictional: the brand, the store, the people and posts.
--
-- What the trainee should learn:
--   - an employee's conduct in public is HR's business first: alert HR before
--     saying anything about it, and never name or blame the employee in
--     public (they have rights, and the brand chose them);
--   - a hygiene angle is a safety issue: the manager is alerted within
--     minutes and customers' worries are answered with care;
--   - acknowledge fast, say management is acting, move customers to private
--     messages; silence lets the video become the story (Domino's took two
--     days);
--   - do not argue with trolls, do not delete the complaints (Streisand);
--   - route the journalist to the press office.
--
-- Branches on the trainee's handling of the video (v1):
--   acknowledged   a good public answer (HR alerted first) within 10 minutes;
--   acknowledged_late  the same, later;
--   answered_alone an answer that breaks a rule (HR not alerted, ...);
--   employee_named an answer anywhere that names the employee: his family's
--                  lawyer steps in, the crowd turns on the brand;
--   censored       the video or a complaint deleted or hidden: it comes back
--                  as a screenshot, the censorship becomes the story;
--   silence        nothing within 10 minutes: a hashtag, a bigger account,
--                  the journalist writes "no comment".
-- Side stories: hr_informed, manager_alerted (a holding statement asked
-- for), troll_fed / troll_moderated, press_routed / press_mishandled /
-- press_called / press_ignored, safety_answered / safety_exposed /
-- safety_ignored.
-- The brand's statement, drafted by the trainee and answered by the manager
-- (refused before HR knows, or when it names or judges the employee or
-- admits liability; amended when it promises sanctions or a manager's
-- decision): statement_published (a good one by 15:30, the video cools),
-- no_statement (none: "still no word"; statement_late after),
-- statement_unapproved (published without the manager's go-ahead).
-- Ends at 20:00 with "contained" when everything was handled well, else at
-- the duration with "contained", "viral" or "backfired".
--
-- All visible text comes from T (en.lua, fr.lua); post ids are the same in
-- every language, so one answers file plays every version.

local DURATION = 35 * 60
local press = require "press"
local statement = require "statement"


scenario{
  id = "employee-viral",
  title = T.title,
  summary = T.summary,
  version = "1",
  languages = { "en", "fr" },
  duration = DURATION,
  rules = "default",
  difficulty = 2,
  network = "Chirp",
  limit = 280,
  brand = { handle = T.brand_handle, name = T.brand_name, followers = 61500 },
}

-- ---- people ---------------------------------------------------------------

local BRAND = T.brand_handle
local CLIPS, FOODIE, PARENT, JOURNALIST = T.clips_handle, T.foodie_handle, T.parent_handle, T.journalist_handle
local CUSTOMER, REGULAR, SLEUTH, ANGRY = T.customer_handle, T.regular_handle, T.sleuth_handle, T.angry_handle
local TROLL, TROLL2, LAWYER, FAN, NEWS = T.troll_handle, T.troll2_handle, T.lawyer_handle, T.fan_handle,
                                          T.news_handle
local V1, V2, V3, V4 = T.v1_handle, T.v2_handle, T.v3_handle, T.v4_handle

-- A bio is what the profile shows; a language file without one shows none
-- (rawget: a missing text is not an error here).
local function bio(key) return rawget(T, key) end
persona{ handle = CLIPS, name = T.clips_name, followers = 212000, role = "influencer",
         bio = bio("clips_bio") }
persona{ handle = FOODIE, name = T.foodie_name, followers = 74300, verified = true, role = "influencer",
         bio = bio("foodie_bio") }
persona{ handle = PARENT, name = T.parent_name, followers = 640, role = "customer" }
persona{ handle = JOURNALIST, name = T.journalist_name, followers = 9800, verified = true, role = "journalist",
         bio = bio("journalist_bio") }
persona{ handle = CUSTOMER, name = T.customer_name, followers = 1120, role = "customer" }
persona{ handle = REGULAR, name = T.regular_name, followers = 388, role = "customer" }
persona{ handle = SLEUTH, name = T.sleuth_name, followers = 5400, role = "customer" }
persona{ handle = ANGRY, name = T.angry_name, followers = 930, role = "customer" }
persona{ handle = TROLL, name = T.troll_name, followers = 52, role = "troll",
         bio = bio("troll_bio") }
persona{ handle = TROLL2, name = T.troll2_name, followers = 210, role = "troll" }
persona{ handle = LAWYER, name = T.lawyer_name, followers = 2700, role = "lawyer",
         bio = bio("lawyer_bio") }
persona{ handle = FAN, name = T.fan_name, followers = 1530, role = "customer" }
persona{ handle = NEWS, name = T.news_name, followers = 480000, verified = true, role = "journalist",
         bio = bio("news_bio") }
persona{ handle = V1, name = T.v1_name, followers = 713, role = "customer" }
persona{ handle = V2, name = T.v2_name, followers = 2045, role = "customer" }
persona{ handle = V3, name = T.v3_name, followers = 455, role = "customer" }
persona{ handle = V4, name = T.v4_name, followers = 3310, role = "customer" }
persona{ handle = "@ops_manager", name = T.ops_manager_name, role = "colleague" }

-- ---- pre-approved replies ---------------------------------------------------

template{ id = "acting", situation = "employee_conduct", label = T.tpl_acting_label, text = T.tpl_acting }
template{ id = "sorry_dm", situation = "complaint", label = T.tpl_sorry_dm_label, text = T.tpl_sorry_dm }
template{ id = "refund", situation = "complaint", channel = "private", label = T.tpl_refund_label, text = T.tpl_refund }
template{ id = "safety", situation = "safety_issue", label = T.tpl_safety_label, text = T.tpl_safety }
template{ id = "press", situation = "press_inquiry", label = T.tpl_press_label, text = T.tpl_press }
template{ id = "open", situation = "question", label = T.tpl_open_label, text = T.tpl_open }

-- ---- helpers ----------------------------------------------------------------

local S = {
  video = "waiting",    -- waiting, silent, good, bad, named, censored
  named = false, censored = false, troll_fed = false,
  press = "waiting", safety = "waiting", refunded = false,
  statement = "waiting",  -- waiting, published, missed
}

local V1_KINDS = { "reply", "dm", "delete", "hide" }

-- Does the brand's text name the employee? (plain search, case-insensitive)
local NAME = string.lower(T.employee_name)
local function names_employee(a)
  return a.text ~= nil and string.find(string.lower(a.text), NAME, 1, true) ~= nil
end

-- ---- consequences -------------------------------------------------------------

-- The brand named the employee: his family's lawyer, and a crowd that turns.
local function named_story()
  wait(90)
  post{ id = "l1", author = LAWYER, situation = "legal_threat", text = T.l1,
        virality = { rate = 3, growth = 0.05, likes = 4, replies = 0.2 } }
  wait(60)
  quote("l1", { id = "n1", author = V2, situation = "echo", text = T.n1 })
  wait(45)
  reply("l1", { id = "n2", author = V4, situation = "echo", text = T.n2 })
  wait(120)
  quote("v1", { id = "n3", author = FOODIE, situation = "echo", text = T.n3,
                virality = { rate = 6, growth = 0.05, likes = 7, replies = 0.3 } })
end

-- A post disappeared; its screenshot did not.
local function censored_story()
  wait(40)
  post{ id = "x1", author = CLIPS, situation = "echo", text = T.x1,
        virality = { rate = 14, growth = 0.1, cap = 30000, likes = 6, replies = 0.25 } }
  crowd{ about = "x1", texts = texts("cen", 6), every = 25, per = 15, max = 6 }
  wait(120)
  quote("x1", { id = "x2", author = FOODIE, situation = "echo", text = T.x2,
                virality = { rate = 8, growth = 0.05, likes = 8, replies = 0.3 } })
end

-- Nobody speaks for the brand: the video becomes the story.
local function silence_story()
  virality("v1", { rate = 25, growth = 0.12, cap = 60000 })
  wait(30)
  post{ id = "h1", author = V3, situation = "echo", text = T.h1,
        virality = { rate = 6, growth = 0.06, likes = 3, replies = 0.1 } }
  wait(150)
  quote("v1", { id = "w1", author = NEWS, situation = "echo", text = T.w1,
                virality = { rate = 12, growth = 0.04, likes = 5, replies = 0.2 } })
  wait(200)
  if S.video == "silent" then
    quote("v1", { id = "w2", author = SLEUTH, situation = "echo", text = T.w2 })
  end
end

-- The brand answered the video badly (not named, but alone or out of line).
local function alone_story()
  wait(60)
  quote("v1", { id = "b1", author = ANGRY, situation = "echo", text = T.b1,
                virality = { rate = 5, growth = 0.06, likes = 5, replies = 0.3 } })
  wait(90)
  reply("v1", { id = "b2", author = V1, situation = "echo", text = T.b2 })
end

-- A good answer: the clip account takes note, the thread cools.
local function acknowledged_story()
  virality("v1", { rate = 4, growth = -0.05 })
  wait(120)
  reply("v1", { id = "g1", author = V1, situation = "none", sentiment = "neutral", text = T.g1 })
  wait(90)
  reply("v1", { id = "g2", author = FAN, situation = "praise", text = T.g2 })
end

local function react_to_brand_text(a)
  if S.named or not names_employee(a) then return false end
  S.named, S.video = true, "named"
  branch("employee_named")
  spawn(named_story)
  return true
end

local function react_to_video(a)
  if a.kind == "delete" or a.kind == "hide" then
    if not S.censored then
      S.censored, S.video = true, "censored"
      branch("censored")
      spawn(censored_story)
    end
  elseif react_to_brand_text(a) then
    return
  elseif a.good and (S.video == "waiting" or S.video == "silent") then
    branch(S.video == "waiting" and "acknowledged" or "acknowledged_late")
    S.video = "good"
    spawn(acknowledged_story)
  elseif not a.good and S.video ~= "bad" and S.video ~= "named" then
    S.video = "bad"
    branch("answered_alone")
    spawn(alone_story)
  end
end

-- Any brand text anywhere that names the employee has consequences.
local function watch_names()
  while not S.named do
    local a = await{ kinds = { "reply", "dm", "post" } }
    if not a then return end
    if a.post ~= "v1" then react_to_brand_text(a) end
  end
end

-- ---- side stories -------------------------------------------------------------

local function customer_thread()
  local a = first_action("c1", { "reply", "dm", "delete", "hide" }, 10 * 60)
  if a and (a.kind == "delete" or a.kind == "hide") then
    if not S.censored then
      S.censored = true
      branch("censored")
      spawn(censored_story)
    end
    return
  end
  if a and a.good then
    wait(60)
    dm{ id = "d1", author = CUSTOMER, situation = "complaint", text = T.d1 }
    local m = first_action("d1", { "dm" }, 8 * 60)
    if m and m.good then
      S.refunded = true
      wait(120)
      reply("c1", { id = "c3", author = CUSTOMER, situation = "praise", text = T.c3 })
    end
  else
    wait(60)
    reply("c1", { id = "c4", author = CUSTOMER, situation = "complaint", text = T.c4 })
  end
end

local function troll_thread()
  local a = first_action("t1", { "reply", "hide", "delete" }, 12 * 60)
  if not a then
    a = first_action("t2", { "reply", "hide", "delete" }, 60)
  end
  if a and a.kind == "reply" then
    S.troll_fed = true
    branch("troll_fed")
    wait(50)
    reply("t1", { id = "t3", author = TROLL, situation = "troll", text = T.t3 })
    wait(40)
    quote("t1", { id = "t4", author = V4, situation = "echo", text = T.t4,
                  virality = { rate = 4, growth = 0.05, likes = 5, replies = 0.2 } })
  elseif a then
    branch("troll_moderated")
  end
end

local function safety_thread()
  local a = first_action("s1", { "reply", "dm", "delete", "hide" }, 10 * 60)
  if a and a.good and (a.kind == "reply" or a.kind == "dm") then
    S.safety = "answered"
    branch("safety_answered")
    wait(90)
    reply("s1", { id = "s2", author = PARENT, situation = "none", sentiment = "neutral", text = T.s2 })
  elseif a then
    S.safety = "exposed"
    branch("safety_exposed")
    wait(60)
    quote("s1", { id = "s3", author = PARENT, situation = "safety_issue", text = T.s3,
                  virality = { rate = 5, growth = 0.05, likes = 5, replies = 0.2 } })
  else
    S.safety = "ignored"
    branch("safety_ignored")
    reply("s1", { id = "s4", author = PARENT, situation = "echo", text = T.s4 })
  end
end

-- The journalist (scenarios/lib/press.lua): routed, mishandled, called or ignored.
local function press_thread()
  press.inquiry{ post = "j1", author = JOURNALIST, timeout = 12 * 60,
    decided = function(outcome) S.press = outcome end,
    routed = { after = 90, reply = { id = "j2", text = T.j2 } },
    mishandled = { after = 120, post = { id = "j3", text = T.j3,
                                          virality = { rate = 6, growth = 0.05, likes = 4, replies = 0.2 } } },
    called = { reply = { id = "j4", text = T.j4 } },
    ignored = { post = { id = "j5", text = T.j5, virality = { rate = 8, growth = 0.05, likes = 4, replies = 0.2 } } },
  }
end

-- HR alerted: the people side is in hand (nothing public: HR never speaks
-- about a person on the network).
local function hr_thread()
  if not alerted("hr") then
    await{ kinds = { "alert" }, role = "hr" }
  end
  wait(180)
  branch("hr_informed")
end

-- The manager alerted: the manager asks for a holding statement on the
-- internal channel. The trainee drafts it and submits it (the approver below
-- says what the manager does with a draft).
local function manager_thread()
  if not alerted("manager") then
    await{ kinds = { "alert" }, role = "manager" }
  end
  wait(60)
  branch("manager_alerted")
  internal{ id = "m1", author = "@ops_manager", situation = "none", text = T.mgr_ask }
end

-- Does a text promise sanctions? (plain search, case-insensitive: T.sanction_words)
local function promises_sanctions(text)
  local t = string.lower(text or "")
  for _, w in ipairs(T.sanction_words) do
    if string.find(t, w, 1, true) then return true end
  end
  return false
end

-- The manager refuses a draft before HR knows (the people side is HR's),
-- one that names or judges the employee, blames, argues or admits
-- liability; amends a promise of sanctions or of a manager's decision.
statement.approver{ role = "manager", author = "@ops_manager",
  refuse = { { "employee_blame", T.st_refuse_employee }, { "liability", T.st_refuse_liability },
             { "blame", T.st_refuse_blame }, { "arguing", T.st_refuse_arguing } },
  check = function(draft)
    if names_employee(draft) then return refuse(T.st_refuse_named) end
    if not alerted("hr") then return refuse(T.st_refuse_hr) end
    if promises_sanctions(draft.text) then return amend(T.st_amended, T.st_sanction_note) end
  end,
  amend = { "manager_decision" }, amended = T.st_amended, amend_note = T.st_amend_note,
  holding_note = T.st_holding_note, ok = T.st_ok }

-- A good statement by 15:30 (a quarter of an hour after the video) cools the
-- video and the food influencer takes note; none lets it run.
local function statement_thread()
  statement.watch{ due = 15 * 60 + 30, author = "@ops_manager", unapproved = T.st_unapproved,
    published = function(a)
      S.statement = "published"
      if S.video ~= "good" then
        virality("v1", { rate = math.max(3, counters("v1").reposts / 80), growth = -0.02 })
      end
      wait(90)
      reply(a.own, { id = "m2", author = FOODIE, situation = "none", sentiment = "neutral", text = T.m2 })
    end,
    missed = function()
      S.statement = "missed"
      virality("v1", { growth = 0.08 })
      quote("v1", { id = "m3", author = V3, situation = "echo", sentiment = "negative", text = T.m3,
                    virality = { rate = 4, growth = 0.05, likes = 3, replies = 0.1 } })
    end }
end

local function ambient()
  wait(13 * 60)
  post{ id = "a2", author = FAN, situation = "praise", text = T.a2, likes = 5 }
  wait(2 * 60)                                                -- 15:00
  post{ id = "a3", author = REGULAR, situation = "question", sentiment = "neutral", text = T.a3 }
end

local function outcome()
  if S.censored or S.named or S.video == "bad" then return "backfired" end
  if S.video == "good" then return "contained" end
  return "viral"
end

local function ending()
  wait_until(20 * 60)
  if S.video == "good" and S.press == "routed" and S.safety == "answered" and S.refunded
     and not S.troll_fed and not S.censored and alerted("hr") and alerted("manager")
     and S.statement == "published" then
    finish("contained")
  end
  wait_until(DURATION - 1)
  finish(outcome())
end

-- ---- the wave: it comes whatever the trainee does -------------------------------

local function wave()
  wait(20)                                                    -- 00:50
  reply("v1", { id = "e1", author = V1, situation = "echo", text = T.e1 })
  wait(20)
  repost("v1", { id = "rt1", author = V2 })
  wait(20)                                                    -- 01:30
  post{ id = "c1", author = CUSTOMER, situation = "complaint", text = T.c1, likes = 6,
        virality = { rate = 2, growth = 0.05, cap = 3000, likes = 3, replies = 0.2 } }
  spawn(customer_thread)
  wait(30)                                                    -- 02:00
  reply("v1", { id = "f1", author = SLEUTH, situation = "echo", text = T.f1, likes = 20 })
  wait(30)                                                    -- 02:30
  reply("v1", { id = "t1", author = TROLL, situation = "troll", text = T.t1 })
  spawn(troll_thread)
  wait(30)                                                    -- 03:00
  post{ id = "s1", author = PARENT, situation = "safety_issue", text = T.s1, likes = 4 }
  spawn(safety_thread)
  wait(30)
  quote("v1", { id = "e2", author = V3, situation = "echo", text = T.e2 })
  wait(30)                                                    -- 04:00
  reply("v1", { id = "f2", author = ANGRY, situation = "echo", text = T.f2 })
  wait(20)
  repost("v1", { id = "rt2", author = V4 })
  wait(40)                                                    -- 05:00
  quote("v1", { id = "i1", author = FOODIE, situation = "complaint", text = T.i1,
                virality = { rate = 5, growth = 0.04, cap = 4000, likes = 8, replies = 0.3 } })
  wait(60)                                                    -- 06:00
  quote("v1", { id = "j1", author = JOURNALIST, situation = "press_inquiry", text = T.j1 })
  spawn(press_thread)
  wait(60)                                                    -- 07:00
  post{ id = "t2", author = TROLL2, situation = "troll", text = T.t2 }
  wait(30)
  reply("v1", { id = "f3", author = V2, situation = "echo", text = T.f3 })
  wait(30)                                                    -- 08:00
  post{ id = "c2", author = REGULAR, situation = "complaint", text = T.c2 }
end

-- ---- the timeline ---------------------------------------------------------------

function main()
  spawn(ambient)
  spawn(ending)
  spawn(hr_thread)
  spawn(manager_thread)
  spawn(statement_thread)
  spawn(watch_names)
  wait(5)
  post{ id = "a1", author = FAN, situation = "praise", text = T.a1, likes = 11 }
  wait(25)                                                    -- 00:30
  post{ id = "v1", author = CLIPS, situation = "employee_conduct", text = T.v1, likes = 150, replies = 12,
        virality = { rate = 12, growth = 0.1, cap = 40000, likes = 3, replies = 0.12 } }
  crowd{ about = "v1", texts = texts("crowd", 12), every = 30, per = 40, max = 12 }
  spawn(wave)

  local a = first_action("v1", V1_KINDS, 10 * 60)
  if not a then
    S.video = "silent"
    branch("silence")
    spawn(silence_story)
    a = await{ post = "v1", kinds = V1_KINDS }
  end
  while a do
    react_to_video(a)
    a = await{ post = "v1", kinds = V1_KINDS }
  end
end
