-- Data-leak rumour: a customer-data leak is claimed on social media before
-- the company has said anything.
--
-- The public case it is modelled on: the 2011 PlayStation Network outage.
-- PSN went offline on 20 April 2011; for days Sony spoke only of an "external
-- intrusion" while players, forums and the press traded rumours (was it a
-- hack? were card numbers taken? forum posts claimed a database of millions
-- of card numbers was for sale). Sony confirmed on 26 April that personal
-- data had been exposed, a class action was filed in California the next
-- day, US lawmakers wrote to Sony, and the UK Information Commissioner later
-- fined Sony Computer Entertainment Europe £250,000 (January 2013).
-- Public sources:
--   - "2011 PlayStation Network outage", Wikipedia,
--     https://en.wikipedia.org/wiki/2011_PlayStation_Network_outage
--   - Patrick Seybold, "Update on PlayStation Network and Qriocity",
--     PlayStation.Blog, 26 April 2011,
--     https://blog.playstation.com/2011/04/26/update-on-playstation-network-and-qriocity/
--   - Information Commissioner's Office, "Sony fined £250,000 after millions
--     of UK gamers' details compromised", news release, 24 January 2013.
--   - Sony's letter to the US House Subcommittee on Commerce, Manufacturing
--     and Trade (Kazuo Hirai, 3 May 2011), on the timeline of the disclosure.
-- The company (Lumio, a games-and-streaming subscription), its customers,
-- the journalist, the consumer group and the "hacker" are fictional.
--
-- What the trainee should learn:
--   - a data-leak rumour is not the community manager's to confirm or deny:
--     nobody at the keyboard knows yet, and either answer may be wrong and
--     screenshotted forever (a denial that is later contradicted destroys
--     trust; a confirmation may be false, and is a legal admission);
--   - alert IT security at once (within 5 minutes) and legal with it (people
--     already talk of lawyers), then the press office for the journalist and
--     the manager when the volume swells;
--   - in public, only a holding line that neither confirms nor denies, after
--     the alert; invite people to private messages and never ask for (or
--     repeat) an e-mail, a card or a phone number in public;
--   - do not argue with a self-proclaimed hacker: moderate, do not feed;
--   - silence is an answer too: a rumour left alone grows.
--
-- Branches on the main claim (leak1, 00:45):
--   security_first   security alerted within 5 minutes of the claim, nothing
--                    said alone: security briefs the trainee (security_briefed).
--   security_late    security alerted after 5 minutes.
-- The brand's statement, drafted by the trainee and answered by the manager
-- (refused before security knows, or when it confirms, denies or blames;
-- amended when it holds a figure or a promise): statement_published (a good
-- one by 15:45, the rumour cools), no_statement (none: the journalist quotes
-- the silence; statement_late after), statement_unapproved.
--   spoke_alone      a public answer on a leak post that broke a rule (confirm,
--                    deny, ask for data...) before security knew: screenshots,
--                    the "hacker" gloats, the journalist quotes the brand.
--   data_exposed     a public reply held an e-mail address or a phone number.
--   rumour_spreads   no alert and no answer within 5 minutes: a hashtag, the
--                    tipster insists, the crowd grows.
--   streisand        a leak post deleted or hidden.
-- Side stories: troll_fed / troll_moderated, press_routed / press_mishandled /
-- press_called / press_ignored, legal_routed / legal_exposed / legal_called /
-- legal_ignored, manager_informed.
-- Ends at 25:00 with "contained" when everything went right, else at the
-- duration with "contained_late", "spread" or "backfired".

local DURATION = 30 * 60
local press = require "press"
local statement = require "statement"


scenario{
  id = "data-leak-rumour",
  title = T.title,
  summary = T.summary,
  version = "1",
  languages = { "en", "fr" },
  duration = DURATION,
  rules = "default",
  difficulty = 3,
  network = "Chirp",
  limit = 280,
  brand = { handle = T.brand_handle, name = T.brand_name, followers = 184000 },
}

-- ---- people ---------------------------------------------------------------

local BRAND = T.brand_handle
local CLAIMANT, ASKER1, ASKER2, GAMER, FAN = T.claimant_handle, T.asker1_handle, T.asker2_handle,
                                            T.gamer_handle, T.fan_handle
