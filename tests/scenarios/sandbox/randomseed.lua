-- Sandbox: no math.randomseed: the session's seed keeps replays identical.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-randomseed", title = "Sandbox: randomseed", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  math.randomseed(42)  -- EXPECT: attempt to call a nil value (field 'randomseed')
  error("ESCAPED: math.randomseed is reachable")
end
