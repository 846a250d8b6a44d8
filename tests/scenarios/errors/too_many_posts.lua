-- Error: posting in a loop stops at a ceiling (the feed lives outside the Lua memory limit).
-- KEEPS: c1 c2
-- WITHIN: 10
scenario{ id = "errors-too-many-posts", title = "Errors: too_many_posts", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  while true do post{ author = "@a", text = "spam" } end  -- EXPECT: post: over 50000 posts in the feed
end