local TIPSTER, HACKER, JOURNALIST, CONSUMERS = T.tipster_handle, T.hacker_handle, T.journalist_handle,
                                               T.consumers_handle
local V1, V2, V3, V4 = T.v1_handle, T.v2_handle, T.v3_handle, T.v4_handle

persona{ handle = CLAIMANT, name = T.claimant_name, followers = 2140, role = "customer" }
persona{ handle = ASKER1, name = T.asker1_name, followers = 356, role = "customer" }
persona{ handle = ASKER2, name = T.asker2_name, followers = 190, role = "customer" }
persona{ handle = GAMER, name = T.gamer_name, followers = 1280, role = "customer" }
persona{ handle = FAN, name = T.fan_name, followers = 4470, role = "customer" }
persona{ handle = V1, name = T.v1_name, followers = 812, role = "customer" }
persona{ handle = V2, name = T.v2_name, followers = 433, role = "customer" }
persona{ handle = V3, name = T.v3_name, followers = 2650, role = "customer" }
persona{ handle = V4, name = T.v4_name, followers = 97, role = "customer" }
persona{ handle = TIPSTER, name = T.tipster_name, followers = 61300, verified = true, role = "influencer" }
persona{ handle = HACKER, name = T.hacker_name, followers = 880, role = "troll" }
persona{ handle = JOURNALIST, name = T.journalist_name, followers = 18900, verified = true, role = "journalist" }
persona{ handle = CONSUMERS, name = T.consumers_name, followers = 27400, verified = true, role = "consumer_group" }
persona{ handle = "@ops_manager", name = T.ops_manager_name, role = "colleague" }
persona{ handle = "@it_security", name = T.it_security_name, role = "colleague" }

-- ---- pre-approved replies ---------------------------------------------------

template{ id = "holding", situation = "data_leak", label = T.tpl_holding_label, text = T.tpl_holding }
template{ id = "private", situation = "data_leak", label = T.tpl_private_label, text = T.tpl_private }
template{ id = "dm_secure", situation = "data_leak", channel = "private", label = T.tpl_dm_secure_label, text = T.tpl_dm_secure }
template{ id = "login", situation = "question", label = T.tpl_login_label, text = T.tpl_login }
template{ id = "press", situation = "press_inquiry", label = T.tpl_press_label, text = T.tpl_press }
template{ id = "legal", situation = "legal_threat", label = T.tpl_legal_label, text = T.tpl_legal }

-- ---- the story so far -------------------------------------------------------

local S = {
  leak = "waiting",   -- waiting, security_first, security_late, spoke_alone, ignored, censored
  spoke_alone = false, exposed = false, streisand = false,
  security_at = nil,  -- when security was first alerted
  troll_fed = false,
  press = "waiting",  -- routed, mishandled, called, ignored
  legal = "waiting",  -- routed, exposed, called, ignored
}

-- The posts about the leak itself (situation data_leak), public ones.
local LEAK_POSTS = { leak1 = true, h1 = true, sc1 = true, h2 = true }

-- An e-mail address or a long number in a text (what the rule set calls
-- personal data), seen from the story's side.
local function holds_personal_data(text)
  if not text then return false end
  if text:find("[%w._%-]@[%w%-]+%.%w") then return true end
  return text:gsub("[ .%-+]", ""):find("%d%d%d%d%d%d%d%d%d") ~= nil
end

-- ---- consequences -----------------------------------------------------------

-- Security knows: it briefs the trainee on the internal channel (nothing
-- verified yet, a holding line only, through the manager).
local function security_statement()
  wait(90)
  branch("security_briefed")
  internal{ id = "sec1", author = "@it_security", situation = "none", text = T.sec_brief }
end

-- The brand's statement is the trainee's, approved by the manager, who
-- refuses anything factual before security has been told, any confirmation
-- or denial, and amends a promise or a figure away.
statement.approver{ role = "manager", author = "@ops_manager",
  refuse = { { "unverified", T.st_refuse_unverified }, { "blame", T.st_refuse_blame },
             { "liability", T.st_refuse_liability }, { "arguing", T.st_refuse_arguing } },
  check = function(draft)
    if not alerted("security") then return refuse(T.st_refuse_security) end
    if holds_personal_data(draft.text) then return refuse(T.st_refuse_data) end
    if draft.text:find("%d") then return amend(T.st_amended, T.st_figures_note) end
  end,
  amend = { "manager_decision" }, amended = T.st_amended, amend_note = T.st_amend_note,
  holding_note = T.st_holding_note, ok = T.st_ok }

