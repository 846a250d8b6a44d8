-- A language file is code too: a looping message handler while it loads.
xpcall(function() while true do end end, function() while true do end end)  -- EXPECT: instruction budget of 50 million spent
error("ESCAPED: the handler returned")
