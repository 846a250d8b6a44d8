-- Sandbox: the same persona replaced again and again: the count stays 1, each one a new row.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-persona-replace", title = "Sandbox: data_persona_replace", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local name = ("n"):rep(4096)
  for i = 1, 1e9 do persona{ handle = "@p", name = name:sub(1, 4000) .. (i % 2) } if i % 1000 == 0 then wait(0.001) end end  -- EXPECT: persona: the scenario's data budget of 32 MiB is spent
  error("ESCAPED: the personas stopped")
end
