-- Sandbox: texts() of a prefix the language file lacks: the error was raised in the prelude.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-texts-missing", title = "Sandbox: texts_missing", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local list = texts("missing_", 3)  -- EXPECT: no text 'missing_1'
  error("ESCAPED: the texts came")
end
