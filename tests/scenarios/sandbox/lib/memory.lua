-- A module that eats memory (tests/scenarios/sandbox/lib_memory.lua).
local t = {}
for i = 1, 1e9 do t[i] = { i, i, i } end
