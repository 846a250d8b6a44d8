-- Sandbox: a message handler of xpcall has no debug library for a traceback.
-- If the facility were reachable the scenario would go on to error("ESCAPED ...").
-- KEEPS: c1
-- WITHIN: 10
scenario{ id = "sandbox-debug-in-message-handler", title = "Sandbox: debug_in_message_handler", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10 }

function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "before the probe" }
  wait(5)
  local ok, msg = xpcall(function() error("probe") end, function(m) return debug.traceback(m) end)
  error(msg)  -- EXPECT: error in error handling
  error("ESCAPED: debug.traceback in a message handler")
end
