-- Sandbox: template{} in a loop at the top level, each with 4 KiB of text (copied into C memory).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- SESSION: none
-- WITHIN: 10
scenario{ id = "sandbox-data-template-flood", title = "Sandbox: data_template_flood", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }
local text = ("t"):rep(4000)
for i = 1, 1e9 do template{ id = "t" .. i, text = text, label = text } end  -- EXPECT: template: over 1000 templates

function main()
  wait(1)
end
