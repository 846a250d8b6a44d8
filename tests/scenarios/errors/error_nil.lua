-- Error: an error raised with nothing still says where.
-- KEEPS: c1 c2
scenario{ id = "errors-error-nil", title = "Errors: error_nil", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "first" }
  wait(5)
  post{ id = "c2", author = "@a", situation = "question", text = "second" }
  wait(5)
  error()  -- EXPECT: error raised with a nil value
end
