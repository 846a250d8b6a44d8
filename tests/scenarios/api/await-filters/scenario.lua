-- await{} and first_action{} filtered by the situation of the post acted on
-- and its author's role; handled() without an id. Each thread records what
-- it saw as a branch; answers/*.txt say which (tests/cli/await_filters.sh).
scenario{ id = "test-await-filters", title = "Test: await filters", duration = 10 * 60 }
persona{ handle = "@julie", name = "Julie", followers = 300, role = "customer" }
persona{ handle = "@techmag", name = "TechMag", followers = 120000, role = "journalist" }
persona{ handle = "@me_b", name = "Maître B", followers = 2400, role = "lawyer" }

local function mark(prefix, a) branch(prefix .. "_" .. (a and (a.kind .. "_" .. (a.post or "none")) or "timeout")) end

function main()
  post{ id = "c1", author = "@julie", situation = "complaint", text = "Cold coffee again." }
  post{ id = "c2", author = "@julie", situation = "complaint", text = "And the receipt was wrong." }
  post{ id = "j1", author = "@techmag", situation = "press_inquiry", text = "@brewco A comment on cold coffee?" }
  post{ id = "l1", author = "@me_b", situation = "legal_threat", text = "@brewco My client will sue." }
  spawn(function() mark("legal", await{ situation = "legal_threat" }) end)
  spawn(function()
    local a = await{ author_role = "journalist", kinds = { "reply", "dm" } }
    mark("journalist", a)
    if a.situation == "press_inquiry" and a.author_role == "journalist" then branch("fields_ok") end
  end)
  -- both must match: a complaint by a lawyer never comes
  spawn(function() mark("lawyer_complaint", await{ situation = "complaint", author_role = "lawyer", timeout = 100 }) end)
  -- an alert names no post unless post= is given: no situation to match
  spawn(function() mark("alert_on_complaint", await{ situation = "complaint", kinds = { "alert" }, timeout = 100 }) end)
  wait(120)
  -- started late: the reply to a complaint came before; first_action finds it in handled()
  mark("first_complaint_reply", first_action{ situation = "complaint", kinds = { "reply" }, timeout = 60 })
  mark("first_customer_like", first_action{ author_role = "customer", kinds = "like", timeout = 60 })
  mark("first_legal_alert", first_action{ kinds = { "alert" }, role = "legal", timeout = 60 })
  local all = handled()
  branch("handled_" .. #all .. "_" .. (all[1] and all[1].situation or "none"))
  wait(60)
  finish("done")
end
