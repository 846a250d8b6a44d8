-- The press module (scenarios/lib/press.lua, copied beside this folder by
-- tests/cli/library.sh): a journalist's post and its four outcomes, one
-- answers file each. The outcome ends the scenario: finish(outcome).
local press = require "press"

scenario{ id = "test-press", title = "Test: the press module", duration = 10 * 60 }
persona{ handle = "@techmag", name = "TechMag", followers = 120000, verified = true, role = "journalist" }
persona{ handle = "@julie", name = "Julie", followers = 300, role = "customer" }

local decided = "not yet"

function main()
  post{ id = "c1", author = "@julie", situation = "praise", text = "Lovely coffee today." }
  wait(10)
  post{ id = "j1", author = "@techmag", situation = "press_inquiry",
        text = "@brewco Is the cold-coffee story true? We're writing a piece." }
  local outcome = press.inquiry{ post = "j1", author = "@techmag", timeout = 2 * 60,
    decided = function(o, action)
      decided = o
      branch("decided_" .. o .. "_" .. (action and action.kind or "nothing"))
    end,
    routed = { after = 30, reply = { id = "j2", text = "Thanks, we'll talk to your press office." } },
    mishandled = { after = 60, post = { id = "j3", text = "BrewCo hides our questions.",
                                        virality = { rate = 2, growth = 0 } } },
    called = { quote = { id = "j4", text = "BrewCo's press office called us back." } },
    ignored = function(action)
      branch(action == nil and "ignored_with_nil" or "ignored_with_action")
      post{ id = "j5", author = "@techmag", situation = "echo", text = "BrewCo did not answer.",
            virality = { rate = 6, growth = 0 } }
    end,
  }
  if decided ~= outcome then branch("decided_differs") end
  wait(120)
  finish(outcome)
end
