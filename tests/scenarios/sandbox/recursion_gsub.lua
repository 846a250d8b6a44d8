-- Sandbox: C-level recursion through string.gsub callbacks.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-recursion-gsub", title = "Sandbox: recursion_gsub", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local function again(s) return (s:gsub(".", again)) end  -- EXPECT: C stack overflow
  again("ab")
  error("ESCAPED: gsub recursion ended")
end
