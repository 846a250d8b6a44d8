-- Sandbox: no package library (package.loadlib loads C code: CVE-2022-0543).
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
scenario{ id = "sandbox-package", title = "Sandbox: package", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local open = package.loadlib("libc.so.6", "system")  -- EXPECT: unknown name 'package'
  error("ESCAPED: package.loadlib is reachable")
end
