-- Hashtag hijack: a cheerful brand campaign turned into a wall of complaints.
--
-- The public case. On 18 January 2012 McDonald's USA paid to promote two
-- tweets inviting people to share heart-warming stories with the hashtag
-- #McDStories. Within hours the hashtag was taken over by horror stories
-- (food, hygiene, service, working conditions); McDonald's pulled the
-- promotion after about two hours, but the hashtag kept running for days and
-- the press called it a "bashtag". Sources, all public:
--   - HuffPost, "#McDStories, McDonald's Twitter Hashtag Promotion, Goes
--     Horribly Wrong", January 2012,
--     https://www.huffpost.com/entry/mcdstories-twitter-hashtag_n_1223678
--   - The New York Observer, "The Best Tweets from 'McDStories' Hashtag
--     Disaster", January 2012,
--     http://observer.com/2012/01/the-best-tweets-from-mcdonald-stories-hashtag-disaster/
--   - Forbes (Kashmir Hill), "#McDStories: When a Hashtag Becomes a Bashtag",
--     24 January 2012; the statement of McDonald's social media director
--     Rick Wion (the promotion pulled within two hours, a contingency plan)
--     was quoted by Business Insider and others the same week.
-- The brand, the people, the posts and the numbers below are fictional.
--
-- What the trainee should learn:
--   1. Stop the cheerful messaging at once: a scheduled "keep your stories
--      coming!" post over a pile of complaints reads as mockery. Pausing a
--      paid campaign is management's call: alert the manager.
--   2. Acknowledge in public, once, on the brand's own post and to the
--      influencer who made the hijack famous: sorry, we hear you, the
--      campaign is paused, individual cases in private messages.
--   3. Move individual complaints to private messages and settle them there;
--      never answer a complaint with brand cheer, never blame, never delete.
--   4. Route the journalist to the press office.
--
-- Branches decided by the trainee:
--   campaign_paused     the manager alerted, or the hijack acknowledged on b1,
--                       before the next scheduled post (05:00): no more cheer.
--   campaign_rolled_on  nobody stopped it: the scheduled cheerful posts go
--                       out (b2, b3) and are mocked.
--   campaign_pulled_late  the manager told only after the first scheduled
--                       post went out: the later ones are cancelled.
--   cheer_continued     the trainee answered the campaign post with more
--                       cheer instead of an acknowledgement.
--   calmed / defensive / streisand / ignored   what became of the first
--                       complaint (h1): a good answer, a bad one, deleted or
--                       hidden, or nothing within 5 minutes. calmed_late: a
--                       good answer after it was ignored or answered badly.
--   dm_settled / dm_dropped   the customer's private message answered well
--                       or not.
--   acknowledged / cheer_backfire / bashtag   the influencer (i1) answered
--                       well, badly, or not within 8 minutes.
--   troll_moderated / troll_fed   the troll hidden (or deleted) or answered.
--   press_routed / press_mishandled / press_called / press_ignored  the
--                       journalist.
--   manager_alerted     the manager asks for a holding statement.
--   statement_published / no_statement / statement_late / statement_unapproved
--                       the brand's statement, drafted by the trainee and
--                       answered by the manager (refused when it argues with
--                       the crowd, sounds cheerful, blames or admits
--                       liability; amended when it announces the manager's
--                       decision, such as pausing the campaign): a good one
--                       by 18:20 cools the hashtag, none lets it run.
-- Ends at 20:00 with "contained" when everything went well, else at 30:00
-- with "recovered", "backfired" or "hijacked".
--
-- All visible text comes from T (en.lua, fr.lua); post ids are the same in
-- every language, so one answers file plays every version.

local DURATION = 30 * 60
local press = require "press"
local statement = require "statement"


scenario{
  id = "hashtag-hijack",
  title = T.title,
  summary = T.summary,
  version = "1",
  languages = { "en", "fr" },
  duration = DURATION,
  rules = "default",
  difficulty = 2,
  network = "Chirp",
  limit = 280,
  brand = { handle = T.brand_handle, name = T.brand_name, followers = 412000 },
}

-- ---- people ---------------------------------------------------------------

local BRAND = T.brand_handle
local FAN, C1, C2, C3 = T.fan_handle, T.c1_handle, T.c2_handle, T.c3_handle
local V1, V2, V3, V4 = T.v1_handle, T.v2_handle, T.v3_handle, T.v4_handle
local INFLUENCER, TROLL, JOURNALIST = T.influencer_handle, T.troll_handle, T.journalist_handle

