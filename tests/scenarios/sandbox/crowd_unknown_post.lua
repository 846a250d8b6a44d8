-- Sandbox: a crowd about a post that is not in the feed: the error came from the prelude's thread.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-crowd-unknown-post", title = "Sandbox: crowd_unknown_post", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  crowd{ about = "nope", texts = { "x" } }  -- EXPECT: counters: no post 'nope' in the feed
  wait(60)
  error("ESCAPED: the crowd ran")
end
