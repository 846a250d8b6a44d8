-- Error: a post by an undeclared persona.
-- KEEPS: c1 c2
scenario{ id = "errors-post-unknown-author", title = "Errors: post_unknown_author", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  post{ id = "c3", author = "@nobody", text = "x" }  -- EXPECT: post: unknown author '@nobody'
end
