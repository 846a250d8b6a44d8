-- Sandbox: a crowd whose texts are not strings: the error was raised in the prelude ('crisisdrill:43:').
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-crowd-bad-texts", title = "Sandbox: crowd_bad_texts", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  virality("c1", { rate = 600, growth = 0 })
  crowd{ about = "c1", texts = { 42 }, every = 1, per = 1 }  -- EXPECT: reply: text must be a string
  wait(60)
  error("ESCAPED: the crowd replied")
end
