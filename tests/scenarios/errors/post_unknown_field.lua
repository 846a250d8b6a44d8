-- Error: an unknown field in post{} is named, with the list of fields.
-- KEEPS: c1 c2
scenario{ id = "errors-post-unknown-field", title = "Errors: post_unknown_field", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  post{ id = "c3", author = "@a", text = "x", colour = "red" }  -- EXPECT: post: unknown field 'colour' (fields: id, author, text, situation, sentiment, likes, replies, virality)
end
