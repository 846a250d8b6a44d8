-- Sandbox: persona{} in a loop with 4 KiB names: 100,000 of them were 800 MB of memory and database.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-data-persona-flood", title = "Sandbox: data_persona_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local name = ("n"):rep(4096)
  for i = 1, 1e9 do persona{ handle = "@p" .. i, name = name } if i % 1000 == 0 then wait(0.001) end end  -- EXPECT: persona: the scenario's data budget of 32 MiB is spent
  error("ESCAPED: the personas stopped")
end
