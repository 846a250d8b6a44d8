-- Error: a text the language table lacks is an error at the line that reads it, not an empty post.
-- KEEPS: c1
scenario{ id = "errors-missing-text", title = "Errors: missing_text", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "complaint", text = T.nowhere }  -- EXPECT: no text 'nowhere' in en.lua
end
