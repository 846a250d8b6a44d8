-- Error: two posts with one id.
-- KEEPS: c1 c2
scenario{ id = "errors-post-duplicate-id", title = "Errors: post_duplicate_id", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  post{ id = "c1", author = "@a", text = "again" }  -- EXPECT: post: post id 'c1' is already in the feed
end