-- A bio is what the profile shows; a language file without one shows none
-- (rawget: a missing text is not an error here).
local function bio(key) return rawget(T, key) end
persona{ handle = FAN, name = T.fan_name, followers = 860, role = "customer" }
persona{ handle = C1, name = T.c1_name, followers = 2140, role = "customer" }
persona{ handle = C2, name = T.c2_name, followers = 530, role = "customer" }
persona{ handle = C3, name = T.c3_name, followers = 1275, role = "customer" }
persona{ handle = V1, name = T.v1_name, followers = 3900, role = "customer" }
persona{ handle = V2, name = T.v2_name, followers = 410, role = "customer" }
persona{ handle = V3, name = T.v3_name, followers = 12800, role = "customer" }
persona{ handle = V4, name = T.v4_name, followers = 690, role = "employee" }
persona{ handle = INFLUENCER, name = T.influencer_name, followers = 184000, verified = true, role = "influencer",
         bio = bio("influencer_bio") }
persona{ handle = TROLL, name = T.troll_name, followers = 52, role = "troll",
         bio = bio("troll_bio") }
persona{ handle = JOURNALIST, name = T.journalist_name, followers = 23600, verified = true, role = "journalist",
         bio = bio("journalist_bio") }
persona{ handle = "@ops_manager", name = T.ops_manager_name, role = "colleague" }

-- ---- pre-approved replies ----------------------------------------------------

template{ id = "pause", situation = "campaign", label = T.tpl_pause_label, text = T.tpl_pause }
template{ id = "apology", situation = "complaint", label = T.tpl_apology_label, text = T.tpl_apology }
template{ id = "apology_all", situation = "complaint", label = T.tpl_apology_all_label, text = T.tpl_apology_all }
template{ id = "settle", situation = "complaint", channel = "private", label = T.tpl_settle_label, text = T.tpl_settle }
template{ id = "press", situation = "press_inquiry", label = T.tpl_press_label, text = T.tpl_press }

-- ---- the story so far ------------------------------------------------------------

local S = {
  campaign = "running",  -- running, paused, rolled_on
  cheer = false,         -- the trainee cheered on the campaign post
  h1 = "waiting",        -- waiting, ignored, good, bad, censored
  defensive = false, streisand = false,
  settled = false,       -- the customer's private message answered well
  influencer = "waiting", -- acknowledged, cheer_backfire, bashtag
  press = "waiting",     -- routed, mishandled, called, ignored
  troll_fed = false,
  statement = "waiting", -- waiting, published, missed
}

local H1_KINDS = { "reply", "dm", "delete", "hide" }

-- A reply on the brand's own campaign post acknowledges the hijack when it is
-- the "pause" template or says sorry / pause in its own words; anything else
-- (a thank-you, "keep them coming!") is more cheer.
local ACK_WORDS = { "sorry", "apolog", "paus", "désolé", "excuse", "suspend", "arrêt" }
local function acknowledges(a)
  if a.template == "pause" then return true end
  local text = string.lower(a.text or "")
  for _, w in ipairs(ACK_WORDS) do
    if string.find(text, w, 1, true) then return true end
  end
  return false
end

local function stop_campaign(why)
  if S.campaign == "rolled_on" then
    S.campaign = "pulled_late"
    branch("campaign_pulled_late")
    return
  end
  if S.campaign ~= "running" then return end
  S.campaign = "paused"
  branch("campaign_paused")
  log("campaign paused:", why)
  virality("b1", { rate = 1, growth = -0.2 })
end

-- ---- the campaign: scheduled cheer, unless someone stops it ------------------------

