-- A module that never ends (tests/scenarios/sandbox/lib_loop.lua).
local n = 0
while true do n = n + 1 end