-- A good statement by 15:45 (a quarter of an hour after the claim) cools the
-- rumour; none lets it run, and the journalist files without the brand's word.
local function statement_thread()
  statement.watch{ due = 15 * 60 + 45, author = "@ops_manager", unapproved = T.st_unapproved,
    published = function(a)
      if not S.spoke_alone and not S.streisand then
        virality("leak1", { rate = 1, growth = -0.2 })
        virality("sc1", { rate = 1, growth = -0.2 })
      end
      wait(80)
      reply(a.own, { id = "s2", author = CLAIMANT, situation = "none", sentiment = "neutral", text = T.s2 })
      wait(60)
      reply(a.own, { id = "s3", author = FAN, situation = "praise", text = T.s3 })
    end,
    missed = function()
      virality("sc1", { growth = 0.08 })
      quote("sc1", { id = "s4", author = JOURNALIST, situation = "echo", sentiment = "negative", text = T.s4,
                     virality = { rate = 4, growth = 0.04, likes = 3, replies = 0.1 } })
    end }
end

-- The brand said something alone: its words become the story.
local function spoke_alone(a)
  wait(40)
  quote(a.post, { id = "b1", author = CLAIMANT, situation = "data_leak", text = T.b1,
                  virality = { rate = 9, growth = 0.08, cap = 15000, likes = 5, replies = 0.3 } })
  crowd{ about = "b1", texts = texts("bad", 6), every = 25, per = 12, max = 6 }
  wait(50)
  reply("b1", { id = "b2", author = HACKER, situation = "troll", text = T.b2 })
  wait(70)
  quote("b1", { id = "b3", author = TIPSTER, situation = "echo", text = T.b3,
                virality = { rate = 7, growth = 0.05, likes = 6, replies = 0.2 } })
end

-- Personal data in a public reply.
local function data_exposed()
  wait(30)
  reply("leak1", { id = "x1", author = CLAIMANT, situation = "complaint", text = T.x1,
                   virality = { rate = 6, growth = 0.08, likes = 5, replies = 0.3 } })
  wait(45)
  quote("x1", { id = "x2", author = V3, situation = "echo", text = T.x2 })
end

-- Nobody said a word: the rumour fills the silence.
local function rumour_spreads()
  virality("leak1", { rate = 10, growth = 0.1, cap = 25000 })
  virality("sc1", { rate = 14, growth = 0.1, cap = 40000 })
  wait(60)
  post{ id = "r1", author = V1, situation = "echo", text = T.r1,
        virality = { rate = 4, growth = 0.06, likes = 3, replies = 0.1 } }
  wait(120)
  if S.leak == "ignored" then
    quote("sc1", { id = "r2", author = TIPSTER, situation = "echo", text = T.r2,
                   virality = { rate = 9, growth = 0.05, likes = 7, replies = 0.3 } })
  end
  wait(150)
  if S.leak == "ignored" then
    reply("leak1", { id = "r3", author = CLAIMANT, situation = "data_leak", text = T.r3 })
  end
  wait(240)
  post{ id = "r4", author = V2, situation = "echo", text = T.r4 }
  wait(300)
  if S.leak == "ignored" then
    post{ id = "r5", author = GAMER, situation = "echo", text = T.r5 }
  end
end

local function streisand(kind)
  wait(35)
  post{ id = "z1", author = CLAIMANT, situation = "data_leak", text = T["z1_" .. kind],
        virality = { rate = 12, growth = 0.1, cap = 25000, likes = 5, replies = 0.25 } }
  wait(60)
  quote("z1", { id = "z2", author = TIPSTER, situation = "echo", text = T.z2,
                virality = { rate = 10, growth = 0.06, likes = 8, replies = 0.3 } })
end

