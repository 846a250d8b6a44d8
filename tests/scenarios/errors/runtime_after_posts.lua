-- Error: a runtime error in main() after some posts; the posts stay.
-- KEEPS: c1 c2
scenario{ id = "errors-runtime-after-posts", title = "Errors: runtime_after_posts", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  local reply_to = nil
  local id = reply_to.id  -- EXPECT: attempt to index a nil value (local 'reply_to')
end
