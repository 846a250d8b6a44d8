-- A language file closes a coroutine whose budget ran out: its __close would loop with hooks off.
local co = coroutine.create(function()
  local guard <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end  -- EXPECT: instruction budget of 50 million spent
end)
coroutine.resume(co)
coroutine.close(co)
error("ESCAPED: the __close returned")
