-- Sandbox: string.rep of an empty string with a separator is still bounded.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-string-rep-separator", title = "Sandbox: string_rep_separator", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local s = string.rep("", math.maxinteger, ",")  -- EXPECT: string.rep: the result would be over 1024 KiB
  error("ESCAPED: a huge string.rep with a separator")
end
