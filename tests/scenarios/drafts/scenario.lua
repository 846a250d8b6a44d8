-- Drafts and approval (tests/cli/drafts.sh): the manager's approver approves,
-- amends or refuses by the concepts a draft expresses; legal has no approver
-- (the rule set decides, after 2 minutes); the press office is silent and the
-- story answers for it. The story reacts to the trainee's own statement,
-- quote and reply.
scenario{ id = "drafts", title = T.title, languages = { "en", "fr" }, duration = 15 * 60, rules = "default",
          brand = { handle = "@parcelpost", name = "ParcelPost", followers = 9000 } }
persona{ handle = "@sam", name = "Sam", followers = 300, role = "customer" }
persona{ handle = "@dana", name = "Dana", role = "manager" }
persona{ handle = "@pia", name = "Pia", role = "colleague" }

local function says(action, concept)
  for _, c in ipairs(action.concepts) do
    if c == concept then return true end
  end
  return false
end

approver{ role = "manager", after = 60, decide = function(draft)
  if says(draft, "blame") then return refuse(T.no_blame) end
  if says(draft, "manager_decision") then return amend(T.amended) end
  if says(draft, "apology") then return approve() end
  return nil   -- the rule set decides
end }
approver{ role = "press_office", silent = true }

function main()
  post{ id = "c1", author = "@sam", situation = "complaint", text = T.c1 }
  spawn(function()   -- every statement gets an answer from Sam
    while true do
      local statement = await{ kinds = { "post" } }
      reply(statement.own, { author = "@sam", situation = "praise", text = T.thanks })
      if statement.draft then
        local name = "published_" .. statement.draft:gsub(":", "_")
        branch(name)
      end
    end
  end)
  spawn(function()   -- a quote of Sam's post is quoted back
    local q = await{ kinds = { "quote" } }
    quote(q.own, { author = "@sam", situation = "echo", text = T.quoted })
  end)
  spawn(function()   -- the press office answers when the story says so, as Pia
    local d = await{ kinds = { "submit" }, role = "press_office" }
    wait(30)
    answer(d.own, amend(T.press_text, T.press_note), "@pia")
    if not answer(d.own, approve()) then branch("answered_once") end
  end)
  local first = await{ kinds = { "submit" }, role = "manager" }
  if first.own == "submit:2" and says(first, "apology") and first.text == T.first_draft then branch("draft_seen") end
  local reply1 = handled("c1")[1]
  if reply1 and reply1.own == "reply:1" and says(reply1, "private_channel") then branch("reply_seen") end
  wait(15 * 60)
end