-- A public reply, private message, deletion or hiding on one of the leak posts.
local function react_to_leak(a)
  if a.kind == "delete" or a.kind == "hide" then
    if not S.streisand then
      S.streisand, S.leak = true, "censored"
      branch("streisand")
      spawn(function() streisand(a.kind) end)
    end
    return
  end
  if a.kind == "reply" and holds_personal_data(a.text) and not S.exposed then
    S.exposed = true
    branch("data_exposed")
    spawn(data_exposed)
  end
  if a.kind == "reply" and not a.good and not S.spoke_alone then
    S.spoke_alone, S.leak = true, "spoke_alone"
    branch("spoke_alone")
    spawn(function() spoke_alone(a) end)
  end
end

-- ---- side stories -------------------------------------------------------------

local function login_thread()
  local a = first_action("q1", { "reply", "dm" }, 15 * 60)
  if a then
    wait(45)
    reply("q1", { id = "q3", author = GAMER, situation = "none", sentiment = "neutral", text = T.q3 })
  else
    reply("q1", { id = "q2", author = GAMER, situation = "question", text = T.q2 })
  end
end

local function hacker_thread()
  wait_until(3 * 60 + 30)
  reply("sc1", { id = "t1", author = HACKER, situation = "troll", text = T.t1 })
  local a = first_action("t1", { "reply", "hide", "delete" }, 15 * 60)
  if not a then return end
  if a.kind ~= "reply" then
    branch("troll_moderated")
    return
  end
  S.troll_fed = true
  branch("troll_fed")
  wait(random(30, 70))
  reply("t1", { id = "t2", author = HACKER, situation = "troll", text = T.t2 })
  wait(50)
  quote("t1", { id = "t3", author = V4, situation = "echo", text = T.t3 })
end

-- The claimant writes in private, with the very address she found in the file.
local function claimant_dm_thread()
  wait_until(3 * 60)
  dm{ id = "d1", author = CLAIMANT, situation = "data_leak", text = T.d1 }
  local a = first_action("d1", { "dm" }, 10 * 60)
  if a then
    wait(60)
    dm{ id = "d2", author = CLAIMANT, situation = "none", sentiment = "neutral", text = T.d2 }
  else
    branch("dm_dropped")
    reply("leak1", { id = "d3", author = CLAIMANT, situation = "data_leak", text = T.d3 })
  end
end

-- The journalist (scenarios/lib/press.lua): routed, mishandled, called or ignored.
local function press_thread()
  wait_until(6 * 60 + 30)
  quote("sc1", { id = "j1", author = JOURNALIST, situation = "press_inquiry", text = T.j1 })
  press.inquiry{ post = "j1", author = JOURNALIST, timeout = 15 * 60,
    decided = function(outcome) S.press = outcome end,
    routed = { after = 90, reply = { id = "j3", text = T.j3 } },
    mishandled = { after = 120, post = { id = "j4", text = T.j4,
                                          virality = { rate = 8, growth = 0.05, likes = 4, replies = 0.2 } } },
    called = { reply = { id = "j6", text = T.j6 } },
    ignored = { post = { id = "j2", text = T.j2, virality = { rate = 10, growth = 0.05, likes = 4, replies = 0.2 } } },
  }
end

local function legal_thread()
  wait_until(10 * 60)
  post{ id = "l1", author = CONSUMERS, situation = "legal_threat", text = T.l1,
        virality = { rate = 5, growth = 0.04, cap = 8000, likes = 6, replies = 0.2 } }
  local a = first_action("l1", { "reply", "dm", "delete", "hide" }, 15 * 60)
  if a and a.good and (a.kind == "reply" or a.kind == "dm") then
    S.legal = "routed"
    branch("legal_routed")
    wait(100)
    reply("l1", { id = "l2", author = CONSUMERS, situation = "none", sentiment = "neutral", text = T.l2 })
  elseif a then
    S.legal = "exposed"
    branch("legal_exposed")
    wait(80)
    reply("l1", { id = "l3", author = CONSUMERS, situation = "legal_threat", sentiment = "negative", text = T.l3 })
  elseif alerted("legal") then
    S.legal = "called"
    branch("legal_called")
    reply("l1", { id = "l6", author = CONSUMERS, situation = "none", sentiment = "neutral", text = T.l6 })
  else
    S.legal = "ignored"
    branch("legal_ignored")
    reply("l1", { id = "l5", author = CONSUMERS, situation = "legal_threat", sentiment = "negative", text = T.l5 })
  end
