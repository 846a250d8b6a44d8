-- press: a journalist's inquiry and what becomes of it, shared by the
-- scenarios (docs/scenario-api.md, "The library folder").
--
--   local press = require "press"
--   ...
--   quote("c1", { id = "j1", author = JOURNALIST, situation = "press_inquiry", text = T.j1 })
--   S.press = press.inquiry{ post = "j1", author = JOURNALIST, timeout = 15 * 60,
--     routed     = { after = 90, reply = { id = "j3", text = T.j3 } },
--     mishandled = { after = 120, reply = { id = "j4", text = T.j4 } },
--     called     = { reply = { id = "j6", text = T.j6 } },
--     ignored    = { post = { id = "j2", text = T.j2, virality = { rate = 10, growth = 0.05 } } },
--   }
--
-- The trainee's first action on the journalist's post (a reply, a private
-- message, hiding or deleting it) within `timeout` seconds decides:
--   routed      a good reply or private message (the press office's line);
--   mishandled  any other action: a reply that broke a rule, hiding, deleting;
--   called      no action, but the press office was alerted (with a cause);
--   ignored     neither.
-- The story takes the branch "press_<outcome>" (`branch` changes the prefix),
-- `decided(outcome, action)` is called at once if given, then the journalist
-- answers as the outcome's entry says, and inquiry returns the outcome.
--
-- An outcome's entry is a function(action) that tells the rest itself, or a
-- table: `after` seconds to wait (none: at once), then one of
--   reply = { ... }  a reply to the journalist's post,
--   quote = { ... }  a quote of it,
--   post  = { ... }  a post of its own,
-- with the fields of reply{}/post{}; `author` defaults to the journalist,
-- `situation` to "none" with a neutral sentiment when routed or called (the
-- journalist is answered), to "echo" when mishandled or ignored (the
-- journalist writes about it). An outcome without an entry only branches.

local press = {}

local KINDS = { "reply", "dm", "delete", "hide" }
local OUTCOMES = { routed = true, mishandled = true, called = true, ignored = true }
local FIELDS = { post = true, author = true, timeout = true, office = true, branch = true, decided = true,
                 routed = true, mishandled = true, called = true, ignored = true }
local SHOWS = { reply = true, quote = true, post = true }

local function outcome_of(action, office)
  if action and action.good and (action.kind == "reply" or action.kind == "dm") then return "routed" end
  if action then return "mishandled" end
  if alerted(office) then return "called" end
  return "ignored"
end

-- The options, checked where the scenario gives them (errors name its line).
local function check(o)
  if type(o) ~= "table" then error("press.inquiry: needs { post = ID, author = HANDLE, ... }", 3) end
  for k, v in pairs(o) do
    if not FIELDS[k] then error("press.inquiry: unknown field '" .. tostring(k) .. "'", 3) end
    if OUTCOMES[k] and type(v) ~= "table" and type(v) ~= "function" then
      error("press.inquiry: " .. k .. " must be a table { after, reply | quote | post } or a function", 3)
    end
    if OUTCOMES[k] and type(v) == "table" then
      local shows = 0
      for field in pairs(v) do
        if SHOWS[field] then shows = shows + 1
        elseif field ~= "after" then error("press.inquiry: " .. k .. ": unknown field '" .. tostring(field) .. "'", 3) end
      end
      if shows > 1 then error("press.inquiry: " .. k .. " shows one of reply, quote or post", 3) end
    end
  end
  if type(o.post) ~= "string" or type(o.author) ~= "string" then
    error("press.inquiry: post (the journalist's post id) and author (the journalist) are required", 3)
  end
  if o.timeout ~= nil and (type(o.timeout) ~= "number" or o.timeout < 0) then
    error("press.inquiry: timeout is a number of seconds", 3)
  end
end

-- The journalist's answer: the entry's post, with the outcome's defaults.
local function answer(o, outcome, entry)
  if entry.after then wait(entry.after) end
  local how = entry.reply and "reply" or entry.quote and "quote" or entry.post and "post"
  if not how then return end
  local answered = outcome == "routed" or outcome == "called"
  local fields = {}
  for k, v in pairs(entry[how]) do fields[k] = v end
  fields.author = fields.author or o.author
  fields.situation = fields.situation or (answered and "none" or "echo")
  if answered and fields.sentiment == nil then fields.sentiment = "neutral" end
  if how == "post" then post(fields) elseif how == "quote" then quote(o.post, fields) else reply(o.post, fields) end
end

function press.inquiry(o)
  check(o)
  local action = first_action(o.post, KINDS, o.timeout or 15 * 60)
  local outcome = outcome_of(action, o.office or "press_office")
  if o.decided then o.decided(outcome, action) end
  branch((o.branch or "press") .. "_" .. outcome)
  local entry = o[outcome]
  if type(entry) == "function" then
    entry(action)
  elseif entry then
    answer(o, outcome, entry)
  end
  return outcome
end

return press