local function campaign_thread()
  -- The manager pulls the promotion when told; an acknowledgement on b1 stops it too.
  spawn(function()
    if not alerted("manager") then await{ kinds = { "alert" }, role = "manager" } end
    stop_campaign("manager alerted")
  end)
  spawn(function()
    while true do
      local a = await{ post = "b1", kinds = { "reply" } }
      if not a then return end
      if acknowledges(a) then
        stop_campaign("acknowledged on b1")
      elseif not S.cheer then
        S.cheer = true
        branch("cheer_continued")
        spawn(function()
          wait(40)
          quote("b1", { id = "x5", author = V3, situation = "echo", text = T.x5,
                        virality = { rate = 6, growth = 0.06, likes = 5, replies = 0.2 } })
          wait(50)
          reply("b1", { id = "x6", author = V1, situation = "echo", text = T.x6 })
        end)
      end
    end
  end)
  wait_until(5 * 60)                                           -- 05:00 the scheduled post
  if S.campaign ~= "running" then return end
  S.campaign = "rolled_on"
  branch("campaign_rolled_on")
  post{ id = "b2", author = BRAND, situation = "campaign", sentiment = "positive", text = T.b2, likes = 40,
        virality = { rate = 6, growth = 0.08, cap = 20000, likes = 3, replies = 0.3 } }
  crowd{ about = "b2", texts = texts("mock", 8), every = 25, per = 10, max = 8 }
  wait(60)
  quote("b2", { id = "x1", author = V3, situation = "echo", text = T.x1,
                virality = { rate = 5, growth = 0.05, likes = 6, replies = 0.2 } })
  wait_until(12 * 60)                                          -- 12:00 the next one
  if S.campaign ~= "rolled_on" then return end
  post{ id = "b3", author = BRAND, situation = "campaign", sentiment = "positive", text = T.b3, likes = 25,
        virality = { rate = 8, growth = 0.08, cap = 20000, likes = 3, replies = 0.3 } }
  wait(45)
  quote("b3", { id = "x2", author = INFLUENCER, situation = "echo", text = T.x2,
                virality = { rate = 10, growth = 0.05, likes = 8, replies = 0.3 } })
end

-- ---- the brand's statement ---------------------------------------------------------

-- The manager alerted: a holding statement asked for on the internal channel.
local function manager_thread()
  if not alerted("manager") then await{ kinds = { "alert" }, role = "manager" } end
  wait(60)
  branch("manager_alerted")
  internal{ id = "m1", author = "@ops_manager", situation = "none", text = T.mgr_ask }
end

-- The manager refuses a draft that argues with the crowd, sounds cheerful,
-- blames or admits liability; amends one that announces the manager's own
-- decision (pausing the campaign, a prize, refunds for all).
statement.approver{ role = "manager", author = "@ops_manager",
  refuse = { { "arguing", T.st_refuse_arguing }, { "cheer", T.st_refuse_cheer }, { "blame", T.st_refuse_blame },
             { "liability", T.st_refuse_liability } },
  amend = { "manager_decision" }, amended = T.st_amended, amend_note = T.st_amend_note,
  holding_note = T.st_holding_note, ok = T.st_ok }

-- A good statement by 18:20 (a quarter of an hour after the wave) cools the
-- hashtag and the crowd takes note; none lets it run.
local function statement_thread()
  statement.watch{ due = 18 * 60 + 20, author = "@ops_manager", unapproved = T.st_unapproved,
    published = function(a)
      S.statement = "published"
      virality("b1", { rate = 1, growth = -0.2 })
      virality("h2", { rate = 1, growth = -0.1 })
      wait(80)
      reply(a.own, { id = "m2", author = V2, situation = "none", sentiment = "neutral", text = T.m2 })
    end,
    missed = function()
      S.statement = "missed"
      virality("b1", { growth = 0.08 })
      post{ id = "m3", author = V1, situation = "echo", sentiment = "negative", text = T.m3,
            virality = { rate = 4, growth = 0.05, likes = 3, replies = 0.1 } }
    end }
end

-- ---- the first complaint's branches -----------------------------------------------

local function calmed()
  wait(60)
  dm{ id = "d1", author = C1, situation = "complaint", text = T.d1 }
  local a = first_action("d1", { "dm" }, 8 * 60)
  if a and a.good then
    S.settled = true
    branch("dm_settled")
    wait(120)
    reply("h1", { id = "g1", author = C1, situation = "praise", text = T.g1 })
    wait(45)
    reply("g1", { id = "g2", author = V2, situation = "echo", sentiment = "neutral", text = T.g2 })
  else
    branch("dm_dropped")
    reply("h1", { id = "h5", author = C1, situation = "complaint", text = T.h5,
                  virality = { rate = 4, growth = 0.06, likes = 5, replies = 0.2 } })
  end
end