end

local function manager_thread()
  if not alerted("manager") then
    await{ kinds = { "alert" }, role = "manager" }
  end
  branch("manager_informed")
end

-- Public reactions to the brand's answers on leak posts, wherever they are.
local function leak_watch()
  while true do
    local a = await{ kinds = { "reply", "dm", "delete", "hide" } }
    if not a then return end
    if LEAK_POSTS[a.post] then react_to_leak(a) end
  end
end

local function ambient()
  wait(13 * 60)
  post{ id = "a2", author = FAN, situation = "praise", text = T.a2, likes = 11 }
  wait(6 * 60)
  post{ id = "a3", author = V2, situation = "none", sentiment = "neutral", text = T.a3, likes = 3 }
end

local function outcome()
  if S.spoke_alone or S.streisand or S.exposed then return "backfired" end
  if S.leak == "security_first" or S.leak == "security_late" then return "contained_late" end
  return "spread"
end

local function ending()
  wait_until(25 * 60)
  if S.leak == "security_first" and not S.spoke_alone and not S.exposed and not S.streisand
     and S.press == "routed" and S.legal == "routed" and not S.troll_fed then
    finish("contained")
  end
  wait_until(DURATION - 1)
  finish(outcome())
end

-- ---- the timeline ---------------------------------------------------------------

function main()
  spawn(ambient)
  spawn(ending)
  spawn(leak_watch)
  wait(5)
  post{ id = "a1", author = FAN, situation = "praise", text = T.a1, likes = 23 }
  wait(15)
  post{ id = "q1", author = GAMER, situation = "question", text = T.q1, likes = 4 }
  spawn(login_thread)
  wait(25)                                                    -- 00:45 the claim
  local t0 = now()
  post{ id = "leak1", author = CLAIMANT, situation = "data_leak", text = T.leak1, likes = 6, replies = 2,
        virality = { rate = 5, growth = 0.1, cap = 25000, likes = 2, replies = 0.15 } }
  spawn(hacker_thread)
  spawn(claimant_dm_thread)
  spawn(press_thread)
  spawn(statement_thread)
  spawn(legal_thread)
  spawn(manager_thread)
  spawn(function()
    wait(25)
    reply("leak1", { id = "e1", author = V1, situation = "echo", text = T.e1 })
    wait(20)
    reply("leak1", { id = "e2", author = V2, situation = "echo", text = T.e2 })   -- "lawyer": legal
    wait(20)
    reply("leak1", { id = "h1", author = ASKER1, situation = "data_leak", text = T.h1 })
    wait(30)
    quote("leak1", { id = "sc1", author = TIPSTER, situation = "data_leak", text = T.sc1,
                     virality = { rate = 12, growth = 0.08, cap = 40000, likes = 4, replies = 0.2 } })
    crowd{ about = "sc1", texts = texts("crowd", 12), every = 30, per = 20, max = 12 }
    wait(40)
    repost("sc1", { id = "rt1", author = V3 })
    wait(60)
    reply("sc1", { id = "h2", author = ASKER2, situation = "data_leak", text = T.h2 })
    wait(50)
    quote("sc1", { id = "e3", author = V3, situation = "echo", text = T.e3 })
  end)

  -- The heart of it: within 5 minutes, does security hear of it, and does the
  -- brand stay silent on the merits until it does?
  local deadline = t0 + 5 * 60
  while not alerted("security") and now() < deadline do
    if not await{ kinds = { "alert" }, role = "security", timeout = deadline - now() } then break end
  end
  if alerted("security") and alerted("security") <= deadline then
    if not S.spoke_alone and not S.streisand then
      S.leak = "security_first"
      branch("security_first")
    end
    spawn(security_statement)
    return
  end
  if S.leak == "waiting" and #handled("leak1") == 0 then
    S.leak = "ignored"
    branch("rumour_spreads")
    spawn(rumour_spreads)
  end
  if not alerted("security") then await{ kinds = { "alert" }, role = "security" } end
  if not alerted("security") then return end
  branch("security_late")
  if S.leak == "ignored" then S.leak = "security_late" end
  spawn(security_statement)
end
