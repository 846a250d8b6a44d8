-- Sandbox: walking every library table finds no dump, randomseed or loaded module.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-next-library-tables", title = "Sandbox: next_library_tables", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  for _, lib in pairs({ string, table, math, coroutine, utf8 }) do
    for k in pairs(lib) do
      if k == "dump" or k == "randomseed" or k == "loaded" or k == "loadlib" then error("ESCAPED: " .. k) end
    end
  end
  error("no forbidden function in the libraries")  -- EXPECT: no forbidden function in the libraries
end