local function snowball()
  virality("h1", { rate = 8, growth = 0.1, cap = 15000 })
  wait(60)
  if S.h1 == "ignored" then
    reply("h1", { id = "h6", author = C1, situation = "complaint", text = T.h6,
                  virality = { rate = 3, growth = 0.05, likes = 5, replies = 0.2 } })
  end
  wait(240)
  if S.h1 == "ignored" then
    post{ id = "x3", author = V1, situation = "echo", text = T.x3,
          virality = { rate = 4, growth = 0.05, likes = 4, replies = 0.1 } }
  end
end

local function defensive()
  wait(45)
  quote("h1", { id = "h7", author = C1, situation = "complaint", text = T.h7,
                virality = { rate = 8, growth = 0.08, cap = 15000, likes = 5, replies = 0.3 } })
  crowd{ about = "h7", texts = texts("def", 6), every = 25, per = 12, max = 6 }
end

local function streisand(kind)
  wait(40)
  post{ id = "h8", author = C1, situation = "complaint", text = T["h8_" .. kind],
        virality = { rate = 12, growth = 0.1, cap = 25000, likes = 5, replies = 0.25 } }
  crowd{ about = "h8", texts = texts("str", 6), every = 20, per = 12, max = 6 }
  wait(90)
  quote("h8", { id = "x4", author = INFLUENCER, situation = "echo", text = T.x4,
                virality = { rate = 10, growth = 0.06, likes = 8, replies = 0.3 } })
end

local function react_to_h1(a)
  if a.kind == "delete" or a.kind == "hide" then
    if not S.streisand then
      S.streisand, S.h1 = true, "censored"
      branch("streisand")
      spawn(function() streisand(a.kind) end)
    end
  elseif a.good then
    if S.h1 == "waiting" or S.h1 == "ignored" or S.h1 == "bad" then
      branch(S.h1 == "waiting" and "calmed" or "calmed_late")
      S.h1 = "good"
      virality("h1", { rate = 1, growth = -0.2 })
      spawn(calmed)
    end
  elseif not S.defensive and not S.streisand then
    S.defensive, S.h1 = true, "bad"
    branch("defensive")
    spawn(defensive)
  end
end

-- ---- side stories -------------------------------------------------------------

local function influencer_thread()
  wait_until(4 * 60)                                           -- 04:00
  quote("b1", { id = "i1", author = INFLUENCER, situation = "complaint",
                text = S.campaign == "paused" and T.i1_paused or T.i1,
                virality = { rate = 8, growth = 0.06, cap = 30000, likes = 9, replies = 0.3 } })
  local a = first_action("i1", { "reply", "dm", "delete", "hide" }, 8 * 60)
  if a and a.good and (a.kind == "reply" or a.kind == "dm") then
    S.influencer = "acknowledged"
    branch("acknowledged")
    virality("i1", { rate = 1, growth = -0.2 })
    wait(90)
    reply("i1", { id = "i2", author = INFLUENCER, situation = "none", sentiment = "neutral", text = T.i2 })
  elseif a then
    S.influencer = "cheer_backfire"
    branch("cheer_backfire")
    wait(60)
    quote("i1", { id = "i3", author = INFLUENCER, situation = "echo", text = T.i3,
                  virality = { rate = 10, growth = 0.06, likes = 9, replies = 0.3 } })
  else
    S.influencer = "bashtag"
    branch("bashtag")
    post{ id = "i4", author = INFLUENCER, situation = "echo", text = T.i4,
          virality = { rate = 10, growth = 0.05, likes = 9, replies = 0.3 } }
  end
end

local function troll_thread()
  wait_until(3 * 60 + 20)                                      -- 03:20
  reply("b1", { id = "t1", author = TROLL, situation = "troll", text = T.t1 })
  local a = first_action("t1", { "reply", "hide", "delete" }, 15 * 60)
  if not a then return end
  if a.kind ~= "reply" then
    branch("troll_moderated")
    return
  end
  S.troll_fed = true
  branch("troll_fed")
  wait(50)
  reply("t1", { id = "t2", author = TROLL, situation = "troll", text = T.t2 })
end

-- The journalist (scenarios/lib/press.lua): routed, mishandled, called or ignored.
local function press_thread()
  wait_until(7 * 60)                                           -- 07:00
  quote("b1", { id = "j1", author = JOURNALIST, situation = "press_inquiry",
                text = S.campaign == "paused" and T.j1_paused or T.j1 })
  press.inquiry{ post = "j1", author = JOURNALIST, timeout = 12 * 60,
    decided = function(outcome) S.press = outcome end,
    routed = { after = 90, reply = { id = "j2", text = T.j2 } },
    mishandled = { after = 120, reply = { id = "j3", text = T.j3 } },
    called = { reply = { id = "j4", text = T.j4 } },
    ignored = { post = { id = "j5", text = T.j5, virality = { rate = 10, growth = 0.05, likes = 4, replies = 0.2 } } },
  }
end

-- The other stories told under the hashtag, whatever the trainee does.
local function hijack_wave()
  wait_until(60 + 40)                                          -- 01:40
  post{ id = "h2", author = C2, situation = "complaint", text = T.h2, likes = 6,
        virality = { rate = 4, growth = 0.08, cap = 8000, likes = 3, replies = 0.2 } }
  wait(20)
  reply("b1", { id = "e2", author = V2, situation = "echo", text = T.e2 })
  wait(25)
  quote("b1", { id = "e3", author = V3, situation = "echo", text = T.e3,
                virality = { rate = 5, growth = 0.05, cap = 6000, likes = 6, replies = 0.1 } })
  wait(25)                                                     -- 02:50
  post{ id = "h3", author = C3, situation = "complaint", text = T.h3, likes = 4,
        virality = { rate = 3, growth = 0.08, cap = 8000, likes = 3, replies = 0.2 } }
  wait(50)
  post{ id = "h4", author = V4, situation = "echo", text = T.h4, likes = 30,
        virality = { rate = 4, growth = 0.05, cap = 6000, likes = 8, replies = 0.1 } }
  wait(80)                                                     -- 05:00
  repost("h2", { id = "rt2", author = V1 })
  wait(130)
  post{ id = "f2", author = FAN, situation = "praise", text = T.f2, likes = 3 }
  wait_until(9 * 60 + 30)
  quote("b1", { id = "e4", author = V2, situation = "echo", text = T.e4 })
  wait_until(11 * 60)
  post{ id = "f3", author = V1, situation = "praise", sentiment = "neutral", text = T.f3, likes = 2 }
end

local function outcome()
  if S.streisand or S.defensive or S.cheer or S.influencer == "cheer_backfire" then return "backfired" end
  if S.campaign ~= "paused" or S.h1 == "ignored" or S.influencer == "bashtag" then return "hijacked" end
  return "recovered"
end

local function ending()
  wait_until(20 * 60)
  if S.campaign == "paused" and not S.cheer and S.h1 == "good" and S.settled
     and S.influencer == "acknowledged" and S.press == "routed" and not S.troll_fed
     and S.statement == "published" then
    finish("contained")
  end
  wait_until(DURATION - 1)
  finish(outcome())
end

-- ---- the timeline ---------------------------------------------------------------

function main()
  spawn(ending)
  -- 00:00 the brand's cheerful, promoted campaign post.
  post{ id = "b1", author = BRAND, situation = "campaign", sentiment = "positive", text = T.b1, likes = 120,
        virality = { rate = 5, growth = 0.06, cap = 40000, likes = 4, replies = 0.3 } }
  crowd{ about = "b1", texts = texts("crowd", 12), every = 30, per = 15, max = 12 }
  spawn(campaign_thread)
  spawn(hijack_wave)
  spawn(influencer_thread)
  spawn(troll_thread)
  spawn(press_thread)
  spawn(manager_thread)
  spawn(statement_thread)
  wait(25)
  post{ id = "f1", author = FAN, situation = "praise", text = T.f1, likes = 5 }
  wait(35)                                                     -- 01:00 the hijack begins
  post{ id = "h1", author = C1, situation = "complaint", text = T.h1, likes = 8, replies = 1,
        virality = { rate = 5, growth = 0.1, cap = 15000, likes = 3, replies = 0.15 } }
  wait(20)
  reply("h1", { id = "e1", author = V1, situation = "echo", text = T.e1 })

  local a = first_action("h1", H1_KINDS, 5 * 60 - 20)
  if not a then
    S.h1 = "ignored"
    branch("ignored")
    spawn(snowball)
    a = await{ post = "h1", kinds = H1_KINDS }
  end
  while a do
    react_to_h1(a)
    a = await{ post = "h1", kinds = H1_KINDS }
  end
end
